"""The actor stage: the entities of each analysed article resolved against the knowledge base."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..config import Settings
from ..model.actors import ArticleActors
from ..model.article import Article
from ..model.nlp import Analysis
from .kb import KnowledgeBase
from .resolve import resolve_article


def kb_paths(settings: Settings) -> tuple[str, ...]:
    """The user knowledge-base files named by the kb_files setting (comma or os.pathsep separated)."""
    raw = settings.kb_files.replace(os.pathsep, ",")
    return tuple(str(Path(p.strip()).expanduser()) for p in raw.split(",") if p.strip())


def knowledge_base(settings: Settings) -> KnowledgeBase:
    """The packaged knowledge base with the user files of the kb_files setting on top."""
    return KnowledgeBase.load([Path(p) for p in kb_paths(settings)], settings.cache_dir)


def resolve_actors(articles: Sequence[Article], analyses: Sequence[Analysis], kb: KnowledgeBase) -> list[ArticleActors]:
    """Sentences, mentions and entities of each article, in order."""
    return [resolve_article(a.id, a.body, a.published, an, kb) for a, an in zip(articles, analyses)]
