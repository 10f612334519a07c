"""Speakers named by a description, by a role written with a name, or by a word of a name."""

from __future__ import annotations

from collections.abc import Callable

from whosaid.models import Article


def found(article: Article) -> dict[str, tuple[str, bool]]:
    """Quote text -> (speaker name, whether the speaker is linked to an entity)."""
    return {q.text: (q.speaker.name, q.speaker.entity_id is not None) for q in article.quotes if q.speaker}


def test_a_description_goes_to_the_person_the_story_is_about(process: Callable[[str], Article]) -> None:
    article = process(
        "Britain will not give up its rebate at next week's summit, Jack Straw said on Monday. "
        "The foreign secretary told MPs that the talks would be hard."
    )
    assert found(article)["that the talks would be hard"] == ("Jack Straw", True)


def test_a_description_is_not_someone_the_story_gives_another_office(process: Callable[[str], Article]) -> None:
    article = process(
        "Foreign Secretary Jack Straw flew to Brussels on Monday for the budget talks. "
        "The chancellor said that the rebate was safe."
    )
    assert found(article)["that the rebate was safe"] == ("chancellor", False)


def test_a_role_written_first_goes_to_whom_the_story_names_with_it_later(process: Callable[[str], Article]) -> None:
    article = process(
        "India's finance minister said that rich nations blocked trade. "
        "Ravi Shankar, India's finance minister, spoke in London on Friday."
    )
    assert found(article)["that rich nations blocked trade"] == ("Ravi Shankar", True)


def test_a_role_another_word_changes_is_not_that_person(process: Callable[[str], Article]) -> None:
    # "the mayor" is not "Deputy Mayor Nicky Gavron", named after it.
    article = process(
        "The mayor said that he would not apologise. On Sunday, Deputy Mayor Nicky Gavron spoke to the BBC."
    )
    assert found(article)["that he would not apologise"] != ("Nicky Gavron", True)


def test_a_name_written_straight_after_its_role_is_the_speaker(process: Callable[[str], Article]) -> None:
    article = process(
        "Former welfare minister Frank Field MP said the plan would fail.\n\n"
        "Quango guide author Dan Lewis said at least 111 bodies had been set up since 1997."
    )
    speakers = found(article)
    assert speakers["the plan would fail"] == ("Frank Field", True)
    assert speakers["at least 111 bodies had been set up since 1997"] == ("Dan Lewis", True)


def test_a_name_after_a_role_and_a_comma_is_the_speaker(process: Callable[[str], Article]) -> None:
    article = process(
        "According to its Paris lawyer, Emmanuel Gaillard of Shearman and Sterling, the claim is worth $28bn."
    )
    assert [(q.speaker.name, q.speaker.role) for q in article.quotes if q.speaker] == [
        ("Emmanuel Gaillard", "its Paris lawyer")
    ]


def test_a_word_of_an_organisations_name_is_that_organisation(process: Callable[[str], Article]) -> None:
    article = process(
        "Shares in Group Menatep fell sharply on Monday after the ruling in Moscow. "
        "Menatep said the sale of the unit was illegal."
    )
    assert found(article)["the sale of the unit was illegal"] == ("Group Menatep", True)


def test_a_capitalised_common_noun_is_no_word_of_a_name(process: Callable[[str], Article]) -> None:
    # "Airlines" opens the sentence; the story writes "airlines" too, so it is no name.
    article = process(
        "The European Airlines Association welcomed the rules on Monday. Many airlines were unhappy. "
        "Airlines fear that bad weather will not count."
    )
    assert found(article)["that bad weather will not count"] == ("Airlines", False)


def test_an_organisation_named_after_its_kind_is_the_speaker(process: Callable[[str], Article]) -> None:
    article = process("According to the communications regulator Ofcom, sales of laptops had doubled.")
    assert found(article)["sales of laptops had doubled"] == ("Ofcom", True)


def test_a_document_speaks_for_the_person_who_wrote_it(process: Callable[[str], Article]) -> None:
    article = process(
        "Robert Peston has written about the two men for years. "
        "Mr Peston's book claimed that the pair had fallen out in 2003.\n\n"
        "A new report by Jane Miller was published on Monday. Ministers welcomed it. "
        "The report said that child poverty had fallen."
    )
    speakers = found(article)
    assert speakers["that the pair had fallen out in 2003"] == ("Robert Peston", True)
    assert speakers["that child poverty had fallen"] == ("Jane Miller", True)
