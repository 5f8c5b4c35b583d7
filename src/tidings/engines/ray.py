"""Run a pure per-item function as Ray tasks, on this machine or a Ray cluster, keeping input order."""
from __future__ import annotations

import os
import tempfile
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from ..config import Settings
from ..errors import TidingsError
from .local import IN_FLIGHT_PER_WORKER

T = TypeVar("T")
R = TypeVar("R")

# Ray keeps its sockets and logs here; a short path, since unix socket paths are limited to 107 bytes.
RAY_TEMP_DIR = Path(tempfile.gettempdir()) / "tidings-ray"


def _ray():
    try:
        import ray
    except ImportError as e:
        raise TidingsError(
            "The ray engine needs Ray, which is not installed. Install it with "
            "`pip install 'tidings[ray]'`, or use `--engine local`.") from e
    return ray


def start_ray(settings: Settings) -> bool:
    """Start a local Ray (or join the cluster named by RAY_ADDRESS) unless one is running.
    True when this call started it, so the caller shuts it down."""
    ray = _ray()
    if ray.is_initialized():
        return False
    if os.environ.get("RAY_ADDRESS"):
        ray.init(ignore_reinit_error=True, log_to_driver=False)
        return True
    RAY_TEMP_DIR.mkdir(parents=True, exist_ok=True)
    ray.init(
        include_dashboard=False,
        _temp_dir=str(RAY_TEMP_DIR),
        _node_ip_address="127.0.0.1",
        num_cpus=settings.workers if settings.workers > 1 else None,
        ignore_reinit_error=True,
        log_to_driver=False,
    )
    return True


def ray_map(fn: Callable[[T], R], items: Iterable[T], settings: Settings) -> Iterator[tuple[T, R]]:
    """Yield (item, fn(item)) in input order, each fn(item) a Ray task; like engines.local.ordered_map,
    at most IN_FLIGHT_PER_WORKER tasks per CPU are in flight. fn must be picklable (cloudpickle) and
    turn its own failures into return values; an exception inside a task is raised here."""
    ray = _ray()
    started = start_ray(settings)
    try:
        task = ray.remote(_apply)
        fn_ref = ray.put(fn)  # shipped once; each task gets it from the object store
        limit = max(1, int(ray.cluster_resources().get("CPU", 1))) * IN_FLIGHT_PER_WORKER
        pending: deque = deque()
        for item in items:
            pending.append((item, task.remote(fn_ref, item)))
            if len(pending) >= limit:
                done_item, ref = pending.popleft()
                yield done_item, _get(ray, ref)
        while pending:
            done_item, ref = pending.popleft()
            yield done_item, _get(ray, ref)
    finally:
        if started:
            ray.shutdown()


def _apply(fn: Callable[[T], R], item: T) -> R:
    """The Ray task: any picklable callable (a functools.partial too, which ray.remote refuses)."""
    return fn(item)


def _get(ray, ref):
    try:
        return ray.get(ref)
    except ray.exceptions.RayTaskError as e:
        cause = getattr(e, "cause", None)
        if isinstance(cause, TidingsError):
            raise cause from None  # a missing model or a bad KB file: its own message
        raise
