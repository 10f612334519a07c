"""The runner: find the inputs, skip what is done, process the rest, write, keep a manifest.

Parallelism is over whole articles: a worker loads the model once and runs the full
chain (read -> parse -> entities -> quotes -> JSON bytes) on a batch of articles; the
parent process only reads input bytes, decides what to skip, and writes results. The
same worker function serves the in-process engine, the local process pool and (later)
a cluster. At most a few batches are in flight, so memory stays flat on any corpus.
"""

from __future__ import annotations

import os
import stat
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from whosaid import __version__, errors
from whosaid.models import SCHEMA_VERSION, Manifest, ManifestEntry, PipelineInfo
from whosaid.read import DEFAULT_MAX_BYTES, Layout
from whosaid.write import (
    MANIFEST_NAME,
    adopt_legacy_record,
    clean_temporaries,
    read_json,
    record_name,
    record_path,
    write_atomic,
    write_manifest,
)

if TYPE_CHECKING:
    from spacy.language import Language

INPUT_SUFFIX = ".txt"
DEFAULT_BATCH_SIZE = 16
# Docs parsed together inside a batch: fewer keeps the peak from a long article lower.
PARSE_BATCH_SIZE = 4


@dataclass(frozen=True)
class Task:
    """One article to process: small and picklable, so it can cross process boundaries."""

    path: str
    article_id: str
    raw: bytes
    sha256: str
    # Metadata the input gives beside the text (an API argument, a JSONL field); when set it
    # takes the place of what the read stage finds in the text.
    title: str | None = None
    published: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    path: str
    article_id: str | None
    status: str  # "ok", "skipped", "error" or "ignored"
    data: bytes | None = None
    sha256: str | None = None
    error: str | None = None
    quotes: int | None = None
    entities: int | None = None


@dataclass
class RunSummary:
    counts: dict[str, int] = field(default_factory=dict)
    failures: list[Outcome] = field(default_factory=list)
    manifest: Path | None = None
    model: str = ""
    jobs: int = 1

    @property
    def failed(self) -> int:
        return self.counts.get("error", 0)


class Engine(Protocol):
    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]: ...

    def close(self) -> None: ...


# ---------------------------------------------------------------------------------------
# Worker side: the full chain for a batch, with one model per process
# ---------------------------------------------------------------------------------------

_WORKER_NLP: Language | None = None
_WORKER_LABEL = ""
_WORKER_MODEL: str | None = None


def process_tasks(
    nlp: Language, label: str, tasks: Sequence[Task], *, batch_size: int = PARSE_BATCH_SIZE
) -> list[Outcome]:
    """Read, parse and extract every task; one bad article yields an error outcome, not a crash."""
    from whosaid.read import read_bytes

    outcomes: dict[int, Outcome] = {}
    readable = []
    for position, task in enumerate(tasks):
        try:
            readable.append((position, task, with_metadata(read_bytes(task.raw), task)))
        except errors.ArticleError as error:
            outcomes[position] = _error(task, str(error))
    by_position = {position: (task, layout) for position, task, layout in readable}
    # Strings the batch adds to the vocabulary are freed when the zone closes, so a worker's
    # memory stays flat however many articles it sees. No Doc may outlive the zone.
    with nlp.memory_zone():
        try:
            docs = list(
                nlp.pipe(
                    ((layout.parse_text, position) for position, _, layout in readable),
                    as_tuples=True,
                    batch_size=batch_size,
                )
            )
        except Exception:
            docs = []
            for position, task, layout in readable:
                try:
                    docs.append((nlp(layout.parse_text), position))
                except Exception as error:
                    outcomes[position] = _error(task, errors.E_INTERNAL.format(kind="parse", reason=error))
        for doc, position in docs:
            task, layout = by_position[position]
            outcomes[position] = _build(doc, task, layout, label)
        del docs
    _release_free_memory()
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


def _release_free_memory() -> None:
    """Hand freed heap pages back to the OS (glibc keeps them otherwise, and RSS creeps up)."""
    if _LIBC is not None:
        _LIBC.malloc_trim(0)


def _load_libc() -> Any:
    import ctypes
    import ctypes.util

    name = ctypes.util.find_library("c")
    if not name or not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(name)
    except OSError:
        return None


_LIBC = _load_libc()


def _build(doc: Any, task: Task, layout: Any, label: str) -> Outcome:
    from whosaid.record import build_article
    from whosaid.write import record_bytes

    try:
        article = build_article(layout, doc, article_id=task.article_id, source_path=task.path, model=label)
    except Exception as error:
        return _error(
            task,
            errors.E_INTERNAL.format(
                kind=type(error).__name__, reason=str(error).splitlines()[0] if str(error) else ""
            ),
        )
    return Outcome(
        path=task.path,
        article_id=task.article_id,
        status="ok",
        data=record_bytes(article),
        sha256=task.sha256,
        quotes=len(article.quotes),
        entities=len(article.entities),
    )


def _error(task: Task, reason: str) -> Outcome:
    return Outcome(path=task.path, article_id=task.article_id, status="error", sha256=task.sha256, error=reason)


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


