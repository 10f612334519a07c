"""Inputs beyond .txt: JSONL, CSV, HTML, Nexis and Factiva exports, DOCX, standard input, language.

The sample files in tests/data/formats/ were written for these tests (no real article text).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.models import Article
from whosaid.sources import BadItem, Fields, InputArticle, read_articles

from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "formats"
runner = CliRunner()

HARBOUR = (
    "Harbour wall plan approved\n\n"
    "Councillors in Port Ellery approved a plan to rebuild the town's harbour wall on Tuesday.\n\n"
    '"We have argued about this wall for a decade, and tonight we finally chose to act," said Margaret Okafor, '
    "who leads the council.\n\n"
    "Tom Brierley, who chairs the fishing association, said the timetable left boat owners with nowhere to moor.\n"
)
GERMAN = (
    "Hafenmauer wird erneuert\n\n"
    "Der Gemeinderat von Port Ellery hat am Dienstag beschlossen, die marode Hafenmauer neu zu bauen. "
    "Die Arbeiten sollen im Herbst beginnen und etwa zwei Jahre dauern, sagte die Bürgermeisterin.\n"
)


def run(*args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, list(args), input=stdin)
    return result.exit_code, result.output


def entries(out: Path) -> list[dict[str, Any]]:
    return list(json.loads((out / "manifest.json").read_text())["articles"])


def record(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    Article.model_validate(data)
    return dict(data)


def record_of(out: Path, article_id: str) -> dict[str, Any]:
    """The record of ``article_id``, found through the manifest (ids may need a safe file name)."""
    (entry,) = [e for e in entries(out) if e["id"] == article_id]
    return record(out / entry["output"])


def analysis(data: dict[str, Any]) -> dict[str, Any]:
    """What the pipeline found, without where the article came from (nor date values, which the
    publication date anchors)."""
    found = {key: data[key] for key in ("text", "sections", "quotes", "standfirst")}
    found["entities"] = [{k: v for k, v in entity.items() if k != "value"} for entity in data["entities"]]
    return found


def articles(raw: bytes, fmt: str, fields: Fields | None = None) -> list[InputArticle | BadItem]:
    return list(read_articles(raw, fmt, fields))  # type: ignore[arg-type]


# --- readers, without the model ---------------------------------------------------------------


def test_jsonl_finds_the_usual_field_names_and_reports_bad_lines() -> None:
    lines = [
        json.dumps(
            {"url": "https://news.example/a", "headline": "A", "maintext": "Body A.", "date_publish": "2021-05-04"}
        ),
        "",
        "{not json",
        json.dumps(["a", "list"]),
        json.dumps({"id": 7, "title": "No text here"}),
        json.dumps({"id": "b", "body": "Body B.", "meta": {"when": "2020-01-02"}}),
    ]
    found = articles("\n".join(lines).encode(), "jsonl")
    first, bad_json, not_object, no_text, last = found
    assert isinstance(first, InputArticle) and isinstance(last, InputArticle)
    assert (first.key, first.title, first.text, first.published) == (
        "https://news.example/a",
        "A",
        "Body A.",
        "2021-05-04",
    )
    assert (first.line, first.index) == (1, 0)
    assert isinstance(bad_json, BadItem) and bad_json.line == 3 and "not valid JSON" in bad_json.message()
    assert bad_json.message().startswith("line 3: ")
    assert isinstance(not_object, BadItem) and "not an object" in not_object.reason
    assert isinstance(no_text, BadItem) and no_text.line == 5 and "text, body, content, maintext" in no_text.reason
    assert (last.key, last.line, last.index, last.published) == ("b", 6, 4, None)
    nested = articles(lines[-1].encode(), "jsonl", Fields().override(published="meta.when"))[0]
    assert isinstance(nested, InputArticle) and nested.published == "2020-01-02"


def test_csv_rows_with_quoted_newlines_other_delimiters_and_overridden_fields() -> None:
    table = 'story;heading;ref\n"First paragraph.\n\nSecond paragraph.";Two lines;r1\n;Empty;r2\nThird;Three;r3\n'
    fields = Fields().override(text="story", title="heading", id="ref")
    first, empty, third = articles(table.encode("cp1252"), "csv", fields)
    assert isinstance(first, InputArticle) and first.text == "First paragraph.\n\nSecond paragraph."
    assert (first.title, first.key, first.line, first.index) == ("Two lines", "r1", 2, 0)
    assert isinstance(empty, BadItem) and empty.line == 5 and empty.reason.startswith("no text")
    assert isinstance(third, InputArticle) and (third.key, third.line, third.index) == ("r3", 6, 2)


def test_html_keeps_the_article_and_drops_menus_footer_and_most_read() -> None:
    (page,) = articles((DATA / "harbour.html").read_bytes(), "html")
    assert isinstance(page, InputArticle)
    assert page.title == "Harbour plan approved after long night of talks"
    assert page.published is not None and page.published.startswith("2023-03-14T09:30")
    assert (page.byline, page.publication) == ("Priya Raman", "The Coastal Courier")
    assert page.text.startswith(page.title + "\n\nCouncillors in Port Ellery")
    assert '"Nobody asked the people who actually use the harbour," Brierley' in page.text
    for boilerplate in ("Most read", "Lifeboat crew", "Subscribe", "Privacy policy", "All rights reserved"):
        assert boilerplate not in page.text


def test_nexis_text_export_splits_into_articles_with_metadata() -> None:
    first, second = articles((DATA / "nexis.txt").read_bytes(), "txt")
    assert isinstance(first, InputArticle) and isinstance(second, InputArticle)
    assert first.format == "nexis" and (first.line, first.index, second.line, second.index) == (1, 0, 30, 1)
    assert first.title == "Mill town bids farewell to its last loom"
    assert (first.publication, first.published, first.byline) == (
        "The Northern Ledger (Leeds)",
        "January 11, 2010 Monday",
        "Harriet Cole",
    )
    assert first.text.startswith("Mill town bids farewell to its last loom\n\nThe last working loom")
    assert "Final Edition" not in first.text and "LOAD-DATE" not in first.text and "LENGTH" not in first.text
    assert second.title == "Floods close two roads near the river" and second.byline == "Sam Ahmed"


def test_nexis_uni_text_with_cover_page_and_non_breaking_space_labels() -> None:
    first, second = articles((DATA / "uni.txt").read_bytes(), "txt")
    assert isinstance(first, InputArticle) and isinstance(second, InputArticle)
    assert (first.title, first.publication, first.byline) == (
        "Council approves harbour wall plan",
        "The Coastal Courier",
        "Priya Raman",
    )
    assert first.published == "March 6, 2023 Monday" and first.line == 10
    assert "Job Number" not in first.text and "Copyright" not in first.text and "Load-Date" not in first.text
    assert second.title == "Ferry operator cuts winter timetable" and "Laura Benn" in second.text


def test_nexis_uni_docx_export_and_a_plain_docx(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in (DATA / "uni.txt").read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    document.save(str(tmp_path / "export.docx"))
    found = articles((tmp_path / "export.docx").read_bytes(), "docx")
    assert [a.title for a in found if isinstance(a, InputArticle)] == [
        "Council approves harbour wall plan",
        "Ferry operator cuts winter timetable",
    ]
    assert all(isinstance(a, InputArticle) and a.format == "docx" and a.line is None for a in found)
    plain = docx.Document()
    for paragraph in HARBOUR.split("\n\n"):
        plain.add_paragraph(paragraph.strip())
    plain.save(str(tmp_path / "plain.docx"))
    (one,) = articles((tmp_path / "plain.docx").read_bytes(), "docx")
    assert isinstance(one, InputArticle) and one.index is None and one.text == HARBOUR


def test_factiva_export_splits_on_accession_numbers() -> None:
    first, second = articles((DATA / "factiva.txt").read_bytes(), "txt")
    assert isinstance(first, InputArticle) and isinstance(second, InputArticle)
    assert (first.format, first.key, second.key) == (
        "factiva",
        "CLYDGZ0020220214ei2e0001a",
        "CLYDGZ0020220215ei2f0002b",
    )
    assert (first.title, first.byline, first.published, first.publication) == (
        "Shipyard wins order for three ferries",
        "Elena Marsh",
        "14 February 2022",
        "The Clyde Gazette",
    )
    assert first.text.startswith("Shipyard wins order for three ferries\n\nA shipyard on the Clyde")
    assert "CLYDGZ" not in first.text and "412 words" not in first.text and "(c) 2022" not in first.text


def test_a_plain_text_article_is_not_split() -> None:
    (one,) = articles(HARBOUR.encode(), "txt")
    assert isinstance(one, InputArticle) and one.text == HARBOUR and one.index is None


# --- whole runs, with the model ---------------------------------------------------------------


@pytest.mark.model
def test_jsonl_run_gives_the_same_analysis_as_the_txt_file_and_notes_where(tmp_path: Path) -> None:
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    rows = [
        {"id": "h-1", "text": HARBOUR, "title": "Harbour wall plan approved", "date": "2023-03-14T09:30:00+00:00"},
        "{broken",
        {"text": HARBOUR.replace("Tuesday", "Wednesday")},
    ]
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    (tmp_path / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, output = run("run", str(tmp_path / "txt"), str(tmp_path / "news.jsonl"), "-o", str(tmp_path / "out"), "-q")
    assert code == 1 and "news.jsonl: line 2: not valid JSON" in output
    plain, row = record(tmp_path / "out" / "harbour.json"), record_of(tmp_path / "out", "news/h-1")
    assert analysis(plain) == analysis(row)
    tuesday = [e["value"] for e in row["entities"] if e["name"] == "Tuesday"]
    assert len(tuesday) == 1 and tuesday[0].startswith("2023-03-")  # the row's date anchors the weekday
    assert [e["value"] for e in plain["entities"] if e["name"] == "Tuesday"] == [None]  # the .txt has no date
    assert any(q["speaker"] and q["speaker"]["name"] == "Margaret Okafor" for q in row["quotes"])
    assert row["id"] == "news/h-1" and row["published"] == "2023-03-14T09:30:00+00:00"
    assert row["source"]["format"] == "jsonl" and (row["source"]["line"], row["source"]["index"]) == (1, 0)
    assert record_of(tmp_path / "out", "news/2")["source"]["line"] == 3  # no id field: its index
    # A .txt record gains none of the new fields.
    assert not {"byline", "publication", "language"} & plain.keys()
    assert set(plain["source"]) == {"path", "sha256", "encoding"}
    bad = [e for e in entries(tmp_path / "out") if e["status"] == "error"]
    assert len(bad) == 1 and bad[0]["line"] == 2 and bad[0]["path"].endswith("news.jsonl")


@pytest.mark.model
def test_rerun_skips_the_unchanged_articles_of_a_changed_jsonl(tmp_path: Path) -> None:
    texts = [HARBOUR, HARBOUR.replace("Tuesday", "Friday"), HARBOUR.replace("Tuesday", "Sunday")]
    source = tmp_path / "news.jsonl"
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(texts)))
    out = tmp_path / "out"
    assert run("run", str(source), "-o", str(out), "-q")[0] == 0
    texts[1] = texts[1].replace("Friday", "Saturday")
    texts.append(HARBOUR.replace("Tuesday", "Monday"))
    source.write_text("".join(json.dumps({"id": f"a{n}", "text": t}) + "\n" for n, t in enumerate(texts)))
    assert run("run", str(source), "-o", str(out), "-q")[0] == 0
    status = {e["id"]: e["status"] for e in entries(out)}
    assert status == {"news/a0": "skipped", "news/a1": "ok", "news/a2": "skipped", "news/a3": "ok"}
    assert "Saturday" in record_of(out, "news/a1")["text"]


@pytest.mark.model
def test_exports_and_html_run_one_record_per_article(tmp_path: Path) -> None:
    out = tmp_path / "out"
    inputs = [str(DATA / name) for name in ("nexis.txt", "factiva.txt", "harbour.html")]
    code, output = run("run", *inputs, "-o", str(out), "-q")
    assert code == 0, output
    mill = record_of(out, "nexis/0")
    assert (mill["title"], mill["published"], mill["byline"], mill["publication"]) == (
        "Mill town bids farewell to its last loom",
        "2010-01-11T00:00:00",
        "Harriet Cole",
        "The Northern Ledger (Leeds)",
    )
    assert any(q["speaker"] and q["speaker"]["name"] == "Dennis Whitaker" for q in mill["quotes"])
    shipyard = record_of(out, "factiva/CLYDGZ0020220214ei2e0001a")
    assert shipyard["source"]["format"] == "factiva" and shipyard["published"] == "2022-02-14T00:00:00"
    page = record_of(out, "harbour")
    assert page["source"]["format"] == "html" and page["title"].startswith("Harbour plan approved")
    assert {e["name"] for e in page["entities"] if e["kind"] == "person"} >= {"Margaret Okafor", "Tom Brierley"}


@pytest.mark.model
def test_standard_input_as_text_and_as_jsonl(tmp_path: Path) -> None:
    code, output = run("run", "-", "-o", str(tmp_path / "a"), "-q", stdin=HARBOUR)
    assert code == 0, output
    data = record_of(tmp_path / "a", "stdin")
    assert data["source"]["path"] == "-" and data["text"] == HARBOUR
    code, output = run(
        "run", "-", "--format", "jsonl", "-o", str(tmp_path / "b"), "-q", stdin=json.dumps({"id": "x", "text": HARBOUR})
    )
    assert code == 0, output
    assert record_of(tmp_path / "b", "stdin/x")["text"] == HARBOUR


@pytest.mark.model
def test_other_languages_are_skipped_unless_asked(tmp_path: Path) -> None:
    source = tmp_path / "mixed.jsonl"
    source.write_text(
        json.dumps({"id": "en", "text": HARBOUR}) + "\n" + json.dumps({"id": "de", "text": GERMAN}) + "\n"
    )
    code, output = run("run", str(source), "-o", str(tmp_path / "out"), "-q")
    assert code == 0, output
    assert "1 ok, 1 other-language" in output
    by_id = {e["id"]: e for e in entries(tmp_path / "out")}
    assert by_id["mixed/de"]["status"] == "other-language" and by_id["mixed/de"]["language"] == "de"
    assert by_id["mixed/en"]["status"] == "ok" and "language" not in by_id["mixed/en"]
    assert not (tmp_path / "out" / "mixed" / "de.json").exists()
    code, output = run("run", str(source), "-o", str(tmp_path / "out"), "-q", "--any-language")
    assert code == 0, output
    assert record_of(tmp_path / "out", "mixed/de")["language"] == "de"
    assert "language" not in record_of(tmp_path / "out", "mixed/en")


def test_language_identification_on_short_and_long_texts() -> None:
    from whosaid.language import other_language

    assert other_language(GERMAN) == "de"
    assert other_language("Le gouvernement a annoncé lundi une réforme des retraites très contestée.") == "fr"
    assert other_language(HARBOUR) is None
    assert other_language("OK") is None  # too short to be sure: processed as English


DUTCH = (
    "Het kabinet heeft maandag een omstreden pensioenhervorming aangekondigd. De minister zei dat er geen "
    "alternatief was en dat hij het plan had besproken met de vakbonden, die het voorstel scherp bekritiseerden. "
    "Volgens de oppositie was er te weinig overleg geweest en had de regering de kosten te laag ingeschat. "
    "De Tweede Kamer debatteert volgende week over het plan."
)


def test_plainly_english_text_skips_the_identifier_and_other_languages_do_not() -> None:
    from whosaid.language import identify, other_language, plainly_english

    english = HARBOUR * 3  # past the word count below which the identifier is always asked
    assert plainly_english(english) and other_language(english) is None
    # An English article quoting a sentence of German stays English.
    assert plainly_english(english + 'A visitor wrote: "' + GERMAN.split("\n\n")[1] + '"')
    # Dutch shares "was" and "had" with English; neither counts, and the identifier decides.
    assert not plainly_english(DUTCH) and identify(DUTCH)[0] == "nl" and other_language(DUTCH) == "nl"
    assert not plainly_english(GERMAN * 3) and other_language(GERMAN * 3) == "de"
    assert not plainly_english(HARBOUR.split("\n\n")[1])  # under 40 words: the identifier decides


# A squad announcement: a name-heavy English report (under 0.15 of all its words are English
# function words: the names outweigh them), but plainly English among its lower-case words.
TEAM_SHEET = (
    "Leinster prop Declan Fahy, Munster lock Eoin Brannigan and Connacht flanker Fergal Devane are among six "
    "uncapped players in Ireland's Six Nations squad. Leinster's Ciaran Moyles, Padraig Lenihan, Ross Tierney and "
    "Gavin Keogh also feature, along with Ulster's Niall McGrory, Rory Gilsenan and Conor Dwane. Munster's Shane "
    "Furlong, Barry Cregan and Donal Meagher return after injury. Head coach Aidan Costigan named Fahy, Brannigan, "
    "Devane, Moyles, Keogh, McGrory and Cregan in his first training squad, with Tierney, Gilsenan and Furlong on "
    "standby. Costigan told reporters that the squad was picked purely on form, that every player had earned a "
    "chance and that he would name his team for the opening match at Lansdowne Road next week. "
    "Forwards: Fahy, Brannigan, Devane, Moyles, Lenihan, Keogh, Cregan, Meagher, Horgan. "
    "Backs: Tierney, McGrory, Gilsenan, Dwane, Furlong, Kavanagh, Quinlivan, O'Dea."
)


def test_a_name_heavy_english_report_is_plainly_english() -> None:
    from whosaid.language import _ENGLISH_WORDS, _WORD, plainly_english

    words = _WORD.findall(TEAM_SHEET)
    assert sum(word.lower() in _ENGLISH_WORDS for word in words) < 0.15 * len(words)  # the names outweigh them
    assert plainly_english(TEAM_SHEET)  # counted among the lower-case words, no identifier needed


@pytest.mark.model
@pytest.mark.shared
def test_bbc_articles_as_one_jsonl_give_the_records_of_the_txt_files(shared: Path, tmp_path: Path) -> None:
    from whosaid.read import decode

    corpus = sorted((shared / "corpus" / "bbc").glob("*.txt"))
    if not corpus:
        pytest.skip(f"no BBC corpus under {shared}")
    sample = corpus[:: max(1, len(corpus) // 12)][:12]  # spread over the sections
    (tmp_path / "txt").mkdir()
    with (tmp_path / "bbc.jsonl").open("w", encoding="utf-8") as lines:
        for path in sample:
            (tmp_path / "txt" / path.name).symlink_to(path)
            lines.write(json.dumps({"id": path.stem, "text": decode(path.read_bytes())[0]}) + "\n")
    for folder, source in (("a", tmp_path / "txt"), ("b", tmp_path / "bbc.jsonl")):
        code, output = run("run", str(source), "-o", str(tmp_path / folder), "-q")
        assert code == 0, output
    for path in sample:
        plain, row = record_of(tmp_path / "a", path.stem), record_of(tmp_path / "b", f"bbc/{path.stem}")
        assert {k: v for k, v in plain.items() if k not in ("id", "source")} == {
            k: v for k, v in row.items() if k not in ("id", "source")
        }, path.name
        assert row["source"]["sha256"] != plain["source"]["sha256"]  # the article's hash, not the file's
