"""Find the spans that stand inside quotation marks, from the characters alone.

Handles straight, curly, single (British) and guillemet marks; tells apostrophes
("don't", "the Smiths'") from single quotation marks; follows the news convention
of a quote running over several paragraphs (each paragraph opens with a mark, only
the last one closes); and never lets an unbalanced mark swallow the rest of the
article: a quote left open ends with its paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from whosaid.cues import DOUBLE_CLOSERS, DOUBLE_OPENERS, ONLY_CLOSES, ONLY_OPENS, QUOTE_CHARS

_NO_OPEN_AFTER = frozenset(".,!?)]}%")


@dataclass(frozen=True)
class QuotedSpan:
    """Text inside one pair of quotation marks, possibly over several paragraphs."""

    fragments: tuple[tuple[int, int], ...]  # content without the marks, one per paragraph
    closed: bool  # False when the paragraph ended before a closing mark

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


def _family(char: str) -> str:
    return "double" if char in DOUBLE_OPENERS or char in DOUBLE_CLOSERS else "single"


def mark_at(text: str, i: int) -> tuple[str, int]:
    """The mark at ``i`` and its width: ``''`` and ``````, as in typewriter-style news, are one double mark."""
    pair = text[i : i + 2]
    if pair in ("''", "``"):
        return '"', 2
    return text[i], 1


def _roles(text: str, i: int) -> tuple[bool, bool]:
    """Whether the mark at ``i`` can open and whether it can close a quote."""
    char, width = mark_at(text, i)
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    if before.isalnum() and after.isalnum():
        return False, False  # an apostrophe inside a word: don't, O'Brien
    can_open = not after.isspace() and not before.isalnum() and before not in _NO_OPEN_AFTER
    can_close = not after.isalnum() and (not before.isspace() or _after_closing_punctuation(text, i))
    if char in ONLY_OPENS:
        can_close = can_close and char not in "‘‚"  # “ closes only in German-style „…“
    if char in ONLY_CLOSES:
        can_open = False
    if _family(char) == "single" and can_open and after.isdigit():
        can_open = False  # '90s, ’em-style elisions
    return can_open, can_close


def _after_closing_punctuation(text: str, i: int) -> bool:
    """A mark set off by a space after a quote's last comma or stop: 'coalitions, \'\' said'."""
    k = i - 1
    while k >= 0 and text[k] in " \t":
        k -= 1
    return k >= 0 and k < i - 1 and (text[k] in ",.!?…" or text[k] in QUOTE_CHARS)


_STOPS = re.compile("[" + re.escape("".join(sorted(QUOTE_CHARS | {"`", "\n"}))) + "]")  # where a mark may be


@lru_cache(maxsize=8)
def find_quoted_spans(text: str) -> tuple[QuotedSpan, ...]:
    """Every outermost quoted span in ``text``, in order (kept for the last few texts: the
    entity and quote stages both ask for them)."""
    return tuple(_quoted_spans(text))


def _quoted_spans(text: str) -> list[QuotedSpan]:
    spans: list[QuotedSpan] = []
    # Pending opening marks: (position, family). Only the outermost becomes a span.
    stack: list[tuple[int, str]] = []
    fragments: list[tuple[int, int]] = []
    start_of_fragment = 0
    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        if char == "\n" and stack:
            paragraph_end = i
            j = i
            while j < length and text[j].isspace():
                j += 1
            outer_family = stack[0][1]
            if j < length and _is_mark(text, j) and _family(mark_at(text, j)[0]) == outer_family and _roles(text, j)[0]:
                # The news convention: the quote goes on in the next paragraph.
                fragments.append((start_of_fragment, _rstrip(text, start_of_fragment, paragraph_end)))
                stack = stack[:1]
                start_of_fragment = j + mark_at(text, j)[1]
                i = start_of_fragment
                continue
            if outer_family == "double":
                fragments.append((start_of_fragment, _rstrip(text, start_of_fragment, paragraph_end)))
                spans.append(QuotedSpan(tuple(fragments), closed=False))
            stack, fragments = [], []
            i += 1
            continue
        if char not in QUOTE_CHARS and char != "`":
            # Nothing happens before the next mark or line break: go straight there.
            found = _STOPS.search(text, i + 1)
            i = found.start() if found else length
            continue
        char, width = mark_at(text, i)
        if char == "`":
            i += 1
            continue
        can_open, can_close = _roles(text, i)
        family = _family(char)
        pending = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == family), None)
        if can_close and pending is not None:
            if pending == 0:
                fragments.append((start_of_fragment, _rstrip(text, start_of_fragment, i)))
                spans.append(QuotedSpan(tuple(fragments), closed=True))
                stack, fragments = [], []
            else:
                stack = stack[:pending]
        elif can_open:
            if not stack:
                start_of_fragment = i + width
            stack.append((i, family))
        i += width
    if stack and stack[0][1] == "double":
        fragments.append((start_of_fragment, _rstrip(text, start_of_fragment, length)))
        spans.append(QuotedSpan(tuple(fragments), closed=False))
    return [span for span in spans if span.end > span.start]


def _is_mark(text: str, i: int) -> bool:
    return text[i] in QUOTE_CHARS or text[i : i + 2] == "``"


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


Mask = bytearray  # one byte a character, 1 where it is quoted: a list of bools costs 8 bytes a character


def quoted_mask(text: str, spans: Sequence[QuotedSpan]) -> Mask:
    """For each character (and one past the end), whether it lies inside quoted content or its marks."""
    mask = bytearray(len(text) + 1)
    for span in spans:
        for start, end in span.fragments:
            low, high = max(0, start - 1), min(len(text), end + 1)
            if low < high:
                mask[low:high] = b"\x01" * (high - low)
    return mask
