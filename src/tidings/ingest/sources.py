"""Where inputs come from: paths, folders, globs and stdin, opened as capped byte streams."""

from __future__ import annotations

import glob
import io
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..config import Settings
from ..errors import InputError
from ..model.article import Failure
from .decode import bom_encoding, check_head
from .streams import CHUNK, GZIP_MAGIC, CappedStream, GzipStream, read_head

STDIN = "-"
STDIN_ORIGIN = "<stdin>"

# File name extension -> reader. A trailing .gz is removed first (name.jsonl.gz reads as jsonl).
FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".rdf": "feed",
    ".warc": "warc",
}
_GLOB_CHARS = re.compile(r"[*?\[]")
_FIRST_ELEMENT = re.compile(r"<([A-Za-z][\w:.-]*)")
FEED_ROOTS = {"rss", "feed", "rdf:rdf", "rdf"}


@dataclass(frozen=True, slots=True)
class Source:
    """One input to open: a file (path) or stdin (path None); fmt None means sniff the content."""

    origin: str
    path: Path | None
    fmt: str | None

    @property
    def subject(self) -> str:
        """How a message names this input: "the file" or "standard input"."""
        return "standard input" if self.path is None else "the file"


@dataclass(frozen=True, slots=True)
class Opened:
    """An input opened for a reader: a buffered, capped, already inflated byte stream."""

    origin: str
    stream: io.BufferedReader
    fmt: str
    size: int | None  # bytes on disk when the content is not compressed, else None


def format_for_name(name: str) -> str | None:
    """The reader for a file name, or None when tidings does not read that extension."""
    lower = name.lower().removesuffix(".gz")
    return FORMATS.get(os.path.splitext(lower)[1])


def expand_paths(paths: Iterable[str], stdin_label: str = STDIN_ORIGIN) -> Iterator[Source | Failure]:
    """Turn command-line inputs into Sources, in the order given; folders in sorted order.
    stdin_label names what "-" reads (an HTTP request, say), so its origins say where they came from."""
    seen: set[str] = set()
    for given in paths:
        if given == STDIN:
            yield Source(stdin_label, None, None)
        elif os.path.isdir(given):
            yield from _walk(given, seen)
        elif os.path.exists(given):
            yield from _explicit_file(given, seen)
        elif _GLOB_CHARS.search(given):
            yield from _expand_glob(given, seen)
        else:
            yield Failure(given, "no such file or folder")


def _explicit_file(given: str, seen: set[str]) -> Iterator[Source | Failure]:
    fmt = format_for_name(given)
    if fmt is None:
        ext = os.path.splitext(given)[1] or "no extension"
        known = ", ".join(sorted(FORMATS))
        yield Failure(
            given,
            f"the file has an extension tidings does not read ({ext}); it reads {known} and .gz of those",
        )
        return
    if _first_time(given, seen):
        yield Source(given, Path(given), fmt)


# Project files that sit beside articles in a folder; read only when named explicitly.
FOLDER_SKIP = ("readme", "changelog", "license", "licence", "contributing")


def _skipped_in_walk(name: str) -> bool:
    return name.startswith(".") or name.lower().split(".", 1)[0] in FOLDER_SKIP or format_for_name(name) is None


def _walk(root: str, seen: set[str]) -> Iterator[Source]:
    found: list[tuple[tuple[str, ...], str]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if _skipped_in_walk(name):
                continue
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                found.append((Path(os.path.relpath(path, root)).parts, path))
    for parts, path in sorted(found):
        origin = os.path.join(*parts) if os.path.normpath(root) == "." else path
        if _first_time(path, seen):
            yield Source(origin, Path(path), format_for_name(path))


def _expand_glob(pattern: str, seen: set[str]) -> Iterator[Source | Failure]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Failure(pattern, "the pattern matches no files")
        return
    for match in matches:
        if os.path.isdir(match):
            yield from _walk(match, seen)
        elif format_for_name(match) is not None and _first_time(match, seen):
            yield Source(match, Path(match), format_for_name(match))


def _first_time(path: str, seen: set[str]) -> bool:
    key = os.path.realpath(path)
    if key in seen:
        return False
    seen.add(key)
    return True


@contextmanager
def open_source(
    source: Source, settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Opened]:
    """Open a Source: inflate gzip (by name or magic), cap the size, refuse empty or binary input."""
    with ExitStack() as stack:
        if source.path is None:
            raw: BinaryIO = stdin if stdin is not None else sys.stdin.buffer
            size = None
        else:
            raw = stack.enter_context(open(source.path, "rb"))
            size = os.fstat(raw.fileno()).st_size
        head, at_end, stream = read_head(raw)
        named_gz = source.path is not None and source.path.name.lower().endswith(".gz")
        if named_gz and head and not head.startswith(GZIP_MAGIC):
            raise InputError("is named .gz but is not a gzip archive")
        if head.startswith(GZIP_MAGIC):
            inflated = GzipStream(stream, settings.max_file_bytes, settings.max_compression_ratio)
            head, at_end, stream = read_head(inflated)
            size = None
        else:
            stream = CappedStream(stream, settings.max_file_bytes)
        fmt = source.fmt or sniff_format(head)
        # A WARC holds images and other payloads between its headers: not a sign of a binary file.
        check_head(head, at_end, binary=not head.startswith(b"WARC/"))
        yield Opened(source.origin, io.BufferedReader(stream, CHUNK), fmt, size)


def sniff_format(head: bytes) -> str:
    """Guess the reader from the first bytes of an input that has no file name (stdin)."""
    found = bom_encoding(head)
    text = head[found[1] :].decode(found[0], "ignore") if found else head.decode("utf-8", "ignore")
    text = text.lstrip()
    if text.startswith("WARC/"):
        return "warc"
    if text.startswith("<"):
        match = _FIRST_ELEMENT.search(text)
        root = match.group(1).lower() if match else ""
        if root in FEED_ROOTS or (text.startswith("<?xml") and root not in ("html", "")):
            return "feed"
        return "html"
    if text.startswith("["):
        return "json"
    if text.startswith("{"):
        first, newline, _ = text.partition("\n")
        return "jsonl" if not newline or _is_json_object(first) else "json"
    return "text"


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False
