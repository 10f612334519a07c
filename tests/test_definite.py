"""One reading of a definite description ("the lawyer", "this company"), used by every rule that asks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from whosaid.constraints import definite
from whosaid.models import Article


@pytest.mark.parametrize(
    ("sentence", "noun", "expected"),
    [
        ("The lawyer said it was over.", "lawyer", True),
        ("This company said it was over.", "company", True),
        ("That report said it was over.", "report", True),
        ("A lawyer said it was over.", "lawyer", False),
        ("His lawyer said it was over.", "lawyer", False),
        ("Lawyers said it was over.", "Lawyers", False),
    ],
)
def test_definite(nlp: Any, sentence: str, noun: str, expected: bool) -> None:
    doc = nlp(sentence)
    assert definite(next(t for t in doc if t.text == noun)) is expected


def test_that_company_is_the_company_named_before(process: Callable[[str], Article]) -> None:
    article = process("Fosters bought the vineyard last year. That company said it would buy more land.")
    speakers = [(q.speaker.name, q.speaker.entity_id is not None) for q in article.quotes if q.speaker]
    assert speakers == [("Fosters", True)]
