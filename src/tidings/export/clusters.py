"""The clusters.jsonl record source: same-event clusters with their articles and dated span."""
from __future__ import annotations

from collections.abc import Iterator

from ..api import Corpus
from .records import Field, record_source

CLUSTER_FIELDS = (Field("id"), Field("article_ids", "list"), Field("title"), Field("start"), Field("end"))


@record_source("clusters", CLUSTER_FIELDS)
def _clusters(corpus: Corpus) -> Iterator[dict]:
    yield from corpus.cluster_records()
