"""Dyads: cooperation and conflict per actor pair counted in merged events (one happening counts once)."""
from __future__ import annotations

import json

import pytest

import tidings
from tidings.errors import TidingsError
from tidings.store import Store

PAK = {"entity_id": "cty:PAK", "name": "Pakistan", "country": "PAK", "sector": "GOV"}
TAL = {"entity_id": "grp:taliban", "name": "Taliban", "country": "AFG", "sector": "GOV"}
TJK = {"entity_id": "cty:TJK", "name": "Tajikistan", "country": "TJK", "sector": "GOV"}
OLD = {"entity_id": "grp:afghan-taliban", "name": "Afghan Taliban", "country": "AFG", "sector": "GOV"}
CIVILIANS = {"entity_id": None, "name": "civilians", "country": "PAK", "sector": "CVL"}


def merged(mid, day, quad, intensity, actors, recipients=(), articles=("a1",), sources=("Dawn",),
           modality="asserted"):
    return (mid, "ASSAULT" if quad > 2 else "CONSULT", modality, quad, intensity, day, day, day,
            json.dumps(list(actors)), json.dumps(list(recipients)), json.dumps(list(articles)), len(articles),
            len(sources), json.dumps(list(sources)))


ROWS = [
    merged("m1", "2024-03-18", 4, -9.0, [PAK], [TAL], articles=("a1", "a2", "a3"),
           sources=("Dawn", "TOLOnews", "Reuters")),                      # air strikes: three outlets, one event
    merged("m2", "2024-03-19", 3, -3.0, [TAL], [PAK], articles=("a4",)),  # the reply: same unordered pair
    merged("m3", "2024-03-25", 1, 2.5, [PAK, TAL], articles=("a5",)),    # talks, both named as actors
    merged("m4", "2024-04-02", 4, -9.0, [OLD, PAK], articles=("a6",)),   # a clash; OLD was merged into TAL
    merged("m5", "2024-04-03", 1, 2.5, [PAK], [TJK, CIVILIANS], articles=("a7",)),
    merged("m6", "2024-04-04", 4, -9.0, [PAK], [TAL], modality="negated"),  # did not happen: left out
    merged("m7", None, 2, 7.0, [PAK], [TJK], articles=("a8",)),          # undated: in totals only
]


@pytest.fixture
def corpus(tmp_path):
    with Store.open(tmp_path / "t.db") as store, store.transaction() as tx:
        tx.executemany(
            "INSERT INTO merged_events (id, event_type, modality, quad_class, intensity, date, date_start,"
            " date_end, actors, recipients, article_ids, num_articles, num_sources, sources, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-05-01')", ROWS)
        tx.executemany("INSERT INTO entities (id, name, type, country, sector, origin) VALUES (?, ?, ?, ?, ?, 'kb')",
                       [("cty:PAK", "Pakistan", "COUNTRY", "PAK", "GOV"),
                        ("grp:taliban", "Taliban", "GROUP", "AFG", "GOV"),
                        ("cty:TJK", "Tajikistan", "COUNTRY", "TJK", "GOV")])
        tx.execute("INSERT INTO entity_redirects (from_id, to_id) VALUES ('grp:afghan-taliban', 'grp:taliban')")
    with tidings.open(tmp_path / "t.db") as c:
        yield c


def test_totals_count_each_merged_event_once_with_its_reporting_beside_it(corpus):
    pairs = {(p["a"], p["b"]): p for p in corpus.dyads()}
    assert set(pairs) == {("cty:PAK", "grp:taliban"), ("cty:PAK", "cty:TJK")}  # civilians have no entity
    pt = pairs[("cty:PAK", "grp:taliban")]
    assert (pt["events"], pt["cooperation"], pt["conflict"]) == (4, 1, 3)  # m1, m2, m3, m4 (m6 negated)
    assert pt["quad"] == {"1": 1, "2": 0, "3": 1, "4": 2}
    assert pt["intensity"] == pytest.approx((-9.0 - 3.0 + 2.5 - 9.0) / 4, abs=0.01)
    assert (pt["articles"], pt["sources"]) == (6, 3)
    assert (pt["first"], pt["last"], pt["period"]) == ("2024-03-18", "2024-04-02", None)
    assert pairs[("cty:PAK", "cty:TJK")]["events"] == 2  # the undated m7 counts in totals


