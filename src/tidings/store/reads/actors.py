"""Actor reads behind the entity lists, the actor page, its network and the world map."""
from __future__ import annotations

import sqlite3
from collections import defaultdict

from ..actors import co_actors, entity_rows, find_entities
from .articles import list_articles
from .common import Page, period_label, sql_limit, table_exists
from .dyads import dyads

NETWORK_SIZE = 12    # co-actors drawn around an actor: more turns the small SVG into a hairball
APPEARS_WITH = 25    # co-actors listed on an actor's page
CARD_CO_ACTORS = 10  # co-actors `tidings entity` prints


def list_entities(conn: sqlite3.Connection, kb, *, type: str | None = None, country: str | None = None,
                  sector: str | None = None, q: str | None = None, limit: int | None = 50,
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
        [*params, sql_limit(limit), offset])]
    rows = {r.id: r.record() for r in entity_rows(conn, kb, ids=ids)} if ids else {}
    return Page([rows[i] for i in ids if i in rows], total, limit, offset)


def entity_records(conn: sqlite3.Connection, kb, type: str | None = None, country: str | None = None,
                   limit: int | None = None) -> list[dict]:
    """Every actor as entities.jsonl spells it, most mentioned first."""
    return [r.record() for r in entity_rows(conn, kb, type=type, country=country)[:limit]]


def entities_named(conn: sqlite3.Connection, kb, name: str, co: int = CARD_CO_ACTORS) -> list[dict]:
    """Every actor whose id, name or a spelling seen matches `name`, each as entities.jsonl spells it
    plus `appears_with` (the actors named in the same sentences, most shared sentences first)."""
    ids = find_entities(conn, name)
    rows = entity_rows(conn, kb, ids=ids) if ids else []
    return [{**r.record(), "appears_with": [{"id": i, "name": n, "sentences": k} for i, n, k in co_actors(conn, r.id, co)]}
            for r in rows]


def entity_detail(conn: sqlite3.Connection, kb, eid: str) -> dict | None:
    """One actor: record, co-actors, its network, mentions per month and the latest articles."""
    rows = entity_rows(conn, kb, ids=[eid])
    if not rows:
        return None
    record = rows[0].record()
    record["origin"] = rows[0].origin
    record["appears_with"] = [{"id": i, "name": n, "sentences": k} for i, n, k in co_actors(conn, eid, APPEARS_WITH)]
    record["network"] = network(conn, eid)
    record["by_month"] = [{"month": mo, "mentions": n, "articles": k} for mo, n, k in conn.execute(
        "SELECT substr(a.published, 1, 7) AS mo, count(*), count(DISTINCT m.article_id) FROM mentions m"
        " JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? AND a.published IS NOT NULL"
        " GROUP BY mo ORDER BY mo", (eid,))]
    record["articles"] = list_articles(conn, entity=eid, limit=20).items
    if table_exists(conn, "events"):
        record["event_roles"] = actor_event_roles(conn, eid)
        record["counterparts"] = dyads(conn, a=eid, limit=NETWORK_SIZE).items
    else:
        record["event_roles"], record["counterparts"] = [], []
    return record


def find_entity(conn: sqlite3.Connection, name_or_id: str) -> str | None:
    """The first entity whose id, name or a spelling seen matches."""
    ids = find_entities(conn, name_or_id)
    return ids[0] if ids else None


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


def entity_types(conn: sqlite3.Connection) -> list[str]:
    """The actor types present in this store, by name."""
    return [t for (t,) in conn.execute("SELECT DISTINCT type FROM entities ORDER BY type")]


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


def actor_event_roles(conn: sqlite3.Connection, entity_id: str) -> list[dict]:
    """Per month, how often an actor was an event's actor or its recipient (asserted events)."""
    counts: dict[str, dict] = defaultdict(lambda: {"actor": 0, "recipient": 0})
    for day, role, n in conn.execute(
            "SELECT coalesce(ev.date_start, ev.date), p.role, count(DISTINCT coalesce(ev.merged_event_id, ev.id))"
            " FROM event_parties p LEFT JOIN entity_redirects r ON r.from_id = p.entity_id"
            " JOIN events ev ON ev.id = p.event_id WHERE coalesce(r.to_id, p.entity_id) = ?"
            " AND ev.modality = 'asserted' GROUP BY 1, 2", (entity_id,)):
        label = period_label(day, "month")
        if label:
            counts[label][role] += n
    return [{"month": m, **counts[m]} for m in sorted(counts)]
