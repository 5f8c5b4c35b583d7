"""Dyads: cooperation and conflict between pairs of actors (or countries), counted in merged events.

The one definition behind `tidings dyads`, GET /api/dyads and `Corpus.dyads()`. The unit is the
merged event: a happening reported by five outlets (or copied by ten syndicating sites) counts
once, and `articles` and `sources` say how much reporting stands behind a row. A merged event
pairs each actor with each recipient, or its actors among themselves when it has no recipient (a
clash, "A and B met"); the same rule names the dyads the story threader compares.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from .common import (
    CONFLICT,
    COOPERATION,
    Page,
    not_yet,
    period_label,
    placeholders,
    sql_limit,
    table_exists,
    window,
)
from .corpus import merged_candidates, merged_where

LEVELS = ("entity", "country")
# One side's pairs are read and sorted when it has fewer partners than this; with more, the pairs
# of every actor are walked from the largest down until the page is full (the planner's own
# choice, which for an actor with 64 partners walks a million pairs). Tuned on the 1M-event
# synthetic store (docs/benchmarks.md, "list queries at 1M events: every summary built"): sorting
# 7-10k partners took 20-30 ms there, walking for them 2-20 ms; for 64 partners 1 ms against 2 s.
SORT_BELOW = 1_000


@dataclass(frozen=True, slots=True)
class Side:
    key: str             # entity id, or country code at the country level
    name: str
    country: str | None


def _matches(side: Side, key: str | None) -> bool:
    """An actor filter names this side: its id, country code or name, or a part of its name (4+ letters)."""
    if not key:
        return True
    k = key.strip().lower()
    return k in (side.key.lower(), (side.country or "").lower(), side.name.lower()) or \
        (len(k) > 3 and k in side.name.lower())


def _orient(x: Side, y: Side, a: str | None, b: str | None) -> tuple[Side, Side] | None:
    """The pair with the side matching `a` first and the side matching `b` second; None when the
    filters exclude it; in key order when no filter names a side."""
    if not a and not b:
        return (x, y) if x.key <= y.key else (y, x)
    for first, second in ((x, y), (y, x)):
        if (not a or _matches(first, a)) and (not b or _matches(second, b)):
            return first, second
    return None


def pairs_of(actors: list[Side], recipients: list[Side]) -> list[tuple[Side, Side]]:
    """Each actor with each recipient, or the actors among themselves when no recipient is known;
    a side never pairs with itself."""
    raw = [(x, y) for x in actors for y in recipients] if recipients else \
        [(x, y) for i, x in enumerate(actors) for y in actors[i + 1:]]
    return [(x, y) for x, y in raw if x.key != y.key]


class _Entities:
    """Entity ids after merges (entity_redirects) and their current names and countries."""

    def __init__(self, conn: sqlite3.Connection, ids: set[str]):
        self.redirect = dict(conn.execute("SELECT from_id, to_id FROM entity_redirects").fetchall())
        wanted = sorted({self.redirect.get(i, i) for i in ids})
        self.info: dict[str, tuple[str, str | None]] = {}
        for i in range(0, len(wanted), 500):
            part = wanted[i:i + 500]
            self.info.update({r[0]: (r[1], r[2]) for r in conn.execute(
                f"SELECT id, name, country FROM entities WHERE id IN ({placeholders(part)})", part)})

    def side(self, party: dict, level: str) -> Side | None:
        eid = self.redirect.get(party.get("entity_id"), party.get("entity_id"))
        name, country = self.info.get(eid, (None, None)) if eid else (None, None)
        country = party.get("country") or country
        if level == "country":
            return Side(country, country, country) if country else None
        if not eid:
            return None
        return Side(eid, name or party.get("name") or eid, country)


def _sides(parties: list[dict], entities: _Entities, level: str) -> list[Side]:
    out: dict[str, Side] = {}
    for p in parties:
        s = entities.side(p, level)
        if s is not None:
            out.setdefault(s.key, s)
    return list(out.values())


def dyads(conn: sqlite3.Connection, *, a: str | None = None, b: str | None = None, period: str | None = None,
          level: str = "entity", since: str | None = None, until: str | None = None,
          modality: str | None = "asserted", limit: int | None = None, offset: int = 0) -> Page:
    """Actor pairs with their merged events split into cooperation (quad classes 1-2) and conflict
    (3-4), events per quad class, the mean intensity (Goldstein-like, -10..10), the articles and
    independent sources that report them, first and last dates; one row per pair and period when
    `period` is day, week (labelled by its Monday), month or year, else totals (undated events
    included). Pairs are unordered: the side matching `a` comes first when `a` is given, else the
    smaller key. `a` and `b` take an entity id, a name (or a part of it) or a country code.

    Entity-level totals of one modality, with entity ids or no actor filter, are read from the
    per-pair summary (dyad_totals, migration 0008); any other shape aggregates the merged events
    themselves, found through the pairs' index (dyad_events) when the filters are entity ids."""
    extra = {"period": period, "level": level}
    if not table_exists(conn, "merged_events"):
        return Page([], 0, limit, offset, note=not_yet("merged_events"), extra=extra)
    summary = level == "entity" and table_exists(conn, "dyad_totals")
    ids = (_entity_key(conn, a), _entity_key(conn, b)) if summary else (None, None)
    keyed = all(ids[i] or not v for i, v in enumerate((a, b)))  # each given filter is an entity id
    if summary and keyed and modality and not (period or since or until):
        return _totals(conn, ids[0], ids[1], modality.lower(), limit, offset, extra)
    return _aggregate(conn, a, b, period, level, since, until, modality, limit, offset, extra,
                      ids if summary and keyed and (a or b) else None)


