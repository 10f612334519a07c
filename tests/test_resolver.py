"""Pronouns and role nouns resolved by salience, and used for quote speakers."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from whosaid.models import Article

from tests.conftest import found


def speakers(article: Article) -> list[tuple[str | None, str | None]]:
    return [(q.speaker.name, q.speaker.mention.text) if q.speaker else (None, None) for q in article.quotes]


def test_subject_of_the_paragraph_not_the_last_place(process: Callable[[str], Article]) -> None:
    # The model tags Torbay a person; "he" is Mr Hale, the subject, not the last name.
    article = process(
        "Mr Hale is stepping up his campaign work this week as he tours Manchester, Dorset and Torbay."
        '\n\nHe said: "We are ready for a spring poll."'
    )
    assert speakers(article) == [("Hale", "He")]


def test_subject_pronoun_prefers_the_previous_subject(process: Callable[[str], Article]) -> None:
    article = process(
        "Mark Oakes, the club's chairman, met Peter Dunn on Friday to discuss the stadium. "
        '"We have made real progress," he said.'
    )
    assert speakers(article)[-1] == ("Mark Oakes", "he")


def test_gender_from_titles_and_pronouns_steers_the_pronoun(process: Callable[[str], Article]) -> None:
    article = process(
        'Mrs Patel met David Hughes in Cardiff on Tuesday. "The talks were useful," she said. Hughes said he disagreed.'
    )
    assert speakers(article)[0] == ("Patel", "she")
    assert {e.name: e.gender for e in article.entities if e.kind == "person"} == {
        "Patel": "female",
        "David Hughes": "male",
    }


def test_names_inside_the_quote_are_not_the_speaker(process: Callable[[str], Article]) -> None:
    article = process('Gary Walsh spoke in Leeds on Monday. "Tom Brown will lose this seat," he said.')
    assert speakers(article) == [("Gary Walsh", "he")]


def test_it_and_they_go_to_organisations(process: Callable[[str], Article]) -> None:
    article = process(
        "Acme Corp reported a loss of £40m on Tuesday. It said demand for its vans had collapsed in Europe.\n\n"
        "The Labour Party attacked the plan. They said it would cost thousands of jobs."
    )
    names = dict((mention, name) for name, mention in speakers(article))
    assert names["It"] == "Acme Corp"
    assert names["They"] == "Labour Party"


def test_role_nouns_go_to_who_the_article_gave_the_role(process: Callable[[str], Article]) -> None:
    article = process(
        "Chancellor Gordon Brown published the figures on Monday. The chancellor said growth would stay strong.\n\n"
        "Tory co-chairman Lord Ashcroft has given the party millions. "
        'The Tory co-chairman said: "I am proud of it."\n\n'
        "Tesco opened 40 stores this year. The company said sales rose 8%."
    )
    found = {mention: name for name, mention in speakers(article)}
    assert found["chancellor"] == "Gordon Brown"
    assert found["Tory co-chairman"] == "Ashcroft"
    assert found["company"] == "Tesco"


def test_a_role_the_article_gives_no_one_stays_a_role(process: Callable[[str], Article]) -> None:
    article = process('Profits fell at the bank. "We expect a better year," a spokesman said.')
    assert speakers(article) == [("spokesman", "spokesman")]


def test_a_kind_noun_goes_only_to_an_organisation_of_that_kind(process: Callable[[str], Article]) -> None:
    article = process(
        "The Bank of England held rates on Thursday. Tesco reported strong sales. "
        "The bank said inflation would fall.\n\n"
        "The BBC broadcast the debate. The government said it would respond."
    )
    found = {mention: (name, entity) for name, mention, entity in _with_entities(article)}
    assert found["bank"][0] == "Bank of England"
    assert found["government"] == ("government", None)  # not the BBC


def _with_entities(article: Article) -> list[tuple[str, str, str | None]]:
    return [(q.speaker.name, q.speaker.mention.text, q.speaker.entity_id) for q in article.quotes if q.speaker]


def test_a_description_goes_to_whom_the_article_named_with_it(process: Callable[[str], Article]) -> None:
    article = process(
        "A spokesman for the Home Office said the rules would change in May. "
        "The spokesman added that no date had been set.\n\n"
        "Communications regulator Ofcom fined the broadcaster £2m on Tuesday. "
        "The regulator said the breach was serious."
    )
    found = {q.text: (q.speaker.name, q.speaker.role) for q in article.quotes if q.speaker}
    assert found["the rules would change in May"] == ("Home Office", "spokesman for the Home Office")
    assert found["that no date had been set"] == ("Home Office", "spokesman")
    assert found["the breach was serious"] == ("Ofcom", "regulator")


def test_a_report_speaks_for_who_wrote_it(process: Callable[[str], Article]) -> None:
    article = process(
        "A report by the Rowntree Trust was published on Monday. Ministers welcomed it. "
        "The report said child poverty had fallen."
    )
    trust = next(e for e in article.entities if e.name == "Rowntree Trust")
    assert [(q.speaker.name, q.speaker.entity_id) for q in article.quotes if q.speaker] == [
        ("Rowntree Trust", trust.id)
    ]


def test_a_description_with_other_words_is_someone_else(process: Callable[[str], Article]) -> None:
    # "The chief spokesman" is not the Home Office spokesman; "the lawyer" of Sam Cole is not Sam Cole.
    article = process(
        "A Home Office spokesman said the rules would change. The chief spokesman said the talks had failed.\n\n"
        "Sam Cole's lawyer spoke to reporters outside the court. The lawyer said his client would appeal."
    )
    found = {q.text: (q.speaker.name, q.speaker.entity_id) for q in article.quotes if q.speaker}
    assert found["the talks had failed"] == ("chief spokesman", None)
    assert found["his client would appeal"] == ("lawyer", None)


def test_outsiders_and_names_further_down_are_no_affiliation(process: Callable[[str], Article]) -> None:
    article = process(
        "Tesco shareholders said the bonus was too high.\n\n"
        "Readers of the Financial Times website said the paywall was too expensive."
    )
    assert [(q.speaker.name, q.speaker.entity_id) for q in article.quotes if q.speaker] == [
        ("Tesco shareholders", None),
        ("Readers of the Financial Times website", None),
    ]


def test_a_relative_pronoun_speaks_for_its_antecedent(process: Callable[[str], Article]) -> None:
    article = process(
        "Sarah Jones, who said the decision was wrong, will appeal next week.\n\n"
        "Acme Corp lost its case on Friday. The company, which said it would fight on, will appeal."
    )
    found = {q.text: (q.speaker.name, q.speaker.mention.text) for q in article.quotes if q.speaker}
    assert found["the decision was wrong"] == ("Sarah Jones", "who")
    assert found["it would fight on"] == ("Acme Corp", "which")


def test_the_article_is_resolved_once(process: Callable[[str], Article], monkeypatch: pytest.MonkeyPatch) -> None:
    # The speakers reuse the entity stage's resolution: the same entities and quotation marks
    # give the same links, so the pronoun speaker is the same as with a resolution of its own.
    from whosaid import entities, resolver

    text = 'Mrs Patel met David Hughes in Cardiff on Tuesday. "The talks were useful," she said.'
    calls = []
    resolve = resolver.resolve

    def counted(*args: Any, **kwargs: Any) -> resolver.Resolution:
        calls.append(1)
        return resolve(*args, **kwargs)

    monkeypatch.setattr(resolver, "resolve", counted)  # as the speakers call it
    monkeypatch.setattr(entities, "resolve", counted)  # as the entity stage calls it
    article = process(text)
    assert len(calls) == 1
    assert speakers(article) == [("Patel", "she")]
    monkeypatch.setattr(entities, "keep", lambda *args: None)  # nothing kept: the speakers resolve again
    assert process(text) == article
    assert len(calls) == 3


def test_a_pronoun_in_a_quote_is_not_its_speaker(nlp: Any) -> None:
    # Walsh is the more salient name (the subject), but he speaks the quote: "He" is Tom Brown.
    from whosaid.entities import extract_entities
    from whosaid.resolver import resolve

    doc = nlp('Gary Walsh praised Tom Brown on Monday. "He works harder than anyone," Walsh said.')
    entities = extract_entities(doc)
    names = {e.id: e.name for e in entities}
    links = resolve(doc, entities).links
    assert [(doc[i].text, names[found]) for i, found in links.items()] == [("He", "Tom Brown")]


def test_a_day_before_a_name_is_no_role(process: Callable[[str], Article]) -> None:
    article = process("On Friday Mr Hale flatly denied that Mr Rowe made the remark.")
    assert [(q.speaker.name, q.speaker.role) for q in article.quotes if q.speaker] == [("Hale", "Mr")]


def test_they_after_an_unnamed_group_is_that_group(process: Callable[[str], Article]) -> None:
    # "Unions" and "Ann Lee and Tom Hill" are groups the article names no entity for; "They" is
    # not the company mentioned before them but the group, named by its words (no entity).
    article = process(
        "Acme Corp cut 300 jobs at its plant in Derby on Monday. Unions attacked the decision. "
        "They said the cuts were unfair.\n\n"
        "Ann Lee and Tom Hill met Acme Corp in March. They said the talks had gone well."
    )
    they = [q.speaker for q in article.quotes if q.speaker and q.speaker.mention.text == "They"]
    assert [(s.name, s.entity_id) for s in they] == [("Unions", None), ("Ann Lee and Tom Hill", None)]
    # A plural name the model gives no entity ("the Tories") is a group too.
    article = process(
        "Acme Corp cut 300 jobs at its plant in Derby on Monday. The Tories attacked the decision. "
        "They said the cuts were unfair."
    )
    assert [(name, mention) for name, mention in speakers(article) if mention == "They"] == [("Tories", "They")]
    # A group that is no people ("the allegations") names no speaker: "They" stays as written.
    article = process(
        "Acme Corp denied the allegations on Monday. The allegations were first made in March. "
        "They said the cuts were unfair."
    )
    assert [(name, mention) for name, mention in speakers(article) if mention == "They"] == [("They", "They")]
    # Without the group, "They" is the organisation, as before.
    article = process("Acme Corp cut 300 jobs at its plant in Derby on Monday. They said the cuts were needed.")
    assert speakers(article) == [("Acme Corp", "They")]


def test_a_subject_pronoun_is_never_a_name_its_own_clause_goes_on_to(
    process: Callable[[str], Article], nlp: Any
) -> None:
    # Ross is the more salient, but "He told Ross" cannot be Ross (binding): it is Hill.
    text = 'Dan Ross spoke first at the meeting. Mark Hill then met Ross. He told Ross: "We are ready."'
    assert speakers(process(text)) == [("Mark Hill", "He")]
    # An aside is out of the pronoun's reach: in "He spoke to Hill, who thanked Ross" he may be Ross.
    from whosaid.constraints import bound_by

    doc = nlp("He spoke to Hill, who thanked Ross.")
    verb = doc[0].head
    assert bound_by(next(t for t in doc if t.text == "Hill"), verb)
    assert not bound_by(next(t for t in doc if t.text == "Ross"), verb)


def test_a_name_always_written_with_the_is_never_made_a_person() -> None:
    from whosaid.constraints import always_definite
    from whosaid.models import Entity, Mention

    text = "Paris joined the Church in 1995. She says the Church kept her. Church leaders deny it."

    def entity(*starts: int) -> Entity:
        return Entity(
            id="e1",
            kind="organization",
            label="ORG",
            name="Church",
            mentions=[Mention(start=s, end=s + 6, text="Church") for s in starts],
        )

    first, second, third = (text.index("Church", i) for i in (0, 20, 50))
    assert always_definite(text, entity(first, second))  # "the Church ... the Church"
    assert not always_definite(text, entity(first, second, third))  # "Church leaders" has no article


def test_the_newspaper_is_the_organisation_titled_like_one(process: Callable[[str], Article]) -> None:
    article = process(
        "Mr Galloway sued The Sunday Herald in March. The newspaper said it would defend the story.\n\n"
        "Tesco opened 40 stores this year. The paper said nothing about them."
    )
    found = {mention: name for name, mention in speakers(article)}
    assert found["newspaper"] == "Sunday Herald"
    # No title like a newspaper's: "the paper" is no one ("Tesco" is no paper).
    article = process("Tesco opened 40 stores this year. The paper said sales rose 8%.")
    assert speakers(article) == [("paper", "paper")]


def test_he_and_she_never_go_to_a_name_written_as_a_plural_common_noun(nlp: Any) -> None:
    # The model may tag a plural common noun at the start of a sentence a person ("Pools erupted").
    from whosaid.models import Entity, Mention
    from whosaid.resolver import resolve

    def person(doc: Any, name: str) -> Entity:
        start = doc.text.index(name)
        mention = Mention(start=start, end=start + len(name), text=name)
        return Entity(id="e1", kind="person", label="PERSON", name=name, mentions=[mention])

    doc = nlp("Pools formed along the edge of the lawn. He ran through them.")
    assert [t.tag_ for t in doc][:1] == ["NNS"]
    assert resolve(doc, [person(doc, "Pools")]).links == {}
    # A name, even one the tagger reads as a plural, keeps its pronouns.
    doc = nlp("Laura Brownlees spoke at the meeting on Monday. She said the plan was sound.")
    assert list(resolve(doc, [person(doc, "Laura Brownlees")]).links.values()) == ["e1"]


def test_an_organisation_may_be_named_again_in_what_it_says(process: Callable[[str], Article]) -> None:
    # Binding keeps "He" from Hughes, named in his own clause; an organisation's "They" may name it
    # again in what it is reported to say, so "the allegations" do not win.
    article = process(
        "The Acme Corporation denied the allegations on Monday. Jane Hill was never forced to work on the ship. "
        "They also claimed that Hill had misrepresented her time at the Acme Corporation.\n\n"
        "Tom Brown met David Hughes in Leeds on Monday. He said that the plan suited Hughes well."
    )
    found = {q.text: q.speaker.name for q in article.quotes if q.speaker}
    assert found["that Hill had misrepresented her time at the Acme Corporation"] == "Acme Corporation"
    assert found["that the plan suited Hughes well"] == "Tom Brown"


def test_a_document_speaks_for_the_name_apposed_to_its_author(process: Callable[[str], Article]) -> None:
    # "published by research consultancy X", "released by trade show organisers, the X": the parser
    # hangs the name on the author's noun as an apposition; an author with no name stays unlinked.
    article = process(
        "Broadband use doubled last year, according to a report published by research consultancy Jupiter "
        "Research. The report said prices would fall further."
    )
    assert found(article)["Broadband use doubled last year"] == ("Jupiter Research", True)
    assert found(article)["prices would fall further"] == ("Jupiter Research", True)
    article = process(
        "Shipments rose by 11% last year, according to figures released by trade show organisers, the "
        "Consumer Electronics Association."
    )
    assert found(article)["Shipments rose by 11% last year"] == ("Consumer Electronics Association", True)
    article = process(
        "Shipments rose by 11% last year, according to figures released by the organisers, many of them retailers."
    )
    assert found(article)["Shipments rose by 11% last year"] == ("figures", False)


def test_an_office_is_an_organisation_noun(process: Callable[[str], Article]) -> None:
    # "the statistical office Eurostat said": the name apposed to an organisation noun speaks.
    article = process("Prices rose by 0.4% in March, the statistical office Eurostat said.")
    assert found(article)["Prices rose by 0.4% in March"] == ("Eurostat", True)


def test_a_government_speaks_for_the_place_named_with_it(process: Callable[[str], Article]) -> None:
    # A geopolitical entity stands for its government: "the UK government", "the government of
    # Nigeria", and "the government" written again after them. Not a person's administration ("the
    # Bush administration" is not Bush), nor any other noun written with a place ("a UK spokesman").
    article = process(
        "The UK government said it would cut the tax. Ministers met on Monday. "
        "The government said the cut would start in May."
    )
    assert found(article)["it would cut the tax"] == ("UK", True)
    assert found(article)["the cut would start in May"] == ("UK", True)
    assert found(process("The government of Nigeria said output would triple."))["output would triple"] == (
        "Nigeria",
        True,
    )
    assert found(process("The Bush administration said the talks had failed."))["the talks had failed"] == (
        "Bush administration",
        False,
    )
    assert found(process("A UK spokesman said the talks had failed."))["the talks had failed"] == (
        "UK spokesman",
        False,
    )


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Brazil raised its interest rate on Monday. The Brazilian government said that inflation was too high.",
            ("Brazil", True),
        ),
        ("China and Chile signed a trade deal. The Chilean government said that exports would grow.", ("Chile", True)),
        (
            "Prices rose on Monday. The Brazilian government said that inflation was too high.",
            ("Brazilian government", False),
        ),  # no country of that nationality named
        (  # "Nigerian" is Nigeria's, though its letters begin Niger's name
            "The Nigerian government said that trade would suffer. Niger closed its border on Monday.",
            ("Nigerian government", False),
        ),
    ],
)
def test_a_government_named_by_nationality_speaks_for_the_country(
    process: Callable[[str], Article], text: str, speaker: tuple[str, bool]
) -> None:
    (quote,) = process(text).quotes
    assert quote.speaker is not None
    assert (quote.speaker.name, quote.speaker.entity_id is not None) == speaker


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The one person the article gives the age (the tokenizer splits "46-year-old" in five,
        # so the description had no speaker at all).
        (
            'John Smith, 46, runs a bakery in Leeds. "Trade has never been better," said the 46-year-old.',
            ("John Smith", True),
        ),
        ('Ann Lee (31) was arrested on Monday. "I am innocent," said the 31-year-old.', ("Ann Lee", True)),
        # No one given the age: the person a recent clause was about, as for "the foreign secretary".
        ('Tom Hill was fined on Monday. "It was an easy decision," said the 34-year-old.', ("Tom Hill", True)),
        # Two people of that age, or the one named given another: no one in particular.
        (
            'John Smith, 46, and Ann Lee, 46, run a bakery. "Trade has never been better," said the 46-year-old.',
            ("46-year-old", False),
        ),
        ('Tom Hill, 52, was fined on Monday. "It was an easy decision," said the 34-year-old.', ("34-year-old", False)),
    ],
)
def test_an_age_description_is_the_person_of_that_age(
    process: Callable[[str], Article], text: str, expected: tuple[str, bool]
) -> None:
    assert list(found(process(text)).values()) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A story's opening describes the speaker, the next sentence names them as the subject of "said".
        (
            "Crime in the capital has fallen, London's most senior police officer has said. "
            "Sir Alan Marsh said burglaries were at a ten-year low.",
            ("Alan Marsh", True),
        ),
        ("Prices will rise, the energy minister has said. Ann Lee said output would be cut.", ("Ann Lee", True)),
        # An office written with capitals; one of many ("a government spokesman") only when the name
        # named next is given every word of it.
        (
            "It comes after Ruritania's High Commissioner to Britain said migrants should integrate more. "
            "Dr Ann Lodge said people could not expect others to listen.",
            ("Ann Lodge", True),
        ),
        (
            'Growth could stall, according to a government spokesman. "Our nation is in peril," said Omar '
            "Hassan, the chief government spokesman.",
            ("Omar Hassan", True),
        ),
        (
            'Growth could stall, according to a government spokesman. "Our nation is in peril," said Omar '
            "Hassan, a senior minister.",
            ("government spokesman", False),
        ),
        # Not someone the article gives another office, nor "a spokesman" (anyone), nor after a contrast.
        (
            "The chancellor has demanded that every department make savings. "
            "Shadow foreign secretary Tom Hill said the cuts went too far.",
            ("chancellor", False),
        ),
        (
            "A spokesman said the bill would take a decade. "
            "Home affairs spokesman Tom Hill said the scheme was flawed.",
            ("spokesman", False),
        ),
        # Nor one the article named before: the critic, not the official.
        (
            "The tournament director has defended the courts after criticism from Ann Lee. "
            "Lee said the surface was far too slow.",
            ("tournament director", False),
        ),
        (
            "The head coach said his players had been robbed. But Ian Hughes said the game was handled correctly.",
            ("head coach", False),
        ),
    ],
)
def test_a_description_named_in_the_next_sentence(
    process: Callable[[str], Article], text: str, expected: tuple[str, bool]
) -> None:
    assert next(iter(found(process(text)).values())) == expected
