"""`tidings bench`: time the whole ingest path on a folder, stage by stage, beside spaCy's own pipeline on the same texts."""
from __future__ import annotations

import os
import platform
import resource
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from .config import Settings
from .engines.local import processes
from .pipeline import ARTICLE_STAGES, CORPUS_STAGES, Timings, ingest
from .resources import Resources
from .store import Store

# How often the memory of the bench process and its children is sampled (seconds). A pool
# worker's peak between two samples can be missed; the larger of the sampled sum and the
# kernel's own peaks (getrusage) is reported.
RSS_SAMPLE_S = 0.2
RSS_METHOD = ("sum of VmRSS of this process and its child processes (/proc, sampled every "
              f"{RSS_SAMPLE_S} s), or the kernel's peak of this process or of its largest child "
              "(getrusage), whichever is larger")


@dataclass
class BenchReport:
    articles: int = 0
    words: int = 0
    failures: int = 0
    workers: int = 1                  # processes the workers setting asks for (0: every core)
    wall_s: float = 0.0               # the ingest, start to end, resource loading included
    startup_s: float = 0.0            # resource loading (the longest of the processes, which load at once)
    load_s_summed: float = 0.0        # resource loading summed over the processes
    timings: Timings = field(default_factory=Timings)
    peak_rss_mb: float = 0.0          # all processes (RSS_METHOD)
    peak_rss_parent_mb: float = 0.0
    peak_rss_largest_child_mb: float = 0.0
    store_mb: float = 0.0
    cpu_s: float = 0.0                # user + system seconds of this process and its children
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)  # the machine's, when the ingest ended
    baseline_spacy_seconds: float = 0.0
    machine: str = ""

    def as_json(self) -> dict:
        working = max(self.wall_s - self.startup_s, 1e-9)
        spacy_rate = self.articles / self.baseline_spacy_seconds if self.baseline_spacy_seconds else None
        rate = self.articles / working
        return {
            "articles": self.articles,
            "words": self.words,
            "failures": self.failures,
            "workers": self.workers,
            "wall_s": round(self.wall_s, 2),
            "startup_s": round(self.startup_s, 2),
            "load_s_summed": round(self.load_s_summed, 2),
            "articles_per_s": round(rate, 2),
            "words_per_s": round(self.words / working, 1),
            "baseline_spacy_articles_per_s": round(spacy_rate, 2) if spacy_rate else None,
            "baseline_spacy_words_per_s": round(self.words / self.baseline_spacy_seconds, 1)
            if self.baseline_spacy_seconds else None,
            "ratio_vs_spacy": round(rate / spacy_rate, 3) if spacy_rate else None,
            "stage_seconds": {k: round(v, 3) for k, v in self.timings.stages.items()},
            "corpus_stage_seconds": {k: round(v, 3) for k, v in self.timings.corpus.items()},
            "peak_rss_mb": round(self.peak_rss_mb, 1),
            "peak_rss_parent_mb": round(self.peak_rss_parent_mb, 1),
            "peak_rss_largest_child_mb": round(self.peak_rss_largest_child_mb, 1),
            "rss_method": RSS_METHOD,
            "store_mb": round(self.store_mb, 1),
            "cpu_s": round(self.cpu_s, 1),
            "load_average": [round(x, 2) for x in self.load_average],
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
    return f"{platform.machine()}, {os.cpu_count()} cores, {cpu or platform.processor()}, Python {platform.python_version()}"


class RssSampler:
    """Samples the summed resident memory of this process and its children in a thread (Linux
    /proc; elsewhere only the getrusage peaks count)."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.peak_kb = max(self.peak_kb, total_rss_kb(os.getpid()))
            if self._stop.wait(RSS_SAMPLE_S):
                return


def _status_kb(pid: int, key: str = "VmRSS") -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        entries = os.listdir("/proc")
    except OSError:
        return found
    for entry in entries:
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The fields after the command name (in parentheses, which may hold spaces): state, ppid.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def total_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants, in KiB (0 where /proc is missing)."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += _status_kb(p)
        todo.extend(_children(p))
    return total


def _store_mb(db: Path) -> float:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*")) / 2**20


def run_bench(corpus: list[str], settings: Settings, spacy_baseline: bool = True,
              keep: Path | None = None) -> BenchReport:
    """`tidings ingest` of `corpus` into a new store, as a user runs it (settings.workers included),
    timing reading, each per-article stage (summed over processes), storing, each corpus stage and
    resource loading; then spaCy's own nlp.pipe (same model, full pipeline, one process, its
    defaults) over the clean bodies it stored. The store is a new one, thrown away after, unless
    `keep` names a file: then it is kept there, and if it exists the run is an incremental ingest
    into it (what the corpus stages cost when a few articles join a large store)."""
    report = BenchReport(machine=_machine(), workers=processes(settings.workers), timings=Timings())
    for name in ("read", *(s.name for s in ARTICLE_STAGES), "store"):
        report.timings.stages[name] = 0.0
    for stage in CORPUS_STAGES:
        report.timings.corpus[stage.name] = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        db = keep if keep is not None else Path(tmp) / "bench.db"
        cpu = _cpu_seconds()
        with Store.open(db) as store, RssSampler() as rss:
            before = {a.id for a in store.articles()}
            start = time.perf_counter()
            result = ingest(corpus, store, settings, timings=report.timings)
            report.wall_s = time.perf_counter() - start
            bodies = [a.body for a in store.articles() if a.id not in before]
        report.cpu_s = _cpu_seconds() - cpu
        report.load_average = os.getloadavg()
        report.peak_rss_parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        report.peak_rss_largest_child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        report.peak_rss_mb = max(rss.peak_kb / 1024, report.peak_rss_parent_mb, report.peak_rss_largest_child_mb)
        report.store_mb = _store_mb(db)
    report.articles = result.new
    report.failures = result.failed
    report.words = sum(len(b.split()) for b in bodies)
    report.startup_s = max(report.timings.load.values(), default=0.0)
    report.load_s_summed = sum(report.timings.load.values())
    if spacy_baseline and bodies:
        report.baseline_spacy_seconds = _spacy_seconds(Resources(settings).model, bodies)
    return report


def _cpu_seconds() -> float:
    return sum(r.ru_utime + r.ru_stime for r in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def _spacy_seconds(model: str, bodies: list[str]) -> float:
    """spaCy's full pipeline over the bodies: nlp.pipe with its defaults, in this process."""
    import spacy

    nlp = spacy.load(model)
    start = time.perf_counter()
    for _ in nlp.pipe(bodies):
        pass
    return time.perf_counter() - start