def _entity_key(conn: sqlite3.Connection, value: str | None) -> str | None:
    """`value` when it is the id of a stored entity (one with a kind prefix, "per:...", "cty:...":
    no name, part of a name or country code can equal it), else None."""
    key = (value or "").strip()
    if ":" not in key:
        return None
    return key if conn.execute("SELECT 1 FROM entities WHERE id = ?", (key,)).fetchone() else None


_TOTALS = "events, cooperation, conflict, q1, q2, q3, q4, intensity, articles, sources, first, last"


def _totals(conn: sqlite3.Connection, a: str | None, b: str | None, modality: str, limit: int | None,
            offset: int, extra: dict) -> Page:
    """Totals per pair from dyad_totals, most merged events first, oriented as dyads() orients them."""
    params = {"a": a, "b": b, "m": modality}
    if a and b:
        if a == b:
            return Page([], 0, limit, offset, extra=extra)
        sql = (f"SELECT :a AS x, :b AS y, {_TOTALS} FROM dyad_totals WHERE a = min(:a, :b) AND b = max(:a, :b)"
               " AND modality = :m")
    elif a or b:  # the named side first (`a`) or second (`b`), its partners on the other side
        params["k"] = a or b
        one, other = ("k", "p") if a else ("p", "k")
        sql = (f"SELECT {one} AS x, {other} AS y, {_TOTALS} FROM (SELECT :k AS k, b AS p, {_TOTALS}"
               " FROM dyad_totals WHERE a = :k AND modality = :m UNION ALL"
               f" SELECT :k, a, {_TOTALS} FROM dyad_totals WHERE b = :k AND modality = :m)")
    else:
        sql = f"SELECT a AS x, b AS y, {_TOTALS} FROM dyad_totals WHERE modality = :m"
    total = conn.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()[0]
    if (a or b) and total < SORT_BELOW:  # a side's few partners sorted, not every pair walked by size
        sql = f"WITH side AS MATERIALIZED ({sql}) SELECT * FROM side"
    rows = conn.execute(f"{sql} ORDER BY events DESC, x, y LIMIT :limit OFFSET :offset",
                        {**params, "limit": sql_limit(limit), "offset": int(offset)}).fetchall()
    names = _names(conn, {k for r in rows for k in r[:2]})
    items = [_total_record(r, names) for r in rows]
    _fill_missing_names(conn, items, modality)
    return Page(items, total, limit, offset, extra=extra)


