"""event_date: the date an event takes, from its clause's time expressions or else the article's date."""
from __future__ import annotations

from collections.abc import Sequence

from ..model.time import EventDate, Timex
from .calendar import parse_anchor

# Precisions that place an event in time (durations with an interval do too; sets and vague refs do not).
_DATED = ("datetime", "day", "week", "month", "quarter", "year", "interval")


def event_date(timexes_in_clause: Sequence[Timex], dct: str | None, dct_precision: str) -> EventDate:
    """Its own time expression (the first that names a day or period), else the article's date.

    A day gives date = date_start = date_end; a week, month, year or interval fills date_start and
    date_end and leaves date None. The article's date comes with precision "<dct_precision>: article date".
    """
    for t in timexes_in_clause:
        if t.date_start is None or t.date_end is None:
            continue
        if t.precision in _DATED or (t.type == "DURATION" and t.date_start):
            single = t.date_start == t.date_end
            if t.type == "DURATION":
                precision = "day" if single else "interval"
            else:
                precision = t.precision
            return EventDate(t.date_start if single else None, t.date_start, t.date_end, precision, t.text)
    day = parse_anchor(dct)
    if day is None:
        return EventDate(None, None, None, "unknown", None)
    iso = day.isoformat()
    return EventDate(iso, iso, iso, f"{dct_precision or 'day'}: article date", None)
