"""Store queries of the event stage: write an article's events and places in its transaction, read them back filtered."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime

from ..model.events import ArticleEvents, Location


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `tidings events` and the API may ask for; None means any."""

    actor: str | None = None        # entity id, name or country code of an actor
    recipient: str | None = None    # the same, of a recipient
    event_type: str | None = None
    quad: int | None = None
    modality: str | None = None
    date_from: str | None = None    # ISO day: events whose date or interval reaches it
    date_to: str | None = None
    place: str | None = None        # place name, admin1 or country code
    article_id: str | None = None
    language: str | None = None     # ISO 639-1 code of the event's article
    limit: int | None = None
    ids: tuple[str, ...] | None = None  # only these events


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def place_id(loc: Location) -> str:
    return f"gn:{loc.geonameid}" if loc.geonameid is not None else f"name:{loc.name}|{loc.country or ''}"


def needs_coding(conn: sqlite3.Connection, article_id: str, coder: str) -> bool:
    """True when the article has no events coded on its current body by this coder version."""
    row = conn.execute(
        "SELECT ec.body_chars = length(a.body) AND ec.coder = ? FROM articles a"
        " LEFT JOIN events_coded ec ON ec.article_id = a.id WHERE a.id = ?", (coder, article_id)).fetchone()
    return row is None or not row[0]


def stale_event_articles(conn: sqlite3.Connection, coder: str) -> list[str]:
    """Articles never coded, coded by another coder version, or whose body changed since (boilerplate sweep)."""
    rows = conn.execute(
        "SELECT a.id FROM articles a LEFT JOIN events_coded ec ON ec.article_id = a.id"
        " WHERE ec.article_id IS NULL OR ec.body_chars != length(a.body) OR ec.coder != ? ORDER BY a.seq", (coder,))
    return [r[0] for r in rows]


def write_events(conn: sqlite3.Connection, result: ArticleEvents, body_chars: int, coder: str) -> None:
    """Replace the article's events and place mentions. Runs inside the caller's transaction."""
    aid = result.article_id
    conn.execute("DELETE FROM events WHERE article_id = ?", (aid,))
    conn.execute("DELETE FROM place_mentions WHERE article_id = ?", (aid,))
    locations = [pm.location for pm in result.places] + [ev.location for ev in result.events if ev.location]
    for loc in locations:
        conn.execute(
            "INSERT OR IGNORE INTO places (id, name, lat, lon, country, admin1, geonameid) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (place_id(loc), loc.name, loc.lat, loc.lon, loc.country, loc.admin1, loc.geonameid))
    conn.executemany(
        'INSERT OR REPLACE INTO place_mentions (article_id, start, "end", text, place_id) VALUES (?, ?, ?, ?, ?)',
        [(aid, pm.start, pm.end, pm.text, place_id(pm.location)) for pm in result.places])
    for ev in result.events:
        conn.execute(
            "INSERT OR REPLACE INTO events (id, article_id, sentence_index, sentence_start, sentence_end, trigger,"
            " trigger_start, trigger_end, event_type, mode, modality, cameo_root, quad_class, intensity, date,"
            " date_start, date_end, date_precision, date_text, place_id, confidence, merged_event_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
            (ev.id, aid, ev.sentence_index, ev.sentence_start, ev.sentence_end, ev.trigger, ev.trigger_start,
             ev.trigger_end, ev.event_type, ev.mode, ev.modality, ev.cameo_root, ev.quad_class, ev.intensity,
             ev.date, ev.date_start, ev.date_end, ev.date_precision, ev.date_text,
             place_id(ev.location) if ev.location else None, ev.confidence))
        conn.executemany(
            "INSERT INTO event_parties (event_id, role, position, entity_id, name, country, sector)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(ev.id, role, i, p.entity_id, p.name, p.country, p.sector)
             for role, parties in (("actor", ev.actors), ("recipient", ev.recipients))
             for i, p in enumerate(parties)])
    conn.execute(
        "INSERT INTO events_coded (article_id, body_chars, coder, coded_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (article_id) DO UPDATE SET body_chars = excluded.body_chars, coder = excluded.coder,"
        " coded_at = excluded.coded_at", (aid, body_chars, coder, _now()))


# ---------------------------------------------------------------- reading

# A party's entity id after corpus merges, and its country and sector (the event's own first,
# then what the corpus learned about the entity since).
_PARTIES = (
    "SELECT coalesce(r.to_id, p.entity_id), coalesce(e.name, p.name), coalesce(p.country, e.country),"
    " coalesce(p.sector, e.sector) FROM event_parties p"
    " LEFT JOIN entity_redirects r ON r.from_id = p.entity_id"
    " LEFT JOIN entities e ON e.id = coalesce(r.to_id, p.entity_id)"
    " WHERE p.event_id = ? AND p.role = ? ORDER BY p.position")

