"""Test-only: plant a hanging article (``tests.hang``) in every Dask worker, restarted ones included."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin


class Planted(WorkerPlugin):
    """Runs ``stage`` (a ``tests.hang`` function, by name) in each worker as it starts, and makes
    the grace period after the time limit ``grace`` seconds."""

    def __init__(self, stage: str, grace: float) -> None:
        self.stage, self.grace = stage, grace

    def setup(self, worker: Any) -> None:
        from whosaid import supervisor

        from tests import hang

        getattr(hang, self.stage)()
        supervisor.grace = lambda limit: self.grace  # type: ignore[assignment]
