"""Stage 3, entities: people, organisations, places and dates, merged within the article.

spaCy's NER tags each mention on its own. A reader wants one entity per referent, so
mentions are merged under the longest full form ("Zhirnov" -> "Dmitry Zhirnov"), labels
are made consistent across the article ("Ghani" tagged ORG once is still the person
Ashraf Ghani), and names spaCy tagged somewhere are found where it missed them.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right, insort
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from whosaid.animacy import animate, by_referent, chain_votes, pronoun_indices
from whosaid.dates import normalise_date
from whosaid.docfacts import doc_text
from whosaid.gazetteer import abbreviations, has_org_suffix, is_place
from whosaid.lookups import KeyIndex, SpanSet, word_alternation
from whosaid.models import Entity, Mention
from whosaid.namecues import capital_inside_sentence, has_own_article, owns_nothing
from whosaid.namevariants import familiar_forms, one_slip
from whosaid.quotemarks import find_quoted_spans, quoted_mask
from whosaid.resolver import keep, resolve
from whosaid.titles import HONORIFICS, NAME_SUFFIXES, TITLE_WORDS, TITLES, is_title, title_key

if TYPE_CHECKING:
    from spacy.tokens import Doc

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
_POSSESSIVE_HEAD = re.compile(r"^(?P<name>.+?)['’]s?\s")


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    label: str
    definite: bool = False  # written with "the" that determines the name itself ("the Enemy", "the Times")
    shop: bool = False  # a possessive that stands alone, naming a shop or business ("in Hartley's")


class _Cluster:
    """Mentions of one referent; its name is the longest full form (first written among equals)."""

    def __init__(self, label: str, mentions: list[_Mention] | None = None) -> None:
        self.label = label
        self.mentions: list[_Mention] = []
        self.name = ""
        self._rank: tuple[int, int, int] = (-1, -1, 0)
        self._starts: list[int] = []  # sorted
        for mention in mentions or []:
            self.add(mention)

    def add(self, mention: _Mention) -> None:
        self.mentions.append(mention)
        insort(self._starts, mention.start)
        rank = (len(mention.text.split()), len(mention.text), -mention.start)
        if rank > self._rank:
            self._rank, self.name = rank, mention.text

    def distance_before(self, start: int) -> int:
        """How far before ``start`` the last mention starting there or earlier starts (10**9: none)."""
        before = bisect_right(self._starts, start) - 1
        return start - self._starts[before] if before >= 0 else 10**9


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
    if not words or keys[-1] in HONORIFICS or all(k in TITLE_WORDS for k in keys):
        return None
    # The name starts after the last title or role noun that is not its last word ("King Jr" stays).
    cut = max((i + 1 for i, k in enumerate(keys[:-1]) if k in TITLE_WORDS), default=0)
    if all(k in NAME_SUFFIXES for k in keys[cut:]):
        cut = 0
    while cut < len(words) - 1 and keys[cut] in TITLES:
        cut += 1
    return words[cut][0], end


def _raw_mentions(doc: Doc) -> list[_Mention]:
    text = doc_text(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ not in KIND_OF_LABEL:
            continue
        trimmed = _trim(text, ent.start_char, ent.end_char, ent.label_)
        if trimmed is None:
            continue
        start, end = trimmed
        found.append(_Mention(start, end, text[start:end], ent.label_, has_own_article(ent), owns_nothing(ent)))
    return _joined_people(found, doc)


def _joined_people(mentions: list[_Mention], doc: Doc) -> list[_Mention]:
    """Two person names with nothing but a space between are one name the tagger cut in two
    ("Rachel Rook" tagged "Rachel" and "Rook"): people listed are set apart by a comma or "and".
    Both must be proper nouns, the first written with a capital ("nonpartisan democrat Eddie Chu",
    which the tagger may read as proper nouns, is a description and a name)."""
    text = doc_text(doc)
    joined: list[_Mention] = []
    for mention in mentions:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == mention.label == "PERSON"
            and text[last.end : mention.start] == " "
            and not last.shop
            and last.text[:1].isupper()
            and _proper_nouns(doc, last.start, mention.end)
        ):
            joined[-1] = _Mention(last.start, mention.end, text[last.start : mention.end], "PERSON", last.definite)
        else:
            joined.append(mention)
    return joined


_TITLED_NAME = re.compile(r"\b(?P<title>[A-Z][a-z]{1,8})\.? (?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})")


def _proper_nouns(doc: Doc, start: int, end: int) -> bool:
    """Whether every word from ``start`` to ``end`` is a proper noun."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and all(t.pos_ == "PROPN" for t in span if not t.is_punct)


