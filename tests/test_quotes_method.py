"""The ``Method`` enum and the rules' confidence: the pronoun flag is data, not a suffix to parse."""

from __future__ import annotations

from whosaid.models import Mention, Speaker
from whosaid.quotes import Method
from whosaid.quotes.confidence import CONFIDENCE, rule_confidence
from whosaid.quotes.drafts import Draft
from whosaid.quotes.method import method_label


def test_every_method_has_a_confidence() -> None:
    assert set(CONFIDENCE) == set(Method)


def test_method_label_writes_the_pronoun_flag() -> None:
    assert method_label(Method.CUE_AFTER, pronoun=False) == "cue-after"
    assert method_label(Method.PARENTHETICAL, pronoun=True) == "parenthetical+pronoun"


def test_rule_confidence_lowers_for_pronoun_unclosed_and_missing_speaker() -> None:
    base = Draft(kind="direct", fragments=[(0, 5)], method=Method.CUE_AFTER)
    # No speaker: capped at the unattributed prior.
    assert rule_confidence(base) == CONFIDENCE[Method.UNATTRIBUTED]
    she = Speaker(name="Elizabeth Warren", mention=Mention(start=10, end=13, text="she"))
    named = Draft(kind="indirect", fragments=[(0, 5)], method=Method.CCOMP, speaker=she)
    assert rule_confidence(named) == 0.75
    pronoun = Draft(kind="indirect", fragments=[(0, 5)], method=Method.CCOMP, speaker=she, pronoun=True, closed=False)
    assert rule_confidence(pronoun) == 0.52  # (0.75 - 0.1) * 0.8
