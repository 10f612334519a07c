"""People the tagger missed (left untagged, or tagged other than a name) whom the article has say
something with their job set beside the name: "Simon Yates, a senior analyst for Forrester, said"
(tagged a work of art), "said Isabelle Kronawitter at Hypovereinsbank". Two or three capitalised
words, none a title, a role, a word for people or for a kind of organisation or document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import SPEECH_VERBS
from whosaid.entity_kinds import PEOPLE_WORDS, TAGGED
from whosaid.gazetteer import DOCUMENT_NOUNS, NAMING_KIND_NOUNS, ORG_NOUNS
from whosaid.lookups import SpanSet
from whosaid.titles import title_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from whosaid.entity_mentions import NameMention

_PERSON_NAME_WORDS = (2, 3)  # "Isabelle Kronawitter", "Anna Maria Lopez"
_WORKPLACE_PREPOSITIONS = frozenset({"at", "of", "from"})  # "Isabelle Kronawitter at Hypovereinsbank"


def speaking_people(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` with the people's names the tagger left untagged (or tagged other than a name)
    that the article has say something with their job set beside them: a job noun in apposition
    ("Simon Yates, a senior analyst for Forrester, said") or the name of where they work or come from
    ("said Isabelle Kronawitter at Hypovereinsbank"), in text order. Two or three capitalised words, none a
    title ("Chief Executive Ann Lee" is ``titled_names``'), as the subject of a speech verb."""
    import numpy
    from spacy.attrs import DEP, POS
    from whosaid.entity_mentions import NameMention

    if not len(doc):
        return mentions
    strings = doc.vocab.strings
    columns = doc.to_array([POS, DEP])
    subjects = (columns[:, 0] == strings["PROPN"]) & (columns[:, 1] == strings["nsubj"])
    at = numpy.flatnonzero(subjects)
    names = []
    for i in at.tolist():
        name = _person_name(doc[i]) if doc[i].ent_type_ not in TAGGED else None
        if name is not None:
            names.append(name)
    if not names:
        return mentions
    taken = SpanSet((m.start, m.end) for m in mentions)
    found = [
        NameMention(name.start_char, name.end_char, name.text, "PERSON")
        for name in names
        if not taken.overlaps(name.start_char, name.end_char)
    ]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _person_name(head: Token) -> Span | None:
    """The person's name ``head`` ends, when it is said to speak with a job or a workplace beside it."""
    if head.head.lemma_ not in SPEECH_VERBS:
        return None
    start = head.i
    while start > 0 and head.doc[start - 1].dep_ == "compound" and head.doc[start - 1].head.i == head.i:
        start -= 1
    name = head.doc[start : head.i + 1]
    low, high = _PERSON_NAME_WORDS
    if not low <= len(name) <= high or not all(_name_word(t) for t in name):
        return None
    for child in head.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and title_key(child.text) in PEOPLE_WORDS:
            return name  # "Simon Yates, a senior analyst for Forrester"
        workplace = child.dep_ == "prep" and child.lower_ in _WORKPLACE_PREPOSITIONS
        if workplace and any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in child.children):
            return name  # "Isabelle Kronawitter at Hypovereinsbank"
    return None


_NO_PERSONS_WORDS = NAMING_KIND_NOUNS | ORG_NOUNS | DOCUMENT_NOUNS  # "Consultancy Strategy Analytics", "Guinness Book"


def _name_word(token: Token) -> bool:
    """A capitalised word that may be a person's name: not a title, a role or a word for people,
    nor one for a kind of organisation or a document."""
    return (
        token.text.isalpha()
        and token.text.istitle()
        and token.ent_type_ not in TAGGED
        and title_key(token.text) not in PEOPLE_WORDS
        and token.lower_ not in _NO_PERSONS_WORDS
    )
