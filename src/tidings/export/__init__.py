"""Export the store as files (jsonl, csv, parquet) per the export contract, with a manifest."""
from .formats import FORMATS, register_format
from .records import SOURCES, Field, article_record, failure_record, record_source
from .writer import EXPORT_SCHEMA_VERSION, export

__all__ = [
    "EXPORT_SCHEMA_VERSION", "FORMATS", "SOURCES", "Field", "article_record", "export",
    "failure_record", "record_source", "register_format",
]
