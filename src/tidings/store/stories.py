"""Store queries of merged events and stories: mentions for the merger, merged rows, stories, timelines, dyad inputs."""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..model.corpus import EventMention, EventPlace, MergedRecord, source_key
from ..model.events import Party
from .corpus import N_DOCS_KEY


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# ------------------------------------------------------------------ mentions for the merger

_PARTIES = (
    "SELECT p.event_id, p.role, coalesce(r.to_id, p.entity_id), coalesce(e.name, p.name),"
    " coalesce(p.country, e.country), coalesce(p.sector, e.sector) FROM event_parties p"
    " LEFT JOIN entity_redirects r ON r.from_id = p.entity_id"
    " LEFT JOIN entities e ON e.id = coalesce(r.to_id, p.entity_id)"
    " WHERE p.event_id IN ({}) ORDER BY p.event_id, p.role, p.position")

_MENTIONS = (
    "SELECT ev.id, ev.article_id, a.cluster_id, a.outlet, a.wire, a.near_duplicate_of, o.outlet, o.wire,"
    " ev.event_type, ev.mode, ev.modality, ev.quad_class, ev.intensity, ev.confidence, ev.date, ev.date_start,"
    " ev.date_end, ev.date_precision, substr(a.body, ev.sentence_start + 1, ev.sentence_end - ev.sentence_start),"
    " pl.id, pl.name, pl.lat, pl.lon, pl.country, pl.admin1"
    " FROM events ev JOIN articles a ON a.id = ev.article_id"
    " LEFT JOIN articles o ON o.id = a.near_duplicate_of"
    " LEFT JOIN places pl ON pl.id = ev.place_id")
_ORDER = " ORDER BY a.published IS NULL, a.published, a.seq, ev.sentence_index, ev.trigger_start, ev.id"


def _mentions(conn: sqlite3.Connection, where: str, params: tuple) -> list[EventMention]:
    rows = conn.execute(_MENTIONS + " WHERE " + where + _ORDER, params).fetchall()
    if not rows:
        return []
    parties: dict[tuple[str, str], list[Party]] = {}
    ids = [r[0] for r in rows]
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        for eid, role, ent, name, country, sector in conn.execute(_PARTIES.format(", ".join("?" * len(part))), part):
            parties.setdefault((eid, role), []).append(Party(ent, name, country, sector))
    out = []
    for r in rows:
        (eid, aid, cluster, outlet, wire, dup_of, o_outlet, o_wire, etype, mode, modality, quad, intensity, conf,
         d, ds, de, prec, sentence, pid, pname, lat, lon, pcountry, admin1) = r
        source = source_key(o_outlet, o_wire, dup_of) if dup_of else source_key(outlet, wire, aid)
        place = EventPlace(pid, pname, lat, lon, pcountry, admin1 is not None) if pid else None
        out.append(EventMention(
            event_id=eid, article_id=aid, cluster_id=cluster, source=source, outlet=outlet or wire,
            event_type=etype, mode=mode, modality=modality, quad_class=quad, intensity=intensity, confidence=conf,
            date=d, date_start=ds, date_end=de, date_precision=prec or "unknown",
            actors=tuple(parties.get((eid, "actor"), ())), recipients=tuple(parties.get((eid, "recipient"), ())),
            sentence=" ".join((sentence or "").split()), place=place, copy=dup_of is not None))
    return out


def pending_articles(conn: sqlite3.Connection) -> list[str]:
    """Clustered articles with event mentions not yet in a merged event, in publication order
    (undated last). An article waits for its cluster: merging leans on it.

    The mentions without a merged event are one range of the index events_merged (its NULLs);
    those whose merged event is gone are the ids in that index less the merged events' keys, two
    index-only scans: no article or event row is read but the pending ones'."""
    return [r[0] for r in conn.execute(
        "SELECT a.id FROM articles a WHERE a.cluster_id IS NOT NULL AND a.id IN ("
        "SELECT article_id FROM events WHERE merged_event_id IS NULL"
        " UNION SELECT article_id FROM events WHERE merged_event_id IN (SELECT merged_event_id FROM events"
        " WHERE merged_event_id IS NOT NULL EXCEPT SELECT id FROM merged_events))"
        " ORDER BY a.published IS NULL, a.published, a.seq")]


def pending_mentions(conn: sqlite3.Connection, article_id: str) -> list[EventMention]:
    return _mentions(conn, "ev.article_id = ? AND (ev.merged_event_id IS NULL OR NOT EXISTS"
                           " (SELECT 1 FROM merged_events m WHERE m.id = ev.merged_event_id))", (article_id,))


