"""Keyset paging of the list reads over a synthetic store made through the real schema: every row once, in order."""
from __future__ import annotations

import pytest

from tidings.errors import TidingsError
from tidings.store.events import EventFilter
from tidings.store.reads.articles import list_articles, search
from tidings.store.reads.common import open_read_only
from tidings.store.reads.corpus import list_clusters, list_merged, list_stories
from tidings.store.reads.events import list_events
from tidings.store.tools.fill_synthetic import Plan, fill


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("cursor") / "synthetic.db"
    counts = fill(path, Plan(events=1200, articles=120, places=300), log=lambda _: None)
    assert counts["events"] > 1000 and counts["merged_events"] > 100
    with open_read_only(path) as s:
        yield s


def _walk(read, size: int) -> list[str]:
    ids, after, pages = [], None, 0
    while True:
        page = read(limit=size, after=after)
        assert len(page.items) <= size
        ids += [item["id"] for item in page.items]
        pages += 1
        after = page.next
        if after is None:
            assert pages > 1
            return ids


READS = {
    "events": lambda c: lambda **kw: list_events(c, EventFilter(), **kw),
    "events of a type": lambda c: lambda **kw: list_events(c, EventFilter(event_type="CONSULT"), **kw),
    "events in a year": lambda c: lambda **kw: list_events(c, EventFilter(date_from="2019", date_to="2019"), **kw),
    "events of a frequent actor": lambda c: lambda **kw: list_events(c, EventFilter(), party=_top_actor(c), **kw),
    "articles, newest": lambda c: lambda **kw: list_articles(c, **kw),
    "articles, oldest": lambda c: lambda **kw: list_articles(c, newest_first=False, **kw),
    "clusters": lambda c: lambda **kw: list_clusters(c, **kw),
    "merged events": lambda c: lambda **kw: list_merged(c, **kw),
    "merged events, oldest": lambda c: lambda **kw: list_merged(c, newest_first=False, **kw),
    "stories": lambda c: lambda **kw: list_stories(c, **kw),
}


def _top_actor(conn) -> str:
    return conn.execute("SELECT entity_id FROM event_parties GROUP BY entity_id ORDER BY count(*) DESC").fetchone()[0]


@pytest.mark.parametrize("name", READS)
def test_cursor_pages_hold_every_row_once_in_the_lists_order(store, name):
    read = READS[name](store.connection)
    whole = read(limit=None)
    expected = [item["id"] for item in whole.items]
    assert len(expected) == len(set(expected)) > 6
    assert _walk(read, max(3, len(expected) // 8)) == expected


def test_search_pages_by_cursor_in_rank_order(store):
    whole = search(store, "minister", limit=None)
    assert len(whole.items) > 13
    assert _walk(lambda **kw: search(store, "minister", **kw), 13) == [a["id"] for a in whole.items]


def test_search_ranks_blocks_of_the_newest_matches_and_pages_across_them(store, monkeypatch):
    from tidings.store.reads import articles

    whole = search(store, "minister", limit=None)
    monkeypatch.setattr(articles, "SEARCH_BLOCK", 10)
    blocked = search(store, "minister", limit=None)
    assert sorted(a["id"] for a in blocked.items) == sorted(a["id"] for a in whole.items)  # every match once
    seq = dict(store.connection.execute("SELECT id, seq FROM articles"))
    first, rest = [seq[a["id"]] for a in blocked.items[:10]], [seq[a["id"]] for a in blocked.items[10:]]
    assert min(first) > max(rest)  # the ten most recently stored matches come first, ranked among themselves
    assert _walk(lambda **kw: search(store, "minister", **kw), 7) == [a["id"] for a in blocked.items]
    assert [a["id"] for a in search(store, "minister", limit=5, offset=8).items] == \
        [a["id"] for a in blocked.items[8:13]]


def test_the_frequent_actor_list_matches_whichever_way_it_is_read(store):
    """A party filter is looked up or scanned depending on how many events match; both give one list."""
    from tidings.store.reads import events as reads

    actor = _top_actor(store.connection)
    looked_up = [e["id"] for e in list_events(store.connection, EventFilter(), party=actor, limit=None).items]
    saved = reads.SCAN_ABOVE
    reads.SCAN_ABOVE = 1
    try:
        scanned = [e["id"] for e in list_events(store.connection, EventFilter(), party=actor, limit=None).items]
    finally:
        reads.SCAN_ABOVE = saved
    assert looked_up and scanned == looked_up


def test_totals_stop_counting_at_the_cap(store):
    from tidings.store.reads.common import TOTAL_CAP, capped_count

    every = list_events(store.connection, EventFilter(), limit=5)
    n = store.connection.execute("SELECT count(*) FROM events").fetchone()[0]
    assert n > TOTAL_CAP and (every.total, every.total_exact) == (TOTAL_CAP, False)
    assert capped_count(store.connection, "FROM events", {}, cap=100) == (100, False)
    one_type = list_events(store.connection, EventFilter(event_type="RETREAT"), limit=5)
    assert one_type.total_exact and one_type.total == store.connection.execute(
        "SELECT count(*) FROM events WHERE event_type = 'RETREAT'").fetchone()[0]


def test_a_foreign_cursor_is_refused(store):
    with pytest.raises(TidingsError, match="cursor"):
        list_events(store.connection, EventFilter(), limit=5, after="bm90LWEtY3Vyc29y")
