"""Cross-document clustering: event mentions -> canonical events.

A mention joins an existing canonical event when all of these hold (else it founds one):

- **type**: the same PLOVER type (every CONSULT mode, visit/host/meet/phone, is one family;
  in the other types two known, different modes are two events: an expulsion and a border
  closure are two sanctions);
- **actors**: on each side (actors, recipients) one report's countries contain the other's
  (a report may name fewer participants, or none: "Sweden applied" and "Sweden and Finland
  applied"), so do all the countries of the two reports, no country is actor in one and
  recipient in the other, and at least one known country is shared; for meeting-like types
  (CONSULT, AGREE, COOPERATE) one report may list both sides as co-actors where another
  has actor and recipient, so a report without recipients is also compatible when its
  actors contain, or are contained in, the other's participants;
- **date**: the intervals overlap (a day inside a month is fine); intervals that do not
  overlap are still the same event, *with a conflict*, when they are adjacent, or within
  :data:`WINDOW_DAYS` days when one of them is coarse (a month or longer), or within
  :data:`WEEK_WINDOW_DAYS` when one is a week. Two different days more than one day apart
  are two events whatever their basis (measured on the sample corpus: letting inferred or
  publication-day dates stretch further merged distinct strikes and agreements of the same
  pair of countries). A mention with no date stands at its publication day, or, when it
  is planned ("are expected to meet"), anywhere in the :data:`WINDOW_DAYS` days after it;
- **place**: the same country, or one of them unknown;
- **same article**: a mention joins a canonical event that already holds mentions of its own
  article only when it restates them (:func:`restates`: same mode, same actors and
  recipients, overlapping dates, neither of them only the publication day).

Among several candidates the mention goes to the one sharing most countries, then without a
conflict, then whose mode agrees (modes never split a family, but a "visit" report fits a
"visit" event better than a plain meeting), then with most mentions, then the oldest. The
mentions of one article compete: the one that fits an existing canonical event best joins
it first (so of two sanctions in one article, the one whose mode matches takes the earlier
report's event, whichever sentence comes first), and when none fits, the earliest founds a
new one. Existing canonical events are never merged with each other, and articles are
processed in storage order, so that adding the same articles again changes nothing and
:func:`recluster` gives what incremental adds gave.

A canonical event's fields are recomputed from all its mentions (:func:`summarize`): the
best interval is the narrowest one consistent with its reports (most reliable reports first:
stated, inferred, then publication dates); reports that contradict it are listed in
``conflicts`` (publication-date fallbacks are never a conflict, the text said nothing).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

import duckdb

WINDOW_DAYS = 45
"""How far apart (in days) two non-overlapping reports of one event may be when one of them
is coarse (a month or longer)."""

WEEK_WINDOW_DAYS = 7
"""The same, when the coarser of the two is a week."""

COARSE = frozenset({"month", "quarter", "season", "year", "decade", "century"})
SYMMETRIC_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})
MODES_VARY = frozenset({"CONSULT"})
"""Types whose modes differ between reports of one event (a visit, a meeting, talks); in
the others two known, different modes (an expulsion and a border closure, both SANCTION)
are two events."""

_BASIS_RANK = {"stated": 0, "inferred": 1, "publication": 2}
_GRANULARITY_RANK = {
    g: i
    for i, g in enumerate(
        ("day", "week", "month", "quarter", "season", "year", "decade", "century")
    )
}
_FEATURE_RANK = {"city": 0, "admin1": 1, "region": 2, "country": 3}

Relation = Literal["overlap", "near", "far"]


@dataclass(frozen=True, slots=True)
class Interval:
    """An inclusive date interval; an end that is None is open on that side."""

    start: date | None
    end: date | None
    granularity: str | None
    basis: str

    @property
    def known(self) -> bool:
        return self.start is not None or self.end is not None

    @property
    def lo(self) -> date:
        return self.start or date.min

    @property
    def hi(self) -> date:
        return self.end or date.max

    @property
    def width(self) -> int:
        if self.start is None or self.end is None:
            return 10**9
        return (self.end - self.start).days


@dataclass(frozen=True, slots=True)
class MentionFacts:
    """What clustering needs to know about one stored event mention."""

    id: str
    seq: int
    article_id: str
    source: str | None
    published: date | None
    type: str
    mode: str | None
    actors: frozenset[str]
    recipients: frozenset[str]
    interval: Interval
    date_text: str | None
    place_name: str | None
    place_country: str | None
    place_geonameid: int | None
    place_lat: float | None
    place_lon: float | None
    place_feature: str | None
    score: float | None
    quad: str | None


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stored canonical event as the matcher sees it."""

    id: str
    seq: int
    type: str
    actors: frozenset[str]
    recipients: frozenset[str]
    interval: Interval
    place_country: str | None
    num_mentions: int
    mode: str | None = None


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

# -- the rules ------------------------------------------------------------------------------


def family(event_type: str) -> str:
    """The merge family of a PLOVER type: the type itself (modes never split a family)."""
    return event_type.upper()


