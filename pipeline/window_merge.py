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
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from whosaid.entity_labels import is_part_of_name, person_words
from whosaid.entity_mentions import KIND_OF_LABEL
from whosaid.models import Entity, Quote

Found = tuple[list[Entity], list[Quote]]


@dataclass
class _Group:
    """The windows' entities found to be one: ``(window, entity)`` pairs."""

    members: list[tuple[int, Entity]] = field(default_factory=list)

    @property
    def windows(self) -> set[int]:
        return {window for window, _ in self.members}

    @property
    def first(self) -> Entity:
        return self.members[0][1]


@dataclass(frozen=True)
class Merged:
    """The article's entities merged from its windows', and how each window's ids became theirs."""

    entities: list[Entity]
    new_ids: dict[tuple[int, str], str]
    names: dict[str, str]  # merged entity id -> its name

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
    merged = merge_entities([entities for entities, _ in found])
    quotes: list[Quote] = []
    for window, (_, window_quotes) in enumerate(found):
        for quote in window_quotes:
            quotes.append(merged.renamed(quote, len(quotes) + 1, window))
    return merged.entities, quotes


def merge_entities(found: list[list[Entity]]) -> Merged:
    """The article's entities from its windows' entities (offsets into the article already)."""
    groups = _join_partial_names(_by_name(found))
    entities, new_ids = _entities(groups)
    return Merged(entities, new_ids, {entity.id: entity.name for entity in entities})


def _by_name(found: list[list[Entity]]) -> list[_Group]:
    groups: list[_Group] = []
    index: dict[str, _Group] = {}
    for window, entities in enumerate(found):
        for entity in entities:
            key = entity.name
            if key not in index:
                index[key] = _Group()
                groups.append(index[key])
            index[key].members.append((window, entity))
    return groups


def _join_partial_names(groups: list[_Group]) -> list[_Group]:
    """Entities named in part joined to the one entity of the same kind with a longer name that
    holds that part: a person's name in part ("Blair" of "Tony Blair"), or any name another window
    wrote as a mention of the longer one ("EU" where another window had "the European Union ... the
    EU"); never two that one window kept apart."""
    kinds = {id(g): KIND_OF_LABEL.get(_label([e for _, e in g.members])) for g in groups}
    words = {id(g): person_words(g.first.name) for g in groups}
    written = {id(g): {m.text for _, e in g.members for m in e.mentions} for g in groups}
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


def _entities(groups: list[_Group]) -> tuple[list[Entity], dict[tuple[int, str], str]]:
    merged = [_merged(group) for group in groups]
    order = sorted(range(len(merged)), key=lambda i: merged[i].mentions[0].start)
    entities: list[Entity] = []
    new_ids: dict[tuple[int, str], str] = {}
    for number, i in enumerate(order, start=1):
        entity = merged[i].model_copy(update={"id": f"e{number}"})
        entities.append(entity)
        for window, member in groups[i].members:
            new_ids[(window, member.id)] = entity.id
    return entities, new_ids


def _merged(group: _Group) -> Entity:
    members = [entity for _, entity in group.members]
    if len(members) == 1:
        return members[0]
    mentions = sorted((m for e in members for m in e.mentions), key=lambda m: (m.start, m.end))
    label = _label(members)
    genders = {e.gender for e in members if e.gender is not None}
    values = [e.value for e in members if e.value is not None]
    return group.first.model_copy(
        update={
            "label": label,
            "kind": KIND_OF_LABEL.get(label, group.first.kind),
            "name": max((e.name for e in members), key=lambda n: (len(n.split()), len(n))),
            "value": values[0] if values else None,
            "gender": genders.pop() if len(genders) == 1 else None,
            "mentions": mentions,
        }
    )


def _label(members: list[Entity]) -> str:
    """The label most of the members' mentions had (of two as common, the first met)."""
    votes: Counter[str] = Counter()
    for entity in members:
        votes[entity.label] += len(entity.mentions)
    return max(votes, key=lambda label: (votes[label], -next(i for i, e in enumerate(members) if e.label == label)))
