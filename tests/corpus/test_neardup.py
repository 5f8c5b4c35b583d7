"""Near-duplicates: syndicated and lightly edited copies link to the earliest copy; separate reports do not."""
from __future__ import annotations

import pytest
from corpus_fixtures import COPY_ONE, COPY_TWO, OWN_REPORT, WIRE, corpus

from tidings.config import Settings
from tidings.corpus.neardup import band_keys, containment, fingerprint, update_neardups
from tidings.store import Store

SETTINGS = Settings()
MIN_SHINGLES = SETTINGS.neardup_min_shingles


def test_copies_contain_the_wire_story_and_a_separate_report_does_not():
    wire = fingerprint(WIRE)
    assert containment(wire.shingles, fingerprint(COPY_ONE).shingles, MIN_SHINGLES) > 0.9
    assert containment(wire.shingles, fingerprint(COPY_TWO).shingles, MIN_SHINGLES) > 0.7
    assert containment(wire.shingles, fingerprint(OWN_REPORT).shingles, MIN_SHINGLES) < 0.1


def test_stored_buckets_find_the_copy_only():
    arts = corpus()
    with Store.open(":memory:") as store:
        for key in ("wire", "own"):
            store.add_article(arts[key])
        assert update_neardups(store, SETTINGS).linked == 0
        store.add_article(arts["copy2"])
        report = update_neardups(store, SETTINGS)
        assert (report.fingerprinted, report.linked) == (1, 1)
        assert store.article(arts["copy2"].id).near_duplicate_of == arts["wire"].id
        assert store.article(arts["own"].id).near_duplicate_of is None


def test_a_stricter_containment_setting_keeps_the_edited_copy_apart():
    arts = corpus()
    strict = Settings(neardup_min_containment=0.99)
    with Store.open(":memory:") as store:
        for key in ("wire", "copy2"):
            store.add_article(arts[key])
        assert update_neardups(store, strict).linked == 0


def test_signatures_are_stable_across_processes():
    # the store keeps signatures: the same text must always give the same one
    assert fingerprint(WIRE).signature.tolist() == fingerprint(WIRE).signature.tolist()
    assert band_keys(fingerprint(WIRE))[0] == band_keys(fingerprint(WIRE))[0]


def _run(order: list[str]) -> dict[str, str | None]:
    arts = corpus()
    with Store.open(":memory:") as store:
        for key in order:
            store.add_article(arts[key])
            update_neardups(store, SETTINGS)  # incremental: one article at a time
        return {k: store.article(arts[k].id).near_duplicate_of for k in arts if k in order}


@pytest.mark.parametrize("order", [["wire", "copy1", "copy2", "own", "other"],
                                   ["copy2", "own", "copy1", "other", "wire"]])
def test_copies_point_at_the_earliest_copy_in_any_arrival_order(order):
    arts = corpus()
    links = _run(order)
    assert links["copy1"] == arts["wire"].id and links["copy2"] == arts["wire"].id
    assert links["wire"] is None and links["own"] is None and links["other"] is None


def test_running_again_changes_nothing():
    arts = corpus()
    with Store.open(":memory:") as store:
        for a in arts.values():
            store.add_article(a)
        first = update_neardups(store, SETTINGS)
        again = update_neardups(store, SETTINGS)
    assert first.fingerprinted == len(arts) and first.linked == 2
    assert again.fingerprinted == 0 and again.linked == 0
