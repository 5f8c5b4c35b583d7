"""Time the list queries behind the REST API and the web UI on a big store: p50, p95 and max per query.

    python -m tidings.store.tools.query_bench --db /tmp/big.db [--runs 30] [--only events] [--clock cpu]

Each query runs `--runs` times with parameters drawn at random from the store itself: frequent and
rare actors (by how many events name them), frequent and rare event types and places, wide and
narrow date ranges, common and rare search words, first pages and deep pages (reached by
following the `next` cursor, or by offset where a list has no cursor). Only the timed call is
counted, not the walk to a deep page. The store is opened as the web server opens it (read-only)
after `Store.open` has applied any pending migration.
"""
from __future__ import annotations

import argparse
import inspect
import json
import math
import random
import sqlite3
import statistics
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import StoreError
from ..db import Store
from ..events import EventFilter
from ..reads.articles import list_articles, search
from ..reads.common import open_read_only
from ..reads.corpus import list_clusters, list_merged, list_stories, timeline
from ..reads.dyads import dyads
from ..reads.events import list_events

PAGE = 50      # the REST API's default page size
DEEP = 20      # pages walked before a deep page is timed (rows 1,001-1,050)
TOP = 10       # "frequent": drawn among the this many most frequent values
MIN_RUNS = 5   # a case slower than its time budget still runs this many times
# What a run is timed by: wall seconds, or with --clock cpu the CPU seconds of this process (SQLite
# runs in it), which other jobs on a shared machine move far less.
CLOCKS = {"wall": time.perf_counter, "cpu": time.process_time}
clock = CLOCKS["wall"]


@dataclass(frozen=True, slots=True)
class Params:
    """Values drawn from the store: frequent and rare actors, types, places, days, words."""

    frequent_actors: list[str]
    rare_actors: list[str]
    countries: list[str]
    types: list[str]
    frequent_places: list[str]
    rare_places: list[str]
    first_day: str
    last_day: str
    common_words: list[str]
    rare_words: list[str]


