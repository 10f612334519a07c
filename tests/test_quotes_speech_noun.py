"""Speech nouns (``whosaid.quotes.reported.speech_noun``): a noun of speech with its owner
("Warren's warning", "a promise by Governor Lee") and its content after "that", "about" or "to"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (
        "Senator Elizabeth Warren spoke on Tuesday. Warren's warning that the bill would fail surprised her "
        "colleagues.",
        [("indirect", "that the bill would fail", "Elizabeth Warren", "warning", "speech-noun")],
    ),
    (
        "Biden's address about the orderly drawdown of troops was broadcast live.",
        [("indirect", "the orderly drawdown of troops", "Biden", "address", "speech-noun")],
    ),
    (
        "Residents welcomed a promise by Governor Bill Lee to rebuild the bridge.",
        [("indirect", "to rebuild the bridge", "Bill Lee", "promise", "speech-noun")],
    ),
    # Without an owner, a speech noun is no attribution: nobody is named as its source.
    ("Lee gave a speech about schools on Monday.", []),
    ("The statement was long and nobody read it.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_speech_noun_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
