"""Typed records that pass between the stages of tidings (ingest -> extract -> store -> export)."""
from __future__ import annotations

from dataclasses import dataclass, field

# Precision words for a publication date. A null date carries "unknown: <why>".
PRECISIONS = ("datetime", "day", "month", "year", "unknown")


@dataclass(frozen=True, slots=True)
class RawDoc:
    """One input item as a reader found it, before any cleaning.

    origin  -- where it came from: a path, "path#L12" (JSON line), "path#item3" (feed item),
               a URL (WARC record, JSON url field) or "<stdin>".
    content -- decoded text; HTML markup when kind == "html".
    kind    -- "text" (a plain-text dump, or a JSON/feed body that is already text) or "html".
    fields  -- metadata the container itself gave: any of title, url, published, outlet,
               author, language (all strings). Readers never guess these.
    """

    origin: str
    content: str
    kind: str = "text"
    fields: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that was not ingested, and why, in words a person understands."""

    origin: str
    error: str


@dataclass(slots=True)
class Article:
    """A clean article: body text without debris, plus what we know about it."""

    id: str                     # sha256 hex of the normalised body (see extract.article_id)
    origin: str                 # first origin that produced it
    body: str                   # clean text, paragraphs separated by one blank line
    title: str | None = None
    outlet: str | None = None   # publisher, e.g. "WION", "News Mania"
    author: str | None = None
    published: str | None = None  # ISO 8601 date ("2021-10-03") or datetime with offset
    published_precision: str = "unknown: no date found"  # a word of PRECISIONS, then ": why" when useful
    dateline: str | None = None   # place named at the head of the story, e.g. "Islamabad"
    wire: str | None = None       # agency credited, e.g. "ANI", "Reuters"
    language: str | None = None   # ISO 639-1
    url: str | None = None
    origins: list[str] = field(default_factory=list)
    near_duplicate_of: str | None = None
    cluster_id: str | None = None