_COLUMNS = ("id", "article_id", "sentence_index", "sentence_start", "sentence_end", "trigger", "event_type",
            "mode", "modality", "cameo_root", "quad_class", "intensity", "date", "date_start", "date_end",
            "date_precision", "date_text", "confidence", "merged_event_id")


DAY_END = "\uffff"   # appended to an "until" bound so that a day, month or year includes all of itself


# An event's day as the lists sort and page it: undated events hold '' (after every date when
# newest first). Migration 0007 indexes exactly this expression.
EVENT_DAY = "coalesce(ev.date_start, ev.date, '')"


def _matching_entities(key: str, entity_country: bool = False) -> str:
    """The entity ids :key names: itself, those merged into it, known actors named so (or, 4+ letters,
    with it in their name: "Rahmon"), and with `entity_country` those of that country.

    An entity id (every id holds a colon, "per:emomali-rahmon") names no one by name: the scan of
    the names is skipped then, as SQLite tests a term that reads no column once, before the loop."""
    of_country = f" OR upper(country) = upper(:{key})" if entity_country else ""
    return (f"(SELECT :{key} UNION SELECT from_id FROM entity_redirects WHERE to_id = :{key}"
            f" UNION SELECT id FROM entities WHERE instr(:{key}, ':') = 0 AND (lower(name) = lower(:{key})"
            f" OR (length(:{key}) > 3 AND instr(lower(name), lower(:{key})) > 0){of_country}))")


def _party_branches(key: str, entity_country: bool = False) -> tuple[str, str, str]:
    """The ways a party row `p` matches :key, each an index look-up: its entity, its country code
    (stored upper case, as the gazetteer and the knowledge base spell ISO codes), its own name."""
    return (f"p.entity_id IN {_matching_entities(key, entity_country)}", f"p.country = upper(:{key})",
            f"lower(p.name) = lower(:{key})")


def party_match(role: str | None, key: str, entity_country: bool = False) -> str:
    """A party row `p` (of this role, or either) matches :key: by entity id (an entity merged into it
    included), by the name of a known actor (or, 4+ letters, a part of it: "Rahmon"), by the party's own
    name, or by its country code (`entity_country`: or by its entity's). Each branch is an index
    look-up, not a scan of every party."""
    role_sql = f"p.role = '{role}' AND " if role in ("actor", "recipient") else ""
    return f"{role_sql}(" + " OR ".join(_party_branches(key, entity_country)) + ")"


def party_rows(conn: sqlite3.Connection, role: str | None, key: str, value: str, cap: int = 20_000) -> int:
    """About how many party rows match `value` (party_match), counted no further than `cap` per
    branch, each on its own index (a row matching two branches counts twice)."""
    role_sql = f" AND p.role = '{role}'" if role in ("actor", "recipient") else ""
    return sum(conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM event_parties p WHERE {b}{role_sql} LIMIT {cap})",
                            {key: value}).fetchone()[0] for b in _party_branches(key))


def _party_clause(role: str | None, key: str, scan: bool) -> str:
    """`scan`: the list walks events in its own order and checks each (for an actor in many events);
    else the actor's events are looked up through the parties' indexes (for one in few)."""
    if scan:
        return f"EXISTS (SELECT 1 FROM event_parties p WHERE p.event_id = ev.id AND {party_match(role, key)})"
    return f"ev.id IN ({party_events(role, key)})"


def party_events(role: str | None, key: str, entity_country: bool = False) -> str:
    """The ids of the events with a party matching :key (party_match), one index look-up per branch
    (a union: an OR over a table without rowids would look every matching row up twice)."""
    role_sql = f" AND p.role = '{role}'" if role in ("actor", "recipient") else ""
    return " UNION ".join(f"SELECT p.event_id FROM event_parties p WHERE {b}{role_sql}"
                          for b in _party_branches(key, entity_country))


PARTY_KEYS = (("actor", "pa"), ("recipient", "pr"), (None, "pp"), (None, "po"))


