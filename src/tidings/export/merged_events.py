"""The merged_events.jsonl record source: events merged across outlets, with sources, best date, contradictions and a cited summary."""
from __future__ import annotations

from collections.abc import Iterator

from ..api import Corpus
from .records import Field, record_source

MERGED_EVENT_FIELDS = (
    Field("id"), Field("event_type"), Field("modality"), Field("actors", "json"), Field("recipients", "json"),
    Field("date"), Field("date_start"), Field("date_end"), Field("article_ids", "list"),
    Field("num_articles", "int"), Field("num_sources", "int"), Field("contradictions", "json"), Field("summary"),
)


@record_source("merged_events", MERGED_EVENT_FIELDS)
def _merged_events(corpus: Corpus) -> Iterator[dict]:
    yield from corpus.merged_records()
