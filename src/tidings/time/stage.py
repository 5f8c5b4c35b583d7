"""The time stage: each coded event takes the date of a time expression in its own clause, else the article's."""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..model.actors import ArticleActors
from ..model.article import Article
from ..model.events import Event
from ..model.time import EventDate
from .event import event_date
from .find import find_timexes

# "a day after X happened": X is dated relative to the main clause.
_RELATIVE_DAYS = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)\s+(after|before)\b",
                            re.IGNORECASE)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def date_events(a: Article, actors: ArticleActors, events: list[Event]) -> None:
    """Each event takes the date of a time expression in its own clause, else the article's."""
    if not events:
        return
    timexes = find_timexes(a.body, a.published, actors.sentences)
    precision = (a.published_precision or "day").split(":")[0]
    lead = _lead_day(actors, timexes)
    for ev in events:
        own = [t for t in timexes if ev.in_clause(t.start, t.end)]
        if lead is not None and own and all(_quoted_today(a.body, ev.sentence_start, t) for t in own):
            own = [lead]
        shifted = _relative_day(a, ev, timexes, precision)
        if not own and shifted is None and _past_perfect(a.body, ev.trigger_start):
            d = EventDate(None, None, None, PAST_PERFECT, None)  # happened before the story; not on its day
        else:
            d = shifted or event_date(own, a.published, precision)
        ev.date, ev.date_start, ev.date_end = d.date, d.date_start, d.date_end
        ev.date_precision, ev.date_text = d.precision, d.text


# An event told in the past perfect ("militants had attacked the post") happened before the
# time the story speaks from, so the publication date is not its date; without a time expression
# of its own it stays undated, with this precision saying why.
PAST_PERFECT = "unknown: before the time of the story (past perfect)"
_HAD_BEFORE = re.compile(r"\b(?:had|'d)\s+(?:(?:not|never|already|just|earlier|previously|also|been)\s+){0,2}$",
                         re.IGNORECASE)


def _past_perfect(body: str, trigger_start: int) -> bool:
    """The trigger verb follows "had" (with at most two of not / already / been ... between)."""
    return _HAD_BEFORE.search(body, max(0, trigger_start - 40), trigger_start) is not None


# Words that name the day a statement was made, not a day of the reporter's own.
_SPEAKER_TODAY = frozenset({"today", "this morning", "this afternoon", "this evening", "tonight"})


def _lead_day(actors: ArticleActors, timexes):
    """The one day the lead sentence dates its story with ("... on Saturday stepped in"), if any."""
    if not actors.sentences:
        return None
    start, end = actors.sentences[0]
    days = [t for t in timexes if start <= t.start and t.end <= end and t.precision == "day"]
    return days[0] if len(days) == 1 else None


def _quoted_today(body: str, sentence_start: int, t) -> bool:
    """A "today" inside quotation marks speaks from the day of the quoted statement, which a
    lead that dates the story ("on Saturday") gives better than the publication date does.
    Seen in seed 001: a statement quoted the next day still says "today"."""
    if t.text.lower() not in _SPEAKER_TODAY:
        return False
    before = body[sentence_start:t.start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _relative_day(a: Article, ev: Event, timexes, precision: str):
    """"The decision came a day after X": X happened that many days before the main clause's date."""
    sentence = a.body[ev.sentence_start:ev.sentence_end]
    m = _RELATIVE_DAYS.search(sentence)
    if m is None or ev.trigger_start < ev.sentence_start + m.end():
        return None
    word = m.group(1).lower()
    n = _NUMBERS.get(word) or (int(word) if word.isdigit() else 1)
    days = n * (7 if m.group(2).lower().startswith("week") else 1)
    cut = ev.sentence_start + m.start()
    main = [t for t in timexes if ev.sentence_start <= t.start and t.end <= cut]
    base = event_date(main, a.published, precision)
    if not base.date:
        return None
    shift = -days if m.group(3).lower() == "after" else days
    day = (date.fromisoformat(base.date) + timedelta(days=shift)).isoformat()
    return type(base)(day, day, day, "day", m.group(0))
