"""Per-request store access for the web app: a read-only Corpus, and the limits every list shares."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request

from ..api import Corpus
from ..api import open as open_corpus

MAX_PAGE = 500          # largest page any list returns
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000  # deeper offsets are refused rather than scanned
MAX_QUERY_CHARS = 200   # search text and name filters; longer is refused (FTS5 cost grows with terms)
MAX_FILTER_CHARS = 200  # any other text filter
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
After = Annotated[str | None, Query(min_length=1, max_length=400, pattern=r"^[A-Za-z0-9_-]+$",
                                    description="The `next` cursor of the previous page: the page after it.")]
Since = Annotated[str | None, Query(pattern=DATE, description="From this date (YYYY[-MM[-DD]]), inclusive.")]
Until = Annotated[str | None, Query(pattern=DATE, description="Up to this date (YYYY[-MM[-DD]]), inclusive.")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_FILTER_CHARS)]
Lang = Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$",
                                   description="Only articles in this language (ISO 639-1: en, ru, tg, fa, ps, ur ...).")]


def _corpus(request: Request) -> Iterator[Corpus]:
    """A read-only Corpus per request: the web reader can never change the store, whatever a query says."""
    state = request.app.state
    c = open_corpus(state.db_path, state.settings, read_only=True, knowledge_base=state.kb)
    try:
        yield c
    finally:
        c.close()


ReadCorpus = Annotated[Corpus, Depends(_corpus)]
