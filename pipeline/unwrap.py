"""Hard-wrapped paragraphs: which line breaks only wrap a line, and a parse text without them.

Wire copy, e-mail newsletters, ``pdftotext`` output and text archives break lines at 60-100
columns. Such a break continues the sentence; the parser must not see it, or a line end
becomes a sentence end and names (``Kuala\\nLumpur``) and quotes are cut. This module
decides, for each single line break, whether it wraps a paragraph, and swaps each such
break character for a space, one for one, so every offset of the parse text points at the
same character of the original text.

A break wraps a line when the document is hard-wrapped at some width (most lines that go
on to another line fill it) and the line is full: the next line's first word would not
have fitted on it. A line that ends a sentence wraps only when the next word could not
have fitted at all; a line that does not end a sentence also wraps when it is nearly full
(text wrapped by other tools is ragged) or when the next line goes on in lower case.
Breaks stay breaks before an indented first line, a list item, and around lines that
:mod:`whosaid.furniture` recognises (bylines, markers, credits).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

# Widths people wrap at; a document whose lines cluster above this is not hard-wrapped.
MAX_WRAP_WIDTH = 160
MIN_WRAP_WIDTH = 30
# Share of the lines that go on to another line and must fill it for a document to count as wrapped.
_CLUSTERED_SHARE = 0.6
_MIN_CLUSTERED_LINES = 2
# A line of a ragged wrap (not ending a sentence) is full from this share of the width.
_RAGGED_SHARE = 0.8
_TAB = 8

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
_SENTENCE_END = re.compile(r"""(?:[.?!:;]|[.?!,]\s*(?:''|["'”’)\]]+))$""")
_LIST_ITEM = re.compile(r"^(?:[•·▪◦*]|[-–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s|\(\w{1,3}\)\s)")
_WORD = re.compile(r"\S+")
# Words that never end a paragraph or a headline: a line ending in one goes on.
_GOES_ON = frozenset(
    "a an the of in on at to for from by with into onto upon about and or but nor as than that whose which who "
    "his her its their our my your this these those is are was were be been has have had will would said".split()
)
# Small words left in lower case in a title-case line.
_TITLE_SMALL = frozenset("a an the of in on at to for from by with and or but nor as vs via".split())


@dataclass(frozen=True)
class Line:
    """One line of the text: where its content starts and ends, and its line break."""

    start: int  # first character of the line (its indentation included)
    content: int  # first non-blank character
    end: int  # end of the content, trailing blanks excluded
    brk: int  # end of the line including its line break

    indent: int  # columns of leading spaces and tabs (other blanks, such as no-break spaces, are text)


def lines_of(text: str) -> list[Line]:
    """Every line of ``text``, blank ones included, with the offsets of its parts."""
    lines = []
    for match in _LINE.finditer(text):
        if match.start() == len(text) and match.end() == match.start():
            break
        body = match.group().rstrip("\r\n")
        stripped = body.strip()
        content = match.start() + (len(body) - len(body.lstrip()))
        indent = len(body) - len(body.lstrip(" \t"))
        lines.append(Line(match.start(), content, content + len(stripped), match.end(), indent))
    return lines


def _columns(text: str, line: Line) -> int:
    return len(text[line.start : line.end].expandtabs(_TAB))


def _is_prose(text: str, line: Line) -> bool:
    words = text[line.content : line.end].split()
    letters = sum(char.isalpha() for char in text[line.content : line.end])
    return len(words) >= 4 and letters >= 0.6 * (line.end - line.content - len(words) + 1) and not _is_title(words)


def wrap_width(text: str, lines: list[Line] | None = None) -> int | None:
    """The width the text is hard-wrapped at, or None when its lines do not look wrapped."""
    lines = lines_of(text) if lines is None else lines
    going_on = [
        _columns(text, line)
        for line, after in itertools.pairwise(lines)
        if line.end > line.content and after.end > after.content and _is_prose(text, line)
    ]
    if len(going_on) < _MIN_CLUSTERED_LINES:
        return None
    ordered = sorted(going_on)
    typical = ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]
    width = max(columns for columns in ordered if columns <= 1.15 * typical)  # the widest, outliers aside
    if not MIN_WRAP_WIDTH <= width <= MAX_WRAP_WIDTH:
        return None
    clustered = sum(1 for columns in going_on if 0.75 * width <= columns)
    if clustered < max(_MIN_CLUSTERED_LINES, _CLUSTERED_SHARE * len(going_on)):
        return None
    return width


def _wraps(text: str, line: Line, after: Line, width: int | None) -> bool:
    """Whether the break between ``line`` and the non-blank line ``after`` only wraps the paragraph."""
    if after.indent > line.indent or _LIST_ITEM.match(text, after.content):
        return False
    content = text[line.content : line.end]
    words = content.split()
    if words[-1].casefold() in _GOES_ON:
        return True
    if _is_row(words) and _is_row(text[after.content : after.end].split()):
        return False  # rows of a table or a results list
    word = _WORD.match(text, after.content)
    next_word = len(word.group()) if word else 0
    ends_sentence = _SENTENCE_END.search(content) is not None
    if width is not None:
        needed = _columns(text, line) + 1 + next_word
        if needed > width:
            return True
        if not ends_sentence and needed > _RAGGED_SHARE * width:
            return True
    return not ends_sentence and text[after.content].islower() and len(words) >= 3


def _is_row(words: list[str]) -> bool:
    """A table row or results line: it starts with a capital or a digit, ends in a number and has another."""
    numbers = [word for word in words if any(char.isdigit() for char in word)]
    return len(numbers) >= 2 and any(char.isdigit() for char in words[-1]) and not words[0][0].islower()


def _is_title(words: list[str]) -> bool:
    """A headline or list of titles in title case ('Clinton Wins The Iowa Caucus')."""
    lettered = [word for word in words if word[:1].isalpha() and word.casefold() not in _TITLE_SMALL]
    return len(lettered) >= 3 and all(word[0].isupper() for word in lettered)


def wrapped_breaks(text: str, keep: Callable[[int, int], bool] | None = None) -> list[tuple[int, int]]:
    """The line breaks (start, end) inside hard-wrapped paragraphs.

    ``keep(start, end)`` says whether the line with that content must stay a line of its
    own (a byline, a marker); the breaks before and after it then stay.
    """
    lines = lines_of(text)
    width = wrap_width(text, lines)
    breaks = []
    for line, after in itertools.pairwise(lines):
        if line.end == line.content or after.end == after.content:
            continue  # a blank line: a paragraph break
        if keep is not None and (keep(line.content, line.end) or keep(after.content, after.end)):
            continue
        if _wraps(text, line, after, width):
            breaks.append((line.end, line.brk))
    return breaks


def join_wrapped(text: str, breaks: list[tuple[int, int]]) -> str:
    """``text`` with the line-break characters of ``breaks`` swapped for spaces, one for one."""
    if not breaks:
        return text
    chars = list(text)
    for start, end in breaks:
        for i in range(start, end):
            if chars[i] in "\r\n":
                chars[i] = " "
    return "".join(chars)
