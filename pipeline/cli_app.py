"""The ``whosaid`` Typer application and what its commands share: the exit code for usage
errors and how a command fails with a message.

The commands are in ``whosaid.cli`` (``run``) and ``whosaid.cli_output`` (the commands that
read an output folder); ``whosaid.cli`` registers them all.
"""

from __future__ import annotations

from typing import Annotated

import typer
from whosaid import __version__

app = typer.Typer(
    name="whosaid",
    help="Who is named in news articles, and who said what.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

USAGE_ERROR = 2


def fail(message: str, code: int = USAGE_ERROR) -> typer.Exit:
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
