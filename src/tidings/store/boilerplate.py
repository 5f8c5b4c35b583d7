"""Store queries of the boilerplate sweep: per-outlet paragraph statistics, debris marks and swept bodies."""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator

_STATE_KEY = "boilerplate_min_articles"  # corpus_state key: the threshold the last sweep applied

# The rule, in SQL over line_stats: recurring enough, and short or (mostly) at an edge.
_IS_DEBRIS = "(n_articles >= :min AND (n_words <= :short OR 2 * n_edge > n_articles))"


def last_sweep_threshold(conn: sqlite3.Connection) -> int | None:
    """The boilerplate_min_articles the last sweep applied (None before the first)."""
    row = conn.execute("SELECT value FROM corpus_state WHERE key = ?", (_STATE_KEY,)).fetchone()
    return int(row[0]) if row else None


def set_sweep_threshold(conn: sqlite3.Connection, min_articles: int) -> None:
    conn.execute("INSERT INTO corpus_state (key, value) VALUES (?, ?)"
                 " ON CONFLICT (key) DO UPDATE SET value = excluded.value", (_STATE_KEY, str(min_articles)))


def outlets_with_uncounted_articles(conn: sqlite3.Connection) -> set[str]:
    """Outlets with articles whose paragraphs are not in line_stats yet."""
    rows = conn.execute(
        "SELECT DISTINCT a.outlet FROM articles a LEFT JOIN line_counted c ON c.article_id = a.id"
        " WHERE a.outlet IS NOT NULL AND c.article_id IS NULL"
    )
    return {outlet for (outlet,) in rows}


def counted_outlets(conn: sqlite3.Connection) -> set[str]:
    """Outlets with paragraphs in line_stats."""
    return {o for (o,) in conn.execute("SELECT DISTINCT outlet FROM line_stats")}


def uncounted_articles(conn: sqlite3.Connection, outlet: str) -> list[str]:
    """Ids of the outlet's articles whose paragraphs are not counted yet, in arrival order."""
    return [
        article_id
        for (article_id,) in conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN line_counted c ON c.article_id = a.id"
            " WHERE a.outlet = ? AND c.article_id IS NULL ORDER BY a.seq",
            (outlet,),
        )
    ]


def article_body(conn: sqlite3.Connection, article_id: str) -> str:
    (body,) = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    return body


def count_lines(conn: sqlite3.Connection, outlet: str, article_id: str,
                lines: Iterable[tuple[str, bool, int, str]]) -> None:
    """Add one article's distinct paragraphs, as (hash, at an edge, words, text), to the outlet's
    line_stats and mark the article counted."""
    found = list(lines)
    conn.executemany(
        "INSERT INTO line_stats (outlet, line_hash, n_articles, n_edge, n_words, sample)"
        " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (outlet, line_hash) DO UPDATE SET"
        " n_articles = n_articles + 1, n_edge = n_edge + excluded.n_edge",
        [(outlet, h, int(edge), words, text[:300]) for h, edge, words, text in found],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO line_articles (article_id, line_hash) VALUES (?, ?)",
        [(article_id, h) for h, *_ in found],
    )
    conn.execute("INSERT INTO line_counted (article_id) VALUES (?)", (article_id,))


def reclassify_lines(conn: sqlite3.Connection, outlet: str, min_articles: int, short_words: int) -> set[str]:
    """Mark the outlet's lines debris when seen in at least min_articles articles and either at most
    short_words long or mostly at an edge (and unmark the others); the hashes that just became debris."""
    params = {"outlet": outlet, "min": min_articles, "short": short_words}
    newly = {
        h for (h,) in conn.execute(
            f"SELECT line_hash FROM line_stats WHERE outlet = :outlet AND boilerplate = 0 AND {_IS_DEBRIS}",
            params,
        )
    }
    conn.execute(
        f"UPDATE line_stats SET boilerplate = {_IS_DEBRIS} WHERE outlet = :outlet AND boilerplate != {_IS_DEBRIS}",
        params,
    )
    return newly


