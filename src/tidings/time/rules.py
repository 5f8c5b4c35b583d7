"""Rules that find English time expressions and normalise them to TimeML values against an anchor date."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import (
    add_months,
    day_value,
    interval_of,
    quarter_of,
    shift,
    unit_value,
    week_bounds,
    week_value,
)
from .context import Context
from .lexicon import (
    FREQUENCY_WORDS,
    MONTH_RE,
    NUMBER_RE,
    ORDINALS,
    SEASONS,
    TIMES_OF_DAY,
    UNIT_CODES,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    month_number,
    number_value,
    unit_name,
)


@dataclass(frozen=True, slots=True)
class Norm:
    """What a rule made of its match."""

    type: str  # DATE | TIME | DURATION | SET
    value: str
    start: date | None = None  # interval, when it is not the one the value names
    end: date | None = None
    precision: str | None = None  # None: from the value's shape


Handler = Callable[[re.Match[str], Context], Norm | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handle: Handler
    unresolved: str  # value when the rule needs the document date and there is none
    anchor: re.Pattern[str]  # a word every match holds, in lower case: the pattern runs only near one
    anchor_any_case: re.Pattern[str]  # the same, for text that lower-casing would lengthen


RULES: list[Rule] = []


def rule(name: str, pattern: str, anchor: str, unresolved: str = "XXXX-XX-XX") -> Callable[[Handler], Handler]:
    """Register a handler for a pattern (compiled once, case-sensitive unless it says (?i:...)).

    anchor is a lower-case pattern that every match of the rule contains; it is searched in the
    lower-cased text, which is several times faster than a case-blind search.
    """

    def register(fn: Handler) -> Handler:
        RULES.append(Rule(name, re.compile(pattern), fn, unresolved, re.compile(anchor),
                          re.compile(anchor, re.IGNORECASE)))
        return fn

    return register


_A_MONTH = r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_A_UNIT = r"\b(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur)"
_A_TOD = r"morning|afternoon|evening|night"
_A_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


# ---- shared pattern pieces -------------------------------------------------------------------

def _month(g: str) -> str:
    return rf"(?P<{g}>{MONTH_RE})"


def _day(g: str) -> str:
    return rf"(?P<{g}>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"


_YEAR = r"(?P<year>(?:1[6-9]|20)\d\d)(?![\d%])"
_WD = rf"(?P<wd>{WEEKDAY_RE})"
_CLOCK = (r"(?P<hour>[01]?\d|2[0-3])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\b\.?|[ap]m\b))"
          r"|(?P<hour24>[01]?\d|2[0-3]):(?P<minute24>[0-5]\d)(?!\d)")
_ZONE = r"(?:\s*\(?(?P<zone>IST|GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|CEST|PKT|AFT|MSK)\)?)?"
_TOD = r"(?P<tod>(?i:morning|afternoon|evening|night))"


def _weekday_date(name: str, mod: str | None, m: re.Match[str], ctx: Context) -> date:
    """The day a weekday names: past-tense reports look back, future ones forward (the DCT's own day counts)."""
    d = ctx.anchor()
    wd = WEEKDAYS[name.lower()]
    mod = (mod or "").lower()
    if mod in ("last", "past", "previous"):
        return d - timedelta(days=(d.weekday() - wd) % 7 or 7)
    if mod in ("next", "coming"):
        return d + timedelta(days=(wd - d.weekday()) % 7 or 7)
    if mod == "this":
        return week_bounds(d)[0] + timedelta(days=wd)
    if ctx.tense(m.start(), m.end()) == "future":
        return d + timedelta(days=(wd - d.weekday()) % 7)
    return d - timedelta(days=(d.weekday() - wd) % 7)


# A date with no year this many days after the DCT is last year's (a half year: news looks back
# further than it looks ahead); in a past-tense sentence from _PAST_FORWARD_DAYS on. Tuned on the
# TimeBank/AQUAINT dev half, where deadlines weeks ahead sit in past-tense sentences ("ruled ... by Jan. 14").
_FORWARD_DAYS = 183
_PAST_FORWARD_DAYS = 90
# ... and one this many days before the DCT, in a sentence that does not look back, is next year's
# ("payable Jan. 2" in a November report).
_BACKWARD_DAYS = 240


# "by February", "until March 6": a deadline looks forward whatever the tense of the sentence.
_DEADLINE = re.compile(r"(?i)\b(?:by|until|till|through|effective|payable|starting)\s+$")


def _year_for(month: int, day: int, m: re.Match[str], ctx: Context) -> int:
    """The year of a month and day given without one: the DCT's, or a neighbour by tense."""
    d = ctx.anchor()
    cand = date(d.year, month, min(day, 28 if month == 2 else day))
    tense = "future" if _DEADLINE.search(ctx.before(m.start(), 12)) else ctx.tense(m.start(), m.end())
    ahead = (cand - d).days
    if ahead > _FORWARD_DAYS and tense != "future" or ahead > _PAST_FORWARD_DAYS and tense == "past":
        return d.year - 1
    behind = (d - cand).days
    if behind > _BACKWARD_DAYS and tense != "past" or behind > _FORWARD_DAYS and tense == "future":
        return d.year + 1
    return d.year


def _checked_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _clock(m: re.Match[str]) -> str | None:
    """"T13:23" from a clock match, or None."""
    if m.group("hour24"):
        return f"T{int(m['hour24']):02d}:{m['minute24']}"
    if not m.group("hour"):
        return None
    hour, minute = int(m["hour"]), m["minute"] or "00"
    pm = m["ampm"].lower().startswith("p")
    if hour > 12:
        return None
    hour = (hour % 12) + (12 if pm else 0)
    return f"T{hour:02d}:{minute}"


def _thirds(first: date, last: date, mod: str, anchor: date) -> tuple[date, date]:
    """The part of first..last that early / mid / late / earlier / later picks."""
    if first.year == last.year and (first.month, first.day, last.month, last.day) == (1, 1, 12, 31):
        # a year splits into Jan-Apr, May-Aug and Sep-Dec ("late last year" = September to December)
        parts = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
        key = {"the beginning of": "early", "the start of": "early", "the middle of": "mid",
               "the end of": "late"}.get(mod, mod)
        if key in parts:
            a, b = parts[key]
            return date(first.year, a, 1), add_months(date(first.year, b, 1), 1) - timedelta(days=1)
    span = (last - first).days + 1
    third = span // 3
    if mod == "early" or mod in ("the beginning of", "the start of"):
        return first, first + timedelta(days=third - 1)
    if mod in ("mid", "the middle of"):
        return first + timedelta(days=third), last - timedelta(days=third)
    if mod in ("late", "the end of"):
        return last - timedelta(days=third - 1), last
    if mod == "earlier":
        return first, min(last, anchor)
    if mod == "later":
        return max(first, anchor), last
    return first, last


def _with_part(value: str, mod: str | None, anchor: date | None, type_: str = "DATE") -> Norm:
    """A value whose interval is narrowed by early / mid / late (the value itself stays the whole unit)."""
    iv = interval_of(value)
    if not mod or iv is None:
        return Norm(type_, value)
    first, last = _thirds(iv[0], iv[1], _mod(mod), anchor or iv[1])
    return Norm(type_, value, first, last, iv[2])


def _mod(mod: str) -> str:
    return " ".join(mod.lower().replace("-", " ").split()).removesuffix(" in")


# ---- explicit dates --------------------------------------------------------------------------

@rule("full_date",
      rf"(?:{_WD},?\s+)?(?:{_month('mon')}\s+{_day('day')},?\s+{_YEAR}"
      rf"|{_day('day2')}\s+(?:of\s+)?{_month('mon2')},?\s+(?P<year2>(?:1[6-9]|20)\d\d)(?!\d))"
      rf"(?:,?\s+(?:at\s+)?(?:{_CLOCK}){_ZONE})?", anchor=_A_MONTH)
def full_date(m: re.Match[str], ctx: Context) -> Norm | None:
    """"Oct 03, 2021, 01:23 PM IST", "5th January 2025", "Sunday, October 3, 2021"."""
    mon, day, year = (m["mon"], m["day"], m["year"]) if m["mon"] else (m["mon2"], m["day2"], m["year2"])
    d = _checked_day(int(year), month_number(mon), int(day))
    if d is None:
        return None
    clock = _clock(m)
    return Norm("TIME", day_value(d) + clock) if clock else Norm("DATE", day_value(d))


@rule("iso_date", r"(?<![\d-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
                  r"(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?(?![\d-])", anchor=r"\d{4}-\d\d-\d\d")
def iso_date(m: re.Match[str], ctx: Context) -> Norm | None:
    d = _checked_day(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["hh"]:
        return Norm("TIME", f"{day_value(d)}T{m['hh']}:{m['mi']}")
    return Norm("DATE", day_value(d))


@rule("month_day",
      rf"(?:{_WD},?\s+)?(?:{_month('mon')}\s+{_day('day')}|(?<![\d.,$]){_day('day2')}\s+(?:of\s+)?{_month('mon2')})"
      r"(?!,?\s*\d)", anchor=_A_MONTH)
def month_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """"Sept 18", "Aug. 7", "18 September": the DCT's year, or the one before in a report looking back."""
    mon, day = (m["mon"], m["day"]) if m["mon"] else (m["mon2"], m["day2"])
    month, dd = month_number(mon), int(day)
    if _checked_day(2000, month, dd) is None:
        return None
    year = _year_for(month, dd, m, ctx)
    d = _checked_day(year, month, dd) or date(year, month, 28)
    return Norm("DATE", day_value(d))


@rule("month_year",
      rf"(?:(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of))[\s-]+)?"
      rf"{_month('mon')},?\s+(?:of\s+)?{_YEAR}", anchor=_A_MONTH)
def month_year(m: re.Match[str], ctx: Context) -> Norm | None:
    value = f"{int(m['year']):04d}-{month_number(m['mon']):02d}"
    return _with_part(value, m["mod"], ctx.dct)


# "May" is a month only after one of these words (otherwise it is the verb).
_MAY_CUES = re.compile(r"(?i:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|early|mid|late"
                       r"|last|next|this|each|every|end|beginning|and|or)[\s-]*)$")


@rule("month",
      rf"(?:(?P<mod>(?i:early|mid|late|last|next|this|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of))"
      rf"[\s-]+)?{_month('mon')}(?!\s*\d)"
      r"(?:\s+(?P<rel>(?i:this|last|next))\s+(?i:year)(?![\w'’-]))?", anchor=_A_MONTH)
def month(m: re.Match[str], ctx: Context) -> Norm | None:
    """"January", "late November", "last March", "June last year" (one expression: that month)."""
    mon = m["mon"]
    if mon.startswith("May") and not m["mod"] and not _MAY_CUES.search(ctx.before(m.start())):
        return None
    if len(mon.rstrip(".")) == 3 and not mon.endswith(".") and mon not in ("May",):
        return None  # "Jan" / "Mar" alone are names more often than months
    month_no = month_number(mon)
    d = ctx.anchor()
    mod = _mod(m["mod"]) if m["mod"] else ""
    if m["rel"]:
        year = d.year + {"this": 0, "last": -1, "next": 1}[m["rel"].lower()]
    elif mod == "last":  # "last February" said in March is the February of the year before
        year = d.year if month_no < d.month - 1 else d.year - 1
    elif mod == "next":
        year = d.year if month_no > d.month else d.year + 1
    elif mod == "this":
        year = d.year
    else:
        year = _year_for(month_no, 1, m, ctx)
    value = f"{year:04d}-{month_no:02d}"
    return _with_part(value, mod if mod not in ("last", "next", "this") else None, d)


# Four-digit numbers that count things rather than name years.
_COUNTED = re.compile(r"^\s*(?:%|percent|per\s+cent|people|persons|troops|soldiers|members|fighters|residents"
                      r"|families|cases|deaths|votes|units|jobs|shares|employees|workers|cars|km|kilometres"
                      r"|kilometers|miles|metres|meters|feet|tons|tonnes|barrels|acres|points|words|pages|hours"
                      r"|rupees|dollars|yuan|euros|pounds|times|men|women|children|houses|homes)\b", re.IGNORECASE)


@rule("year",
      rf"(?:(?P<fiscal>(?i:fiscal(?:\s+year)?|the\s+year|calendar(?:\s+year)?))\s+"
      rf"|(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+beginning\s+of|the\s+middle\s+of))[\s-]+)?"
      rf"(?<![\d$£€.,:/])(?<!\d-){_YEAR}(?!\s*(?:-|–)\s*\d|,\d|\.\d|'?s\b|\d)", unresolved="XXXX",
      anchor=r"(?:1[6-9]|20)\d\d")
def year(m: re.Match[str], ctx: Context) -> Norm | None:
    """"2021", "fiscal 1989", "late 2020"."""
    if _COUNTED.match(ctx.after(m.end())):
        return None
    if ctx.before(m.start(), 3).rstrip().endswith(("No", "no", "#")):
        return None
    return _with_part(m["year"], m["mod"], ctx.dct)


_TENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
         "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
         "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


@rule("spoken_year",
      r"(?:(?i:the\s+year)\s+)?(?P<c>(?i:nineteen|twenty))\s+(?P<t>(?i:ten|eleven|twelve|thirteen|fourteen|fifteen"
      r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))"
      r"(?:[\s-](?P<u>(?i:one|two|three|four|five|six|seven|eight|nine)))?(?![\w-])"
      r"|(?:(?i:the\s+year)\s+)(?P<k>(?i:two\s+thousand))(?:\s+(?:(?i:and)\s+)?(?P<ku>(?i:one|two|three|four|five"
      r"|six|seven|eight|nine|ten)))?(?![\w-])", anchor=r"nineteen|twenty|two\s+thousand")
