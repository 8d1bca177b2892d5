"""Named days of the news calendar (Christmas, Thanksgiving, Election Day, Easter...)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from dateline.time.absolute import date_value, pick_year, unanchored
from dateline.time.anchor import Context, Resolved


def easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month = (h + leap - 7 * m + 114) // 31
    day = (h + leap - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th given weekday of a month (n = -1: the last one)."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = date(year + (month == 12), month % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


_HOLIDAYS: dict[str, Callable[[int], date]] = {
    "christmas": _fixed(12, 25),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "independence day": _fixed(7, 4),
    "halloween": _fixed(10, 31),
    "valentine's day": _fixed(2, 14),
    "may day": _fixed(5, 1),
    "boxing day": _fixed(12, 26),
    "veterans day": _fixed(11, 11),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + timedelta(days=1),
    "easter": easter,
    "easter sunday": easter,
}


def holiday(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    name = " ".join(m["name"].lower().split())
    rule = _HOLIDAYS.get(name)
    if rule is None:
        return None
    if m["year"]:
        return date_value(rule(int(m["year"])).isoformat(), explicit=True)
    anchor = ctx.anchor
    if anchor is None:
        return unanchored("XXXX-XX-XX")
    rel = (m["rel"] or "").lower()
    if rel == "last":
        year = max(y for y in (anchor.year - 1, anchor.year) if rule(y) < anchor)
    elif rel == "next":
        year = min(y for y in (anchor.year, anchor.year + 1) if rule(y) > anchor)
    elif rel == "this":
        year = anchor.year
    else:
        year = pick_year(anchor, ctx.tense(start, end), rule, 31)
    return date_value(rule(year).isoformat())
