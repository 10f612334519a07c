"""The learned attribution model: a cue detector and two logistic models over ``features`` of drafts.

``cue`` (``cue_detector``) proposes cue words the word lists miss: those at or above
``cue_floor`` become open-cue drafts beside the rules' own, and every draft's cue probability
is a feature of the two scorers. ``source`` (``source_choice``) picks each draft's source among
the words that could be it, before the scorers see the draft.

``keep`` estimates whether a draft's content matches an annotated attribution, ``right`` whether
the content and the speaker are both right: that probability is the quote's ``confidence``. A
reported draft is kept when the two sum to the threshold chosen in training or more, a direct
quote when ``keep``'s reaches its own (``keeps``). The weights are a
small JSON file shipped in the package (``attribution.json``), trained by
``python -m whosaid.quotes.train`` on PolNeAR train (README, "Learned attribution").
Prediction is plain Python: no learning library is needed at run time. ``PerModel`` keeps what
is made for a model (a scorer with its kept sums) once per model object.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Generic, TypeVar

from whosaid.attribution import MODEL_PATH


@dataclass(frozen=True)
class LinearModel:
    """A logistic model over named features; unknown features weigh nothing."""

    weights: dict[str, float]

    def score(self, features: dict[str, float]) -> float:
        """The weighted sum (log-odds) before the logistic."""
        weights = self.weights
        return sum(weights.get(name, 0.0) * value for name, value in features.items())

    def probability(self, features: dict[str, float]) -> float:
        return logistic(self.score(features))


def logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


MODELS_KEPT = 8  # models whose made things are kept at once (training makes a model per fold)
_Made = TypeVar("_Made")


class PerModel(Generic[_Made]):
    """``make(model)``, made once per model object and given again for the same model (a scorer
    whose sums are kept across articles). Found by the model's ``id()``, the model kept beside to
    check it, so a model that gets a freed id is not given another model's; more than
    ``MODELS_KEPT`` models and all are let go."""

    def __init__(self, make: Callable[[LinearModel], _Made]) -> None:
        self.make = make
        self.kept: dict[int, tuple[LinearModel, _Made]] = {}

    def __call__(self, model: LinearModel) -> _Made:
        found = self.kept.get(id(model))
        if found is None or found[0] is not model:
            if len(self.kept) >= MODELS_KEPT:
                self.kept.clear()
            found = self.kept[id(model)] = (model, self.make(model))
        return found[1]


@dataclass(frozen=True)
class AttributionModel:
    keep: LinearModel
    right: LinearModel
    threshold: float
    about: dict[str, Any]
    cue: LinearModel | None = None
    cue_floor: float = 1.0
    source: LinearModel | None = None  # the choice among candidate sources (``source_choice``)
    content: LinearModel | None = None  # the choice among candidate content spans (``content_choice``)
    tagger: LinearModel | None = None  # content where the grammar gives none (``content_tagger``)
    # With a ``direct_threshold``, a reported draft is kept when its two probabilities (span matched;
    # span and speaker right) sum to ``threshold`` or more, as it adds to all F1 and to e2e F1 by
    # about those; a direct quote (whose own track counts no speaker) when ``keep``'s alone reaches
    # ``direct_threshold``. Without one (older files), every draft by ``keep``'s against ``threshold``.
    direct_threshold: float | None = None

    def keeps(self, features: dict[str, float]) -> bool:
        """Whether the draft with these features is kept."""
        keep = self.keep.probability(features)
        if self.direct_threshold is None:
            return keep >= self.threshold
        if features.get("kind=direct"):
            return keep >= self.direct_threshold
        return keep + self.right.probability(features) >= self.threshold

    def to_json(self) -> str:
        data = {
            "about": self.about,
            "threshold": self.threshold,
            "direct_threshold": self.direct_threshold,
            "keep": dict(sorted(self.keep.weights.items())),
            "right": dict(sorted(self.right.weights.items())),
        }
        if self.cue is not None:
            data["cue_floor"] = self.cue_floor
            data["cue"] = dict(sorted(self.cue.weights.items()))
        if self.source is not None:
            data["source"] = dict(sorted(self.source.weights.items()))
        if self.content is not None:
            data["content"] = dict(sorted(self.content.weights.items()))
        if self.tagger is not None:
            data["tagger"] = dict(sorted(self.tagger.weights.items()))
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> AttributionModel:
        data = json.loads(text)
        return cls(
            keep=LinearModel({str(k): float(v) for k, v in data["keep"].items()}),
            right=LinearModel({str(k): float(v) for k, v in data["right"].items()}),
            threshold=float(data["threshold"]),
            about=dict(data.get("about", {})),
            cue=LinearModel({str(k): float(v) for k, v in data["cue"].items()}) if "cue" in data else None,
            cue_floor=float(data.get("cue_floor", 1.0)),
            source=LinearModel({str(k): float(v) for k, v in data["source"].items()}) if "source" in data else None,
            content=LinearModel({str(k): float(v) for k, v in data["content"].items()}) if "content" in data else None,
            tagger=LinearModel({str(k): float(v) for k, v in data["tagger"].items()}) if "tagger" in data else None,
            direct_threshold=None if data.get("direct_threshold") is None else float(data["direct_threshold"]),
        )


@cache
def shipped_model() -> AttributionModel | None:
    """The model that ships with whosaid, or None when the file is absent (rules then)."""
    if not MODEL_PATH.is_file():
        return None
    return AttributionModel.from_json(MODEL_PATH.read_text(encoding="utf-8"))
