"""Readers for JSON Lines (one article per line) and JSON (one object or a list), both streamed."""

from __future__ import annotations

import codecs
import io
import json
from collections.abc import Iterator
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..model.article import Failure, RawDoc
from .decode import bom_encoding, decode_bytes, normalise_text
from .markup import check_html_depth, looks_like_html
from .sources import Opened
from .streams import CHUNK, over_item_cap

BODY_KEYS = ("text", "body")
# Metadata field -> keys that carry it in JSON exports we meet (first one present wins).
FIELD_KEYS = {
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "pubdate", "pubDate"),
    "outlet": ("outlet", "source", "site"),
    "author": ("author", "authors"),
    "language": ("language", "lang"),
}
MAX_KEYS_NAMED = 12  # keys listed in a "has no text field" message


def read_jsonl(opened: Opened, settings: Settings) -> Iterator[RawDoc | Failure]:
    """One JSON object per line; a bad line is a Failure of its own and the other lines go in."""
    cap = settings.max_item_bytes
    for n, line in _numbered_lines(opened.stream, cap):
        origin = f"{opened.origin}#L{n}"
        if line is None:
            yield Failure(
                origin,
                f"line {n} is {over_item_cap(cap)}; the other lines of the file were read",
            )
            continue
        if not line.strip():
            continue
        try:
            text = line if isinstance(line, str) else _decode_line(line)
            obj = json.loads(text.rstrip("\r\n"))
        except InputError as e:
            yield Failure(origin, f"line {n} {e.reason}; the other lines of the file were read")
            continue
        except json.JSONDecodeError as e:
            yield Failure(
                origin,
                f"line {n} is not valid JSON ({e.msg.removesuffix(' at')} at column {e.colno}); "
                f"the other lines of the file were read",
            )
            continue
        yield doc_from_object(obj, origin, f"line {n}", settings)


def _numbered_lines(
    stream: io.BufferedReader, cap: int
) -> Iterator[tuple[int, bytes | str | None]]:
    """(line number, line) pairs read one at a time; None for a line longer than cap (skipped unread)."""
    found = bom_encoding(stream.peek(4)[:4])
    if found and found[0] != "utf-8":  # UTF-16/32 JSON Lines: a newline is not a single byte
        text_stream = io.TextIOWrapper(stream, encoding=found[0], errors="replace")
        try:
            yield from _split_lines(text_stream.readline, "\n", cap)
        finally:
            text_stream.detach()  # leave the byte stream open for its owner
    else:
        yield from _split_lines(stream.readline, b"\n", cap)


def _split_lines(readline, newline, cap: int) -> Iterator[tuple[int, bytes | str | None]]:
    n = 0
    while True:
        line = readline(cap + 1)
        if not line:
            return
        n += 1
        if len(line) > cap and not line.endswith(newline):
            while line and not line.endswith(newline):  # skip the rest of the long line
                line = readline(CHUNK)
            yield n, None
            continue
        if n == 1:
            line = (
                line.removeprefix(codecs.BOM_UTF8)
                if isinstance(line, bytes)
                else line.removeprefix("\ufeff")
            )
        yield n, line


def _decode_line(line: bytes) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(line)


def read_json(opened: Opened, settings: Settings) -> Iterator[RawDoc | Failure]:
    """A JSON document: one object, a list of objects, or objects one after another."""
    values = _JsonValues(opened.stream, settings.max_item_bytes)
    held: tuple[int, Any] | None = None
    try:
        for n, value in values:
            if held is not None:
                yield _item_doc(opened.origin, held, settings)
            held = (n, value)
    except _BadJson as e:
        if held is not None:
            yield _item_doc(opened.origin, held, settings)
        if not values.in_list and values.count == 0:
            yield Failure(opened.origin, f"the file {e.reason}")
        else:
            n = values.count + 1
            yield Failure(f"{opened.origin}#item{n}", f"item {n} {e.reason}")
        return
    if held is None:
        yield Failure(opened.origin, "the file holds an empty JSON list, so no article")
        return
    if values.in_list or held[0] > 1:
        yield _item_doc(opened.origin, held, settings)
    else:
        yield doc_from_object(held[1], opened.origin, "the file", settings)


def _item_doc(origin: str, held: tuple[int, Any], settings: Settings) -> RawDoc | Failure:
    n, value = held
    return doc_from_object(value, f"{origin}#item{n}", f"item {n}", settings)


class _BadJson(InputError):
    """The JSON text itself is broken or too large at one value."""


