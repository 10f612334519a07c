"""Speakers named by a word the tagger read otherwise: an organisation's whole name read as a plural
noun, a country's abbreviation that spells a pronoun."""

from __future__ import annotations

from collections.abc import Callable

from whosaid.models import Article


def found(article: Article) -> dict[str, tuple[str, bool]]:
    """Quote text -> (speaker name, whether the speaker is linked to an entity)."""
    return {q.text: (q.speaker.name, q.speaker.entity_id is not None) for q in article.quotes if q.speaker}


def test_a_word_that_is_an_organisations_whole_name_is_it_however_tagged(process: Callable[[str], Article]) -> None:
    # The tagger reads the second "Fosters" as a plural noun; it is the company's whole name.
    article = process(
        "Fosters bought the vineyard last year. Analysts expect more deals. "
        "Fosters said it was in talks with other growers."
    )
    assert found(article)["it was in talks with other growers"] == ("Fosters", True)


def test_a_pronoun_written_in_capitals_is_an_abbreviation(process: Callable[[str], Article]) -> None:
    article = process("The US economy grew by 3% last year. The US says it will let markets set the dollar's value.")
    assert found(article)["it will let markets set the dollar's value"] == ("US", True)