def _titled_names(text: str, mentions: list[_Mention]) -> list[_Mention]:
    """People the tagger missed or mislabelled but the article titles: "Mr Addink", "Mrs. Claus"
    (an honorific before capitalised words). They replace overlapping non-person mentions."""
    found = []
    people = SpanSet((m.start, m.end) for m in mentions if m.label == "PERSON")
    for match in _TITLED_NAME.finditer(text):
        if title_key(match.group("title")) not in HONORIFICS or is_title(match.group("name").split()[0]):
            continue
        start, end = match.span("name")
        if not people.overlaps(start, end):
            found.append(_Mention(start, end, match.group("name"), "PERSON"))
    if not found:
        return mentions
    titled = SpanSet((f.start, f.end) for f in found)
    kept = [m for m in mentions if m.label == "DATE" or not titled.overlaps(m.start, m.end)]
    return sorted(kept + found, key=lambda m: m.start)


def _pronoun_people(doc: Doc, text: str, mentions: list[_Mention], quoted: list[bool]) -> list[_Mention]:
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
                    found.append(_Mention(start, end, text[start:end], "PERSON"))
    return sorted(mentions + found, key=lambda m: m.start) if found else mentions


def _name_key(name: str) -> str:
    return re.sub(r"[.\s]+", " ", name.replace(".", "")).strip().casefold()


def _person_words(name: str) -> list[str]:
    """The words of a person's name without titles, case and accents ("Zahā Ḥadīd" is "Zaha Hadid")."""
    words = [w.strip(".,").casefold() for w in name.split()]
    return [_unaccented(w) for w in words if w not in TITLES]


def _unaccented(word: str) -> str:
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _fixed_label(mention: _Mention, person_parts: set[str], counts: Counter[str]) -> str | None:
    """The label a name keeps whatever the person vote: a known place ("Kosovo", "Calif.")
    unless it is part of a person's full name in the article ("Michael Jordan"), or a name with
    an organisation's suffix ("Yahoo Inc.", "Labour Party"). A place the model tags a person
    takes the label the article gives it otherwise ("Surrey" the cricket team), else GPE."""
    if is_place(mention.text):
        if _name_key(mention.text) in person_parts:
            return None
        others = Counter({k: v for k, v in counts.items() if k != "PERSON"})
        return others.most_common(1)[0][0] if others else "GPE"
    if has_org_suffix(mention.text):
        return "ORG"
    return None


def _harmonise(mentions: list[_Mention], text: str) -> None:
    """Give every mention of one name the same label. PERSON wins a name only when the model
    tags it a person at least as often as anything else, or the name is a person's surname
    found again; known places and organisation suffixes keep their kind. A person tag on a name
    written with an article of its own ("the Church") or as a possessive owning nothing ("in
    Hartley's") counts as an organisation."""
    person_parts = {
        w for m in mentions if m.label == "PERSON" and len(m.text.split()) > 1 for w in _person_words(m.text)
    }
    votes: dict[str, Counter[str]] = {}
    for mention in mentions:
        if mention.label != "DATE":
            counts = votes.setdefault(_name_key(mention.text), Counter())
            if mention.label == "PERSON" and (mention.shop or mention.definite):
                counts["ORG"] += 1  # "in Hartley's" is a shop; "the Enemy", "the Church" no person's name
            else:
                counts[mention.label] += 1
    fixed = {id(m): _fixed_label(m, person_parts, votes[_name_key(m.text)]) for m in mentions if m.label != "DATE"}
    person_names = {key for key, counts in votes.items() if counts["PERSON"] and _person_majority(counts)}
    full_names: dict[str, list[list[str]]] = {}  # people's names of 3+ words, under each of their words
    for m in mentions:
        if m.label == "PERSON" and len(m.text.split()) > 2:
            full = _person_words(m.text)
            for word in dict.fromkeys(full):
                full_names.setdefault(word, []).append(full)
    named = person_names | person_parts
    titled = {_name_key(m.text) for m in mentions if m.label == "PERSON" and _after_honorific(text, m.start)}
    for mention in mentions:
        if mention.label == "DATE":
            continue
        label = fixed[id(mention)]
        if label is not None:
            mention.label = label
            continue
        head = _POSSESSIVE_HEAD.match(mention.text)
        key = _name_key(mention.text)
        if mention.label != "PERSON" and head and _name_key(head.group("name")) in named:
            # "Ghani's administration" tagged ORG: the person Ghani is named here.
            mention.end = mention.start + len(head.group("name"))
            mention.text = head.group("name")
            mention.label = "PERSON"
        elif key in person_names or (len(mention.text.split()) == 1 and key in person_parts):
            mention.label = "PERSON"
        elif len(mention.text.split()) > 1 and _part_of_a_full_name(_person_words(mention.text), full_names):
            mention.label = "PERSON"  # "Brock Holt" tagged ORG, "Brock Wyatt Holt" a person
        elif len(mention.text.split()) == 2 and _name_key(mention.text.split()[1]) in titled:
            mention.label = "PERSON"  # "Carly Fiorina" tagged ORG, "Ms Fiorina" a person
        else:
            others = Counter({k: v for k, v in votes[key].items() if k != "PERSON"})
            if others:
                mention.label = others.most_common(1)[0][0]


