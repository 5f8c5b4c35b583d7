"""Read queries behind the event, place, cluster, merged-event, story, timeline and dyad endpoints: parameterised SQL only."""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from ..store.corpus import cluster_rows, find_cluster
from ..store.events import DAY_END, EventFilter, event_records, event_where, place_records
from .queries import Page, table_exists

PERIODS = ("day", "week", "month", "year")
COOPERATION = (1, 2)  # PLOVER/CAMEO quad classes: 1 verbal and 2 material cooperation; 3 and 4 conflict
SOURCE_LIST = 50      # articles listed per merged event or story in a detail record


def _decode(value):
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            return value
    return value


def _has_rows(conn: sqlite3.Connection, table: str) -> bool:
    """A later stage's table exists and holds rows (the name is one of ours, never user input)."""
    return table_exists(conn, table) and conn.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone() is not None


def _placeholders(items) -> str:
    return ", ".join("?" * len(items))


def articles_brief(conn: sqlite3.Connection, ids: list[str]) -> list[dict]:
    """id, outlet, title, published and url of these articles, in the given order."""
    if not ids:
        return []
    rows = {r[0]: {"id": r[0], "outlet": r[1], "title": r[2], "published": r[3], "url": r[4],
                   "near_duplicate_of": r[5]}
            for r in conn.execute("SELECT id, outlet, title, published, url, near_duplicate_of FROM articles"
                                  f" WHERE id IN ({_placeholders(ids)})", ids)}
    return [rows[i] for i in ids if i in rows]


# ---------------------------------------------------------------- events


_EVENTS_FROM = " FROM events ev LEFT JOIN places pl ON pl.id = ev.place_id"


def list_events(conn: sqlite3.Connection, f: EventFilter, *, party: str | None = None, other: str | None = None,
                limit: int = 50, offset: int = 0) -> Page:
    """Events as events.jsonl spells them (plus the article's outlet, title and date), latest event
    date first, undated last."""
    clause, params = event_where(f, party, other)
    total = conn.execute("SELECT count(*)" + _EVENTS_FROM + clause, params).fetchone()[0]
    page = conn.execute(
        "SELECT ev.id, ev.article_id" + _EVENTS_FROM + " JOIN articles a ON a.id = ev.article_id" + clause
        + " ORDER BY coalesce(ev.date_start, ev.date) IS NULL, coalesce(ev.date_start, ev.date) DESC,"
        " a.seq DESC, ev.sentence_index, ev.trigger_start LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset}).fetchall()
    return Page(_materialise(conn, page), total, limit, offset)


def _materialise(conn: sqlite3.Connection, page: list[tuple[str, str]]) -> list[dict]:
    """Full records for (event id, article id) pairs, through the event stage's own reader."""
    found: dict[str, dict] = {}
    for aid in dict.fromkeys(a for _, a in page):
        brief = articles_brief(conn, [aid])
        for rec in event_records(conn, EventFilter(article_id=aid)):
            rec["article"] = brief[0] if brief else None
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


def _period(day: str | None, period: str) -> str | None:
    """The label of the day/week (its Monday)/month/year an ISO day falls in."""
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


def event_trend(conn: sqlite3.Connection, f: EventFilter, period: str = "month", party: str | None = None) -> list[dict]:
    """Dated events per period and quad class. Mentions merged into one event count once."""
    clause, params = event_where(f, party)
    counts: dict[str, dict] = {}
    for day, quad, n in conn.execute(
            "SELECT coalesce(ev.date_start, ev.date) AS d, ev.quad_class, count(DISTINCT coalesce("
            "ev.merged_event_id, ev.id))" + _EVENTS_FROM + clause + " GROUP BY d, ev.quad_class", params):
        label = _period(day, period)
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
        " sum(ev.quad_class IN (1, 2)), group_concat(DISTINCT ev.event_type)" + _EVENTS_FROM + clause
        + " GROUP BY pl.id ORDER BY count(*) DESC, pl.name LIMIT :limit", {**params, "limit": limit})
    return [{"id": pid, "name": name, "lat": lat, "lon": lon, "country": country, "admin1": admin1,
             "events": n, "cooperation": coop, "conflict": n - coop, "event_types": sorted((types or "").split(","))}
            for pid, name, lat, lon, country, admin1, n, coop, types in rows]


