"""`tidings eval clusters`: B-cubed scoring, gold reading, date finding, and the dev-half quality gate."""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import GoldError
from tidings.eval.clusters import bcubed, load_gold, split_head, text_date

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "clusters" / "ecbplus_dev.jsonl"
FLOOR = 0.92  # B-cubed F1 on the ECB+ dev half (docs/benchmarks.md, "clusters")


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
