"""The connection a :class:`~dateline.store.Store` wraps, shared by its reads and writes.

:class:`StoreConnection` holds what every Store method works on (the DuckDB connection, the
store's path, whether it was opened read-only); :mod:`dateline.store.reads` adds the
queries, :mod:`dateline.store.writes` the ingestion, and :mod:`dateline.store.database`
opening and closing.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb

from dateline.errors import StoreError


class StoreConnection:
    """A DuckDB connection to an event store, its path, its mode and its snapshot timing."""

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        path: str,
        *,
        read_only: bool,
        snapshot_interval: float | None = None,
    ) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only
        self._snapshot_interval = snapshot_interval
        self._published_at: float | None = None

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for exporters and ad-hoc SQL (do not close it)."""
        return self._con

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[Any]:
        try:
            return self._con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {one_line(exc)}", source=self.path) from exc


def one_line(exc: BaseException) -> str:
    """A DuckDB (or OS) error message on one line, for a StoreError."""
    return " ".join(str(exc).split())
