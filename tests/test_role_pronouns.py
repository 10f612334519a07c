"""A "he" or "she" that no named person fits takes up the unnamed role noun before it."""

from __future__ import annotations

import pytest

from tests.conftest import SPEAKER_TABLE, SpeakerOf

SPOKESMAN = "A spokesman for the Home Office said that the rules would change in May. "
PLANS = '"The plans are fair and they are costed," '
TALKS = 'he said. "Nothing has been decided yet." He added that the talks with the unions would go on.'


@pytest.mark.parametrize(
    SPEAKER_TABLE,
    [
        pytest.param(
            SPOKESMAN + PLANS + TALKS,
            "The plans are fair and they are costed,",
            ("Home Office", True),
            id="he after an unnamed spokesman speaks for whom the spokesman speaks",
        ),
        pytest.param(
            SPOKESMAN + PLANS + TALKS,
            "that the talks with the unions would go on",
            ("Home Office", True),
            id="and so does a he three sentences after the spokesman",
        ),
        pytest.param(
            SPOKESMAN.replace("spokesman", "spokeswoman") + PLANS + "he said.",
            "The plans are fair and they are costed,",
            ("he", False),
            id="a pronoun of the other gender is not the spokeswoman",
        ),
        pytest.param(
            "A Home Office spokeswoman said Lord Hale and Lord Moss agreed on the facts. "
            '"Their dispute is a narrow one, in Lord Hale\'s words," she said.',
            "Their dispute is a narrow one, in Lord Hale's words,",
            ("Home Office", True),
            id="past a person named in what the spokeswoman reports",
        ),
        pytest.param(
            'A Green Party spokesman told the BBC the party avoided those lists. But that did not apply to "survey" '
            'calls. "When we ask how people will vote, that is not selling," he said. "So it is not covered by the '
            'code."\n\nHe said the party always asked people whether they could be called again.',
            "the party always asked people whether they could be called again",
            ("Green Party", True),
            id="sentences wholly inside quotation marks are not counted back",
        ),
        pytest.param(
            # Mrs Lee is no "he", but with a person named as subject in between, whose "he" this is is unclear.
            SPOKESMAN + "Mrs Ann Lee criticised the rules on Tuesday. " + PLANS + "he said.",
            "The plans are fair and they are costed,",
            ("he", False),
            id="a person named in between stops the search",
        ),
    ],
)
def test_role_pronouns(speaker_of: SpeakerOf, text: str, quote: str, speaker: tuple[str, bool]) -> None:
    assert speaker_of(text, quote) == speaker
