"""Store queries of the actor stage: write an article's mentions in its transaction, read entities, merge new ones."""
from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..actors.kb import KnowledgeBase, normalise, skeleton
from ..actors.latin import latin
from ..model.actors import ArticleActors, LearnedRole


@dataclass(slots=True)
class EntityRow:
    """An entity as `tidings entities` and entities.jsonl show it."""

    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    origin: str
    aliases: list[str] = field(default_factory=list)
    mention_count: int = 0
    article_count: int = 0
    roles: list[dict] = field(default_factory=list)

    def record(self) -> dict:
        return {"id": self.id, "name": self.name, "type": self.type, "country": self.country,
                "sector": self.sector, "aliases": self.aliases, "mention_count": self.mention_count,
                "article_count": self.article_count, "roles": self.roles}


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def needs_analysis(conn: sqlite3.Connection, article_id: str) -> bool:
    """True when the article has no mentions computed on its current body."""
    row = conn.execute(
        "SELECT an.body_chars = length(a.body) FROM articles a LEFT JOIN analysed an ON an.article_id = a.id"
        " WHERE a.id = ?", (article_id,)).fetchone()
    return row is None or not row[0]


def stale_articles(conn: sqlite3.Connection) -> list[str]:
    """Articles never analysed, or whose body changed since (the boilerplate sweep)."""
    rows = conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN analysed an ON an.article_id = a.id"
        " WHERE an.article_id IS NULL OR an.body_chars != length(a.body) ORDER BY a.seq")
    return [r[0] for r in rows]


def _redirect(conn: sqlite3.Connection, eid: str | None) -> str | None:
    seen = set()
    while eid is not None and eid not in seen:
        seen.add(eid)
        row = conn.execute("SELECT to_id FROM entity_redirects WHERE from_id = ?", (eid,)).fetchone()
        if row is None:
            return eid
        eid = row[0]
    return eid


def write_actors(conn: sqlite3.Connection, result: ArticleActors, body_chars: int, model: str) -> None:
    """Replace the article's sentences and mentions and add its entities, roles and aliases.
    Runs inside the caller's transaction (Store.add_article extras or the corpus step)."""
    aid = result.article_id
    for table in ("sentences", "mentions", "entity_roles"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
    conn.executemany('INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                     [(aid, i, s, e) for i, (s, e) in enumerate(result.sentences)])
    ids = {eid: _redirect(conn, eid) for eid in result.entities}
    for eid, ent in result.entities.items():
        conn.execute(
            "INSERT INTO entities (id, name, type, country, sector, origin) VALUES (?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET country = coalesce(entities.country, excluded.country),"
            " sector = coalesce(entities.sector, excluded.sector)",
            (eid, ent.name, ent.type, ent.country, ent.sector, ent.origin))
    conn.executemany(
        'INSERT OR REPLACE INTO mentions (article_id, sentence_index, start, "end", text, label, entity_id)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(aid, m.sentence_index, m.start, m.end, m.text, m.label, ids.get(m.entity_id, m.entity_id))
         for m in result.mentions])
    conn.executemany(
        'INSERT INTO entity_roles (entity_id, country, sector, title, start, "end", article_id)'
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(ids.get(eid, eid), r.country, r.sector, r.title, r.start, r.end, aid)
         for eid, roles in result.roles.items() for r in roles])
    conn.executemany("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) VALUES (?, ?)",
                     [(ids.get(eid, eid), a) for eid, aliases in result.aliases.items() for a in aliases])
    conn.execute(
        "INSERT INTO analysed (article_id, body_chars, model, analysed_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET body_chars = excluded.body_chars,"
        " model = excluded.model, analysed_at = excluded.analysed_at",
        (aid, body_chars, model, _now()))


# ---------------------------------------------------------------- corpus step


def link_entities(conn: sqlite3.Connection, kb: KnowledgeBase) -> int:
    """Merge new (text) entities that are not linked yet: into one with the same name skeleton
    and type (never across two different countries), or into the entity whose acronym they are.
    Learned roles then give a text entity its country and sector (most frequent). Returns merges."""
    rows = conn.execute("SELECT id, name, type, country, linked FROM entities WHERE origin = 'text'"
                        " ORDER BY linked DESC, id").fetchall()
    acronyms = {a: eid for eid, a in conn.execute("SELECT entity_id, alias FROM entity_aliases")}
    by_key: dict[tuple[str, str], list[tuple[str, str | None]]] = defaultdict(list)
    merges = 0
    for eid, name, etype, country, linked in rows:
        key = (etype, skeleton(normalise(latin(name))))  # names of any script by their Latin key
        target = None
        if not linked:
            target = acronyms.get(name) if acronyms.get(name) not in (None, eid) else None
            if target is None:
                target = next((other for other, c in by_key[key]
                               if other != eid and (c is None or country is None or c == country)), None)
        if target is not None:
            _merge(conn, eid, target)
            merges += 1
            continue
        by_key[key].append((eid, country))
    conn.execute("UPDATE entities SET linked = 1 WHERE origin = 'text'")
    _apply_roles(conn)
    return merges


