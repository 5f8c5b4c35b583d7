"""Reads of the corpus stages: same-event clusters, merged events, stories and timelines."""
from __future__ import annotations

import json
import sqlite3

from ..corpus import cluster_rows, find_cluster
from ..events import DAY_END, EventFilter, event_records, event_where, party_events, party_rows
from ..stories import MergedFilter, find_story, merged_record, merged_rows, story_rows
from .common import (
    COUNT_BUDGET,
    Order,
    Page,
    articles_brief,
    capped_count,
    decode,
    fetch_limit,
    has_rows,
    not_yet,
    placeholders,
    split_page,
    sql_limit,
    table_exists,
    where_sql,
)
from .events import EVENTS_FROM, SCAN_ABOVE, materialise

SOURCE_LIST = 50      # articles listed per merged event or story in a detail record
# Merged events per cluster on a story's timeline (most sources first, then those the articles
# date themselves): keeps a long story readable (on the demo corpus the October 2021 cluster
# shows the Khan-Rahmon call among its five); `tidings timeline` shows every merged event.
TIMELINE_PER_CLUSTER = 5


# ---------------------------------------------------------------- clusters


def _cluster_record(row, conn: sqlite3.Connection, with_articles: bool = False) -> dict:
    rec = {**row.record(), "num_articles": len(row.article_ids), "num_sources": row.num_sources,
           "outlets": row.outlets, "story_id": row.story_id}
    if with_articles:
        rec["articles"] = articles_brief(conn, row.article_ids)
    return rec


# Biggest first, then the earliest started (undated last), then by id.
CLUSTER_ORDER = Order((("c.n_articles", True), ("coalesce(c.start, '9999')", False), ("c.id", False)))


def list_clusters(conn: sqlite3.Connection, *, since: str | None = None, until: str | None = None,
                  min_size: int = 1, q: str | None = None, story: str | None = None, limit: int | None = 50,
                  offset: int = 0, after: str | None = None) -> Page:
    """Same-event clusters, biggest first; `after` (a page's `next`) continues where that page ended."""
    if not table_exists(conn, "clusters"):
        return Page([], 0, limit, offset, note=not_yet("clusters"))
    where, params = ["c.n_articles >= :size"], {"size": max(1, min_size)}
    _span_and_title(where, params, "c", since, until, q)
    if story:
        where.append("c.story_id = :story")
        params["story"] = story
    total, exact = capped_count(conn, "FROM clusters c" + where_sql(where), params)
    seek, keys = CLUSTER_ORDER.after(after)
    rows = conn.execute("SELECT c.id, " + CLUSTER_ORDER.columns() + " FROM clusters c" + where_sql([*where, seek])
                        + CLUSTER_ORDER.order_by() + " LIMIT :limit OFFSET :offset",
                        {**params, **keys, "limit": fetch_limit(limit), "offset": 0 if after else offset}).fetchall()
    rows, cursor = split_page(rows, limit, CLUSTER_ORDER, len(CLUSTER_ORDER.keys))
    found = {r.id: r for r in cluster_rows(conn, [r[0] for r in rows])}
    items = [_cluster_record(found[r[0]], conn) for r in rows if r[0] in found]
    return Page(items, total, limit, offset, next=cursor, total_exact=exact)


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

# Latest day first (undated last), then most sources, then by id; oldest first the other way round.
MERGED_DAY = "coalesce(me.date_start, me.date, '')"
MERGED_NEWEST = Order(((MERGED_DAY, True), ("me.num_sources", True), ("me.id", True)))
MERGED_OLDEST = Order(((MERGED_DAY, False), ("me.num_sources", False), ("me.id", False)))
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


def _merged_party(key: str, scan: bool) -> str:
    """A merged event has a party matching :key in its JSON party lists. `scan`: read those of each
    row along the list's order (for an actor in many events); else only of the candidates the
    indexes find (for one in few)."""
    json_match = f"({_json_party('actors', key)} OR {_json_party('recipients', key)})"
    return json_match if scan else f"{merged_candidates(key)} AND {json_match}"


