"""Wire and archive furniture: recognised as layout, kept out of the parser's text."""

from __future__ import annotations

import pytest
from whosaid.furniture import furniture_kind, match_dateline
from whosaid.read import read_bytes

from tests.texts_wrapped import AP_STORY, ARCHIVE, REUTERS_STORY


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("By Jane Doe", "byline"),
        ("By JANE DOE, Associated Press Writer", "byline"),
        ("By Jane Doe and John Roe, Reuters", "byline"),
        ("BY PIERRE DE LA CROIX", "byline"),
        ("ABSTRACT", "marker"),
        ("FULL TEXT", "marker"),
        ("LENGTH: 734 words", "marker"),
        ("DATELINE: KUALA LUMPUR, Malaysia", "marker"),
        ("(Reporting by Jane Doe; Editing by John Roe)", "credit"),
        ("(Additional reporting by Ali Khan in Karachi; Writing by Tom Brown; Editing by Sue Green)", "credit"),
        ("Copyright 1998 The Associated Press. All rights reserved.", "credit"),
        ("© 2015 Reuters", "credit"),
        ("Associated Press writer Maria Lopez in Madrid contributed to this report.", "credit"),
        ("AP-NY-03-03-98 1432EST", "credit"),
        ("By the end of the year the plant had closed.", None),
        ("Byron Smith said the plant had closed.", None),
        ("Reporting by bloggers has changed the campaign, she said, and nobody can stop it now.", None),
        ("The abstract painter said nothing.", None),
    ],
)
def test_furniture_lines(line: str, kind: str | None) -> None:
    assert furniture_kind(line) == kind


@pytest.mark.parametrize(
    ("opening", "place"),
    [
        ("PARIS (AP) - The president said", "PARIS"),
        ("PARIS (AP) _ The president said", "PARIS"),
        ("WASHINGTON (Reuters) - The Senate voted", "WASHINGTON"),
        ("LONDON, March 3 (Reuters) - Shares fell", "LONDON"),
        ("NEW YORK, Oct. 4 (UPI) — The city council", "NEW YORK"),
        ("CAMBRIDGE, Mass., Feb. 2 (UPI) — Local farmers", "CAMBRIDGE, Mass."),
        ("KUALA LUMPUR — Malaysia's central bank", "KUALA LUMPUR"),
        ("SOCCER - JAPAN GET LUCKY WIN", None),
        ("NATO said on Monday", None),
    ],
)
def test_wire_datelines(opening: str, place: str | None) -> None:
    match = match_dateline(opening, 0, len(opening))
    assert (match.group("place") if match else None) == place


def test_ap_story_layout() -> None:
    layout = read_bytes(AP_STORY.encode())
    text = layout.text
    assert text == AP_STORY
    parts = [(s.kind, text[s.start : s.end]) for s in layout.sections]
    assert [kind for kind, _ in parts] == ["headline", "byline", "dateline", "body", "credit"]
    assert parts[2][1] == "PARIS (AP) _"
    assert parts[3][1].startswith("The big fashion houses") and parts[3][1].endswith("until Sunday.")
    assert layout.title == "FASHION HOUSES SEEK A NEW BALANCE"
    assert layout.place == "PARIS"
    # the parser sees neither the byline, the dateline nor the credit; every offset still holds
    assert len(layout.parse_text) == len(text)
    assert "JANE DOE" not in layout.parse_text and "(AP)" not in layout.parse_text
    assert "Copyright" not in layout.parse_text
    body = layout.sections[3]
    assert layout.parse_text[body.start : body.start + 22] == "The big fashion houses"
    dateline = layout.sections[2]
    # the dateline's place stays for the parser, as a line of its own; the agency and dash go
    assert layout.parse_text[dateline.start : body.start] == "PARIS\n" + " " * (body.start - dateline.start - 6)


def test_reuters_story_layout_with_crlf() -> None:
    layout = read_bytes(REUTERS_STORY.replace("\n", "\r\n").encode())
    kinds = [s.kind for s in layout.sections]
    assert kinds == ["headline", "dateline", "body", "credit"]
    assert layout.place == "LONDON"
    assert layout.title == "UPDATE 2-Malaysia holds rates as ringgit steadies"
    assert "Siti Rahman" not in layout.parse_text


def test_archive_markers() -> None:
    layout = read_bytes(ARCHIVE.encode())
    text = layout.text
    kinds = {text[s.start : s.end]: s.kind for s in layout.sections}
    assert kinds["ABSTRACT"] == kinds["FULL TEXT"] == kinds["LENGTH: 412 words"] == "marker"
    assert kinds["BYLINE: By Tom Kelly, Globe Staff"] == "marker"
    assert kinds["LOAD-DATE: March 5, 1998"] == "marker"
    assert kinds["Copyright 1998 The Boston Globe"] == "credit"
    assert layout.place == "BOSTON"
    assert "Mayor Thomas Menino said on Tuesday that he would support the plan to clean up" in layout.parse_text
