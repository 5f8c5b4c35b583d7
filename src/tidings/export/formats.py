"""How an export is written: a registry of file formats (jsonl, csv, parquet, gdelt TSV), each streaming records to one file."""
from __future__ import annotations

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Protocol

from .records import Field

PARQUET_BATCH_ROWS = 1000  # rows per parquet row group: a few MB of article bodies in memory at most


class RecordWriter(Protocol):
    def write(self, record: dict) -> None: ...
    def close(self) -> None: ...


@dataclass(frozen=True, slots=True)
class Format:
    name: str
    extension: str
    open: Callable[[Path, tuple[Field, ...]], RecordWriter]


FORMATS: dict[str, Format] = {}


def register_format(name: str, extension: str) -> Callable:
    """Register `opener(path, fields) -> RecordWriter` as export format `name`."""

    def register(opener: Callable[[Path, tuple[Field, ...]], RecordWriter]):
        FORMATS[name] = Format(name, extension, opener)
        return opener

    return register


def _as_text(value: Any) -> Any:
    """csv cells: lists and nested values as JSON text, everything else as it is."""
    if isinstance(value, (list, dict, tuple)):
        return json.dumps(value, ensure_ascii=False)
    return value


class _JsonlWriter:
    def __init__(self, path: Path, fields: tuple[Field, ...]):
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="\n")

    def write(self, record: dict) -> None:
        self._fh.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._fh.close()


class _CsvWriter:
    def __init__(self, path: Path, fields: tuple[Field, ...]):
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="")
        self._csv = csv.DictWriter(self._fh, fieldnames=[f.name for f in fields], extrasaction="ignore")
        self._csv.writeheader()

    def write(self, record: dict) -> None:
        self._csv.writerow({k: _as_text(v) for k, v in record.items()})

    def close(self) -> None:
        self._fh.close()


class _ParquetWriter:
    def __init__(self, path: Path, fields: tuple[Field, ...]):
        import pyarrow as pa
        import pyarrow.parquet as pq

        types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                 "list": pa.list_(pa.string()), "json": pa.string()}
        self._pa = pa
        self._fields = fields
        self._schema = pa.schema([(f.name, types[f.kind]) for f in fields])
        self._writer = pq.ParquetWriter(str(path), self._schema)
        self._batch: list[dict] = []

    def write(self, record: dict) -> None:
        row = {}
        for f in self._fields:
            value = record.get(f.name)
            row[f.name] = json.dumps(value, ensure_ascii=False) if f.kind == "json" and value is not None else value
        self._batch.append(row)
        if len(self._batch) >= PARQUET_BATCH_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self._batch:
            self._writer.write_table(self._pa.Table.from_pylist(self._batch, schema=self._schema))
            self._batch = []

    def close(self) -> None:
        self._flush()
        self._writer.close()


def _cell(value) -> str:
    """GDELT files are unquoted TSV: a value never holds a tab or a line break."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict)):
        value = json.dumps(value, ensure_ascii=False)
    return " ".join(str(value).replace("\t", " ").splitlines())


class _TsvWriter:
    """Tab-separated values without quoting, one header line naming the columns (GDELT's own files
    have no header: skip the first line when a GDELT reader expects none)."""

    def __init__(self, path: Path, fields: tuple[Field, ...]):
        self._names = [f.name for f in fields]
        self._fh: IO[str] = path.open("w", encoding="utf-8", newline="\n")
        self._fh.write("\t".join(self._names) + "\n")

    def write(self, record: dict) -> None:
        self._fh.write("\t".join(_cell(record.get(n)) for n in self._names) + "\n")

    def close(self) -> None:
        self._fh.close()


register_format("jsonl", "jsonl")(_JsonlWriter)
register_format("csv", "csv")(_CsvWriter)
register_format("parquet", "parquet")(_ParquetWriter)
# GDELT's flavour of TSV; gdelt_events.tsv (export/gdelt.py) is the GDELT 2.0 event table.
register_format("gdelt", "tsv")(_TsvWriter)
