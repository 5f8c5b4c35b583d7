"""Per-stage TOML tables, their env spelling and clear errors; every setting is read somewhere in tidings."""
from __future__ import annotations

import ast
from dataclasses import fields
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import ConfigError

SRC = Path(__file__).resolve().parents[1] / "src" / "tidings"


def test_a_stage_table_sets_the_prefixed_setting(tmp_path: Path):
    cfg = tmp_path / "tidings.toml"
    cfg.write_text("[tidings]\nworkers = 2\n\n[tidings.clusters]\njoin = 0.3\ntime_sigma_days = 10\n\n"
                   "[tidings.neardup]\nmin_containment = 0.6\n")
    s = Settings.load(config_file=cfg, env={})
    assert (s.workers, s.clusters_join, s.clusters_time_sigma_days, s.neardup_min_containment) == (2, 0.3, 10.0, 0.6)
    assert isinstance(s.clusters_time_sigma_days, float)


def test_the_flat_name_works_in_the_file_and_in_the_environment(tmp_path: Path):
    cfg = tmp_path / "tidings.toml"
    cfg.write_text("[tidings]\nstories_join = 0.25\n")
    assert Settings.load(config_file=cfg, env={}).stories_join == 0.25
    assert Settings.load(config_file=cfg, env={"TIDINGS_STORIES_JOIN": "0.3"}).stories_join == 0.3
    assert Settings.load(env={"TIDINGS_CLUSTERS_JOIN": "0.2"}, clusters_join=0.4).clusters_join == 0.4


def test_an_unknown_key_of_a_stage_table_names_the_table(tmp_path: Path):
    cfg = tmp_path / "tidings.toml"
    cfg.write_text("[tidings.clusters]\njion = 0.3\n")
    with pytest.raises(ConfigError, match=r"Unknown setting 'jion' in \[tidings.clusters\] .*'clusters_jion'"):
        Settings.load(config_file=cfg, env={})


def test_a_mistyped_threshold_is_clear(tmp_path: Path):
    with pytest.raises(ConfigError, match="clusters_join must be a number"):
        Settings.load(env={"TIDINGS_CLUSTERS_JOIN": "high"})


def _attributes_read(tree: ast.AST) -> set[str]:
    found = {node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute)}
    # getattr(settings, "name") spells a read too
    found |= {node.args[1].value for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr"
              and len(node.args) >= 2 and isinstance(node.args[1], ast.Constant)}
    return found


def test_every_setting_is_read_outside_the_config_module():
    read: set[str] = set()
    for path in SRC.rglob("*.py"):
        if path == SRC / "config.py":
            continue
        read |= _attributes_read(ast.parse(path.read_text(encoding="utf-8")))
    names = {f.name for f in fields(Settings)}
    unread = names - read
    assert not unread, f"settings nothing reads: {sorted(unread)}"
