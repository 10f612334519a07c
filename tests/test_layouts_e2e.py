"""Hard-wrapped and wire-style articles through the whole chain, with the real model."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from whosaid.models import Article

from tests.texts_wrapped import AP_STORY, ARCHIVE, NEWSLETTER, PDF_TEXT, REUTERS_STORY


def _names(article: Article, kind: str) -> set[str]:
    return {entity.name for entity in article.entities if entity.kind == kind}


def _speaker_of(article: Article, words: str) -> str | None:
    quote = next(q for q in article.quotes if words in q.text)
    return quote.speaker.name if quote.speaker else None


def test_ap_story(process: Callable[[str], Article]) -> None:
    article = process(AP_STORY)
    assert article.text == AP_STORY
    assert article.dateline_place == "PARIS"
    assert {"Kuala Lumpur", "New York", "Tokyo", "Milan"} <= _names(article, "place")
    kuala = next(e for e in article.entities if e.name == "Kuala Lumpur")
    assert [m.text for m in kuala.mentions] == ["Kuala\nLumpur"]  # the record keeps the original text
    assert {"Jean-Jacques Picart", "Maria Lopez"} <= _names(article, "person")
    assert "JANE DOE" not in _names(article, "person")
    quote = next(q for q in article.quotes if "glamour" in q.text)
    assert quote.kind == "direct"
    assert quote.text.startswith("After ten years") and quote.text.endswith("glamour and\nefficiency,")
    assert quote.speaker is not None and quote.speaker.name == "Jean-Jacques Picart"
    assert _speaker_of(article, "here to buy") == "Maria Lopez"


def test_reuters_story_with_crlf(process: Callable[[str], Article]) -> None:
    text = REUTERS_STORY.replace("\n", "\r\n")
    article = process(text)
    assert article.text == text
    assert article.dateline_place == "LONDON"
    assert {"Kuala Lumpur", "New Zealand"} <= {name.replace("  ", " ") for name in _names(article, "place")}
    assert _speaker_of(article, "firm footing") == "Ahmad Zaki"
    people = _names(article, "person")
    assert not {"Siti Rahman", "Mark Heinrich"} & people  # the credit is not part of the story


def test_pdf_text(process: Callable[[str], Article]) -> None:
    article = process(PDF_TEXT)
    assert article.title == "City council approves new tram line"
    assert _speaker_of(article, "stop talking") == "Helen Barnes"
    assert _speaker_of(article, "Nobody has shown") == "Peter Walsh"
    assert "Leeds" in _names(article, "place")


def test_newsletter_keeps_its_list(process: Callable[[str], Article]) -> None:
    article = process(NEWSLETTER)
    assert article.title == "This week in Brussels"
    assert "Anna Berg" in _names(article, "person")
    body = next(s for s in article.sections if s.kind == "body")
    assert article.text[body.start : body.end].startswith("The European Commission published")


def test_archive_export(process: Callable[[str], Article]) -> None:
    article = process(ARCHIVE)
    assert article.dateline_place == "BOSTON"
    assert _speaker_of(article, "belongs to everybody") in ("Thomas Menino", "Menino")
    assert "Tom Kelly" not in _names(article, "person")


def test_paragraph_pipe_on_raw_wrapped_text(nlp: Any) -> None:
    # A Doc parsed from the raw text (extract_doc, the component): wrapped breaks start no sentence.
    doc = nlp(AP_STORY)
    starts = {token.text for token in doc if token.is_sent_start}
    lumpur = next(token for token in doc if token.text == "Lumpur")
    assert not lumpur.is_sent_start
    buyers = next(token for token in doc if token.text == "Buyers")
    assert buyers.is_sent_start  # an indented first line is a paragraph
    assert "FASHION" in starts


def test_a_headline_is_no_quote(process: Callable[[str], Article]) -> None:
    text = (
        "UNIONS SAY STRIKE WILL GO AHEAD\n\n"
        "LONDON (Reuters) - Rail unions said on Tuesday that the strike planned for next week would go ahead.\n\n"
        "Talks with the operators broke down on Monday evening, a spokesman for the union said.\n"
    )
    article = process(text)
    assert [s.kind for s in article.sections][:2] == ["headline", "dateline"]
    assert [q.text for q in article.quotes] == [
        "that the strike planned for next week would go ahead",
        "Talks with the operators broke down on Monday evening",
    ]
    assert article.quotes[0].speaker is not None and article.quotes[0].speaker.name == "Rail unions"
    # The same words in the body are a quote.
    body = process("Rail news in brief\n\nLONDON (Reuters) - The unions say the strike will go ahead next week.\n")
    assert [q.text for q in body.quotes] == ["the strike will go ahead next week"]