# Merged events spanning more days than this are "long" (a month, a season, a year): the
# migration 0009 keeps their days in an interval index (merged_long_days), so that a mention's
# dated candidates are one short range of the index by type and start (the short ones starting
# within this many days before its window) and the long ones whose days overlap its window, and
# not every merged event that started within the longest span before it. A week ("last week",
# six days) stays short. The migration spells the same number in its triggers.
SHORT_SPAN_DAYS = 7
_LONG = f"julianday(m.date_end) - julianday(m.date_start) > {SHORT_SPAN_DAYS}"
# The index holds julian day numbers of the days; its reach is widened by this many days either
# side and the exact date test on the stored strings applied after, so that the index can only
# find too many, never too few.
_INDEX_SLACK_DAYS = 1

_SHORT = ("SELECT m.id FROM merged_events m WHERE m.event_type = ? AND m.modality = ?"
          " AND m.date_start BETWEEN date(?, ?) AND date(?, ?) AND coalesce(m.date_end, m.date_start) >= date(?, ?)")
_LONG_WAY = ("SELECT m.id FROM merged_kinds k JOIN merged_long_days d ON d.kind_lo <= k.id AND d.kind_hi >= k.id"
             " JOIN merged_long_keys lk ON lk.id = d.id JOIN merged_events m ON m.id = lk.merged_event_id"
             " WHERE k.event_type = ? AND k.modality = ?"
             " AND d.first_day <= CAST(julianday(date(?, ?)) AS INTEGER) + ?"
             " AND d.last_day >= CAST(julianday(date(?, ?)) AS INTEGER) - ?"
             f" AND m.date_start <= date(?, ?) AND m.date_end >= date(?, ?) AND {_LONG}")


def merge_candidates(conn: sqlite3.Connection, m: EventMention, window_days: int) -> list[str]:
    """Merged events of the same type and modality dated within `window_days` of the mention's
    dates (only for a mention dated to the day: across clusters nothing else may join), or in its
    cluster, or holding another mention of its article.

    Each way in is an index lookup, so the cost does not grow with the store: the dated ones that
    reach the window are the short ones starting from the mention's first day less the window less
    SHORT_SPAN_DAYS (any shorter event that reaches the window starts no earlier) and the long ones
    whose days overlap the window in the interval index of long merged events (merged_long_days).
    The ways through the cluster and the article read only events of the mention's type and
    modality (a mention joins only a merged event of its own type and modality, so these are the
    only ones whose merged events can be candidates), each from an index (migration 0009), so that
    a large cluster costs its events of one kind and not all its events."""
    params: list = []
    ways = []
    if m.span is not None and m.day_level:
        lo, hi = m.span[0].isoformat(), m.span[1].isoformat()
        before, after = f"-{window_days} days", f"+{window_days} days"
        ways += [_SHORT, _LONG_WAY]
        params += [m.event_type, m.modality, lo, f"-{window_days + SHORT_SPAN_DAYS} days", hi, after, lo, before]
        params += [m.event_type, m.modality, hi, after, _INDEX_SLACK_DAYS, lo, before, _INDEX_SLACK_DAYS,
                   hi, after, lo, before]
    if m.cluster_id:
        ways.append("SELECT id FROM merged_events WHERE cluster_id = ? AND event_type = ? AND modality = ?")
        # CROSS JOIN: the cluster's articles first, each article's events of the type and
        # modality from events_article_kind, not every event of the type tested for the cluster
        ways.append("SELECT e2.merged_event_id FROM cluster_members cm CROSS JOIN events e2"
                    " ON e2.article_id = cm.article_id AND e2.event_type = ? AND e2.modality = ?"
                    " WHERE cm.cluster_id = ?")
        params += [m.cluster_id, m.event_type, m.modality, m.event_type, m.modality, m.cluster_id]
    ways.append("SELECT merged_event_id FROM events WHERE article_id = ? AND event_type = ? AND modality = ?")
    params += [m.article_id, m.event_type, m.modality]
    # The unary plus keeps SQLite from walking every merged event of the type to test the list:
    # each listed id is looked up by its key.
    sql = ("SELECT m.id FROM merged_events m WHERE +m.event_type = ? AND +m.modality = ? AND m.id IN ("
           + " UNION ".join(ways) + ") ORDER BY m.id")
    return [r[0] for r in conn.execute(sql, [m.event_type, m.modality, *params])]


