"""The stories.jsonl record source: clusters threaded into stories, with actors, span and a dated timeline citing its articles."""
from __future__ import annotations

from collections.abc import Iterator

from ..store import Store
from .records import Field, record_source

STORY_FIELDS = (
    Field("id"), Field("title"), Field("cluster_ids", "list"), Field("article_ids", "list"), Field("actors", "json"),
    Field("start"), Field("end"), Field("timeline", "json"),
)


@record_source("stories", STORY_FIELDS)
def _stories(store: Store) -> Iterator[dict]:
    from ..corpus.stories import story_record
    from ..store.stories import story_rows

    conn = store.connection
    for row in sorted(story_rows(conn), key=lambda r: (r["start"] or "9999", r["id"])):
        yield story_record(conn, row)
