"""POST /api/ingest: articles as JSON through the same pipeline and bad-input policy as `tidings ingest`."""
from __future__ import annotations

import hmac
import json
import threading
from dataclasses import replace
from datetime import UTC, datetime

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from ..api import open as open_corpus
from .errors import ApiError

# Largest request body accepted: a generous batch of articles (each is also held to the
# max_item_bytes setting by the JSON Lines reader); the body is read in chunks up to this.
MAX_INGEST_BYTES = 16 << 20
MAX_INGEST_ITEMS = 1000  # articles per request; more should be split into several requests

_write_lock = threading.Lock()  # one ingest at a time per server: SQLite has one writer anyway


def check_token(request: Request) -> None:
    """Refuse unless the server has a token and the request carries it as `Authorization: Bearer`."""
    expected = request.app.state.token
    if not expected:
        raise ApiError(403, "read_only", "This server is read-only. Start `tidings serve` with --token "
                                         "to accept POST /api/ingest.")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected.encode()):
        raise ApiError(401, "unauthorized", "Missing or wrong token: send `Authorization: Bearer TOKEN` "
                                            "with the token the server was started with.")


async def _read_capped(request: Request) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_INGEST_BYTES:
        raise _too_large()
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_INGEST_BYTES:
            raise _too_large()
        chunks.append(chunk)
    return b"".join(chunks)


def _too_large() -> ApiError:
    return ApiError(413, "too_large", f"The request body is over {MAX_INGEST_BYTES >> 20} MiB; "
                                      "send the articles in several requests.")


def article_items(body: bytes) -> list:
    """The request's article objects (each is then checked by the JSON Lines reader, as a file's lines are)."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ApiError(400, "bad_json", f"The request body is not UTF-8 JSON ({e}). Send an object "
                                        'like {"text": "..."} or a list of them.') from e
    items = data if isinstance(data, list) else [data]
    if not items:
        raise ApiError(400, "empty", "The request holds an empty list: no article to ingest.")
    if len(items) > MAX_INGEST_ITEMS:
        raise ApiError(413, "too_many", f"{len(items)} articles in one request; at most "
                                        f"{MAX_INGEST_ITEMS}. Split them into several requests.")
    return items


def _run(path: str, settings, items: list):
    # A request's articles run in this process: a pool forked from a server's threads could
    # inherit a lock held by another thread.
    with _write_lock, open_corpus(path, replace(settings, workers=1)) as c:
        label = f"<api {datetime.now(UTC).strftime('%Y-%m-%dT%H:%M:%S.%fZ')}>"
        return c.ingest_records(items, label=label)


def report_record(report) -> dict:
    return {"ok": report.ok, "new": report.new, "known": report.known, "failed": report.failed,
            "failures": [{"origin": f.origin, "error": f.error} for f in report.failures],
            "analysed": report.analysed}


async def ingest_request(request: Request) -> dict:
    check_token(request)
    items = article_items(await _read_capped(request))
    state = request.app.state
    report = await run_in_threadpool(_run, state.db_path, state.settings, items)
    return report_record(report)
