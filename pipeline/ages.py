"""Age descriptions of a person: "said the 46-year-old".

News names a person with an age ("John Smith, 46, ...") and may then describe them by it. An age
description is the one person the article gives that age, or, when it gives it to no one, the
person a recent clause was about (``descriptions.described_person``), never one given another age.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token
    from whosaid.models import Entity
    from whosaid.resolver import Resolution

# The age the article gives a person right after a name: "John Smith, 46, ...", "Ann Lee (31)", "Tom Hill, aged 52,".
_AGE_AFTER_NAME = re.compile(r"(?:\s*,\s*(?:aged\s+)?(\d{1,3})\s*[,.;:]|\s*\((?:aged\s+)?(\d{1,3})\))")


def age_description(head: Token) -> Span | None:
    """The words of an age description headed by ``head`` ("46-year-old", which the tokenizer
    splits into 46 - year - old), or None."""
    doc = head.doc
    i = head.i
    if head.lower_ != "old" or i < 4 or doc[i - 2].lower_ not in ("year", "years") or not doc[i - 4].text.isdigit():
        return None
    if doc[i - 1].text != "-" or doc[i - 3].text != "-" or any(t.whitespace_ for t in doc[i - 4 : i]):
        return None
    return doc[i - 4 : i + 1]


def aged_person(resolution: Resolution, head: Token, roles: dict[str, str]) -> Entity | None:
    """The person an age description ("said the 46-year-old") stands for: the one person the
    article gives that age ("John Smith, 46, ..."), none when it gives it to several; when it
    gives it to no one, the person a recent clause was about (``described_person``), unless the
    article gives them another age ("Tom Hill, 52" is not "the 46-year-old")."""
    from whosaid.descriptions import described_person  # which reads age descriptions too

    described = age_description(head)
    if described is None or resolution.article is None:
        return None
    age = described[0].text
    people = [c.entity for c in resolution.article.named if c.entity.kind == "person"]
    ages = _ages(list({e.id: e for e in people}.values()), resolution.article.text)
    given = {entity_id for entity_id, held in ages.items() if age in held}
    if given:
        return next(e for e in people if e.id in given) if len(given) == 1 else None
    found = described_person(resolution, head, roles)
    return found if found is not None and found.id not in ages else None


def _ages(people: list[Entity], text: str) -> dict[str, set[str]]:
    """The ages written right after each person's names, by entity id."""
    found: dict[str, set[str]] = {}
    for entity in people:
        for mention in entity.mentions:
            match = _AGE_AFTER_NAME.match(text, mention.end)
            if match is not None:
                found.setdefault(entity.id, set()).update(g for g in match.groups() if g)
    return found
