"""Who a speaker is: the entity behind a subject, a pronoun or a role, and their role or title.

The quotes stage finds the token that names the speaker (the subject of the cue verb, the
object of "according to", the owner of "Biden's address"); this module turns it into a
``Speaker``: the canonical entity when there is one, the mention at this quote, and the
role or title written with the name ("Russian ambassador to Afghanistan Dmitry Zhirnov",
"Putin's special envoy to Afghanistan, Zamir Kabulov").
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from whosaid.ages import age_description, aged_person
from whosaid.animacy import WRITER_PRONOUNS
from whosaid.cues import (
    GROUP_PRONOUNS,
    PERSONAL_PRONOUNS,
    PRONOUN_LOOKALIKES,
    PRONOUN_REFERENTS,
    QUANTIFIERS,
    RELATIVE_PRONOUNS,
    TITLE_WORDS,
)
from whosaid.descriptions import described_person, named_next, role_referent
from whosaid.docfacts import doc_text
from whosaid.documents import document_author
from whosaid.entity_index import EntityIndex
from whosaid.gazetteer import SPEAKING_GROUP_NOUNS
from whosaid.governments import country_governed
from whosaid.models import Mention, Speaker
from whosaid.phrase_names import (
    affiliation,
    apposed_name,
    described_before,
    entity_by_word,
    name_written_with,
)
from whosaid.role_pronouns import role_antecedent
from whosaid.roles import article_roles, clean_edges, is_role, np_tokens, role_near, text_of, whole_words
from whosaid.signers import signature_after
from whosaid.voices import voice_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "EntityIndex",
    "SpeakerRule",
    "article_genders",
    "article_roles",
    "role_near",
    "speaker_from_span",
    "speaker_from_token",
    "speaking_group",
]


class SpeakerRule(StrEnum):
    """How a speaker was named: the value is the rule's name."""

    ENTITY = "entity"  # an entity mention, or the name written with a role ("author Mia Holt")
    PRONOUN = "pronoun"  # a pronoun resolved to an entity ("he", "who", a comment's signed "I")
    PRONOUN_GROUP = "pronoun-group"  # a plural pronoun named by the unnamed group it stands for
    PRONOUN_UNRESOLVED = "pronoun-unresolved"  # a pronoun left as written
    ROLE = "role"  # a role or phrase as written, or the organisation it is written for
    ROLE_NOUN = "role-noun"  # a role noun or description to whom the article gave it

    @property
    def by_pronoun(self) -> bool:
        """Whether the speaker was named by a pronoun, resolved or not."""
        return self in (SpeakerRule.PRONOUN, SpeakerRule.PRONOUN_GROUP, SpeakerRule.PRONOUN_UNRESOLVED)


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