def spoken_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """Years read out in broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    if m["k"]:
        extra = {**_UNITS, "ten": 10}.get((m["ku"] or "").lower(), 0)
        return Norm("DATE", f"{2000 + extra:04d}")
    century = 19 if m["c"].lower() == "nineteen" else 20
    rest = _TENS[m["t"].lower()] + (_UNITS[m["u"].lower()] if m["u"] else 0)
    if rest >= 100 or (m["u"] and _TENS[m["t"].lower()] < 20):
        return None
    return Norm("DATE", f"{century * 100 + rest:04d}")


@rule("decade",
      r"(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<dec>(?:1[6-9]|20)\d0|'\d0)'?s\b",
      unresolved="XXX", anchor=r"\d0'?s\b")
def decade(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the 1990s" -> "199", "the '80s" -> "198"."""
    dec = m["dec"]
    if dec.startswith("'"):
        dec = ("19" if int(dec[1]) >= 3 else "20") + dec[1:]
    return _with_part(dec[:3], m["mod"], ctx.dct)


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}


@rule("decade_word", r"(?i:the)\s+(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<w>(?i:twenties|thirties|forties|fifties"
                     r"|sixties|seventies|eighties|nineties))(?![\w-])", unresolved="XXX", anchor=r"ties\b")
