"""Ingest: files, folders, globs and stdin in; a RawDoc per article or a Failure per bad input out."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import BinaryIO

from ..config import Settings
from ..errors import InputError
from ..model.article import Failure, RawDoc
from .feeds import read_feed
from .jsonish import read_json, read_jsonl
from .plain import read_html, read_text
from .sources import FORMATS, STDIN_ORIGIN, Opened, Source, expand_paths, open_source
from .warc import read_warc

Reader = Callable[[Opened, Settings], Iterator[RawDoc | Failure]]

READERS: dict[str, Reader] = {
    "text": read_text,
    "html": read_html,
    "jsonl": read_jsonl,
    "json": read_json,
    "feed": read_feed,
    "warc": read_warc,
}

__all__ = ["FORMATS", "READERS", "iter_inputs"]


def iter_inputs(
    paths: list[str], settings: Settings, stdin: BinaryIO | None = None, stdin_label: str = STDIN_ORIGIN
) -> Iterator[RawDoc | Failure]:
    """One RawDoc per article found, one Failure per input (or part of one) that cannot be read.

    Paths are files, folders (recursive, hidden entries skipped), glob patterns, or "-" for
    stdin (read from `stdin`, else sys.stdin). Bad input never raises; the run goes on.
    """
    for item in expand_paths(paths, stdin_label):
        if isinstance(item, Failure):
            yield item
        else:
            yield from _read_source(item, settings, stdin)


def _read_source(
    source: Source, settings: Settings, stdin: BinaryIO | None
) -> Iterator[RawDoc | Failure]:
    try:
        with open_source(source, settings, stdin) as opened:
            yield from READERS[opened.fmt](opened, settings)
    except InputError as e:
        yield Failure(source.origin, f"{source.subject} {e.reason}")
    except OSError as e:
        yield Failure(source.origin, f"{source.subject} cannot be read ({e.strerror or e})")