def speaker_from_token(doc: Doc, token: Token, index: EntityIndex) -> tuple[Speaker, SpeakerRule] | None:
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
        # Resolved only when its noun names an entity ("a council spokesman, who said": unlinked).
        rule = SpeakerRule.PRONOUN if antecedent[0].entity_id is not None else SpeakerRule.PRONOUN_UNRESOLVED
        return antecedent[0].model_copy(update={"mention": here}), rule
    abbreviation = token.text in PRONOUN_LOOKALIKES  # "The US says": the country, not "us"
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
                    SpeakerRule.PRONOUN,
                )
            group = index.resolution(doc).groups.get(token.i)
            if group is not None and speaking_group(doc[group]):
                # "Analysts ... They said": the group, named by its words, speaks (no entity).
                head = doc[group]
                # "Ann Lee and Tom Hill": the group is the coordination, not its first name
                phrase = list(head.subtree) if any(c.dep_ == "conj" for c in head.children) else np_tokens(head)
                words = whole_words(doc, clean_edges(phrase))
                if words:
                    return Speaker(
                        name=doc[words[0].i : words[-1].i + 1].text, mention=mention
                    ), SpeakerRule.PRONOUN_GROUP
            role_noun = role_antecedent(doc, token, index.resolution(doc), index.quoted)
            taken = speaker_from_token(doc, role_noun, index) if role_noun is not None else None
            if taken is not None and taken[0].entity_id is not None:
                # "A Labour Party spokesman told ... '...,' he said": the one the spokesman speaks for.
                return taken[0].model_copy(update={"mention": mention}), SpeakerRule.PRONOUN
        signed = _signer(doc, token, index) if lower in WRITER_PRONOUNS and not index.quoted[token.idx] else None
        if signed is not None:
            # A reader's comment: "I think ... \nAnn Webb, Leeds": the one who signed it.
            rule = SpeakerRule.PRONOUN if signed.entity_id is not None else SpeakerRule.PRONOUN_UNRESOLVED
            return signed.model_copy(update={"mention": mention}), rule
        return Speaker(name=token.text, mention=mention), SpeakerRule.PRONOUN_UNRESOLVED
    aged = age_description(token)
    if aged is not None:
        # "said the 46-year-old": the one person the article gives that age ("John Smith, 46, ...").
        here = Mention(start=aged.start_char, end=aged.end_char, text=aged.text)
        person = aged_person(index.resolution(doc), token, index.roles)
        if person is None:
            return Speaker(name=aged.text, mention=here), SpeakerRule.ROLE
        role = index.roles.get(person.id)
        return Speaker(name=person.name, entity_id=person.id, role=role, mention=here), SpeakerRule.ROLE_NOUN
    found = index.at(token.idx, token.idx + len(token)) or apposed_name(doc, token, index)
    if found is not None:
        mention, entity = found
        role = role_near(doc, mention) or index.roles.get(entity.id)
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is not None and name.start > token.i:  # "Putin's envoy, Zamir Kabulov": the words before the name
            role_tokens = clean_edges([t for t in doc[token.left_edge.i : name.start] if t.text != ","])
            role = text_of(doc, role_tokens) if is_role(role_tokens) else index.roles.get(entity.id)
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention), SpeakerRule.ENTITY
    holder = entity_by_word(token, index)
    if holder is not None:
        here = Mention(start=token.idx, end=token.idx + len(token), text=token.text)
        return Speaker(
            name=holder.name, entity_id=holder.id, role=index.roles.get(holder.id), mention=here
        ), SpeakerRule.ENTITY
    # A speaker named only by role: "Russian diplomats", "a spokesperson for HMRC".
    tokens = clean_edges(np_tokens(token))
    if not tokens or not any(t.pos_ in ("NOUN", "PROPN") or t.lower_ in QUANTIFIERS or t.like_num for t in tokens):
        return None
    tokens = whole_words(doc, tokens)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    text = doc[tokens[0].i : tokens[-1].i + 1].text
    here = Mention(start=start, end=end, text=text)
    role = text if is_role(tokens) else None
    written = name_written_with(doc, token, tokens, index)
    if written is not None:
        # "Rail Guide author Mia Holt", "its Madrid lawyer, Pablo Serrano": the name written with the role.
        mention, entity = written
        role_tokens = clean_edges([t for t in tokens if t.idx < mention.start])
        role = text_of(doc, role_tokens) if is_role(role_tokens) else index.roles.get(entity.id)
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention), SpeakerRule.ENTITY
    organisation = affiliation(token, index)
    if organisation is not None:
        # "A spokesperson for Microsoft": the organisation speaks, through the role written.
        return Speaker(name=organisation.name, entity_id=organisation.id, role=role, mention=here), SpeakerRule.ROLE
    # "The chancellor said", "the company said": the person or organisation the article gave that role.
    resolution = index.resolution(doc)
    referent = role_referent(resolution, token, index.roles)
    if referent is not None:
        role = text if referent.kind == "person" else index.roles.get(referent.id)
        return Speaker(name=referent.name, entity_id=referent.id, role=role, mention=here), SpeakerRule.ROLE_NOUN
    # "The spokesman said" after "a spokesman for the Home Office": who the description stood for before;
    # "Helen Marsh said ... The foreign secretary warned MPs": the person the article is about.
    described = (
        described_before(doc, token, index)
        or described_person(resolution, token, index.roles)
        or named_next(
            resolution, token, index.roles
        )  # "London's most senior police officer has said ... Sir Ian Blair said"
        or document_author(doc, token, index)  # "..., a report says. The study, undertaken by the EC, ..."
        or country_governed(doc, token, index)  # "India has raised ... The government hopes"
        or voice_of(resolution, token, index.quoted)  # "Acme has recalled its jam. A spokeswoman said"
    )
    if described is not None:
        role = text if described.kind == "person" else role
        return Speaker(name=described.name, entity_id=described.id, role=role, mention=here), SpeakerRule.ROLE_NOUN
    return Speaker(name=text, role=role, mention=here), SpeakerRule.ROLE


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


def speaker_from_span(doc: Doc, span: Span, index: EntityIndex) -> tuple[Speaker, SpeakerRule] | None:
    """The speaker named somewhere in ``span`` (a dash line, a colon frame): a person first."""
    found = index.inside(span.start_char, span.end_char, "person") or index.inside(
        span.start_char, span.end_char, "organization"
    )
    if found is not None:
        mention, entity = found
        role = role_near(doc, mention) or index.roles.get(entity.id)
        return Speaker(name=entity.name, entity_id=entity.id, role=role, mention=mention), SpeakerRule.ENTITY
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return speaker_from_token(doc, nouns[-1], index) if nouns else None
