"""Cross-document clustering in the store: event mentions -> canonical events.

Reads stored mentions, and the canonical events each could join, from DuckDB; decides with
the rules of :mod:`dateline.store.merge_rules`; writes ``canonical_mentions`` and the
``canonical_events`` rows (computed by :mod:`dateline.store.canonical_summary`).

The mentions of one article compete: the one that fits an existing canonical event best
joins it first (so of two sanctions in one article, the one whose mode matches takes the
earlier report's event, whichever sentence comes first), and when none fits, the earliest
founds a new one. Existing canonical events are never merged with each other, and articles
are processed in storage order, so that adding the same articles again changes nothing and
:func:`recluster` gives what incremental adds gave.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import duckdb

from dateline.store.canonical_summary import CANONICAL_COLUMNS, summarize
from dateline.store.merge_rules import (
    WINDOW_DAYS,
    Candidate,
    Fit,
    Interval,
    MentionFacts,
    Sibling,
    best_fit,
)

_FACTS_SELECT = (
    "SELECT m.id, m.seq, m.article_id, d.source, d.published, m.type, m.mode, "
    "m.actor_countries, m.recipient_countries, m.date_start, m.date_end, m.granularity, "
    "m.basis, m.date_text, m.place_name, m.place_country, m.place_geonameid, m.place_lat, "
    "m.place_lon, m.place_feature, m.score, m.quad, m.status "
    "FROM event_mentions m JOIN documents d ON d.id = m.article_id"
)

_CANDIDATE_SELECT = (
    "SELECT id, seq, type, actor_countries, recipient_countries, date_start, date_end, "
    "granularity, basis, place_country, num_mentions, mode FROM canonical_events"
)

_UPSERT = (
    f"INSERT INTO canonical_events ({', '.join(CANONICAL_COLUMNS)}) VALUES "
    f"({', '.join('?' for _ in CANONICAL_COLUMNS)}) ON CONFLICT (id) DO UPDATE SET "
    + ", ".join(f"{c} = excluded.{c}" for c in CANONICAL_COLUMNS if c != "id")
)


def _split(value: str | None) -> frozenset[str]:
    return frozenset(c for c in (value or "").split(";") if c)


def _interval(
    start: date | None,
    end: date | None,
    granularity: str | None,
    basis: str,
    published: date | None,
    status: str | None = None,
) -> Interval:
    day = published or start
    if basis == "publication" and status == "planned" and day is not None:
        # Something expected, with no date in the text ("are expected to meet"): a day in
        # the weeks after publication, not the publication day itself.
        return Interval(day, day + timedelta(days=WINDOW_DAYS), None, "publication")
    if start is None and end is None and published is not None:
        # No date in the text: the report stands at its publication day.
        return Interval(published, published, "day", "publication")
    return Interval(start, end, granularity, basis)


def _facts(row: Sequence[Any]) -> MentionFacts:
    (
        mid,
        seq,
        article_id,
        source,
        published,
        etype,
        mode,
        actor_countries,
        recipient_countries,
        start,
        end,
        granularity,
        basis,
        date_text,
        place_name,
        place_country,
        geonameid,
        lat,
        lon,
        feature,
        score,
        quad,
        status,
    ) = row
    interval = _interval(start, end, granularity, basis, published, status)
    return MentionFacts(
        id=mid,
        seq=int(seq),
        article_id=article_id,
        source=source,
        published=published,
        type=etype,
        mode=mode,
        actors=_split(actor_countries),
        recipients=_split(recipient_countries),
        interval=interval,
        date_text=date_text,
        place_name=place_name,
        place_country=place_country,
        place_geonameid=geonameid,
        place_lat=lat,
        place_lon=lon,
        place_feature=feature,
        score=score,
        quad=quad,
    )


def _window(mention: MentionFacts) -> tuple[date, date] | None:
    """The dates a candidate must reach to be compared at all (None: any date)."""
    iv = mention.interval
    if not iv.known:
        return None
    window = timedelta(days=WINDOW_DAYS)
    hi = iv.hi if iv.hi >= date.max - window else iv.hi + window
    lo = iv.lo if iv.lo <= date.min + window else iv.lo - window
    return lo, hi


def _within(c: Candidate, window: tuple[date, date] | None) -> bool:
    # The SQL filter of _candidates, for a canonical event changed since it ran.
    if window is None:
        return True
    lo, hi = window
    start, end = c.interval.start, c.interval.end
    return (start is None or start <= hi) and (end is None or end >= lo)


def _candidate(r: Sequence[Any]) -> Candidate:
    return Candidate(
        id=r[0],
        seq=int(r[1]),
        type=r[2],
        actors=_split(r[3]),
        recipients=_split(r[4]),
        interval=Interval(r[5], r[6], r[7], r[8] or "publication"),
        place_country=r[9],
        num_mentions=int(r[10]),
        mode=r[11],
    )


def _candidates(con: duckdb.DuckDBPyConnection, mention: MentionFacts) -> list[Candidate]:
    sql = _CANDIDATE_SELECT + " WHERE type = ?"
    params: list[Any] = [mention.type]
    window = _window(mention)
    if window is not None:
        sql += (
            " AND (date_start IS NULL OR date_start <= ?) AND (date_end IS NULL OR date_end >= ?)"
        )
        params += [window[1], window[0]]
    return [_candidate(r) for r in con.execute(sql + " ORDER BY seq", params).fetchall()]


def _siblings(con: duckdb.DuckDBPyConnection, mention: MentionFacts) -> dict[str, list[Sibling]]:
    rows = con.execute(
        "SELECT c.canonical_id, m.mode, m.actor_countries, m.recipient_countries, m.date_start, "
        "m.date_end, m.granularity, m.basis, d.published, m.status FROM canonical_mentions c "
        "JOIN event_mentions m ON m.id = c.mention_id JOIN documents d ON d.id = m.article_id "
        "WHERE m.article_id = ?",
        [mention.article_id],
    ).fetchall()
    found: dict[str, list[Sibling]] = {}
    for cid, mode, actors, recipients, start, end, granularity, basis, published, status in rows:
        found.setdefault(str(cid), []).append(
            Sibling(
                mode=mode,
                actors=_split(actors),
                recipients=_split(recipients),
                interval=_interval(start, end, granularity, basis, published, status),
            )
        )
    return found


_FACTS_BATCH = 10_000
"""Mentions whose facts are read in one query."""


def cluster_mentions(con: duckdb.DuckDBPyConnection, mention_ids: Sequence[str]) -> None:
    """Assign stored, not yet clustered mentions to canonical events.

    Runs inside the caller's transaction. Mentions are taken article by article, in the
    order given; inside one article they compete for the canonical events: the mention
    that fits an existing canonical event best (:func:`fit`) joins it first, and when none
    fits any, the article's earliest remaining mention founds a new one. So of two reports
    in one article, the one that matches an event best gets it, whichever comes first,
    and each mention sees the canonical events the earlier steps created or changed.
    """
    facts: dict[str, MentionFacts] = {}
    for i in range(0, len(mention_ids), _FACTS_BATCH):
        batch = list(mention_ids[i : i + _FACTS_BATCH])
        for row in con.execute(
            _FACTS_SELECT + " WHERE m.id IN (SELECT unnest(?::VARCHAR[]))", [batch]
        ).fetchall():
            facts[str(row[0])] = _facts(row)
    articles: dict[str, list[MentionFacts]] = {}
    for mention_id in mention_ids:
        mention = facts.get(mention_id)
        if mention is not None:
            articles.setdefault(mention.article_id, []).append(mention)
    for pending in articles.values():
        # What the store holds is read once per article; what this article changes (the
        # canonical events its mentions join or found) is carried along in memory.
        siblings = _siblings(con, pending[0])
        candidates = {m.id: _candidates(con, m) for m in pending}
        while pending:
            best: tuple[tuple[Fit, int], MentionFacts, str] | None = None
            for mention in pending:
                found = best_fit(mention, candidates[mention.id], siblings)
                if found is not None and (best is None or (found[0], mention.seq) < best[0]):
                    best = ((found[0], mention.seq), mention, found[1].id)
            if best is None:
                mention, canonical_id = pending[0], pending[0].id
            else:
                _, mention, canonical_id = best
            con.execute(
                "INSERT INTO canonical_mentions (mention_id, canonical_id, conflict) "
                "VALUES (?, ?, false)",
                [mention.id, canonical_id],
            )
            _refresh(con, canonical_id)
            pending.remove(mention)
            siblings.setdefault(canonical_id, []).append(
                Sibling(mention.mode, mention.actors, mention.recipients, mention.interval)
            )
            found = con.execute(_CANDIDATE_SELECT + " WHERE id = ?", [canonical_id]).fetchone()
            changed = _candidate(found) if found is not None else None
            for other in pending:
                kept = [c for c in candidates[other.id] if c.id != canonical_id]
                if (
                    changed is not None
                    and changed.type == other.type
                    and _within(changed, _window(other))
                ):
                    kept.append(changed)
                candidates[other.id] = kept


def _refresh(con: duckdb.DuckDBPyConnection, canonical_id: str) -> None:
    rows = con.execute(
        _FACTS_SELECT + " JOIN canonical_mentions c ON c.mention_id = m.id "
        "WHERE c.canonical_id = ? ORDER BY m.seq",
        [canonical_id],
    ).fetchall()
    members = [_facts(r) for r in rows]
    summary = summarize(canonical_id, members)
    con.execute(_UPSERT, list(summary.row()))
    con.execute(
        "UPDATE canonical_mentions SET conflict = list_contains(?, mention_id) "
        "WHERE canonical_id = ?",
        [sorted(summary.conflicting), canonical_id],
    )


def recluster(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild every canonical event from the stored mentions; return how many there are.

    Runs inside the caller's transaction, in storage order, through the same steps as
    incremental adds, so the result is the same.
    """
    con.execute("DELETE FROM canonical_mentions")
    con.execute("DELETE FROM canonical_events")
    order = con.execute(
        "SELECT m.article_id, m.id FROM event_mentions m JOIN documents d ON d.id = m.article_id "
        "ORDER BY d.seq, m.ordinal"
    ).fetchall()
    cluster_mentions(con, [str(r[1]) for r in order])
    row = con.execute("SELECT count(*) FROM canonical_events").fetchone()
    return int(row[0]) if row is not None else 0
