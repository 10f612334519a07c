"""Small article records written by hand (no model needed), for the readers of output folders."""

from __future__ import annotations

from pathlib import Path

from whosaid.models import Article, Entity, Gender, Mention, PipelineInfo, Quote, Range, Source, Speaker
from whosaid.write import record_bytes, record_path

PIPELINE = PipelineInfo(version="0.1.0", model="test-model")


def mention(text: str, word: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return Mention(start=start, end=start + len(word), text=word)


def article(
    article_id: str, *, published: str | None = None, speaker: str = "Mara Lind", gender: Gender | None = None
) -> Article:
    """One article: a person, a place, a direct quote by the person and an indirect one by no one."""
    text = text_about(speaker)
    said = text.index("”") + 1
    quote = text[text.index("“") : said]
    person = Entity(
        id="e1", kind="person", label="PERSON", name=speaker, mentions=[mention(text, speaker)], gender=gender
    )
    place = Entity(id="e2", kind="place", label="GPE", name="Oslo", mentions=[mention(text, "Oslo")])
    start = text.index("“")
    direct = Quote(
        id="q1",
        kind="direct",
        text=quote,
        start=start,
        end=said,
        fragments=[Range(start=start + 1, end=said - 1)],
        quoted=[Range(start=start, end=said)],
        speaker=Speaker(name=speaker, entity_id="e1", role="mayor", mention=mention(text, speaker)),
        cue=mention(text, "said"),
        method="direct_cue",
        confidence=0.93,
    )
    tail = text.index("the harbour")
    indirect = Quote(
        id="q2",
        kind="indirect",
        text=text[tail:],
        start=tail,
        end=len(text),
        fragments=[Range(start=tail, end=len(text))],
        method="stance",
        confidence=0.41,
    )
    return Article(
        id=article_id,
        source=Source(path=f"in/{article_id}.txt", sha256="0" * 64, encoding="utf-8"),
        title=text.split("\n")[0],
        published=published,
        text=text,
        entities=[person, place],
        quotes=[direct, indirect],
        pipeline=PIPELINE,
    )


def text_about(speaker: str = "Mara Lind") -> str:
    return (
        "Ferries return to Oslo\n\n"
        f"“The boats are back,” {speaker} said on Monday. Officials expect that the harbour will reopen."
    )


def write(out_dir: Path, record: Article) -> Path:
    path = record_path(out_dir, record.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(record_bytes(record))
    return path
