"""Who a description stands for: "the company", "the chancellor", "the two-time champion".

News names a person or an organisation once and then describes them: "Tesco ... the company said",
"Chancellor Gordon Brown ... the chancellor said", "Helen Marsh said ... The foreign secretary warned
MPs". These functions find the entity such a definite description stands for, using the
article's candidates and salience (``whosaid.resolver``):

- ``role_referent``: the organisation of that kind ("the company", "the bank", "the newspaper"),
  or the person the article gives the role ("the chancellor"), before the description or, when
  the description comes first, named later with every one of its words ("India's finance
  minister ... Ravi Shankar, India's finance minister");
- ``described_person``: a description of one person that the article gives no one ("the
  foreign secretary", "the Olympic gold medallist") goes to the most salient person before
  it, as "he" or "she" would, when a recent clause was about that person; never when the article
  wrote its noun before for someone else or for no one in particular ("Sam Cole's lawyer ... the
  lawyer", "a spokesman ... the spokesman"). Measured on GUM's hand-made coreference
  (``benchmarks/coref.py``), few and mostly wrong there (biographies and fiction: "the author",
  "the speaker" in general); read on BBC news, mostly right;
- ``named_next``: a description a story writes before the name ("London's most senior police
  officer has said ... Sir Ian Blair said").

Age descriptions ("said the 46-year-old") are ``whosaid.ages``.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from whosaid.ages import age_description
from whosaid.constraints import DEFINITE_DETERMINERS, definite
from whosaid.cues import SPEECH_VERBS
from whosaid.docfacts import kept_for_article, lemma_positions
from whosaid.gazetteer import COMPANY_NOUNS, GENERIC_ORG_NOUNS, ORG_NOUNS, PRESS_NOUNS
from whosaid.titles import (
    OFFICES,
    PERSON_DESCRIPTIONS,
    PERSON_NOUNS,
    TITLE_GENDERS,
    TITLE_WORDS,
    title_key,
    titles_before,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.models import Entity
    from whosaid.resolver import Resolution

RECENT = 2  # sentences back in which the person a description stands for must have been a subject
_SINGULAR = frozenset({"NN", "NNP"})
_NOT_NAMING = DEFINITE_DETERMINERS | {"'s", "’s", "a", "an"}  # words of a role that name no one
_MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "npadvmod", "nmod"})  # "the prime minister", "the top seed"
_ARGUMENT_DEPS = frozenset({"dobj", "pobj", "prep", "conj", "dative", "agent"})  # "criticised both the chancellor and"


def role_referent(resolution: Resolution, head: Token, roles: dict[str, str]) -> Entity | None:
    """The entity a role noun phrase headed by ``head`` stands for, where the article establishes
    it: "the company" / "the firm" / "the organisation" -> the most salient organisation before it
    ("the party": the most salient party); "the chancellor",
    "the Tory co-chairman" -> the latest person before it whose title or role has those words (or,
    when there is none, the first person after it whose role has every word of the phrase);
    "the newspaper" -> the most salient organisation titled like one ("The Sunday Telegraph"), else the
    latest written as one ("Vedomosti newspaper");
    "the Russian" (a nationality) -> the most salient person before it."""
    article = resolution.article
    if article is None or head.pos_ not in ("NOUN", "PROPN") or head.tag_ in ("NNS", "NNPS"):
        return None
    if not definite(head) and not any(t.dep_ == "poss" for t in head.lefts):
        return None  # "a spokesman" names no one in particular
    if head.lower_ in ORG_NOUNS:
        named = article.best(head, f"org:{head.lower_}", resolution.genders, [])
        if named is None and (head.lower_ in COMPANY_NOUNS or head.lower_ in GENERIC_ORG_NOUNS):
            return article.best(head, "thing", resolution.genders, [])
        return named
    if head.lower_ in PRESS_NOUNS:  # "the newspaper": The Sunday Telegraph
        return article.best(head, "press", resolution.genders, []) or _written_as_press(resolution, head)
    if head.ent_type_ == "NORP":
        return article.best(head, "person", resolution.genders, [])
    words = _words_to(head)
    wanted = {w for w in words if w in TITLE_WORDS}
    if not wanted:
        return None
    return article.titled(head, wanted, roles) or _titled_after(resolution, head, words - _NOT_NAMING, roles)


def _written_as_press(resolution: Resolution, head: Token) -> Entity | None:
    """The latest organisation before ``head`` that the article wrote as a newspaper's or a
    magazine's title ("Vedomosti newspaper reported ... The paper added"), or None."""
    assert resolution.article is not None
    doc = head.doc
    for candidate in reversed(resolution.article.named):
        word = doc[candidate.token]
        titled = word.dep_ == "compound" and word.head.lower_ in PRESS_NOUNS and word.head.i != head.i
        if titled and candidate.token < head.i and candidate.entity.kind == "organization":
            return candidate.entity
    return None


