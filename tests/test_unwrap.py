"""Hard-wrapped text: which line breaks are joined for the parser, and which stay breaks."""

from __future__ import annotations

import pytest
from whosaid.read import read_bytes
from whosaid.unwrap import join_wrapped, wrap_width, wrapped_breaks

from tests.texts_wrapped import AP_STORY, NEWSLETTER, PDF_TEXT, REUTERS_STORY

WEB_TEXT = (
    "Council votes to build tram line\n\n"
    "The city council of Leeds voted on Wednesday to build a tram line from the railway station to the "
    "university, ending a dispute that has divided the council for almost ten years.\n"
    "“This is the day we stop talking and start digging,” said council leader Helen Barnes.\n"
    "Opposition councillors said the cost would fall on local taxpayers.\n"
    "Work is due to start next spring.\n"
)


def _joined(text: str) -> str:
    return join_wrapped(text, wrapped_breaks(text))


def test_text_with_one_line_per_paragraph_is_left_alone() -> None:
    assert wrap_width(WEB_TEXT) is None
    assert wrapped_breaks(WEB_TEXT) == []
    assert read_bytes(WEB_TEXT.encode()).parse_text == WEB_TEXT


def test_wrapped_lines_become_spaces_one_for_one() -> None:
    assert wrap_width(AP_STORY) == 69  # its longest line
    joined = _joined(AP_STORY)
    assert len(joined) == len(AP_STORY)
    assert [i for i, (a, b) in enumerate(zip(AP_STORY, joined, strict=True)) if a != b] == [
        i for i, char in enumerate(AP_STORY) if char == "\n" and joined[i] == " "
    ]
    start = AP_STORY.index("Kuala\nLumpur")
    assert joined[start : start + 12] == "Kuala Lumpur"
    assert "New York. She said" in joined
    assert "glamour and efficiency,''" in joined


def test_indented_first_lines_and_paragraph_ends_stay_breaks() -> None:
    joined = _joined(AP_STORY)
    assert "since the 1980s.\n   Buyers flew" in joined  # a short line ending a sentence, then an indent
    assert "began last summer.\n   ``We are here" in joined
    assert "this year.\n   The shows run until Sunday.\n\nCopyright" in joined
    assert joined.startswith("FASHION HOUSES SEEK A NEW BALANCE\nBy JANE DOE")  # headline keeps its line


def test_tab_indented_paragraphs() -> None:
    text = AP_STORY.replace("\n   ", "\n\t")
    joined = _joined(text)
    assert "since the 1980s.\n\tBuyers flew" in joined
    assert "boutiques of Kuala Lumpur, where" in joined


def test_crlf_breaks_are_both_swapped() -> None:
    text = REUTERS_STORY.replace("\n", "\r\n")
    joined = _joined(text)
    assert len(joined) == len(text)
    assert "stay low in Kuala  Lumpur and the rest" in joined
    assert 'the rest of the country.\r\n\r\n"The economy' in joined  # blank lines stay
    assert 'move now,"  Governor Ahmad Zaki' in joined


def test_ragged_pdf_text_with_short_last_lines() -> None:
    joined = _joined(PDF_TEXT)
    assert joined.startswith("City council approves new tram line\nThe city council of Leeds")
    assert "railway station to the university" in joined
    assert "said council leader Helen Barnes, who had promised the line in her campaign.\nOpposition" in joined
    assert "leads the Conservative group.\nWork is due" in joined


def test_list_items_keep_their_lines() -> None:
    joined = _joined(NEWSLETTER)
    assert "single market on Monday. Commissioner Anna Berg said the plan would be debated by the member" in joined
    assert "before the summer:\n\n- cheaper roaming charges for travellers\n- a common charger" in joined
    assert "on Thursday\n2. Send us" in joined


def test_table_rows_keep_their_lines() -> None:
    rows = (
        "Results of the first round on Saturday:\n"
        "Pavel Rusek (Czech Republic) beat Tomas Lindgren (Sweden) 6-2 3-6 7-6 6-4\n"
        "Marco Ferrante (Italy) beat Sean Dowling (Ireland) 6-4 7-5 6-1 6-3\n"
        "Jorge Salas (Argentina) beat Kenji Morita (Japan) 4-6 6-3 7-5 6-3\n"
    )
    text = AP_STORY + "\n" + rows
    assert all(len(line) > 0.8 * 69 for line in rows.splitlines()[1:])  # as full as wrapped lines
    assert _joined(text).endswith(rows)


@pytest.mark.parametrize("width", [60, 72, 80])
def test_any_width_rejoins_a_one_line_paragraph(width: int) -> None:
    paragraph = (
        "The committee heard evidence from the Ministry of Defence, the Royal Navy and three former "
        "commanders of the fleet, who said the new frigates would arrive in Portsmouth two years late "
        "and cost far more than the government had told New York investors in its prospectus last year."
    )
    chars, start, last = list(paragraph), 0, -1
    for i, char in enumerate(paragraph + " "):
        if char == " ":
            if i - start > width:
                chars[last], start = "\n", last + 1
            last = i
    wrapped = "".join(chars)
    text = "Frigates late, committee hears\n\n" + wrapped + "\n\nThe ministry did not comment.\n"
    assert "\n" in wrapped
    assert _joined(text) == "Frigates late, committee hears\n\n" + paragraph + "\n\nThe ministry did not comment.\n"
