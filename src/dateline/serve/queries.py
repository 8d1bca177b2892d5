"""Read-only queries the HTTP API needs beyond :class:`~dateline.store.Store`'s own.

Every value reaches DuckDB as a ``?`` parameter; only this module's constants are ever
formatted into SQL text. Each function takes the per-request Store (a cursor of its own).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.store import Store, TimelineRow
from dateline.store.database import TIMELINE_COLUMNS

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")

# The columns of a TimelineRow, in its field order, read from the events_flat view.
_ROW_COLUMNS = TIMELINE_COLUMNS
_SELECT_ROWS = "SELECT " + ", ".join(f"f.{c}" for c in _ROW_COLUMNS) + " FROM events_flat f"
_ORDER = " ORDER BY f.date_start NULLS LAST, f.article_seq, f.ordinal"

# Same rule as Store.timeline: a key is a code or a whole name, either case.
_ACTOR_MATCH = (
    "EXISTS (SELECT 1 FROM event_actors a WHERE a.event_id = f.id "
    "AND (upper(a.country) = upper(?) OR lower(a.name) = lower(?)))"
)
_TEXT_FIELDS = ("f.sentence", "f.title", "f.actor", "f.recipient", "f.place_name", "f.source")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """The filters /api/events, /api/timeline and the page share (already validated)."""

    actors: tuple[str, ...] = ()
    type: str | None = None
    status: str | None = None
    since: date | None = None
    until: date | None = None
    q: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """A WHERE clause (possibly empty) over ``events_flat f`` and its parameters."""
        parts: list[str] = []
        params: list[Any] = []
        for key in self.actors:
            parts.append(_ACTOR_MATCH)
            params.extend([key, key])
        if self.type is not None:
            parts.append("f.type = ?")
            params.append(self.type)
        if self.status is not None:
            parts.append("f.status = ?")
            params.append(self.status)
        if self.since is not None:
            parts.append("coalesce(f.date_end, f.date_start) >= ?")
            params.append(self.since)
        if self.until is not None:
            parts.append("coalesce(f.date_start, f.date_end) <= ?")
            params.append(self.until)
        if self.q:
            pattern = "%" + _escape_like(self.q) + "%"
            parts.append("(" + " OR ".join(f"{c} ILIKE ? ESCAPE '\\'" for c in _TEXT_FIELDS) + ")")
            params.extend([pattern] * len(_TEXT_FIELDS))
        return (" WHERE " + " AND ".join(parts) if parts else ""), params


@dataclass(frozen=True, slots=True)
class DyadCount:
    a: str
    b: str
    events: int


@dataclass(frozen=True, slots=True)
class DyadMonth:
    """One month of a dyad's history, by the month each event's interval starts."""

    month: str
    events: int
    quads: dict[str, int]
    mean_score: float | None


@dataclass(frozen=True, slots=True)
class MentionRef:
    """An event mention located in its article: what the evidence view highlights."""

    event_id: str
    article_id: str
    type: str
    quad: str | None
    status: str
    date_start: date | None
    date_end: date | None
    granularity: str | None
    date_text: str | None
    basis: str
    actor: str
    recipient: str
    sentence: str
    sentence_start: int
    sentence_end: int
    trigger: str
    trigger_start: int
    title: str | None
    source: str | None
    url: str | None
    published: date | None


def count_events(store: Store, flt: EventFilter) -> int:
    where, params = flt.where()
    rows = _fetch(store, "SELECT count(*) FROM events_flat f" + where, params)
    return int(rows[0][0])


def list_events(store: Store, flt: EventFilter, *, limit: int, offset: int) -> list[TimelineRow]:
    """Matching mentions in timeline order, one page of them."""
    where, params = flt.where()
    sql = _SELECT_ROWS + where + _ORDER + " LIMIT ? OFFSET ?"
    return [_timeline_row(r) for r in _fetch(store, sql, [*params, limit, offset])]


def top_dyads(store: Store, *, limit: int, actor: str | None = None) -> list[DyadCount]:
    """Pairs of different countries by event count (the rule of Store.busiest_dyad)."""
    sql = (
        "SELECT a.country, b.country, count(DISTINCT a.event_id) AS n "
        "FROM event_actors a JOIN event_actors b "
        "ON a.event_id = b.event_id AND a.country < b.country "
        "WHERE NOT (a.role = 'recipient' AND b.role = 'recipient')"
    )
    params: list[Any] = []
    if actor is not None:
        sql += " AND (upper(a.country) = upper(?) OR upper(b.country) = upper(?))"
        params.extend([actor, actor])
    sql += " GROUP BY a.country, b.country ORDER BY n DESC, a.country, b.country LIMIT ?"
    rows = _fetch(store, sql, [*params, limit])
    return [DyadCount(a=str(r[0]), b=str(r[1]), events=int(r[2])) for r in rows]


def dyad_months(
    store: Store, a: str, b: str, *, since: date | None = None, until: date | None = None
) -> tuple[list[DyadMonth], int]:
    """Per-month counts by quad class and mean score for events involving both countries;
    also the number of such events with no date (left out of the months)."""
    flt = EventFilter(actors=(a, b), since=since, until=until)
    where, params = flt.where()
    quad_counts = ", ".join("count(*) FILTER (WHERE f.quad = ?)" for _ in QUADS)
    dated = (" AND " if where else " WHERE ") + "f.date_start IS NOT NULL"
    sql = (
        "SELECT strftime(date_trunc('month', f.date_start), '%Y-%m') AS month, count(*), "
        f"avg(f.score), {quad_counts} FROM events_flat f{where}{dated} "
        "GROUP BY month ORDER BY month"
    )
    rows = _fetch(store, sql, [*QUADS, *params])
    months = [
        DyadMonth(
            month=str(r[0]),
            events=int(r[1]),
            mean_score=None if r[2] is None else round(float(r[2]), 3),
            quads={q: int(n) for q, n in zip(QUADS, r[3:], strict=True)},
        )
        for r in rows
    ]
    undated_sql = "SELECT count(*) FROM events_flat f" + where
    undated_sql += (" AND " if where else " WHERE ") + "f.date_start IS NULL"
    undated = int(_fetch(store, undated_sql, params)[0][0])
    return months, undated


_MENTION_SELECT = (
    "SELECT f.id, f.article_id, f.type, f.quad, f.status, f.date_start, f.date_end, "
    "f.granularity, f.date_text, f.basis, f.actor, f.recipient, f.sentence, f.sentence_start, "
    "f.sentence_end, f.trigger, m.trigger_start, f.title, f.source, f.url, f.published "
    "FROM events_flat f JOIN event_mentions m ON m.id = f.id"
)


def document_mentions(store: Store, article_id: str) -> list[MentionRef]:
    """The events of one article, in article order."""
    sql = _MENTION_SELECT + " WHERE f.article_id = ? ORDER BY f.ordinal"
    return [_mention(r) for r in _fetch(store, sql, [article_id])]


def related_reports(store: Store, event_id: str, *, limit: int = 50) -> list[MentionRef]:
    """Other mentions that report the same event.

    Where the store has clustered mentions into canonical events (``canonical_mentions``,
    schema 3), those are the mentions sharing this one's canonical event. Otherwise, other
    articles' mentions of the same type, the same set of countries and overlapping dates.
    """
    if _has_table(store, "canonical_mentions"):
        sql = (
            _MENTION_SELECT + " JOIN canonical_mentions c ON c.mention_id = f.id "
            "WHERE c.canonical_id = (SELECT canonical_id FROM canonical_mentions "
            "WHERE mention_id = ?) AND f.id <> ? "
            "ORDER BY f.published NULLS LAST, f.article_seq, f.ordinal LIMIT ?"
        )
        return [_mention(r) for r in _fetch(store, sql, [event_id, event_id, limit])]
    sql = (
        "WITH sets AS (SELECT event_id, "
        "list_sort(list_distinct(list(country) FILTER (WHERE country IS NOT NULL))) AS cs "
        "FROM event_actors GROUP BY event_id), "
        "me AS (SELECT f.*, s.cs FROM events_flat f JOIN sets s ON s.event_id = f.id "
        "WHERE f.id = ?) " + _MENTION_SELECT + " JOIN sets s ON s.event_id = f.id, me "
        "WHERE f.id <> me.id AND f.article_id <> me.article_id AND f.type = me.type "
        "AND len(me.cs) > 0 AND s.cs = me.cs "
        "AND me.date_start IS NOT NULL AND f.date_start IS NOT NULL "
        "AND coalesce(f.date_end, f.date_start) >= me.date_start "
        "AND f.date_start <= coalesce(me.date_end, me.date_start) "
        "ORDER BY f.published NULLS LAST, f.article_seq, f.ordinal LIMIT ?"
    )
    return [_mention(r) for r in _fetch(store, sql, [event_id, limit])]


def _has_table(store: Store, name: str) -> bool:
    rows = _fetch(
        store, "SELECT count(*) FROM duckdb_tables() WHERE table_name = ? AND NOT temporary", [name]
    )
    return bool(rows[0][0])


def _fetch(store: Store, sql: str, params: Sequence[Any]) -> list[Any]:
    try:
        return store.connection().execute(sql, list(params)).fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {' '.join(str(exc).split())}", source=store.path) from exc


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _countries(value: str | None) -> tuple[str, ...]:
    return tuple(c for c in (value or "").split(";") if c)


def _timeline_row(r: Sequence[Any]) -> TimelineRow:
    v = dict(zip(_ROW_COLUMNS, r, strict=True))
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
        actor_countries=_countries(v["actor_countries"]),
        recipient_countries=_countries(v["recipient_countries"]),
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


def _mention(r: Sequence[Any]) -> MentionRef:
    return MentionRef(
        event_id=r[0],
        article_id=r[1],
        type=r[2],
        quad=r[3],
        status=r[4],
        date_start=r[5],
        date_end=r[6],
        granularity=r[7],
        date_text=r[8],
        basis=r[9],
        actor=r[10],
        recipient=r[11],
        sentence=r[12],
        sentence_start=int(r[13]),
        sentence_end=int(r[14]),
        trigger=r[15],
        trigger_start=int(r[16]),
        title=r[17],
        source=r[18],
        url=r[19],
        published=r[20],
    )
