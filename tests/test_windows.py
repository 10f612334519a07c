"""Long articles in windows: the same quotes and people as one Doc, entities merged across windows."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from whosaid import record, windows
from whosaid.models import Article, Entity, Mention, Quote, Range, Section, Speaker
from whosaid.tasks import Task
from whosaid.window_merge import merge_windows
from whosaid.worker import process_tasks

from tests.texts_long import PEOPLE, article, paragraph


def run(nlp: Any, text: str, monkeypatch: pytest.MonkeyPatch, window: int) -> tuple[Article, int]:
    """The record of ``text`` with windows of ``window`` characters, and how many Docs it took."""
    calls = []
    stages = record.article_stages

    def counted(*args: Any) -> Any:
        calls.append(1)
        return stages(*args)

    monkeypatch.setattr(windows, "WINDOW_CHARS", window)
    monkeypatch.setattr(record, "article_stages", counted)
    raw = text.encode()
    [outcome] = process_tasks(nlp, "test-model", [Task("long.txt", "long", raw, hashlib.sha256(raw).hexdigest())])
    assert outcome.status == "ok", outcome.error
    assert outcome.data is not None
    return Article.model_validate_json(outcome.data), len(calls)


def quote_rows(article: Article) -> list[tuple[int, int, str | None, str]]:
    return [(q.start, q.end, q.speaker.name if q.speaker else None, q.method) for q in article.quotes]


def test_windows_end_at_paragraph_breaks_and_cover_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n\n".join(paragraph(n) for n in range(40))
    monkeypatch.setattr(windows, "WINDOW_CHARS", 2_000)
    bounds = windows.window_bounds(text)
    assert windows.windowed(text) and len(bounds) > 3
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(text[start - 2 : start] == "\n\n" and end - start <= 2_000 for start, end in bounds[1:])
    assert not windows.windowed(text[:2_000])


def test_a_long_article_in_windows_has_the_quotes_and_people_of_one_doc(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = article(36)
    whole, docs = run(nlp, text, monkeypatch, len(text))
    assert docs == 1
    parts, docs = run(nlp, text, monkeypatch, 3_000)
    assert docs == len(windows.window_bounds(text)) >= 3
    assert len(whole.quotes) >= 36
    assert quote_rows(parts) == quote_rows(whole)
    assert [q.id for q in parts.quotes] == [f"q{n}" for n in range(1, len(parts.quotes) + 1)]
    people = {e.name: len(e.mentions) for e in parts.entities if e.kind == "person"}
    assert people == {e.name: len(e.mentions) for e in whole.entities if e.kind == "person"}
    assert {name: people.get(name) for name in PEOPLE} == {name: 6 for name in PEOPLE}  # 6 paragraphs each, 3 windows
    by_id = {e.id: e for e in parts.entities}
    for quote in parts.quotes:
        if quote.speaker is not None and quote.speaker.entity_id is not None:
            assert by_id[quote.speaker.entity_id].name == quote.speaker.name
    assert [e.id for e in parts.entities] == [f"e{n}" for n in range(1, len(parts.entities) + 1)]
    assert [e.mentions[0].start for e in parts.entities] == sorted(e.mentions[0].start for e in parts.entities)


def filler(number: int) -> str:
    return f"Ward {number} has twelve beds, and the new car park on the east side of town has room for ninety cars."


def test_a_surname_in_a_later_window_is_the_person_named_in_full_before(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    opening = "Tony Blair, the prime minister, opened the new hospital wing in Leeds on Monday."
    later = [f"“We will open {n} more wards,” Mr Blair said. {filler(n)} {filler(n + 1)}" for n in range(12)]
    article, docs = run(nlp, "\n\n".join([opening, *later]), monkeypatch, 800)
    assert docs > 3
    [blair] = [e for e in article.entities if "Blair" in e.name]
    assert blair.name == "Tony Blair" and blair.gender == "male"
    assert len(blair.mentions) == 13
    speakers = {(q.speaker.name, q.speaker.entity_id) for q in article.quotes if q.speaker is not None}
    assert speakers == {("Tony Blair", blair.id)}


def test_a_surname_two_people_share_stays_apart(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        "Tony Blair, the prime minister, opened the new hospital wing in Leeds on Monday. " + filler(1),
        "Cherie Blair, a lawyer, spoke at a conference in Glasgow on Tuesday. " + filler(2),
        "“The wards will open next year,” Blair said on Wednesday. " + filler(3),
    ]
    article, docs = run(nlp, "\n\n".join(texts), monkeypatch, 300)
    assert docs == 3
    names = sorted(e.name for e in article.entities if e.kind == "person" and "Blair" in e.name)
    assert names == ["Blair", "Cherie Blair", "Tony Blair"]


def entity(entity_id: str, name: str, label: str, start: int, gender: str | None = None) -> Entity:
    kind = {"PERSON": "person", "ORG": "organization", "GPE": "place"}[label]
    mention = Mention(start=start, end=start + len(name), text=name)
    return Entity(id=entity_id, kind=kind, label=label, name=name, mentions=[mention], gender=gender)  # type: ignore[arg-type]


def quote(start: int, speaker: Entity) -> Quote:
    mention = speaker.mentions[0]
    return Quote(
        id="q1",
        kind="direct",
        text="x" * 10,
        start=start,
        end=start + 10,
        fragments=[Range(start=start, end=start + 10)],
        speaker=Speaker(name=speaker.name, entity_id=speaker.id, mention=mention),
        method="cue-after",
        confidence=0.9,
    )


def test_merging_votes_the_label_by_mentions_and_drops_a_gender_the_windows_disagree_on() -> None:
    first = [entity("e1", "Jordan", "GPE", 10), entity("e2", "Sam Lee", "PERSON", 40, "female")]
    second = [entity("e1", "Sam Lee", "PERSON", 500, "male"), entity("e2", "Jordan", "PERSON", 520)]
    third = [entity("e1", "Jordan", "GPE", 900), entity("e2", "EU", "ORG", 950)]
    union = entity("e9", "European Union", "ORG", 2_000).model_copy(
        update={
            "mentions": [
                Mention(start=2_000, end=2_014, text="European Union"),
                Mention(start=2_030, end=2_032, text="EU"),
            ]
        }
    )
    entities, quotes = merge_windows(
        [(first, [quote(60, first[1])]), (second, [quote(540, second[0])]), (third, []), ([union], [])]
    )
    by_name = {e.name: e for e in entities}
    assert sorted(by_name) == ["European Union", "Jordan", "Sam Lee"]
    assert (by_name["Jordan"].label, by_name["Jordan"].kind) == ("GPE", "place")
    assert by_name["Sam Lee"].gender is None
    assert [m.text for m in by_name["European Union"].mentions] == ["EU", "European Union", "EU"]
    assert [e.id for e in entities] == ["e1", "e2", "e3"]
    assert [q.id for q in quotes] == ["q1", "q2"]
    assert {(q.speaker.name, q.speaker.entity_id) for q in quotes if q.speaker} == {("Sam Lee", by_name["Sam Lee"].id)}


def test_sections_are_cut_to_the_window() -> None:
    sections = [
        Section(start=0, end=20, kind="headline"),
        Section(start=22, end=500, kind="body"),
        Section(start=510, end=530, kind="caption"),
    ]
    assert windows.window_sections(sections, 100, 515) == [
        Section(start=0, end=400, kind="body"),
        Section(start=410, end=415, kind="caption"),
    ]


def test_a_windowed_record_is_byte_for_byte_what_its_entities_and_quotes_give(
    nlp: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from whosaid.quotes import DEFAULT_ATTRIBUTION
    from whosaid.read import read_bytes
    from whosaid.write import record_bytes

    from tests.texts_wrapped import AP_STORY

    # A wire story (its dateline blanked and its wrapped lines joined in the parse text, so the
    # record's quotes are cut again from the original text) before council paragraphs.
    text = "\n\n".join([AP_STORY, *(paragraph(n) for n in range(12))])
    monkeypatch.setattr(windows, "WINDOW_CHARS", 1_500)
    layout = read_bytes(text.encode())
    assert layout.parse_text != layout.text and len(windows.window_bounds(layout.parse_text)) >= 3
    about: dict[str, Any] = {"article_id": "long", "source_path": "long.txt", "model": "m"}
    data, quotes, people = record.windowed_record(nlp, layout, published=None, attribution=DEFAULT_ATTRIBUTION, **about)
    entities, found = windows.windowed_stages(nlp, layout.parse_text, layout.sections, None, DEFAULT_ATTRIBUTION)
    whole = record.assemble_article(layout, entities, found, published=None, **about)
    assert quotes == len(whole.quotes) >= 13 and people == len(whole.entities)
    assert any(q.speaker and q.speaker.name == "Jean-Jacques Picart" for q in whole.quotes)
    assert data == record_bytes(whole)


def test_entities_and_quotes_are_put_only_into_a_record_without_any() -> None:
    from whosaid.models import PipelineInfo, Source
    from whosaid.write import record_bytes, record_bytes_with

    text = "“Yes,” Ann Lee said. “No,” said Bob Ray."
    person = entity("e1", "Ann Lee", "PERSON", 7)
    other = entity("e2", "Bob Ray", "PERSON", 32)
    quotes = [
        Quote(
            id=f"q{n}",
            kind="direct",
            text=text[start:end],
            start=start,
            end=end,
            fragments=[Range(start=start, end=end)],
            speaker=Speaker(name=who.name, entity_id=who.id, mention=who.mentions[0]),
            method="quote-cue",
            confidence=0.9,
        )
        for n, (start, end, who) in enumerate([(1, 5, person), (22, 25, other)], start=1)
    ]
    empty = Article(
        id="a",
        source=Source(path="a.txt", sha256="0" * 64, encoding="utf-8"),
        text=text,
        pipeline=PipelineInfo(version="1", model="m"),
    )
    as_json = [item.__pydantic_serializer__.to_json(item, indent=2) for item in [person, other, *quotes]]
    for entities, found in [([], []), ([person], []), ([person], quotes[:1]), ([person, other], quotes)]:
        whole = empty.model_copy(update={"entities": entities, "quotes": found})
        given = [as_json[[person, other].index(e)] for e in entities], [as_json[2 + quotes.index(q)] for q in found]
        assert record_bytes_with(empty, *given) == record_bytes(Article.model_validate(whole.model_dump()))
    with pytest.raises(ValueError, match="without entities and quotes"):
        record_bytes_with(empty.model_copy(update={"quotes": quotes[:1]}), [], [])
    with pytest.raises(ValueError, match="without entities and quotes"):
        record_bytes_with(empty.model_copy(update={"entities": [person]}), [], [])


def test_the_time_limit_starts_again_at_each_window(nlp: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long article whose windows each take well under ``--timeout`` is not an error for taking
    longer than the limit in all; one window that takes longer still is."""
    import time

    stages = record.article_stages
    pause = {"seconds": 0.5}

    windows_done: list[float] = []

    def slow(*args: Any) -> Any:
        time.sleep(pause["seconds"])
        windows_done.append(pause["seconds"])
        return stages(*args)

    monkeypatch.setattr(windows, "WINDOW_CHARS", 1_500)
    monkeypatch.setattr(record, "article_stages", slow)
    raw = article(36).encode()  # about 8,900 characters: six windows
    task = Task("long.txt", "long", raw, hashlib.sha256(raw).hexdigest(), timeout=1.5)
    started = time.monotonic()
    [outcome] = process_tasks(nlp, "test-model", [task])
    assert outcome.status == "ok", outcome.error
    assert len(windows_done) == len(windows.window_bounds(raw.decode())) >= 5
    assert time.monotonic() - started >= sum(windows_done) > 1.5 * 1.5  # in all, well past the limit
    assert Article.model_validate_json(outcome.data or b"").quotes

    pause["seconds"] = 2.0  # one window longer than the limit
    [outcome] = process_tasks(nlp, "test-model", [task])
    assert outcome.status == "error" and "1.5" in (outcome.error or "")


