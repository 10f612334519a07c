"""Long articles in windows: memory that does not grow with the article's length.

An article longer than ``WINDOW_CHARS`` goes through the parse, entity and quote stages one
window at a time: windows of at most ``WINDOW_CHARS`` characters cut where the parse cuts its
chunks (a paragraph break; in an over-long paragraph a sentence-like stop, else a space). Each
window's Doc and the stages' tables over it are freed before the next window is parsed; what the
record will hold (its entities and quotes, with offsets into the article) goes to a temporary
file, the windows' entities are merged at the end (``whosaid.window_merge``), and the record is
written out entity by entity and quote by quote (``whosaid.record.write_windowed_record``). So a
worker's memory is the model, one window's work, what the entity merge decides by and the
article's text, whatever the length.

Every news article we have met is far shorter (BBC: at most 26,000 characters), and is done as
one Doc exactly as before. What a window cannot see: a pronoun at the start of a window resolves
only to people named in that window, and a quote whose content runs over a paragraph break at a
window's edge is found in the window where it starts, cut at the edge.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from pydantic import TypeAdapter
from whosaid.chunks import chunk_bounds
from whosaid.models import Entity, Mention, Quote, Range, Section
from whosaid.window_merge import Merged, Part, merge_entities

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


# A window's quotes, or an entity's mentions, as one JSON text.
_QUOTES: TypeAdapter[list[Quote]] = TypeAdapter(list[Quote])
_MENTIONS: TypeAdapter[list[Mention]] = TypeAdapter(list[Mention])


class Spill:
    """Each finished window's findings, offsets into the article: its quotes and its entities'
    mentions as JSON in a temporary file (deleted when closed), read back one window's quotes or
    one entity's mentions at a time, and what the merge needs of its entities (``Part``) in
    memory. Kept in memory as bytes, the findings grew a worker by 7 MB (news) to 16 MB
    (quote-dense text) per MB of article, and the merge of all windows' entities as objects by
    90 MiB at 4.5 MB of news; as objects the findings were worse still: they sat among the next
    windows' short-lived objects and kept that memory from being reused (2 MB dense in quotes:
    460 MiB as objects, 216 MiB as bytes)."""

    def __init__(self, folder: str | None = None) -> None:
        # Open for the spill's life, closed by ``close`` (the spill is used as a context manager).
        self._file = tempfile.TemporaryFile(dir=folder, prefix=".whosaid-windows-", suffix=".tmp")  # noqa: SIM115
        self._quotes: list[tuple[int, int]] = []  # each window's (offset, length)
        self._mentions: dict[tuple[int, str], tuple[int, int]] = {}  # each window entity's
        self.parts: list[list[Part]] = []  # each window's entities, as the merge reads them
        self._end = 0

    def __enter__(self) -> Spill:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._file.close()

    def __len__(self) -> int:
        return len(self._quotes)

    def _write(self, data: bytes) -> tuple[int, int]:
        self._file.seek(self._end)
        self._file.write(data)
        self._end += len(data)
        return self._end - len(data), len(data)

    def _read(self, where: tuple[int, int]) -> bytes:
        self._file.seek(where[0])
        return self._file.read(where[1])

    def add(self, entities: list[Entity], quotes: list[Quote]) -> None:
        """Keep one window's findings (offsets into the article already)."""
        window = len(self._quotes)
        for entity in entities:
            self._mentions[(window, entity.id)] = self._write(_MENTIONS.dump_json(entity.mentions))
        self.parts.append([Part.of(window, entity) for entity in entities])
        self._quotes.append(self._write(_QUOTES.dump_json(quotes)))

    def mentions(self, key: tuple[int, str]) -> list[Mention]:
        """The mentions of window entity ``(window, id)``."""
        return _MENTIONS.validate_json(self._read(self._mentions[key]))

    def quotes(self, window: int) -> list[Quote]:
        return _QUOTES.validate_json(self._read(self._quotes[window]))


def spilled_windows(
    nlp: Language,
    text: str,
    sections: list[Section],
    published: datetime | None,
    attribution: Attribution,
    on_window: Callable[[], None] | None = None,
    folder: str | None = None,
) -> Spill:
    """The entity and quote stages over each window of ``text``, each window's Doc freed before
    the next is parsed and its findings written to a ``Spill`` (in ``folder``, else the system's
    temporary folder); ``on_window`` is called after each window (the worker's time limit starts
    again there). The caller closes the spill."""
    from whosaid.parse import parse
    from whosaid.record import article_stages

    spill = Spill(folder)
    try:
        for start, end in window_bounds(text):
            [(doc, _)] = list(parse(nlp, [(text[start:end], None)]))
            entities, quotes = article_stages(doc, published, window_sections(sections, start, end), attribution)
            del doc
            spill.add([shift_entity(e, start) for e in entities], [shift_quote(q, start) for q in quotes])
            if on_window is not None:
                on_window()
    except BaseException:
        spill.close()
        raise
    return spill


def merged_entities(spill: Spill) -> Merged:
    """The article's entities merged from its windows' (``whosaid.window_merge``), their mentions
    left in the spill (``Merged.entity`` with ``spill.mentions``)."""
    return merge_entities(spill.parts)


def merged_quotes(spill: Spill, merged: Merged) -> Iterator[Quote]:
    """The article's quotes in order, numbered and with their speakers' merged entities, one
    window's quotes made objects at a time."""
    number = 0
    for window in range(len(spill)):
        for quote in spill.quotes(window):
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
    with spilled_windows(nlp, text, sections, published, attribution) as spill:
        merged = merged_entities(spill)
        return merged.entities(spill.mentions), list(merged_quotes(spill, merged))


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
