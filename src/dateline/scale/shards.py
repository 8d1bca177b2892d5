"""Parquet shards of coded documents: one row per document, per event and per failure.

The Ray engine writes them; :func:`load_shards` loads them into a store. Nested fields
(actors, recipients, date, place, evidence, paragraphs) are JSON text columns, so a shard
is readable by DuckDB, pandas or Spark as it is; :func:`extraction_rows` and
:func:`load_shards` round-trip every field the store keeps.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, replace
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from dateline.errors import StoreError
from dateline.records import (
    Article,
    Entity,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Failure,
    Place,
)
from dateline.store.codec import content_hash
from dateline.store.database import Store
from dateline.store.results import AddSummary

# Row kinds, in the order a document's rows are loaded.
DOCUMENT, EVENT, FAILURE = "document", "event", "failure"

#: Column name -> Arrow type name (``pyarrow`` builds the schema from this).
COLUMNS: dict[str, str] = {
    "kind": "string",
    "shard": "int64",
    "shard_path": "string",
    "position": "int64",
    "article_id": "string",
    "ordinal": "int32",
    # documents
    "content_hash": "string",
    "url": "string",
    "source": "string",
    "title": "string",
    "published": "date32",
    "byline": "string",
    "language": "string",
    "text": "string",
    "paragraphs": "string",
    "origin": "string",
    "events": "int32",
    # events
    "event_id": "string",
    "type": "string",
    "mode": "string",
    "cameo": "string",
    "status": "string",
    "date_start": "date32",
    "date_end": "date32",
    "granularity": "string",
    "basis": "string",
    "actor": "string",
    "recipient": "string",
    "date": "string",
    "place": "string",
    "evidence": "string",
    "score": "float64",
    "quad": "string",
    "confidence": "float64",
    # failures
    "reason": "string",
    "stage": "string",
}


def extraction_rows(
    item: Extraction | Failure, *, shard: int, shard_path: str, position: int
) -> list[dict[str, Any]]:
    """The rows of one coded document (or failure), every column present."""
    base = dict.fromkeys(COLUMNS)
    base.update(shard=shard, shard_path=shard_path, position=position)
    if isinstance(item, Failure):
        return [{**base, "kind": FAILURE, "origin": item.source, "reason": item.reason,
                 "stage": item.stage}]  # fmt: skip
    art = item.article
    rows = [
        {
            **base,
            "kind": DOCUMENT,
            "article_id": art.id,
            "content_hash": content_hash(art.text, art.url),
            "url": art.url,
            "source": art.source,
            "title": art.title,
            "published": art.published,
            "byline": art.byline,
            "language": art.language,
            "text": art.text,
            "paragraphs": json.dumps([list(p) for p in art.paragraphs]),
            "origin": art.origin,
            "events": len(item.events),
        }
    ]
    for i, ev in enumerate(item.events):
        rows.append(
            {
                **base,
                "kind": EVENT,
                "article_id": art.id,
                "ordinal": i,
                "event_id": ev.id,
                "type": ev.type,
                "mode": ev.mode,
                "cameo": ev.cameo,
                "status": ev.status,
                "date_start": ev.date.start,
                "date_end": ev.date.end,
                "granularity": ev.date.granularity,
                "basis": ev.date.basis,
                "actor": json.dumps([asdict(e) for e in ev.actor]),
                "recipient": json.dumps([asdict(e) for e in ev.recipient]),
                "date": json.dumps(ev.date.to_json()),
                "place": json.dumps(asdict(ev.place)) if ev.place is not None else None,
                "evidence": json.dumps(asdict(ev.evidence)),
                "score": ev.score,
                "quad": ev.quad,
                "confidence": ev.confidence,
            }
        )
    return rows


def arrow_schema() -> Any:
    """The shards' ``pyarrow.Schema`` (pyarrow is imported here, not at module import)."""
    pa: Any = importlib.import_module("pyarrow")  # Any: pyarrow ships no type hints

    types = {
        "string": pa.string(),
        "int64": pa.int64(),
        "int32": pa.int32(),
        "date32": pa.date32(),
        "float64": pa.float64(),
    }
    return pa.schema([(name, types[t]) for name, t in COLUMNS.items()])


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _article(r: Mapping[str, Any]) -> Article:
    return Article(
        id=r["article_id"],
        url=r["url"],
        source=r["source"],
        title=r["title"],
        published=_day(r["published"]),
        byline=r["byline"],
        language=r["language"],
        text=r["text"],
        paragraphs=tuple((int(a), int(b)) for a, b in json.loads(r["paragraphs"] or "[]")),
        origin=r["origin"] or "",
    )


