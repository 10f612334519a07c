"""Direct quotes (``whosaid.quotes.material``, ``frames``, ``direct``): which quoted words are
quotes, and the cascade that attributes them. One row per rule, on small texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

WARREN = "Senator Elizabeth Warren spoke on Tuesday. "

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (WARREN + '"We will win," Warren said.', [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (
        WARREN + "Warren said: “We will win this fight.”",
        [("direct", "We will win this fight.", "Elizabeth Warren", "said", "cue-before")],
    ),
    (WARREN + "“We will win,” said Warren.", [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "‘We don’t know,’ said Warren.", [("direct", "We don’t know,", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "''We will win,'' Warren said.", [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "«We will win», Warren said.", [("direct", "We will win", "Elizabeth Warren", "said", "cue-after")]),
    (
        WARREN + "“We will win,” she said.",
        [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after+pronoun")],
    ),
    (
        '"Net neutrality is essential for us all." - Commissioner Geoffrey Starks',
        [("direct", "Net neutrality is essential for us all.", "Geoffrey Starks", None, "dash")],
    ),
    # A signature on the line after the quote; the place after the comma is not the speaker.
    (
        '"Nobody on this street has seen a snowplough since the first week of January."\n\n-Harriet Lomax, Duluth.',
        [
            (
                "direct",
                "Nobody on this street has seen a snowplough since the first week of January.",
                "Harriet Lomax",
                None,
                "dash",
            )
        ],
    ),
    ("The so-called “reform” package was shelved.", []),
    # A closing mark set off by a space still closes the quote.
    (
        "''The reason she lost is that she ignored the farmers, '' said Mr. Okafor, who advises the party.",
        [("direct", "The reason she lost is that she ignored the farmers,", "Okafor", "said", "cue-after")],
    ),
    # The parser finds no subject for "said"; the name opening the frame is the speaker, and
    # the quoted name inside the frame is not.
    (
        "“I have judged better pies than these,” Vermont baker Dale Pruitt, wearing a “Marge Hanley” "
        "campaign badge, said.",
        [("direct", "I have judged better pies than these,", "Dale Pruitt", "said", "cue-after")],
    ),
    # Idioms of attribution and colons without a cue verb.
    (
        "As Nora Blake, a former head of the coast guard, put it: ''The storms are no longer a rare event.''",
        [("direct", "The storms are no longer a rare event.", "Nora Blake", "put", "cue-before")],
    ),
    (
        WARREN + "She went on: “The bill is a disgrace and everyone knows it.”",
        [("direct", "The bill is a disgrace and everyone knows it.", "Elizabeth Warren", "went", "cue-before+pronoun")],
    ),
    (
        "At the fair in Iowa, Ruth Calder offered up this line: “We're going to close a lot of old grain mills "
        "for good.”",
        [
            (
                "direct",
                "We're going to close a lot of old grain mills for good.",
                "Ruth Calder",
                None,
                "colon",
            )
        ],
    ),
    (
        'Rep. Alan Mercer (D-Ore.):"I have never seen that number in any report from your office."',
        [("direct", "I have never seen that number in any report from your office.", "Alan Mercer", None, "colon")],
    ),
    # Titles in quotation marks are not quotes.
    ("The studio also gave viewers ''Harbor Lights,'' a remake of ''Harbor Nights.''", []),
    (
        "Mayor Carla Diaz spoke in Tucson. “Frank wants to look strong in front of the cameras,” Diaz shot back.",
        [("direct", "Frank wants to look strong in front of the cameras,", "Carla Diaz", "shot", "cue-after")],
    ),
    # A sentence that only says who spoke attributes the quote after it, before any earlier speaker.
    (
        WARREN + "“We will win,” Warren said.\n\nGovernor Bill Lee agreed. “The bill is a disgrace and everyone "
        "knows it.”",
        [
            ("direct", "We will win,", "Elizabeth Warren", "said", "cue-after"),
            ("direct", "The bill is a disgrace and everyone knows it.", "Bill Lee", "agreed", "previous-sentence"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_direct_quote_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
