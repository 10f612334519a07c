"""The tables' declared columns: for each table its columns (name, Arrow type, description,
whether it may be null) and its primary key, kept once here.

The Arrow schemas and ``to_arrow`` / ``to_pandas`` (``tables``) and the Parquet and DuckDB
exports (``export``) are all made from these. Keys: ``article_id`` joins every table to
``articles``; ``(article_id, entity_id)`` joins ``entities``, ``mentions`` and a speaker's
entity; ``(article_id, quote_id)`` joins ``quotes`` and ``speakers``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal, get_args

# The column types: pyarrow's type names; "timestamp" is in UTC, "ranges" a list of (start, end).
COLUMN_TYPES: Final = ("string", "large_string", "int16", "int32", "int64", "float64", "timestamp", "ranges")

TableName = Literal["articles", "entities", "mentions", "quotes", "speakers"]
TABLES: Final[tuple[TableName, ...]] = get_args(TableName)


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # one of COLUMN_TYPES
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