def test_periods_filters_orientation_and_the_country_level(corpus):
    monthly = corpus.dyads(period="month")
    assert [(p["a"], p["b"], p["period"], p["events"]) for p in monthly] == [
        ("cty:PAK", "cty:TJK", "2024-04", 1), ("cty:PAK", "grp:taliban", "2024-03", 3),
        ("cty:PAK", "grp:taliban", "2024-04", 1)]
    assert {p["period"] for p in corpus.dyads(period="week")} == {"2024-03-18", "2024-03-25", "2024-04-01"}
    taliban_first = corpus.dyads(a="Taliban", b="PAK")
    assert [(p["a"], p["b"], p["events"]) for p in taliban_first] == [("grp:taliban", "cty:PAK", 4)]
    assert corpus.dyads(a="TJK", since="2024-04-01", until="2024-04")[0]["events"] == 1
    assert corpus.dyads(modality="negated")[0]["events"] == 1
    countries = {(p["a"], p["b"]): p["events"] for p in corpus.dyads(level="country")}
    assert countries == {("AFG", "PAK"): 4, ("PAK", "TJK"): 2}  # PAK/civilians is no pair of two countries
    with pytest.raises(TidingsError):
        corpus.dyads(period="fortnight")
    with pytest.raises(TidingsError):
        corpus.dyads(level="region")


# ---------------------------------------------------------------- the per-pair summary (migration 0008)

# The dyads of every stored merged event counted the old way: a GROUP BY over the base tables
# (merged events, their JSON party lists, entity redirects), which dyad_totals must equal.
OLD_WAY = """
WITH parties (mid, role, eid) AS (
    SELECT me.id, 'a', json_extract(j.value, '$.entity_id') FROM merged_events me, json_each(me.actors) j
    UNION ALL SELECT me.id, 'r', json_extract(j.value, '$.entity_id') FROM merged_events me, json_each(me.recipients) j),
sides (mid, role, k) AS (
    SELECT DISTINCT p.mid, p.role, coalesce(r.to_id, p.eid) FROM parties p
    LEFT JOIN entity_redirects r ON r.from_id = p.eid WHERE p.eid > ''),
pairs (mid, a, b) AS (
    SELECT DISTINCT x.mid, min(x.k, y.k), max(x.k, y.k) FROM sides x JOIN sides y
    ON y.mid = x.mid AND x.role = 'a' AND x.k != y.k
    AND y.role = CASE WHEN EXISTS (SELECT 1 FROM sides s WHERE s.mid = x.mid AND s.role = 'r') THEN 'r' ELSE 'a' END),
reports (a, b, modality, kind, value) AS (
    SELECT p.a, p.b, me.modality, 'article', j.value FROM pairs p JOIN merged_events me ON me.id = p.mid,
    json_each(me.article_ids) j
    UNION SELECT p.a, p.b, me.modality, 'source', j.value FROM pairs p JOIN merged_events me ON me.id = p.mid,
    json_each(me.sources) j)
SELECT p.a, p.b, me.modality, count(*), sum(me.quad_class IN (1, 2)), sum(me.quad_class IN (3, 4)),
       sum(me.quad_class = 1), sum(me.quad_class = 2), sum(me.quad_class = 3), sum(me.quad_class = 4),
       round(avg(me.intensity), 4),
       (SELECT count(*) FROM reports r WHERE (r.a, r.b, r.modality, r.kind) = (p.a, p.b, me.modality, 'article')),
       (SELECT count(*) FROM reports r WHERE (r.a, r.b, r.modality, r.kind) = (p.a, p.b, me.modality, 'source')),
       min(substr(nullif(coalesce(me.date_start, me.date), ''), 1, 10)),
       max(substr(nullif(coalesce(me.date_start, me.date), ''), 1, 10))
FROM pairs p JOIN merged_events me ON me.id = p.mid GROUP BY p.a, p.b, me.modality ORDER BY 1, 2, 3
"""
SUMMARY = ("SELECT a, b, modality, events, cooperation, conflict, q1, q2, q3, q4, round(intensity / 1e6 / events, 4),"
           " articles, sources, first, last FROM dyad_totals ORDER BY 1, 2, 3")


def _summary_matches_old_way(conn) -> None:
    assert conn.execute(SUMMARY).fetchall() == conn.execute(OLD_WAY).fetchall()


