"""One person written two ways in one article: a familiar given name, a slip of one letter, a
name the tagger cut in two; and two people whose names only look alike stay two."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from whosaid.models import Article
from whosaid.namevariants import familiar_forms, one_slip


def people(article: Article) -> dict[str, list[str]]:
    """Each person's canonical name -> the mentions' texts."""
    return {e.name: [m.text for m in e.mentions] for e in article.entities if e.kind == "person"}


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("lawrence", "larry", True),
        ("larry", "lawrence", True),
        ("william", "bill", True),
        ("elizabeth", "liz", True),
        ("lawrence", "william", False),
        ("robert", "richard", False),
        ("rob", "rick", False),  # two familiar forms, of two names
    ],
)
def test_familiar_forms(first: str, second: str, same: bool) -> None:
    assert familiar_forms(first, second) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("peston", "preston", True),  # a letter added
        ("andersen", "anderson", True),  # a letter changed
        ("kristin", "kristen", True),
        ("thomson", "thmoson", True),  # two letters swapped
        ("jon", "jan", False),  # short words: one letter makes another name
        ("dale", "dave", False),
        ("horgan", "horan", False),
        ("maurer", "mauer", False),
        ("wilson", "watson", False),  # two letters apart
        ("peter", "petra", False),
        ("smith", "smith", False),  # the same word is no slip
    ],
)
def test_one_slip(first: str, second: str, same: bool) -> None:
    assert one_slip(first, second) is same


def test_a_familiar_given_name_is_the_same_person(process: Callable[[str], Article]) -> None:
    article = process(
        "Lawrence Lessig teaches law at Stanford University. His new book is about copyright. "
        '"Culture should be free," Larry Lessig said on Monday.'
    )
    assert people(article) == {"Lawrence Lessig": ["Lawrence Lessig", "Larry Lessig"]}


def test_a_given_name_one_letter_off_with_the_same_surname_is_the_same_person(
    process: Callable[[str], Article],
) -> None:
    article = process(
        "The photographs were chosen by Kristin Wilkins, the gallery's curator. "
        "Kristen Wilkins said the show would travel to Boston next year."
    )
    assert people(article) == {"Kristin Wilkins": ["Kristin Wilkins", "Kristen Wilkins"]}
    assert article.quotes[0].speaker is not None and article.quotes[0].speaker.name == "Kristin Wilkins"


def test_a_surname_written_alone_one_letter_off_is_the_person_named_before(process: Callable[[str], Article]) -> None:
    article = process(
        "Hans Andersen opened the show on Friday. Later Anderson told reporters the museum had waited years for it."
    )
    assert people(article) == {"Hans Andersen": ["Hans Andersen", "Anderson"]}
    # A short surname one letter off is as likely another person's ("Horan" in a team with "Horgan").
    article = process(
        "Simon Horgan opened the show on Friday. Later Horan told reporters the museum had waited years for it."
    )
    assert people(article) == {"Simon Horgan": ["Simon Horgan"], "Horan": ["Horan"]}


def test_names_that_only_look_alike_stay_two_people(process: Callable[[str], Article]) -> None:
    article = process("Jon Smith and Jan Smith both ran the marathon. Jon Smith finished first.")
    assert people(article) == {"Jon Smith": ["Jon Smith", "Jon Smith"], "Jan Smith": ["Jan Smith"]}
    article = process("Peter Harris spoke first. Petra Harris, his sister, spoke after him.")
    assert set(people(article)) == {"Peter Harris", "Petra Harris"}


def test_relatives_whose_names_look_alike_stay_two_people(process: Callable[[str], Article]) -> None:
    # Named in one sentence: two people, even one letter or a familiar form apart.
    article = process("Martin Kelly and Martina Kelly run the farm. Martina Kelly said the harvest was late.")
    assert set(people(article)) == {"Martin Kelly", "Martina Kelly"}
    assert [q.speaker.name for q in article.quotes if q.speaker] == ["Martina Kelly"]
    article = process("Brothers John Ryan and Jack Ryan opened the bakery in May.")
    assert set(people(article)) == {"John Ryan", "Jack Ryan"}
    # A given name and its feminine form, in different sentences.
    article = process("Christian Smith, 40, runs the garage. His sister Christina Smith said it would close.")
    assert set(people(article)) == {"Christian Smith", "Christina Smith"}
    # Each written in full twice: no slip.
    article = process(
        "Francis Doyle chairs the club. Frances Doyle coaches the juniors. "
        "Francis Doyle said the pitch was ready. Frances Doyle said the children were keen."
    )
    assert set(people(article)) == {"Francis Doyle", "Frances Doyle"}


def test_two_names_of_two_words_with_a_comma_missing_are_two_people(process: Callable[[str], Article]) -> None:
    article = process("The award went to Emma Thompson Kenneth Branagh's former wife, for her screenplay.")
    assert not any(" ".join(["Thompson", "Kenneth"]) in name for name in people(article))


def test_a_slip_that_two_people_fit_goes_to_neither(process: Callable[[str], Article]) -> None:
    article = process(
        "Simon Andersen and Anna Andersson ran the museum together. Later Anderson said the museum had waited years."
    )
    assert people(article) == {
        "Simon Andersen": ["Simon Andersen"],
        "Anna Andersson": ["Anna Andersson"],
        "Anderson": ["Anderson"],
    }


def test_two_person_names_with_only_a_space_between_are_one_name(nlp: Any) -> None:
    from spacy.tokens import Span
    from whosaid.entities import extract_entities

    doc = nlp("Ann Lee met Tom Hill in Leeds. Lee said they talked for hours. Ann, Tom and Sue left.")
    # The tagger cut both names in two; "Ann, Tom" (a comma between) stays two people.
    doc.ents = [Span(doc, i, i + 1, "PERSON") for i in (0, 1, 3, 4, 8, 15, 17, 19)]
    found = {e.name: [m.text for m in e.mentions] for e in extract_entities(doc) if e.kind == "person"}
    assert found["Ann Lee"] == ["Ann Lee", "Lee", "Ann"]
    assert found["Tom Hill"] == ["Tom Hill", "Tom"]
    assert found["Sue"] == ["Sue"]


def test_a_description_tagged_a_person_is_not_joined_to_the_name_after_it(nlp: Any) -> None:
    from spacy.tokens import Span
    from whosaid.entities import extract_entities

    doc = nlp("The seat was won by nonpartisan democrat Eddie Chu on Sunday.")
    assert [t.text for t in doc[5:9]] == ["nonpartisan", "democrat", "Eddie", "Chu"]
    doc.ents = [Span(doc, 5, 7, "PERSON"), Span(doc, 7, 9, "PERSON")]
    names = {e.name for e in extract_entities(doc) if e.kind == "person"}
    assert "Eddie Chu" in names and not any("democrat Eddie" in name for name in names)
