"""Time expressions and event dates: the data the time stage hands to the event coder."""
from __future__ import annotations

from dataclasses import dataclass

# What a date field denotes. "day: article date" style strings are made by event_date from these.
PRECISIONS = ("datetime", "day", "week", "month", "quarter", "year", "interval", "duration", "set", "unknown")


@dataclass(frozen=True, slots=True)
class Timex:
    """One time expression found in a text, normalised to a TimeML value."""

    start: int  # character span in the text given
    end: int
    text: str
    type: str  # TimeML: DATE | TIME | DURATION | SET
    value: str  # TimeML value: "2021-10-02", "2021-W40", "P3M", "PRESENT_REF", "XXXX-XX-XX" when unresolvable
    date_start: str | None  # ISO day where the interval it denotes starts, when it denotes one
    date_end: str | None
    precision: str  # one of PRECISIONS
    rule: str = ""  # name of the rule that found it (for error analysis)


@dataclass(slots=True)
class EventDate:
    """The date an event takes: its own time expression, else the article's date."""

    date: str | None  # ISO day when the event has a single day, else None
    date_start: str | None
    date_end: str | None
    precision: str  # a PRECISIONS value, or "<precision>: article date" when taken from the article
    text: str | None  # the time expression it came from; None for the article date
