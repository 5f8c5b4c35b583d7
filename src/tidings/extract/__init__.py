"""Extract stage: one RawDoc (text dump or HTML page) -> one clean Article with its metadata."""

from __future__ import annotations

from .article import CleanText, Extraction, article_id, build_article, clean_text, extract

__all__ = ["CleanText", "Extraction", "article_id", "build_article", "clean_text", "extract"]
