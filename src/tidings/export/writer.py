"""Export the store per the export contract: one file per record source plus manifest.json."""
from __future__ import annotations

import importlib
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..api import SCHEMA_VERSION, Corpus
from ..errors import TidingsError
from .formats import FORMATS, Format
from .records import SOURCES, RecordSource, source_modules

EXPORT_SCHEMA_VERSION = "1"  # bump when a field of an exported record changes meaning or goes away


def export(corpus: Corpus, out_dir: Path, fmt: str = "jsonl", language: str | None = None) -> dict[str, int]:
    """Write every registered record source of a Corpus (tidings.open(...)) into `out_dir` as `fmt`,
    then manifest.json. With `language` (ISO 639-1), the sources of article rows (articles, events)
    hold that language's only; the corpus-wide ones are whole, and the manifest says so.

    Rows are streamed from the store; each file is written beside its final name and renamed
    into place when complete, so a crashed export never leaves a half file under a real name.
    Returns the number of records per file name.
    """
    form = FORMATS.get(fmt)
    if form is None:
        raise TidingsError(f"Unknown export format {fmt!r}. Known formats: {', '.join(sorted(FORMATS))}.")
    for module in source_modules():
        importlib.import_module(module)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise TidingsError(f"Cannot create the export folder {out_dir}: {e}.") from e
    counts = {f"{source.name}.{form.extension}": _write(corpus, source, form, out_dir, language)
              for source in SOURCES.values()}
    _write_manifest(corpus, out_dir, fmt, counts, language)
    return counts


def _write(corpus: Corpus, source: RecordSource, form: Format, out_dir: Path, language: str | None = None) -> int:
    path = out_dir / f"{source.name}.{form.extension}"
    part = path.with_name(path.name + ".part")
    n = 0
    try:
        writer = form.open(part, source.fields)
        try:
            rows = source.rows(corpus, language) if source.by_language and language else source.rows(corpus)
            for record in rows:
                writer.write(record)
                n += 1
        finally:
            writer.close()
        os.replace(part, path)
    except OSError as e:
        raise TidingsError(f"Cannot write {path}: {e}.") from e
    finally:
        part.unlink(missing_ok=True)
    return n


def _write_manifest(corpus: Corpus, out_dir: Path, fmt: str, counts: dict[str, int],
                    language: str | None = None) -> None:
    path = corpus.store_path
    db = path if path == ":memory:" else str(Path(path).resolve())
    manifest = {
        "schema_version": EXPORT_SCHEMA_VERSION,
        "tidings_version": __version__,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "format": fmt,
        "db": db,
        "store_schema_version": SCHEMA_VERSION,
        "counts": counts,
    }
    if language:
        manifest["language"] = {"code": language, "filtered": sorted(s.name for s in SOURCES.values() if s.by_language)}
    path = out_dir / "manifest.json"
    try:
        path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as e:
        raise TidingsError(f"Cannot write {path}: {e}.") from e
