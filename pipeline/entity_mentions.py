"""Where the article names someone or something: the tagger's names, mended and found again.

The model's names are trimmed to the name ("the Kremlin's" -> "Kremlin", "Tory co-chairman Lord
Ashcroft" -> "Ashcroft"); a person's name the tagger cut in two is joined ("Rachel Rook"); names
the article titles ("Mr Addink") or takes up with "he" and "she" ("Holt joined the Rangers ... He
made his debut") are added; and names tagged somewhere are found where the tagger missed them.
``whosaid.entities`` then labels (``whosaid.entity_labels``) and merges (``whosaid.entity_clusters``) them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING

from whosaid.animacy import animate, by_referent, chain_votes, pronoun_indices
from whosaid.docfacts import doc_text
from whosaid.gazetteer import abbreviations, party_key
from whosaid.lookups import SpanSet, find_words
from whosaid.namecues import capital_inside_sentence, has_own_article, kind_named, masthead, owns_nothing
from whosaid.titles import (
    HONORIFICS,
    NAME_SUFFIXES,
    PERSON_NOUNS,
    TITLE_WORDS,
    TITLES,
    is_title,
    title_key,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span
    from whosaid.quotemarks import Mask

KIND_OF_LABEL = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "DATE": "date",
}
NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_TRAILING = re.compile(r"(?:\s*['’]s?|[\s.,;:!?\"“”‘’()\[\]-])+$")
_ABBREVIATIONS = frozenset({"Corp", "Inc", "Co", "Ltd", "Jr", "Sr", "St", "Bros"})


@dataclass
class NameMention:
    start: int
    end: int
    text: str
    label: str
    definite: bool = False  # written with "the" that determines the name ("the Enemy", "the Sunday Telegraph report")
    shop: bool = False  # a possessive that stands alone, naming a shop or business ("in Hartley's")
    kind_named: bool = False  # written straight after a kind of organisation ("oil firm Yukos")


def _trim(text: str, start: int, end: int, label: str) -> tuple[int, int] | None:
    """Drop a leading "the" and a trailing possessive or punctuation from a mention."""
    span = text[start:end]
    if label != "DATE":
        lead = _LEADING_THE.match(span)
        if lead:
            start += lead.end()
    span = text[start:end]
    tail = _TRAILING.search(span)
    if tail and tail.start() > 0:
        keep = span[: tail.start()]
        # Keep a closing dot that belongs to an abbreviation ("U.S.", "Corp.").
        if span[len(keep) : len(keep) + 1] == "." and (
            re.search(r"(?:^|[.\s])[A-Za-z]$", keep)
            or keep.split()[-1].capitalize() in _ABBREVIATIONS
            or keep.split()[-1] + "." in abbreviations()
        ):
            keep += "."
        end = start + len(keep)
    if label == "PERSON":
        return _person_name(text, start, end)
    if end <= start or not text[start:end].strip():
        return None
    return start, end


def _person_name(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name inside a PERSON span without the titles and roles written before it ("Tory
    co-chairman Lord Ashcroft" -> "Ashcroft"); None when no name is left ("Lord", "Tory
    Treasurer Lord": the name was cut off by the tagger)."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    keys = [title_key(text[a:b]) for a, b in words]
    if not words or keys[-1] in HONORIFICS or all(k in TITLE_WORDS for k in keys) or _people_noun(keys[-1]):
        return None
    # The name starts after the last title or role noun that is not its last word ("King Jr" stays).
    cut = max((i + 1 for i, k in enumerate(keys[:-1]) if k in TITLE_WORDS), default=0)
    if all(k in NAME_SUFFIXES for k in keys[cut:]):
        cut = 0
    while cut < len(words) - 1 and keys[cut] in TITLES:
        cut += 1
    return words[cut][0], end


def _people_noun(key: str) -> bool:
    """Whether a name's last word is a plural of a role or a description of people ("Tory MPs",
    "Labour backbenchers", "Conservative councillors"): a group, not a person's name."""
    return len(key) >= 3 and key.endswith("s") and key[:-1] in PERSON_NOUNS


