"""Facts of a Doc computed once per article, and never read stale outside the block."""

from __future__ import annotations

from typing import Any

from whosaid.docfacts import computed_once, doc_text, sentence_starts

TEXT = "The minister spoke first. Then the union replied.\nNobody else said a word."


def test_inside_a_block_the_facts_equal_spacys_and_are_built_once(nlp: Any) -> None:
    doc = nlp(TEXT)
    with computed_once(doc):
        assert doc_text(doc) == TEXT
        assert doc_text(doc) is doc_text(doc)  # the same string object: built once
        starts = sentence_starts(doc)
        assert starts == [s.start for s in doc.sents]
        assert [doc[i].text for i in starts][:2] == ["The", "Then"]
        assert sentence_starts(doc) is starts
        with computed_once(doc):  # a nested block shares the outer one's facts
            assert sentence_starts(doc) is starts


def test_outside_a_block_a_changed_doc_is_read_afresh(nlp: Any) -> None:
    doc = nlp(TEXT)
    with computed_once(doc):
        before = sentence_starts(doc)
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])  # "The minister" becomes one token: "Then" moves one place left
    assert sentence_starts(doc) == [before[0], before[1] - 1, *[i - 1 for i in before[2:]]]
    assert doc_text(doc) == TEXT
