"""The same-event model: packaged weights load and drive the clusterer; a new article joins an
existing cluster in place, nothing before it recomputed."""
from __future__ import annotations

from datetime import date

import pytest
from corpus_fixtures import corpus

from tidings.config import Settings
from tidings.corpus.clusters import (
    FEATURES,
    ClusterWeights,
    OnlineClusterer,
    StoreClusterIndex,
    load_weights,
    member_links,
    member_vec,
    update_clusters,
)
from tidings.corpus.features import doc_features
from tidings.corpus.neardup import update_neardups
from tidings.errors import ConfigError
from tidings.store import Store
from tidings.store.corpus import cluster_of

SETTINGS = Settings()

FLOOD = ("Heavy rain burst the banks of the Vakhsh river near Kurgan-Tyube on Sunday, flooding three "
         "villages and cutting the road to the district centre. Rescue teams moved families to a school "
         "on higher ground, the emergencies committee said.")
FLOOD_FOLLOW = ("Rescue teams in the Vakhsh valley were still pumping water out of flooded villages near "
                "Kurgan-Tyube on Monday after the river burst its banks, and the emergencies committee said "
                "the district road would reopen within days.")
ELECTION = ("Voters in Bishkek queued outside polling stations on Sunday for a parliamentary election that "
            "observers said was calm; the central commission expected turnout near forty percent.")


def _doc(key: str, title: str, body: str, ents: list[str], day: date):
    return doc_features(key, title, body, entities=ents, actors=ents, day=day)


def test_the_packaged_weights_load_with_a_coefficient_for_every_feature():
    w = load_weights()
    assert set(w.coef) == set(FEATURES)
    assert w.source.endswith("cluster_weights.toml")
    # more shared body text and more shared actors make one event likelier; other lead people less
    assert w.coef["body"] > 0 and w.coef["actors"] > 0 and w.coef["lead_conflict"] < 0
    assert 0.0 < w.probability(dict.fromkeys(FEATURES, 0.5)) < 1.0


def test_the_clusterer_decides_with_the_packaged_weights_and_the_join_setting():
    clusterer = OnlineClusterer(SETTINGS)
    assert clusterer.weights == load_weights() and clusterer.threshold == SETTINGS.clusters_join
    a = _doc("a", "Vakhsh floods villages", FLOOD, ["vakhsh", "kurgan_tyube"], date(2023, 5, 14))
    b = _doc("b", "Villages still under water", FLOOD_FOLLOW, ["vakhsh", "kurgan_tyube"], date(2023, 5, 15))
    first, second = clusterer.add(a), clusterer.add(b)
    assert first.created and not second.created and second.cluster_id == first.cluster_id
    assert second.score >= SETTINGS.clusters_join  # the time-decayed probability of the packaged model


def test_a_weights_file_of_its_own_changes_the_decision(tmp_path):
    never = tmp_path / "never.toml"
    never.write_text("[model]\nintercept = -40.0\n[model.coef]\nbody = 1.0\n")
    weights = load_weights(never)
    assert weights == ClusterWeights(-40.0, {"body": 1.0}, str(never))
    clusterer = OnlineClusterer(SETTINGS, weights=weights)
    a = _doc("a", "Vakhsh floods villages", FLOOD, ["vakhsh"], date(2023, 5, 14))
    b = _doc("b", "Villages still under water", FLOOD_FOLLOW, ["vakhsh"], date(2023, 5, 15))
    assert clusterer.add(a).created and clusterer.add(b).created


@pytest.mark.parametrize("text", ["[model]\n[model.coef]\nbody = 1.0\n",  # no intercept
                                  "[model]\nintercept = 0.0\n[model.coef]\nmood = 1.0\n",  # unknown feature
                                  "[model\nintercept = 0.0\n"])  # not TOML
def test_a_malformed_weights_file_says_what_was_expected(tmp_path, text):
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    with pytest.raises(ConfigError, match="expected a \\[model\\] table"):
        load_weights(bad)


def test_an_unrelated_report_starts_its_own_cluster():
    clusterer = OnlineClusterer(SETTINGS)
    clusterer.add(_doc("a", "Vakhsh floods villages", FLOOD, ["vakhsh"], date(2023, 5, 14)))
    assert clusterer.add(_doc("c", "Kyrgyz vote calmly", ELECTION, ["bishkek"], date(2023, 5, 14))).created


