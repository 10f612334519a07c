"""Who a speaker is: the entity behind a subject, a pronoun or a role, and their role or title.

The quotes stage finds the token that names the speaker (the subject of the cue verb, the
object of "according to", the owner of "Biden's address"); this module turns it into a
``Speaker``: the canonical entity when there is one, the mention at this quote, and the
role or title written with the name ("Russian ambassador to Afghanistan Dmitry Zhirnov",
"Putin's special envoy to Afghanistan, Zamir Kabulov").
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from whosaid.animacy import WRITER_PRONOUNS
from whosaid.cues import (
    GROUP_PRONOUNS,
    PERSONAL_PRONOUNS,
    PRONOUN_REFERENTS,
    QUANTIFIERS,
    RELATIVE_PRONOUNS,
    TITLE_WORDS,
)
from whosaid.descriptions import described_person, role_referent
from whosaid.docfacts import doc_text, lemma_positions
from whosaid.gazetteer import SPEAKING_GROUP_NOUNS
from whosaid.models import Entity, Mention, Speaker
from whosaid.phrase_names import affiliation, apposed_name, described_before, entity_by_word, name_written_with
from whosaid.resolver import Resolution, resolved
from whosaid.signers import signature_after

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_ROLE_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj"})
_EDGE_WORDS = frozenset({"the", "a", "an", "'s", "’s", ",", "-", "—", "–", "and"})
_TIME_TYPES = frozenset({"DATE", "TIME"})


@dataclass
class EntityIndex:
    """Entity mentions of one article, searchable by character offset."""

    entities: list[Entity]
    quoted: list[bool]
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


def _clean_edges(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in _EDGE_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _EDGE_WORDS or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def _text_of(doc: Doc, tokens: list[Token]) -> str | None:
    tokens = _clean_edges(tokens)
    if not tokens:
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def _is_role(tokens: list[Token]) -> bool:
    """A role names a function: it holds a common noun or a title, and no verb."""
    if not tokens or len(tokens) > 14:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    return any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLE_WORDS for t in tokens)


def _np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses and trailing modifiers after commas."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _ROLE_STOP_DEPS or child.dep_ == "appos":
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # Contiguous run around the head only.
    start = end = keep.index(head)
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end + 1 < len(keep) and keep[end + 1].i == keep[end].i + 1:
        end += 1
    return keep[start : end + 1]


def role_near(doc: Doc, mention: Mention) -> str | None:
    """The role written in front of or in apposition to a name, if any."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    # In front: "Russian ambassador to Afghanistan Dmitry Zhirnov".
    front = [t for t in _np_tokens(head) if t.i < span.start]
    while front and front[0].ent_type_ in _TIME_TYPES:  # "On Wednesday Mr Blair": the role is "Mr"
        front = front[1:]
    front = _clean_edges(front)
    if front and _is_role(front) and not any(t.ent_type_ == "PERSON" for t in front[-1:]):
        return _text_of(doc, front)
    # In apposition, either way round.
    for child in head.children:
        if child.dep_ == "appos":
            tokens = _np_tokens(child)
            if _is_role(tokens):
                return _text_of(doc, tokens)
    if head.dep_ == "appos" and head.head.i < span.start:
        tokens = [t for t in _np_tokens(head.head) if t.i < span.start]
        if _is_role(_clean_edges(tokens)):
            return _text_of(doc, tokens)
    return None


