"""Article reads behind the lists, the article page, search and the dashboard: parameterised SQL only."""
from __future__ import annotations

import sqlite3

from ...errors import StoreError
from ..db import (
    BODY_WEIGHT,
    SNIPPET_CLOSE,
    SNIPPET_OPEN,
    SNIPPET_WORDS,
    TITLE_WEIGHT,
    Store,
    fts_query,
)
from ..events import DAY_END
from .common import Order, Page, capped_count, fetch_limit, split_page, table_exists, where_sql
from .events import article_event_spans

EXCERPT_CHARS = 240  # body characters shown in article lists: about three lines of a table cell
LATEST = 8           # latest articles on the dashboard
# Tables of the later stages the dashboard counts (each may be absent from an older store).
LATER_TABLES = ("events", "places", "clusters", "merged_events", "stories")

LIST_COLUMNS = ("id", "title", "outlet", "author", "published", "published_precision", "dateline",
                "wire", "language", "url", "origin", "cluster_id", "near_duplicate_of")


# Newest publication first (undated last), then the latest stored; oldest first the other way
# round (undated first). a.seq makes the key unique. Migration 0007 indexes the day expression.
ARTICLE_DAY = "coalesce(a.published, '')"
NEWEST = Order(((ARTICLE_DAY, True), ("a.seq", True)))
OLDEST = Order(((ARTICLE_DAY, False), ("a.seq", False)))
# Mentions of an actor past which its article list walks the newest articles rather than sorting
# all of its own. Tuned on the 1M-event synthetic store (100k articles; docs/benchmarks.md, "List
# queries at scale"): an actor in 30k articles took 0.2-0.9 s sorted, under 20 ms walked.
WALK_ABOVE = 5_000


def _article_filters(conn: sqlite3.Connection, outlet, since, until, entity, cluster,
                     language=None) -> tuple[list[str], dict]:
    where, params = [], {}
    if outlet:
        where.append("a.outlet = :outlet")
        params["outlet"] = outlet
    if language:
        where.append("a.language = :language")
        params["language"] = language
    if since:
        where.append(f"{ARTICLE_DAY} >= :since")
        params["since"] = since[:10]
    if until:
        where.append(f"{ARTICLE_DAY} > '' AND {ARTICLE_DAY} <= :until")
        params["until"] = until + DAY_END
    if entity:
        # An actor in many articles: walk the newest articles and keep its own (+ turns the id
        # index off, so the set is only probed); one in few: look its articles up and sort them.
        many = conn.execute("SELECT count(*) FROM (SELECT 1 FROM mentions WHERE entity_id = ? LIMIT ?)",
                            (entity, WALK_ABOVE)).fetchone()[0] >= WALK_ABOVE
        where.append(("+a.id" if many else "a.id") + " IN (SELECT article_id FROM mentions WHERE entity_id = :entity)")
        params["entity"] = entity
    if cluster:
        where.append("a.cluster_id = :cluster")
        params["cluster"] = cluster
    return where, params


def list_articles(conn: sqlite3.Connection, *, outlet: str | None = None, since: str | None = None,
                  until: str | None = None, entity: str | None = None, cluster: str | None = None,
                  newest_first: bool = True, limit: int | None = 50, offset: int = 0,
                  after: str | None = None, language: str | None = None) -> Page:
    """Articles without their bodies (an excerpt instead), newest publication first by default.
    `after` (a page's `next`) continues the list where that page ended; `language` an ISO 639-1 code."""
    where, params = _article_filters(conn, outlet, since, until, entity, cluster, language)
    total, exact = capped_count(conn, "FROM articles a" + where_sql(where), params)
    order = NEWEST if newest_first else OLDEST
    seek, keys = order.after(after)
    cols = ", ".join(f"a.{c}" for c in LIST_COLUMNS)
    rows = conn.execute(
        f"SELECT {cols}, substr(a.body, 1, :excerpt), length(a.body),"
        " (SELECT count(*) FROM origins o WHERE o.article_id = a.id), " + order.columns()
        + " FROM articles a" + where_sql([*where, seek]) + order.order_by() + " LIMIT :limit OFFSET :offset",
        {"excerpt": EXCERPT_CHARS, **params, **keys, "limit": fetch_limit(limit),
         "offset": 0 if after else offset}).fetchall()
    rows, cursor = split_page(rows, limit, order, len(order.keys))
    items = []
    for r in rows:
        item = dict(zip(LIST_COLUMNS, r[:len(LIST_COLUMNS)]))
        excerpt, length, n_origins = r[len(LIST_COLUMNS):len(LIST_COLUMNS) + 3]
        item["excerpt"] = excerpt + ("…" if length > EXCERPT_CHARS else "")
        item["num_origins"] = n_origins
        items.append(item)
    return Page(items, total, limit, offset, next=cursor, total_exact=exact)


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
    record["events"] = article_event_spans(conn, a.id) if table_exists(conn, "events") else []
    return record


