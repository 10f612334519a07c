"""The news layout: which lines of an article are headline, standfirst, dateline, captions, body.

The layout is a headline on the first line, then an optional standfirst, a
``Published: <date>`` dateline, photo captions and credits, and the body. Wire and archive
copy adds bylines, markers and credits (see :mod:`whosaid.furniture`) and a dateline that
opens the first paragraph (``PARIS (AP) -``). Articles without that layout are read too:
whatever is not recognised is body. The layout is found on the text with its hard-wrapped
line breaks already joined (see :mod:`whosaid.unwrap`), so a line here is a paragraph, a
headline or a caption, as the parser sees it; every offset points into the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from whosaid.furniture import furniture_kind, match_dateline
from whosaid.models import Section

_PUBLISHED = re.compile(r"^\s*(?:Published|Posted|Updated|Date)\s*[:;]\s*(?P<value>\S.*?)\s*$", re.I)
# Photo captions and credits as news sites print them under the headline or inline.
_CAPTION = re.compile(
    r"(?:\b(?:Credit|Credits|Photo|Photograph|Image|Picture|Pictured|Caption)\s*[:;]"
    r"|\b(?:Getty Images|AP Photo|Reuters/|/AFP|/Reuters|Image caption|Image copyright|Photo credit)\b)",
    re.I,
)
_ARCHIVE_DATELINE = re.compile(r"(?:DATELINE|Dateline)\s?:\s*(?P<place>[^,;:]+?)\s*(?:[,;:].*)?$")
_MAX_HEADLINE_CHARS = 300
_SENTENCE_PUNCTUATION = ".?!:;,\"'”’"
_MAX_CAPTION_CHARS = 400
# A wire dateline opens one of the first paragraphs of the body.
_DATELINE_SEARCH_LINES = 4
# Kinds that keep each line a section of its own; body and standfirst lines merge.
_MERGING = ("body", "standfirst")


@dataclass(frozen=True)
class Found:
    """The layout of one text: its sections and what they name."""

    sections: list[Section]
    title: str | None = None
    standfirst: str | None = None
    published: str | None = None
    place: str | None = None  # the place of a wire or archive dateline


def is_published_line(line: str) -> bool:
    """Whether ``line`` is a ``Published: <date>`` dateline."""
    return _PUBLISHED.match(line) is not None


def _lines(text: str) -> list[tuple[int, int]]:
    """Each line's (start, end) without its line break and outer whitespace; blank lines dropped."""
    spans = []
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        spans.append((start, start + len(stripped)))
    return spans


def _is_blank_between(text: str, end: int, start: int) -> bool:
    return text[end:start].count("\n") >= 2 or text[end:start].count("\r") >= 2


def find(text: str) -> Found:
    """Split ``text`` (hard-wrapped breaks joined) into sections and read what they name."""
    lines = _lines(text)
    if not lines:
        return Found([])
    kinds: list[str] = ["body"] * len(lines)
    published: str | None = None
    place: str | None = None
    dateline_at = next(
        (i for i, (s, e) in enumerate(lines[:12]) if i > 0 and _PUBLISHED.match(text[s:e])),
        None,
    )
    has_headline = (
        len(lines) > 1
        and lines[0][1] - lines[0][0] <= _MAX_HEADLINE_CHARS
        and furniture_kind(text[lines[0][0] : lines[0][1]]) is None
        and (
            dateline_at is not None
            or _is_blank_between(text, lines[0][1], lines[1][0])
            or _furniture_follows(text, lines)
            or _short_before_paragraph(text, lines)
        )
    )
    if has_headline:
        kinds[0] = "headline"
    if dateline_at is not None:
        start, end = lines[dateline_at]
        match = _PUBLISHED.match(text[start:end])
        assert match is not None  # matched just above
        published = match.group("value")
        kinds[dateline_at] = "dateline"
        for i in range(1 if has_headline else 0, dateline_at):
            kinds[i] = "standfirst"
        # Captions sit right under the dateline, before the first body paragraph.
        i = dateline_at + 1
        while i < len(lines) and _is_caption(text, *lines[i]):
            kinds[i] = "caption"
            i += 1
    for i, (start, end) in enumerate(lines):
        if kinds[i] != "body":
            continue
        furniture = furniture_kind(text[start:end])
        if furniture is not None:
            kinds[i] = furniture
            archive = _ARCHIVE_DATELINE.match(text, start, end)
            if archive is not None and place is None:
                place = archive.group("place")
        elif _is_caption(text, start, end) and end - start < 200:
            kinds[i] = "caption"
    lines, kinds, wire_place = _split_wire_dateline(text, lines, kinds)
    sections = _merge_sections(lines, kinds)
    title = next((text[s.start : s.end] for s in sections if s.kind == "headline"), None)
    standfirst = next((text[s.start : s.end] for s in sections if s.kind == "standfirst"), None)
    return Found(sections, title, standfirst, published, wire_place or place)


def _furniture_follows(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether a byline, marker or wire dateline comes right under the first line (wire copy)."""
    start, end = lines[1]
    return furniture_kind(text[start:end]) is not None or match_dateline(text, start, end) is not None


def _short_before_paragraph(text: str, lines: list[tuple[int, int]]) -> bool:
    """A first line without a full stop, shorter than the paragraph under it (pdftotext, e-mail)."""
    (start, end), (next_start, next_end) = lines[0], lines[1]
    return text[end - 1] not in _SENTENCE_PUNCTUATION and 2 * (end - start) < next_end - next_start


def _split_wire_dateline(
    text: str, lines: list[tuple[int, int]], kinds: list[str]
) -> tuple[list[tuple[int, int]], list[str], str | None]:
    """Cut a wire dateline (``PARIS (AP) -``) off the first body paragraph, as a section of its own."""
    body = [i for i, kind in enumerate(kinds) if kind == "body"][:_DATELINE_SEARCH_LINES]
    for i in body:
        start, end = lines[i]
        match = match_dateline(text, start, end)
        if match is None:
            continue
        cut = match.end()
        rest = cut + len(text[cut:end]) - len(text[cut:end].lstrip())
        if rest >= end:
            continue
        dateline_end = match.start() + len(match.group().rstrip())
        new_lines = [*lines[:i], (start, dateline_end), (rest, end), *lines[i + 1 :]]
        new_kinds = [*kinds[:i], "dateline", "body", *kinds[i + 1 :]]
        return new_lines, new_kinds, match.group("place")
    return lines, kinds, None


def _is_caption(text: str, start: int, end: int) -> bool:
    return end - start <= _MAX_CAPTION_CHARS and _CAPTION.search(text, start, end) is not None


def _merge_sections(lines: list[tuple[int, int]], kinds: list[str]) -> list[Section]:
    """Join neighbouring lines of one kind into one section (body paragraphs stay one body)."""
    sections: list[Section] = []
    for (start, end), kind in zip(lines, kinds, strict=True):
        if sections and sections[-1].kind == kind and kind in _MERGING:
            last = sections.pop()
            sections.append(Section(kind=last.kind, start=last.start, end=end))
        else:
            sections.append(Section(kind=kind, start=start, end=end))  # type: ignore[arg-type]
    return sections
