"""Adjectives of attitude (``whosaid.quotes.reported.stance``): a position, reported at a lower
confidence than words."""

from __future__ import annotations

from collections.abc import Callable

import pytest

WARREN = "Senator Elizabeth Warren spoke on Tuesday. "

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (
        WARREN + "Warren is worried about the cost of the new bill.",
        [("indirect", "the cost of the new bill", "Elizabeth Warren", "worried", "stance")],
    ),
    (
        WARREN + "Warren was confident that the bill would pass.",
        [("indirect", "that the bill would pass", "Elizabeth Warren", "confident", "stance")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_stance_adjective_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
