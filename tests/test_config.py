"""Settings layer defaults < TOML file < TIDINGS_* environment < explicit overrides."""
from pathlib import Path

import pytest

from tidings.config import Settings
from tidings.errors import ConfigError


def test_layers_override_in_order(tmp_path: Path):
    cfg = tmp_path / "tidings.toml"
    cfg.write_text('[tidings]\nworkers = 3\nmax_item_bytes = 1000\nmin_body_chars = 50\n')
    s = Settings.load(config_file=cfg, env={"TIDINGS_WORKERS": "4", "TIDINGS_MIN_BODY_CHARS": "60"},
                      min_body_chars=70)
    assert s.max_item_bytes == 1000      # from the file
    assert s.workers == 4                # env beats the file
    assert s.min_body_chars == 70        # an explicit override beats env


def test_unknown_setting_and_bad_type_are_clear(tmp_path: Path):
    with pytest.raises(ConfigError, match="Unknown setting 'colour'"):
        Settings.load(env={}, colour="red")
    with pytest.raises(ConfigError, match="workers must be a whole number"):
        Settings.load(env={"TIDINGS_WORKERS": "many"})


def test_broken_toml_names_the_file(tmp_path: Path):
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[tidings\nworkers = 2")
    with pytest.raises(ConfigError, match="bad.toml"):
        Settings.load(config_file=cfg, env={})
