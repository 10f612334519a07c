"""Per-speaker views and exports over an output folder, on records the real pipeline wrote."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.views import SpeakerIndex, match_speakers

from tests.conftest import SEED

runner = CliRunner()

SECOND = (
    "Putin warns the West\n\nPublished: March 3, 2022 9:00 AM EST\n\n"
    "Russian President Vladimir Putin spoke in Moscow on Thursday. "
    "“We will not be threatened,” Putin said. "
    "A spokesperson for Microsoft said the company had suspended sales in Russia."
)
THIRD = "Putin again\n\n“Nothing has changed,” said Putin, who spoke briefly in Moscow."


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("views")
    articles = root / "in"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    (articles / "putin.txt").write_text(SECOND)
    (articles / "again.txt").write_text(THIRD)
    out = root / "out"
    result = runner.invoke(app, ["run", str(articles), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def invoke(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_speakers_are_merged_across_articles(output: Path) -> None:
    # Above 0.6 leaves out the stance quote "Putin ... backing Bashar al-Assad" of the example.
    speakers = {s["name"]: s for s in json.loads(invoke("speakers", str(output), "--json", "--min-confidence", "0.6"))}
    putin = speakers["Vladimir Putin"]
    # "said Putin" in the third article, where only the surname appears, is the same speaker.
    assert putin["articles"] == 2 and putin["quotes"] == 2
    assert "Putin" not in speakers
    assert speakers["Dmitry Zhirnov"]["roles"] == ["Russian ambassador to Afghanistan"]
    # His two direct quotes, and "publicly praised the Taliban", an indirect one.
    assert speakers["Dmitry Zhirnov"]["quotes"] == 3


def test_speakers_sort_by_name(output: Path) -> None:
    names = [s["name"] for s in json.loads(invoke("speakers", str(output), "--json", "--sort", "name"))]
    assert names == sorted(names, key=str.casefold)


def test_quotes_fuzzy_speaker_and_filters(output: Path) -> None:
    rows = json.loads(invoke("quotes", str(output), "--speaker", "zhirnov", "--json"))
    assert {r["speaker"] for r in rows} == {"Dmitry Zhirnov"}
    assert [r["kind"] for r in rows] == ["indirect", "direct", "direct"]
    mixed = json.loads(invoke("quotes", str(output), "--kind", "mixed", "--json"))
    assert mixed and all(r["kind"] == "mixed" for r in mixed)
    one = json.loads(invoke("quotes", str(output), "--article", "putin", "--json"))
    assert {r["article_id"] for r in one} == {"putin"}


def test_quotes_on_a_terminal_show_speaker_role_and_article(output: Path) -> None:
    text = invoke("quotes", str(output), "--speaker", "Zhirnov")
    assert "Dmitry Zhirnov" in text and "Russian ambassador to Afghanistan" in text
    assert "000_fe18a11ffd38cfee, 2021-08-21" in text


def test_unknown_speaker_is_an_error(output: Path) -> None:
    result = runner.invoke(app, ["quotes", str(output), "--speaker", "Nobody Atall"])
    assert result.exit_code == 1 and "no speaker matches" in result.output


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_tables(output: Path, tmp_path: Path, fmt: str) -> None:
    invoke("export", str(output), "--format", fmt, "--out", str(tmp_path))
    if fmt == "csv":
        with (tmp_path / "quotes.csv").open() as handle:
            quotes = list(csv.DictReader(handle))
        with (tmp_path / "mentions.csv").open() as handle:
            mentions = list(csv.DictReader(handle))
    else:
        quotes = [json.loads(line) for line in (tmp_path / "quotes.jsonl").read_text().splitlines()]
        mentions = [json.loads(line) for line in (tmp_path / "mentions.jsonl").read_text().splitlines()]
    records = [json.loads(p.read_text()) for p in output.glob("*.json") if p.name != "manifest.json"]
    assert len(quotes) == sum(len(r["quotes"]) for r in records)
    assert len(mentions) == sum(len(e["mentions"]) for r in records for e in r["entities"])
    zhirnov = [q for q in quotes if q["speaker"] == "Dmitry Zhirnov" and q["kind"] == "direct"]
    assert zhirnov and zhirnov[0]["published"] == "2021-08-21T18:52:00-04:00" and zhirnov[0]["cue"] == "said"


def test_speaker_index_merges_only_unambiguous_surnames() -> None:
    index = SpeakerIndex(
        [
            ("Vladimir Putin", "person"),
            ("Putin", "person"),
            ("John Smith", "person"),
            ("Anna Smith", "person"),
            ("Smith", "person"),
            ("George W. Bush", "person"),
            ("George Bush", "person"),
        ]
    )
    assert index("Putin") == "Vladimir Putin"
    assert index("Smith") == "Smith"
    assert index("George Bush") == index("George W. Bush")


def test_match_speakers_is_fuzzy_and_case_blind() -> None:
    assert match_speakers("zhirnov", ["Dmitry Zhirnov", "Joe Biden"]) == ["Dmitry Zhirnov"]
    assert match_speakers("Dimitry Zhirnov", ["Dmitry Zhirnov", "Joe Biden"]) == ["Dmitry Zhirnov"]


def test_a_speakers_gender_is_the_one_most_of_their_articles_give(tmp_path: Path) -> None:
    from tests.records import article, write

    write(tmp_path, article("a", speaker="Mara Lind", gender="female"))
    write(tmp_path, article("b", speaker="Mara Lind"))
    write(tmp_path, article("c", speaker="Jon Berg", gender="male"))
    write(tmp_path, article("d", speaker="Jon Berg", gender="female"))
    speakers = {s["name"]: s for s in json.loads(invoke("speakers", str(tmp_path), "--json"))}
    assert speakers["Mara Lind"]["gender"] == "female"
    assert speakers["Jon Berg"]["gender"] is None  # the articles disagree
    rows = json.loads(invoke("quotes", str(tmp_path), "--speaker", "Mara Lind", "--json"))
    assert sorted((r["article_id"], r["speaker_gender"]) for r in rows) == [("a", "female"), ("b", None)]
    assert "female" in invoke("speakers", str(tmp_path))
