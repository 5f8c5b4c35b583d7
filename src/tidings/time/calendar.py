"""Calendar arithmetic on TimeML values: shifting days, weeks, months, quarters and the intervals values denote."""
from __future__ import annotations

import re
from datetime import date, timedelta

SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def parse_anchor(value: str | None) -> date | None:
    """The day of an ISO date or datetime string ("2021-10-03", "2021-10-03T13:23:00+05:30"); None if not one."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def add_months(d: date, months: int) -> date:
    """d moved by whole months, the day clipped to the target month's length."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(d.day, _month_length(year, month)))


def _month_length(year: int, month: int) -> int:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return (nxt - timedelta(days=1)).day


def shift(d: date, unit: str, n: int) -> date:
    """d moved by n units (day, week, month, quarter, year, decade)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return add_months(d, months * n)


def day_value(d: date) -> str:
    return d.isoformat()


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def quarter_value(d: date) -> str:
    return f"{d.year:04d}-Q{quarter_of(d)}"


def unit_value(d: date, unit: str) -> str:
    """The value naming the unit that holds d: a day, ISO week, month, quarter, year or decade."""
    if unit == "day":
        return day_value(d)
    if unit == "week":
        return week_value(d)
    if unit == "month":
        return month_value(d)
    if unit == "quarter":
        return quarter_value(d)
    if unit == "decade":
        return f"{d.year // 10:03d}"
    if unit == "century":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def week_bounds(d: date) -> tuple[date, date]:
    """Monday and Sunday of d's ISO week."""
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def interval_of(value: str) -> tuple[date, date, str] | None:
    """First day, last day and precision of the period a DATE/TIME value names; None when it names none."""
    try:
        return _interval(value)
    except ValueError:
        return None


def _interval(value: str) -> tuple[date, date, str] | None:
    if m := _DAY.match(value):
        d = date(int(m[1]), int(m[2]), int(m[3]))
        return d, d, "datetime" if "T" in value else "day"
    if m := _WEEK.match(value):
        monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m[3]:
            return monday + timedelta(days=5), monday + timedelta(days=6), "interval"
        return monday, monday + timedelta(days=6), "week"
    if m := _MONTH.match(value):
        year, month = int(m[1]), int(m[2])
        return date(year, month, 1), date(year, month, _month_length(year, month)), "month"
    if m := _QUARTER.match(value):
        year, q = int(m[1]), int(m[2])
        first = date(year, 3 * q - 2, 1)
        return first, add_months(first, 3) - timedelta(days=1), "quarter"
    if m := _HALF.match(value):
        year, h = int(m[1]), int(m[2])
        first = date(year, 6 * h - 5, 1)
        return first, add_months(first, 6) - timedelta(days=1), "interval"
    if m := _SEASON.match(value):
        year, (a, b) = int(m[1]), SEASON_MONTHS[m[2]]
        first = date(year, a, 1)
        last_year = year + 1 if b < a else year
        return first, date(last_year, b, _month_length(last_year, b)), "interval"
    if m := _YEAR.match(value):
        year = int(m[1])
        return date(year, 1, 1), date(year, 12, 31), "year"
    if m := _DECADE.match(value):
        year = int(m[1]) * 10
        return date(year, 1, 1), date(year + 9, 12, 31), "interval"
    if m := _CENTURY.match(value):
        year = int(m[1]) * 100
        return date(year, 1, 1), date(year + 99, 12, 31), "interval"
    return None