def draw_params(conn, rng: random.Random) -> Params:
    by_count = [e for (e,) in conn.execute(
        "SELECT entity_id FROM event_parties WHERE entity_id IS NOT NULL GROUP BY entity_id ORDER BY count(*) DESC")]
    places = [n for (n,) in conn.execute(
        "SELECT pl.name FROM events ev JOIN places pl ON pl.id = ev.place_id GROUP BY pl.id ORDER BY count(*) DESC")]
    first, last = conn.execute("SELECT min(date_start), max(date_start) FROM events").fetchone()
    countries = [c for (c,) in conn.execute("SELECT DISTINCT country FROM entities WHERE type = 'COUNTRY'"
                                            " AND country IS NOT NULL")]
    titles = [t for (t,) in conn.execute("SELECT title FROM articles WHERE title IS NOT NULL ORDER BY random()"
                                         " LIMIT 200")]
    words = [w for t in titles for w in t.split() if w.isalpha() and len(w) > 3]
    tail = by_count[len(by_count) // 2:]
    return Params(
        frequent_actors=by_count[:TOP], rare_actors=rng.sample(tail, min(50, len(tail))), countries=countries,
        types=[t for (t,) in conn.execute("SELECT DISTINCT event_type FROM events")],
        frequent_places=places[:TOP], rare_places=places[len(places) // 2:][:50],
        first_day=first or "2016-01-01", last_day=last or "2026-01-01",
        common_words=["minister", "talks", "border", "government", "security"],
        rare_words=rng.sample(words, min(30, len(words))) or ["minister"])


def _day(p: Params, rng: random.Random, span_days: int) -> tuple[str, str]:
    """A since..until range of about `span_days` days inside the store's span."""
    from datetime import date, timedelta

    lo, hi = date.fromisoformat(p.first_day[:10]), date.fromisoformat(p.last_day[:10])
    room = max(1, (hi - lo).days - span_days)
    start = lo + timedelta(days=rng.randrange(room))
    return start.isoformat(), (start + timedelta(days=span_days)).isoformat()


def _page(fn: Callable, conn, depth: int, reader: Callable | None = None, **kw) -> float:
    """Walk to page `depth` (0: the first) untimed, then time that page: by cursor when `reader` (the
    read function behind `fn`, default `fn`) takes one, else by offset."""
    if depth and "after" in inspect.signature(reader or fn).parameters:
        cursor = None
        for _ in range(depth):
            cursor = fn(conn, limit=PAGE, after=cursor, **kw).next
            if cursor is None:
                break
        kw["after"] = cursor
    elif depth:
        kw["offset"] = depth * PAGE
    t0 = clock()
    fn(conn, limit=PAGE, **kw)
    return clock() - t0


def _events(conn, depth: int = 0, party: str | None = None, **f) -> float:
    def call(c, **kw):
        return list_events(c, EventFilter(**f), party=party, **kw)
    return _page(call, conn, depth, reader=list_events)


def cases(store: Store, p: Params, rng: random.Random) -> dict[str, Callable[[], float]]:
    conn = store.connection
    c = rng.choice
    return {
        "events: latest": lambda: _events(conn),
        "events: latest, page 21": lambda: _events(conn, depth=DEEP),
        "events: frequent actor": lambda: _events(conn, party=c(p.frequent_actors)),
        "events: frequent actor, page 21": lambda: _events(conn, depth=DEEP, party=c(p.frequent_actors)),
        "events: rare actor": lambda: _events(conn, party=c(p.rare_actors)),
        "events: country code": lambda: _events(conn, party=c(p.countries)),
        "events: actor and recipient": lambda: _events(conn, actor=c(p.frequent_actors),
                                                       recipient=c(p.frequent_actors)),
        "events: type": lambda: _events(conn, event_type=c(p.types)),
        "events: type and modality, page 21": lambda: _events(conn, depth=DEEP, event_type=c(p.types),
                                                              modality="asserted"),
        "events: date range, 2 years": lambda: _events(conn, **dict(zip(("date_from", "date_to"), _day(p, rng, 730)))),
        "events: date range, 1 week": lambda: _events(conn, **dict(zip(("date_from", "date_to"), _day(p, rng, 7)))),
        "events: frequent place": lambda: _events(conn, place=c(p.frequent_places)),
        "events: rare place": lambda: _events(conn, place=c(p.rare_places)),
        "events: type, actor, 1 year": lambda: _events(conn, event_type=c(p.types), actor=c(p.frequent_actors),
                                                       **dict(zip(("date_from", "date_to"), _day(p, rng, 365)))),
        "articles: latest": lambda: _page(list_articles, conn, 0),
        "articles: latest, page 21": lambda: _page(list_articles, conn, DEEP),
        "articles: frequent actor": lambda: _page(list_articles, conn, 0, entity=c(p.frequent_actors)),
        "articles: rare actor": lambda: _page(list_articles, conn, 0, entity=c(p.rare_actors)),
        "articles: 1 month": lambda: _page(list_articles, conn, 0, **dict(zip(("since", "until"), _day(p, rng, 30)))),
        "search: common word": lambda: _search(store, c(p.common_words)),
        "search: rare word": lambda: _search(store, c(p.rare_words)),
        "search: two words, page 21": lambda: _search(store, f"{c(p.common_words)} {c(p.common_words)}", DEEP),
        "clusters: biggest": lambda: _page(list_clusters, conn, 0),
        "clusters: page 21": lambda: _page(list_clusters, conn, DEEP),
        "clusters: 2+ articles, 1 month": lambda: _page(list_clusters, conn, 0, min_size=2,
                                                        **dict(zip(("since", "until"), _day(p, rng, 30)))),
        "merged events: latest": lambda: _page(list_merged, conn, 0),
        "merged events: type, page 21": lambda: _page(list_merged, conn, DEEP, event_type=c(p.types)),
        "merged events: frequent actor": lambda: _page(list_merged, conn, 0, actor=c(p.frequent_actors)),
        "merged events: rare actor": lambda: _page(list_merged, conn, 0, actor=c(p.rare_actors)),
        "stories: latest": lambda: _page(list_stories, conn, 0),
        "stories: page 21": lambda: _page(list_stories, conn, DEEP),
        "timeline: frequent actor": lambda: _page(timeline, conn, 0, a=c(p.frequent_actors)),
        "dyads: frequent actor": lambda: _page(dyads, conn, 0, a=c(p.frequent_actors)),
        "dyads: rare actor": lambda: _page(dyads, conn, 0, a=c(p.rare_actors)),
        "dyads: two actors per month": lambda: _page(dyads, conn, 0, a=c(p.frequent_actors),
                                                     b=c(p.frequent_actors), period="month"),
    }


def _search(store: Store, q: str, depth: int = 0) -> float:
    if "after" in inspect.signature(search).parameters and depth:
        cursor = None
        for _ in range(depth):
            cursor = search(store, q, PAGE, after=cursor).next
        t0 = clock()
        search(store, q, PAGE, after=cursor)
        return clock() - t0
    t0 = clock()
    search(store, q, PAGE, depth * PAGE)
    return clock() - t0


def _timed(case: Callable[[], float], conn, timeout_s: float) -> float:
    """One run of a case in seconds; a run past `timeout_s` is interrupted and counts as infinite."""
    timer = threading.Timer(timeout_s, conn.interrupt)
    timer.start()
    try:
        return case()
    except (sqlite3.OperationalError, StoreError) as e:
        if "interrupted" not in str(e):
            raise
        return math.inf
    finally:
        timer.cancel()


def _ms(value: float) -> str:
    return f"{value:>8.1f}" if math.isfinite(value) else "   >time"


def run(path: Path, runs: int, only: str | None, seed: int = 7, budget_s: float = 30.0, min_runs: int = MIN_RUNS,
        timeout_s: float = 60.0, log=print) -> list[dict]:
    """Run every query case `runs` times (fewer, but at least `min_runs`, once a case has taken
    `budget_s` seconds; a run past `timeout_s` is stopped); one row per case with p50, p95 and max
    in milliseconds (None for a run that was stopped)."""
    Store.open(path).close()  # apply pending migrations, as any tidings command would
    rng = random.Random(seed)
    out = []
    with open_read_only(path) as store:
        conn = store.connection
        p = draw_params(conn, rng)
        for name, case in cases(store, p, rng).items():
            if only and only not in name:
                continue
            spent = _timed(case, conn, timeout_s)  # warm the page cache for this query's tables and indexes
            ms: list[float] = []
            while len(ms) < runs and (len(ms) < min_runs or spent < budget_s):
                took = _timed(case, conn, timeout_s)
                ms.append(took * 1000)
                spent += min(took, timeout_s)
            ms.sort()
            p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
            row = {"query": name, "runs": len(ms), "p50_ms": statistics.median(ms), "p95_ms": p95, "max_ms": ms[-1]}
            log(f"{name:<40} n {len(ms):>3}  p50 {_ms(row['p50_ms'])}  p95 {_ms(row['p95_ms'])}"
                f"  max {_ms(row['max_ms'])} ms")
            out.append({k: (round(v, 1) if math.isfinite(v) else None) if isinstance(v, float) else v
                        for k, v in row.items()})
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--runs", type=int, default=30)
    ap.add_argument("--only", default=None, help="run only the queries whose name contains this text")
    ap.add_argument("--budget", type=float, default=30.0, help="seconds per query before it stops early")
    ap.add_argument("--min-runs", type=int, default=MIN_RUNS, help="runs of a query even past its budget")
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds after which one run is stopped")
    ap.add_argument("--clock", choices=sorted(CLOCKS), default="wall",
                    help="time runs by wall seconds or by this process's CPU seconds")
    ap.add_argument("--json", type=Path, default=None, help="also write the rows to this file")
    a = ap.parse_args(argv)
    global clock
    clock = CLOCKS[a.clock]
    rows = run(a.db, a.runs, a.only, budget_s=a.budget, min_runs=a.min_runs, timeout_s=a.timeout)
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
