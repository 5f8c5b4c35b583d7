"""Byte streams for ingest: gzip inflated with bomb checks, size caps, and a peeked head."""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from ..errors import InputError

MiB = 1 << 20
CHUNK = 64 * 1024  # read size for files and archives; small enough to stop early at any cap
HEAD = 64 * 1024  # bytes looked at before choosing a reader (format sniffing, binary checks)
GZIP_MAGIC = b"\x1f\x8b"
# The compression ratio is judged only after this much output: tiny gzip files have
# meaningless ratios (a 40-byte archive of 20 KB of spaces is a text, not an attack).
RATIO_GRACE_BYTES = 1 * MiB


def over_item_cap(cap: int) -> str:
    """How every reader words an item above the one-article cap (setting max_item_bytes)."""
    return f"more than {format_size(cap)}, the cap for one article (setting max_item_bytes)"


def format_size(n: int) -> str:
    """A byte count as a person reads it: 512 bytes, 12.3 KB, 8 MB (1 KB = 1024 bytes)."""
    if n < 1024:
        return f"{n} bytes"
    for unit, scale in (("GB", 1 << 30), ("MB", MiB), ("KB", 1024)):
        if n >= scale:
            value = f"{n / scale:.1f}".removesuffix(".0")
            return f"{value} {unit}"
    raise AssertionError("unreachable")


def too_big(size: int | None, cap: int, what: str, setting: str) -> str:
    """The predicate of a message for something above a size cap (size None: not known)."""
    if size is None:
        return f"is more than {format_size(cap)}, the cap for {what} (setting {setting}); reading stopped there"
    return (
        f"is {format_size(size)}, above the {format_size(cap)} cap for {what} (setting {setting})"
    )


class _Raw(io.RawIOBase):
    """A readable raw stream that never closes what it wraps (the opener does that)."""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # pragma: no cover - overridden
        raise NotImplementedError


class PrefixedStream(_Raw):
    """Gives back bytes already read (the head) and then the rest of the wrapped stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = memoryview(head)
        self._rest = rest

    def readinto(self, b) -> int:
        if self._head:
            n = min(len(b), len(self._head))
            b[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(b))
        if not data:
            return 0
        b[: len(data)] = data
        return len(data)


class CappedStream(_Raw):
    """Reads at most `cap` bytes; asking for more when there is more raises InputError."""

    def __init__(self, raw: BinaryIO, cap: int):
        self._raw = raw
        self._cap = cap
        self._count = 0

    def readinto(self, b) -> int:
        left = self._cap - self._count
        if left <= 0:
            if self._raw.read(1):
                raise InputError(
                    f"is larger than the {format_size(self._cap)} cap for one file "
                    f"(setting max_file_bytes); the part after the first {format_size(self._cap)} was not read"
                )
            return 0
        data = self._raw.read(min(len(b), left))
        if not data:
            return 0
        b[: len(data)] = data
        self._count += len(data)
        return len(data)


class GzipStream(_Raw):
    """Inflates gzip (one or more members) as it is read, never holding more than one chunk.

    Raises InputError when the archive is truncated or corrupt, when the output passes
    max_bytes, or when output/input passes max_ratio after the first MiB (a decompression bomb).
    """

    def __init__(self, raw: BinaryIO, max_bytes: int, max_ratio: int):
        self._raw = raw
        self._max_bytes = max_bytes
        self._max_ratio = max_ratio
        self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
        self._member_started = False
        self._pending = b""
        self._consumed = 0  # compressed bytes the inflater has used
        self._produced = 0  # bytes given out

    def readinto(self, b) -> int:
        while True:
            if not self._pending:
                self._pending = self._raw.read(CHUNK)
                if not self._pending:
                    if self._member_started:
                        raise InputError(
                            f"is a truncated gzip archive: it ends early, after "
                            f"{format_size(self._produced)} of content; what came before the cut was read"
                        )
                    return 0
            if not self._member_started:
                # Zero padding between or after members is allowed, as gzip itself allows it.
                self._pending = self._pending.lstrip(b"\x00")
                if not self._pending:
                    continue
                self._member_started = True
            out = self._inflate(len(b))
            if out:
                b[: len(out)] = out
                return len(out)

    def _inflate(self, limit: int) -> bytes:
        before = len(self._pending)
        try:
            out = self._inflater.decompress(self._pending, limit)
        except zlib.error as e:
            raise InputError(
                f"is not a valid gzip archive (the data is corrupt after {format_size(self._produced)} "
                f"of content: {e})"
            ) from e
        if self._inflater.eof:
            self._pending = self._inflater.unused_data
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS | 16)
            self._member_started = False
        else:
            self._pending = self._inflater.unconsumed_tail
        self._consumed += before - len(self._pending)
        self._produced += len(out)
        self._check_bomb()
        return out

    def _check_bomb(self) -> None:
        if self._produced > self._max_bytes:
            raise InputError(
                f"decompresses to more than {format_size(self._max_bytes)}, the cap for one file "
                f"(setting max_file_bytes); reading stopped there"
            )
        if self._produced > RATIO_GRACE_BYTES and self._produced > self._max_ratio * max(
            self._consumed, 1
        ):
            raise InputError(
                f"looks like a decompression bomb: it expands more than {self._max_ratio} times "
                f"(setting max_compression_ratio); reading stopped after {format_size(self._produced)}"
            )


def read_head(raw: BinaryIO, size: int = HEAD) -> tuple[bytes, bool, BinaryIO]:
    """Read up to `size` bytes: (them, whether the stream ended, a stream from the start)."""
    parts: list[bytes] = []
    got = 0
    at_end = False
    while got < size:
        data = raw.read(size - got)
        if not data:
            at_end = True
            break
        parts.append(data)
        got += len(data)
    head = b"".join(parts)
    return head, at_end, PrefixedStream(head, raw)


def read_capped(stream: BinaryIO, cap: int) -> bytes | None:
    """Read a whole item of at most `cap` bytes in chunks; None as soon as it proves larger."""
    parts: list[bytes] = []
    got = 0
    while True:
        data = stream.read(min(CHUNK, cap + 1 - got))
        if not data:
            return b"".join(parts)
        parts.append(data)
        got += len(data)
        if got > cap:
            return None