def _event(r: Mapping[str, Any]) -> Event:
    date_json = json.loads(r["date"])
    place = json.loads(r["place"]) if r["place"] is not None else None
    return Event(
        id=r["event_id"],
        type=r["type"],
        mode=r["mode"],
        cameo=r["cameo"],
        actor=tuple(Entity(**e) for e in json.loads(r["actor"])),
        recipient=tuple(Entity(**e) for e in json.loads(r["recipient"])),
        status=r["status"],
        date=EventDate(
            start=_day(date_json["start"]),
            end=_day(date_json["end"]),
            granularity=date_json["granularity"],
            text=date_json["text"],
            basis=date_json["basis"],
        ),
        place=Place(**place) if place is not None else None,
        evidence=Evidence(**json.loads(r["evidence"])),
        score=r["score"],
        quad=r["quad"],
        confidence=r["confidence"],
    )


def read_shards(directory: str | Path) -> Iterator[Extraction | Failure]:
    """The documents in a folder of shards, in input order (shard, then position).

    Only the articles and events come back (mentions, time expressions and places of an
    Extraction are not kept in shards, as the store does not keep them either).
    """
    pattern = str(Path(directory) / "**" / "*.parquet").replace("'", "''")
    order = f"CASE kind WHEN '{DOCUMENT}' THEN 0 WHEN '{EVENT}' THEN 1 ELSE 2 END"
    sql = f"SELECT * FROM read_parquet('{pattern}') ORDER BY shard, position, {order}, ordinal"
    con = duckdb.connect()  # a private in-memory reader; DuckDB sorts out of core if needed
    try:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description or ()]
        current: Article | None = None
        events: list[Event] = []
        while batch := cursor.fetchmany(1000):
            for values in batch:
                r = dict(zip(names, values, strict=True))
                if r["kind"] == EVENT:
                    events.append(_event(r))
                    continue
                if current is not None:
                    yield Extraction(article=current, events=tuple(events))
                    current, events = None, []
                if r["kind"] == DOCUMENT:
                    current = _article(r)
                else:
                    yield Failure(source=r["origin"], reason=r["reason"], stage=r["stage"])
        if current is not None:
            yield Extraction(article=current, events=tuple(events))
    except duckdb.Error as exc:
        raise StoreError(f"cannot read shards: {exc}", source=str(directory)) from exc
    finally:
        con.close()


def load_shards(directory: str | Path, store: Store, *, bulk: bool = False) -> AddSummary:
    """Load a folder of shards into ``store``: idempotent (stored content is skipped).

    ``bulk=False`` adds document by document (:meth:`Store.add_many`, canonical events
    updated as it goes); ``bulk=True`` uses :meth:`Store.bulk_add` and one recluster.
    """
    items = read_shards(directory)
    if not bulk:
        return store.add_many(items)
    failures = 0

    def documents() -> Iterator[Extraction]:
        nonlocal failures
        for item in items:
            if isinstance(item, Failure):
                store.add_failure(item)
                failures += 1
            else:
                yield item

    summary = store.bulk_add(documents(), cluster_events=True)
    return replace(summary, failures=summary.failures + failures)


def table(rows: Sequence[Mapping[str, Any]]) -> Any:
    """Rows -> a ``pyarrow.Table`` with the shard schema (for Ray's ``map_batches``)."""
    schema = arrow_schema()
    return schema.empty_table().from_pylist(list(rows), schema=schema)
