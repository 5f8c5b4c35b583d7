"""The entities.jsonl record source: every actor with its aliases seen, counts and roles."""
from __future__ import annotations

from collections.abc import Iterator

from ..api import Corpus
from .records import Field, record_source

ENTITY_FIELDS = (
    Field("id"), Field("name"), Field("type"), Field("country"), Field("sector"),
    Field("aliases", "list"), Field("mention_count", "int"), Field("article_count", "int"),
    Field("roles", "json"),
)


@record_source("entities", ENTITY_FIELDS)
def _entities(corpus: Corpus) -> Iterator[dict]:
    yield from corpus.entity_records()
