"""`tidings bench`: time the per-article pipeline on a folder and spaCy's own pipeline on the same texts."""
from __future__ import annotations

import platform
import resource
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .config import Settings
from .ingest import iter_inputs
from .model.article import Failure
from .model.item import Item
from .pipeline import ARTICLE_STAGES, BATCH_ITEMS, IngestReport, batches, run_stages, store_item
from .resources import Resources
from .store import Store


@dataclass
class BenchReport:
    articles: int = 0
    words: int = 0
    failures: int = 0
    stage_seconds: dict[str, float] = field(default_factory=dict)
    baseline_spacy_seconds: float = 0.0
    machine: str = ""

    def as_json(self) -> dict:
        total = sum(v for k, v in self.stage_seconds.items() if k != "load") or 1e-9
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
    """Run the per-article stages (pipeline.ARTICLE_STAGES) over `corpus` into a throw-away store,
    timing each stage, then spaCy's own nlp.pipe (same model, full pipeline) over the same clean bodies."""
    report = BenchReport(machine=_machine())
    stages = report.stage_seconds
    for name in ("load", "read", *(s.name for s in ARTICLE_STAGES), "store"):
        stages[name] = 0.0
    bodies: list[str] = []

    def timer(name: str, seconds: float) -> None:
        stages[name] += seconds

    def timed(name: str, fn, *args):
        t0 = time.perf_counter()
        try:
            return fn(*args)
        finally:
            timer(name, time.perf_counter() - t0)

    # Models, knowledge base, lexicon and gazetteer load once per process; timed apart.
    res = Resources(settings)
    timed("load", lambda: (res.ner, res.kb, res.parser, res.lexicon, res.gazetteer))

    def read_items():
        items = iter(iter_inputs(corpus, settings))
        while (item := timed("read", next, items, None)) is not None:
            yield item

    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.db") as store:
        ingest_report = IngestReport()
        for batch in batches(read_items(), BATCH_ITEMS):
            failed = [x for x in batch if isinstance(x, Failure)]
            report.failures += len(failed)
            items = run_stages([Item(x) for x in batch if not isinstance(x, Failure)], res, timer=timer)
            for it in items:
                if it.failure is not None:
                    report.failures += 1
                    continue
                report.articles += 1
                report.words += len(it.article.body.split())
                bodies.append(it.article.body)
                timed("store", store_item, store, it, ingest_report, res.model)
    if spacy_baseline and bodies:
        import spacy

        nlp = spacy.load(res.model)
        t0 = time.perf_counter()
        for _ in nlp.pipe(bodies, batch_size=32):
            pass
        report.baseline_spacy_seconds = time.perf_counter() - t0
    return report
