"""A reader's comment: its "I" is the writer who signed it ("Ann Webb, Leeds" on the line after)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from whosaid.models import Article
from whosaid.signers import signature_after

COMMENTS = (
    "Readers react to the parking charges\n\n"
    "Hundreds of you wrote to us about the new charges at the hospital. Here is a selection.\n\n"
    "I think the charges are unfair and I have told my MP so. Nurses should not pay to park at work.\n"
    "Ann Webb, Leeds\n\n"
    "I believe the council has got this wrong. The money will not go to patients.\n"
    "Tom Hill, Bristol, UK\n\n"
    "My mother waits an hour for the bus because the car park is full. I fear the charges will stay.\n"
    "Priya Shah, Cardiff\n"
)


@pytest.mark.parametrize(
    ("text", "signer"),
    [
        ("I think so.\nAnn Webb, Leeds\n", "Ann Webb"),
        ("I think so. It is late.\n\nMore on this.\nJ. O'Neill, Cork, Ireland", "J. O'Neill"),
        ("I think so. Ann Webb, Leeds\n\nNext.", "Ann Webb"),  # a reading that joined the lines
        ("I think so.\nAnn Webb, Leeds.\n", None),  # a sentence, not a signature
        ("I think so.\nAnn Webb\n", None),  # a name with no place: a heading as likely
        ("I think so.\nWe met Ann Webb, Tom and Sue in Leeds\n", None),
        ("I think so.\n" + "More.\n" * 8 + "Ann Webb, Leeds\n", None),  # too far on
        ("Ann Webb, Leeds\nI think so.\n", None),  # before the pronoun
    ],
)
def test_signature_after(text: str, signer: str | None) -> None:
    found = signature_after(text, text.index("I think"))
    assert (text[found[0] : found[1]] if found else None) == signer


def test_the_i_of_a_signed_comment_is_its_signer(process: Callable[[str], Article]) -> None:
    article = process(COMMENTS)
    speakers = {q.text: q.speaker for q in article.quotes if q.speaker is not None}
    names = {text: (s.name, s.entity_id is not None, s.mention.text) for text, s in speakers.items()}
    assert names["the charges are unfair"] == ("Ann Webb", True, "I")
    assert names["the council has got this wrong"] == ("Tom Hill", True, "I")
    assert names["the charges will stay"] == ("Priya Shah", True, "I")


def test_the_i_of_an_unsigned_column_stays_i(process: Callable[[str], Article]) -> None:
    article = process(
        "Why the league must change\n\n"
        "I think the league has lost its way. The clubs spend too much on wages.\n\n"
        "Next season the rules change again, and the fans will pay for it."
    )
    speakers = [q.speaker.name for q in article.quotes if q.speaker is not None and q.speaker.mention.text == "I"]
    assert speakers == ["I"]
