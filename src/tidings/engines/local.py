"""Run a pure per-item function in this process or in a local process pool, keeping input order."""
from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import chain, islice
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

# Items in flight per worker: enough to keep the pool busy while bounding memory.
# Chosen on the demo corpus with 2 workers; more did not change throughput.
IN_FLIGHT_PER_WORKER = 8


# Pool workers are forked where the platform can: a worker then starts with whatever this process
# had loaded (the models, knowledge base, lexicon and gazetteer), its pages shared until written.
FORK_SHARES_MEMORY = "fork" in multiprocessing.get_all_start_methods()


def processes(workers: int) -> int:
    """The processes a workers setting asks for: itself, or every core for 0."""
    return workers if workers > 0 else os.cpu_count() or 1


def ordered_map(fn: Callable[[T], R], items: Iterable[T], workers: int = 1) -> Iterator[tuple[T, R]]:
    """Yield (item, fn(item)) in input order; fn must be picklable when more than one process runs.

    workers 0 means every core when there are at least two items, else this process (one batch
    never pays for starting a pool and loading the models again); any other value is taken as
    it is. fn is expected to turn its own failures into return values; this function never hides
    errors.
    """
    if workers <= 0:
        items = iter(items)
        head = list(islice(items, 2))
        items = chain(head, items)
        workers = processes(workers) if len(head) > 1 else 1
    if workers <= 1:
        for item in items:
            yield item, fn(item)
        return
    context = multiprocessing.get_context("fork") if FORK_SHARES_MEMORY else None
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        pending: deque[tuple[T, Future[R]]] = deque()
        for item in items:
            pending.append((item, pool.submit(fn, item)))
            if len(pending) >= workers * IN_FLIGHT_PER_WORKER:
                done_item, fut = pending.popleft()
                yield done_item, fut.result()
        while pending:
            done_item, fut = pending.popleft()
            yield done_item, fut.result()
