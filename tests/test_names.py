"""Record names: no input overwrites another record or the run's own files; umask permissions."""

from __future__ import annotations

import json
import os
import stat
import unicodedata
from pathlib import Path

from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.models import Article
from whosaid.write import MANIFEST_NAME, record_name, record_path, write_atomic

runner = CliRunner()

TEXT = "Council votes on the bridge\n\n“We will build it this year,” said {name}, the mayor of Lowell.\n"


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [*args, "--quiet", "--jobs", "1"])
    return result.exit_code, result.output


def write(path: Path, name: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(TEXT.format(name=name), encoding="utf-8")


def entries(out: Path) -> dict[str, dict[str, str]]:
    return {entry["path"]: entry for entry in json.loads((out / MANIFEST_NAME).read_text())["articles"]}


def test_colliding_names_each_keep_their_own_record(tmp_path: Path) -> None:
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    speakers = {
        one / "manifest.txt": "Ann Lee",
        one / "a" / "b.txt": "Bob Hart",
        one / "a_b.txt": "Cleo Park",
        one / "Report.txt": "Dan Moss",
        one / "report.txt": "Eve Stone",
        one / "same.txt": "Finn Gray",
        two / "same.txt": "Gus Reed",
    }
    for path, name in speakers.items():
        write(path, name)
    assert run("run", str(one), str(two), "-o", str(out))[0] == 0

    manifest = entries(out)
    assert {entry["status"] for entry in manifest.values()} == {"ok"}
    outputs = [entry["output"] for entry in manifest.values()]
    # Unique even where case does not count (macOS, Windows), and never the manifest itself.
    assert len({name.casefold() for name in outputs}) == len(speakers)
    assert MANIFEST_NAME not in outputs
    ids = {Path(path).relative_to(tmp_path).as_posix(): entry["id"] for path, entry in manifest.items()}
    assert ids["one/same.txt"] == "same" and ids["two/same.txt"] == "two/same"
    assert ids["one/manifest.txt"] == "manifest" and ids["one/a/b.txt"] == "a/b"
    for path, name in speakers.items():
        entry = manifest[path.as_posix()]
        record = Article.model_validate_json((out / entry["output"]).read_text())
        assert record.id == entry["id"] and record.source.path == path.as_posix()
        assert any(speaker.name == name for speaker in (q.speaker for q in record.quotes) if speaker), name
    assert json.loads((out / MANIFEST_NAME).read_text())["counts"] == {"ok": len(speakers)}

    # The same inputs again: the same ids, every record found and skipped.
    assert run("run", str(one), str(two), "-o", str(out))[0] == 0
    again = entries(out)
    assert {entry["status"] for entry in again.values()} == {"skipped"}
    assert {path: entry["id"] for path, entry in again.items()} == {p: e["id"] for p, e in manifest.items()}


def test_another_input_with_a_taken_id_does_not_replace_the_record(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(tmp_path / "first" / "story.txt", "Ann Lee")
    write(tmp_path / "second" / "story.txt", "Bob Hart")
    assert run("run", str(tmp_path / "first"), "-o", str(out))[0] == 0
    before = (out / "story.json").read_bytes()
    code, _ = run("run", str(tmp_path / "second"), "-o", str(out))
    assert code != 0
    assert (out / "story.json").read_bytes() == before
    entry = entries(out)[(tmp_path / "second" / "story.txt").as_posix()]
    assert entry["status"] == "error" and "first/story.txt" in entry["error"]
    assert entries(out)[(tmp_path / "first" / "story.txt").as_posix()]["status"] == "ok"


def test_records_from_the_previous_naming_are_adopted_not_lost(tmp_path: Path) -> None:
    folder, out = tmp_path / "in", tmp_path / "out"
    write(folder / "Mixed Case.txt", "Ann Lee")
    assert run("run", str(folder), "-o", str(out))[0] == 0
    current = out / record_name("Mixed Case")
    legacy = out / "Mixed Case.json"  # where whosaid 0.x wrote it
    current.rename(legacy)
    assert run("run", str(folder), "-o", str(out))[0] == 0
    assert entries(out)[(folder / "Mixed Case.txt").as_posix()]["status"] == "skipped"
    assert current.exists() and not legacy.exists()


def test_any_id_maps_to_a_safe_unique_file(tmp_path: Path) -> None:
    ids = [
        "manifest",
        "MANIFEST",
        "a/b",
        "a_b",
        "A/b",
        "feed.jsonl#3",
        "feed.jsonl#3/x",
        "https://example.com/news/2020/story?id=7",
        "../../etc/passwd",
        "/etc/passwd",
        ".hidden",
        ".x.tmp",
        "x.json/y",
        "x",
        "con",
        "a//b",
        "",
        "trailing.",
        "é" * 200,
        unicodedata.normalize("NFC", "Café"),
        unicodedata.normalize("NFD", "Café"),
        "/".join(["deep"] * 40),
    ]
    names = [record_name(article_id) for article_id in ids]
    assert len({unicodedata.normalize("NFC", name).casefold() for name in names}) == len(ids)
    files = {name for name in names}
    for name in names:
        path = record_path(tmp_path, ids[names.index(name)]).resolve()
        assert path.is_relative_to(tmp_path.resolve()), name
        assert name != MANIFEST_NAME and name.endswith(".json")
        assert all(0 < len(part.encode()) <= 255 and not part.startswith(".") for part in name.split("/")), name
        # No record's folder is another record's file.
        assert not any(name.startswith(other + "/") for other in files), name
        write_atomic(path, b"{}\n")
    assert len(list(tmp_path.rglob("*.json"))) == len(ids)
    assert record_name("business/001") == "business/001.json"  # plain ids keep their names


def test_files_get_the_permissions_the_umask_gives(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        write(tmp_path / "in" / "story.txt", "Ann Lee")
        assert run("run", str(tmp_path / "in"), "-o", str(tmp_path / "out"))[0] == 0
        for name in ("story.json", MANIFEST_NAME):
            assert stat.S_IMODE((tmp_path / "out" / name).stat().st_mode) == 0o640, name
        os.umask(0o022)
        write_atomic(tmp_path / "other.json", b"{}\n")
        assert stat.S_IMODE((tmp_path / "other.json").stat().st_mode) == 0o644
    finally:
        os.umask(previous)
