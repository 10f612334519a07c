"""The runner: find the inputs, skip what is done, process the rest, write, keep a manifest.

Parallelism is over whole articles: a worker loads the model once and runs the full
chain (read -> parse -> entities -> quotes -> JSON bytes) on a batch of articles; the
parent process only reads input bytes, decides what to skip, and writes results. The
same worker function serves the in-process engine, the local process pool and (later)
a cluster. At most a few batches are in flight, so memory stays flat on any corpus.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from whosaid import __version__, errors
from whosaid.attribution import DEFAULT_ATTRIBUTION, Attribution, used_attribution
from whosaid.models import SCHEMA_VERSION, Manifest, ManifestEntry, PipelineInfo
from whosaid.read import DEFAULT_MAX_BYTES, Layout, read_bytes
from whosaid.sources import Fields, InputArticle, SourceFormat
from whosaid.timelimit import ArticleTimeout, time_limit
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
from whosaid.zones import ZoneKeeper

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_BATCH_SIZE = 16
# Seconds one article may take (parse and extraction); a 2 MB article takes about 3 minutes here.
DEFAULT_TIMEOUT = 600.0
# Docs parsed together inside a batch: fewer keeps the peak from a long article lower.
PARSE_BATCH_SIZE = 4


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


@dataclass(frozen=True)
class Outcome:
    """What became of one input."""

    path: str
    article_id: str | None
    status: str  # "ok", "skipped", "error", "ignored" or "other-language"
    data: bytes | None = None
    sha256: str | None = None
    error: str | None = None
    quotes: int | None = None
    entities: int | None = None
    line: int | None = None
    index: int | None = None
    language: str | None = None


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
            tell(position, _outcome(task, "other-language", language=languages[position]))
        else:
            readable.append((position, task, layout))
    by_position = {position: (task, layout) for position, task, layout in readable}
    limit = min((task.timeout for task in tasks if task.timeout), default=None)
    # Strings the batch adds to the vocabulary are freed when the zone closes, so a worker's
    # memory stays flat however many articles it sees. No Doc outlives this batch.
    own_zone = zones is None
    zones = ZoneKeeper() if zones is None else zones
    zones.before_batch(nlp, len(readable), sum(len(layout.parse_text) for _, _, layout in readable))
    try:
        try:
            with time_limit(limit) as deadline:
                tell(None)
                texts = ((layout.parse_text, position) for position, _, layout in readable)
                for doc, position in parse(nlp, texts, batch_size=batch_size):
                    task, layout = by_position[position]
                    tell(position)
                    tell(position, _build(doc, task, layout, label, languages[position]))
                    deadline.restart()
        except (Exception, ArticleTimeout):
            pass  # the unfinished articles are done one by one below
        for position, task, layout in readable:
            if position in outcomes:
                continue
            try:
                with time_limit(limit):
                    tell(position)
                    [(doc, _)] = list(parse(nlp, [(layout.parse_text, position)]))
                    outcome = _build(doc, task, layout, label, languages[position])
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


def _build(doc: Any, task: Task, layout: Layout, label: str, language: str | None) -> Outcome:
    from whosaid.record import build_article
    from whosaid.write import record_bytes

    try:
        article = build_article(
            layout,
            doc,
            article_id=task.article_id,
            source_path=task.path,
            model=label,
            origin=task.article,
            language=language,
            attribution=Attribution(task.attribution),
        )
    except Exception as error:
        return error_outcome(
            task,
            errors.E_INTERNAL.format(
                kind=type(error).__name__, reason=str(error).splitlines()[0] if str(error) else ""
            ),
        )
    return _outcome(task, "ok", data=record_bytes(article), quotes=len(article.quotes), entities=len(article.entities))


def _outcome(task: Task, status: str, **details: Any) -> Outcome:
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
    return _outcome(task, "error", error=reason)


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
        close_worker_zone()  # the model stays loaded; the words of this run are let go


# ---------------------------------------------------------------------------------------
# Parent side: inputs, skipping, writing, manifest
# ---------------------------------------------------------------------------------------


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
        and pipeline.get("attribution") == used_attribution(Attribution(task.attribution)).value
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
    format: SourceFormat | None = None  # read every input as this format; None: by extension
    fields: Fields = field(default_factory=Fields)
    any_language: bool = False  # process articles in other languages too
    timeout: float | None = DEFAULT_TIMEOUT
    attribution: str = DEFAULT_ATTRIBUTION.value  # whosaid.quotes.Attribution; records made the other way are redone


Callback = Callable[[Outcome], None]


def run(
    options: RunOptions,
    *,
    on_start: Callable[[int, str, int], None] | None = None,
    on_outcome: Callback | None = None,
    engine_factory: Callable[[str | None, int], Engine] | None = None,
) -> RunSummary:
    """Process ``options.inputs`` into ``options.out_dir``; see the module docstring."""
    from whosaid.inputs import InputOptions, count, discover, tasks
    from whosaid.parse import model_label_for, resolve_model

    model_name = resolve_model(options.model)
    label = model_label_for(model_name)
    out_dir = options.out_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    clean_temporaries(out_dir)
    candidates, rejected = discover(options.inputs, options.format)
    input_options = InputOptions(options.max_bytes, options.fields, options.format, options.any_language)

    entries: dict[tuple[str, int | None], ManifestEntry] = {}
    summary = RunSummary(model=label)

    def record(outcome: Outcome) -> None:
        written = outcome.status in ("ok", "skipped") and outcome.article_id is not None
        entries[outcome.path, outcome.index] = ManifestEntry(
            path=outcome.path,
            id=outcome.article_id,
            status=outcome.status,  # type: ignore[arg-type]
            line=outcome.line,
            index=outcome.index,
            output=record_name(outcome.article_id or "") if written else None,
            sha256=outcome.sha256,
            error=outcome.error,
            quotes=outcome.quotes,
            entities=outcome.entities,
            language=outcome.language,
        )
        summary.counts[outcome.status] = summary.counts.get(outcome.status, 0) + 1
        if outcome.status == "error":
            summary.failures.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)

    total = count(candidates, input_options) + len(rejected)
    jobs = options.jobs or default_jobs(total)
    summary.jobs = jobs
    if on_start is not None:
        on_start(total, label, jobs)
    for outcome in rejected:
        record(outcome)

    def pending_batches() -> Iterator[list[Task]]:
        batch: list[Task] = []
        for loaded in tasks(candidates, input_options):
            if isinstance(loaded, Outcome):
                record(loaded)
                continue
            loaded = replace(loaded, timeout=options.timeout or None, attribution=options.attribution)
            adopt_legacy_record(out_dir, loaded.article_id)
            existing = read_json(record_path(out_dir, loaded.article_id))
            owner = other_owner(existing, loaded)
            if owner is not None:
                message = errors.E_ID_TAKEN.format(id=loaded.article_id, other=owner)
                record(replace(_outcome(loaded, "error", error=message), article_id=None))
                continue
            if not options.force and is_up_to_date(existing, loaded, label):
                record(_outcome(loaded, "skipped"))
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
    """This process for one job; else watched worker processes (``whosaid.supervisor``)."""
    if jobs <= 1:
        return InProcessEngine(model)
    from whosaid.supervisor import SupervisedPool

    return SupervisedPool(model, jobs)


def _write_run_manifest(
    out_dir: Path, inputs: Sequence[Path], label: str, entries: dict[tuple[str, int | None], ManifestEntry]
) -> Path:
    """The manifest lists this run's inputs, and keeps earlier runs' entries for other inputs."""
    previous = read_json(out_dir / MANIFEST_NAME)
    merged: dict[tuple[str, int | None], ManifestEntry] = {}
    seen = {path for path, _ in entries}
    if isinstance(previous, dict):
        for item in previous.get("articles", []):
            try:
                entry = ManifestEntry.model_validate(item)
            except ValueError:
                continue
            if entry.path not in seen:
                merged[entry.path, entry.index] = entry
    merged.update(entries)
    articles = [merged[key] for key in sorted(merged, key=lambda key: (key[0], key[1] if key[1] is not None else -1))]
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


__all__ = ["Outcome", "RunOptions", "RunSummary", "Task", "process_tasks", "run", "write_atomic"]
