"""`tidings shard`: per-article stages into Parquet shards (local or Ray), loaded back into a store
that matches a plain `tidings ingest` of the same files."""
from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from tidings.cli import EXIT_SOME_FAILED, app
from tidings.config import Settings
from tidings.errors import TidingsError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO = [EXAMPLES / "text" / name for name in (
    "indus-evening-post_khan-calls-rahmon.txt",
    "frontier-ledger_khan-calls-rahmon.txt",
    "oxus-review_isi-chief-dushanbe.txt",
)]
runner = CliRunner()


def _events_per_article(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute(
            "SELECT a.id, count(e.id) FROM articles a LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id"))


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                for t in ("mentions", "entities", "event_parties", "place_mentions", "clusters", "merged_events")}


@pytest.fixture(scope="module")
def plain_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("plain") / "plain.db"
    result = runner.invoke(app, ["ingest", *map(str, DEMO), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def _shard_and_load(tmp_path: Path, *engine_args: str) -> tuple[Path, Path]:
    shards, db = tmp_path / "shards", tmp_path / "loaded.db"
    result = runner.invoke(app, ["shard", *map(str, DEMO), "--out", str(shards), "--batch", "2", *engine_args])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["shard", "--load", str(shards), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return shards, db


@pytest.mark.slow
def test_local_shards_load_into_the_same_store_as_ingest(tmp_path: Path, plain_db: Path):
    shards, db = _shard_and_load(tmp_path, "--engine", "local")
    # three articles in batches of two: two shard files per record type
    for kind in ("articles", "mentions", "entities", "events", "places", "failures"):
        assert sorted(p.name for p in (shards / kind).iterdir()) == ["part-000000.parquet", "part-000001.parquet"]
    articles = pq.read_table(shards / "articles").to_pylist()
    assert {a["origin"] for a in articles} == {str(p) for p in DEMO}
    events = pq.read_table(shards / "events").to_pylist()
    assert events and all(e["sentence"] and e["trigger"] in e["sentence"] for e in events)
    assert _events_per_article(db) == _events_per_article(plain_db)
    assert _counts(db) == _counts(plain_db)


@pytest.mark.slow
def test_ray_shards_load_into_the_same_store_as_ingest(tmp_path: Path, plain_db: Path, monkeypatch):
    if importlib.util.find_spec("ray") is None:
        pytest.skip("ray is not installed (pip install 'tidings[ray]')")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    _, db = _shard_and_load(tmp_path, "--engine", "ray", "--workers", "2")
    assert _events_per_article(db) == _events_per_article(plain_db)
    assert _counts(db) == _counts(plain_db)


def test_failures_go_into_their_own_shard(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_text("   \n")
    shards = tmp_path / "shards"
    result = runner.invoke(app, ["shard", str(bad), "--out", str(shards)])
    assert result.exit_code == EXIT_SOME_FAILED, result.output
    (failure,) = pq.read_table(shards / "failures").to_pylist()
    assert failure["origin"] == str(bad) and "whitespace" in failure["error"]
    assert pq.read_table(shards / "articles").num_rows == 0


def test_shard_refuses_a_folder_that_already_holds_shards_and_unknown_engines(tmp_path: Path):
    bad = tmp_path / "empty.txt"
    bad.write_text("")
    shards = tmp_path / "shards"
    runner.invoke(app, ["shard", str(bad), "--out", str(shards)])
    again = runner.invoke(app, ["shard", str(bad), "--out", str(shards)])
    assert again.exit_code == 3 and "already holds shards" in again.output
    other = runner.invoke(app, ["shard", str(bad), "--out", str(tmp_path / "x"), "--engine", "spark"])
    assert other.exit_code == 3 and "local, ray" in other.output


def test_loading_a_folder_without_a_manifest_says_what_to_run(tmp_path: Path):
    result = runner.invoke(app, ["shard", "--load", str(tmp_path), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 3 and "tidings shard PATH" in result.output


def test_ray_engine_without_ray_says_what_to_install(monkeypatch):
    import builtins

    from tidings.engines.ray import ray_map

    real_import = builtins.__import__

    def no_ray(name, *args, **kwargs):
        if name == "ray" or name.startswith("ray."):
            raise ImportError("No module named 'ray'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_ray)
    with pytest.raises(TidingsError, match=r"pip install 'tidings\[ray\]'"):
        list(ray_map(len, [[1]], Settings()))
