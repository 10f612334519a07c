"""Which rule found a quote and its speaker: the ``Method`` enum.

The values are the method names written in records (README, "method" table). A speaker
named by a pronoun and resolved to a person is a separate flag, never a suffix to parse:
``method_label`` composes the record's string (``"cue-after+pronoun"``) in this one place.
"""

from __future__ import annotations

from enum import StrEnum


class Method(StrEnum):
    """The rule behind a quote; the value is what records say."""

    CUE_AFTER = "cue-after"
    CUE_BEFORE = "cue-before"
    COLON = "colon"
    DASH = "dash"
    FOLLOW_ON = "follow-on"
    PREVIOUS_SENTENCE = "previous-sentence"
    UNATTRIBUTED = "unattributed"
    CCOMP = "ccomp"
    ACCORDING_TO = "according-to"
    SPEECH_NOUN = "speech-noun"
    OBJECT = "object"
    PARENTHETICAL = "parenthetical"
    PREPOSITION = "preposition"
    STANCE = "stance"
    OPEN_CUE = "open-cue"  # a verb outside the lists, kept only by the learned scorer


PRONOUN_SUFFIX = "+pronoun"


def method_label(method: Method, pronoun: bool) -> str:
    """The record's ``method``: the rule, and ``+pronoun`` when the speaker was a resolved pronoun."""
    return method.value + (PRONOUN_SUFFIX if pronoun else "")
