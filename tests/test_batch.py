"""Batch behaviour: parallel workers, kill -9 and resume, progress output, real corpus files."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.models import Article
from whosaid.progress import Reporter
from whosaid.runner import Outcome, RunSummary

from tests.conftest import REPO, SEED

runner = CliRunner()


def make_articles(folder: Path, count: int) -> None:
    """Distinct articles built from the example: each gets its own closing sentence."""
    folder.mkdir(parents=True, exist_ok=True)
    base = SEED.read_text(encoding="utf-8")
    for number in range(count):
        (folder / f"article_{number:03d}.txt").write_text(
            base + f"\n\n“This is note number {number},” Zhirnov said.\n", encoding="utf-8"
        )


def _default_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_run_until(articles: Path, out: Path, records: int, *options: str) -> subprocess.Popen[bytes]:
    """Start `whosaid run` (one worker, one article a batch) and return once ``records`` are written."""
    command = [sys.executable, "-m", "whosaid.cli", "run", str(articles), "-o", str(out), "--jobs", "1"]
    process = subprocess.Popen(
        [*command, "--batch-size", "1", *options],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        # Ctrl-C as in a terminal: a shell starts background jobs with SIGINT ignored, and a
        # test suite run that way would hand that on to the run (which then rightly ignores it).
        preexec_fn=_default_interrupt if os.name == "posix" else None,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(list(out.glob("article_*.json"))) < records:
        time.sleep(0.05)
    return process


def test_two_workers_give_byte_identical_records(tmp_path: Path) -> None:
    make_articles(tmp_path / "in", 6)
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(one), "-q", "--jobs", "1"]).exit_code == 0
    result = runner.invoke(app, ["run", str(tmp_path / "in"), "-o", str(two), "-q", "--jobs", "2", "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in one.glob("*.json"))
    assert names == sorted(p.name for p in two.glob("*.json")) and len(names) == 7
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_kill_minus_nine_leaves_valid_files_and_the_rerun_resumes(tmp_path: Path) -> None:
    articles, out = tmp_path / "in", tmp_path / "out"
    make_articles(articles, 120)
    process = start_run_until(articles, out, 5, "-q")
    process.send_signal(signal.SIGKILL)
    process.communicate()  # waits, and closes the pipes
    done = list(out.glob("article_*.json"))
    assert 5 <= len(done) < 120, "the run should have been killed half-way"
    for path in done:
        Article.model_validate_json(path.read_text(encoding="utf-8"))  # complete and valid
    result = runner.invoke(app, ["run", str(articles), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["skipped"] >= len(done)
    assert manifest["counts"]["skipped"] + manifest["counts"]["ok"] == 120
    assert not list(out.rglob(".*.tmp"))


def test_plain_progress_lines_when_not_a_terminal() -> None:
    stream = io.StringIO()
    with Reporter(stream=stream) as reporter:
        reporter.start(2, "model-1", 1)
        reporter.outcome(Outcome(path="a.txt", article_id="a", status="ok"))
        reporter.outcome(Outcome(path="b.txt", article_id="b", status="error", error="empty file"))
    reporter.summary(RunSummary(counts={"ok": 1, "error": 1}, failures=[]))
    lines = stream.getvalue().splitlines()
    assert lines[0] == "whosaid: 2 input(s), model model-1, 1 process(es)"
    assert "whosaid: b.txt: empty file" in lines
    assert any(line.startswith("whosaid: 2/2 articles") for line in lines)
    assert "1 ok, 1 error" in lines[-1]


def test_quiet_shows_only_errors_and_the_summary() -> None:
    stream = io.StringIO()
    with Reporter(quiet=True, stream=stream) as reporter:
        reporter.start(2, "m", 1)
        reporter.outcome(Outcome(path="a.txt", article_id="a", status="ok"))
        reporter.outcome(Outcome(path="b.txt", article_id="b", status="error", error="binary"))
    reporter.summary(RunSummary(counts={"ok": 1, "error": 1}))
    assert stream.getvalue().splitlines()[0] == "whosaid: b.txt: binary"
    assert len(stream.getvalue().splitlines()) == 2


@pytest.mark.shared
def test_real_corpus_sample_with_a_latin1_article(shared: Path, tmp_path: Path) -> None:
    corpus = shared / "corpus" / "bbc"
    sample = tmp_path / "bbc"
    sample.mkdir()
    for name in ("sport_199.txt", "business_001.txt", "politics_001.txt", "tech_001.txt"):
        shutil.copy(corpus / name, sample / name)
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(sample), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    latin = json.loads((out / "sport_199.json").read_text())
    assert latin["source"]["encoding"] not in ("utf-8", "utf-8-sig")
    assert "\ufffd" not in latin["text"]
    assert latin["title"] == (corpus / "sport_199.txt").read_bytes().decode("latin-1").splitlines()[0].strip()
    for name in ("business_001", "politics_001", "tech_001"):
        record = Article.model_validate_json((out / f"{name}.json").read_text())
        assert record.entities, name


@pytest.mark.skipif(os.name != "posix", reason="signals")
def test_interrupt_keeps_finished_records(tmp_path: Path) -> None:
    articles, out = tmp_path / "in", tmp_path / "out"
    make_articles(articles, 60)
    process = start_run_until(articles, out, 3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 130, stderr.decode(errors="replace")[-2_000:]
    assert b"interrupted" in stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["ok"] == len(list(out.glob("article_*.json")))