def shared_countries(
    event_type: str,
    actors: frozenset[str],
    recipients: frozenset[str],
    other_actors: frozenset[str],
    other_recipients: frozenset[str],
) -> int:
    """How many known countries two reports share, 0 when their sides are incompatible."""
    mine, theirs = actors | recipients, other_actors | other_recipients
    shared = len(mine & theirs)
    if shared == 0:
        return 0
    crossed = actors & other_recipients or recipients & other_actors
    nested = mine <= theirs or theirs <= mine
    if (
        nested
        and not crossed
        and _side_ok(actors, other_actors)
        and _side_ok(recipients, other_recipients)
    ):
        return shared
    if family(event_type) in SYMMETRIC_TYPES and (
        (not recipients and (actors <= theirs or theirs <= actors))
        or (not other_recipients and (other_actors <= mine or mine <= other_actors))
    ):
        return shared
    return 0


def _side_ok(a: frozenset[str], b: frozenset[str]) -> bool:
    # One report may name fewer participants on a side than another ("Sweden applied" and
    # "Sweden and Finland applied"), or none: compatible when one side contains the other.
    return a <= b or b <= a


def mode_rank(a: str | None, b: str | None) -> int:
    """0 when two modes agree, 1 when one is unknown, 2 when both are known and differ.

    Modes never split a family (a visit is also a meeting), but among candidates the one
    whose mode agrees fits a report best.
    """
    if a == b:
        return 0
    return 1 if a is None or b is None else 2


def date_relation(a: Interval, b: Interval) -> Relation:
    """``overlap`` (or unknown), ``near`` (the same event with a conflict) or ``far``."""
    if not a.known or not b.known:
        return "overlap"
    if a.lo <= b.hi and b.lo <= a.hi:
        return "overlap"
    gap = (b.lo - a.hi).days if a.hi < b.lo else (a.lo - b.hi).days
    return "near" if gap <= max(_tolerance(a), _tolerance(b)) else "far"


def _tolerance(iv: Interval) -> int:
    # How far off a report of this precision plausibly is: a month named for a day in the
    # next one ("September" for October 24) is common; two different days are two events,
    # however the day was found (stated, inferred from "on Thursday", or the publication
    # day), except one day apart (time zones, overnight events, "yesterday").
    if iv.granularity in COARSE:
        return WINDOW_DAYS
    if iv.granularity == "week":
        return WEEK_WINDOW_DAYS
    return 1


def place_ok(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass(frozen=True, slots=True)
class Sibling:
    """A mention of the same article already in a candidate canonical event."""

    mode: str | None
    actors: frozenset[str]
    recipients: frozenset[str]
    interval: Interval


def restates(mention: MentionFacts, sibling: Sibling) -> bool:
    """Whether two mentions of one article are the same event told twice.

    Inside one article the bar is higher than across articles: a writer names distinct
    events of one day and one pair of countries (an arrival and the meeting that follows,
    two sanctions announced together) in different sentences, so only a report with the
    same mode, the same actors and recipients and an overlapping date is a restatement,
    and only when both dates come from the text: a report that stands at the publication
    day ("the two countries also agreed to revive a pact") has no date to agree with.
    (In the sample corpus's gold, 146 same-type pairs sharing a country inside one article
    are different events and 6 are restatements.)
    """
    return (
        mention.mode == sibling.mode
        and mention.actors == sibling.actors
        and mention.recipients == sibling.recipients
        and date_relation(mention.interval, sibling.interval) == "overlap"
        and "publication" not in (mention.interval.basis, sibling.interval.basis)
    )


Fit = tuple[int, int, int, int, int]
"""How well a mention fits a candidate; smaller is better (see :func:`fit`)."""


def fit(mention: MentionFacts, c: Candidate, same_article: Sequence[Sibling] = ()) -> Fit | None:
    """How well ``mention`` fits canonical event ``c``, or None when it cannot join it.

    ``same_article``: the mentions of ``c`` from the mention's own article. The key orders
    by most shared countries, then dates that overlap (not merely near), then agreeing
    modes, then most mentions, then the oldest canonical event.
    """
    if family(c.type) != family(mention.type):
        return None
    if not all(restates(mention, s) for s in same_article):
        return None
    if not place_ok(mention.place_country, c.place_country):
        return None
    modes = mode_rank(mention.mode, c.mode)
    if modes == 2 and family(mention.type) not in MODES_VARY:
        return None
    shared = shared_countries(
        mention.type, mention.actors, mention.recipients, c.actors, c.recipients
    )
    if shared == 0:
        return None
    relation = date_relation(mention.interval, c.interval)
    if relation == "far":
        return None
    return (
        -shared,
        int(relation == "near"),
        modes,
        -c.num_mentions,
        c.seq,
    )


def best_fit(
    mention: MentionFacts,
    candidates: Iterable[Candidate],
    siblings: Mapping[str, Sequence[Sibling]] | None = None,
) -> tuple[Fit, Candidate] | None:
    """The best-fitting candidate for a mention and its :func:`fit`, or None."""
    best: tuple[Fit, Candidate] | None = None
    for c in candidates:
        key = fit(mention, c, (siblings or {}).get(c.id, ()))
        if key is not None and (best is None or key < best[0]):
            best = (key, c)
    return best


def choose(
    mention: MentionFacts,
    candidates: Iterable[Candidate],
    siblings: Mapping[str, Sequence[Sibling]] | None = None,
) -> Candidate | None:
    """The canonical event a mention belongs to, or None when it founds a new one.

    ``siblings`` maps a canonical id to its mentions from the mention's own article.
    """
    best = best_fit(mention, candidates, siblings)
    return best[1] if best is not None else None


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


# -- the store's side -------------------------------------------------------------------------

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
