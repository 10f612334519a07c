"""Tables of an output folder: Parquet and DuckDB exports and data frames, checked against the JSON records."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.errors import WhosaidError
from whosaid.loader import Problem, load

from tests.records import article, write

pa = pytest.importorskip("pyarrow", reason="pyarrow not installed (pip install 'whosaid[tables]')")
pq = pytest.importorskip("pyarrow.parquet")
duckdb = pytest.importorskip("duckdb", reason="duckdb not installed (pip install 'whosaid[tables]')")

from whosaid import export as export_module  # noqa: E402
from whosaid.table_columns import TABLES  # noqa: E402
from whosaid.tables import schema, to_arrow, to_pandas  # noqa: E402

runner = CliRunner()

FIRST = (
    "Harbour strike ends\n\nPublished: March 3, 2024 9:00 AM EST\n\n"
    "Dockworkers in Gdansk returned to work on Sunday. “We have a fair deal now,” said union leader Marta Nowak. "
    "The port authority said that the backlog would be cleared within a week."
)
SECOND = (
    "Port reopens\n\nPublished: March 9, 2024\n\n"
    "“Ships are moving again,” Nowak told reporters in Gdansk. Mayor Piotr Zielinski said the city was relieved."
)
THIRD = "Quiet week\n\nNothing was said in the city council, which met briefly."


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tables")
    articles = root / "in"
    articles.mkdir()
    for name, text in (("strike", FIRST), ("reopens", SECOND), ("quiet", THIRD)):
        (articles / f"{name}.txt").write_text(text, encoding="utf-8")
    out = root / "out"
    result = runner.invoke(app, ["run", str(articles), "--out", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    return out


def records(out: Path) -> list[dict[str, Any]]:
    """The records as plain JSON, read without whosaid's loader: the reference for the round trips."""
    return [json.loads(p.read_text()) for p in sorted(out.glob("*.json")) if p.name != "manifest.json"]