def outlets(conn: sqlite3.Connection) -> list[dict]:
    return [{"outlet": o, "articles": n} for o, n in conn.execute(
        "SELECT outlet, count(*) AS n FROM articles WHERE outlet IS NOT NULL"
        " GROUP BY outlet ORDER BY n DESC, outlet")]


# Search ranks matches in blocks of this many, the most recently stored block first (FTS5 reads a
# word's matches newest first without scoring them; bm25 is computed for one block at a time).
# Tuned on the 1M-event synthetic store (docs/benchmarks.md, "Dyad summary, windowed search"): a
# word in nearly all of its 100k articles took 0.5 s ranked whole, about 10-20 ms per block of 1,000.
SEARCH_BLOCK = 1_000
SEARCH_ORDER = Order((("block", False), ("rank", False), ("seq", False)))  # cursor: block bound, bm25, seq
NEWEST_BLOCK = -1  # the cursor's block bound for the newest block (no bound)
_BLOCK_SQL = ("SELECT rowid, bm25(articles_fts, :tw, :bw) FROM articles_fts WHERE articles_fts MATCH :match"
              " {bound}{language} ORDER BY rowid DESC LIMIT :block")
_IN_LANGUAGE = " AND rowid IN (SELECT seq FROM articles WHERE language = :lang)"


def search(store: Store, q: str, limit: int | None, offset: int = 0, after: str | None = None,
           language: str | None = None) -> Page:
    """Full-text search (FTS5), with snippets; matches lie between « and ». Best first (bm25, titles
    weigh more) among the SEARCH_BLOCK most recently stored matches, then among the block before
    them, and so on: a store with fewer matches is ranked whole. `after` (a page's `next`)
    continues the hits where that page ended; `language` (ISO 639-1) keeps that language's articles."""
    match = fts_query(q)
    if not match:
        return Page([], 0, limit, offset, extra={"query": q})
    conn = store.connection
    start = SEARCH_ORDER.after(after)[1] if after else {}
    want = None if limit is None else limit + 1 + (0 if after else offset)
    try:
        bound = start["k0"] if start and start["k0"] != NEWEST_BLOCK else None
        hits = _ranked_hits(conn, match, want, bound, (start["k1"], start["k2"]) if start else None, language)
        total, exact = capped_count(conn, "FROM articles_fts WHERE articles_fts MATCH :m"
                                    + (_IN_LANGUAGE if language else ""), {"m": match, "lang": language})
    except sqlite3.OperationalError as e:
        raise StoreError(f"Search for {q!r} failed: {e}.") from e
    hits = hits if after else hits[offset:]
    rows, cursor = split_page(hits, limit, SEARCH_ORDER, 3)
    items = _search_items(conn, match, [seq for _block, _rank, seq in rows])
    return Page(items, total, limit, offset, extra={"query": q}, next=cursor, total_exact=exact)


def _ranked_hits(conn: sqlite3.Connection, match: str, want: int | None, bound: int | None,
                 key: tuple[float, int] | None, language: str | None = None) -> list[tuple]:
    """(block bound, bm25, seq) of up to `want` hits in search order, starting after `key` within
    the block of matches stored before seq `bound` (None: the newest block)."""
    out: list[tuple] = []
    params = {"match": match, "tw": TITLE_WEIGHT, "bw": BODY_WEIGHT, "block": SEARCH_BLOCK, "lang": language}
    while want is None or len(out) < want:
        sql = _BLOCK_SQL.format(bound="" if bound is None else "AND rowid < :bound",
                                language=_IN_LANGUAGE if language else "")
        block = conn.execute(sql, {**params, "bound": bound}).fetchall()
        mark = NEWEST_BLOCK if bound is None else bound
        ranked = sorted((rank, seq) for seq, rank in block)
        out += [(mark, rank, seq) for rank, seq in ranked if key is None or (rank, seq) > tuple(key)]
        if len(block) < SEARCH_BLOCK:
            break
        bound, key = block[-1][0], None
    return out if want is None else out[:want]


def _search_items(conn: sqlite3.Connection, match: str, seqs: list[int]) -> list[dict]:
    """The list columns and the snippet of each hit, in the given order."""
    cols = ", ".join(f"a.{c}" for c in LIST_COLUMNS)
    items = []
    for seq in seqs:
        row = conn.execute(
            f"SELECT {cols}, snippet(articles_fts, 1, :open, :close, '…', :words) FROM articles_fts"
            " JOIN articles a ON a.seq = articles_fts.rowid WHERE articles_fts MATCH :match AND articles_fts.rowid = :seq",
            {"open": SNIPPET_OPEN, "close": SNIPPET_CLOSE, "words": SNIPPET_WORDS, "match": match, "seq": seq},
        ).fetchone()
        if row is not None:
            items.append({**dict(zip(LIST_COLUMNS, row[:-1])), "snippet": row[-1]})
    return items


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