def event_where(f: EventFilter, party: str | None = None, other: str | None = None,
                scan: frozenset[str] = frozenset()) -> tuple[str, dict]:
    """WHERE clause (over `events ev`) and its parameters for an EventFilter; `party` and `other`
    each match an actor or a recipient (an event between the two). `scan` names the party keys
    (pa, pr, pp, po) to check event by event rather than look up (see _party_clause)."""
    where, params = [], {}
    values = (f.actor, f.recipient, party, other)
    for (role, key), value in zip(PARTY_KEYS, values):
        if value:
            where.append(_party_clause(role, key, key in scan))
            params[key] = value
    if f.event_type:
        where.append("ev.event_type = upper(:etype)")
        params["etype"] = f.event_type
    if f.quad is not None:
        where.append("ev.quad_class = :quad")
        params["quad"] = f.quad
    if f.modality:
        where.append("ev.modality = lower(:modality)")
        params["modality"] = f.modality
    if f.date_from:
        where.append("coalesce(ev.date_end, ev.date_start, ev.date) >= :dfrom")
        params["dfrom"] = f.date_from
    if f.date_to:
        where.append(f"{EVENT_DAY} > '' AND {EVENT_DAY} <= :dto")
        params["dto"] = f.date_to + DAY_END
    if f.place:
        where.append("ev.place_id IN (SELECT pl2.id FROM places pl2 WHERE lower(pl2.name) = lower(:place)"
                     " OR upper(pl2.country) = upper(:place) OR lower(pl2.admin1) = lower(:place))")
        params["place"] = f.place
    if f.article_id:
        where.append("ev.article_id = :aid")
        params["aid"] = f.article_id
    if f.language:
        where.append("ev.article_id IN (SELECT id FROM articles WHERE language = :lang)")
        params["lang"] = f.language
    if f.ids is not None:
        where.append("ev.id IN (SELECT value FROM json_each(:ids))")
        params["ids"] = json.dumps(list(f.ids))
    return (" WHERE " + " AND ".join(where)) if where else "", params


def event_records(conn: sqlite3.Connection, f: EventFilter = EventFilter()) -> Iterator[dict]:
    """Events as events.jsonl spells them, by article order, sentence and confidence."""
    clause, params = event_where(f)
    sql = ("SELECT " + ", ".join(f"ev.{c}" for c in _COLUMNS) + ", a.body, pl.name, pl.lat, pl.lon, pl.country,"
           " pl.admin1 FROM events ev JOIN articles a ON a.id = ev.article_id"
           " LEFT JOIN places pl ON pl.id = ev.place_id"
           + clause
           + " ORDER BY a.seq, ev.sentence_index, ev.confidence DESC, ev.trigger_start")
    if f.limit:
        sql += f" LIMIT {int(f.limit)}"
    for row in conn.execute(sql, params).fetchall():
        rec = dict(zip(_COLUMNS, row[:len(_COLUMNS)]))
        body = row[len(_COLUMNS)]
        name, lat, lon, country, admin1 = row[len(_COLUMNS) + 1:]
        yield _record(conn, rec, body, name, lat, lon, country, admin1)


def _record(conn, rec: dict, body: str, name, lat, lon, country, admin1) -> dict:
    parties = {role: [{"entity_id": e, "name": n, "country": c, "sector": s}
                      for e, n, c, s in conn.execute(_PARTIES, (rec["id"], role))]
               for role in ("actor", "recipient")}
    return {
        "id": rec["id"], "article_id": rec["article_id"], "sentence_index": rec["sentence_index"],
        "sentence": body[rec["sentence_start"]:rec["sentence_end"]].strip(), "trigger": rec["trigger"],
        "event_type": rec["event_type"], "mode": rec["mode"], "modality": rec["modality"],
        "cameo_root": rec["cameo_root"], "quad_class": rec["quad_class"], "intensity": rec["intensity"],
        "actors": parties["actor"], "recipients": parties["recipient"], "date": rec["date"],
        "date_start": rec["date_start"], "date_end": rec["date_end"], "date_precision": rec["date_precision"],
        "date_text": rec["date_text"],
        "location": ({"name": name, "lat": lat, "lon": lon, "country": country, "admin1": admin1}
                     if name is not None else None),
        "confidence": rec["confidence"], "merged_event_id": rec["merged_event_id"],
    }


def place_records(conn: sqlite3.Connection) -> Iterator[dict]:
    """Places as places.jsonl spells them: surface forms seen and the articles that name them."""
    rows = conn.execute(
        "SELECT p.id, p.name, p.lat, p.lon, p.country, p.admin1, p.geonameid FROM places p"
        " WHERE EXISTS (SELECT 1 FROM place_mentions m WHERE m.place_id = p.id)"
        " OR EXISTS (SELECT 1 FROM events e WHERE e.place_id = p.id) ORDER BY p.name").fetchall()
    for pid, name, lat, lon, country, admin1, gid in rows:
        aliases = [t for (t,) in conn.execute(
            "SELECT text FROM place_mentions WHERE place_id = ? GROUP BY text ORDER BY count(*) DESC, text", (pid,))]
        articles = [a for (a,) in conn.execute(
            "SELECT article_id FROM place_mentions WHERE place_id = ? UNION"
            " SELECT article_id FROM events WHERE place_id = ? ORDER BY 1", (pid, pid))]
        yield {"name": name, "aliases": [a for a in aliases if a != name], "lat": lat, "lon": lon,
               "country": country, "admin1": admin1, "geonameid": gid, "article_ids": articles}


__all__ = [
    "EVENT_DAY",
    "EventFilter",
    "event_records",
    "needs_coding",
    "party_events", "party_match", "party_rows",
    "place_id",
    "place_records",
    "stale_event_articles",
    "write_events",
]
