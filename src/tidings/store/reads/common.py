"""What every read query shares: the page shape, read-only connections, table checks, period labels."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ..db import Store

# Periods a trend or a dyad can be counted per; a week is labelled by its Monday (an ISO day).
PERIODS = ("day", "week", "month", "year")
# PLOVER/CAMEO quad classes: 1 verbal and 2 material cooperation; 3 verbal and 4 material conflict.
COOPERATION = frozenset({1, 2})
CONFLICT = frozenset({3, 4})
BUSY_TIMEOUT_S = 10  # a reader waits this long for an ingest's write lock instead of failing


@dataclass(slots=True)
class Page:
    """One page of a list; `note` says why a list is empty when a stage has not run."""

    items: list[dict]
    total: int
    limit: int | None
    offset: int
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict:
        out = {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}
        if self.note is not None:
            out["note"] = self.note
        out.update(self.extra)
        return out


def open_read_only(path: str | Path) -> Store:
    """A store over a read-only connection: a reader can never change the store, whatever a query says."""
    uri = Path(path).expanduser().resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_TIMEOUT_S)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    conn.execute("PRAGMA query_only = ON")
    return Store(conn, str(path))


def table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                        (name,)).fetchone() is not None


def has_rows(conn: sqlite3.Connection, table: str) -> bool:
    """A later stage's table exists and holds rows (the name is one of ours, never user input)."""
    return table_exists(conn, table) and conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None


def decode(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def placeholders(items) -> str:
    return ", ".join("?" * len(items))


def sql_limit(limit: int | None) -> int:
    """SQLite's LIMIT for a page size; None means every row (-1)."""
    return -1 if limit is None else int(limit)


def window(items: list, limit: int | None, offset: int) -> list:
    return items[offset:None if limit is None else offset + limit]


def period_label(day: str | None, period: str) -> str | None:
    """The label of the day, week (its Monday), month or year an ISO day falls in."""
    if not day or len(day) < 10:
        return None
    if period == "day":
        return day[:10]
    if period == "month":
        return day[:7]
    if period == "year":
        return day[:4]
    try:
        d = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (d - timedelta(days=d.weekday())).isoformat()


def articles_brief(conn: sqlite3.Connection, ids: list[str]) -> list[dict]:
    """id, outlet, title, published, url and near_duplicate_of of these articles, in the given order."""
    if not ids:
        return []
    rows = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        rows.update({r[0]: {"id": r[0], "outlet": r[1], "title": r[2], "published": r[3], "url": r[4],
                            "near_duplicate_of": r[5]}
                     for r in conn.execute("SELECT id, outlet, title, published, url, near_duplicate_of FROM articles"
                                           f" WHERE id IN ({placeholders(part)})", part)})
    return [rows[i] for i in ids if i in rows]


# Notes for lists whose stage has not written its table yet.
STAGES = {"events": "event coding", "places": "place resolution", "clusters": "clustering",
          "merged_events": "cross-outlet event merging", "stories": "story threading"}


def not_yet(table: str) -> str:
    return (f"No {table.replace('_', ' ')} yet: this store has no {table} table, so the {STAGES[table]} "
            "stage has not run on it. The list fills once that stage writes the store.")