def _part_of_a_full_name(words: list[str], full_names: dict[str, list[list[str]]]) -> bool:
    return bool(words) and any(_is_part_of_name(words, full) for full in full_names.get(words[0], ()))


def _after_honorific(text: str, start: int) -> bool:
    """Whether an honorific is written right before ``start`` ("Ms Fiorina")."""
    words = text[max(0, start - 12) : start].split()
    return bool(words) and text[start - 1 : start].isspace() and title_key(words[-1]) in HONORIFICS


def _person_majority(counts: Counter[str]) -> bool:
    return counts["PERSON"] >= max((v for k, v in counts.items() if k != "PERSON"), default=0)


def _propagate(doc: Doc, mentions: list[_Mention]) -> list[_Mention]:
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
    pattern = re.compile(r"(?<![\w-])(?:" + word_alternation(names) + r")(?![\w-])")
    added = []
    for match in pattern.finditer(text):
        start, end = match.span()
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
            match.group() in surnames
            and names[match.group()] == "PERSON"
            and not tokens[0].is_stop  # "Sometimes You" (a song tagged a person) gives no surname "You"
            and (capital_inside_sentence(tokens[0]) or (tokens[0].is_sent_start and tokens[0].pos_ == "NOUN"))
        )
        if not capital and not all(t.pos_ == "PROPN" or t.tag_ == "NNP" for t in tokens if t.is_alpha):
            continue
        added.append(_Mention(start, end, match.group(), names[match.group()]))
        taken[start:end] = b"\x01" * (end - start)
    return sorted(mentions + added, key=lambda m: m.start)


def _acronym(name: str) -> str:
    return "".join(word[0] for word in re.findall(r"[A-Za-z][\w'-]*", name) if word[0].isupper())


def _cluster(mentions: list[_Mention], published: datetime | None) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    # Person clusters under each word of their name, others under their name's acronym: a
    # mention looks up the few it may belong to (trying every cluster was quadratic).
    people = KeyIndex[_Cluster](lambda c: _person_words(c.name), lambda c: c.name)
    acronyms = KeyIndex[_Cluster](lambda c: [_acronym(c.name)], lambda c: c.name)
    by_key: dict[tuple[str, str], _Cluster] = {}
    # Longer names first, so a surname finds the full name it belongs to.
    for mention in sorted(mentions, key=lambda m: (-len(m.text.split()), m.start)):
        if mention.label == "PERSON":
            words = _person_words(mention.text)
            matches = [c for c in people.find(words[0] if words else "") if _is_part_of_name(words, people.keys(c))]
            matches = matches or _written_otherwise(words, people, clusters)
            if matches:
                # Several people share the word: take the one named most often so far (full names
                # are placed first: the subject "Matthew Goode" twice, his father "Ralph Goode"
                # once), then the one mentioned last before it.
                target = min(matches, key=lambda c: (-len(c.mentions), c.distance_before(mention.start)))
                target.add(mention)
                people.put(target)
                continue
            cluster = _Cluster("PERSON", [mention])
            clusters.append(cluster)
            people.put(cluster)
            continue
        key = _date_key(mention, published) if mention.label == "DATE" else _name_key(mention.text)
        kind = KIND_OF_LABEL[mention.label]
        found = by_key.get((kind, key))
        if found is None and kind != "date" and mention.text.isupper() and len(mention.text.replace(".", "")) >= 2:
            acronym = mention.text.replace(".", "")
            found = next((c for c in acronyms.find(acronym) if KIND_OF_LABEL[c.label] == kind), None)
        if found is None:
            found = _Cluster(mention.label)
            clusters.append(found)
            by_key[(kind, key)] = found
        found.add(mention)
        acronyms.put(found)
    return clusters


