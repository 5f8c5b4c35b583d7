"""`tidings bench` times the whole ingest path and ends with one JSON line of figures (never asserted as timings)."""
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.bench import total_rss_kb
from tidings.cli import app
from tidings.pipeline import ARTICLE_STAGES, CORPUS_STAGES

STORY = (
    "Tajik border guards report calm after talks\n\n"
    "DUSHANBE, May 4 (CANS) - Tajikistan's border service said on Tuesday that the frontier with "
    "Afghanistan had been quiet for a week after officials from both sides met at the Panji Poyon "
    "crossing to settle a dispute over river islands. The service added that patrols would continue.\n"
)
OTHER = (
    "Kazakh and Uzbek ministers sign water accord\n\n"
    "ASTANA, June 9 (CANS) - Kazakhstan and Uzbekistan signed an agreement on Friday to share the "
    "water of the Syr Darya during the summer months, the Kazakh foreign ministry said. The deal "
    "follows two years of talks and a dry spring that left farmers in the south short of water.\n"
)


def _folder(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "b.txt").write_text(STORY.replace("Tuesday", "Monday").replace("quiet", "calm"))
    (tmp_path / "c.txt").write_text(OTHER)
    (tmp_path / "empty.txt").write_text("")
    return tmp_path


def _bench(*args: str) -> dict:
    result = CliRunner().invoke(app, ["bench", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output.strip().splitlines()[-1])


def test_bench_reports_the_ingest_path_stage_by_stage(tmp_path: Path):
    figures = _bench(str(_folder(tmp_path)), "--workers", "1")
    assert figures["articles"] == 3 and figures["failures"] == 1 and figures["workers"] == 1
    assert set(figures["stage_seconds"]) == {"read", *(s.name for s in ARTICLE_STAGES), "store"}
    assert set(figures["corpus_stage_seconds"]) == {s.name for s in CORPUS_STAGES}
    assert all(v >= 0 for v in [*figures["stage_seconds"].values(), *figures["corpus_stage_seconds"].values()])
    # Zero when this test process already holds loaded resources (another test loaded them).
    assert 0 <= figures["startup_s"] <= figures["wall_s"]
    for key in ("articles_per_s", "words_per_s", "baseline_spacy_articles_per_s", "ratio_vs_spacy",
                "peak_rss_mb", "store_mb"):
        assert figures[key] is not None and figures[key] > 0, key
    assert figures["peak_rss_mb"] >= figures["peak_rss_parent_mb"] > 0
    # The per-stage seconds lie within the run they were measured in (one process: nothing overlaps).
    measured = sum(figures["stage_seconds"].values()) + sum(figures["corpus_stage_seconds"].values())
    assert measured + figures["startup_s"] <= figures["wall_s"] + 0.5


def test_bench_keeps_its_store_and_benches_an_incremental_ingest(tmp_path: Path):
    db = tmp_path / "kept.db"
    first = _bench(str(_folder(tmp_path / "first")), "--no-spacy", "--db", str(db))
    assert first["baseline_spacy_articles_per_s"] is None and first["ratio_vs_spacy"] is None
    assert first["articles"] == 3 and db.exists()
    later = tmp_path / "later"
    later.mkdir()
    (later / "d.txt").write_text(OTHER.replace("Friday", "Thursday").replace("summer", "hot"))
    (later / "a.txt").write_text(STORY)  # already stored: only its origin is recorded
    second = _bench(str(later), "--no-spacy", "--db", str(db))
    assert second["articles"] == 1
    assert second["store_mb"] >= first["store_mb"] > 0


@pytest.mark.slow
def test_bench_passes_workers_through_and_sums_their_stages(tmp_path: Path):
    figures = _bench(str(_folder(tmp_path)), "--no-spacy", "--workers", "2")
    assert figures["workers"] == 2 and figures["articles"] == 3
    assert figures["stage_seconds"]["nlp"] > 0 and figures["stage_seconds"]["events"] > 0
    # The models were loaded in the pool's processes, and their memory is counted.
    assert figures["peak_rss_largest_child_mb"] > 0
    assert figures["peak_rss_mb"] >= figures["peak_rss_largest_child_mb"]
    assert figures["load_s_summed"] >= figures["startup_s"] >= 0


def test_total_rss_counts_this_process():
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc on this system")
    import os

    assert total_rss_kb(os.getpid()) > 1000
