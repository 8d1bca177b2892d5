"""Schema migrations: numbered, applied in order, each exactly once."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.migrate import (
    Migration,
    builtin_migrations,
    check_current,
    current_version,
    migrate,
)


def _versions(path: Path) -> list[tuple[int, str]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return [
            (int(v), str(n))
            for v, n in con.execute(
                "SELECT version, name FROM schema_version ORDER BY version"
            ).fetchall()
        ]
    finally:
        con.close()


def test_builtin_migrations_are_numbered_from_one() -> None:
    steps = builtin_migrations()
    assert [m.version for m in steps] == list(range(1, len(steps) + 1))
    assert steps[0].name == "schema" and len(steps) >= 2


def test_migrations_are_applied_once(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    Store.open(path).close()
    first = _versions(path)
    assert [v for v, _ in first] == [m.version for m in builtin_migrations()]
    Store.open(path).close()
    Store.open(path).close()
    assert _versions(path) == first


def test_new_migrations_apply_in_order_to_an_existing_store() -> None:
    con = duckdb.connect()
    steps = (
        Migration(1, "base", "CREATE TABLE t (x INTEGER)"),
        Migration(2, "add_y", "ALTER TABLE t ADD COLUMN y INTEGER"),
    )
    assert migrate(con, steps[:1], source="mem") == [1]
    assert migrate(con, steps, source="mem") == [2]
    assert migrate(con, steps, source="mem") == []
    assert current_version(con) == 2
    cols = [r[0] for r in con.execute("DESCRIBE t").fetchall()]
    assert cols == ["x", "y"]


def test_a_failing_migration_is_rolled_back_and_named() -> None:
    con = duckdb.connect()
    steps = (
        Migration(1, "base", "CREATE TABLE t (x INTEGER)"),
        Migration(2, "broken", "CREATE TABLE u (y INTEGER); SELECT * FROM nowhere"),
    )
    with pytest.raises(StoreError, match="002_broken"):
        migrate(con, steps, source="mem")
    assert current_version(con) == 1
    tables = {r[0] for r in con.execute("SHOW TABLES").fetchall()}
    assert "u" not in tables


def test_gaps_in_numbering_are_refused() -> None:
    con = duckdb.connect()
    with pytest.raises(StoreError, match="not numbered"):
        migrate(con, (Migration(1, "a", "SELECT 1"), Migration(3, "c", "SELECT 1")), source="m")


def test_a_store_newer_than_the_code_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("INSERT INTO schema_version VALUES (999, 'future', now()::TIMESTAMP)")
    con.close()
    with pytest.raises(StoreError, match="newer") as info:
        Store.open(path)
    assert info.value.source == str(path)


def test_read_only_open_refuses_an_unmigrated_store() -> None:
    con = duckdb.connect()
    steps = builtin_migrations()
    migrate(con, steps[:1], source="mem")
    with pytest.raises(StoreError, match="open it for writing once"):
        check_current(con, steps, source="mem")
