"""Retellings inside one article: a standfirst's events are told again in the body.

News pages put a summary (the standfirst) above the dateline: "The US president met
Zelensky in the Ukrainian capital ..." before "KYIV — President Joe Biden arrived ...".
The body's telling carries the date, place and evidence an analyst needs, so an event of
the standfirst that the body tells again is left to the body; one the body never tells
stays.
"""

from __future__ import annotations

from collections.abc import Sequence

from dateline.geo.resolve import find_dateline
from dateline.records import Article, Entity, Event, EventDate


def standfirst_end(article: Article) -> int:
    """Character offset where the body starts: the dateline paragraph when paragraphs
    come before it, else 0 (no standfirst)."""
    found = find_dateline(article.text, article.paragraphs)
    if found is None:
        return 0
    for start, end in article.paragraphs:
        if start <= found[0] < end:
            return start
    return 0


def drop_standfirst_retellings(events: Sequence[Event], article: Article) -> list[Event]:
    body_start = standfirst_end(article)
    if body_start == 0:
        return list(events)
    body = [e for e in events if e.evidence.start >= body_start]
    return [
        e for e in events if e.evidence.start >= body_start or not any(_retold(e, b) for b in body)
    ]


def _retold(summary: Event, body: Event) -> bool:
    """Same kind of event by an overlapping side: the body tells it again."""
    if summary.type != body.type:
        return False
    mine = {a.country or a.name for a in summary.actor}
    theirs = {a.country or a.name for a in body.actor}
    return bool(mine & theirs)


def merge_in_document(events: list[Event]) -> list[Event]:
    """One event told twice in an article is one event: an undated retelling of an event
    whose twin (same type, actors, recipients) has a stated date is dropped, then exact
    repeats go."""

    def key(e: Event) -> tuple[object, ...]:
        # a visit and a meeting during it are two events; a visit told twice is one
        return (e.type, e.mode, _parties(e.actor), _parties(e.recipient))

    real = ("occurred", "planned", "ongoing")
    stated: dict[tuple[object, ...], Event] = {}
    for e in events:
        if e.date.basis == "stated" and e.status in real:
            stated.setdefault(key(e), e)
    out: list[Event] = []
    seen: set[tuple[object, ...]] = set()
    for e in events:
        twin = stated.get(key(e))
        own_date = (
            e.date.basis == "stated"
            or (e.date.text is not None and e.date.text in e.evidence.sentence)
            or _another(e)
        )
        if (
            not own_date
            and twin is not None
            and e.status in real
            and (e.status == twin.status or e.date.basis == "publication")
            and (twin.evidence.start <= e.evidence.start or _overlaps(twin.date, e.date))
        ):
            # the twin already stands for this event; its undated retelling adds nothing
            continue
        full = (*key(e), e.status, e.date.start, e.date.end, e.place.geonameid if e.place else None)
        if full in seen and not _another(e):
            continue
        seen.add(full)
        out.append(e)
    return out


#: Words before a trigger that announce a further event, not a retelling ("also agreed").
ANOTHER_MARKERS = frozenset({"also", "again", "further", "additionally", "separately"})


def _another(e: Event) -> bool:
    before = e.evidence.sentence[: e.evidence.trigger_start - e.evidence.start].split()[-3:]
    return any(w.casefold().strip(",") in ANOTHER_MARKERS for w in before)


def _overlaps(a: EventDate, b: EventDate) -> bool:
    """Do two dates share a day? (a retelling told before its dated twin must agree)"""
    if a.start is None or b.start is None or a.end is None or b.end is None:
        return False
    return a.start <= b.end and b.start <= a.end


def _parties(ents: tuple[Entity, ...]) -> frozenset[str]:
    """Who took part, by country where known (the Kremlin and Putin are both Russia)."""
    return frozenset(e.country or e.name for e in ents)
