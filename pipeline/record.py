"""From one parsed article to its validated record: the stages composed for one Doc.

The Doc is parsed from the layout's parse text (hard-wrapped line breaks joined, furniture
blanked), which has the same offsets as the original text; the record's snippets are cut
from the original text again, so they equal what their offsets point at.
"""

from __future__ import annotations

import tempfile
from typing import TYPE_CHECKING, Any, BinaryIO

from whosaid import __version__
from whosaid.attribution import used_attribution
from whosaid.dates import parse_published, published_iso
from whosaid.docfacts import computed_once
from whosaid.entities import extract_entities
from whosaid.models import Article, Entity, Mention, PipelineInfo, Quote, Section, Source
from whosaid.quotes import DEFAULT_ATTRIBUTION, Attribution, extract_quotes
from whosaid.read import Layout

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from datetime import datetime

    from spacy.language import Language
    from spacy.tokens import Doc
    from whosaid.sources import InputArticle


def build_article(
    layout: Layout,
    doc: Doc,
    *,
    article_id: str,
    source_path: str,
    model: str,
    origin: InputArticle | None = None,
    language: str | None = None,
    attribution: Attribution = DEFAULT_ATTRIBUTION,
) -> Article:
    """Run the entity and quote stages over ``doc`` and assemble the validated record.

    ``origin``: the article as found inside a multi-article input (format, place, byline,
    publication); ``language``: the language identified, when not English; ``attribution``:
    the quotes' rules alone, or with the learned scorer.
    """
    published = parse_published(layout.published_text) if layout.published_text else None
    entities, quotes = article_stages(doc, published, layout.sections, attribution)
    return assemble_article(
        layout,
        entities,
        quotes,
        published=published,
        article_id=article_id,
        source_path=source_path,
        model=model,
        origin=origin,
        language=language,
        attribution=attribution,
    )


def article_stages(
    doc: Doc, published: datetime | None, sections: list[Section], attribution: Attribution
) -> tuple[list[Entity], list[Quote]]:
    """The entity and quote stages over one parsed text (an article, or a window of a long one)."""
    with computed_once(doc):
        entities = extract_entities(doc, published)
        quotes = extract_quotes(doc, entities, sections, attribution)
    return entities, quotes


def assemble_article(
    layout: Layout,
    entities: list[Entity],
    quotes: list[Quote],
    *,
    published: datetime | None,
    article_id: str,
    source_path: str,
    model: str,
    origin: InputArticle | None = None,
    language: str | None = None,
    attribution: Attribution = DEFAULT_ATTRIBUTION,
) -> Article:
    """The validated record of an article from its layout, its publication date as the stages read
    it (``parse_published``, done once), and what the stages found in its parse text."""
    if layout.parse_text != layout.text:
        entities = [_entity_in(layout.text, entity) for entity in entities]
        quotes = [_quote_in(layout.text, quote) for quote in quotes]
    source = Source(path=source_path, sha256=layout.sha256, encoding=layout.encoding)
    if origin is not None:
        source = source.model_copy(update={"format": origin.format, "line": origin.line, "index": origin.index})
    return Article(
        id=article_id,
        source=source,
        title=layout.title,
        standfirst=layout.standfirst,
        published=published_iso(published) if published else None,
        byline=origin.byline if origin else None,
        publication=origin.publication if origin else None,
        language=language,
        text=layout.text,
        sections=layout.sections,
        dateline_place=layout.place,
        entities=entities,
        quotes=quotes,
        pipeline=PipelineInfo(version=__version__, model=model, attribution=used_attribution(attribution).value),
    )


def write_windowed_record(
    nlp: Language,
    layout: Layout,
    file: BinaryIO,
    *,
    published: datetime | None,
    attribution: Attribution,
    on_window: Callable[[], None] | None = None,
    folder: str | None = None,
    **about: Any,
) -> tuple[int, int]:
    """Write to ``file`` the record of an article too long for one Doc, done window by window
    (``whosaid.windows``), and return its numbers of quotes and entities: the bytes the same
    entities and quotes would give through ``assemble_article`` and ``write.record_bytes``
    (``about``: its keywords that say what the article is, ``article_id`` to ``language``),
    checked as it checks them. The windows' findings wait in a temporary file (in ``folder``,
    else the system's temporary folder), and the entities (with their mentions) and the quotes
    are made and written one by one, so none of them is ever all in memory; ``on_window`` is
    called after each window is done."""
    from whosaid.models import check_entity, check_quote
    from whosaid.windows import merged_entities, merged_quotes, spilled_windows
    from whosaid.write import write_record_with

    with spilled_windows(nlp, layout.parse_text, layout.sections, published, attribution, on_window, folder) as spill:
        merged = merged_entities(spill)
        article = assemble_article(layout, [], [], published=published, attribution=attribution, **about)
        known = {head.id for head in merged.heads}
        recut = layout.parse_text != layout.text  # compared once: both are the whole article's text

        def entities() -> Iterator[bytes]:
            serialize = Entity.__pydantic_serializer__.to_json
            for number in range(len(merged.heads)):
                entity = merged.entity(number, spill.mentions)
                if recut:
                    entity = _entity_in(layout.text, entity)
                check_entity(article.text, entity)
                yield serialize(entity, indent=2)

        def quotes() -> Iterator[bytes]:
            serialize = Quote.__pydantic_serializer__.to_json
            for quote in merged_quotes(spill, merged):
                if recut:
                    quote = _quote_in(layout.text, quote)
                check_quote(article.text, quote, known)
                yield serialize(quote, indent=2)

        entity_count, quote_count = write_record_with(file, article, entities(), quotes())
        return quote_count, entity_count


def windowed_record(
    nlp: Language,
    layout: Layout,
    *,
    published: datetime | None,
    attribution: Attribution,
    on_window: Callable[[], None] | None = None,
    **about: Any,
) -> tuple[bytes, int, int]:
    """The record's bytes, quotes and entities of an article too long for one Doc
    (``write_windowed_record``, written to a temporary file and read back once)."""
    with tempfile.TemporaryFile() as file:
        quotes, entities = write_windowed_record(
            nlp, layout, file, published=published, attribution=attribution, on_window=on_window, **about
        )
        file.seek(0)
        return file.read(), quotes, entities


def _mention_in(text: str, mention: Mention) -> Mention:
    return mention.model_copy(update={"text": text[mention.start : mention.end]})


def _entity_in(text: str, entity: Entity) -> Entity:
    return entity.model_copy(update={"mentions": [_mention_in(text, m) for m in entity.mentions]})


def _quote_in(text: str, quote: Quote) -> Quote:
    update: dict[str, object] = {"text": text[quote.start : quote.end]}
    if quote.cue is not None:
        update["cue"] = _mention_in(text, quote.cue)
    if quote.speaker is not None:
        update["speaker"] = quote.speaker.model_copy(update={"mention": _mention_in(text, quote.speaker.mention)})
    return quote.model_copy(update=update)
