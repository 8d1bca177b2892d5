"""Typed, immutable records that cross stage boundaries.

Every record is a frozen, slotted dataclass; collections inside are tuples. ``to_json``
methods produce exactly the output contract of DESIGN.md (every field present, unknown
values null).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Status = Literal["occurred", "ongoing", "planned", "hypothetical", "negated"]
DateBasis = Literal["stated", "inferred", "publication"]
Granularity = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
PlaceKind = Literal["place", "demonym", "metonym"]
#: Where an event's place came from: named in its sentence ("stated"), a visit's
#: destination or an act's target country ("destination"), the dateline ("dateline"), a
#: meeting told before ("context"), or the article's focus as a last resort ("focus").
PlaceBasis = Literal["stated", "destination", "dateline", "context", "focus"]
MentionKind = Literal["person", "country", "organization", "group", "metonym", "pronoun"]

STATUSES: tuple[Status, ...] = ("occurred", "ongoing", "planned", "hypothetical", "negated")


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


@dataclass(frozen=True, slots=True)
class RawDocument:
    """One input before article extraction: bytes or text plus what is known about it."""

    source: str
    """Where it came from: a path, a URL, ``-``, or ``path#line`` for JSONL rows."""
    content: bytes | str
    media_type: str
    """``text/html``, ``text/plain`` or ``application/x-article`` (pre-cleaned text)."""
    url: str | None = None
    id: str | None = None
    title: str | None = None
    published: date | None = None
    byline: str | None = None
    source_name: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """A clean article: body text plus metadata; every offset refers to ``text``."""

    id: str
    url: str | None
    source: str | None
    title: str | None
    published: date | None
    byline: str | None
    language: str
    text: str
    paragraphs: tuple[tuple[int, int], ...] = ()
    """(start, end) character offsets of each paragraph in ``text``."""
    origin: str = ""
    """The input this article came from (path, URL, ``-``); not part of the JSON contract."""

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published": _iso(self.published),
            "byline": self.byline,
            "language": self.language,
            "text": self.text,
        }


@dataclass(frozen=True, slots=True)
class Entity:
    """A resolved actor: who, with country, sector and role where known."""

    text: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    id: str | None = None
    start: int = -1
    end: int = -1
    """Character offsets of ``text`` in the article (not part of the JSON contract)."""

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
            "id": self.id,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """An actor mention found in the text, linked to its resolved entity.

    ``cluster`` groups mentions of the same real actor inside one document (coreference).
    """

    start: int
    end: int
    text: str
    entity: Entity
    cluster: int
    kind: MentionKind


@dataclass(frozen=True, slots=True)
class TimeSpan:
    """A time expression: its span, TimeML value and calendar interval."""

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    start_date: date | None
    end_date: date | None
    granularity: Granularity | None

    def to_json(self, doc: str) -> dict[str, Any]:
        return {
            "doc": doc,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "value": self.value,
            "start_date": _iso(self.start_date),
            "end_date": _iso(self.end_date),
            "granularity": self.granularity,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened (or will): an inclusive interval and where it came from."""

    start: date | None
    end: date | None
    granularity: Granularity | None
    text: str | None
    basis: DateBasis

    def to_json(self) -> dict[str, Any]:
        return {
            "start": _iso(self.start),
            "end": _iso(self.end),
            "granularity": self.granularity,
            "text": self.text,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Place:
    """A toponym mention resolved to a gazetteer entry (fields null where unresolved)."""

    text: str
    start: int
    end: int
    kind: PlaceKind
    name: str | None
    geonameid: int | None
    country: str | None
    lat: float | None
    lon: float | None
    feature: str | None
    """``country``, ``admin1``, ``city`` or ``region``."""
    basis: PlaceBasis | None = None
    """For an event's place: why it is the event's place (None for a toponym mention)."""

    def to_json(self, doc: str) -> dict[str, Any]:
        return {
            "doc": doc,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "name": self.name,
            "geonameid": self.geonameid,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
        }

    def to_event_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "country": self.country,
            "geonameid": self.geonameid,
            "lat": self.lat,
            "lon": self.lon,
            "feature": self.feature,
            "basis": self.basis,
        }


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence an event came from, with its offsets in ``Article.text``."""

    sentence: str
    start: int
    end: int
    trigger: str
    trigger_start: int = -1

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "trigger": self.trigger,
        }


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention."""

    id: str
    type: str
    mode: str | None
    cameo: str | None
    actor: tuple[Entity, ...]
    recipient: tuple[Entity, ...]
    status: Status
    date: EventDate
    place: Place | None
    evidence: Evidence
    score: float | None
    quad: str | None
    confidence: float

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "actor": [a.to_json() for a in self.actor],
            "recipient": [r.to_json() for r in self.recipient],
            "status": self.status,
            "date": self.date.to_json(),
            "place": self.place.to_event_json() if self.place is not None else None,
            "evidence": self.evidence.to_json(),
            "score": self.score,
            "quad": self.quad,
            "confidence": self.confidence,
        }


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """Something a stage wants the user to know about one document."""

    stage: str
    level: Literal["info", "warning", "error"]
    message: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """What ``extract`` returns for one document."""

    article: Article
    events: tuple[Event, ...] = ()
    mentions: tuple[Mention, ...] = ()
    times: tuple[TimeSpan, ...] = ()
    places: tuple[Place, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article.to_json(),
            "events": [e.to_json() for e in self.events],
        }


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be turned into an Extraction, and why."""

    source: str
    reason: str
    stage: str = "ingest"