def article_roles(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """The first role written with each person in the article, by entity id."""
    roles: dict[str, str] = {}
    for entity in index.entities:
        if entity.kind != "person":
            continue
        for mention in entity.mentions:
            role = role_near(doc, mention)
            if role:
                roles[entity.id] = role
                break
    return roles


def article_genders(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """Each person's gender where the article shows it (``Entity.gender``: titles, gendered
    roles and the pronouns resolved to them). Pronouns resolve only to people of their
    gender or of none known."""
    return {entity.id: entity.gender for entity in index.entities if entity.gender is not None}


def speaking_group(head: Token) -> bool:
    """Whether an unnamed group headed by ``head`` is people who may speak: names ("the Tories",
    "Ann Lee and Tom Hill") or a people noun ("analysts", "union leaders"), not "allegations"."""
    if head.pos_ == "PROPN":
        return True
    lemma = head.lemma_.lower()
    return lemma in SPEAKING_GROUP_NOUNS or lemma in TITLE_WORDS


def speaker_from_token(doc: Doc, token: Token, index: EntityIndex) -> tuple[Speaker, str] | None:
    """The speaker that ``token`` (the head of the source phrase) names, and how it was resolved."""
    lower = token.lower_
    if lower in RELATIVE_PRONOUNS:
        # "Smith, who said ...": the speaker is the noun the relative clause hangs on.
        clause = token.head
        if clause.dep_ not in ("relcl", "acl") or clause.head.i == clause.i:
            return None
        antecedent = speaker_from_token(doc, clause.head, index)
        if antecedent is None:
            return None
        here = Mention(start=token.idx, end=token.idx + len(token), text=token.text)
        return antecedent[0].model_copy(update={"mention": here}), "pronoun"
    abbreviation = len(token) > 1 and token.is_upper  # "The US says": the country, not "us"
    pronoun = (
        (token.pos_ == "PRON" and lower not in QUANTIFIERS) or lower in PERSONAL_PRONOUNS or lower in GROUP_PRONOUNS
    )
    if pronoun and not abbreviation:
        mention = Mention(start=token.idx, end=token.idx + len(token), text=token.text)
        if lower in PRONOUN_REFERENTS and not index.quoted[token.idx]:
            entity = index.referent(doc, token)
            if entity is not None:
                return (
                    Speaker(name=entity.name, entity_id=entity.id, role=index.roles.get(entity.id), mention=mention),
                    "pronoun",
                )
            group = index.resolution(doc).groups.get(token.i)
            if group is not None and speaking_group(doc[group]):
                # "Analysts ... They said": the group, named by its words, speaks (no entity).
                head = doc[group]
                # "Ann Lee and Tom Hill": the group is the coordination, not its first name
                phrase = list(head.subtree) if any(c.dep_ == "conj" for c in head.children) else _np_tokens(head)
                words = _whole_words(doc, _clean_edges(phrase))
                if words:
                    return Speaker(name=doc[words[0].i : words[-1].i + 1].text, mention=mention), "pronoun-group"
        signed = _signer(doc, token, index) if lower in WRITER_PRONOUNS and not index.quoted[token.idx] else None
        if signed is not None:
            # A reader's comment: "I think ... \nAnn Webb, Leeds": the one who signed it.
            return signed.model_copy(update={"mention": mention}), "pronoun"
        return Speaker(name=token.text, mention=mention), "pronoun-unresolved"
    found = index.at(token.idx, token.idx + len(token)) or apposed_name(doc, token, index)
    if found is not None:
        mention, entity = found
        role = role_near(doc, mention) or index.roles.get(entity.id)
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is not None and name.start > token.i:  # "Putin's envoy, Zamir Kabulov": the words before the name
            role_tokens = _clean_edges([t for t in doc[token.left_edge.i : name.start] if t.text != ","])
            role = _text_of(doc, role_tokens) if _is_role(role_tokens) else index.roles.get(entity.id)
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention), "entity"
    holder = entity_by_word(token, index)
    if holder is not None:
        here = Mention(start=token.idx, end=token.idx + len(token), text=token.text)
        return Speaker(name=holder.name, entity_id=holder.id, role=index.roles.get(holder.id), mention=here), "entity"
    # A speaker named only by role: "Russian diplomats", "a spokesperson for HMRC".
    tokens = _clean_edges(_np_tokens(token))
    if not tokens or not any(t.pos_ in ("NOUN", "PROPN") or t.lower_ in QUANTIFIERS or t.like_num for t in tokens):
        return None
    tokens = _whole_words(doc, tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    here = Mention(start=start, end=end, text=text)
    role = text if _is_role(tokens) else None
    written = name_written_with(doc, token, tokens, index)
    if written is not None:
        # "Rail Guide author Mia Holt", "its Madrid lawyer, Pablo Serrano": the name written with the role.
        mention, entity = written
        role_tokens = _clean_edges([t for t in tokens if t.idx < mention.start])
        role = _text_of(doc, role_tokens) if _is_role(role_tokens) else index.roles.get(entity.id)
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention), "entity"
    organisation = affiliation(token, index)
    if organisation is not None:
        # "A spokesperson for Microsoft": the organisation speaks, through the role written.
        return Speaker(name=organisation.name, entity_id=organisation.id, role=role, mention=here), "role"
    # "The chancellor said", "the company said": the person or organisation the article gave that role.
    resolution = index.resolution(doc)
    referent = role_referent(resolution, token, index.roles)
    if referent is not None:
        role = text if referent.kind == "person" else index.roles.get(referent.id)
        return Speaker(name=referent.name, entity_id=referent.id, role=role, mention=here), "role-noun"
    # "The spokesman said" after "a spokesman for the Home Office": who the description stood for before;
    # "Helen Marsh said ... The foreign secretary warned MPs": the person the article is about.
    described = described_before(doc, token, index) or described_person(resolution, token, index.roles)
    if described is not None:
        role = text if described.kind == "person" else role
        return Speaker(name=described.name, entity_id=described.id, role=role, mention=here), "role-noun"
    return Speaker(name=text, role=role, mention=here), "role"


def _signer(doc: Doc, token: Token, index: EntityIndex) -> Speaker | None:
    """The writer who signed the comment ``token`` ("I") lies in (``whosaid.signers``): the person
    named on the signature line, else the name as written there when it names nothing else."""
    found = signature_after(doc_text(doc), token.idx)
    if found is None:
        return None
    start, end = found
    here = Mention(start=start, end=end, text=doc_text(doc)[start:end])
    person = index.inside(start, end, "person")
    if person is not None:
        return Speaker(name=person[1].name, entity_id=person[1].id, role=index.roles.get(person[1].id), mention=here)
    return Speaker(name=here.text, mention=here) if index.at(start, end) is None else None


def _whole_words(doc: Doc, tokens: list[Token]) -> list[Token]:
    """Tokens widened over hyphens the tokenizer split ("co-chairman" is never cut to "co")."""
    first, last = tokens[0].i, tokens[-1].i
    while (
        last + 2 < len(doc)
        and doc[last + 1].text == "-"
        and not doc[last].whitespace_
        and not doc[last + 1].whitespace_
    ):
        last += 2
    while (
        first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_
    ):
        first -= 2
    return list(doc[first : last + 1])


def speaker_from_span(doc: Doc, span: Span, index: EntityIndex) -> tuple[Speaker, str] | None:
    """The speaker named somewhere in ``span`` (a dash line, a colon frame): a person first."""
    found = index.inside(span.start_char, span.end_char, "person") or index.inside(
        span.start_char, span.end_char, "organization"
    )
    if found is not None:
        mention, entity = found
        role = role_near(doc, mention) or index.roles.get(entity.id)
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention), "entity"
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return speaker_from_token(doc, nouns[-1], index) if nouns else None