def decade_word(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the nineties" -> "199" (the DCT's century, or the one before for decades still to come)."""
    d = ctx.anchor()
    tens = _DECADE_WORDS[m["w"].lower()]
    century = d.year // 100 if tens * 10 <= d.year % 100 else d.year // 100 - 1
    return _with_part(f"{century:02d}{tens}", m["mod"], d)


@rule("century", r"(?:(?i:the)\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)", unresolved="XX",
      anchor=r"century")
def century(m: re.Match[str], ctx: Context) -> Norm | None:
    return Norm("DATE", f"{int(m['n']) - 1:02d}")


# ---- weekdays, clock times, days relative to the DCT --------------------------------------------

@rule("weekday",
      rf"(?:(?P<mod>(?i:last|this|next|past|coming|previous))\s+)?{_WD}(?P<plural>s)?(?:\s+{_TOD})?(?![A-Za-z])",
      anchor=_A_WEEKDAY)
def weekday(m: re.Match[str], ctx: Context) -> Norm | None:
    """"on Saturday" (the DCT's week, looking back unless the sentence looks forward), "Fridays" (a set).

    "Friday evening" is a TIME of that day ("...TEV"); "Friday morning" and "Friday night" keep the
    day's value: on the TimeBank/AQUAINT dev half evening spans carry the part of day, while most
    morning spans are plain dates and most "night"s are marked on the weekday alone.
    """
    if m["plural"]:
        tod = f"T{TIMES_OF_DAY[m['tod'].lower()]}" if m["tod"] else ""
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}{tod}")
    d = _weekday_date(m["wd"], m["mod"], m, ctx)
    tod = (m["tod"] or "").lower()
    if tod in _DAY_WITH_PART:
        return Norm("TIME", f"{day_value(d)}T{TIMES_OF_DAY[tod]}")
    return Norm("DATE", day_value(d))


# Parts of day a weekday keeps in its value (see weekday above).
_DAY_WITH_PART = ("evening",)


_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
           "the day after tomorrow": 2}


