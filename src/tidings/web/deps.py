"""Per-request store access for the web app: a read-only SQLite connection, the knowledge base, limits."""
from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Query, Request

from ..store import Store

MAX_PAGE = 500          # largest page any list returns
DEFAULT_PAGE = 50
MAX_OFFSET = 1_000_000  # deeper offsets are refused rather than scanned
MAX_QUERY_CHARS = 200   # search text and name filters; longer is refused (FTS5 cost grows with terms)
MAX_FILTER_CHARS = 200  # any other text filter
BUSY_TIMEOUT_S = 10     # wait for an ingest's write lock instead of failing the request
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"  # YYYY, YYYY-MM or YYYY-MM-DD

Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size, at most {MAX_PAGE}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Since = Annotated[str | None, Query(pattern=DATE, description="From this date (YYYY[-MM[-DD]]), inclusive.")]
Until = Annotated[str | None, Query(pattern=DATE, description="Up to this date (YYYY[-MM[-DD]]), inclusive.")]
Text = Annotated[str | None, Query(min_length=1, max_length=MAX_FILTER_CHARS)]


def read_connection(path: str) -> sqlite3.Connection:
    """A read-only connection: the web reader can never change the store, whatever a query says."""
    uri = Path(path).expanduser().resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    conn.execute("PRAGMA query_only = ON")
    return conn


def _store(request: Request) -> Iterator[Store]:
    path = request.app.state.db_path
    conn = read_connection(path)
    try:
        yield Store(conn, path)
    finally:
        conn.close()


ReadStore = Annotated[Store, Depends(_store)]

_kb_lock = threading.Lock()


def knowledge_base(request: Request):
    """The actor knowledge base (dated roles for actor pages), loaded once per app on first use."""
    state = request.app.state
    with _kb_lock:
        if getattr(state, "kb", None) is None:
            from ..actors.stage import knowledge_base as load

            state.kb = load(state.settings)
    return state.kb
