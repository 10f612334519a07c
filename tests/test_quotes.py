"""Quotes on real text: the example article, and one table row per rule on small texts."""

from __future__ import annotations

from collections.abc import Callable

import pytest
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

# (text, [(kind, content, speaker name or None, cue or None, method prefix)])
CASES = [
    (WARREN + '"We will win," Warren said.', [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (
        WARREN + "Warren said: “We will win this fight.”",
        [("direct", "We will win this fight.", "Elizabeth Warren", "said", "cue-before")],
    ),
    (WARREN + "“We will win,” said Warren.", [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "‘We don’t know,’ said Warren.", [("direct", "We don’t know,", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "''We will win,'' Warren said.", [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "«We will win», Warren said.", [("direct", "We will win", "Elizabeth Warren", "said", "cue-after")]),
    (WARREN + "“We will win,” she said.", [("direct", "We will win,", "Elizabeth Warren", "said", "cue-after")]),
    (
        WARREN + "Warren hinted that the bill might pass next week.",
        [("indirect", "that the bill might pass next week", "Elizabeth Warren", "hinted", "ccomp")],
    ),
    (
        "The bill will pass, according to Senator Elizabeth Warren.",
        [("indirect", "The bill will pass", "Elizabeth Warren", "according", "according-to")],
    ),
    (
        WARREN + "Warren called the bill “a disgrace to the nation”.",
        [("mixed", "the bill “a disgrace to the nation", "Elizabeth Warren", "called", "object")],
    ),
    (
        WARREN + "The economy, Warren said, is in trouble.",
        [("indirect", "The economy, Warren said, is in trouble", "Elizabeth Warren", "said", "parenthetical")],
    ),
    # The apposition after the content is the writer's gloss, not what was said.
    (
        "Senator Elizabeth Warren spoke. Many of the closures, she said, have involved public courses, the latter "
        "a reference to clubs that let non-members play.",
        [
            (
                "indirect",
                "Many of the closures, she said, have involved public courses",
                "Elizabeth Warren",
                "said",
                "parenthetical",
            )
        ],
    ),
    (
        '"Net neutrality is essential for us all." - Commissioner Geoffrey Starks',
        [("direct", "Net neutrality is essential for us all.", "Geoffrey Starks", None, "dash")],
    ),
    # A signature on the line after the quote; the place after the comma is not the speaker.
    (
        '"The whole idea of a crooked candidate is something we hear about all the time."\n\n'
        "-Michelle Marks, Philadelphia.",
        [
            (
                "direct",
                "The whole idea of a crooked candidate is something we hear about all the time.",
                "Michelle Marks",
                None,
                "dash",
            )
        ],
    ),
    ("The so-called “reform” package was shelved.", []),
    # A belief reported inside reported speech is part of the outer quote, not a second one.
    (
        WARREN + "Warren said she believed the bill would pass.",
        [("indirect", "she believed the bill would pass", "Elizabeth Warren", "said", "ccomp")],
    ),
    # Groups named by a quantity are speakers, as polls report them.
    (
        "About four in 10 voters said they were angry with the government.",
        [("indirect", "they were angry with the government", "About four in 10 voters", "said", "ccomp")],
    ),
    ("Many said the vote was rigged.", [("indirect", "the vote was rigged", "Many", "said", "ccomp")]),
    # A closing mark set off by a space still closes the quote.
    (
        "''The reason he won is that he built coalitions, '' said Mr. Gunnels, who works for the campaign.",
        [("direct", "The reason he won is that he built coalitions,", "Gunnels", "said", "cue-after")],
    ),
    # The parser finds no subject for "said"; the name opening the frame is the speaker, and
    # the quoted name inside the frame is not.
    (
        "“We have had better conventions than this one,” Texas delegate Bill Eastland, wearing a “Ted Cruz” "
        "campaign pin, said.",
        [("direct", "We have had better conventions than this one,", "Bill Eastland", "said", "cue-after")],
    ),
    # "hoping" is lemmatized "hop" by the small model.
    (
        WARREN + "Warren is hoping the bill will pass next week.",
        [("indirect", "the bill will pass next week", "Elizabeth Warren", "hoping", "ccomp")],
    ),
    (
        WARREN + "Warren expressed her support for the new climate bill.",
        [("indirect", "her support for the new climate bill", "Elizabeth Warren", "expressed", "object")],
    ),
    # Idioms of attribution and colons without a cue verb.
    (
        "As Tom Ridge, a former secretary of homeland security, put it: ''The barbarians are no longer at the gate.''",
        [("direct", "The barbarians are no longer at the gate.", "Tom Ridge", "put", "cue-before")],
    ),
    (
        WARREN + "She went on: “The bill is a disgrace and everyone knows it.”",
        [("direct", "The bill is a disgrace and everyone knows it.", "Elizabeth Warren", "went", "cue-before")],
    ),
    (
        "At the rally in Ohio, Hillary Clinton offered up this sound bite: “We're going to put a lot of coal "
        "miners out of business.”",
        [
            (
                "direct",
                "We're going to put a lot of coal miners out of business.",
                "Hillary Clinton",
                None,
                "colon",
            )
        ],
    ),
    (
        'Rep. Trey Gowdy (R-S.C.):"I have not heard anyone other than you ever cite that figure."',
        [("direct", "I have not heard anyone other than you ever cite that figure.", "Trey Gowdy", None, "colon")],
    ),
    # Titles in quotation marks are not quotes.
    ("Netflix also brought the world ''Fuller House,'' a sequel to ''Full House.''", []),
    (
        "Donald Trump spoke in Iowa. “Jeb wants to be a tough guy tonight,” Trump shot back.",
        [("direct", "Jeb wants to be a tough guy tonight,", "Donald Trump", "shot", "cue-after")],
    ),
    (
        "“The evidence cannot prove the crime alleged and is insufficient,” according to a court document "
        "filed by state attorney Dave Aronberg.",
        [
            (
                "direct",
                "The evidence cannot prove the crime alleged and is insufficient,",
                "court document",
                "according",
                "according-to",
            )
        ],
    ),
    # A sentence that only says who spoke attributes the quote after it, before any earlier speaker.
    (
        WARREN + "“We will win,” Warren said.\n\nGovernor Bill Lee agreed. “The bill is a disgrace and everyone "
        "knows it.”",
        [
            ("direct", "We will win,", "Elizabeth Warren", "said", "cue-after"),
            ("direct", "The bill is a disgrace and everyone knows it.", "Bill Lee", "agreed", "previous-sentence"),
        ],
    ),
    # Evidence and aims are attributions too, at a lower confidence (method "stance").
    (
        "A new Quinnipiac poll shows Clinton with an 8-point lead over Trump.",
        [("indirect", "Clinton with an 8-point lead over Trump", "new Quinnipiac poll", "shows", "stance")],
    ),
    (
        WARREN + "Warren called for new limits on campaign spending.",
        [("indirect", "for new limits on campaign spending", "Elizabeth Warren", "called", "object")],
    ),
    # Adjectives of attitude report a position.
    (
        WARREN + "Warren is worried about the cost of the new bill.",
        [("indirect", "the cost of the new bill", "Elizabeth Warren", "worried", "stance")],
    ),
    (
        WARREN + "Warren was confident that the bill would pass.",
        [("indirect", "that the bill would pass", "Elizabeth Warren", "confident", "stance")],
    ),
    ("The house was full of old books.", []),
    # In the passive the source is the agent, never the subject; without an agent there is none.
    (
        "Trump has been criticized by some of his rivals for failing to spend enough on ads.",
        [("indirect", "for failing to spend enough on ads", "some of his rivals", "criticized", "object")],
    ),
    ("Trump was criticized for failing to spend enough on ads.", []),
    # The parse ends the clause at the comma inside the quoted words; the quote keeps them whole.
    (
        WARREN + "Warren said she wanted “common-sense solutions to the problem that include gun-safety "
        "legislation, maybe looking at smart guns, trigger locks and restricting the use of military-style rifles.”",
        [
            (
                "mixed",
                "she wanted “common-sense solutions to the problem that include gun-safety legislation, maybe "
                "looking at smart guns, trigger locks and restricting the use of military-style rifles.",
                "Elizabeth Warren",
                "said",
                "ccomp",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quote_rules(process: Callable[[str], Article], text: str, expected: list[tuple[str, ...]]) -> None:
    article = process(text)
    found = [
        (q.kind, q.text, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None, q.method.split("+")[0])
        for q in article.quotes
    ]
    assert [f[:4] for f in found] == [e[:4] for e in expected]
    assert [f[4] for f in found] == [e[4] for e in expected]


def test_pronoun_speaker_keeps_the_pronoun_as_mention(process: Callable[[str], Article]) -> None:
    quote = process(WARREN + "“We will win,” she said.").quotes[0]
    assert quote.speaker is not None and quote.speaker.mention.text == "she"
    assert quote.method == "cue-after+pronoun"


def test_pronoun_takes_the_latest_person_of_its_gender(process: Callable[[str], Article]) -> None:
    # "Mr. Sanders" is the latest person, but "she" is Mrs. Clinton; without titles, the latest.
    article = process("Mrs. Clinton met Mr. Sanders on Tuesday. “We will win,” she said.")
    assert [q.speaker.name if q.speaker else None for q in article.quotes] == ["Clinton"]
    article = process("Hillary Clinton met Bernie Sanders on Tuesday. “We will win,” he said.")
    assert [q.speaker.name if q.speaker else None for q in article.quotes] == ["Bernie Sanders"]


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
