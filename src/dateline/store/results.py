"""What the store returns: frozen records, never database rows or dicts."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from dateline.records import Event


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True, slots=True)
class AddResult:
    """The outcome of storing one document."""

    article_id: str
    added: bool
    """False when a document with the same content hash was already stored."""
    events: int
    """Event mentions written now (0 when not added)."""


@dataclass(frozen=True, slots=True)
class AddSummary:
    """The outcome of :meth:`Store.add_many`."""

    added: int = 0
    duplicates: int = 0
    events: int = 0
    failures: int = 0
    """Failures recorded in ``ingestion_errors`` (given ones and documents the store refused)."""


@dataclass(frozen=True, slots=True)
class StoreStats:
    """Row counts of the main tables."""

    documents: int
    events: int
    errors: int
    schema_version: int
    canonical_events: int = 0
    """Canonical events (real-world events after merging mentions)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "events": self.events,
            "errors": self.errors,
            "schema_version": self.schema_version,
            "canonical_events": self.canonical_events,
        }


@functools.lru_cache(maxsize=4096)
def country_tuple(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
    """Country codes as a tuple, from a tuple or the store's ``;``-joined form."""
    if isinstance(value, tuple):
        return value
    return tuple(value.split(";")) if value else ()


class _TimelineFields(NamedTuple):
    # The fields of a TimelineRow; the two country lists may hold the store's joined text.

    event_id: str
    article_id: str
    type: str
    mode: str | None
    status: str
    date_start: date | None
    date_end: date | None
    granularity: str | None
    basis: str
    date_text: str | None
    actor: str
    """Display string: ``"Xi Jinping (CHN); Vladimir Putin (RUS)"``; empty when none."""
    recipient: str
    actor_countries: tuple[str, ...] | str
    recipient_countries: tuple[str, ...] | str
    place: str | None
    place_country: str | None
    sentence: str
    trigger: str
    title: str | None
    url: str | None
    source: str | None
    published: date | None
    quad: str | None
    score: float | None


class TimelineRow(_TimelineFields):
    """One event mention as a timeline shows it: flat, with its article.

    An immutable named tuple rather than a frozen dataclass: an unbounded timeline builds
    one per row, straight from the database row in C (``Store.timeline``), because
    building a frozen dataclass per row cost up to half as much again as the query itself
    (``benchmarks/store_scale.py``). The country lists may be kept as the store's
    ``;``-joined text; ``actor_countries`` and ``recipient_countries`` always read as
    tuples.
    """

    __slots__ = ()

    @property
    def actor_countries(self) -> tuple[str, ...]:
        return country_tuple(self[12])

    @property
    def recipient_countries(self) -> tuple[str, ...]:
        return country_tuple(self[13])

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "article_id": self.article_id,
            "type": self.type,
            "mode": self.mode,
            "status": self.status,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "granularity": self.granularity,
            "basis": self.basis,
            "date_text": self.date_text,
            "actor": self.actor,
            "recipient": self.recipient,
            "actor_countries": list(self.actor_countries),
            "recipient_countries": list(self.recipient_countries),
            "place": self.place,
            "place_country": self.place_country,
            "sentence": self.sentence,
            "trigger": self.trigger,
            "title": self.title,
            "url": self.url,
            "source": self.source,
            "published": _iso(self.published),
            "quad": self.quad,
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """The stored article an event came from (without its text)."""

    id: str
    url: str | None
    source: str | None
    title: str | None
    published: date | None
    origin: str
    ingested_at: datetime

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": _iso(self.published),
        }


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event mention read back from the store: the full record plus its article."""

    event: Event
    article: ArticleRef
    seq: int
    """The store's integer key of the mention (stable once stored; GDELT's GLOBALEVENTID)."""

    def to_json(self) -> dict[str, Any]:
        """DESIGN.md's event JSON, plus ``article`` (id, url, source, title, published)."""
        return {**self.event.to_json(), "article": self.article.to_json()}


@dataclass(frozen=True, slots=True)
class ActorSummary:
    """One actor (name and country) found by :meth:`Store.actors`, with its event counts."""

    name: str
    country: str | None
    events: int
    as_actor: int
    as_recipient: int

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "events": self.events,
            "as_actor": self.as_actor,
            "as_recipient": self.as_recipient,
        }


@dataclass(frozen=True, slots=True)
class ConflictReport:
    """A report whose date contradicts the best interval of its canonical event."""

    mention_id: str
    article_id: str
    source: str | None
    published: date | None
    date_start: date | None
    date_end: date | None
    granularity: str | None
    date_text: str | None
    basis: str

    def to_json(self) -> dict[str, Any]:
        return {
            "mention_id": self.mention_id,
            "article_id": self.article_id,
            "source": self.source,
            "published": _iso(self.published),
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "granularity": self.granularity,
            "date_text": self.date_text,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class CanonicalEvent:
    """One real-world event, merged from every mention that reports it.

    ``mentions`` is filled by :meth:`Store.canonical_event` (the evidence of each report)
    and empty in lists from :meth:`Store.canonical_events`.
    """

    id: str
    type: str
    mode: str | None
    actor_countries: tuple[str, ...]
    recipient_countries: tuple[str, ...]
    date_start: date | None
    date_end: date | None
    granularity: str | None
    basis: str | None
    place_name: str | None
    place_country: str | None
    place_geonameid: int | None
    place_lat: float | None
    place_lon: float | None
    place_feature: str | None
    score: float | None
    quad: str | None
    num_mentions: int
    num_sources: int
    num_articles: int
    first_reported: date | None
    last_reported: date | None
    conflicts: tuple[ConflictReport, ...] = ()
    mentions: tuple[StoredEvent, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "actor_countries": list(self.actor_countries),
            "recipient_countries": list(self.recipient_countries),
            "date": {
                "start": _iso(self.date_start),
                "end": _iso(self.date_end),
                "granularity": self.granularity,
                "basis": self.basis,
            },
            "place": {
                "name": self.place_name,
                "country": self.place_country,
                "geonameid": self.place_geonameid,
                "lat": self.place_lat,
                "lon": self.place_lon,
                "feature": self.place_feature,
            }
            if self.place_country is not None or self.place_name is not None
            else None,
            "score": self.score,
            "quad": self.quad,
            "num_mentions": self.num_mentions,
            "num_sources": self.num_sources,
            "num_articles": self.num_articles,
            "first_reported": _iso(self.first_reported),
            "last_reported": _iso(self.last_reported),
            "conflicts": [c.to_json() for c in self.conflicts],
            "mentions": [m.to_json() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class DyadMonth:
    """One month of events between two actors: counts by quad class and the mean score."""

    month: date
    """The first day of the month."""
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    mean_score: float | None

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month.isoformat()[:7],
            "events": self.events,
            "verbal_cooperation": self.verbal_cooperation,
            "material_cooperation": self.material_cooperation,
            "verbal_conflict": self.verbal_conflict,
            "material_conflict": self.material_conflict,
            "mean_score": self.mean_score,
        }
