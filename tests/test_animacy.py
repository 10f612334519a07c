"""People the model mislabels or misses, found by the pronouns the article uses for them."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whosaid.models import Article


def _people(article: Article) -> dict[str, str | None]:
    return {e.name: e.gender for e in article.entities if e.kind == "person"}


def _speakers(article: Article) -> list[tuple[str | None, str]]:
    return [(q.speaker.name, q.speaker.mention.text) for q in article.quotes if q.speaker]


def test_a_person_tagged_an_organisation_becomes_a_person(process: Callable[[str], Article]) -> None:
    # The model tags "Carroll" ORG; "He ... he" take the name up as a man.
    article = process('Carroll mended boats in the summer. He knew the harbour well. "Do you need a lift?" he said.')
    assert _people(article) == {"Carroll": "male"}
    assert _speakers(article) == [("Carroll", "he")]


def test_a_person_named_like_a_capital_becomes_a_person(process: Callable[[str], Article]) -> None:
    # "Paris" is a capital in the gazetteer and the model tags it GPE, but "she" keeps taking it up.
    article = process(
        "Marta Paris grew up in Geneva. Paris says she was sent to a ship at sixteen. "
        '"I had no passport," she said. She says she worked in the engine room for years.'
    )
    assert _people(article)["Paris"] == "female"
    assert ("Paris", "she") in _speakers(article)
    assert "Geneva" not in _people(article)


def test_an_untagged_name_the_pronouns_take_up_becomes_a_person(process: Callable[[str], Article]) -> None:
    # The model tags nothing in "Holt"; two subject pronouns lead back to it.
    article = process('Holt joined the Rangers in 2009. He made his debut in May. "It was a dream," he said.')
    assert _people(article) == {"Holt": "male"}
    assert _speakers(article) == [("Holt", "he")]


def test_one_stray_pronoun_does_not_make_a_company_a_person(process: Callable[[str], Article]) -> None:
    article = process(
        "Tesco reported strong sales on Tuesday. He said the results were good. "
        "Tesco said it would open 40 stores. It expects growth to continue."
    )
    assert {e.name: e.kind for e in article.entities}["Tesco"] == "organization"
    assert ("He", "He") in _speakers(article)


def test_an_organisation_taken_up_as_it_stays_an_organisation(process: Callable[[str], Article]) -> None:
    article = process(
        "Sarah Jones joined Acme Corp in 2001. Acme Corp said it would hire 300 staff. "
        "It said demand was strong. She said the plan was sound."
    )
    assert {e.name: e.kind for e in article.entities}["Acme Corp"] == "organization"
    assert _people(article) == {"Sarah Jones": "female"}


def test_a_full_name_tagged_an_organisation_is_the_titled_person(process: Callable[[str], Article]) -> None:
    # The model tags "Carly Fiorina" ORG and "Ms Fiorina" PERSON: one person, and "she" finds her.
    article = process(
        'Carly Fiorina opened the fair. "Farming is about the soil," she told visitors. '
        "Ms Fiorina also announced a deal with Siemens."
    )
    assert _people(article) == {"Carly Fiorina": "female"}
    assert ("Carly Fiorina", "she") in _speakers(article)


def test_a_nationality_as_speaker_is_the_person_of_the_story(process: Callable[[str], Article]) -> None:
    # "The Russian" (tagged NORP) is a person named by nationality, not a new person called "Russian".
    article = process(
        "Ivan Petrov beat Tomas Berg in four sets on Monday. The Russian hurt his wrist in the second set. "
        '"I was calmer than before," the Russian said.'
    )
    assert "Russian" not in _people(article)
    assert _speakers(article) == [("Ivan Petrov", "Russian")]


def test_a_stray_pronoun_does_not_cancel_the_gender_most_pronouns_give(process: Callable[[str], Article]) -> None:
    # "he" right after Ann Marsh's sentence is Tom Reed; three "she" chains lead back to Marsh.
    article = process(
        "Ann Marsh still trusted Tom Reed. At times he could be harsh. Marsh sold the farm in May. "
        'She moved to Leeds. Marsh opened a shop there. She hired two staff. "It was hard," she said.'
    )
    assert _people(article) == {"Ann Marsh": "female", "Tom Reed": "male"}
    assert _speakers(article) == [("Ann Marsh", "she")]


def test_a_name_the_pronouns_make_a_person_joins_the_person_it_is_part_of() -> None:
    # The model tagged "Santa" a place where the article also names "Santa Claus"; once the
    # pronouns show "Santa" to be a person, it is the same person, not a second one.
    from whosaid.entities import _join_people
    from whosaid.models import Entity, Mention

    def entity(id_: str, kind: str, name: str, *starts: int) -> Entity:
        mentions = [Mention(start=s, end=s + len(name), text=name) for s in starts]
        return Entity(id=id_, kind=kind, label="PERSON" if kind == "person" else "GPE", name=name, mentions=mentions)  # type: ignore[arg-type]

    santa = entity("e1", "person", "Santa Claus", 0)
    pole = entity("e2", "place", "North Pole", 30)
    short = entity("e3", "person", "Santa", 50, 90)  # made a person by its pronouns
    joined = _join_people([santa, pole, short], {"e3"})
    assert [(e.id, e.name) for e in joined] == [("e1", "Santa Claus"), ("e2", "North Pole")]
    assert [m.start for m in joined[0].mentions] == [0, 50, 90]
    # A name that fits two people, or none, stays as it is.
    other = entity("e4", "person", "Santa Maria", 120)
    assert len(_join_people([santa, pole, short, other], {"e3"})) == 4


def test_a_company_tagged_a_person_that_the_article_calls_it_is_an_organisation(
    process: Callable[[str], Article],
) -> None:
    # The model tags "Laura Ashley" (the retailer) a person; "It ... It" take it up as a thing.
    article = process(
        "Laura Ashley reported a loss of £3m on Thursday. It said trading in its stores had been weak. "
        "It plans to cut costs, and the company said the chief executive would stay."
    )
    assert {e.name: e.kind for e in article.entities if e.kind != "date"} == {"Laura Ashley": "organization"}
    assert {q.speaker.mention.text: q.speaker.name for q in article.quotes if q.speaker}["company"] == "Laura Ashley"


def test_a_person_the_article_also_calls_he_stays_a_person(process: Callable[[str], Article]) -> None:
    article = process(
        "Mr Tom Hill sold the farm in May. It said nothing about the price. He said it was time to go. "
        "It was a hard year, he said."
    )
    assert _people(article) == {"Tom Hill": "male"}


def _parsed(words: list[str], heads: list[int], deps: list[str], sent_starts: list[bool]) -> Any:
    """A hand-built parse: the chain rules read only dependencies and sentence starts."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, sent_starts=sent_starts)


