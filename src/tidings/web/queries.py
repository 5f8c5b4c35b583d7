"""Read queries behind the REST API and the pages: filtered, paginated, parameterised SQL only."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from ..store import Store, fts_query
from ..store.actors import co_actors, entity_rows

EXCERPT_CHARS = 240  # body characters shown in article lists: about three lines of a table cell
NETWORK_SIZE = 12    # co-actors drawn around an actor: more turns the small SVG into a hairball
LATEST = 8           # latest articles on the dashboard
# Tables of the later stages the dashboard counts (each may be absent from an older store).
LATER_TABLES = ("events", "places", "clusters", "merged_events", "stories")

LIST_COLUMNS = ("id", "title", "outlet", "author", "published", "published_precision", "dateline",
                "wire", "language", "url", "origin", "cluster_id", "near_duplicate_of")


@dataclass(slots=True)
class Page:
    """One page of a list endpoint; `note` says why a list is empty when a stage has not run."""

    items: list[dict]
    total: int
    limit: int
    offset: int
    note: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def record(self) -> dict:
        out = {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}
        if self.note is not None:
            out["note"] = self.note
        out.update(self.extra)
        return out


def table_exists(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?",
                        (name,)).fetchone() is not None


def table_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    if not table_exists(conn, table):  # the name is then a known table, safe in PRAGMA
        return []
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


# ---------------------------------------------------------------- articles


def _article_filters(outlet, since, until, entity, cluster) -> tuple[list[str], list]:
    where, params = [], []
    if outlet:
        where.append("a.outlet = ?")
        params.append(outlet)
    if since:
        where.append("substr(a.published, 1, 10) >= ?")
        params.append(since)
    if until:
        where.append("substr(a.published, 1, ?) <= ?")
        params += [len(until), until]
    if entity:
        where.append("a.id IN (SELECT article_id FROM mentions WHERE entity_id = ?)")
        params.append(entity)
    if cluster:
        where.append("a.cluster_id = ?")
        params.append(cluster)
    return where, params


def list_articles(conn: sqlite3.Connection, *, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, entity: str | None = None, cluster: str | None = None,
                  newest_first: bool = True, limit: int = 50, offset: int = 0) -> Page:
    """Articles without their bodies (an excerpt instead), newest publication first by default."""
    where, params = _article_filters(outlet, since, until, entity, cluster)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM articles a{clause}", params).fetchone()[0]
    order = "a.published IS NULL, a.published DESC, a.seq DESC" if newest_first else \
        "a.published IS NULL, a.published, a.seq"
    cols = ", ".join(f"a.{c}" for c in LIST_COLUMNS)
    rows = conn.execute(
        f"SELECT {cols}, substr(a.body, 1, ?), length(a.body),"
        " (SELECT count(*) FROM origins o WHERE o.article_id = a.id)"
        f" FROM articles a{clause} ORDER BY {order} LIMIT ? OFFSET ?",
        [EXCERPT_CHARS, *params, limit, offset]).fetchall()
    items = []
    for r in rows:
        item = dict(zip(LIST_COLUMNS, r[:len(LIST_COLUMNS)]))
        excerpt, length, n_origins = r[len(LIST_COLUMNS):]
        item["excerpt"] = excerpt + ("…" if length > EXCERPT_CHARS else "")
        item["num_origins"] = n_origins
        items.append(item)
    return Page(items, total, limit, offset)


def article_detail(store: Store, id_or_prefix: str) -> dict | None:
    """One article with its body, origins, sentences, actor mentions and the entities they name."""
    a = store.article(id_or_prefix)
    if a is None:
        return None
    conn = store.connection
    record = {c: getattr(a, c) for c in LIST_COLUMNS}
    record.update(body=a.body, origins=a.origins)
    record["sentences"] = [{"index": i, "start": s, "end": e} for i, s, e in conn.execute(
        'SELECT idx, start, "end" FROM sentences WHERE article_id = ? ORDER BY idx', (a.id,))]
    record["mentions"] = [
        {"sentence_index": si, "start": s, "end": e, "text": t, "label": lab, "entity_id": eid,
         "entity_name": name, "entity_type": etype, "country": country}
        for si, s, e, t, lab, eid, name, etype, country in conn.execute(
            'SELECT m.sentence_index, m.start, m."end", m.text, m.label, m.entity_id, e.name, e.type,'
            " e.country FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id"
            " WHERE m.article_id = ? ORDER BY m.start", (a.id,))]
    seen: dict[str, dict] = {}
    for m in record["mentions"]:
        if m["entity_id"] and m["entity_name"]:
            ent = seen.setdefault(m["entity_id"], {"id": m["entity_id"], "name": m["entity_name"],
                                                   "type": m["entity_type"], "country": m["country"],
                                                   "mentions": 0})
            ent["mentions"] += 1
    record["entities"] = sorted(seen.values(), key=lambda e: (-e["mentions"], e["name"]))
    from .corpus_queries import article_event_spans

    record["events"] = article_event_spans(conn, a.id) if table_exists(conn, "events") else []
    return record


def outlets(conn: sqlite3.Connection) -> list[dict]:
    return [{"outlet": o, "articles": n} for o, n in conn.execute(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL"
        " GROUP BY outlet ORDER BY n DESC, outlet")]


def search(store: Store, q: str, limit: int, offset: int) -> Page:
    """Full-text search (FTS5, bm25), best first, with snippets; matches lie between « and »."""
    found = store.search(q, limit=limit + offset)
    items = [{**{c: getattr(a, c) for c in LIST_COLUMNS}, "snippet": snippet}
             for a, snippet in found[offset:]]
    match = fts_query(q)
    total = store.connection.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                     (match,)).fetchone()[0] if match else 0
    return Page(items, total, limit, offset, extra={"query": q})


# ---------------------------------------------------------------- entities


def list_entities(conn: sqlite3.Connection, kb, *, type: str | None = None, country: str | None = None,
                  sector: str | None = None, q: str | None = None, limit: int = 50,
                  offset: int = 0) -> Page:
    """Entities, most mentioned first, each with aliases seen, counts and roles."""
    where, params = [], []
    for column, value in (("type", type), ("country", country), ("sector", sector)):
        if value:
            where.append(f"e.{column} = ?")
            params.append(value.upper())
    if q:
        where.append("(instr(lower(e.name), lower(?)) > 0 OR instr(lower(e.id), lower(?)) > 0)")
        params += [q, q]
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    total = conn.execute(f"SELECT count(*) FROM entities e{clause}", params).fetchone()[0]
    ids = [r[0] for r in conn.execute(
        f"SELECT e.id FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id{clause}"
        " GROUP BY e.id ORDER BY count(m.entity_id) DESC, e.id LIMIT ? OFFSET ?",
        [*params, limit, offset])]
    rows = {r.id: r.record() for r in entity_rows(conn, kb, ids=ids)} if ids else {}
    return Page([rows[i] for i in ids if i in rows], total, limit, offset)


def entity_detail(conn: sqlite3.Connection, kb, eid: str) -> dict | None:
    """One actor: record, co-actors, its network, mentions per month and the latest articles."""
    rows = entity_rows(conn, kb, ids=[eid])
    if not rows:
        return None
    record = rows[0].record()
    record["origin"] = rows[0].origin
    record["appears_with"] = [{"id": i, "name": n, "sentences": k} for i, n, k in co_actors(conn, eid, 25)]
    record["network"] = network(conn, eid)
    record["by_month"] = [{"month": mo, "mentions": n, "articles": k} for mo, n, k in conn.execute(
        "SELECT substr(a.published, 1, 7) AS mo, count(*), count(DISTINCT m.article_id) FROM mentions m"
        " JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND a.published IS NOT NULL"
        " GROUP BY mo ORDER BY mo", (eid,))]
    record["articles"] = list_articles(conn, entity=eid, limit=20).items
    if table_exists(conn, "events"):
        from .corpus_queries import actor_event_roles, dyads

        record["event_roles"] = actor_event_roles(conn, eid)
        record["counterparts"] = dyads(conn, a=eid, limit=NETWORK_SIZE).items
    else:
        record["event_roles"], record["counterparts"] = [], []
    return record


def network(conn: sqlite3.Connection, eid: str, size: int = NETWORK_SIZE) -> dict:
    """The actor, its most frequent co-actors (same sentence) and the ties among them."""
    center = conn.execute("SELECT id, name, type, country FROM entities WHERE id = ?", (eid,)).fetchone()
    partners = co_actors(conn, eid, size)
    ids = [eid] + [p[0] for p in partners]
    info = {r[0]: r for r in conn.execute(
        f"SELECT id, name, type, country FROM entities WHERE id IN ({', '.join('?' * len(ids))})", ids)}
    nodes = [{"id": i, "name": info[i][1], "type": info[i][2], "country": info[i][3], "center": i == eid}
             for i in ids if i in info]
    edges = [{"source": eid, "target": p[0], "weight": p[2]} for p in partners]
    if len(ids) > 2:
        marks = ", ".join("?" * (len(ids) - 1))
        edges += [{"source": a, "target": b, "weight": n} for a, b, n in conn.execute(
            "SELECT x.entity_id, y.entity_id, count(DISTINCT x.article_id || ':' || x.sentence_index)"
            " FROM mentions x JOIN mentions y ON y.article_id = x.article_id"
            " AND y.sentence_index = x.sentence_index AND x.entity_id < y.entity_id"
            f" WHERE x.entity_id IN ({marks}) AND y.entity_id IN ({marks}) GROUP BY 1, 2",
            ids[1:] + ids[1:])]
    return {"nodes": nodes if center else [], "edges": edges if center else []}


def countries(conn: sqlite3.Connection) -> list[dict]:
    """Mentions and articles per country actor, with the ISO numeric code the world map keys on."""
    import pycountry

    out = []
    for code, name, n, k in conn.execute(
            "SELECT e.country, e.name, count(m.entity_id), count(DISTINCT m.article_id) FROM entities e"
            " JOIN mentions m ON m.entity_id = e.id WHERE e.type = 'COUNTRY' AND e.country IS NOT NULL"
            " GROUP BY e.country ORDER BY count(m.entity_id) DESC"):
        found = pycountry.countries.get(alpha_3=code)
        out.append({"country": code, "name": name, "numeric": found.numeric if found else None,
                    "mentions": n, "articles": k})
    return out


# ---------------------------------------------------------------- dashboard


def dashboard(store: Store) -> dict:
    """Counts, outlets, articles per month and the latest articles, for the front page."""
    conn = store.connection
    s = store.summary()
    counts = {"articles": s.n_articles, "origins": s.n_origins, "failures": s.n_failures,
              "entities": conn.execute("SELECT count(*) FROM entities").fetchone()[0],
              "mentions": conn.execute("SELECT count(*) FROM mentions").fetchone()[0]}
    for table in LATER_TABLES:  # None: the stage's table is absent from this store
        counts[table] = (conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                         if table_exists(conn, table) else None)
    by_month = [{"month": mo, "articles": n} for mo, n in conn.execute(
        "SELECT substr(published, 1, 7) AS mo, count(*) FROM articles WHERE published IS NOT NULL"
        " GROUP BY mo ORDER BY mo")]
    return {"counts": counts, "outlets": outlets(conn), "first_published": s.first_published,
            "last_published": s.last_published, "undated": s.n_undated, "by_month": by_month,
            "latest": list_articles(conn, limit=LATEST).items}