def merged_candidates(key: str) -> str:
    """Merged events that may have a party matching :key, found through indexes: those whose event
    mentions have one (by the party's or its entity's country too, as the merged party lists record
    it), and those written without mentions (n_members 0), which only their JSON lists can tell."""
    return ("me.id IN (SELECT ev.merged_event_id FROM events ev WHERE ev.id IN"
            f" ({party_events(None, key, entity_country=True)})"
            " UNION SELECT id FROM merged_events WHERE n_members = 0)")


def merged_where(*, actor=None, other=None, event_type=None, modality=None, since=None, until=None,
                 cluster=None, cluster_ids=None, contradicted=None, min_sources=None, dated=False,
                 scan: frozenset[str] = frozenset({"ma", "mb"})) -> tuple[str, dict]:
    """The WHERE clause (over `merged_events me`) and named parameters of a merged-events filter;
    a dated span counts when it overlaps since..until. `scan` names the actor keys (ma, mb) matched
    on the JSON party lists rather than looked up through the event mentions (_merged_party)."""
    where, params = [], {}
    for value, key in ((actor, "ma"), (other, "mb")):
        if value:
            where.append(_merged_party(key, key in scan))
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
        where.append(f"{MERGED_DAY} > '' AND {MERGED_DAY} <= :dto")
        params["dto"] = until + DAY_END
    if dated:
        where.append(f"{MERGED_DAY} > ''")
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
    rec = {k: (decode(v) if k in _MERGED_JSON else v) for k, v in zip(_MERGED_COLUMNS, row)}
    rec["articles"] = articles_brief(conn, list(rec["article_ids"] or [])[:SOURCE_LIST])
    return rec


def scanned_actors(conn: sqlite3.Connection, **actors: str | None) -> frozenset[str]:
    """The actor keys (ma, mb) whose filter matches so many event parties that a list should check
    rows along its order rather than look the actor's rows up (SCAN_ABOVE, as for event lists)."""
    return frozenset(key for key, value in actors.items() if value and party_rows(conn, None, key, value) >= SCAN_ABOVE)


