"""Stage 1, read: decode an article's bytes and recognise the usual news layout.

The layout is a headline on the first line, then an optional standfirst, a
``Published: <date>`` dateline, photo captions and credits, and the body. Articles
without that layout are read too: whatever is not recognised is body. Every offset
points into the whole decoded text, which the record keeps unchanged.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from whosaid import errors
from whosaid.models import Section

DEFAULT_MAX_BYTES = 5_000_000

_DATELINE = re.compile(r"^\s*(?:Published|Posted|Updated|Date)\s*[:;]\s*(?P<value>\S.*?)\s*$", re.I)
# Photo captions and credits as news sites print them under the headline or inline.
_CAPTION = re.compile(
    r"(?:\b(?:Credit|Credits|Photo|Photograph|Image|Picture|Pictured|Caption)\s*[:;]"
    r"|\b(?:Getty Images|AP Photo|Reuters/|/AFP|/Reuters|Image caption|Image copyright|Photo credit)\b)",
    re.I,
)
_MAX_HEADLINE_CHARS = 300
_MAX_CAPTION_CHARS = 400


@dataclass(frozen=True)
class Layout:
    """The read stage's result: the decoded text and where its parts are."""

    text: str
    encoding: str
    sha256: str
    title: str | None = None
    standfirst: str | None = None
    published_text: str | None = None
    sections: list[Section] = field(default_factory=list)


def decode(raw: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8, else as the encoding charset-normalizer finds most likely."""
    if not raw:
        raise errors.ArticleError(errors.E_EMPTY)
    if b"\x00" in raw[:8192] and not raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise errors.ArticleError(errors.E_BINARY)
    try:
        if raw.startswith(b"\xef\xbb\xbf"):
            return raw.decode("utf-8-sig"), "utf-8-sig"
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise errors.ArticleError(errors.E_BINARY)
    text = str(best)
    if _looks_binary(text):
        raise errors.ArticleError(errors.E_BINARY)
    return text, best.encoding


def _looks_binary(text: str) -> bool:
    controls = sum(1 for char in text[:4096] if ord(char) < 32 and char not in "\t\n\r\f\v")
    return controls > len(text[:4096]) * 0.01


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
    return text[end:start].count("\n") >= 2


def find_layout(text: str) -> tuple[list[Section], str | None, str | None, str | None]:
    """Split ``text`` into sections; return them with the title, standfirst and dateline value."""
    lines = _lines(text)
    if not lines:
        return [], None, None, None
    kinds: list[str] = ["body"] * len(lines)
    published: str | None = None
    dateline_at = next(
        (i for i, (s, e) in enumerate(lines[:12]) if i > 0 and _DATELINE.match(text[s:e])),
        None,
    )
    has_headline = (
        len(lines) > 1
        and lines[0][1] - lines[0][0] <= _MAX_HEADLINE_CHARS
        and (dateline_at is not None or _is_blank_between(text, lines[0][1], lines[1][0]))
    )
    if has_headline:
        kinds[0] = "headline"
    if dateline_at is not None:
        start, end = lines[dateline_at]
        match = _DATELINE.match(text[start:end])
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
        if kinds[i] == "body" and _is_caption(text, start, end) and end - start < 200:
            kinds[i] = "caption"
    sections = _merge_sections(text, lines, kinds)
    title = next((text[s.start : s.end] for s in sections if s.kind == "headline"), None)
    standfirst = next((text[s.start : s.end] for s in sections if s.kind == "standfirst"), None)
    return sections, title, standfirst, published


def _is_caption(text: str, start: int, end: int) -> bool:
    return end - start <= _MAX_CAPTION_CHARS and _CAPTION.search(text, start, end) is not None


def _merge_sections(text: str, lines: list[tuple[int, int]], kinds: list[str]) -> list[Section]:
    """Join neighbouring lines of one kind into one section (body paragraphs stay one body)."""
    sections: list[Section] = []
    for (start, end), kind in zip(lines, kinds, strict=True):
        if sections and sections[-1].kind == kind and kind in ("body", "standfirst"):
            last = sections.pop()
            sections.append(Section(kind=last.kind, start=last.start, end=end))
        else:
            sections.append(Section(kind=kind, start=start, end=end))  # type: ignore[arg-type]
    return sections


def read_bytes(raw: bytes) -> Layout:
    """The read stage on bytes already loaded: decode, hash and find the layout."""
    text, encoding = decode(raw)
    if not text.strip():
        raise errors.ArticleError(errors.E_BLANK)
    sections, title, standfirst, published = find_layout(text)
    return Layout(
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=title,
        standfirst=standfirst,
        published_text=published,
        sections=sections,
    )
