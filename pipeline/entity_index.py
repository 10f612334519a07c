"""The entity mentions of one article, searchable by character offset, by a word of a name and by pronoun.

The speaker rules ask it for the mention at a token, the entity last written with a word of its
name before a point, the entity a pronoun refers to (``whosaid.resolver``, resolved once per article
when first asked) and the tokens of a lemma; each table is made once, when first needed.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.docfacts import lemma_positions
from whosaid.models import Entity, Mention
from whosaid.resolver import Resolution, resolved

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.quotemarks import Mask


@dataclass
class EntityIndex:
    """Entity mentions of one article, searchable by character offset."""

    entities: list[Entity]
    quoted: Mask
    _starts: list[int] = field(default_factory=list)
    _mentions: list[tuple[Mention, Entity]] = field(default_factory=list)
    roles: dict[str, str] = field(default_factory=dict)
    genders: dict[str, str] = field(default_factory=dict)
    _resolution: Resolution | None = None
    # Positions in ``_mentions`` by ("surname", word), by (kind, word of the name) and by ("whole " + kind,
    # name), made when first needed.
    _by_word: dict[tuple[str, str], list[int]] | None = None
    _by_id: dict[str, Entity] | None = None

    def __post_init__(self) -> None:
        pairs = sorted(((m, e) for e in self.entities for m in e.mentions), key=lambda p: p[0].start)
        self._mentions = pairs
        self._starts = [m.start for m, _ in pairs]

    def at(self, start: int, end: int) -> tuple[Mention, Entity] | None:
        """The entity mention overlapping ``[start, end)``, if any (people first)."""
        i = bisect_left(self._starts, start)
        found = []
        for mention, entity in self._mentions[max(0, i - 3) : i + 8]:
            if mention.start < end and start < mention.end and entity.kind != "date":
                found.append((mention, entity))
        found.sort(key=lambda p: (p[1].kind != "person", p[1].kind != "organization"))
        return found[0] if found else None

    def referent(self, doc: Doc, pronoun: Token) -> Entity | None:
        """The entity a third-person pronoun refers to (``whosaid.resolver``, run once per article)."""
        found = self.resolution(doc).links.get(pronoun.i)
        if not found:
            return None
        if self._by_id is None:
            self._by_id = {}
            for entity in self.entities:
                self._by_id.setdefault(entity.id, entity)  # the first with the id, as a scan finds it
        return self._by_id.get(found)

    def resolution(self, doc: Doc) -> Resolution:
        if self._resolution is None:
            self._resolution = resolved(doc, self.entities, self.quoted)
        return self._resolution

    def same_lemma(self, doc: Doc, token: Token) -> list[int]:
        """Indices of the tokens before ``token`` with its lemma."""
        return [i for i in lemma_positions(token) if i < token.i]

    def person_named(self, word: str, before: int) -> Entity | None:
        """The person last mentioned before ``before`` whose name ends with ``word``: the
        tagger sometimes misses a surname ("Trump shot back", with "Trump" tagged a verb)."""
        return self._last_before(("surname", word), before)

    def named_with_word(self, word: str, before: int, kind: str) -> Entity | None:
        """The entity of ``kind`` last mentioned before ``before`` with ``word`` in its name."""
        return self._last_before((kind, word), before)

    def named_exactly(self, name: str, before: int, kind: str) -> Entity | None:
        """The entity of ``kind`` last mentioned before ``before`` whose whole name is ``name``."""
        return self._last_before((f"whole {kind}", name), before)

    def _last_before(self, key: tuple[str, str], before: int) -> Entity | None:
        """The entity of the last mention before ``before`` filed under ``key`` (a person's
        surname, or a kind and a word of the name): the mentions are filed once per article."""
        if self._by_word is None:
            self._by_word = {}
            for position, (_, entity) in enumerate(self._mentions):
                words = entity.name.split()
                if entity.kind == "person" and words:
                    self._by_word.setdefault(("surname", words[-1]), []).append(position)
                for word in dict.fromkeys(words):
                    self._by_word.setdefault((entity.kind, word), []).append(position)
                self._by_word.setdefault((f"whole {entity.kind}", entity.name), []).append(position)
        positions = self._by_word.get(key)
        if not positions:
            return None
        k = bisect_left(positions, bisect_left(self._starts, before))
        return self._mentions[positions[k - 1]][1] if k else None

    def inside(self, start: int, end: int, kind: str) -> tuple[Mention, Entity] | None:
        """The first entity mention of ``kind`` lying within ``[start, end)``."""
        i = bisect_left(self._starts, start)
        for mention, entity in self._mentions[i:]:
            if mention.start >= end:
                break
            if mention.end <= end and entity.kind == kind:
                return mention, entity
        return None
