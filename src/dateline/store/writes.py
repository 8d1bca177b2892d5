"""The Store's writes: documents and their events, failures, reclustering, snapshots.

Every add runs in one transaction and is idempotent (a stored content hash is skipped);
canonical events are updated as mentions arrive (:mod:`dateline.store.cluster`); a writer
may publish snapshots for readers (:mod:`dateline.store.snapshot`).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.records import Extraction, Failure
from dateline.store import bulk, cluster, codec, snapshot
from dateline.store.connection import StoreConnection, one_line
from dateline.store.results import AddResult, AddSummary

_INSERT_DOCUMENT = codec.insert_sql("documents", codec.DOCUMENT_COLUMNS)
# Rows per multi-row INSERT: one statement per chunk is several times faster than
# executemany, which runs the statement once per row.
_CHUNK = 100


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class StoreWrites(StoreConnection):
    """The writing half of :class:`~dateline.store.Store`."""

    def publish_snapshot(self, target: str | Path | None = None) -> Path:
        """Copy the whole store to ``target`` (default ``<path>.snapshot``) atomically.

        The copy is written beside the target and renamed onto it, so a reader sees either
        the previous snapshot or the new one, never a half-written file.
        """
        if self.path == ":memory:":
            raise StoreError("an in-memory store has no snapshot")
        dest = Path(target) if target is not None else snapshot.snapshot_path(self.path)
        try:
            snapshot.publish(self._con, dest)
        except (OSError, duckdb.Error) as exc:
            raise StoreError(f"cannot publish snapshot: {one_line(exc)}", source=str(dest)) from exc
        self._published_at = time.monotonic()
        return dest

    def _maybe_publish(self) -> None:
        interval = self._snapshot_interval
        if interval is None or self.read_only:
            return
        now = time.monotonic()
        if self._published_at is None or now - self._published_at >= interval:
            self.publish_snapshot()

    def add(self, extraction: Extraction) -> AddResult:
        """Store one document and its events in one transaction; a stored one is skipped.

        Raises StoreError (naming the document) when it cannot be written, e.g. when its
        article id is already stored with different content; nothing of it is then kept.
        """
        article = extraction.article
        source = article.origin or article.id
        digest = codec.content_hash(article.text, article.url)
        con = self._con
        try:
            con.begin()
            try:
                existing = con.execute(
                    "SELECT id FROM documents WHERE content_hash = ?", [digest]
                ).fetchone()
                if existing is not None:
                    con.rollback()
                    return AddResult(article_id=str(existing[0]), added=False, events=0)
                clash = con.execute("SELECT 1 FROM documents WHERE id = ?", [article.id]).fetchone()
                if clash is not None:
                    raise StoreError(
                        f"article id {article.id!r} is already stored with different content",
                        source=source,
                    )
                con.execute(_INSERT_DOCUMENT, codec.document_row(article, digest, _utcnow()))
                mentions = [
                    codec.mention_insert_row(article, i, ev)
                    for i, ev in enumerate(extraction.events)
                ]
                actors = [row for ev in extraction.events for row in codec.actor_rows(ev)]
                _insert_rows(con, "event_mentions", codec.INSERT_MENTION_COLUMNS, mentions)
                _insert_rows(con, "event_actors", codec.ACTOR_COLUMNS, actors)
                cluster.cluster_mentions(con, [ev.id for ev in extraction.events])
                con.commit()
            except BaseException:
                con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(f"cannot store document: {one_line(exc)}", source=source) from exc
        self._maybe_publish()
        return AddResult(article_id=article.id, added=True, events=len(extraction.events))

    def bulk_add(
        self,
        extractions: Iterable[Extraction],
        *,
        batch_size: int = 50_000,
        cluster_events: bool = False,
    ) -> AddSummary:
        """Store many documents fast: staged through newline-delimited JSON and set SQL.

        Same rows and the same idempotence as :meth:`add` (a stored content hash is
        skipped; an article id stored with other content becomes an ingestion error), one
        transaction per batch of ``batch_size`` events. Canonical events are not updated
        unless ``cluster_events``; call :meth:`recluster` after a bulk load otherwise.
        """
        try:
            summary = bulk.load(self._con, extractions, batch_size=batch_size, now=_utcnow())
            if cluster_events:
                self.recluster()
        except duckdb.Error as exc:
            raise StoreError(f"bulk load failed: {one_line(exc)}", source=self.path) from exc
        self._maybe_publish()
        return summary

    def recluster(self) -> int:
        """Rebuild every canonical event from the stored mentions, in one transaction.

        Gives the same canonical events as adding the documents one by one did. Returns
        the number of canonical events.
        """
        con = self._con
        try:
            con.begin()
            try:
                n = cluster.recluster(con)
                con.commit()
            except BaseException:
                con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(f"recluster failed: {one_line(exc)}", source=self.path) from exc
        return n

    def add_failure(self, failure: Failure) -> None:
        """Record an input that could not be processed, and why."""
        try:
            self._con.execute(
                "INSERT INTO ingestion_errors (source, stage, reason, failed_at) "
                "VALUES (?, ?, ?, ?)",
                [failure.source, failure.stage, failure.reason, _utcnow()],
            )
        except duckdb.Error as exc:
            raise StoreError(
                f"cannot record failure: {one_line(exc)}", source=failure.source
            ) from exc

    def add_many(self, items: Iterable[Extraction | Failure]) -> AddSummary:
        """Store a batch; failures (given, or documents the store refuses) become error rows.

        A refused document never stops the batch; a store that cannot record the refusal
        either (disk full, closed) does, with StoreError.
        """
        added = duplicates = events = failures = 0
        for item in items:
            if isinstance(item, Failure):
                self.add_failure(item)
                failures += 1
                continue
            try:
                result = self.add(item)
            except StoreError as exc:
                self.add_failure(
                    Failure(source=exc.source or item.article.id, reason=exc.message, stage="store")
                )
                failures += 1
                continue
            if result.added:
                added += 1
                events += result.events
            else:
                duplicates += 1
        return AddSummary(added=added, duplicates=duplicates, events=events, failures=failures)


def _insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    for i in range(0, len(rows), _CHUNK):
        chunk = rows[i : i + _CHUNK]
        con.execute(codec.insert_sql(table, columns, len(chunk)), [v for r in chunk for v in r])
