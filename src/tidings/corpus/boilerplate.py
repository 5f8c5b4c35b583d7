"""Corpus boilerplate: paragraphs that recur across many articles of one outlet are site debris; sweep them out."""
from __future__ import annotations

import hashlib
import re
import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Settings
from ..errors import ConfigError
from ..store import Store

# A recurring paragraph of at most this many words is debris wherever it sits. Chosen on the
# seed articles: their short debris ("Story highlights", "main img", "·1-min read", photo
# credits, "(With inputs from Agencies)") runs 1-8 words, while their 53 news paragraphs have a
# median of 37 words and only 6 are 20 words or fewer (subheads, one-line statements), which
# would also have to recur verbatim in several articles of one outlet to go.
SHORT_WORDS = 20
# A longer recurring paragraph is debris only when, in most of the articles that carry it, it
# sits within this many paragraphs of the start or the end. Chosen on the seed articles: all
# their long debris (a 31-word comment policy, a 23-word "Read all the latest news" line) is the
# last paragraph and all their header debris is within the first 7 lines, i.e. the first 3
# paragraphs once the extract stage has removed captions; background paragraphs that outlets
# repeat inside stories sit deeper and are kept.
EDGE_PARAGRAPHS = 3
_STATE_KEY = "boilerplate_min_articles"  # corpus_state key: the threshold the last sweep applied

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of a body as the boilerplate statistics see it."""

    hash: str
    words: int
    edge: bool  # within EDGE_PARAGRAPHS of the start or the end of its article
    text: str


def paragraphs(body: str) -> list[str]:
    """The non-empty paragraphs of a clean body (paragraphs are separated by a blank line)."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(body) if p.strip()]


def normalise(paragraph: str) -> str:
    """Casefolded words; in a short paragraph every number becomes 0, so "© 2024" and "2-min read"
    match their siblings, while long paragraphs that differ only in figures (daily tallies, prices)
    stay apart: there the numbers are the news."""
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", paragraph).casefold()).split()
    if len(words) <= SHORT_WORDS:
        words = [_DIGITS.sub("0", w) for w in words]
    return " ".join(words)


def line_hash(paragraph: str) -> str | None:
    """A short stable key for a paragraph; None when it holds no words (a "***" divider)."""
    norm = normalise(paragraph)
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16] if norm else None


def lines(body: str) -> dict[str, Line]:
    """Each distinct paragraph of a body once, keyed by hash (an edge when any copy is at an edge)."""
    pars = paragraphs(body)
    n = len(pars)
    found: dict[str, Line] = {}
    for i, par in enumerate(pars):
        h = line_hash(par)
        if h is None:
            continue
        edge = i < EDGE_PARAGRAPHS or i >= n - EDGE_PARAGRAPHS
        if h in found:
            edge = edge or found[h].edge
        found[h] = Line(h, len(par.split()), edge, par)
    return found


def strip_lines(body: str, debris: set[str]) -> str:
    """The body without paragraphs whose hash is in `debris`; unchanged if nothing else would remain."""
    pars = paragraphs(body)
    kept = [p for p in pars if line_hash(p) not in debris]
    if not kept or len(kept) == len(pars):
        return body
    return "\n\n".join(kept)


def sweep_boilerplate(store: Store, settings: Settings) -> int:
    """Count the paragraphs of newly stored articles per outlet, mark recurring ones debris, and
    remove debris from the stored bodies (ids stay: they hash the per-article clean body).

    Incremental: only outlets with new articles (or every outlet, when the threshold setting
    changed) are looked at, and only their new articles plus older ones carrying a paragraph
    that just became debris are rewritten. Articles without an outlet are never swept.
    Returns how many article bodies changed. Setting boilerplate_min_articles = 0 turns it off.
    """
    min_articles = settings.boilerplate_min_articles
    if min_articles == 0:
        return 0
    if min_articles < 2:
        raise ConfigError(
            f"boilerplate_min_articles must be 0 (off) or at least 2, not {min_articles}: "
            "a paragraph seen in one article is not recurring."
        )
    conn = store.connection
    threshold_changed = _last_threshold(conn) != min_articles
    outlets = _outlets_with_new_articles(conn)
    if threshold_changed:
        outlets |= {o for (o,) in conn.execute("SELECT DISTINCT outlet FROM line_stats")}
    changed = 0
    for outlet in sorted(outlets):
        with store.transaction():
            new_ids = _count_new_articles(conn, outlet)
            newly_debris = _reclassify(conn, outlet, min_articles)
            affected = set(new_ids) | _articles_carrying(conn, outlet, newly_debris)
            debris = _debris(conn, outlet)
            changed += sum(_rewrite(conn, article_id, debris) for article_id in sorted(affected))
    if threshold_changed:
        with store.transaction():
            conn.execute(
                "INSERT INTO corpus_state (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_STATE_KEY, str(min_articles)),
            )
    return changed


