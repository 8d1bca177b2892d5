"""The Store's queries: timelines, canonical events, dyads, actors and single records.

Read-only SQL over the tables of ``docs/data.md``; every method returns records
(:mod:`dateline.store.results`), never rows.
"""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.records import Article, Failure
from dateline.store import codec
from dateline.store.canonical_summary import CANONICAL_COLUMNS
from dateline.store.connection import StoreConnection, one_line
from dateline.store.migrate import current_version
from dateline.store.results import (
    ActorSummary,
    CanonicalEvent,
    ConflictReport,
    DyadMonth,
    StoredEvent,
    StoreStats,
    TimelineRow,
)

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
_CANONICAL_SELECT = "SELECT " + ", ".join(f"e.{c}" for c in CANONICAL_COLUMNS)
_QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


class StoreQueries(StoreConnection):
    """The reading half of :class:`~dateline.store.Store`."""

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
            raise StoreError(f"query failed: {one_line(exc)}", source=self.path) from exc

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
    v = dict(zip(CANONICAL_COLUMNS, r, strict=True))
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
