"""Political parties the tagger reads as nationalities are organisations, one per party."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from whosaid.gazetteer import party_key
from whosaid.models import Article

from tests.conftest import found


def _entities(article: Article) -> dict[str, tuple[str, list[str]]]:
    return {e.name: (e.kind, [m.text for m in e.mentions]) for e in article.entities}


def test_the_tories_are_the_party_the_article_calls_the_conservatives(process: Callable[[str], Article]) -> None:
    article = process(
        "The Conservatives said that the tax rise would hurt families. "
        "Later, the Tories said they would vote against it in the Commons."
    )
    assert _entities(article)["Conservatives"] == ("organization", ["Conservatives", "Tories"])
    speakers = {q.text: q.speaker for q in article.quotes if q.speaker}
    first = speakers["that the tax rise would hurt families"]
    second = speakers["they would vote against it in the Commons"]
    assert first is not None and second is not None
    assert first.entity_id is not None and first.entity_id == second.entity_id


def test_a_party_written_with_party_is_one_name(process: Callable[[str], Article]) -> None:
    article = process("The Tory party said that the plan was a mistake. Michael Howard leads the Conservatives.")
    assert _entities(article)["Tory party"] == ("organization", ["Tory party", "Conservatives"])
    assert found(article)["that the plan was a mistake"] == ("Tory party", True)


@pytest.mark.parametrize(
    "text",
    [
        "Greens councillors said that the plan was a mistake.",  # people of the party, not the party
        "Some Conservatives backbenchers said that the plan was a mistake.",
        "Americans said that the plan was a mistake.",  # a nationality
    ],
)
def test_a_party_word_that_describes_people_and_a_nationality_are_no_party(
    process: Callable[[str], Article], text: str
) -> None:
    article = process(text)
    assert [e.name for e in article.entities if e.kind == "organization"] == []
    assert found(article)["that the plan was a mistake"][1] is False


def test_a_partys_names_share_one_key() -> None:
    assert party_key("Tories") == party_key("Conservative Party") == party_key("the tory party".removeprefix("the "))
    assert party_key("Lib Dems") == party_key("Liberal Democrats")
    assert party_key("Labour") != party_key("Conservatives")
    assert party_key("Americans") is None
    assert party_key("Tory") is None  # the adjective describes ("Tory MPs"); only the party's names are listed


def test_a_partys_name_tagged_a_person_is_the_party(process: Callable[[str], Article]) -> None:
    # The small model tags "Labour" here a person; the party list says it is an organisation.
    article = process(
        "Both Labour and the Conservatives have said they would raise pensions. "
        "Labour said that the plan was fully costed."
    )
    labour = _entities(article)["Labour"]
    assert labour == ("organization", ["Labour", "Labour"])
    assert found(article)["that the plan was fully costed"] == ("Labour", True)


def test_a_party_is_never_made_a_person_by_the_pronouns_after_it(process: Callable[[str], Article]) -> None:
    # "he" after the Lib Dems is their leader, not the party (tagged a person in the headline).
    article = process(
        "Lib Dems target the student vote\n\n"
        "The Lib Dems will scrap tuition fees, Charles Kennedy has said. "
        "He said that the fees were unfair. He said that students would back the party."
    )
    assert _entities(article)["Lib Dems"][0] == "organization"
    assert found(article)["that the fees were unfair"] == ("Charles Kennedy", True)
    assert found(article)["that students would back the party"] == ("Charles Kennedy", True)


def test_a_partys_name_the_tagger_left_untagged_is_the_party(process: Callable[[str], Article]) -> None:
    # The small model tags neither "Labour" nor "Tories" here.
    article = process(
        "Details of the orders are also being published. "
        "Labour claims that nuisance behaviour is a key election issue.\n\n"
        "Tories and Lib Dems welcomed the report and said the cuts were overdue."
    )
    entities = _entities(article)
    assert entities["Labour"] == ("organization", ["Labour"])
    assert entities["Tories"] == ("organization", ["Tories"])
    assert found(article)["that nuisance behaviour is a key election issue"] == ("Labour", True)


def test_an_untagged_partys_word_that_describes_a_noun_is_no_party(process: Callable[[str], Article]) -> None:
    article = process("Labour costs rose by a third last year, the firm said.")
    assert [e.name for e in article.entities if e.kind == "organization"] == []


def test_a_partys_people_tagged_a_person_are_no_person(process: Callable[[str], Article]) -> None:
    # The small model tags "Tory MPs" a person: a group of the party's people, no one's name.
    article = process("The Conservatives will cut taxes. Tory MPs said that the cuts were too small.")
    assert [e.name for e in article.entities if e.kind == "person"] == []
    assert found(article)["that the cuts were too small"] == ("Tory MPs", False)
