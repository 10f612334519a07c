"""Words hyphenated at a line end in hard-wrapped text, read as the words they are."""

from __future__ import annotations

from typing import Any

import pytest
from whosaid import parse as parse_module
from whosaid.parse import make_doc, parse
from whosaid.read import read_bytes

WRAPPED = """Trade talks stall again

The talks on the new inter-
national trade agreement stalled again on Monday in Geneva, where the
delegations from forty countries met for a third week of meetings that
were meant to settle a dispute over farm subsidies that is by now well-
known to every farmer in the region. The chief negotiator for Europe,
Maria Lopez, said the offer on the table was not good enough for the
farmers she had spoken to. The delegates will meet again in March, and
the chairman has asked both sides to bring new proposals. Tom Becker,
who leads the American delegation, ex-
plained that his side would not move on tariffs before the ministers met.
"""


@pytest.fixture(scope="module")
def parsed(nlp: Any) -> tuple[str, Any]:
    layout = read_bytes(WRAPPED.encode())
    [(doc, _)] = list(parse(nlp, [(layout.parse_text, 0)]))
    return layout.parse_text, doc


def test_a_word_broken_at_a_line_end_is_one_token_and_offsets_hold(parsed: tuple[str, Any]) -> None:
    text, doc = parsed
    assert doc.text == text and len(text) == len(WRAPPED)
    joined = {t.text: t for t in doc if " " in t.text}
    assert set(joined) == {"inter- national", "ex- plained"}
    international, explained = joined["inter- national"], joined["ex- plained"]
    assert (international.norm_, international.lemma_) == ("international", "international")
    assert (explained.norm_, explained.lemma_, explained.pos_) == ("explained", "explain", "VERB")
    assert WRAPPED[international.idx : international.idx + len(international)] == "inter-\nnational"


def test_a_compound_hyphenated_anyway_keeps_its_hyphen(parsed: tuple[str, Any]) -> None:
    _, doc = parsed
    at = next(t.i for t in doc if t.text.startswith("well"))
    assert [t.text for t in doc[at : at + 2]] == ["well-", "known"]


def test_the_joined_verb_is_a_cue(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from whosaid.attribution import Attribution
    from whosaid.parse import model_label
    from whosaid.record import build_article

    def speaker_of_tariffs() -> str | None:
        layout = read_bytes(WRAPPED.encode())
        [(doc, _)] = list(parse(nlp, [(layout.parse_text, 0)]))
        # The rules' cue list (the learned detector may find the broken word from its frame alone).
        article = build_article(
            layout, doc, article_id="t", source_path="t.txt", model=model_label(nlp), attribution=Attribution.RULES
        )
        quote = next((q for q in article.quotes if "tariffs" in q.text), None)
        return quote.speaker.name if quote and quote.speaker else None

    assert speaker_of_tariffs() == "Tom Becker"
    monkeypatch.setattr(parse_module, "join_broken_words", lambda nlp, doc, text: doc)
    assert speaker_of_tariffs() != "Tom Becker"  # without the join, ``ex- plained`` is no cue


def test_a_suspended_hyphen_is_left_alone(nlp: Any) -> None:
    text = "Both pre- and post-war housing was surveyed for two- or three-year leases in inter- and intra-city lets."
    assert [t.text_with_ws for t in make_doc(nlp, text)] == [t.text_with_ws for t in nlp.tokenizer(text)]
