"""Reading an output folder back: every article record as a validated ``Article``.

Records stream one at a time in path order, so a folder of any size can be read in
constant memory. A file that cannot be read, is not JSON, or does not satisfy the record
contract is reported (naming the file and the problem) and skipped; the rest go on.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from pydantic import ValidationError
from whosaid import errors
from whosaid.models import Article
from whosaid.write import MANIFEST_NAME

log = logging.getLogger("whosaid")


@dataclass(frozen=True)
class Problem:
    """A file in an output folder that was skipped, and why."""

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


OnProblem = Callable[[Problem], None]


def _log_problem(problem: Problem) -> None:
    log.warning(errors.E_SKIPPED_RECORD.format(path=problem.path, reason=problem.reason))


def _describe(error: ValidationError) -> str:
    """The first few validation errors as 'field.path: message', on one line."""
    parts = []
    for detail in error.errors(include_url=False)[:3]:
        where = ".".join(str(part) for part in detail["loc"]) or "record"
        parts.append(f"{where}: {detail['msg']}")
    more = error.error_count() - len(parts)
    return "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")


def record_paths(output_dir: Path) -> list[Path]:
    """The candidate record files under ``output_dir``, in path order (no manifest, no temporaries)."""
    return [
        path
        for path in sorted(output_dir.rglob("*.json"))
        if path.name != MANIFEST_NAME and not path.name.startswith(".")
    ]


def read_record(path: Path) -> Article | Problem:
    """One record file as a validated ``Article``, or the ``Problem`` that keeps it from being one."""
    try:
        data = path.read_bytes()
    except OSError as error:
        return Problem(path, errors.E_RECORD_UNREADABLE.format(reason=error.strerror or error))
    try:
        return Article.model_validate_json(data)
    except ValidationError as error:
        if any(detail["type"] == "json_invalid" for detail in error.errors(include_url=False)):
            return Problem(path, errors.E_RECORD_NOT_JSON)
        return Problem(path, errors.E_RECORD_INVALID.format(details=_describe(error)))


def load(output_dir: str | PathLike[str], *, on_problem: OnProblem | None = None) -> Iterator[Article]:
    """Every article record under ``output_dir`` (recursively, in path order) as a validated model.

    ``manifest.json`` and temporary files are not records. A file that is unreadable, not
    JSON or not a valid record is passed to ``on_problem`` (default: a warning on the
    ``whosaid`` logger) and skipped. Records are read one at a time, never all at once.
    """
    folder = Path(output_dir)
    if not folder.is_dir():
        raise errors.WhosaidError(errors.E_NOT_OUTPUT_DIR.format(path=folder))
    report = on_problem or _log_problem
    for path in record_paths(folder):
        result = read_record(path)
        if isinstance(result, Problem):
            report(result)
        else:
            yield result
