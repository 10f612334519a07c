"""The entities and quotes of a long article's windows joined into one article's.

Each window's entity stage merged its own mentions. Across windows an entity is the same one
when it has the same canonical name (its label is then the one most of its mentions had), or
when it is a person named in part ("Blair", "Mr Blair") and exactly one person of the article
has a fuller name of which that is part ("Tony Blair"), and the two never stood apart within
one window (where the window's own stage kept them apart, it had its reasons: "Blair" and
"Cherie Blair" in one paragraph). The merged entity keeps the fuller name, the label most of its
mentions had, the gender the windows agree on (none when they disagree), and ids are given
again in order of first mention; quotes are numbered again in order and their speakers follow
their entities.

The merge reads only what it decides by (``Part``: names, labels, the texts of the mentions,
how many there are and where the first is); the merged entities' mentions are put together one
entity at a time (``Merged.entity``), so a long article's mentions need never be in memory all
at once (``whosaid.windows``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from whosaid.entity_labels import is_part_of_name, person_words
from whosaid.entity_mentions import KIND_OF_LABEL
from whosaid.models import Entity, Mention, Quote

Found = tuple[list[Entity], list[Quote]]


@dataclass(frozen=True, slots=True)
class Head:
    """An entity without its mentions."""

    id: str
    kind: str
    label: str
    name: str
    value: str | None
    gender: str | None


@dataclass(frozen=True, slots=True)
class Part:
    """What the merge reads of one window's entity: all but its mentions, which stay where they
    are (a long article's windows keep them in a file)."""

    window: int
    head: Head
    mentions: int  # how many it has
    first: int  # where its first mention starts
    lowest: int  # where its earliest mention starts
    written: frozenset[str]  # the texts of its mentions

    @classmethod
    def of(cls, window: int, entity: Entity) -> Part:
        return cls(
            window,
            Head(entity.id, entity.kind, entity.label, entity.name, entity.value, entity.gender),
            len(entity.mentions),
            entity.mentions[0].start,
            min(m.start for m in entity.mentions),
            frozenset(m.text for m in entity.mentions),
        )

    @property
    def key(self) -> tuple[int, str]:
        return self.window, self.head.id


@dataclass
class _Group:
    """The windows' entities found to be one."""

    members: list[Part] = field(default_factory=list)

    @property
    def windows(self) -> set[int]:
        return {part.window for part in self.members}

    @property
    def first(self) -> Head:
        return self.members[0].head


# The mentions of a window's entity, by ``(window, entity id)``.
MentionsOf = Callable[[tuple[int, str]], list[Mention]]


@dataclass(frozen=True)
class Merged:
    """The article's entities merged from its windows' (each without its mentions until asked
    for, ``entity``), and how each window's ids became theirs."""

    heads: list[Head]  # in the article's order: ids e1, e2, ...
    members: list[list[tuple[int, str]]]  # the window entities each is made of, in merge order
    new_ids: dict[tuple[int, str], str]
    names: dict[str, str]  # merged entity id -> its name

    def entity(self, number: int, mentions_of: MentionsOf) -> Entity:
        """The article's entity ``number`` (0-based) with its mentions, read with ``mentions_of``."""
        members = self.members[number]
        mentions = [m for key in members for m in mentions_of(key)]
        if len(members) > 1:
            mentions.sort(key=lambda m: (m.start, m.end))
        head = self.heads[number]
        return Entity(
            id=head.id,
            kind=head.kind,  # type: ignore[arg-type]
            label=head.label,
            name=head.name,
            value=head.value,
            mentions=mentions,
            gender=head.gender,  # type: ignore[arg-type]
        )

    def entities(self, mentions_of: MentionsOf) -> list[Entity]:
        return [self.entity(number, mentions_of) for number in range(len(self.heads))]

    def renamed(self, quote: Quote, number: int, window: int) -> Quote:
        """Window ``window``'s ``quote`` as the article's quote ``number``, its speaker's entity the merged one."""
        update: dict[str, object] = {"id": f"q{number}"}
        speaker = quote.speaker
        if speaker is not None and speaker.entity_id is not None:
            entity_id = self.new_ids[(window, speaker.entity_id)]
            update["speaker"] = speaker.model_copy(update={"entity_id": entity_id, "name": self.names[entity_id]})
        return quote.model_copy(update=update)


def merge_windows(found: list[Found]) -> Found:
    """One article's entities and quotes from its windows' (offsets into the article already)."""
    merged = merge_entities([[Part.of(window, e) for e in entities] for window, (entities, _) in enumerate(found)])
    mentions = {(window, e.id): e.mentions for window, (entities, _) in enumerate(found) for e in entities}
    quotes: list[Quote] = []
    for window, (_, window_quotes) in enumerate(found):
        for quote in window_quotes:
            quotes.append(merged.renamed(quote, len(quotes) + 1, window))
    return merged.entities(mentions.__getitem__), quotes


def merge_entities(found: list[list[Part]]) -> Merged:
    """The article's entities from its windows' entities (offsets into the article already)."""
    groups = _join_partial_names(_by_name(found))
    heads, order, new_ids = _entities(groups)
    members = [[part.key for part in groups[i].members] for i in order]
    return Merged(heads, members, new_ids, {entity.id: entity.name for entity in heads})


def _by_name(found: list[list[Part]]) -> list[_Group]:
    groups: list[_Group] = []
    index: dict[str, _Group] = {}
    for parts in found:
        for part in parts:
            key = part.head.name
            if key not in index:
                index[key] = _Group()
                groups.append(index[key])
            index[key].members.append(part)
    return groups


def _join_partial_names(groups: list[_Group]) -> list[_Group]:
    """Entities named in part joined to the one entity of the same kind with a longer name that
    holds that part: a person's name in part ("Blair" of "Tony Blair"), or any name another window
    wrote as a mention of the longer one ("EU" where another window had "the European Union ... the
    EU"); never two that one window kept apart."""
    kinds = {id(g): KIND_OF_LABEL.get(_label(g.members)) for g in groups}
    words = {id(g): person_words(g.first.name) for g in groups}
    written = {id(g): set().union(*(part.written for part in g.members)) for g in groups}
    # Looked up, not scanned (an article of megabytes has thousands of entities): groups by the
    # texts of their mentions, and people by the words of their names.
    by_written: dict[str, list[_Group]] = {}
    by_word: dict[str, list[_Group]] = {}
    for group in groups:
        for text in written[id(group)]:
            by_written.setdefault(text, []).append(group)
        if kinds[id(group)] == "person":
            for word in set(words[id(group)]):
                by_word.setdefault(word, []).append(group)
    into: dict[int, _Group] = {}
    for group in groups:
        name, mine, kind = group.first.name, words[id(group)], kinds[id(group)]
        candidates = {id(g): g for g in by_written.get(name, [])}
        if kind == "person" and mine:
            candidates.update((id(g), g) for g in by_word.get(mine[0], []))
        hosts = [
            other
            for other in candidates.values()
            if kinds[id(other)] == kind
            and _longer(other.first.name, name)
            and (name in written[id(other)] or (kind == "person" and is_part_of_name(mine, words[id(other)])))
        ]
        if len(hosts) == 1 and not (hosts[0].windows & group.windows):
            into[id(group)] = hosts[0]
    for group in groups:
        host = into.get(id(group))
        while host is not None and id(host) in into:  # "Blair" -> "Tony Blair" -> "Tony Charles Blair"
            host = into[id(host)]
        if host is not None:
            host.members.extend(group.members)
    return [g for g in groups if id(g) not in into]


def _longer(name: str, than: str) -> bool:
    """Whether ``name`` is the fuller of two names (more words, else more characters)."""
    return (len(name.split()), len(name)) > (len(than.split()), len(than))


def _entities(groups: list[_Group]) -> tuple[list[Head], list[int], dict[tuple[int, str], str]]:
    """The merged entities without their mentions, numbered in order of their first mention; the
    groups in that order; and each window entity's new id."""
    merged = [_merged(group) for group in groups]
    order = sorted(range(len(merged)), key=lambda i: merged[i][1])
    heads: list[Head] = []
    new_ids: dict[tuple[int, str], str] = {}
    for number, i in enumerate(order, start=1):
        heads.append(replace(merged[i][0], id=f"e{number}"))
        for part in groups[i].members:
            new_ids[part.key] = heads[-1].id
    return heads, order, new_ids


def _merged(group: _Group) -> tuple[Head, int]:
    """The group's entity (its id still the first member's) and where its first mention starts."""
    members, first = group.members, group.first
    if len(members) == 1:
        return first, members[0].first
    label = _label(members)
    heads = [part.head for part in members]
    genders = {head.gender for head in heads if head.gender is not None}
    values = [head.value for head in heads if head.value is not None]
    merged = replace(
        first,
        kind=KIND_OF_LABEL.get(label, first.kind),
        label=label,
        name=max((head.name for head in heads), key=lambda n: (len(n.split()), len(n))),
        value=values[0] if values else None,
        gender=genders.pop() if len(genders) == 1 else None,
    )
    return merged, min(part.lowest for part in members)


def _label(members: list[Part]) -> str:
    """The label most of the members' mentions had (of two as common, the first met)."""
    votes: Counter[str] = Counter()
    for part in members:
        votes[part.head.label] += part.mentions
    labels = [part.head.label for part in members]
    return max(votes, key=lambda label: (votes[label], -labels.index(label)))
