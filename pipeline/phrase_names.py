"""The entity a speaker's phrase names or stands for, where the phrase is not itself a name.

``whosaid.speakers`` turns the source phrase of a quote into a speaker; when the phrase's head is
no entity mention, these helpers look for the entity the words give: a name in apposition or
written straight after a role noun ("US research firm Norvale", "author Mia Holt", "its
lawyer, Pablo Serrano"), the organisation the head belongs to ("a spokesman for the Home
Office"), the entity a definite description stood for earlier ("the regulator" after
"communications regulator Ofcom"), or a word of a name the tagger did not tag this time
("Menatep said" after "Group Menatep"). Each returns the entity and the mention to show, or None.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.constraints import definite
from whosaid.cues import PRONOUN_REFERENTS
from whosaid.descriptions import role_referent
from whosaid.docfacts import kept_for_article
from whosaid.gazetteer import (
    DESCRIPTION_NOUNS,
    DOCUMENT_NOUNS,
    ORG_NOUNS,
    OUTSIDER_NOUNS,
    SPEAKING_GROUP_NOUNS,
    party_described,
    party_key,
)
from whosaid.governments import governing, nationality_country
from whosaid.titles import FORMER_WORDS, PERSON_NOUNS, ROLE_HEADS, TITLE_WORDS, title_key
from whosaid.voices import VOICE_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.entity_index import EntityIndex
    from whosaid.models import Entity, Mention

_NAMING_DEPS = frozenset({"compound", "appos"})  # "regulator Ofcom", "Ofcom, the regulator"
_MODIFIER_DEPS = frozenset({"amod", "compound", "nummod", "npadvmod", "nmod"})
_AFFILIATION_PREPS = frozenset({"for", "from", "by", "at", "of", "with"})
_PUBLISHED_IN = frozenset({"in"})  # "a review in the New York Times": the paper's
_SPEAKING_KINDS = ("person", "organization")
_VOICES = VOICE_NOUNS | {"source", "official"}  # who speak for a body


def affiliation(head: Token, index: EntityIndex) -> Entity | None:
    """The organisation a noun phrase names its head as part of, or as written by: "a spokesperson
    for Microsoft", "a Home Office spokesman", "Halifax's figures", "a report by the Rowntree
    Trust", "the head of the IMF", "its spokesman" (whom "its" stands for); a document also for whoever
    wrote it ("Mr Peston's book", "her lawsuit") or published it ("a review in the New York Times"); not a
    name further down ("readers of the Kestrel Daily weblog", "companies like Sony") nor outsiders
    ("Enron's shareholders")."""
    if head.lemma_.lower() in OUTSIDER_NOUNS or any(c.lower_ in FORMER_WORDS for c in head.children):
        return None  # "Labour MPs", "a former Sun editor": not the organisation's voice
    document = head.lemma_.lower() in DOCUMENT_NOUNS
    government = governing(head)  # "the UK government": the place's
    for child in head.children:
        # A document's owner or author may be a person: "Mr Peston's book", "a book by Robert Peston";
        # not a name written before it, often its title's ("the Paying the Price report").
        author = document and (child.dep_ == "poss" or child.lower_ == "by")
        kinds = ("organization", "person") if author else ("organization", "place") if government else ("organization",)
        if government and child.dep_ == "amod" and child.ent_type_ == "NORP":
            country = nationality_country(child.text, index)
            if country is not None:
                return country  # "the Venezuelan authorities": Venezuela's
            continue
        if child.dep_ in ("poss", "compound", "nmod") or (child.dep_ == "amod" and head.lower_ in _VOICES):
            named = [child]  # "a Conservative spokeswoman": the party, read as an adjective
        elif child.dep_ == "prep" and (
            child.lower_ in _AFFILIATION_PREPS or (document and child.lower_ in _PUBLISHED_IN)
        ):
            named = [c for c in child.children if c.dep_ == "pobj"]
            if child.lower_ in _PUBLISHED_IN and any(g.dep_ == "conj" for c in named for g in c.children):
                continue  # "reports in the Wall Street Journal and the Financial Times": two papers'
        elif child.dep_ == "acl" and head.lemma_.lower() in DESCRIPTION_NOUNS:  # "data gathered by Netcraft"
            named = [c for a in child.children if a.dep_ == "agent" for c in a.children if c.dep_ == "pobj"]
        else:
            continue
        while named:
            token = named.pop()
            found = index.at(token.idx, token.idx + len(token))
            if found is not None and found[1].kind in kinds:
                return found[1]
            speaks = document or head.lower_ in _VOICES  # not "its makers", "their first two games"
            mine = _pronoun_owner(token, index) if found is None and child.dep_ == "poss" and speaks else None
            if mine is not None and mine.kind in kinds:
                return mine  # "its report", "her lawsuit": whom the pronoun stands for
            owner = _described_owner(token, index) if found is None and child.dep_ == "poss" else None
            if owner is not None:
                return owner  # "the council's spokesperson": the council the article named before
            party = _party_described(head, token, index) if found is None else None
            if party is not None:
                return party  # "a Conservative spokeswoman": the Conservative Party
            if found is None:  # "the Nasdaq stock index"; not "Telegraph journalist Robert Peston"
                # nor "research consultancy Analysys", "CES organisers, the CEA": the name apposed
                named += [c for c in token.children if c.dep_ in ("compound", "poss", "appos")]
    return None


def _pronoun_owner(owner: Token, index: EntityIndex) -> Entity | None:
    """The entity a possessive pronoun outside quotation marks stands for ("its report": the
    company the resolver takes "its" to), or None."""
    if owner.lower_ not in PRONOUN_REFERENTS or index.quoted[owner.idx]:
        return None
    return index.referent(owner.doc, owner)


def _described_owner(owner: Token, index: EntityIndex) -> Entity | None:
    """The organisation a definite organisation noun that owns a role or a document stands for
    ("the council's spokesperson", "the committee's report"), as "the council said" would."""
    if owner.lower_ not in ORG_NOUNS or not definite(owner):
        return None
    found = role_referent(index.resolution(owner.doc), owner, index.roles)
    return found if found is not None and found.kind == "organization" else None


def _party_described(head: Token, word: Token, index: EntityIndex) -> Entity | None:
    """The party that a party's describing word before one spokesman or source names ("a
    Conservative spokeswoman", "a Lib Dem spokesman"), when the article names the party; not
    before a plural ("Tory MPs" are the party's people) nor a person it describes ("the Tory
    leader" is Michael Howard, ``whosaid.descriptions``)."""
    if head.tag_ != "NN" or head.lower_ not in _VOICES or word.dep_ not in ("compound", "amod") or word.i > head.i:
        return None
    words = word.text
    if word.i > 0 and word.doc[word.i - 1].dep_ == "compound" and word.doc[word.i - 1].head.i == word.i:
        words = f"{word.doc[word.i - 1].text} {words}"  # "Lib Dem"
    key = party_described(words) or party_described(word.text)
    if key is None:
        return None
    for entity in index.entities:
        if entity.kind == "organization" and any(party_key(m.text) == key for m in entity.mentions):
            return entity
    return None


def described_before(doc: Doc, head: Token, index: EntityIndex) -> Entity | None:
    """The entity a definite description ("the spokesman", "the newspaper", "the report") stood for
    where the article wrote the same noun, with the same words before it, earlier with a name:
    "a spokesman for the Home Office", "the Evening Standard newspaper", "communications regulator
    Ofcom", "Ofcom, the regulator", "a report by the Rowntree Trust". The latest such noun before
    ``head`` wins; a person only when the noun is written as that person's role ("lawyer Ann Lee",
    "Ann Lee, the lawyer"), never the owner of a role ("Lee's lawyer" is not Lee)."""
    if head.pos_ != "NOUN" or head.tag_ == "NNS" or not definite(head):
        return None
    # Any other noun only as the kind a name was written with ("Australian brewer Fosters ... the brewer").
    kind_only = head.lemma_.lower() not in DESCRIPTION_NOUNS and title_key(head.text) not in TITLE_WORDS
    if kind_only and head.i + 1 < len(doc) and doc[head.i + 1].text[:1].isupper():
        return None  # "the song See It In A Boy's Eyes": named here, by its own name
    wanted = {t.lower_ for t in head.lefts if t.dep_ in _MODIFIER_DEPS}  # "the top seed" is not "seventh seed"
    for i in reversed(index.same_lemma(doc, head)):
        earlier = doc[i]
        if wanted <= {t.lower_ for t in earlier.lefts}:
            found = _kind_of_name(earlier, index) if kind_only else named_with(earlier, index)
            if found is not None:
                return found
    return None


def _kind_of_name(noun: Token, index: EntityIndex) -> Entity | None:
    """The organisation ``noun`` is written straight before as its kind ("brewer Fosters"), or None."""
    if noun.dep_ != "compound" or noun.head.i <= noun.i:
        return None
    found = index.at(noun.head.idx, noun.head.idx + len(noun.head))
    after = noun.doc[noun.i + 1]
    if found is None or found[0].start != after.idx or found[1].kind != "organization":
        return None  # the name starts straight after the kind noun
    return found[1]


def named_with(noun: Token, index: EntityIndex) -> Entity | None:
    """The person or organisation that ``noun`` is written with as its name, or the organisation
    it belongs to (``affiliation``)."""
    named = [noun.head] if noun.dep_ in _NAMING_DEPS and noun.head.i != noun.i else []
    named += [c for c in noun.children if c.dep_ == "appos"]
    for token in named:
        found = index.at(token.idx, token.idx + len(token))
        if found is not None and found[1].kind in _SPEAKING_KINDS:
            return found[1]
    return affiliation(noun, index)


def _person_noun(head: Token) -> bool:
    """Whether ``head`` is a noun for a person: a title, a role or a person's description ("envoy", "singer")."""
    word = title_key(head.text)
    return word in PERSON_NOUNS or head.lemma_.lower() in SPEAKING_GROUP_NOUNS


def apposed_name(doc: Doc, head: Token, index: EntityIndex) -> tuple[Mention, Entity] | None:
    """ "Putin's special envoy to Afghanistan, Zamir Kabulov": a role, a comma, a name; "US research
    firm Norvale": a kind of organisation and its name.

    The parser hangs the name on the role noun or on a word inside the role phrase, so
    the whole subtree is searched for a person (or, after an organisation noun, an organisation)
    set off by a comma or hung straight on the head.
    """
    if head.tag_ in ("NNS", "NNPS"):
        return None  # "Korean giants Samsung and LG": a group, not its first name
    # An organisation stands beside a kind of organisation or a party that may be one ("Leading plaintiff,
    # the University of California,", "One of the bidders, steel giant LNM,"), not beside a person's role.
    organisation_noun = head.lemma_.lower() in DESCRIPTION_NOUNS or not _person_noun(head)
    for token in head.subtree:
        if token.dep_ != "appos" or token.i == 0:
            continue
        found = index.at(token.idx, token.idx + len(token))
        if found is None or not (found[1].kind == "person" or (organisation_noun and found[1].kind == "organization")):
            continue
        name = doc.char_span(found[0].start, found[0].end, alignment_mode="expand")
        if name is None or name.start == 0:
            continue
        # Set off by a comma, or hung straight on the role ("Russian ambassador to Afghanistan Dmitry Zhirnov").
        if doc[name.start - 1].text != "," and token.head.i != head.i:
            continue
        return found
    return None


def name_written_with(doc: Doc, head: Token, phrase: list[Token], index: EntityIndex) -> tuple[Mention, Entity] | None:
    """The name a role phrase is written with, whatever the parse: at its end, straight after a
    singular role noun ("Rail Guide author Mia Holt", "former transport minister Alan Price
    MP", "record company Bluefin"), or set off by a comma right after it ("its Madrid lawyer,
    Pablo Serrano of Vidal"; ``head`` is the phrase's head noun). A plural before the name
    names people of their own ("fans of singer Ann Lee"), so no name at the end goes to it."""
    if not phrase:
        return None
    last = phrase[-1]
    while last.i > phrase[0].i and last.is_upper and len(last) <= 3 and last.is_alpha:  # "Alan Price MP"
        last = doc[last.i - 1]
    found = index.at(last.idx, last.idx + len(last))
    if found is not None and found[1].kind in _SPEAKING_KINDS:
        name = doc.char_span(found[0].start, found[0].end, alignment_mode="expand")
        before = doc[name.start - 1] if name is not None and name.start > phrase[0].i else None
        plural = any(t.tag_ in ("NNS", "NNPS") for t in phrase if t.i < (name.start if name is not None else 0))
        # "the lawyer for defendant Ann Lee", "a friend of actor Tom Hill": the name is whom the
        # phrase is about (after a preposition), not who speaks
        about = name is not None and any(t.dep_ == "prep" for t in doc[phrase[0].i : name.start])
        if before is not None and before.tag_ == "NN" and before.is_lower and not plural and not about:
            return found
    after = phrase[-1].i + 1
    role_noun = head.pos_ == "NOUN" and (title_key(head.text) in TITLE_WORDS or head.lemma_.lower() in ROLE_HEADS)
    if role_noun and head.tag_ == "NN" and after + 1 < len(doc) and doc[after].text == ",":
        found = index.at(doc[after + 1].idx, doc[after + 1].idx + len(doc[after + 1]))
        if found is not None and found[1].kind == "person" and found[0].start == doc[after + 1].idx:
            return found
    return None


def entity_by_word(token: Token, index: EntityIndex) -> Entity | None:
    """The person or organisation mentioned last before ``token`` whose name holds its word, where
    the tagger did not tag it this time ("Menatep said" after "Group Menatep"; "Trump shot
    back" with "Trump" tagged a verb). A person's surname first ("Paul Nurse ... Nurse said");
    never a common word of a name ("Group", "Bank"), a noun for people or a body of them ("Police
    said" is not the Police Federation) nor a title."""
    word = token.text
    if not word[:1].isupper() or title_key(word) in TITLE_WORDS:
        return None
    if word.lower() in ORG_NOUNS:
        return None
    holder = index.person_named(word, token.idx)  # "Theresa May ... May said", "Ann Young ... Young said"
    if holder is not None:
        return holder
    if word.lower() in SPEAKING_GROUP_NOUNS or token.lemma_.lower() in SPEAKING_GROUP_NOUNS:
        return None
    whole = index.named_exactly(word, token.idx, "organization")
    if whole is not None:
        return whole  # "Fosters said", read as a plural noun: the organisation of that very name
    if token.is_stop or token.lemma_.lower() != token.lower_:
        return None  # an inflected common noun: "Ministers said" is not the Council of Ministers
    if word.lower() in written_forms(token.doc):
        return None  # "Airlines fear ...": the article writes "airlines" too, a common noun
    return index.named_with_word(word, token.idx, "organization")


def written_forms(doc: Doc) -> frozenset[str]:
    """Every word form the article writes (its tokens' texts), read once per article from the
    Doc's arrays (asking each token again for each name was quadratic in a long article)."""
    import numpy
    from spacy.attrs import ORTH

    kept = kept_for_article(doc)
    if kept is not None and "written_forms" in kept:
        forms: frozenset[str] = kept["written_forms"]
        return forms
    strings = doc.vocab.strings
    forms = frozenset(strings[int(key)] for key in numpy.unique(doc.to_array([ORTH])))
    if kept is not None:
        kept["written_forms"] = forms
    return forms
