"""Views over an output folder: speakers and their quotes across articles, and flat tables.

Speakers are merged across articles by canonical name, and by obvious variants: a
one-word name ("Putin") joins the only fuller name ending in it ("Vladimir Putin"), and
names that differ only in case, punctuation or a middle initial are one speaker.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whosaid.loader import OnProblem, load
from whosaid.models import Article, Quote, Speaker

QUOTE_COLUMNS = (
    "article_id",
    "published",
    "title",
    "quote_id",
    "kind",
    "speaker",
    "speaker_entity_id",
    "role",
    "cue",
    "text",
    "start",
    "end",
    "method",
    "confidence",
    "speaker_gender",
)
MENTION_COLUMNS = (
    "article_id",
    "published",
    "entity_id",
    "kind",
    "label",
    "name",
    "value",
    "text",
    "start",
    "end",
    "gender",
)


def _key(name: str) -> str:
    words = [w for w in re.split(r"[\s.]+", name.casefold()) if w]
    # A middle initial does not make another person: "George W. Bush" is "George Bush".
    if len(words) > 2:
        words = [words[0], *[w for w in words[1:-1] if len(w) > 1], words[-1]]
    return " ".join(words)


@dataclass
class SpeakerSummary:
    name: str
    kind: str  # "person", "organization", "place" or "unlinked"
    roles: Counter[str] = field(default_factory=Counter)
    quotes: int = 0
    articles: set[str] = field(default_factory=set)
    variants: set[str] = field(default_factory=set)
    genders: Counter[str] = field(default_factory=Counter)  # per quote, where the article gives one

    @property
    def gender(self) -> str | None:
        """The gender most of this speaker's articles give (female/male), or None."""
        ranked = self.genders.most_common(2)
        if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
            return None
        return ranked[0][0]

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "gender": self.gender,
            "roles": [role for role, _ in self.roles.most_common()],
            "quotes": self.quotes,
            "articles": len(self.articles),
            "variants": sorted(self.variants - {self.name}),
        }


@dataclass
class QuoteRow:
    article_id: str
    published: str | None
    title: str | None
    quote: Quote
    speaker: str | None  # the merged speaker name
    gender: str | None = None  # the speaker's, when the article gives it


def speaker_kind(article: Article, speaker: Speaker) -> str:
    """The kind of entity that speaks ("person", ...), or "unlinked" when the name is not an entity's."""
    if speaker.entity_id is None:
        return "unlinked"
    for entity in article.entities:
        if entity.id == speaker.entity_id:
            return entity.kind if entity.name == speaker.name else "unlinked"
    return "unlinked"


class SpeakerIndex:
    """Merges speaker names across articles (see the module docstring)."""

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        self.canonical: dict[str, str] = {}
        full_by_last: dict[str, set[str]] = {}
        by_key: dict[str, str] = {}
        pairs = sorted(set(names), key=lambda p: (-len(p[0].split()), -len(p[0]), p[0]))
        for name, kind in pairs:
            key = _key(name)
            chosen = by_key.setdefault(key, name)
            self.canonical[name] = chosen
            if kind == "person" and len(key.split()) > 1:
                full_by_last.setdefault(key.split()[-1], set()).add(chosen)
        for name, kind in pairs:
            key = _key(name)
            if kind == "person" and len(key.split()) == 1 and len(full_by_last.get(key, ())) == 1:
                self.canonical[name] = next(iter(full_by_last[key]))

    def __call__(self, name: str) -> str:
        return self.canonical.get(name, name)


def speaker_gender(article: Article, speaker: Speaker) -> str | None:
    """The gender the article gives the speaking person, if any."""
    return next((e.gender for e in article.entities if e.id == speaker.entity_id), None)


def note_speakers(article: Article, kinds: dict[str, str]) -> None:
    """Record each speaker name of ``article`` with its kind; a linked kind beats "unlinked"."""
    for quote in article.quotes:
        if quote.speaker is not None and kinds.get(quote.speaker.name) in (None, "unlinked"):
            kinds[quote.speaker.name] = speaker_kind(article, quote.speaker)