def list_merged(conn: sqlite3.Connection, *, newest_first: bool = True, limit: int | None = 50, offset: int = 0,
                after: str | None = None, **filters) -> Page:
    """Merged events with their sources (articles) and contradictions, latest first; `after` (a
    page's `next`) continues where that page ended."""
    if not table_exists(conn, "merged_events"):
        return Page([], 0, limit, offset, note=not_yet("merged_events"))
    scan = scanned_actors(conn, ma=filters.get("actor"), mb=filters.get("other"))
    clause, params = merged_where(**filters, scan=scan)
    # Reading JSON party lists runs inside json_each, out of sight of the VM-step budget: a tenth of it
    # keeps the count of a frequent actor's merged events near the others' (1M-event synthetic store).
    total, exact = capped_count(conn, "FROM merged_events me" + clause, params,
                                budget=COUNT_BUDGET // 10 if scan else COUNT_BUDGET)
    order = MERGED_NEWEST if newest_first else MERGED_OLDEST
    seek, keys = order.after(after)
    rows = conn.execute(
        "SELECT " + ", ".join(f"me.{c}" for c in _MERGED_COLUMNS) + ", " + order.columns() + " FROM merged_events me"
        + where_sql([clause.removeprefix(" WHERE "), seek]) + order.order_by() + " LIMIT :limit OFFSET :offset",
        {**params, **keys, "limit": fetch_limit(limit), "offset": 0 if after else offset}).fetchall()
    rows, cursor = split_page(rows, limit, order, len(order.keys))
    return Page([_merged_record(conn, r[:len(_MERGED_COLUMNS)]) for r in rows], total, limit, offset, next=cursor,
                total_exact=exact)


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
    return dict(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({placeholders(ids)})", ids).fetchall())


def _story_record(conn: sqlite3.Connection, row: tuple) -> dict:
    rec = {k: decode(v) for k, v in zip(_STORY_COLUMNS, row)}
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
    _span_and_title(where, params, "s", since, until, q)
    return (" WHERE " + " AND ".join(where)) if where else "", params


def _span_and_title(where: list[str], params: dict, alias: str, since: str | None, until: str | None,
                    q: str | None) -> None:
    """Filters of a cluster or story (table alias `alias`): a dated span overlapping since..until
    (undated ones never match a date filter), and words of its title."""
    if since:
        where.append(f'coalesce({alias}."end", {alias}.start) >= :since')
        params["since"] = since
    if until:
        where.append(f'coalesce({alias}.start, {alias}."end") <= :until')
        params["until"] = until + DAY_END
    if q:
        where.append(f"instr(lower({alias}.title), lower(:q)) > 0")
        params["q"] = q


STORY_ORDER = Order((("coalesce(s.\"end\", '')", True), ("s.id", True)))  # latest activity first, undated last


def list_stories(conn: sqlite3.Connection, *, actor: str | None = None, since: str | None = None,
                 until: str | None = None, q: str | None = None, limit: int | None = 50, offset: int = 0,
                 after: str | None = None) -> Page:
    """Stories, latest activity first, with their actors, clusters and articles; `after` (a page's
    `next`) continues where that page ended."""
    if not table_exists(conn, "stories"):
        return Page([], 0, limit, offset, note=not_yet("stories"))
    clause, params = _story_where(actor, since, until, q)
    total, exact = capped_count(conn, "FROM stories s" + clause, params)
    seek, keys = STORY_ORDER.after(after)
    rows = conn.execute("SELECT " + ", ".join(f's."{c}"' for c in _STORY_COLUMNS) + ", " + STORY_ORDER.columns()
                        + " FROM stories s" + where_sql([clause.removeprefix(" WHERE "), seek])
                        + STORY_ORDER.order_by() + " LIMIT :limit OFFSET :offset",
                        {**params, **keys, "limit": fetch_limit(limit), "offset": 0 if after else offset}).fetchall()
    rows, cursor = split_page(rows, limit, STORY_ORDER, len(STORY_ORDER.keys))
    items = []
    for row in rows:
        rec = _story_record(conn, row[:len(_STORY_COLUMNS)])
        rec["num_articles"] = len(rec["article_ids"])
        items.append(rec)
    return Page(items, total, limit, offset, next=cursor, total_exact=exact)


def story_detail(conn: sqlite3.Connection, sid: str) -> dict | None:
    """One story: its timeline of merged events with citations, cited summary, sources, clusters and
    the contradictions among its outlets."""
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
    rec["timeline"] = [{**e, "quad_class": quads.get(e["merged_event_id"])} for e in merged_timeline(conn, key)]
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


# ---------------------------------------------------------------- timelines


def timeline(conn: sqlite3.Connection, *, a: str | None = None, b: str | None = None, since: str | None = None,
             until: str | None = None, modality: str | None = "asserted", limit: int | None = 50, offset: int = 0) -> Page:
    """Dated happenings involving actor a (and b), oldest first: merged events once that stage has
    run, else single event mentions. `source` says which."""
    if has_rows(conn, "merged_events"):
        page = list_merged(conn, actor=a, other=b, since=since, until=until, modality=modality, dated=True,
                           newest_first=False, limit=limit, offset=offset)
        page.items = [_timeline_entry(m) for m in page.items if (m["date"] or m["date_start"])]
        page.extra["source"] = "merged_events"
        return page
    clause, params = event_where(EventFilter(modality=modality, date_from=since, date_to=until), a, b)
    clause += (" AND " if clause else " WHERE ") + "coalesce(ev.date_start, ev.date) IS NOT NULL"
    total = conn.execute("SELECT count(*)" + EVENTS_FROM + clause, params).fetchone()[0]
    page_ids = conn.execute(
        "SELECT ev.id, ev.article_id" + EVENTS_FROM + clause
        + " ORDER BY coalesce(ev.date_start, ev.date), ev.article_id, ev.sentence_index LIMIT :limit OFFSET :offset",
        {**params, "limit": sql_limit(limit), "offset": offset}).fetchall()
    items = [{"date": e["date"] or e["date_start"], "date_precision": e["date_precision"], "event_id": e["id"],
              "event_type": e["event_type"], "modality": e["modality"], "quad_class": e["quad_class"],
              "text": e["sentence"], "actors": e["actors"], "recipients": e["recipients"],
              "citations": [e["article_id"]], "num_sources": 1} for e in materialise(conn, page_ids)]
    return Page(items, total, limit, offset, extra={"source": "events"})


def merged_timeline(conn: sqlite3.Connection, story_id: str | None = None, actors: tuple[str, ...] = (),
                    date_from: str | None = None, date_to: str | None = None,
                    per_cluster: int | None = TIMELINE_PER_CLUSTER) -> list[dict]:
    """Dated entries {date, merged_event_id, text, citations, event_type, num_sources, ...} of
    asserted merged events, oldest first. For a story, the best supported few per cluster."""
    rows = [r for r in merged_rows(conn, MergedFilter(actors=actors, date_from=date_from, date_to=date_to,
                                                      story_id=story_id)) if r["date_start"]]
    if story_id and per_cluster:
        by_cluster: dict[str | None, list[dict]] = {}
        for r in rows:
            by_cluster.setdefault(r["cluster_id"], []).append(r)
        keep = set()
        for group in by_cluster.values():
            group.sort(key=lambda r: (-r["num_sources"], _precise(r), -r["num_articles"], r["id"]))
            keep.update(r["id"] for r in group[:per_cluster])
        rows = [r for r in rows if r["id"] in keep]
    return [{"date": r["date"] or r["date_start"], "date_end": r["date_end"], "merged_event_id": r["id"],
             "event_type": r["event_type"], "text": r["text"], "citations": r["article_ids"],
             "num_sources": r["num_sources"], "actors": r["actors"], "recipients": r["recipients"],
             "contradictions": len(r["contradictions"])} for r in rows]


def _precise(r: dict) -> int:
    return 0 if (r.get("date_precision") or "").split(":")[0] in ("day", "datetime") else 1


def story_record(conn: sqlite3.Connection, row: dict, entries: list[dict] | None = None) -> dict:
    """A story as stories.jsonl spells it: the export contract, the timeline citing its articles.
    `entries` is its merged_timeline when the caller has it already."""
    entries = merged_timeline(conn, row["id"]) if entries is None else entries
    return {"id": row["id"], "title": row["title"], "cluster_ids": row["cluster_ids"],
            "article_ids": row["article_ids"], "actors": row["actors"], "start": row["start"], "end": row["end"],
            "timeline": [{"date": e["date"], "merged_event_id": e["merged_event_id"], "text": e["text"],
                          "citations": e["citations"]} for e in entries]}


def story_records(conn: sqlite3.Connection) -> list[dict]:
    """Every story as stories.jsonl spells it, by start (undated last), then id."""
    return [story_record(conn, row) for row in sorted(story_rows(conn), key=lambda r: (r["start"] or "9999", r["id"]))]


def story_view(conn: sqlite3.Connection, key: str) -> dict | None:
    """One story as `tidings story` shows it, found by its id (or a unique prefix), a cluster id or an
    article id in it: its row (title, span, actors, summary ...), `timeline` (every entry, as
    merged_timeline gives it for the story) and `record` (the stories.jsonl record)."""
    sid = find_story(conn, key)
    rows = story_rows(conn, [sid]) if sid else []
    if not rows:
        return None
    entries = merged_timeline(conn, sid)
    return {**rows[0], "timeline": entries, "record": story_record(conn, rows[0], entries)}


def story_list(conn: sqlite3.Connection, limit: int | None = None) -> list[dict]:
    """Stories as `tidings stories` lists them: most articles first, each with id, title, cluster_ids,
    article_ids, actors, start, end and summary."""
    return story_rows(conn)[:limit]


def merged_records(conn: sqlite3.Connection, f: MergedFilter | None = None) -> list[dict]:
    """Merged events as merged_events.jsonl spells them, dated first in date order (every modality
    unless `f` says otherwise)."""
    return [merged_record(r) for r in merged_rows(conn, f or MergedFilter(modality=None))]


def cluster_records(conn: sqlite3.Connection) -> list[dict]:
    """Every cluster as clusters.jsonl spells it, biggest first."""
    return [r.record() for r in cluster_rows(conn)]