def _merge(conn: sqlite3.Connection, old: str, new: str) -> None:
    conn.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", (new, old))
    conn.execute("UPDATE entity_roles SET entity_id = ? WHERE entity_id = ?", (new, old))
    conn.execute("INSERT OR IGNORE INTO entity_aliases (entity_id, alias) SELECT ?, alias FROM entity_aliases"
                 " WHERE entity_id = ?", (new, old))
    conn.execute("DELETE FROM entity_aliases WHERE entity_id = ?", (old,))
    conn.execute("DELETE FROM entities WHERE id = ?", (old,))
    conn.execute("UPDATE entity_redirects SET to_id = ? WHERE to_id = ?", (new, old))
    conn.execute("INSERT OR REPLACE INTO entity_redirects (from_id, to_id) VALUES (?, ?)", (old, new))


def _apply_roles(conn: sqlite3.Connection) -> None:
    """A text entity takes the country and sector its learned roles give most often."""
    best = conn.execute(
        "SELECT r.entity_id, r.country, r.sector, count(*) AS n FROM entity_roles r"
        " JOIN entities e ON e.id = r.entity_id WHERE e.origin = 'text' AND r.country IS NOT NULL"
        " GROUP BY r.entity_id, r.country, r.sector ORDER BY r.entity_id, n DESC").fetchall()
    done = set()
    for eid, country, sector, _ in best:
        if eid in done:
            continue
        done.add(eid)
        conn.execute("UPDATE entities SET country = ?, sector = coalesce(?, sector) WHERE id = ?",
                     (country, sector, eid))


# ---------------------------------------------------------------- reading


def entity_rows(conn: sqlite3.Connection, kb: KnowledgeBase | None = None, type: str | None = None,
                country: str | None = None, ids: list[str] | None = None) -> list[EntityRow]:
    """Entities with their mention and article counts, aliases seen and roles, most mentioned first."""
    where, params = [], []
    if type:
        where.append("e.type = ?")
        params.append(type.upper())
    if country:
        where.append("e.country = ?")
        params.append(country.upper())
    if ids is not None:
        where.append(f"e.id IN ({', '.join('?' * len(ids))})")
        params += ids
    sql = ("SELECT e.id, e.name, e.type, e.country, e.sector, e.origin,"
           " count(m.entity_id), count(DISTINCT m.article_id) FROM entities e"
           " LEFT JOIN mentions m ON m.entity_id = e.id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " GROUP BY e.id ORDER BY count(m.entity_id) DESC, e.id")
    out = [EntityRow(*r[:6], mention_count=r[6], article_count=r[7]) for r in conn.execute(sql, params)]
    for row in out:
        seen = [t for (t,) in conn.execute(
            "SELECT text FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY count(*) DESC, text", (row.id,))]
        seen += [a for (a,) in conn.execute("SELECT alias FROM entity_aliases WHERE entity_id = ?", (row.id,))]
        row.aliases = list(dict.fromkeys(seen))
        row.roles = _roles(conn, kb, row.id)
    return out


def _roles(conn: sqlite3.Connection, kb: KnowledgeBase | None, eid: str) -> list[dict]:
    roles: list[dict] = []
    kbe = kb.get(eid) if kb is not None else None
    if kbe is not None:
        roles += [{"country": r.country, "sector": r.sector, "title": r.title, "start": r.start,
                   "end": r.end, "source": "kb"} for r in kbe.roles]
    learned = conn.execute(
        'SELECT country, sector, title, min(start), max("end"), count(DISTINCT article_id) FROM entity_roles'
        " WHERE entity_id = ? GROUP BY country, sector, title ORDER BY min(start)", (eid,))
    roles += [{"country": c, "sector": s, "title": t, "start": a, "end": b, "source": "text", "articles": n}
              for c, s, t, a, b, n in learned]
    return roles


def find_entities(conn: sqlite3.Connection, name: str) -> list[str]:
    """Ids of entities whose id, name or a mentioned surface form matches `name` (case-insensitive)."""
    key = normalise(name)
    exact = [r[0] for r in conn.execute("SELECT id FROM entities WHERE id = ? OR lower(name) = lower(?)",
                                        (name, name))]
    if exact:
        return exact
    found = {}
    for eid, text in conn.execute("SELECT DISTINCT entity_id, text FROM mentions WHERE entity_id IS NOT NULL"):
        if normalise(text) == key:
            found[eid] = None
    return list(found)


def co_actors(conn: sqlite3.Connection, eid: str, limit: int = 10) -> list[tuple[str, str, int]]:
    """(id, name, sentences shared) of the entities named in the same sentences as `eid`."""
    return conn.execute(
        "SELECT o.entity_id, e.name, count(DISTINCT o.article_id || ':' || o.sentence_index) AS n"
        " FROM mentions m JOIN mentions o ON o.article_id = m.article_id"
        " AND o.sentence_index = m.sentence_index AND o.entity_id != m.entity_id"
        " JOIN entities e ON e.id = o.entity_id WHERE m.entity_id = ?"
        " GROUP BY o.entity_id ORDER BY n DESC, e.name LIMIT ?", (eid, limit)).fetchall()


__all__ = ["EntityRow", "LearnedRole", "co_actors", "entity_rows", "find_entities", "link_entities",
           "needs_analysis", "stale_articles", "write_actors"]
