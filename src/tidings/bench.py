"""`tidings bench`: time the per-article pipeline on a folder and spaCy's own pipeline on the same texts."""
from __future__ import annotations

import platform
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .model import Failure


@dataclass
class BenchReport:
    articles: int = 0
    words: int = 0
    failures: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    baseline_spacy_seconds: float = 0.0
    machine: str = ""

    def as_json(self) -> dict:
        total = sum(self.stage_seconds.values()) or 1e-9
        return {
            "articles": self.articles,
            "words": self.words,
            "failures": self.failures,
            "articles_per_s": round(self.articles / total, 2),
            "words_per_s": round(self.words / total, 1),
            "baseline_spacy_articles_per_s": round(self.articles / self.baseline_spacy_seconds, 2)
            if self.baseline_spacy_seconds else None,
            "baseline_spacy_words_per_s": round(self.words / self.baseline_spacy_seconds, 1)
            if self.baseline_spacy_seconds else None,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "stage_seconds": {k: round(v, 3) for k, v in self.stage_seconds.items()},
            "machine": self.machine,
        }


def _machine() -> str:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import os

    return f"{platform.machine()}, {os.cpu_count()} cores, {cpu or platform.processor()}, Python {platform.python_version()}"


def run_bench(corpus: list[str], settings: Settings, spacy_baseline: bool = True) -> BenchReport:
    """Ingest `corpus` into a throw-away store, timing each stage, then run spaCy's nlp.pipe on the bodies."""
    from .extract import build_article
    from .ingest import iter_inputs
    from .store import Store

    report = BenchReport(machine=_machine())
    stages = report.stage_seconds
    for name in ("read", "extract", "store"):
        stages[name] = 0.0
    bodies: list[str] = []
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        items = iter(iter_inputs(corpus, settings))
        while True:
            t0 = time.perf_counter()
            item = next(items, None)
            stages["read"] += time.perf_counter() - t0
            if item is None:
                break
            if isinstance(item, Failure):
                report.failures += 1
                continue
            t0 = time.perf_counter()
            try:
                article = build_article(item, settings)
            except Exception:  # noqa: BLE001 - bench counts failures, the ingest command explains them
                report.failures += 1
                continue
            finally:
                stages["extract"] += time.perf_counter() - t0
            t0 = time.perf_counter()
            store.add_article(article)
            stages["store"] += time.perf_counter() - t0
            report.articles += 1
            report.words += len(article.body.split())
            bodies.append(article.body)
    if spacy_baseline and bodies:
        import spacy

        nlp = spacy.load(settings.spacy_model)
        t0 = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=32):
            pass
        report.baseline_spacy_seconds = time.perf_counter() - t0
    return report
