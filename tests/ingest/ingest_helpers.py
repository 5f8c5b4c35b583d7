"""Shared helpers for the ingest tests: run iter_inputs, split its output, write fixtures."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tidings.config import Settings
from tidings.ingest import iter_inputs
from tidings.model.article import Failure, RawDoc

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


def make_warc(records: list[tuple], gzip: bool) -> bytes:
    """records: (kind, uri, status, content type, body bytes)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip)
    writer.write_record(writer.create_warcinfo_record("crawl.warc", {"software": "tidings tests"}))
    for kind, uri, status, content_type, body in records:
        http = None
        if kind in ("response", "request"):
            first = (
                f"{status} {'OK' if status == 200 else 'Not Found'}"
                if kind == "response"
                else "GET / HTTP/1.1"
            )
            headers = (
                [("Content-Type", content_type)]
                if kind == "response"
                else [("Host", "example.org")]
            )
            http = StatusAndHeaders(
                first, headers, protocol="HTTP/1.1", is_http_request=kind == "request"
            )
        writer.write_record(
            writer.create_warc_record(uri, kind, payload=io.BytesIO(body), http_headers=http)
        )
    return out.getvalue()