def utc(value: str | None) -> datetime | None:
    if value is None:
        return None
    moment = datetime.fromisoformat(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def expected(out: Path) -> dict[str, set[tuple[Any, ...]]]:
    """Each table's rows, built from the JSON, as comparable tuples (merged names left out)."""
    tables: dict[str, set[tuple[Any, ...]]] = {table: set() for table in TABLES}
    for r in records(out):
        tables["articles"].add(
            (r["id"], r["title"], utc(r["published"]), r.get("dateline_place"), r["text"], len(r["quotes"]))
        )
        for e in r["entities"]:
            tables["entities"].add((r["id"], e["id"], e["kind"], e["name"], e["value"], e.get("gender")))
            for m in e["mentions"]:
                tables["mentions"].add((r["id"], e["id"], m["start"], m["end"], m["text"]))
        for q in r["quotes"]:
            s, c = q["speaker"] or {}, q["cue"] or {}
            fragments = tuple((f["start"], f["end"]) for f in q["fragments"])
            tables["quotes"].add(
                (r["id"], q["id"], q["kind"], q["text"], fragments, s.get("name"), c.get("text"), q["confidence"])
            )
            if s:
                tables["speakers"].add((r["id"], q["id"], s["entity_id"], s["name"], s["role"], s["mention"]["text"]))
    return tables


def as_tuples(table: str, rows: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    found = set()
    for row in rows:
        if table == "articles":
            found.add(
                (row["article_id"], row["title"], row["published"], row["dateline_place"], row["text"], row["quotes"])
            )
        elif table == "entities":
            found.add((row["article_id"], row["entity_id"], row["kind"], row["name"], row["value"], row["gender"]))
        elif table == "mentions":
            found.add((row["article_id"], row["entity_id"], row["start"], row["end"], row["text"]))
        elif table == "quotes":
            fragments = tuple((f["start"], f["end"]) for f in row["fragments"])
            speaker = (row["speaker_name"], row["cue"], row["confidence"])
            found.add((row["article_id"], row["quote_id"], row["kind"], row["text"], fragments, *speaker))
        else:
            found.add(
                (row["article_id"], row["quote_id"], row["entity_id"], row["name"], row["role"], row["mention_text"])
            )
    return found


def test_the_run_found_what_the_tables_are_checked_on(output: Path) -> None:
    reference = expected(output)
    assert len(reference["articles"]) == 3
    speakers = {row[3] for row in reference["speakers"]}
    assert {"Marta Nowak", "Piotr Zielinski"} <= speakers
    assert any(row[2] is not None and row[2].year == 2024 for row in reference["articles"])


def test_parquet_round_trip(output: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(output), "--format", "parquet", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    reference = expected(output)
    for table in TABLES:
        stored = pq.read_table(tmp_path / f"{table}.parquet")
        assert stored.schema.equals(schema(table)), table
        assert as_tuples(table, stored.to_pylist()) == reference[table], table
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"{t}.parquet" for t in TABLES)
    published = pq.read_table(tmp_path / "articles.parquet").schema.field("published").type
    assert published == pa.timestamp("us", tz="UTC")


def test_duckdb_round_trip_and_keys(output: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", str(output), "--format", "duckdb", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    reference = expected(output)
    with duckdb.connect(str(tmp_path / "whosaid.duckdb"), read_only=True) as con:
        for table in TABLES:
            stored = con.sql(f"SELECT * FROM {table}").fetch_arrow_table()
            assert as_tuples(table, stored.to_pylist()) == reference[table], table
        types = dict(
            con.sql("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'articles'").fetchall()
        )
        assert types["published"] == "TIMESTAMP WITH TIME ZONE"
        keys = {
            row[0]
            for row in con.sql(
                "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'FOREIGN KEY'"
            ).fetchall()
        }
        assert keys == {"entities", "mentions", "quotes", "speakers"}
        # The keys join: every attributed quote of Marta Nowak, with the article's date.
        rows = con.sql(
            "SELECT q.text, a.published FROM speakers s JOIN quotes q USING (article_id, quote_id) "
            "JOIN articles a USING (article_id) WHERE s.speaker = 'Marta Nowak' ORDER BY a.published"
        ).fetchall()
    assert [text for text, _ in rows][:2] == ["We have a fair deal now,", "Ships are moving again,"]
    assert rows[0][1] == datetime(2024, 3, 3, 14, 0, tzinfo=UTC)


def test_surnames_merge_into_the_speaker_column(output: Path) -> None:
    speakers = to_arrow(output, "speakers").to_pylist()
    # "Nowak told reporters" in the second article is the union leader of the first.
    nowak = [(row["article_id"], row["name"], row["speaker"]) for row in speakers if "Nowak" in row["name"]]
    assert sorted(nowak) == [("reopens", "Nowak", "Marta Nowak"), ("strike", "Marta Nowak", "Marta Nowak")]


def test_data_frames_have_the_declared_types(output: Path) -> None:
    quotes = to_pandas(load(output), "quotes")
    assert str(quotes["confidence"].dtype) == "float64"
    articles = to_pandas(output, "articles")
    assert str(articles["published"].dtype) == "datetime64[us, UTC]"
    assert len(quotes) == sum(len(r["quotes"]) for r in records(output))
    assert set(quotes.columns) == {field.name for field in schema("quotes")}


def test_dates_without_a_zone_are_taken_as_utc_and_missing_ones_stay_null(tmp_path: Path) -> None:
    write(tmp_path, article("naive", published="2024-05-01T08:30:00"))
    write(tmp_path, article("offset", published="2024-05-01T08:30:00+02:00"))
    write(tmp_path, article("undated"))
    rows = {row["article_id"]: row for row in to_arrow(tmp_path, "articles").to_pylist()}
    assert rows["naive"]["published"] == datetime(2024, 5, 1, 8, 30, tzinfo=UTC)
    assert rows["offset"]["published"] == datetime(2024, 5, 1, 6, 30, tzinfo=UTC)
    assert rows["offset"]["published_iso"] == "2024-05-01T08:30:00+02:00"
    assert rows["undated"]["published"] is None


def test_exports_write_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    for n in range(5):
        write(out, article(f"a{n}"))
    monkeypatch.setattr(export_module, "BATCH_ARTICLES", 2)
    export_module.export(out, tmp_path / "export", "parquet")
    assert pq.ParquetFile(tmp_path / "export" / "articles.parquet").metadata.num_row_groups == 3
    assert pq.read_table(tmp_path / "export" / "quotes.parquet").num_rows == 10


def test_a_failed_export_leaves_no_files(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write(out, article("a"))
    (out / "b.json").write_text("{")
    write(out, article("c"))

    def give_up(problem: Problem) -> None:
        raise RuntimeError(str(problem))

    for fmt in ("parquet", "duckdb", "csv", "jsonl"):
        dest = tmp_path / fmt
        with pytest.raises(RuntimeError, match=r"b\.json"):
            export_module.export(out, dest, fmt, give_up)
        assert list(dest.iterdir()) == []


def test_missing_pyarrow_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "out", article("a"))
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    with pytest.raises(WhosaidError, match=r"pip install 'whosaid\[tables\]'"):
        to_arrow(tmp_path / "out", "quotes")
    result = runner.invoke(app, ["export", str(tmp_path / "out"), "--format", "parquet", "--out", str(tmp_path / "x")])
    assert result.exit_code == 2 and "whosaid[tables]" in result.output


def test_unknown_table_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(WhosaidError, match="the tables are articles, entities"):
        to_arrow([], "people")  # type: ignore[arg-type]


def test_two_records_of_one_article_break_the_duckdb_keys_clearly(tmp_path: Path) -> None:
    write(tmp_path / "out", article("a"))
    copy = tmp_path / "out" / "copy" / "a.json"
    copy.parent.mkdir()
    copy.write_bytes((tmp_path / "out" / "a.json").read_bytes())
    dest = tmp_path / "export"
    result = runner.invoke(app, ["export", str(tmp_path / "out"), "--format", "duckdb", "--out", str(dest)])
    assert result.exit_code == 2
    assert "break a key of the articles table" in result.output and '"a"' in result.output.replace("'", '"')
    assert list(dest.iterdir()) == []


def test_a_published_value_that_is_not_iso_is_kept_as_text(tmp_path: Path) -> None:
    write(tmp_path / "out", article("a", published="early March"))
    (row,) = to_arrow(tmp_path / "out", "articles").to_pylist()
    assert row["published"] is None and row["published_iso"] == "early March"
    result = runner.invoke(app, ["report", str(tmp_path / "out"), "--out", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    assert 'class="chart chart-timeline"' not in (tmp_path / "site" / "index.html").read_text()


def test_articles_from_multi_article_files_keep_their_source_fields(tmp_path: Path) -> None:
    from whosaid.models import Source

    record = article("news/3").model_copy(
        update={
            "byline": "Ola Hansen",
            "publication": "Harbour Times",
            "source": Source(path="news.jsonl", sha256="1" * 64, encoding="utf-8", format="jsonl", line=4, index=3),
        }
    )
    write(tmp_path, record)
    (row,) = to_arrow(tmp_path, "articles").to_pylist()
    assert (row["article_id"], row["byline"], row["publication"]) == ("news/3", "Ola Hansen", "Harbour Times")
    assert (row["source_path"], row["source_format"], row["source_line"], row["source_index"]) == (
        "news.jsonl",
        "jsonl",
        4,
        3,
    )