def _titled_after(resolution: Resolution, head: Token, words: set[str], roles: dict[str, str]) -> Entity | None:
    """The first person after ``head`` whose role is ``words`` ("India's finance minister"; not
    "the mayor" for "Deputy Mayor Nicky Gavron")."""
    assert resolution.article is not None
    named = resolution.article.named
    for candidate in named[bisect_right([c.token for c in named], head.i) :]:
        role = roles.get(candidate.entity.id)
        if candidate.entity.kind == "person" and role and words == {title_key(w) for w in role.split()} - _NOT_NAMING:
            return candidate.entity
    return None


def described_person(resolution: Resolution, head: Token, roles: dict[str, str]) -> Entity | None:
    """The person a definite description of one person ("the foreign secretary", "the two-time
    champion", "the actress") stands for when the article gives no one its words: the most
    salient person before it (of the description's gender when it has one), when that person was
    the subject of a clause in its sentence or the ``RECENT`` sentences before (the story is still
    about them), and the article gives them no other office ("the chancellor" is not "Foreign
    Secretary Helen Marsh")."""
    article = resolution.article
    singular = head.tag_ in _SINGULAR or age_description(head) is not None  # "the 46-year-old": an adjective
    if article is None or not singular or not _definite(head) or head.is_title:
        return None  # "the Scottish Executive" is a name
    noun = _head_word(head)
    if noun not in PERSON_NOUNS:
        return None
    if _someone_else_before(head):
        return None  # "Sam Cole's lawyer ... the lawyer", "a spokesman ... the spokesman"
    wanted = _words_to(head) & TITLE_WORDS
    # Not someone the article gives another office: "the chancellor" is not "Foreign Secretary Helen Marsh".
    offices = {c.entity.id: _offices_kept(head, article.text, c.entity, roles) for c in article.named} if wanted else {}
    skip = frozenset(entity for entity, held in offices.items() if held and wanted.isdisjoint(held))
    skip |= _acted_on(resolution, head)  # "Kennedy criticised the chancellor ... the chancellor's plan"
    found = article.best(head, TITLE_GENDERS.get(noun, "person"), resolution.genders, [], skip=skip)
    if found is None:
        return None
    # Only the person a recent clause was about: "Helen Marsh said ... The foreign secretary warned MPs",
    # by name or by a pronoun resolved to them ("..., he said. The prime minister ridiculed ...").
    sentence = article.sentence(head.i)
    recent = [c.sentence for c in article.named if c.entity.id == found.id and c.role == "subject"]
    recent += [article.sentence(i) for i in _subject_pronouns(resolution, head.doc, found.id)]
    return found if any(0 <= sentence - s <= RECENT for s in recent) else None


def _someone_else_before(head: Token) -> bool:
    """Whether the article wrote the description's noun before for someone it did not name, with
    every word the description has before its noun: a noun written after "a" ("a spokesman ...
    the spokesman"), owned by someone ("Sam Cole's lawyer ... the lawyer") or plural. A noun
    written bare ("Labour MP Stephen Pound", a headline's "MP's shock", "Prime minister's
    questions") or with other words ("ministers" before "the prime minister") introduces no one else."""
    doc = head.doc
    words = {t.lower_ for t in head.lefts if t.dep_ in _MODIFIER_DEPS}
    for i in lemma_positions(head):
        if i >= head.i:
            break
        earlier = doc[i]
        introduced = (
            earlier.tag_ in ("NNS", "NNPS")
            or any(t.dep_ == "poss" for t in earlier.lefts)
            or any(t.dep_ == "det" and t.lower_ not in DEFINITE_DETERMINERS for t in earlier.lefts)
        )
        if introduced and words <= {t.lower_ for t in earlier.lefts}:
            return True
    return False


def _acted_on(resolution: Resolution, head: Token) -> frozenset[str]:
    """The people who were the subject of a clause that took the description's noun, written before
    with its words, as an object or after a preposition: "Kennedy criticised the chancellor" (by
    name or by a pronoun resolved to them); the chancellor is someone else."""
    article = resolution.article
    assert article is not None
    doc = head.doc
    words = {t.lower_ for t in head.lefts if t.dep_ in _MODIFIER_DEPS}
    found: set[str] = set()
    for i in lemma_positions(head):
        if i >= head.i:
            break
        token = doc[i]
        if not words <= {t.lower_ for t in token.lefts}:
            continue
        while token.dep_ in _ARGUMENT_DEPS and token.head.i != token.i:
            token = token.head
        if token.pos_ not in ("VERB", "AUX") or token.i == i:
            continue
        for subject in token.children:
            if subject.dep_ in ("nsubj", "nsubjpass"):
                named = article.entity_at(subject.i)
                linked = resolution.links.get(subject.i) or (named.id if named is not None else None)
                if linked is not None:
                    found.add(linked)
    return frozenset(found)