# Nouns after "today's" that make it mean "these times" (TimeBank leaves those unmarked).
_GENERIC_AGE = re.compile(r"['’]s\s+(?:\w+\s+)?(?:world|youth|society|generations?|children|young|kids|computers"
                          r"|technology|economy|culture|standards|families|students|teenagers)\b", re.IGNORECASE)


@rule("relative_day",
      r"(?P<w>(?i:today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow))"
      rf"(?![\w])(?:\s+{_TOD})?", anchor=r"today|tonight|yesterday|tomorrow")
def relative_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """"yesterday" = DCT - 1; "tonight" and "yesterday morning" are TIMEs."""
    word = " ".join(m["w"].lower().split())
    if word in ("today", "tomorrow") and _GENERIC_AGE.match(ctx.after(m.end(), 30)):
        return None  # "today's youth", "tomorrow's world": an era, not a day
    d = ctx.anchor() + timedelta(days=_RELDAY[word])
    if word == "tonight":
        return Norm("TIME", f"{day_value(d)}TNI")
    if m["tod"]:
        return Norm("TIME", f"{day_value(d)}T{TIMES_OF_DAY[m['tod'].lower()]}")
    return Norm("DATE", day_value(d))


@rule("part_of_day", rf"(?P<det>(?i:this|last|early\s+this|late\s+last|later\s+this))\s+{_TOD}",
      anchor=_A_TOD)
def part_of_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """"this morning", "last night" (the evening before the DCT)."""
    d = ctx.anchor()
    det = m["det"].lower()
    tod = m["tod"].lower()
    if det.endswith("last"):
        if tod != "night":
            return None
        d -= timedelta(days=1)
    return Norm("TIME", f"{day_value(d)}T{TIMES_OF_DAY[tod]}")


@rule("hour_of_day", r"(?<![\d.,$])(?P<h>[1-9]|1[0-2])\s+(?i:in\s+the)\s+(?P<tod>(?i:morning|afternoon|evening))",
      anchor=_A_TOD)
def hour_of_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """"4 in the morning"."""
    hour = int(m["h"]) % 12 + (0 if m["tod"].lower() == "morning" else 12)
    d = ctx.ref or ctx.last_day or ctx.anchor()
    return Norm("TIME", f"{day_value(d)}T{hour:02d}:00")


@rule("clock",
      rf"(?:(?P<noon>(?i:noon|midday|midnight))|{_CLOCK}){_ZONE}"
      rf"(?:,?\s+(?:(?i:on)\s+)?(?:{_WD}|{_month('mon')}\s+{_day('day')}|(?P<rel>(?i:today|yesterday|tomorrow))))?",
      anchor=r"noon|midday|midnight|\d\s*[ap]\.?\s?m\b|\d:\d\d")
def clock(m: re.Match[str], ctx: Context) -> Norm | None:
    """"10:35 a.m.", "5 p.m. EST Nov. 9", "noon Thursday": the day named, else the sentence's, else the DCT."""
    if m["noon"]:
        time = "T24:00" if m["noon"].lower() == "midnight" else "T12:00"
    else:
        time = _clock(m)
        if time is None:
            return None
    if m["wd"]:
        d = _weekday_date(m["wd"], None, m, ctx)
    elif m["mon"]:
        month_no, dd = month_number(m["mon"]), int(m["day"])
        d = _checked_day(_year_for(month_no, dd, m, ctx), month_no, dd) or ctx.anchor()
    elif m["rel"]:
        d = ctx.anchor() + timedelta(days=_RELDAY[m["rel"].lower()])
    else:  # a clock time alone belongs to the last day the text named
        d = ctx.ref or ctx.last_day or ctx.anchor()
    return Norm("TIME", day_value(d) + time)


_REFS = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "presently": "PRESENT_REF",
         "at present": "PRESENT_REF", "nowadays": "PRESENT_REF", "the present": "PRESENT_REF",
         "recently": "PAST_REF", "more recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
         "the past": "PAST_REF", "soon": "FUTURE_REF", "the future": "FUTURE_REF", "future": "FUTURE_REF",
         "the near future": "FUTURE_REF", "shortly": "FUTURE_REF"}


@rule("reference",
      r"(?<![\w-])(?P<w>(?i:now|currently|current|presently|at\s+present|nowadays|the\s+present|more\s+recently"
      r"|recently|lately|the\s+past|the\s+near\s+future|the\s+future|future))(?![\w-])",
      anchor=r"now|current|present|recent|lately|past|future")
def reference(m: re.Match[str], ctx: Context) -> Norm | None:
    """"now" -> PRESENT_REF (the DCT), "recently" -> PAST_REF, "soon" -> FUTURE_REF."""
    word = " ".join(m["w"].lower().split())
    after = ctx.after(m.end(), 12).lower()
    if word == "now" and re.match(r"\s*(?:that|,?\s*(?:then|and then))\b", after):
        return None
    if word in ("soon", "shortly") and re.match(r"\s*(?:after|before)\b", after):
        return None
    if word == "the future" and re.match(r"\s+of\b", after):
        return None  # "the future of the alliance": whose future, not when
    if word == "future" and not re.match(r"\s+(?:quarters|years|months|periods|generations)\b", after):
        return None
    value = _REFS[word]
    if value == "PRESENT_REF" and ctx.dct is not None:
        return Norm("DATE", value, ctx.dct, ctx.dct, "day")
    return Norm("DATE", value, precision="unknown")


# ---- units relative to the DCT: "last week", "late last year", "in the last three months" --------

_STEP = {"this": 0, "current": 0, "the current": 0, "last": -1, "past": -1, "previous": -1,
         "next": 1, "coming": 1, "the coming": 1, "the next": 1, "the": 0}


