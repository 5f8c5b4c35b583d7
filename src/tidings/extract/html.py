"""HTML page -> article body and metadata (title, author, outlet, language, publication date), offline."""
from __future__ import annotations

import functools
import json
import re
import warnings
from collections.abc import Iterator
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

import htmldate.extractors
import trafilatura
from dateutil import parser as dateutil_parser
from htmldate import find_date
from lxml import etree
from lxml import html as lxml_html

from ..config import Settings
from ..errors import InputError

NO_TEXT = "no article text could be extracted from the page"

# trafilatura options for the body. Tuned on the ScrapingHub article-extraction-benchmark
# dev half (92 pages, 4-gram shingle F1): library defaults 0.951; without comments 0.955;
# favor_precision on top 0.964. favor_recall, dropping tables, deduplicate and picking the
# longer of the precision/default outputs all scored lower or equal. No retry in default mode
# when precision mode finds nothing: on pages without an article it returns menu links.
_BODY_OPTIONS = {"include_comments": False, "include_tables": True, "favor_precision": True}

# htmldate's last resort (on a page whose metadata holds no date) is dateparser with every one of
# its 205 locales, each compiling its patterns on the first call in a process (about 4 s of CPU).
# On a page that declares its language, dateparser reads that language and the ones tidings
# reads (dateparser has no Tajik locale): about 0.4 s. A page that declares none keeps every
# locale. Measured on the 92 demo pages and checked on the pubdates set, where the five languages
# alone lost an Arabic page (docs/benchmarks.md, "htmldate's dateparser by the page's language").
DATE_LANGUAGES = ("en", "ru", "fa", "ps", "ur")

# Oldest publication year believed; older "dates" on news pages are founding years or noise.
EARLIEST_YEAR = 1990

# Structured-data keys that name the publication time (meta name/property/itemprop, lower case).
_META_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date_published",
    "pubdate", "publishdate", "publish-date", "publish_date", "sailthru.date",
    "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dcterms.date", "dc.date",
    "citation_publication_date", "article.published", "date",
)
# JSON-LD @type values of the main article object; its datePublished beats any other's.
_ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "report",
    "scholarlyarticle", "techarticle", "liveblogposting", "socialmediaposting",
}
# A full day written in a URL path: /2020/07/09/, /2020-07-09-, /20200709/ (not inside longer digit runs).
_URL_DAY = re.compile(
    r"(?<![0-9])((?:19|20)\d{2})([/_.-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![0-9])"
)
_UTC_NAMES = re.compile(r"(Z|[+-]00:?00|\bUTC|\bGMT)\s*$", re.IGNORECASE)
_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
# Offsets a UTC timestamp may have to be shifted by to reach the publisher's local day.
_WEST, _EAST = timedelta(hours=10), timedelta(hours=12)
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.IGNORECASE)


@dataclass(slots=True)
class HtmlExtract:
    """What one HTML page gives: the body and the metadata found beside it."""

    text: str                     # body, paragraphs separated by one blank line
    title: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date ("2020-07-09"), datetime with offset, or year ("2020")
    published_precision: str = "unknown: no date found"  # datetime | day | month | year | "unknown: why"
    outlet: str | None = None     # site name
    language: str | None = None   # ISO 639-1 (or 639-3 when the page says so)
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Published:
    """A publication date with its precision, or None and why it is unknown."""

    value: str | None
    precision: str


def extract_html(html: str, url: str | None, settings: Settings) -> HtmlExtract:
    """Body and metadata of one page. Raises InputError when the page holds no article text."""
    tree = parse_page(html, settings)
    doc = _extract_body(html, url)
    text = _paragraphs(doc.text if doc is not None else "")
    if not text:
        raise InputError(NO_TEXT)
    published = find_published(html, url, tree)
    return HtmlExtract(
        text=text,
        title=_clean(doc.title),
        author=_clean(doc.author),
        published=published.value,
        published_precision=published.precision,
        outlet=_clean(doc.sitename),
        language=page_language(tree),
        url=url or _clean(doc.url),
    )


def parse_page(html: str, settings: Settings) -> lxml_html.HtmlElement:
    """Parse a page once for our own reads; refuse empty, oversized and too deeply nested pages."""
    if not html or not html.strip():
        raise InputError("the page is empty")
    if len(html) > settings.max_item_bytes:
        raise InputError(
            f"the page is larger than max_item_bytes ({settings.max_item_bytes} bytes); raise the cap to read it"
        )
    try:
        tree = lxml_html.document_fromstring(html.replace("\x00", ""))
    except (etree.ParserError, ValueError) as e:
        raise InputError(f"the page could not be parsed as HTML ({e})") from e
    depth = _max_depth(tree)
    if depth > settings.max_html_depth:
        raise InputError(
            f"the page nests elements {depth} deep, more than max_html_depth ({settings.max_html_depth})"
        )
    return tree