def _subject_pronouns(resolution: Resolution, doc: Doc, entity_id: str) -> list[int]:
    """Indices of the subject pronouns outside quotation marks resolved to ``entity_id``."""
    article = resolution.article
    assert article is not None
    return [
        i
        for i, linked in resolution.links.items()
        if linked == entity_id and doc[i].dep_ in ("nsubj", "nsubjpass") and not article.quoted[doc[i].idx]
    ]


def _offices_kept(head: Token, text: str, entity: Entity, roles: dict[str, str]) -> set[str]:
    """``_offices``, computed once per entity of the article while its facts are kept."""
    kept = kept_for_article(head.doc)
    if kept is None:
        return _offices(text, entity, roles)
    table: dict[tuple[int, str], set[str]] = kept.setdefault("offices", {})
    key = (id(roles), entity.id)
    if key not in table:
        table[key] = _offices(text, entity, roles)
    return table[key]


def _offices(text: str, entity: Entity, roles: dict[str, str]) -> set[str]:
    """The offices the article gives ``entity``: in its role, or right before one of its names."""
    found = {title_key(w) for w in roles.get(entity.id, "").split()}
    for mention in entity.mentions:
        found |= titles_before(text, mention.start, 3)
    return found & OFFICES


def _definite(head: Token) -> bool:
    """Definite (``constraints.definite``) and owned by no one ("the lawyer", not "his lawyer",
    "Cole's lawyer")."""
    return definite(head) and not any(t.dep_ == "poss" for t in head.lefts)


def _head_word(head: Token) -> str:
    """The head noun as a whole word: "fly-half", "46-year-old" (which the tokenizer splits)."""
    doc = head.doc
    start = head.i
    while start >= 2 and doc[start - 1].text == "-" and not (doc[start - 2].whitespace_ or doc[start - 1].whitespace_):
        start -= 2
    word = doc[start : head.i + 1].text.lower()
    return "year-old" if word.endswith("year-old") else title_key(word)


def _words_to(head: Token) -> set[str]:
    """The words of a noun phrase up to its head, hyphenated words whole ("the Tory co-chairman",
    which the parser splits at the hyphen and heads with "co")."""
    doc = head.doc
    end = head.i
    while end + 2 < len(doc) and doc[end + 1].text == "-" and not doc[end].whitespace_ and not doc[end + 1].whitespace_:
        end += 2
    return {title_key(w) for w in doc[head.left_edge.i : end + 1].text.split()}


def named_next(resolution: Resolution, head: Token, roles: dict[str, str]) -> Entity | None:
    """A description of one person that a story writes before the name ("London's most senior
    police officer has said ... Sir Ian Blair said"): the person first named in the next sentence,
    as the subject of a speech verb. Only a definite description or one owned by a name (not "a
    spokesman", nor "his lawyer"); not when the next sentence opens with a contrast ("But Nigel
    Hill said": another voice), nor a person the article gives another office ("the chancellor ...
    Shadow foreign secretary Tom Hill said")."""
    article = resolution.article
    if article is None or head.tag_ not in _SINGULAR:
        return None
    noun = _head_word(head)
    if noun not in TITLE_WORDS and (head.is_title or noun not in PERSON_DESCRIPTIONS):
        return None  # "Pakistan's High Commissioner" is a title written with capitals, not a name
    owned = any(t.dep_ == "poss" and t.pos_ == "PROPN" for t in head.lefts)
    described = _words_to(head) - _NOT_NAMING
    indefinite = not (_definite(head) or owned)
    if indefinite and (len(described) < 2 or any(t.dep_ == "poss" for t in head.lefts)):
        return None  # "a spokesman", "his lawyer": anyone's
    doc = head.doc
    after = article.sentence(head.i) + 1
    if after >= len(article.sentence_starts) or doc[article.sentence_starts[after]].lower_ in _CONTRASTS:
        return None
    opening = doc[article.sentence_starts[after]].idx
    wanted = _words_to(head) & OFFICES
    for candidate in article.named:
        if candidate.sentence < after:
            continue
        if candidate.sentence > after or candidate.role != "subject" or candidate.entity.kind != "person":
            return None  # only the first subject named in the next sentence
        entity = candidate.entity
        first = entity.mentions[0].start >= opening
        offices = _offices_kept(head, article.text, entity, roles) if wanted else set()
        other_office = bool(offices) and offices.isdisjoint(wanted)
        speaks = doc[candidate.token].head.lemma_ in SPEECH_VERBS
        # "a government spokesman ... said Ann Lee, the chief government spokesman": one of many
        # only when the name is given every word of it
        given = not indefinite or described <= {title_key(w) for w in roles.get(entity.id, "").split()}
        return entity if first and speaks and given and not other_office else None
    return None


_CONTRASTS = frozenset({"but", "however", "yet", "meanwhile", "still"})