def raw_mentions(doc: Doc) -> list[NameMention]:
    text = doc_text(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ == "NORP":
            party = _party(ent, text)
            if party is not None:
                found.append(NameMention(party[0], party[1], text[party[0] : party[1]], "ORG"))
            continue
        if ent.label_ not in KIND_OF_LABEL:
            continue
        trimmed = _trim(text, ent.start_char, ent.end_char, ent.label_)
        if trimmed is None:
            continue
        start, end = trimmed
        # A party's name is an organisation's, whatever the tagger read ("Labour" tagged a person).
        label = "ORG" if ent.label_ != "DATE" and party_key(text[start:end]) is not None else ent.label_
        definite = has_own_article(ent) or masthead(ent)
        mention = NameMention(start, end, text[start:end], label, definite, owns_nothing(ent))
        mention.kind_named = label != "DATE" and kind_named(ent)
        found.append(mention)
    return joined_people(found, doc)


def _party(ent: Span, text: str) -> tuple[int, int] | None:
    """Where a name the tagger read as a nationality names a political party (``gazetteer.PARTIES``:
    "the Tories said", "Conservatives", "the Tory party"); None for a nationality ("Americans") and
    for a party's word that describes a noun ("Tory MPs", "Conservative voters": a group of people,
    not the party)."""
    trimmed = _trim(text, ent.start_char, ent.end_char, "NORP")
    if trimmed is None:
        return None
    start, end = trimmed
    root = ent.root
    if root.dep_ in ("compound", "amod", "nmod") and root.head.i > root.i:
        head = root.head
        if head.i != ent.end or head.lower_ != "party":
            return None
        end = head.idx + len(head)  # "the Tory party"
    return (start, end) if party_key(text[start:end]) is not None else None


def joined_people(mentions: list[NameMention], doc: Doc) -> list[NameMention]:
    """Two person names with nothing but a space between are one name the tagger cut in two
    ("Rachel Rook" tagged "Rachel" and "Rook"): people listed are set apart by a comma or "and".
    Both must be proper nouns, the first written with a capital ("nonpartisan democrat Eddie Chu",
    which the tagger may read as proper nouns, is a description and a name), and one of them a
    single word: two names of two words each are two people with a comma missing ("Emma Thompson
    Kenneth Branagh's former wife")."""
    text = doc_text(doc)
    joined: list[NameMention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == mention.label == "PERSON"
            and text[last.end : mention.start] == " "
            and not last.shop
            and (" " not in last.text or " " not in mention.text)
            and last.text[:1].isupper()
            and _proper_nouns(doc, last.start, mention.end)
        ):
            joined[-1] = NameMention(last.start, mention.end, text[last.start : mention.end], "PERSON", last.definite)
        else:
            joined.append(mention)
    return joined


_TITLED_NAME = re.compile(r"\b(?P<title>[A-Z][a-z]{1,8})\.? (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")


def _proper_nouns(doc: Doc, start: int, end: int) -> bool:
    """Whether every word from ``start`` to ``end`` is a proper noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in span if not t.is_punct)


def titled_names(text: str, mentions: list[NameMention]) -> list[NameMention]:
    """People the tagger missed or mislabelled but the article titles: "Mr Addink", "Mrs. Claus"
    (an honorific before capitalised words). They replace overlapping non-person mentions."""
    found = []
    people = SpanSet((m.start, m.end) for m in mentions if m.label == "PERSON")
    for match in _TITLED_NAME.finditer(text):
        if title_key(match.group("title")) not in HONORIFICS or is_title(match.group("name").split()[0]):
            continue
        start, end = match.span("name")
        if not people.overlaps(start, end):
            found.append(NameMention(start, end, match.group("name"), "PERSON"))
    if not found:
        return mentions
    titled = SpanSet((f.start, f.end) for f in found)
    kept = [m for m in mentions if m.label == "DATE" or not titled.overlaps(m.start, m.end)]
    return sorted(kept + found, key=lambda m: m.start)


def pronoun_people(doc: Doc, text: str, mentions: list[NameMention], quoted: Mask) -> list[NameMention]:
    """People the tagger missed whom the article takes up as people: an untagged proper noun
    ("Holt joined the Rangers in 2009. He made his debut ...") that subject pronouns lead back to
    (``whosaid.animacy``), with the proper nouns compounded before it ("Brock Holt")."""
    votes = chain_votes(doc, pronoun_indices(doc), quoted)
    starts = sorted(m.start for m in mentions)
    ends = {m.start: m.end for m in mentions}
    names: dict[int, str] = {}
    spans: dict[int, tuple[int, int]] = {}
    for i in votes:
        token = doc[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper() or is_title(token.text) or token.ent_type_ == "NORP":
            continue  # "The Russian ... he": a person named by nationality (``descriptions.role_referent``)
        first = token
        while first.i > 0 and doc[first.i - 1].dep_ == "compound" and doc[first.i - 1].pos_ == "PROPN":
            first = doc[first.i - 1]
        start, end = first.idx, token.idx + len(token)
        last = bisect_right(starts, end - 1) - 1  # the last tagged name starting before the end
        if last >= 0 and ends[starts[last]] > start:
            continue  # overlaps a tagged name
        spans[i] = (start, end)
        names[i] = token.text
    found = []
    for name, counts in by_referent(votes, names).items():
        if animate(counts):
            for i, word in names.items():
                if word == name:
                    start, end = spans[i]
                    found.append(NameMention(start, end, text[start:end], "PERSON"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def propagate(doc: Doc, mentions: list[NameMention]) -> list[NameMention]:
    """Add untagged occurrences of names the article tags elsewhere (proper nouns only)."""
    text = doc_text(doc)
    taken = bytearray(len(text) + 1)  # 1 where a mention is
    for mention in mentions:
        taken[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    names: dict[str, str] = {}
    surnames: set[str] = set()
    for mention in mentions:
        if mention.label == "DATE" or len(mention.text) < 3:
            continue
        names.setdefault(mention.text, mention.label)
        if mention.label == "PERSON":
            words = mention.text.split()
            if len(words) > 1 and words[-1][:1].isupper() and len(words[-1]) > 2:
                names.setdefault(words[-1], "PERSON")
                surnames.add(words[-1])
    if not names:
        return mentions
    added = []
    for start, end in find_words(text, names):
        written = text[start:end]
        if any(taken[start:end]):
            continue
        span = doc.char_span(start, end)
        if span is None:
            continue
        tokens = list(span)
        # A person's surname written with a capital inside a sentence is the name, whatever the
        # tagger read ("Waters smiled", "Marsh said"); first in a sentence, when read as a
        # noun ("Waters rose.": Waters tagged a plural noun); elsewhere only a proper noun is.
        capital = (
            written in surnames
            and names[written] == "PERSON"
            and not tokens[0].is_stop  # "Sometimes You" (a song tagged a person) gives no surname "You"
            and (capital_inside_sentence(tokens[0]) or (tokens[0].is_sent_start and tokens[0].pos_ == "NOUN"))
        )
        if not capital and not all(t.pos_ == "PROPN" or t.tag_ == "NNP" for t in tokens if t.is_alpha):
            continue
        added.append(NameMention(start, end, written, names[written]))
        taken[start:end] = b"\x01" * (end - start)
    return sorted(mentions + added, key=lambda m: m.start)
