"""Engines run the pure per-article stages: in this process, in a local process pool, or as Ray tasks."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

from ..config import Settings
from ..errors import ConfigError
from .local import ordered_map

T = TypeVar("T")
R = TypeVar("R")

ENGINES = ("local", "ray")


def engine_map(fn: Callable[[T], R], items: Iterable[T], settings: Settings) -> Iterator[tuple[T, R]]:
    """Yield (item, fn(item)) in input order with the engine the settings name (`engine`):
    ordered_map over `workers` processes, or ray_map on a local Ray or the cluster at `ray_address`."""
    if settings.engine == "local":
        return ordered_map(fn, items, workers=settings.workers)
    if settings.engine == "ray":
        from .ray import ray_map

        return ray_map(fn, items, settings)
    raise ConfigError(f"Unknown engine {settings.engine!r}; choose one of: {', '.join(ENGINES)}.")
