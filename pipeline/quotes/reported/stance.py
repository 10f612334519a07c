"""Adjectives of attitude: "Democrats are wary of a long primary", "she is confident that ..."."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import ADJECTIVE_PREPOSITIONS
from whosaid.quotes.cue import source_of
from whosaid.quotes.method import Method
from whosaid.quotes.sources import indirect_draft
from whosaid.quotes.trim import trim_content

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft


def from_adjective(ctx: Context, adjective: Token, method: Method = Method.STANCE) -> Draft | None:
    content: Token | None = None
    for child in adjective.children:
        if child.dep_ == "ccomp" and child.i > adjective.i:
            content = child
            break
        if child.dep_ == "prep" and child.lower_ in ADJECTIVE_PREPOSITIONS and child.i > adjective.i:
            content = next((c for c in child.children if c.dep_ in ("pobj", "pcomp")), None)
            if content is not None:
                break
    if content is None:
        return None
    bounds = trim_content(ctx, content.left_edge, content.right_edge)
    source = source_of(adjective.head)
    if bounds is None or source is None:
        return None
    return indirect_draft(ctx, source, [bounds], method, adjective)
