"""Quotes on real text: the example article and behaviour across rules (the rule tables are in
tests/test_quotes_*.py, one per family of rule)."""

from __future__ import annotations

from collections.abc import Callable

from whosaid.models import Article, Quote


def test_seed_direct_quotes_are_zhirnovs(seed: Article) -> None:
    direct = [q for q in seed.quotes if q.kind == "direct"]
    assert [q.text[:24] for q in direct] == ["We are now being guarded", "I judge based on the fir"]
    for quote in direct:
        assert quote.speaker is not None
        assert quote.speaker.name == "Dmitry Zhirnov"
        assert quote.speaker.role == "Russian ambassador to Afghanistan"
        assert quote.speaker.mention.text == "Zhirnov"
        assert quote.cue is not None and quote.cue.text == "said"
        assert quote.text.endswith(("crazy person,", "better than under Ghani,"))


def test_seed_mixed_and_indirect_quotes(seed: Article) -> None:
    def holding(words: str) -> Quote:
        return next(q for q in seed.quotes if words in q.text)

    puppet = holding("puppet government")
    assert puppet.kind == "mixed"
    assert puppet.speaker is not None and puppet.speaker.name == "Russian diplomats"
    assert [seed.text[r.start : r.end] for r in puppet.quoted] == ["puppet government"]
    drawdown = holding("orderly drawdown")
    assert drawdown.kind == "mixed"
    assert drawdown.speaker is not None and drawdown.speaker.name == "Joe Biden"
    kabulov = holding("Russia might recognize the Taliban")
    assert kabulov.kind == "indirect"
    assert kabulov.cue is not None and kabulov.cue.text == "hinted"
    assert kabulov.speaker is not None and kabulov.speaker.name == "Zamir Kabulov"
    assert kabulov.speaker.role == "Russian President Vladimir Putin’s special envoy to Afghanistan"


WARREN = "Senator Elizabeth Warren spoke on Tuesday. "


def test_pronoun_speaker_keeps_the_pronoun_as_mention(process: Callable[[str], Article]) -> None:
    quote = process(WARREN + "“We will win,” she said.").quotes[0]
    assert quote.speaker is not None and quote.speaker.mention.text == "she"
    assert quote.method == "cue-after+pronoun"


def test_only_a_resolved_pronoun_is_flagged(process: Callable[[str], Article]) -> None:
    # "they" with no one to stand for stays as written; "They" for the strikers is named by the group.
    alone = process("“We will win,” they said.").quotes[0]
    assert alone.speaker is not None and alone.speaker.name == "they" and alone.speaker.entity_id is None
    assert alone.method == "cue-after"
    group = process("Striking nurses marched through Leeds. “We will win,” they said.").quotes[0]
    assert group.speaker is not None and group.speaker.entity_id is None and group.speaker.name != "they"
    assert group.method == "cue-after"


def test_pronoun_takes_the_latest_person_of_its_gender(process: Callable[[str], Article]) -> None:
    # "Mr. Sanders" is the latest person, but "she" is Mrs. Clinton; without titles or pronouns that
    # give a gender (first names give none), the subject of the sentence before (whosaid.resolver).
    article = process("Mrs. Clinton met Mr. Sanders on Tuesday. “We will win,” she said.")
    assert [q.speaker.name if q.speaker else None for q in article.quotes] == ["Clinton"]
    article = process("Hillary Clinton met Bernie Sanders on Tuesday. “We will win,” he said.")
    assert [q.speaker.name if q.speaker else None for q in article.quotes] == ["Hillary Clinton"]


def test_interrupted_quote_is_one_quote_in_two_fragments(process: Callable[[str], Article]) -> None:
    article = process(WARREN + "“We will win,” Warren said. “Nobody doubts it.”")
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    assert [article.text[f.start : f.end] for f in quote.fragments] == ["We will win,", "Nobody doubts it."]
    assert quote.speaker is not None and quote.speaker.name == "Elizabeth Warren"


def test_interrupted_quote_resuming_in_lower_case(process: Callable[[str], Article]) -> None:
    article = process(WARREN + "“The voters are furious,” Warren said, “and they are not letting a speech sway them.”")
    assert len(article.quotes) == 1
    quote = article.quotes[0]
    assert [article.text[f.start : f.end] for f in quote.fragments] == [
        "The voters are furious,",
        "and they are not letting a speech sway them.",
    ]
    assert quote.kind == "direct" and quote.method == "cue-after"


def test_quote_over_several_paragraphs(process: Callable[[str], Article]) -> None:
    article = process(WARREN + 'Warren said: "This is the first part of it.\n\n"And this is the second part."')
    assert len(article.quotes) == 1
    assert [article.text[f.start : f.end] for f in article.quotes[0].fragments] == [
        "This is the first part of it.",
        "And this is the second part.",
    ]


def test_follow_on_quote_takes_the_previous_speaker(process: Callable[[str], Article]) -> None:
    article = process(
        WARREN + "“We will win,” Warren said.\n\n“The polls are wrong about this race and everyone knows it.”"
    )
    second = article.quotes[-1]
    assert second.text.startswith("The polls")
    assert second.speaker is not None and second.speaker.name == "Elizabeth Warren"
    assert second.method == "follow-on"
    assert second.confidence < article.quotes[0].confidence


def test_colon_cue_in_the_paragraph_before(process: Callable[[str], Article]) -> None:
    article = process("The New York Times reports:\n\n“The deal is done and both sides have signed it.”")
    quote = article.quotes[0]
    assert quote.method == "colon"
    assert quote.speaker is not None and "New York Times" in quote.speaker.name


def test_nicknames_and_titles_are_not_quotes(process: Callable[[str], Article]) -> None:
    article = process('A man who goes by "Shorty" said he was tired. She watched "Saturday Night Live" again.')
    assert all(q.text != "Shorty" and q.text != "Saturday Night Live" for q in article.quotes)


def test_role_speaker_is_linked_to_its_organisation(process: Callable[[str], Article]) -> None:
    article = process("A spokesperson for Microsoft said the rules had not changed since April.")
    quote = article.quotes[0]
    assert quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.role is not None and "spokesperson" in quote.speaker.role
    company = next(e for e in article.entities if e.name == "Microsoft")
    assert quote.speaker.entity_id == company.id


def test_unbalanced_quote_still_yields_later_quotes(process: Callable[[str], Article]) -> None:
    article = process(WARREN + "Warren said “this never closes.\n\nShe left. “Here is a clean one,” Warren said.")
    texts = [q.text for q in article.quotes]
    assert texts[0].startswith("this never closes")
    assert "Here is a clean one," in texts
