""" "According to X" (``whosaid.quotes.reported.according`` and the direct cascade): X is the
source, the longer side of the sentence the content."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (
        "The bill will pass, according to Senator Elizabeth Warren.",
        [("indirect", "The bill will pass", "Elizabeth Warren", "according", "according-to")],
    ),
    (
        "“The records do not show any payment to the contractor and are incomplete,” according to an audit "
        "report released by county treasurer Linda Voss.",
        [
            (
                "direct",
                "The records do not show any payment to the contractor and are incomplete,",
                "audit report",
                "according",
                "according-to",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_according_to_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
