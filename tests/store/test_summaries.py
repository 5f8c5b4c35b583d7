"""The summaries kept by triggers (dyads of merged events, actor-recipient pairs of events): built set by
set for a bulk-filled store they equal what the triggers write row by row; the pair list reads them."""
from __future__ import annotations

import sqlite3

import pytest

from tidings.store.db import Store
from tidings.store.events import EventFilter
from tidings.store.reads.common import open_read_only
from tidings.store.reads.events import list_events
from tidings.store.schema import migrations
from tidings.store.tools.fill_synthetic import Plan, fill

# Every row of each summary, in key order (dyad rows given back to no count are not part of a pair).
TABLES = {
    "dyad_events": "SELECT * FROM dyad_events ORDER BY 1, 2, 3",
    "dyad_totals": "SELECT * FROM dyad_totals ORDER BY 1, 2, 3",
    "dyad_articles": "SELECT * FROM dyad_articles WHERE n > 0 ORDER BY 1, 2, 3, 4",
    "dyad_sources": "SELECT * FROM dyad_sources WHERE n > 0 ORDER BY 1, 2, 3, 4",
    "event_pairs": "SELECT * FROM event_pairs ORDER BY 1, 2, 3",
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory):
    path = tmp_path_factory.mktemp("summaries") / "bulk.db"
    fill(path, Plan(events=2000, articles=200, places=300), log=lambda _: None)
    return path


def _rows(conn: sqlite3.Connection) -> dict[str, list]:
    return {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}


def _schema(conn: sqlite3.Connection) -> list:
    return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                        " ORDER BY type, name").fetchall()


def test_a_bulk_filled_store_holds_the_summaries_the_triggers_write(filled, tmp_path):
    with Store.open(filled) as bulk:
        built = _rows(bulk.connection)
    assert all(built.values()) and len(built["event_pairs"]) > 500
    with Store.open(tmp_path / "by-triggers.db") as fresh:
        conn = fresh.connection
        conn.execute("PRAGMA foreign_keys = OFF")  # the events' articles are not copied
        conn.execute("ATTACH DATABASE ? AS bulk", (str(filled),))
        with fresh.transaction() as tx:
            for table in ("merged_events", "events", "event_parties"):
                tx.execute(f"INSERT INTO main.{table} SELECT * FROM bulk.{table}")
        assert _rows(conn) == built
        conn.execute("DETACH DATABASE bulk")


def test_the_fill_leaves_the_schema_a_new_store_has(filled, tmp_path):
    with Store.open(filled) as bulk, Store.open(tmp_path / "new.db") as new:
        assert _schema(bulk.connection) == _schema(new.connection)


PARTIES = [("e1", "actor", 0, "cty:TJK", "Tajikistan"), ("e1", "actor", 1, "per:rahmon", "Emomali Rahmon"),
           ("e1", "recipient", 0, "grp:taliban", "Taliban"), ("e1", "recipient", 1, None, "militants"),
           ("e2", "recipient", 0, "cty:AFG", "Afghanistan"), ("e2", "actor", 0, "cty:TJK", "Tajikistan"),
           ("e2", "actor", 1, "cty:TJK", "Dushanbe")]