def worker_process(tasks: list[Task]) -> list[Outcome]:
    """Process one batch in a worker that ``init_worker`` has prepared."""
    if _WORKER_NLP is None:
        raise RuntimeError("worker used before init_worker")
    return process_tasks(_WORKER_NLP, _WORKER_LABEL, tasks)


# ---------------------------------------------------------------------------------------
# Engines
# ---------------------------------------------------------------------------------------


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
    """Everything in this process: the simplest engine, used for --jobs 1."""

    def __init__(self, model: str | None) -> None:
        init_worker(model)

    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]:
        for batch in batches:
            yield worker_process(batch)

    def close(self) -> None:
        pass


class ProcessPoolEngine:
    """N worker processes, each with its own model; results come back in input order."""

    def __init__(self, model: str | None, jobs: int) -> None:
        import multiprocessing

        # One BLAS thread per worker: the workers already use every core.
        for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(variable, "1")
        context = multiprocessing.get_context("spawn")
        self._pool = context.Pool(jobs, initializer=init_worker, initargs=(model,))
        self._window = jobs * 2

    def map_batches(self, batches: Iterable[list[Task]]) -> Iterator[list[Outcome]]:
        return in_order(batches, lambda batch: self._pool.apply_async(worker_process, (batch,)).get, self._window)

    def close(self) -> None:
        self._pool.terminate()
        self._pool.join()


# ---------------------------------------------------------------------------------------
# Parent side: inputs, skipping, writing, manifest
# ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    path: Path
    display: str
    article_id: str


def discover(inputs: Sequence[Path]) -> tuple[list[Candidate], list[Outcome]]:
    """The ``.txt`` files under ``inputs`` (recursively), and entries for inputs that are not."""
    found: list[Candidate] = []
    rejected: list[Outcome] = []
    ids: dict[str, str] = {}
    seen: set[str] = set()
    for given in inputs:
        if not given.exists() and not given.is_symlink():
            raise errors.WhosaidError(errors.E_NO_INPUT.format(path=given))
        if given.is_dir():
            paths = sorted(p for p in given.rglob("*") if not p.is_dir() and not _hidden(p.relative_to(given)))
            base = given
        else:
            paths = [given]
            base = given.parent
        for path in paths:
            display = path.as_posix()
            if path.suffix.lower() != INPUT_SUFFIX:
                status = "error" if path == given else "ignored"
                rejected.append(Outcome(path=display, article_id=None, status=status, error=errors.E_NOT_TEXT))
                continue
            if display in seen:
                continue  # the same file named twice
            seen.add(display)
            article_id = _unique_id(path.relative_to(base).with_suffix("").as_posix(), base.resolve().name, ids)
            ids[article_id] = display
            found.append(Candidate(path, display, article_id))
    return found, rejected


def _unique_id(natural: str, input_name: str, taken: dict[str, str]) -> str:
    """``natural`` (the path under its input), else qualified by the input's name, else numbered:
    ``run a b`` with ``a/x.txt`` and ``b/x.txt`` gives ``x`` and ``b/x``, the same on every run."""
    if natural not in taken:
        return natural
    qualified = f"{input_name}/{natural}" if input_name else natural
    number = 1
    candidate = qualified
    while candidate in taken:
        number += 1
        candidate = f"{qualified}~{number}"
    return candidate


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def load_input(candidate: Candidate, max_bytes: int) -> Task | Outcome:
    """Read one input's bytes, or the reason it cannot be read."""
    import hashlib

    def fail(reason: str) -> Outcome:
        return Outcome(path=candidate.display, article_id=candidate.article_id, status="error", error=reason)

    try:
        info = candidate.path.stat()
    except FileNotFoundError:
        return fail(
            errors.E_BROKEN_LINK if candidate.path.is_symlink() else errors.E_UNREADABLE.format(reason="file vanished")
        )
    except OSError as error:
        return fail(errors.E_UNREADABLE.format(reason=error.strerror or error))
    if not stat.S_ISREG(info.st_mode):
        return fail(errors.E_UNREADABLE.format(reason="not a regular file"))
    if info.st_size > max_bytes:
        return fail(errors.E_TOO_LARGE.format(size=info.st_size, limit=max_bytes))
    try:
        raw = candidate.path.read_bytes()
    except OSError as error:
        return fail(errors.E_UNREADABLE.format(reason=error.strerror or error))
    return Task(candidate.display, candidate.article_id, raw, hashlib.sha256(raw).hexdigest())


def is_up_to_date(record: Any, task: Task, model: str) -> bool:
    """Whether ``record`` (the one on disk) was made from these bytes by this pipeline and model."""
    if not isinstance(record, dict):
        return False
    pipeline = record.get("pipeline") or {}
    source = record.get("source") or {}
    return (
        source.get("sha256") == task.sha256
        and record.get("schema_version") == SCHEMA_VERSION
        and pipeline.get("version") == __version__
        and pipeline.get("model") == model
    )


