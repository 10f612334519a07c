"""Date values: the dateline to ISO 8601, mentions to TIMEX3-style values."""

from __future__ import annotations

from datetime import datetime

import pytest
from whosaid.dates import normalise_date, parse_published, published_iso

BASE = parse_published("August 21, 2021 6:52 PM EDT")


def test_dateline_keeps_its_zone() -> None:
    assert BASE is not None
    assert published_iso(BASE) == "2021-08-21T18:52:00-04:00"


@pytest.mark.parametrize(
    ("mention", "value"),
    [
        ("July", "2021-07"),
        ("this week", "2021-W33"),
        ("last week", "2021-W32"),
        ("2003", "2003"),
        ("since 2018", "2018"),
        ("years", None),
        ("the first day", None),
        ("Friday", "2021-08-20"),
        ("yesterday", "2021-08-20"),
        ("last year", "2020"),
        ("next month", "2021-09"),
        ("two weeks ago", "2021-W31"),
        ("March 2016", "2016-03"),
        ("Oct. 12, 2015", "2015-10-12"),
        ("the 1990s", "199"),
        ("the summer of 2015", "2015-SU"),
        ("2015-16", None),
    ],
)
def test_mentions_against_the_publication_date(mention: str, value: str | None) -> None:
    assert normalise_date(mention, BASE) == value


@pytest.mark.parametrize(
    ("mention", "value"), [("July", None), ("this week", None), ("2003", "2003"), ("May 4, 1999", "1999-05-04")]
)
def test_without_a_publication_date_only_absolute_dates_have_values(mention: str, value: str | None) -> None:
    assert normalise_date(mention, None) == value


def test_dateline_that_is_not_a_date_gives_none() -> None:
    assert parse_published("by our reporter at large") is None


def test_plain_calendar_dates_read_without_dateparser_equal_what_dateparser_gives() -> None:
    from whosaid.dates import _calendar, _parser

    forms = ["{d} {m} {y}", "{d}th {m} {y}", "{m} {d}, {y}", "{m} {d} {y}", "{m}. {d}, {y}", "{m} {y}", "{m}, {y}"]
    months = ["January", "Feb", "march", "APRIL", "May", "June", "Jul", "August", "Sept", "Sep", "Oct", "December"]
    base = datetime(2021, 8, 21)
    checked = 0
    for form in forms:
        for month in months:
            for day in (1, 9, 28, 30, 31):
                for year in (1999, 2004):
                    text = form.format(d=day, m=month, y=year)
                    fast = _calendar(text)
                    if fast is None:  # not a form it reads (or no such day): dateparser decides
                        continue
                    for reference in (None, base):
                        data = _parser(reference).get_date_data(text)
                        assert data.date_obj is not None, text
                        expected = (
                            data.date_obj.strftime("%Y-%m")
                            if data.period == "month"
                            else data.date_obj.date().isoformat()
                        )
                        assert fast == expected, text
                        checked += 1
    assert checked > 500
    assert _calendar("31 February 2004") is None and _calendar("Smarch 2004") is None


@pytest.mark.parametrize(
    ("mention", "value"),
    [
        ("end of 2003", "2003"),  # as "the end of 2003" already was
        ("start of 2010", "2010"),
        ("the middle of 1997", "1997"),
        ("end of June 2004", "2004-06"),
        ("first half of 2004", "2004-H1"),
        ("the second half of 2019", "2019-H2"),
        ("third quarter of 2004", "2004-Q3"),
        ("the final quarter of 2012", "2012-Q4"),
        ("Q1 2008", "2008-Q1"),
        ("third half of 2004", None),
        ("between 1996 and 1998", None),  # an interval, not a point in time
    ],
)
def test_parts_of_a_year_read_with_or_without_a_publication_date(mention: str, value: str | None) -> None:
    assert normalise_date(mention, None) == value
    assert normalise_date(mention, BASE) == value
