"""The ``whosaid`` commands that read an output folder (``speakers``, ``quotes``, ``export``,
``report``) and ``schema``: each parses its options, calls the library and prints.
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from whosaid import errors
from whosaid.cli_app import app, fail

if TYPE_CHECKING:
    from whosaid.loader import Problem


class SpeakerSort(str, Enum):
    quotes = "quotes"
    articles = "articles"
    name = "name"


class QuoteKind(str, Enum):
    direct = "direct"
    mixed = "mixed"
    indirect = "indirect"


class TableFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    duckdb = "duckdb"


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
AsJson = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]


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
    as_json: AsJson = False,
) -> None:
    """Every speaker across the output folder: roles, number of quotes and of articles."""
    from whosaid.views import collect, ordered_speakers

    _, found = collect(output_dir, _report_problem, min_confidence=min_confidence)
    ordered = ordered_speakers(found.values(), sort.value, limit)
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
    as_json: AsJson = False,
) -> None:
    """The quotes, grouped by speaker: who said what, in which article, when."""
    from whosaid.views import collect, quote_row_dict, select_quotes

    found_rows, found = collect(output_dir, _report_problem, min_confidence=min_confidence)
    rows = select_quotes(found_rows, found, speaker=speaker, kinds=[k.value for k in kind or []], article=article)
    if rows is None:
        raise fail(f"no speaker matches {speaker!r} in {output_dir}", code=1)
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
        raise fail(str(error)) from None
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
