"""Records as tables: articles, entities, mentions, quotes and speakers, with the keys that join them.

Each table has a declared column list (name, Arrow type, description) kept once, here; the
Parquet and DuckDB exports and ``to_arrow`` / ``to_pandas`` all use it. Keys: ``article_id``
joins every table to ``articles``; ``(article_id, entity_id)`` joins ``entities``, ``mentions``
and a speaker's entity; ``(article_id, quote_id)`` joins ``quotes`` and ``speakers``.

``speakers`` has one row per quote whose speaker was found. Its ``speaker`` column is the name
merged across all the records given (as ``whosaid speakers`` shows it: "Putin" joins "Vladimir
Putin"), so it is filled in only once every record has been seen (``SpeakerNames``).

pyarrow (and pandas for ``to_pandas``) are optional: ``pip install 'whosaid[tables]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import import_module
from os import PathLike
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final, Literal, get_args

from whosaid import errors
from whosaid.loader import load
from whosaid.models import Article, Range
from whosaid.views import SpeakerIndex, speaker_gender, speaker_kind

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

TableName = Literal["articles", "entities", "mentions", "quotes", "speakers"]
TABLES: Final[tuple[TableName, ...]] = get_args(TableName)
Records = Iterable[Article] | str | PathLike[str]
Row = dict[str, Any]


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of _ARROW_TYPES' keys
    description: str
    nullable: bool = True


def _c(name: str, type_: str, description: str, *, required: bool = False) -> Column:
    return Column(name, type_, description, nullable=not required)


_ARTICLE_ID = _c("article_id", "string", "The article's id (its input path without extension).", required=True)
_ENTITY_ID = _c("entity_id", "string", "The entity's id, unique within its article.", required=True)
_QUOTE_ID = _c("quote_id", "string", "The quote's id, unique within its article.", required=True)
_START = _c("start", "int64", "Character offset where it starts in the article text.", required=True)
_END = _c("end", "int64", "Character offset where it ends (exclusive).", required=True)

COLUMNS: Final[dict[TableName, tuple[Column, ...]]] = {
    "articles": (
        _ARTICLE_ID,
        _c("title", "string", "Headline, when the layout found one."),
        _c("standfirst", "string", "Standfirst, when the layout found one."),
        _c("published", "timestamp", "Publication time in UTC (a dateline without a zone is taken as UTC)."),
        _c("published_iso", "string", "Publication time as in the record: ISO 8601, with the dateline's offset."),
        _c("dateline_place", "string", "Place of a wire or archive dateline, as written."),
        _c("byline", "string", "Author(s) as the input names them."),
        _c("publication", "string", "Newspaper, site or agency as the input names it."),
        _c("language", "string", "ISO 639-1 code of the language identified, when not English."),
        _c("source_path", "string", "Input path as given to `whosaid run`.", required=True),
        _c("source_format", "string", "Input format (txt, jsonl, csv, html, nexis, docx, factiva); null for .txt."),
        _c("source_line", "int64", "Line of the input file where the article starts (multi-article files)."),
        _c("source_index", "int64", "Position among the input file's articles, from 0 (multi-article files)."),
        _c("sha256", "string", "Hash of the input file's bytes.", required=True),
        _c("encoding", "string", "Encoding the bytes were decoded with.", required=True),
        _c("text", "large_string", "The whole decoded article text (offsets point into it).", required=True),
        _c("quotes", "int32", "Number of quotes.", required=True),
        _c("entities", "int32", "Number of entities.", required=True),
        _c("schema_version", "int16", "Record schema version.", required=True),
        _c("pipeline_version", "string", "whosaid version that wrote the record.", required=True),
        _c("model", "string", "spaCy model name and version.", required=True),
    ),
    "entities": (
        _ARTICLE_ID,
        _ENTITY_ID,
        _c("kind", "string", "person, organization, place or date.", required=True),
        _c("label", "string", "spaCy label after article-level consistency.", required=True),
        _c("name", "string", "Canonical name: the longest full form in the article.", required=True),
        _c("value", "string", "Dates only: ISO 8601 / TIMEX3-style value."),
        _c("gender", "string", "People only: female or male when the article's titles or pronouns say so."),
        _c("mentions", "int32", "Number of mentions in the article.", required=True),
    ),
    "mentions": (
        _ARTICLE_ID,
        _ENTITY_ID,
        _START,
        _END,
        _c("text", "string", "The words of the mention.", required=True),
    ),
    "quotes": (
        _ARTICLE_ID,
        _QUOTE_ID,
        _c("kind", "string", "direct, mixed or indirect.", required=True),
        _c("text", "string", "The quote's text, from its first to its last fragment.", required=True),
        _START,
        _END,
        _c("fragments", "ranges", "The content's pieces, in order.", required=True),
        _c("quoted", "ranges", "The parts inside quotation marks.", required=True),
        _c("speaker_name", "string", "The speaker as named in the record (null when none was found)."),
        _c("speaker_entity_id", "string", "The speaker's entity in the same article, when resolved."),
        _c("cue", "string", "The cue word (said, according to, ...)."),
        _c("cue_start", "int64", "Where the cue starts."),
        _c("cue_end", "int64", "Where the cue ends."),
        _c("method", "string", "The rule that found and attributed the quote.", required=True),
        _c("confidence", "float64", "Calibrated confidence, 0 to 1.", required=True),
    ),
    "speakers": (
        _ARTICLE_ID,
        _QUOTE_ID,
        _c("entity_id", "string", "The speaker's entity in the same article, when resolved."),
        _c("speaker", "string", "The name merged across the folder, as `whosaid speakers` shows it.", required=True),
        _c("name", "string", "The name as in the record: canonical name, or the words used.", required=True),
        _c("kind", "string", "person, organization or place when linked to an entity, else unlinked.", required=True),
        _c("role", "string", "Role or title found with the name."),
        _c("gender", "string", "The speaking person's gender when the article gives it (see entities)."),
        _c("mention_text", "string", "How the speaker is named at this quote (may be a pronoun).", required=True),
        _c("mention_start", "int64", "Where that mention starts.", required=True),
        _c("mention_end", "int64", "Where that mention ends.", required=True),
    ),
}

PRIMARY_KEYS: Final[dict[TableName, tuple[str, ...]]] = {
    "articles": ("article_id",),
    "entities": ("article_id", "entity_id"),
    "mentions": ("article_id", "entity_id", "start", "end"),
    "quotes": ("article_id", "quote_id"),
    "speakers": ("article_id", "quote_id"),
}


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


_ARROW_TYPES: Final = ("string", "large_string", "int16", "int32", "int64", "float64", "timestamp", "ranges")


def _arrow_type(pa: ModuleType, name: str) -> Any:
    if name == "timestamp":
        return pa.timestamp("us", tz="UTC")
    if name == "ranges":
        return pa.list_(pa.struct([pa.field("start", pa.int64(), False), pa.field("end", pa.int64(), False)]))
    assert name in _ARROW_TYPES, name
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
