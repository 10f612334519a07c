"""A document the article quotes speaks for the one author the article gives its documents."""

from __future__ import annotations

import pytest

from tests.conftest import SPEAKER_TABLE, SpeakerOf

RISE = "that prices would rise"


@pytest.mark.parametrize(
    SPEAKER_TABLE,
    [
        pytest.param(
            "Ann Webb has sued the Daily Planet. Her lawsuit says that the story was false.",
            "that the story was false",
            ("Ann Webb", True),
            id="a document owned by a pronoun: whom it stands for",
        ),
        pytest.param(
            "The Halden Trust published its report on Monday. Its report says that rents are too high.",
            "that rents are too high",
            ("Halden Trust", True),
            id="its report",
        ),
        pytest.param(
            "Toys sell well online. Data collected by Marlow Research suggests that some shoppers buy direct.",
            "that some shoppers buy direct",
            ("Marlow Research", True),
            id="data gathered by someone: theirs (the model's lemma of data is datum)",
        ),
        pytest.param(
            "Halden Homes builds 900 houses a year and employs 2,000 people, according to its website.",
            "Halden Homes builds 900 houses a year and employs 2,000 people",
            ("Halden Homes", True),
            id="its website: whose it is",
        ),
        pytest.param(
            "Marlow Foods has started a campaign in Ohio. Its adverts say that the firm pays its staff well.",
            "that the firm pays its staff well",
            ("Marlow Foods", True),
            id="its adverts: whose they are",
        ),
        pytest.param(
            "The Halden Trust met ministers on Monday. Its spokesman said that the talks went well.",
            "that the talks went well",
            ("Halden Trust", True),
            id="its spokesman: the organisation's voice",
        ),
        pytest.param(
            "The robot can run at 3km/h. Its makers claim that it is the fastest robot.",
            "that it is the fastest robot",
            ("Its makers", False),
            id="not a pronoun's people who are not its voice",
        ),
        pytest.param(
            "Ann Webb met the Halden Trust on Monday. Her spokesman said that the talks went well.",
            "that the talks went well",
            ("Her spokesman", False),
            id="a person's spokesman is not the person",
        ),
        pytest.param(
            "Most councils have failed to cut waste, a report says. "
            "The study, undertaken by the Audit Commission, looked at 300 councils.",
            "Most councils have failed to cut waste",
            ("Audit Commission", True),
            id="an author given in the next sentence",
        ),
        pytest.param(
            "Phone sales rose, according to research from analysts Gartner. "
            "More than 600 million phones were sold last year, said the report.",
            "More than 600 million phones were sold last year",
            ("Gartner", True),
            id="research written of again as the report",
        ),
        pytest.param(
            "Prices will rise, the survey said. The survey was carried out by Acme Research in May.",
            "Prices will rise",
            ("Acme Research", True),
            id="an author given by a passive verb",
        ),
        pytest.param(
            "A survey by Acme Research found that sales fell. But the rival survey said that prices would rise.",
            RISE,
            ("rival survey", False),
            id="a rival survey is another",
        ),
        pytest.param(
            "A survey by Acme Research found that sales fell. A survey said that prices would rise.",
            RISE,
            ("survey", False),
            id="a survey written after an authored one may be another",
        ),
        pytest.param(
            "A report by Acme Research found that sales fell. A study by Beta Partners found that profits rose. "
            "The survey said that prices would rise.",
            RISE,
            ("survey", False),
            id="two authors",
        ),
        pytest.param(
            "The Acme Corp statement was short. The lawsuit said that prices would rise.",
            RISE,
            ("lawsuit", False),
            id="a statement's author is not a lawsuit's",
        ),
        pytest.param(
            "Prices will rise, a report said. "
            "The joint report from the Acme Institute and Beta Partners covered 20 towns.",
            "Prices will rise",
            ("report", False),
            id="a joint report",
        ),
        pytest.param(
            "Growth is too slow, the Lisbon review says. The review was written by the Acme Institute in May.",
            "Growth is too slow",
            ("Lisbon review", False),
            id="a name written before it may be whose it is, or its title",
        ),
        pytest.param(
            "A letter from Tom Hill said that sales fell. An open letter was sent to staff on Monday. "
            "The letter said that prices would rise.",
            RISE,
            ("letter", False),
            id="a letter introduced since may be the one meant",
        ),
        pytest.param(
            "A report by Acme Research found that sales fell. The survey for the council said that prices would rise.",
            RISE,
            ("survey for the council", False),
            id="its own words say whose",
        ),
        pytest.param(
            "The National Audit Office met on Monday. The report said that prices would rise.",
            RISE,
            ("report", False),
            id="a word of a name is no document",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, a report says.\n\n"
            "The housing charity, the Halden Trust, said that rents rose by 9%. It said that wages rose by 3%.",
            "Rents in Leeds rose faster than wages last year",
            ("Halden Trust", True),
            id="a story's opening: the source named next",
        ),
        pytest.param(
            "Rent boom\n\nRents in Ruritania will double by 2010, says a report.\n\n"
            "The country has 20 million people. Market analysts Telwise predicts that rents will double.",
            "Rents in Ruritania will double by 2010",
            ("Telwise", True),
            id="a story's opening: the source named after a sentence where no one speaks",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, according to research.\n\n"
            "Rents rose by 9%, said a report. The housing charity, the Halden Trust, said that wages rose by 3%. "
            "Prices of homes rose too, the report said.",
            "Prices of homes rose too",
            ("Halden Trust", True),
            id="the source named after a document that is the same one",
        ),
        pytest.param(
            "Waiting lists\n\nWaiting lists in England are the longest for a decade, a report says.\n\n"
            "The Department of Health said the figures were disappointing.\n\n"
            "The report found that 40% of patients waited more than a year.",
            "Waiting lists in England are the longest for a decade",
            ("report", False),
            id="not an organisation named alone, which may be answering it",
        ),
        pytest.param(
            "Waiting lists\n\nWaiting lists in England are the longest for a decade, a report says.\n\n"
            "The Department of Health said the figures were disappointing.\n\n"
            "The report found that 40% of patients waited more than a year.",
            "that 40% of patients waited more than a year",
            ("report", False),
            id="nor the document's later words",
        ),
        pytest.param(
            "Tax reform\n\nThe tax system has grown too complex for most families, a study says.\n\n"
            "The Treasury said its reforms would make it simpler.",
            "The tax system has grown too complex for most families",
            ("study", False),
            id="not a department answering a study",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, a report says.\n\n"
            "But the Halden Trust said that rents rose by 9%.",
            "Rents in Leeds rose faster than wages last year",
            ("report", False),
            id="not a source set against it",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, a report says.\n\n"
            "Ann Webb, a housing lawyer, said that rents rose by 9%.",
            "Rents in Leeds rose faster than wages last year",
            ("report", False),
            id="not a person, who may be commenting",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, a report says.\n\n"
            "Rents rose by 9% in a year, said market analyst Zentrix.",
            "Rents in Leeds rose faster than wages last year",
            ("Zentrix", True),
            id="a firm the tagger read as a person, named by one word and no gender",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, a report says.\n\n"
            "Rents rose by 9% in a year, said Mr Zentrix. He is a lawyer.",
            "Rents in Leeds rose faster than wages last year",
            ("report", False),
            id="not a person the article gives a gender",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages last year, a survey says.\n\n"
            "The Halden Trust and the Acme Institute said that rents rose by 9%.",
            "Rents in Leeds rose faster than wages last year",
            ("survey", False),
            id="not a joint source",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose by 9% last year.\n\nWages rose by 3%.\n\n"
            "Homes are too dear, a report says. The Halden Trust said that it wants more homes.",
            "Homes are too dear",
            ("report", False),
            id="only in a story's opening",
        ),
        pytest.param(
            "Rent rise\n\nRents in Leeds rose faster than wages, a report in the Daily Planet says.\n\n"
            "The Halden Trust said that rents rose by 9%.",
            "Rents in Leeds rose faster than wages",
            ("report in the Daily Planet", False),
            id="not a document whose own words name another",
        ),
        pytest.param(
            "A report in the Yorkshire Evening Post said that rents in Leeds had risen sharply.",
            "that rents in Leeds had risen sharply",
            ("Yorkshire Evening Post", True),
            id="a document in a paper: the paper's",
        ),
        pytest.param(
            "Reports in the Yorkshire Evening Post and the Hull Daily Mail said that rents in Leeds had risen sharply.",
            "that rents in Leeds had risen sharply",
            ("Reports in the Yorkshire Evening Post and the Hull Daily Mail", False),
            id="not documents in two papers",
        ),
        pytest.param(
            "Prices rose in France. A study in France found that rents had risen sharply.",
            "that rents had risen sharply",
            ("study in France", False),
            id="not a document in a place",
        ),
    ],
)
def test_document_authors(speaker_of: SpeakerOf, text: str, quote: str, speaker: tuple[str, bool]) -> None:
    assert speaker_of(text, quote) == speaker


def test_a_story_opening_ends_after_its_first_sentences(speaker_of: SpeakerOf) -> None:
    # Paragraphs broken by single newlines: the opening is the headline and the first sentences,
    # not the whole text up to a blank line.
    text = (
        "Rent rise\nRents in Leeds rose by 9% last year.\nWages rose by 3%.\nCouncils built few homes.\n"
        "Homes are too dear, a report says.\nThe housing charity, the Halden Trust, said that it wants more homes."
    )
    assert speaker_of(text, "Homes are too dear") == ("report", False)
