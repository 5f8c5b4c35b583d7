"""One RawDoc in, one clean Article out: cleaned text, its own metadata, container metadata on top."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..config import Settings
from ..errors import InputError
from ..geo import Gazetteer
from ..model.article import Article, RawDoc
from .dates import PubDate, parse_date, resolve, unknown
from .metadata import (
    TextMeta,
    detect_language,
    outlet_from_removed,
    read_header,
    read_lead,
    wire_from_removed,
)
from .repeats import drop_repeats, tokens
from .textclean import Removed, drop_debris, normalise_text, paragraphs

if TYPE_CHECKING:
    from .html import HtmlExtract


@dataclass(slots=True)
class CleanText:
    """A cleaned body as paragraphs, what its header and lead said, and what cleaning removed."""

    paragraphs: list[str]
    meta: TextMeta
    removed: list[Removed] = field(default_factory=list)

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(slots=True)
class Extraction:
    """An Article together with the trail of removed text that explains its cleaning."""

    article: Article
    removed: list[Removed]


def article_id(body: str) -> str:
    """sha256 hex of the normalised body: NFKC, casefolded, whitespace collapsed."""
    norm = " ".join(unicodedata.normalize("NFKC", body).casefold().split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def clean_text(text: str, gazetteer: Gazetteer, *, take_title: bool = True, known_title: str | None = None) -> CleanText:
    """Normalise, drop debris, read header and dateline lead, keep one copy of repeated paragraphs."""
    removed: list[Removed] = []
    paras = list(drop_debris(paragraphs(normalise_text(text)), removed))
    if known_title and paras and tokens(paras[0]) == tokens(known_title):
        removed.append(Removed(paras.pop(0), "title repeated in body"))
    meta, paras = read_header(paras, gazetteer, take_title=take_title)
    # Repeats go before the lead is read: a pasted-twice article then compares its two leads
    # as written, and the second copy's headline and byline match what the header held.
    paras = drop_repeats(paras, removed)
    paras = _drop_header_repeats(paras, meta, removed)
    paras = read_lead(paras, meta, gazetteer)
    removed = meta.removed + removed
    meta.wire = meta.wire or wire_from_removed(removed)
    meta.outlet = meta.outlet or outlet_from_removed(removed)
    return CleanText(paras, meta, removed)


def _drop_header_repeats(paras: list[str], meta: TextMeta, removed: list[Removed]) -> list[str]:
    """Drop body paragraphs that repeat a title, byline or timestamp line taken from the header."""
    header = {" ".join(tokens(r.text)) for r in meta.removed if r.reason in _HEADER_REASONS}
    header.discard("")
    kept = []
    for para in paras:
        if " ".join(tokens(para)) in header:
            removed.append(Removed(para, "header repeated in body"))
        else:
            kept.append(para)
    return kept


_HEADER_REASONS = ("title", "byline", "timestamp")


def build_article(raw: RawDoc, settings: Settings, gazetteer: Gazetteer) -> Article:
    """The clean Article for one input; InputError(reason) when it holds no article. The gazetteer
    tells a place-only dateline lead ("KABUL:") from a shouted first word."""
    return extract(raw, settings, gazetteer).article


def extract(raw: RawDoc, settings: Settings, gazetteer: Gazetteer, *, today: date | None = None) -> Extraction:
    """build_article, keeping the removed-text trail; `today` (default: today) bounds an inferred year."""
    page = _html(raw, settings) if raw.kind == "html" else None
    if page is not None:
        clean = clean_text(page.text, gazetteer, take_title=not page.title, known_title=page.title)
    else:
        clean = clean_text(raw.content, gazetteer)
    body = clean.body
    if len(body) < settings.min_body_chars:
        raise InputError(f"has no article text after cleaning ({len(body)} characters left)")
    fields = {k: v.strip() for k, v in raw.fields.items() if isinstance(v, str) and v.strip()}
    meta = clean.meta
    published = _published(fields, page, meta, body, today)

    def pick(name: str, from_text: str | None) -> str | None:
        from_page = getattr(page, name, None) if page is not None else None
        return fields.get(name) or from_page or from_text

    article = Article(
        id=article_id(body),
        origin=raw.origin,
        body=body,
        title=pick("title", meta.title),
        # Wire copy that names no other publisher is the agency's own: the outlet is the wire.
        outlet=outlet_name(pick("outlet", meta.outlet or meta.wire)),
        author=pick("author", meta.author),
        published=published.value,
        published_precision=published.precision,
        dateline=meta.dateline,
        wire=meta.wire,
        language=pick("language", detect_language(body)),
        url=pick("url", None),
        origins=[raw.origin],
    )
    return Extraction(article, clean.removed)


# Feed and site titles carry a tagline or section after a separator: "CANS - Central Asia
# News Service: Top stories", "Pamir Dispatch | Tajikistan and the region".
_OUTLET_TAGLINE = re.compile(r"\s+[-|–—]\s+|:\s+")


def outlet_name(name: str | None) -> str | None:
    """The publisher's own name from a feed or site title: the part before a tagline."""
    if not name:
        return None
    head = _OUTLET_TAGLINE.split(name.strip(), maxsplit=1)[0].strip()
    return head or name.strip()


def _html(raw: RawDoc, settings: Settings) -> HtmlExtract:
    try:
        from .html import extract_html
    except ImportError as e:
        raise InputError(f"cannot read HTML: the HTML extractor is not available ({e})") from e
    return extract_html(raw.content, raw.fields.get("url"), settings)


def _published(
    fields: dict[str, str], page: HtmlExtract | None, meta: TextMeta, body: str, today: date | None
) -> PubDate:
    """Container date, then the page's date, then the text's header date, then its dateline date."""
    note = None
    if "published" in fields:
        given = parse_date(fields["published"], evidence=body, today=today)
        if given is not None and given.value is not None:
            return given
        note = (
            given.precision.removeprefix("unknown:").strip()
            if given is not None
            else f"the given date {fields['published']!r} could not be read"
        )
    if page is not None and page.published:
        return PubDate(page.published, page.published_precision or "day", page.published)
    if meta.published is not None and meta.published.value is not None:
        return meta.published
    if meta.dateline_date is not None:
        lead = body.split("\n\n", 1)[0]
        found = resolve(meta.dateline_date, evidence=body, lead=lead, today=today)
        if found.value is not None or note is None:
            return found
    if meta.published is not None:
        return meta.published
    if note is None and page is not None and page.published_precision.startswith("unknown:"):
        note = page.published_precision.removeprefix("unknown:").strip()
    return unknown(note or "no date found in the text")
