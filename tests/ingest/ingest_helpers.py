"""Shared helpers for the ingest tests: settings with small caps and a collector."""

from __future__ import annotations

import io
from pathlib import Path

from tidings.config import Settings
from tidings.ingest import iter_inputs
from tidings.model import Failure, RawDoc

# Written for these tests; not taken from any outlet.
STORY = (
    "Foreign ministers of Kazakhstan and Uzbekistan met in Tashkent on Tuesday to discuss "
    "water sharing along the Syr Darya.\n\n"
    "Officials said the two sides agreed to set up a joint commission before the spring floods.\n"
)


def run(
    paths, settings: Settings | None = None, stdin: bytes | None = None
) -> list[RawDoc | Failure]:
    """Everything iter_inputs yields for these inputs, as a list."""
    stream = io.BytesIO(stdin) if stdin is not None else None
    return list(iter_inputs([str(p) for p in paths], settings or Settings(), stdin=stream))


def docs(items) -> list[RawDoc]:
    return [i for i in items if isinstance(i, RawDoc)]


def failures(items) -> list[Failure]:
    return [i for i in items if isinstance(i, Failure)]


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path
