"""Reported content "according to X": the longer side of the sentence is the content."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.quotes.method import Method
from whosaid.quotes.sources import according_source, indirect_draft
from whosaid.quotes.trim import trim_content

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context, Draft


def from_according(ctx: Context, according: Token) -> Draft | None:
    source = according_source(according)
    if source is None:
        return None
    sentence = according.sent
    phrase_start = according.left_edge.i
    phrase_end = max(according.right_edge.i, source.right_edge.i)
    if phrase_start - sentence.start > sentence.end - 1 - phrase_end:
        bounds = trim_content(ctx, sentence[0], ctx.doc[phrase_start - 1]) if phrase_start > sentence.start else None
    else:
        bounds = trim_content(ctx, ctx.doc[phrase_end + 1], sentence[-1]) if phrase_end + 1 < sentence.end else None
    if bounds is None:
        return None
    return indirect_draft(ctx, source, [bounds], Method.ACCORDING_TO, according)
