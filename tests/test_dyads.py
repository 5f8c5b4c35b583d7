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
