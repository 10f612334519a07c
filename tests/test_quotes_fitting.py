"""The fits of training (``whosaid.quotes.fitting``): rows given as feature names fit the same model
as the same rows given as dicts, and weights below the pruning size are left out."""

from __future__ import annotations

import pytest

pytest.importorskip("sklearn")

from whosaid.quotes.fitting import fit_logistic, fit_logistic_names

# "cue" words are in, "far" words out; "left" says nothing on its own.
ROWS = [("bias", "cue"), ("bias", "cue", "left"), ("bias", "far"), ("bias", "far", "left"), ("bias", "cue")] * 4
LABELS = [True, True, False, False, True] * 4


def test_names_fit_the_same_model_as_dicts() -> None:
    by_names = fit_logistic_names(ROWS, LABELS, seed=13)
    by_dicts = fit_logistic([dict.fromkeys(row, 1.0) for row in ROWS], LABELS, seed=13, solver="liblinear")
    assert by_names == by_dicts
    assert by_names.weights["cue"] > 0 > by_names.weights["far"]


def test_small_weights_are_pruned() -> None:
    full = fit_logistic_names(ROWS, LABELS, seed=13)
    small = min(full.weights, key=lambda name: abs(full.weights[name]))
    pruned = fit_logistic_names(ROWS, LABELS, seed=13, prune=abs(full.weights[small]) + 1e-9)
    assert small not in pruned.weights and set(pruned.weights) < set(full.weights)
