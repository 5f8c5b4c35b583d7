"""Merged events: mentions of one happening across outlets become one record with sources, best date and contradictions."""
from __future__ import annotations

import shutil

import pytest
from stories_helpers import EXAMPLES, KHAN, PUTIN, RAHMON, SEEDS, TJK_GOV, mention

from tidings.config import Settings
from tidings.corpus.merge import build_record, merge_mentions, numbers_in

SATURDAY = "Prime Minister Imran Khan rang President Emomali Rahmon on Saturday to talk about Afghanistan."
SUNDAY = "Imran Khan and Emomali Rahmon discussed the Afghan situation by phone on Sunday, officials said."


def test_two_reports_of_one_call_merge_with_a_date_contradiction():
    a = mention("fl", mode="phone", date="2021-10-02", outlet="Frontier Ledger", sentence=SATURDAY)
    # the other outlet names Rahmon first and Khan as the one called: a reciprocal type matches swapped
    b = mention("iep", mode="phone", actors=(RAHMON,), recipients=(KHAN,), date="2021-10-03",
                outlet="Indus Evening Post", sentence=SUNDAY)
    merged = merge_mentions([a, b])
    assert len(merged) == 1
    rec = build_record(merged[0], Settings())
    assert rec.num_articles == 2 and rec.num_sources == 2 and rec.mode == "phone"
    [dates] = [c for c in rec.contradictions if c["field"] == "date"]
    assert {(v["value"], v["outlet"], v["article_id"]) for v in dates["values"]} == {
        ("2021-10-02", "Frontier Ledger", "fl"), ("2021-10-03", "Indus Evening Post", "iep")}
    assert {v["text"] for v in dates["values"]} == {SATURDAY, SUNDAY}
    assert rec.summary.endswith("]") and "[fl]" in rec.summary or "[iep]" in rec.summary


def test_explicit_days_apart_merge_only_inside_one_cluster():
    a = mention("fl", mode="phone", date="2021-10-02", cluster="cl-1")
    b = mention("iep", mode="phone", date="2021-10-03", cluster="cl-2")
    assert len(merge_mentions([a, b])) == 2


def test_same_dyad_type_and_day_merge_across_clusters():
    a = mention("a1", etype="CONSULT", actors=(RAHMON,), recipients=(PUTIN,), date="2022-06-28", cluster="cl-1")
    b = mention("b1", etype="CONSULT", actors=(PUTIN,), recipients=(RAHMON,), date="2022-06-28", cluster="cl-9")
    assert len(merge_mentions([a, b])) == 1


def test_two_meetings_of_the_same_leaders_months_apart_stay_two():
    june = mention("cans", actors=(RAHMON,), recipients=(PUTIN,), date="2022-06-28", cluster="cl-1")
    june2 = mention("pd", actors=(PUTIN,), recipients=(RAHMON,), date="2022-06-29", precision="day: article date",
                    cluster="cl-1")
    october = mention("sw", actors=(RAHMON,), recipients=(PUTIN,), date="2022-10-14", cluster="cl-2")
    merged = merge_mentions([june, june2, october])
    assert sorted(len(m.members) for m in merged) == [1, 2]
    assert build_record(next(m for m in merged if len(m.members) == 2), Settings()).date == "2022-06-28"


def test_asserted_and_negated_mentions_stay_apart():
    a = mention("a", modality="asserted")
    b = mention("b", modality="negated")
    assert len(merge_mentions([a, b])) == 2


def test_a_publication_date_fallback_cannot_report_a_later_event():
    call = mention("fl", mode="phone", date="2021-10-02")
    earlier = mention("cans", mode="phone", date="2021-10-01", precision="datetime: article date")
    later = mention("iep", mode="phone", date="2021-10-03", precision="day: article date")
    merged = merge_mentions([call, earlier, later])
    assert sorted(len(m.members) for m in merged) == [1, 2]


def test_unresolved_party_matches_by_country_and_sector():
    a = mention("a", etype="REJECT", actors=(RAHMON,), recipients=(), quad=3, intensity=-2)
    b = mention("b", etype="REJECT", actors=(TJK_GOV,), recipients=(), quad=3, intensity=-2)
    assert len(merge_mentions([a, b])) == 1


def test_numbers_attached_to_one_noun_and_wire_copies_count_once():
    wire = "Rahmon ordered the mobilisation of 20,000 military reservists to reinforce the Afghan border."
    other = "Rahmon ordered the call-up of around 15,000 reservists, a defence official told our reporter."
    kw = {"etype": "MOBILIZE", "mode": "troops", "actors": (RAHMON,), "recipients": (), "date": "2021-07-05", "quad": 4,
              "intensity": -5.5}
    copies = [mention(aid, source="wire:cans", outlet=outlet, sentence=wire, copy=aid != "c1", **kw)
              for aid, outlet in (("c1", "CANS"), ("c2", "Indus Evening Post"), ("c3", "Steppe Wire"))]
    own = mention("pd", outlet="Pamir Dispatch", sentence=other, **kw)
    [state] = merge_mentions([*copies, own])
    rec = build_record(state, Settings())
    assert rec.num_articles == 4 and rec.num_sources == 2
    [numbers] = [c for c in rec.contradictions if c["field"].startswith("number")]
    assert numbers["field"] == "number:reservist"
    assert {(v["value"], v["article_id"]) for v in numbers["values"]} == {("20,000", "c1"), ("15,000", "pd")}


