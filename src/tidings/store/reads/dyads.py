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
    table_exists,
    window,
)
from .corpus import merged_candidates, merged_where

LEVELS = ("entity", "country")


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
    smaller key. `a` and `b` take an entity id, a name (or a part of it) or a country code."""
    extra = {"period": period, "level": level}
    if not table_exists(conn, "merged_events"):
        return Page([], 0, limit, offset, note=not_yet("merged_events"), extra=extra)
    where, params = merged_where(modality=modality, since=since, until=until)  # the merged-events list's rule
    for key, value in (("da", a), ("db", b)):
        if value:  # only the merged events an actor filter can name are read (a superset: _matches decides)
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
            g = groups.setdefault((ka, kb, label), {
                "a": ka, "a_name": first.name, "b": kb, "b_name": second.name, "period": label, "events": 0,
                "cooperation": 0, "conflict": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "intensity": None,
                "articles": set(), "sources": set(), "first": None, "last": None, "_intensity": []})
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
    items = []
    for g in groups.values():
        values = g.pop("_intensity")
        g["intensity"] = round(sum(values) / len(values), 2) if values else None
        g["articles"], g["sources"] = len(g["articles"]), len(g["sources"])
        items.append(g)
    if period:
        items.sort(key=lambda g: (g["a"], g["b"], g["period"]))
    else:
        items.sort(key=lambda g: (-g["events"], g["a"], g["b"]))
    return Page(window(items, limit, offset), len(items), limit, offset, extra=extra)