# ---------------------------------------------------------------- places


def list_places(conn: sqlite3.Connection, *, country: str | None = None, q: str | None = None,
                limit: int = 50, offset: int = 0) -> Page:
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
    return Page(items[offset:offset + limit], len(items), limit, offset)


# ---------------------------------------------------------------- clusters


def _cluster_record(row, conn: sqlite3.Connection, with_articles: bool = False) -> dict:
    rec = {**row.record(), "num_articles": len(row.article_ids), "num_sources": row.num_sources,
           "outlets": row.outlets, "story_id": row.story_id}
    if with_articles:
        rec["articles"] = articles_brief(conn, row.article_ids)
    return rec


def list_clusters(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
                  min_size: int = 1, q: str | None = None, story: str | None = None, limit: int = 50,
                  offset: int = 0) -> Page:
    """Same-event clusters, biggest first (the clusters stage's own reader, then filtered here)."""
    if not table_exists(conn, "clusters"):
        return Page([], 0, limit, offset, note=not_yet("clusters"))
    rows = [r for r in cluster_rows(conn) if len(r.article_ids) >= min_size
            and (not since or (r.end or r.start or "") >= since)
            and (not until or (r.start or r.end or "9999") <= until + DAY_END)
            and (not q or q.lower() in (r.title or "").lower())
            and (not story or r.story_id == story)]
    return Page([_cluster_record(r, conn) for r in rows[offset:offset + limit]], len(rows), limit, offset)


def cluster_detail(conn: sqlite3.Connection, key: str) -> dict | None:
    """One cluster with its articles and the merged events computed in it."""
    if not table_exists(conn, "clusters"):
        return None
    found = find_cluster(conn, key)
    rows = cluster_rows(conn, [found]) if found else []
    if not rows:
        return None
    rec = _cluster_record(rows[0], conn, with_articles=True)
    rec["merged_events"] = list_merged(conn, cluster=rows[0].id, limit=500).items
    return rec


# ---------------------------------------------------------------- merged events

_MERGED_JSON = ("actors", "recipients", "article_ids", "sources", "contradictions")
_MERGED_COLUMNS = ("id", "event_type", "mode", "modality", "quad_class", "intensity", "date", "date_start",
                   "date_end", "date_precision", "cluster_id", "actors", "recipients", "article_ids",
                   "num_articles", "num_sources", "sources", "contradictions", "summary", "text")


def _json_party(column: str, key: str) -> str:
    """A merged event's JSON party list (actors or recipients) holds a party matching :key."""
    return (f"EXISTS (SELECT 1 FROM json_each(me.{column}) j WHERE"
            f" json_extract(j.value, '$.entity_id') = :{key}"
            f" OR upper(json_extract(j.value, '$.country')) = upper(:{key})"
            f" OR lower(json_extract(j.value, '$.name')) = lower(:{key})"
            f" OR (length(:{key}) > 3 AND instr(lower(json_extract(j.value, '$.name')), lower(:{key})) > 0))")


