"""The clusters.jsonl record source: same-event clusters with their articles and dated span."""
from __future__ import annotations

from collections.abc import Iterator

from ..store import Store
from .records import Field, record_source

CLUSTER_FIELDS = (Field("id"), Field("article_ids", "list"), Field("title"), Field("start"), Field("end"))


@record_source("clusters", CLUSTER_FIELDS)
def _clusters(store: Store) -> Iterator[dict]:
    from ..store.corpus import cluster_rows

    for row in cluster_rows(store.connection):
        yield row.record()
