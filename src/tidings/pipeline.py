"""Ingest orchestration: inputs -> per-article stages -> store, then the corpus stages. It only loops."""
from __future__ import annotations

import functools
import traceback
from dataclasses import dataclass, field
from typing import BinaryIO, Callable

from .config import Settings
from .engines.local import ordered_map
from .errors import InputError
from .model import Article, Failure, RawDoc


@dataclass
class IngestReport:
    """What one ingest run did."""

    new: int = 0
    known: int = 0            # same content already stored: only the origin was recorded
    skipped: int = 0          # origin already stored, not processed again
    failures: list[Failure] = field(default_factory=list)
    boilerplate_swept: int = 0

    @property
    def failed(self) -> int:
        return len(self.failures)

    @property
    def ok(self) -> bool:
        return not self.failures


def process(raw: RawDoc, settings: Settings) -> Article | Failure:
    """All per-article stages for one input item; a pure function of (item, settings)."""
    from .extract import build_article

    try:
        return build_article(raw, settings)
    except InputError as e:
        return Failure(raw.origin, e.reason)
    except Exception as e:  # noqa: BLE001 - one bad page must not stop a run of thousands
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Failure(
            raw.origin,
            f"tidings could not process this input ({type(e).__name__}: {e} at "
            f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it with the file.",
        )


def ingest(
    paths: list[str],
    store,
    settings: Settings,
    stdin: BinaryIO | None = None,
    on_item: Callable[[IngestReport], None] | None = None,
    reprocess: bool = False,
) -> IngestReport:
    """Read every input, build articles, store each in its own transaction, then sweep boilerplate.

    An origin already in the store is skipped unless reprocess is set (stdin is always read).
    """
    from .corpus.boilerplate import sweep_boilerplate
    from .ingest import iter_inputs

    report = IngestReport()

    def fresh_items():
        for item in iter_inputs(paths, settings, stdin=stdin):
            if isinstance(item, Failure):
                store.add_failure(item)
                report.failures.append(item)
                if on_item:
                    on_item(report)
            elif not reprocess and not item.origin.startswith("<stdin>") and store.has_origin(item.origin):
                report.skipped += 1
                if on_item:
                    on_item(report)
            else:
                yield item

    work = functools.partial(process, settings=settings)
    for raw, result in ordered_map(work, fresh_items(), workers=settings.workers):
        if isinstance(result, Failure):
            store.add_failure(result)
            report.failures.append(result)
        else:
            if store.add_article(result) == "new":
                report.new += 1
            else:
                report.known += 1
        if on_item:
            on_item(report)
    report.boilerplate_swept = sweep_boilerplate(store, settings)
    return report
