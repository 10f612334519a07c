"""Quotation marks from characters alone: pairs, apostrophes, paragraphs, unbalanced marks."""

from __future__ import annotations

import pytest
from whosaid.quotemarks import find_quoted_spans


def contents(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in span.fragments] for span in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"We will win," she said.', [["We will win,"]]),
        ("“We will win,” she said.", [["We will win,"]]),
        ("‘We don’t know,’ he said of the Smiths’ house.", [["We don’t know,"]]),
        ("«Nous gagnerons», a-t-elle dit.", [["Nous gagnerons"]]),
        ("He said it's the Joneses' car and 'rock 'n' roll' from the '90s.", [["rock 'n' roll"]]),
        ("“A,” he said. “B.”", [["A,"], ["B."]]),
        ('He said: "One.\n\n"Two.\n\n"Three," he added.', [["One.", "Two.", "Three,"]]),
        ("Don't panic: it's fine.", []),
    ],
)
def test_quoted_spans(text: str, expected: list[list[str]]) -> None:
    assert contents(text) == expected


def test_unbalanced_mark_ends_with_its_paragraph() -> None:
    text = "He said “this never closes.\n\nLater, she said “this one does” and left."
    spans = find_quoted_spans(text)
    assert [(text[s.start : s.end], s.closed) for s in spans] == [
        ("this never closes.", False),
        ("this one does", True),
    ]


def test_unbalanced_marks_never_lose_the_rest_of_the_article() -> None:
    paragraphs = ["Opening “with no close." if i == 3 else f"Paragraph {i} says “quote {i}” here." for i in range(10)]
    text = "\n\n".join(paragraphs)
    found = [text[s.start : s.end] for s in find_quoted_spans(text)]
    assert found == [f"quote {i}" for i in range(3)] + ["with no close."] + [f"quote {i}" for i in range(4, 10)]
