"""HTML checks for ingest: does a text carry markup, and is its element nesting within the cap."""

from __future__ import annotations

import re

from lxml import etree

from ..errors import InputError

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>")
FEED_CHUNK = 64 * 1024  # characters handed to the parser at a time, so a deep page stops early


def has_markup(text: str) -> bool:
    """True when the text holds at least one HTML tag (a feed body such as "<p>Talks ...</p>")."""
    return _TAG.search(text) is not None


def looks_like_html(text: str) -> bool:
    """True when the text starts with a tag and holds tags (a JSON body that is a page)."""
    return text.lstrip().startswith("<") and has_markup(text)


class _TooDeep(Exception):
    pass


class _DepthCounter:
    """An lxml parser target that counts open elements and builds no tree (no stack to exhaust)."""

    def __init__(self, max_depth: int):
        self.max_depth = max_depth
        self.depth = 0

    def start(self, tag, attrib) -> None:
        self.depth += 1
        if self.depth > self.max_depth:
            raise _TooDeep

    def end(self, tag) -> None:
        self.depth -= 1

    def data(self, data) -> None:
        pass

    def close(self) -> None:
        return None


def check_html_depth(html: str, max_depth: int) -> None:
    """Raise InputError when elements nest deeper than max_depth (setting max_html_depth).

    libxml2's HTML parser applies the implied closes of real browsers (an unclosed <p> or <li>
    does not deepen the page), and the target above stops the parse at the first element too deep.
    """
    parser = etree.HTMLParser(target=_DepthCounter(max_depth))
    try:
        for start in range(0, len(html), FEED_CHUNK):
            parser.feed(html[start : start + FEED_CHUNK])
        parser.close()
    except _TooDeep:
        raise InputError(
            f"nests HTML elements more than {max_depth} deep (setting max_html_depth); "
            f"pages like that are broken or hostile, so tidings does not read them"
        ) from None
    except etree.ParserError:
        return  # nothing parseable (e.g. no elements at all): depth is not the problem
