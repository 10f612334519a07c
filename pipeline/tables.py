"""Records as tables: articles, entities, mentions, quotes and speakers, as rows and Arrow tables.

Each record gives rows to the five tables (``rows``), shaped by their declared columns
(``table_columns``, kept once there, with the keys that join the tables); ``schema``,
``to_arrow`` and ``to_pandas`` make Arrow tables and data frames of them, and the Parquet and
DuckDB exports write them.

``speakers`` has one row per quote whose speaker was found. Its ``speaker`` column is the name
merged across all the records given (as ``whosaid speakers`` shows it: "Putin" joins "Vladimir
Putin"), so it is filled in only once every record has been seen (``SpeakerNames``).

pyarrow (and pandas for ``to_pandas``) are optional: ``pip install 'whosaid[tables]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from importlib import import_module
from os import PathLike
from types import ModuleType
from typing import TYPE_CHECKING, Any

from whosaid import errors
from whosaid.loader import load
from whosaid.models import Article, Range
from whosaid.table_columns import COLUMN_TYPES, COLUMNS, PRIMARY_KEYS, TABLES, TableName
from whosaid.views import SpeakerIndex, speaker_gender, speaker_kind

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

Records = Iterable[Article] | str | PathLike[str]
Row = dict[str, Any]


def _ranges(ranges: Iterable[Range]) -> list[dict[str, int]]:
    return [{"start": r.start, "end": r.end} for r in ranges]


def published_utc(value: str | None) -> datetime | None:
    """The record's ``published`` as an aware UTC datetime (no offset: taken as UTC); None when it
    is absent or not ISO 8601 (``published_iso`` keeps the text)."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def rows(article: Article, table: TableName) -> Iterator[Row]:
    """The rows one article gives ``table``; in ``speakers`` the ``speaker`` column is the unmerged name."""
    if table == "articles":
        yield {
            "article_id": article.id,
            "title": article.title,
            "standfirst": article.standfirst,
            "published": published_utc(article.published),
            "published_iso": article.published,
            "dateline_place": article.dateline_place,
            "byline": article.byline,
            "publication": article.publication,
            "language": article.language,
            "source_path": article.source.path,
            "source_format": article.source.format,
            "source_line": article.source.line,
            "source_index": article.source.index,
            "sha256": article.source.sha256,
            "encoding": article.source.encoding,
            "text": article.text,
            "quotes": len(article.quotes),
            "entities": len(article.entities),
            "schema_version": article.schema_version,
            "pipeline_version": article.pipeline.version,
            "model": article.pipeline.model,
        }
    elif table == "entities":
        for entity in article.entities:
            yield {
                "article_id": article.id,
                "entity_id": entity.id,
                "kind": entity.kind,
                "label": entity.label,
                "name": entity.name,
                "value": entity.value,
                "gender": entity.gender,
                "mentions": len(entity.mentions),
            }
    elif table == "mentions":
        for entity in article.entities:
            for mention in entity.mentions:
                yield {
                    "article_id": article.id,
                    "entity_id": entity.id,
                    "start": mention.start,
                    "end": mention.end,
                    "text": mention.text,
                }
    elif table == "quotes":
        for quote in article.quotes:
            yield {
                "article_id": article.id,
                "quote_id": quote.id,
                "kind": quote.kind,
                "text": quote.text,
                "start": quote.start,
                "end": quote.end,
                "fragments": _ranges(quote.fragments),
                "quoted": _ranges(quote.quoted),
                "speaker_name": quote.speaker.name if quote.speaker else None,
                "speaker_entity_id": quote.speaker.entity_id if quote.speaker else None,
                "cue": quote.cue.text if quote.cue else None,
                "cue_start": quote.cue.start if quote.cue else None,
                "cue_end": quote.cue.end if quote.cue else None,
                "method": quote.method,
                "confidence": quote.confidence,
            }
    else:
        for quote in article.quotes:
            speaker = quote.speaker
            if speaker is None:
                continue
            yield {
                "article_id": article.id,
                "quote_id": quote.id,
                "entity_id": speaker.entity_id,
                "speaker": speaker.name,
                "name": speaker.name,
                "kind": speaker_kind(article, speaker),
                "role": speaker.role,
                "gender": speaker_gender(article, speaker),
                "mention_text": speaker.mention.text,
                "mention_start": speaker.mention.start,
                "mention_end": speaker.mention.end,
            }


class SpeakerNames:
    """Collects speaker names over a stream of records, then merges them (``views.SpeakerIndex``).

    Holds one entry per distinct name, not per record or quote.
    """

    def __init__(self) -> None:
        self.kinds: dict[str, str] = {}

    def add(self, speaker_rows: Iterable[Row]) -> None:
        for row in speaker_rows:
            if self.kinds.get(row["name"]) in (None, "unlinked"):
                self.kinds[row["name"]] = row["kind"]

    def merged(self) -> dict[str, str]:
        """Each name that merges into another -> that other name."""
        index = SpeakerIndex(self.kinds.items())
        return {name: index(name) for name in self.kinds if index(name) != name}


def require(module: str, what: str) -> ModuleType:
    """Import an optional dependency, or fail with the message that says how to install it."""
    try:
        return import_module(module)
    except ImportError:
        raise errors.WhosaidError(errors.E_MISSING_EXTRA.format(what=what, package=module.split(".")[0])) from None


def _arrow_type(pa: ModuleType, name: str) -> Any:
    if name == "timestamp":
        return pa.timestamp("us", tz="UTC")
    if name == "ranges":
        return pa.list_(pa.struct([pa.field("start", pa.int64(), False), pa.field("end", pa.int64(), False)]))
    assert name in COLUMN_TYPES, name
    return getattr(pa, name)()


def schema(table: TableName) -> pa.Schema:
    """The declared Arrow schema of ``table`` (column descriptions in the field metadata)."""
    pa = require("pyarrow", "Arrow tables")
    fields = [
        pa.field(c.name, _arrow_type(pa, c.type), c.nullable, metadata={"description": c.description})
        for c in COLUMNS[table]
    ]
    return pa.schema(fields, metadata={"primary_key": ",".join(PRIMARY_KEYS[table])})


def batch(table: TableName, table_rows: list[Row]) -> pa.RecordBatch:
    pa = require("pyarrow", "Arrow tables")
    return pa.RecordBatch.from_pylist(table_rows, schema=schema(table))


def _records(records: Records) -> Iterable[Article]:
    return load(records) if isinstance(records, str | PathLike) else records


def to_arrow(records: Records, table: TableName) -> pa.Table:
    """One table of ``records`` (validated ``Article``s, or an output folder) as a ``pyarrow.Table``."""
    if table not in TABLES:
        raise errors.WhosaidError(errors.E_UNKNOWN_TABLE.format(table=table, tables=", ".join(TABLES)))
    pa = require("pyarrow", "Arrow tables")
    table_rows = [row for article in _records(records) for row in rows(article, table)]
    if table == "speakers":
        names = SpeakerNames()
        names.add(table_rows)
        merged = names.merged()
        for row in table_rows:
            row["speaker"] = merged.get(row["name"], row["name"])
    return pa.Table.from_batches([batch(table, table_rows)], schema=schema(table))


def to_pandas(records: Records, table: TableName) -> pd.DataFrame:
    """One table of ``records`` (validated ``Article``s, or an output folder) as a pandas DataFrame.

    Timestamps are timezone-aware (UTC); ``fragments`` and ``quoted`` hold lists of
    ``{"start", "end"}`` dicts.
    """
    require("pandas", "Data frames")
    frame: pd.DataFrame = to_arrow(records, table).to_pandas()
    return frame
