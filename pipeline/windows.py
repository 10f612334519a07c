"""Long articles in windows: memory that does not grow with the article's length.

An article longer than ``WINDOW_CHARS`` goes through the parse, entity and quote stages one
window at a time: windows of at most ``WINDOW_CHARS`` characters cut where the parse cuts its
chunks (a paragraph break; in an over-long paragraph a sentence-like stop, else a space). Each
window's Doc and the stages' tables over it are freed before the next window is parsed; what is
kept is what the record holds (its entities and quotes, with offsets into the article), and the
windows' entities are merged at the end (``whosaid.window_merge``). So a worker's memory is the
model, one window's work and the record being built, whatever the article's length.

Every news article we have met is far shorter (BBC: at most 26,000 characters), and is done as
one Doc exactly as before. What a window cannot see: a pronoun at the start of a window resolves
only to people named in that window, and a quote whose content runs over a paragraph break at a
window's edge is found in the window where it starts, cut at the edge.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import TypeAdapter
from whosaid.chunks import chunk_bounds
from whosaid.models import Entity, Mention, Quote, Range, Section
from whosaid.window_merge import Merged, merge_entities

if TYPE_CHECKING:
    from datetime import datetime

    from spacy.language import Language
    from whosaid.quotes import Attribution

# The longest text done as one Doc: a window's parse and stages peak near 215 MiB with the model
# (``benchmarks/length.py``), and about four times the longest news article we have met (BBC: 26,000).
WINDOW_CHARS = 100_000


def windowed(text: str) -> bool:
    """Whether ``text`` is long enough to be done in windows."""
    return len(text) > WINDOW_CHARS


def window_bounds(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the windows covering ``text``, each at most ``WINDOW_CHARS`` long."""
    return chunk_bounds(text, WINDOW_CHARS)


# A window's entities or quotes as one JSON text (a list of records' entities or quotes).
_ENTITIES: TypeAdapter[list[Entity]] = TypeAdapter(list[Entity])
_QUOTES: TypeAdapter[list[Quote]] = TypeAdapter(list[Quote])


@dataclass(frozen=True)
class Packed:
    """One window's entities and quotes, offsets into the article, as JSON. Kept as objects, a
    finished window's findings would sit among the next windows' short-lived objects and keep
    their memory from being reused: 2 MB of text dense in quotes peaked at 460 MiB so, 216 MiB
    with the windows' findings kept as bytes (the JSON is about 7 MB per MB of such text)."""

    entities: bytes
    quotes: bytes


def packed_windows(
    nlp: Language,
    text: str,
    sections: list[Section],
    published: datetime | None,
    attribution: Attribution,
    on_window: Callable[[], None] | None = None,
) -> list[Packed]:
    """The entity and quote stages over each window of ``text``, each window's Doc freed before
    the next is parsed; ``on_window`` is called after each window (the worker's time limit
    starts again there)."""
    from whosaid.parse import parse
    from whosaid.record import article_stages

    found: list[Packed] = []
    for start, end in window_bounds(text):
        [(doc, _)] = list(parse(nlp, [(text[start:end], None)]))
        entities, quotes = article_stages(doc, published, window_sections(sections, start, end), attribution)
        del doc
        found.append(
            Packed(
                _ENTITIES.dump_json([shift_entity(e, start) for e in entities]),
                _QUOTES.dump_json([shift_quote(q, start) for q in quotes]),
            )
        )
        if on_window is not None:
            on_window()
    return found


def merged_entities(found: list[Packed]) -> Merged:
    """The article's entities merged from its windows' (``whosaid.window_merge``)."""
    return merge_entities([_ENTITIES.validate_json(window.entities) for window in found])


def merged_quotes(found: list[Packed], merged: Merged) -> Iterator[Quote]:
    """The article's quotes in order, numbered and with their speakers' merged entities, one
    window's quotes made objects at a time."""
    number = 0
    for window, packed in enumerate(found):
        for quote in _QUOTES.validate_json(packed.quotes):
            number += 1
            yield merged.renamed(quote, number, window)


def windowed_stages(
    nlp: Language,
    text: str,
    sections: list[Section],
    published: datetime | None,
    attribution: Attribution,
) -> tuple[list[Entity], list[Quote]]:
    """The entities and quotes of a long parse text, found window by window and merged, with
    offsets into ``text`` (see the module's note for what a window cannot see)."""
    found = packed_windows(nlp, text, sections, published, attribution)
    merged = merged_entities(found)
    return merged.entities, list(merged_quotes(found, merged))


def window_sections(sections: list[Section], start: int, end: int) -> list[Section]:
    """The layout sections over ``[start, end)``, cut to it, with offsets into the window."""
    return [
        Section(start=max(s.start, start) - start, end=min(s.end, end) - start, kind=s.kind)
        for s in sections
        if s.start < end and s.end > start
    ]


def _range(item: Range, by: int) -> Range:
    return Range(start=item.start + by, end=item.end + by)


def _mention(mention: Mention, by: int) -> Mention:
    return mention.model_copy(update={"start": mention.start + by, "end": mention.end + by})


def shift_entity(entity: Entity, by: int) -> Entity:
    """``entity`` with its mentions' offsets moved by ``by`` characters."""
    return entity.model_copy(update={"mentions": [_mention(m, by) for m in entity.mentions]})


def shift_quote(quote: Quote, by: int) -> Quote:
    """``quote`` with every offset it holds (content, pieces, quoted parts, cue, speaker) moved by ``by``."""
    update: dict[str, object] = {
        "start": quote.start + by,
        "end": quote.end + by,
        "fragments": [_range(r, by) for r in quote.fragments],
        "quoted": [_range(r, by) for r in quote.quoted],
    }
    if quote.cue is not None:
        update["cue"] = _mention(quote.cue, by)
    if quote.speaker is not None:
        update["speaker"] = quote.speaker.model_copy(update={"mention": _mention(quote.speaker.mention, by)})
    return quote.model_copy(update=update)
