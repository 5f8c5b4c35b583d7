"""The unit of work of the per-article stages: one input item and what each stage added to it."""
from __future__ import annotations

from dataclasses import dataclass

from .actors import ArticleActors
from .article import Article, Failure, RawDoc
from .events import ArticleEvents
from .nlp import Analysis


@dataclass(slots=True)
class Item:
    """One input on its way through the per-article stages (pipeline.ARTICLE_STAGES). Each stage
    fills its own field; a failure at any stage ends the item's way (later stages skip it)."""

    raw: RawDoc | None                 # None when a stored article is analysed again
    article: Article | None = None     # extract
    analysis: Analysis | None = None   # nlp: sentences and entities
    actors: ArticleActors | None = None  # actors
    events: ArticleEvents | None = None  # events, then time, geo and parties
    failure: Failure | None = None

    @property
    def origin(self) -> str:
        return self.raw.origin if self.raw is not None else self.article.origin

    @property
    def live(self) -> bool:
        """Still on its way: no stage has failed it (after extract, it has an article)."""
        return self.failure is None
