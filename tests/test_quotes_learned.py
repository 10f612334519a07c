"""The learned attribution scorer: the shipped model, its place behind ``extract_quotes``, and
the rules as fallback. Accuracy and calibration are measured out-of-fold by benchmarks/quotes.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from whosaid.entities import extract_entities
from whosaid.quotes import Attribution, extract_quotes
from whosaid.quotes.learned import AttributionModel, LinearModel, shipped_model

TEXT = (
    "Senator Elizabeth Warren spoke in Boston on Tuesday.\n\n"
    "“We will win this fight, and we will win it together,” Warren said.\n\n"
    "Warren hinted that the bill might pass next week."
)


def test_shipped_model_loads_and_says_what_it_was_trained_on() -> None:
    model = shipped_model()
    assert model is not None
    assert "PolNeAR" in model.about["trained_on"]
    assert 0.0 < model.threshold < 1.0
    assert model.keep.weights and model.right.weights
    assert AttributionModel.from_json(model.to_json()) == model


def test_linear_model_is_a_logistic_over_named_features() -> None:
    model = LinearModel({"bias": -1.0, "cue=say": 3.0})
    assert model.probability({"bias": 1.0}) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability({"bias": 1.0, "cue=say": 1.0, "never seen": 1.0}) == pytest.approx(0.8808, abs=1e-4)


def test_learned_keeps_clear_quotes_and_only_changes_their_confidence(nlp: Callable[[str], object]) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    entities = extract_entities(doc, None)
    rules = extract_quotes(doc, entities, attribution=Attribution.RULES)
    learned = extract_quotes(doc, entities, attribution=Attribution.LEARNED)
    assert [q.text for q in rules] == [
        "We will win this fight, and we will win it together,",
        "that the bill might pass next week",
    ]
    assert [(q.text, q.speaker, q.method) for q in learned] == [(q.text, q.speaker, q.method) for q in rules]
    # Named speakers beside a reporting verb: quotes the scorer trusts (on PolNeAR about 0.86 are right).
    assert all(q.confidence >= 0.8 for q in learned)
    assert extract_quotes(doc, entities, attribution=Attribution.LEARNED) == learned  # deterministic


def test_a_strict_model_drops_drafts_and_rules_are_the_fallback(nlp: Callable[[str], object]) -> None:
    doc = nlp(TEXT)  # type: ignore[operator]
    entities = extract_entities(doc, None)
    # A model that finds every draft unlikely keeps none of them.
    never = AttributionModel(LinearModel({"bias": -10.0}), LinearModel({"bias": 0.0}), threshold=0.5, about={})
    assert extract_quotes(doc, entities, attribution=Attribution.LEARNED, model=never) == []
    # The rules ignore any model.
    rules = extract_quotes(doc, entities, attribution=Attribution.RULES)
    assert extract_quotes(doc, entities, attribution=Attribution.RULES, model=never) == rules


def test_run_attribution_option_reaches_the_workers(nlp: Any, tmp_path: Path) -> None:
    from typer.testing import CliRunner
    from whosaid.cli import app
    from whosaid.models import Article
    from whosaid.parse import model_label
    from whosaid.read import read_bytes
    from whosaid.record import build_article

    from tests.conftest import SEED

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    records = {}
    for choice in ("rules", "learned"):
        out = tmp_path / choice
        result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet", "--attribution", choice])
        assert result.exit_code == 0, result.output
        records[choice] = Article.model_validate_json((out / f"{SEED.stem}.json").read_text())
    layout = read_bytes(SEED.read_bytes())
    for choice in Attribution:
        expected = build_article(
            layout, nlp(layout.parse_text), article_id="x", source_path="x", model=model_label(nlp), attribution=choice
        )
        assert records[choice.value].quotes == expected.quotes
    assert {q.text for q in records["learned"].quotes} <= {q.text for q in records["rules"].quotes}


def test_open_cues_are_drafted_for_the_scorer_only(nlp: Any) -> None:
    from whosaid.quotes import Method, draft_quotes

    doc = nlp("Senator Elizabeth Warren spoke on Tuesday. Warren is betting that the bill will pass next week.")
    entities = extract_entities(doc, None)
    _, drafts = draft_quotes(doc, entities, open_cues=True)
    assert [(d.method, doc.text[d.start : d.end], d.cue.text if d.cue else None) for d in drafts] == [
        (Method.OPEN_CUE, "that the bill will pass next week", "betting")
    ]
    assert drafts[0].speaker is not None and drafts[0].speaker.name == "Elizabeth Warren"
    # "bet" is in no word list: the rules alone report nothing here.
    assert extract_quotes(doc, entities, attribution=Attribution.RULES) == []


def test_records_say_their_attribution_and_a_run_with_the_other_redoes_them(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner
    from whosaid.cli import app

    from tests.conftest import SEED

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    out = tmp_path / "out"

    def run(choice: str) -> tuple[str, str]:
        result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet", "--attribution", choice])
        assert result.exit_code == 0, result.output
        (entry,) = json.loads((out / "manifest.json").read_text())["articles"]
        record = json.loads((out / entry["output"]).read_text())
        return entry["status"], record["pipeline"]["attribution"]

    assert run("rules") == ("ok", "rules")
    assert run("rules") == ("skipped", "rules")
    assert run("learned") == ("ok", "learned")
    assert run("learned") == ("skipped", "learned")
    assert run("rules") == ("ok", "rules")
