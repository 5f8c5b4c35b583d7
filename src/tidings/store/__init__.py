"""The article store: SQLite with forward migrations, one transaction per article, FTS5 search."""
from .db import SNIPPET_CLOSE, SNIPPET_OPEN, Store, Summary, fts_query
from .schema import LATEST as SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "SNIPPET_CLOSE", "SNIPPET_OPEN", "Store", "Summary", "fts_query"]