def _votes(doc: Any) -> dict[str, dict[str, int]]:
    from whosaid.animacy import chain_votes, pronoun_indices

    quoted = [False] * len(doc.text)
    return {doc[i].text: dict(c) for i, c in chain_votes(doc, pronoun_indices(doc), quoted).items()}


def _three(first: str, middle: list[str], last: str) -> Any:
    """'<first> waved . <middle sentences: "X waited ."> He left .' as a hand-built parse."""
    words, heads, deps, starts = [first, "waved", "."], [1, 1, 1], ["nsubj", "ROOT", "punct"], [True, False, False]
    for subject in [*middle, last]:
        at = len(words)
        verb = "left" if subject == last else "waited"
        words += [subject, verb, "."]
        heads += [at + 1, at + 1, at + 1]
        deps += ["nsubj", "ROOT", "punct"]
        starts += [True, False, False]
    return _parsed(words, heads, deps, starts)


def test_i_we_and_you_are_never_the_antecedent_of_a_third_person_pronoun() -> None:
    # 'Holt waved. I waited. He left.': the sentence before has only "I", so "He" goes back to Holt.
    assert _votes(_three("Holt", ["I"], "He")) == {"Holt": {"male": 1}}
    assert _votes(_three("Holt", ["We"], "He")) == {"Holt": {"male": 1}}
    # A third person in the sentence before is the antecedent, as before.
    assert _votes(_three("Holt", ["Ann"], "He")) == {"Ann": {"male": 1}}
    # No further back than two sentences: 'Holt waved. I waited. You waited. He left.' gives no vote.
    assert _votes(_three("Holt", ["I", "You"], "He")) == {}
