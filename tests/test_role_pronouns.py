"""A "he" or "she" that no named person fits takes up the unnamed role noun before it."""

from __future__ import annotations

from collections.abc import Callable

from whosaid.models import Article

from tests.conftest import found


def test_he_after_an_unnamed_spokesman_speaks_for_whom_the_spokesman_speaks(
    process: Callable[[str], Article],
) -> None:
    article = process(
        "A spokesman for the Home Office said that the rules would change in May. "
        '"The plans are fair and they are costed," he said. "Nothing has been decided yet." '
        "He added that the talks with the unions would go on."  # three sentences after "spokesman"
    )
    assert found(article)["The plans are fair and they are costed,"] == ("Home Office", True)
    assert found(article)["that the talks with the unions would go on"] == ("Home Office", True)


def test_a_pronoun_of_the_other_gender_is_not_the_spokeswoman(process: Callable[[str], Article]) -> None:
    article = process(
        "A spokeswoman for the Home Office said that the rules would change in May. "
        '"The plans are fair and they are costed," he said.'
    )
    assert found(article)["The plans are fair and they are costed,"] == ("he", False)


def test_a_person_named_in_between_stops_the_search(process: Callable[[str], Article]) -> None:
    # Mrs Lee is no "he", but with a person named as subject in between, whose "he" this is is unclear.
    article = process(
        "A spokesman for the Home Office said that the rules would change in May. "
        "Mrs Ann Lee criticised the rules on Tuesday. "
        '"The plans are fair and they are costed," he said.'
    )
    assert found(article)["The plans are fair and they are costed,"] == ("he", False)
