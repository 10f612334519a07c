"""Who a third-person pronoun refers to, by salience, and each person's grammatical gender.

A light version of the classic salience resolvers (Lappin and Leass 1994): every named
person, organisation or group mentioned before a pronoun is a candidate; candidates that
cannot agree with it are dropped (he/she only to people of that gender or of none known,
it/its to organisations, they/them to organisations and groups; an object pronoun never to
the subject of its own verb; never a name inside quoted words), and the rest are scored by
recency, grammatical role and parallelism. The highest wins.

Gender is the article's own: a title or gendered role written with the name ("Mr",
"Baroness", "spokeswoman") or, failing that, the pronouns that resolve to the person
("Kennedy ... he"); never a first name. The article is resolved twice: once with the
genders its titles give, then again with the genders the first pass's pronouns added.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.cues import PRONOUN_REFERENTS
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.titles import TITLE_GENDERS, TITLE_WORDS, title_key

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token
    from whosaid.models import Entity, Gender

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
_CLIMB_DEPS = frozenset({"compound", "flat", "appos", "conj", "amod", "nmod", "nummod"})
# Salience weights (Lappin and Leass's factors, scaled): recency halves each sentence back.
RECENCY = 100.0
SUBJECT = 80.0
OBJECT = 50.0
PARALLEL = 35.0
PARAGRAPH_BREAK = -30.0
REPEATED = 10.0
WINDOW = 4  # sentences back (the pronoun's own sentence is 0)
GENDER_OF_REFERENT: dict[str, Gender] = {"male": "male", "female": "female"}
# A share of a person's resolved pronouns that must agree before they give the gender.
GENDER_MAJORITY = 0.75


@dataclass(frozen=True)
class _Candidate:
    entity: Entity
    token: int  # head token of the mention
    sentence: int
    paragraph: int
    role: str  # subject, object or other
    verb: int  # token the mention's role hangs on


@dataclass
class Resolution:
    """Pronoun token index -> entity id, and each person's gender by entity id."""

    links: dict[int, str] = field(default_factory=dict)
    genders: dict[str, Gender] = field(default_factory=dict)


def _role(token: Token) -> tuple[str, int]:
    while token.dep_ in _CLIMB_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ in _SUBJECT_DEPS:
        return "subject", token.head.i
    if token.dep_ in _OBJECT_DEPS:
        return "object", token.head.i
    return "other", token.head.i


def title_genders(doc: Doc, entities: Sequence[Entity]) -> dict[str, Gender]:
    """Genders that titles and gendered roles right before a person's name ("Tory co-chairman
    Lord Ashcroft") or in apposition after it ("Jane Hill, a spokeswoman") give."""
    found: dict[str, Gender] = {}
    text = doc.text
    for entity in entities:
        if entity.kind != "person":
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


class _Article:
    """The candidates of one article, found once and used by both passes."""

    def __init__(self, doc: Doc, entities: Sequence[Entity], quoted: Sequence[bool]) -> None:
        self.doc = doc
        self.sentence_starts = [s.start for s in doc.sents]
        text = doc.text
        breaks = [i for i in range(len(text) - 1) if text[i] == "\n" and text[i + 1] == "\n"]
        self.candidates: list[_Candidate] = []
        for entity in entities:
            if entity.kind not in ("person", "organization"):
                continue
            for mention in entity.mentions:
                if quoted[mention.start]:
                    continue
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                head = span.root
                role, verb = _role(head)
                paragraph = bisect_right(breaks, mention.start)
                self.candidates.append(_Candidate(entity, head.i, self.sentence(head.i), paragraph, role, verb))
        self.candidates.sort(key=lambda c: c.token)
        self.breaks = breaks

    def sentence(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i) - 1

    def best(self, pronoun: Token, wanted: str, genders: dict[str, Gender]) -> Entity | None:
        sentence = self.sentence(pronoun.i)
        paragraph = bisect_right(self.breaks, pronoun.idx)
        role, verb = _role(pronoun)
        scores: dict[str, float] = {}
        seen: Counter[str] = Counter()
        by_id: dict[str, Entity] = {}
        for candidate in self.candidates:
            if candidate.token >= pronoun.i:
                break
            distance = sentence - candidate.sentence
            entity = candidate.entity
            if distance > WINDOW or not _agrees(entity, wanted, genders):
                continue
            if distance == 0 and role != "subject" and candidate.role == "subject" and candidate.verb == verb:
                continue  # "Blair thanked him": not Blair
            score = RECENCY * 0.5**distance
            score += SUBJECT if candidate.role == "subject" else OBJECT if candidate.role == "object" else 0.0
            if role == "subject" and candidate.role == "subject" and distance <= 1:
                score += PARALLEL
            if candidate.paragraph != paragraph:
                score += PARAGRAPH_BREAK
            seen[entity.id] += 1
            score += REPEATED * min(seen[entity.id] - 1, 3)
            by_id[entity.id] = entity
            scores[entity.id] = max(scores.get(entity.id, float("-inf")), score)
        if not scores:
            return None
        # Ties go to the latest mentioned.
        winner = max(scores, key=lambda e: scores[e])
        return by_id[winner]


def _agrees(entity: Entity, wanted: str, genders: dict[str, Gender]) -> bool:
    if wanted in ("male", "female"):
        return entity.kind == "person" and genders.get(entity.id, wanted) == wanted
    if wanted == "thing":
        return entity.kind == "organization"
    return entity.kind == "organization"  # plural: organisations ("Labour ... they")


def resolve(doc: Doc, entities: Sequence[Entity], quoted: Sequence[bool] | None = None) -> Resolution:
    """Resolve every third-person pronoun of ``doc`` that a named candidate fits."""
    text = doc.text
    if quoted is None:
        quoted = quoted_mask(text, find_quoted_spans(text))
    article = _Article(doc, entities, quoted)
    genders = title_genders(doc, entities)
    pronouns = [(t, PRONOUN_REFERENTS[t.lower_]) for t in doc if t.lower_ in PRONOUN_REFERENTS]
    links = _links(article, pronouns, genders)
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
        links = _links(article, pronouns, added)
    return Resolution(links=links, genders=added)


def _links(article: _Article, pronouns: list[tuple[Token, str]], genders: dict[str, Gender]) -> dict[int, str]:
    links = {}
    for token, wanted in pronouns:
        found = article.best(token, wanted, genders)
        if found is not None:
            links[token.i] = found.id
    return links
