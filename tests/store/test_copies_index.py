"""The copies of an article are found by index (schema 11), and found the same as by a scan."""
from __future__ import annotations

import hashlib

from tidings.model.article import Article
from tidings.store import Store
from tidings.store.corpus import copies_of, set_near_duplicate

BODY = ("Tajik border guards reopened the Panj crossing to lorries on {day} after repairs to the bridge, "
        "the customs service in Dushanbe said.")


def _article(day: str) -> Article:
    body = BODY.format(day=day)
    return Article(id=hashlib.sha256(body.encode()).hexdigest(), origin=f"test:{day}", body=body,
                   title="Panj crossing reopens")


def test_copies_are_an_index_range_and_the_same_rows_a_scan_finds(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        days = ("Monday", "Tuesday", "Wednesday", "Thursday")
        articles = [_article(d) for d in days]
        for a in articles:
            store.add_article(a)
        root, *copies = (a.id for a in articles)
        conn = store.connection
        with store.transaction() as tx:
            for c in copies[:2]:
                set_near_duplicate(tx, c, root)
        plan = " ".join(r[-1] for r in conn.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE near_duplicate_of IN (?, ?)", (root, copies[2])))
        assert "articles_near_duplicate_of" in plan
        assert copies_of(conn, [root]) == set(copies[:2])
        scanned = {r[0] for r in conn.execute("SELECT id FROM articles NOT INDEXED WHERE near_duplicate_of = ?",
                                              (root,))}
        assert scanned == set(copies[:2])
        assert copies_of(conn, [copies[2]]) == set()
