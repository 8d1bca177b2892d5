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
from dateline.records import Article, Event


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
