"""The article store: one SQLite file holding articles, their origins, failures and an FTS5 index."""
from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Self

from ..errors import StoreError
from ..model.article import Article, Failure
from .schema import migrate

# Columns of `articles` that mirror Article fields, in Article order (origins come from `origins`).
ARTICLE_COLUMNS = (
    "id", "origin", "body", "title", "outlet", "author", "published", "published_precision",
    "dateline", "wire", "language", "url", "near_duplicate_of", "cluster_id",
)
# Fields later corpus stages may set on a stored article (the body changes only through the
# boilerplate sweep: store.boilerplate.set_article_body).
UPDATABLE = frozenset({"near_duplicate_of", "cluster_id"})

MIN_PREFIX = 6  # shortest id prefix `article()` accepts: 16.7M values, unique in any realistic store
SNIPPET_OPEN, SNIPPET_CLOSE = "«", "»"  # marks around matched words in search snippets
SNIPPET_WORDS = 16  # words of context per snippet: about one line in a terminal
# bm25 weights (title, body): a word in the title says more about what the article is about.
TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
BUSY_TIMEOUT_MS = 10_000  # wait this long for another process's write lock (ingest beside the web UI)

_SELECT_ARTICLE = (
    "SELECT " + ", ".join(f"a.{c}" for c in ARTICLE_COLUMNS)
    + ", (SELECT json_group_array(origin) FROM"
    " (SELECT origin FROM origins o WHERE o.article_id = a.id ORDER BY o.seq)) AS origins_json"
    " FROM articles a"
)
_HEX = re.compile(r"^[0-9a-f]+$")
_WORD = re.compile(r"\w+", re.UNICODE)
_QUERY_PART = re.compile(r'"([^"]*)"?|(\S+)')
# Arabic-script vowel marks (harakat, superscript alef): news in Persian, Pashto and Urdu is written
# without them, so a query that has them drops them (they would split the word: they are not \w).
_ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")


@dataclass(frozen=True, slots=True)
class Summary:
    """What a store holds, for `tidings summary`."""

    n_articles: int
    n_origins: int
    n_failures: int
    per_outlet: list[tuple[str, int]] = field(default_factory=list)  # ("(unknown)" for no outlet), most first
    first_published: str | None = None
    last_published: str | None = None
    n_undated: int = 0
    found: list[tuple[str, int]] = field(default_factory=list)  # what the later stages found, by label


