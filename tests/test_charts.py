"""The report's SVG charts: binning by the span of dates, escaping, and empty input."""

from __future__ import annotations

from collections import Counter
from datetime import date
from xml.etree import ElementTree

from whosaid import charts

SVG = "{http://www.w3.org/2000/svg}"


def bars(chart: charts.Chart) -> list[str]:
    """The hover titles of the chart's marks, parsed from its SVG as XML."""
    root = ElementTree.fromstring(str(chart.svg))
    return [str(g.findtext(f"{SVG}title")) for g in root.iter(f"{SVG}g") if g.get("class") == "bar"]


def test_a_short_span_is_counted_per_day_with_empty_days() -> None:
    chart = charts.timeline("t", "quotes", Counter({date(2024, 3, 3): 2, date(2024, 3, 5): 1}))
    assert chart is not None and chart.title == "Quotes per day"
    assert bars(chart) == ["2024-03-03: 2 quotes", "2024-03-04: 0 quotes", "2024-03-05: 1 quotes"]


def test_longer_spans_are_counted_per_month_then_per_year() -> None:
    months = charts.timeline("t", "quotes", Counter({date(2023, 11, 30): 1, date(2024, 2, 1): 4, date(2024, 2, 9): 1}))
    assert months is not None and months.title == "Quotes per month"
    assert bars(months) == ["2023-11: 1 quotes", "2023-12: 0 quotes", "2024-01: 0 quotes", "2024-02: 5 quotes"]
    years = charts.timeline("t", "quotes", Counter({date(2015, 1, 1): 1, date(2024, 6, 1): 2}))
    assert years is not None and years.title == "Quotes per year"
    assert len(bars(years)) == 10 and bars(years)[-1] == "2024: 2 quotes"


def test_nothing_dated_draws_nothing() -> None:
    assert charts.timeline("t", "quotes", Counter()) is None
    assert charts.share("s", "Kinds", [("direct", 0)], charts.KIND_COLOURS) is None


def test_labels_are_escaped_and_links_kept() -> None:
    chart = charts.bar_chart("b", "Top <speakers>", [charts.Bar('<script>"x"</script>', 3, "speakers/x.html")])
    text = str(chart.svg)
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert bars(chart) == ['<script>"x"</script>: 3']  # the XML parser unescapes what the browser shows
    assert 'href="speakers/x.html"' in text and "<title>Top &lt;speakers&gt;</title>" in text


def test_shares_add_up_to_the_whole() -> None:
    chart = charts.share("s", "Kinds", [("direct", 3), ("mixed", 0), ("indirect", 1)], charts.KIND_COLOURS)
    assert chart is not None
    assert bars(chart) == ["direct: 3 (75%)", "indirect: 1 (25%)"]
    root = ElementTree.fromstring(str(chart.svg))
    marks = [g.find(f"{SVG}rect") for g in root.iter(f"{SVG}g") if g.get("class") == "bar"]
    widths = [float(rect.get("width", 0)) for rect in marks if rect is not None]
    assert widths == [480.0, 160.0] and sum(widths) == charts.WIDTH
