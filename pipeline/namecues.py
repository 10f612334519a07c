"""What the words around a name say about it, where the tagger's label may mislead.

- ``has_own_article``: "the Enemy", "The Enemy's power" (not "the Bush administration"): a
  person's name takes no article, so the name is no person's.
- ``owns_nothing``: "we pass Hartley's again": a possessive that owns no noun names a shop, a
  business or a ground.
- ``masthead``: "the Sunday Telegraph report": a newspaper's title after "the", whatever follows.
- ``capital_inside_sentence``: a capital that no position explains ("Later, Waters
  smiled"), so the word is a name whatever its tag.
- ``kind_named``: "oil firm Yukos", "building products group James Hardie": a name written
  straight after a kind of organisation is that organisation's, though the tagger read a person.
- ``says_something``: "The IAAF described ...", "according to the FT": the subject of a speech
  verb or the object of "according to" is someone who speaks.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from whosaid.cues import SPEECH_VERBS
from whosaid.gazetteer import FIRM_TRADE_PLURALS, MASTHEAD_WORDS, OVERRULING_KIND_NOUNS, has_org_suffix
from whosaid.titles import TITLE_WORDS, title_key

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

OWNED = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})  # what a possessive name may own ("Blair's plan")
OPENERS = frozenset({":", "-", "–", "—", ".", "!", "?", ";"})  # a capital may follow these by position


def owns_nothing(ent: Span) -> bool:
    """Whether the name is a possessive that owns no noun, as an object: "we pass Hartley's again",
    "he left St Jude's in March" name a shop, a business or a ground, not the person of that name
    (read from the words, as the parser often takes a curly "’s" for punctuation)."""
    doc = ent.doc
    last = ent[-1]
    if last.lower_ in ("'s", "’s"):
        after = ent.end
    elif ent.end < len(doc) and doc[ent.end].lower_ in ("'s", "’s") and not last.whitespace_:
        after = ent.end + 1
    else:
        return False
    if ent.root.dep_ in ("poss", "nsubj", "nsubjpass"):  # "Karl Mullen's [side] led the team"
        return False
    # It owns no noun, nor a title written after it ("Eminem's Like Toy Soldiers").
    return after >= len(doc) or not (doc[after].pos_ in OWNED or doc[after].text[:1].isupper())


def has_own_article(ent: Span) -> bool:
    """Whether the name is written with a definite article of its own: "the Enemy", "The Enemy's
    power"; not "the Bush administration", where "the" goes with the noun the name modifies. A
    person's name takes no article in English, so such a mention votes as an organisation ("the Church")."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    article = ent[0] if ent[0].lower_ == "the" else before
    if article is None or article.lower_ != "the" or not ent.start <= article.head.i < ent.end:
        return False
    after = doc[ent.end] if ent.end < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def masthead(ent: Span) -> bool:
    """Whether the name is a newspaper's title written after "the", whatever noun follows: its last
    word a word newspapers are titled with (``gazetteer.MASTHEAD_WORDS``) and "the" before it or
    before one proper noun the tagger left out ("the Sunday Telegraph report", "Sunday" tagged a
    date); not after a title ("the Rev Post")."""
    doc = ent.doc
    if ent[-1].lower_ not in MASTHEAD_WORDS or not ent[-1].text[:1].isupper():
        return False
    before = ent.start - 1
    if before > 0 and doc[before].pos_ == "PROPN" and title_key(doc[before].text) not in TITLE_WORDS:
        before -= 1  # "The Sunday Telegraph"
    return ent[0].lower_ == "the" or (before >= 0 and doc[before].lower_ == "the")


def capital_inside_sentence(token: Token) -> bool:
    """Whether ``token`` follows a word of its sentence, so its capital is no capital by position
    (not the first word, nor after an opening quotation mark, a bracket, a colon or a dash), and
    not after "the" (a person's name takes no article: "Meet The Fockers")."""
    if token.i == 0 or token.is_sent_start:
        return False
    before = token.nbor(-1)
    if before.is_space or before.is_quote or before.is_bracket or before.lower_ == "the":
        return False
    return before.text not in OPENERS


def kind_word(noun: Token) -> str:
    """A lower-case common noun as a whole word ("think-tank", which the tokenizer splits); "" for
    any other word."""
    doc = noun.doc
    start = noun.i
    while start >= 2 and doc[start - 1].text == "-" and not (doc[start - 2].whitespace_ or doc[start - 1].whitespace_):
        start -= 2
    return doc[start : noun.i + 1].text.lower() if noun.pos_ == "NOUN" and noun.is_lower else ""


def firm_trade(noun: Token) -> bool:
    """Whether ``noun`` is a plural trade that firms are named by ("analysts", "accountants";
    ``gazetteer.FIRM_TRADE_PLURALS``)."""
    return noun.tag_ == "NNS" and noun.pos_ == "NOUN" and noun.lower_ in FIRM_TRADE_PLURALS


def kind_named(ent: Span) -> bool:
    """Whether the name is written straight after a kind of organisation that modifies it or that it
    is set beside ("oil firm Yukos", "the company, GlaxoSmithKline,"; ``gazetteer.OVERRULING_KIND_NOUNS``),
    or after a plural trade that firms are named by ("market analysts Panlogic";
    ``gazetteer.FIRM_TRADE_PLURALS``) when it is shaped like a firm's (one word, or an organisation's
    suffix), so it is an organisation's name whatever the tagger read; not a name with a possessive
    in it ("group Civic Passion's Wong Yeung-tat": a person of the group)."""
    if any(t.lower_ in ("'s", "’s") for t in ent):
        return False
    word = introducing_word(ent)
    if word is None:
        return False
    modifies = word.dep_ in ("compound", "nmod") and ent.start <= word.head.i < ent.end
    if modifies and firm_trade(word):  # "market analysts Panlogic"
        return firm_shaped(ent)
    return kind_word(word) in OVERRULING_KIND_NOUNS


def introducing_word(ent: Span) -> Token | None:
    """The word written straight before the name that modifies it ("oil firm Yukos": "firm") or that
    the name is set beside ("Swiss cement firm Holcim", "the company, GlaxoSmithKline,": a comma or
    "the" between), or None."""
    if ent.start == 0:
        return None
    doc = ent.doc
    before = doc[ent.start - 1]
    if before.dep_ in ("compound", "nmod") and ent.start <= before.head.i < ent.end:
        return before
    kind = before
    while kind.i > 0 and (kind.text == "," or kind.lower_ == "the") and kind.i >= ent.start - 2:
        kind = doc[kind.i - 1]
    root = ent.root
    return kind if root.dep_ == "appos" and root.head.i == kind.i else None


def firm_shaped(ent: Span) -> bool:
    """Whether a name after a plural trade is a firm's by its shape: one word ("analysts Panlogic") or
    one ending like an organisation's ("lawyers Smith & Co"); not two people ("Ann Lee and Tom Hill"),
    nor a person's first and last names ("Economists Paul Krugman argued", "lawyers Tom Smith")."""
    if any(t.dep_ == "conj" or t.lower_ == "and" for t in ent):
        return False
    return len(ent) == 1 or has_org_suffix(ent.text)


def says_something(token: Token, verbs: Collection[str] = SPEECH_VERBS) -> bool:
    """Whether ``token`` is the one who says something: the subject of a speech verb
    (``cues.SPEECH_VERBS``: "a report says", "BT reports that"; or of ``verbs``) or the object of
    "according to"."""
    head = token.head
    if token.dep_ == "nsubj" and head.i != token.i:
        return head.lemma_.lower() in verbs
    return token.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"