def _names(conn: sqlite3.Connection, ids: set[str]) -> dict[str, str]:
    wanted = sorted(ids)
    out: dict[str, str] = {}
    for i in range(0, len(wanted), 500):
        part = wanted[i:i + 500]
        out.update(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({placeholders(part)})", part))
    return out


def _total_record(row: tuple, names: dict[str, str]) -> dict:
    a, b, events, coop, conflict, q1, q2, q3, q4, intensity, articles, sources, first, last = row
    return {"a": a, "a_name": names.get(a), "b": b, "b_name": names.get(b), "period": None, "events": events,
            "cooperation": coop, "conflict": conflict, "quad": {"1": q1, "2": q2, "3": q3, "4": q4},
            "intensity": round(intensity / 1e6 / events, 2) if events else None,
            "articles": articles, "sources": sources, "first": first, "last": last}


def _fill_missing_names(conn: sqlite3.Connection, items: list[dict], modality: str) -> None:
    """A side whose entity row is gone takes its party's name in the pair's first merged event, else its id."""
    for item in items:
        for side in ("a", "b"):
            if not item[f"{side}_name"]:
                item[f"{side}_name"] = _party_name(conn, item["a"], item["b"], item[side], modality) or item[side]


def _party_name(conn: sqlite3.Connection, x: str, y: str, key: str, modality: str) -> str | None:
    row = conn.execute(
        "SELECT me.actors, me.recipients FROM dyad_events d JOIN merged_events me ON me.id = d.merged_event_id"
        " WHERE d.a = min(:x, :y) AND d.b = max(:x, :y) AND d.modality = :m ORDER BY d.merged_event_id LIMIT 1",
        {"x": x, "y": y, "m": modality}).fetchone()
    if row is None:
        return None
    redirect = dict(conn.execute("SELECT from_id, to_id FROM entity_redirects WHERE to_id = ?", (key,)).fetchall())
    for party in json.loads(row[0] or "[]") + json.loads(row[1] or "[]"):
        if redirect.get(party.get("entity_id"), party.get("entity_id")) == key:
            return party.get("name")
    return None


def _pair_candidates(a: str | None, b: str | None) -> str:
    """The merged events pairing entity :ia (and :ib when given), from dyad_events."""
    if a and b:
        return "me.id IN (SELECT merged_event_id FROM dyad_events WHERE a = min(:ia, :ib) AND b = max(:ia, :ib))"
    key = "ia" if a else "ib"
    return (f"me.id IN (SELECT merged_event_id FROM dyad_events WHERE a = :{key}"
            f" UNION SELECT merged_event_id FROM dyad_events WHERE b = :{key})")


def _new_group(a: str, a_name: str, b: str, b_name: str, period: str | None) -> dict:
    """An empty dyad row of one pair (and period), counted into by _count."""
    return {"a": a, "a_name": a_name, "b": b, "b_name": b_name, "period": period, "events": 0,
            "cooperation": 0, "conflict": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "intensity": None,
            "articles": set(), "sources": set(), "first": None, "last": None, "_intensity": []}


def _count(g: dict, day: str | None, quad, intensity, article_ids, sources) -> None:
    """One merged event counted into a dyad row."""
    g["events"] += 1
    g["cooperation"] += quad in COOPERATION
    g["conflict"] += quad in CONFLICT
    g["quad"][str(quad)] = g["quad"].get(str(quad), 0) + 1
    if intensity is not None:
        g["_intensity"].append(intensity)
    g["articles"].update(article_ids)
    g["sources"].update(sources)
    if day:
        g["first"] = min(filter(None, (g["first"], day[:10])))
        g["last"] = max(filter(None, (g["last"], day[:10])))


def _finished(groups) -> list[dict]:
    """The dyad rows with their mean intensity and their article and source counts."""
    items = []
    for g in groups:
        values = g.pop("_intensity")
        g["intensity"] = round(sum(values) / len(values), 2) if values else None
        g["articles"], g["sources"] = len(g["articles"]), len(g["sources"])
        items.append(g)
    return items


def _one_pair(conn: sqlite3.Connection, ia: str, ib: str, period: str | None, where: str, params: dict,
              limit: int | None, offset: int, extra: dict) -> Page:
    """One pair of entity ids, per period or in total: the merged events dyad_events lists for it
    counted as _aggregate counts them (`ia` first), without pairing every side of each (a merged
    event between two busy states names dozens of other actors)."""
    if ia == ib:
        return Page([], 0, limit, offset, extra=extra)
    where += (" AND " if where else " WHERE ") + _pair_candidates(ia, ib)
    names = _names(conn, {ia, ib})
    groups: dict[str | None, dict] = {}
    for day, quad, intensity, article_ids, sources in conn.execute(
            "SELECT coalesce(date_start, date), quad_class, intensity, article_ids, sources FROM merged_events me"
            + where + " ORDER BY id", {**params, "ia": ia, "ib": ib}):
        label = period_label(day, period) if period else None
        if period and label is None:
            continue
        g = groups.setdefault(label, _new_group(ia, names.get(ia) or ia, ib, names.get(ib) or ib, label))
        _count(g, day, quad, intensity, json.loads(article_ids or "[]"), json.loads(sources or "[]"))
    items = _finished(groups.values())
    items.sort(key=lambda g: (g["period"] or "",))
    return Page(window(items, limit, offset), len(items), limit, offset, extra=extra)


def _aggregate(conn: sqlite3.Connection, a, b, period, level, since, until, modality, limit, offset, extra,
               ids: tuple[str | None, str | None] | None) -> Page:
    """Pairs counted from the merged events themselves (any level, filter, period or date range).
    `ids`: the entity ids `a` and `b` name, whose merged events dyad_events lists; else the merged
    events an actor filter can name are found through the event mentions (a superset: _matches decides)."""
    where, params = merged_where(modality=modality, since=since, until=until)  # the merged-events list's rule
    if ids is not None and ids[0] and ids[1] and level == "entity":
        return _one_pair(conn, ids[0], ids[1], period, where, params, limit, offset, extra)
    if ids is not None:
        where += (" AND " if where else " WHERE ") + _pair_candidates(*ids)
        params.update(ia=ids[0], ib=ids[1])
    else:
        for key, value in (("da", a), ("db", b)):
            if value:
                where += (" AND " if where else " WHERE ") + merged_candidates(key)
                params[key] = value
    rows = conn.execute(
        "SELECT id, coalesce(date_start, date), quad_class, intensity, actors, recipients, article_ids, sources"
        " FROM merged_events me" + where + " ORDER BY id", params).fetchall()
    events = [(mid, day, quad, intensity, json.loads(actors or "[]"), json.loads(recipients or "[]"),
               json.loads(article_ids or "[]"), json.loads(sources or "[]"))
              for mid, day, quad, intensity, actors, recipients, article_ids, sources in rows]
    entities = _Entities(conn, {p["entity_id"] for ev in events for p in ev[4] + ev[5] if p.get("entity_id")})
    groups: dict[tuple, dict] = {}
    for _mid, day, quad, intensity, actors, recipients, article_ids, sources in events:
        label = period_label(day, period) if period else None
        if period and label is None:
            continue
        oriented = {}
        for x, y in pairs_of(_sides(actors, entities, level), _sides(recipients, entities, level)):
            pair = _orient(x, y, a, b)
            if pair is not None:
                oriented[(pair[0].key, pair[1].key)] = pair
        for (ka, kb), (first, second) in oriented.items():
            g = groups.setdefault((ka, kb, label), _new_group(ka, first.name, kb, second.name, label))
            _count(g, day, quad, intensity, article_ids, sources)
    items = _finished(groups.values())
    if period:
        items.sort(key=lambda g: (g["a"], g["b"], g["period"]))
    else:
        items.sort(key=lambda g: (-g["events"], g["a"], g["b"]))
    return Page(window(items, limit, offset), len(items), limit, offset, extra=extra)
