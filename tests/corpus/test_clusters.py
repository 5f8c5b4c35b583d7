"""Same-event clusters: copies and reports of one event together, the same leaders a month apart apart, order-proof."""
from __future__ import annotations

from datetime import date

import pytest
from corpus_fixtures import corpus

from tidings.config import Settings
from tidings.corpus.clusters import OnlineClusterer, update_clusters
from tidings.corpus.features import doc_features
from tidings.corpus.neardup import update_neardups
from tidings.store import Store
from tidings.store.corpus import cluster_rows

SETTINGS = Settings()
ALL = ["wire", "copy1", "copy2", "own", "june", "july", "other"]


def _groups(order: list[str], step: bool = False) -> tuple[list[set[str]], Store]:
    arts = corpus()
    key_of = {a.id: k for k, a in arts.items()}
    store = Store.open(":memory:")
    for key in order:
        store.add_article(arts[key])
        if step:
            update_neardups(store, SETTINGS)
            update_clusters(store, SETTINGS)
    update_neardups(store, SETTINGS)
    update_clusters(store, SETTINGS)
    groups = [{key_of[a] for a in row.article_ids} for row in cluster_rows(store.connection)]
    return sorted(groups, key=sorted), store


def test_wire_copies_and_a_separate_report_of_one_event_are_one_cluster():
    groups, store = _groups(ALL)
    assert {"wire", "copy1", "copy2", "own"} in groups
    [bridge] = [r for r in cluster_rows(store.connection) if len(r.article_ids) == 4]
    # the two copies count once with their original: Reuters and Darvoz Daily
    assert bridge.num_sources == 2
    assert bridge.start == "2022-05-12" and bridge.end == "2022-05-13"
    assert bridge.record()["title"] == "Tajikistan opens Panj bridge to Afghanistan"


def test_two_meetings_of_the_same_leaders_a_month_apart_are_two_clusters():
    groups, _ = _groups(ALL)
    assert {"june"} in groups and {"july"} in groups


def test_an_unrelated_story_is_its_own_cluster():
    groups, _ = _groups(ALL)
    assert {"other"} in groups and len(groups) == 4


@pytest.mark.parametrize("order,step", [(list(reversed(ALL)), False), (["july", "copy2", "other", "june",
                                                                        "own", "wire", "copy1"], True)])
def test_ingest_order_does_not_change_the_clusters(order, step):
    assert _groups(order, step)[0] == _groups(ALL)[0]


def test_clustering_again_is_a_no_op_and_every_article_has_a_cluster():
    _, store = _groups(ALL)
    assert update_clusters(store, SETTINGS).clustered == 0
    assert all(a.cluster_id for a in store.articles())


def test_in_memory_clusterer_keeps_time_apart():
    text = "Rahmon and Putin met in the capital to discuss the border, migrants and the base."
    a = doc_features("a", "Rahmon meets Putin", text, entities=["rahmon", "putin"], actors=["rahmon", "putin"],
                     day=date(2022, 6, 28))
    b = doc_features("b", "Rahmon meets Putin", text, entities=["rahmon", "putin"], actors=["rahmon", "putin"],
                     day=date(2022, 6, 29))
    c = doc_features("c", "Rahmon meets Putin", text, entities=["rahmon", "putin"], actors=["rahmon", "putin"],
                     day=date(2022, 10, 14))
    clusterer = OnlineClusterer(SETTINGS)
    first, second, third = (clusterer.add(d) for d in (a, b, c))
    assert second.cluster_id == first.cluster_id and not second.created
    assert third.created and third.cluster_id != first.cluster_id


def test_a_join_threshold_from_the_settings_file_reaches_the_clusterer(tmp_path):
    cfg = tmp_path / "tidings.toml"
    cfg.write_text("[tidings.clusters]\njoin = 1.0\n")
    strict = Settings.load(config_file=cfg, env={})
    arts = corpus()
    with Store.open(":memory:") as store:
        for a in arts.values():
            store.add_article(a)
        report = update_clusters(store, strict)
        assert report.clustered == report.created == len(arts) and report.joined == 0
        assert all(len(row.article_ids) == 1 for row in cluster_rows(store.connection))
