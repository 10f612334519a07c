"""How sure the rules are of a quote: a prior per method, less for a resolved pronoun, an
unclosed quotation and a missing speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from whosaid.quotes.method import Method

if TYPE_CHECKING:
    from whosaid.quotes.drafts import Draft

CONFIDENCE = {
    Method.CUE_AFTER: 0.95,
    Method.CUE_BEFORE: 0.9,
    Method.COLON: 0.85,
    Method.DASH: 0.85,
    Method.FOLLOW_ON: 0.7,
    Method.PREVIOUS_SENTENCE: 0.55,
    Method.UNATTRIBUTED: 0.3,
    Method.CCOMP: 0.75,
    Method.ACCORDING_TO: 0.8,
    Method.SPEECH_NOUN: 0.6,
    Method.OBJECT: 0.7,
    Method.PARENTHETICAL: 0.75,
    Method.PREPOSITION: 0.55,
    Method.STANCE: 0.5,
    Method.OPEN_CUE: 0.3,  # never kept by the rules alone
}


def rule_confidence(draft: Draft) -> float:
    """The rules' confidence in a draft, in [0, 1], to two decimals."""
    confidence = CONFIDENCE[draft.method]
    if draft.pronoun:
        confidence -= 0.1
    if not draft.closed:
        confidence *= 0.8
    if draft.speaker is None:
        confidence = min(confidence, CONFIDENCE[Method.UNATTRIBUTED])
    return round(max(0.0, min(1.0, confidence)), 2)
