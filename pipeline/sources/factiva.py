"""Factiva exports saved as text: many articles, each closed by its ``Document <accession no.>`` line.

Factiva's article format puts, before the body, the headline, perhaps a byline, the word
count (``1,234 words``), the date (``11 January 2010``), perhaps a time, the source name and
code, the language and the copyright line. Each article becomes its headline, a blank line
and its body paragraphs; the accession number is its id.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whosaid.sources import InputArticle, Item

_DOCUMENT = re.compile(r"^\s*Document (?P<key>[A-Za-z0-9]{16,40})\s*$")
_WORDS = re.compile(r"^\d[\d,.]* words$", re.I)
_DATE = re.compile(r"^\d{1,2} [A-Z][a-z]+ \d{4}$|^[A-Z][a-z]+ \d{1,2}, \d{4}$")
_TIME = re.compile(r"^\d{1,2}:\d{2}(?:\s*(?:AM|PM|GMT|ET|[A-Z]{2,4}))?$", re.I)
_CODE = re.compile(r"^[A-Z0-9]{2,10}$")
_LANGUAGE = re.compile(r"^(?:English|French|German|Spanish|Italian|Dutch|Portuguese|Chinese|Japanese|Russian|Arabic)$")
_COPYRIGHT = re.compile(r"^(?:\(c\)|©|Copyright\b)", re.I)
_BY = re.compile(r"^By\b", re.I)


def looks_like_factiva(text: str) -> bool:
    """Whether ``text`` is a Factiva export: ``Document`` accession lines and word counts."""
    lines = text.splitlines()
    return any(_DOCUMENT.match(line) for line in lines) and any(_WORDS.match(line.strip()) for line in lines)


def read_factiva(text: str, encoding: str = "utf-8") -> Iterator[Item]:
    """The articles of a Factiva text export, in order."""
    chunk: list[tuple[int, str]] = []
    index = 0
    for number, raw_line in enumerate(text.splitlines(), start=1):
        match = _DOCUMENT.match(raw_line)
        if match is None:
            if raw_line.strip():
                chunk.append((number, raw_line.strip()))
            continue
        if chunk:
            yield _article(chunk, match.group("key"), index, encoding)
            index += 1
        chunk = []
    if chunk and any(_WORDS.match(line) for _, line in chunk):
        yield _article(chunk, None, index, encoding)


def _article(chunk: list[tuple[int, str]], key: str | None, index: int, encoding: str) -> InputArticle:
    lines = [line for _, line in chunk]
    words_at = next((i for i, line in enumerate(lines[:8]) if _WORDS.match(line)), None)
    headline = lines[0] if words_at else None
    byline = next((line for line in lines[1:words_at] if _BY.match(line)), None) if words_at else None
    at = (words_at + 1) if words_at is not None else 0
    published = publication = None
    if words_at is not None:
        if at < len(lines) and _DATE.match(lines[at]):
            published = lines[at]
            at += 1
        if at < len(lines) and _TIME.match(lines[at]):
            published = f"{published} {lines[at]}" if published else None
            at += 1
        if at < len(lines):
            publication = lines[at]
            at += 1
        for pattern in (_CODE, _LANGUAGE, _COPYRIGHT):
            if at < len(lines) and pattern.match(lines[at]):
                at += 1
    body = lines[at:]
    paragraphs = ([headline] if headline else []) + body
    return InputArticle(
        text="\n\n".join(paragraphs) + "\n",
        format="factiva",
        encoding=encoding,
        key=key,
        title=headline,
        published=published,
        byline=_BY.sub("", byline).strip() if byline else None,
        publication=publication,
        line=chunk[0][0],
        index=index,
    )
