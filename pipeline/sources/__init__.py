"""Input formats: every way an article can come in, as plain functions from bytes to articles.

A reader takes the bytes of one input (a file or standard input) and yields the articles in
it, in order, each with the text to analyse and what the input says about it (title, date,
byline, its own id) and where in the input it was (line, index). A part of the input that is
no article (a bad JSON line, a CSV row without text) is yielded as a ``BadItem`` naming its
line, so the caller can report it and go on. The runner and the Python API both use these
functions; none of them knows about output folders or record files.

Formats are chosen by extension (``FORMATS``), or given (``--format``). A ``.txt`` file is
one article unless it is a LexisNexis / Nexis Uni text export, which is split.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import BinaryIO, get_args

from whosaid.models import SourceFormat

FORMAT_NAMES: tuple[str, ...] = get_args(SourceFormat)

# Extension -> format. ``.txt`` may still turn out to be a Nexis export (see ``read_articles``).
FORMATS: dict[str, SourceFormat] = {
    ".txt": "txt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".html": "html",
    ".htm": "html",
    ".docx": "docx",
}


@dataclass(frozen=True)
class Fields:
    """Where a JSONL object or CSV row keeps each part of an article: names tried in order.

    A name with dots (``meta.url``) looks inside nested JSON objects.
    """

    text: tuple[str, ...] = ("text", "body", "content", "maintext")
    title: tuple[str, ...] = ("title", "headline")
    id: tuple[str, ...] = ("id", "url")
    published: tuple[str, ...] = ("date", "published", "date_publish", "publication_date")

    def override(
        self, *, text: str | None = None, title: str | None = None, id: str | None = None, published: str | None = None
    ) -> Fields:
        """These fields, with each given name replacing the usual names of its part."""
        return Fields(
            text=(text,) if text else self.text,
            title=(title,) if title else self.title,
            id=(id,) if id else self.id,
            published=(published,) if published else self.published,
        )


@dataclass(frozen=True)
class InputArticle:
    """One article found in an input, before the read stage.

    ``text`` is what is analysed, and what every offset of the record points into.
    ``key`` is the article's own id in the input (its id or url field), when it has one.
    ``line`` (1-based) is the input line the article starts on; ``index`` (0-based) its
    position among the input's articles.
    """

    text: str
    format: SourceFormat
    encoding: str = "utf-8"
    key: str | None = None
    title: str | None = None
    published: str | None = None
    byline: str | None = None
    publication: str | None = None
    line: int | None = None
    index: int | None = None

    def fingerprint(self) -> str:
        """A hash of everything that goes into the record (where it was too), so a re-run can skip
        the articles that did not change."""
        return hashlib.sha256(json.dumps(asdict(self), sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class BadItem:
    """A part of an input that is not a readable article, and why."""

    reason: str
    line: int | None = None
    index: int | None = None

    def message(self) -> str:
        return f"line {self.line}: {self.reason}" if self.line is not None else self.reason


Item = InputArticle | BadItem


def format_for(path: Path) -> SourceFormat | None:
    """The format a file's extension names, or None when whosaid does not read it."""
    return FORMATS.get(path.suffix.lower())


def read_articles(raw: bytes | BinaryIO, fmt: SourceFormat, fields: Fields | None = None) -> Iterator[Item]:
    """Every article in one input (its bytes, or a binary stream) read as ``fmt``, in order.

    ``txt``: one article (``text`` decoded as the read stage decodes it), or the articles of a
    Nexis text export; ``nexis`` insists on the split. Raises ``errors.ArticleError`` when the
    input as a whole cannot be read (an empty file, a broken DOCX).
    """
    from whosaid.read import decode

    if fmt == "jsonl":
        from whosaid.sources.tabular import read_jsonl

        yield from read_jsonl(raw, fields or Fields())  # streams: JSON Lines can be large
        return
    if not isinstance(raw, bytes):
        raw = raw.read()
    if fmt == "csv":
        from whosaid.sources.tabular import read_csv

        yield from read_csv(raw, fields or Fields())
    elif fmt == "html":
        from whosaid.sources.html import read_html

        yield read_html(raw)
    elif fmt == "docx":
        from whosaid.sources.nexis import read_nexis_docx

        yield from read_nexis_docx(raw)
    else:
        from whosaid.sources.factiva import looks_like_factiva, read_factiva
        from whosaid.sources.nexis import looks_like_nexis, read_nexis_text

        text, encoding = decode(raw)
        if fmt == "nexis" or (fmt == "txt" and looks_like_nexis(text)):
            yield from read_nexis_text(text, encoding)
        elif fmt == "factiva" or (fmt == "txt" and looks_like_factiva(text)):
            yield from read_factiva(text, encoding)
        else:
            yield InputArticle(text=text, format="txt", encoding=encoding)


def is_multi_article_text(raw: bytes) -> bool:
    """Whether the bytes of a ``.txt`` file are a news-database export to split, not one article."""
    from whosaid.sources.factiva import looks_like_factiva
    from whosaid.sources.nexis import looks_like_nexis

    head = raw[:200_000].decode("utf-8", errors="replace")
    return looks_like_nexis(head) or looks_like_factiva(head)


__all__ = [
    "FORMATS",
    "FORMAT_NAMES",
    "BadItem",
    "Fields",
    "InputArticle",
    "Item",
    "SourceFormat",
    "format_for",
    "is_multi_article_text",
    "read_articles",
]
