"""timex eval: TimeML reading with offsets into TEXT, TempEval-3 scoring on hand-counted cases, the dev run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import GoldError
from tidings.eval import run_eval
from tidings.eval.timex import Counts, Span, read_tml, score_document, scores

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2021-10-03" temporalFunction="false" functionInDocument="CREATION_TIME">2021-10-03</TIMEX3></DCT>
<TEXT>
The envoys <EVENT eid="e1" class="OCCURRENCE">met</EVENT> on <TIMEX3 tid="t1" type="DATE" value="2021-10-02">Saturday</TIMEX3> in Dushanbe. Talks had stalled for <TIMEX3 tid="t2" type="DURATION" value="P3M">three months</TIMEX3> before a call <TIMEX3 tid="t3" type="DATE" value="2021-W39">earlier in the week</TIMEX3>.
</TEXT>
</TimeML>
"""

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "timex"


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    folder = tmp_path / "gold" / "part"
    folder.mkdir(parents=True)
    (folder / "TEST0001.tml").write_text(TML, encoding="utf-8")
    return tmp_path / "gold"


def test_read_tml_offsets_index_the_joined_text(gold: Path):
    doc = read_tml(gold / "part" / "TEST0001.tml")
    assert doc.dct == "2021-10-03"
    assert [doc.text[s.start:s.end] for s in doc.timexes] == ["Saturday", "three months", "earlier in the week"]
    assert "2021-10-03" not in doc.text  # the DCT lives outside TEXT


def test_scoring_follows_tempeval3():
    doc = read_tml_from_string()
    # exact "Saturday" with the right value; "months" overlaps "three months" (relaxed only) with a wrong value;
    # "Dushanbe" matches nothing; "earlier in the week" is missed
    s = doc.text.index
    predicted = [Span(s("Saturday"), s("Saturday") + 8, "DATE", "2021-10-02"),
                 Span(s("months"), s("months") + 6, "DURATION", "PXM"),
                 Span(s("Dushanbe"), s("Dushanbe") + 8, "DATE", "XXXX")]
    c = Counts()
    score_document(doc, predicted, c)
    got = scores(c)
    assert (c.gold, c.system, c.relaxed_recall, c.strict_recall, c.value_match, c.type_match) == (3, 3, 2, 1, 1, 2)
    assert got["relaxed_p"] == pytest.approx(2 / 3) and got["relaxed_r"] == pytest.approx(2 / 3)
    assert got["strict_f1"] == pytest.approx(1 / 3)
    assert got["value_accuracy"] == pytest.approx(0.5)
    assert got["value_f1"] == pytest.approx(0.5 * 2 / 3)
    assert next(iter(got)) == "value_f1"


def read_tml_from_string():
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "x.tml"
        path.write_text(TML, encoding="utf-8")
        return read_tml(path)


def test_run_writes_predictions_with_offsets(gold: Path, tmp_path: Path):
    out = tmp_path / "pred.jsonl"
    report = run_eval("timex", gold, out, Settings())
    assert report.n == 1 and report.scores["value_f1"] == pytest.approx(1.0)
    (line,) = out.read_text(encoding="utf-8").splitlines()
    record = json.loads(line)
    assert record["doc"] == "TEST0001.tml"
    assert [(t["text"], t["type"], t["value"]) for t in record["timexes"]] == [
        ("Saturday", "DATE", "2021-10-02"), ("three months", "DURATION", "P3M"),
        ("earlier in the week", "DATE", "2021-W39")]


def test_gold_errors_are_domain_errors(tmp_path: Path):
    with pytest.raises(GoldError, match="no .tml files"):
        run_eval("timex", tmp_path, tmp_path / "p.jsonl", Settings())
    (tmp_path / "bad.tml").write_text("<TimeML><TEXT>unclosed", encoding="utf-8")
    with pytest.raises(GoldError, match="cannot read TimeML"):
        run_eval("timex", tmp_path, tmp_path / "p.jsonl", Settings())


@pytest.mark.slow
def test_dev_half_value_f1_at_least_080(tmp_path: Path):
    if not DEV.is_dir():
        pytest.skip("../shared/eval/timex is absent")
    report = run_eval("timex", DEV, tmp_path / "pred.jsonl", Settings())
    assert report.n > 200
    assert report.scores["value_f1"] >= 0.80
