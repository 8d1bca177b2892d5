"""Versioned schema migrations for the event store.

Version 1 is ``schema.sql``; each later version is ``migrations/NNN_name.sql`` (NNN >= 2).
``schema_version`` records what has been applied, one row per version, so every
migration runs exactly once per database, in order, each in its own transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources

import duckdb

from dateline.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{3})_([a-z0-9_]+)\.sql$")

_BOOTSTRAP = """
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER PRIMARY KEY,
    name       VARCHAR NOT NULL,
    applied_at TIMESTAMP NOT NULL
)
"""


@dataclass(frozen=True, slots=True)
class Migration:
    """One schema step: its version number, a short name and the SQL script."""

    version: int
    name: str
    sql: str


def builtin_migrations() -> tuple[Migration, ...]:
    """The package's migrations in order: ``schema.sql`` as version 1, then the numbered files."""
    package = resources.files("dateline.store")
    found = [Migration(1, "schema", package.joinpath("schema.sql").read_text("utf-8"))]
    folder = package.joinpath("migrations")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        match = _MIGRATION_NAME.match(entry.name)
        if match is None:
            continue
        found.append(Migration(int(match[1]), match[2], entry.read_text("utf-8")))
    check_sequence(found)
    return tuple(found)


def check_sequence(migrations: list[Migration] | tuple[Migration, ...]) -> None:
    """Migrations must be numbered 1, 2, 3 ... with no gap or repeat."""
    versions = [m.version for m in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise StoreError(f"migrations are not numbered 1..n in order: {versions}")


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest applied version, 0 for a database dateline has never touched."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_name = 'schema_version' AND table_schema = 'main'"
    ).fetchone()
    if exists is None or exists[0] == 0:
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row is not None else 0


def migrate(
    con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...], *, source: str
) -> list[int]:
    """Apply the migrations the database lacks; return the versions applied now."""
    check_sequence(migrations)
    latest = migrations[-1].version if migrations else 0
    con.execute(_BOOTSTRAP)
    have = current_version(con)
    if have > latest:
        raise StoreError(
            f"store has schema version {have}, newer than this dateline knows ({latest}); "
            "upgrade dateline",
            source=source,
        )
    applied: list[int] = []
    for step in migrations:
        if step.version <= have:
            continue
        con.begin()
        try:
            con.execute(step.sql)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)",
                [step.version, step.name, _utcnow()],
            )
            con.commit()
        except duckdb.Error as exc:
            con.rollback()
            raise StoreError(
                f"migration {step.version:03d}_{step.name} failed: {exc}", source=source
            ) from exc
        applied.append(step.version)
    return applied


def check_current(
    con: duckdb.DuckDBPyConnection, migrations: tuple[Migration, ...], *, source: str
) -> None:
    """For read-only opens: the schema must already be exactly what this code expects."""
    have = current_version(con)
    latest = migrations[-1].version if migrations else 0
    if have == latest:
        return
    if have == 0:
        raise StoreError("not a dateline store (no schema_version table)", source=source)
    if have > latest:
        raise StoreError(
            f"store has schema version {have}, newer than this dateline knows ({latest})",
            source=source,
        )
    raise StoreError(
        f"store has schema version {have}, this dateline needs {latest}; "
        "open it for writing once (e.g. `dateline ingest`) to migrate it",
        source=source,
    )


def _utcnow() -> datetime:
    # DuckDB TIMESTAMP is naive: every stored time is UTC.
    return datetime.now(UTC).replace(tzinfo=None)
