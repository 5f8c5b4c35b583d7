"""What every read query shares: the page shape, read-only connections, table checks, period labels."""
from __future__ import annotations

import base64
import binascii
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from ...errors import TidingsError
from ..db import Store

# Periods a trend or a dyad can be counted per; a week is labelled by its Monday (an ISO day).
PERIODS = ("day", "week", "month", "year")
# PLOVER/CAMEO quad classes: 1 verbal and 2 material cooperation; 3 verbal and 4 material conflict.
COOPERATION = frozenset({1, 2})
CONFLICT = frozenset({3, 4})
BUSY_TIMEOUT_S = 10  # a reader waits this long for an ingest's write lock instead of failing
# Lists count their matches up to this many, and for at most this many thousand SQLite VM steps
# (about 10-40 ms of one core); past either `total` is what was counted and `total_exact` false.
# Tuned on the 1M-event synthetic store (docs/benchmarks.md, "List queries at scale"): counting
# 10k events of a date range or of a frequent actor took 0.15-0.4 s there, more than the page.
TOTAL_CAP = 1_000
COUNT_BUDGET = 200


@dataclass(slots=True)
class Page:
    """One page of a list; `note` says why a list is empty when a stage has not run."""

    items: list[dict]
    total: int
    limit: int | None
    offset: int
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    next: str | None = None      # the cursor of the next page (pass it as `after`); None on the last page
    total_exact: bool = True     # False when `total` stopped counting at TOTAL_CAP

    def record(self) -> dict:
        out = {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset,
               "next": self.next, "total_exact": self.total_exact}
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


def encode_cursor(values: list) -> str:
    """An opaque page cursor: the sort key of the last row shown, as URL-safe base64 of JSON."""
    return base64.urlsafe_b64encode(json.dumps(values, separators=(",", ":")).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, width: int) -> list:
    """The sort key a cursor holds; a cursor that is not one of ours is refused with one message."""
    try:
        values = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        values = None
    if not isinstance(values, list) or len(values) != width or \
            not all(v is None or isinstance(v, (str, int, float)) for v in values):
        raise TidingsError(f"The page cursor {cursor[:40]!r} is not one this list gave out; start again without"
                           " `after` and follow each page's `next`.")
    return values


@dataclass(frozen=True, slots=True)
class Order:
    """A list's sort order as SQL expressions, each ascending or descending, unique per row (the last
    key is a row's id), so that a page can start right after the row a cursor names (keyset paging)."""

    keys: tuple[tuple[str, bool], ...]  # (expression, descending)

    def order_by(self) -> str:
        return " ORDER BY " + ", ".join(f"{e} {'DESC' if d else 'ASC'}" for e, d in self.keys)

    def columns(self) -> str:
        """The sort keys as extra select columns (the cursor of the page's last row is built from them)."""
        return ", ".join(e for e, _ in self.keys)

    def after(self, cursor: str | None) -> tuple[str | None, dict]:
        """The condition "comes after the cursor's row" and its named parameters (:k0, :k1 ...)."""
        if not cursor:
            return None, {}
        values = decode_cursor(cursor, len(self.keys))
        params = {f"k{i}": v for i, v in enumerate(values)}
        if len({d for _, d in self.keys}) == 1:  # one direction: a row value, which an index can seek to
            op = "<" if self.keys[0][1] else ">"
            cols = ", ".join(e for e, _ in self.keys)
            return f"({cols}) {op} ({', '.join(f':k{i}' for i in range(len(values)))})", params
        ors = []
        for i, (expr, desc) in enumerate(self.keys):
            same = [f"{e} = :k{j}" for j, (e, _) in enumerate(self.keys[:i])]
            ors.append("(" + " AND ".join([*same, f"{expr} {'<' if desc else '>'} :k{i}"]) + ")")
        first, desc = self.keys[0]  # the bound on the first key alone lets an index seek to the cursor
        return f"{first} {'<=' if desc else '>='} :k0 AND (" + " OR ".join(ors) + ")", params

    def cursor(self, row_keys: tuple) -> str:
        return encode_cursor(list(row_keys))


def where_sql(conditions: list[str]) -> str:
    conditions = [c for c in conditions if c]
    return (" WHERE " + " AND ".join(conditions)) if conditions else ""


def capped_count(conn: sqlite3.Connection, from_where: str, params, cap: int = TOTAL_CAP,
                 budget: int = COUNT_BUDGET) -> tuple[int, bool]:
    """How many rows `FROM ... WHERE ...` selects, counting no further than `cap` rows nor past
    `budget` thousand SQLite VM steps (a filter checked row by row along an index may need a
    million rows to find ten thousand); (the count so far, whether it is exact)."""
    steps = 0

    def tick() -> int:
        nonlocal steps
        steps += 1
        return int(steps > budget)

    n, stopped = 0, False
    conn.set_progress_handler(tick, 1000)
    try:
        cur = conn.execute(f"SELECT 1 {from_where} LIMIT {int(cap) + 1}", params)
        while rows := cur.fetchmany(1000):
            n += len(rows)
    except sqlite3.OperationalError as e:
        if "interrupt" not in str(e):
            raise
        stopped = True
    finally:
        conn.set_progress_handler(None, 0)
    return min(n, cap), not stopped and n <= cap


def fetch_limit(limit: int | None) -> int:
    """SQLite's LIMIT for a page fetched with one row more than it shows (that row says a next page exists)."""
    return -1 if limit is None else int(limit) + 1


def split_page(rows: list, limit: int | None, order: Order, width: int) -> tuple[list, str | None]:
    """The page's rows without the look-ahead row, and the cursor of the next page (None on the last).
    The sort keys are the last `width` columns of each row (Order.columns() selected last)."""
    if limit is None or len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, order.cursor(tuple(rows[-1][-width:]))


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
