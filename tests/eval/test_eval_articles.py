"""articles eval: the benchmark's 4-gram shingle metric on hand-counted examples, gold layout checks, a full run."""
from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import ConfigError, GoldError
from tidings.eval import run_eval
from tidings.eval.articles import Counts, corpus_scores, match_counts, shingles

GOLD_BODY = ("Officials in Khorog said the road to Dushanbe reopened on Friday after crews cleared "
             "a landslide that had cut the city off for four days.")
PAGE = f"""<html lang="en"><head><title>Road to Dushanbe reopens</title>
<meta property="og:title" content="Road to Dushanbe reopens"></head><body>
<nav><a href="/">Home</a><a href="/region">Region</a><a href="/sport">Sport</a></nav>
<article><h1>Road to Dushanbe reopens</h1><p>{GOLD_BODY}</p>
<p>Traffic was moving slowly through the pass by the afternoon, and the regional transport office
asked drivers to avoid the route at night until the retaining walls are repaired.</p></article>
<footer>Pamir Courier, all rights reserved</footer></body></html>"""


def test_shingles_are_four_token_windows_with_case_kept():
    assert shingles("The road, the pass; the road") == {
        ("The", "road", "the", "pass"): 1, ("road", "the", "pass", "the"): 1, ("the", "pass", "the", "road"): 1,
    }


def test_text_shorter_than_four_tokens_is_one_shingle():
    assert shingles("Road reopens") == {("Road", "reopens"): 1}
    assert shingles("") == {}
    assert shingles("... !!") == {}


def test_match_counts_are_normalised_per_document():
    gold = "one two three four five six seven"      # 4 shingles
    pred = "one two three four five"                 # 2 shingles, both in gold
    assert match_counts(gold, pred) == Counts(0.5, 0.0, 0.5)
    assert match_counts(gold, gold) == Counts(1.0, 0.0, 0.0)


def test_corpus_scores_average_documents_then_take_f1():
    docs = [
        match_counts("one two three four five six seven", "one two three four five"),   # P 1, R 1/2
        match_counts("a b c d e", "a b c d e f g h"),                                     # P 2/5, R 1
    ]
    scores = corpus_scores(docs)
    precision, recall = (1.0 + 0.4) / 2, (0.5 + 1.0) / 2
    assert scores["precision"] == pytest.approx(precision)
    assert scores["recall"] == pytest.approx(recall)
    assert scores["f1"] == pytest.approx(2 * precision * recall / (precision + recall))
    assert list(scores) == ["f1", "precision", "recall"]


def test_empty_prediction_counts_for_recall_only_and_empty_pair_for_nothing():
    missed = match_counts("one two three four five", "")
    both_empty = match_counts("", "")
    exact = match_counts("one two three four five", "one two three four five")
    scores = corpus_scores([missed, both_empty, exact])
    assert scores["precision"] == pytest.approx(1.0)   # only the exact document has a prediction
    assert scores["recall"] == pytest.approx(0.5)      # missed 0, exact 1; the empty pair is left out


def write_gold(folder: Path, pages: dict[str, tuple[str, str]]) -> Path:
    (folder / "html").mkdir(parents=True)
    truth = {}
    for key, (html, body) in pages.items():
        (folder / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode("utf-8")))
        truth[key] = {"articleBody": body, "url": f"https://pamircourier.example/{key}"}
    (folder / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    return folder


def test_run_writes_one_prediction_per_page_and_scores_both_systems(tmp_path):
    gold = write_gold(tmp_path / "gold", {"road": (PAGE, GOLD_BODY), "empty": ("<html><body></body></html>", "")})
    out = tmp_path / "pred" / "articles.jsonl"
    seen = []
    report = run_eval("articles", gold, out, Settings(), progress=lambda done, total: seen.append((done, total)))
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["road", "empty"]
    assert GOLD_BODY in lines[0]["body"] and lines[0]["title"] == "Road to Dushanbe reopens"
    assert lines[1]["body"] == ""
    assert report.n == 2 and seen[-1] == (2, 2)
    assert next(iter(report.scores)) == "f1"
    assert {"baseline_trafilatura_f1", "baseline_trafilatura_precision"} <= set(report.scores)
    text = "\n".join(report.lines())
    assert "tidings" in text and "trafilatura baseline" in text
    assert report.scores["recall"] == pytest.approx(1.0)


def test_postprocess_hook_is_applied_before_scoring(tmp_path):
    gold = write_gold(tmp_path / "gold", {"road": (PAGE, GOLD_BODY)})
    out = tmp_path / "pred.jsonl"
    report = run_eval("articles", gold, out, Settings(), postprocess=lambda body: body.upper())
    assert json.loads(out.read_text(encoding="utf-8"))["body"].isupper()
    assert report.scores["f1"] == 0.0  # the benchmark's tokens keep case


def test_wrong_folders_raise_gold_error_saying_what_was_expected(tmp_path):
    with pytest.raises(GoldError, match="ground-truth.json"):
        run_eval("articles", tmp_path / "nowhere", tmp_path / "p.jsonl", Settings())
    (tmp_path / "labels.json").write_text("{}", encoding="utf-8")
    with pytest.raises(GoldError, match="ground-truth.json"):
        run_eval("articles", tmp_path, tmp_path / "p.jsonl", Settings())
    (tmp_path / "ground-truth.json").write_text('{"abc": {"articleBody": "x"}}', encoding="utf-8")
    with pytest.raises(GoldError, match="html/abc.html.gz is missing"):
        run_eval("articles", tmp_path, tmp_path / "p.jsonl", Settings())
    (tmp_path / "ground-truth.json").write_text("[1, 2", encoding="utf-8")
    with pytest.raises(GoldError, match="not valid JSON"):
        run_eval("articles", tmp_path, tmp_path / "p.jsonl", Settings())


def test_unknown_task_names_the_known_ones(tmp_path):
    with pytest.raises(ConfigError, match="articles"):
        run_eval("sentiment", tmp_path, tmp_path / "p.jsonl", Settings())