# What `tidings summary` reports the later stages found: (label, query returning one count).
FOUND_COUNTS = (
    ("actors (entities)", "SELECT count(*) FROM entities WHERE id NOT IN (SELECT from_id FROM entity_redirects)"),
    ("actor mentions", "SELECT count(*) FROM mentions"),
    ("events coded", "SELECT count(*) FROM events"),
    ("of them asserted", "SELECT count(*) FROM events WHERE modality = 'asserted'"),
    ("places", "SELECT count(*) FROM places"),
    ("syndicated or near-duplicate copies", "SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL"),
    ("same-event clusters", "SELECT count(*) FROM clusters"),
    ("merged events", "SELECT count(*) FROM merged_events"),
    ("merged events with 2+ sources", "SELECT count(*) FROM merged_events WHERE num_sources >= 2"),
    ("merged events where outlets disagree", "SELECT count(*) FROM merged_events WHERE contradictions != '[]'"),
    ("stories", "SELECT count(*) FROM stories"),
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Store:
    """A tidings store file. Open with `Store.open(path)`; use as a context manager to close it."""

    def __init__(self, conn: sqlite3.Connection, path: str):
        self._conn = conn
        self.path = path

    # -- opening -------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open or create the store at `path`, applying any pending schema migrations."""
        where = str(path)
        if where != ":memory:":
            parent = Path(path).expanduser().resolve().parent
            if not parent.is_dir():
                raise StoreError(f"Cannot create the store {where}: folder {parent} does not exist. Create it first.")
            where = str(Path(path).expanduser())
        try:
            conn = sqlite3.connect(where, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
        except sqlite3.Error as e:
            raise StoreError(f"Cannot open the store {where}: {e}.") from e
        try:
            cls._configure(conn)
            migrate(conn, where)
        except sqlite3.DatabaseError as e:
            conn.close()
            raise StoreError(f"{where} is not a tidings store SQLite can read ({e}). Pick another --db file.") from e
        except StoreError:
            conn.close()
            raise
        return cls(conn, where)

    @staticmethod
    def _configure(conn: sqlite3.Connection) -> None:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL keeps every committed transaction through a process crash (kill -9);
        # only a power cut can lose the last few commits, never half of one.
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The raw connection, for corpus stages with their own tables. Autocommit: use transaction()."""
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: all of it is stored, or (on any error, or a crash) none of it."""
        conn = self._conn
        if conn.in_transaction:
            raise StoreError("A store transaction is already open on this connection; nest no transactions.")
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:  # SQLite may have rolled back already (disk full, I/O error)
                conn.execute("ROLLBACK")
            raise

    # -- writing -------------------------------------------------------------------------------

    def add_article(self, a: Article, extras: Callable[[sqlite3.Connection, str], None] | None = None) -> str:
        """Store `a` with its origins and FTS row; "new", or "known" when its id is already stored
        (then only the origins are recorded). Clears any failure recorded for those origins.
        `extras(conn, status)`, when given, writes a later stage's rows in the same transaction."""
        origins = [a.origin] + [o for o in a.origins if o != a.origin]
        now = _now()
        try:
            with self.transaction() as conn:
                status = "known"
                if not conn.execute("SELECT 1 FROM articles WHERE id = ?", (a.id,)).fetchone():
                    values = [getattr(a, c) for c in ARTICLE_COLUMNS] + [now]
                    conn.execute(
                        f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}, ingested_at)"
                        f" VALUES ({', '.join('?' * len(values))})",
                        values,
                    )
                    status = "new"
                conn.executemany(
                    "INSERT OR IGNORE INTO origins (article_id, origin, first_seen) VALUES (?, ?, ?)",
                    [(a.id, o, now) for o in origins],
                )
                conn.executemany("DELETE FROM failures WHERE origin = ?", [(o,) for o in origins])
                if extras is not None:
                    extras(conn, status)
        except sqlite3.Error as e:
            raise StoreError(f"Cannot store the article from {a.origin}: {e}.") from e
        return status

    def add_failure(self, f: Failure) -> None:
        """Record why `f.origin` was not ingested, replacing any older reason for it."""
        try:
            with self.transaction() as conn:
                conn.execute(
                    "INSERT INTO failures (origin, error, seen_at) VALUES (?, ?, ?)"
                    " ON CONFLICT (origin) DO UPDATE SET error = excluded.error, seen_at = excluded.seen_at",
                    (f.origin, f.error, _now()),
                )
        except sqlite3.Error as e:
            raise StoreError(f"Cannot record the failure of {f.origin}: {e}.") from e

    def update_article(self, article_id: str, **values: str | None) -> bool:
        """Set corpus-stage fields (near_duplicate_of, cluster_id) of one article; False if absent."""
        unknown = set(values) - UPDATABLE
        if unknown:
            raise StoreError(f"Cannot update {sorted(unknown)}; updatable fields: {sorted(UPDATABLE)}.")
        if not values:
            return self.article(article_id) is not None
        sets = ", ".join(f"{name} = ?" for name in values)
        with self.transaction() as conn:
            cur = conn.execute(f"UPDATE articles SET {sets} WHERE id = ?", [*values.values(), article_id])
        return cur.rowcount > 0

    # -- reading -------------------------------------------------------------------------------

    def has_origin(self, origin: str) -> bool:
        """True when `origin` already produced a stored article (failed origins are tried again)."""
        return self._conn.execute("SELECT 1 FROM origins WHERE origin = ? LIMIT 1", (origin,)).fetchone() is not None

    def article(self, id_or_prefix: str) -> Article | None:
        """The article with this id, or with this unique id prefix of at least 6 hex characters."""
        key = id_or_prefix.strip().lower()
        row = self._conn.execute(_SELECT_ARTICLE + " WHERE a.id = ?", (key,)).fetchone()
        if row is not None:
            return _to_article(row)
        if len(key) < MIN_PREFIX or not _HEX.match(key):
            return None
        rows = self._conn.execute(
            _SELECT_ARTICLE + " WHERE a.id >= ? AND a.id < ? ORDER BY a.id LIMIT 2", (key, key + "g")
        ).fetchall()
        if len(rows) > 1:
            raise StoreError(
                f"The id prefix {id_or_prefix!r} matches several articles ({rows[0][0][:12]}..., "
                f"{rows[1][0][:12]}...). Give more characters."
            )
        return _to_article(rows[0]) if rows else None

    def articles(
        self,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        language: str | None = None,
    ) -> Iterator[Article]:
        """Stored articles, oldest publication first (undated last), streamed from the database.

        since / until are ISO dates (YYYY-MM-DD, inclusive, compared on the publication day);
        with either of them, undated articles are left out. language is an ISO 639-1 code.
        """
        where, params = [], []
        if outlet is not None:
            where.append("a.outlet = ?")
            params.append(outlet)
        if language is not None:
            where.append("a.language = ?")
            params.append(language)
        if since is not None:
            where.append("substr(a.published, 1, 10) >= ?")
            params.append(str(since)[:10])
        if until is not None:
            where.append("substr(a.published, 1, 10) <= ?")
            params.append(str(until)[:10])
        sql = _SELECT_ARTICLE
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.published IS NULL, a.published, a.seq LIMIT ? OFFSET ?"
        params += [-1 if limit is None else int(limit), int(offset)]
        for row in self._conn.execute(sql, params):
            yield _to_article(row)

    def failures(self) -> Iterator[Failure]:
        """Every input that was not ingested (latest reason per origin), by origin."""
        for origin, error in self._conn.execute("SELECT origin, error FROM failures ORDER BY origin"):
            yield Failure(origin, error)

    def search(self, q: str, limit: int = 20, language: str | None = None) -> list[tuple[Article, str]]:
        """Articles matching every word of `q` ("quoted phrases" kept, word* for prefixes), best
        first, each with a snippet of its body, matches between SNIPPET_OPEN and SNIPPET_CLOSE.
        Any user text is safe to pass: operators and stray quotes are searched as plain words."""
        return [(a, snippet) for a, snippet, _ in self.search_ranked(q, limit, language=language)]

    def search_ranked(self, q: str, limit: int | None = 20, after: tuple[float, int] | None = None,
                      language: str | None = None) -> list[tuple[Article, str, tuple[float, int]]]:
        """search() with each hit's sort key (bm25 rank, article seq); `after` a key, to start after it;
        `language` (ISO 639-1) keeps the articles in that language only."""
        match = fts_query(q)
        if not match:
            return []
        rank = "bm25(articles_fts, :tw, :bw)"
        sql = (
            _SELECT_ARTICLE.replace(" FROM articles a", f", snippet(articles_fts, 1, :open, :close, '…', :words),"
                                    f" {rank}, a.seq FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid")
            + " WHERE articles_fts MATCH :match"
            + (" AND a.language = :lang" if language else "")
            + (f" AND ({rank}, a.seq) > (:k0, :k1)" if after else "")
            + f" ORDER BY {rank}, a.seq LIMIT :limit"
        )
        params = {"open": SNIPPET_OPEN, "close": SNIPPET_CLOSE, "words": SNIPPET_WORDS, "match": match,
                  "tw": TITLE_WEIGHT, "bw": BODY_WEIGHT, "limit": -1 if limit is None else int(limit), "lang": language}
        if after:
            params.update(k0=after[0], k1=after[1])
        try:
            rows = self._conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError as e:
            raise StoreError(f"Search for {q!r} failed: {e}.") from e
        return [(_to_article(row[:-3]), row[-3], (row[-2], row[-1])) for row in rows]

    def summary(self) -> Summary:
        """Counts, articles per outlet and the publication date range."""
        c = self._conn
        n_articles, first, last, n_undated = c.execute(
            "SELECT count(*), min(published), max(published), sum(published IS NULL) FROM articles"
        ).fetchone()
        per_outlet = [
            (outlet or "(unknown)", n)
            for outlet, n in c.execute(
                "SELECT outlet, count(*) AS n FROM articles GROUP BY outlet ORDER BY n DESC, outlet"
            )
        ]
        return Summary(
            n_articles=n_articles,
            n_origins=c.execute("SELECT count(*) FROM origins").fetchone()[0],
            n_failures=c.execute("SELECT count(*) FROM failures").fetchone()[0],
            per_outlet=per_outlet,
            first_published=first,
            last_published=last,
            n_undated=n_undated or 0,
            found=[(label, c.execute(sql).fetchone()[0]) for label, sql in FOUND_COUNTS],
        )


def _to_article(row: tuple) -> Article:
    *columns, origins_json = row
    a = Article(**dict(zip(ARTICLE_COLUMNS, columns)))
    a.origins = json.loads(origins_json) if origins_json else []
    return a


def fts_query(q: str) -> str:
    """Turn user text into a safe FTS5 query: every word quoted (so AND, NEAR, ", -, : are plain
    text), "quoted phrases" kept as phrases, a trailing * kept as a prefix search; words ANDed."""
    terms = []
    for phrase, bare in _QUERY_PART.findall(_ARABIC_MARKS.sub("", q)):
        words = _WORD.findall(phrase if phrase else bare)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'  # \w+ words hold no quote, so nothing needs escaping
        if not phrase and bare.endswith("*") and len(words) == 1:
            term += "*"
        terms.append(term)
    return " ".join(terms)
