"""Salience: the candidates a third-person pronoun or a description may take up, and the winner.

A light version of the classic salience resolvers (Lappin and Leass 1994): every named person,
organisation or group mentioned before a pronoun is a candidate (``Candidates``, found once per
article); candidates that cannot agree with it are dropped (``whosaid.constraints``), and the rest
are scored by recency, grammatical role and parallelism, each earlier mention adding its weight,
halved per sentence back (``Candidates.best``). ``whosaid.resolver`` runs it over an article's
pronouns; ``whosaid.descriptions`` asks it for role nouns and descriptions.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from whosaid.animacy import SUBJECT_DEPS
from whosaid.constraints import agrees, bound_by, common_plural, group_heads
from whosaid.cues import SPEECH_VERBS
from whosaid.docfacts import sentence_starts
from whosaid.models import Entity
from whosaid.titles import title_key, titles_before

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token
    from whosaid.models import Gender
    from whosaid.quotemarks import Mask

_PARAGRAPH_BREAK = re.compile(r"\n(?=\n)")
_OBJECT_DEPS = frozenset({"dobj", "dative", "attr", "oprd"})
_CLIMB_DEPS = frozenset({"compound", "flat", "appos", "conj", "amod", "nmod", "nummod"})
# Salience weights (Lappin and Leass's factors, scaled): recency halves each sentence back.
RECENCY = 100.0
SUBJECT = 80.0
OBJECT = 50.0
PARALLEL = 35.0
PARAGRAPH_BREAK = -30.0
WINDOW = 12  # sentences back (the pronoun's own sentence is 0)
DECAY = 0.5  # a mention's weight is multiplied by this for each sentence back
GENDER_OF_REFERENT: dict[str, Gender] = {"male": "male", "female": "female"}


# Stands for an unnamed group among the candidates (``_Article.groups``).
_GROUP = Entity.model_construct(id="", kind="organization", label="", name="", mentions=[])


@dataclass(frozen=True)
class Candidate:
    entity: Entity
    token: int  # head token of the mention
    sentence: int
    paragraph: int
    role: str  # subject, object or other
    verb: int  # token the mention's role hangs on


def _role(token: Token) -> tuple[str, int]:
    while token.dep_ in _CLIMB_DEPS and token.head.i != token.i:
        token = token.head
    if token.dep_ in SUBJECT_DEPS:
        return "subject", token.head.i
    if token.dep_ in _OBJECT_DEPS:
        return "object", token.head.i
    return "other", token.head.i


class Candidates:
    """The candidates of one article, found once and used by both passes."""

    def __init__(self, doc: Doc, text: str, entities: Sequence[Entity], quoted: Mask) -> None:
        self.doc = doc
        self.text = text
        self.quoted = quoted
        self._titles: dict[tuple[str, str], set[str]] = {}
        self.sentence_starts = sentence_starts(doc)
        self.breaks = [m.start() for m in _PARAGRAPH_BREAK.finditer(text)]
        self.named: list[Candidate] = []
        for entity in entities:
            if entity.kind not in ("person", "organization", "place"):
                continue
            for mention in entity.mentions:
                if quoted[mention.start]:
                    continue
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None:
                    self.named.append(self.candidate(entity, span.root))
        self.named.sort(key=lambda c: c.token)
        singular = {c.entity.id for c in self.named if not common_plural(doc[c.token])}
        # A "person" only ever written as one plural common noun ("Pools erupted") is no he or she.
        self.plural = {c.entity.id for c in self.named} - singular
        self.named_tokens = [c.token for c in self.named]
        self.named_sentences = [c.sentence for c in self.named]
        self._groups: list[Candidate] | None = None

    def groups(self) -> list[Candidate]:
        """The article's unnamed groups (``whosaid.constraints.group_heads``), found when a plural
        pronoun first asks for them."""
        if self._groups is None:
            found = group_heads(self.doc, self.named_tokens, self.quoted)
            self._groups = [self.candidate(_GROUP, self.doc[i]) for i in found]
        return self._groups

    def as_kind(self, ids: set[str], kind: str) -> None:
        """Make the entities ``ids`` people or organisations (their pronouns showed them to be)."""
        label = "PERSON" if kind == "person" else "ORG"
        made = {}
        for candidate in self.named:
            if candidate.entity.id in ids and candidate.entity.id not in made:
                made[candidate.entity.id] = candidate.entity.model_copy(update={"kind": kind, "label": label})
        self.named = [replace(c, entity=made[c.entity.id]) if c.entity.id in made else c for c in self.named]

    def sentence(self, i: int) -> int:
        return bisect_right(self.sentence_starts, i) - 1

    def candidate(self, entity: Entity, head: Token) -> Candidate:
        role, verb = _role(head)
        return Candidate(entity, head.i, self.sentence(head.i), bisect_right(self.breaks, head.idx), role, verb)

    def entity_at(self, i: int) -> Entity | None:
        """The entity named at token ``i`` (its mention's head), if any."""
        at = bisect_left(self.named_tokens, i)
        return self.named[at].entity if at < len(self.named) and self.named[at].token == i else None

    def titled(self, head: Token, wanted: set[str], roles: dict[str, str]) -> Entity | None:
        """The latest person before ``head`` whose role or the titles before one of their names hold ``wanted``."""
        for candidate in reversed(self.named[: bisect_left(self.named_tokens, head.i)]):
            entity = candidate.entity
            if entity.kind == "person" and wanted <= self.titles(entity, roles):
                return entity
        return None

    def titles(self, entity: Entity, roles: dict[str, str]) -> set[str]:
        """The words of ``entity``'s role and of the few words before each of its names (made
        once per entity and role: ``titled`` asks for every person before a role noun)."""
        role = roles.get(entity.id, "")
        key = (entity.id, role)
        found = self._titles.get(key)
        if found is None:
            text = self.text
            found = {title_key(w) for w in role.split()}
            for mention in entity.mentions:
                found |= titles_before(text, mention.start, 4)
            self._titles[key] = found
        return found

    def best(
        self,
        pronoun: Token,
        wanted: str,
        genders: dict[str, Gender],
        chain: list[Candidate],
        groups_won: dict[int, int] | None = None,
        skip: frozenset[str] = frozenset(),
    ) -> Entity | None:
        """The most salient agreeing entity before ``pronoun``: each earlier mention (names and
        pronouns already resolved, in ``chain``) adds its weight, halved per sentence back. When an
        unnamed group wins (plural pronouns only), None, and ``groups_won`` notes its head token.
        Entities whose ids are in ``skip`` are no candidates."""
        sentence = self.sentence(pronoun.i)
        paragraph = bisect_right(self.breaks, pronoun.idx)
        role, verb = _role(pronoun)
        speaker = self.quote_speaker(pronoun, chain) if self.quoted[pronoun.idx] else None
        bound = self.named_in_clause(pronoun, wanted) if pronoun.dep_ in SUBJECT_DEPS else set()
        scores: dict[str, float] = {}
        by_id: dict[str, Entity] = {}
        start = bisect_left(self.named_sentences, sentence - WINDOW)
        window = self.named[start : bisect_left(self.named_tokens, pronoun.i)]
        # The chain grows in text order, so its recent part is a suffix (not a scan of it all).
        recent = chain[bisect_left(chain, sentence - WINDOW, key=lambda c: c.sentence) :]
        groups: list[Candidate] = []
        if wanted == "plural":
            every = self.groups()
            groups = every[bisect_left(every, sentence - WINDOW, key=lambda c: c.sentence) :]
            groups = groups[: bisect_left(groups, pronoun.i, key=lambda c: c.token)]
        for candidate in window + recent + groups:
            distance = sentence - candidate.sentence
            entity = candidate.entity
            plural = wanted in GENDER_OF_REFERENT and entity.id in self.plural  # he/she: one person
            fits = entity is _GROUP or (agrees(entity, wanted, genders) and not plural)
            if distance > WINDOW or not fits or entity.id == speaker or entity.id in bound or entity.id in skip:
                continue
            if distance == 0 and role != "subject" and candidate.role == "subject" and candidate.verb == verb:
                continue  # "Blair thanked him": not Blair
            weight = RECENCY + (SUBJECT if candidate.role == "subject" else OBJECT if candidate.role == "object" else 0)
            if role == "subject" and candidate.role == "subject" and distance <= 1:
                weight += PARALLEL
            if candidate.paragraph != paragraph:
                weight += PARAGRAPH_BREAK
            key = entity.id if entity is not _GROUP else f"group:{candidate.token}"
            by_id[key] = entity
            scores[key] = scores.get(key, 0.0) + weight * DECAY**distance
        if not scores:
            return None
        winner = max(scores, key=lambda e: scores[e])
        found = by_id[winner]
        if found is _GROUP:
            if groups_won is not None:
                groups_won[pronoun.i] = int(winner.removeprefix("group:"))
            return None
        return found

    def named_in_clause(self, pronoun: Token, wanted: str) -> set[str]:
        """Entities named after a subject pronoun in its own clause, which it cannot be (binding:
        "He described Montalvo", "he left when Smith came" are not Montalvo or
        Smith). An organisation's "it" or "they" may be named again in what it is reported to say
        ("They claimed she misrepresented her time with the Church": the Church)."""
        verb = pronoun.head
        low = bisect_right(self.named_tokens, pronoun.i)
        high = bisect_right(self.named_tokens, verb.right_edge.i)
        # Only an organisation's or a group's pronoun: a person (or a description of one, which
        # asks for "person") is never named again in what they say ("The singer said that Williams").
        reported = pronoun.pos_ == "PRON" and wanted in ("thing", "plural") and verb.lemma_ in SPEECH_VERBS
        # A description may be named again as what modifies a noun in a clause below ("the party ...
        # so voters get a UKIP candidate"); a pronoun not ("he ... Lib Dem parties" is no Lib Dem).
        description = pronoun.pos_ == "NOUN"
        return {
            c.entity.id
            for c in self.named[low:high]
            if bound_by(self.doc[c.token], verb)
            and not (reported and _in_complement(self.doc[c.token], verb))
            and not (description and _modifies_noun(self.doc[c.token], verb))
        }

    def quote_speaker(self, pronoun: Token, chain: list[Candidate]) -> str | None:
        """Who speaks the quoted words ``pronoun`` lies in, where the sentence says: the subject of
        the verb outside the quotation marks that the words hang on ('"He was late," Betty said':
        Betty), named or a pronoun resolved before; a pronoun in a quote is not its speaker."""
        token = pronoun
        while token.head.i != token.i and self.quoted[token.head.idx]:
            token = token.head
        if token.head.i == token.i:
            return None  # the sentence is all quoted
        for subject in token.head.children:
            if subject.dep_ in SUBJECT_DEPS and not self.quoted[subject.idx]:
                for found in (self.named, chain):
                    at = bisect_left(found, subject.i, key=lambda c: c.token)
                    if at < len(found) and found[at].token == subject.i:
                        return found[at].entity.id
        return None


def _in_complement(token: Token, verb: Token) -> bool:
    """Whether ``token`` lies in a clause that ``verb`` takes as its complement ("claimed [that ...]")."""
    while token.head.i != verb.i and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("ccomp", "xcomp")


def _modifies_noun(token: Token, verb: Token) -> bool:
    """Whether a name is written as a modifier of a common noun in a clause below ``verb``'s ("the
    party challenged him [so voters can get a genuine UKIP candidate]"; not "the agency quoted
    Peoplesoft worker Ann Lee", an argument of the verb itself)."""
    if token.dep_ != "compound" or token.head.pos_ != "NOUN":
        return False
    return any(t.pos_ in ("VERB", "AUX") for t in token.head.ancestors if t.i != verb.i and verb in t.ancestors)
