"""How quotes are attributed: the rules alone, or the learned scorer over the rules' drafts.

A module of its own so that the CLI can offer the choice without importing the quote stage.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class Attribution(StrEnum):
    """``learned`` (the default): the trained cue detector adds open-cue drafts and the trained
    scorer keeps the likely drafts, each with a calibrated confidence (rules when the model file
    is absent). ``rules``: every draft of the rules, confidence by rule (the fallback)."""

    RULES = "rules"
    LEARNED = "learned"


# Learned: ahead of the rules out-of-fold on every part of PolNeAR train (README, "Learned attribution").
DEFAULT_ATTRIBUTION = Attribution.LEARNED
# The learned scorer's weights, shipped inside the package (written by whosaid.quotes.train).
MODEL_PATH = Path(__file__).parent / "quotes" / "attribution.json"


def used_attribution(asked: Attribution) -> Attribution:
    """The attribution a record is made with: the learned scorer falls back to the rules without its model."""
    if asked is Attribution.LEARNED and not MODEL_PATH.is_file():
        return Attribution.RULES
    return asked
