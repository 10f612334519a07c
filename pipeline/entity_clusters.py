"""Mentions merged into entities: one per referent, named by its longest full form.

A surname goes to the person whose full name holds it ("Zhirnov" -> "Dmitry Zhirnov"; several
people sharing it: the one named most often so far, then the latest), a name written another way
to the one person it fits (``whosaid.namevariants``: "Larry Lessig" -> "Lawrence Lessig"), an
acronym to the organisation it abbreviates, a date to others of the same value.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections import Counter
from typing import TYPE_CHECKING

from whosaid.dates import normalise_date
from whosaid.entity_kinds import word_initials
from whosaid.entity_labels import is_part_of_name, name_key, person_words
from whosaid.entity_mentions import KIND_OF_LABEL, NameMention
from whosaid.gazetteer import party_key
from whosaid.lookups import KeyIndex
from whosaid.namevariants import familiar_forms, feminine_form, one_slip

if TYPE_CHECKING:
    from datetime import datetime


class Cluster:
    """Mentions of one referent; its name is the longest full form (first written among equals)."""

    def __init__(self, label: str, mentions: list[NameMention] | None = None) -> None:
        self.label = label
        self.mentions: list[NameMention] = []
        self.name = ""
        self._rank: tuple[int, int, int] = (-1, -1, 0)
        self._starts: list[int] = []  # sorted
        for mention in mentions or []:
            self.add(mention)

    def add(self, mention: NameMention) -> None:
        self.mentions.append(mention)
        insort(self._starts, mention.start)
        rank = (len(mention.text.split()), len(mention.text), -mention.start)
        if rank > self._rank:
            self._rank, self.name = rank, mention.text

    def distance_before(self, start: int) -> int:
        """How far before ``start`` the last mention starting there or earlier starts (10**9: none)."""
        before = bisect_right(self._starts, start) - 1
        return start - self._starts[before] if before >= 0 else 10**9


_SENTENCE_END = re.compile(r"[.!?\n]")  # between two names: they may be in different sentences


def acronym(name: str) -> str:
    """The initials of a name's capitalised words ("Financial Times": "FT")."""
    return "".join(word[0] for word in re.findall(r"[A-Za-z][\w'-]*", name) if word[0].isupper())


def cluster_mentions(mentions: list[NameMention], published: datetime | None, text: str | None = None) -> list[Cluster]:
    """The mentions merged into clusters, one per referent. ``text`` (the article's) lets a name
    written otherwise be told apart from one named in the same sentence."""
    clusters: list[Cluster] = []
    # Full names by their words and how often each is written (a slip is written once).
    written = Counter(name for m in mentions if m.label == "PERSON" and len(name := tuple(person_words(m.text))) > 1)
    # Person clusters under each word of their name, others under their name's acronym: a
    # mention looks up the few it may belong to (trying every cluster was quadratic).
    people = KeyIndex[Cluster](lambda c: person_words(c.name), lambda c: c.name)
    acronyms = KeyIndex[Cluster](lambda c: [acronym(c.name)], lambda c: c.name)
    by_key: dict[tuple[str, str], Cluster] = {}
    # Longer names first, so a surname finds the full name it belongs to.
    for mention in sorted(mentions, key=lambda m: (-len(m.text.split()), m.start)):
        if mention.label == "PERSON":
            words = person_words(mention.text)
            matches = [c for c in people.find(words[0] if words else "") if is_part_of_name(words, people.keys(c))]
            if not matches:
                variants = _written_otherwise(words, people, clusters)
                matches = [c for c in variants if not _two_people(mention, words, c, people, written, text)]
            if matches:
                # Several people share the word: take the one named most often so far (full names
                # are placed first: the subject "Matthew Goode" twice, his father "Ralph Goode"
                # once), then the one mentioned last before it.
                target = min(matches, key=lambda c: (-len(c.mentions), c.distance_before(mention.start)))
                target.add(mention)
                people.put(target)
                continue
            cluster = Cluster("PERSON", [mention])
            clusters.append(cluster)
            people.put(cluster)
            continue
        key = _date_key(mention, published) if mention.label == "DATE" else _name_key(mention)
        kind = KIND_OF_LABEL[mention.label]
        found = by_key.get((kind, key))
        capitals = mention.text.isupper() and len(mention.text.replace(".", "")) >= 2
        if found is None and kind != "date" and (capitals or word_initials(mention.text)):
            initials = mention.text.replace(".", "").upper()  # "FT", "I.A.A.F.", "Hefce"
            found = next((c for c in acronyms.find(initials) if KIND_OF_LABEL[c.label] == kind), None)
        if found is None:
            found = Cluster(mention.label)
            clusters.append(found)
            by_key[(kind, key)] = found
        found.add(mention)
        acronyms.put(found)
    return clusters


def _written_otherwise(words: list[str], people: KeyIndex[Cluster], clusters: list[Cluster]) -> list[Cluster]:
    """The one person named before whom ``words`` name in other spelling (``whosaid.namevariants``):
    the same surname after a familiar form of the given name or one letter off it ("Larry Lessig"
    after "Lawrence Lessig", "Kristen Wilkins" after "Kristin Wilkins"), or, written alone, a
    surname one letter off theirs ("Anderson" after "Hans Christian Andersen"). None when two people fit."""
    if not words:
        return []
    if len(words) > 1:
        first = words[0]
        found = [
            c
            for c in people.find(words[-1])
            if len(keys := people.keys(c)) > 1
            and keys[-1] == words[-1]
            and (familiar_forms(first, keys[0]) or one_slip(first, keys[0]))
            and is_part_of_name(words[1:], keys[1:])
        ]
    else:
        found = [
            c
            for c in clusters
            if c.label == "PERSON" and len(keys := people.keys(c)) > 1 and one_slip(words[0], keys[-1])
        ]
    return found if len(found) == 1 else []


def _two_people(
    mention: NameMention,
    words: list[str],
    cluster: Cluster,
    people: KeyIndex[Cluster],
    written: Counter[tuple[str, ...]],
    text: str | None,
) -> bool:
    """Signs that a name written otherwise than a person's is another person: both full forms
    written twice or more (a slip is written once), a given name and its feminine form ("Martin
    Kelly", "Martina Kelly"), or the two named in one sentence ("John Ryan and Jack Ryan")."""
    keys = tuple(people.keys(cluster))
    if len(words) > 1:
        if written[tuple(words)] > 1 and written[keys] > 1:
            return True
        if words[0] != keys[0] and not familiar_forms(words[0], keys[0]) and feminine_form(words[0], keys[0]):
            return True
    if text is None:
        return False
    for other in cluster.mentions:
        low, high = (other.end, mention.start) if other.start < mention.start else (mention.end, other.start)
        if low <= high and not _SENTENCE_END.search(text, low, high):
            return True
    return False


def _name_key(mention: NameMention) -> str:
    """An organisation's key; a party's names share one ("the Tories" are the Conservative Party)."""
    party = party_key(mention.text) if mention.label == "ORG" else None
    return f"party:{party}" if party is not None else name_key(mention.text)


def _date_key(mention: NameMention, published: datetime | None) -> str:
    value = normalise_date(mention.text, published)
    return f"value:{value}" if value is not None else f"text:{mention.text.casefold()}"
