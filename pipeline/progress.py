"""Progress for long runs: a bar on a terminal, plain log lines elsewhere, nothing with --quiet.

Messages go to stderr so that stdout stays clean for machine output.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID
    from whosaid.runner import RunSummary
    from whosaid.tasks import Outcome

_LOG_EVERY_SECONDS = 10.0


class Reporter:
    def __init__(self, *, quiet: bool = False, stream: TextIO | None = None) -> None:
        self.quiet = quiet
        self.stream = stream or sys.stderr
        self.interactive = self.stream.isatty() and not quiet
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self._total = 0
        self._done = 0
        self._started = time.monotonic()
        self._last_log = 0.0

    def __enter__(self) -> Reporter:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _print(self, line: str) -> None:
        if self._progress is not None:
            self._progress.console.print(line, markup=False, highlight=False)
        else:
            print(line, file=self.stream, flush=True)

    def start(self, total: int, model: str, jobs: int) -> None:
        self._total = total
        self._started = time.monotonic()
        if not self.quiet:
            self._print(f"whosaid: {total} input(s), model {model}, {jobs} process(es)")
        if self.interactive:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]articles"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeElapsedColumn(),
                TextColumn("left"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("run", total=total, rate="")

    def outcome(self, outcome: Outcome) -> None:
        self._done += 1
        if outcome.status == "error":
            self._print(f"whosaid: {outcome.path}: {outcome.error}")
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = self._done / elapsed
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, advance=1, rate=f"{rate:.1f}/s")
        elif not self.quiet and (time.monotonic() - self._last_log >= _LOG_EVERY_SECONDS or self._done == self._total):
            self._last_log = time.monotonic()
            left = (self._total - self._done) / rate if rate else 0.0
            self._print(f"whosaid: {self._done}/{self._total} articles, {rate:.1f}/s, about {left:.0f}s left")

    def summary(self, summary: RunSummary) -> None:
        elapsed = time.monotonic() - self._started
        counts = summary.counts
        parts = [
            f"{counts.get(k, 0)} {k}" for k in ("ok", "skipped", "error", "ignored", "other-language") if counts.get(k)
        ]
        line = f"whosaid: done in {elapsed:.1f}s: " + (", ".join(parts) or "nothing to do")
        if summary.manifest is not None:
            line += f"; manifest {summary.manifest}"
        print(line, file=self.stream, flush=True)
        if summary.failures:
            print(
                f"whosaid: {len(summary.failures)} article(s) failed; see the manifest for each reason",
                file=self.stream,
            )
