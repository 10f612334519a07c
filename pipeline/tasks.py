"""What a run hands its workers and gets back: one article's ``Task`` and its ``Outcome``.

Both are small and picklable, so they cross process boundaries (the local supervisor's pipes, a
Dask cluster): a task carries the article's bytes, an outcome its record's JSON bytes (or the
file a local worker wrote it to) or what went wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whosaid.attribution import DEFAULT_ATTRIBUTION
from whosaid.sources import InputArticle


@dataclass(frozen=True)
class Task:
    """One article to process: small and picklable, so it can cross process boundaries.

    A ``.txt`` article travels as its file's ``raw`` bytes; an article found inside another
    input travels as ``article`` (its text and fields), with ``raw`` empty.
    """

    path: str
    article_id: str
    raw: bytes
    sha256: str
    # Metadata the input gives beside the text (an API argument, a JSONL field); when set it
    # takes the place of what the read stage finds in the text.
    title: str | None = None
    published: str | None = None
    # An article found inside another input (its text and fields); ``raw`` is then empty.
    article: InputArticle | None = None
    # Leave an article surely not in English unparsed (the runner's default; the API parses all).
    skip_other_languages: bool = False
    # Seconds an article may take in a worker (None: no limit); see ``process_tasks``.
    timeout: float | None = None
    attribution: str = DEFAULT_ATTRIBUTION.value  # whosaid.quotes.Attribution: the learned scorer, or the rules alone
    # A folder of the run inside its output folder (the runner's own filesystem) where the worker
    # writes the record of an article done in windows to a temporary file, which the runner renames
    # into place (``Outcome.data_file``); None: every record comes back as bytes (Dask, the Python API).
    spool: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    path: str
    article_id: str | None
    status: str  # "ok", "skipped", "error", "ignored" or "other-language"
    data: bytes | None = None
    # The temporary file in ``Task.spool`` that holds the record (instead of ``data``).
    data_file: str | None = None
    sha256: str | None = None
    error: str | None = None
    quotes: int | None = None
    entities: int | None = None
    line: int | None = None
    index: int | None = None
    language: str | None = None


def task_outcome(task: Task, status: str, **details: Any) -> Outcome:
    where = task.article
    return Outcome(
        path=task.path,
        article_id=task.article_id,
        status=status,
        sha256=task.sha256,
        line=where.line if where else None,
        index=where.index if where else None,
        **details,
    )


def error_outcome(task: Task, reason: str) -> Outcome:
    return task_outcome(task, "error", error=reason)
