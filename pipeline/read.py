"""Stage 1, read: decode an article's bytes, join its hard-wrapped lines, find its layout.

The record keeps the decoded text unchanged. The parser gets ``parse_text``: the same
text, of the same length, with the line breaks of hard-wrapped paragraphs swapped for
spaces (:mod:`whosaid.unwrap`) and wire furniture (bylines, markers, credits, the
``PARIS (AP) -`` dateline; :mod:`whosaid.furniture`) blanked, so every offset into it
points at the same character of the original. The layout (:mod:`whosaid.layout`) is
found on the joined text, so its lines are the paragraphs the parser sees.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from whosaid import errors
from whosaid.furniture import furniture_kind, match_dateline
from whosaid.layout import find, is_published_line
from whosaid.models import Section
from whosaid.unwrap import join_wrapped, wrapped_breaks

DEFAULT_MAX_BYTES = 5_000_000
# Layout parts the parser does not see (blanked in the parse text): they are not the story.
UNPARSED_KINDS = frozenset({"byline", "marker", "credit"})


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
    parse_text: str = ""  # what the parser reads: as long as ``text``; empty means ``text`` itself
    place: str | None = None  # the place of a wire or archive dateline

    def __post_init__(self) -> None:
        if not self.parse_text:
            object.__setattr__(self, "parse_text", self.text)
        if len(self.parse_text) != len(self.text):
            raise ValueError("the parse text must be as long as the text")


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


def read_bytes(raw: bytes) -> Layout:
    """The read stage on bytes already loaded: decode, hash and find the layout."""
    text, encoding = decode(raw)
    if not text.strip():
        raise errors.ArticleError(errors.E_BLANK)
    joined = join_wrapped(text, wrapped_line_breaks(text))
    found = find(joined)
    return Layout(
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(raw).hexdigest(),
        title=found.title,
        standfirst=found.standfirst,
        published_text=found.published,
        sections=found.sections,
        parse_text=_for_parser(joined, found.sections),
        place=found.place,
    )


def find_layout(text: str) -> tuple[list[Section], str | None, str | None, str | None]:
    """Sections, title, standfirst and ``Published:`` value of ``text`` (its hard-wrapped lines joined)."""
    found = find(join_wrapped(text, wrapped_line_breaks(text)))
    return found.sections, found.title, found.standfirst, found.published


def wrapped_line_breaks(text: str) -> list[tuple[int, int]]:
    """The line breaks inside hard-wrapped paragraphs of ``text`` (furniture keeps its own lines)."""
    return wrapped_breaks(text, keep=lambda start, end: _own_line(text[start:end]))


def _own_line(line: str) -> bool:
    """Lines that stay lines of their own, however full the line before: furniture and datelines."""
    return furniture_kind(line) is not None or is_published_line(line)


def _for_parser(text: str, sections: list[Section]) -> str:
    """``text`` with furniture blanked and a wire dateline cut to its place, as its own sentence.

    Every character is swapped for one (a space, or the line break that ends the dateline's
    place), so offsets hold; line breaks stay. The dateline's place stays for the parser (it
    is a place the article names); the agency and dash do not.
    """
    chars = list(text)
    for section in sections:
        start = section.start
        if section.kind == "dateline":
            match = match_dateline(text, section.start, len(text))
            if is_published_line(text[section.start : section.end]) or match is None:
                continue
            start = match.end("place")
            chars[start] = "\n"
            start += 1
        elif section.kind not in UNPARSED_KINDS:
            continue
        for i in range(start, section.end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
