"""Shared pieces of `tidings eval`: the report, gold-file readers and the prediction writer."""
from __future__ import annotations

import gzip
import json
import random
import zlib
from collections.abc import Callable, Hashable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Self, TextIO

from charset_normalizer import from_bytes

from ..config import Settings
from ..errors import GoldError

Progress = Callable[[int, int], None]
Postprocess = Callable[[str], str]


class TaskRunner(Protocol):
    """One benchmark: read GOLD in its published format, write PRED lines to out, score them.

    A task with anything tuned on data (weights, thresholds, a learned model) also takes
    `folds=K` and then reports the K-fold cross-validated scores (EvalReport.cv): what it tunes
    is chosen on K-1 folds and scored on the fold left out, for each fold in turn."""

    def __call__(self, gold: Path, out: Path, settings: Settings, *,
                 progress: Progress | None = None, postprocess: Postprocess | None = None) -> EvalReport:
        ...


@dataclass
class EvalReport:
    """Scores of one run. Keys "baseline_<system>_<metric>" hold a reference system measured in the
    same run. `cv` holds the cross-validated scores of a --folds run (the headline figure then),
    `scores` the fitted ones: what is tuned, tuned on all of the gold set."""

    task: str
    n: int
    scores: dict[str, float]  # headline metric first
    notes: list[str] = field(default_factory=list)
    cv: dict[str, float] = field(default_factory=dict)
    folds: int | None = None

    def lines(self) -> list[str]:
        """Human-readable summary: the cross-validated line (with --folds), the fitted one, one per
        baseline, then the notes."""
        ours = {k: v for k, v in self.scores.items() if not k.startswith("baseline_")}
        out = [f"{self.task}: {self.n} documents"]
        if self.cv:
            cv_ours = {k: v for k, v in self.cv.items() if not k.startswith("baseline_")}
            out.append(f"  {f'tidings, {self.folds}-fold CV':<26} {_row(cv_ours)}")
            for system, row in _baselines(self.cv, cv_ours).items():
                out.append(f"  {system + f' baseline, {self.folds}-fold CV':<26} {_row(row)}")
        out.append(f"  {'tidings' + (', fitted' if self.cv else ''):<26} {_row(ours)}")
        for system, row in _baselines(self.scores, ours).items():
            out.append(f"  {system + ' baseline':<26} {_row(row)}")
        out.extend(f"  note: {note}" for note in self.notes)
        return out


# Seed of the fold assignment: fixed, so a --folds figure is reproducible run to run.
FOLD_SEED = 20261203


def grouped_folds(groups: Sequence[Hashable], k: int, seed: int = FOLD_SEED) -> list[tuple[list[int], list[int]]]:
    """(train, test) index lists of K folds that never split a group (a topic, an article, a record):
    the distinct groups are shuffled with a fixed seed and dealt round-robin. K above the number of
    groups gives one fold per group (leave-one-group-out)."""
    if k < 2:
        raise ValueError("cross-validation needs at least 2 folds")
    distinct = sorted(set(groups), key=str)
    random.Random(seed).shuffle(distinct)
    k = min(k, len(distinct))
    fold_of = {g: i % k for i, g in enumerate(distinct)}
    out = []
    for f in range(k):
        test = [i for i, g in enumerate(groups) if fold_of[g] == f]
        train = [i for i, g in enumerate(groups) if fold_of[g] != f]
        out.append((train, test))
    return out


def _row(scores: dict[str, float]) -> str:
    return "  ".join(f"{name}={value:.4f}" for name, value in scores.items())


def _baselines(scores: dict[str, float], ours: dict[str, float]) -> dict[str, dict[str, float]]:
    systems: dict[str, dict[str, float]] = {}
    for key, value in scores.items():
        if not key.startswith("baseline_"):
            continue
        rest = key[len("baseline_"):]
        metric = next((m for m in sorted(ours, key=len, reverse=True) if rest.endswith("_" + m)), None)
        system, name = (rest[: -len(metric) - 1], metric) if metric else (rest, "score")
        systems.setdefault(system, {})[name] = value
    return systems


def require_folder(gold: Path, layout: str) -> Path:
    """The gold folder itself, or a GoldError naming the layout that was expected."""
    if not gold.is_dir():
        raise GoldError(f"{gold} is not a folder; expected {layout}.")
    return gold


def read_json(path: Path, layout: str) -> Any:
    """A gold JSON file (NaN allowed, as pandas writes it), or a GoldError saying what was expected."""
    if not path.is_file():
        raise GoldError(f"{path} is missing; expected {layout}.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise GoldError(f"{path} is not valid JSON ({e}); expected {layout}.") from e


def read_page(path: Path, settings: Settings) -> str:
    """One gold HTML page (plain or .gz), decoded as UTF-8 or else as its detected encoding."""
    try:
        raw = path.read_bytes()
        if path.suffix == ".gz":
            raw = _gunzip(raw, settings.max_item_bytes)
    except (OSError, EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise GoldError(f"cannot read gold page {path}: {e}") from e
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def _gunzip(raw: bytes, cap: int) -> bytes:
    stream = zlib.decompressobj(16 + zlib.MAX_WBITS)
    data = stream.decompress(raw, cap + 1)
    if len(data) > cap:
        raise GoldError(f"a gold page unpacks to more than max_item_bytes ({cap} bytes)")
    return data


class PredictionWriter:
    """Writes PRED.jsonl one object per line as predictions are made (nothing is held back)."""

    def __init__(self, out: Path):
        self.path = out
        self._file: TextIO | None = None

    def __enter__(self) -> Self:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = self.path.open("w", encoding="utf-8")
        return self

    def write(self, record: dict[str, Any]) -> None:
        assert self._file is not None, "use PredictionWriter as a context manager"
        self._file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def __exit__(self, *exc: object) -> None:
        if self._file is not None:
            self._file.close()


def ticking(items: list[Any], progress: Progress | None) -> Iterator[Any]:
    """Yield items, reporting (done, total) before the first and after each one."""
    total = len(items)
    if progress:
        progress(0, total)
    for done, item in enumerate(items, start=1):
        yield item
        if progress:
            progress(done, total)
