"""Entities on real text: people, organisations, places and dates, merged within the article."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from whosaid.models import Article, Entity

from tests.conftest import found


def by_name(article: Article, kind: str) -> dict[str, Entity]:
    return {e.name: e for e in article.entities if e.kind == kind}


def test_seed_people_with_canonical_names(seed: Article) -> None:
    people = by_name(seed, "person")
    for name in ("Vladimir Putin", "Dmitry Zhirnov", "Zamir Kabulov", "Ashraf Ghani", "Joe Biden", "Bashar al-Assad"):
        assert name in people, name
    assert [m.text for m in people["Dmitry Zhirnov"].mentions] == ["Dmitry Zhirnov", "Zhirnov", "Zhirnov"]
    text = seed.text
    ghani_offsets = {m.start for m in people["Ashraf Ghani"].mentions}
    every_ghani = {i for i in range(len(text)) if text.startswith("Ghani", i)}
    # Every "Ghani" in the text, including "Ghani’s administration", belongs to Ashraf Ghani.
    assert all(any(s <= i < s + 13 for s in ghani_offsets) for i in every_ghani)
    assert len(every_ghani) == 4


def test_seed_labels_are_consistent(seed: Article) -> None:
    ghani = by_name(seed, "person")["Ashraf Ghani"]
    assert ghani.label == "PERSON"
    assert not any(e.name in ("Ghani", "Ashraf Ghani") for e in seed.entities if e.kind != "person")


def test_seed_organisations_and_places(seed: Article) -> None:
    organisations = by_name(seed, "organization")
    places = by_name(seed, "place")
    assert {"Taliban", "Kremlin"} <= set(organisations)
    assert {"Russia", "Afghanistan", "Kabul", "Moscow", "U.S.", "UAE", "Syria"} <= set(places)
    assert len(organisations["Taliban"].mentions) == seed.text.count("Taliban")


def test_seed_dates_are_normalised(seed: Article) -> None:
    values = {e.name: e.value for e in seed.entities if e.kind == "date"}
    assert values["July"] == "2021-07"
    assert values["this week"] == "2021-W33"
    assert values["2003"] == "2003"
    assert values["years"] is None


def test_mentions_point_into_the_text(seed: Article) -> None:
    for entity in seed.entities:
        for mention in entity.mentions:
            assert seed.text[mention.start : mention.end] == mention.text


def test_surname_merges_with_full_name_and_possessive_is_trimmed(process: Callable[[str], Article]) -> None:
    article = process(
        "Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday. "
        "Merkel said the talks went well. Macron's aides were less sure."
    )
    people = by_name(article, "person")
    assert [m.text for m in people["Angela Merkel"].mentions] == ["Angela Merkel", "Merkel"]
    assert [m.text for m in people["Emmanuel Macron"].mentions] == ["Emmanuel Macron", "Macron"]
    assert "Berlin" in by_name(article, "place")


def test_missed_occurrences_of_a_known_name_are_found(process: Callable[[str], Article]) -> None:
    text = (
        "Dmitry Zhirnov spoke to the press in Kabul. Journalists asked about the embassy. "
        "Zhirnov smiled. Later Zhirnov left for Moscow."
    )
    person = by_name(process(text), "person")["Dmitry Zhirnov"]
    assert len(person.mentions) == 3


def test_a_weak_person_vote_never_makes_a_company_or_country_a_person(process: Callable[[str], Article]) -> None:
    # The model tags one "Yahoo" of four a person, and one "Azerbaijan" of three.
    article = process(
        "Yahoo said profits rose. Yahoo shares jumped 5 percent after Yahoo beat forecasts. "
        "Analysts at Yahoo's rival were surprised.\n\n"
        "Azerbaijan signed the deal. Azerbaijan, which borders Iran, wants more oil money. "
        "Aliyev said Azerbaijan would pay."
    )
    people = by_name(article, "person")
    assert "Yahoo" not in people and "Azerbaijan" not in people
    assert "Aliyev" in people
    assert len(by_name(article, "organization")["Yahoo"].mentions) == 4


def test_known_places_and_company_suffixes_keep_their_kind(process: Callable[[str], Article]) -> None:
    # The model tags the three English places persons; US state abbreviations keep their dot.
    article = process(
        "Mr Hale is stepping up his campaign work this week as he tours Manchester, Dorset and Torbay.\n\n"
        "SAN JOSE, Calif. (AP) -- The company, based in Richmond, Va., and Jackson, Miss., said sales fell. "
        "Copyright 1998 WORLDSOURCES, INC."
    )
    assert set(by_name(article, "person")) == {"Hale"}
    places = by_name(article, "place")
    assert {"Manchester", "Dorset", "Torbay", "Calif.", "Va.", "Miss."} <= set(places)
    assert "WORLDSOURCES, INC." in by_name(article, "organization")


def test_a_place_in_a_persons_full_name_stays_a_person(process: Callable[[str], Article]) -> None:
    article = process("Michael Jordan scored 40 points on Sunday. Jordan said the team played well.")
    people = by_name(article, "person")
    assert [m.text for m in people["Michael Jordan"].mentions] == ["Michael Jordan", "Jordan"]


def test_titles_are_never_people_and_one_person_keeps_one_name(process: Callable[[str], Article]) -> None:
    # The model tags "Lord" and "Tory Treasurer Lord" as people of their own.
    article = process(
        "Tory co-chairman Lord Ashcroft has given the party millions. "
        "Tory Treasurer Lord Ashcroft said on Monday he was proud.\n\n"
        "Prime Minister Tony Blair met voters in Sedgefield. Mr Blair said the economy was strong. "
        "Blair later flew to Brussels."
    )
    people = by_name(article, "person")
    assert set(people) == {"Ashcroft", "Tony Blair"}
    assert [m.text for m in people["Ashcroft"].mentions] == ["Ashcroft", "Ashcroft"]
    assert [m.text for m in people["Tony Blair"].mentions] == ["Tony Blair", "Blair", "Blair"]


def test_a_titled_name_the_tagger_missed_is_a_person(process: Callable[[str], Article]) -> None:
    # The model tags no entity in "Mr Hughes"; "Cllr" is a title, not part of the name.
    article = process(
        "Mrs Patel met Mr Hughes in Cardiff on Tuesday. The council met on Monday. "
        "Dr Ferreira told members the clinic would close. Cllr Briggs objected."
    )
    assert set(by_name(article, "person")) == {"Patel", "Hughes", "Ferreira", "Briggs"}


def test_a_full_name_with_a_middle_name_is_one_person(process: Callable[[str], Article]) -> None:
    article = process(
        "Andrew Stephen Marlow was born in 1981. Andrew Marlow later moved to Leeds. "
        "His father Hugh Marlow was a geologist."
    )
    people = by_name(article, "person")
    assert [m.text for m in people["Andrew Stephen Marlow"].mentions] == ["Andrew Stephen Marlow", "Andrew Marlow"]
    assert [m.text for m in people["Hugh Marlow"].mentions] == ["Hugh Marlow"]


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str], person: tuple[int, int]) -> Any:
    import spacy
    from spacy.tokens import Doc, Span

    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)
    doc.ents = [Span(doc, *person, label="PERSON")]
    return doc


def test_a_name_with_an_article_of_its_own_votes_as_an_organisation() -> None:
    from whosaid.entity_labels import harmonise
    from whosaid.entity_mentions import NameMention
    from whosaid.namecues import has_own_article

    # "The Enemy's power": "The" determines the name itself.
    doc = _doc(
        ["The", "Enemy", "'s", "power"],
        [1, 3, 1, 3],
        ["det", "poss", "case", "ROOT"],
        ["DET", "PROPN", "PART", "NOUN"],
        (1, 2),
    )
    assert has_own_article(doc.ents[0])
    # "the Bush administration": "the" goes with the noun the name modifies.
    doc = _doc(
        ["the", "Bush", "administration"], [2, 2, 2], ["det", "compound", "ROOT"], ["DET", "PROPN", "NOUN"], (1, 2)
    )
    assert not has_own_article(doc.ents[0])
    # "Kim Enemy": no article.
    doc = _doc(["Kim", "Enemy", "left"], [1, 2, 2], ["compound", "nsubj", "ROOT"], ["PROPN", "PROPN", "VERB"], (0, 2))
    assert not has_own_article(doc.ents[0])
    # The model tags "Enemy" ORG twice and PERSON twice, each time as "the Enemy": an organisation.
    text = "the Enemy " * 4
    mentions = [
        NameMention(4 + 10 * n, 9 + 10 * n, "Enemy", label, definite=label == "PERSON")
        for n, label in enumerate(["ORG", "PERSON", "ORG", "PERSON"])
    ]
    harmonise(mentions, text)
    assert [m.label for m in mentions] == ["ORG"] * 4
    # Tagged a person every time, but always "the Church": an organisation.
    mentions = [NameMention(4 + 11 * n, 10 + 11 * n, "Church", "PERSON", definite=True) for n in range(3)]
    harmonise(mentions, "the Church " * 3)
    assert [m.label for m in mentions] == ["ORG"] * 3
    # The same votes without the article: the tie goes to the person, as before.
    mentions = [
        NameMention(4 + 10 * n, 9 + 10 * n, "Enemy", label)
        for n, label in enumerate(["ORG", "PERSON", "ORG", "PERSON"])
    ]
    harmonise(mentions, text)
    assert [m.label for m in mentions] == ["PERSON"] * 4


# Hand-built parses: words, heads, dependencies, parts of speech, the person name's token, and
# whether it is a possessive owning nothing.
_POSSESSIVES = [
    # "We pass Hartley’s again": the parser takes "’s" for punctuation; nothing is owned.
    ("We pass Hartley ’s again", [1, 1, 1, 1, 1], "nsubj ROOT dobj punct advmod", "PRON VERB PROPN PUNCT ADV", 2, True),
    # "We saw Hartley’s bag": Hartley owns the bag.
    ("We saw Hartley ’s bag", [1, 1, 4, 2, 1], "nsubj ROOT poss case dobj", "PRON VERB PROPN PART NOUN", 2, False),
    # "It pushed Kestra's Like Paper Kites": a title after the possessive is owned.
    (
        "It pushed Kestra 's Like Paper Kites",
        [1, 1, 1, 2, 6, 6, 1],
        "nsubj ROOT dobj case prep compound dobj",
        "PRON VERB PROPN PART ADP PROPN PROPN",
        2,
        False,
    ),
    # "since Sean Doherty's led the team": a subject is a person's side, not a shop.
    (
        "since Sean Doherty 's led",
        [4, 2, 4, 2, 4],
        "mark compound nsubj case ROOT",
        "SCONJ PROPN PROPN PART VERB",
        2,
        False,
    ),
]


@pytest.mark.parametrize(("words", "heads", "deps", "pos", "name", "shop"), _POSSESSIVES)
def test_a_possessive_that_owns_nothing_names_a_shop_not_a_person(
    words: str, heads: list[int], deps: str, pos: str, name: int, shop: bool
) -> None:
    import spacy
    from spacy.tokens import Doc, Span
    from whosaid.namecues import owns_nothing

    split = words.split()
    spaces = [i + 1 < len(split) and not split[i + 1].startswith(("'", "’")) for i in range(len(split))]
    doc = Doc(spacy.blank("en").vocab, words=split, spaces=spaces, heads=heads, deps=deps.split(), pos=pos.split())
    doc.ents = [Span(doc, name, name + 1, label="PERSON")]
    assert owns_nothing(doc.ents[0]) is shop


def test_a_name_the_model_tags_a_person_only_where_it_owns_nothing_is_an_organisation() -> None:
    from whosaid.entity_labels import harmonise
    from whosaid.entity_mentions import NameMention

    mentions = [NameMention(9, 16, "Hartley", "PERSON", shop=True), NameMention(40, 47, "Hartley", "PERSON", shop=True)]
    harmonise(mentions, " " * 60)
    assert [m.label for m in mentions] == ["ORG", "ORG"]


def test_a_surname_with_a_capital_inside_a_sentence_is_the_person_whatever_its_tag() -> None:
    import spacy
    from spacy.tokens import Doc
    from whosaid.entity_mentions import NameMention, propagate

    words = "Kathryn Waters spoke . Later , Waters smiled . Waters rose . Waters the lawn .".split()
    tags = "NNP NNP VBD . RB , NNS VBD . NNS VBD . VBZ DT NN .".split()
    pos = "PROPN PROPN VERB PUNCT ADV PUNCT NOUN VERB PUNCT NOUN VERB PUNCT VERB DET NOUN PUNCT".split()
    starts = [w in (0, 4, 9, 12) for w in range(len(words))]
    spaces = [i + 1 < len(words) and words[i + 1] not in (".", ",") for i in range(len(words))]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, tags=tags, pos=pos, sent_starts=starts)
    found = propagate(doc, [NameMention(0, 14, "Kathryn Waters", "PERSON")])
    # "Later, Waters smiled": the surname, though tagged a plural noun; first in a sentence, read
    # as a noun ("Waters rose."), it is the surname too; read as a verb ("Waters the lawn."), not.
    assert [m.start for m in found] == [0, doc[6].idx, doc[9].idx]
    assert {m.text for m in found[1:]} == {"Waters"}


def test_a_surname_goes_to_the_person_named_in_full_most_often() -> None:
    from whosaid.entity_clusters import cluster_mentions
    from whosaid.entity_mentions import NameMention

    # The subject is named in full twice, his father once, just before the bare "Marlow".
    mentions = [
        NameMention(0, 13, "Andrew Marlow", "PERSON"),
        NameMention(30, 51, "Andrew Stephen Marlow", "PERSON"),
        NameMention(80, 91, "Hugh Marlow", "PERSON"),
        NameMention(100, 106, "Marlow", "PERSON"),
    ]
    clusters = {c.name: sorted(m.start for m in c.mentions) for c in cluster_mentions(mentions, None)}
    assert clusters == {"Andrew Stephen Marlow": [0, 30, 100], "Hugh Marlow": [80]}
    # Named in full as often: the one mentioned last before it, as before.
    mentions = [
        NameMention(0, 10, "Tony Blair", "PERSON"),
        NameMention(40, 52, "Cherie Blair", "PERSON"),
        NameMention(60, 65, "Blair", "PERSON"),
    ]
    clusters = {c.name: sorted(m.start for m in c.mentions) for c in cluster_mentions(mentions, None)}
    assert clusters == {"Tony Blair": [0], "Cherie Blair": [40, 60]}


def test_a_name_with_and_without_accents_is_one_person() -> None:
    from whosaid.entity_clusters import cluster_mentions
    from whosaid.entity_mentions import NameMention

    mentions = [NameMention(0, 10, "Zaha Hadid", "PERSON"), NameMention(30, 40, "Zahā Ḥadīd", "PERSON")]
    assert [c.name for c in cluster_mentions(mentions, None)] == ["Zaha Hadid"]
    # Different letters stay different people.
    mentions = [NameMention(0, 10, "Zaha Hadid", "PERSON"), NameMention(30, 40, "Zara Hadid", "PERSON")]
    assert len(cluster_mentions(mentions, None)) == 2


def test_a_name_after_a_kind_of_organisation_is_an_organisation(process: Callable[[str], Article]) -> None:
    # The tagger reads "F-Secure" as a product and "SonyBMG" as a common noun; the kind noun before
    # them says they are organisations, and they speak. Not a ship ("aircraft carrier Enterprise"),
    # nor a name that may go on past its head ("group Human Rights in China" is not "Human Rights").
    article = process("Finnish security firm F-Secure issued a warning but said the viruses do no damage.")
    assert [(e.name, e.kind) for e in article.entities] == [("F-Secure", "organization")]
    assert found(article)["the viruses do no damage"] == ("F-Secure", True)
    article = process("Record company SonyBMG said the singles would be released weekly.")
    assert found(article)["the singles would be released weekly"] == ("SonyBMG", True)
    article = process("The aircraft carrier Enterprise was in the Mediterranean, officials said.")
    assert "Enterprise" not in {e.name for e in article.entities}
    article = process("The pressure group Human Rights in China said Wang had been arrested.")
    assert "Human Rights" not in {e.name for e in article.entities}


def test_a_name_after_a_kind_of_organisation_is_one_though_tagged_a_person(process: Callable[[str], Article]) -> None:
    # The tagger reads "Peter Olsen" as a person and "Varnok" as a place; the kind noun before the
    # name says what it is, everywhere the article names it, so "the firm" and "the company" find it.
    article = process(
        "Norwegian shipping group Peter Olsen has agreed to pay its former crews. "
        "The firm said the fund was running out of money."
    )
    assert [(e.name, e.kind) for e in article.entities] == [("Peter Olsen", "organization")]
    assert found(article)["the fund was running out of money"] == ("Peter Olsen", True)
    article = process("Siberian oil firm Varnok has sued the bank. The company said it would appeal.")
    assert [(e.name, e.kind) for e in article.entities] == [("Varnok", "organization")]
    assert found(article)["it would appeal"] == ("Varnok", True)
    # Not after a noun for what a person may also be ("film-maker", "producer").
    article = process("Oxford film-maker Ada Brook says the budget was small.")
    assert ("Ada Brook", "person") in [(e.name, e.kind) for e in article.entities]


def test_a_kind_named_name_given_an_honorific_stays_a_person() -> None:
    from whosaid.entity_labels import harmonise
    from whosaid.entity_mentions import NameMention

    text = "She founded the consultancy Jeanne-Marie Rouen. Mrs Rouen said the market was ready."
    named = NameMention(28, 46, "Jeanne-Marie Rouen", "PERSON", kind_named=True)
    titled = NameMention(52, 57, "Rouen", "PERSON")
    harmonise([named, titled], text)
    assert (named.label, titled.label) == ("PERSON", "PERSON")
    # Without the honorific, the kind noun wins.
    named = NameMention(28, 46, "Jeanne-Marie Rouen", "PERSON", kind_named=True)
    harmonise([named], text)
    assert named.label == "ORG"


@pytest.mark.parametrize(
    ("words", "heads", "deps", "ent", "expected"),
    [
        (
            ["The", "oil", "firm", "Varnok", "said"],
            [3, 2, 3, 4, 4],
            ["det", "compound", "compound", "nsubj", "ROOT"],
            (3, 4),
            True,
        ),
        (  # a person of the group, named with a possessive
            ["The", "group", "Civic", "Front", "'s", "Omar", "Tabet", "said"],
            [6, 3, 3, 6, 3, 6, 7, 7],
            ["det", "compound", "compound", "poss", "case", "compound", "nsubj", "ROOT"],
            (2, 7),
            False,
        ),
        (
            ["The", "producer", "Tom", "Dowd", "said"],
            [3, 3, 3, 4, 4],
            ["det", "compound", "compound", "nsubj", "ROOT"],
            (2, 4),
            False,
        ),
        (  # set beside the kind noun: "the company, Glenvale,"
            ["The", "company", ",", "Glenvale", ",", "said"],
            [1, 5, 1, 1, 1, 5],
            ["det", "nsubj", "punct", "appos", "punct", "ROOT"],
            (3, 4),
            True,
        ),
        (  # set beside a noun for what a person may also be
            ["The", "lender", ",", "Tom", "Dowd", ",", "said"],
            [1, 6, 1, 4, 1, 1, 6],
            ["det", "nsubj", "punct", "compound", "appos", "punct", "ROOT"],
            (3, 5),
            False,
        ),
        (  # the kind noun modifies another noun, not the name
            ["The", "firm", "boss", "Ann", "Lee", "said"],
            [4, 2, 4, 4, 5, 5],
            ["det", "compound", "compound", "compound", "nsubj", "ROOT"],
            (3, 5),
            False,
        ),
    ],
)
def test_kind_named_on_a_given_parse(
    words: list[str], heads: list[int], deps: list[str], ent: tuple[int, int], expected: bool
) -> None:
    from whosaid.namecues import kind_named

    pos = ["PROPN" if w[:1].isupper() and i > 0 else "NOUN" for i, w in enumerate(words)]
    pos[0] = "DET"
    doc = _parsed(words, heads, deps, pos)
    assert kind_named(doc[ent[0] : ent[1]]) is expected


@pytest.mark.parametrize(
    ("words", "ents", "expected"),
    [
        (["The", "Hill", "Runners", "Union", "said", "the", "HRU", "would", "act"], (1, 4), ["HRU"]),
        (["The", "union", "said", "the", "HRU", "would", "act"], None, []),  # nothing it abbreviates
        (["IT", "staff", "at", "the", "Irish", "Times", "left"], (4, 6), []),  # a stop word in capitals
        (["The", "Hill", "Runners", "Union", "and", "HRU", "staff"], (1, 4), ["HRU"]),
        (["The", "Hill", "Runners", "Union", "and", "Hru", "staff"], (1, 4), []),  # not in capitals
    ],
)
def test_an_untagged_acronym_is_the_organisation_the_article_names_in_full(
    words: list[str], ents: tuple[int, int] | None, expected: list[str]
) -> None:
    import spacy
    from spacy.tokens import Doc
    from whosaid.entity_clusters import cluster_mentions
    from whosaid.entity_kinds import acronym_organisations
    from whosaid.entity_mentions import NameMention

    tags = ["O"] * len(words)
    if ents is not None:
        tags[ents[0] : ents[1]] = ["B-ORG"] + ["I-ORG"] * (ents[1] - ents[0] - 1)
    doc = Doc(spacy.blank("en").vocab, words=words, ents=tags)
    mentions = [NameMention(e.start_char, e.end_char, e.text, "ORG") for e in doc.ents]
    found = acronym_organisations(doc, mentions)
    assert [m.text for m in found if m not in mentions] == expected
    if expected:  # joined to the organisation it abbreviates
        assert [sorted(m.text for m in c.mentions) for c in cluster_mentions(found, None)] == [
            sorted([*expected, "Hill Runners Union"])
        ]


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Any:
    """A Doc built by hand (no model): the parse is given, so the rule alone is tested."""
    import spacy
    from spacy.tokens import Doc

    # no space around a hyphen inside a word ("F-Secure"), one after every other word
    spaces = [word != "-" and (i + 1 == len(words) or words[i + 1] != "-") for i, word in enumerate(words)]
    return Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        (  # "security firm F-Secure": the kind noun compounded to the name
            ["The", "security", "firm", "F", "-", "Secure", "said"],
            [2, 2, 5, 5, 5, 6, 6],
            ["det", "compound", "compound", "compound", "punct", "nsubj", "ROOT"],
            ["DET", "NOUN", "NOUN", "PROPN", "PUNCT", "PROPN", "VERB"],
            ["F-Secure"],
        ),
        (  # the name goes on past its head: where it ends is not known
            ["The", "group", "Human", "Rights", "in", "Tibet", "said"],
            [3, 3, 3, 6, 3, 4, 6],
            ["det", "compound", "compound", "nsubj", "prep", "pobj", "ROOT"],
            ["DET", "NOUN", "PROPN", "PROPN", "ADP", "PROPN", "VERB"],
            [],
        ),
        (  # an aircraft carrier is a ship, not a company
            ["The", "aircraft", "carrier", "Enterprise", "sailed"],
            [3, 2, 3, 4, 4],
            ["det", "compound", "compound", "nsubj", "ROOT"],
            ["DET", "NOUN", "NOUN", "PROPN", "VERB"],
            [],
        ),
        (  # a lower-case word after the kind noun is no name
            ["The", "firm", "board", "said"],
            [2, 2, 3, 3],
            ["det", "compound", "nsubj", "ROOT"],
            ["DET", "NOUN", "NOUN", "VERB"],
            [],
        ),
        (  # "steel giant Ostal said": the kind noun the parser read as an adjective
            ["steel", "giant", "Ostal", "said"],
            [1, 2, 3, 3],
            ["compound", "amod", "nsubj", "ROOT"],
            ["NOUN", "NOUN", "PROPN", "VERB"],
            ["Ostal"],
        ),
        (  # "Izvestia newspaper reported": a paper's title before the noun for a paper
            ["Izvestia", "newspaper", "reported"],
            [1, 2, 2],
            ["compound", "nsubj", "ROOT"],
            ["PROPN", "NOUN", "VERB"],
            ["Izvestia"],
        ),
    ],
)
def test_kind_named_organisations_on_a_given_parse(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], expected: list[str]
) -> None:
    from whosaid.entity_kinds import kind_named_organisations

    doc = _parsed(words, heads, deps, pos)
    assert [(m.text, m.label) for m in kind_named_organisations(doc, [])] == [(name, "ORG") for name in expected]


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        (  # "The HRU said ...": an organisation's initials, wherever the article writes them
            ["The", "HRU", "said", "it", "would", "act", ".", "HRU", "staff", "left"],
            [1, 2, 2, 4, 2, 4, 2, 8, 9, 9],
            ["det", "nsubj", "ROOT", "nsubj", "ccomp", "xcomp", "punct", "compound", "nsubj", "ROOT"],
            ["DET", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT", "PROPN", "NOUN", "VERB"],
            ["HRU", "HRU"],
        ),
        (  # "according to the HRU"
            ["According", "to", "the", "HRU", ",", "sales", "fell"],
            [6, 0, 3, 1, 6, 6, 6],
            ["prep", "prep", "det", "pobj", "punct", "nsubj", "ROOT"],
            ["VERB", "ADP", "DET", "PROPN", "PUNCT", "NOUN", "VERB"],
            ["HRU"],
        ),
        (  # a product's initials do not say things
            ["The", "PSP", "offers", "games"],
            [1, 2, 2, 2],
            ["det", "nsubj", "ROOT", "dobj"],
            ["DET", "PROPN", "VERB", "NOUN"],
            [],
        ),
        (  # a person's description in capitals
            ["The", "DJ", "admitted", "it"],
            [1, 2, 2, 2],
            ["det", "nsubj", "ROOT", "dobj"],
            ["DET", "PROPN", "VERB", "PRON"],
            [],
        ),
        (  # a common noun: "TV shows ..."
            ["TV", "shows", "games"],
            [1, 1, 1],
            ["nsubj", "ROOT", "dobj"],
            ["NOUN", "VERB", "NOUN"],
            [],
        ),
        (  # a stop word in capitals: "The US says"
            ["The", "US", "said", "it"],
            [1, 2, 2, 2],
            ["det", "nsubj", "ROOT", "dobj"],
            ["DET", "PROPN", "VERB", "PRON"],
            [],
        ),
    ],
)
def test_untagged_initials_that_say_something_are_an_organisation(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], expected: list[str]
) -> None:
    from whosaid.entity_kinds import speaking_acronyms

    doc = _parsed(words, heads, deps, pos)
    lemmas = {"said": "say", "offers": "offer", "admitted": "admit", "shows": "show", "fell": "fall"}
    for token in doc:
        token.lemma_ = lemmas.get(token.text, token.text.lower())
    found = speaking_acronyms(doc, [])
    assert [m.text for m in found] == expected
    assert all(m.label == "ORG" for m in found)


@pytest.mark.parametrize(
    ("words", "heads", "deps", "ent", "expected"),
    [
        (  # "Market analysts Panlogic predicts": a firm named by its trade
            ["Market", "analysts", "Panlogic", "predicts"],
            [1, 2, 3, 3],
            ["compound", "compound", "nsubj", "ROOT"],
            (2, 3),
            True,
        ),
        (  # two people named after the plural
            ["Market", "analysts", "Ann", "Lee", "and", "Tom", "Hill", "predict"],
            [1, 3, 3, 7, 3, 6, 3, 7],
            ["compound", "compound", "compound", "nsubj", "cc", "compound", "conj", "ROOT"],
            (2, 7),
            False,
        ),
        (  # a singular trade may be a person's ("City analyst Ann Lee")
            ["City", "analyst", "Ann", "Lee", "predicts"],
            [1, 3, 3, 4, 4],
            ["compound", "compound", "compound", "nsubj", "ROOT"],
            (2, 4),
            False,
        ),
    ],
)
def test_a_name_after_a_plural_trade_is_a_firm(
    words: list[str], heads: list[int], deps: list[str], ent: tuple[int, int], expected: bool
) -> None:
    from whosaid.namecues import kind_named

    pos = ["PROPN" if w[:1].isupper() and i > 1 else "NOUN" for i, w in enumerate(words)]
    doc = _parsed(words, heads, deps, pos)
    for token in doc:
        token.tag_ = "NNS" if token.text.endswith("sts") else "NN"
    assert kind_named(doc[ent[0] : ent[1]]) is expected


def test_an_untagged_name_after_a_plural_trade_is_a_firm() -> None:
    from whosaid.entity_kinds import kind_named_organisations

    words = ["Market", "analysts", "Panlogic", "predicts", "growth"]
    doc = _parsed(
        words,
        [1, 2, 3, 3, 3],
        ["compound", "compound", "nsubj", "ROOT", "dobj"],
        ["NOUN"] * 2 + ["PROPN", "VERB", "NOUN"],
    )
    for token, tag in zip(doc, ["NN", "NNS", "NNP", "VBZ", "NN"], strict=True):
        token.tag_ = tag
    assert [(m.text, m.label) for m in kind_named_organisations(doc, [])] == [("Panlogic", "ORG")]


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("DNA suggests the victim was killed elsewhere, police said.", "DNA"),
        ("GDP shows the economy shrank, the ONS said.", "GDP"),
    ],
)
def test_initials_that_are_evidence_are_no_organisation(
    process: Callable[[str], Article], text: str, initials: str
) -> None:
    # Evidence "suggests" or "shows" things; only a speaker "says" or "reports" them (cues.SAYING_VERBS).
    article = process("Headline\n\n" + text)
    assert initials not in by_name(article, "organization")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Economists Paul Krugman argued otherwise.", "Paul Krugman"),
        ("The deal is legal, according to lawyers Tom Smith.", "Tom Smith"),
    ],
)
def test_a_first_and_last_name_after_a_plural_trade_is_no_firm(
    process: Callable[[str], Article], text: str, name: str
) -> None:
    # Only a name shaped like a firm's (one word, or an organisation's suffix) is a firm after a trade.
    assert name not in by_name(process(text), "organization")


def test_an_untagged_first_and_last_name_after_a_plural_trade_is_no_firm() -> None:
    from whosaid.entity_kinds import kind_named_organisations

    doc = _parsed(
        ["Lawyers", "Tom", "Smith", "argued", "otherwise"],
        [2, 2, 3, 3, 3],
        ["compound", "compound", "nsubj", "ROOT", "advmod"],
        ["NOUN", "PROPN", "PROPN", "VERB", "ADV"],
    )
    for token, tag in zip(doc, ["NNS", "NNP", "NNP", "VBD", "RB"], strict=True):
        token.tag_ = tag
    assert kind_named_organisations(doc, []) == []


@pytest.mark.parametrize(
    ("text", "initials"),
    [
        ("The ILO estimated that 400,000 people had lost their jobs.", "ILO"),
        ("The race was close. The IAAF will decide if she can compete again.", "IAAF"),
    ],
)
def test_initials_that_estimate_or_decide_are_an_organisation(
    process: Callable[[str], Article], text: str, initials: str
) -> None:
    # Evidence shows; a body estimates, forecasts or decides (cues.SAYING_VERBS).
    assert initials in by_name(process("Headline\n\n" + text), "organization")


@pytest.mark.parametrize(
    ("words", "heads", "deps", "pos", "expected"),
    [
        (  # "Ann Webb, a senior analyst for Orbis, said": a job set beside the name
            ["Ann", "Webb", ",", "a", "senior", "analyst", "for", "Orbis", ",", "said"],
            [1, 9, 1, 5, 5, 1, 5, 6, 1, 9],
            ["compound", "nsubj", "punct", "det", "amod", "appos", "prep", "pobj", "punct", "ROOT"],
            ["PROPN", "PROPN", "PUNCT", "DET", "ADJ", "NOUN", "ADP", "PROPN", "PUNCT", "VERB"],
            ["Ann Webb"],
        ),
        (  # "said Ann Webb at Orbisbank": where she works
            ["said", "Ann", "Webb", "at", "Orbisbank"],
            [0, 2, 0, 2, 3],
            ["ROOT", "compound", "nsubj", "prep", "pobj"],
            ["VERB", "PROPN", "PROPN", "ADP", "PROPN"],
            ["Ann Webb"],
        ),
        (  # no job beside the name: left to the tagger
            ["Ann", "Webb", "said", "it"],
            [1, 2, 2, 2],
            ["compound", "nsubj", "ROOT", "dobj"],
            ["PROPN", "PROPN", "VERB", "PRON"],
            [],
        ),
        (  # a body set beside a kind of organisation: no person ("Green Valley, a charity, said")
            ["Green", "Valley", ",", "a", "charity", ",", "said"],
            [1, 6, 1, 4, 1, 1, 6],
            ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT"],
            ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"],
            [],
        ),
        (  # a kind of organisation or a document is no person ("the Harley Book of Records said")
            ["Harley", "Book", "of", "Records", "said"],
            [1, 4, 1, 2, 4],
            ["compound", "nsubj", "prep", "pobj", "ROOT"],
            ["PROPN", "PROPN", "ADP", "PROPN", "VERB"],
            [],
        ),
        (  # a title is no name ("Chief Webb, an analyst, said": the titled name is another finder's)
            ["Chief", "Webb", ",", "an", "analyst", ",", "said"],
            [1, 6, 1, 4, 1, 1, 6],
            ["compound", "nsubj", "punct", "det", "appos", "punct", "ROOT"],
            ["PROPN", "PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB"],
            [],
        ),
    ],
)
def test_an_untagged_name_said_to_speak_with_a_job_beside_it_is_a_person(
    words: list[str], heads: list[int], deps: list[str], pos: list[str], expected: list[str]
) -> None:
    from whosaid.speaking_people import speaking_people

    doc = _parsed(words, heads, deps, pos)
    for token in doc:
        token.lemma_ = "say" if token.text == "said" else token.text.lower()
    found = speaking_people(doc, [])
    assert [m.text for m in found] == expected
    assert all(m.label == "PERSON" for m in found)


def test_a_newspaper_title_after_the_votes_as_an_organisation() -> None:
    from whosaid.namecues import masthead

    # "the Sunday Telegraph report": "Sunday" (a date to the tagger) between "the" and the title.
    doc = _doc(
        ["the", "Sunday", "Telegraph", "report", "added"],
        [3, 2, 3, 4, 4],
        ["det", "compound", "compound", "nsubj", "ROOT"],
        ["DET", "PROPN", "PROPN", "NOUN", "VERB"],
        (2, 3),
    )
    assert masthead(doc.ents[0])
    # A surname that is a newspaper's word, after no "the" or after a title: a person's.
    doc = _doc(["Ann", "Post", "said"], [1, 2, 2], ["compound", "nsubj", "ROOT"], ["PROPN", "PROPN", "VERB"], (0, 2))
    assert not masthead(doc.ents[0])
    doc = _doc(
        ["the", "Rev", "Post", "said"],
        [2, 2, 3, 3],
        ["det", "compound", "nsubj", "ROOT"],
        ["DET", "PROPN", "PROPN", "VERB"],
        (2, 3),
    )
    assert not masthead(doc.ents[0])


def test_initials_written_as_a_word_are_the_organisation(process: Callable[[str], Article]) -> None:
    from whosaid.entity_kinds import word_initials

    article = process(
        "Students gap\n\nThe Higher Education Funding Council for England said fewer poor students went to "
        "university. The Hefce report said the gap was growing."
    )
    assert found(article)["the gap was growing"] == ("Higher Education Funding Council for England", True)
    # Not a short name, nor words in lower case (whose initials are none: "the defence ministry").
    assert word_initials("Hefce") == "HEFCE"
    assert word_initials("Bob") == ""
    assert word_initials("defence ministry") == ""
