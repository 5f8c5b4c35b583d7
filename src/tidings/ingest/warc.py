"""Reader for web archives (WARC): every HTML page fetched with status 200 is one article."""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParserException

from ..config import Settings
from ..errors import InputError
from ..model.article import Failure, RawDoc
from .decode import decode_bytes
from .markup import check_html_depth
from .sources import Opened
from .streams import read_capped, too_big

# What warcio raises on a corrupt archive: its own error, and plain Python errors from
# records whose headers are missing or garbled (seen by corrupting test archives byte by byte).
WARCIO_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    ValueError,
    AttributeError,
    KeyError,
    IndexError,
    TypeError,
    EOFError,
    zlib.error,
)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def read_warc(opened: Opened, settings: Settings) -> Iterator[RawDoc | Failure]:
    """Response records with an HTML page and status 200; every other record is passed over."""
    if not opened.stream.peek(5).startswith(b"WARC/"):
        raise InputError('is not a WARC file (a WARC file begins with "WARC/1.0" or "WARC/1.1")')
    records = iter(_QuietArchiveIterator(opened.stream))
    count = 0
    while True:
        try:
            record = next(records, None)
        except WARCIO_ERRORS as e:
            where = f"after {count} records" if count else "at its first record"
            raise InputError(
                f"stops being a readable WARC file {where} ({_describe(e)}); "
                f"the records before were read"
            ) from e
        if record is None:
            return
        count += 1
        if _is_html_page(record):
            yield _page_doc(record, f"{opened.origin}#record{count}", settings)


class _QuietArchiveIterator(ArchiveIterator):
    """warcio's iterator without its stderr note on a bad Content-Length (it recovers anyway)."""

    INC_RECORD = ""


def _describe(error: Exception) -> str:
    return str(error) or type(error).__name__


def _is_html_page(record) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    if record.http_headers.get_statuscode() != "200":
        return False
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    return "html" in content_type


def _page_doc(record, fallback_origin: str, settings: Settings) -> RawDoc | Failure:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    origin = uri or fallback_origin
    try:
        data = _read_payload(record, settings.max_item_bytes)
        if data is None:
            raise InputError(
                too_big(None, settings.max_item_bytes, "one article", "max_item_bytes")
            )
        match = _CHARSET.search(record.http_headers.get_header("Content-Type") or "")
        text = decode_bytes(data, html=True, declared=match.group(1) if match else None)
        check_html_depth(text, settings.max_html_depth)
    except InputError as e:
        return Failure(origin, f"the page {e.reason}")
    return RawDoc(origin, text, "html", {"url": uri} if uri else {})


def _read_payload(record, cap: int) -> bytes | None:
    try:
        return read_capped(record.content_stream(), cap)
    except WARCIO_ERRORS as e:  # a broken chunked or compressed HTTP body
        raise InputError(f"cannot be read from the archive ({_describe(e)})") from e
