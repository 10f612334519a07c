"""The read stage: decoding, and the news layout with offsets into the original text."""

from __future__ import annotations

import pytest
from whosaid import errors
from whosaid.read import decode, find_layout, read_bytes

from tests.conftest import SEED


def test_utf8_is_decoded_as_utf8() -> None:
    assert decode("Zhirnov said “yes”".encode()) == ("Zhirnov said “yes”", "utf-8")


def test_bom_is_recognised() -> None:
    text, encoding = decode(b"\xef\xbb\xbfHello")
    assert (text, encoding) == ("Hello", "utf-8-sig")


def test_latin1_falls_back_to_detection() -> None:
    raw = "Le ministre a déclaré que la réforme était nécessaire, selon l'équipe.".encode("latin-1")
    text, encoding = decode(raw)
    assert "déclaré" in text and "réforme" in text
    assert encoding != "utf-8"


@pytest.mark.parametrize(
    ("raw", "message"),
    [(b"", errors.E_EMPTY), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", errors.E_BINARY)],
)
def test_bad_bytes_raise_article_errors(raw: bytes, message: str) -> None:
    with pytest.raises(errors.ArticleError, match=message.split("(")[0].strip()):
        decode(raw)


def test_whitespace_only_is_refused() -> None:
    with pytest.raises(errors.ArticleError, match="whitespace"):
        read_bytes(b"   \n\n  ")


def test_seed_layout() -> None:
    layout = read_bytes(SEED.read_bytes())
    text = layout.text
    assert layout.title == text.splitlines()[0]
    assert layout.published_text == "August 21, 2021 6:52 PM EDT"
    kinds = [s.kind for s in layout.sections]
    assert kinds == ["headline", "dateline", "caption", "body"]
    caption = next(s for s in layout.sections if s.kind == "caption")
    assert text[caption.start : caption.end] == "Russian President Vladimir Putin. Credit; Getty images via CBS News."
    body = layout.sections[-1]
    assert text[body.start : body.start + 20] == "In the Taliban’s rap"
    assert body.end == len(text.rstrip())


def test_standfirst_between_headline_and_dateline() -> None:
    text = "Big news today\nA short summary of the news.\nPublished: May 3, 2020\n\nThe body starts here."
    sections, title, standfirst, published = find_layout(text)
    assert title == "Big news today"
    assert standfirst == "A short summary of the news."
    assert published == "May 3, 2020"
    assert [s.kind for s in sections] == ["headline", "standfirst", "dateline", "body"]


def test_text_without_layout_is_all_body() -> None:
    text = "Just one paragraph of text, with no headline at all."
    sections, title, standfirst, published = find_layout(text)
    assert (title, standfirst, published) == (None, None, None)
    assert [(s.kind, s.start, s.end) for s in sections] == [("body", 0, len(text))]


def test_bbc_style_headline_then_blank_line() -> None:
    sections, title, _, _ = find_layout(
        "Rail strike hits Northfield traders\n\nWeekly takings at small shops in the town fell."
    )
    assert title == "Rail strike hits Northfield traders"
    assert [s.kind for s in sections] == ["headline", "body"]