def articles_carrying(conn: sqlite3.Connection, outlet: str, hashes: set[str]) -> set[str]:
    """The outlet's articles that hold any of the line hashes."""
    found: set[str] = set()
    for h in hashes:
        found.update(
            article_id
            for (article_id,) in conn.execute(
                "SELECT la.article_id FROM line_articles la JOIN articles a ON a.id = la.article_id"
                " WHERE la.line_hash = ? AND a.outlet = ?",
                (h, outlet),
            )
        )
    return found


def debris_hashes(conn: sqlite3.Connection, outlet: str) -> set[str]:
    """Hashes of the outlet's lines marked debris."""
    rows = conn.execute("SELECT line_hash FROM line_stats WHERE outlet = ? AND boilerplate = 1", (outlet,))
    return {h for (h,) in rows}


def set_article_body(conn: sqlite3.Connection, article_id: str, body: str) -> None:
    """Store a swept body (the FTS triggers follow)."""
    conn.execute("UPDATE articles SET body = ? WHERE id = ?", (body, article_id))


def keep_analyses_of_prefix(conn: sqlite3.Connection, article_id: str, old_body: str, chars: int) -> bool:
    """After the sweep cut a body down to its first `chars` characters: when its actors and events
    were made on the old body and no event, place or learned role came from the cut, drop the
    sentences and actor mentions that lay there (an outlet naming itself in its footer) and record
    the analyses as made on the shorter body, so that the reanalyse stage leaves the article alone
    (the offsets before the cut do not move). False, with nothing changed, otherwise: the article
    is then analysed again."""
    old_chars = len(old_body)
    made_on_old = conn.execute(
        "SELECT (SELECT body_chars FROM analysed WHERE article_id = ?) = ?"
        " AND (SELECT body_chars FROM events_coded WHERE article_id = ?) = ?",
        (article_id, old_chars, article_id, old_chars)).fetchone()[0]
    if not made_on_old:
        return False
    in_cut = conn.execute(
        "SELECT EXISTS (SELECT 1 FROM place_mentions WHERE article_id = ? AND \"end\" > ?)"
        " OR EXISTS (SELECT 1 FROM events WHERE article_id = ? AND trigger_end > ?)"
        " OR EXISTS (SELECT 1 FROM mentions m JOIN entity_roles r ON r.entity_id = m.entity_id"
        "            AND r.article_id = m.article_id WHERE m.article_id = ? AND m.\"end\" > ?)",
        (article_id, chars, article_id, chars, article_id, chars)).fetchone()[0]
    if in_cut:
        return False
    # A kept sentence (and the events in it) may run on past the cut only over whitespace.
    ends = [e for (e,) in conn.execute('SELECT "end" FROM sentences WHERE article_id = ? AND start < ? AND "end" > ?'
                                       " UNION SELECT sentence_end FROM events WHERE article_id = ? AND sentence_end > ?",
                                       (article_id, chars, chars, article_id, chars))]
    if any(old_body[chars:end].strip() for end in ends):
        return False
    conn.execute('DELETE FROM mentions WHERE article_id = ? AND "end" > ?', (article_id, chars))
    conn.execute("DELETE FROM sentences WHERE article_id = ? AND start >= ?", (article_id, chars))
    conn.execute('UPDATE sentences SET "end" = ? WHERE article_id = ? AND "end" > ?', (chars, article_id, chars))
    conn.execute("UPDATE events SET sentence_end = ? WHERE article_id = ? AND sentence_end > ?",
                 (chars, article_id, chars))
    conn.execute("UPDATE analysed SET body_chars = ? WHERE article_id = ?", (chars, article_id))
    conn.execute("UPDATE events_coded SET body_chars = ? WHERE article_id = ?", (chars, article_id))
    return True


def debris_rows(conn: sqlite3.Connection, outlet: str | None = None) -> Iterator[tuple[str, str, int]]:
    """(outlet, paragraph as first seen, number of articles) for every paragraph marked debris."""
    sql = "SELECT outlet, sample, n_articles FROM line_stats WHERE boilerplate = 1"
    params: tuple = ()
    if outlet is not None:
        sql += " AND outlet = ?"
        params = (outlet,)
    yield from conn.execute(sql + " ORDER BY outlet, n_articles DESC, sample", params)
