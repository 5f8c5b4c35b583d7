"""Schema versions of the store: numbered forward migrations (migrations/NNNN_name.sql) applied on open."""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

from ..errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """Every packaged migration, in version order; each version once, from 1 up (a number may be
    missing: migrations written side by side on two branches take numbers ahead of each other)."""
    folder = resources.files("tidings.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        m = _MIGRATION_NAME.match(entry.name)
        if m:
            found.append(Migration(int(m.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda mig: mig.version)
    versions = [mig.version for mig in found]
    if len(set(versions)) != len(versions) or (versions and versions[0] != 1):
        raise StoreError(
            "The store migrations packaged with tidings are not numbered 0001, 0002, ... each once: "
            f"{[mig.name for mig in found]}. Reinstall tidings."
        )
    return found


LATEST = max(mig.version for mig in migrations())


def current_version(conn: sqlite3.Connection) -> int:
    """The schema version of an open database; 0 for a new, empty file."""
    has_table = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
    ).fetchone()
    if not has_table:
        return 0
    row = conn.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0] or 0)


def applied_versions(conn: sqlite3.Connection) -> set[int]:
    """The migration versions applied to an open database (none for a new, empty file)."""
    if current_version(conn) == 0:
        return set()
    return {int(v) for (v,) in conn.execute("SELECT version FROM schema_version")}


def migrate(conn: sqlite3.Connection, where: str) -> int:
    """Bring the database to LATEST, one transaction per migration; returns the final version.
    Every packaged migration not applied yet is applied, in version order (also one numbered
    below a version the store already has).

    `conn` must be in autocommit mode (isolation_level=None) so the transactions here are explicit.
    """
    known = migrations()
    version = current_version(conn)
    _refuse_newer(version, where)
    done = applied_versions(conn)
    for mig in known:
        if mig.version in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have migrated between our read and the write lock.
            if mig.version in applied_versions(conn):
                conn.execute("ROLLBACK")
                continue
            for statement in _statements(mig.sql):
                conn.execute(statement)
            conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
                (mig.version, mig.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            conn.execute("COMMIT")
        except sqlite3.Error as e:
            conn.execute("ROLLBACK")
            raise StoreError(f"Cannot upgrade the store {where} to schema {mig.version} ({mig.name}): {e}.") from e
    return max(version, LATEST)


def _refuse_newer(version: int, where: str) -> None:
    if version > LATEST:
        raise StoreError(
            f"The store {where} has schema version {version}, newer than this tidings knows "
            f"(up to {LATEST}). It was written by a newer tidings: upgrade tidings to open it."
        )


def _statements(script: str) -> list[str]:
    """Split a migration into statements; sqlite3.complete_statement knows CREATE TRIGGER ... END."""
    statements, buf = [], ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.lstrip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            statements.append(buf.strip())
            buf = ""
    if buf.strip():
        raise StoreError(f"A store migration ends in an unfinished statement: {buf.strip()[:80]!r}.")
    return statements
