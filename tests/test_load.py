"""Reading an output folder back as validated records: order, streaming, and bad files."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from whosaid.errors import WhosaidError
from whosaid.loader import Problem, load
from whosaid.models import Article

from tests.records import article, write


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    write(out, article("b-second", published="2024-03-04T10:00:00+01:00"))
    write(out, article("a-first", speaker="Jon Berg"))
    write(out, article("nested/c-third"))
    (out / "manifest.json").write_text(json.dumps({"articles": []}))
    (out / ".a-first.json.1234.tmp").write_text("{")
    return out


def test_records_come_validated_in_path_order_without_the_manifest(folder: Path) -> None:
    records = list(load(folder))
    assert [r.id for r in records] == ["a-first", "b-second", "nested/c-third"]
    assert all(isinstance(r, Article) for r in records)
    assert records[0].quotes[0].speaker is not None and records[0].quotes[0].speaker.name == "Jon Berg"


def test_bad_files_are_reported_by_name_and_the_rest_go_on(folder: Path) -> None:
    (folder / "aa-truncated.json").write_text('{"id": "x", "text": "abc')
    broken = json.loads((folder / "b-second.json").read_text())
    broken["quotes"][0]["confidence"] = 1.7
    (folder / "ab-invalid.json").write_text(json.dumps(broken))
    (folder / "ac-list.json").write_text("[1, 2]")
    problems: list[Problem] = []
    ids = [r.id for r in load(folder, on_problem=problems.append)]
    assert ids == ["a-first", "b-second", "nested/c-third"]
    reasons = {p.path.name: p.reason for p in problems}
    assert set(reasons) == {"aa-truncated.json", "ab-invalid.json", "ac-list.json"}
    assert "not valid JSON" in reasons["aa-truncated.json"]
    assert "quotes.0.confidence: Input should be less than or equal to 1" in reasons["ab-invalid.json"]
    assert "not a valid whosaid record" in reasons["ac-list.json"]


def test_without_a_handler_problems_are_logged(folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    (folder / "zz-bad.json").write_text("not json")
    with caplog.at_level(logging.WARNING, logger="whosaid"):
        assert len(list(load(folder))) == 3
    assert any("zz-bad.json" in message and "not valid JSON" in message for message in caplog.messages)


def test_load_streams_one_record_at_a_time(folder: Path) -> None:
    stream = load(folder)
    first = next(stream)
    # A record written after the first was read is still found: nothing was read ahead of need
    # except the sorted list of file names.
    (folder / "b-second.json").unlink()
    assert first.id == "a-first"
    assert [r.id for r in stream] == ["nested/c-third"]


def test_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WhosaidError, match="not a folder"):
        next(load(tmp_path / "nowhere"))


def test_views_name_the_bad_file_and_show_the_rest(folder: Path) -> None:
    from typer.testing import CliRunner
    from whosaid.cli import app

    (folder / "zz-bad.json").write_text('{"id": 3}')
    result = CliRunner().invoke(app, ["speakers", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    assert f"whosaid: skipping {folder / 'zz-bad.json'}: not a valid whosaid record" in result.stderr
    speakers = {s["name"]: s for s in json.loads(result.stdout)}
    assert speakers["Mara Lind"]["quotes"] == 2 and speakers["Jon Berg"]["quotes"] == 1
