"""The event store: documents, event mentions, canonical events and ingestion errors.

DuckDB lets one process write a database file at a time (and then no other process may
open it), so the CLI's ``ingest`` opens the store for writing and ``timeline`` and
``export`` open it with ``read_only=True``. A server that must keep answering while an
ingest runs reads a published snapshot instead (:meth:`Store.publish_snapshot`,
:class:`dateline.store.snapshot.SnapshotReader`); ``docs/data.md`` explains the choice.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType
from typing import Self

import duckdb

from dateline.errors import StoreError
from dateline.store import cluster, snapshot
from dateline.store.connection import one_line
from dateline.store.migrate import builtin_migrations, check_current, migrate
from dateline.store.reads import TIMELINE_COLUMNS, StoreQueries
from dateline.store.writes import StoreWrites

__all__ = ["TIMELINE_COLUMNS", "Store"]  # TIMELINE_COLUMNS: the serve layer imports it here

_CANONICAL_VERSION = 3  # migrations/003_canonical_events.sql


class Store(StoreWrites, StoreQueries):
    """A DuckDB event store. Open with :meth:`Store.open`; use as a context manager.

    Its queries are in :mod:`dateline.store.reads`, its writes in
    :mod:`dateline.store.writes`.
    """

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: str | Path,
        *,
        read_only: bool = False,
        snapshot_interval: float | None = None,
    ) -> Store:
        """Open (and on first open create and migrate) the store at ``path``.

        ``":memory:"`` gives a throwaway store. Raises StoreError naming the file when it
        is not a DuckDB database, is locked by a writer, or has an unexpected schema.

        ``snapshot_interval`` (seconds, writers only): publish a read-only snapshot for
        servers (:meth:`publish_snapshot`) after an add when at least that long has passed
        since the last one, and once more on close; None publishes none.
        """
        name = str(path)
        if read_only and name != ":memory:" and not Path(name).exists():
            raise StoreError("no store here (open it for writing first)", source=name)
        try:
            con = duckdb.connect(name, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store: {one_line(exc)}", source=name) from exc
        try:
            migrations = builtin_migrations()
            if read_only:
                check_current(con, migrations, source=name)
            else:
                applied = migrate(con, migrations, source=name)
                if _CANONICAL_VERSION in applied:
                    # Mentions stored before canonical events existed: cluster them once.
                    con.begin()
                    try:
                        cluster.recluster(con)
                        con.commit()
                    except BaseException:
                        con.rollback()
                        raise
        except (StoreError, duckdb.Error) as exc:
            con.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot read store: {one_line(exc)}", source=name) from exc
        return cls(con, name, read_only=read_only, snapshot_interval=snapshot_interval)

    @classmethod
    def open_snapshot_reader(cls, path: str | Path) -> snapshot.SnapshotReader:
        """A reader for servers: short read-only opens of the latest published snapshot.

        See :class:`dateline.store.snapshot.SnapshotReader`; ``path`` is the main store file.
        """
        return snapshot.SnapshotReader(path)

    def close(self) -> None:
        try:
            if self._snapshot_interval is not None and not self.read_only:
                self.publish_snapshot()
        finally:
            self._con.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