def test_the_summary_follows_every_write_to_merged_events_and_redirects(tmp_path):
    with Store.open(tmp_path / "t.db") as store:
        conn = store.connection
        with store.transaction() as tx:
            tx.executemany(
                "INSERT INTO merged_events (id, event_type, modality, quad_class, intensity, date, date_start,"
                " date_end, actors, recipients, article_ids, num_articles, num_sources, sources, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-05-01')", ROWS)
        _summary_matches_old_way(conn)
        assert conn.execute("SELECT events FROM dyad_totals WHERE a = 'cty:PAK' AND b = 'grp:afghan-taliban'"
                            " AND modality = 'asserted'").fetchone() == (1,)  # no redirect yet: its own pair
        with store.transaction() as tx:  # the merge stage rewrites a row whole; both sides named twice
            tx.execute("INSERT OR REPLACE INTO merged_events (id, event_type, modality, quad_class, intensity,"
                       " date_start, actors, recipients, article_ids, sources, updated_at) VALUES ('m2', 'ACCUSE',"
                       " 'asserted', 3, -4.0, '2024-03-20', ?, ?, '[\"a4\", \"a9\"]', '[\"Dawn\", \"Ariana\"]', 'now')",
                       (json.dumps([TAL, PAK]), json.dumps([PAK, TAL])))
            tx.execute("INSERT INTO entity_redirects (from_id, to_id) VALUES ('grp:afghan-taliban', 'grp:taliban')")
        _summary_matches_old_way(conn)
        with store.transaction() as tx:
            tx.execute("UPDATE merged_events SET modality = 'negated', article_ids = '[\"a1\"]' WHERE id = 'm1'")
            tx.execute("DELETE FROM merged_events WHERE id = 'm5'")
        _summary_matches_old_way(conn)
        assert conn.execute("SELECT count(*) FROM dyad_totals WHERE b = 'cty:TJK' AND modality = 'asserted'"
                            " AND first IS NULL").fetchone() == (1,)  # only the undated m7 is left
        with store.transaction() as tx:
            tx.execute("DELETE FROM merged_events")
        assert conn.execute("SELECT count(*) FROM dyad_totals").fetchone() == (0,)
        assert conn.execute("SELECT count(*) + (SELECT count(*) FROM dyad_sources WHERE n > 0) FROM dyad_articles"
                            " WHERE n > 0").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM dyad_sides").fetchone() == (0,)


def test_a_store_upgraded_with_merged_events_in_it_is_summarised_the_same(tmp_path):
    import sqlite3

    from tidings.store.schema import _statements, migrations

    path = tmp_path / "old.db"
    conn = sqlite3.connect(path, isolation_level=None)
    for mig in migrations()[:7]:  # the store as schema 7 left it, merged events and a redirect in it
        for statement in _statements(mig.sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, '2026-01-01')",
                     (mig.version, mig.name))
    conn.executemany(
        "INSERT INTO merged_events (id, event_type, modality, quad_class, intensity, date, date_start,"
        " date_end, actors, recipients, article_ids, num_articles, num_sources, sources, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '2024-05-01')", ROWS)
    conn.execute("INSERT INTO entity_redirects (from_id, to_id) VALUES ('grp:afghan-taliban', 'grp:taliban')")
    conn.close()
    with Store.open(path) as store:
        conn = store.connection
        assert conn.execute("SELECT events FROM dyad_totals WHERE a = 'cty:PAK' AND b = 'grp:taliban'"
                            " AND modality = 'asserted'").fetchone() == (4,)
        _summary_matches_old_way(conn)
        with store.transaction() as tx:  # the triggers carry on from the summarised rows
            tx.execute("DELETE FROM merged_events WHERE id IN ('m1', 'm4')")
        _summary_matches_old_way(conn)


def _old_dyads(conn, **kw):
    """The dyads aggregated from the merged events themselves, found through the event mentions."""
    from tidings.store.reads import dyads as reads

    args = {"a": None, "b": None, "period": None, "level": "entity", "since": None, "until": None,
            "modality": "asserted", **kw}
    return reads._aggregate(conn, args["a"], args["b"], args["period"], args["level"], args["since"],
                            args["until"], args["modality"], None, 0, {}, None).items


EXAMPLES = __import__("pathlib").Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    if not EXAMPLES.is_dir():
        pytest.skip("the demo examples are not in this checkout")
    from tidings.config import Settings
    from tidings.corpus.clusters import update_clusters
    from tidings.corpus.merge import update_merged
    from tidings.corpus.neardup import update_neardups
    from tidings.corpus.stories import update_stories
    from tidings.pipeline import ingest

    db = tmp_path_factory.mktemp("dyads") / "demo.db"
    settings = Settings.load(db=db)
    with Store.open(db) as store:
        ingest([str(EXAMPLES)], store, settings)
        for update in (update_neardups, update_clusters, update_merged, update_stories):
            update(store, settings)
    return db


def test_after_the_demo_ingest_the_summary_equals_the_old_way(demo):
    with Store.open(demo) as store:
        conn = store.connection
        assert conn.execute("SELECT count(*) FROM dyad_totals").fetchone()[0] > 10
        _summary_matches_old_way(conn)
        with tidings.open(demo) as c:
            assert c.dyads(limit=None) == _old_dyads(conn)
            busiest = [p["a"] for p in c.dyads(limit=5)] + [p["b"] for p in c.dyads(limit=5)]
            for key in dict.fromkeys(busiest):
                assert c.dyads(a=key, limit=None) == _old_dyads(conn, a=key)
                assert c.dyads(b=key, limit=None) == _old_dyads(conn, b=key)
                assert c.dyads(a=key, period="month", limit=None) == _old_dyads(conn, a=key, period="month")
            pair = c.dyads(limit=1)[0]
            assert c.dyads(a=pair["b"], b=pair["a"]) == _old_dyads(conn, a=pair["b"], b=pair["a"])
            assert c.dyads(modality=None, limit=None) == _old_dyads(conn, modality=None)
