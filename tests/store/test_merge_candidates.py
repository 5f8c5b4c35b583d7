"""The merger's candidate lookups: the interval index of long merged events (schema 9) kept in step with merged_events, and the dated candidates equal to a plain date test."""
from __future__ import annotations

from datetime import date, timedelta

from tidings.model.corpus import EventMention, MergedRecord
from tidings.store import Store
from tidings.store.stories import delete_merged, merge_candidates, pending_articles, write_merged

WINDOW = 3


def _record(mid: str, start: str | None, end: str | None, event_type: str = "CONSULT",
            modality: str = "asserted") -> MergedRecord:
    return MergedRecord(
        id=mid, event_type=event_type, mode=None, modality=modality, quad_class=1, intensity=1.0, date=start,
        date_start=start, date_end=end, date_precision="month" if start != end else "day", cluster_id=None,
        actors=[], recipients=[], article_ids=[], num_articles=0, num_sources=0, sources=[], contradictions=[],
        summary="Talks between the foreign ministers of Tajikistan and Uzbekistan.", text="", dyads=[],
        n_members=0)


def _mention(day: str, event_type: str = "CONSULT", modality: str = "asserted") -> EventMention:
    return EventMention(
        event_id="ev:x", article_id="a-none", cluster_id=None, source="Asia-Plus", outlet="Asia-Plus",
        event_type=event_type, mode=None, modality=modality, quad_class=1, intensity=1.0, confidence=0.9,
        date=day, date_start=day, date_end=day, date_precision="day", actors=(), recipients=(),
        sentence="The ministers met in Tashkent.")


def _indexed(conn) -> set[str]:
    return {r[0] for r in conn.execute(
        "SELECT k.merged_event_id FROM merged_long_days d JOIN merged_long_keys k ON k.id = d.id")}


def _plain(conn, m: EventMention) -> list[str]:
    """Merged events of the mention's kind whose dates reach its window, by a plain test of every row."""
    lo = (date.fromisoformat(m.date_start) - timedelta(days=WINDOW)).isoformat()
    hi = (date.fromisoformat(m.date_start) + timedelta(days=WINDOW)).isoformat()
    return sorted(r[0] for r in conn.execute(
        "SELECT id FROM merged_events WHERE event_type = ? AND modality = ? AND date_start <= ?"
        " AND coalesce(date_end, date_start) >= ?", (m.event_type, m.modality, hi, lo)))


def test_long_merged_events_enter_and_leave_the_index(tmp_path):
    with Store.open(tmp_path / "s.db") as store, store.transaction() as tx:
        write_merged(tx, _record("me:month", "2023-03-01", "2023-03-31"))
        write_merged(tx, _record("me:day", "2023-03-14", "2023-03-14"))
        write_merged(tx, _record("me:week", "2023-03-06", "2023-03-12"))
        assert _indexed(tx) == {"me:month"}
        write_merged(tx, _record("me:month", "2023-03-20", "2023-03-20"))   # rewritten as one day
        write_merged(tx, _record("me:day", "2023-01-01", "2023-06-30"))     # rewritten as a half year
        assert _indexed(tx) == {"me:day"}
        tx.execute("UPDATE merged_events SET date_end = '2023-04-02' WHERE id = 'me:week'")
        assert _indexed(tx) == {"me:day", "me:week"}
        delete_merged(tx, "me:day")
        assert _indexed(tx) == {"me:week"}
        assert tx.execute("SELECT count(*) FROM merged_long_keys").fetchone()[0] == 1


def test_dated_candidates_are_the_events_whose_days_reach_the_window(tmp_path):
    with Store.open(tmp_path / "s.db") as store, store.transaction() as tx:
        spans = [("2022-01-01", "2022-12-31"), ("2023-02-01", "2023-04-30"), ("2023-03-01", "2023-03-31"),
                 ("2023-03-10", "2023-03-10"), ("2023-03-14", "2023-03-16"), ("2023-03-17", "2023-03-24"),
                 ("2023-03-20", "2023-03-20"), ("2023-04-01", "2023-06-30"), ("2022-06-01", "2023-03-12")]
        for i, (start, end) in enumerate(spans):
            write_merged(tx, _record(f"me:{i}", start, end))
            write_merged(tx, _record(f"me:n{i}", start, end, modality="negated"))
            write_merged(tx, _record(f"me:t{i}", start, end, event_type="ASSAULT"))
        for day in ("2023-03-15", "2023-03-09", "2023-03-27", "2022-12-30", "2023-07-04"):
            m = _mention(day)
            assert merge_candidates(tx, m, WINDOW) == _plain(tx, m)
        assert "me:8" in merge_candidates(tx, _mention("2023-03-15"), WINDOW)   # a span of 284 days reaches it
        assert merge_candidates(tx, _mention("2023-03-15", modality="negated"), WINDOW) == [
            "me:n1", "me:n2", "me:n4", "me:n5", "me:n8"]


def test_an_older_store_is_indexed_on_upgrade(tmp_path):
    path = tmp_path / "s.db"
    with Store.open(path) as store, store.transaction() as tx:
        write_merged(tx, _record("me:season", "2024-06-01", "2024-08-31"))
        write_merged(tx, _record("me:day", "2024-07-02", "2024-07-02"))
        for name in ("merged_events_long_add", "merged_events_long_replace", "merged_events_long_delete",
                     "merged_events_long_unset", "merged_events_long_set"):
            tx.execute(f"DROP TRIGGER {name}")
        tx.execute("DELETE FROM merged_long_days")
        tx.execute("DELETE FROM merged_long_keys")
        tx.execute("DELETE FROM schema_version WHERE version = 9")
    with Store.open(path) as store:
        assert _indexed(store.connection) == {"me:season"}
        assert merge_candidates(store.connection, _mention("2024-07-20"), WINDOW) == ["me:season"]


def test_pending_articles_include_mentions_whose_merged_event_is_gone(tmp_path):
    with Store.open(tmp_path / "s.db") as store, store.transaction() as tx:
        for seq, (aid, published, cluster) in enumerate([("a1", "2023-03-02", "cl-1"), ("a2", "2023-03-01", "cl-1"),
                                                         ("a3", "2023-03-03", "cl-1"), ("a4", "2023-03-01", None)]):
            tx.execute("INSERT INTO articles (seq, id, origin, body, published, published_precision, cluster_id,"
                       " ingested_at) VALUES (?, ?, 'test', 'The foreign ministers met in Tashkent.', ?, 'day', ?,"
                       " '2023-03-04')", (seq + 1, aid, published, cluster))
            tx.execute("INSERT INTO events (id, article_id, sentence_index, sentence_start, sentence_end, trigger,"
                       " trigger_start, trigger_end, event_type, modality, cameo_root, quad_class, intensity,"
                       " date_precision, confidence) VALUES (?, ?, 0, 0, 37, 'met', 23, 26, 'CONSULT',"
                       " 'asserted', '04', 1, 1.0, 'day', 0.9)", ("ev:" + aid, aid))
        write_merged(tx, _record("me:kept", "2023-03-01", "2023-03-01"))
        tx.execute("UPDATE events SET merged_event_id = 'me:kept' WHERE id = 'ev:a1'")
        tx.execute("UPDATE events SET merged_event_id = 'me:gone' WHERE id = 'ev:a3'")
        # unclustered a4 waits; a3 points at a merged event no longer stored; oldest first
        assert pending_articles(tx) == ["a2", "a3"]
