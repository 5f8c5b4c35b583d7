"""Near-duplicates: syndicated and lightly edited copies link to the earliest copy; separate reports do not."""
from __future__ import annotations

import pytest
from corpus_fixtures import COPY_ONE, COPY_TWO, OWN_REPORT, WIRE, corpus

from tidings.corpus.neardup import NearDupIndex, containment, fingerprint, update_neardups
from tidings.store import Store


def test_copies_contain_the_wire_story_and_a_separate_report_does_not():
    wire = fingerprint(WIRE)
    assert containment(wire.shingles, fingerprint(COPY_ONE).shingles) > 0.9
    assert containment(wire.shingles, fingerprint(COPY_TWO).shingles) > 0.7
    assert containment(wire.shingles, fingerprint(OWN_REPORT).shingles) < 0.1


def test_lsh_index_finds_the_copies_only():
    index = NearDupIndex()
    for key, text in {"wire": WIRE, "own": OWN_REPORT}.items():
        index.add(key, fingerprint(text))
    assert index.matches("copy2", fingerprint(COPY_TWO)) == ["wire"]


def test_signatures_are_stable_across_processes():
    # the store keeps signatures: the same text must always give the same one
    assert fingerprint(WIRE).signature.tolist() == fingerprint(WIRE).signature.tolist()
    assert fingerprint(WIRE).band_keys()[0] == fingerprint(WIRE).band_keys()[0]


def _run(order: list[str]) -> dict[str, str | None]:
    arts = corpus()
    with Store.open(":memory:") as store:
        for key in order:
            store.add_article(arts[key])
            update_neardups(store)  # incremental: one article at a time
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
        first = update_neardups(store)
        again = update_neardups(store)
    assert first.fingerprinted == len(arts) and first.linked == 2
    assert again.fingerprinted == 0 and again.linked == 0
