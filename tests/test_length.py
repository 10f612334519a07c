"""Long and degenerate articles: chunked parsing, runs without spaces, many line breaks."""

from __future__ import annotations

import hashlib
import itertools
import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from whosaid.chunks import chunk_bounds
from whosaid.cli import app
from whosaid.parse import MAX_RUN, make_doc, parse
from whosaid.tasks import Task
from whosaid.timelimit import ArticleTimeout, time_limit
from whosaid.worker import process_tasks

from tests.texts_long import PEOPLE, PLACES, article, paragraph


def test_chunks_cover_the_text_and_end_at_paragraph_breaks() -> None:
    text = article(60)
    bounds = chunk_bounds(text, 2_000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(bounds))
    assert all(0 < end - start <= 2_000 for start, end in bounds)
    assert all(text[start - 2 : start] == "\n\n" for start, _ in bounds[1:])
    assert chunk_bounds(text, len(text)) == [(0, len(text))]


def test_an_overlong_paragraph_is_cut_after_a_sentence_then_anywhere() -> None:
    one_paragraph = " ".join(paragraph(n) for n in range(40))
    for start, _ in chunk_bounds(one_paragraph, 1_500)[1:]:
        assert one_paragraph[start - 2 : start] == ". "
    no_space = "x" * 5_000
    assert chunk_bounds(no_space, 1_000) == [(k, k + 1_000) for k in range(0, 5_000, 1_000)]


@pytest.fixture(scope="module")
def nlp() -> Any:
    from whosaid.parse import load_model

    return load_model()


def test_a_chunked_parse_is_one_doc_over_the_whole_text(nlp: Any) -> None:
    text = article(40)
    [(doc, context)] = list(parse(nlp, [(text, "a")], chunk_chars=1_500))
    assert context == "a" and doc.text == text
    assert [t.text_with_ws for t in doc] == [t.text_with_ws for t in nlp.tokenizer(text)]
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences[0] == "Council budget approved"
    # The last paragraph, far past the first chunk, still has its people and places.
    last = text.rindex("The council")
    names = {(e.text, e.label_) for e in doc.ents if e.start_char >= last}
    assert (PLACES[39 % len(PLACES)], "GPE") in names and (PEOPLE[39 % len(PEOPLE)], "PERSON") in names
    whole = nlp(text)
    assert [t.is_sent_start for t in doc] == [t.is_sent_start for t in whole]


def test_the_joined_doc_is_the_one_doc_from_docs_would_give(nlp: Any) -> None:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, NORM, ORTH, POS, SENT_START, SPACY, TAG
    from spacy.tokens import Doc

    text = article(30)
    [(doc, _)] = list(parse(nlp, [(text, "a")], chunk_chars=1_500, batch_size=4))
    pieces = [make_doc(nlp, text[start:end]) for start, end in chunk_bounds(text, 1_500)]
    reference = Doc.from_docs(list(nlp.pipe(pieces, batch_size=4)), ensure_whitespace=False)
    attrs = [ORTH, SPACY, NORM, TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
    assert len(pieces) >= 5 and doc.text == reference.text == text
    assert (doc.to_array(attrs) == reference.to_array(attrs)).all()
    assert [(e.start, e.end, e.label_) for e in doc.ents] == [(e.start, e.end, e.label_) for e in reference.ents]


def test_no_article_reaches_spacys_length_limit(nlp: Any) -> None:
    text = article(120)
    raw = text.encode()
    limit = nlp.max_length
    nlp.max_length = len(text) // 3
    try:
        [outcome] = process_tasks(nlp, "model", [Task("long.txt", "long", raw, hashlib.sha256(raw).hexdigest())])
    finally:
        nlp.max_length = limit
    assert outcome.status == "ok", outcome.error
    assert outcome.quotes is not None and outcome.quotes >= 100


def test_a_run_without_spaces_becomes_few_tokens_and_keeps_the_text(nlp: Any) -> None:
    marks = "Before " + '"' * 20_000 + " after  the run.\nNext line"
    doc = make_doc(nlp, marks)
    assert doc.text == marks
    assert len(doc) < 20_000 / MAX_RUN + 10
    assert [t.text_with_ws for t in doc][-6:] == [t.text_with_ws for t in nlp.tokenizer(" after  the run.\nNext line")][
        -6:
    ]
    assert doc[0].text_with_ws == "Before "
    ordinary = article(3)
    assert [t.text_with_ws for t in make_doc(nlp, ordinary)] == [t.text_with_ws for t in nlp.tokenizer(ordinary)]


@pytest.mark.parametrize(
    "text",
    ['"' * 20_000, '"\n' * 5_000, "“”" * 5_000, "Ann Lee said " * 1_500, "word " * 4_000],
    ids=["marks", "marks-lines", "curly", "names", "no-stop"],
)
def test_degenerate_articles_give_records(nlp: Any, text: str) -> None:
    raw = text.encode()
    [outcome] = process_tasks(nlp, "model", [Task("odd.txt", "odd", raw, hashlib.sha256(raw).hexdigest())])
    assert outcome.status == "ok", outcome.error


def test_every_line_break_starts_a_sentence(nlp: Any) -> None:
    text = "Headline here\n\nBy a reporter\n\nFirst line of text\n\nsecond line\n\n" * 200
    doc = nlp(text)
    after_breaks = [t for t in doc if t.i > 0 and not t.is_space and "\n" in doc[t.i - 1].text_with_ws]
    assert len(after_breaks) == 4 * 200 - 1
    assert all(t.is_sent_start for t in after_breaks)


def test_the_time_limit_stops_python_work_in_another_thread_and_leaves_nothing_behind() -> None:
    def work(seconds: float, limit: float) -> str:
        ends = time.monotonic() + seconds
        try:
            with time_limit(limit):
                while time.monotonic() < ends:
                    sum(range(1_000))
        except ArticleTimeout:
            return "stopped"
        time.sleep(limit * 2)  # the block is over: no late exception may arrive here
        return "finished"

    with ThreadPoolExecutor(1) as pool:
        started = time.monotonic()
        assert pool.submit(work, 30, 0.5).result() == "stopped"
        assert time.monotonic() - started < 10
        assert pool.submit(work, 0.2, 0.3).result() == "finished"


@pytest.mark.parametrize("engine", [["--jobs", "1"], ["--jobs", "2"], ["--engine", "dask", "--jobs", "2"]])
def test_an_article_over_the_time_limit_is_an_error_and_the_run_goes_on(tmp_path: Path, engine: list[str]) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    # About 140 KB: two windows (the limit is per window of 100,000 characters), the first of
    # which takes 3.5 CPU s or more on any machine we have, against a limit of one second.
    (folder / "a_long.txt").write_text(article(700), encoding="utf-8")
    for number in range(3):
        (folder / f"short_{number}.txt").write_text(article(2) + paragraph(number + 50), encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(folder), "-o", str(out), "-q", *engine, "--timeout", "1"])
    assert result.exit_code == 1, result.output
    entries = {Path(e["path"]).name: e for e in json.loads((out / "manifest.json").read_text())["articles"]}
    assert entries["a_long.txt"]["status"] == "error"
    assert "1-second limit" in entries["a_long.txt"]["error"] and "a_long.txt" in result.output
    assert [entries[f"short_{n}.txt"]["status"] for n in range(3)] == ["ok"] * 3
    assert not (out / "a_long.json").exists()
