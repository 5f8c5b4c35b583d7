"""Publication dates from headers, bylines, datelines and feeds; a missing year only from evidence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

# Time-zone abbreviations seen in news headers, with their UTC offsets in minutes.
# dateparser reads "IST" as +02:00 (Israel); South Asian outlets mean India, +05:30.
# "CST" is read as US Central; "ET"/"PT"/"CT" follow the season-free US convention of the
# standard offset (outlets that mean daylight time write EDT/PDT/CDT).
TZ_OFFSETS_MIN: dict[str, int] = {
    "UTC": 0,
    "GMT": 0,
    "Z": 0,
    "WET": 0,
    "BST": 60,
    "IST": 330,
    "PKT": 300,
    "AFT": 270,
    "TJT": 300,
    "UZT": 300,
    "NPT": 345,
    "BDT": 360,
    "IRST": 210,
    "GST": 240,
    "MSK": 180,
    "EET": 120,
    "EEST": 180,
    "CET": 60,
    "CEST": 120,
    "SGT": 480,
    "HKT": 480,
    "PHT": 480,
    "JST": 540,
    "KST": 540,
    "AEST": 600,
    "AEDT": 660,
    "WIB": 420,
    "ICT": 420,
    "ET": -300,
    "EST": -300,
    "EDT": -240,
    "CT": -360,
    "CST": -360,
    "CDT": -300,
    "MT": -420,
    "MST": -420,
    "MDT": -360,
    "PT": -480,
    "PST": -480,
    "PDT": -420,
}

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

# Oldest year a missing year may be inferred as; news archives rarely reach further back.
EARLIEST_INFERRED_YEAR = 1990

_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_WD = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_TIME = (
    r"(?:\s*(?:,|at|\||-)?\s*(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?"
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
    r"(?:\s*\(?(?P<tz>(?-i:[A-Z]{1,5}))\b\)?)?"
    r"(?:\s*(?:GMT|UTC)?\s*(?P<off>[+-]\d{1,2}(?::?\d{2})?)\)?)?)?"
)
_ISO = (
    r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})"
    r"(?:[T ](?P<hour>\d{2}):(?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<off>Z|[+-]\d{2}:?\d{2})?)?"
)

# Ordered: the first pattern that matches a span wins, so longer forms come first.
# Numeric dates. With dots ("06.07.2021") the order is day.month.year wherever news is written
# that way (Central Asia, Russia, Europe). With slashes or dashes it depends on the outlet: a
# part above 12 settles it ("25/10/2021"), otherwise ("03/10/2021") it is never guessed.
_NUMERIC = r"\b(?P<n1>[0-3]?\d)(?P<sep>[./-])(?P<n2>[0-3]?\d)(?P=sep)(?P<year>(?:19|20)\d{2})\b"

_SPAN_PATTERNS = [
    re.compile(r"\b" + _ISO + r"(?!\d)"),
    re.compile(
        r"\b" + _WD + _MON + r"\s+" + _DAY + r"(?:\s*,\s*|\s+)" + _YEAR + r"\b" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(
        r"\b" + _WD + _DAY + r"(?:\s+of)?\s+" + _MON + r"(?:\s*,\s*|\s+)" + _YEAR + r"\b" + _TIME,
        re.IGNORECASE,
    ),
    re.compile(r"\b" + _WD + _MON + r"\s+" + _DAY + r"\b(?!\s*,?\s*\d)", re.IGNORECASE),
    re.compile(r"\b" + _WD + _DAY + r"\s+" + _MON + r"\b(?!\s*,?\s*\d)", re.IGNORECASE),
    re.compile(r"\b" + _MON + r"\s*,?\s+" + _YEAR + r"\b", re.IGNORECASE),
    re.compile(_NUMERIC + _TIME, re.IGNORECASE),
]
# A full date (day, month and year) anywhere in body text: evidence for a missing year.
_FULL_DATE = [_SPAN_PATTERNS[1], _SPAN_PATTERNS[2]]
_WEEKDAY_RE = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


@dataclass(frozen=True, slots=True)
class DateParts:
    """What a date span says, before a missing year is filled in."""

    text: str
    year: int | None
    month: int
    day: int | None
    hour: int | None = None
    minute: int = 0
    second: int = 0
    offset_min: int | None = None  # minutes east of UTC, None when the span names no zone
    start: int = 0
    end: int = 0
    ambiguous: bool = False  # "03/10/2021": day and month could be either way round


@dataclass(frozen=True, slots=True)
class PubDate:
    """A publication date: ISO value (None when unknown), precision with its reason, the span read."""

    value: str | None
    precision: str
    text: str = ""


def unknown(why: str) -> PubDate:
    return PubDate(None, f"unknown: {why}")


def find_date(text: str) -> DateParts | None:
    """The first date-looking span in a short piece of text (a header line, a dateline lead)."""
    best: DateParts | None = None
    for pattern in _SPAN_PATTERNS:
        for m in pattern.finditer(text):
            parts = _parts(m)
            if parts is not None and (best is None or parts.start < best.start):
                best = parts
                break
    return best


def date_at_start(text: str) -> DateParts | None:
    """A date span that starts the text (a timestamp line, a date prefix), or None."""
    for pattern in _SPAN_PATTERNS:
        m = pattern.match(text)
        if m is not None and (parts := _parts(m)) is not None:
            return parts
    return None


def full_dates(text: str) -> list[DateParts]:
    """Every date with day, month and year in a text (evidence for a dateline's missing year)."""
    found = []
    for pattern in _FULL_DATE:
        found += [p for m in pattern.finditer(text) if (p := _parts(m)) is not None]
    return sorted(found, key=lambda p: p.start)


def parse_date(text: str, *, evidence: str = "", today: date | None = None) -> PubDate | None:
    """Parse a container's date or a detected header span (ISO, RFC 822, "Oct 03, 2021, 01:23 PM IST").

    Returns None when the string holds no date at all; a PubDate with value None and an
    "unknown: ..." precision when it holds a date that cannot be completed from the evidence.
    """
    text = text.strip()
    if not text:
        return None
    iso = _iso(text)
    if iso is not None:
        return iso
    rfc = _rfc822(text)
    if rfc is not None:
        return rfc
    parts = find_date(text)
    if parts is not None:
        return resolve(parts, evidence=evidence, today=today)
    return _dateparser_fallback(text)


def resolve(
    parts: DateParts, *, evidence: str = "", lead: str | None = None, today: date | None = None
) -> PubDate:
    """Turn parts into a PubDate; a missing year comes only from evidence.

    The evidence is a weekday named in `lead` (default: `evidence`), which must fit the date,
    or a full date elsewhere in `evidence`; with neither, the date stays unknown and says why.
    """
    if parts.ambiguous:
        return unknown(f"{parts.text!r} could be day/month or month/day")
    if parts.year is None:
        lead = evidence if lead is None else lead
        return _infer_year(parts, evidence, lead, today or date.today())
    if parts.day is None:
        return PubDate(f"{parts.year:04d}-{parts.month:02d}", "month", parts.text)
    try:
        day = date(parts.year, parts.month, parts.day)
    except ValueError:
        return unknown(f"{parts.text!r} is not a real calendar date")
    if parts.hour is None:
        return PubDate(day.isoformat(), "day", parts.text)
    if parts.offset_min is None:
        return PubDate(
            day.isoformat(), f"day: the time in {parts.text!r} names no time zone", parts.text
        )
    tz = timezone(timedelta(minutes=parts.offset_min))
    moment = datetime(
        day.year, day.month, day.day, parts.hour, parts.minute, parts.second, tzinfo=tz
    )
    return PubDate(moment.isoformat(), "datetime", parts.text)


def weekday_in(text: str) -> str | None:
    """The first weekday named in a text ("on Tuesday"), capitalised as written."""
    m = _WEEKDAY_RE.search(text)
    return m.group(1) if m else None


def _infer_year(parts: DateParts, evidence: str, lead: str, today: date) -> PubDate:
    assert parts.day is not None
    label = parts.text.strip()
    weekday = weekday_in(lead)
    anchors = [(p, d) for p in full_dates(evidence) if (d := _valid_date(p)) is not None]
    years = [
        y
        for y in range(today.year, EARLIEST_INFERRED_YEAR - 1, -1)
        if (d := _safe_date(y, parts.month, parts.day)) is not None and d <= today
    ]
    if weekday is not None:
        wd_index = WEEKDAYS.index(weekday)
        years = [y for y in years if date(y, parts.month, parts.day).weekday() == wd_index]
    if not years or (weekday is None and not anchors):
        return unknown(f"{label!r} has no year and nothing in the text fixes it")
    if anchors:
        # Stories mention dates a few weeks either side of their own: take the year nearest to it.
        anchor_parts, anchor = anchors[0]
        year = min(years, key=lambda y: abs((date(y, parts.month, parts.day) - anchor).days))
        why = f"the date {anchor_parts.text.strip()!r} in the text"
        if weekday is not None:
            why = f"the weekday {weekday} and {why}"
    else:
        year = years[0]  # the most recent past year in which the date fell on that weekday
        why = f"the weekday {weekday}"
    return PubDate(
        date(year, parts.month, parts.day).isoformat(),
        f"day: year {year} inferred from {why}",
        label,
    )


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _valid_date(parts: DateParts) -> date | None:
    if parts.year is None or parts.day is None:
        return None
    return _safe_date(parts.year, parts.month, parts.day)


def _parts(m: re.Match[str]) -> DateParts | None:
    g = m.groupdict()
    ambiguous = False
    if g.get("sep"):
        day, month = int(g["n1"]), int(g["n2"])
        if g["sep"] != "." and day <= 12 and month > 12:
            day, month = month, day
        ambiguous = g["sep"] != "." and day <= 12 and month <= 12 and day != month
    else:
        month = MONTHS[g["mon"][:3].lower()] if g.get("mon") else int(g["month"])
        day = int(g["day"]) if g.get("day") else None
    if not 1 <= month <= 12:
        return None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(g["year"]) if g.get("year") else None
    hour = int(g["hour"]) if g.get("hour") else None
    text = m.group(0)
    offset = None
    if hour is not None:
        ampm = (g.get("ampm") or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        offset = _offset(g.get("tz"), g.get("off"))
        if g.get("tz") and offset is None:
            # An upper-case word after the time that is not a zone: keep the span without it.
            text = text[: m.start("tz") - m.start()].rstrip(" (")
    return DateParts(
        text=text.strip(" ,|-"),
        year=year,
        month=month,
        day=day,
        hour=hour,
        minute=int(g["minute"]) if g.get("minute") else 0,
        second=int(g["second"]) if g.get("second") else 0,
        offset_min=offset,
        start=m.start(),
        end=m.start() + len(text),
        ambiguous=ambiguous,
    )


_ZONE_WORD = re.compile(r"\b(?:" + "|".join(sorted(TZ_OFFSETS_MIN, key=len, reverse=True)) + r")\b")


def _offset_text(minutes: int) -> str:
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _offset(tz: str | None, off: str | None) -> int | None:
    if off:
        if off == "Z":
            return 0
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
        return sign * (int(hours) * 60 + int(minutes))
    if tz:
        return TZ_OFFSETS_MIN.get(tz)
    return None


def _iso(text: str) -> PubDate | None:
    m = re.fullmatch(_ISO, text.strip())
    if not m:
        return None
    parts = _parts(m)
    return resolve(parts) if parts is not None else None


def _rfc822(text: str) -> PubDate | None:
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d{1,2}:\d{2}", text):
        return None
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    zone = text.rsplit(None, 1)[-1].strip("()")
    if zone in TZ_OFFSETS_MIN and not zone.startswith(("+", "-")):
        moment = moment.replace(tzinfo=timezone(timedelta(minutes=TZ_OFFSETS_MIN[zone])))
    if moment.tzinfo is None:
        return PubDate(
            moment.date().isoformat(), f"day: the time in {text!r} names no time zone", text
        )
    return PubDate(moment.isoformat(), "datetime", text)


def _dateparser_fallback(text: str) -> PubDate | None:
    """Last resort for container dates in forms our patterns miss; never used on body text."""
    from dateparser.date import DateDataParser

    if len(text) > 64 or not re.search(r"\d", text):
        return None
    text = _ZONE_WORD.sub(lambda m: _offset_text(TZ_OFFSETS_MIN[m.group(0)]), text)
    data = DateDataParser(languages=["en"], settings={"PREFER_DATES_FROM": "past"}).get_date_data(
        text
    )
    if data.date_obj is None:
        return None
    moment: datetime = data.date_obj
    if data.period == "month":
        return PubDate(f"{moment.year:04d}-{moment.month:02d}", "month", text)
    if data.period == "year":
        return PubDate(f"{moment.year:04d}", "year", text)
    if moment.tzinfo is not None and (moment.hour, moment.minute) != (0, 0):
        return PubDate(moment.isoformat(), "datetime", text)
    return PubDate(moment.date().isoformat(), "day", text)
