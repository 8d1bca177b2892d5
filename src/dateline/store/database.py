"""The event store: documents, event mentions, canonical events and ingestion errors.

DuckDB lets one process write a database file at a time (and then no other process may
open it), so the CLI's ``ingest`` opens the store for writing and ``timeline`` and
``export`` open it with ``read_only=True``. A server that must keep answering while an
ingest runs reads a published snapshot instead (:meth:`Store.publish_snapshot`,
:class:`dateline.store.snapshot.SnapshotReader`); ``docs/data.md`` explains the choice.
"""

from __future__ import annotations

import functools
import gc
import json
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from dateline.errors import StoreError
from dateline.records import Article, Extraction, Failure
from dateline.store import bulk, cluster, codec, snapshot
from dateline.store.migrate import (
    builtin_migrations,
    check_current,
    current_version,
    migrate,
)
from dateline.store.results import (
    ActorSummary,
    AddResult,
    AddSummary,
    CanonicalEvent,
    ConflictReport,
    DyadMonth,
    StoredEvent,
    StoreStats,
    TimelineRow,
)

_INSERT_DOCUMENT = codec.insert_sql("documents", codec.DOCUMENT_COLUMNS)
# Rows per multi-row INSERT: one statement per chunk is several times faster than
# executemany, which runs the statement once per row.
_CHUNK = 100

#: The columns of a TimelineRow, in its field order (the serve layer reads the same ones).
TIMELINE_COLUMNS = (
    "id",
    "article_id",
    "type",
    "mode",
    "status",
    "date_start",
    "date_end",
    "granularity",
    "basis",
    "date_text",
    "actor",
    "recipient",
    "actor_countries",
    "recipient_countries",
    "place_name",
    "place_country",
    "sentence",
    "trigger",
    "title",
    "url",
    "source",
    "published",
    "quad",
    "score",
)

_TIMELINE_FROM_DOCUMENT = frozenset({"title", "url", "source", "published"})
_TIMELINE_SELECT = ", ".join(
    f"f.doc_{c}" if c in _TIMELINE_FROM_DOCUMENT else f"f.{c}" for c in TIMELINE_COLUMNS
)

