"""The worker side of a run: the full chain for a batch of articles, with one model per process.

A worker loads the model once (``init_worker``) and turns each batch of ``Task``s (an article's
bytes, small and picklable) into ``Outcome``s (its record's JSON bytes, or what went wrong):
read -> parse -> entities -> quotes -> bytes. A long article's record is written by the worker
to a temporary file instead, in the folder its task names (``Task.spool``), and its outcome
names that file. The same function serves the in-process engine,
the local process pool (``whosaid.supervisor``) and a Dask cluster (``whosaid.dask_engine``);
the parent side (``whosaid.runner``) only schedules batches and writes what comes back.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from whosaid import errors
from whosaid.read import Layout, read_bytes
from whosaid.recorder import build, build_long
from whosaid.tasks import Outcome, Task, error_outcome, task_outcome
from whosaid.timelimit import ArticleTimeout, Deadline, time_limit
from whosaid.zones import ZoneKeeper

if TYPE_CHECKING:
    from spacy.language import Language

# Docs parsed together inside a batch (fewer where they are long, see ``whosaid.parse``): the
# parser and entity recogniser took 18.9 CPU s for 300 BBC articles four at a time, 16.0 eight at
# a time, 16.6 sixteen at a time (best of three each); the annotations are the same.
PARSE_BATCH_SIZE = 8


_WORKER_NLP: Language | None = None
_WORKER_LABEL = ""
_WORKER_MODEL: str | None = None


# What a worker tells as it goes (``process_tasks``'s ``report``): ``(position, None)`` when it
# works on that article alone, ``(None, None)`` when the batch's parse starts, ``(position,
# outcome)`` when that article is done. Each call also says the worker is alive.
Report = Callable[[int | None, Outcome | None], None]


def process_tasks(
    nlp: Language,
    label: str,
    tasks: Sequence[Task],
    *,
    batch_size: int = PARSE_BATCH_SIZE,
    report: Report | None = None,
    zones: ZoneKeeper | None = None,
) -> list[Outcome]:
    """Read, parse and extract every task; one bad article yields an error outcome, not a crash.

    An article surely not in English is not parsed (outcome ``other-language``) when its task
    says so; otherwise its record notes the language.

    With a time limit (``Task.timeout``), an article that takes longer becomes an error: when
    the limit passes with no article finished, the batch's unfinished articles are done again
    one at a time, each with the full limit, and the one that runs out is dropped. ``report``
    (see ``Report``) lets a supervisor follow the work (``whosaid.supervisor``). The batch is
    parsed in a memory zone: ``zones``'s (kept open over several batches, see ``whosaid.zones``),
    else one of its own, closed before this returns.
    """
    from whosaid.language import other_language
    from whosaid.parse import parse
    from whosaid.windows import windowed

    outcomes: dict[int, Outcome] = {}

    def tell(position: int | None, outcome: Outcome | None = None) -> None:
        if position is not None and outcome is not None:
            outcomes[position] = outcome
        if report is not None:
            report(position, outcome)

    readable = []
    languages: dict[int, str | None] = {}
    for position, task in enumerate(tasks):
        try:
            layout = read_task(task)
        except errors.ArticleError as error:
            tell(position, error_outcome(task, str(error)))
            continue
        languages[position] = other_language(layout.text)
        if languages[position] and task.skip_other_languages:
            tell(position, task_outcome(task, "other-language", language=languages[position]))
        else:
            readable.append((position, task, layout))
    by_position = {position: (task, layout) for position, task, layout in readable}
    limit = min((task.timeout for task in tasks if task.timeout), default=None)
    # Strings the batch adds to the vocabulary are freed when the zone closes (after the model's
    # first ``zones.WARM_CHARS`` characters, parsed outside zones), so a worker's memory stays
    # flat however many articles it sees. No Doc outlives this batch.
    own_zone = zones is None
    zones = ZoneKeeper() if zones is None else zones
    zones.before_batch(nlp, len(readable), sum(len(layout.parse_text) for _, _, layout in readable))
    try:
        try:
            with time_limit(limit) as deadline:
                tell(None)
                texts = (
                    (layout.parse_text, position) for position, _, layout in readable if not windowed(layout.parse_text)
                )
                for doc, position in parse(nlp, texts, batch_size=batch_size):
                    task, layout = by_position[position]
                    tell(position)
                    tell(position, build(doc, task, layout, label, languages[position]))
                    deadline.restart()
                for position, task, layout in readable:
                    if windowed(layout.parse_text):
                        tell(position)
                        # Each window of a long article starts the time limit again, and says the
                        # worker is alive: the limit bounds 100,000 characters' work, whatever the length.
                        window_done = partial(_window_done, deadline, tell, position)
                        tell(position, build_long(nlp, task, layout, label, languages[position], window_done))
                        deadline.restart()
        except (Exception, ArticleTimeout):
            pass  # the unfinished articles are done one by one below
        for position, task, layout in readable:
            if position in outcomes:
                continue
            try:
                with time_limit(limit) as alone:
                    tell(position)
                    if windowed(layout.parse_text):
                        window_done = partial(_window_done, alone, tell, position)
                        outcome = build_long(nlp, task, layout, label, languages[position], window_done)
                    else:
                        [(doc, _)] = list(parse(nlp, [(layout.parse_text, position)]))
                        outcome = build(doc, task, layout, label, languages[position])
            except ArticleTimeout:
                outcome = error_outcome(task, errors.E_TIMEOUT.format(limit=limit))
            except Exception as error:
                outcome = error_outcome(task, errors.E_INTERNAL.format(kind="parse", reason=error))
            tell(position, outcome)
    finally:
        if own_zone:
            zones.close()
    return [outcomes[position] for position in range(len(tasks))]


def with_metadata(layout: Layout, task: Task) -> Layout:
    """The layout with the title and publication date the input gave, where it gave them."""
    if task.title is None and task.published is None:
        return layout
    return replace(
        layout,
        title=task.title if task.title is not None else layout.title,
        published_text=task.published if task.published is not None else layout.published_text,
    )


def read_task(task: Task) -> Layout:
    """The read stage for one task: the file's bytes, or the text of an article found inside an
    input (decoded there already; its hash covers its fields), with the title and date given."""
    if task.article is None:
        return with_metadata(read_bytes(task.raw), task)
    layout = read_bytes(task.article.text.encode("utf-8"))
    return with_metadata(replace(layout, encoding=task.article.encoding, sha256=task.sha256), task)


def _window_done(deadline: Deadline, tell: Callable[[int | None], None], position: int) -> None:
    deadline.restart()
    tell(position)


def init_worker(model: str | None) -> None:
    """Load the model once per worker process (again only if another model is asked for)."""
    global _WORKER_NLP, _WORKER_LABEL, _WORKER_MODEL
    if _WORKER_NLP is not None and model == _WORKER_MODEL:
        return
    from whosaid.parse import load_model, model_label

    _WORKER_NLP = load_model(model)
    _WORKER_LABEL = model_label(_WORKER_NLP)
    _WORKER_MODEL = model


def loaded_model() -> Language | None:
    """The model this process has loaded for the pipeline, if any."""
    return _WORKER_NLP


def worker_process(tasks: list[Task], report: Report | None = None) -> list[Outcome]:
    """Process one batch in a worker that ``init_worker`` has prepared."""
    if _WORKER_NLP is None:
        raise RuntimeError("worker used before init_worker")
    with _WORKER_LOCK:  # one batch at a time: a Dask worker may run several threads
        return process_tasks(_WORKER_NLP, _WORKER_LABEL, tasks, report=report, zones=_WORKER_ZONES)


def close_worker_zone() -> None:
    """Free what the worker's open memory zone holds (after a run in this process)."""
    with _WORKER_LOCK:
        _WORKER_ZONES.close()


# The worker's model keeps one memory zone open over several batches (``whosaid.zones``).
_WORKER_ZONES = ZoneKeeper()
_WORKER_LOCK = threading.Lock()


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system tells it)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


_BLAS_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@contextmanager
def blas_threads_for(jobs: int) -> Iterator[None]:
    """While a worker process starts: the BLAS threads it may use, the cores divided among ``jobs``
    workers (where the user set none); the parent's own environment is left as it was."""
    unset = [variable for variable in _BLAS_VARIABLES if variable not in os.environ]
    os.environ.update(dict.fromkeys(unset, str(max(1, usable_cores() // max(1, jobs)))))
    try:
        yield
    finally:
        for variable in unset:
            os.environ.pop(variable, None)
