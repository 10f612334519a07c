"""An unnamed spokesman speaks for the organisation that was the subject of the sentence before."""

from __future__ import annotations

import pytest

from tests.conftest import SPEAKER_TABLE, SpeakerOf

SAFE = "that the jars were safe"


@pytest.mark.parametrize(
    SPEAKER_TABLE,
    [
        pytest.param(
            "Acme Foods has recalled 3,000 jars of jam. A spokeswoman said that the jars were safe.",
            SAFE,
            ("Acme Foods", True),
            id="the organisation the sentence before was about",
        ),
        pytest.param(
            "The Halden Trust met Acme Foods. It said that prices will rise. "
            "A spokesman said that the talks went well.",
            "that the talks went well",
            ("Halden Trust", True),
            id="through the pronoun that stood for it",
        ),
        pytest.param(
            "The Federal Bureau of Investigation is warning of a virus. The agency has shut down two of its "
            "accounts. A spokeswoman said that the two incidents were unrelated.",
            "that the two incidents were unrelated",
            ("Federal Bureau of Investigation", True),
            id="through the description that stood for it",
        ),
        pytest.param(
            "Tom Hill has resigned from Acme Foods. A spokesman said that he would not comment.",
            "that he would not comment",
            ("spokesman", False),
            id="not after a person, whose spokesman he may be",
        ),
        pytest.param(
            "Acme Foods said on Monday that Tom Hill had resigned. A spokesman said that he would not comment.",
            "that he would not comment",
            ("spokesman", False),
            id="only the latest subject",
        ),
        pytest.param(
            "Tom Hill met the Halden Trust on Monday. "
            "The trust will cut prices because it has cut costs, a spokesman said.",
            "The trust will cut prices because it has cut costs",
            ("spokesman", False),
            id="not what the spokesman's own sentence says",
        ),
        pytest.param(
            "Acme Foods has recalled jam. A spokesman for the council said that the jars were safe.",
            SAFE,
            ("spokesman for the council", False),
            id="its own words say whose",
        ),
    ],
)
def test_unnamed_spokesman(speaker_of: SpeakerOf, text: str, quote: str, speaker: tuple[str, bool]) -> None:
    assert speaker_of(text, quote) == speaker
