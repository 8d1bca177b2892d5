"""Resolvers for expressions that name their calendar position: dates, months, quarters,
seasons, years, decades and centuries (a missing year comes from the context)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from dateline.records import Granularity
from dateline.time.anchor import Context, Resolved
from dateline.time.calendar import (
    MAX_YEAR,
    MIN_YEAR,
    SEASON_MONTHS,
    interval,
    quarter_of,
    safe_date,
    week_value,
)
from dateline.time.lexicon import DECADE_WORDS, ORDINALS, month_number

#: How far after the anchor a yearless date may fall and still be read in a past context:
#: news rarely leaves out the year of a date most of a year back.
DAY_SLACK = 60
MONTH_SLACK = 92
FUTURE_SLACK = 31
_NAME_MONTHS = ("may", "march", "august", "june", "april")
#: Words before an ambiguous month name ("May", "March") that make it a month.
_TEMPORAL_PREPOSITIONS = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "of",
        "during",
        "through",
        "before",
        "after",
        "last",
        "next",
        "this",
        "early",
        "late",
        "mid",
        "to",
        "and",
        "or",
        "between",
        "end",
        "beginning",
        "start",
        "middle",
        "around",
        "about",
    ]
)
#: Words before a number under 1800 that make it a year rather than a count.
_YEAR_CUES = frozenset(
    [
        "in",
        "since",
        "until",
        "till",
        "by",
        "from",
        "of",
        "during",
        "before",
        "after",
        "around",
        "circa",
    ]
)
_UNIT_AFTER_NUMBER = re.compile(
    r"\s*(?:%|percent|per\s+cent|km|kilomet|miles?\b|mph|kg|tons?\b|tonnes?\b|feet|ft\b"
    r"|metres?|meters?|acres?|hectares?|[a-z]+s\b(?<!levels)(?<!elections)(?<!polls))",
)


def date_value(value: str, sets_reference: bool = True, explicit: bool = False) -> Resolved | None:
    """A DATE whose interval follows from its value."""
    span = interval(value)
    if span is None:
        return None
    return Resolved("DATE", value, span[0], span[1], span[2], sets_reference, explicit)


def unanchored(value: str, kind: str = "DATE") -> Resolved:
    return Resolved("DATE" if kind == "DATE" else "TIME", value, None, None, None, False)


def _capitalised(word: str | None) -> bool:
    return word is not None and word[:1].isupper()


def _day(group: str) -> int:
    return int(re.sub(r"\D", "", group))


def carried_year_fits(anchor: date, tense: str | None, first_day: date | None) -> bool:
    """Whether a year written earlier in the sentence can date this yearless expression:
    not when it puts a plan before the anchor or a past event well after it."""
    if first_day is None:
        return False
    if tense == "future":
        return first_day.year >= anchor.year or (anchor - first_day).days <= FUTURE_SLACK
    if tense == "past":
        return (first_day - anchor).days <= DAY_SLACK
    return True


def infer_year(ctx: Context, month: int, day: int, start: int, end: int) -> int | None:
    """Year of a month (and day) written without one, read against the context."""
    year = ctx.explicit_year(start)
    if ctx.anchor is None:
        return year if year is not None else ctx.reference_year() if ctx.ref else None
    tense = ctx.tense(start, end)
    if year is not None and carried_year_fits(ctx.anchor, tense, safe_date(year, month, 1)):
        return year
    return pick_year(ctx.anchor, tense, lambda y: safe_date(y, month, min(day, 28)), DAY_SLACK)


def pick_year(
    anchor: date, tense: str | None, first_day: Callable[[int], date | None], slack: int = 31
) -> int:
    """The year that places a yearless date best: the latest one not after the anchor in past
    context, the earliest not before it in future context, else the nearest."""
    options = [(y, first_day(y)) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    dated = [(y, d) for y, d in options if d is not None]
    if not dated:
        return anchor.year
    if tense == "past":
        before = [y for y, d in dated if (d - anchor).days <= slack]
        return max(before) if before else anchor.year
    if tense == "future":
        after = [y for y, d in dated if (anchor - d).days <= FUTURE_SLACK]
        return min(after) if after else anchor.year
    return min(dated, key=lambda item: abs((item[1] - anchor).days))[0]


def tail_year(ctx: Context, tail: str) -> int | None:
    """The year a trailing "last year", "that year", "the following year" names."""
    tail = tail.lower()
    if "that" in tail or "same" in tail:
        return ctx.reference_year()
    if ctx.anchor is None:
        return None
    base = ctx.anchor.year + (-1 if "last" in tail or "previous" in tail else 0)
    return base + (1 if "next" in tail or "following" in tail else 0)


def _month_day(
    ctx: Context,
    mon: str,
    day: int,
    year: str | None,
    start: int,
    end: int,
    tail: str | None = None,
) -> Resolved | None:
    if not _capitalised(mon):
        return None
    month = month_number(mon)
    y = (
        int(year)
        if year
        else tail_year(ctx, tail)
        if tail
        else infer_year(ctx, month, day, start, end)
    )
    if y is None:
        return unanchored(f"XXXX-{month:02d}-{day:02d}") if safe_date(2000, month, day) else None
    found = safe_date(y, month, day)
    return date_value(found.isoformat(), explicit=bool(year)) if found else None


def iso(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    day = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    if day is None:
        return None
    if m["hh"]:
        value = f"{day.isoformat()}T{m['hh']}:{m['mm']}"
        return Resolved("TIME", value, day, day, "day", True, True)
    return date_value(day.isoformat(), explicit=True)


def numeric(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 1900 if y >= 50 else 2000
    month, day = (b, a) if a > 12 else (a, b)
    found = safe_date(y, month, day)
    return date_value(found.isoformat(), explicit=True) if found else None


def day_range(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    first = _month_day(ctx, m["mon"], _day(m["d1"]), m["year"], start, end)
    if first is None or first.start is None:
        return first
    mon2 = m.groupdict().get("mon2")
    month2 = month_number(mon2) if mon2 else first.start.month
    year2 = first.start.year + (1 if month2 < first.start.month else 0)
    last = safe_date(year2, month2, _day(m["d2"]))
    if last is None or last < first.start:
        return None
    return Resolved("DATE", first.value, first.start, last, "day", True, first.explicit)


def month_day(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    return _month_day(ctx, m["mon"], _day(m["d"]), m["year"], start, end, m["tail"])


def week_of(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    """ "the week of March 6": the calendar week that holds the day."""
    day = _month_day(ctx, m["mon"], _day(m["d"]), m["year"], start, end)
    if day is None or day.start is None:
        return day
    return date_value(week_value(day.start), explicit=day.explicit)


def month_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if not _capitalised(m["mon"]):
        return None
    year = int(m["year"]) if m["year"] else spoken_number(m["spoken"])
    if year is None:
        return None
    return date_value(f"{year:04d}-{month_number(m['mon']):02d}", explicit=True)


def month(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    """A month without a year: relative to the reference time or the anchor."""
    if not _capitalised(m["mon"]):
        return None
    number = month_number(m["mon"])
    rel = (m["rel"] or "").lower().split()[-1:] or [""]
    tail = (m["tail"] or "").lower()
    bare = not (m["rel"] or m["mod"] or tail)
    if (
        bare
        and m["mon"].lower() in _NAME_MONTHS
        and ctx.previous_word(start).lower() not in _TEMPORAL_PREPOSITIONS
    ):
        return None  # "Theresa May", "they march"
    anchor = ctx.anchor
    if tail:
        return _month_value(tail_year(ctx, tail), number)
    if rel[0] in ("last", "past", "previous") and anchor is not None:
        return _month_value(anchor.year if number < anchor.month else anchor.year - 1, number)
    if rel[0] in ("next", "coming", "following") and anchor is not None:
        return _month_value(anchor.year if number > anchor.month else anchor.year + 1, number)
    if rel[0] == "this" and anchor is not None:
        return _month_value(anchor.year, number)
    year = ctx.explicit_year(start)
    if anchor is not None:
        tense = ctx.tense(start, end)
        if year is not None and not carried_year_fits(anchor, tense, date(year, number, 1)):
            year = None
        if year is None:
            year = pick_year(anchor, tense, lambda y: date(y, number, 1), MONTH_SLACK)
    return _month_value(year, number)


def _month_value(year: int | None, number: int) -> Resolved | None:
    if year is None:
        return unanchored(f"XXXX-{number:02d}")
    return date_value(f"{year:04d}-{number:02d}")


def _year_from(ctx: Context, explicit: str | None, relative: str | None) -> int | None:
    if explicit:
        return int(explicit)
    if relative and ctx.anchor is not None:
        return ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[relative.lower()]
    return None


def reporting_quarter(ctx: Context) -> date | None:
    """The quarter a report is about: the last one completed before the anchor."""
    if ctx.anchor is None:
        return None
    first_month = (quarter_of(ctx.anchor) - 1) * 3 + 1
    year, month_ = (
        (ctx.anchor.year, first_month - 3) if first_month > 3 else (ctx.anchor.year - 1, 10)
    )
    return date(year, month_, 1)


def quarter(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    found = _quarter(m, ctx, start, end)
    if m["ago"] and found is not None and found.start is not None:
        # "the quarter a year ago": the same quarter of the year before
        return date_value(f"{found.start.year - 1:04d}-Q{quarter_of(found.start)}")
    return found


def _quarter(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if m["qn"]:
        q = int(m["qn"][1])
        year = int(m["yr3"]) if m["yr3"] else None
        return _quarter_value(ctx, q, year, start, end)
    det = (m["det"] or "").lower()
    rel = " ".join((m["rel"] or "").lower().split())
    ord_ = (m["ord"] or "").lower()
    year = _year_from(ctx, m["yr"] or m["yr2"], m["ry"] or m["ry2"])
    if ord_ and ord_ not in ("last", "final"):
        if rel in ("year-ago", "year-earlier", "previous", "prior") and year is None:
            base = ctx.reference_year()
            year = base - 1 if base is not None and rel.startswith("year") else base
        return _quarter_value(ctx, ORDINALS[ord_], year, start, end)
    if ord_ == "final" or (ord_ == "last" and year is not None):
        return _quarter_value(ctx, 4, year, start, end)
    if det == "a" or (not det and not rel and not ord_ and year is None):
        return None
    if year is not None:
        reported = reporting_quarter(ctx)
        return _quarter_value(ctx, quarter_of(reported) if reported else 4, year, start, end)
    anchor = ctx.anchor
    if anchor is None:
        return unanchored("XXXX-QX")
    current = date(anchor.year, (quarter_of(anchor) - 1) * 3 + 1, 1)
    if rel == "current" or (det == "this" and not rel):
        day: date | None = current
    elif det == "next":
        day = date(current.year + (current.month == 10), (current.month + 2) % 12 + 1, 1)
    elif det == "last" or ord_ == "last" or rel in ("previous", "prior", "past"):
        day = date(current.year - (current.month == 1), (current.month - 4) % 12 + 1, 1)
    else:
        day = reporting_quarter(ctx)
        if day is not None and rel in ("year-ago", "year-earlier", "comparable", "corresponding"):
            day = date(day.year - 1, day.month, 1)
    if day is None:
        return None
    return date_value(f"{day.year:04d}-Q{quarter_of(day)}")


def _quarter_value(ctx: Context, q: int, year: int | None, start: int, end: int) -> Resolved | None:
    explicit = year is not None
    if year is None:
        year = ctx.explicit_year(start)
        if (
            year is not None
            and ctx.anchor is not None
            and not carried_year_fits(ctx.anchor, ctx.tense(start, end), date(year, q * 3 - 2, 1))
        ):
            year = None
        if year is None and ctx.anchor is not None:
            year = ctx.anchor.year
            # Quarters are mostly reported once over: a later quarter is last year's.
            if q > quarter_of(ctx.anchor) and ctx.tense(start, end) != "future":
                year -= 1
    if year is None:
        return unanchored(f"XXXX-Q{q}")
    return date_value(f"{year:04d}-Q{q}", explicit=explicit)


def half(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    ord_ = m["ord"].lower()
    if ord_ in ("last", "latter") and not re.search(r"\sof\s", ctx.text[start:end]):
        return None  # "the last half hour", "played the last half": only "of" a year
    h = 1 if ord_ == "first" else 2
    year = _year_from(ctx, m["yr"] or m["yr2"], m["ry"])
    if year is None:
        year = ctx.reference_year()
    if year is None:
        return unanchored(f"XXXX-H{h}")
    return date_value(f"{year:04d}-H{h}")


def season(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    word = m["season"].lower()
    code = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}[word]
    rel = (m["rel"] or "").lower()
    tail = (m["tail"] or "").lower()
    named = rel == "the" or bool(m["mod"])  # "the summer", "early spring": the season
    if not (m["year"] or tail or rel not in ("", "the")) and not (named and word != "fall"):
        prev = ctx.previous_word(start).lower()
        if word == "fall" or prev not in (
            "in",
            "during",
            "by",
            "until",
            "since",
            "through",
            "over",
        ):
            return None
    anchor = ctx.anchor
    if m["year"] or m["spoken"]:
        year: int | None = int(m["year"]) if m["year"] else spoken_number(m["spoken"])
    elif tail == "that":
        year = ctx.reference_year()
    elif anchor is None:
        year = ctx.reference_year() if ctx.ref else None
    else:
        offset = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(tail or rel, 0)
        if tail in ("last", "next", "this") or rel == "this":
            year = anchor.year + offset
        elif rel in ("last", "past"):
            year = anchor.year - 1
            if anchor.month >= SEASON_MONTHS[code] + 3 and code != "WI":
                year = anchor.year
        elif rel in ("next", "coming"):
            year = anchor.year + (1 if anchor.month >= SEASON_MONTHS[code] else 0)
        else:
            year = ctx.explicit_year(start)
            if year is not None:
                pass
            elif ctx.tense(start, end) == "future" and anchor.month > SEASON_MONTHS[code] + 2:
                year = anchor.year + 1
            elif ctx.tense(start, end) == "past" and anchor.month < SEASON_MONTHS[code]:
                year = anchor.year - 1
            else:
                year = anchor.year
    if year is None:
        return unanchored(f"XXXX-{code}")
    return date_value(f"{year:04d}-{code}")


def year(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    value = int(m["year"])
    if not m["fiscal"] and not m["mod"] and _UNIT_AFTER_NUMBER.match(ctx.text, end):
        return None
    # Before 1800 a bare number is more often a count than a year.
    if value < 1800 and not m["fiscal"] and ctx.previous_word(start).lower() not in _YEAR_CUES:
        return None
    if not MIN_YEAR <= value <= MAX_YEAR:
        return None
    return date_value(f"{value:04d}", explicit=True)


def decade(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if m["cent"]:
        return date_value(f"{m['cent']}{m['dec']}X")
    if m["dw"] and not ctx.text[start:end].lower().startswith("the"):
        return None
    digit = int(m["dec"] or m["dec2"] or m["dec3"] or DECADE_WORDS[(m["dw"] or "").lower()])
    base = ctx.anchor.year if ctx.anchor else None
    if base is None:
        return unanchored(f"XX{digit}X")
    century = base // 100
    if century * 100 + digit * 10 > base:
        century -= 1
    return date_value(f"{century:02d}{digit}X")


def century(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    word = " ".join(m["ord"].lower().replace("-", " ").split())
    number = ORDINALS.get(word) or int(re.sub(r"\D", "", word) or 0)
    if not 1 <= number <= 99:
        return None
    grain: Granularity = "century"
    value = f"{number - 1:02d}"
    resolved = date_value(value)
    return resolved if resolved and resolved.grain == grain else None


def period(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    """ "the latest period", "the year-ago period": the reporting quarter (of a year before)."""
    day = reporting_quarter(ctx)
    if day is None:
        return unanchored("XXXX-QX")
    if m["yr"]:
        day = date(int(m["yr"]), day.month, 1)
    elif m["rel"].lower() in ("year-ago", "year-earlier", "comparable", "corresponding"):
        day = date(day.year - 1, day.month, 1)
    return date_value(f"{day.year:04d}-Q{quarter_of(day)}", False)


def spoken_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    """Years in words, as transcripts write them: "nineteen ninety-six"."""
    number = spoken_number(ctx.text[start:end])
    return None if number is None else date_value(f"{number:04d}", explicit=True)


def spoken_number(written: str) -> int | None:
    """The year a spoken form names ("the year two thousand", "nineteen ninety-six")."""
    text = " ".join(written.lower().replace("-", " ").split())
    text = text.removeprefix("the year ")
    century = 1900 if text.startswith("nineteen") else 2000
    rest = text.removeprefix("nineteen").removeprefix("two thousand").strip()
    rest = rest.removeprefix("and ").strip()
    words = {
        w: i
        for i, w in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
            ]
        )
    }
    tens = {
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
    }
    number = 0
    for word in rest.split():
        number += tens.get(word, words.get(word, 0))
    if century == 1900 and number < 10:
        return None
    return century + number
