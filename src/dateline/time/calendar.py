"""Calendar arithmetic and the calendar interval a TimeML value stands for.

Values are the TimeML/TIMEX3 ones: ``2025-05-07``, ``2025-05``, ``2025-W19``,
``2025-W19-WE``, ``2025-Q1``, ``2025-H1``, ``2025-SU``, ``2025``, ``199X`` (a decade;
TimeML's ``199`` is read too), ``19`` (a century), with an optional ``T...`` time part on
days. Anything else (durations, ``PRESENT_REF``, ``XXXX-...``) has no interval.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import cache

from dateline.records import Granularity

Interval = tuple[date, date, Granularity]

MIN_YEAR = 1
MAX_YEAR = 9999

#: Granularities from finest to coarsest; used to pick the finer of two.
GRAIN_ORDER: tuple[Granularity, ...] = (
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "year",
    "decade",
    "century",
)

SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def finer(a: Granularity, b: Granularity) -> Granularity:
    return a if GRAIN_ORDER.index(a) <= GRAIN_ORDER.index(b) else b


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by ``delta`` months."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def add_months_to_date(day: date, delta: int) -> date:
    year, month = add_months(day.year, day.month, delta)
    year = min(max(year, MIN_YEAR), MAX_YEAR)
    return date(year, month, min(day.day, last_day(year, month)))


def safe_date(year: int, month: int, day: int) -> date | None:
    if not MIN_YEAR <= year <= MAX_YEAR or not 1 <= month <= 12:
        return None
    if not 1 <= day <= last_day(year, month):
        return None
    return date(year, month, day)


def shift_days(day: date, delta: int) -> date:
    try:
        return day + timedelta(days=delta)
    except OverflowError:
        return day


def week_value(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year:04d}-W{iso.week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


@cache
def _value_pattern() -> re.Pattern[str]:
    return re.compile(
        r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?"
        r"|-W(?P<w>\d\d)(?P<we>-WE)?|-Q(?P<q>[1-4])|-H(?P<h>[12])|-(?P<s>SP|SU|FA|WI))?"
        r"|(?P<dec>\d{3})X?|(?P<cen>\d{2})"
    )


def interval(value: str) -> Interval | None:
    """The inclusive calendar interval and granularity of a TimeML date value, if any."""
    m = _value_pattern().fullmatch(value)
    if m is None:
        return None
    try:
        return _interval(m)
    except (ValueError, OverflowError):
        return None


def _interval(m: re.Match[str]) -> Interval | None:
    if m["dec"] is not None:
        start = int(m["dec"]) * 10
        if start < MIN_YEAR:
            return None
        return date(start, 1, 1), date(min(start + 9, MAX_YEAR), 12, 31), "decade"
    if m["cen"] is not None:
        start = int(m["cen"]) * 100
        if start < MIN_YEAR:
            return None
        return date(start, 1, 1), date(min(start + 99, MAX_YEAR), 12, 31), "century"
    year = int(m["y"])
    if year < MIN_YEAR:
        return None
    if m["d"] is not None:
        day = date(year, int(m["m"]), int(m["d"]))
        return day, day, "day"
    if m["m"] is not None:
        month = int(m["m"])
        return date(year, month, 1), date(year, month, last_day(year, month)), "month"
    if m["w"] is not None:
        monday = date.fromisocalendar(year, int(m["w"]), 1)
        if m["we"]:
            return monday + timedelta(days=5), monday + timedelta(days=6), "week"
        return monday, monday + timedelta(days=6), "week"
    if m["q"] is not None:
        first = (int(m["q"]) - 1) * 3 + 1
        return date(year, first, 1), date(year, first + 2, last_day(year, first + 2)), "quarter"
    if m["h"] is not None:
        first = 1 if m["h"] == "1" else 7
        # No half-year granularity in the record; a half is two quarters.
        return date(year, first, 1), date(year, first + 5, last_day(year, first + 5)), "quarter"
    if m["s"] is not None:
        first = SEASON_MONTHS[m["s"]]
        end_year, end_month = add_months(year, first, 2)
        if end_year > MAX_YEAR:
            return None
        return (
            date(year, first, 1),
            date(end_year, end_month, last_day(end_year, end_month)),
            "season",
        )
    return date(year, 1, 1), date(year, 12, 31), "year"


def value_for(day: date, grain: Granularity) -> str:
    """The TimeML value naming the period of ``grain`` that contains ``day``."""
    if grain == "day":
        return day.isoformat()
    if grain == "week":
        return week_value(day)
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "quarter":
        return f"{day.year:04d}-Q{quarter_of(day)}"
    if grain == "season":
        code = {12: "WI", 1: "WI", 2: "WI"}.get(day.month)
        if code is None:
            code = ("SP", "SU", "FA")[(day.month - 3) // 3]
        year = day.year - 1 if day.month < 3 else day.year
        return f"{year:04d}-{code}"
    if grain == "year":
        return f"{day.year:04d}"
    if grain == "decade":
        return f"{day.year // 10:03d}X"
    return f"{day.year // 100:02d}"


def shift(day: date, grain: Granularity, amount: int) -> date:
    """``day`` moved by ``amount`` periods of ``grain`` (same position inside the period)."""
    if grain == "day":
        return shift_days(day, amount)
    if grain == "week":
        return shift_days(day, 7 * amount)
    months = {"month": 1, "quarter": 3, "season": 3, "year": 12, "decade": 120, "century": 1200}
    return add_months_to_date(day, months[grain] * amount)
