"""Publication-date parsing: header forms, time zones, feed dates, and a missing year inferred only from evidence."""

from __future__ import annotations

from datetime import date

import pytest

from tidings.extract.dates import find_date, parse_date, resolve
from tidings.model.article import PRECISIONS

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    "text, value, precision",
    [
        ("Oct 03, 2021, 01:23 PM IST", "2021-10-03T13:23:00+05:30", "datetime"),
        ("Sept 18, 2021 at 10:30 am PKT", "2021-09-18T10:30:00+05:00", "datetime"),
        ("3 October 2021 14:05 EDT", "2021-10-03T14:05:00-04:00", "datetime"),
        ("Sunday, March 3, 2024 09:15 GMT", "2024-03-03T09:15:00+00:00", "datetime"),
        ("March 3, 2024 9:15 p.m. ET", "2024-03-03T21:15:00-05:00", "datetime"),
        ("Oct 3, 2021 12:05 AM UTC", "2021-10-03T00:05:00+00:00", "datetime"),
        ("5th January 2025", "2025-01-05", "day"),
        ("January 5th, 2025", "2025-01-05", "day"),
        ("2021-10-03", "2021-10-03", "day"),
        ("2021-10-03T08:00:00Z", "2021-10-03T08:00:00+00:00", "datetime"),
        ("2021-10-03T13:23:00+05:30", "2021-10-03T13:23:00+05:30", "datetime"),
        ("Sun, 03 Oct 2021 08:00:00 GMT", "2021-10-03T08:00:00+00:00", "datetime"),
        ("Sun, 03 Oct 2021 13:23:00 +0500", "2021-10-03T13:23:00+05:00", "datetime"),
        ("January 2025", "2025-01", "month"),
        ("06.07.2021, 18:20 (GMT+5)", "2021-07-06T18:20:00+05:00", "datetime"),
        ("25/10/2021", "2021-10-25", "day"),
        ("10/25/2021 1:00 PM EST", "2021-10-25T13:00:00-05:00", "datetime"),
    ],
)
def test_explicit_dates(text, value, precision):
    got = parse_date(text, today=TODAY)
    assert got is not None
    assert (got.value, got.precision) == (value, precision)


def test_time_without_zone_keeps_only_the_day_and_says_why():
    got = parse_date("Oct 3, 2021 5:30 PM", today=TODAY)
    assert got.value == "2021-10-03"
    assert got.precision.startswith("day: ") and "no time zone" in got.precision


def test_ambiguous_numeric_date_is_not_guessed():
    got = parse_date("03/10/2021", today=TODAY)
    assert got.value is None and got.precision.startswith("unknown: ")


def test_impossible_date_is_unknown():
    assert parse_date("February 30, 2021", today=TODAY).value is None


def test_no_date_at_all_gives_none():
    assert parse_date("yesterday's news", today=TODAY) is None


def test_year_from_weekday_is_the_most_recent_fitting_past_year():
    parts = find_date("July 6")
    got = resolve(parts, evidence="The minister on Tuesday ordered more patrols.", today=TODAY)
    assert got.value == "2021-07-06"
    assert got.precision == "day: year 2021 inferred from the weekday Tuesday"
    # 2027 also has a Tuesday July 6, but not before "today".
    later = resolve(parts, evidence="on Tuesday", today=date(2027, 8, 1))
    assert later.value == "2027-07-06"


def test_year_from_a_full_date_elsewhere_in_the_text():
    parts = find_date("Oct 3")
    body = "The envoy had visited Kabul on September 28, 2021, and met the acting foreign minister."
    got = resolve(parts, evidence=body, today=TODAY)
    assert got.value == "2021-10-03"
    assert got.precision == "day: year 2021 inferred from the date 'September 28, 2021' in the text"


def test_year_without_evidence_is_left_unknown():
    parts = find_date("July 6")
    got = resolve(parts, evidence="Officials met to discuss the border.", today=TODAY)
    assert got.value is None
    assert got.precision == "unknown: 'July 6' has no year and nothing in the text fixes it"


def test_precision_words_come_from_the_model():
    for text in ("Oct 03, 2021, 01:23 PM IST", "5th January 2025", "January 2025", "03/10/2021"):
        assert parse_date(text, today=TODAY).precision.split(":")[0] in PRECISIONS
