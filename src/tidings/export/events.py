"""The events.jsonl and places.jsonl record sources: coded PLOVER events with parties, dates and places; resolved places."""
from __future__ import annotations

from collections.abc import Iterator

from ..api import Corpus
from .records import Field, record_source

EVENT_FIELDS = (
    Field("id"), Field("article_id"), Field("sentence_index", "int"), Field("sentence"), Field("trigger"),
    Field("event_type"), Field("mode"), Field("modality"), Field("cameo_root"), Field("quad_class", "int"),
    Field("intensity", "float"), Field("actors", "json"), Field("recipients", "json"), Field("date"),
    Field("date_start"), Field("date_end"), Field("date_precision"), Field("date_text"),
    Field("location", "json"), Field("confidence", "float"), Field("merged_event_id"),
)
PLACE_FIELDS = (
    Field("name"), Field("aliases", "list"), Field("lat", "float"), Field("lon", "float"), Field("country"),
    Field("admin1"), Field("geonameid", "int"), Field("article_ids", "list"),
)


@record_source("events", EVENT_FIELDS, by_language=True)
def _events(corpus: Corpus, language: str | None = None) -> Iterator[dict]:
    yield from corpus.event_records(language=language)


@record_source("places", PLACE_FIELDS)
def _places(corpus: Corpus) -> Iterator[dict]:
    yield from corpus.place_records()
