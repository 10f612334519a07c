"""Engines: where a run's batches of articles are processed, and which one a local run uses.

An engine takes batches of ``Task``s and gives back their ``Outcome``s batch by batch, in input
order (``Engine``). ``InProcessEngine`` works in this process; the watched local process pool is
``supervisor.SupervisedPool``, a Dask cluster ``dask_engine.DaskEngine``; ``in_order`` keeps a few
submitted batches in flight and their results in order, for engines that submit them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from whosaid.tasks import Outcome, Task
from whosaid.worker import close_worker_zone, init_worker, worker_process


class Engine(Protocol):
    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]: ...

    def close(self) -> None: ...


def in_order(
    batches: Iterable[list[Task]], submit: Callable[[list[Task]], Callable[[], list[Outcome]]], window: int
) -> Iterator[list[Outcome]]:
    """Results of ``submit``-ted batches in input order, with at most ``window`` in flight
    (``submit`` starts a batch and returns what waits for its result)."""
    in_flight: deque[Callable[[], list[Outcome]]] = deque()
    for batch in batches:
        in_flight.append(submit(batch))
        if len(in_flight) >= window:
            yield in_flight.popleft()()
    while in_flight:
        yield in_flight.popleft()()


class InProcessEngine:
    """Everything in this process: the simplest engine, for one job with no time limit and the
    Python API's streams."""

    def __init__(self, model: str | None) -> None:
        init_worker(model)

    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield worker_process(batch)

    def close(self) -> None:
        close_worker_zone()  # the model stays loaded; the words of this run's zones are let go


def local_engine(model: str | None, jobs: int, watched: bool = False) -> Engine:
    """Watched worker processes (``whosaid.supervisor``): one, when ``watched``, for one job (so
    an article stuck where no alarm reaches it is stopped by replacing its worker); this process
    for one job unwatched (the Python API's streams, a run with no time limit)."""
    if jobs <= 1 and not watched:
        return InProcessEngine(model)
    from whosaid.supervisor import SupervisedPool

    return SupervisedPool(model, jobs)
