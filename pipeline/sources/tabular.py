"""JSONL / NDJSON and CSV: one article per line or row, its parts found by field name.

The usual field names of scrapers and corpora (news-please, trafilatura, CC-News, Media
Cloud) are tried in order (``Fields``); options name others. A line or row that cannot be
read, or has no text, is a ``BadItem`` naming its line; the rest of the file goes on.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from whosaid.models import SourceFormat
from whosaid.sources import BadItem, Fields, InputArticle, Item

E_NOT_JSON = "not valid JSON ({reason})"
E_NOT_OBJECT = "a JSON {kind}, not an object"
E_NO_TEXT = "no text: none of the fields {names} holds text"
E_NOT_UTF8 = "not UTF-8 text ({reason})"
E_CSV = "unreadable CSV ({reason})"
# csv's default limit (128 KiB) is below a long article; one field may be as large as an article.
_CSV_FIELD_LIMIT = 50_000_000


def read_jsonl(raw: bytes | BinaryIO, fields: Fields) -> Iterator[Item]:
    """One article per non-blank line of JSON Lines / NDJSON (UTF-8), from bytes or a binary stream."""
    index = 0
    for number, line in enumerate(io.BytesIO(raw) if isinstance(raw, bytes) else raw, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line.decode("utf-8-sig" if number == 1 else "utf-8"))
        except UnicodeDecodeError as error:
            yield BadItem(E_NOT_UTF8.format(reason=error.reason), line=number, index=index)
        except ValueError as error:
            yield BadItem(E_NOT_JSON.format(reason=_json_reason(error)), line=number, index=index)
        else:
            if isinstance(value, dict):
                yield from_fields(value, fields, "jsonl", "utf-8", line=number, index=index)
            else:
                yield BadItem(E_NOT_OBJECT.format(kind=type(value).__name__), line=number, index=index)
        index += 1


def _json_reason(error: ValueError) -> str:
    return error.msg if isinstance(error, json.JSONDecodeError) else str(error)


def read_csv(raw: bytes, fields: Fields) -> Iterator[Item]:
    """One article per row of CSV bytes with a header row (any delimiter csv.Sniffer can tell)."""
    from whosaid.read import decode

    text, encoding = decode(raw)
    try:
        dialect: Any = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    previous_limit = csv.field_size_limit(_CSV_FIELD_LIMIT)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
        _ = reader.fieldnames  # reads the header row, so line_num counts from it
        index = 0
        while True:
            line = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                yield BadItem(E_CSV.format(reason=error), line=line, index=index)
                break  # the reader cannot find where the next row starts
            yield from_fields(row, fields, "csv", encoding, line=line, index=index)
            index += 1
    finally:
        csv.field_size_limit(previous_limit)


def from_fields(
    row: Mapping[str, Any], fields: Fields, fmt: SourceFormat, encoding: str, *, line: int | None, index: int | None
) -> Item:
    """The article in one JSON object or CSV row, or why there is none."""
    text = _first(row, fields.text)
    if text is None or not text.strip():
        return BadItem(E_NO_TEXT.format(names=", ".join(fields.text)), line=line, index=index)
    return InputArticle(
        text=text,
        format=fmt,
        encoding=encoding,
        key=_first(row, fields.id),
        title=_first(row, fields.title),
        published=_first(row, fields.published),
        line=line,
        index=index,
    )


def _first(row: Mapping[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` that holds a non-blank string or number (dots look into objects)."""
    for name in names:
        value: Any = row.get(name)
        if value is None and "." in name:
            value = row
            for part in name.split("."):
                value = value.get(part) if isinstance(value, Mapping) else None
        if isinstance(value, bool):
            continue
        if isinstance(value, int | float):
            value = str(value)
        if isinstance(value, str) and value.strip():
            return value.lstrip("\ufeff")
    return None