# An actor key matches a code (case-insensitive) or a name (case-insensitive, whole name).
# ``actor_keys`` holds ``|c:CODE|n:name|`` for every entity of the mention, both sides;
# the parameters are :func:`codec.actor_key`'s two fragments.
_ACTOR_MATCH = "(contains(f.actor_keys, ?) OR contains(f.actor_keys, ?))"
# The same for a canonical event: any of its mentions involves the actor.
_CANONICAL_ACTOR_MATCH = (
    "EXISTS (SELECT 1 FROM canonical_mentions c JOIN event_mentions f ON f.id = c.mention_id "
    "WHERE c.canonical_id = e.id AND " + _ACTOR_MATCH + ")"
)
_CANONICAL_SELECT = "SELECT " + ", ".join(f"e.{c}" for c in cluster.CANONICAL_COLUMNS)
_CANONICAL_VERSION = 3  # migrations/003_canonical_events.sql
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A DuckDB event store. Open with :meth:`Store.open`; use as a context manager."""

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
            raise StoreError(f"cannot open store: {_one_line(exc)}", source=name) from exc
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
            raise StoreError(f"cannot read store: {_one_line(exc)}", source=name) from exc
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
            raise StoreError(
                f"cannot publish snapshot: {_one_line(exc)}", source=str(dest)
            ) from exc
        self._published_at = time.monotonic()
        return dest

    def _maybe_publish(self) -> None:
        interval = self._snapshot_interval
        if interval is None or self.read_only:
            return
        now = time.monotonic()
        if self._published_at is None or now - self._published_at >= interval:
            self.publish_snapshot()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------
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
            raise StoreError(f"cannot store document: {_one_line(exc)}", source=source) from exc
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
            raise StoreError(f"bulk load failed: {_one_line(exc)}", source=self.path) from exc
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
            raise StoreError(f"recluster failed: {_one_line(exc)}", source=self.path) from exc
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
                f"cannot record failure: {_one_line(exc)}", source=failure.source
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

    # -- reading -------------------------------------------------------------------------
    def timeline(
        self,
        *,
        actors: Sequence[str] = (),
        type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[TimelineRow]:
        """Event mentions in date order (unknown dates last, then in storage order).

        ``actors``: ISO3 codes or actor names (case-insensitive). One key gives the events
        where it is actor or recipient; several give the events involving all of them, on
        either side. ``since``/``until`` keep events whose interval overlaps them (events
        with no date are then left out). ``type`` is a PLOVER type (case-insensitive).
        """
        where: list[str] = []
        params: list[Any] = []
        for key in actors:
            where.append(_ACTOR_MATCH)
            params.extend(codec.actor_key(key))
        _date_filters(where, params, type, since, until, alias="f")
        # One table: the article's fields are copied into each mention row. A mention's
        # seq follows its article's storage order and its ordinal, so ordering by it is
        # the events_flat order (article_seq, ordinal).
        inner = f"SELECT {_TIMELINE_SELECT} FROM event_mentions f"
        if where:
            inner += " WHERE " + " AND ".join(where)
        inner += " ORDER BY f.date_start NULLS LAST, f.seq"
        if limit is not None:
            inner += " LIMIT ?"
            params.append(max(limit, 0))
        rows = self._fetch(inner, params)
        # Tens of thousands of new tuples would set off cyclic collections that re-scan
        # the fetched rows and the records over and over (a third of an unbounded dyad
        # timeline's time at 1,000,000 events); the records hold no cycles, so the
        # collector pauses while they are built.
        paused = gc.isenabled()
        gc.disable()
        try:
            return list(map(_timeline_row, rows))
        finally:
            if paused:
                gc.enable()

    def canonical_events(
        self,
        *,
        actors: Sequence[str] = (),
        type: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int | None = None,
    ) -> list[CanonicalEvent]:
        """Canonical events in date order (unknown dates last, then storage order).

        The filters mean what they mean for :meth:`timeline`; an actor key matches a
        canonical event when it matches any of its mentions. ``mentions`` are left empty
        (see :meth:`canonical_event`).
        """
        where: list[str] = []
        params: list[Any] = []
        for key in actors:
            where.append(_CANONICAL_ACTOR_MATCH)
            params.extend(codec.actor_key(key))
        _date_filters(where, params, type, since, until, alias="e")
        sql = _CANONICAL_SELECT + " FROM canonical_events e"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY e.date_start NULLS LAST, e.seq"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        return [_canonical(r) for r in self._fetch(sql, params)]

    def canonical_event(self, canonical_id: str) -> CanonicalEvent | None:
        """One canonical event with every mention that reports it (evidence, article)."""
        rows = self._fetch(
            _CANONICAL_SELECT + " FROM canonical_events e WHERE e.id = ?", [canonical_id]
        )
        if not rows:
            return None
        mentions = self._fetch(
            codec.EVENT_SELECT
            + " JOIN canonical_mentions c ON c.mention_id = m.id WHERE c.canonical_id = ?"
            + " ORDER BY m.seq",
            [canonical_id],
        )
        return _canonical(rows[0], tuple(codec.stored_event(r) for r in mentions))

    def canonical_of(self, event_id: str) -> str | None:
        """The id of the canonical event an event mention belongs to, or None."""
        rows = self._fetch(
            "SELECT canonical_id FROM canonical_mentions WHERE mention_id = ?", [event_id]
        )
        return str(rows[0][0]) if rows else None

    def dyad_summary(
        self,
        a: str,
        b: str,
        *,
        canonical: bool = False,
        since: date | None = None,
        until: date | None = None,
    ) -> list[DyadMonth]:
        """Per month (of the event's start date): events involving both ``a`` and ``b``
        (codes or names, either side), counted by quad class, with the mean PLOVER score.

        Counts event mentions, or canonical events with ``canonical=True``. Events with no
        date are left out.
        """
        where: list[str] = []
        params: list[Any] = []
        match = _CANONICAL_ACTOR_MATCH if canonical else _ACTOR_MATCH
        for key in (a, b):
            where.append(match)
            params.extend(codec.actor_key(key))
        alias = "e" if canonical else "f"
        _date_filters(where, params, None, since, until, alias=alias)
        where.append(f"{alias}.date_start IS NOT NULL")
        table = "canonical_events e" if canonical else "event_mentions f"
        counts = ", ".join(f"count(*) FILTER (WHERE {alias}.quad = '{q}')" for q in _QUADS)
        sql = (
            f"SELECT date_trunc('month', {alias}.date_start) AS month, count(*), {counts}, "
            f"avg({alias}.score) FROM {table} WHERE "
            + " AND ".join(where)
            + " GROUP BY month ORDER BY month"
        )
        return [
            DyadMonth(
                month=_as_day(r[0]),
                events=int(r[1]),
                verbal_cooperation=int(r[2]),
                material_cooperation=int(r[3]),
                verbal_conflict=int(r[4]),
                material_conflict=int(r[5]),
                mean_score=None if r[6] is None else float(r[6]),
            )
            for r in self._fetch(sql, params)
        ]

    def busiest_dyad(self) -> tuple[str, str] | None:
        """The pair of different countries with most events between them, or None.

        Pairs are unordered and count actor x recipient and actor x actor (co-actors);
        ties go to the alphabetically first pair.
        """
        row = self._fetch(
            "SELECT a.country, b.country, count(DISTINCT a.event_id) AS n "
            "FROM event_actors a JOIN event_actors b "
            "ON a.event_id = b.event_id AND a.country < b.country "
            "WHERE NOT (a.role = 'recipient' AND b.role = 'recipient') "
            "GROUP BY a.country, b.country ORDER BY n DESC, a.country, b.country LIMIT 1",
            [],
        )
        return (str(row[0][0]), str(row[0][1])) if row else None

    def stats(self) -> StoreStats:
        row = self._fetch(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM event_mentions), "
            "(SELECT count(*) FROM ingestion_errors), (SELECT count(*) FROM canonical_events)",
            [],
        )[0]
        return StoreStats(
            documents=int(row[0]),
            events=int(row[1]),
            errors=int(row[2]),
            schema_version=current_version(self._con),
            canonical_events=int(row[3]),
        )

    def event(self, event_id: str) -> StoredEvent | None:
        """One event mention with its actors, place, date, evidence and article; None if absent."""
        rows = self._fetch(codec.EVENT_SELECT + " WHERE m.id = ?", [event_id])
        return codec.stored_event(rows[0]) if rows else None

    def article(self, article_id: str) -> Article | None:
        """The stored article (text, metadata, paragraphs); None if absent."""
        rows = self._fetch(
            "SELECT id, url, source, title, published, byline, language, text, paragraphs, "
            "origin FROM documents WHERE id = ?",
            [article_id],
        )
        return codec.article(rows[0]) if rows else None

    def events(self, *, batch_size: int = 1000) -> Iterator[StoredEvent]:
        """Every event mention, in timeline order, read in batches."""
        try:
            cursor = self._con.cursor()
            try:
                cursor.execute(codec.EVENT_SELECT + codec.EVENT_ORDER)
                while batch := cursor.fetchmany(batch_size):
                    for row in batch:
                        yield codec.stored_event(row)
            finally:
                cursor.close()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {_one_line(exc)}", source=self.path) from exc

    def actors(self, query: str, *, limit: int = 50) -> list[ActorSummary]:
        """Actors whose country code equals ``query`` or whose name contains it (any case)."""
        rows = self._fetch(
            "SELECT name, country, count(DISTINCT event_id) AS n, "
            "count(DISTINCT event_id) FILTER (WHERE role = 'actor'), "
            "count(DISTINCT event_id) FILTER (WHERE role = 'recipient') "
            "FROM event_actors "
            "WHERE upper(country) = upper(?) OR contains(lower(name), lower(?)) "
            "GROUP BY name, country ORDER BY n DESC, name, country LIMIT ?",
            [query, query, max(limit, 0)],
        )
        return [
            ActorSummary(
                name=str(r[0]),
                country=r[1],
                events=int(r[2]),
                as_actor=int(r[3]),
                as_recipient=int(r[4]),
            )
            for r in rows
        ]

    def failures(self) -> list[Failure]:
        """Recorded ingestion errors, oldest first."""
        rows = self._fetch("SELECT source, reason, stage FROM ingestion_errors ORDER BY id", [])
        return [Failure(source=r[0], reason=r[1], stage=r[2]) for r in rows]

    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for exporters and ad-hoc SQL (do not close it)."""
        return self._con

    def _fetch(self, sql: str, params: Sequence[Any]) -> list[Any]:
        try:
            return self._con.execute(sql, list(params)).fetchall()
        except duckdb.Error as exc:
            raise StoreError(f"query failed: {_one_line(exc)}", source=self.path) from exc


def _insert_rows(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
) -> None:
    for i in range(0, len(rows), _CHUNK):
        chunk = rows[i : i + _CHUNK]
        con.execute(codec.insert_sql(table, columns, len(chunk)), [v for r in chunk for v in r])


def _date_filters(
    where: list[str],
    params: list[Any],
    type: str | None,
    since: date | None,
    until: date | None,
    *,
    alias: str,
) -> None:
    if type is not None:
        where.append(f"upper({alias}.type) = upper(?)")
        params.append(type)
    if since is not None:
        where.append(f"coalesce({alias}.date_end, {alias}.date_start) >= ?")
        params.append(since)
    if until is not None:
        where.append(f"coalesce({alias}.date_start, {alias}.date_end) <= ?")
        params.append(until)


def _as_day(value: Any) -> date:
    return value.date() if isinstance(value, datetime) else value


def _canonical(r: Sequence[Any], mentions: tuple[StoredEvent, ...] = ()) -> CanonicalEvent:
    v = dict(zip(cluster.CANONICAL_COLUMNS, r, strict=True))
    conflicts = tuple(
        ConflictReport(
            mention_id=c["mention_id"],
            article_id=c["article_id"],
            source=c["source"],
            published=_parse_day(c["published"]),
            date_start=_parse_day(c["date_start"]),
            date_end=_parse_day(c["date_end"]),
            granularity=c["granularity"],
            date_text=c["date_text"],
            basis=c["basis"],
        )
        for c in json.loads(v["conflicts"])
    )
    return CanonicalEvent(
        id=v["id"],
        type=v["type"],
        mode=v["mode"],
        actor_countries=_split(v["actor_countries"]),
        recipient_countries=_split(v["recipient_countries"]),
        date_start=v["date_start"],
        date_end=v["date_end"],
        granularity=v["granularity"],
        basis=v["basis"],
        place_name=v["place_name"],
        place_country=v["place_country"],
        place_geonameid=v["place_geonameid"],
        place_lat=v["place_lat"],
        place_lon=v["place_lon"],
        place_feature=v["place_feature"],
        score=v["score"],
        quad=v["quad"],
        num_mentions=int(v["num_mentions"]),
        num_sources=int(v["num_sources"]),
        num_articles=int(v["num_articles"]),
        first_reported=v["first_reported"],
        last_reported=v["last_reported"],
        conflicts=conflicts,
        mentions=mentions,
    )


def _parse_day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _split(countries: str | None) -> tuple[str, ...]:
    return tuple(c for c in (countries or "").split(";") if c)


# A TimelineRow straight from a row in TIMELINE_COLUMNS order (its field order), in C:
# an unbounded timeline builds one per row.
_timeline_row = functools.partial(tuple.__new__, TimelineRow)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
