"""The runner: find the inputs, skip what is done, process the rest, write, keep a manifest.

Parallelism is over whole articles: a worker (``whosaid.worker``) loads the model once and
runs the full chain (read -> parse -> entities -> quotes -> JSON bytes) on a batch of
articles; the parent process only reads input bytes, decides what to skip, and writes
results. The same worker function serves the in-process engine, the local process pool and a
Dask cluster (``whosaid.engines``). At most a few batches are in flight, so memory stays flat
on any corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from whosaid import __version__, errors
from whosaid.attribution import DEFAULT_ATTRIBUTION, Attribution, used_attribution
from whosaid.engines import Engine, local_engine
from whosaid.models import SCHEMA_VERSION, Manifest, ManifestEntry, PipelineInfo
from whosaid.read import DEFAULT_MAX_BYTES
from whosaid.sources import Fields, SourceFormat
from whosaid.tasks import Outcome, Task, task_outcome
from whosaid.worker import usable_cores
from whosaid.write import (
    MANIFEST_NAME,
    adopt_legacy_record,
    clean_temporaries,
    place_record,
    read_json,
    record_name,
    record_path,
    remove_spool,
    spool_folder,
    write_atomic,
    write_manifest,
)

DEFAULT_BATCH_SIZE = 16
# Seconds one article may take (parse and extraction); a 2 MB article takes about 3 minutes here.
DEFAULT_TIMEOUT = 600.0


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
    return 1 if pending < 64 else max(1, min(usable_cores(), 8))


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
    from whosaid.installed import model_label_for, resolve_model

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

    # Local workers write a long article's record into this run's folder inside the output folder
    # (renamed into place below, the folder removed at the end); a Dask cluster's workers may not
    # share this filesystem, so theirs come as bytes.
    spool = spool_folder(out_dir) if engine_factory is None else None
    spool_name = str(spool) if spool is not None else None

    def pending_batches() -> Iterator[list[Task]]:
        batch: list[Task] = []
        for loaded in tasks(candidates, input_options):
            if isinstance(loaded, Outcome):
                record(loaded)
                continue
            loaded = replace(
                loaded,
                timeout=options.timeout or None,
                attribution=options.attribution,
                spool=spool_name,
            )
            adopt_legacy_record(out_dir, loaded.article_id)
            existing = read_json(record_path(out_dir, loaded.article_id))
            owner = other_owner(existing, loaded)
            if owner is not None:
                message = errors.E_ID_TAKEN.format(id=loaded.article_id, other=owner)
                record(replace(task_outcome(loaded, "error", error=message), article_id=None))
                continue
            if not options.force and is_up_to_date(existing, loaded, label):
                record(task_outcome(loaded, "skipped"))
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
            if engine_factory is None:
                engine = local_engine(model_name, jobs, watched=bool(options.timeout))
            else:
                engine = engine_factory(model_name, jobs)
            for outcomes in engine.map_batches(_chain(first, batches)):
                for outcome in outcomes:
                    if outcome.status == "ok" and outcome.data is not None:
                        write_atomic(record_path(out_dir, outcome.article_id or ""), outcome.data)
                    elif outcome.status == "ok" and outcome.data_file is not None:
                        place_record(Path(outcome.data_file), record_path(out_dir, outcome.article_id or ""))
                    record(outcome)
    finally:
        if engine is not None:
            engine.close()
        if spool is not None:  # with what a worker replaced half-way left (a record it was writing)
            remove_spool(spool)
        summary.manifest = _write_run_manifest(out_dir, options.inputs, label, entries)
    return summary


def _chain(first: list[Task], rest: Iterator[list[Task]]) -> Iterator[list[Task]]:
    yield first
    yield from rest


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


__all__ = ["Outcome", "RunOptions", "RunSummary", "Task", "run", "write_atomic"]
