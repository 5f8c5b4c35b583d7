"""Store queries of the corpus stages: near-duplicate fingerprints and buckets, cluster state, clusters for the CLI and export."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import numpy as np

from ..model.corpus import FIELDS, ClusterState, Fingerprint

N_DOCS_KEY = "clusters_n_docs"  # corpus_state: how many articles the term_df counts cover
_CHUNK = 500  # SQLite host parameters per IN (...) list, well under its limit


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _chunks(items: list, n: int = _CHUNK) -> Iterable[list]:
    for i in range(0, len(items), n):
        yield items[i:i + n]


# ------------------------------------------------------------------ near-duplicates


def unprinted_articles(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    """(id, body) of articles with no fingerprint, or one computed on an older body, oldest first."""
    return conn.execute(
        "SELECT a.id, a.body FROM articles a LEFT JOIN neardup_prints p ON p.article_id = a.id"
        " WHERE p.article_id IS NULL OR p.body_chars != length(a.body)"
        " ORDER BY a.published IS NULL, a.published, a.seq").fetchall()


def write_print(conn: sqlite3.Connection, article_id: str, body_chars: int, fp: Fingerprint,
                band_keys: list[int]) -> None:
    """Store an article's fingerprint and put it in the LSH buckets `band_keys` (one per band)."""
    conn.execute("DELETE FROM neardup_bands WHERE article_id = ?", (article_id,))
    conn.execute(
        "INSERT OR REPLACE INTO neardup_prints (article_id, body_chars, shingles, signature) VALUES (?, ?, ?, ?)",
        (article_id, body_chars, fp.shingles.astype("<u8").tobytes(), fp.signature.astype("<u4").tobytes()))
    conn.executemany("INSERT OR IGNORE INTO neardup_bands (bucket, article_id) VALUES (?, ?)",
                     [(k, article_id) for k in band_keys])


