"""Readers for one-article files: a plain-text dump (.txt, .md) or a web page (.html)."""

from __future__ import annotations

from collections.abc import Iterator

from ..config import Settings
from ..errors import InputError
from ..model.article import Failure, RawDoc
from .decode import decode_bytes
from .markup import check_html_depth
from .sources import Opened
from .streams import read_capped, too_big


def read_text(opened: Opened, settings: Settings) -> Iterator[RawDoc | Failure]:
    """The whole file is one article in plain text."""
    yield RawDoc(opened.origin, _read_whole(opened, settings, html=False), "text", {})


def read_html(opened: Opened, settings: Settings) -> Iterator[RawDoc | Failure]:
    """The whole file is one web page."""
    text = _read_whole(opened, settings, html=True)
    check_html_depth(text, settings.max_html_depth)
    yield RawDoc(opened.origin, text, "html", {})


def _read_whole(opened: Opened, settings: Settings, *, html: bool) -> str:
    data = read_capped(opened.stream, settings.max_item_bytes)
    if data is None:
        raise InputError(
            too_big(opened.size, settings.max_item_bytes, "one article", "max_item_bytes")
        )
    return decode_bytes(data, html=html)