def merged_members(conn: sqlite3.Connection, merged_id: str) -> list[EventMention]:
    """The mentions of one merged event, in publication order (none when it has none left)."""
    return _mentions(conn, "ev.merged_event_id = ?", (merged_id,))


def set_merged_id(conn: sqlite3.Connection, event_id: str, merged_id: str | None) -> None:
    conn.execute("UPDATE events SET merged_event_id = ? WHERE id = ?", (merged_id, event_id))


def write_merged(conn: sqlite3.Connection, rec: MergedRecord) -> None:
    """Insert or replace one merged event row and its dyads (inside the caller's transaction)."""
    conn.execute(
        "INSERT OR REPLACE INTO merged_events (id, event_type, mode, modality, quad_class, intensity, date,"
        " date_start, date_end, date_precision, cluster_id, actors, recipients, article_ids, num_articles,"
        " num_sources, sources, contradictions, summary, text, n_members, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (rec.id, rec.event_type, rec.mode, rec.modality, rec.quad_class, rec.intensity, rec.date, rec.date_start,
         rec.date_end, rec.date_precision, rec.cluster_id, json.dumps(rec.actors, ensure_ascii=False),
         json.dumps(rec.recipients, ensure_ascii=False), json.dumps(rec.article_ids), rec.num_articles,
         rec.num_sources, json.dumps(rec.sources, ensure_ascii=False),
         json.dumps(rec.contradictions, ensure_ascii=False), rec.summary, rec.text, rec.n_members, _now()))
    conn.execute("DELETE FROM merged_event_dyads WHERE merged_event_id = ?", (rec.id,))
    conn.executemany("INSERT OR IGNORE INTO merged_event_dyads (merged_event_id, a, b) VALUES (?, ?, ?)",
                     [(rec.id, a, b) for a, b in rec.dyads])


def delete_merged(conn: sqlite3.Connection, merged_id: str) -> None:
    conn.execute("DELETE FROM merged_events WHERE id = ?", (merged_id,))


def stale_merged(conn: sqlite3.Connection) -> list[str]:
    """Merged events whose stored mention count no longer matches their mentions."""
    return [r[0] for r in conn.execute(
        "SELECT m.id FROM merged_events m WHERE m.n_members !="
        " (SELECT count(*) FROM events ev WHERE ev.merged_event_id = m.id) ORDER BY m.id")]


# ------------------------------------------------------------------ merged events: reading


@dataclass(frozen=True, slots=True)
class MergedFilter:
    """What `tidings timeline`, `tidings contradictions` and the API may ask for; None means any."""

    actors: tuple[str, ...] = ()   # entity ids, names or country codes; every one must take part
    date_from: str | None = None
    date_to: str | None = None
    modality: str | None = "asserted"
    contradicted: bool = False
    story_id: str | None = None
    limit: int | None = None


def _party_matches(parties: list[dict], key: str) -> bool:
    k = key.strip().casefold()
    return any(k in {(p.get("entity_id") or "").casefold(), (p.get("name") or "").casefold(),
                     (p.get("country") or "").casefold()} for p in parties)


_MERGED_COLUMNS = ("id", "event_type", "mode", "modality", "quad_class", "intensity", "date", "date_start",
                   "date_end", "date_precision", "cluster_id", "actors", "recipients", "article_ids",
                   "num_articles", "num_sources", "sources", "contradictions", "summary", "text")
_JSON_COLUMNS = frozenset({"actors", "recipients", "article_ids", "sources", "contradictions"})