@rule("relative_unit",
      r"(?:(?P<mod>(?i:early|earlier|late|later|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of"
      r"|the\s+middle\s+of))(?:\s+(?i:in))?[\s-]+)?"
      r"(?P<det>(?i:this|current|the\s+current|last|past|previous|next|coming|the\s+coming|the))\s+"
      r"(?:(?i:fiscal|calendar)\s+)?(?P<unit>(?i:week|month|year|decade|century))(?![\w-])",
      anchor=r"week|month|year|decade|century")
def relative_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    """"this week" (ISO week of the DCT), "last month", "late last year", "earlier in the week"."""
    det = " ".join(m["det"].lower().split())
    unit = m["unit"].lower()
    mod = _mod(m["mod"]) if m["mod"] else None
    if m["unit"][0].isupper() and m["det"][0].isupper():
        return None  # "This Week": a title
    if det == "the" and not mod:
        if unit == "year" and not re.match(r"\s*(?:before|after|ago|earlier|later|of|in\s+which|when|that)\b",
                                           ctx.after(m.end(), 16)):
            return Norm("DURATION", "P1Y")  # "during the year": TimeBank marks it as a one-year duration
        return None
    d = ctx.anchor()
    base = shift(d, unit, _STEP[det]) if unit != "century" else date(d.year + 100 * _STEP[det], 1, 1)
    value = unit_value(base, unit)
    if mod in ("earlier", "later") and _STEP[det] != 0:
        mod = "early" if mod == "earlier" else "late"
    return _with_part(value, mod, d)


@rule("full_year", r"(?P<det>(?i:the|this))\s+(?i:full|whole|entire)\s+(?P<unit>(?i:year|month|week))(?![\w-])",
      anchor=r"full|whole|entire")
def full_year(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the full year": the DCT's year (month, week)."""
    unit = m["unit"].lower()
    return Norm("DATE", unit_value(ctx.anchor(), unit))


@rule("that_unit",
      r"(?:(?i:earlier|later)\s+)?(?P<det>(?i:that|the\s+same))\s+(?P<unit>(?i:day|morning|afternoon|evening|night"
      r"|week|month|year))(?![\w-])", anchor=r"that|same")
def that_unit(m: re.Match[str], ctx: Context) -> Norm | None:
    """"that day", "later that year": the unit of the last day (or year) the text named."""
    unit = m["unit"].lower()
    if unit in ("day", "morning", "afternoon", "evening", "night", "week", "month"):
        base = ctx.ref or ctx.last_day
        if base is None:
            return None
        return Norm("DATE", unit_value(base, "day" if unit in TIMES_OF_DAY else unit))
    if ctx.last and ctx.last[:4].isdigit():
        return Norm("DATE", ctx.last[:4])
    return None


@rule("weekend",
      r"(?P<det>(?i:this|last|next|the\s+coming|the\s+past|the))\s+(?i:weekend)(?![\w-])", anchor=r"weekend")
def weekend(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the weekend": the DCT's when it falls on one, else the last one (the next one looking forward)."""
    d = ctx.anchor()
    det = " ".join(m["det"].lower().split())
    step = {"last": -1, "the past": -1, "next": 1, "the coming": 1}.get(det, 0)
    if step == 0 and d.weekday() < 5:
        step = 1 if det == "this" or ctx.tense(m.start(), m.end()) == "future" else -1
        step = 0 if step == 1 else -1
    elif step == -1 and d.weekday() >= 5:
        step = -1
    return Norm("DATE", week_value(d + timedelta(weeks=step)) + "-WE")


def _duration(n: float | None, unit: str) -> str:
    code, is_time = UNIT_CODES[unit]
    if n is not None and unit in ("fortnight", "decade", "century"):  # as years or weeks, as TimeBank writes them
        n *= {"fortnight": 2, "decade": 10, "century": 100}[unit]
        code = "W" if unit == "fortnight" else "Y"
    amount = "X" if n is None else (str(int(n)) if float(n).is_integer() else str(n))
    return f"P{'T' if is_time else ''}{amount}{code}"


# "2 1/2 years" = P2Y6M, "a minute and a half" = PT1M30S: the half in the next smaller unit.
_HALVES = {"year": "6M", "day": "T12H", "hour": "30M", "minute": "30S"}

_BACK = ("past", "last", "previous", "recent", "preceding")
_AHEAD = ("next", "coming", "following")


# What comes before "a year" when it makes a set ("twice a year") or a rate ("$2 million a year",
# "700 seats a week"). On the TimeBank/AQUAINT dev half 3 rates are marked and 7 are not, so rates are dropped.
_FREQUENCY_BEFORE = re.compile(r"(?:\btimes|\bonce|\btwice|\bthrice)\s*$")
_RATE_BEFORE = re.compile(r"(?:\d|million|billion|thousand|percent|%|\bdollars?|\bcents?"
                          r"|\b(?!(?:has|was|is|this|its|his|us|as|plus|thus|less|across|perhaps)\b)[a-z]{2,}s)\s*$")


@rule("duration",
      rf"(?:(?P<the>(?i:the))\s+)?(?:(?P<mod>(?i:past|last|first|next|previous|coming|final|latest|preceding"
      rf"|following|initial|recent|other))\s+)?(?<![\w$£€.,/])(?P<n>(?i:{NUMBER_RE}))(?P<half>\s+1/2)?[\s-]+"
      rf"(?P<unit>(?i:{UNIT_RE}))(?P<pl>s)?(?P<half2>\s+(?i:and\s+a\s+half))?(?P<old>[\s-]+(?i:old))?(?![\w-]|-\w)",
      anchor=_A_UNIT)
def duration(m: re.Match[str], ctx: Context) -> Norm | None:
    """"three months", "two-year", "the last three months" (an interval ending at the DCT), "twice a day" (a set)."""
    unit = unit_name(m["unit"])
    n_word = " ".join(m["n"].lower().split())
    n = number_value(n_word)
    if n_word in ("a", "an", "one") and not m["mod"] and not m["the"]:
        before = ctx.before(m.start(), 16).lower()
        if _FREQUENCY_BEFORE.search(before):
            return Norm("SET", _duration(1, unit))
        if _RATE_BEFORE.search(before):
            return None  # "$1.76 a year", "four flights a week": a rate, not a time
    if unit == "quarter" and not m["mod"] and (n_word in ("a", "an") or "-" in m.group()):
        return None  # "a quarter of the vote", "three-quarters"
    if m["unit"][0].isupper():
        return None  # "60 Minutes": a title
    if n is None and m["pl"] is None:
        return None
    if n is not None and n >= 1000 and unit not in ("second", "minute", "hour", "day"):
        return None  # "the 1988 quarter" is a year, not 1988 quarters
    if m["old"]:
        return None  # "a 6-year-old": an age, which TimeBank does not mark
    value = _duration(n, unit)
    if (m["half"] or m["half2"]) and n is not None and unit in _HALVES:
        value += _HALVES[unit]
    mod = (m["mod"] or "").lower()
    if mod in _BACK + _AHEAD and n is not None and unit not in ("second", "minute", "hour") and ctx.dct:
        months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(unit)
        days = {"day": 1, "week": 7, "fortnight": 14}.get(unit, 0)
        amount = int(n)
        if mod in _BACK:
            first = add_months(ctx.dct, -months * amount) if months else ctx.dct - timedelta(days=days * amount)
            return Norm("DURATION", value, first, ctx.dct, "duration")
        last = add_months(ctx.dct, months * amount) if months else ctx.dct + timedelta(days=days * amount)
        return Norm("DURATION", value, ctx.dct, last, "duration")
    return Norm("DURATION", value)


@rule("vague_duration",
      r"(?:(?i:the)\s+)?(?P<q>(?i:recent|past|coming|next|last|several|many|few|a\s+few|the\s+past\s+few"
      r"|the\s+last\s+few|the\s+next\s+few|the\s+past\s+several|some|these|those))\s+"
      r"(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|quarters|centuries))(?![\w-])",
      anchor=_A_UNIT)
def vague_duration(m: re.Match[str], ctx: Context) -> Norm | None:
    """"several years" -> PXY; "recent months", "coming weeks" -> PAST_REF, FUTURE_REF (as TimeBank marks them)."""
    q = " ".join(m["q"].lower().split())
    if q in ("these", "those"):
        return None
    if q == "recent" and m["unit"].lower() in ("months", "quarters"):
        return Norm("DURATION", "PXM")  # as TimeBank marks "recent months"
    if q in ("recent", "past", "last", "the past few", "the last few", "the past several"):
        return Norm("DATE", "PAST_REF", precision="unknown")
    if q in ("coming", "next", "the next few"):
        return Norm("DATE", "FUTURE_REF", precision="unknown")
    return Norm("DURATION", _duration(None, unit_name(m["unit"])))


@rule("bare_units",
      r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s)|(?<=\bafter\s)|(?<=\btook\s)|(?<=\blast\s))"
      r"(?P<unit>(?i:years|months|weeks|days|decades|hours|minutes|centuries))(?![\w-])", anchor=_A_UNIT)
