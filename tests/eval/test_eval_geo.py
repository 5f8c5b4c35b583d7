"""geo eval: both Gritta-style gold shapes (GeoWebNews, LGL/TR-News), the metric, bad gold, the dev run."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import GoldError
from tidings.eval import run_eval
from tidings.eval.geo import MAX_ERROR_KM, error_scores, load_gold

LGL_TEXT = ("Farmers near Peshawar said the canal from Warsak had been dry for a month. "
            "In Kabul, officials blamed the drought.")
GWN_TEXT = "Talks in Dushanbe ended without a deal, Tajik officials said."


def lgl_xml() -> str:
    peshawar = LGL_TEXT.index("Peshawar")
    kabul = LGL_TEXT.index("Kabul")
    return f"""<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1001">
    <feed>local</feed><title>Canal runs dry</title>
    <text>{LGL_TEXT}</text>
    <toponyms>
      <toponym><start>{peshawar}</start><end>{peshawar + 8}</end><phrase>Peshawar</phrase>
        <gaztag geonameid="1168197"><name>Peshawar</name><fclass>P</fclass><fcode>PPLA</fcode>
          <lat>34.008</lat><lon>71.578</lon><country>Pakistan</country><admin1>KP</admin1></gaztag>
      </toponym>
      <toponym><start>{kabul}</start><end>{kabul + 5}</end><phrase>Kabul</phrase>
        <gaztag geonameid="1138958"><name>Kabul</name><lat>34.528</lat><lon>69.172</lon></gaztag>
      </toponym>
      <toponym><start>0</start><end>7</end><phrase>Farmers</phrase></toponym>
    </toponyms>
  </article>
</articles>"""


def gwn_xml() -> str:
    at = GWN_TEXT.index("Dushanbe")
    return f"""<?xml version="1.0" ?>
<articles>
  <article file="7">
    <title>Talks end</title><link>http://example.org/x</link>
    <text>{GWN_TEXT}</text>
    <toponyms>
      <toponym><extractedName>Dushanbe</extractedName><type>Literal</type>
        <start>{at}</start><end>{at + 8}</end><geonamesID>1221874</geonamesID>
        <latitude>38.53575</latitude><longitude>68.77905</longitude></toponym>
      <toponym><extractedName>Tajik</extractedName><type>Non_Lit_Expression</type>
        <start>{GWN_TEXT.index("Tajik")}</start><end>{GWN_TEXT.index("Tajik") + 5}</end></toponym>
    </toponyms>
  </article>
