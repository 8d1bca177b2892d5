"""Dating an event: its own stated time, else inferred from context, else publication.

Status matters: a planned event is not dated before publication and an occurred one
not after it; a year-less date ("May 9") moves to the year the status allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from dateline.records import Article, DateBasis, EventDate, Status, TimeSpan

DATED = ("DATE", "TIME")


def _shift_year(d: date | None, years: int) -> date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _has_year(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and any(
        len(w) == 4 and w.isdigit() for w in text.replace(",", " ").replace("'", " ").split()
    )


WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _is_weekday(text: str) -> bool:
    words = text.lower().replace(",", " ").split()
    return (
        bool(words) and any(w in WEEKDAYS for w in words) and not any(ch.isdigit() for ch in text)
    )


def fits(span: TimeSpan, status: Status, published: date | None) -> bool:
    """Can this time expression date an event with this status?"""
    if span.start_date is None or published is None:
        return span.start_date is not None
    end = span.end_date or span.start_date
    if status == "planned":
        return end >= published
    if status in ("occurred", "negated"):
        return span.start_date <= published
    return True


def from_span(
    span: TimeSpan, basis: DateBasis, status: Status, published: date | None
) -> EventDate:
    start, end = span.start_date, span.end_date or span.start_date
    if published is not None and start is not None and end is not None and _is_weekday(span.text):
        # a bare weekday points back in a report of the past and forward in a plan
        if status == "planned" and end < published:
            start, end = start + timedelta(days=7), end + timedelta(days=7)
        elif status in ("occurred", "negated") and start > published:
            start, end = start - timedelta(days=7), end - timedelta(days=7)
        return EventDate(
            start=start, end=end, granularity=span.granularity, text=span.text, basis=basis
        )
    if published is not None and start is not None and end is not None and not _has_year(span.text):
        if status == "planned" and end < published and span.granularity in ("day", "month"):
            start, end = _shift_year(start, 1), _shift_year(end, 1)
        elif status == "occurred" and start > published and span.granularity in ("day", "month"):
            start, end = _shift_year(start, -1), _shift_year(end, -1)
    return EventDate(
        start=start, end=end, granularity=span.granularity, text=span.text, basis=basis
    )


def clip(when: EventDate, status: Status, published: date | None) -> EventDate:
    """What the status allows of the interval: a plan cannot start before publication
    ("later this week"), a past event cannot end after it ("earlier this month")."""
    if published is None or when.start is None or when.end is None:
        return when
    if status == "planned" and when.start < published <= when.end:
        return replace(when, start=published)
    if status in ("occurred", "negated") and when.start <= published < when.end:
        return replace(when, end=published)
    return when


def publication_date(article: Article) -> EventDate:
    return EventDate(
        start=article.published,
        end=article.published,
        granularity="day" if article.published else None,
        text=None,
        basis="publication",
    )


def choose(
    stated: Sequence[TimeSpan],
    sentence: Sequence[TimeSpan],
    context: Sequence[TimeSpan],
    status: Status,
    article: Article,
) -> EventDate:
    """stated: attached to the trigger; sentence: free in its sentence; context: earlier
    in the paragraph, nearest last."""
    return clip(_choose(stated, sentence, context, status, article), status, article.published)


def _choose(
    stated: Sequence[TimeSpan],
    sentence: Sequence[TimeSpan],
    context: Sequence[TimeSpan],
    status: Status,
    article: Article,
) -> EventDate:
    published = article.published
    dated = [s for s in stated if s.type in DATED and s.start_date is not None]
    if dated:
        best = next((s for s in dated if fits(s, status, published)), dated[0])
        return from_span(best, "stated", status, published)
    free = [s for s in sentence if s.type in DATED and s.start_date is not None]
    free = [s for s in free if fits(s, status, published)]
    if len(free) == 1:
        return from_span(free[0], "inferred", status, published)
    if status in ("planned", "occurred", "negated"):
        for span in reversed(context):
            if (
                span.type in DATED
                and span.start_date is not None
                and fits(span, status, published)
                and span.granularity in ("day", "month")
                # a plan is not dated to the day it is reported by context alone
                and not (
                    status == "planned"
                    and published is not None
                    and (span.end_date or span.start_date) <= published
                )
            ):
                return from_span(span, "inferred", status, published)
    return publication_date(article)
