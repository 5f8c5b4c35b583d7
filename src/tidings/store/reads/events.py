"""Event and place reads behind the event list, the trend chart, the map and the article page."""
from __future__ import annotations

import sqlite3
from dataclasses import replace

from ..events import (
    EVENT_DAY,
    PARTY_KEYS,
    EventFilter,
    _matching_entities,
    event_records,
    event_where,
    party_rows,
    place_records,
)
from .common import (
    COOPERATION,
    Order,
    Page,
    articles_brief,
    capped_count,
    fetch_limit,
    period_label,
    split_page,
    table_exists,
    window,
)

EVENTS_FROM = " FROM events ev LEFT JOIN places pl ON pl.id = ev.place_id"


# Newest event day first (undated last), then the latest stored; ev.rowid makes the key unique.
EVENT_ORDER = Order(((EVENT_DAY, True), ("ev.rowid", True)))
# A party filter matching more event parties than this is checked event by event along the list's
# order (the first page of an actor in 300k events is found in the newest few thousand); one
# matching fewer has its events looked up and sorted. Tuned on the 1M-event synthetic store
# (docs/benchmarks.md, "List queries at scale"): both plans take under 20 ms near 20k.
SCAN_ABOVE = 20_000


def _scanned_parties(conn: sqlite3.Connection, f: EventFilter, party: str | None, other: str | None) -> frozenset:
    """The party keys whose filter matches so many parties that the list should scan, not look up."""
    return frozenset(key for (role, key), value in zip(PARTY_KEYS, (f.actor, f.recipient, party, other))
                     if value and party_rows(conn, role, key, value) >= SCAN_ABOVE)


def _by_entity_only(conn: sqlite3.Connection, value: str) -> bool:
    """`value` matches parties through entities alone: no party has it as its country code or name
    (the two party_match branches event_pairs does not hold)."""
    return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM event_parties WHERE country = upper(:v))"
                        " AND NOT EXISTS (SELECT 1 FROM event_parties WHERE lower(name) = lower(:v))",
                        {"v": value}).fetchone()[0] == 1


def _pair(conn: sqlite3.Connection, f: EventFilter) -> tuple[str, str] | None:
    """An actor and a recipient, each naming one entity and matching parties through it alone (no
    merged entity, no party's name or country code): the two entity ids, whose own rows in
    event_pairs stand for both party filters (never more rows than either side's); else None."""
    if not (f.actor and f.recipient and table_exists(conn, "event_pairs")
            and _by_entity_only(conn, f.actor) and _by_entity_only(conn, f.recipient)):
        return None
    sides = []
    for key, value in (("pa", f.actor), ("pr", f.recipient)):
        ids = [i for (i,) in conn.execute(f"SELECT * FROM {_matching_entities(key)} LIMIT 2", {key: value})]
        if len(ids) != 1:
            return None
        sides.append(ids[0])
    return sides[0], sides[1]


# The pair's rows of event_pairs hold the event lists' sort key (the event's day and rowid): the
# same order and the same cursors as EVENT_ORDER, read from the pair's index instead of sorted.
PAIR_ORDER = Order((("ep.day", True), ("ep.ev_rowid", True)))
PAIR_FROM = " FROM event_pairs ep JOIN events ev ON ev.rowid = ep.ev_rowid"


def _source(conn: sqlite3.Connection, f: EventFilter, party: str | None,
            other: str | None) -> tuple[str, str, dict, Order]:
    """The list's FROM and WHERE clauses, their parameters and its order: the events (event_where),
    or the pair's rows of event_pairs when an actor and a recipient are asked for (_pair)."""
    pair = _pair(conn, f)
    if pair is None:
        clause, params = event_where(f, party, other, scan=_scanned_parties(conn, f, party, other))
        return " FROM events ev", clause, params, EVENT_ORDER
    rest = replace(f, actor=None, recipient=None)
    clause, params = event_where(rest, party, other, scan=_scanned_parties(conn, rest, party, other))
    clause += (" AND " if clause else " WHERE ") + "ep.actor = :pair_a AND ep.recipient = :pair_r"
    return PAIR_FROM, clause, {**params, "pair_a": pair[0], "pair_r": pair[1]}, PAIR_ORDER


def list_events(conn: sqlite3.Connection, f: EventFilter, *, party: str | None = None, other: str | None = None,
                limit: int | None = 50, offset: int = 0, after: str | None = None) -> Page:
    """Events as events.jsonl spells them (plus the article's outlet, title and date), latest event
    date first, undated last. `after` (a page's `next`) continues a list where that page ended."""
    source, clause, params, order = _source(conn, f, party, other)
    total, exact = capped_count(conn, source + clause, params)
    seek, keys = order.after(after)
    where = clause + ((" AND " if clause else " WHERE ") + seek if seek else "")
    rows = conn.execute(
        f"SELECT ev.id, ev.article_id, {order.columns()}{source}{where}{order.order_by()}"
        " LIMIT :limit OFFSET :offset",
        {**params, **keys, "limit": fetch_limit(limit), "offset": 0 if after else offset}).fetchall()
    rows, cursor = split_page(rows, limit, order, len(order.keys))
    return Page(materialise(conn, [(r[0], r[1]) for r in rows]), total, limit, offset, next=cursor,
                total_exact=exact)


