"""The HTML report: structure, links, escaping, and the highlighted quotes in a real browser."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner
from whosaid.cli import app
from whosaid.report import article_href, speaker_href

from tests.conftest import SEED

runner = CliRunner()
CHROMIUM = os.environ.get("WHOSAID_CHROMIUM", "/usr/bin/chromium")
HOSTILE = 'Tags in the text\n\n“We will <script>alert("x")</script> win,” said Mayor Anna Berg. <b>bold?</b>'


class Page(HTMLParser):
    """Collects links, scripts and the quote and speaker elements of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.quotes: list[dict[str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(attributes)
        for key in ("href", "src"):
            if attributes.get(key):
                self.links.append(str(attributes[key]))
        if tag == "span" and "data-quote" in attributes:
            self.quotes.append(attributes)


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("report")
    articles = root / "in"
    articles.mkdir()
    shutil.copy(SEED, articles / SEED.name)
    (articles / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out, dest = root / "out", root / "site"
    assert runner.invoke(app, ["run", str(articles), "-o", str(out), "-q"]).exit_code == 0
    result = runner.invoke(app, ["report", str(out), "--out", str(dest)])
    assert result.exit_code == 0, result.output
    return out, dest


def test_every_link_resolves_and_nothing_is_fetched(site: tuple[Path, Path]) -> None:
    _, dest = site
    pages = list(dest.rglob("*.html"))
    assert len(pages) >= 1 + 2 + 4
    for page_path in pages:
        page = parse(page_path)
        for link in page.links:
            assert not link.startswith(("http:", "https:", "//")), (page_path, link)
            target = (page_path.parent / link.split("#")[0]).resolve()
            assert target.is_file(), (page_path, link)


def test_article_page_highlights_every_quote_with_its_speaker(site: tuple[Path, Path]) -> None:
    out, dest = site
    record = json.loads((out / f"{SEED.stem}.json").read_text())
    page_path = dest / article_href(SEED.stem)
    page = parse(page_path)
    assert {q["data-quote"] for q in page.quotes} == {q["id"] for q in record["quotes"]}
    direct = [q for q in page.quotes if "quote-direct" in (q["class"] or "")]
    assert direct and all("Dmitry Zhirnov" in (q["title"] or "") for q in direct)
    html = page_path.read_text()
    assert f'href="../{speaker_href("Dmitry Zhirnov")}">Dmitry Zhirnov</a>' in html
    for name in ("Vladimir Putin", "Ashraf Ghani", "Kabul", "Taliban", "2021-07"):
        assert name in html


def test_speaker_page_lists_their_quotes_with_article_and_date(site: tuple[Path, Path]) -> None:
    _, dest = site
    html = (dest / speaker_href("Dmitry Zhirnov")).read_text()
    assert html.count("<blockquote") == 3
    assert "We are now being guarded by the Taliban" in html and "2021-08-21" in html
    assert "Russian ambassador to Afghanistan" in html


def test_index_lists_articles_and_speakers(site: tuple[Path, Path]) -> None:
    _, dest = site
    page = parse(dest / "index.html")
    assert article_href(SEED.stem) in page.links and article_href("hostile") in page.links
    assert speaker_href("Dmitry Zhirnov") in page.links and speaker_href("Anna Berg") in page.links


def test_article_text_is_escaped(site: tuple[Path, Path]) -> None:
    _, dest = site
    for page_path in dest.rglob("*.html"):
        page = parse(page_path)
        assert all(script.get("src", "").endswith("static/report.js") for script in page.scripts), page_path
        assert "b" not in page.tags, page_path
    html = (dest / article_href("hostile")).read_text()
    assert "&lt;script&gt;alert(" in html and "&lt;b&gt;bold?&lt;/b&gt;" in html


@pytest.fixture
def browser_page() -> Iterator[tuple[Any, list[str]]]:
    """A headless Chromium page, and the list of every URL it requests."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"Chromium not installed at {CHROMIUM} (.ci/run installs Debian's chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) not installed")
    flags = [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ]
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=flags, headless=True)
        page = browser.new_page(viewport={"width": 1200, "height": 1600})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        yield page, requests
        browser.close()
    assert all(url.startswith("file://") for url in requests), requests


def test_browser_shows_the_highlighted_quotes(
    site: tuple[Path, Path], tmp_path: Path, browser_page: tuple[Any, list[str]]
) -> None:
    _, dest = site
    page, _ = browser_page
    page.goto((dest / article_href(SEED.stem)).as_uri())
    shot = tmp_path / "article.png"
    page.screenshot(path=str(shot), full_page=True)
    quotes = page.locator("span.quote-direct")
    assert quotes.count() >= 2
    for index in range(quotes.count()):
        element = quotes.nth(index)
        assert element.is_visible()
        box = element.bounding_box()
        assert box is not None and box["width"] > 0 and box["height"] > 0
        colour = element.evaluate("e => getComputedStyle(e).backgroundColor")
        assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".who a", has_text="Dmitry Zhirnov").first.is_visible()
    assert shot.stat().st_size > 10_000


def drawn_marks(page: Any, chart: str) -> list[dict[str, float]]:
    """The visible boxes of the marks (bars) of one chart on the page."""
    svg = page.locator(f"svg.chart-{chart}")
    assert svg.count() == 1, chart
    assert svg.is_visible(), chart
    boxes = [mark.bounding_box() for mark in svg.locator("g.bar rect").all()]
    return [box for box in boxes if box is not None and box["width"] > 0 and box["height"] > 0]


def test_browser_draws_the_charts(site: tuple[Path, Path], browser_page: tuple[Any, list[str]]) -> None:
    out, dest = site
    page, _ = browser_page
    page.goto((dest / "index.html").as_uri())
    speakers = json.loads(runner.invoke(app, ["speakers", str(out), "--json"]).stdout)
    bars = drawn_marks(page, "speakers")
    assert len(bars) == len(speakers) >= 2
    # Longest bar first: Dmitry Zhirnov has the most quotes, and his bar links to his page.
    assert speakers[0]["name"] == "Dmitry Zhirnov" and bars[0]["width"] == max(b["width"] for b in bars)
    page.locator("svg.chart-speakers a").first.click()
    assert page.url.endswith(speaker_href("Dmitry Zhirnov"))
    page.goto((dest / "index.html").as_uri())
    # One dated article (the example, 2021-08-21) and one undated: one day, one column.
    assert len(drawn_marks(page, "timeline")) == 1
    kinds = page.locator("svg.chart-kinds g.bar title").all_text_contents()
    total = sum(len(json.loads((out / f"{name}.json").read_text())["quotes"]) for name in (SEED.stem, "hostile"))
    assert sum(int(text.split(": ")[1].split()[0]) for text in kinds) == total
    assert len(drawn_marks(page, "kinds")) == len(kinds) >= 2
    page.goto((dest / speaker_href("Dmitry Zhirnov")).as_uri())
    assert len(drawn_marks(page, "timeline")) == 1
    assert page.locator("figcaption", has_text="Quotes by Dmitry Zhirnov per day").is_visible()
    page.goto((dest / speaker_href("Anna Berg")).as_uri())
    assert page.locator("svg.chart-timeline").count() == 0  # her article has no date
    assert len(drawn_marks(page, "kinds")) == 1
