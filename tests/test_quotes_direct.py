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
        '"The whole idea of a crooked candidate is something we hear about all the time."\n\n'
        "-Michelle Marks, Philadelphia.",
        [
            (
                "direct",
                "The whole idea of a crooked candidate is something we hear about all the time.",
                "Michelle Marks",
                None,
                "dash",
            )
        ],
    ),
    ("The so-called “reform” package was shelved.", []),
    # A closing mark set off by a space still closes the quote.
    (
        "''The reason he won is that he built coalitions, '' said Mr. Gunnels, who works for the campaign.",
        [("direct", "The reason he won is that he built coalitions,", "Gunnels", "said", "cue-after")],
    ),
    # The parser finds no subject for "said"; the name opening the frame is the speaker, and
    # the quoted name inside the frame is not.
    (
        "“We have had better conventions than this one,” Texas delegate Bill Eastland, wearing a “Ted Cruz” "
        "campaign pin, said.",
        [("direct", "We have had better conventions than this one,", "Bill Eastland", "said", "cue-after")],
    ),
    # Idioms of attribution and colons without a cue verb.
    (
        "As Tom Ridge, a former secretary of homeland security, put it: ''The barbarians are no longer at the gate.''",
        [("direct", "The barbarians are no longer at the gate.", "Tom Ridge", "put", "cue-before")],
    ),
    (
        WARREN + "She went on: “The bill is a disgrace and everyone knows it.”",
        [("direct", "The bill is a disgrace and everyone knows it.", "Elizabeth Warren", "went", "cue-before+pronoun")],
    ),
    (
        "At the rally in Ohio, Hillary Clinton offered up this sound bite: “We're going to put a lot of coal "
        "miners out of business.”",
        [
            (
                "direct",
                "We're going to put a lot of coal miners out of business.",
                "Hillary Clinton",
                None,
                "colon",
            )
        ],
    ),
    (
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."',
        [("direct", "I have not heard anyone other than you ever cite that figure.", "Trey Gowdy", None, "colon")],
    ),
    # Titles in quotation marks are not quotes.
    ("Netflix also brought the world ''Fuller House,'' a sequel to ''Full House.''", []),
    (
        "Donald Trump spoke in Iowa. “Jeb wants to be a tough guy tonight,” Trump shot back.",
        [("direct", "Jeb wants to be a tough guy tonight,", "Donald Trump", "shot", "cue-after")],
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
