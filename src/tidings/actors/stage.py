"""The actor stage: articles -> NLP (batched) -> resolved mentions, and the corpus step that re-links entities."""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..config import Settings
from ..model.actors import ArticleActors
from ..model.article import Article
from .kb import KnowledgeBase
from .resolve import resolve_article


def kb_paths(settings: Settings) -> tuple[str, ...]:
    """The user knowledge-base files named by the kb_files setting (comma or os.pathsep separated)."""
    raw = settings.kb_files.replace(os.pathsep, ",")
    return tuple(str(Path(p.strip()).expanduser()) for p in raw.split(",") if p.strip())


def knowledge_base(settings: Settings) -> KnowledgeBase:
    return KnowledgeBase.load([Path(p) for p in kb_paths(settings)])


def pipeline_for(settings: Settings, parse: bool = False):
    from ..nlp import load_pipeline

    return load_pipeline(settings.spacy_model, parse, kb_paths(settings))


def model_name(settings: Settings) -> str:
    from ..nlp import resolve_model_name

    return resolve_model_name(settings.spacy_model)


def actors_for(articles: Sequence[Article], settings: Settings) -> list[ArticleActors]:
    """Sentences, mentions and entities of each article, in order (one nlp.pipe over all of them)."""
    from ..nlp import analyse_texts

    if not articles:
        return []
    nlp = pipeline_for(settings)
    kb = knowledge_base(settings)
    analyses = analyse_texts(nlp, (a.body for a in articles))
    return [resolve_article(a.id, a.body, a.published, an, kb) for a, an in zip(articles, analyses)]


def refresh_actors(store, settings: Settings) -> tuple[int, int]:
    """Corpus step: analyse articles whose body is new or changed (boilerplate sweep), then merge
    new entities across articles and apply learned roles. Returns (articles analysed, merges)."""
    from ..store.actors import link_entities, stale_articles, write_actors

    conn = store.connection
    stale = stale_articles(conn)
    model = model_name(settings)
    done = 0
    for start in range(0, len(stale), 64):
        batch = [a for a in (store.article(i) for i in stale[start:start + 64]) if a is not None]
        for a, result in zip(batch, actors_for(batch, settings)):
            with store.transaction() as tx:
                write_actors(tx, result, len(a.body), model)
            done += 1
    with store.transaction() as tx:
        merges = link_entities(tx, knowledge_base(settings))
    return done, merges