def bucket_members(conn: sqlite3.Connection, keys: list[int]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(keys):
        rows = conn.execute(f"SELECT DISTINCT article_id FROM neardup_bands WHERE bucket IN"
                            f" ({', '.join('?' * len(part))})", part)
        found.update(r[0] for r in rows)
    return found


def load_prints(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, Fingerprint]:
    out = {}
    for part in _chunks(sorted(ids)):
        for aid, sh, sig in conn.execute(
                f"SELECT article_id, shingles, signature FROM neardup_prints WHERE article_id IN"
                f" ({', '.join('?' * len(part))})", part):
            out[aid] = Fingerprint(np.frombuffer(sh, dtype="<u8").astype(np.uint64),
                                   np.frombuffer(sig, dtype="<u4").astype(np.uint32))
    return out


def publication_order(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, tuple]:
    """A sort key per article for "the earliest copy": a wire agency's own copy first (its outlet
    is the wire another copy credits), then dated before undated, by instant in UTC (a bare day
    counts as that day's end), then by arrival."""
    rows = []
    for part in _chunks(sorted(ids)):
        rows += conn.execute(f"SELECT id, published, seq, outlet, wire FROM articles WHERE id IN"
                             f" ({', '.join('?' * len(part))})", part).fetchall()
    wires = {w.casefold() for *_, w in rows if w}
    return {aid: (not (outlet and outlet.casefold() in wires), published is None, _instant(published), seq)
            for aid, published, seq, outlet, _ in rows}


def _instant(published: str | None) -> str:
    if not published:
        return ""
    try:
        if len(published) <= 10:
            return published[:10] + "T23:59:59+00:00"
        moment = datetime.fromisoformat(published)
        if moment.tzinfo is None:
            return moment.isoformat()
        return moment.astimezone(UTC).isoformat()
    except ValueError:
        return published


def duplicate_roots(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str | None]:
    out = {}
    for part in _chunks(sorted(ids)):
        out.update(conn.execute(f"SELECT id, near_duplicate_of FROM articles WHERE id IN"
                                f" ({', '.join('?' * len(part))})", part).fetchall())
    return out


def copies_of(conn: sqlite3.Connection, roots: Iterable[str]) -> set[str]:
    found: set[str] = set()
    for part in _chunks(sorted(roots)):
        found.update(r[0] for r in conn.execute(
            f"SELECT id FROM articles WHERE near_duplicate_of IN ({', '.join('?' * len(part))})", part))
    return found


def set_near_duplicate(conn: sqlite3.Connection, article_id: str, root: str | None) -> bool:
    cur = conn.execute("UPDATE articles SET near_duplicate_of = ? WHERE id = ? AND near_duplicate_of IS NOT ?",
                       (root, article_id, root))
    return cur.rowcount > 0


# ------------------------------------------------------------------ clusters: the clusterer's state


def unclustered_articles(conn: sqlite3.Connection) -> list[str]:
    """Ids of articles with no cluster yet, in publication order (undated last)."""
    return [r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE cluster_id IS NULL ORDER BY published IS NULL, published, seq")]


@dataclass(frozen=True, slots=True)
class ClusterInput:
    """What the clusterer reads of a stored article: its text, its resolved actors in text order
    (with their entity types), its publication date and the article it is a near-duplicate of."""

    id: str
    title: str
    body: str
    actors: list[tuple[str, str | None]]  # (entity id, entity type) per resolved mention
    published: str | None
    published_precision: str
    near_duplicate_of: str | None


def cluster_input(conn: sqlite3.Connection, article_id: str) -> ClusterInput | None:
    row = conn.execute("SELECT title, body, published, published_precision, near_duplicate_of FROM articles"
                       " WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    title, body, published, precision, dup_of = row
    mentions = conn.execute(
        "SELECT m.entity_id, e.type FROM mentions m LEFT JOIN entities e ON e.id = m.entity_id"
        " WHERE m.article_id = ? AND m.entity_id IS NOT NULL ORDER BY m.start", (article_id,)).fetchall()
    return ClusterInput(article_id, title or "", body, [(eid, etype) for eid, etype in mentions], published,
                        precision, dup_of)


def cluster_of(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The cluster an article is in (None when it has none or is absent)."""
    row = conn.execute("SELECT cluster_id FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row else None


def load_term_df(conn: sqlite3.Connection) -> tuple[int, dict[str, dict[str, int]]]:
    """The clusterer's document frequencies: how many articles they cover, and field -> term -> df."""
    df: dict[str, dict[str, int]] = {f: {} for f in FIELDS}
    for f, term, n in conn.execute("SELECT field, term, df FROM term_df"):
        df.setdefault(f, {})[term] = n
    row = conn.execute("SELECT value FROM corpus_state WHERE key = ?", (N_DOCS_KEY,)).fetchone()
    return (int(row[0]) if row else 0), df


def save_term_df(conn: sqlite3.Connection, n_docs: int, rows: Iterable[tuple[str, str, int]]) -> None:
    """Set the df of (field, term, df) rows and the number of articles counted."""
    conn.executemany(
        "INSERT INTO term_df (field, term, df) VALUES (?, ?, ?)"
        " ON CONFLICT (field, term) DO UPDATE SET df = excluded.df", list(rows))
    conn.execute("INSERT INTO corpus_state (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (N_DOCS_KEY, str(n_docs)))


def load_cluster(conn: sqlite3.Connection, cluster_id: str) -> ClusterState | None:
    """A stored cluster with its centroid terms and member articles."""
    row = conn.execute('SELECT title, start, "end", n_articles, years, actors, leads FROM clusters'
                       " WHERE id = ?", (cluster_id,)).fetchone()
    if row is None:
        return None
    title, start, end, n, years, actors, leads = row
    c = ClusterState(cluster_id, title=title or "", n_docs=n,
                     start=date.fromisoformat(start) if start else None,
                     end=date.fromisoformat(end) if end else None,
                     years=set(json.loads(years)), actors=Counter(json.loads(actors)),
                     leads=Counter(json.loads(leads)))
    for f, term, w in conn.execute("SELECT field, term, weight FROM cluster_terms WHERE cluster_id = ?",
                                   (cluster_id,)):
        c.weights[f][term] = w
    c.doc_ids = [r[0] for r in conn.execute(  # in the order they were clustered (publication order)
        "SELECT m.article_id FROM cluster_members m JOIN articles a ON a.id = m.article_id"
        " WHERE m.cluster_id = ? ORDER BY a.published IS NULL, a.published, a.seq", (cluster_id,))]
    return c


def clusters_with_terms(conn: sqlite3.Connection, keys: Iterable[str]) -> Counter[str]:
    """Cluster ids whose stored centroid holds each "field:term" key, with how many keys they hold."""
    found: Counter[str] = Counter()
    for f, term in (k.split(":", 1) for k in keys):
        found.update(r[0] for r in conn.execute(
            "SELECT cluster_id FROM cluster_terms WHERE field = ? AND term = ?", (f, term)))
    return found


def save_cluster(conn: sqlite3.Connection, c: ClusterState, centroid_terms: int) -> None:
    """Insert or update a cluster row and its `centroid_terms` heaviest terms per field."""
    now = _now()
    conn.execute(
        'INSERT INTO clusters (id, title, start, "end", n_articles, years, actors, leads, created_at, updated_at)'
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title,"
        ' start = excluded.start, "end" = excluded."end", n_articles = excluded.n_articles,'
        " years = excluded.years, actors = excluded.actors, leads = excluded.leads,"
        " updated_at = excluded.updated_at",
        (c.id, c.title or None, c.start.isoformat() if c.start else None, c.end.isoformat() if c.end else None,
         c.n_docs, json.dumps(sorted(c.years)), json.dumps(dict(c.actors)), json.dumps(dict(c.leads)), now, now))
    conn.execute("DELETE FROM cluster_terms WHERE cluster_id = ?", (c.id,))
    conn.executemany(
        "INSERT INTO cluster_terms (cluster_id, field, term, weight) VALUES (?, ?, ?, ?)",
        [(c.id, f, t, w) for f in FIELDS for t, w in c.weights[f].most_common(centroid_terms)])


def record_member(conn: sqlite3.Connection, article_id: str, cluster_id: str, score: float, created: bool) -> None:
    """The article's cluster, on the article and in cluster_members (inside the caller's transaction)."""
    conn.execute("UPDATE articles SET cluster_id = ? WHERE id = ?", (cluster_id, article_id))
    conn.execute("INSERT OR REPLACE INTO cluster_members (article_id, cluster_id, score, created, clustered_at)"
                 " VALUES (?, ?, ?, ?, ?)", (article_id, cluster_id, score, int(created), _now()))


# ------------------------------------------------------------------ clusters: reading


@dataclass(slots=True)
class ClusterRow:
    """A cluster as `tidings clusters` and clusters.jsonl show it."""

    id: str
    title: str | None
    start: str | None
    end: str | None
    article_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    num_sources: int = 0  # distinct outlets, near-duplicate copies counted once
    story_id: str | None = None

    def record(self) -> dict:
        """The clusters.jsonl record (the export contract: id, article_ids, title, start, end)."""
        return {"id": self.id, "article_ids": self.article_ids, "title": self.title,
                "start": self.start, "end": self.end}


def cluster_rows(conn: sqlite3.Connection, ids: list[str] | None = None) -> list[ClusterRow]:
    """Clusters with their articles (oldest first), biggest clusters first, then by start."""
    sql = 'SELECT id, title, start, "end", story_id FROM clusters'
    params: list = []
    if ids is not None:
        if not ids:
            return []
        sql += f" WHERE id IN ({', '.join('?' * len(ids))})"
        params = list(ids)
    rows = {r[0]: ClusterRow(r[0], r[1], r[2], r[3], story_id=r[4]) for r in conn.execute(sql, params)}
    members = conn.execute(
        "SELECT cluster_id, id, outlet, near_duplicate_of FROM articles WHERE cluster_id IS NOT NULL"
        + (" AND cluster_id IN (SELECT value FROM json_each(?))" if ids is not None else "")
        + " ORDER BY published IS NULL, published, seq", [json.dumps(list(ids))] if ids is not None else [])
    sources: dict[str, set] = {}
    for cid, aid, outlet, dup in members:
        row = rows.get(cid)
        if row is None:
            continue
        row.article_ids.append(aid)
        if outlet and outlet not in row.outlets:
            row.outlets.append(outlet)
        if dup is None:  # a copy adds no source of its own
            sources.setdefault(cid, set()).add(outlet or aid)
    for cid, row in rows.items():
        row.num_sources = len(sources.get(cid, ()))
    return sorted((r for r in rows.values() if r.article_ids),
                  key=lambda r: (-len(r.article_ids), r.start or "9999", r.id))


def find_cluster(conn: sqlite3.Connection, key: str) -> str | None:
    """A cluster id from itself, a unique prefix of it, or an article id (prefix) in it."""
    key = key.strip()
    if conn.execute("SELECT 1 FROM clusters WHERE id = ?", (key,)).fetchone():
        return key
    rows = conn.execute("SELECT id FROM clusters WHERE id LIKE ? ESCAPE '\\' LIMIT 2",
                        (key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%",)).fetchall()
    if len(rows) == 1:
        return rows[0][0]
    if len(key) >= 6:
        rows = conn.execute("SELECT DISTINCT cluster_id FROM articles WHERE id LIKE ? AND cluster_id IS NOT NULL"
                            " LIMIT 2", (key.lower() + "%",)).fetchall()
        if len(rows) == 1:
            return rows[0][0]
    return None