def merged_rows(conn: sqlite3.Connection, f: MergedFilter = MergedFilter()) -> Iterator[dict]:
    """Merged events (every stored column, JSON decoded), dated first in date order."""
    where, params = [], []
    if f.modality:
        where.append("modality = ?")
        params.append(f.modality)
    if f.date_from:
        where.append("coalesce(date_end, date_start) >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("date_start <= ?")
        params.append(f.date_to + ("\uffff" if len(f.date_to) == 10 else ""))
    if f.contradicted:
        where.append("contradictions != '[]'")
    if f.story_id:
        where.append("EXISTS (SELECT 1 FROM events ev JOIN articles a ON a.id = ev.article_id"
                     " JOIN clusters c ON c.id = a.cluster_id WHERE ev.merged_event_id = merged_events.id"
                     " AND c.story_id = ?)")
        params.append(f.story_id)
    sql = ("SELECT " + ", ".join(_MERGED_COLUMNS) + " FROM merged_events"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY date_start IS NULL, date_start, coalesce(date, date_start), id")
    n = 0
    for row in conn.execute(sql, params).fetchall():
        rec = {c: (json.loads(v) if c in _JSON_COLUMNS else v) for c, v in zip(_MERGED_COLUMNS, row)}
        parties = rec["actors"] + rec["recipients"]
        if any(not _party_matches(parties, a) for a in f.actors):
            continue
        yield rec
        n += 1
        if f.limit and n >= f.limit:
            return


def merged_record(row: dict) -> dict:
    """A merged row as merged_events.jsonl spells it (the export contract)."""
    return {k: row[k] for k in ("id", "event_type", "modality", "actors", "recipients", "date", "date_start",
                                "date_end", "article_ids", "num_articles", "num_sources", "contradictions",
                                "summary")}


# ------------------------------------------------------------------ stories: the threader's inputs


@dataclass(slots=True)
class ClusterView:
    """A cluster as the story threader sees it."""

    id: str
    title: str | None
    start: str | None
    end: str | None
    years: list[int]
    actors: dict[str, float]
    terms: dict[str, float]
    dyads: set[str] = field(default_factory=set)
    story_id: str | None = None
    updated_at: str = ""


def cluster_views(conn: sqlite3.Connection, unthreaded_only: bool = False) -> list[ClusterView]:
    """Clusters with their actors, heaviest title/body terms and dyads, by start (undated last)."""
    sql = ('SELECT c.id, c.title, c.start, c."end", c.years, c.actors, c.story_id, c.updated_at FROM clusters c'
           " WHERE c.n_articles > 0" + (" AND c.story_id IS NULL" if unthreaded_only else "")
           + ' ORDER BY c.start IS NULL, c.start, c."end", c.id')
    out = []
    for cid, title, start, end, years, actors, story, updated in conn.execute(sql).fetchall():
        terms: dict[str, float] = {}
        for f, t, w in conn.execute("SELECT field, term, weight FROM cluster_terms WHERE cluster_id = ?"
                                    " AND field IN ('title', 'body')", (cid,)):
            terms[t] = terms.get(t, 0.0) + w * (2.0 if f == "title" else 1.0)
        dyads = {f"{a}|{b}" for a, b in conn.execute(
            "SELECT DISTINCT d.a, d.b FROM merged_event_dyads d JOIN merged_events m ON m.id = d.merged_event_id"
            " WHERE m.modality = 'asserted' AND m.cluster_id = ?", (cid,))}
        out.append(ClusterView(cid, title, start, end, json.loads(years or "[]"), json.loads(actors or "{}"),
                               terms, dyads, story, updated or ""))
    return out


def cluster_actor_df(conn: sqlite3.Connection) -> tuple[int, dict[str, int]]:
    """How many clusters there are and how many name each actor (the threader's IDF)."""
    df: dict[str, int] = {}
    n = 0
    for (actors,) in conn.execute("SELECT actors FROM clusters WHERE n_articles > 0"):
        n += 1
        for a in json.loads(actors or "{}"):
            df[a] = df.get(a, 0) + 1
    return n, df


def story_term_df(conn: sqlite3.Connection) -> tuple[int, dict[str, int]]:
    """How many articles the clusterer has counted and in how many each body term occurs (the
    threader's term IDF)."""
    row = conn.execute("SELECT value FROM corpus_state WHERE key = ?", (N_DOCS_KEY,)).fetchone()
    term_df = dict(conn.execute("SELECT term, df FROM term_df WHERE field = 'body'").fetchall())
    return (int(row[0]) if row else 0), term_df


def story_cluster_sizes(conn: sqlite3.Connection, story_id: str) -> dict[str, int]:
    """Cluster id -> number of articles, for the clusters of one story."""
    return dict(conn.execute("SELECT id, n_articles FROM clusters WHERE story_id = ?", (story_id,)).fetchall())


def delete_story(conn: sqlite3.Connection, story_id: str) -> None:
    conn.execute("DELETE FROM stories WHERE id = ?", (story_id,))


def set_story(conn: sqlite3.Connection, cluster_id: str, story_id: str) -> None:
    conn.execute("UPDATE clusters SET story_id = ? WHERE id = ?", (story_id, cluster_id))


def write_story(conn: sqlite3.Connection, story_id: str, title: str | None, start: str | None, end: str | None,
                n_clusters: int, actors: dict, terms: dict, dyads: list[str], summary: list[dict]) -> None:
    conn.execute(
        'INSERT OR REPLACE INTO stories (id, title, start, "end", n_clusters, actors, terms, dyads, summary,'
        " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (story_id, title, start, end, n_clusters, json.dumps(actors, ensure_ascii=False),
         json.dumps(terms, ensure_ascii=False), json.dumps(dyads), json.dumps(summary, ensure_ascii=False), _now()))


def story_clusters(conn: sqlite3.Connection, story_id: str) -> list[str]:
    return [r[0] for r in conn.execute('SELECT id FROM clusters WHERE story_id = ? ORDER BY start IS NULL, start, id',
                                       (story_id,))]


def stale_stories(conn: sqlite3.Connection) -> list[str]:
    """Stories one of whose clusters changed since the story was written, or that lost all clusters."""
    return [r[0] for r in conn.execute(
        "SELECT s.id FROM stories s WHERE EXISTS (SELECT 1 FROM clusters c WHERE c.story_id = s.id"
        " AND c.updated_at > s.updated_at) OR NOT EXISTS (SELECT 1 FROM clusters c WHERE c.story_id = s.id)"
        " OR s.n_clusters != (SELECT count(*) FROM clusters c WHERE c.story_id = s.id) ORDER BY s.id")]


def story_articles(conn: sqlite3.Connection, story_id: str) -> list[tuple]:
    """(id, title, body, outlet, published, near_duplicate_of) of a story's articles, oldest first."""
    return conn.execute(
        "SELECT a.id, a.title, a.body, a.outlet, a.published, a.near_duplicate_of FROM articles a"
        " JOIN clusters c ON c.id = a.cluster_id WHERE c.story_id = ?"
        " ORDER BY a.published IS NULL, a.published, a.seq", (story_id,)).fetchall()


# ------------------------------------------------------------------ stories: reading


def story_rows(conn: sqlite3.Connection, ids: list[str] | None = None) -> list[dict]:
    """Stories with their clusters, articles and actors (most clusters first, then by start)."""
    sql = 'SELECT id, title, start, "end", n_clusters, actors, summary FROM stories'
    params: list = []
    if ids is not None:
        if not ids:
            return []
        sql += f" WHERE id IN ({', '.join('?' * len(ids))})"
        params = list(ids)
    out = []
    for sid, title, start, end, n, actors, summary in conn.execute(sql, params).fetchall():
        clusters = story_clusters(conn, sid)
        if not clusters:
            continue
        articles = [r[0] for r in conn.execute(
            "SELECT a.id FROM articles a JOIN clusters c ON c.id = a.cluster_id WHERE c.story_id = ?"
            " ORDER BY a.published IS NULL, a.published, a.seq", (sid,))]
        weights = json.loads(actors or "{}")
        names = _entity_names(conn, list(weights))
        out.append({"id": sid, "title": title, "cluster_ids": clusters, "article_ids": articles,
                    "actors": [{"entity_id": a, "name": names.get(a, a)}
                               for a, _ in sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))],
                    "start": start, "end": end, "summary": json.loads(summary or "[]")})
    return sorted(out, key=lambda s: (-len(s["article_ids"]), s["start"] or "9999", s["id"]))


