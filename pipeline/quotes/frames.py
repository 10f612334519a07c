"""The words around a direct quote where its attribution stands: the frame after the closing
mark, the frame before the opening one, a colon-ended sentence before, a dash signature."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import DASHES, QUOTE_CHARS
from whosaid.quotes.cue import SENTENCE_END

if TYPE_CHECKING:
    from spacy.tokens import Token
    from whosaid.quotemarks import QuotedSpan
    from whosaid.quotes.drafts import Context

QUOTE_MARK_CHARS = "".join(sorted(QUOTE_CHARS)) + "`"
MAX_FRAME_TOKENS = 40


def frame_after(ctx: Context, span: QuotedSpan) -> list[Token]:
    """Tokens after the closing mark up to the end of the sentence or paragraph."""
    text = ctx.text
    offset = span.end
    while offset < len(text) and (text[offset] in " \t" or text[offset] in QUOTE_MARK_CHARS):
        offset += 1
    first = ctx.token_at(offset)
    if first is None:
        return []
    frame: list[Token] = []
    for token in ctx.doc[first.i : first.i + MAX_FRAME_TOKENS]:
        if "\n" in token.text or ctx.in_quote(token):
            break
        frame.append(token)
        if token.text in SENTENCE_END or "\n" in token.whitespace_:
            break
    return frame


def frame_before(ctx: Context, span: QuotedSpan) -> list[Token]:
    """Tokens from the start of the sentence up to the opening mark."""
    mark = ctx.token_at(span.start - 1)
    if mark is None or mark.i == 0:
        return []
    frame: list[Token] = []
    for token in reversed(ctx.doc[max(0, mark.i - MAX_FRAME_TOKENS) : mark.i]):
        if "\n" in token.text or "\n" in token.whitespace_ or ctx.in_quote(token) or token.text in SENTENCE_END:
            break
        frame.append(token)
    frame.reverse()
    return frame


def colon_frame(ctx: Context, span: QuotedSpan) -> list[Token]:
    """The sentence before the quote when it ends with a colon ("The Times reports:")."""
    mark = ctx.token_at(span.start - 1)
    if mark is None or mark.i == 0:
        return []
    last = ctx.doc[mark.i - 1]
    while last.i > 0 and last.is_space:
        last = ctx.doc[last.i - 1]
    if last.text != ":":
        return []
    frame = []
    for token in reversed(ctx.doc[max(0, last.i - MAX_FRAME_TOKENS) : last.i]):
        if token.text in SENTENCE_END or ctx.in_quote(token) or "\n" in token.whitespace_ or "\n" in token.text:
            break
        frame.append(token)
    frame.reverse()
    return frame


def dash_line(ctx: Context, span: QuotedSpan, after: list[Token]) -> tuple[int, int] | None:
    """Where the signature after a dash is, on the quote's line or alone on the next one:
    '"..." - Commissioner Geoffrey Starks', '"..."\n\n-Harriet Lomax, Duluth.'."""
    text = ctx.text
    if after:
        if after[0].text not in DASHES or len(after) < 2:
            return None
        return after[1].idx, after[-1].idx + len(after[-1])
    offset = span.end
    while offset < len(text) and text[offset] in QUOTE_MARK_CHARS + " \t":
        offset += 1
    if offset >= len(text) or text[offset] not in "\r\n":
        return None
    while offset < len(text) and text[offset].isspace():
        offset += 1
    if offset >= len(text) or text[offset] not in DASHES:
        return None
    end = text.find("\n", offset)
    end = len(text) if end < 0 else end
    return (offset + 1, end) if end - offset <= 100 else None
