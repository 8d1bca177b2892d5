"""Serving while ingesting: the writer publishes snapshots, readers reopen the newest.

DuckDB allows one process to open a database file for writing, and while it does no other
process may open that file at all. So the ingesting process, the only writer, copies the
whole store into a side file (``COPY FROM DATABASE`` into a fresh file, then an atomic
rename onto ``<store>.snapshot``) after some documents; a server reads the snapshot through
a :class:`SnapshotReader`, which notices a new one (its inode, size or mtime changed) and
reopens it. Readers never touch the writer's file, so neither side waits for the other;
the price is a copy of the store per publication and news that is at most one publication
interval old.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

import duckdb

from dateline.errors import StoreError

if TYPE_CHECKING:
    from dateline.store.database import Store

SUFFIX = ".snapshot"


def snapshot_path(store_path: str | Path) -> Path:
    """Where the snapshot of the store at ``store_path`` is published."""
    return Path(str(store_path) + SUFFIX)


def publish(con: duckdb.DuckDBPyConnection, dest: Path) -> None:
    """Copy the connection's database to ``dest`` atomically (between transactions)."""
    tmp = dest.with_name(f"{dest.name}.{os.getpid()}.tmp")
    for stale in (tmp, Path(str(tmp) + ".wal")):
        stale.unlink(missing_ok=True)
    row = con.execute("SELECT current_database()").fetchone()
    source = str(row[0]) if row is not None else "main"
    literal = "'" + str(tmp).replace("'", "''") + "'"
    con.execute(f"ATTACH {literal} AS dateline_snapshot")
    try:
        con.execute(f'COPY FROM DATABASE "{source}" TO dateline_snapshot')
    finally:
        con.execute("DETACH dateline_snapshot")
    os.replace(tmp, dest)


class SnapshotReader:
    """Read-only access to the newest published snapshot of a store.

    ``current()`` returns an open read-only :class:`Store` on the latest snapshot, reopening
    when a new one has been published. A request may use the Store (or a cursor of it, one
    per thread) until the snapshot after next is noticed: the previous Store is closed one
    publication later. Without a snapshot it opens the store file itself, retrying while a
    writer holds it, and raises StoreError when it stays locked.
    """

    def __init__(self, path: str | Path, *, retries: int = 20, wait: float = 0.05) -> None:
        self.path = Path(path)
        self.snapshot = snapshot_path(path)
        self._retries = retries
        self._wait = wait
        self._store: Store | None = None
        self._retired: Store | None = None
        self._ident: tuple[str, int, int, int] | None = None

    def current(self) -> Store:
        from dateline.store.database import Store  # the store module imports this one

        last: StoreError | None = None
        for _ in range(self._retries + 1):
            target = self.snapshot if self.snapshot.exists() else self.path
            try:
                st = target.stat()
            except FileNotFoundError:
                last = StoreError("no store or snapshot here", source=str(self.path))
                time.sleep(self._wait)
                continue
            ident = (str(target), st.st_ino, st.st_size, st.st_mtime_ns)
            if self._store is not None and ident == self._ident:
                return self._store
            try:
                fresh = self._open(Store, target, st.st_ino)
            except (StoreError, OSError) as exc:  # locked by the writer, or just replaced
                last = exc if isinstance(exc, StoreError) else StoreError(str(exc))
                time.sleep(self._wait)
                continue
            # Requests may still run on cursors of the previous Store (closing a connection
            # kills its cursors), so it is retired and closed one publication later.
            if self._retired is not None:
                self._retired.close()
            self._retired, self._store, self._ident = self._store, fresh, ident
            return fresh
        assert last is not None
        raise last

    def _open(self, store_class: type[Store], target: Path, inode: int) -> Store:
        if target != self.snapshot:
            return store_class.open(target, read_only=True)
        # DuckDB hands a second open of a path that is still open in this process (a
        # request's cursor on the previous snapshot) the same cached database, i.e. the old
        # contents. So each snapshot is opened under a name of its own: a hard link to it,
        # removed again once open (the open file stays readable).
        link = target.with_name(f"{target.name}.{os.getpid()}.{inode}.{time.time_ns()}.open")
        os.link(target, link)
        try:
            return store_class.open(link, read_only=True)
        finally:
            link.unlink(missing_ok=True)

    def close(self) -> None:
        for store in (self._retired, self._store):
            if store is not None:
                store.close()
        self._store = self._retired = None
        self._ident = None

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
