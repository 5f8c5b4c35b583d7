"""Reader for news feeds (RSS 2.0, Atom, RDF): one article per item, parsed without entities."""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import Element, ParseError, tostring

import defusedxml
import defusedxml.ElementTree as safe_xml

from ..config import Settings
from ..errors import InputError
from ..model.article import Failure, RawDoc
from .decode import normalise_text
from .markup import check_html_depth, has_markup
from .sources import Opened
from .streams import over_item_cap

CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
FEED_ROOTS = {"rss", "feed", "RDF"}
ITEMS = {"item", "entry"}
CHANNELS = {"channel", "feed"}
# Item children, best first, for each part of a RawDoc (names without namespace; content:encoded is "encoded").
BODY_TAGS = ("encoded", "content", "description", "summary")
DATE_TAGS = ("pubDate", "published", "date", "updated")
AUTHOR_TAGS = ("author", "creator")
# Nesting allowed in a feed file: the feed's own levels (root, channel, item, content) plus
# twice the HTML cap, so an item nested just past max_html_depth fails alone while a file
# nested without end stops early, before it fills memory.
FEED_LEVELS = 4
FEED_DEPTH_FACTOR = 2


def read_feed(opened: Opened, settings: Settings) -> Iterator[RawDoc | Failure]:
    """Each item of the feed is one article; no link in it is followed."""
    channel: dict[str, str] = {}
    stack: list[Element] = []
    open_items = 0
    count = 0
    max_depth = FEED_DEPTH_FACTOR * settings.max_html_depth + FEED_LEVELS
    try:
        for event, elem in safe_xml.iterparse(opened.stream, events=("start", "end")):
            name = _local(elem.tag)
            if event == "start":
                _check_start(name, stack, max_depth)
                stack.append(elem)
                open_items += name in ITEMS
                continue
            stack.pop()
            if name in ITEMS:
                open_items -= 1
                count += 1
                yield _item_doc(elem, f"{opened.origin}#item{count}", count, channel, settings)
            elif open_items:
                continue  # part of an item: kept until the item ends
            elif stack and _local(stack[-1].tag) in CHANNELS and name in ("title", "language"):
                text = (elem.text or "").strip()
                if text:
                    channel.setdefault("outlet" if name == "title" else "language", text)
            if stack:  # drop what was read, so memory stays flat over a long feed
                elem.clear()
                stack[-1].remove(elem)
    except defusedxml.EntitiesForbidden as e:
        raise InputError(
            f"uses XML entity declarations (<!ENTITY {e.name} ...>), which tidings refuses for safety: "
            f"they can expand into gigabytes of text or read files on this computer"
        ) from e
    except defusedxml.DefusedXmlException as e:
        raise InputError(
            f"uses XML features tidings refuses for safety ({type(e).__name__})"
        ) from e
    except LookupError as e:
        raise InputError(f"declares an XML encoding tidings does not know ({e})") from e
    except ParseError as e:
        line, column = e.position
        problem = _expat_problem(str(e))
        read = f"; the {count} items before that point were read" if count else ""
        raise InputError(
            f"is not well-formed XML ({problem} at line {line}, column {column + 1}){read}"
        ) from e
    if count == 0:
        raise InputError("is a feed with no items")


def _expat_problem(message: str) -> str:
    """expat's words for an error, without repeats: "not well-formed (invalid token)" -> "invalid token"."""
    problem = message.split(":")[0]
    if problem.startswith("not well-formed (") and problem.endswith(")"):
        problem = problem[len("not well-formed (") : -1]
    return problem


def _check_start(name: str, stack: list[Element], max_depth: int) -> None:
    if not stack and name not in FEED_ROOTS:
        raise InputError(f"is XML but not an RSS, Atom or RDF feed (its root element is <{name}>)")
    if len(stack) >= max_depth:
        raise InputError(
            f"nests XML elements more than {max_depth} deep (setting max_html_depth); "
            f"feeds like that are broken or hostile, so tidings does not read them"
        )


def _item_doc(
    item: Element, origin: str, n: int, channel: dict[str, str], settings: Settings
) -> RawDoc | Failure:
    body_elem = _first(item, BODY_TAGS, usable=_has_body)
    if body_elem is None:
        return Failure(origin, f"item {n} has no content, description or summary to read")
    if _depth(body_elem) > settings.max_html_depth:
        return Failure(
            origin,
            f"item {n} nests XHTML elements more than {settings.max_html_depth} deep "
            f"(setting max_html_depth); tidings does not read such content",
        )
    body = normalise_text(_body_text(body_elem)).strip()
    if len(body.encode("utf-8")) > settings.max_item_bytes:
        return Failure(
            origin,
            f"item {n} is {over_item_cap(settings.max_item_bytes)}",
        )
    kind = "html" if has_markup(body) else "text"
    if kind == "html":
        try:
            check_html_depth(body, settings.max_html_depth)
        except InputError as e:
            return Failure(origin, f"item {n} {e.reason}")
    return RawDoc(origin, body, kind, _item_fields(item, channel))


def _item_fields(item: Element, channel: dict[str, str]) -> dict[str, str]:
    fields = dict(channel)
    for name, value in (
        ("title", _text_of(_first(item, ("title",)))),
        ("url", _link(item)),
        ("published", _text_of(_first(item, DATE_TAGS))),
        ("author", _author(item)),
    ):
        if value:
            fields[name] = value
    return fields


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _first(item: Element, names: tuple[str, ...], usable=None) -> Element | None:
    """The first child of `item` with a name from `names`, trying the names in order."""
    children = [(_local(c.tag), c) for c in item]
    for name in names:
        for local, child in children:
            if local == name and (usable is None or usable(child)):
                return child
    return None


def _has_body(elem: Element) -> bool:
    if elem.get("src"):  # Atom content stored elsewhere: a link, and tidings follows no links
        return False
    return bool((elem.text and elem.text.strip()) or len(elem))


def _body_text(elem: Element) -> str:
    if len(elem) == 0:
        return elem.text or ""
    for node in elem.iter():  # inline XHTML (Atom type="xhtml"): serialise it without namespaces
        node.tag = _local(node.tag)
    inner = "".join(tostring(child, encoding="unicode") for child in elem)
    return (elem.text or "") + inner


def _depth(elem: Element) -> int:
    """How deep elements nest under elem, counted without recursion."""
    deepest, todo = 0, [(elem, 0)]
    while todo:
        node, depth = todo.pop()
        deepest = max(deepest, depth)
        todo.extend((child, depth + 1) for child in node)
    return deepest


def _text_of(elem: Element | None) -> str | None:
    if elem is None:
        return None
    text = "".join(elem.itertext()).strip()
    return text or None


def _link(item: Element) -> str | None:
    for child in item:
        if _local(child.tag) != "link":
            continue
        href = child.get("href")
        if href and child.get("rel", "alternate") == "alternate":
            return href.strip()
        if not href and child.text and child.text.strip():
            return child.text.strip()
    return None


def _author(item: Element) -> str | None:
    elem = _first(item, AUTHOR_TAGS)
    if elem is None:
        return None
    name = _first(elem, ("name",))  # Atom: <author><name>...</name></author>
    return _text_of(name if name is not None else elem)