def _merged_where(*, actor=None, other=None, event_type=None, modality=None, since=None, until=None,
                  cluster=None, cluster_ids=None, contradicted=None, min_sources=None) -> tuple[str, dict]:
    where, params = [], {}
    for value, key in ((actor, "ma"), (other, "mb")):
        if value:
            where.append(f"({_json_party('actors', key)} OR {_json_party('recipients', key)})")
            params[key] = value
    if event_type:
        where.append("me.event_type = upper(:etype)")
        params["etype"] = event_type
    if modality:
        where.append("me.modality = lower(:modality)")
        params["modality"] = modality
    if since:
        where.append("coalesce(me.date_end, me.date_start, me.date) >= :dfrom")
        params["dfrom"] = since
    if until:
        where.append("coalesce(me.date_start, me.date) <= :dto")
        params["dto"] = until + DAY_END
    if cluster:
        where.append("me.cluster_id = :cluster")
        params["cluster"] = cluster
    if cluster_ids is not None:
        where.append("me.cluster_id IN (SELECT value FROM json_each(:clusters))")
        params["clusters"] = json.dumps(list(cluster_ids))
    if contradicted:
        where.append("json_array_length(me.contradictions) > 0")
    if min_sources:
        where.append("me.num_sources >= :minsrc")
        params["minsrc"] = min_sources
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _merged_record(conn: sqlite3.Connection, row: tuple) -> dict:
    rec = {k: (_decode(v) if k in _MERGED_JSON else v) for k, v in zip(_MERGED_COLUMNS, row)}
    rec["articles"] = articles_brief(conn, list(rec["article_ids"] or [])[:SOURCE_LIST])
    return rec


def list_merged(conn: sqlite3.Connection, *, newest_first: bool = True, limit: int = 50, offset: int = 0,
                **filters) -> Page:
    """Merged events with their sources (articles) and contradictions, latest first."""
    if not table_exists(conn, "merged_events"):
        return Page([], 0, limit, offset, note=not_yet("merged_events"))
    clause, params = _merged_where(**filters)
    total = conn.execute("SELECT count(*) FROM merged_events me" + clause, params).fetchone()[0]
    order = "DESC" if newest_first else "ASC"
    rows = conn.execute(
        "SELECT " + ", ".join(f"me.{c}" for c in _MERGED_COLUMNS) + " FROM merged_events me" + clause
        + f" ORDER BY coalesce(me.date_start, me.date) IS NULL, coalesce(me.date_start, me.date) {order},"
        " me.num_sources DESC, me.id LIMIT :limit OFFSET :offset", {**params, "limit": limit, "offset": offset})
    return Page([_merged_record(conn, r) for r in rows.fetchall()], total, limit, offset)


def merged_detail(conn: sqlite3.Connection, mid: str) -> dict | None:
    if not table_exists(conn, "merged_events"):
        return None
    row = conn.execute("SELECT " + ", ".join(_MERGED_COLUMNS) + " FROM merged_events WHERE id = ?",
                       (mid,)).fetchone()
    if row is None:
        return None
    rec = _merged_record(conn, row)
    rec["mentions"] = [e for aid in rec["article_ids"]
                       for e in event_records(conn, EventFilter(article_id=aid)) if e["merged_event_id"] == mid]
    return rec


# ---------------------------------------------------------------- stories

_STORY_COLUMNS = ("id", "title", "start", "end", "n_clusters", "actors", "terms", "dyads", "summary")


def _names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    if not ids:
        return {}
    return dict(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({_placeholders(ids)})", ids).fetchall())


def _story_record(conn: sqlite3.Connection, row: tuple) -> dict:
    rec = {k: _decode(v) for k, v in zip(_STORY_COLUMNS, row)}
    weights = rec["actors"] if isinstance(rec["actors"], dict) else {}
    names = _names(conn, list(weights))
    rec["actors"] = [{"id": i, "name": names.get(i, i), "clusters": n}
                     for i, n in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))]
    cluster_ids = [c for (c,) in conn.execute("SELECT id FROM clusters WHERE story_id = ? ORDER BY start, id",
                                              (rec["id"],))]
    rec["cluster_ids"] = cluster_ids
    rec["article_ids"] = [a for (a,) in conn.execute(
        "SELECT id FROM articles WHERE cluster_id IN (SELECT value FROM json_each(?))"
        " ORDER BY published IS NULL, published, seq", (json.dumps(cluster_ids),))]
    return rec


