"""Reporting verbs (``whosaid.quotes.reported.verbs``): a clause, an object or a preposition
after the verb is the content, its subject (or a passive's agent) the source."""

from __future__ import annotations

from collections.abc import Callable

import pytest

WARREN = "Senator Elizabeth Warren spoke on Tuesday. "

# (text, [(kind, content, speaker name or None, cue or None, method)])
CASES = [
    (
        WARREN + "Warren hinted that the bill might pass next week.",
        [("indirect", "that the bill might pass next week", "Elizabeth Warren", "hinted", "ccomp")],
    ),
    (
        WARREN + "Warren called the bill “a disgrace to the nation”.",
        [("mixed", "the bill “a disgrace to the nation", "Elizabeth Warren", "called", "object")],
    ),
    # A belief reported inside reported speech is part of the outer quote, not a second one.
    (
        WARREN + "Warren said she believed the bill would pass.",
        [("indirect", "she believed the bill would pass", "Elizabeth Warren", "said", "ccomp")],
    ),
    # Groups named by a quantity are speakers, as polls report them.
    (
        "About four in 10 voters said they were angry with the government.",
        [("indirect", "they were angry with the government", "About four in 10 voters", "said", "ccomp")],
    ),
    ("Many said the vote was rigged.", [("indirect", "the vote was rigged", "Many", "said", "ccomp")]),
    # "hoping" is lemmatized "hop" by the small model.
    (
        WARREN + "Warren is hoping the bill will pass next week.",
        [("indirect", "the bill will pass next week", "Elizabeth Warren", "hoping", "ccomp")],
    ),
    (
        WARREN + "Warren expressed her support for the new climate bill.",
        [("indirect", "her support for the new climate bill", "Elizabeth Warren", "expressed", "object")],
    ),
    # Evidence and aims are attributions too, at a lower confidence (method "stance").
    (
        "A new Harlow poll shows Ramirez with a 12-point lead over Kessler.",
        [("indirect", "Ramirez with a 12-point lead over Kessler", "new Harlow poll", "shows", "stance")],
    ),
    (
        WARREN + "Warren called for new limits on campaign spending.",
        [("indirect", "for new limits on campaign spending", "Elizabeth Warren", "called", "object")],
    ),
    # In the passive the source is the agent, never the subject; without an agent there is none.
    (
        "Hanley has been criticized by several of her colleagues for skipping the budget hearings.",
        [("indirect", "for skipping the budget hearings", "several of her colleagues", "criticized", "object")],
    ),
    ("Hanley was criticized for skipping the budget hearings.", []),
    # The parse ends the clause at the comma inside the quoted words; the quote keeps them whole.
    (
        WARREN + "Warren said she wanted “cheaper fares for the buses that serve rural towns, maybe adding night "
        "routes, school passes and lower prices for monthly tickets.”",
        [
            (
                "mixed",
                "she wanted “cheaper fares for the buses that serve rural towns, maybe adding night routes, school "
                "passes and lower prices for monthly tickets.",
                "Elizabeth Warren",
                "said",
                "ccomp",
            )
        ],
    ),
    ("The house was full of old books.", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_reporting_verb_rules(quote_rows: Callable[[str], list[tuple[str, ...]]], text: str, expected: list) -> None:
    assert quote_rows(text) == expected
