"""pubdates eval: htmldate's counting of null and wrong days, gold layout checks, a full run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import GoldError
from tidings.eval import run_eval
from tidings.eval.pubdates import outcome, outcome_scores


def test_outcomes_follow_htmldate_counting():
    assert outcome("2020-07-09", "2020-07-09") == "tp"
    assert outcome("2020-07-08", "2020-07-09") == "fp"
    assert outcome("2020-07-08", None) == "fp"     # a day for a dateless page is wrong
    assert outcome(None, "2020-07-09") == "fn"
    assert outcome(None, None) == "tn"             # no date for a dateless page is right


def test_scores_from_counts():
    scores = outcome_scores({"tp": 6, "fp": 2, "tn": 1, "fn": 1})
    assert list(scores) == ["accuracy", "precision", "recall", "f1"]
    assert scores["accuracy"] == pytest.approx(0.7)
    assert scores["precision"] == pytest.approx(6 / 8)
    assert scores["recall"] == pytest.approx(6 / 7)
    assert scores["f1"] == pytest.approx(12 / 15)


DATED = """<html lang="en"><head><title>Council votes on bridge</title>
<meta property="article:published_time" content="2020-03-04T09:15:00+05:00"></head>
<body><article><h1>Council votes on bridge</h1><p>The district council in Chitral voted on Wednesday to
fund a new footbridge over the river, replacing the one lost in last summer's flood.</p>
<p>Work is expected to start in May once the engineers have surveyed both banks.</p></article></body></html>"""
UNDATED = "<html><body><nav><a href='/'>Home</a></nav></body></html>"


def write_gold(folder: Path) -> Path:
    (folder / "html").mkdir(parents=True)
    (folder / "html" / "1.html").write_text(DATED, encoding="utf-8")
    (folder / "html" / "2.html").write_bytes(UNDATED.encode("utf-8"))
    # htmldate's labels are written by pandas: a page without a date has NaN.
    (folder / "labels.json").write_text(
        '{"https://chitral.example/bridge": {"file": "1.html", "date": "2020-03-04"},\n'
        ' "https://chitral.example/": {"file": "2.html", "date": NaN}}', encoding="utf-8")
    return folder


def test_run_predicts_days_and_counts_nan_gold_as_no_date(tmp_path):
    gold = write_gold(tmp_path / "gold")
    out = tmp_path / "pubdates.jsonl"
    report = run_eval("pubdates", gold, out, Settings())
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert lines == [
        {"id": "https://chitral.example/bridge", "published": "2020-03-04"},
        {"id": "https://chitral.example/", "published": None},
    ]
    assert report.scores["accuracy"] == 1.0
    assert "baseline_htmldate_accuracy" in report.scores
    assert any("htmldate baseline" in line for line in report.lines())


def test_wrong_folders_raise_gold_error(tmp_path):
    with pytest.raises(GoldError, match="labels.json"):
        run_eval("pubdates", tmp_path, tmp_path / "p.jsonl", Settings())
    (tmp_path / "labels.json").write_text('{"https://x.example/": {"date": "2020-01-02"}}', encoding="utf-8")
    with pytest.raises(GoldError, match="no file name"):
        run_eval("pubdates", tmp_path, tmp_path / "p.jsonl", Settings())
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "a.html").write_text(DATED, encoding="utf-8")
    (tmp_path / "labels.json").write_text('{"https://x.example/": {"file": "a.html", "date": "4 March"}}',
                                          encoding="utf-8")
    with pytest.raises(GoldError, match="not YYYY-MM-DD"):
        run_eval("pubdates", tmp_path, tmp_path / "p.jsonl", Settings())
