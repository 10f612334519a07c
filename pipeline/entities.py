"""Stage 3, entities: people, organisations, places and dates, merged within the article.

spaCy's NER tags each mention on its own. A reader wants one entity per referent, so
mentions are merged under the longest full form ("Zhirnov" -> "Dmitry Zhirnov"), labels
are made consistent across the article ("Ghani" tagged ORG once is still the person
Ashraf Ghani), and names spaCy tagged somewhere are found where it missed them: mentions
are found (``whosaid.entity_mentions``), labelled (``whosaid.entity_labels``) and merged
(``whosaid.entity_clusters``); the article's pronouns then show which names are people, and
their genders (``whosaid.resolver``).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from whosaid.dates import normalise_date
from whosaid.docfacts import doc_text
from whosaid.entity_clusters import cluster_mentions
from whosaid.entity_kinds import (
    acronym_organisations,
    kind_named_organisations,
    speaking_acronyms,
    untagged_parties,
)
from whosaid.entity_labels import harmonise, is_part_of_name, person_words
from whosaid.entity_mentions import KIND_OF_LABEL, joined_people, pronoun_people, propagate, raw_mentions, titled_names
from whosaid.models import Entity, Mention
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.resolver import keep, resolve
from whosaid.speaking_people import speaking_people

if TYPE_CHECKING:
    from datetime import datetime

    from spacy.tokens import Doc


def extract_entities(doc: Doc, published: datetime | None = None) -> list[Entity]:
    """The article's entities, each with its mentions, ordered by first mention."""
    text = doc_text(doc)
    quoted = quoted_mask(text, find_quoted_spans(text))
    tagged = acronym_organisations(doc, untagged_parties(doc, kind_named_organisations(doc, raw_mentions(doc))))
    tagged = speaking_people(doc, speaking_acronyms(doc, tagged))
    mentions = pronoun_people(doc, text, titled_names(text, tagged), quoted)
    harmonise(mentions, text)
    mentions = joined_people(propagate(doc, mentions), doc)
    clusters = cluster_mentions(mentions, published, text)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    entities = []
    for number, cluster in enumerate(clusters, start=1):
        ordered = sorted(cluster.mentions, key=lambda m: m.start)
        label = Counter(m.label for m in ordered).most_common(1)[0][0] if cluster.label != "PERSON" else "PERSON"
        kind = KIND_OF_LABEL[label]
        name = cluster.name if kind != "date" else ordered[0].text
        entities.append(
            Entity(
                id=f"e{number}",
                kind=kind,  # type: ignore[arg-type]
                label=label,
                name=name,
                value=normalise_date(name, published) if kind == "date" else None,
                mentions=[Mention(start=m.start, end=m.end, text=m.text) for m in ordered],
            )
        )
    resolution = resolve(doc, entities, quoted)
    people, genders, things = resolution.people, resolution.genders, resolution.things
    found = [
        e.model_copy(update={"kind": "person", "label": "PERSON"} if e.id in people else {})
        .model_copy(update={"kind": "organization", "label": "ORG"} if e.id in things else {})
        .model_copy(update={"gender": genders[e.id]} if e.id in genders else {})
        for e in entities
    ]
    joined = _join_people(found, people)
    if joined is found:  # the speakers' resolution of these entities is this one (``resolver.keep``)
        keep(doc, joined, quoted, resolution)
    return joined


def _join_people(entities: list[Entity], people: set[str]) -> list[Entity]:
    """Names the article's pronouns showed to be people (``people``: tagged a place or an
    organisation) joined to the one person whose name they are part of ("Santa", tagged a place,
    with "Santa Claus"); the person keeps their id, gender and the longer name."""
    persons = [e for e in entities if e.kind == "person" and e.id not in people]
    into: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in people:
            words = person_words(entity.name)
            hosts = [p for p in persons if is_part_of_name(words, person_words(p.name))]
            if len(hosts) == 1:
                into[entity.id] = hosts[0]
    if not into:
        return entities
    joined: dict[str, Entity] = {}
    for entity_id, host in sorted(into.items()):
        base = joined.get(host.id, host)
        guest = next(e for e in entities if e.id == entity_id)
        mentions = sorted([*base.mentions, *guest.mentions], key=lambda m: m.start)
        joined[host.id] = base.model_copy(update={"mentions": mentions, "gender": base.gender or guest.gender})
    return [joined.get(e.id, e) for e in entities if e.id not in into]
