"""Records of the corpus stages: near-duplicate fingerprints, what the clusterer compares and keeps, event
mentions as the merger sees them and the merged events it writes."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from .events import Party

if TYPE_CHECKING:
    import numpy as np

# Fields of a document that carry their own TF-IDF vector (the keys of DocFeatures.terms and
# ClusterState.weights).
FIELDS = ("title", "body", "ents")


# ------------------------------------------------------------------ near-duplicates


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """A text's shingle hashes (sorted, unique) and its MinHash signature."""

    shingles: np.ndarray   # uint64
    signature: np.ndarray  # uint32, one value per permutation


# ------------------------------------------------------------------ same-event clusters


@dataclass(slots=True)
class DocFeatures:
    """One document as the clusterer sees it.

    terms   -- per field (title, body, ents), raw term counts; TF-IDF weights are applied later
               with the collection statistics of the moment (they change as documents arrive).
    actors  -- resolved actor ids (knowledge-base or text entities) the document names.
    leads   -- the people the document is mostly about (its most-mentioned persons).
    day     -- the day the event is dated to (the publication day for news), or None.
    year    -- the year when only that is known (None when day is set or nothing is known).
    lead    -- raw term counts of the body's opening words (who, what, when and where of the report).
    """

    id: str
    terms: dict[str, Counter[str]]
    actors: frozenset[str] = frozenset()
    leads: frozenset[str] = frozenset()
    day: date | None = None
    year: int | None = None
    title: str = ""
    extra: dict[str, object] = field(default_factory=dict)
    lead: Counter[str] = field(default_factory=Counter)


@dataclass(slots=True)
class ClusterState:
    """A cluster as the clusterer keeps it: summed sublinear TF per field, actors, dated span."""

    id: str
    weights: dict[str, Counter[str]] = field(default_factory=lambda: {f: Counter() for f in FIELDS})
    actors: Counter[str] = field(default_factory=Counter)
    leads: Counter[str] = field(default_factory=Counter)
    start: date | None = None
    end: date | None = None
    years: set[int] = field(default_factory=set)
    n_docs: int = 0
    title: str = ""
    doc_ids: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ merged events


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event mention took place, as the merger compares places (not the events.jsonl Location)."""

    id: str
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    town: bool  # a gazetteer town or region, not a whole country


def source_key(outlet: str | None, wire: str | None, article_id: str) -> str:
    """Who stands behind an article (EventMention.source): its wire service when it carries one,
    else its outlet, else the article itself."""
    if wire:
        return f"wire:{wire.strip().casefold()}"
    if outlet:
        return f"outlet:{outlet.strip().casefold()}"
    return f"article:{article_id}"


@dataclass(frozen=True, slots=True)
class EventMention:
    """One coded event mention as the merger sees it, with the source that reported it."""

    event_id: str
    article_id: str
    cluster_id: str | None
    source: str            # source_key(): outlet or wire; a near-duplicate copy carries its original's source
    outlet: str | None
    event_type: str
    mode: str | None
    modality: str
    quad_class: int
    intensity: float
    confidence: float
    date: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str
    actors: tuple[Party, ...]
    recipients: tuple[Party, ...]
    sentence: str
    place: EventPlace | None = None
    copy: bool = False      # the article is a near-duplicate of another

    @property
    def explicit(self) -> bool:
        """The sentence itself dates the event (not a fallback to the publication date)."""
        p = self.date_precision or ""
        return self.date_start is not None and "article date" not in p and not p.startswith("unknown")

    @property
    def day_level(self) -> bool:
        return self.date is not None and (self.date_precision or "").startswith(("day", "datetime"))

    @property
    def span(self) -> tuple[date, date] | None:
        if not self.date_start:
            return None
        lo = date.fromisoformat(self.date_start[:10])
        hi = date.fromisoformat((self.date_end or self.date_start)[:10])
        return lo, max(lo, hi)


@dataclass(slots=True)
class MergedRecord:
    """A merged event as merged_events.jsonl spells it, plus what the corpus stages keep."""

    id: str
    event_type: str
    mode: str | None
    modality: str
    quad_class: int
    intensity: float
    date: str | None
    date_start: str | None
    date_end: str | None
    date_precision: str | None
    cluster_id: str | None
    actors: list[dict]
    recipients: list[dict]
    article_ids: list[str]
    num_articles: int
    num_sources: int
    sources: list[str]
    contradictions: list[dict]
    summary: str
    text: str                      # the sentence that best reports it
    dyads: list[tuple[str, str]]   # unordered entity pairs
    n_members: int

    def record(self) -> dict:
        return {
            "id": self.id, "event_type": self.event_type, "modality": self.modality, "actors": self.actors,
            "recipients": self.recipients, "date": self.date, "date_start": self.date_start,
            "date_end": self.date_end, "article_ids": self.article_ids, "num_articles": self.num_articles,
            "num_sources": self.num_sources, "contradictions": self.contradictions, "summary": self.summary,
        }


__all__ = ["FIELDS", "ClusterState", "DocFeatures", "EventMention", "EventPlace", "Fingerprint", "MergedRecord",
           "source_key"]
