"""Where reported content ends: token ranges to character ranges, without edge punctuation
or a trailing appendage (", who ...", ", when ...")."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from whosaid.cues import QUOTE_CHARS

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotes.drafts import Context

_APPENDAGE_DEPS = frozenset({"relcl", "advcl", "acl", "appos", "npadvmod"})


def trim_content(ctx: Context, start: Token, end: Token) -> tuple[int, int] | None:
    """Character range of tokens ``start..end``, without edge punctuation and commas."""
    doc = ctx.doc
    i, j = start.i, end.i
    while i <= j and ((doc[i].is_punct and doc[i].text not in QUOTE_CHARS) or doc[i].is_space):
        i += 1
    while j >= i and ((doc[j].is_punct and doc[j].text not in QUOTE_CHARS) or doc[j].is_space):
        j -= 1
    if j < i:
        return None
    return doc[i].idx, doc[j].idx + len(doc[j])


def bounds(ctx: Context, tokens: list[Token]) -> tuple[int, int] | None:
    return trim_content(ctx, tokens[0], tokens[-1]) if tokens else None


def without_appendage(ctx: Context, span: tuple[int, int]) -> tuple[int, int]:
    """Cut a trailing ", who ...", ", when ...", ", down from ..." off reported content."""
    start, end = span
    first = ctx.token_at(start)
    last = ctx.token_at(end - 1)
    if first is None or last is None:
        return span
    commas = ctx.commas[bisect.bisect_right(ctx.commas, first.i) : bisect.bisect_left(ctx.commas, last.i)]
    for token in (ctx.doc[i] for i in commas):
        after = ctx.doc[token.i + 1]
        head = after
        while head.head.i != head.i and head.head.i > token.i and head.head.i <= last.i:
            head = head.head
        if head.dep_ in _APPENDAGE_DEPS and head.head.i < token.i and head.right_edge.i >= last.i:
            return start, token.idx
    return span