def bare_units(m: re.Match[str], ctx: Context) -> Norm | None:
    """"for years" -> PXY."""
    return Norm("DURATION", _duration(None, unit_name(m["unit"])))


# ---- "two weeks ago", "a day after", "a year earlier" -------------------------------------------

_QUARTER_VALUE = re.compile(r"\d{4}-Q[1-4]")


def _shift_value(value: str, years: int) -> str:
    """A day, month or quarter value moved by whole years ("1989-Q3" -> "1988-Q3")."""
    year, rest = value.split("-", 1)
    if rest == "02-29" and years % 4:
        rest = "02-28"
    return f"{int(year) + years:04d}-{rest}"


@rule("ago",
      rf"(?:(?P<hedge>(?i:about|nearly|almost|some|more\s+than|less\s+than|over|just|only|roughly))\s+)?"
      rf"(?<![\w$£€.,])(?P<n>(?i:{NUMBER_RE}))[\s-]+(?P<unit>(?i:{UNIT_RE}))s?(?:\s+(?i:or\s+so))?\s+"
      r"(?P<dir>(?i:ago|earlier|later|before|after|from\s+now|hence|back|previously))(?![\w-])",
      anchor=r"ago|earlier|later|before|after|from\s+now|hence|back|previously")
def ago(m: re.Match[str], ctx: Context) -> Norm | None:
    """"two weeks ago" (back from the DCT), "a day after <something>" (the day before the sentence's reference).

    "three days later" and "two months after <something>" are TimeML durations; they carry the day they
    point to as date_start/date_end.
    """
    unit = unit_name(m["unit"])
    if unit in ("second", "minute", "hour") or re.search(r"(?i)\b(?:for|lasted|lasting)\s+$", ctx.before(m.start(), 9)):
        return None  # "stalled for three months before ...": a duration, left to the duration rule
    n = number_value(m["n"])
    direction = " ".join(m["dir"].lower().split())
    if direction in ("ago", "back", "from now", "hence"):
        base, sign = ctx.anchor(), (1 if direction in ("from now", "hence") else -1)
    elif direction in ("after", "before") and re.match(r"\s*[\w\"“'(]", ctx.after(m.end(), 3)):
        # "came a day after 1,037 troops retreated": the thing after "after" is a day before the reference
        base, sign = ctx.reference(), (-1 if direction == "after" else 1)
    else:
        base, sign = ctx.reference(), (1 if direction in ("later", "after") else -1)
    if n is None:
        if direction in ("ago", "back"):
            return Norm("DATE", "PAST_REF", precision="unknown")
        return Norm("DURATION", _duration(None, unit))
    if unit == "year" and n == 1 and ctx.quarter:
        # "a year earlier" in a report on a quarter means that quarter a year before
        return Norm("DATE", _shift_value(ctx.quarter, sign))
    target = shift(base, unit, sign * int(n))
    if direction in ("ago", "back", "from now", "hence") or unit in ("year", "decade", "century") or (
            unit == "day" and n == 1 and direction in ("after", "before")):
        return Norm("DATE", unit_value(target, unit if unit != "fortnight" else "week"))
    return Norm("DURATION", _duration(n, unit), target, target)


