"""What an export contains: a registry of record sources (articles, failures ...), each a named stream of dicts."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..api import Article, Corpus, Failure

# Field kinds a format must know how to write; csv and parquet map each to a column type.
KINDS = ("str", "int", "float", "bool", "list", "json")  # list: of strings; json: any nested value


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    kind: str = "str"


@dataclass(frozen=True, slots=True)
class RecordSource:
    """One exported file: `name`.jsonl (or .csv ...) with these fields, rows streamed from a Corpus."""

    name: str
    fields: tuple[Field, ...]
    rows: Callable[..., Iterable[dict]]   # rows(corpus), or rows(corpus, language) when by_language
    by_language: bool = False             # its rows belong to articles, so an export of one language filters them


SOURCES: dict[str, RecordSource] = {}

# The export machinery itself; every other module in tidings/export registers record sources
# when imported (a stage adds a file such as export/events.py, nothing else to edit).
CORE_MODULES = frozenset({"__init__", "formats", "records", "writer"})


def source_modules() -> list[str]:
    """Modules of tidings.export that register further sources, in name order."""
    import pkgutil
    from pathlib import Path

    here = Path(__file__).parent
    return [f"tidings.export.{m.name}" for m in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name)
            if m.name not in CORE_MODULES]


def record_source(name: str, fields: Iterable[Field | str], by_language: bool = False) -> Callable:
    """Register `fn(corpus) -> Iterable[dict]` as the rows of `name`.<ext> (`corpus` a tidings.api.Corpus,
    the one way a source reads the store); plain names are str fields. A source `by_language` is
    `fn(corpus, language)`: language None for all rows, else an ISO 639-1 code of their articles."""
    spec = tuple(f if isinstance(f, Field) else Field(f) for f in fields)
    for f in spec:
        if f.kind not in KINDS:
            raise ValueError(f"Field {name}.{f.name} has kind {f.kind!r}; known kinds: {', '.join(KINDS)}.")

    def register(fn: Callable[[Corpus], Iterable[dict]]) -> Callable[[Corpus], Iterable[dict]]:
        SOURCES[name] = RecordSource(name, spec, fn, by_language)
        return fn

    return register


ARTICLE_FIELDS = (
    Field("id"), Field("origin"), Field("origins", "list"), Field("outlet"), Field("author"),
    Field("title"), Field("published"), Field("published_precision"), Field("dateline"),
    Field("wire"), Field("language"), Field("url"), Field("body"), Field("cluster_id"),
    Field("near_duplicate_of"),
)


def article_record(a: Article) -> dict:
    """An article as the export contract spells it (articles.jsonl)."""
    return {f.name: (list(a.origins) if f.name == "origins" else getattr(a, f.name)) for f in ARTICLE_FIELDS}


def failure_record(f: Failure) -> dict:
    """A failed input as the export contract spells it (failures.jsonl)."""
    return {"origin": f.origin, "error": f.error}


@record_source("articles", ARTICLE_FIELDS, by_language=True)
def _articles(corpus: Corpus, language: str | None = None) -> Iterator[dict]:
    for a in corpus.iter_articles(language=language):
        yield article_record(a)


@record_source("failures", ("origin", "error"))
def _failures(corpus: Corpus) -> Iterator[dict]:
    for f in corpus.failures():
        yield failure_record(f)
