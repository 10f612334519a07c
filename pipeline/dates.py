"""Date values: the dateline as ISO 8601, and DATE mentions as TIMEX3-style values.

A mention is normalised against the publication date where it needs one ("July" in an
article of August 2021 is 2021-07; "this week" is that week, 2021-W33). Durations and
vague spans ("years", "recent decades") have no value. dateparser does the parsing;
the rules here only map its result onto TIMEX3 granularity and cover what it does not
(decades, ISO weeks, durations).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

_LEAD = re.compile(
    r"^(?:the|since|in|on|by|until|till|from|back in|as of|as early as|as late as|"
    r"early|late|mid|(?:the\s+)?(?:end|start|beginning|middle|close|turn)\s+of|earlier|later)\s+",
    re.I,
)
_MID = re.compile(r"^mid-(?=\d)", re.I)
_YEAR_RANGE = re.compile(r"^\d{4}\s*[-–/]\s*\d{2,4}$")
_SEASON = re.compile(r"^(spring|summer|fall|autumn|winter)\s+(?:of\s+)?((?:19|20)\d\d)$", re.I)
_SEASON_CODE = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# Halves and quarters of a year, as TIMEX3 writes them ("2004-H1", "2004-Q3").
_PART = re.compile(
    r"^(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+(half|quarter)\s+(?:of\s+)?((?:19|20)\d\d)$", re.I
)
_PART_NUMBER = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# "between 1996 and 1998": an interval, not a point in time.
_BETWEEN = re.compile(r"^between\s+\S.*\s+and\s+\S", re.I)
_QUARTER = re.compile(r"^Q([1-4])\s+((?:19|20)\d\d)$", re.I)
_TRAIL = re.compile(r"(?:'s|’s)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_DECADE = re.compile(r"^(?:the\s+)?((?:1[89]|20)\d)0'?s$", re.I)
_HAS_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_DEICTIC_UNIT = re.compile(r"^(this|last|next|past|previous|coming)\s+(week|month|year)$", re.I)
_AGO = re.compile(
    r"^(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week|month|year)s?\s+ago$", re.I
)
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_FULL_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# The commonest calendar forms, read without dateparser (whose first use costs half a second a
# process); the test checks they give what dateparser gives.
_CALENDAR = (
    re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_FULL_YEAR}$"),  # 12 March 2004
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_FULL_YEAR}$"),  # March 12, 2004
    re.compile(rf"^{_MONTH},?\s+{_FULL_YEAR}$"),  # March 2004
)
_DEICTIC_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_MONTH_OR_DAY = re.compile(
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|"
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b",
    re.I,
)


def parse_published(value: str) -> datetime | None:
    """Parse a dateline value ("August 21, 2021 6:52 PM EDT"); None when it is not a date."""
    import dateparser

    parsed: datetime | None = dateparser.parse(
        value,
        languages=["en"],
        settings={"PREFER_DAY_OF_MONTH": "first"},
    )
    return parsed


def published_iso(moment: datetime) -> str:
    """ISO 8601 with the UTC offset when the dateline gave a zone, else without one."""
    return moment.isoformat()


def _calendar(text: str) -> str | None:
    """The value of a plain calendar date ("12 March 2004", "March 12, 2004", "March 2004")."""
    for pattern in _CALENDAR:
        match = pattern.match(text)
        if match is None:
            continue
        month = _MONTHS.get(match["month"].lower())
        if month is None:
            return None
        year = int(match["year"])
        if "day" not in match.groupdict():
            return f"{year}-{month:02d}"
        try:
            return date(year, month, int(match["day"])).isoformat()
        except ValueError:
            return None
    return None


@lru_cache(maxsize=16)
def _parser(base: datetime | None) -> DateDataParser:
    from dateparser.date import DateDataParser

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = base.replace(tzinfo=None)
    return DateDataParser(languages=["en"], settings=settings)


def _week(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _deictic(text: str, base: date) -> str | None:
    lowered = text.lower()
    if lowered in _DEICTIC_DAY:
        return (base + timedelta(days=_DEICTIC_DAY[lowered])).isoformat()
    match = _DEICTIC_UNIT.match(text)
    if match:
        step = {"this": 0, "coming": 1, "next": 1}.get(match.group(1).lower(), -1)
        unit = match.group(2).lower()
        if unit == "week":
            return _week(base + timedelta(weeks=step))
        if unit == "month":
            return _shift_months(base, step).strftime("%Y-%m")
        return str(base.year + step)
    match = _AGO.match(text)
    if match:
        count_text = match.group(1).lower()
        count = int(count_text) if count_text.isdigit() else _NUMBER_WORDS[count_text]
        unit = match.group(2).lower()
        if unit == "day":
            return (base - timedelta(days=count)).isoformat()
        if unit == "week":
            return _week(base - timedelta(weeks=count))
        if unit == "month":
            return _shift_months(base, -count).strftime("%Y-%m")
        return str(base.year - count)
    return None


def _year_part(core: str) -> str | None:
    """ "first half of 2004" -> "2004-H1", "third quarter of 2004" and "Q3 2004" -> "2004-Q3"."""
    quarter = _QUARTER.match(core)
    if quarter:
        return f"{quarter.group(2)}-Q{quarter.group(1)}"
    match = _PART.match(core)
    if match is None:
        return None
    which, unit, year = match.group(1).lower(), match.group(2).lower(), match.group(3)
    count = 2 if unit == "half" else 4
    number = count if which in ("final", "last") else _PART_NUMBER[which]
    if number > count:
        return None  # "third half"
    return f"{year}-{'H' if unit == 'half' else 'Q'}{number}"


def _core(text: str) -> str:
    core = " ".join(text.split())
    previous = None
    while previous != core:
        previous = core
        core = _MID.sub("", _TRAIL.sub("", _LEAD.sub("", core))).strip(" ,.")
    return core


@lru_cache(maxsize=4096)
def normalise_date(text: str, base: datetime | None = None) -> str | None:
    """TIMEX3-style value of a date mention, or None where none can be given."""
    decade = _DECADE.match(" ".join(text.split()))
    if decade:
        return decade.group(1)
    core = _core(text)
    if not core:
        return None
    if _YEAR.match(core):
        return core
    if _YEAR_RANGE.match(core) or _BETWEEN.match(core):
        return None  # a span of time is an interval, not a point in time
    season = _SEASON.match(core)
    if season:
        return f"{season.group(2)}-{_SEASON_CODE[season.group(1).lower()]}"
    decade = _DECADE.match(core)
    if decade:
        return decade.group(1)
    part = _year_part(core)
    if part is not None:
        return part
    base_day = base.date() if base is not None else None
    if base_day is not None:
        value = _deictic(core, base_day)
        if value is not None:
            return value
    has_year = _HAS_YEAR.search(core) is not None
    if not has_year and (base_day is None or not _MONTH_OR_DAY.search(core)):
        # Without a year, only a named month or weekday can be placed, and only given a base.
        return None
    calendar = _calendar(core)
    if calendar is not None:
        return calendar
    data = _parser(base).get_date_data(core)
    moment: datetime | None = data.date_obj
    if moment is None:
        return None
    period: str = data.period or "day"
    if period == "year":
        return str(moment.year)
    if period == "month":
        return moment.strftime("%Y-%m")
    if period == "week":
        return _week(moment.date())
    return moment.date().isoformat()
