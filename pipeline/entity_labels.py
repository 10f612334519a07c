"""One label for every mention of a name: the person vote that never overrides a place or a company.

The tagger labels each mention on its own; ``harmonise`` gives every mention of one name the same
label. A person wins a name only when the model tags it a person at least as often as anything
else, or it is a person's surname found again; known places (``whosaid.gazetteer``) and
organisation suffixes keep their kind. The name keys here (``name_key``, ``person_words``) are how
names are compared, also by ``whosaid.entity_clusters``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from whosaid.entity_mentions import NameMention
from whosaid.gazetteer import has_org_suffix, is_place
from whosaid.titles import HONORIFICS, TITLES, title_key

_POSSESSIVE_HEAD = re.compile(r"^(?P<name>.+?)['’]s?\s")


def name_key(name: str) -> str:
    return re.sub(r"[.\s]+", " ", name.replace(".", "")).strip().casefold()


def person_words(name: str) -> list[str]:
    """The words of a person's name without titles, case and accents ("Zahā Ḥadīd" is "Zaha Hadid")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    return [_unaccented(w) for w in words if w not in TITLES]


def _unaccented(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _fixed_label(mention: NameMention, person_parts: set[str], counts: Counter[str]) -> str | None:
    """The label a name keeps whatever the person vote: a known place ("Kosovo", "Calif.")
    unless it is part of a person's full name in the article ("Michael Jordan"), or a name with
    an organisation's suffix ("Yahoo Inc.", "Labour Party"). A place the model tags a person
    takes the label the article gives it otherwise ("Surrey" the cricket team), else GPE."""
    if is_place(mention.text):
        if name_key(mention.text) in person_parts:
            return None
        others = Counter({k: v for k, v in counts.items() if k != "PERSON"})
        return others.most_common(1)[0][0] if others else "GPE"
    if has_org_suffix(mention.text):
        return "ORG"
    return None


def harmonise(mentions: list[NameMention], text: str) -> None:
    """Give every mention of one name the same label. PERSON wins a name only when the model
    tags it a person at least as often as anything else, or the name is a person's surname
    found again; known places and organisation suffixes keep their kind. A person tag on a name
    written with an article of its own ("the Church") or as a possessive owning nothing ("in
    Hartley's") counts as an organisation."""
    titled = {name_key(m.text) for m in mentions if m.label == "PERSON" and _after_honorific(text, m.start)}
    # A name written after a kind of organisation ("oil firm Yukos") is an organisation's throughout,
    # unless the article gives a word of it an honorific ("consultancy Jeanne-Marie Gescher ... Mrs Gescher").
    organisations = {
        name_key(m.text) for m in mentions if m.kind_named and titled.isdisjoint(map(name_key, m.text.split()))
    }
    person_parts = {
        w
        for m in mentions
        if m.label == "PERSON" and len(m.text.split()) > 1 and name_key(m.text) not in organisations
        for w in person_words(m.text)
    }
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        if mention.label != "DATE":
            counts = votes.setdefault(name_key(mention.text), Counter())
            if mention.label == "PERSON" and (mention.shop or mention.definite):
                counts["ORG"] += 1  # "in Hartley's" is a shop; "the Enemy", "the Church" no person's name
            else:
                counts[mention.label] += 1
    fixed = {
        id(m): "ORG" if name_key(m.text) in organisations else _fixed_label(m, person_parts, votes[name_key(m.text)])
        for m in mentions
        if m.label != "DATE"
    }
    person_names = {key for key, counts in votes.items() if counts["PERSON"] and _person_majority(counts)}
    full_names: dict[str, list[list[str]]] = {}  # people's names of 3+ words, under each of their words
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) > 2:
            full = person_words(m.text)
            for word in dict.fromkeys(full):
                full_names.setdefault(word, []).append(full)
    named = person_names | person_parts
    for mention in mentions:
        if mention.label == "DATE":
            continue
        label = fixed[id(mention)]
        if label is not None:
            mention.label = label
            continue
        head = _POSSESSIVE_HEAD.match(mention.text)
        key = name_key(mention.text)
        if mention.label != "PERSON" and head and name_key(head.group("name")) in named:
            # "Ghani's administration" tagged ORG: the person Ghani is named here.
            mention.end = mention.start + len(head.group("name"))
            mention.text = head.group("name")
            mention.label = "PERSON"
        elif key in person_names or (len(mention.text.split()) == 1 and key in person_parts):
            mention.label = "PERSON"
        elif len(mention.text.split()) > 1 and _part_of_a_full_name(person_words(mention.text), full_names):
            mention.label = "PERSON"  # "Brock Holt" tagged ORG, "Brock Wyatt Holt" a person
        elif len(mention.text.split()) == 2 and name_key(mention.text.split()[1]) in titled:
            mention.label = "PERSON"  # "Carly Fiorina" tagged ORG, "Ms Fiorina" a person
        else:
            others = Counter({k: v for k, v in votes[key].items() if k != "PERSON"})
            if others:
                mention.label = others.most_common(1)[0][0]


def _part_of_a_full_name(words: list[str], full_names: dict[str, list[list[str]]]) -> bool:
    return bool(words) and any(is_part_of_name(words, full) for full in full_names.get(words[0], ()))


def _after_honorific(text: str, start: int) -> bool:
    """Whether an honorific is written right before ``start`` ("Ms Fiorina")."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and text[start - 1 : start].isspace() and title_key(words[-1]) in HONORIFICS


def _person_majority(counts: Counter[str]) -> bool:
    return counts["PERSON"] >= max((v for k, v in counts.items() if k != "PERSON"), default=0)


def is_part_of_name(words: list[str], full: list[str]) -> bool:
    """Whether ``words`` are words of ``full`` in order, skipping middle names and initials:
    "Blair" and "Tony Blair" of "Tony Blair", "Matthew Goode" of "Matthew William Goode"."""
    if not words or len(words) > len(full):
        return False
    rest = iter(full)
    return all(word in rest for word in words)
