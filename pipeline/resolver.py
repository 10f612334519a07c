"""Who a third-person pronoun refers to, by salience, and each person's grammatical gender.

Each pronoun in turn goes to the most salient candidate (``whosaid.salience``, a light
version of the classic salience resolvers, Lappin and Leass 1994): every named person,
organisation or group mentioned before it is a candidate; candidates that cannot agree with it
are dropped (``whosaid.constraints``: he/she only to people of that gender or of none known,
it/its to organisations, they/them to organisations, or to an unnamed group that leaves them
unresolved; a subject pronoun never to a name its clause goes on to, an object pronoun never to
the subject of its own verb; never a name inside quoted words, nor, for a pronoun inside quoted
words, the speaker the sentence gives them), and the rest are scored by recency, grammatical
role and parallelism. The highest wins.

Gender is the article's own: a title or gendered role written with the name ("Mr",
"Baroness", "spokeswoman") or, failing that, the pronouns that resolve to the person
("Kennedy ... he"); never a first name. The article is resolved twice: once with the
genders its titles give, then again with the genders the first pass's pronouns added.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.animacy import (
    GENDER_MAJORITY,
    animate,
    by_referent,
    chain_genders,
    chain_votes,
    inanimate,
    pronoun_indices,
)
from whosaid.constraints import always_definite
from whosaid.cues import PRONOUN_REFERENTS
from whosaid.docfacts import doc_text, kept_for_article
from whosaid.gazetteer import party_key
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.salience import GENDER_OF_REFERENT, Candidate, Candidates
from whosaid.titles import TITLE_GENDERS, TITLE_WORDS, title_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token
    from whosaid.models import Entity, Gender
    from whosaid.quotemarks import Mask


@dataclass
class Resolution:
    """Pronoun token index -> entity id, each person's gender by entity id, and the organisations
    and places the article's pronouns show to be people (``whosaid.animacy``)."""

    links: dict[int, str] = field(default_factory=dict)
    genders: dict[str, Gender] = field(default_factory=dict)
    people: set[str] = field(default_factory=set)
    things: set[str] = field(default_factory=set)  # people the model tagged whom the article's "it" shows organisations
    article: Candidates | None = None
    # Plural pronoun token index -> head token of the unnamed group it stands for ("analysts ... they")
    groups: dict[int, int] = field(default_factory=dict)


def title_genders(
    text: str, entities: Sequence[Entity], people: set[str] | frozenset[str] = frozenset()
) -> dict[str, Gender]:
    """Genders that titles and gendered roles right before a person's name ("Tory co-chairman
    Lord Ashcroft") or in apposition after it ("Jane Hill, a spokeswoman") give; ``people``: ids
    of other entities that are people (their pronouns showed it)."""
    found: dict[str, Gender] = {}
    for entity in entities:
        if entity.kind != "person" and entity.id not in people:
            continue
        votes: Counter[Gender] = Counter()
        for mention in entity.mentions:
            words = []
            for word in reversed(text[max(0, mention.start - 40) : mention.start].split()[-3:]):
                if title_key(word) not in TITLE_WORDS and title_key(word) not in TITLE_GENDERS:
                    break
                words.append(title_key(word))
            if text[mention.end : mention.end + 1] == ",":
                after = [title_key(w.strip(",")) for w in text[mention.end + 1 : mention.end + 40].split()[:4]]
                words += [w for w in after if w in TITLE_GENDERS][:1]
            votes.update(TITLE_GENDERS[w] for w in words if w in TITLE_GENDERS)
        if len(votes) == 1:
            found[entity.id] = next(iter(votes))
    return found


def resolve(doc: Doc, entities: Sequence[Entity], quoted: Mask | None = None) -> Resolution:
    """Resolve every third-person pronoun of ``doc`` that a named candidate fits."""
    text = doc_text(doc)
    if quoted is None:
        quoted = quoted_mask(text, find_quoted_spans(text))
    article = Candidates(doc, text, entities, quoted)
    indices = pronoun_indices(doc)
    chains = by_referent(chain_votes(doc, indices, quoted), {c.token: c.entity.id for c in article.named})
    people = {
        e.id
        for e in entities
        if e.kind in ("organization", "place")
        and e.id in chains
        and animate(chains[e.id])
        and not always_definite(text, e)
        and not any(party_key(m.text) for m in e.mentions)  # a party is an organisation, whatever "he" follows
    }
    titled = title_genders(text, entities, people)
    things = {
        e.id
        for e in entities
        if e.kind == "person" and e.id in chains and e.id not in titled and inanimate(chains[e.id])
    }
    if people or things:
        article.as_kind(people, "person")
        article.as_kind(things, "organization")
    genders = chain_genders(chains, people | {e.id for e in entities if e.kind == "person" and e.id not in things})
    genders.update(titled)
    pronouns = [(doc[i], PRONOUN_REFERENTS[doc[i].lower_]) for i in indices]
    groups: dict[int, int] = {}
    links = _links(article, pronouns, genders, groups)
    votes: dict[str, Counter[Gender]] = {}
    for token, wanted in pronouns:
        if token.i in links and not quoted[token.idx]:
            gender = GENDER_OF_REFERENT.get(wanted)
            if gender is not None:
                votes.setdefault(links[token.i], Counter())[gender] += 1
    added = dict(genders)
    for entity_id, counts in votes.items():
        gender, count = counts.most_common(1)[0]
        if entity_id not in added and count >= GENDER_MAJORITY * sum(counts.values()):
            added[entity_id] = gender
    if added != genders:
        links = _links(article, pronouns, added, groups)
    return Resolution(links=links, genders=added, people=people, things=things, article=article, groups=groups)


def keep(doc: Doc, entities: Sequence[Entity], quoted: Mask, resolution: Resolution) -> None:
    """Keep ``resolution`` for a later ``resolved`` of the same article: the entity stage resolves
    the article to find genders and people, and the resolution of its final entities (the same
    people made people, the same genders) with the same quotation marks is the same."""
    store = kept_for_article(doc)
    if store is not None:
        store["resolution"] = (list(entities), quoted, resolution)


def resolved(doc: Doc, entities: Sequence[Entity], quoted: Mask) -> Resolution:
    """``resolve(doc, entities, quoted)``, or the resolution kept (``keep``) for these very entities
    and the same quoted characters."""
    store = kept_for_article(doc)
    if store is not None and "resolution" in store:
        kept_entities, kept_quoted, resolution = store["resolution"]
        same = len(kept_entities) == len(entities) and all(a is b for a, b in zip(kept_entities, entities, strict=True))
        if same and (kept_quoted is quoted or kept_quoted == quoted):
            return resolution  # type: ignore[no-any-return]
    return resolve(doc, entities, quoted)


def _links(
    article: Candidates, pronouns: list[tuple[Token, str]], genders: dict[str, Gender], groups: dict[int, int]
) -> dict[int, str]:
    """Resolve the pronouns in order; each joins its referent's chain. Plural pronouns that an
    unnamed group wins go into ``groups`` (pronoun -> the group's head token)."""
    links = {}
    chain: list[Candidate] = []
    groups.clear()
    for token, wanted in pronouns:
        found = article.best(token, wanted, genders, chain, groups)
        if found is not None:
            links[token.i] = found.id
            chain.append(article.candidate(found, token))
    return links
