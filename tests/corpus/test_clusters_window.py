"""The store-backed clusterer reads a candidate cluster only when its span lies in the doc's date window."""
from __future__ import annotations

from datetime import date

from tidings.corpus.clusters import StoreClusterIndex, absorb
from tidings.corpus.features import doc_features
from tidings.model.corpus import ClusterState
from tidings.store import Store

TEXT = "Rahmon and Putin met in Dushanbe to discuss the Afghan border, labour migrants and the Russian base."


def _doc(doc_id: str, day: date | None):
    return doc_features(doc_id, "Rahmon meets Putin", TEXT, entities=["rahmon", "putin"],
                        actors=["rahmon", "putin"], day=day)


def test_a_cluster_of_another_season_is_not_read_and_one_in_the_window_is(tmp_path):
    with Store.open(tmp_path / "c.db") as store:
        june = _doc("a" * 64, date(2022, 6, 28))
        with store.transaction() as tx:
            index = StoreClusterIndex(tx)
            index.stats.add(june)
            cluster = ClusterState("cl-june")
            absorb(cluster, june)
            index.save(cluster, june)
        fresh = StoreClusterIndex(store.connection)
        assert fresh.cluster_in_window("cl-june", _doc("b" * 64, date(2022, 10, 14)), 21) is None
        assert "cl-june" not in fresh.clusters  # its centroid and members were not read
        assert fresh.cluster_in_window("cl-missing", _doc("c" * 64, None), 21) is None
        near = fresh.cluster_in_window("cl-june", _doc("d" * 64, date(2022, 7, 2)), 21)
        assert near is not None and near.start == date(2022, 6, 28) and near.title == "Rahmon meets Putin"
        undated = fresh.cluster_in_window("cl-june", _doc("e" * 64, None), 21)
        assert undated is near
