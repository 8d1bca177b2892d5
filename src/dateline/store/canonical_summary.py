"""A canonical event's row, recomputed from all its mentions (:func:`summarize`).

The best interval is the narrowest one consistent with its reports (most reliable reports
first: stated, inferred, then publication dates); reports that contradict it are listed in
``conflicts`` (publication-date fallbacks are never a conflict, the text said nothing).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from dateline.store.merge_rules import Interval, MentionFacts, date_relation

_BASIS_RANK = {"stated": 0, "inferred": 1, "publication": 2}
_GRANULARITY_RANK = {
    g: i
    for i, g in enumerate(
        ("day", "week", "month", "quarter", "season", "year", "decade", "century")
    )
}
_FEATURE_RANK = {"city": 0, "admin1": 1, "region": 2, "country": 3}


@dataclass(frozen=True, slots=True)
class Summary:
    """Every column of a ``canonical_events`` row, computed from its mentions."""

    id: str
    seq: int
    type: str
    mode: str | None
    actor_countries: str
    recipient_countries: str
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
    conflicts: str
    conflicting: frozenset[str]
    """Ids of the mentions listed in ``conflicts``."""

    def row(self) -> tuple[Any, ...]:
        return tuple(getattr(self, c) for c in CANONICAL_COLUMNS)


CANONICAL_COLUMNS = (
    "id",
    "seq",
    "type",
    "mode",
    "actor_countries",
    "recipient_countries",
    "date_start",
    "date_end",
    "granularity",
    "basis",
    "place_name",
    "place_country",
    "place_geonameid",
    "place_lat",
    "place_lon",
    "place_feature",
    "score",
    "quad",
    "num_mentions",
    "num_sources",
    "num_articles",
    "first_reported",
    "last_reported",
    "conflicts",
)


def summarize(canonical_id: str, members: Sequence[MentionFacts]) -> Summary:
    """A canonical event's row from its mentions (in storage order; the first founded it)."""
    members = sorted(members, key=lambda m: m.seq)
    first = members[0]
    actors, recipients = first.actors, first.recipients
    for m in members[1:]:
        # The report naming most participants decides who is actor and who recipient.
        if len(m.actors | m.recipients) > len(actors | recipients):
            actors, recipients = m.actors, m.recipients
    best, granularity, basis, conflicting = _best_interval(members)
    place = _place(members)
    scores = [m.score for m in members if m.score is not None]
    published = [m.published for m in members if m.published is not None]
    conflicts = [
        {
            "mention_id": m.id,
            "article_id": m.article_id,
            "source": m.source,
            "published": _iso(m.published),
            "date_start": _iso(m.interval.start),
            "date_end": _iso(m.interval.end),
            "granularity": m.interval.granularity,
            "date_text": m.date_text,
            "basis": m.interval.basis,
        }
        for m in members
        if m.id in conflicting
    ]
    return Summary(
        id=canonical_id,
        seq=first.seq,
        type=first.type,
        mode=_most_common(m.mode for m in members),
        actor_countries=";".join(sorted(actors)),
        recipient_countries=";".join(sorted(recipients)),
        date_start=best.start if best else None,
        date_end=best.end if best else None,
        granularity=granularity,
        basis=basis,
        place_name=place.place_name if place else None,
        place_country=place.place_country if place else None,
        place_geonameid=place.place_geonameid if place else None,
        place_lat=place.place_lat if place else None,
        place_lon=place.place_lon if place else None,
        place_feature=place.place_feature if place else None,
        score=round(sum(scores) / len(scores), 6) if scores else None,
        quad=_most_common(m.quad for m in members),
        num_mentions=len(members),
        num_sources=len({m.source or m.article_id for m in members}),
        num_articles=len({m.article_id for m in members}),
        first_reported=min(published) if published else None,
        last_reported=max(published) if published else None,
        conflicts=json.dumps(conflicts, ensure_ascii=False),
        conflicting=frozenset(conflicting),
    )


def _best_interval(
    members: Sequence[MentionFacts],
) -> tuple[Interval | None, str | None, str | None, set[str]]:
    ranked = sorted(
        (m for m in members if m.interval.known),
        key=lambda m: (_BASIS_RANK.get(m.interval.basis, 3), m.interval.width, m.seq),
    )
    best: Interval | None = None
    contributing: list[Interval] = []
    conflicting: set[str] = set()
    for m in ranked:
        iv = m.interval
        if best is None:
            best = iv
        elif date_relation(best, iv) == "overlap":
            best = Interval(
                start=_later(best.start, iv.start),
                end=_earlier(best.end, iv.end),
                granularity=best.granularity,
                basis=best.basis,
            )
        else:
            if iv.basis != "publication":
                conflicting.add(m.id)
            continue
        contributing.append(iv)
    if best is None:
        return None, None, None, conflicting
    grains = [iv.granularity for iv in contributing if iv.granularity is not None]
    granularity = min(grains, key=lambda g: _GRANULARITY_RANK.get(g, 99)) if grains else None
    return best, granularity, contributing[0].basis, conflicting


def _later(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else max(a, b)


def _earlier(a: date | None, b: date | None) -> date | None:
    return b if a is None else a if b is None else min(a, b)


def _place(members: Sequence[MentionFacts]) -> MentionFacts | None:
    country = _most_common(m.place_country for m in members)
    placed = [m for m in members if m.place_country == country and m.place_country is not None]
    if not placed:
        return None
    return min(placed, key=lambda m: (_FEATURE_RANK.get(m.place_feature or "", 9), m.seq))


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return counts.most_common(1)[0][0]  # ties: the first seen (Counter keeps insertion order)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None
