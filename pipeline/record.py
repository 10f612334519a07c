"""From one parsed article to its validated record: the stages composed for one Doc."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid import __version__
from whosaid.dates import parse_published, published_iso
from whosaid.entities import extract_entities
from whosaid.models import Article, PipelineInfo, Source
from whosaid.quotes import extract_quotes
from whosaid.read import Layout

if TYPE_CHECKING:
    from spacy.tokens import Doc


def build_article(layout: Layout, doc: Doc, *, article_id: str, source_path: str, model: str) -> Article:
    """Run the entity and quote stages over ``doc`` and assemble the validated record."""
    published = parse_published(layout.published_text) if layout.published_text else None
    entities = extract_entities(doc, published)
    quotes = extract_quotes(doc, entities, layout.sections)
    return Article(
        id=article_id,
        source=Source(path=source_path, sha256=layout.sha256, encoding=layout.encoding),
        title=layout.title,
        standfirst=layout.standfirst,
        published=published_iso(published) if published else None,
        text=layout.text,
        sections=layout.sections,
        entities=entities,
        quotes=quotes,
        pipeline=PipelineInfo(version=__version__, model=model),
    )
