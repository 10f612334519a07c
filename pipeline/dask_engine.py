"""The Dask engine: the same worker function as the local pool, on a dask.distributed cluster.

Each Dask worker keeps one loaded model in its process (loaded with the first batch it
gets) and takes whole batches of articles through every stage; the client process, the
one running ``whosaid run``, writes every result, so the output folder, the manifest,
resuming and determinism are exactly those of a local run. Dask reschedules the batches
of a worker that dies, so such a death costs only the in-flight articles' time.

``--timeout`` holds as on the local engine for work that returns to Python now and then
(spaCy does, after every chunk of a long article): the limit is raised in the Dask worker's
thread (``whosaid.timelimit``) and the article becomes an error entry. Unlike the local
engine (``whosaid.supervisor``), nothing here kills a Dask worker stuck in compiled code: its
batch waits until that code returns, or until Dask itself restarts the worker.

Imported only with ``--engine dask``; needs ``pip install 'whosaid[dask]'``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from whosaid import errors
from whosaid.runner import in_order
from whosaid.worker import Outcome, Task, init_worker, worker_process

E_NO_DASK = "the Dask engine needs dask.distributed: pip install 'whosaid[dask]'"
E_SCHEDULER = "cannot reach the Dask scheduler at {address}: {reason}"


def process_on_worker(tasks: list[Task], model: str | None) -> list[Outcome]:
    """Runs on a Dask worker: the local engine's worker function, model loaded once per process."""
    init_worker(model)
    return worker_process(tasks)


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
