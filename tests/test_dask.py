"""The Dask engine on a real LocalCluster (2 worker processes on loopback)."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.runner import Outcome, RunOptions, run

from tests.conftest import SEED

pytest.importorskip("dask.distributed", reason="Dask not installed: pip install 'whosaid[dask]'")

runner = CliRunner()
ARTICLES = 200


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Seeds plus generated articles (paragraphs of the example, reordered), and a local run of them."""
    root = tmp_path_factory.mktemp("dask")
    folder = root / "in"
    folder.mkdir()
    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    (folder / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for number in range(ARTICLES):
        body = paragraphs[3 + number % (len(paragraphs) - 3) :] + paragraphs[3 : 3 + number % (len(paragraphs) - 3)]
        text = f"Report number {number}\n\n" + "\n\n".join(body) + f"\n\n“Note {number} is here,” Zhirnov said.\n"
        (folder / f"gen_{number:03d}.txt").write_text(text, encoding="utf-8")
    local = root / "local"
    result = runner.invoke(app, ["run", str(folder), "-o", str(local), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output
    return folder, local


def same_records(one: Path, two: Path) -> None:
    names = sorted(p.name for p in one.glob("*.json"))
    assert names == sorted(p.name for p in two.glob("*.json"))
    assert len(names) == ARTICLES + 2  # records and the manifest
    for name in names:
        assert (one / name).read_bytes() == (two / name).read_bytes(), name


def test_dask_run_gives_byte_identical_output(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    folder, local = corpus
    out = tmp_path / "dask"
    result = runner.invoke(app, ["run", str(folder), "-o", str(out), "-q", "--engine", "dask", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert f"{ARTICLES + 1} ok" in result.output
    same_records(local, out)


def test_a_killed_worker_loses_nothing(corpus: tuple[Path, Path], tmp_path: Path) -> None:
    from whosaid.dask_engine import DaskEngine

    folder, local = corpus
    out = tmp_path / "killed"
    engines: list[DaskEngine] = []
    killed: list[int] = []

    def factory(model: str | None, jobs: int) -> DaskEngine:
        engines.append(DaskEngine(model, jobs))
        return engines[-1]

    def kill_once(outcome: Outcome) -> None:
        if not killed and outcome.status == "ok" and len(list(out.glob("gen_*.json"))) >= 20:
            pids = engines[0].client.run(os.getpid)
            victim = sorted(pids.values())[0]
            os.kill(victim, signal.SIGKILL)
            killed.append(victim)

    summary = run(
        RunOptions(inputs=[folder], out_dir=out, jobs=2, batch_size=4), on_outcome=kill_once, engine_factory=factory
    )
    assert killed, "a worker should have been killed during the run"
    assert summary.counts == {"ok": ARTICLES + 1}
    same_records(local, out)


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(SEED), "-o", str(tmp_path), "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2 and "--scheduler needs --engine dask" in result.output


def test_a_jsonl_input_gives_the_same_records_on_every_engine(tmp_path: Path) -> None:
    """Articles inside one multi-article file: the same records in process, in a pool and on Dask."""
    import json

    paragraphs = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    feed = tmp_path / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for number in range(12):
            body = [*paragraphs[3 + number % 5 :], f"“Row {number} is here,” Zhirnov said."]
            row = {"id": f"row-{number}", "title": f"Report {number}", "text": "\n\n".join(body)}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    runs = {"one": ["--jobs", "1"], "pool": ["--jobs", "2"], "dask": ["--engine", "dask", "--jobs", "2"]}
    files: dict[str, dict[str, bytes]] = {}
    for name, options in runs.items():
        out_dir = tmp_path / name
        result = runner.invoke(app, ["run", str(feed), "-o", str(out_dir), "-q", *options])
        assert result.exit_code == 0, result.output
        assert "12 ok" in result.output
        files[name] = {str(p.relative_to(out_dir)): p.read_bytes() for p in sorted(out_dir.rglob("*.json"))}
    assert len(files["one"]) == 12 + 1  # twelve records and the manifest
    assert files["pool"] == files["one"]
    assert files["dask"] == files["one"]
    titles = {json.loads(data).get("title") for name, data in files["one"].items() if name != "manifest.json"}
    assert titles == {f"Report {number}" for number in range(12)}


@pytest.mark.parametrize("stage", ["hang_in_build", "hang_in_parse"], ids=["in-build", "in-parse"])
def test_a_worker_stuck_in_compiled_code_is_restarted_and_the_rest_written(tmp_path: Path, stage: str) -> None:
    """An article that blocks the alarm and sleeps in C: the worker's watch ends its process, the
    batch runs again on a fresh worker, the stuck article gets an error entry, nothing else is lost."""
    from whosaid.dask_engine import DaskEngine

    from tests.hang_dask import Planted
    from tests.test_supervisor import folder_of_articles, manifest_entries

    folder = folder_of_articles(tmp_path)
    reference = tmp_path / "reference"
    assert run(RunOptions(inputs=[folder], out_dir=reference, jobs=1, timeout=None)).counts == {"ok": 7}

    def factory(model: str | None, jobs: int) -> DaskEngine:
        engine = DaskEngine(model, jobs)
        engine.client.register_plugin(Planted(stage, grace=2.0))
        return engine

    def unstopped(signum: int, frame: object) -> None:
        raise TimeoutError("no result after 180 s: the stuck worker was not stopped")

    out = tmp_path / "out"
    before = signal.signal(signal.SIGALRM, unstopped)
    signal.alarm(180)  # a stuck worker left alone would hang the test run
    try:
        summary = run(RunOptions(inputs=[folder], out_dir=out, jobs=2, batch_size=3, timeout=4), engine_factory=factory)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, before)
    assert summary.counts == {"ok": 6, "error": 1}
    entries = manifest_entries(out)
    assert "Dask worker was restarted" in str(entries["story_3.txt"]["error"])
    assert not (out / "story_3.json").exists()
    for number in (0, 1, 2, 4, 5, 6):
        name = f"story_{number}.json"
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