def debris_lines(store: Store, outlet: str | None = None) -> Iterator[tuple[str, str, int]]:
    """(outlet, paragraph as first seen, number of articles) for every paragraph marked debris."""
    sql = "SELECT outlet, sample, n_articles FROM line_stats WHERE boilerplate = 1"
    params: tuple = ()
    if outlet is not None:
        sql += " AND outlet = ?"
        params = (outlet,)
    yield from store.connection.execute(sql + " ORDER BY outlet, n_articles DESC, sample", params)


def _last_threshold(conn: sqlite3.Connection) -> int | None:
    row = conn.execute("SELECT value FROM corpus_state WHERE key = ?", (_STATE_KEY,)).fetchone()
    return int(row[0]) if row else None


def _outlets_with_new_articles(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT DISTINCT a.outlet FROM articles a LEFT JOIN line_counted c ON c.article_id = a.id"
        " WHERE a.outlet IS NOT NULL AND c.article_id IS NULL"
    )
    return {outlet for (outlet,) in rows}


def _count_new_articles(conn: sqlite3.Connection, outlet: str) -> list[str]:
    """Add the paragraphs of the outlet's not yet counted articles to line_stats; their ids."""
    ids = [
        article_id
        for (article_id,) in conn.execute(
            "SELECT a.id FROM articles a LEFT JOIN line_counted c ON c.article_id = a.id"
            " WHERE a.outlet = ? AND c.article_id IS NULL ORDER BY a.seq",
            (outlet,),
        )
    ]
    for article_id in ids:
        (body,) = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
        found = lines(body).values()
        conn.executemany(
            "INSERT INTO line_stats (outlet, line_hash, n_articles, n_edge, n_words, sample)"
            " VALUES (?, ?, 1, ?, ?, ?) ON CONFLICT (outlet, line_hash) DO UPDATE SET"
            " n_articles = n_articles + 1, n_edge = n_edge + excluded.n_edge",
            [(outlet, ln.hash, int(ln.edge), ln.words, ln.text[:300]) for ln in found],
        )
        conn.executemany(
            "INSERT OR IGNORE INTO line_articles (article_id, line_hash) VALUES (?, ?)",
            [(article_id, ln.hash) for ln in found],
        )
        conn.execute("INSERT INTO line_counted (article_id) VALUES (?)", (article_id,))
    return ids


# The rule, in SQL over line_stats: recurring enough, and short or (mostly) at an edge.
_IS_DEBRIS = "(n_articles >= :min AND (n_words <= :short OR 2 * n_edge > n_articles))"


def _reclassify(conn: sqlite3.Connection, outlet: str, min_articles: int) -> set[str]:
    """Apply the rule to the outlet's lines; the hashes that have just become debris."""
    params = {"outlet": outlet, "min": min_articles, "short": SHORT_WORDS}
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


def _articles_carrying(conn: sqlite3.Connection, outlet: str, hashes: set[str]) -> set[str]:
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


def _debris(conn: sqlite3.Connection, outlet: str) -> set[str]:
    rows = conn.execute("SELECT line_hash FROM line_stats WHERE outlet = ? AND boilerplate = 1", (outlet,))
    return {h for (h,) in rows}


def _rewrite(conn: sqlite3.Connection, article_id: str, debris: set[str]) -> bool:
    """Store the body without debris (the FTS triggers follow); True when it changed."""
    if not debris:
        return False
    (body,) = conn.execute("SELECT body FROM articles WHERE id = ?", (article_id,)).fetchone()
    clean = strip_lines(body, debris)
    if clean == body:
        return False
    conn.execute("UPDATE articles SET body = ? WHERE id = ?", (clean, article_id))
    return True