def collect(
    out_dir: Path, on_problem: OnProblem | None = None, *, min_confidence: float = 0.0
) -> tuple[list[QuoteRow], dict[str, SpeakerSummary]]:
    """All quotes with a merged speaker name, and the speakers' summaries."""
    rows: list[QuoteRow] = []
    kinds: dict[str, str] = {}
    for article in load(out_dir, on_problem=on_problem):
        note_speakers(article, kinds)
        for quote in article.quotes:
            if quote.confidence < min_confidence:
                continue
            name = quote.speaker.name if quote.speaker else None
            gender = speaker_gender(article, quote.speaker) if quote.speaker else None
            rows.append(QuoteRow(article.id, article.published, article.title, quote, name, gender))
    index = SpeakerIndex(kinds.items())
    speakers: dict[str, SpeakerSummary] = {}
    for row in rows:
        if row.speaker is None or row.quote.speaker is None:
            continue
        merged = index(row.speaker)
        summary = speakers.setdefault(merged, SpeakerSummary(merged, kinds.get(merged, kinds[row.speaker])))
        summary.variants.add(row.speaker)
        summary.quotes += 1
        summary.articles.add(row.article_id)
        if row.gender:
            summary.genders[row.gender] += 1
        role = row.quote.speaker.role
        if role and role != row.speaker:
            summary.roles[role] += 1
        row.speaker = merged
    return rows, speakers


def match_speakers(query: str, names: Iterable[str], *, cutoff: float = 80.0) -> list[str]:
    """Speaker names that fuzzily match ``query`` ("zhirnov" finds "Dmitry Zhirnov")."""
    from rapidfuzz import fuzz, process, utils

    candidates = list(names)
    lowered = query.casefold().strip()
    exact = [n for n in candidates if lowered in n.casefold()]
    scored = process.extract(
        query, candidates, scorer=fuzz.WRatio, processor=utils.default_process, score_cutoff=cutoff, limit=None
    )
    found = exact + [name for name, _, _ in scored if name not in exact]
    return found


# How ``ordered_speakers`` orders speakers: by number of quotes, of articles, or by name.
SPEAKER_ORDERS: dict[str, Callable[[SpeakerSummary], Any]] = {
    "quotes": lambda s: (-s.quotes, -len(s.articles), s.name.casefold()),
    "articles": lambda s: (-len(s.articles), -s.quotes, s.name.casefold()),
    "name": lambda s: s.name.casefold(),
}


def ordered_speakers(
    speakers: Iterable[SpeakerSummary], order: str = "quotes", limit: int | None = None
) -> list[SpeakerSummary]:
    """The first ``limit`` (all when None) ``speakers`` in ``order`` (a key of ``SPEAKER_ORDERS``)."""
    return sorted(speakers, key=SPEAKER_ORDERS[order])[:limit]


def select_quotes(
    rows: Iterable[QuoteRow],
    speakers: dict[str, SpeakerSummary],
    *,
    speaker: str | None = None,
    kinds: Iterable[str] = (),
    article: str | None = None,
) -> list[QuoteRow] | None:
    """The quote rows of the speakers whose names match ``speaker`` (``match_speakers``; None when
    none does), of ``kinds`` (any when empty), in ``article``, ordered by speaker (quotes without
    one last), article and place."""
    selected = list(rows)
    if speaker:
        wanted = set(match_speakers(speaker, speakers))
        if not wanted:
            return None
        selected = [r for r in selected if r.speaker in wanted]
    wanted_kinds = set(kinds)
    if wanted_kinds:
        selected = [r for r in selected if r.quote.kind in wanted_kinds]
    if article:
        selected = [r for r in selected if r.article_id == article]
    selected.sort(key=lambda r: (r.speaker is None, r.speaker or "", r.article_id, r.quote.start))
    return selected


def quote_row_dict(row: QuoteRow) -> dict[str, Any]:
    quote = row.quote
    return {
        "article_id": row.article_id,
        "published": row.published,
        "title": row.title,
        "quote_id": quote.id,
        "kind": quote.kind,
        "speaker": row.speaker,
        "speaker_entity_id": quote.speaker.entity_id if quote.speaker else None,
        "role": quote.speaker.role if quote.speaker else None,
        "cue": quote.cue.text if quote.cue else None,
        "text": quote.text,
        "start": quote.start,
        "end": quote.end,
        "method": quote.method,
        "confidence": quote.confidence,
        "speaker_gender": row.gender,
    }


def mention_dicts(article: Article) -> Iterator[dict[str, Any]]:
    """The flat ``mentions`` rows of one article (MENTION_COLUMNS)."""
    for entity in article.entities:
        for mention in entity.mentions:
            yield {
                "article_id": article.id,
                "published": article.published,
                "entity_id": entity.id,
                "kind": entity.kind,
                "label": entity.label,
                "name": entity.name,
                "value": entity.value,
                "text": mention.text,
                "start": mention.start,
                "end": mention.end,
                "gender": entity.gender,
            }


def quote_dicts(article: Article) -> Iterator[dict[str, Any]]:
    """The flat ``quotes`` rows of one article (QUOTE_COLUMNS), speaker names not yet merged."""
    for quote in article.quotes:
        speaker = quote.speaker
        gender = speaker_gender(article, speaker) if speaker else None
        name = speaker.name if speaker else None
        yield quote_row_dict(QuoteRow(article.id, article.published, article.title, quote, name, gender))
