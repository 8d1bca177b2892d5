"""Records <-> table rows: how an Extraction is flattened and how an Event is rebuilt.

Column lists live here once, so that inserts, selects and the data dictionary agree.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, Literal, cast

from dateline.records import (
    Article,
    DateBasis,
    Entity,
    Event,
    EventDate,
    Evidence,
    Granularity,
    Place,
    PlaceBasis,
    PlaceKind,
    Status,
)
from dateline.store.results import ArticleRef, StoredEvent

Role = Literal["actor", "recipient"]

DOCUMENT_COLUMNS = (
    "id",
    "content_hash",
    "url",
    "source",
    "title",
    "published",
    "byline",
    "language",
    "text",
    "paragraphs",
    "origin",
    "ingested_at",
)

MENTION_COLUMNS = (
    "id",
    "article_id",
    "ordinal",
    "type",
    "mode",
    "cameo",
    "status",
    "date_start",
    "date_end",
    "granularity",
    "date_text",
    "basis",
    "place_text",
    "place_start",
    "place_end",
    "place_kind",
    "place_name",
    "place_country",
    "place_geonameid",
    "place_lat",
    "place_lon",
    "place_feature",
    "place_basis",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger",
    "trigger_start",
    "score",
    "quad",
    "confidence",
    "actor_json",
    "recipient_json",
)

ACTOR_COLUMNS = (
    "event_id",
    "role",
    "ordinal",
    "text",
    "name",
    "country",
    "sector",
    "role_title",
    "entity_id",
    "mention_start",
    "mention_end",
)


def insert_sql(table: str, columns: Sequence[str], rows: int = 1) -> str:
    """A parameterised INSERT of ``rows`` rows (table and column names are our constants)."""
    marks = "(" + ", ".join("?" for _ in columns) + ")"
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES " + ", ".join([marks] * rows)


def content_hash(text: str, url: str | None) -> str:
    """The store's document key: sha256 over the URL and the text (hex, 64 characters).

    Hashed the same way as :func:`dateline.pipeline.article_id` (URL, NUL, text), so that
    the same content under the same URL is the same document, however it was read.
    """
    h = hashlib.sha256()
    h.update((url or "").encode("utf-8"))
    h.update(b"\0")
    h.update(text.encode("utf-8"))
    return h.hexdigest()


def document_row(article: Article, digest: str, ingested_at: datetime) -> tuple[Any, ...]:
    return (
        article.id,
        digest,
        article.url,
        article.source,
        article.title,
        article.published,
        article.byline,
        article.language,
        article.text,
        json.dumps([list(p) for p in article.paragraphs]),
        article.origin,
        ingested_at,
    )


def mention_row(article_id: str, ordinal: int, event: Event) -> tuple[Any, ...]:
    place = event.place
    return (
        event.id,
        article_id,
        ordinal,
        event.type,
        event.mode,
        event.cameo,
        event.status,
        event.date.start,
        event.date.end,
        event.date.granularity,
        event.date.text,
        event.date.basis,
        place.text if place else None,
        place.start if place else None,
        place.end if place else None,
        place.kind if place else None,
        place.name if place else None,
        place.country if place else None,
        place.geonameid if place else None,
        place.lat if place else None,
        place.lon if place else None,
        place.feature if place else None,
        place.basis if place else None,
        event.evidence.sentence,
        event.evidence.start,
        event.evidence.end,
        event.evidence.trigger,
        event.evidence.trigger_start,
        event.score,
        event.quad,
        event.confidence,
        json.dumps([a.to_json() for a in event.actor], ensure_ascii=False),
        json.dumps([r.to_json() for r in event.recipient], ensure_ascii=False),
    )


def actor_rows(event: Event) -> list[tuple[Any, ...]]:
    rows: list[tuple[Any, ...]] = []
    sides: tuple[tuple[Role, tuple[Entity, ...]], ...] = (
        ("actor", event.actor),
        ("recipient", event.recipient),
    )
    for role, entities in sides:
        for ordinal, e in enumerate(entities):
            rows.append(
                (
                    event.id,
                    role,
                    ordinal,
                    e.text,
                    e.name,
                    e.country,
                    e.sector,
                    e.role,
                    e.id,
                    e.start,
                    e.end,
                )
            )
    return rows


_ENTITY_STRUCT = (
    "struct_pack(text := a.text, name := a.name, country := a.country, sector := a.sector, "
    "role_title := a.role_title, entity_id := a.entity_id, mention_start := a.mention_start, "
    "mention_end := a.mention_end)"
)


def _entities_subquery(role: Role) -> str:
    return (
        f"coalesce((SELECT list({_ENTITY_STRUCT} ORDER BY a.ordinal) FROM event_actors a "
        f"WHERE a.event_id = m.id AND a.role = '{role}'), [])"
    )


#: Every column needed to rebuild a StoredEvent; use as ``EVENT_SELECT + " WHERE ..."``.
EVENT_SELECT = (
    "SELECT "
    + ", ".join(f"m.{c}" for c in MENTION_COLUMNS)
    + ", m.seq, d.url, d.source, d.title, d.published, d.origin, d.ingested_at, "
    + _entities_subquery("actor")
    + ", "
    + _entities_subquery("recipient")
    + " FROM event_mentions m JOIN documents d ON d.id = m.article_id"
)

#: Order of a timeline: known dates first, then the order documents and events were stored.
EVENT_ORDER = " ORDER BY m.date_start NULLS LAST, d.seq, m.ordinal"


def _entity(raw: Mapping[str, Any]) -> Entity:
    return Entity(
        text=raw["text"],
        name=raw["name"],
        country=raw["country"],
        sector=raw["sector"],
        role=raw["role_title"],
        id=raw["entity_id"],
        start=raw["mention_start"],
        end=raw["mention_end"],
    )


def stored_event(row: Sequence[Any]) -> StoredEvent:
    """Rebuild a StoredEvent from one row of :data:`EVENT_SELECT`."""
    m = dict(zip(MENTION_COLUMNS, row[: len(MENTION_COLUMNS)], strict=True))
    seq, url, source, title, published, origin, ingested_at, actors, recipients = row[
        len(MENTION_COLUMNS) :
    ]
    place = None
    if m["place_text"] is not None:
        place = Place(
            text=m["place_text"],
            start=m["place_start"],
            end=m["place_end"],
            kind=cast(PlaceKind, m["place_kind"]),
            name=m["place_name"],
            geonameid=m["place_geonameid"],
            country=m["place_country"],
            lat=m["place_lat"],
            lon=m["place_lon"],
            feature=m["place_feature"],
            basis=cast(PlaceBasis | None, m["place_basis"]),
        )
    event = Event(
        id=m["id"],
        type=m["type"],
        mode=m["mode"],
        cameo=m["cameo"],
        actor=tuple(_entity(a) for a in actors),
        recipient=tuple(_entity(r) for r in recipients),
        status=cast(Status, m["status"]),
        date=EventDate(
            start=m["date_start"],
            end=m["date_end"],
            granularity=cast(Granularity | None, m["granularity"]),
            text=m["date_text"],
            basis=cast(DateBasis, m["basis"]),
        ),
        place=place,
        evidence=Evidence(
            sentence=m["sentence"],
            start=m["sentence_start"],
            end=m["sentence_end"],
            trigger=m["trigger"],
            trigger_start=m["trigger_start"],
        ),
        score=m["score"],
        quad=m["quad"],
        confidence=m["confidence"],
    )
    article = ArticleRef(
        id=m["article_id"],
        url=url,
        source=source,
        title=title,
        published=_as_date(published),
        origin=origin,
        ingested_at=ingested_at,
    )
    return StoredEvent(event=event, article=article, seq=int(seq))


def article(row: Sequence[Any]) -> Article:
    """Rebuild an Article from (id, url, source, title, published, byline, language, text,
    paragraphs, origin)."""
    art_id, url, source, title, published, byline, language, text, paragraphs, origin = row
    return Article(
        id=art_id,
        url=url,
        source=source,
        title=title,
        published=_as_date(published),
        byline=byline,
        language=language,
        text=text,
        paragraphs=tuple((int(a), int(b)) for a, b in json.loads(paragraphs)),
        origin=origin,
    )


def _as_date(value: Any) -> date | None:
    return value if isinstance(value, date) else None


DERIVED_COLUMNS = (
    "actor",
    "actor_countries",
    "recipient",
    "recipient_countries",
    "actor_keys",
    "doc_title",
    "doc_url",
    "doc_source",
    "doc_published",
)
"""Columns of ``event_mentions`` computed from the event's entities and copied from its
article (migration 003), so that timelines read one table."""

INSERT_MENTION_COLUMNS = MENTION_COLUMNS + DERIVED_COLUMNS
"""What an insert into ``event_mentions`` writes (``seq`` comes from its sequence)."""


def _display(entities: Sequence[Entity]) -> str:
    return "; ".join(e.name if e.country is None else f"{e.name} ({e.country})" for e in entities)


def _countries(entities: Sequence[Entity]) -> str:
    return ";".join(dict.fromkeys(e.country for e in entities if e.country is not None))


def actor_key(key: str) -> tuple[str, str]:
    """The two ``actor_keys`` fragments an actor query key matches: as a code, as a name."""
    return f"|c:{key.upper()}|", f"|n:{key.lower()}|"


def derived_values(event: Event) -> tuple[str, str, str, str, str]:
    """The :data:`DERIVED_COLUMNS` of an event, formatted as migration 003's backfill does.

    ``actor_keys`` is ``|c:CODE|n:name|...|`` over both sides (codes upper-cased, names
    lower-cased), what actor queries match against; ``|`` when the event has no entities.
    """
    parts = [
        f"n:{e.name.lower()}" if e.country is None else f"c:{e.country.upper()}|n:{e.name.lower()}"
        for e in (*event.actor, *event.recipient)
    ]
    keys = "|" + "|".join(parts) + "|" if parts else "|"
    return (
        _display(event.actor),
        _countries(event.actor),
        _display(event.recipient),
        _countries(event.recipient),
        keys,
    )


def mention_insert_row(article: Article, ordinal: int, event: Event) -> tuple[Any, ...]:
    """One row of :data:`INSERT_MENTION_COLUMNS`."""
    return (
        mention_row(article.id, ordinal, event)
        + derived_values(event)
        + (article.title, article.url, article.source, article.published)
    )
