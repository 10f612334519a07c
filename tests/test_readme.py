"""The README's Python and SQL examples run as written, against an output folder made from seeds/.

Every ```python and ```sql block runs, in README order, in a folder holding `output/` (from
`whosaid run seeds/`) and its exports, unless the line before the block is
`<!-- example: not run (reason) -->`. Python blocks share one namespace, as in a notebook.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from whosaid.cli import app

from tests.conftest import REPO

pytestmark = pytest.mark.model

BLOCK = re.compile(r"(?P<before>[^\n]*)\n```(?P<lang>python|sql)\n(?P<code>.*?)\n```", re.DOTALL)
NOT_RUN = "<!-- example: not run"


def readme_blocks() -> list[tuple[str, str, int]]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = []
    for match in BLOCK.finditer(text):
        if match.group("before").strip().startswith(NOT_RUN):
            continue
        line = text.count("\n", 0, match.start("code")) + 1
        blocks.append((match.group("lang"), match.group("code"), line))
    return blocks


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    shutil.copytree(REPO / "seeds", folder / "seeds")
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(folder / "seeds"), "--out", str(folder / "output"), "--quiet"])
    assert result.exit_code == 0, result.output
    for fmt in ("csv", "jsonl", "parquet", "duckdb"):
        exported = runner.invoke(app, ["export", str(folder / "output"), "--format", fmt])
        if exported.exit_code != 0 and "format" in exported.output and fmt in ("parquet", "duckdb"):
            continue  # an export format this checkout does not have yet: its examples fail below
        assert exported.exit_code == 0, exported.output
    return folder


def test_the_readme_has_examples_to_run() -> None:
    languages = {lang for lang, _, _ in readme_blocks()}
    assert "python" in languages


def test_every_readme_example_runs(workdir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(workdir)
    namespace: dict[str, object] = {"__name__": "readme"}
    for lang, code, line in readme_blocks():
        try:
            if lang == "python":
                with contextlib.redirect_stdout(io.StringIO()):
                    exec(compile(code, f"README.md:{line}", "exec"), namespace)
            else:
                duckdb = pytest.importorskip("duckdb")
                rows = duckdb.sql(code).fetchall()
                assert rows, f"README.md:{line}: the query returned no rows"
        except Exception as error:
            pytest.fail(f"README.md line {line} ({lang}) failed: {type(error).__name__}: {error}")
