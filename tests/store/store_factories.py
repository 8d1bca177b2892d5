"""Hand-built Extraction records for the store tests (no spaCy, no model)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateline.records import (
    Article,
    Entity,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Place,
)
from dateline.store import content_hash

Side = Sequence[tuple[str, str | None]]
"""(name, country) pairs for one side of an event."""


def entity(name: str, country: str | None, *, sector: str | None = "GOV") -> Entity:
    return Entity(text=name, name=name, country=country, sector=sector, role=None, id=None)


def event(
    article_id: str,
    n: int,
    *,
    type: str = "CONSULT",
    actor: Side = (("Emmanuel Macron", "FRA"),),
    recipient: Side = (("India", "IND"),),
    start: date | None = None,
    end: date | None = None,
    status: str = "occurred",
    place: Place | None = None,
    sentence: str = "Macron met Modi.",
) -> Event:
    return Event(
        id=f"{article_id}-e{n}",
        type=type,
        mode="visit" if type == "CONSULT" else None,
        cameo="042" if type == "CONSULT" else None,
        actor=tuple(entity(a, c) for a, c in actor),
        recipient=tuple(entity(r, c) for r, c in recipient),
        status=status,  # type: ignore[arg-type]
        date=EventDate(
            start=start,
            end=end if end is not None else start,
            granularity="day" if start else None,
            text=start.isoformat() if start else None,
            basis="stated" if start else "publication",
        ),
        place=place,
        evidence=Evidence(sentence=sentence, start=0, end=len(sentence), trigger="met"),
        score=4.0,
        quad="verbal_cooperation",
        confidence=0.8,
    )


def article(text: str, *, url: str | None = None, id: str | None = None) -> Article:
    return Article(
        id=id or content_hash(text, url)[:16],
        url=url,
        source="example-news",
        title=text[:20],
        published=date(2026, 2, 1),
        byline="Staff",
        language="en",
        text=text,
        paragraphs=((0, len(text)),),
        origin=f"test/{(id or text)[:10]}.txt",
    )


def extraction(text: str, *specs: dict[str, object], url: str | None = None) -> Extraction:
    """An article with one event per spec (keyword arguments of :func:`event`)."""
    art = article(text, url=url)
    events = tuple(event(art.id, i + 1, **spec) for i, spec in enumerate(specs))  # type: ignore[arg-type]
    return Extraction(article=art, events=events)


PARIS = Place(
    text="Paris",
    start=0,
    end=5,
    kind="place",
    name="Paris",
    geonameid=2988507,
    country="FRA",
    lat=48.85341,
    lon=2.3488,
    feature="city",
)
