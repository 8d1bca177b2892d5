"""The merge rules: whether an event mention reports the same event as a canonical event.

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
"visit" event better than a plain meeting), then with most mentions, then the oldest
(:func:`fit`).

Pure functions over plain records: reading mentions and candidates from the store and
applying the rules article by article is :mod:`dateline.store.cluster`'s job, and a
canonical event's fields are :mod:`dateline.store.canonical_summary`'s.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

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
