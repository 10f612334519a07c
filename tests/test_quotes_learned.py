"""The learned attribution scorer: the shipped model, its place behind ``extract_quotes``, and
the rules as fallback. Accuracy and calibration are measured out-of-fold by benchmarks/quotes.py."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from whosaid.entities import extract_entities
from whosaid.quotes import Attribution, extract_quotes
from whosaid.quotes.learned import MODELS_KEPT, AttributionModel, LinearModel, PerModel, shipped_model

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


def test_per_model_makes_one_thing_per_model_object_and_keeps_a_few() -> None:
    made: list[LinearModel] = []

    def make(model: LinearModel) -> object:
        made.append(model)
        return object()

    per_model = PerModel(make)
    first, twin = LinearModel({"x": 1.0}), LinearModel({"x": 1.0})  # equal weights, two objects
    assert per_model(first) is per_model(first)
    assert per_model(twin) is not per_model(first)
    assert [m is first for m in made] == [True, False]
    # A model given the id of one let go: what was made for that other one is not given to it.
    stale = per_model(first)
    per_model.kept[id(twin)] = (first, stale)
    assert per_model(twin) is not stale
    assert made[-1] is twin
    many = [LinearModel({}) for _ in range(3 * MODELS_KEPT)]
    for model in many:
        per_model(model)
        assert len(per_model.kept) <= MODELS_KEPT
    assert per_model(many[-1]) is per_model(many[-1])


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


def test_reported_drafts_are_kept_by_the_sum_of_both_probabilities_direct_quotes_by_keep() -> None:
    # keep: 0.5 for every draft; right: 0.88 where the speaker looks right, 0.12 where not.
    keep, right = LinearModel({}), LinearModel({"bias": -2.0, "speaker": 4.0})
    model = AttributionModel(keep, right, threshold=0.9, about={}, direct_threshold=0.45)
    assert model.keeps({"kind=indirect": 1.0, "bias": 1.0, "speaker": 1.0})  # 0.5 + 0.88
    assert not model.keeps({"kind=indirect": 1.0, "bias": 1.0})  # 0.5 + 0.12
    assert model.keeps({"kind=direct": 1.0, "bias": 1.0})  # 0.5 against 0.45, whatever the speaker
    assert not replace(model, direct_threshold=0.55).keeps({"kind=direct": 1.0, "bias": 1.0})
    assert AttributionModel.from_json(model.to_json()) == model
    # Without a direct threshold (older files), every draft by keep alone against the threshold.
    older = replace(model, threshold=0.45, direct_threshold=None)
    assert older.keeps({"kind=indirect": 1.0, "bias": 1.0})
    assert AttributionModel.from_json(older.to_json()) == older


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
    # The learned path keeps or drops the rules' quotes and adds only open-cue ones.
    rules_texts = {q.text for q in records["rules"].quotes}
    assert all(q.text in rules_texts or q.method.startswith("open-cue") for q in records["learned"].quotes)


def test_open_cues_are_drafted_for_the_scorer_only(nlp: Any) -> None:
    from whosaid.quotes import Method, draft_quotes

    model = shipped_model()
    assert model is not None and model.cue is not None
    doc = nlp("Senator Elizabeth Warren spoke on Tuesday. Warren is betting that the bill will pass next week.")
    entities = extract_entities(doc, None)
    _, drafts = draft_quotes(doc, entities, model=model)
    betting = [d for d in drafts if d.cue is not None and d.cue.text == "betting"]
    assert [(d.method, doc.text[d.start : d.end]) for d in betting] == [
        (Method.OPEN_CUE, "that the bill will pass next week")
    ]
    assert betting[0].speaker is not None and betting[0].speaker.name == "Elizabeth Warren"
    assert all(d.method is Method.OPEN_CUE and d.cue_probability is not None for d in drafts)
    # The scorer keeps the clause and drops whatever else the detector proposed ("spoke on Tuesday").
    learned = extract_quotes(doc, entities, attribution=Attribution.LEARNED)
    assert [(q.text, q.method) for q in learned] == [("that the bill will pass next week", "open-cue")]
    # "bet" is in no word list: the rules alone report nothing here.
    assert draft_quotes(doc, entities)[1] == []
    assert extract_quotes(doc, entities, attribution=Attribution.RULES) == []


# A cue verb in no word list and never seen as a word in training, in a reporting frame; then
# verbs of action with objects and clauses of their own, which attribute nothing.
UNSEEN_CUE = (
    "Governor Maria Delgado met reporters in Santa Fe. Delgado wagered that the legislature would pass the budget."
)
NO_CUE = (
    "Governor Maria Delgado met reporters in Santa Fe. Delgado repaired the fence that her grandfather built.",
    "Governor Maria Delgado drove to Santa Fe on Monday, where she opened a clinic that serves veterans.",
)


def test_the_cue_detector_finds_an_unseen_cue_verb_from_its_frame(nlp: Any) -> None:
    from whosaid.quotes import rule_drafts
    from whosaid.quotes.cue_detector import cue_probabilities

    model = shipped_model()
    assert model is not None and model.cue is not None
    assert not any("wager" in name for name in model.cue.weights)  # unseen: only the frame speaks
    doc = nlp(UNSEEN_CUE)
    entities = extract_entities(doc, None)
    probabilities = cue_probabilities(rule_drafts(doc, entities).ctx, model.cue)
    verb = next(t for t in doc if t.text == "wagered")
    assert probabilities[verb.i] >= model.cue_floor
    assert probabilities[verb.i] == max(probabilities.values())
    quotes = extract_quotes(doc, entities, attribution=Attribution.LEARNED)
    assert [(q.text, q.speaker.name if q.speaker else None, q.cue.text if q.cue else None) for q in quotes] == [
        ("that the legislature would pass the budget", "Maria Delgado", "wagered")
    ]
    assert extract_quotes(doc, entities, attribution=Attribution.RULES) == []


@pytest.mark.parametrize("text", NO_CUE)
def test_the_cue_detector_leaves_verbs_of_action_alone(nlp: Any, text: str) -> None:
    from whosaid.quotes import rule_drafts
    from whosaid.quotes.cue_detector import cue_probabilities

    model = shipped_model()
    assert model is not None and model.cue is not None
    doc = nlp(text)
    entities = extract_entities(doc, None)
    probabilities = cue_probabilities(rule_drafts(doc, entities).ctx, model.cue)
    verbs = [t for t in doc if t.pos_ == "VERB"]
    assert verbs and all(probabilities[t.i] < model.cue_floor for t in verbs)
    assert extract_quotes(doc, entities, attribution=Attribution.LEARNED) == []


def test_records_say_their_attribution_and_a_run_with_the_other_redoes_them(tmp_path: Path) -> None:
    import json

    from typer.testing import CliRunner
    from whosaid.cli import app

    from tests.conftest import SEED

    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    out = tmp_path / "out"

    def run(choice: str | None) -> tuple[str, str]:
        option = ["--attribution", choice] if choice else []
        result = CliRunner().invoke(app, ["run", str(folder), "--out", str(out), "--quiet", *option])
        assert result.exit_code == 0, result.output
        (entry,) = json.loads((out / "manifest.json").read_text())["articles"]
        record = json.loads((out / entry["output"]).read_text())
        return entry["status"], record["pipeline"]["attribution"]

    assert run("rules") == ("ok", "rules")
    assert run("rules") == ("skipped", "rules")
    assert run("learned") == ("ok", "learned")
    assert run("learned") == ("skipped", "learned")
    assert run("rules") == ("ok", "rules")
    # Learned is the default: a run without the option redoes the records the rules made.
    assert run(None) == ("ok", "learned")
    assert run(None) == ("skipped", "learned")


CUE_TEXTS = (
    UNSEEN_CUE,
    "Officials at the ministry, who declined to be named, conceded on Friday that the talks had stalled. "
    "The report by the auditors warned of a deficit, and the mayor's claim that taxes would fall drew fire.",
    "“We are not hoping for miracles,” the coach told reporters, adding that his players were confident of a win.",
)


@pytest.mark.parametrize("text", CUE_TEXTS)
def test_the_detector_from_arrays_gives_what_its_named_features_give(nlp: Any, text: str) -> None:
    from whosaid.quotes import rule_drafts
    from whosaid.quotes.cue_detector import candidates, cue_probabilities, token_features

    model = shipped_model()
    assert model is not None and model.cue is not None
    doc = nlp(text)
    ctx = rule_drafts(doc, extract_entities(doc, None)).ctx
    named = {token.i: model.cue.probability(token_features(token)) for token in candidates(ctx)}
    for _ in range(2):  # the second time from the sums kept
        fast = cue_probabilities(ctx, model.cue)
        assert fast.keys() == named.keys()
        assert all(fast[i] == pytest.approx(named[i], abs=1e-12) for i in named)


def test_a_long_doc_is_scored_in_windows_between_sentences_with_the_same_result(nlp: Any) -> None:
    """Windows of a few tokens, cut only where no dependency arc crosses, give every candidate
    word the probability the whole Doc gives it (the neighbours at a cut included)."""
    from whosaid.quotes import rule_drafts
    from whosaid.quotes.cue_scores import CueScorer, _windows

    model = shipped_model()
    assert model is not None and model.cue is not None
    text = " ".join(CUE_TEXTS) + " The minister said the plan, which critics called reckless, would stand."
    doc = nlp(text)
    ctx = rule_drafts(doc, extract_entities(doc, None)).ctx
    whole = CueScorer(model.cue).probabilities(doc, ctx.quoted_any)
    for size in (3, 10, 25):
        from spacy.attrs import HEAD

        bounds = _windows(doc.to_array([HEAD]).astype("int64"), size)
        assert len(bounds) > 1 and bounds[0][0] == 0 and bounds[-1][1] == len(doc)
        assert all(a[1] == b[0] for a, b in pairwise(bounds))
        # every cut falls between sentences: no token's head is on the other side
        for start, end in bounds:
            assert all(start <= token.head.i < end for token in doc[start:end])
        windowed = CueScorer(model.cue).probabilities(doc, ctx.quoted_any, window=size)
        assert windowed.keys() == whole.keys() and len(whole) > 5
        assert all(windowed[i] == pytest.approx(whole[i], abs=1e-12) for i in whole)
