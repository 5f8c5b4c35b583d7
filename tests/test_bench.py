"""`tidings bench` runs the per-article stages and ends with one JSON line of figures (never asserted as timings)."""
import json
from pathlib import Path

from typer.testing import CliRunner

from tidings.cli import app

STORY = (
    "Tajik border guards report calm after talks\n\n"
    "DUSHANBE, May 4 (CANS) - Tajikistan's border service said on Tuesday that the frontier with "
    "Afghanistan had been quiet for a week after officials from both sides met at the Panji Poyon "
    "crossing to settle a dispute over river islands. The service added that patrols would continue.\n"
)


def test_bench_prints_figures_as_json(tmp_path: Path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("Tuesday", "Monday").replace("quiet", "calm"))
    (tmp_path / "empty.txt").write_text("")
    result = CliRunner().invoke(app, ["bench", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output.strip().splitlines()[-1])
    assert figures["articles"] == 2 and figures["failures"] == 1
    assert set(figures["stage_seconds"]) >= {"load", "read", "extract", "nlp", "actors", "events", "time", "geo", "store"}
    for key in ("articles_per_s", "words_per_s", "baseline_spacy_articles_per_s", "peak_rss_mb"):
        assert figures[key] is not None and figures[key] > 0
