"""Records of the actor stage: mentions in articles, the entities they resolve to, and learned roles."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class LearnedRole:
    """An office or standing the text gives a person ("Pakistan's ISI chief, ..."), valid at the
    article's date (start == end == that day; None when the article is undated)."""

    country: str | None
    sector: str | None
    title: str | None
    start: str | None = None
    end: str | None = None
    article_id: str | None = None
    source: str = "text"  # "text" (learned) or "kb"


@dataclass(slots=True)
class Mention:
    """One surface form in an article body (start/end are char offsets into article.body)."""

    article_id: str
    sentence_index: int
    start: int
    end: int
    text: str
    label: str                 # PERSON, ORG, GPE, NORP (spaCy labels) or TITLE for "the President"
    entity_id: str | None      # None: ambiguous ("Mr Khan" with two Khans in the article)


@dataclass(slots=True)
class Entity:
    """An actor: from the knowledge base (its id) or new from the text ("per:new-<slug>")."""

    id: str
    name: str
    type: str                  # PER, COUNTRY, GROUP, IGO, AGENCY, MEDIA, ORG
    country: str | None = None
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    roles: list[LearnedRole] = field(default_factory=list)
    origin: str = "kb"          # "kb" or "text"


@dataclass(slots=True)
class ArticleActors:
    """Result of the actor stage for one article: its sentences, mentions, the entities they
    point to (as known or learned from this article alone) and the roles the text gave people."""

    article_id: str
    sentences: list[tuple[int, int]]
    mentions: list[Mention]
    entities: dict[str, Entity]
    roles: dict[str, list[LearnedRole]] = field(default_factory=dict)   # entity id -> learned roles
    aliases: dict[str, list[str]] = field(default_factory=dict)         # entity id -> acronyms defined here