def run_folder(folder: Any, out: Any, outcomes: list[Any] | None = None) -> Any:
    from whosaid.runner import RunOptions, run

    seen = outcomes.append if outcomes is not None else None
    return run(RunOptions(inputs=[folder], out_dir=out, jobs=1, timeout=None), on_outcome=seen)  # in this process


def test_a_run_writes_a_long_articles_record_from_the_worker_as_the_bytes_would_be(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    """In a local run the worker writes a long article's record straight into the output folder
    (no copy of it in memory) and the runner renames it into place: the same bytes as the record
    that comes back as bytes, with the umask's permissions, and no temporary file left."""
    import os

    folder = tmp_path / "in"
    folder.mkdir()
    text = article(24)
    (folder / "long.txt").write_text(text, encoding="utf-8")
    monkeypatch.setattr(windows, "WINDOW_CHARS", 2_000)
    old = os.umask(0o022)
    outcomes: list[Any] = []
    try:
        summary = run_folder(folder, tmp_path / "out", outcomes)
    finally:
        os.umask(old)
    assert summary.counts == {"ok": 1}
    [spooled] = outcomes
    assert spooled.data is None and spooled.data_file is not None  # the worker wrote it
    written = tmp_path / "out" / "long.json"
    raw = text.encode()
    task = Task(spooled.path, "long", raw, hashlib.sha256(raw).hexdigest())
    [outcome] = process_tasks(nlp, summary.model, [task])
    assert outcome.data is not None and outcome.data_file is None
    assert len(Article.model_validate_json(outcome.data).quotes) >= 24
    assert written.read_bytes() == outcome.data
    assert written.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["long.json", "manifest.json"]


def test_a_long_article_that_fails_half_way_leaves_its_earlier_record_and_no_temporary_file(
    nlp: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Any
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(article(24), encoding="utf-8")
    monkeypatch.setattr(windows, "WINDOW_CHARS", 2_000)
    out = tmp_path / "out"
    assert run_folder(folder, out).counts == {"ok": 1}
    before = (out / "long.json").read_bytes()

    (folder / "long.txt").write_text(article(25), encoding="utf-8")  # changed: done again
    from whosaid import models

    def broken(*args: Any) -> None:
        raise ValueError("a quote out of its article")

    monkeypatch.setattr(models, "check_quote", broken)  # fails as the record's quotes are written
    spool = tmp_path / "spool"
    raw = article(25).encode()
    task = Task("long.txt", "long", raw, hashlib.sha256(raw).hexdigest(), spool=str(spool))
    [outcome] = process_tasks(nlp, "m", [task])  # the worker alone: it removes its half-written file
    assert outcome.status == "error" and outcome.data_file is None
    assert list(spool.iterdir()) == []
    summary = run_folder(folder, out)
    assert summary.counts == {"error": 1}
    assert "a quote out of its article" in (summary.failures[0].error or "")
    assert (out / "long.json").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["long.json", "manifest.json"]