def find_published(html: str, url: str | None, tree: lxml_html.HtmlElement | None = None) -> Published:
    """Publication date of a page: URL day, then structured metadata, then htmldate's search."""
    if tree is None:
        try:
            tree = lxml_html.document_fromstring(html.replace("\x00", ""))
        except (etree.ParserError, ValueError):
            tree = None
    structured = _structured_dates(tree) if tree is not None else []
    url_day = _url_day(url)
    if url_day is not None:
        agreeing = [stamp for stamp in structured if stamp.could_fall_on(url_day)]
        same_day = [s for s in agreeing if s.local_day == url_day and s.has_time and s.aware]
        if same_day:
            return Published(min(same_day, key=lambda s: s.rank).iso, "datetime")
        if agreeing or not structured:
            return Published(url_day.isoformat(), "day")
        # Metadata that cannot fall on the URL's day wins: such URLs carry the day a story was
        # filed or first drafted, not the day it went out.
    if structured:
        best = min(structured, key=lambda s: s.rank)
        return Published(best.iso, "datetime" if best.has_time and best.aware else "day")
    return _htmldate(html, url, page_language(tree) if tree is not None else None)


def page_language(tree: lxml_html.HtmlElement) -> str | None:
    """Language the page declares: <html lang>, content-language or og:locale."""
    candidates = [tree.get("lang"), tree.get("xml:lang")]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        match = _LANG.match((value or "").strip().split(",")[0].strip())
        if match:
            return match.group(1).lower()
    return None


# --- body -------------------------------------------------------------------------------------

def _extract_body(html: str, url: str | None) -> trafilatura.settings.Document | None:
    """trafilatura's main-content extraction (it runs its own readability/jusText fallbacks)."""
    try:
        return trafilatura.bare_extraction(html, url=url, with_metadata=True, **_BODY_OPTIONS)
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError) as e:
        raise InputError(f"the page could not be read as an article ({type(e).__name__}: {e})") from e


def _paragraphs(text: str) -> str:
    """trafilatura's one-line-per-block text -> paragraphs separated by one blank line."""
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def _max_depth(tree: etree._Element) -> int:
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


# --- publication date ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Stamp:
    """One publication time found in structured data, read as the page wrote it."""

    when: datetime
    has_time: bool
    aware: bool       # an explicit offset or zone was written
    utc: bool         # ... and it was UTC, so the local day may differ
    from_article: bool  # JSON-LD of the main article object, or a meta tag / itemprop

    def could_fall_on(self, day: date) -> bool:
        """Whether the publisher's own calendar day can be `day`: for a UTC time, any day it
        touches between UTC-10 and UTC+12 (where news outlets publish from)."""
        if not (self.utc and self.has_time):
            return self.local_day == day
        return (self.when - _WEST).date() <= day <= (self.when + _EAST).date()

    @property
    def local_day(self) -> date:
        return self.when.date()

    @property
    def iso(self) -> str:
        if self.has_time and self.aware:
            return self.when.isoformat()
        return self.when.date().isoformat()

    @property
    def rank(self) -> tuple[int, int]:
        # Local times first (their date is the publisher's day), then date-only, then UTC.
        zone = 2 if self.utc else (1 if not self.has_time else 0)
        return zone, 0 if self.from_article else 1


def _url_day(url: str | None) -> date | None:
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for match in _URL_DAY.finditer(path):
        day = _safe_date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        if day is not None:
            return day
    return None


def _structured_dates(tree: lxml_html.HtmlElement) -> list[_Stamp]:
    found: list[_Stamp] = []
    for raw, from_article in _structured_strings(tree):
        stamp = _read_stamp(raw, from_article)
        if stamp is not None:
            found.append(stamp)
    return found


def _structured_strings(tree: lxml_html.HtmlElement) -> Iterator[tuple[str, bool]]:
    for script in tree.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            yield from _jsonld_dates(script.text)
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _META_DATE_KEYS and meta.get("content"):
            yield meta.get("content"), True
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        value = element.get("content") or element.get("datetime")
        if value:
            yield value, True


