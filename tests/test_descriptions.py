"""Speakers named by a description, by a role written with a name, or by a word of a name."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from whosaid.models import Article

from tests.conftest import SPEAKER_TABLE, SpeakerOf, found


def test_a_role_another_word_changes_is_not_that_person(process: Callable[[str], Article]) -> None:
    # "the mayor" is not "Deputy Mayor Tessa Quinn", named after it.
    article = process(
        "The mayor said that he would not resign. On Friday, Deputy Mayor Tessa Quinn spoke to reporters."
    )
    assert found(article)["that he would not resign"] != ("Tessa Quinn", True)


def test_a_name_written_straight_after_its_role_is_the_speaker(process: Callable[[str], Article]) -> None:
    article = process(
        "Former transport minister Alan Price MP said the plan would fail.\n\n"
        "Rail guide author Mia Holt said at least 40 stations had been closed since 1998."
    )
    speakers = found(article)
    assert speakers["the plan would fail"] == ("Alan Price", True)
    assert speakers["at least 40 stations had been closed since 1998"] == ("Mia Holt", True)


def test_a_name_after_a_role_and_a_comma_is_the_speaker(process: Callable[[str], Article]) -> None:
    article = process("According to its Madrid lawyer, Pablo Serrano of Vidal and Costa, the claim is worth $3bn.")
    assert [(q.speaker.name, q.speaker.role) for q in article.quotes if q.speaker] == [
        ("Pablo Serrano", "its Madrid lawyer")
    ]


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


def _speakers(article: Article) -> list[tuple[str, bool]]:
    return [(q.speaker.name, q.speaker.entity_id is not None) for q in article.quotes if q.speaker]


def test_a_name_after_a_preposition_is_whom_the_phrase_is_about(process: Callable[[str], Article]) -> None:
    for text, about in (
        ("The lawyer for defendant John Smith said the charges were false.", "John Smith"),
        ("A friend of actor Tom Jones said that he was very tired.", "Tom Jones"),
        ("The agent of midfielder Frank Lampard said that no club had called.", "Frank Lampard"),
    ):
        speakers = _speakers(process(text))
        assert speakers and all(name != about for name, _ in speakers), (text, speakers)


def test_a_description_is_not_the_person_named_in_what_it_says(process: Callable[[str], Article]) -> None:
    article = process(
        "Elton John arrived in Paris on Monday. Robbie Williams flew to London. "
        "The singer said that Williams was a good friend."
    )
    assert ("Robbie Williams", True) not in _speakers(article)


def test_he_is_still_not_a_man_named_in_his_own_reported_clause(process: Callable[[str], Article]) -> None:
    article = process("David Hughes met Tom Brown in Leeds on Monday. He said that the plan suited Hughes well.")
    assert _speakers(article) == [("Tom Brown", True)]


def test_a_plural_common_noun_first_in_a_sentence_is_no_organisation(process: Callable[[str], Article]) -> None:
    article = process(
        "The Council of Ministers met in Brussels on Monday. Ministers said the plan would work. "
        "The Federation of Small Businesses wrote to members. Businesses said the roads were closed."
    )
    assert not any(name in ("Council of Ministers", "Federation of Small Businesses") for name, _ in _speakers(article))


def test_a_surname_that_is_also_a_common_word_is_still_the_person(process: Callable[[str], Article]) -> None:
    article = process(
        "Ann Young visited Leeds on Monday. The young players trained hard. Young said the plan would work."
    )
    assert ("Ann Young", True) in _speakers(article)


def test_a_role_is_not_given_by_words_before_a_name_that_are_not_titles(process: Callable[[str], Article]) -> None:
    article = process(
        "Colin Powell flew to London on Monday. The foreign secretary said that Powell had been a good friend."
    )
    assert ("Colin Powell", True) not in _speakers(article)


def test_a_description_goes_to_no_one_when_the_story_has_moved_on(process: Callable[[str], Article]) -> None:
    # Helen Marsh was last a subject four sentences before "the foreign secretary" (RECENT is 2).
    article = process(
        "Helen Marsh flew to Brussels on Monday. The talks began late. The weather was poor. "
        "Several delegates left early. The foreign secretary said that the rebate was safe."
    )
    assert ("Helen Marsh", True) not in _speakers(article)
    near = process("Helen Marsh flew to Brussels on Monday. The foreign secretary said that the rebate was safe.")
    assert ("Helen Marsh", True) in _speakers(near)  # the same description right after her is hers


def test_a_noun_for_a_body_of_people_is_no_word_of_an_organisation(process: Callable[[str], Article]) -> None:
    # "Police" opens the Police Federation's name, but "Police said" is the police, not the federation.
    article = process(
        "The Police Federation has warned that officers are overworked. "
        "Police said a man had been arrested in the town centre on Saturday."
    )
    assert found(article)["a man had been arrested in the town centre on Saturday"] == ("Police", False)
    article = process(
        "The Teachers Union of Ireland met on Monday. Teachers said the new rules were unfair. "
        "Sir Paul Nurse, the biologist, spoke at the Royal Society. Nurse said the funding was too low."
    )
    assert found(article)["the new rules were unfair"] == ("Teachers", False)
    assert found(article)["the funding was too low"] == ("Paul Nurse", True)  # a surname first


def test_a_document_speaks_for_its_author_not_a_name_written_before_it(process: Callable[[str], Article]) -> None:
    # The book is about the singer (written before the noun, as a title would be), by Tom Hill.
    about = process(
        "The singer Amy Vale died in 2011. Eight years on, a new Amy Vale book claims that she was poisoned."
    )
    assert found(about)["that she was poisoned"] == ("new Amy Vale book", False)
    by = process("The singer Amy Vale died in 2011. A new book by Tom Hill claims that she was poisoned.")
    assert found(by)["that she was poisoned"] == ("Tom Hill", True)
    owned = process("The singer Amy Vale died in 2011. Tom Hill's new book claims that she was poisoned.")
    assert found(owned)["that she was poisoned"] == ("Tom Hill", True)


def test_a_bare_or_other_worded_noun_before_introduces_no_one_else(process: Callable[[str], Article]) -> None:
    # "Prime minister's questions" (a bare noun, as in a headline or a title before a name) and
    # "ministers" (without "prime") name no other prime minister; "a prime minister" would.
    article = process(
        "Prime minister's questions were lively on Wednesday, and Tom Hill accused ministers of waste. "
        "The prime minister said that taxes would not rise."
    )
    assert found(article)["that taxes would not rise"] == ("Tom Hill", True)
    other = process(
        "A prime minister visited on Tuesday, and Tom Hill accused ministers of waste. "
        "The prime minister said that taxes would not rise."
    )
    assert found(other)["that taxes would not rise"] == ("prime minister", False)


def test_a_partys_spokeswoman_speaks_for_the_party_its_leader_is_a_person(process: Callable[[str], Article]) -> None:
    article = process(
        "The Conservatives will cut taxes. A Conservative spokeswoman said that the plans were costed.\n\n"
        "Michael Howard has attacked the asylum system. The Tory leader said that the costs were too high."
    )
    assert found(article)["that the plans were costed"] == ("Conservatives", True)
    assert found(article)["that the costs were too high"] == ("Michael Howard", True)


@pytest.mark.parametrize(
    SPEAKER_TABLE,
    [
        pytest.param(
            "The service is run by the Royal Institute for Blind Walkers (RIBW), but the organisation says the cost "
            "is too high.",
            "the cost is too high",
            ("Royal Institute for Blind Walkers", True),
            id="the organisation: the organisation named before",
        ),
        pytest.param(
            "Australian brewer Carlton Hale has bought a stake in the winery. "
            "The brewer said that it would not buy more.",
            "that it would not buy more",
            ("Carlton Hale", True),
            id="the kind a name was written with",
        ),
        pytest.param(
            "Carlton Hale has bought a stake in the winery. The brewer said that it would not buy more.",
            "that it would not buy more",
            ("brewer", False),
            id="the kind, never written with a name",
        ),
        pytest.param(
            "Walkers met in the park on Sunday. The organisation said the route was too long.",
            "the route was too long",
            ("organisation", False),
            id="the organisation: none named",
        ),
        pytest.param(
            "Portugal will not give up its fishing quota at next week's summit, Helen Marsh said on Monday. "
            "The foreign secretary warned MPs that the talks would be hard.",
            "that the talks would be hard",
            ("Helen Marsh", True),
            id="a description goes to the person the story is about",
        ),
        pytest.param(
            "Foreign Secretary Helen Marsh flew to Lisbon on Monday for the fishing talks. "
            "The chancellor said that the quota was safe.",
            "that the quota was safe",
            ("chancellor", False),
            id="a description is not someone the story gives another office",
        ),
        pytest.param(
            "India's finance minister said that rich nations blocked trade. "
            "Ravi Shankar, India's finance minister, spoke in London on Friday.",
            "that rich nations blocked trade",
            ("Ravi Shankar", True),
            id="a role written first goes to whom the story names with it later",
        ),
        pytest.param(
            "Shares in Group Zarnitsa fell sharply on Monday after the ruling in Moscow. "
            "Zarnitsa said the sale of the unit was illegal.",
            "the sale of the unit was illegal",
            ("Group Zarnitsa", True),
            id="a word of an organisation's name is that organisation",
        ),
        pytest.param(
            # "Airlines" opens the sentence; the story writes "airlines" too, so it is no name.
            "The European Airlines Association welcomed the rules on Monday. Many airlines were unhappy. "
            "Airlines fear that bad weather will not count.",
            "that bad weather will not count",
            ("Airlines", False),
            id="a capitalised common noun is no word of a name",
        ),
        pytest.param(
            "According to the communications regulator Ofcom, sales of laptops had doubled.",
            "sales of laptops had doubled",
            ("Ofcom", True),
            id="an organisation named after its kind is the speaker",
        ),
        pytest.param(
            "Tom Hill flew to Leeds on Monday. Lawyers gathered outside the court. "
            "The lawyer said that the court would sit on Friday.",
            "that the court would sit on Friday",
            ("lawyer", False),
            id="a plural with the description's words is someone else",
        ),
        pytest.param(
            # Tom Hill was last named four sentences back, but "he" took him up in the sentence before.
            "Tom Hill flew to Leeds on Monday. The talks began late. The weather was poor. "
            "He said the plan was fair. The prime minister said that taxes would not rise.",
            "that taxes would not rise",
            ("Tom Hill", True),
            id="a description goes to whom a recent pronoun stood for",
        ),
        pytest.param(
            # Tom Hill criticised the chancellor, so the chancellor is someone else.
            "Tom Hill criticised the chancellor on Monday. He said the plan was unfair. "
            "The chancellor said that taxes would not rise.",
            "that taxes would not rise",
            ("chancellor", False),
            id="a description is not whoever acted on it",
        ),
        pytest.param(
            'The Film Council said production fell in 2004. "The drop was expected," the council\'s spokesperson said.',
            "The drop was expected,",
            ("Film Council", True),
            id="a role owned by an organisation noun speaks for that organisation",
        ),
        pytest.param(
            "Acme Corp met the unions on Monday. Acme Corp members said that the deal was fair.",
            "that the deal was fair",
            ("Acme Corp members", False),
            id="members of an organisation do not speak for it",
        ),
        pytest.param(
            "Labour won the vote. Labour MPs said that the plan was a mistake.",
            "that the plan was a mistake",
            ("Labour MPs", False),
            id="elected members do not speak for the organisation",
        ),
        pytest.param(
            "Labour won the vote. A Labour backbencher said that the plan was a mistake.",
            "that the plan was a mistake",
            ("Labour backbencher", False),
            id="nor does a backbencher",
        ),
        pytest.param(
            "Acme Corp met. A former Acme Corp executive said that the plan was a mistake.",
            "that the plan was a mistake",
            ("former Acme Corp executive", False),
            id="nor one who held a role before",
        ),
        pytest.param(
            "India has raised the cap on foreign investment in telecoms firms. "
            "The government said that the number of mobile users would double.",
            "that the number of mobile users would double",
            ("India", True),
            id="the government of the one country named as a subject",
        ),
        pytest.param(
            "India has raised the cap on foreign investment. Pakistan has cut its interest rates. "
            "The government said that the number of mobile users would double.",
            "that the number of mobile users would double",
            ("government", False),
            id="not with two countries",
        ),
        pytest.param(
            "MPs debated the legal case for invading Iraq on Monday. "
            "The government has said that the advice would stay secret.",
            "that the advice would stay secret",
            ("government", False),
            id="not a country named only as an object",
        ),
        pytest.param(
            "Chilean authorities have said that they will seize the farm. The farm is in Chile. "
            "The authorities said that the owners had nothing to fear.",
            "that the owners had nothing to fear",
            ("Chile", True),
            id="the authorities: the country an earlier government was named by",
        ),
        pytest.param(
            "Chilean authorities have said that they will seize the farm in Chile, which Peru has praised. "
            "Last month, the government said that it had found 500 idle farms.",
            "that it had found 500 idle farms",
            ("Chile", True),
            id="the government: the country an earlier government was named by, whatever else it names",
        ),
        pytest.param(
            "Forty farmers sued the dairy in 2003. Lead claimant, the Dorset Growers Cooperative, announced that "
            "the case had been settled.",
            "that the case had been settled",
            ("Dorset Growers Cooperative", True),
            id="an organisation set beside a party that may be one: the organisation",
        ),
        pytest.param(
            "Three firms bid for the mine last year. One of the bidders who lost, Norvik Mining Corp, told reporters "
            "that it would bid again.",
            "that it would bid again",
            ("Norvik Mining Corp", True),
            id="one of the bidders, an organisation: the organisation",
        ),
        pytest.param(
            "Chilean and Peruvian authorities met in Lima. Chile and Peru are neighbours. "
            "The government said that it had found 500 idle farms.",
            "that it had found 500 idle farms",
            ("government", False),
            id="not when an earlier government was named by two",
        ),
        pytest.param(
            "Chilean authorities have said that they will seize the farm. Chile has 500 idle farms. "
            "The governments said that the owners had nothing to fear.",
            "that the owners had nothing to fear",
            ("governments", False),
            id="not governments",
        ),
    ],
)
def test_description_speakers(speaker_of: SpeakerOf, text: str, quote: str, speaker: tuple[str, bool]) -> None:
    assert speaker_of(text, quote) == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Foreign Secretary Ann Lee", {"secretary"}),
        ("Sen. Ann Lee", {"sen"}),
        ("the orders must be issued by the home secretary. Ann Lee", set()),
        ("the decision was left to the Home Secretary. Ann Lee", set()),
    ],
)
def test_titles_before_a_name_stop_at_a_sentence_end(text: str, expected: set[str]) -> None:
    from whosaid.titles import titles_before

    assert titles_before(text, text.index("Ann Lee"), 3) == expected


def test_a_short_title_with_a_full_stop_ends_a_sentence() -> None:
    # Only an abbreviated title's full stop is no sentence end (titles.ABBREVIATED_TITLES).
    from whosaid.titles import titles_before

    text = "He met the Mayor. Ken Livingstone"
    assert titles_before(text, text.index("Ken"), 3) == set()
    assert titles_before("Capt. Ken Livingstone", 6, 3) == {"capt"}


def test_the_paper_is_the_one_written_as_a_paper(process: Callable[[str], Article]) -> None:
    # "Izvestia newspaper" names no paper by a newspaper's word (Times, Post): "the paper" is it still.
    article = process(
        "Oil firm faces tax claim\n\nIzvestia newspaper reported that tax officials made the claim last year. "
        "The paper added that most of the taxes are linked to exports."
    )
    assert found(article)["that most of the taxes are linked to exports"] == ("Izvestia", True)


def test_the_agency_is_the_organisation_the_story_is_about(process: Callable[[str], Article]) -> None:
    # No organisation is named with "agency": the most salient one, as for "the company".
    article = process(
        "The Federal Bureau of Investigation is warning of a virus sent by e-mail. "
        "The attachment infects computers, according to the agency."
    )
    assert found(article)["The attachment infects computers"] == ("Federal Bureau of Investigation", True)


def test_a_description_may_be_named_again_as_a_modifier_in_a_clause_below(
    process: Callable[[str], Article],
) -> None:
    # "a genuine Green Party candidate" in what the party asks for does not bind "the party" away
    # from the Green Party; "Acme worker Ann Lee", the object the agency quotes, still does.
    article = process(
        "The Green Party has complained about Tom Hill. On Thursday, the party challenged Mr Hill to stand "
        "down so that voters can get a genuine Green Party candidate.\n\n"
        "There was a sad air at Acme's offices, reported the AP news agency. \"We are mourning a great "
        'company," the agency quoted Acme worker Ann Lee as saying.'
    )
    speakers = found(article)
    assert speakers["Mr Hill to stand down so that voters can get a genuine Green Party candidate"] == (
        "Green Party",
        True,
    )
    assert speakers["We are mourning a great company,"] == ("AP", True)