def _story_where(actor: str | None, since: str | None, until: str | None, q: str | None) -> tuple[str, dict]:
    where, params = [], {}
    if actor:
        where.append("(EXISTS (SELECT 1 FROM json_each(s.actors) j WHERE j.key = :actor)"
                     " OR EXISTS (SELECT 1 FROM json_each(s.actors) j JOIN entities e ON e.id = j.key"
                     " WHERE lower(e.name) = lower(:actor) OR upper(e.country) = upper(:actor)))")
        params["actor"] = actor
    if since:
        where.append('coalesce(s."end", s.start) >= :since')
        params["since"] = since
    if until:
        where.append('coalesce(s.start, s."end") <= :until')
        params["until"] = until + DAY_END
    if q:
        where.append("instr(lower(s.title), lower(:q)) > 0")
        params["q"] = q
    return (" WHERE " + " AND ".join(where)) if where else "", params


def list_stories(conn: sqlite3.Connection, *, actor: str | None = None, since: str | None = None,
                 until: str | None = None, q: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Stories, latest activity first, with their actors, clusters and articles."""
    if not table_exists(conn, "stories"):
        return Page([], 0, limit, offset, note=not_yet("stories"))
    clause, params = _story_where(actor, since, until, q)
    total = conn.execute("SELECT count(*) FROM stories s" + clause, params).fetchone()[0]
    rows = conn.execute("SELECT " + ", ".join(f's."{c}"' for c in _STORY_COLUMNS) + " FROM stories s" + clause
                        + ' ORDER BY s."end" IS NULL, s."end" DESC, s.id LIMIT :limit OFFSET :offset',
                        {**params, "limit": limit, "offset": offset}).fetchall()
    items = []
    for row in rows:
        rec = _story_record(conn, row)
        rec["num_articles"] = len(rec["article_ids"])
        items.append(rec)
    return Page(items, total, limit, offset)


def story_detail(conn: sqlite3.Connection, sid: str) -> dict | None:
    """One story: its timeline of merged events with citations, cited summary, sources, clusters and
    the contradictions among its outlets."""
    from ..corpus.stories import timeline as story_timeline
    from ..store.stories import find_story

    if not table_exists(conn, "stories"):
        return None
    key = find_story(conn, sid)
    row = conn.execute("SELECT " + ", ".join(f'"{c}"' for c in _STORY_COLUMNS) + " FROM stories WHERE id = ?",
                       (key,)).fetchone() if key else None
    if row is None:
        return None
    rec = _story_record(conn, row)
    merged = list_merged(conn, cluster_ids=rec["cluster_ids"], newest_first=False, limit=1000).items \
        if rec["cluster_ids"] else []
    quads = {m["id"]: m["quad_class"] for m in merged}
    rec["timeline"] = [{**e, "quad_class": quads.get(e["merged_event_id"])} for e in story_timeline(conn, key)]
    rec["sources"] = articles_brief(conn, rec["article_ids"])
    cited = {a["id"]: i + 1 for i, a in enumerate(rec["sources"])}
    rec["summary"] = [{"text": s.get("text", ""), "article_id": s.get("article_id"),
                       "source": cited.get(s.get("article_id"))}
                      for s in (rec["summary"] if isinstance(rec["summary"], list) else []) if isinstance(s, dict)]
    rec["contradictions"] = [{"merged_event_id": m["id"], "event_type": m["event_type"], "date": m["date"],
                              "text": m["text"], **c} for m in merged for c in (m["contradictions"] or [])]
    rec["clusters"] = [_cluster_record(r, conn) for r in cluster_rows(conn, rec["cluster_ids"])]
    return rec


def _timeline_entry(m: dict) -> dict:
    return {"date": m["date"] or m["date_start"], "date_precision": m["date_precision"],
            "merged_event_id": m["id"], "event_type": m["event_type"], "modality": m["modality"],
            "quad_class": m["quad_class"], "text": m["text"] or m["summary"] or "",
            "actors": m["actors"], "recipients": m["recipients"], "citations": m["article_ids"],
            "num_sources": m["num_sources"]}


# ---------------------------------------------------------------- timeline and dyads


def timeline(conn: sqlite3.Connection, *, a: str | None = None, b: str | None = None, since: str | None = None,
             until: str | None = None, modality: str | None = "asserted", limit: int = 50, offset: int = 0) -> Page:
    """Dated happenings involving actor a (and b), oldest first: merged events once that stage has
    run, else single event mentions. `source` says which."""
    if _has_rows(conn, "merged_events"):
        page = list_merged(conn, actor=a, other=b, since=since, until=until, modality=modality,
                           newest_first=False, limit=limit, offset=offset)
        page.items = [_timeline_entry(m) for m in page.items if (m["date"] or m["date_start"])]
        page.extra["source"] = "merged_events"
        return page
    clause, params = event_where(EventFilter(modality=modality, date_from=since, date_to=until), a, b)
    clause += (" AND " if clause else " WHERE ") + "coalesce(ev.date_start, ev.date) IS NOT NULL"
    total = conn.execute("SELECT count(*)" + _EVENTS_FROM + clause, params).fetchone()[0]
    page_ids = conn.execute(
        "SELECT ev.id, ev.article_id" + _EVENTS_FROM + clause
        + " ORDER BY coalesce(ev.date_start, ev.date), ev.article_id, ev.sentence_index LIMIT :limit OFFSET :offset",
        {**params, "limit": limit, "offset": offset}).fetchall()
    items = [{"date": e["date"] or e["date_start"], "date_precision": e["date_precision"], "event_id": e["id"],
              "event_type": e["event_type"], "modality": e["modality"], "quad_class": e["quad_class"],
              "text": e["sentence"], "actors": e["actors"], "recipients": e["recipients"],
              "citations": [e["article_id"]], "num_sources": 1} for e in _materialise(conn, page_ids)]
    return Page(items, total, limit, offset, extra={"source": "events"})


@dataclass(slots=True)
class _Side:
    key: str
    name: str
    country: str | None


def _side(entity_id, name, country, sector, level: str) -> _Side | None:
    if level == "country":
        return _Side(country, country, country) if country else None
    key = entity_id or (f"{country}/{sector or '?'}" if country else None)
    return _Side(key, name or key, country) if key else None


def _matches(side: _Side, key: str | None) -> bool:
    if not key:
        return True
    k = key.lower()
    return k in (side.key.lower(), (side.country or "").lower(), side.name.lower()) or \
        (len(k) > 3 and k in side.name.lower())


def dyads(conn: sqlite3.Connection, *, a: str | None = None, b: str | None = None, period: str | None = None,
          since: str | None = None, until: str | None = None, level: str = "entity",
          modality: str | None = "asserted", limit: int = 50, offset: int = 0) -> Page:
    """Actor pairs (unordered; oriented to put `a` first when given) with their events split into
    cooperation and conflict, the mean intensity (Goldstein-like, -10..10), first and last dates;
    per period when `period` is day, week, month or year. Mentions merged into one event count once;
    pairs come from the event's actor x recipient and actor x actor (two-sided clashes) parties."""
    clause, params = event_where(EventFilter(modality=modality, date_from=since, date_to=until), a, b)
    rows = conn.execute(
        "SELECT coalesce(ev.merged_event_id, ev.id), coalesce(ev.date_start, ev.date), ev.quad_class, ev.intensity,"
        " p.role, p.position, coalesce(r.to_id, p.entity_id), coalesce(e.name, p.name),"
        " coalesce(p.country, e.country), coalesce(p.sector, e.sector)" + _EVENTS_FROM
        + " JOIN event_parties p ON p.event_id = ev.id LEFT JOIN entity_redirects r ON r.from_id = p.entity_id"
        " LEFT JOIN entities e ON e.id = coalesce(r.to_id, p.entity_id)" + clause
        + " ORDER BY ev.id, p.role, p.position", params).fetchall()
    events: dict[str, dict] = {}
    for key, day, quad, intensity, role, _, eid, name, country, sector in rows:
        ev = events.setdefault(key, {"day": day, "quad": quad, "intensity": intensity, "actor": [], "recipient": []})
        side = _side(eid, name, country, sector, level)
        if side and all(s.key != side.key for s in ev[role]):
            ev[role].append(side)
    groups: dict[tuple, dict] = {}
    for key, ev in events.items():
        pairs = {}
        for x in ev["actor"]:
            for y in ev["recipient"] + ev["actor"]:
                if x.key == y.key:
                    continue
                first, second = _orient(x, y, a, b)
                if first is None:
                    continue
                pairs[(first.key, second.key)] = (first, second)
        label = _period(ev["day"], period) if period else None
        if period and label is None:
            continue
        for (ka, kb), (first, second) in pairs.items():
            g = groups.setdefault((ka, kb, label), {
                "a": ka, "a_name": first.name, "b": kb, "b_name": second.name, "period": label, "events": 0,
                "cooperation": 0, "conflict": 0, "quad": {"1": 0, "2": 0, "3": 0, "4": 0}, "_intensity": [],
                "first": None, "last": None, "_seen": set()})
            if key in g["_seen"]:
                continue
            g["_seen"].add(key)
            g["events"] += 1
            g["cooperation" if ev["quad"] in COOPERATION else "conflict"] += 1
            g["quad"][str(ev["quad"])] = g["quad"].get(str(ev["quad"]), 0) + 1
            g["_intensity"].append(ev["intensity"])
            if ev["day"]:
                g["first"] = min(filter(None, (g["first"], ev["day"])))
                g["last"] = max(filter(None, (g["last"], ev["day"])))
    items = []
    for g in groups.values():
        values = g.pop("_intensity")
        g.pop("_seen")
        g["intensity"] = round(sum(values) / len(values), 2) if values else None
        items.append(g)
    if period:
        items.sort(key=lambda g: (g["a"], g["b"], g["period"]))
    else:
        items.sort(key=lambda g: (-g["events"], g["a"], g["b"]))
    return Page(items[offset:offset + limit], len(items), limit, offset,
                extra={"period": period, "level": level})


def _orient(x: _Side, y: _Side, a: str | None, b: str | None) -> tuple[_Side | None, _Side | None]:
    """The pair with the side matching `a` first and the side matching `b` second; (None, None) when
    the filters exclude it; in key order when no filter names a side."""
    if not a and not b:
        return (x, y) if x.key <= y.key else (y, x)
    for first, second in ((x, y), (y, x)):
        if (not a or _matches(first, a)) and (not b or _matches(second, b)):
            return first, second
    return None, None


def actor_event_roles(conn: sqlite3.Connection, entity_id: str) -> list[dict]:
    """Per month, how often an actor was an event's actor or its recipient (asserted events)."""
    counts: dict[str, dict] = defaultdict(lambda: {"actor": 0, "recipient": 0})
    for day, role, n in conn.execute(
            "SELECT coalesce(ev.date_start, ev.date), p.role, count(DISTINCT coalesce(ev.merged_event_id, ev.id))"
            " FROM event_parties p LEFT JOIN entity_redirects r ON r.from_id = p.entity_id"
            " JOIN events ev ON ev.id = p.event_id WHERE coalesce(r.to_id, p.entity_id) = ?"
            " AND ev.modality = 'asserted' GROUP BY 1, 2", (entity_id,)):
        label = _period(day, "month")
        if label:
            counts[label][role] += n
    return [{"month": m, **counts[m]} for m in sorted(counts)]


# ---------------------------------------------------------------- notes for absent tables

STAGES = {"events": "event coding", "places": "place resolution", "clusters": "clustering",
          "merged_events": "cross-outlet event merging", "stories": "story threading"}


def not_yet(table: str) -> str:
    return (f"No {table.replace('_', ' ')} yet: this store has no {table} table, so the {STAGES[table]} "
            "stage has not run on it. The list fills once that stage writes the store.")
