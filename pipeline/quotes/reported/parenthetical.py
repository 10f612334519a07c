"""Parenthetical attribution: "The economy, Warren said, is in trouble" (content in two fragments)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.quotes.cue import subject_of
from whosaid.quotes.method import Method
from whosaid.quotes.sources import indirect_draft
from whosaid.quotes.trim import bounds, without_appendage

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft


def parenthetical(ctx: Context, verb: Token) -> Draft | None:
    """The content around a cue that interrupts it; the cue's subject is the source."""
    head = verb.head
    inner = {t.i for t in verb.subtree}
    outside = [t for t in head.subtree if t.i not in inner]
    left = [t for t in outside if t.i < verb.left_edge.i]
    right = [t for t in outside if t.i > verb.right_edge.i]
    fragments = [b for b in (bounds(ctx, part) for part in (left, right)) if b is not None]
    if fragments:
        fragments[-1] = without_appendage(ctx, fragments[-1])
    subject = subject_of(verb)
    if not fragments or subject is None:
        return None
    return indirect_draft(ctx, subject, fragments, Method.PARENTHETICAL, verb)
