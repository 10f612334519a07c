"""Speakers named by a word the tagger read otherwise: an organisation's whole name read as a plural
noun, a country's abbreviation that spells a pronoun."""

from __future__ import annotations

from collections.abc import Callable

from whosaid.models import Article

from tests.conftest import found


def test_a_word_that_is_an_organisations_whole_name_is_it_however_tagged(process: Callable[[str], Article]) -> None:
    # The tagger reads the second "Fosters" as a plural noun; it is the company's whole name.
    article = process(
        "Fosters bought the vineyard last year. Analysts expect more deals. "
        "Fosters said it was in talks with other growers."
    )
    assert found(article)["it was in talks with other growers"] == ("Fosters", True)


def test_an_abbreviation_spelt_like_a_pronoun_is_the_abbreviation(process: Callable[[str], Article]) -> None:
    article = process("The US economy grew by 3% last year. The US says it will let markets set the dollar's value.")
    assert found(article)["it will let markets set the dollar's value"] == ("US", True)


def test_a_pronoun_set_in_capitals_is_still_a_pronoun(process: Callable[[str], Article]) -> None:
    # Wire copy and headlines in capitals: only abbreviations listed as such (US) are not pronouns.
    article = process("Ann Webb runs the corner shop in Leeds.\n\n“The rent has doubled,” SHE said.")
    assert found(article)["The rent has doubled,"] == ("Ann Webb", True)
    assert [q.method for q in article.quotes] == ["cue-after+pronoun"]


def test_who_after_an_unnamed_speaker_is_not_a_resolved_pronoun(process: Callable[[str], Article]) -> None:
    # "+pronoun" marks a pronoun resolved to an entity; "a council spokesman" is none.
    article = process("The plan was criticised by a council spokesman, who said the road would stay open.")
    [quote] = article.quotes
    assert quote.speaker is not None and quote.speaker.entity_id is None
    assert quote.speaker.mention.text == "who" and not quote.method.endswith("+pronoun")
