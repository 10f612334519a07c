"""The local process engine: worker processes that are watched, and replaced when stuck.

Each worker loads the model once and takes a run's batches in units (``work_units``) through
the full chain (``worker.process_tasks``), telling the parent, over a pipe of its own, which
article it is on and each outcome as soon as it is made. A worker's own alarm
(``whosaid.timelimit``) turns an article over the time limit into an error entry as long as the
work returns to Python now and then. Work that never does (a loop in compiled code, a blocked
call) is caught here: a worker silent for the limit plus a grace period is killed and a fresh
one started. The article it was on gets an error entry; the others it held are done again, so
nothing else is lost. When the parent cannot tell which article of a batch was stuck, it sends
the batch's unfinished articles one at a time, and the one that is stuck again is the one that
gets the entry. A worker that dies on its own (killed, out of memory) is replaced too and its
articles done again one at a time; an article gets an error entry when a second worker dies
holding it alone.

Outcomes come back per batch in input order, whatever happened on the way, so the records
are byte-identical to an in-process run.
"""

from __future__ import annotations

import gc
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from whosaid import errors
from whosaid.tasks import Outcome, Task, error_outcome
from whosaid.work_units import Unit, unit_size
from whosaid.worker import blas_threads_for, init_worker, worker_process

# Units one worker holds at once: the one it works on and the next, so it never waits; near
# the end of the run, one, so no worker idles while another still holds work.
DEPTH = 2
# Workers in a row that die before they are ready: then starting them is hopeless.
FAILED_STARTS = 3
# A worker that dies with an article alone this many times gives that article an error entry.
DEATHS = 2


def grace(limit: float) -> float:
    """Seconds past the limit before a silent worker is killed: its own alarm gets the first chance."""
    return max(10.0, limit / 4)


@dataclass
class Worker:
    process: Any
    connection: Connection
    ready: bool = False
    units: deque[Unit] = field(default_factory=deque)
    heard: float = 0.0  # when the worker last said anything (or was given work while idle)
    current: int | None = None  # the unit position it works on alone, if it said so