def test_numbers_in_skips_dates_and_years():
    found = numbers_in("On July 6, 2021 about 1,037 Afghan servicemen crossed; 3 million people live there.")
    assert found == {"servicemen": 1037.0, "people": 3_000_000.0}


def test_close_numbers_are_no_contradiction():
    kw = {"etype": "RETREAT", "actors": (), "recipients": (RAHMON,), "date": "2021-07-05", "quad": 2, "intensity": 6.5}
    a = mention("a", sentence="More than 1,000 Afghan troops fled across the frontier.", **kw)
    b = mention("b", sentence="Officials said 1,037 Afghan troops fled across the frontier overnight.", **kw)
    [state] = merge_mentions([a, b])
    assert build_record(state, Settings()).contradictions == []


def _ingest(folder, tmp_path):
    from tidings.corpus.clusters import update_clusters
    from tidings.corpus.merge import update_merged
    from tidings.corpus.neardup import update_neardups
    from tidings.corpus.stories import update_stories
    from tidings.pipeline import ingest
    from tidings.store import Store

    settings = Settings()
    store = Store.open(tmp_path / "t.db")
    ingest([str(folder)], store, settings)
    update_neardups(store, settings)
    update_clusters(store, settings)
    update_merged(store, settings)
    update_stories(store, settings)
    return store


@pytest.mark.slow
def test_seed_call_is_one_merged_event_with_a_date_contradiction(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    from tidings.store.stories import MergedFilter, merged_rows

    with _ingest(folder, tmp_path) as store:
        conn = store.connection
        call = {r[0] for r in conn.execute("SELECT id FROM articles WHERE origin LIKE '%000_%' OR origin LIKE '%001_%'")}
        rows = [r for r in merged_rows(conn, MergedFilter(contradicted=True))
                if r["event_type"] == "CONSULT" and set(r["article_ids"]) == call]
        assert len(rows) == 1
        rec = rows[0]
        assert rec["mode"] == "phone" and rec["num_sources"] == 2
        [dates] = [c for c in rec["contradictions"] if c["field"] == "date"]
        assert sorted(v["value"] for v in dates["values"]) == ["2021-10-02", "2021-10-03"]
        assert merge_again(store).mentions == 0  # idempotent


def merge_again(store):
    from tidings.corpus.merge import update_merged

    return update_merged(store, Settings())


@pytest.mark.slow
def test_demo_corpus_contrasts(tmp_path):
    if not (EXAMPLES / "text").is_dir():
        pytest.skip("examples/ is absent")
    from tidings.store.stories import MergedFilter, merged_rows

    with _ingest(EXAMPLES, tmp_path) as store:
        conn = store.connection
        rows = list(merged_rows(conn, MergedFilter()))
        ids = {k: v for k, v in conn.execute("SELECT outlet || '|' || substr(published, 1, 10), id FROM articles")}
        call = [r for r in rows if {ids["Frontier Ledger|2021-10-02"], ids["Indus Evening Post|2021-10-03"]}
                <= set(r["article_ids"]) and r["event_type"] == "CONSULT" and r["mode"] == "phone"]
        assert len(call) == 1 and any(c["field"] == "date" for c in call[0]["contradictions"])
        putin = [r for r in rows if r["event_type"] == "CONSULT" and r["date"] in ("2022-06-28", "2022-10-14")
                 and {"per:vladimir-putin", "per:emomali-rahmon"}
                 <= {p["entity_id"] for p in r["actors"] + r["recipients"]}]
        assert sorted(r["date"] for r in putin) == ["2022-06-28", "2022-10-14"]
        cans = [r for r in rows if len(set(r["article_ids"]) & {ids["CANS|2021-07-06"], ids["Steppe Wire|2021-07-06"],
                                                                ids["Indus Evening Post|2021-07-06"]}) == 3]
        assert cans and all(r["num_sources"] <= 2 for r in cans)  # the three CANS copies are one source
        numbers = [c for r in rows for c in r["contradictions"] if c["field"] == "number:reservist"]
        assert len(numbers) == 1   # CANS (and its copies) say 20,000; Pamir Dispatch says about 15,000
        sides = {(v["value"], v["outlet"]) for v in numbers[0]["values"]}
        assert ("15,000", "Pamir Dispatch") in sides and any(v == "20,000" for v, _ in sides)
