"""Parenthetical attribution (``whosaid.quotes.reported.parenthetical``): the cue interrupts
the content, which then stands in two fragments around it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

WARREN = "Senator Elizabeth Warren spoke on Tuesday. "

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (
        WARREN + "The economy, Warren said, is in trouble.",
        [("indirect", "The economy, Warren said, is in trouble", "Elizabeth Warren", "said", "parenthetical")],
    ),
    # The apposition after the content is the writer's gloss, not what was said.
    (
        "Senator Elizabeth Warren spoke. Most of the delays, she said, have involved regional trains, the latter "
        "a name for lines that stop at every village.",
        [
            (
                "indirect",
                "Most of the delays, she said, have involved regional trains",
                "Elizabeth Warren",
                "said",
                "parenthetical+pronoun",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parenthetical_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
