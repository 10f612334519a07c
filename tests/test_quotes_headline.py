"""Headline and transcript lines "Name: content" without quotation marks
(``whosaid.quotes.reported.headline``): the words before the colon name the source."""

from __future__ import annotations

from collections.abc import Callable

import pytest

AFTER = "\n\nThe county board met on Monday."

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (
        "Harlan Dewitt: Farm subsidies will shrink next spring." + AFTER,
        [("indirect", "Farm subsidies will shrink next spring", "Harlan Dewitt", ":", "colon")],
    ),
    (
        "Survey: Most voters in Ohio now favour the levy." + AFTER,
        [("indirect", "Most voters in Ohio now favour the levy", "Survey", ":", "colon")],
    ),
    (
        "Marston Council: Bus fares rise for the third year." + AFTER,
        [("indirect", "Bus fares rise for the third year", "Marston Council", ":", "colon")],
    ),
    # Quoted words after the name are a direct quote, as before.
    (
        'Harlan Dewitt: "Farm subsidies will shrink next spring."' + AFTER,
        [("direct", "Farm subsidies will shrink next spring.", "Harlan Dewitt", None, "colon")],
    ),
    # Not a line opened by a name: a colon inside a sentence, too few words after the colon,
    # too many before it, a page's label.
    ("The county board met on Monday with one aim: a budget that holds.", []),
    ("Harlan Dewitt: Cuts." + AFTER, []),
    ("The mayor, the treasurer and the new clerk from the county office: all will attend." + AFTER, []),
    ("Update: the meeting of the board was moved to Friday." + AFTER, []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_headline_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