def test_event_pairs_follow_parties_written_and_deleted(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        conn = store.connection
        conn.execute("PRAGMA foreign_keys = OFF")
        with store.transaction() as tx:
            tx.executemany("INSERT INTO event_parties (event_id, role, position, entity_id, name) VALUES (?, ?, ?, ?, ?)",
                           PARTIES)
        pairs = "SELECT actor, recipient, event_id FROM event_pairs ORDER BY 3, 1, 2"
        assert conn.execute(pairs).fetchall() == []  # parties of events not stored pair with nothing
        with store.transaction() as tx:
            tx.execute("DELETE FROM event_parties")
            tx.executemany("INSERT INTO events (id, article_id, sentence_index, sentence_start, sentence_end,"
                           " trigger, trigger_start, trigger_end, event_type, modality, cameo_root, quad_class,"
                           " intensity, date_start, date_precision, confidence)"
                           " VALUES (?, 'art', 0, 0, 9, 'met', 0, 3, 'CONSULT', 'asserted', '04', 1, 1.0, ?, 'day', 1)",
                           [("e1", "2024-03-18"), ("e2", "2024-03-20")])
            tx.executemany("INSERT INTO event_parties (event_id, role, position, entity_id, name) VALUES (?, ?, ?, ?, ?)",
                           PARTIES)
        assert conn.execute(pairs).fetchall() == [
            ("cty:TJK", "grp:taliban", "e1"), ("per:rahmon", "grp:taliban", "e1"), ("cty:TJK", "cty:AFG", "e2")]
        with store.transaction() as tx:
            tx.execute("DELETE FROM event_parties WHERE event_id = 'e2' AND position = 1")  # TJK stays an actor
            tx.execute("DELETE FROM event_parties WHERE event_id = 'e1' AND role = 'actor' AND position = 1")
        assert conn.execute(pairs).fetchall() == [("cty:TJK", "grp:taliban", "e1"), ("cty:TJK", "cty:AFG", "e2")]
        with store.transaction() as tx:
            tx.execute("UPDATE event_parties SET entity_id = 'cty:PAK' WHERE event_id = 'e2' AND role = 'recipient'")
            tx.execute("DELETE FROM event_parties WHERE event_id = 'e1'")
        assert conn.execute(pairs).fetchall() == [("cty:TJK", "cty:PAK", "e2")]
        with store.transaction() as tx:  # the event given another day, then written again under a new rowid
            tx.execute("UPDATE events SET date_start = '2024-04-02' WHERE id = 'e2'")
            assert tx.execute("SELECT day, ev_rowid = (SELECT rowid FROM events WHERE id = 'e2') FROM event_pairs"
                              ).fetchall() == [("2024-04-02", 1)]
            tx.execute("INSERT OR REPLACE INTO events SELECT * FROM events WHERE id = 'e2'")
            assert tx.execute("SELECT ev_rowid = (SELECT rowid FROM events WHERE id = 'e2') FROM event_pairs"
                              ).fetchall() == [(1,)]


def test_events_of_an_actor_and_a_recipient_read_through_their_pairs_are_the_same_list(filled, monkeypatch):
    """The list of an actor and a recipient reads the pair's rows of event_pairs, in order; it gives
    the list the party filters give, page by page."""
    from tidings.store.reads import events as reads

    with open_read_only(filled) as store:
        conn = store.connection
        (a, r), = conn.execute("SELECT actor, recipient FROM event_pairs GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1")
        f = EventFilter(actor=a, recipient=r)
        assert reads._pair(conn, f) == (a, r)
        paired = list_events(conn, f, limit=None)
        first = list_events(conn, f, limit=3)
        second = list_events(conn, f, limit=3, after=first.next)
        typed = list_events(conn, EventFilter(actor=a, recipient=r, date_from="2019"), limit=None)
        monkeypatch.setattr(reads, "_pair", lambda *_: None)
        for scan_above in (10**9, 1):  # each side looked up, then each checked event by event
            monkeypatch.setattr(reads, "SCAN_ABOVE", scan_above)
            filtered = list_events(conn, f, limit=None)
            assert [e["id"] for e in paired.items] == [e["id"] for e in filtered.items]
        assert [e["id"] for e in typed.items] == \
            [e["id"] for e in list_events(conn, EventFilter(actor=a, recipient=r, date_from="2019"), limit=None).items]
    ids = [e["id"] for e in paired.items]
    assert len(ids) > 3 and (paired.total, paired.total_exact) == (len(ids), True)
    assert [e["id"] for e in first.items + second.items] == ids[:6]


def test_a_migration_numbered_below_the_stores_version_is_still_applied(tmp_path):
    path = tmp_path / "t.db"
    Store.open(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DELETE FROM schema_version WHERE version = 7")  # as if 0007 had come from a later merge
    with Store.open(path) as store:
        versions = [v for (v,) in store.connection.execute("SELECT version FROM schema_version ORDER BY version")]
    assert versions == [m.version for m in migrations()]


def test_one_pair_of_entities_per_period_counts_what_the_merged_events_give(filled):
    """Two entity ids, per period or over a date range: read from the pair's merged events alone, the
    same rows as pairing every side of every merged event that names either."""
    from tidings.store.reads import dyads as reads

    with open_read_only(filled) as store:
        conn = store.connection
        busiest = reads.dyads(conn, limit=3).items
        assert busiest
        for pair in busiest:
            for a, b in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
                for period, since in (("month", None), ("week", None), (None, "2019-01-01"), ("year", "2018")):
                    fast = reads.dyads(conn, a=a, b=b, period=period, since=since, limit=None)
                    slow = reads._aggregate(conn, a, b, period, "entity", since, None, "asserted", None, 0,
                                            {"period": period, "level": "entity"}, None)
                    assert fast.items == slow.items and fast.total == slow.total
        assert reads.dyads(conn, a=busiest[0]["a"], b=busiest[0]["a"], period="month").items == []


def test_one_sides_partners_are_the_same_sorted_or_walked_by_size(filled, monkeypatch):
    from tidings.store.reads import dyads as reads

    with open_read_only(filled) as store:
        conn = store.connection
        busiest = reads.dyads(conn, limit=2).items
        for key in {busiest[0]["a"], busiest[0]["b"], busiest[1]["a"]}:
            sorted_ = [reads.dyads(conn, **{side: key}, limit=7, offset=3).items for side in ("a", "b")]
            monkeypatch.setattr(reads, "SORT_BELOW", 0)
            walked = [reads.dyads(conn, **{side: key}, limit=7, offset=3).items for side in ("a", "b")]
            monkeypatch.undo()
            assert sorted_ == walked and all(sorted_)