</articles>"""


def test_reads_both_shapes(tmp_path):
    (tmp_path / "lgl.xml").write_text(lgl_xml(), encoding="utf-8")
    (tmp_path / "gwn.xml").write_text(gwn_xml(), encoding="utf-8")
    docs = {d.doc: d for d in load_gold(tmp_path)}
    assert set(docs) == {"lgl:1001", "gwn:7"}
    assert [t.name for t in docs["lgl:1001"].toponyms] == ["Peshawar", "Kabul"]  # no coordinates: left out
    assert docs["gwn:7"].toponyms[0].lat == pytest.approx(38.53575)


def test_run_writes_predictions_and_scores(tmp_path):
    gold = tmp_path / "lgl.xml"
    gold.write_text(lgl_xml(), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    report = run_eval("geo", gold, out, Settings())
    assert report.scores["acc161"] == 1.0
    assert "baseline_populous_acc161" in report.scores
    (line,) = out.read_text(encoding="utf-8").splitlines()
    pred = json.loads(line)
    assert pred["doc"] == "lgl:1001"
    assert [(t["start"], t["end"]) for t in pred["toponyms"]] == [
        (LGL_TEXT.index("Peshawar"), LGL_TEXT.index("Peshawar") + 8), (LGL_TEXT.index("Kabul"), LGL_TEXT.index("Kabul") + 5)]
    assert pred["toponyms"][1]["lat"] == pytest.approx(34.5, abs=0.2)


def test_error_scores():
    scores = error_scores([0.0, 100.0, 200.0, MAX_ERROR_KM])
    assert scores["acc161"] == 0.5
    assert scores["median_km"] == 150.0
    assert 0 < scores["auc"] < 1


@pytest.mark.parametrize("content,problem", [
    ("<articles><article", "not readable XML"),
    ("<articles><nothing/></articles>", "no <article>"),
])
def test_bad_gold(tmp_path, content, problem):
    gold = tmp_path / "bad.xml"
    gold.write_text(content, encoding="utf-8")
    with pytest.raises(GoldError, match=problem):
        load_gold(gold)


def test_missing_gold(tmp_path):
    with pytest.raises(GoldError, match="does not exist"):
        load_gold(tmp_path / "nope.xml")
    with pytest.raises(GoldError, match="no .xml files"):
        load_gold(tmp_path)


def test_bad_offset(tmp_path):
    gold = tmp_path / "bad.xml"
    gold.write_text(lgl_xml().replace("<start>0</start>", "<start>zero</start>")
                    .replace("<phrase>Farmers</phrase>", "<phrase>Farmers</phrase><gaztag><lat>1</lat><lon>2</lon></gaztag>"),
                    encoding="utf-8")
    with pytest.raises(GoldError, match="bad offset"):
        load_gold(gold)


GWN = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "geo" / "GWN.xml"


@pytest.mark.slow
def test_geowebnews_dev_half(tmp_path):
    if not GWN.is_file():
        pytest.skip("../shared/eval/geo/GWN.xml is absent")
    report = run_eval("geo", GWN, tmp_path / "pred.jsonl", Settings(), folds=5)
    assert report.scores["acc161"] >= 0.90
    assert report.cv["acc161"] >= 0.90  # the weights chosen on the other folds' articles
    assert report.scores["acc161"] > report.scores["baseline_populous_acc161"]


# ---- --folds: cross-validation by article

FOLD_TEXTS = [
    ("Flooding closed the bridge at Peshawar, and traffic was sent through Nowshera.", [("Peshawar", 34.008, 71.578), ("Nowshera", 34.016, 71.975)]),
    ("The market in Taloqan reopened after the fighting moved on.", [("Taloqan", 36.736, 69.534)]),
    ("Farmers outside Dushanbe said the harvest was late this year.", [("Dushanbe", 38.536, 68.779)]),
    ("A power cut left much of Kabul dark on Sunday night.", [("Kabul", 34.528, 69.172)]),
    ("Schools in Quetta stayed shut for a third day.", [("Quetta", 30.187, 67.013)]),
]


def folds_xml() -> str:
    articles = []
    for i, (text, names) in enumerate(FOLD_TEXTS):
        toponyms = "".join(
            f"<toponym><start>{text.index(n)}</start><end>{text.index(n) + len(n)}</end><phrase>{n}</phrase>"
            f"<gaztag><lat>{lat}</lat><lon>{lon}</lon></gaztag></toponym>" for n, lat, lon in names)
        articles.append(f'<article docid="{i}"><text>{text}</text><toponyms>{toponyms}</toponyms></article>')
    return f'<?xml version="1.0" encoding="utf-8"?><articles>{"".join(articles)}</articles>'


def test_article_folds_never_put_an_article_in_train_and_test(tmp_path):
    from tidings.eval.geo import article_folds

    gold = tmp_path / "folds.xml"
    gold.write_text(folds_xml(), encoding="utf-8")
    docs = load_gold(gold)
    docs = docs + docs[:2]  # an article id seen twice goes to one side only
    splits = article_folds(docs, 3)
    assert len(splits) == 3
    tested = []
    for train, test in splits:
        assert not {docs[i].doc for i in train} & {docs[i].doc for i in test}
        assert sorted(train + test) == list(range(len(docs)))
        tested += test
    assert sorted(tested) == list(range(len(docs)))  # each article is tested exactly once


def test_folds_report_the_cross_validated_figures_first(tmp_path):
    gold = tmp_path / "folds.xml"
    gold.write_text(folds_xml(), encoding="utf-8")
    report = run_eval("geo", gold, tmp_path / "pred.jsonl", Settings(), folds=2)
    assert report.folds == 2
    assert {"acc161", "strict_acc161", "mean_km"} <= set(report.cv)
    assert report.cv["acc161"] == report.scores["acc161"] == 1.0
    lines = report.lines()
    assert lines[1].split()[:3] == ["tidings,", "2-fold", "CV"] and "fitted" in lines[3]
    assert any("weights chosen per fold" in note for note in report.notes)


def test_weight_grid_starts_at_the_production_defaults():
    from tidings.eval.geo import weight_grid
    from tidings.geo.resolve import Weights

    grid = weight_grid()
    assert grid[0] == Weights() and len(set(grid)) == len(grid)
    assert all(sum(getattr(g, f) != getattr(Weights(), f) for f in Weights.__dataclass_fields__) == 1
               for g in grid[1:])
