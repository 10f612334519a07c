"""Governments a speaker's phrase names by a country or a nationality.

"The Brazilian government", "Venezuelan authorities" and a bare "the government" of a story about
one country speak for that country, as a geopolitical entity stands for its government
(``whosaid.phrase_names.affiliation`` asks ``nationality_country`` for a government written with a
nationality; ``whosaid.speakers`` asks ``country_governed`` for a bare one).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.constraints import definite
from whosaid.gazetteer import GOVERNMENT_NOUNS, NATIONALITY_EXCEPTIONS, is_country, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.entity_index import EntityIndex
    from whosaid.models import Entity


def nationality_country(word: str, index: EntityIndex) -> Entity | None:
    """The one country the article names whose name a nationality word is made from ("Venezuelan":
    Venezuela, "Chinese": China, "Canadian": Canada; read from the letters, as no installed package
    lists nationalities: the word and the country's name share all but the name's last letter, and
    at least four; ``gazetteer.NATIONALITY_EXCEPTIONS`` where the letters fit another country too,
    "Nigerian": Nigeria, never Niger): None for a country the article does not name, or for a word
    two countries fit."""
    exception = NATIONALITY_EXCEPTIONS.get(word.casefold())
    found = [
        e
        for e in index.entities
        if e.kind == "place"
        and is_country(e.name)
        and (name_key(e.name) == exception if exception else _shared_start(word, e.name) >= max(4, len(e.name) - 1))
    ]
    return found[0] if len(found) == 1 else None


def _shared_start(word: str, name: str) -> int:
    """How many letters ``word`` and ``name`` share from their start."""
    shared = 0
    for a, b in zip(word.casefold(), name.casefold(), strict=False):
        if a != b:
            break
        shared += 1
    return shared


_SUBJECT_OR_OWNER = frozenset({"nsubj", "nsubjpass", "poss"})


def governing(head: Token) -> bool:
    """Whether ``head`` is a noun for the government of a place (``gazetteer.GOVERNMENT_NOUNS``,
    as written or as its lemma: "authorities" has the lemma "authority", a body's word too)."""
    return head.lower_ in GOVERNMENT_NOUNS or head.lemma_.lower() in GOVERNMENT_NOUNS


def country_governed(doc: Doc, head: Token, index: EntityIndex) -> Entity | None:
    """The country whose government a bare "the government" or "the authorities" is when the article
    named no government before ("the UK government ... the government" is ``described_before``'s):
    the one country whose nationality an earlier government was named by ("Venezuelan authorities
    have said ... The authorities said"), else the one country it
    names before it, which it wrote at least once as a subject or an owner ("India has raised the
    cap ...", "Britain's highest court"); none when it names two ("Indonesia ... Britain"), nor a
    country written only as an object ("the case for invading Iraq": the government may be another's)."""
    if not governing(head) or not definite(head) or (head.tag_ != "NN" and head.lower_ != "authorities"):
        return None  # not "the governments"
    if any(t.dep_ not in ("det", "punct") for t in head.lefts):
        return None  # "the interim government", "the Labour government"
    # "Venezuelan authorities have said ... the government said": the one country an earlier
    # government was named by (not two: "Chilean and Peruvian authorities")
    nationalities = [
        child
        for earlier in doc[: head.i]
        if governing(earlier)
        for child in earlier.children
        if child.dep_ == "amod" and child.ent_type_ == "NORP"
    ]
    governed = {country.id: country for w in nationalities if (country := nationality_country(w.text, index))}
    if governed:  # a nationality that names no country the article names ("British") is left to what follows
        two = any(c.dep_ == "conj" for w in nationalities for c in w.children)
        return next(iter(governed.values())) if len(governed) == 1 and not two else None
    named = []
    for entity in index.entities:
        before = [m for m in entity.mentions if m.end <= head.idx]
        if entity.kind == "place" and before and is_country(entity.name):
            spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in before]
            named.append((entity, any(s is not None and s.root.dep_ in _SUBJECT_OR_OWNER for s in spans)))
    if len(named) != 1:
        return None
    ((entity, subject),) = named
    return entity if subject else None
