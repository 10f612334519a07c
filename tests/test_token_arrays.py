"""Lookups read from a Doc's arrays give what the token-by-token versions give."""

from __future__ import annotations

from typing import Any

from whosaid.cues import REPORTED_CUE_VERBS, SPEECH_NOUNS, cue_lemma, tokens_with_lemma
from whosaid.quotes.drafts import char_token_map

TEXT = (
    "The mayor said on Tuesday that she was hoping for a deal, according to two aides.\n\n"
    "  Critics argued the plan , in a statement , was rushed; \u201cIt is not,\u201d she replied.  "
)


def test_tokens_with_lemma_matches_cue_lemma_token_by_token(nlp: Any) -> None:
    doc = nlp(TEXT)
    lemmas = REPORTED_CUE_VERBS | SPEECH_NOUNS
    expected = [t.i for t in doc if cue_lemma(t) in lemmas or t.lower_ == "according"]
    found = tokens_with_lemma(doc, lemmas, ("according",))
    assert found == expected
    words = {doc[i].lower_ for i in found}
    assert {"said", "hoping", "according", "argued", "statement", "replied"} <= words
    assert tokens_with_lemma(nlp(""), lemmas) == []


def test_char_token_map_points_every_character_at_its_token(nlp: Any) -> None:
    doc = nlp(TEXT)
    mapping = char_token_map(doc)
    assert len(mapping) == doc[-1].idx + len(doc[-1])
    for offset, index in enumerate(mapping):
        token = doc.char_span(offset, offset + 1, alignment_mode="expand")
        inside = [t for t in doc if t.idx <= offset < t.idx + len(t)]
        if inside:
            assert index == inside[0].i
        else:  # whitespace after a token belongs to none
            assert index == -1 and (token is None or TEXT[offset].isspace())
    assert list(char_token_map(nlp(""))) == []
