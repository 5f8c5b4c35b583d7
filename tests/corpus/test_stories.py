"""Stories: clusters threaded over months by shared actors, dyads and topic; timelines cite their articles."""
from __future__ import annotations

import shutil

import pytest
from stories_helpers import SEEDS

from tidings.config import Settings
from tidings.corpus.stories import Idf, thread
from tidings.store.stories import ClusterView

JOIN = Settings().stories_join


def view(cid, start, actors, terms, dyads=()):
    return ClusterView(cid, f"title of {cid}", start, start, [int(start[:4])] if start else [],
                       dict.fromkeys(actors, 1), dict.fromkeys(terms, 1.0), set(dyads))


BORDER = ["reservists", "border", "tajikistan", "taliban", "afghan", "frontier", "troops"]
CALL = ["telephone", "border", "tajikistan", "taliban", "recognise", "frontier", "afghan"]
TTP = ["ceasefire", "tehreek", "attacks", "khyber", "militants", "islamabad"]


def test_follow_ups_months_apart_thread_and_another_topic_stays_out():
    idf = Idf(n_clusters=4, actor_df={"cty:TJK": 3, "grp:taliban": 4})
    clusters = [
        view("cl-july", "2021-07-06", ["per:emomali-rahmon", "cty:TJK", "grp:taliban"], BORDER,
             ["cty:AFG|cty:TJK"]),
        view("cl-oct", "2021-10-02", ["per:emomali-rahmon", "per:imran-khan", "cty:TJK", "grp:taliban"], CALL,
             ["cty:AFG|cty:TJK"]),
        view("cl-ttp", "2021-10-05", ["grp:ttp", "cty:PAK", "grp:taliban"], TTP, ["cty:PAK|grp:ttp"]),
    ]
    stories = {}
    out = thread(clusters, stories, idf, JOIN)
    assert out["cl-july"] == out["cl-oct"] != out["cl-ttp"]
    assert stories[out["cl-july"]].clusters == ["cl-july", "cl-oct"]


def test_years_apart_do_not_thread_on_weak_overlap():
    idf = Idf(n_clusters=2)
    a = view("cl-2021", "2021-07-06", ["per:emomali-rahmon", "cty:TJK"], BORDER)
    b = view("cl-2025", "2025-01-03", ["per:emomali-rahmon", "per:asim-malik"], ["spy", "chief", "dushanbe", "visit"])
    out = thread([a, b], {}, idf, JOIN)
    assert out["cl-2021"] != out["cl-2025"]


def test_story_ids_are_stable_and_named_after_the_first_cluster():
    out = thread([view("cl-abc", "2021-01-01", ["x"], ["y"])], {}, Idf(), JOIN)
    assert out == {"cl-abc": "st-abc"}


@pytest.mark.slow
def test_seed_articles_of_2021_form_one_story_with_a_cited_timeline(tmp_path):
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent")
    from tidings.corpus.merge import update_merged
    from tidings.corpus.stories import update_stories
    from tidings.pipeline import ingest
    from tidings.store import Store
    from tidings.store.reads.corpus import story_record
    from tidings.store.stories import story_rows

    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    with Store.open(tmp_path / "t.db") as store:
        ingest([str(folder)], store, Settings())  # runs near-duplicates, clusters and stories itself
        conn = store.connection
        of_2021 = {r[0] for r in conn.execute("SELECT id FROM articles WHERE published LIKE '2021%'")}
        assert len(of_2021) == 3
        stories = [s for s in story_rows(conn) if of_2021 & set(s["article_ids"])]
        assert len(stories) == 1 and of_2021 <= set(stories[0]["article_ids"])
        assert not any(r[0] for r in conn.execute("SELECT 1 FROM articles WHERE published LIKE '2025%'")
                       if r[0] in stories[0]["article_ids"])
        rec = story_record(conn, stories[0])
        assert rec["timeline"] and all(e["citations"] and set(e["citations"]) <= set(rec["article_ids"])
                                       for e in rec["timeline"])
        assert all(s["article_id"] in rec["article_ids"] for s in stories[0]["summary"])
        merged, again = update_merged(store, Settings()), update_stories(store, Settings())
        assert (again.threaded, again.created, merged.mentions) == (0, 0, 0)
