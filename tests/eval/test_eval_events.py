"""`tidings eval events` on a small PLOVER-format gold file written here, and on the dev records when present."""
import json
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import GoldError
from tidings.eval import run_eval
from tidings.eval.events import first_asserted, macro_f1

GOLD = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "plover" / "PLOVER_GSR.json"

RECORDS = [
    {"id": "doc", "event": "DOCUMENT", "eventText": "notes"},
    {"id": "r1", "event": "DEMAND", "text": "Iran demanded that Pakistan close the border crossing at Taftan.",
     "source": [{"actorText": "Iran", "code": "IRN"}], "target": [{"actorText": "Pakistan", "code": "PAK"}]},
    {"id": "r2", "event": "FIGHT", "text": "Indian and Chinese troops clashed in the Galwan valley on Monday.",
     "source": [{"actorText": "India", "code": "IND"}], "target": [{"actorText": "China", "code": "CHN"}]},
    {"id": "r3", "event": "CONSULT", "text": "Emomali Rahmon met Shavkat Mirziyoyev in Dushanbe on Friday.",
     "source": [{"actorText": "Rahmon", "code": "TJK"}], "target": [{"actorText": "Mirziyoyev", "code": "UZB"}]},
]


def test_eval_events_small_gold(tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(RECORDS))
    out = tmp_path / "pred.jsonl"
    report = run_eval("events", gold, out, Settings())
    assert report.n == 3
    assert report.scores["accuracy"] == 1.0
    assert report.scores["actor_country_accuracy"] == 1.0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [x["id"] for x in lines] == ["r1", "r2", "r3"]
    first = lines[0]["events"][0]
    assert set(first) == {"event_type", "modality", "actors", "recipients"}
    assert set(first["actors"][0]) == {"name", "country", "sector"}


def test_eval_events_rejects_a_folder(tmp_path):
    with pytest.raises(GoldError):
        run_eval("events", tmp_path, tmp_path / "p.jsonl", Settings())


def test_metrics():
    assert first_asserted([{"modality": "future"}, {"modality": "asserted", "x": 1}])["x"] == 1
    assert macro_f1(["A", "B"], ["A", None]) == pytest.approx(0.5)


@pytest.mark.slow
def test_eval_events_dev_targets(tmp_path):
    if not GOLD.is_file():
        pytest.skip("../shared/eval/plover is absent")
    report = run_eval("events", GOLD, tmp_path / "p.jsonl", Settings())
    assert report.scores["accuracy"] >= 0.75
