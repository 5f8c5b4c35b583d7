"""Time expressions: find them in text, normalise them to TimeML values against the publication date, date events."""
from __future__ import annotations

from .event import event_date
from .find import find_timexes, sentence_spans
from .model import EventDate, Timex

__all__ = ["EventDate", "Timex", "event_date", "find_timexes", "sentence_spans"]
