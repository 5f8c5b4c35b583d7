"""Records of the event stage: coded events with their parties, dates and places, per article."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

MODALITIES = ("asserted", "negated", "hypothetical", "future", "uncertain")


@dataclass(frozen=True, slots=True)
class Party:
    """One actor or recipient: a resolved entity with the country and sector it had in this event."""

    entity_id: str | None      # None: a party with no name ("Iraqi police", "unidentified attackers")
    name: str
    country: str | None
    sector: str | None
    # A country the party is known not to belong to ("ethnic Albanians" are a minority outside
    # Albania); a country filled in from the sentence skips it.
    not_country: str | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The party as the merger compares it: its entity id, else its country and sector."""
        return self.entity_id or f"{self.country or '?'}/{self.sector or '?'}"

    def record(self) -> dict:
        return {"entity_id": self.entity_id, "name": self.name, "country": self.country, "sector": self.sector}


@dataclass(frozen=True, slots=True)
class Location:
    """Where an event took place, as events.jsonl spells it (plus the gazetteer id)."""

    name: str
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    geonameid: int | None = None

    def record(self) -> dict:
        return {"name": self.name, "lat": self.lat, "lon": self.lon, "country": self.country, "admin1": self.admin1}


@dataclass(slots=True)
class Event:
    """One coded event mention: what (type, mode), how sure (modality, confidence), who to whom,
    when and where, and the sentence and trigger it came from (char offsets into the article body)."""

    article_id: str
    sentence_index: int
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    trigger_end: int
    event_type: str
    mode: str | None
    modality: str
    cameo_root: str
    quad_class: int
    intensity: float
    actors: list[Party]
    recipients: list[Party]
    confidence: float
    date: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_precision: str = "unknown: no date"
    date_text: str | None = None
    location: Location | None = None
    clause: tuple[tuple[int, int], ...] = ()   # char segments of the trigger's clause (its dates and places are read there)

    def in_clause(self, start: int, end: int) -> bool:
        return any(lo <= start and end <= hi for lo, hi in self.clause)

    @property
    def id(self) -> str:
        key = f"{self.article_id}:{self.trigger_start}:{self.trigger_end}:{self.event_type}"
        return "ev:" + hashlib.sha256(key.encode()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A toponym in an article body resolved to a gazetteer place."""

    start: int
    end: int
    text: str
    location: Location


@dataclass(slots=True)
class ArticleEvents:
    """Result of the event stage for one article."""

    article_id: str
    events: list[Event] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    parsed_sentences: int = 0
    dateline: Location | None = None   # the article's dateline as a place (found by the geo stage; not stored)
