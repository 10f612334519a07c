"""A static HTML report of an output folder: an index, one page per article and per speaker.

The site opens from the filesystem and fetches nothing: the CSS and the small sorting and
filtering script ship in the package and are copied beside the pages. Jinja2 autoescapes
every value; the one piece of markup built here (an article's text with its highlights)
escapes each slice of article text before wrapping it in tags.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from collections import Counter, defaultdict
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape
from whosaid import charts
from whosaid.loader import OnProblem, load
from whosaid.models import Article, Entity, Quote
from whosaid.views import QuoteRow, SpeakerSummary, collect
from whosaid.write import write_atomic

_PACKAGE = Path(__file__).resolve().parent
ENTITY_KINDS = (("person", "People"), ("organization", "Organisations"), ("place", "Places"), ("date", "Dates"))


def _slug(value: str) -> str:
    """A file name for any id or name: readable, unique (a short hash), filesystem-safe."""
    readable = re.sub(r"[^A-Za-z0-9]+", "-", value).strip("-").lower()[:60] or "x"
    return f"{readable}-{hashlib.sha1(value.encode('utf-8')).hexdigest()[:8]}"


def article_href(article_id: str) -> str:
    return f"articles/{_slug(article_id)}.html"


def speaker_href(name: str) -> str:
    return f"speakers/{_slug(name)}.html"


@dataclass(frozen=True)
class _Layer:
    start: int
    end: int
    value: Quote | Entity


def highlight(text: str, record: Article, speaker_names: dict[str, str], root: str) -> Markup:
    """The article text, escaped, with quotes and entity mentions wrapped in tags.

    Quotes are the outer layer and mentions the inner one; where they cross, an element is
    split, so the markup always nests. The speaker's name follows each quote's last fragment.
    """
    quote_layers = [_Layer(f.start, f.end, q) for q in record.quotes for f in q.fragments if f.end > f.start]
    entity_layers = [_Layer(m.start, m.end, e) for e in record.entities for m in e.mentions if m.end > m.start]
    cuts = {0, len(text)}
    for layer in quote_layers + entity_layers:
        cuts.update((layer.start, layer.end))
    ends_of_quotes = {q.fragments[-1].end: q for q in record.quotes}
    points = sorted(cuts)
    pieces: list[str] = []
    for start, end in pairwise(points):
        chunk = str(escape(text[start:end]))
        quote = next((layer.value for layer in quote_layers if layer.start <= start and end <= layer.end), None)
        entity = next((layer.value for layer in entity_layers if layer.start <= start and end <= layer.end), None)
        if isinstance(entity, Entity):
            chunk = (
                f'<span class="ent ent-{escape(entity.kind)}" title="{escape(entity.name)}'
                f' ({escape(entity.kind)})">{chunk}</span>'
            )
        if isinstance(quote, Quote):
            speaker = quote.speaker
            who = speaker_names.get(speaker.name, speaker.name) if speaker else "no speaker found"
            title = f"{who} · {quote.kind} quote" + (f" · cue “{quote.cue.text}”" if quote.cue else "")
            chunk = (
                f'<span class="quote quote-{escape(quote.kind)}" data-quote="{escape(quote.id)}"'
                f' title="{escape(title)}">{chunk}</span>'
            )
        pieces.append(chunk)
        closing = ends_of_quotes.get(end)
        if closing is not None and closing.speaker is not None:
            name = speaker_names.get(closing.speaker.name, closing.speaker.name)
            pieces.append(f'<span class="who">— <a href="{root}{escape(speaker_href(name))}">{escape(name)}</a></span>')
    return Markup("".join(pieces))


TOP_SPEAKERS = 15
GENDERS = ("female", "male", "not given")


def _days(rows: list[QuoteRow]) -> Counter[date]:
    """Quotes per publication day (the dateline's own calendar day); undated articles left out."""
    days: Counter[date] = Counter()
    for row in rows:
        with suppress(ValueError):  # a date that is not ISO 8601 is left out like a missing one
            days[date.fromisoformat((row.published or "")[:10])] += 1
    return days


def _kinds(rows: list[QuoteRow]) -> list[tuple[str, int]]:
    counts: Counter[str] = Counter(row.quote.kind for row in rows)
    return [(kind, counts[kind]) for kind in charts.KIND_COLOURS]


def overview_charts(rows: list[QuoteRow], speakers: dict[str, SpeakerSummary]) -> list[charts.Chart]:
    """The index page's pictures: most-quoted speakers, quotes over time, kinds, people's genders."""
    top = sorted(speakers.values(), key=lambda s: (-s.quotes, s.name.casefold()))[:TOP_SPEAKERS]
    people = Counter(
        speakers[row.speaker].gender or "not given"
        for row in rows
        if row.speaker is not None and speakers[row.speaker].kind == "person"
    )
    found = [
        charts.bar_chart(
            "speakers",
            "Most-quoted speakers (number of quotes)",
            [charts.Bar(s.name, s.quotes, speaker_href(s.name)) for s in top],
        )
        if top
        else None,
        charts.timeline("timeline", "quotes", _days(rows)),
        charts.share("kinds", "Quotes by kind", _kinds(rows), charts.KIND_COLOURS),
        charts.share(
            "genders", "Quotes by people, by gender", [(g, people[g]) for g in GENDERS], charts.GENDER_COLOURS
        ),
    ]
    return [chart for chart in found if chart is not None]


def build_report(out_dir: Path, dest: Path, on_problem: OnProblem | None = None) -> Path:
    """Render the site for ``out_dir`` into ``dest``; returns the index page."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(
        loader=FileSystemLoader(_PACKAGE / "templates"),
        autoescape=select_autoescape(["html"]),
        keep_trailing_newline=True,
    )
    # Two passes over the records: speaker names merge across the whole folder before any
    # page can link them; the second pass streams, so no more than one record is held.
    rows, speakers = collect(out_dir, on_problem)
    merged_name = {variant: summary.name for summary in speakers.values() for variant in summary.variants}

    (dest / "articles").mkdir(parents=True, exist_ok=True)
    (dest / "speakers").mkdir(parents=True, exist_ok=True)
    (dest / "static").mkdir(parents=True, exist_ok=True)
    for asset in ("report.css", "report.js"):
        shutil.copyfile(_PACKAGE / "static" / asset, dest / "static" / asset)

    article_rows: list[dict[str, Any]] = []
    article_page = env.get_template("article.html")
    for record in load(out_dir, on_problem=lambda _: None):  # the first pass reported the problems
        article_id = record.id
        title = record.title or article_id
        entities: dict[str, list[dict[str, Any]]] = {kind: [] for kind, _ in ENTITY_KINDS}
        for entity in record.entities:
            entities[entity.kind].append({"name": entity.name, "value": entity.value, "count": len(entity.mentions)})
        html = article_page.render(
            title=title,
            root="../",
            published=record.published,
            source=record.source.path,
            quote_count=len(record.quotes),
            body=highlight(record.text, record, merged_name, "../"),
            entities=entities,
            entity_kinds=ENTITY_KINDS,
        )
        write_atomic(dest / article_href(article_id), html.encode("utf-8"))
        article_rows.append(
            {
                "id": article_id,
                "href": article_href(article_id),
                "title": title,
                "published": (record.published or "")[:10],
                "quotes": len(record.quotes),
                "people": len(entities["person"]),
                "entities": len(record.entities),
            }
        )

    article_rows.sort(key=lambda row: row["id"])

    by_speaker: dict[str, list[QuoteRow]] = defaultdict(list)
    for row in rows:
        if row.speaker is not None:
            by_speaker[row.speaker].append(row)
    speaker_page = env.get_template("speaker.html")
    speaker_rows = []
    for summary in sorted(speakers.values(), key=lambda s: (-s.quotes, s.name.casefold())):
        quotes = [
            {
                "kind": row.quote.kind,
                "text": row.quote.text,
                "anchor": f"{_slug(row.article_id)}-{row.quote.id}",
                "href": "../" + article_href(row.article_id),
                "title": row.title or row.article_id,
                "published": (row.published or "")[:10],
                "cue": row.quote.cue.text if row.quote.cue else None,
                "method": row.quote.method,
                "confidence": row.quote.confidence,
            }
            for row in by_speaker[summary.name]
        ]
        roles = [role for role, _ in Counter(summary.roles).most_common()]
        own = by_speaker[summary.name]
        pictures = [
            charts.timeline("timeline", f"quotes by {summary.name}", _days(own)),
            charts.share("kinds", "Quotes by kind", _kinds(own), charts.KIND_COLOURS),
        ]
        html = speaker_page.render(
            title=summary.name,
            root="../",
            roles=roles,
            gender=summary.gender,
            quotes=quotes,
            article_count=len(summary.articles),
            charts=[chart for chart in pictures if chart is not None],
        )
        write_atomic(dest / speaker_href(summary.name), html.encode("utf-8"))
        speaker_rows.append(
            {
                "href": speaker_href(summary.name),
                "name": summary.name,
                "role": roles[0] if roles else None,
                "gender": summary.gender,
                "quotes": summary.quotes,
                "articles": len(summary.articles),
            }
        )

    index = dest / "index.html"
    html = env.get_template("index.html").render(
        title=f"{len(article_rows)} articles, {len(speaker_rows)} speakers",
        root="",
        articles=article_rows,
        speakers=speaker_rows,
        charts=overview_charts(rows, speakers),
    )
    write_atomic(index, html.encode("utf-8"))
    return index
