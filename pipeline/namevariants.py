"""Two spellings of one person's name in one article: a nickname and a typo.

An article introduces a person by full name and goes on by surname; it may also write the
given name as the familiar form ("Lawrence Lessig" ... "Larry Lessig") or slip a letter
("Robert Peston" ... "Robert Preston", "Kristin Wilkins" ... "Kristen Wilkins"). These helpers
say whether two words of a name may be one name so written; ``whosaid.entities`` uses them
only where the exact words match no one.

Given names and their familiar forms come from the ``nicknames`` package (a hand-curated
English table, Apache-2.0: "lawrence" -> "larry", "william" -> "bill"); only a direct pair
counts, never two nicknames of one name ("Al" of Albert and of Alexander). A typo is one
edit (a letter added, dropped, changed or two swapped) in a word long enough that one
letter does not make another common name of it (``MIN_TYPO_LENGTH``: the shorter of the two).
"""

from __future__ import annotations

from functools import cache

from rapidfuzz.distance import DamerauLevenshtein

MIN_TYPO_LENGTH = 6  # "Preston" for "Peston"; "Jon" and "Jan", "Horan" and "Horgan" are other names


@cache
def _familiar() -> dict[str, frozenset[str]]:
    """Each given name (lower case) -> the names it is a familiar or a formal form of."""
    from nicknames import name_triplets

    table: dict[str, set[str]] = {}
    for formal, _, familiar in name_triplets():
        table.setdefault(formal, set()).add(familiar)
        table.setdefault(familiar, set()).add(formal)
    return {name: frozenset(forms) for name, forms in table.items()}


def familiar_forms(first: str, second: str) -> bool:
    """Whether two given names (lower case) are one name and its familiar form ("lawrence", "larry")."""
    return second in _familiar().get(first, frozenset())


def one_slip(first: str, second: str) -> bool:
    """Whether two words (lower case) differ by one letter added, dropped, changed or swapped, both
    at least ``MIN_TYPO_LENGTH`` long ("Anderson" for "Andersen", "Kristen" for "Kristin")."""
    if first == second or min(len(first), len(second)) < MIN_TYPO_LENGTH:
        return False
    return DamerauLevenshtein.distance(first, second, score_cutoff=1) == 1


def feminine_form(first: str, second: str) -> bool:
    """Whether two given names (lower case) one letter apart are a name and its feminine form, two
    people rather than a slip: one of them ends in "a" where the other does not ("martin" and
    "martina", "christian" and "christina", "robert" and "roberta")."""
    return first[-1:] != second[-1:] and "a" in (first[-1:], second[-1:])