def _written_otherwise(words: list[str], people: KeyIndex[_Cluster], clusters: list[_Cluster]) -> list[_Cluster]:
    """The one person named before whom ``words`` name in other spelling (``whosaid.namevariants``):
    the same surname after a familiar form of the given name or one letter off it ("Larry Lessig"
    after "Lawrence Lessig", "Kristen Wilkins" after "Kristin Wilkins"), or, written alone, a
    surname one letter off theirs ("Anderson" after "Hans Christian Andersen"). None when two people fit."""
    if not words:
        return []
    if len(words) > 1:
        first = words[0]
        found = [
            c
            for c in people.find(words[-1])
            if len(keys := people.keys(c)) > 1
            and keys[-1] == words[-1]
            and (familiar_forms(first, keys[0]) or one_slip(first, keys[0]))
            and _is_part_of_name(words[1:], keys[1:])
        ]
    else:
        found = [
            c
            for c in clusters
            if c.label == "PERSON" and len(keys := people.keys(c)) > 1 and one_slip(words[0], keys[-1])
        ]
    return found if len(found) == 1 else []


def _is_part_of_name(words: list[str], full: list[str]) -> bool:
    """Whether ``words`` are words of ``full`` in order, skipping middle names and initials:
    "Blair" and "Tony Blair" of "Tony Blair", "Matthew Goode" of "Matthew William Goode"."""
    if not words or len(words) > len(full):
        return False
    rest = iter(full)
    return all(word in rest for word in words)


def _date_key(mention: _Mention, published: datetime | None) -> str:
    value = normalise_date(mention.text, published)
    return f"value:{value}" if value is not None else f"text:{mention.text.casefold()}"


def extract_entities(doc: Doc, published: datetime | None = None) -> list[Entity]:
    """The article's entities, each with its mentions, ordered by first mention."""
    text = doc_text(doc)
    quoted = quoted_mask(text, find_quoted_spans(text))
    mentions = _pronoun_people(doc, text, _titled_names(text, _raw_mentions(doc)), quoted)
    _harmonise(mentions, text)
    mentions = _joined_people(_propagate(doc, mentions), doc)
    clusters = _cluster(mentions, published)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    entities = []
    for number, cluster in enumerate(clusters, start=1):
        ordered = sorted(cluster.mentions, key=lambda m: m.start)
        label = Counter(m.label for m in ordered).most_common(1)[0][0] if cluster.label != "PERSON" else "PERSON"
        kind = KIND_OF_LABEL[label]
        name = cluster.name if kind != "date" else ordered[0].text
        entities.append(
            Entity(
                id=f"e{number}",
                kind=kind,  # type: ignore[arg-type]
                label=label,
                name=name,
                value=normalise_date(name, published) if kind == "date" else None,
                mentions=[Mention(start=m.start, end=m.end, text=m.text) for m in ordered],
            )
        )
    resolution = resolve(doc, entities, quoted)
    people, genders, things = resolution.people, resolution.genders, resolution.things
    found = [
        e.model_copy(update={"kind": "person", "label": "PERSON"} if e.id in people else {})
        .model_copy(update={"kind": "organization", "label": "ORG"} if e.id in things else {})
        .model_copy(update={"gender": genders[e.id]} if e.id in genders else {})
        for e in entities
    ]
    joined = _join_people(found, people)
    if joined is found:  # the speakers' resolution of these entities is this one (``resolver.keep``)
        keep(doc, joined, quoted, resolution)
    return joined


def _join_people(entities: list[Entity], people: set[str]) -> list[Entity]:
    """Names the article's pronouns showed to be people (``people``: tagged a place or an
    organisation) joined to the one person whose name they are part of ("Santa", tagged a place,
    with "Santa Claus"); the person keeps their id, gender and the longer name."""
    persons = [e for e in entities if e.kind == "person" and e.id not in people]
    into: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in people:
            words = _person_words(entity.name)
            hosts = [p for p in persons if _is_part_of_name(words, _person_words(p.name))]
            if len(hosts) == 1:
                into[entity.id] = hosts[0]
    if not into:
        return entities
    joined: dict[str, Entity] = {}
    for entity_id, host in sorted(into.items()):
        base = joined.get(host.id, host)
        guest = next(e for e in entities if e.id == entity_id)
        mentions = sorted([*base.mentions, *guest.mentions], key=lambda m: m.start)
        joined[host.id] = base.model_copy(update={"mentions": mentions, "gender": base.gender or guest.gender})
    return [joined.get(e.id, e) for e in entities if e.id not in into]
