"""Words of English time expressions: months, weekdays, numbers, units and their TimeML codes."""
from __future__ import annotations

MONTHS = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
          "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
           "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
           "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
           "hundred": 100, "a hundred": 100}
VAGUE = ("several", "few", "a few", "many", "some", "a couple of", "a number of")
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
# unit -> (TimeML duration designator, whether it takes the "T" time part)
UNIT_CODES = {"second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
              "week": ("W", False), "fortnight": ("W", False), "month": ("M", False),
              "quarter": ("Q", False), "year": ("Y", False), "decade": ("DE", False),
              "century": ("CE", False)}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
TIMES_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
# daily, weekly ... -> TimeML SET value
FREQUENCY_WORDS = {"daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
                   "monthly": "P1M", "yearly": "P1Y", "hourly": "PT1H"}

MONTH_RE = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June|Jun\.?|July|Jul\.?"
            r"|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![A-Za-z])")
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
NUMBER_RE = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[\s-](?:one|two|three|four|five|six"
             r"|seven|eight|nine)|a\s+few|a\s+couple\s+of|a\s+number\s+of|a\s+hundred|one|two|three|four|five|six"
             r"|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
             r"|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|several|few|many|some"
             r"|an?|\d+(?:\.\d+)?)")
UNIT_RE = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))"


def month_number(word: str) -> int:
    return MONTHS[word[:3].lower()]


def unit_name(word: str) -> str:
    """"Centuries" -> "century", "weeks" -> "week"."""
    w = word.lower().rstrip(".")
    if w.startswith("centur"):
        return "century"
    return w.removesuffix("s")


def number_value(word: str) -> float | None:
    """The number a word or numeral names; None for vague amounts ("several", "a few")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if w in VAGUE:
        return None
    if w in NUMBERS:
        return NUMBERS[w]
    parts = w.split()
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    try:
        return float(w)
    except ValueError:
        return None
