"""`tidings eval clusters`: B-cubed scoring, gold reading, date finding, and the dev-half quality gate."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.corpus.features import doc_features
from tidings.corpus.tools import fit_clusters
from tidings.errors import GoldError
from tidings.eval.clusters import bcubed, load_gold, split_head, text_date, topic_folds

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "clusters" / "ecbplus_dev.jsonl"
FLOOR = 0.91  # B-cubed F1 on the ECB+ dev half, packaged model fitted on it (docs/benchmarks.md, "clusters")


def test_bcubed_of_a_perfect_and_a_lumped_clustering():
    truth = {"a": "x", "b": "x", "c": "y", "d": "y"}
    assert bcubed(dict(truth), truth) == {"f1": 1.0, "precision": 1.0, "recall": 1.0}
    lumped = bcubed({d: "all" for d in truth}, truth)
    assert lumped["recall"] == 1.0 and lumped["precision"] == 0.5


def test_bcubed_of_singletons():
    truth = {"a": "x", "b": "x", "c": "x"}
    s = bcubed({d: d for d in truth}, truth)
    assert s["precision"] == 1.0 and abs(s["recall"] - 1 / 3) < 1e-9


def test_dates_from_the_head_of_a_document():
    text = ("http : / / www . example . org / 2013 / 09 / 16 / climber - falls /\n"
            "Climber falls on the ridge\nMonday 16 September 2013 03 . 31 BST\nA climber fell on Saturday .")
    assert text_date(text) == (date(2013, 9, 16), None)
    assert text_date("Posted : May 24 , 2005\nThe coach was fired .") == (date(2005, 5, 24), None)
    assert text_date("http : / / example . com / 2009 / sports / story\nNo date here .") == (None, 2009)
    assert text_date("The navy said on Saturday it had seized a boat .") == (None, None)


def test_a_url_line_joins_the_title():
    title, body = split_head("http : / / example . com / navy - seizes - boat\nNavy seizes boat\nThe navy said .")
    assert title.startswith("http") and "Navy seizes boat" in title and body.startswith("Navy seizes boat")


def test_bad_gold_lines_name_the_line(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc_id": "1", "topic": "1", "seminal_event": "1_ecb", "text": "x"}) + "\n{oops\n")
    with pytest.raises(GoldError, match="line 2"):
        load_gold(gold)
    with pytest.raises(GoldError, match="not a file"):
        load_gold(tmp_path)


# Three topics, each pairing two similar events, as ECB+ does (written for these tests).
GOLD = [
    ("f1", "1", "1_a", "Ferry runs aground on sandbank\nA passenger ferry ran aground on a sandbank near the port of Kerch on Tuesday ; all 140 passengers were taken off by tugs ."),
    ("f2", "1", "1_a", "Tugs free stranded Kerch ferry\nTugs pulled the ferry off the Kerch sandbank on Wednesday after its 140 passengers had been brought ashore ."),
    ("f3", "1", "1_b", "Cargo ship aground off Kerch\nA grain carrier ran aground off Kerch in fog in March , blocking the channel for a day ."),
    ("m1", "2", "2_a", "Striker signs for Porto\nThe striker signed a four-year contract with Porto on Monday for a fee of 12 million euros ."),
    ("m2", "2", "2_a", "Porto complete striker deal\nPorto completed the signing of the striker for 12 million euros , the club said on Monday ."),
    ("m3", "2", "2_b", "Porto sack coach after derby loss\nPorto dismissed their coach on Sunday , a day after losing the derby 3-0 ."),
    ("q1", "3", "3_a", "Earthquake shakes Van province\nA magnitude 5.9 earthquake shook Van province before dawn , damaging old houses in two villages ."),
    ("q2", "3", "3_a", "Van quake damages villages\nHouses collapsed in two villages of Van province after the 5.9 quake , the disaster agency said ."),
    ("q3", "3", "3_b", "Aftershock rattles Van a year on\nAn aftershock of magnitude 4.1 rattled Van a year after the deadly quake ; no damage was reported ."),
]


def _gold_file(tmp_path: Path) -> Path:
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"doc_id": d, "topic": t, "seminal_event": e, "text": x}) + "\n"
                            for d, t, e, x in GOLD))
    return gold


@pytest.mark.parametrize("k", [2, 3, 8])
def test_cluster_folds_never_put_a_topic_on_both_sides(tmp_path, k):
    docs = load_gold(_gold_file(tmp_path))
    splits = topic_folds(docs, k)
    assert len(splits) == min(k, 3)  # 8 folds over 3 topics: leave one topic out
    tested = []
    for train, test in splits:
        assert not {docs[i].topic for i in train} & {docs[i].topic for i in test}
        tested += test
    assert sorted(tested) == list(range(len(docs)))


def test_inside_each_fold_only_the_training_topics_are_fitted_on(tmp_path, monkeypatch):
    docs = load_gold(_gold_file(tmp_path))
    texts = [d.text for d in docs]
    feats = [doc_features(d.doc_id, *split_head(d.text)) for d in docs]
    truth = {d.doc_id: d.event for d in docs}
    topic = {d.doc_id: d.topic for d in docs}
    seen: list[set[str]] = []
    real_fit = fit_clusters.fit

    def recording_fit(fs, tr, settings):
        seen.append({topic[f.id] for f in fs})
        assert set(tr) == {f.id for f in fs}  # labels of the training documents only
        return real_fit(fs, tr, settings)

    monkeypatch.setattr(fit_clusters, "fit", recording_fit)
    splits = topic_folds(docs, 3)
    cv = fit_clusters.cross_validate(feats, texts, truth, Settings(), splits)
    for (_, test), trained in zip(splits, seen):
        assert {docs[i].topic for i in test}.isdisjoint(trained) and len(trained) == 2
    assert set(cv.predicted) == set(cv.baseline) == set(truth)  # every document tested once
    fold_of = {p.split(":")[0] for p in cv.predicted.values()}
    assert len(fold_of) == 3 and len(cv.thresholds) == len(cv.cuts) == 3
    assert 0.0 < bcubed(cv.predicted, truth)["f1"] <= 1.0


@pytest.mark.slow
def test_dev_half_reaches_the_floor(tmp_path):
    if not DEV.is_file():
        pytest.skip("../shared/eval/clusters is absent")
    from tidings.eval import run_eval

    report = run_eval("clusters", DEV, tmp_path / "pred.jsonl", Settings())
    assert report.n == 196
    assert report.scores["b3_f1"] >= FLOOR
    assert report.scores["b3_f1"] > report.scores["baseline_avglink_b3_f1"]
    lines = (tmp_path / "pred.jsonl").read_text().splitlines()
    assert len(lines) == 196 and set(json.loads(lines[0])) == {"doc_id", "cluster"}