class _JsonValues:
    """Iterates the top-level values of a JSON stream (the members of a top-level list, or
    values one after another) holding at most one value's text, never the whole file.

    Raises _BadJson for text that is not JSON or a value above the item cap; items before
    it have been given out, and `count` says how many.
    """

    def __init__(self, stream: io.BufferedReader, cap: int):
        self._stream = stream
        self._cap = cap
        self._decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self._buf = ""
        self._pos = 0
        self._lines_before = 0  # newlines in text already dropped from the buffer
        self._eof = False
        self.in_list = False
        self.count = 0

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        if self._peek() == "[":
            self.in_list = True
            self._pos += 1
            if self._peek() == "]":
                self._pos += 1
                self._expect_end()
                return
        while self._peek():
            yield self._value()
            char = self._peek()
            if self.in_list:
                if char == "]":
                    self._pos += 1
                    self._expect_end()
                    return
                if char != ",":
                    self._fail("Expecting ',' delimiter" if char else "the list is never closed")
                self._pos += 1

    def _value(self) -> tuple[int, Any]:
        decoder = json.JSONDecoder()
        while True:
            try:
                value, end = decoder.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as e:
                if self._eof or not _may_be_cut(e, len(self._buf)):
                    self._fail(e.msg.removesuffix(" at"), e.pos)
                self._grow()
                continue
            if end == len(self._buf) and not self._eof:  # a number may go on in the next chunk
                self._grow()
                continue
            self._pos = end
            self.count += 1
            return self.count, value

    def _grow(self) -> None:
        if len(self._buf) - self._pos > self._cap:
            raise _BadJson(
                f"is {over_item_cap(self._cap)}; the rest of the file was not read"
            )
        self._lines_before += self._buf.count("\n", 0, self._pos)
        self._buf = self._buf[self._pos :]
        self._pos = 0
        data = self._stream.read1(
            max(CHUNK, len(self._buf))
        )  # one raw read: data before a cap is kept
        try:
            self._buf += self._decoder.decode(data, final=not data)
        except UnicodeDecodeError as e:
            raise _BadJson(
                f"is not UTF-8 text ({e.reason}); JSON files must be UTF-8, "
                f"the rest of the file was not read"
            ) from e
        self._eof = not data

    def _peek(self) -> str:
        """The next character that is not whitespace ("" at the end), without taking it."""
        while True:
            while self._pos < len(self._buf) and self._buf[self._pos] in " \t\r\n":
                self._pos += 1
            if self._pos < len(self._buf) or self._eof:
                return self._buf[self._pos : self._pos + 1]
            self._grow()

    def _expect_end(self) -> None:
        if self._peek():
            self._fail("extra data after the end of the list")

    def _fail(self, msg: str, pos: int | None = None) -> None:
        pos = self._pos if pos is None else pos
        line = self._lines_before + self._buf.count("\n", 0, pos) + 1
        column = pos - (self._buf.rfind("\n", 0, pos) + 1) + 1
        raise _BadJson(
            f"is not valid JSON ({msg} at line {line}, column {column}); "
            f"the items before it were read, the rest of the file was not"
        )


def _may_be_cut(error: json.JSONDecodeError, buffered: int) -> bool:
    """True when a decoding error may only mean the value goes on past the text read so far."""
    # 8 characters: the longest token a chunk boundary can cut ("\\uXXXX", "false") plus slack.
    return error.pos >= buffered - 8 or error.msg.startswith("Unterminated string")


def doc_from_object(obj: Any, origin: str, subject: str, settings: Settings) -> RawDoc | Failure:
    """One JSON object to a RawDoc: body from "text" or "body", metadata from known keys."""
    if not isinstance(obj, dict):
        return Failure(
            origin,
            f'{subject} is a JSON {_json_type(obj)}, not an object with a "text" or "body" field',
        )
    present = [k for k in BODY_KEYS if k in obj]
    if not present:
        keys = ", ".join(map(str, list(obj)[:MAX_KEYS_NAMED])) or "none"
        more = ", ..." if len(obj) > MAX_KEYS_NAMED else ""
        return Failure(
            origin, f'{subject} has no "text" or "body" field (its keys are: {keys}{more})'
        )
    body = next((obj[k] for k in present if isinstance(obj[k], str) and obj[k].strip()), None)
    if body is None:
        key = present[0]
        if not isinstance(obj[key], str):
            return Failure(
                origin,
                f'{subject} has a "{key}" field that is a JSON {_json_type(obj[key])}, not text',
            )
        return Failure(origin, f'{subject} has an empty "{key}" field')
    if len(body) > settings.max_item_bytes:
        return Failure(
            origin,
            f"{subject} has a body of {over_item_cap(settings.max_item_bytes)}",
        )
    body = normalise_text(body)
    kind = "html" if looks_like_html(body) else "text"
    if kind == "html":
        try:
            check_html_depth(body, settings.max_html_depth)
        except InputError as e:
            return Failure(origin, f"{subject} {e.reason}")
    return RawDoc(origin, body, kind, metadata_fields(obj))


def metadata_fields(obj: dict[str, Any]) -> dict[str, str]:
    """The metadata fields a JSON object carries, each as a string."""
    fields: dict[str, str] = {}
    for name, keys in FIELD_KEYS.items():
        for key in keys:
            value = _as_text(obj.get(key))
            if value:
                fields[name] = value
                break
    return fields


def _as_text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, dict):
        return next(
            (
                v.strip()
                for k in ("name", "title", "url")
                if isinstance(v := value.get(k), str) and v.strip()
            ),
            None,
        )
    if isinstance(value, list):
        parts = [t for t in (_as_text(v) for v in value) if t]
        return ", ".join(parts) or None
    return None


def _json_type(value: Any) -> str:
    names = {
        str: "string",
        list: "list",
        dict: "object",
        bool: "true/false value",
        type(None): "null",
    }
    return names.get(type(value), "number")
