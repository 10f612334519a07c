"""Small inline SVG charts for the HTML report: bars, a timeline and a stacked share.

Each chart is a self-contained ``<svg>`` (no script, no external resource), sized by its
``viewBox`` so it scales with the page. Every label is escaped; every mark has a ``<title>``
that the browser shows on hover and screen readers read.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

WIDTH = 640
KIND_COLOURS = {"direct": "#e0a800", "mixed": "#3c9a3c", "indirect": "#4a7bd0"}
GENDER_COLOURS = {"female": "#b4419b", "male": "#2f7fa6", "not given": "#b9b9b9"}
BAR_COLOUR = "#4a7bd0"


@dataclass(frozen=True)
class Chart:
    """A chart's title (shown as its caption) and its SVG."""

    title: str
    svg: Markup


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str | None = None


def _svg(name: str, height: int, title: str, body: Iterable[str]) -> Chart:
    return Chart(
        title,
        Markup(
            f'<svg class="chart chart-{escape(name)}" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}"'
            f' role="img" aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{escape(title)}</title>{''.join(body)}</svg>"
        ),
    )


def _short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(name: str, title: str, bars: Sequence[Bar]) -> Chart:
    """Horizontal bars, one row per item, longest first as given; labels link where ``href`` is set."""
    row, label_width, top = 24, 220, 4
    most = max((bar.value for bar in bars), default=0) or 1
    scale = (WIDTH - label_width - 48) / most
    body = []
    for n, bar in enumerate(bars):
        y = top + n * row
        length = max(bar.value * scale, 1.0)
        label = escape(_short(bar.label))
        mark = (
            f'<g class="bar"><title>{escape(bar.label)}: {bar.value}</title>'
            f'<text x="{label_width - 8}" y="{y + 16}" text-anchor="end" class="label">{label}</text>'
            f'<rect x="{label_width}" y="{y + 3}" width="{length:.1f}" height="{row - 6}" fill="{BAR_COLOUR}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" class="value">{bar.value}</text></g>'
        )
        body.append(f'<a href="{escape(bar.href)}">{mark}</a>' if bar.href else mark)
    return _svg(name, top * 2 + row * len(bars), title, body)


def _bins(days: Counter[date]) -> tuple[str, list[tuple[str, int]]]:
    """Counts per day, month or year (by the span covered), empty bins included, in order."""
    first, last = min(days), max(days)
    if (last - first).days <= 62:
        unit = "day"
        keys = [date.fromordinal(n).isoformat() for n in range(first.toordinal(), last.toordinal() + 1)]
        counts = Counter({day.isoformat(): n for day, n in days.items()})
    elif last.year - first.year <= 3:
        unit = "month"
        months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
        keys = [f"{m // 12}-{m % 12 + 1:02d}" for m in months]
        counts = Counter()
        for day, n in days.items():
            counts[f"{day.year}-{day.month:02d}"] += n
    else:
        unit = "year"
        keys = [str(year) for year in range(first.year, last.year + 1)]
        counts = Counter()
        for day, n in days.items():
            counts[str(day.year)] += n
    return unit, [(key, counts[key]) for key in keys]


def timeline(name: str, what: str, days: Counter[date]) -> Chart | None:
    """Columns of ``what`` per day, month or year; None when nothing is dated."""
    if not days:
        return None
    unit, bins = _bins(days)
    height, bottom, left = 180, 28, 36
    plot_height = height - bottom - 12
    most = max(n for _, n in bins) or 1
    step = (WIDTH - left - 8) / len(bins)
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{WIDTH - 4}" y2="{height - bottom}" class="axis"/>',
        f'<text x="{left - 6}" y="{12 + 4}" text-anchor="end" class="value">{most}</text>',
        f'<text x="{left - 6}" y="{height - bottom}" text-anchor="end" class="value">0</text>',
    ]
    label_every = max(1, round(len(bins) / 6))
    for n, (key, count) in enumerate(bins):
        x = left + n * step
        bar_height = count / most * plot_height
        body.append(
            f'<g class="bar"><title>{escape(key)}: {count} {escape(what)}</title>'
            f'<rect x="{x + step * 0.1:.1f}" y="{height - bottom - bar_height:.1f}" width="{max(step * 0.8, 1):.1f}"'
            f' height="{bar_height:.1f}" fill="{BAR_COLOUR}"/></g>'
        )
        if n % label_every == 0:
            body.append(
                f'<text x="{x + step / 2:.1f}" y="{height - 8}" text-anchor="middle" class="label">{escape(key)}</text>'
            )
    return _svg(name, height, f"{what[:1].upper()}{what[1:]} per {unit}", body)


def share(name: str, title: str, counts: Sequence[tuple[str, int]], colours: dict[str, str]) -> Chart | None:
    """One stacked bar of the parts of a whole, with a legend of counts and percentages; None when empty."""
    total = sum(n for _, n in counts)
    if not total:
        return None
    body, x, legend_x = [], 0.0, 0.0
    for label, count in counts:
        width = count / total * WIDTH
        colour = colours.get(label, BAR_COLOUR)
        part = f"{label}: {count} ({count / total:.0%})"
        if count:
            body.append(
                f'<g class="bar"><title>{escape(part)}</title>'
                f'<rect x="{x:.1f}" y="0" width="{width:.1f}" height="24" fill="{colour}"/></g>'
            )
        body.append(
            f'<rect x="{legend_x:.1f}" y="34" width="12" height="12" fill="{colour}"/>'
            f'<text x="{legend_x + 16:.1f}" y="45" class="label">{escape(part)}</text>'
        )
        x += width
        legend_x += WIDTH / max(len(counts), 1)
    return _svg(name, 52, title, body)