def serve(connection: Connection, model: str | None, setup: Callable[[], None] | None) -> None:
    """A worker process's life: load the model, then do units until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C and stops the workers
    try:
        if setup is not None:
            setup()
        init_worker(model)
    except BaseException as error:  # told to the parent, which stops the run
        connection.send(("failed", None, f"{type(error).__name__}: {error}"))
        return
    # The model and modules stay for the process's life: the collector need not scan them again
    # (in the stages of 300 BBC articles its time fell from 0.13 to 0.07 s). Only in this process
    # of ours: a caller's own process (the Python API, a Dask worker) keeps its collector as it is.
    gc.collect()  # what loading left unreachable goes first, not frozen with the rest
    gc.freeze()
    connection.send(("ready", None, None))
    alarm = {signal.SIGALRM}
    while True:
        unit = connection.recv()
        if unit is None:
            # Every outcome is sent: leave at once, without tearing down the model (a second or
            # more of the run's wall time for nothing).
            connection.close()
            os._exit(0)
        key, tasks = unit

        def report(position: int | None, outcome: Outcome | None, key: int = key) -> None:
            # The alarm waits while a message is written, so no message is cut in half.
            signal.pthread_sigmask(signal.SIG_BLOCK, alarm)
            try:
                connection.send((key, position, outcome))
            finally:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, alarm)

        worker_process(tasks, report)


class SupervisedPool:
    """``jobs`` watched worker processes; see the module docstring. ``setup`` runs first in each
    new worker (tests use it to plant an article that hangs)."""

    def __init__(self, model: str | None, jobs: int, setup: Callable[[], None] | None = None) -> None:
        import multiprocessing

        self._jobs = jobs
        self._context = multiprocessing.get_context("spawn")
        self._model = model
        self._setup = setup
        self._window = jobs * DEPTH
        self._workers = [self._start() for _ in range(jobs)]
        self._exhausted = False
        self._failed_starts = 0
        self.replaced = 0  # workers killed or dead and started afresh

    def _start(self) -> Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=serve, args=(child, self._model, self._setup), daemon=True)
        with blas_threads_for(self._jobs):
            process.start()
        child.close()
        return Worker(process, parent)

    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]:
        source = iter(batches)
        queue: deque[Unit] = deque()
        results: dict[int, list[Outcome | None]] = {}
        taken = emitted = 0
        exhausted = False
        while True:
            while not exhausted and len(results) < self._window:
                batch = next(source, None)
                if batch is None:
                    exhausted = True
                    break
                results[taken] = [None] * len(batch)
                size = unit_size(len(batch), self._jobs)
                for start in range(0, len(batch), size):
                    positions = list(range(start, min(start + size, len(batch))))
                    queue.append(Unit(taken, positions, [batch[p] for p in positions]))
                taken += 1
            done = results.get(emitted)
            if done is not None and all(outcome is not None for outcome in done):
                del results[emitted]
                emitted += 1
                yield [outcome for outcome in done if outcome is not None]
                continue
            if exhausted and not results:
                return
            self._exhausted = exhausted
            self._assign(queue)
            self._listen(queue, results)

    def _assign(self, queue: deque[Unit]) -> None:
        # At the end of the run a worker takes the next unit only when it has none, so the last
        # units go to whichever worker is free first.
        depth = 1 if self._exhausted and len(queue) < len(self._workers) * DEPTH else DEPTH
        for worker in self._workers:
            while worker.ready and queue and len(worker.units) < depth:
                unit = queue.popleft()
                if not worker.units:
                    worker.heard, worker.current = time.monotonic(), None
                worker.units.append(unit)
                worker.connection.send((unit.key, unit.tasks))

    def _listen(self, queue: deque[Unit], results: dict[int, list[Outcome | None]]) -> None:
        """Wait for news from the workers (or a deadline), and act on it."""
        deadlines = [self._deadline(worker) for worker in self._workers]
        due = min((d for d in deadlines if d is not None), default=None)
        timeout = None if due is None else max(0.0, due - time.monotonic())
        handles: list[Any] = [w.connection for w in self._workers] + [w.process.sentinel for w in self._workers]
        wait(handles, timeout)
        for index, worker in enumerate(list(self._workers)):
            alive = self._hear(worker, results)
            if not alive or not worker.process.is_alive():
                if not worker.ready:
                    self._failed_start(worker)
                self._replace(index, queue, results, timed_out=False)
                continue
            deadline = self._deadline(worker)
            if deadline is not None and time.monotonic() > deadline:
                self._replace(index, queue, results, timed_out=True)

    def _failed_start(self, worker: Worker) -> None:
        """Count a worker that died before it was ready; stop the run when they keep dying."""
        self._failed_starts += 1
        if self._failed_starts >= FAILED_STARTS:
            worker.process.join(5)  # its pipe may close before its exit code is known
            reason = errors.E_WORKER_EXIT.format(code=worker.process.exitcode)
            raise errors.WhosaidError(errors.E_WORKER_START.format(reason=reason))

    def _deadline(self, worker: Worker) -> float | None:
        limit = worker.units[0].limit if worker.units else None
        return None if limit is None else worker.heard + limit + grace(limit)

    def _hear(self, worker: Worker, results: dict[int, list[Outcome | None]]) -> bool:
        """Read every message the worker has sent; False when its pipe is broken."""
        try:
            while worker.connection.poll():
                key, position, outcome = worker.connection.recv()
                worker.heard = time.monotonic()
                if key == "ready":
                    worker.ready = True
                    self._failed_starts = 0
                    continue
                if key == "failed":
                    raise errors.WhosaidError(errors.E_WORKER_START.format(reason=outcome))
                unit = worker.units[0]
                if key != unit.key:
                    raise RuntimeError(f"worker reported on unit {key}, expected {unit.key}")
                worker.current = None if outcome is not None else position
                if outcome is not None and position is not None:
                    results[unit.batch][unit.positions[position]] = outcome
                    unit.left.discard(position)
                    if not unit.left:
                        worker.units.popleft()
                        worker.current = None
        except (EOFError, OSError):
            return False
        return True

    def _replace(
        self, index: int, queue: deque[Unit], results: dict[int, list[Outcome | None]], *, timed_out: bool
    ) -> None:
        """Kill the worker at ``index`` (if still alive), start another, and requeue its work."""
        worker = self._workers[index]
        worker.process.kill()
        worker.process.join()
        worker.connection.close()
        self._workers[index] = self._start()
        self.replaced += 1
        held = list(worker.units)
        again: list[Unit] = []
        if held:
            running = held[0]
            stuck = worker.current if worker.current in running.left else None
            if stuck is None and len(running.left) == 1:
                stuck = next(iter(running.left))
            deaths = running.deaths + (0 if timed_out else 1)
            blamed = stuck is not None and (timed_out or (len(running.tasks) == 1 and deaths >= DEATHS))
            if blamed and stuck is not None:
                task = running.tasks[stuck]
                limit = running.limit or 0.0
                reason = (
                    errors.E_TIMEOUT_KILLED.format(limit=limit)
                    if timed_out
                    else errors.E_WORKER_DIED.format(code=worker.process.exitcode)
                )
                results[running.batch][running.positions[stuck]] = error_outcome(task, reason)
                running.left.discard(stuck)
                if running.left:
                    again.append(running.part(sorted(running.left), deaths))
            else:
                # Not known which article was at fault: each goes alone, so the next stop names it.
                again.extend(running.part([position], deaths) for position in sorted(running.left))
            again.extend(held[1:])
        queue.extendleft(reversed(again))

    def close(self) -> None:
        for worker in self._workers:
            with suppress(OSError):
                worker.connection.send(None)
        ends = time.monotonic() + 5
        for worker in self._workers:
            worker.process.join(max(0.0, ends - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.connection.close()
