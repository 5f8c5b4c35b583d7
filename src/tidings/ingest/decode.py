"""Bytes to text for ingest: BOMs, UTF-8, declared and detected charsets, binary and blank checks."""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from ..errors import InputError

BOMS = (  # UTF-32 first: its little-endian BOM begins with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"PK\x03\x04", "ZIP archive or Office document"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Microsoft Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"PAR1", "Parquet file"),
    (b"\x7fELF", "program"),
    (b"OggS", "Ogg media file"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

SAMPLE = 8192  # bytes inspected for NUL and control-byte ratios
# Share of NUL and other control bytes (not tab, newline, CR, form feed, ESC) above which
# content is binary. Uniform random bytes have 12.9%; English, French and Russian news text
# in UTF-8, cp1252 and cp1251 has 0%; a text with a few stray NULs has well under 1%.
MAX_CONTROL_SHARE = 0.05
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27)) + b"\x7f"
# Share of NULs on odd (or even) positions that marks UTF-16 text without a BOM; ASCII-range
# text in UTF-16 has a NUL in every other byte.
UTF16_NUL_SHARE = 0.7

# A legacy Western page (cp1252/Latin-1) is accepted without detection when its non-ASCII
# characters are all common Western letters and punctuation and form a minority of its
# letters. charset-normalizer alone takes short English cp1252 text for cp1250 or cp1125
# (checked on single sentences with curly quotes, dashes and accented words).
_WESTERN = set("’‘“”–—…€£¥©®°·•×÷§¶«»¡¿ ") | {chr(c) for c in range(0xC0, 0x100)}
# Non-ASCII share of letters: French/German news 2-8%; Cyrillic bytes read as cp1252 ~100%.
MAX_WESTERN_NON_ASCII_SHARE = 0.3

# Well-formed UTF-8 characters needed per broken byte to read a text as UTF-8 anyway. Real
# cp1252/Latin-1 text has no well-formed multibyte sequences at all (its accented letters are
# single bytes), so even a low bar never takes it for UTF-8.
MIN_UTF8_GOOD_PER_BAD = 4
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
META_WINDOW = 4096  # bytes of an HTML page searched for <meta charset>
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def binary_kind(head: bytes) -> str | None:
    """What binary thing these first bytes are ("PDF document", "binary data"), or None for text."""
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    if head[4:8] == b"ftyp":
        return "MP4 or QuickTime video"
    if bom_encoding(head) or _utf16_without_bom(head):
        return None
    sample = head[:SAMPLE]
    if not sample:
        return None
    controls = len(sample) - len(sample.translate(None, _CONTROL))
    if controls / len(sample) > MAX_CONTROL_SHARE:
        return "binary data"
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    sample = head[:SAMPLE]
    half = len(sample) // 2
    if half < 8:
        return None
    odd_nuls = sample[1::2].count(0)
    even_nuls = sample[0::2].count(0)
    if odd_nuls / half > UTF16_NUL_SHARE and even_nuls / half < 0.05:
        return "utf-16-le"
    if even_nuls / half > UTF16_NUL_SHARE and odd_nuls / half < 0.05:
        return "utf-16-be"
    return None


def check_head(head: bytes, at_end: bool, *, binary: bool = True) -> None:
    """Refuse an input from its first bytes: empty, only whitespace, or (when asked) binary."""
    if not head:
        raise InputError("is empty")
    kind = binary_kind(head) if binary else None
    if kind:
        raise InputError(f"is a binary file ({kind}), not an article")
    if at_end and _is_blank(head):
        raise InputError("contains only whitespace")


def _is_blank(data: bytes) -> bool:
    found = bom_encoding(data)
    if found:
        encoding, skip = found
        return not data[skip:].decode(encoding, errors="replace").strip()
    return not data.strip()


def decode_bytes(data: bytes, *, html: bool = False, declared: str | None = None) -> str:
    """Decode one article's bytes to text with \\n newlines; InputError when it is not usable text.

    Order: byte-order mark, UTF-8 (also with a stray bad byte), the declared charset (HTTP
    header, then <meta> for HTML), cp1252 when plausible, then charset-normalizer detection.
    """
    if not data:
        raise InputError("is empty")
    found = bom_encoding(data)
    if found:
        encoding, skip = found
        text = data[skip:].decode(encoding, errors="replace")
    else:
        kind = binary_kind(data)
        if kind:
            raise InputError(f"is a binary file ({kind}), not an article")
        text = _decode_unmarked(data, html=html, declared=declared)
    text = normalise_text(text)
    if not text.strip():
        raise InputError("contains only whitespace")
    return text


def _decode_unmarked(data: bytes, *, html: bool, declared: str | None) -> str:
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    data = data.replace(b"\x00", b"")  # a few stray NULs in text: drop them
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = _mostly_utf8(data)
    if text is not None:
        return text
    for charset in (declared, meta_charset(data) if html else None):
        text = _try_codec(data, charset)
        if text is not None:
            return text
    text = _try_western(data)
    if text is not None:
        return text
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise InputError("is not text in any encoding tidings can detect")
    return str(best)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a stray bad byte or two (a cut character, one pasted cp1252 quote)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for c in text if ord(c) > 127) - bad
    return text if good >= MIN_UTF8_GOOD_PER_BAD * bad else None


def meta_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a <meta> tag near its top."""
    match = _META_CHARSET.search(data[:META_WINDOW])
    return match.group(1).decode("ascii").lower() if match else None


def _try_codec(data: bytes, charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        codec = codecs.lookup(charset).name
    except LookupError:
        return None
    if codec in ("latin-1", "iso8859-1", "ascii"):
        codec = "cp1252"  # as browsers do: pages labelled Latin-1 or ASCII are cp1252
    if codec.startswith(("utf-16", "utf-32")):
        return None  # a label on bytes without a BOM is wrong more often than right
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _try_western(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii or any(c not in _WESTERN for c in non_ascii):
        return None
    letters = sum(1 for c in text if c.isalpha())
    if sum(1 for c in non_ascii if c.isalpha()) > MAX_WESTERN_NON_ASCII_SHARE * max(letters, 1):
        return None
    return text


def normalise_text(text: str) -> str:
    """\\n for every newline, no NULs, no leading byte-order mark."""
    text = text.removeprefix("\ufeff").replace("\x00", "")
    return _NEWLINES.sub("\n", text)
