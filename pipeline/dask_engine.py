"""The Dask engine: the same worker function as the local pool, on a dask.distributed cluster.

Each Dask worker keeps one loaded model in its process (loaded with the first batch it
gets) and takes whole batches of articles through every stage; the client process, the
one running ``whosaid run``, writes every result, so the output folder, the manifest,
resuming and determinism are exactly those of a local run. Dask reschedules the batches
of a worker that dies, so such a death costs only the in-flight articles' time.

``--timeout`` holds as on the local engine: for work that returns to Python now and then
(spaCy does, after every chunk of a long article) the limit is raised in the Dask worker's
thread (``whosaid.timelimit``) and the article becomes an error entry. Work that never returns
(a loop in compiled code, a blocked call) is caught by a watch thread in the worker process:
silent for the limit plus the local engine's grace period, it logs which batch (Dask's task
key) and which article it was on to the scheduler's event log, then ends its own process. The
worker's nanny starts a fresh one and Dask runs the batch again; the batch then reads the log:
a known stuck article gets an error entry, and when the article was not known (stuck in the
batch's parse) the articles are done one at a time, so the next stop names it. Without a
nanny (``dask worker --no-nanny``) the cluster is one worker smaller afterwards.

Imported only with ``--engine dask``; needs ``pip install 'whosaid[dask]'``.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterable, Iterator
from typing import Any

from whosaid import errors, supervisor
from whosaid.engines import in_order
from whosaid.tasks import Outcome, Task, error_outcome
from whosaid.worker import Report, init_worker, worker_process

E_NO_DASK = "the Dask engine needs dask.distributed: pip install 'whosaid[dask]'"
E_SCHEDULER = "cannot reach the Dask scheduler at {address}: {reason}"


STUCK_TOPIC = "whosaid-stuck"  # the scheduler's event log where stuck batches are noted
_POLL = 0.5  # seconds between the watch thread's looks


def process_on_worker(tasks: list[Task], model: str | None) -> list[Outcome]:
    """Runs on a Dask worker: the local engine's worker function, model loaded once per process,
    watched when the batch has a time limit."""
    init_worker(model)
    limit = min((task.timeout for task in tasks if task.timeout), default=None)
    if limit is None:
        return worker_process(tasks)
    from distributed import get_client, get_worker

    worker = get_worker()
    key = str(worker.get_current_task())
    stuck = [event for _, event in get_client().get_events(STUCK_TOPIC) if event.get("key") == key]
    watch = _Watch(limit, key, worker)
    try:
        if not stuck:
            return worker_process(tasks, watch.report)
        known = {event["position"] for event in stuck if event.get("position") is not None}
        outcomes = []
        for position, task in enumerate(tasks):
            if position in known:
                outcomes.append(error_outcome(task, errors.E_TIMEOUT_RESTARTED.format(limit=limit)))
            else:
                outcomes.extend(worker_process([task], watch.report_at(position)))
        return outcomes
    finally:
        watch.stop()


class _Watch:
    """A thread that ends the worker process when the batch's work is silent for the limit plus
    the grace period, after noting the batch and article in the scheduler's event log."""

    def __init__(self, limit: float, key: str, worker: Any) -> None:
        self.limit, self.key, self.worker = limit, key, worker
        # None until the batch's first report, which comes once it holds the worker's model (a batch
        # waiting for another thread's batch is not silent).
        self.heard: float | None = None
        self.position: int | None = None  # the article being worked on, when known
        self._done = threading.Event()
        threading.Thread(target=self._watch, name="whosaid-watch", daemon=True).start()

    def report(self, position: int | None, outcome: Outcome | None) -> None:
        self.heard = time.monotonic()
        self.position = position if outcome is None else None

    def report_at(self, position: int) -> Report:
        """``report`` for a batch of one article, which is at ``position`` in this batch."""
        return lambda _, outcome: self.report(position, outcome)

    def stop(self) -> None:
        self._done.set()

    def _watch(self) -> None:
        while not self._done.wait(_POLL):
            heard = self.heard
            if heard is not None and time.monotonic() - heard > self.limit + supervisor.grace(self.limit):
                self.worker.log_event(STUCK_TOPIC, {"key": self.key, "position": self.position})
                time.sleep(1.0)  # the event reaches the scheduler before the process ends
                os.kill(os.getpid(), signal.SIGKILL)


class DaskEngine:
    """Batches go to the cluster with a bounded number in flight; results come back in order."""

    def __init__(self, model: str | None, jobs: int, scheduler: str | None = None) -> None:
        try:
            from dask.distributed import Client, LocalCluster
        except ImportError as error:
            raise errors.WhosaidError(E_NO_DASK) from error
        self._model = model
        self._cluster: Any = None
        if scheduler:
            try:
                self._client = Client(scheduler, timeout="20s")
            except (OSError, TimeoutError) as error:
                raise errors.WhosaidError(E_SCHEDULER.format(address=scheduler, reason=error)) from error
        else:
            self._cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                host="127.0.0.1",
                dashboard_address=":0",  # a free port: 8787 may be taken by another cluster
                silence_logs=40,
            )
            self._client = Client(self._cluster)
        workers = len(self._client.scheduler_info().get("workers", {})) or jobs
        self._window = max(2, workers * 2)

    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]:
        def submit(batch: list[Task]) -> Any:
            # pure=False: every batch is its own task, even if two batches were equal.
            return self._client.submit(process_on_worker, batch, self._model, pure=False, retries=2).result

        return in_order(batches, submit, self._window)

    @property
    def client(self) -> Any:
        return self._client

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