def _jsonld_dates(text: str) -> Iterator[tuple[str, bool]]:
    try:
        data = json.loads(text)
    except ValueError:
        # Broken JSON-LD is common; its datePublished is still readable.
        for match in re.finditer(r'"datePublished"\s*:\s*"([^"]{6,40})"', text):
            yield match.group(1), False
        return
    stack = [data]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(reversed(node))
        elif isinstance(node, dict):
            value = node.get("datePublished")
            if isinstance(value, str):
                types = node.get("@type")
                types = types if isinstance(types, list) else [types]
                yield value, any(str(t).lower() in _ARTICLE_TYPES for t in types)
            stack.extend(reversed([v for v in node.values() if isinstance(v, (list, dict))]))


def _read_stamp(raw: str, from_article: bool) -> _Stamp | None:
    raw = raw.strip()
    if not re.search(r"(?<!\d)(?:19|20)\d{2}", raw) or len(raw) > 60:
        return None
    # Parse twice with different defaults: a field that changes was not written (no day, no time).
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # unknown zone names ("EDT") are read as local time
        try:
            first = dateutil_parser.parse(raw, default=datetime(2000, 1, 1, 0, 0))
            second = dateutil_parser.parse(raw, default=datetime(2001, 2, 2, 1, 1))
        except (ValueError, OverflowError):
            return None
    if (first.month, first.day) != (second.month, second.day):
        return None
    if not _plausible(first.date()):
        return None
    has_time = (first.hour, first.minute) == (second.hour, second.minute)
    aware = first.tzinfo is not None
    utc = bool(_UTC_NAMES.search(raw)) or (aware and first.utcoffset() == timedelta(0))
    return _Stamp(first, has_time, aware, utc, from_article)


# The language of the page htmldate is reading (set around find_date, read by its dateparser).
_PAGE_LANGUAGE: ContextVar[str | None] = ContextVar("page_language", default=None)
_HTMLDATE_PARSER = htmldate.extractors.get_external_parser  # every locale, htmldate's settings


def _external_date_parser():
    """htmldate's dateparser for the page being read: see DATE_LANGUAGES."""
    return _date_parser_for(_PAGE_LANGUAGE.get())


@functools.cache
def _date_parser_for(language: str | None):
    """htmldate's dateparser (its own settings, htmldate 1.11) for a page in `language`."""
    from dateparser import DateDataParser
    from dateparser.languages.loader import default_loader

    known = default_loader.get_locale_map()
    if language is None or language not in known:
        return _HTMLDATE_PARSER()
    return DateDataParser(
        languages=list(dict.fromkeys([language, *(lang for lang in DATE_LANGUAGES if lang in known)])),
        settings={"NORMALIZE": True, "PARSERS": ["custom-formats", "absolute-time"],
                  "PREFER_DATES_FROM": "past", "PREFER_LOCALE_DATE_ORDER": True,
                  "RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True},
    )


# htmldate builds its dateparser in this one factory and offers no setting for its languages.
htmldate.extractors.get_external_parser = _external_date_parser


def _htmldate(html: str, url: str | None, language: str | None = None) -> Published:
    token = _PAGE_LANGUAGE.set(language)
    try:
        found = find_date(html, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        found = None
    finally:
        _PAGE_LANGUAGE.reset(token)
    if not found:
        return Published(None, "unknown: no date found in the page, its metadata or its URL")
    day = date.fromisoformat(found)
    if not _plausible(day):
        return Published(None, f"unknown: the only date found ({found}) is implausible")
    if (day.month, day.day) == (1, 1) and not _day_written(html, day):
        # htmldate turns a lone year (a copyright line, an archive heading) into 1 January.
        return Published(str(day.year), "year")
    return Published(found, "day")


def _day_written(html: str, day: date) -> bool:
    y, m, d = day.year, day.month, day.day
    month = _MONTH_NAMES[m - 1]
    patterns = [
        rf"{y}[-/.]0?{m}[-/.]0?{d}(?!\d)", rf"(?<!\d)0?{d}[-/.]0?{m}[-/.]{y}",
        rf"(?<!\d)0?{m}/0?{d}/{y}", rf"(?<!\d){d}(?:st|nd|rd|th)?\.?\s+{month[:3]}\w*\.?,?\s+{y}",
        rf"{month[:3]}\w*\.?\s+{d}(?:st|nd|rd|th)?,?\s+{y}",
    ]
    return any(re.search(p, html, re.IGNORECASE) for p in patterns)


def _plausible(day: date) -> bool:
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    return EARLIEST_YEAR <= day.year and day <= tomorrow


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        found = date(year, month, day)
    except ValueError:
        return None
    return found if _plausible(found) else None
