"""The event store: documents, event mentions and ingestion errors in one DuckDB file.

DuckDB lets one process write a database file at a time (any number may read it when
nobody writes), so the CLI's ``ingest`` opens the store for writing and ``timeline``,
``export`` and ``serve`` open it with ``read_only=True``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import duckdb

from dateline.errors import StoreError
from dateline.records import Article, Extraction, Failure
from dateline.store import codec
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
    StoredEvent,
    StoreStats,
    TimelineRow,
)

_INSERT_DOCUMENT = codec.insert_sql("documents", codec.DOCUMENT_COLUMNS)
# Rows per multi-row INSERT: one statement per chunk is several times faster than
# executemany, which runs the statement once per row.
_CHUNK = 100

_TIMELINE_COLUMNS = (
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

# An actor key matches a code (case-insensitive) or a name (case-insensitive, whole name).
_ACTOR_MATCH = (
    "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = f.id "
    "AND (upper(a.country) = upper(?) OR lower(a.name) = lower(?)))"
)


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A DuckDB event store. Open with :meth:`Store.open`; use as a context manager."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, *, read_only: bool) -> None:
        self._con = con
        self.path = path
        self.read_only = read_only

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False) -> Store:
        """Open (and on first open create and migrate) the store at ``path``.

        ``":memory:"`` gives a throwaway store. Raises StoreError naming the file when it
        is not a DuckDB database, is locked by a writer, or has an unexpected schema.
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
                migrate(con, migrations, source=name)
        except (StoreError, duckdb.Error) as exc:
            con.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(f"cannot read store: {_one_line(exc)}", source=name) from exc
        return cls(con, name, read_only=read_only)

    def close(self) -> None:
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
                    codec.mention_row(article.id, i, ev) for i, ev in enumerate(extraction.events)
                ]
                actors = [row for ev in extraction.events for row in codec.actor_rows(ev)]
                _insert_rows(con, "event_mentions", codec.MENTION_COLUMNS, mentions)
                _insert_rows(con, "event_actors", codec.ACTOR_COLUMNS, actors)
                con.commit()
            except BaseException:
                con.rollback()
                raise
        except duckdb.Error as exc:
            raise StoreError(f"cannot store document: {_one_line(exc)}", source=source) from exc
        return AddResult(article_id=article.id, added=True, events=len(extraction.events))

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
            params.extend([key, key])
        if type is not None:
            where.append("upper(f.type) = upper(?)")
            params.append(type)
        if since is not None:
            where.append("coalesce(f.date_end, f.date_start) >= ?")
            params.append(since)
        if until is not None:
            where.append("coalesce(f.date_start, f.date_end) <= ?")
            params.append(until)
        sql = f"SELECT {', '.join(f'f.{c}' for c in _TIMELINE_COLUMNS)} FROM events_flat f"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY f.date_start NULLS LAST, f.article_seq, f.ordinal"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(max(limit, 0))
        return [_timeline_row(r) for r in self._fetch(sql, params)]

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
            "(SELECT count(*) FROM ingestion_errors)",
            [],
        )[0]
        return StoreStats(
            documents=int(row[0]),
            events=int(row[1]),
            errors=int(row[2]),
            schema_version=current_version(self._con),
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


def _split(countries: str | None) -> tuple[str, ...]:
    return tuple(c for c in (countries or "").split(";") if c)


def _timeline_row(r: Sequence[Any]) -> TimelineRow:
    v = dict(zip(_TIMELINE_COLUMNS, r, strict=True))
    return TimelineRow(
        event_id=v["id"],
        article_id=v["article_id"],
        type=v["type"],
        mode=v["mode"],
        status=v["status"],
        date_start=v["date_start"],
        date_end=v["date_end"],
        granularity=v["granularity"],
        basis=v["basis"],
        date_text=v["date_text"],
        actor=v["actor"],
        recipient=v["recipient"],
        actor_countries=_split(v["actor_countries"]),
        recipient_countries=_split(v["recipient_countries"]),
        place=v["place_name"],
        place_country=v["place_country"],
        sentence=v["sentence"],
        trigger=v["trigger"],
        title=v["title"],
        url=v["url"],
        source=v["source"],
        published=v["published"],
        quad=v["quad"],
        score=v["score"],
    )


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())
