"""Units: the articles a watched worker (``supervisor``) is given together, cut from a batch of the run.

A batch is cut into units of the worker's parse batch or fewer articles (``unit_size``), each
unit remembering where its articles stand in the batch; when a worker is replaced, what it
held goes out again as new units of the articles still without an outcome (``Unit.part``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count

from whosaid.tasks import Task
from whosaid.worker import PARSE_BATCH_SIZE

# Articles sent to a worker together: a batch of the run is cut into units of at most this
# size (the worker's parse batch), smaller where the batch would otherwise leave a worker idle.
UNIT = PARSE_BATCH_SIZE


def unit_size(articles: int, jobs: int) -> int:
    """Articles per unit for a batch of ``articles``: the parse batch, or less so that each of
    ``jobs`` workers gets a share (seven articles and two workers: units of four and three)."""
    return max(1, min(UNIT, -(-articles // max(1, jobs))))


@dataclass
class Unit:
    """Articles sent to a worker together: positions in batch ``batch`` of the run."""

    batch: int
    positions: list[int]
    tasks: list[Task]
    deaths: int = 0
    key: int = field(default_factory=count().__next__)
    left: set[int] = field(default_factory=set)  # unit positions without an outcome yet

    def __post_init__(self) -> None:
        self.left = set(range(len(self.tasks)))

    @property
    def limit(self) -> float | None:
        return min((task.timeout for task in self.tasks if task.timeout), default=None)

    def part(self, positions: list[int], deaths: int) -> Unit:
        """A new unit of some of this unit's articles (positions in this unit)."""
        return Unit(self.batch, [self.positions[p] for p in positions], [self.tasks[p] for p in positions], deaths)
