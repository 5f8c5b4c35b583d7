"""Start-up cache: resources compiled once into plain data (marshal), checked against their sources."""
from __future__ import annotations

import contextlib
import gc
import hashlib
import importlib.metadata
import marshal
import os
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

# Start of every cache file, then the key (32 bytes), the payload's CRC-32 and length (4 + 8).
MAGIC = b"TIDCACHE1\n"
_KEY_BYTES = 32
_HEADER = len(MAGIC) + _KEY_BYTES + 12
SUFFIX = ".marshal"
# A cache file of the same resource with another key, not read for this long, is removed when a
# new one is written (an older tidings, or sources since changed).
STALE_SECONDS = 7 * 24 * 3600
# Exceptions that mean a cache payload is not what this tidings wrote: it is rebuilt.
BAD_PAYLOAD = (ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError)


def source_key(name: str, sources: Iterable[Path | str], extra: Iterable[str] = ()) -> bytes:
    """What a cached resource depends on: the tidings and Python versions, each source file's
    path, size and modification time, and any further text (a model name, a library version)."""
    h = hashlib.sha256()
    for part in (name, _tidings_version(), sys.version, *extra):
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    for source in sources:
        path = Path(source)
        try:
            st = path.stat()
            h.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0".encode("utf-8", "surrogatepass"))
        except OSError:
            h.update(f"{path}\0missing\0".encode("utf-8", "surrogatepass"))
    return h.digest()


def cached(cache_dir: Path | None, name: str, key: bytes, build: Callable[[], T],
           dump: Callable[[T], Any], undump: Callable[[Any], T]) -> T:
    """The resource `build()` makes, or its copy read back from `cache_dir`.

    A file whose key, checksum or payload does not hold is ignored and rewritten; a folder that
    cannot be written leaves the resource uncached. `dump` turns the resource into plain data
    (str, int, float, bool, None, tuples, lists, dicts, sets), `undump` turns it back. With no
    `cache_dir` the resource is built each time."""
    with _no_gc():
        if cache_dir is None:
            return build()
        path = Path(cache_dir) / f"{name}.{key.hex()[:16]}{SUFFIX}"
        data = read(path, key)
        if data is not None:
            try:
                return undump(data)
            except BAD_PAYLOAD:
                pass
        value = build()
        write(path, key, dump(value))
        return value


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cycle collector paused while a resource is built or read (millions of containers and
    no cycles: its passes over them took about half the read time), and what exists then frozen
    (gc.freeze), so that later passes skip the resource, which the process keeps to its end;
    reference counting still frees whatever is dropped. On a warm start of all resources and
    200 short texts, freezing saved 0.1-0.9 CPU s in 5 of 5 paired runs (docs/benchmarks.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def read(path: Path, key: bytes) -> Any | None:
    """The plain data of a cache file with this key, or None (missing, stale, corrupt)."""
    try:
        with open(path, "rb") as f:
            blob = f.read()
    except OSError:
        return None
    if len(blob) < _HEADER or not blob.startswith(MAGIC) or blob[len(MAGIC):len(MAGIC) + _KEY_BYTES] != key:
        return None
    tail = blob[len(MAGIC) + _KEY_BYTES:_HEADER]
    crc, size = int.from_bytes(tail[:4], "big"), int.from_bytes(tail[4:], "big")
    payload = memoryview(blob)[_HEADER:]
    if len(payload) != size or zlib.crc32(payload) != crc:
        return None
    try:
        # marshal reads plain values only here (what `write` was given); it runs no code.
        data = marshal.loads(payload)
    except BAD_PAYLOAD:
        return None
    _touch(path)
    return data


def write(path: Path, key: bytes, data: Any) -> bool:
    """Write a cache file whole under a temporary name and rename it; False when it cannot be."""
    try:
        payload = marshal.dumps(data)
    except ValueError:
        return False
    header = MAGIC + key + zlib.crc32(payload).to_bytes(4, "big") + len(payload).to_bytes(8, "big")
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as f:
            f.write(header)
            f.write(payload)
        os.replace(tmp, path)
    except OSError:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
        return False
    _prune(path)
    return True


def _prune(path: Path) -> None:
    """Remove cache files of the same resource that nothing has read for STALE_SECONDS."""
    stem = path.name.split(".", 1)[0] + "."
    now = time.time()
    try:
        for other in path.parent.iterdir():
            ours = other != path and other.name.startswith(stem) and other.name.endswith((SUFFIX, ".tmp"))
            if ours and now - other.stat().st_mtime > STALE_SECONDS:
                other.unlink(missing_ok=True)
    except OSError:
        pass


def _touch(path: Path) -> None:
    try:
        os.utime(path)
    except OSError:
        pass


def _tidings_version() -> str:
    try:
        return importlib.metadata.version("tidings")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"
