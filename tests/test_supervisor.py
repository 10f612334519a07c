"""The local process engine replaces a worker stuck past the time limit, and loses nothing else."""

from __future__ import annotations

import json
import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
from whosaid import errors, supervisor, work_units
from whosaid.runner import Outcome, RunOptions, run
from whosaid.supervisor import SupervisedPool

from tests import hang
from tests.test_length import article, paragraph


def folder_of_articles(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for number in range(7):
        text = article(2) + paragraph(number + 20) + "\n"
        if number == 3:
            text += f"\n“{hang.MARK},” said the night guard, Lena Fischer.\n"
        (folder / f"story_{number}.txt").write_text(text, encoding="utf-8")
    return folder


def manifest_entries(out: Path) -> dict[str, dict[str, object]]:
    return {Path(e["path"]).name: e for e in json.loads((out / "manifest.json").read_text())["articles"]}


@pytest.fixture(scope="module")
def stories(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The articles, and their records from a run in this process, where nothing hangs."""
    root = tmp_path_factory.mktemp("stories")
    folder = folder_of_articles(root)
    # No time limit: one job runs in this process (with one, in a watched worker).
    assert run(RunOptions(inputs=[folder], out_dir=root / "reference", jobs=1, timeout=None)).counts == {"ok": 7}
    return folder, root / "reference"


@pytest.mark.parametrize("stage", [hang.hang_in_build, hang.hang_in_parse], ids=["in-build", "in-parse"])
def test_a_worker_stuck_past_the_limit_is_replaced_and_the_rest_written(
    stories: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stage: Callable[[], None]
) -> None:
    folder, reference = stories

    monkeypatch.setattr(supervisor, "grace", lambda limit: 4.0)
    pools: list[SupervisedPool] = []

    def factory(model: str | None, jobs: int) -> SupervisedPool:
        pools.append(SupervisedPool(model, jobs, setup=stage))
        return pools[-1]

    out = tmp_path / "out"
    summary = run(RunOptions(inputs=[folder], out_dir=out, jobs=2, batch_size=3, timeout=5), engine_factory=factory)
    assert summary.counts == {"ok": 6, "error": 1}
    entries = manifest_entries(out)
    stuck = entries["story_3.txt"]
    assert stuck["status"] == "error" and "5-second limit" in str(stuck["error"])
    assert "worker process was replaced" in str(stuck["error"])
    assert not (out / "story_3.json").exists()
    for number in (0, 1, 2, 4, 5, 6):
        name = f"story_{number}.json"
        assert entries[f"story_{number}.txt"]["status"] == "ok"
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name
    # In build the worker said which article it was on: one kill. In the parse it could not:
    # the batch's unfinished articles went alone, and the stuck one was killed again. (More
    # kills would come from a worker starved of the CPU for the whole grace period.)
    assert pools[0].replaced >= (1 if stage is hang.hang_in_build else 2)


def test_a_worker_stuck_writing_a_long_record_leaves_no_part_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A local worker writes a long article's record into the output folder itself; when it is
    replaced half-way, the half-written file goes at the end of the run, and nothing else is lost."""
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(3):
        text = "\n\n".join(paragraph(n) for n in range(number * 10, number * 10 + 12))
        if number == 1:
            text += f"\n\n“{hang.MARK},” said the night guard, Lena Fischer.\n"
        (folder / f"long_{number}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(supervisor, "grace", lambda limit: 4.0)

    class Planted(SupervisedPool):
        def __init__(self, model: str | None, jobs: int) -> None:
            super().__init__(model, jobs, setup=hang.hang_in_long_record)

    monkeypatch.setattr(supervisor, "SupervisedPool", Planted)
    out = tmp_path / "out"
    summary = run(RunOptions(inputs=[folder], out_dir=out, jobs=1, timeout=5))
    assert summary.counts == {"ok": 2, "error": 1}
    assert "worker process was replaced" in str(manifest_entries(out)["long_1.txt"]["error"])
    assert sorted(p.name for p in out.iterdir()) == ["long_0.json", "long_2.json", "manifest.json"]
    assert all(len(json.loads((out / f"long_{n}.json").read_text())["quotes"]) >= 12 for n in (0, 2))


def test_one_job_runs_in_one_watched_worker_that_is_replaced_when_stuck(
    stories: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--jobs 1`` with a time limit (the default) goes through the run's own engine choice, not a
    test's: the stuck article is an error entry, every other record is written."""
    folder, reference = stories
    monkeypatch.setattr(supervisor, "grace", lambda limit: 4.0)
    pools: list[SupervisedPool] = []

    class Planted(SupervisedPool):
        def __init__(self, model: str | None, jobs: int) -> None:
            super().__init__(model, jobs, setup=hang.hang_in_build)
            pools.append(self)

    monkeypatch.setattr(supervisor, "SupervisedPool", Planted)
    out = tmp_path / "out"
    summary = run(RunOptions(inputs=[folder], out_dir=out, jobs=1, timeout=5))
    assert [len(pool._workers) for pool in pools] == [1] and pools[0].replaced >= 1
    assert summary.counts == {"ok": 6, "error": 1}
    assert "worker process was replaced" in str(manifest_entries(out)["story_3.txt"]["error"])
    for number in (0, 1, 2, 4, 5, 6):
        name = f"story_{number}.json"
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_a_worker_that_dies_is_replaced_and_its_articles_done_again(stories: tuple[Path, Path], tmp_path: Path) -> None:
    folder, reference = stories
    pools: list[SupervisedPool] = []
    killed: list[int] = []

    def factory(model: str | None, jobs: int) -> SupervisedPool:
        pools.append(SupervisedPool(model, jobs))
        return pools[-1]

    def kill_once(outcome: Outcome) -> None:
        if not killed and outcome.status == "ok":
            busy = [w.process.pid for w in pools[0]._workers if w.units]
            if busy:
                os.kill(busy[0], signal.SIGKILL)
                killed.append(busy[0])

    out = tmp_path / "out"
    summary = run(
        RunOptions(inputs=[folder], out_dir=out, jobs=2, batch_size=2), engine_factory=factory, on_outcome=kill_once
    )
    assert killed and pools[0].replaced == 1
    assert summary.counts == {"ok": 7}
    for number in range(7):
        name = f"story_{number}.json"
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


@pytest.mark.parametrize(
    ("setup", "expected"),
    [(hang.fail_to_start, "OSError: the model's weights file is truncated"), (hang.exit_at_start, "exit code 3")],
    ids=["raises", "exits"],
)
def test_workers_that_cannot_start_stop_the_run_with_the_reason(
    stories: tuple[Path, Path], tmp_path: Path, setup: Callable[[], None], expected: str
) -> None:
    folder, _ = stories

    def factory(model: str | None, jobs: int) -> SupervisedPool:
        return SupervisedPool(model, jobs, setup=setup)

    out = tmp_path / "out"
    with pytest.raises(errors.WhosaidError, match="worker processes could not start") as raised:
        run(RunOptions(inputs=[folder], out_dir=out, jobs=2), engine_factory=factory)
    assert expected in str(raised.value)
    assert json.loads((out / "manifest.json").read_text())["articles"] == []


def test_a_batch_goes_out_in_units_a_free_worker_can_take(stories: tuple[Path, Path], tmp_path: Path) -> None:
    folder, reference = stories
    sent: set[tuple[int, ...]] = set()

    class Watched(SupervisedPool):
        def _assign(self, queue: supervisor.deque[work_units.Unit]) -> None:
            super()._assign(queue)
            sent.update(tuple(unit.positions) for worker in self._workers for unit in worker.units)

    out = tmp_path / "out"
    summary = run(
        RunOptions(inputs=[folder], out_dir=out, jobs=2, batch_size=16), engine_factory=lambda m, j: Watched(m, j)
    )
    assert summary.counts == {"ok": 7}
    # Seven articles, one batch of the run, fit one parse batch (eight) but go as two units, one
    # per worker: so the second worker need not wait while the first does all seven.
    assert sent == {(0, 1, 2, 3), (4, 5, 6)}
    for number in range(7):
        name = f"story_{number}.json"
        assert (out / name).read_bytes() == (reference / name).read_bytes(), name


def test_units_are_the_parse_batch_unless_a_worker_would_get_nothing() -> None:
    assert work_units.UNIT == 8
    assert [work_units.unit_size(16, jobs) for jobs in (1, 2, 3, 4)] == [8, 8, 6, 4]
    assert [work_units.unit_size(articles, 2) for articles in (1, 2, 7, 9)] == [1, 1, 4, 5]