def _entity_names(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    out = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update(conn.execute(f"SELECT id, name FROM entities WHERE id IN ({', '.join('?' * len(part))})",
                                part).fetchall())
    return out


def find_story(conn: sqlite3.Connection, key: str) -> str | None:
    """A story id from itself, a unique prefix, a cluster id in it or an article id (prefix) in it."""
    key = key.strip()
    if conn.execute("SELECT 1 FROM stories WHERE id = ?", (key,)).fetchone():
        return key
    escaped = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute("SELECT id FROM stories WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (escaped,)).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    row = conn.execute("SELECT story_id FROM clusters WHERE id = ?", (key,)).fetchone()
    if row and row[0]:
        return row[0]
    if len(key) >= 6:
        rows = conn.execute("SELECT DISTINCT c.story_id FROM articles a JOIN clusters c ON c.id = a.cluster_id"
                            " WHERE a.id LIKE ? AND c.story_id IS NOT NULL LIMIT 2", (key.lower() + "%",)).fetchall()
        if len(rows) == 1:
            return rows[0][0]
    return None


__all__ = ["ClusterView", "MergedFilter", "cluster_actor_df", "cluster_views", "delete_merged", "delete_story",
           "find_story", "merge_candidates", "merged_members", "merged_record", "merged_rows", "pending_articles",
           "pending_mentions", "set_merged_id", "set_story", "stale_merged", "stale_stories", "story_articles",
           "story_cluster_sizes", "story_clusters", "story_rows", "story_term_df", "write_merged", "write_story"]
