"""`tidings ingest --engine ray` stores what `--engine local` stores; a missing Ray or a bad cluster
address ends the command with one message and exit code 3."""
from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tidings.cli import EXIT_SOME_FAILED, app
from tidings.cli.common import EXIT_ERROR
from tidings.config import Settings
from tidings.engines import engine_map
from tidings.errors import ConfigError

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
runner = CliRunner()

# What a store holds after an ingest, compared row by row (timestamps left out).
TABLES = ("articles", "origins", "failures", "sentences", "mentions", "entities", "entity_roles", "events",
          "event_parties", "places", "place_mentions", "clusters", "cluster_members", "merged_events", "stories")
TIMESTAMPS = ("first_seen",)  # and every column ending in _at


def _value(v):
    """JSON text with its keys sorted: a dict built from a set keeps no fixed key order between runs."""
    if isinstance(v, str) and v[:1] in "[{":
        try:
            return json.dumps(json.loads(v), sort_keys=True)
        except ValueError:
            return v
    return v


def _content(db: Path) -> dict[str, list[tuple]]:
    with sqlite3.connect(db) as conn:
        out = {}
        for table in TABLES:
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")
                    if not r[1].endswith("_at") and r[1] not in TIMESTAMPS]
            rows = conn.execute(f"SELECT {', '.join(cols)} FROM {table}")
            out[table] = sorted((tuple(_value(v) for v in r) for r in rows), key=repr)
        return out


def _ingest(db: Path, *args: str):
    return runner.invoke(app, ["ingest", str(EXAMPLES), "--db", str(db), *args])


@pytest.mark.slow
def test_ingest_on_a_local_ray_stores_what_the_local_engine_stores(tmp_path: Path, monkeypatch):
    pytest.importorskip("ray", reason="ray is not installed (pip install 'tidings[ray]'; `make test` installs it)")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    monkeypatch.delenv("RAY_ADDRESS", raising=False)
    local, on_ray = tmp_path / "local.db", tmp_path / "ray.db"
    # examples/broken/ holds inputs that cannot be ingested, so both runs end with exit code 1
    first = _ingest(local, "--engine", "local")
    assert first.exit_code == EXIT_SOME_FAILED, first.output
    second = _ingest(on_ray, "--engine", "ray", "--workers", "2")
    assert second.exit_code == EXIT_SOME_FAILED, second.output
    a, b = _content(local), _content(on_ray)
    assert len(a["articles"]) > 30 and a["events"] and a["clusters"] and a["merged_events"] and a["failures"]
    for table in TABLES:
        assert a[table] == b[table], f"{table} differs between the local and the ray engine"


def test_ray_engine_without_ray_installed_says_what_to_install(tmp_path: Path, monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as it does where Ray is not installed
    doc = tmp_path / "note.txt"
    doc.write_text("The finance ministers of Kazakhstan and Uzbekistan met in Tashkent on Monday. " * 4)
    result = runner.invoke(app, ["ingest", str(doc), "--db", str(tmp_path / "t.db"), "--engine", "ray"])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_ERROR, said
    assert "pip install 'tidings[ray]'" in said and "Traceback" not in said


@pytest.mark.parametrize(("address", "says"), [
    ("127.0.0.1:1", "Cannot reach the Ray cluster"),      # nobody listens there
    ("head-node", "is not a Ray address"),              # no port
    ("ray://127.0.0.1:1", "Cannot reach the Ray cluster"),
])
def test_a_bad_cluster_address_ends_the_command_with_one_message(tmp_path: Path, monkeypatch, address, says):
    pytest.importorskip("ray", reason="ray is not installed (pip install 'tidings[ray]')")
    monkeypatch.setenv("RAY_AUTH_MODE", "disabled")
    doc = tmp_path / "note.txt"
    doc.write_text("The foreign minister of Kyrgyzstan visited Dushanbe to discuss the border on Friday. " * 4)
    result = runner.invoke(app, ["ingest", str(doc), "--db", str(tmp_path / "t.db"), "--engine", "ray",
                                 "--address", address])
    said = " ".join(result.output.split())
    assert result.exit_code == EXIT_ERROR, said
    assert says in said and "--engine local" in said and "Traceback" not in said


def test_an_unknown_engine_is_refused_with_the_known_ones(tmp_path: Path):
    with pytest.raises(ConfigError, match="local, ray"):
        engine_map(len, [[1]], Settings(engine="spark"))
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "t.db"), "--engine", "spark"])
    assert result.exit_code == EXIT_ERROR and "local, ray" in " ".join(result.output.split())


def test_the_engine_and_address_settings_come_from_the_environment():
    s = Settings.load(env={"TIDINGS_ENGINE": "ray", "TIDINGS_RAY_ADDRESS": "auto"})
    assert (s.engine, s.ray_address) == ("ray", "auto")
    assert (Settings().engine, Settings().ray_address) == ("local", "")
