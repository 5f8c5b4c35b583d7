"""Run a pure per-item function as Ray tasks, on this machine or a Ray cluster, keeping input order."""
from __future__ import annotations

import os
import socket
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
    """Join the cluster at settings.ray_address (else at RAY_ADDRESS), or start a local Ray, unless
    Ray is already running in this process. True when this call started or joined it, so the caller
    shuts it down (leaving a cluster never stops it)."""
    ray = _ray()
    if ray.is_initialized():
        return False
    address = settings.ray_address or os.environ.get("RAY_ADDRESS", "")
    if address:
        _join(ray, address)
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


# Seconds to wait for the head node to accept a connection before saying it cannot be reached
# (Ray itself retries a dead address for minutes). Not tuned: a live head answers in milliseconds.
CONNECT_TIMEOUT_S = 5.0


def _join(ray, address: str) -> None:
    """ray.init on an existing cluster, with one clear message when it cannot be joined."""
    if address not in ("auto", "local"):
        _probe(address)
    try:
        ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
    except (ConnectionError, ValueError, RuntimeError) as e:
        raise TidingsError(f"Cannot join the Ray cluster at {address!r}: {e} Start one with `ray start --head` "
                           f"and pass its address (HOST:PORT, ray://HOST:PORT or auto), or use `--engine local`.") from e


def _probe(address: str) -> None:
    """Fail fast when HOST:PORT (or ray://HOST:PORT) is malformed or nobody listens there."""
    host, _, port = address.removeprefix("ray://").rpartition(":")
    host = host.strip("[]")
    if not host or not port.isdigit():
        raise TidingsError(f"{address!r} is not a Ray address; give HOST:PORT of the head node "
                           f"(e.g. 10.0.0.5:6379), ray://HOST:10001 or auto, or use `--engine local`.")
    try:
        socket.create_connection((host, int(port)), timeout=CONNECT_TIMEOUT_S).close()
    except OSError as e:
        raise TidingsError(f"Cannot reach the Ray cluster at {address!r} ({e}). Check that `ray start --head` "
                           f"runs there and the port is open from this machine, or use `--engine local`.") from e


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