@rule("year_ago_adjective",
      r"(?P<w>(?i:year-earlier|year-ago|year\s+earlier|year\s+ago))(?:\s+(?P<what>(?i:quarter|period|level|levels"
      r"|figure|figures|results|month|months)))?(?![\w-])", anchor=r"year")
def year_ago_adjective(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the year-earlier quarter": the quarter under report, a year before."""
    if re.search(r"(?i)\b(?:a|the|one)\s*$", ctx.before(m.start(), 5)) and " " in m["w"]:
        return None  # "a year earlier" belongs to the "ago" rule
    if ctx.quarter:
        return Norm("DATE", _shift_value(ctx.quarter, -1))
    if ctx.last and re.fullmatch(r"\d{4}", ctx.last):
        return Norm("DATE", str(int(ctx.last) - 1))
    return Norm("DATE", str(ctx.anchor().year - 1))


@rule("next_day",
      r"(?P<det>(?i:the|that))\s+(?P<w>(?i:next|following|previous|preceding|same))\s+"
      r"(?P<unit>(?i:day|morning|evening|night|week|month|year))(?![\w-])"
      r"|(?P<det2>(?i:the|that))\s+(?P<unit2>(?i:day))\s+(?P<w2>(?i:before|after))(?!\s+(?i:yesterday|tomorrow))",
      anchor=r"next|following|previous|preceding|same|before|after")
def next_day(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the next day", "the following week": one unit from the sentence's reference day."""
    word = (m["w"] or m["w2"]).lower()
    unit = (m["unit"] or m["unit2"]).lower()
    if m["w2"] and re.match(r"\s*[\w\"“']", ctx.after(m.end(), 3)):
        return None  # "the day after the attack": a reference we cannot date
    step = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1, "same": 0}[word]
    base = ctx.ref if ctx.ref is not None else ctx.anchor()
    if unit in ("morning", "evening", "night"):  # "the next morning": a day, as TimeBank marks it
        return Norm("DATE", day_value(base + timedelta(days=step)))
    return Norm("DATE", unit_value(shift(base, unit, step), unit))


# ---- quarters, halves, seasons, sets -------------------------------------------------------------

_Q_MODS = r"latest|last|previous|past|current|this|next|coming|same|year-earlier|year-ago|comparable|fiscal|calendar"


@rule("quarter",
      rf"(?:(?P<the>(?i:the|its|this\s+year's|last\s+year's|next\s+year's))\s+)?"
      r"(?:(?P<year0>(?:19|20)\d\d)[\s-]+)?"
      rf"(?P<mods>(?:(?i:{_Q_MODS})[\s-]+)*)"
      r"(?:(?P<ord>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+)?"
      r"(?P<q>(?i:quarter|half|period))(?![\w-])"
      rf"(?:\s+(?:(?i:of)\s+)?(?:(?i:fiscal)\s+)?{_YEAR})?"
      r"|(?P<qn>Q[1-4])(?:\s+(?P<qyear>(?:19|20)\d\d))?(?!\w)",
      unresolved="XXXX-QX", anchor=r"quarter|half|period|\bq[1-4]")
def quarter(m: re.Match[str], ctx: Context) -> Norm | None:
    """"the third quarter" (the latest one by the DCT), "third-quarter", "the year-earlier quarter", "Q3 2021"."""
    if m["qn"]:
        q, year_s, mods, the = int(m["qn"][1]), m["qyear"], "", ""
        letter = "Q"
    else:
        q = ORDINALS[m["ord"].lower()] if m["ord"] else None
        year_s, mods, the = m["year"] or m["year0"], m["mods"].lower(), (m["the"] or "").lower()
        # "the latest period", "the year-ago period": the quarter a financial report is about
        if m["q"].lower() == "period" and (
                q or not ctx.quarter or not re.search(r"latest|year-|comparable|same", mods)):
            return None
        letter = "H" if m["q"].lower() == "half" else "Q"
        if not (q or mods.strip() or the or year_s):
            return None
        if letter == "H" and q is None:
            return None
        if letter == "H" and q and q > 2:
            return None
    if year_s:
        if q is None:
            if letter == "H" or not ctx.quarter:
                return None
            q = int(ctx.quarter[-1])  # "the 1988 quarter": the quarter under report, in 1988
        return Norm("DATE", f"{year_s}-{letter}{q}") if letter == "H" else _report_quarter(f"{year_s}-Q{q}", 0, ctx)
    d = ctx.anchor()
    back = 1 if ("year-earlier" in mods or "year-ago" in mods or "last year's" in the) else 0
    if "next year's" in the:
        back = -1
    if q is None:
        if letter == "H":
            return None
        if ("current" in mods or "this" in mods) and not back:
            return _report_quarter(f"{d.year}-Q{quarter_of(d)}", 0, ctx)
        if "next" in mods or "coming" in mods:
            nq = shift(d, "quarter", 1)
            return Norm("DATE", f"{nq.year}-Q{quarter_of(nq)}")
        if ctx.quarter:
            return Norm("DATE", _shift_value(ctx.quarter, -back))
        prev = shift(d, "quarter", -1)
        return _report_quarter(f"{prev.year}-Q{quarter_of(prev)}", back, ctx)
    size = 3 if letter == "Q" else 6
    year = d.year if date(d.year, size * (q - 1) + 1, 1) <= d else d.year - 1
    if "next" in mods or "coming" in mods:
        year = d.year if date(d.year, size * (q - 1) + 1, 1) > d else d.year + 1
    if letter == "H":
        return Norm("DATE", f"{year - back}-H{q}")
    return _report_quarter(f"{year}-Q{q}", back, ctx)


def _report_quarter(value: str, back: int, ctx: Context) -> Norm:
    """A quarter named outright becomes the one the report is about; "year-earlier" ones are a year back."""
    if back == 0:
        ctx.quarter = value
    return Norm("DATE", _shift_value(value, -back))


@rule("season",
      r"(?:(?P<det>(?i:last|this|next|early|late|the\s+early|the\s+late|the|mid))[\s-]+)?"
      r"(?P<s>(?i:spring|summer|fall|autumn|winter))(?![\w-])(?:\s+(?:(?i:of)\s+)?" + _YEAR + ")?",
      anchor=r"spring|summer|fall|autumn|winter")
def season(m: re.Match[str], ctx: Context) -> Norm | None:
    """"last fall" -> "1998-FA", "this summer", "the winter of 1999"."""
    code = SEASONS[m["s"].lower()]
    det = " ".join((m["det"] or "").lower().split())
    if m["year"]:
        return Norm("DATE", f"{m['year']}-{code}")
    if not det and not re.search(r"(?i)\b(?:in|during|since|by|until|through)\s*$", ctx.before(m.start(), 10)):
        return None
    if m["s"][0].isupper() and not det and ctx.before(m.start(), 2).strip() != "":
        return None  # "Arab Spring"
    d = ctx.anchor()
    start_month = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    year = d.year
    if det == "last":
        year = d.year if date(d.year, start_month, 1) < d and code != "WI" and d.month > start_month + 2 else d.year - 1
    elif det == "next":
        year = d.year if date(d.year, start_month, 1) > d else d.year + 1
    elif code == "WI" and d.month <= 2:
        year = d.year - 1
    return Norm("DATE", f"{year}-{code}")


@rule("set",
      r"(?P<every>(?i:every|each))\s+(?:(?i:other)\s+)?(?:(?P<unit>(?i:day|week|month|year|quarter|morning|night"
      r"|evening|afternoon|hour|minute|weekend|summer|winter|spring|fall))(?![\w-])|" + _WD + r"|" + _month("mon") +
      r")|(?P<freq>(?i:daily|nightly|weekly|biweekly|fortnightly|monthly|yearly|hourly))(?![\w-])"
      r"|(?P<per>(?i:per|a))\s+(?P<perunit>(?i:day|week|month|year|hour))(?![\w-])",
      anchor=r"every|each|daily|nightly|weekly|biweekly|fortnightly|monthly|yearly|hourly|per"
             r"|a\s+(?:day|week|month|year|hour)")
def every(m: re.Match[str], ctx: Context) -> Norm | None:
    """"every Friday" -> XXXX-WXX-5, "daily" -> P1D, "per year" -> P1Y."""
    if m["freq"]:
        return Norm("SET", FREQUENCY_WORDS[m["freq"].lower()])
    if m["per"]:
        if m["per"].lower() == "a" and not _FREQUENCY_BEFORE.search(ctx.before(m.start(), 16).lower()):
            return None  # "twice a year" is a set; "$2 million a year" a rate, which TimeBank mostly leaves out
        return Norm("SET", _duration(1, m["perunit"].lower()))
    if m["wd"]:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[m['wd'].lower()] + 1}")
    if m["mon"]:
        return Norm("SET", f"XXXX-{month_number(m['mon']):02d}")
    unit = m["unit"].lower()
    if unit in TIMES_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{TIMES_OF_DAY[unit]}")
    if unit in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[unit]}")
    if unit == "weekend":
        return Norm("SET", "XXXX-WXX-WE")
    return Norm("SET", _duration(1, unit))


_HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
             "new year's day": (1, 1), "new year's eve": (12, 31), "independence day": None,
             "valentine's day": (2, 14), "halloween": (10, 31)}


@rule("holiday", r"(?P<h>Christmas(?:\s+(?:Day|Eve))?|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween"
                 r"|Thanksgiving(?:\s+Day)?|Election\s+Day)(?![\w-])",
      anchor=r"christmas|new\s+year|valentine|halloween|thanksgiving|election")
def holiday(m: re.Match[str], ctx: Context) -> Norm | None:
    """Fixed holidays and (US) Thanksgiving, in the DCT's year."""
    name = " ".join(m["h"].lower().replace("’", "'").split())
    d = ctx.anchor()
    if name == "election day":  # US: the Tuesday after the first Monday of November
        first = date(d.year, 11, 1)
        monday = first + timedelta(days=(0 - first.weekday()) % 7)
        return Norm("DATE", day_value(monday + timedelta(days=1)))
    if name.startswith("thanksgiving"):
        year = d.year if d.month == 12 or ctx.tense(m.start(), m.end()) == "future" else d.year - 1
        first = date(year, 11, 1)
        return Norm("DATE", day_value(first + timedelta(days=(3 - first.weekday()) % 7 + 21)))
    md = _HOLIDAYS.get(name)
    if md is None:
        return None
    day = date(d.year, *md)
    if day > d and ctx.tense(m.start(), m.end()) != "future":
        day = date(d.year - 1, *md)
    return Norm("DATE", day_value(day))


@rule("year_end", r"(?P<w>(?i:year-end|year\s+end|the\s+end\s+of\s+the\s+year|end-of-year))(?![\w-])",
      anchor=r"year")
def year_end(m: re.Match[str], ctx: Context) -> Norm | None:
    """"year-end": the last day of the DCT's year."""
    d = ctx.anchor()
    return Norm("DATE", day_value(date(d.year, 12, 31)))