def other_owner(record: Any, task: Task) -> str | None:
    """The input an earlier run made ``record`` from, when that is another article than ``task``'s
    (another path and other bytes): then the record is not this task's to replace."""
    source = record.get("source") if isinstance(record, dict) else None
    if not isinstance(source, dict) or source.get("path") in (None, task.path) or source.get("sha256") == task.sha256:
        return None
    return str(source["path"])


def default_jobs(pending: int) -> int:
    """One process for small runs (a worker costs seconds to start), every core for big ones."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 1 if pending < 64 else max(1, min(cores, 8))


@dataclass
class RunOptions:
    inputs: list[Path]
    out_dir: Path
    model: str | None = None
    jobs: int | None = None
    force: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = DEFAULT_BATCH_SIZE


Callback = Callable[[Outcome], None]


def run(
    options: RunOptions,
    *,
    on_start: Callable[[int, str, int], None] | None = None,
    on_outcome: Callback | None = None,
    engine_factory: Callable[[str | None, int], Engine] | None = None,
) -> RunSummary:
    """Process ``options.inputs`` into ``options.out_dir``; see the module docstring."""
    from whosaid.parse import model_label_for, resolve_model

    model_name = resolve_model(options.model)
    label = model_label_for(model_name)
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    clean_temporaries(out_dir)
    candidates, rejected = discover(options.inputs)

    entries: dict[str, ManifestEntry] = {}
    summary = RunSummary(model=label)

    def record(outcome: Outcome) -> None:
        entries[outcome.path] = ManifestEntry(
            path=outcome.path,
            id=outcome.article_id,
            status=outcome.status,  # type: ignore[arg-type]
            output=record_name(outcome.article_id or "") if outcome.status in ("ok", "skipped") else None,
            sha256=outcome.sha256,
            error=outcome.error,
            quotes=outcome.quotes,
            entities=outcome.entities,
        )
        summary.counts[outcome.status] = summary.counts.get(outcome.status, 0) + 1
        if outcome.status == "error":
            summary.failures.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    total = len(candidates) + len(rejected)
    jobs = options.jobs or default_jobs(len(candidates))
    summary.jobs = jobs
    if on_start is not None:
        on_start(total, label, jobs)
    for outcome in rejected:
        record(outcome)

    def pending_batches() -> Iterator[list[Task]]:
        batch: list[Task] = []
        for candidate in candidates:
            loaded = load_input(candidate, options.max_bytes)
            if isinstance(loaded, Outcome):
                record(loaded)
                continue
            adopt_legacy_record(out_dir, loaded.article_id)
            existing = read_json(record_path(out_dir, loaded.article_id))
            owner = other_owner(existing, loaded)
            if owner is not None:
                message = errors.E_ID_TAKEN.format(id=loaded.article_id, other=owner)
                record(Outcome(path=loaded.path, article_id=None, status="error", sha256=loaded.sha256, error=message))
                continue
            if not options.force and is_up_to_date(existing, loaded, label):
                record(Outcome(path=loaded.path, article_id=loaded.article_id, status="skipped", sha256=loaded.sha256))
                continue
            batch.append(loaded)
            if len(batch) >= options.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    engine: Engine | None = None
    try:
        batches = pending_batches()
        first = next(batches, None)
        if first is not None:
            factory = engine_factory or local_engine
            engine = factory(model_name, jobs)
            for outcomes in engine.map_batches(_chain(first, batches)):
                for outcome in outcomes:
                    if outcome.status == "ok" and outcome.data is not None:
                        write_atomic(record_path(out_dir, outcome.article_id or ""), outcome.data)
                    record(outcome)
    finally:
        if engine is not None:
            engine.close()
        summary.manifest = _write_run_manifest(out_dir, options.inputs, label, entries)
    return summary


def _chain(first: list[Task], rest: Iterator[list[Task]]) -> Iterator[list[Task]]:
    yield first
    yield from rest


def local_engine(model: str | None, jobs: int) -> Engine:
    return InProcessEngine(model) if jobs <= 1 else ProcessPoolEngine(model, jobs)


def _write_run_manifest(out_dir: Path, inputs: Sequence[Path], label: str, entries: dict[str, ManifestEntry]) -> Path:
    """The manifest lists this run's inputs, and keeps earlier runs' entries for other inputs."""
    previous = read_json(out_dir / MANIFEST_NAME)
    merged: dict[str, ManifestEntry] = {}
    if isinstance(previous, dict):
        for item in previous.get("articles", []):
            try:
                entry = ManifestEntry.model_validate(item)
            except ValueError:
                continue
            merged[entry.path] = entry
    merged.update(entries)
    articles = [merged[path] for path in sorted(merged)]
    counts: dict[str, int] = {}
    for entry in articles:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    manifest = Manifest(
        pipeline=PipelineInfo(version=__version__, model=label),
        inputs=sorted(p.as_posix() for p in inputs),
        articles=articles,
        counts=counts,
    )
    return write_manifest(out_dir, manifest)


__all__ = ["Outcome", "RunOptions", "RunSummary", "Task", "discover", "process_tasks", "run", "write_atomic"]
