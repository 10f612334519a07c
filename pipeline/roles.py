"""The role or title written with a name, and the words of a role phrase.

A role is written in front of a name ("Russian ambassador to Afghanistan Dmitry Zhirnov") or in
apposition to it ("Zamir Kabulov, Putin's special envoy"); ``role_near`` reads it for one
mention, ``article_roles`` the first for each person. The helpers read a noun phrase without
its clauses, edges and split hyphens, for ``whosaid.speakers``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.cues import TITLE_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from whosaid.entity_index import EntityIndex
    from whosaid.models import Mention

_ROLE_STOP_DEPS = frozenset({"relcl", "acl", "advcl", "punct", "cc", "conj"})
_EDGE_WORDS = frozenset({"the", "a", "an", "'s", "’s", ",", "-", "—", "–", "and"})
_TIME_TYPES = frozenset({"DATE", "TIME"})


def clean_edges(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].lower_ in _EDGE_WORDS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].lower_ in _EDGE_WORDS or tokens[-1].is_punct):
        tokens = tokens[:-1]
    return tokens


def text_of(doc: Doc, tokens: list[Token]) -> str | None:
    tokens = clean_edges(tokens)
    if not tokens:
        return None
    return doc[tokens[0].i : tokens[-1].i + 1].text


def is_role(tokens: list[Token]) -> bool:
    """A role names a function: it holds a common noun or a title, and no verb."""
    if not tokens or len(tokens) > 14:
        return False
    if any(t.pos_ in ("VERB", "AUX") for t in tokens):
        return False
    return any(t.pos_ == "NOUN" or t.lower_.rstrip(".") in TITLE_WORDS for t in tokens)


def np_tokens(head: Token) -> list[Token]:
    """The noun phrase of ``head`` without relative clauses and trailing modifiers after commas."""
    keep = [head]
    for child in head.children:
        if child.dep_ in _ROLE_STOP_DEPS or child.dep_ == "appos":
            continue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # Contiguous run around the head only.
    start = end = keep.index(head)
    while start > 0 and keep[start - 1].i == keep[start].i - 1:
        start -= 1
    while end + 1 < len(keep) and keep[end + 1].i == keep[end].i + 1:
        end += 1
    return keep[start : end + 1]


def role_near(doc: Doc, mention: Mention) -> str | None:
    """The role written in front of or in apposition to a name, if any."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    # In front: "Russian ambassador to Afghanistan Dmitry Zhirnov".
    front = [t for t in np_tokens(head) if t.i < span.start]
    while front and front[0].ent_type_ in _TIME_TYPES:  # "On Wednesday Mr Blair": the role is "Mr"
        front = front[1:]
    front = clean_edges(front)
    if front and is_role(front) and not any(t.ent_type_ == "PERSON" for t in front[-1:]):
        return text_of(doc, front)
    # In apposition, either way round.
    for child in head.children:
        if child.dep_ == "appos":
            tokens = np_tokens(child)
            if is_role(tokens):
                return text_of(doc, tokens)
    if head.dep_ == "appos" and head.head.i < span.start:
        tokens = [t for t in np_tokens(head.head) if t.i < span.start]
        if is_role(clean_edges(tokens)):
            return text_of(doc, tokens)
    return None


def article_roles(doc: Doc, index: EntityIndex) -> dict[str, str]:
    """The first role written with each person in the article, by entity id."""
    roles: dict[str, str] = {}
    for entity in index.entities:
        if entity.kind != "person":
            continue
        for mention in entity.mentions:
            role = role_near(doc, mention)
            if role:
                roles[entity.id] = role
                break
    return roles


def whole_words(doc: Doc, tokens: list[Token]) -> list[Token]:
    """Tokens widened over hyphens the tokenizer split ("co-chairman" is never cut to "co")."""
    first, last = tokens[0].i, tokens[-1].i
    while (
        last + 2 < len(doc)
        and doc[last + 1].text == "-"
        and not doc[last].whitespace_
        and not doc[last + 1].whitespace_
    ):
        last += 2
    while (
        first >= 2 and doc[first - 1].text == "-" and not doc[first - 2].whitespace_ and not doc[first - 1].whitespace_
    ):
        first -= 2
    return list(doc[first : last + 1])
