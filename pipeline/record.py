"""From one parsed article to its validated record: the stages composed for one Doc.

The Doc is parsed from the layout's parse text (hard-wrapped line breaks joined, furniture
blanked), which has the same offsets as the original text; the record's snippets are cut
from the original text again, so they equal what their offsets point at.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from whosaid import __version__
from whosaid.attribution import used_attribution
from whosaid.dates import parse_published, published_iso
from whosaid.docfacts import computed_once
from whosaid.entities import extract_entities
from whosaid.models import Article, Entity, Mention, PipelineInfo, Quote, Section, Source
from whosaid.quotes import DEFAULT_ATTRIBUTION, Attribution, extract_quotes
from whosaid.read import Layout

if TYPE_CHECKING:
    from collections.abc import Callable
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


def windowed_record(
    nlp: Language,
    layout: Layout,
    *,
    published: datetime | None,
    attribution: Attribution,
    on_window: Callable[[], None] | None = None,
    **about: Any,
) -> tuple[bytes, int, int]:
    """The record's bytes (``write.record_bytes``), quotes and entities of an article too long for
    one Doc, done window by window (``whosaid.windows``): the bytes the same entities and quotes
    would give through ``assemble_article`` (``about``: its keywords that say what the article
    is, ``article_id`` to ``language``), checked as it checks them, with the quotes never all
    objects at once; ``on_window`` is called after each window is done."""
    from whosaid.models import check_quote
    from whosaid.windows import merged_entities, merged_quotes, packed_windows
    from whosaid.write import record_bytes_with_quotes

    found = packed_windows(nlp, layout.parse_text, layout.sections, published, attribution, on_window)
    merged = merged_entities(found)
    article = assemble_article(layout, merged.entities, [], published=published, attribution=attribution, **about)
    known = {entity.id for entity in article.entities}
    serialize = Quote.__pydantic_serializer__.to_json
    recut = layout.parse_text != layout.text  # compared once: both are the whole article's text
    quotes: list[bytes] = []
    for quote in merged_quotes(found, merged):
        if recut:
            quote = _quote_in(layout.text, quote)
        check_quote(article.text, quote, known)
        quotes.append(serialize(quote, indent=2))
    return record_bytes_with_quotes(article, quotes), len(quotes), len(article.entities)


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
