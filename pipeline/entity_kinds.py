"""Names the tagger missed where the article says what they are: "security firm F-Secure",
"record company SonyBMG", "property website Rightmove", "Vedomosti newspaper"; the untagged
acronyms of organisations the article names in full ("the FT" after "the Financial Times") and
those it has say something ("The IAAF described ...", ``speaking_acronyms``); and political parties the list of parties
names (``gazetteer.PARTIES``) where the tagger tagged nothing ("Labour sees nuisance behaviour as
...", "Tories and Lib Dems welcomed the report"). People the tagger missed are ``speaking_people``'s.

A kind of organisation (``gazetteer.NAMING_KIND_NOUNS``) written straight before capitalised words
that it is a compound of names an organisation, even when the tagger read the name as a product
or a common noun or left it untagged. Names tagged as a person, organisation, place or date are
left to the tagger; ``entity_mentions.propagate`` then finds the name again elsewhere.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from whosaid.cues import SAYING_VERBS
from whosaid.gazetteer import (
    NAMING_KIND_NOUNS,
    PRESS_NOUNS,
    SPEAKING_GROUP_NOUNS,
    may_start_party,
    party_key,
)
from whosaid.lookups import SpanSet, per_distinct
from whosaid.namecues import firm_shaped, firm_trade, kind_word, says_something
from whosaid.titles import PERSON_DESCRIPTIONS, TITLE_WORDS, title_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token
    from whosaid.entity_mentions import NameMention

_JOINING = frozenset({"of", "in", "for", "and", "&", "on", "at"})  # words a name may go on with
TAGGED = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "DATE", "NORP"})  # left to the tagger
PEOPLE_WORDS = TITLE_WORDS | PERSON_DESCRIPTIONS | SPEAKING_GROUP_NOUNS  # "the MP", "the DJ", "MEPs"
_NAME_TAGS = TAGGED - {"NORP"}  # a nationality's word may go on to a party's name ("Liberal Democrats")


def kind_named_organisations(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` with the organisations named after a kind noun that no mention covers, in text order."""
    from whosaid.entity_mentions import NameMention

    taken = SpanSet((m.start, m.end) for m in mentions)
    found = []
    for i in _modifiers_before_head(doc):
        token = doc[i]
        title = _press_title(token) if token.pos_ == "PROPN" else None
        if title is not None:  # "Vedomosti newspaper reported": a paper's title before the noun
            if not taken.overlaps(title.start_char, title.end_char):
                found.append(NameMention(title.start_char, title.end_char, title.text, "ORG"))
            continue
        if kind_word(token) not in NAMING_KIND_NOUNS and not firm_trade(token):
            continue
        name = doc[token.i + 1 : token.head.i + 1]
        if not _name_words(name) or taken.overlaps(name.start_char, name.end_char) or _goes_on(name):
            continue
        if kind_word(token) not in NAMING_KIND_NOUNS and not firm_shaped(name):
            continue  # "lawyers Tom Smith": a person's names after a trade
        found.append(NameMention(name.start_char, name.end_char, name.text, "ORG"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _press_title(word: Token) -> Span | None:
    """The capitalised words that end with ``word`` straight before a noun for a newspaper or
    magazine (``gazetteer.PRESS_NOUNS``) they modify: its title ("Vedomosti newspaper"), when the
    tagger tagged none of them."""
    head = word.head
    if head.i != word.i + 1 or head.lower_ not in PRESS_NOUNS or word.pos_ != "PROPN":
        return None
    start = word.i
    doc = word.doc
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i in (word.i, head.i):
        start -= 1
    title = doc[start : word.i + 1]
    return title if _name_words(title) else None


def _modifiers_before_head(doc: Doc) -> list[int]:
    """The words that are a compound or noun modifier of a word after them, or a noun the parser
    made an adjectival one ("steel giant LNM": "giant"), found in the Doc's arrays (a Token object
    for each word cost more than the rest of this finder)."""
    import numpy
    from spacy.attrs import DEP, HEAD, POS

    if not len(doc):
        return []
    columns = doc.to_array([DEP, HEAD, POS])
    strings = doc.vocab.strings
    modifier = numpy.isin(columns[:, 0], [strings["compound"], strings["nmod"]])
    modifier |= (columns[:, 0] == strings["amod"]) & (columns[:, 2] == strings["NOUN"])
    return [int(i) for i in numpy.flatnonzero(modifier & (columns[:, 1].astype(numpy.int64) > 0))]


def _name_words(name: Span) -> bool:
    """Whether every word is capitalised (or a hyphen inside a word: "F-Secure") and none is
    tagged as a name or a date."""
    doc = name.doc
    return len(name) > 0 and all(
        (
            t.text[:1].isupper()
            or (t.text == "-" and t.i > name.start and not doc[t.i - 1].whitespace_ and not t.whitespace_)
        )
        and t.ent_type_ not in TAGGED
        for t in name
    )


def _goes_on(name: Span) -> bool:
    """Whether the name may go on past its head ("pressure group Human Rights in China", "think-tank
    Pew Internet and American Life"): where it ends is not known, so it is left alone."""
    doc = name.doc
    after = name.end
    return after + 1 < len(doc) and doc[after].lower_ in _JOINING and doc[after + 1].text[:1].isupper()


_PARTY_WORDS = 3  # the longest party name, in tokens ("Scottish National Party")
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def untagged_parties(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` with the parties' names the tagger left untagged (or tagged other than a name:
    "New Labour" as a work of art), longest name first, in text order; not a party's word that
    describes a noun ("Labour MPs", "Tory sources": the party's people), nor a name a mention covers."""
    from whosaid.entity_mentions import NameMention

    taken = SpanSet((m.start, m.end) for m in mentions)
    found = []
    covered = -1  # the last token of the latest party name found
    for i in _party_starts(doc):
        token = doc[i]
        if i <= covered or token.ent_type_ in TAGGED:
            continue
        for size in range(_PARTY_WORDS, 0, -1):
            name = doc[token.i : token.i + size]
            if len(name) < size or name[-1].is_space or party_key(name.text) is None:
                continue
            if any(t.ent_type_ in _NAME_TAGS for t in name):
                continue  # a word the tagger read as a nationality may be the party's ("Liberal Democrats")
            root = name.root
            describes = root.dep_ in _MODIFIER_DEPS and root.head.i >= name.end
            if not describes and not taken.overlaps(name.start_char, name.end_char):
                found.append(NameMention(name.start_char, name.end_char, name.text, "ORG"))
                covered = name.end - 1
            break
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _party_starts(doc: Doc) -> list[int]:
    """Indices of the capitalised words a party's name may begin with (``gazetteer.may_start_party``),
    decided once per distinct word from the Doc's array (a Token per word costs more than the test)."""
    import numpy
    from spacy.attrs import ORTH

    if not len(doc):
        return []
    strings = doc.vocab.strings
    return numpy.flatnonzero(per_distinct(doc.to_array(ORTH), lambda key: _starts_party(strings[key]))).tolist()


@lru_cache(maxsize=100_000)  # most words of news come back in the next article (a few MiB when full)
def _starts_party(word: str) -> bool:
    return word[:1].isupper() and may_start_party(word)


def acronym_organisations(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` with the words in capitals, left untagged, that are the initials of an organisation
    the article names in two words or more ("the FT said" after "the Financial Times"; "the IAAF" after
    "the International Association of Athletics Federations"), in text order; ``entity_clusters``
    then joins each to the organisation it abbreviates. Not a stop word in capitals ("IT", "US").
    A name the tagger found that is such initials written as a word ("Hefce" after "the Higher
    Education Funding Council for England", tagged a person) becomes an organisation's."""
    import numpy
    from spacy.attrs import ENT_IOB, ORTH
    from whosaid.entity_clusters import acronym
    from whosaid.entity_mentions import NameMention

    strings = doc.vocab.strings
    wanted = {acronym(m.text) for m in mentions if m.label == "ORG" and " " in m.text}
    for mention in mentions:  # "Hefce", "Nato": initials written as a word, whatever the tagger read
        initials = word_initials(mention.text) if mention.label != "DATE" else ""
        if initials and initials in wanted:
            mention.label = "ORG"
    keys = [strings[a] for a in wanted if len(a) >= 2 and a in strings and not doc.vocab[a].is_stop]
    if not keys:
        return mentions
    columns = doc.to_array([ORTH, ENT_IOB])
    outside = numpy.isin(columns[:, 1], (0, 2))  # not inside a name the tagger found (1: inside, 3: begins)
    at = numpy.flatnonzero(numpy.isin(columns[:, 0], keys) & outside).tolist()
    taken = SpanSet((m.start, m.end) for m in mentions)
    found = [
        NameMention(t.idx, t.idx + len(t), t.text, "ORG")
        for t in (doc[i] for i in at)
        if not taken.overlaps(t.idx, t.idx + len(t))
    ]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


_ACRONYM_LETTERS = (2, 6)  # "BT", "IAAF", "RSPCA", "ECLAC"


def speaking_acronyms(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """``mentions`` with the words in capitals, left untagged, that the article has say something
    ("The IAAF described ...", "BT reports that ...", "according to the FT"): an organisation's
    initials, wherever the article writes them untagged, in text order. Not a title or a role ("The
    PM insisted", "The DJ admitted"), a stop word in capitals ("IT", "US"), nor a common noun
    ("TV shows ..."); a product's initials ("The PSP offers ...", "HD offers ...") do not say things,
    and evidence is no speaker ("DNA suggests ...", "GDP shows ...": only ``cues.SAYING_VERBS``)."""
    import numpy
    from spacy.attrs import ENT_IOB, ORTH
    from whosaid.entity_mentions import NameMention

    if not len(doc):
        return mentions
    strings = doc.vocab.strings
    columns = doc.to_array([ORTH, ENT_IOB])
    capitals = per_distinct(columns[:, 0], lambda key: _may_be_initials(strings[key]))
    outside = numpy.isin(columns[:, 1], (0, 2))  # not inside a name the tagger found
    at = numpy.flatnonzero(capitals & outside).tolist()
    if not at:
        return mentions
    taken = SpanSet((m.start, m.end) for m in mentions)
    free = [doc[i] for i in at if not taken.overlaps(doc[i].idx, doc[i].idx + len(doc[i]))]
    speaking = {t.text for t in free if t.pos_ == "PROPN" and says_something(t, SAYING_VERBS) and not t.is_stop}
    found = [NameMention(t.idx, t.idx + len(t), t.text, "ORG") for t in free if t.text in speaking]
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _may_be_initials(word: str) -> bool:
    low, high = _ACRONYM_LETTERS
    return low <= len(word) <= high and word.isalpha() and word.isupper() and title_key(word) not in PEOPLE_WORDS


_WORD_INITIALS = 4  # letters at least of initials written as a word ("Nato", "Hefce"; not "Bob")


def word_initials(name: str) -> str:
    """The initials a one-word name in title case spells ("Hefce": "HEFCE"), or ""."""
    if " " in name or len(name) < _WORD_INITIALS or not name.isalpha() or not name.istitle():
        return ""
    return name.upper()