def materialise(conn: sqlite3.Connection, page: list[tuple[str, str]]) -> list[dict]:
    """Full records for (event id, article id) pairs, through the event stage's own reader."""
    if not page:
        return []
    briefs = {b["id"]: b for b in articles_brief(conn, list(dict.fromkeys(a for _, a in page)))}
    found = {}
    for rec in event_records(conn, EventFilter(ids=tuple(e for e, _ in page))):
        rec["article"] = briefs.get(rec["article_id"])
        found[rec["id"]] = rec
    return [found[e] for e, _ in page if e in found]


def article_event_spans(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """The article's events with their trigger offsets and the offsets of their date text inside the
    sentence (when the sentence spells it), for highlighting the body."""
    spans = {r[0]: r[1:] for r in conn.execute(
        "SELECT id, trigger_start, trigger_end, sentence_start, sentence_end FROM events WHERE article_id = ?",
        (article_id,))}
    body = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    out = []
    for rec in event_records(conn, EventFilter(article_id=article_id)):
        t0, t1, s0, s1 = spans.get(rec["id"], (None, None, 0, 0))
        rec.update(trigger_start=t0, trigger_end=t1, date_start_offset=None, date_end_offset=None)
        text = rec.get("date_text")
        if body and text and rec.get("date_start"):
            at = body[0].find(text, s0, s1)
            if at >= 0:
                rec.update(date_start_offset=at, date_end_offset=at + len(text))
        out.append(rec)
    return out


def event_types(conn: sqlite3.Connection) -> list[str]:
    """The event types coded in this store, by name."""
    return [t for (t,) in conn.execute("SELECT DISTINCT event_type FROM events ORDER BY 1")]


def event_trend(conn: sqlite3.Connection, f: EventFilter, period: str = "month", party: str | None = None) -> list[dict]:
    """Dated events per period and quad class. Mentions merged into one event count once."""
    clause, params = event_where(f, party)
    counts: dict[str, dict] = {}
    for day, quad, n in conn.execute(
            "SELECT coalesce(ev.date_start, ev.date) AS d, ev.quad_class, count(DISTINCT coalesce("
            "ev.merged_event_id, ev.id))" + EVENTS_FROM + clause + " GROUP BY d, ev.quad_class", params):
        label = period_label(day, period)
        if label is None:
            continue
        row = counts.setdefault(label, {"period": label, "events": 0, "cooperation": 0, "conflict": 0,
                                        "quad": {"1": 0, "2": 0, "3": 0, "4": 0}})
        row["events"] += n
        row["cooperation" if quad in COOPERATION else "conflict"] += n
        row["quad"][str(quad)] = row["quad"].get(str(quad), 0) + n
    return [counts[k] for k in sorted(counts)]


def event_places(conn: sqlite3.Connection, f: EventFilter, limit: int = 500) -> list[dict]:
    """Located events grouped by place, most events first: the map's dots."""
    clause, params = event_where(f)
    clause += (" AND " if clause else " WHERE ") + "pl.lat IS NOT NULL AND pl.lon IS NOT NULL"
    rows = conn.execute(
        "SELECT pl.id, pl.name, pl.lat, pl.lon, pl.country, pl.admin1, count(*),"
        " sum(ev.quad_class IN (1, 2)), group_concat(DISTINCT ev.event_type)" + EVENTS_FROM + clause
        + " GROUP BY pl.id ORDER BY count(*) DESC, pl.name LIMIT :limit", {**params, "limit": limit})
    return [{"id": pid, "name": name, "lat": lat, "lon": lon, "country": country, "admin1": admin1,
             "events": n, "cooperation": coop, "conflict": n - coop, "event_types": sorted((types or "").split(","))}
            for pid, name, lat, lon, country, admin1, n, coop, types in rows]


def list_places(conn: sqlite3.Connection, *, country: str | None = None, q: str | None = None,
                limit: int | None = 50, offset: int = 0) -> Page:
    """Places as places.jsonl spells them, with the number of events located at each; most events,
    then most articles, first."""
    events = {(n, c, la, lo): k for n, c, la, lo, k in conn.execute(
        "SELECT pl.name, pl.country, pl.lat, pl.lon, count(ev.id) FROM places pl"
        " JOIN events ev ON ev.place_id = pl.id GROUP BY pl.id")}
    items = []
    for rec in place_records(conn):
        if country and (rec["country"] or "").upper() != country.upper():
            continue
        if q and not any(q.lower() in s.lower() for s in [rec["name"], *rec["aliases"]]):
            continue
        rec["events"] = events.get((rec["name"], rec["country"], rec["lat"], rec["lon"]), 0)
        items.append(rec)
    items.sort(key=lambda r: (-r["events"], -len(r["article_ids"]), r["name"]))
    return Page(window(items, limit, offset), len(items), limit, offset)


def event_article_facts(conn: sqlite3.Connection, article_id: str) -> tuple[str, str, str | None, str | None]:
    """(url or origin, outlet or id, near_duplicate_of, when its events were coded) of one article."""
    return conn.execute(
        "SELECT coalesce(a.url, a.origin), coalesce(a.outlet, a.id), a.near_duplicate_of, ec.coded_at"
        " FROM articles a LEFT JOIN events_coded ec ON ec.article_id = a.id WHERE a.id = ?",
        (article_id,)).fetchone() or ("", article_id, None, None)
