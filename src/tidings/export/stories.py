"""The stories.jsonl record source: clusters threaded into stories, with actors, span and a dated timeline citing its articles."""
from __future__ import annotations

from collections.abc import Iterator

from ..api import Corpus
from .records import Field, record_source

STORY_FIELDS = (
    Field("id"), Field("title"), Field("cluster_ids", "list"), Field("article_ids", "list"), Field("actors", "json"),
    Field("start"), Field("end"), Field("timeline", "json"),
)


@record_source("stories", STORY_FIELDS)
def _stories(corpus: Corpus) -> Iterator[dict]:
    yield from corpus.story_records()