def _members(store: Store) -> dict[str, tuple[str, float, int, str]]:
    rows = store.connection.execute(
        "SELECT article_id, cluster_id, score, created, clustered_at FROM cluster_members").fetchall()
    return {r[0]: tuple(r[1:]) for r in rows}


def test_a_new_article_joins_an_existing_cluster_and_nothing_earlier_is_recomputed():
    arts = corpus()
    with Store.open(":memory:") as store:
        for key in ("wire", "june", "other"):
            store.add_article(arts[key])
        update_neardups(store, SETTINGS)
        first = update_clusters(store, SETTINGS)
        assert first.clustered == first.created == 3
        before = _members(store)
        store.add_article(arts["own"])  # a separately written report of the bridge opening
        update_neardups(store, SETTINGS)
        report = update_clusters(store, SETTINGS)
        after = _members(store)
    assert report.clustered == 1 and report.joined == 1 and report.created == 0
    assert report.compared <= 3  # scored against existing clusters only, no pass over all articles
    assert {k: after[k] for k in before} == before  # every earlier placement kept as it was
    assert after[arts["own"].id][0] == before[arts["wire"].id][0]


QUAKE = ("A magnitude 6.1 earthquake shook the Rasht valley before dawn on Tuesday, toppling mud-brick "
         "houses in Gharm and cutting power to the district; the emergencies committee counted four dead.")
QUAKE_FOLLOW = ("Aid trucks reached Gharm on Wednesday, a day after the Rasht valley earthquake levelled "
                "mud-brick houses; the emergencies committee put the dead at four and the injured at thirty.")


def test_the_link_features_are_the_best_and_the_mean_body_cosine_against_each_member():
    clusterer = OnlineClusterer(SETTINGS)
    flood = _doc("a", "Vakhsh floods villages", FLOOD, ["vakhsh"], date(2023, 5, 14))
    quake = _doc("q", "Earthquake in the Rasht valley", QUAKE, ["gharm"], date(2023, 5, 14))
    for d in (flood, quake):
        clusterer.add(d)
    idx = clusterer.index
    follow = _doc("b", "Villages still under water", FLOOD_FOLLOW, ["vakhsh"], date(2023, 5, 15))
    idx.stats.add(follow)
    vec = member_vec(follow, "body", idx.stats)
    best, mean = member_links(vec, [flood, quake], idx.stats)
    to_flood = member_links(vec, [flood], idx.stats)[0]
    assert best == to_flood > mean > member_links(vec, [quake], idx.stats)[0]
    assert member_links(vec, [], idx.stats) == (0.0, 0.0)


def test_a_stored_cluster_lists_its_members_in_the_order_they_were_clustered():
    arts = corpus()
    with Store.open(":memory:") as store:
        for key in ("wire", "copy1", "copy2", "own"):
            store.add_article(arts[key])
        update_neardups(store, SETTINGS)
        update_clusters(store, SETTINGS)
        index = StoreClusterIndex(store.connection)
        cid = cluster_of(store.connection, arts["wire"].id)
        members = index.members(index.cluster(cid))
    order = [r[0] for r in sorted(((a.id, a.published or "") for a in arts.values()
                                   if a.id in {m.id for m in members}), key=lambda r: r[1])]
    assert [m.id for m in members] == order and len(members) == 4
    assert all(m.terms["body"] for m in members)  # read back from the stored text


def test_an_earthquake_report_does_not_join_a_flood_of_the_same_day():
    clusterer = OnlineClusterer(SETTINGS)
    clusterer.add(_doc("a", "Vakhsh floods villages", FLOOD, ["vakhsh"], date(2023, 5, 14)))
    quake = clusterer.add(_doc("q", "Earthquake in the Rasht valley", QUAKE, ["gharm"], date(2023, 5, 14)))
    follow = clusterer.add(_doc("r", "Aid reaches Gharm", QUAKE_FOLLOW, ["gharm"], date(2023, 5, 15)))
    assert quake.created and not follow.created and follow.cluster_id == quake.cluster_id
