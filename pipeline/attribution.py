"""How quotes are attributed: the rules alone, or the learned scorer over the rules' drafts.

A module of its own so that the CLI can offer the choice without importing the quote stage.
"""

from __future__ import annotations

from enum import StrEnum


class Attribution(StrEnum):
    """``rules``: every draft of the rules, confidence by rule. ``learned``: the trained scorer
    keeps the likely drafts and gives each a calibrated confidence (rules when it is absent)."""

    RULES = "rules"
    LEARNED = "learned"


DEFAULT_ATTRIBUTION = Attribution.RULES
