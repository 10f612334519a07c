"""Political parties the tagger reads as nationalities are organisations, one per party."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from whosaid.gazetteer import party_key
from whosaid.models import Article

from tests.conftest import SPEAKER_TABLE, SpeakerOf, found

TORY_PARTY = "The Tory party said that the plan was a mistake. Michael Howard leads the Conservatives."
# The small model tags "Labour" here a person; the party list says it is an organisation.
LABOUR_TAGGED_A_PERSON = (
    "Both Labour and the Conservatives have said they would raise pensions. Labour said that the plan was fully costed."
)
# "he" after the Lib Dems is their leader, not the party (tagged a person in the headline).
KENNEDY = (
    "Lib Dems target the student vote\n\n"
    "The Lib Dems will scrap tuition fees, Charles Kennedy has said. "
    "He said that the fees were unfair. He said that students would back the party."
)
# The small model tags neither "Labour" nor "Tories" here.
UNTAGGED = (
    "Details of the orders are also being published. "
    "Labour claims that nuisance behaviour is a key election issue.\n\n"
    "Tories and Lib Dems welcomed the report and said the cuts were overdue."
)
# The small model tags only "Democrats", a nationality; "the party" is the party the article names.
LIBERAL_DEMOCRATS = (
    "The Liberal Democrats want to scrap the council tax. The party says it would raise the personal allowance."
)
# No party named: "the party" stays a description, not the company named before it.
NO_PARTY = "Acme Holdings opened a new plant in Leeds. The party said the plant would create jobs."
# The small model tags "Tory MPs" a person: a group of the party's people, no one's name.
TORY_MPS = "The Conservatives will cut taxes. Tory MPs said that the cuts were too small."


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


@pytest.mark.parametrize(
    ("text", "name", "entity"),
    [
        pytest.param(TORY_PARTY, "Tory party", ("organization", ["Tory party", "Conservatives"]), id="with party"),
        pytest.param(LABOUR_TAGGED_A_PERSON, "Labour", ("organization", ["Labour", "Labour"]), id="tagged a person"),
        pytest.param(UNTAGGED, "Labour", ("organization", ["Labour"]), id="untagged"),
        pytest.param(UNTAGGED, "Tories", ("organization", ["Tories"]), id="untagged, with another party"),
    ],
)
def test_a_partys_name_is_one_organisation(
    process: Callable[[str], Article], text: str, name: str, entity: tuple[str, list[str]]
) -> None:
    assert _entities(process(text))[name] == entity


@pytest.mark.parametrize(
    SPEAKER_TABLE,
    [
        pytest.param(TORY_PARTY, "that the plan was a mistake", ("Tory party", True), id="a party written with party"),
        pytest.param(
            LABOUR_TAGGED_A_PERSON, "that the plan was fully costed", ("Labour", True), id="a party tagged a person"
        ),
        pytest.param(
            KENNEDY, "that the fees were unfair", ("Charles Kennedy", True), id="no he makes a party a person"
        ),
        pytest.param(KENNEDY, "that students would back the party", ("Charles Kennedy", True), id="nor a second he"),
        pytest.param(
            UNTAGGED,
            "that nuisance behaviour is a key election issue",
            ("Labour", True),
            id="a party the tagger left untagged",
        ),
        pytest.param(TORY_MPS, "that the cuts were too small", ("Tory MPs", False), id="a party's people"),
        pytest.param(
            LIBERAL_DEMOCRATS,
            "to scrap the council tax",
            ("Liberal Democrats", True),
            id="a party's name with a word tagged a nationality",
        ),
        pytest.param(
            LIBERAL_DEMOCRATS,
            "it would raise the personal allowance",
            ("Liberal Democrats", True),
            id="the party: the party named",
        ),
        pytest.param(NO_PARTY, "the plant would create jobs", ("party", False), id="the party: no party named"),
    ],
)
def test_party_speakers(speaker_of: SpeakerOf, text: str, quote: str, speaker: tuple[str, bool]) -> None:
    assert speaker_of(text, quote) == speaker


def test_the_lib_dems_tagged_a_person_in_a_headline_are_an_organisation(process: Callable[[str], Article]) -> None:
    assert _entities(process(KENNEDY))["Lib Dems"][0] == "organization"


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


def test_an_untagged_partys_word_that_describes_a_noun_is_no_party(process: Callable[[str], Article]) -> None:
    article = process("Labour costs rose by a third last year, the firm said.")
    assert [e.name for e in article.entities if e.kind == "organization"] == []


def test_a_partys_people_tagged_a_person_are_no_person(process: Callable[[str], Article]) -> None:
    assert [e.name for e in process(TORY_MPS).entities if e.kind == "person"] == []


def test_a_partys_names_share_one_key() -> None:
    assert party_key("Tories") == party_key("Conservative Party") == party_key("the tory party".removeprefix("the "))
    assert party_key("Lib Dems") == party_key("Liberal Democrats")
    assert party_key("Labour") != party_key("Conservatives")
    assert party_key("Americans") is None
    assert party_key("Tory") is None  # the adjective describes ("Tory MPs"); only the party's names are listed
