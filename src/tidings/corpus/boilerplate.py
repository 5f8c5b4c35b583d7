"""Corpus boilerplate: paragraphs that recur across many articles of one outlet are site debris; sweep them out."""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from ..config import Settings
from ..errors import ConfigError
from ..store import Store
from ..store.boilerplate import (
    article_body,
    articles_carrying,
    count_lines,
    counted_outlets,
    debris_hashes,
    debris_rows,
    keep_analyses_of_prefix,
    last_sweep_threshold,
    outlets_with_uncounted_articles,
    reclassify_lines,
    set_article_body,
    set_sweep_threshold,
    uncounted_articles,
)

# A recurring paragraph of at most this many words is debris wherever it sits. Chosen on the
# seed articles: their short debris ("Story highlights", "main img", "·1-min read", photo
# credits, "(With inputs from Agencies)") runs 1-8 words, while their 53 news paragraphs have a
# median of 37 words and only 6 are 20 words or fewer (subheads, one-line statements), which
# would also have to recur verbatim in several articles of one outlet to go.
SHORT_WORDS = 20
# A longer recurring paragraph is debris only when, in most of the articles that carry it, it
# sits within this many paragraphs of the start or the end. Chosen on the seed articles: all
# their long debris (a 31-word comment policy, a 23-word "Read all the latest news" line) is the
# last paragraph and all their header debris is within the first 7 lines, i.e. the first 3
# paragraphs once the extract stage has removed captions; background paragraphs that outlets
# repeat inside stories sit deeper and are kept.
EDGE_PARAGRAPHS = 3

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DIGITS = re.compile(r"\d+")
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Line:
    """One paragraph of a body as the boilerplate statistics see it."""

    hash: str
    words: int
    edge: bool  # within EDGE_PARAGRAPHS of the start or the end of its article
    text: str


def paragraphs(body: str) -> list[str]:
    """The non-empty paragraphs of a clean body (paragraphs are separated by a blank line)."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(body) if p.strip()]


def normalise(paragraph: str) -> str:
    """Casefolded words; in a short paragraph every number becomes 0, so "© 2024" and "2-min read"
    match their siblings, while long paragraphs that differ only in figures (daily tallies, prices)
    stay apart: there the numbers are the news."""
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", paragraph).casefold()).split()
    if len(words) <= SHORT_WORDS:
        words = [_DIGITS.sub("0", w) for w in words]
    return " ".join(words)


def line_hash(paragraph: str) -> str | None:
    """A short stable key for a paragraph; None when it holds no words (a "***" divider)."""
    norm = normalise(paragraph)
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()[:16] if norm else None


def lines(body: str) -> dict[str, Line]:
    """Each distinct paragraph of a body once, keyed by hash (an edge when any copy is at an edge)."""
    pars = paragraphs(body)
    n = len(pars)
    found: dict[str, Line] = {}
    for i, par in enumerate(pars):
        h = line_hash(par)
        if h is None:
            continue
        edge = i < EDGE_PARAGRAPHS or i >= n - EDGE_PARAGRAPHS
        if h in found:
            edge = edge or found[h].edge
        found[h] = Line(h, len(par.split()), edge, par)
    return found


def strip_lines(body: str, debris: set[str]) -> str:
    """The body without paragraphs whose hash is in `debris`; unchanged if nothing else would remain."""
    pars = paragraphs(body)
    kept = [p for p in pars if line_hash(p) not in debris]
    if not kept or len(kept) == len(pars):
        return body
    return "\n\n".join(kept)


def sweep_boilerplate(store: Store, settings: Settings) -> int:
    """Count the paragraphs of newly stored articles per outlet, mark recurring ones debris, and
    remove debris from the stored bodies (ids stay: they hash the per-article clean body).

    Incremental: only outlets with new articles (or every outlet, when the threshold setting
    changed) are looked at, and only their new articles plus older ones carrying a paragraph
    that just became debris are rewritten. Articles without an outlet are never swept.
    Returns how many article bodies changed. Setting boilerplate_min_articles = 0 turns it off.
    """
    min_articles = settings.boilerplate_min_articles
    if min_articles == 0:
        return 0
    if min_articles < 2:
        raise ConfigError(
            f"boilerplate_min_articles must be 0 (off) or at least 2, not {min_articles}: "
            "a paragraph seen in one article is not recurring."
        )
    conn = store.connection
    threshold_changed = last_sweep_threshold(conn) != min_articles
    outlets = outlets_with_uncounted_articles(conn)
    if threshold_changed:
        outlets |= counted_outlets(conn)
    changed = 0
    for outlet in sorted(outlets):
        with store.transaction():
            new_ids = _count_new_articles(conn, outlet)
            newly_debris = reclassify_lines(conn, outlet, min_articles, SHORT_WORDS)
            affected = set(new_ids) | articles_carrying(conn, outlet, newly_debris)
            debris = debris_hashes(conn, outlet)
            changed += sum(_rewrite(conn, article_id, debris) for article_id in sorted(affected))
    if threshold_changed:
        with store.transaction():
            set_sweep_threshold(conn, min_articles)
    return changed


def debris_lines(store: Store, outlet: str | None = None) -> Iterator[tuple[str, str, int]]:
    """(outlet, paragraph as first seen, number of articles) for every paragraph marked debris."""
    yield from debris_rows(store.connection, outlet)


def _count_new_articles(conn, outlet: str) -> list[str]:
    """Add the paragraphs of the outlet's not yet counted articles to line_stats; their ids."""
    ids = uncounted_articles(conn, outlet)
    for article_id in ids:
        found = lines(article_body(conn, article_id)).values()
        count_lines(conn, outlet, article_id, [(ln.hash, ln.edge, ln.words, ln.text) for ln in found])
    return ids


def _rewrite(conn, article_id: str, debris: set[str]) -> bool:
    """Store the body without debris; True when it changed. When only its tail went (an outlet's
    footer) and nothing analysed lay there, its actors and events stay valid (their offsets do not
    move) and are kept, so the reanalyse stage does not run the per-article stages on it again."""
    if not debris:
        return False
    body = article_body(conn, article_id)
    clean = strip_lines(body, debris)
    if clean == body:
        return False
    set_article_body(conn, article_id, clean)
    if body.startswith(clean):
        keep_analyses_of_prefix(conn, article_id, body, len(clean))
    return True
