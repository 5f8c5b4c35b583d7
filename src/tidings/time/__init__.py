"""Time expressions: find them in text, normalise them to TimeML values against the publication date, date events."""
from __future__ import annotations

from ..model.time import EventDate, Timex
from .event import event_date
from .find import find_timexes, sentence_spans

__all__ = ["EventDate", "Timex", "event_date", "find_timexes", "sentence_spans"]
