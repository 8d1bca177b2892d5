"""Resolvers for expressions read against the anchor or the reference time: weekdays,
today/yesterday, times of day, "two years ago", "last week", durations, sets and the
vague references (now, recently, the future)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from dateline.records import Granularity
from dateline.time.absolute import date_value, reporting_quarter, unanchored
from dateline.time.anchor import Context, Resolved
from dateline.time.calendar import finer, shift, shift_days, value_for, week_value
from dateline.time.lexicon import (
    PARTS_OF_DAY,
    UNIT_CODES,
    UNIT_GRAIN,
    month_number,
    parse_number,
    unit_key,
    weekday_number,
)

_PRESENT = frozenset(
    [
        "now",
        "right now",
        "just now",
        "currently",
        "nowadays",
        "these days",
        "at present",
        "presently",
        "the present",
        "current",
    ]
)
_PAST = frozenset(["recently", "lately", "previously", "formerly", "the past", "recent"])
#: "current" counts as a time expression before a noun, but not the noun "current" or the
#: balance-of-payments "current account".
_CURRENT_NOUN = re.compile(r"\s+(?!accounts?\b|of\b|and\b|or\b|is\b|was\b|flows?\b)[a-z]")
#: Prepositions that make a bare plural unit a duration: "for years", "within weeks".
_SPAN_PREPOSITIONS = frozenset(["for", "within", "in", "over"])
_FUTURE = frozenset(
    [
        "soon",
        "the future",
        "in future",
        "future",
        "as soon as possible",
        "the near term",
        "the short term",
        "a later date",
    ]
)
_BACKWARD = ("ago", "earlier", "before", "previously", "back")
_FROM_ANCHOR = ("ago", "from now", "hence", "back")
_AMOUNT_BEFORE = re.compile(
    r"(?:\d|%|percent|cents?|dollars?|million|billion|trillion|times|once|twice|pounds|euros)$",
    re.IGNORECASE,
)


_RATE_BEFORE = re.compile(
    r"(?:\d%|\d\s+percent|\d\s+units|\baverage)\s+$",
    re.IGNORECASE,
)


def _norm(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _day(day: date, part: str | None) -> Resolved | None:
    if part:
        return Resolved("TIME", f"{day.isoformat()}T{PARTS_OF_DAY[part.lower()]}", day, day, "day")
    return date_value(day.isoformat())


def weekday(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if not m["wd"][0].isupper():
        return None
    number = weekday_number(m["wd"])
    part = m["pod"]
    if m["pl"]:
        suffix = f"T{PARTS_OF_DAY[part.lower()]}" if part else ""
        return Resolved("SET", f"XXXX-WXX-{number + 1}{suffix}", None, None, None, False)
    anchor = ctx.anchor
    if anchor is None:
        return unanchored(f"XXXX-WXX-{number + 1}", "TIME" if part else "DATE")
    rel = _norm(m["rel"])
    if rel == "previous" and ctx.text[max(0, start - 4) : start].lower() == "the ":
        # "the previous Friday": the one before the narrative's day, not before publication.
        anchor = ctx.reference_day("day") or anchor
    back = (anchor.weekday() - number) % 7
    ahead = (number - anchor.weekday()) % 7
    if rel in ("last", "past", "previous"):
        day = anchor - timedelta(days=back or 7)
    elif rel in ("next", "coming"):
        day = anchor + timedelta(days=ahead or 7)
    elif rel == "this":
        day = anchor + timedelta(days=number - anchor.weekday())
    elif _tense(ctx, start, end) == "future":
        day = anchor + timedelta(days=ahead)
    else:
        day = anchor - timedelta(days=back)
    if m["mon"]:
        return _weekday_date(m, ctx, start, end) or _day(day, part)
    return _day(day, part)


def _tense(ctx: Context, start: int, end: int) -> str | None:
    # "Tuesday's declaration" names an event that has happened unless a future verb governs
    # the phrase ("will attend Friday's meeting"); the rest of the clause says nothing of it.
    if ctx.text.startswith(("'s", "’s"), end):
        return ctx.tense(start, end, reach=25) or "past"
    return ctx.tense(start, end)


def _weekday_date(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    """ "Tuesday, May 7": the written date wins over the weekday."""
    from dateline.time.absolute import infer_year

    month = month_number(m["mon"])
    day = int(re.sub(r"\D", "", m["d"]))
    year = int(m["year"]) if m["year"] else infer_year(ctx, month, day, start, end)
    if year is None:
        return None
    try:
        return date_value(date(year, month, day).isoformat(), explicit=bool(m["year"]))
    except ValueError:
        return None


def relative_day(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    anchor = ctx.anchor
    if m["pod2"]:
        this = _norm(m["this"])
        if this == "the" and ctx.next_words(end).lower() == "of":
            return None  # "the night of Oct. 23": the date that follows says which
        base = ctx.reference_day("day") if this.startswith("the") else anchor
        if base is None:
            return unanchored(f"XXXX-XX-XXT{PARTS_OF_DAY[m['pod2'].lower()]}", "TIME")
        if this in ("last", "the previous"):
            base = shift_days(base, -1)
        elif this in ("the next", "the following"):
            base = shift_days(base, 1)
        return _day(base, m["pod2"])
    part = m["pod3"] or m["pod4"]
    if part:
        # "mid-afternoon yesterday"; a bare "mid-afternoon" is on the narrative's day
        named = _norm(m["w2"] or m["w3"])
        shift_by = {"yesterday": -1, "tomorrow": 1}.get(named, 0)
        base = anchor if named else ctx.reference_day("day")
        if base is None:
            return unanchored(f"XXXX-XX-XXT{PARTS_OF_DAY[part.lower()]}", "TIME")
        return _day(shift_days(base, shift_by), part)
    word = _norm(m["w"] or m["around"])
    offsets = {
        "today": 0,
        "tonight": 0,
        "overnight": 0,
        "yesterday": -1,
        "tomorrow": 1,
        "before yesterday": -2,
        "after tomorrow": 2,
    }
    if anchor is None:
        return unanchored("XXXX-XX-XX")
    if word == "overnight":
        # The night before the day the narrative is on ("closed lower Friday... overnight
        # losses in New York"); it does not move the narrative itself.
        night = shift_days(ctx.reference_day("day") or anchor, -1)
        return replace(_day(night, "overnight") or unanchored("XXXX-XX-XX"), sets_reference=False)
    day = shift_days(anchor, offsets[word])
    part = m["pod"] or (word if word == "tonight" else None)
    return _day(day, part)


def clock(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if m["noon"] and ctx.previous_word(start).lower() == "high":
        return None  # "High Noon", "high noon comes today": the figure of speech
    if m["noon"]:
        hour, minute = {"noon": 12, "midday": 12, "midnight": 24}[m["noon"].lower()], 0
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["mi24"])
    else:
        hour, minute = int(m["h"]), int(m["mi"] or 0)
        ap = m["ap"].lower()
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
        if hour > 24 or (ap.startswith(("a", "p")) and int(m["h"]) > 12):
            return None
    day = _clock_day(m, ctx, start, end)
    stamp = f"T{hour:02d}:{minute:02d}"
    if day is None:
        return Resolved("TIME", f"XXXX-XX-XX{stamp}", None, None, None, False)
    return Resolved("TIME", f"{day.isoformat()}{stamp}", day, day, "day")


def _clock_day(m: re.Match[str], ctx: Context, start: int, end: int) -> date | None:
    anchor = ctx.anchor
    named = _norm(m["day"])
    if named and m["mon"]:
        year = anchor.year if anchor else None
        if year is None:
            return None
        try:
            return date(year, month_number(m["mon"]), int(re.sub(r"\D", "", m["d"])))
        except ValueError:
            return None
    if named in ("today", "yesterday", "tomorrow") and anchor is not None:
        return shift_days(anchor, {"today": 0, "yesterday": -1, "tomorrow": 1}[named])
    if named and anchor is not None:
        number = weekday_number(named)
        if ctx.tense(start, end) == "future":
            return anchor + timedelta(days=(number - anchor.weekday()) % 7)
        return anchor - timedelta(days=(anchor.weekday() - number) % 7)
    return ctx.reference_day("day")


def _amount(text: str) -> float | None:
    return parse_number(text)


def ago(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    unit = unit_key(m["unit"])
    direction = _norm(m["dir"])
    sign = -1 if direction in _BACKWARD else 1
    amount = _amount(m["n"])
    grain = UNIT_GRAIN.get(unit)
    if direction not in _FROM_ANCHOR and (amount is None or grain is None):
        # "a few days later", "an hour earlier": TimeML marks the stretch between two times,
        # a duration, when it names no calendar position
        return Resolved("DURATION", _duration_value(amount, unit), None, None, None, False)
    if amount is None or grain is None or amount != int(amount):
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, None, None, False)
    if unit == "weekend":
        grain = "week"
    base_ref = ctx.ref
    if direction in _FROM_ANCHOR and (
        base_ref is None or base_ref.grain != "quarter" or unit != "year"
    ):
        base_ref = None
    if base_ref is not None and base_ref.start is not None and base_ref.grain is not None:
        base, out_grain = base_ref.start, finer(base_ref.grain, grain)
        if base_ref.grain == "day" and grain in ("month", "quarter", "year"):
            out_grain = grain
    elif ctx.anchor is not None:
        base, out_grain = ctx.anchor, grain
    else:
        return unanchored("XXXX-XX-XX")
    moved = shift(base, grain, sign * int(amount))
    return date_value(value_for(moved, out_grain), False)


def year_ago(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    unit = m["unit"].lower()
    grain: Granularity = UNIT_GRAIN[unit]
    what = _norm(m["what"])
    ref = ctx.ref
    if what in ("quarter", "period") or (ref is not None and ref.grain == "quarter"):
        day = reporting_quarter(ctx)
        if day is None:
            return unanchored("XXXX-QX")
        return date_value(value_for(shift(day, grain, -1), "quarter"), False)
    if ref is not None and ref.start is not None and ref.grain is not None:
        moved = shift(ref.start, grain, -1)
        return date_value(value_for(moved, finer(ref.grain, grain)), False)
    if ctx.anchor is None:
        return unanchored("XXXX")
    return date_value(value_for(shift(ctx.anchor, grain, -1), grain), False)


def relative_unit(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if m["unit"][0].isupper() and (
        not m["rel"][0].isupper() or ctx.text[:start].rstrip(" ")[-1:] not in ("", ".", "\n")
    ):
        return None  # a title mid-sentence: ABC's "This Week"
    unit = m["unit"].lower()
    rel = _norm(m["rel"])
    has_the = rel.startswith("the")
    word = rel.removeprefix("the").strip()
    if rel == "the" and not m["mod"] and unit != "weekend":
        return None
    if unit == "day":
        return _relative_day_unit(ctx, word)
    grain: Granularity = UNIT_GRAIN[unit]
    anaphoric = word in ("that", "same") or (
        has_the and word in ("previous", "following", "prior", "preceding", "next")
    )
    base = ctx.reference_day() if anaphoric else ctx.anchor
    if base is None:
        return unanchored("XXXX")
    offset = 0
    if word in ("last", "past", "previous", "prior", "preceding"):
        offset = -1
    elif word in ("next", "coming", "following"):
        offset = 1
    if unit == "weekend":
        return _weekend(ctx, base, offset, word, start, end)
    return date_value(value_for(shift(base, grain, offset), grain))


def the_year(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    """ "the year", "the fiscal year", "year-end": the year of publication ("the latest
    fiscal year": the one before); "the year ended March 31" is a year-long period (a
    duration, as TimeML annotates it)."""
    if ctx.next_words(end).lower() in ("ended", "ending"):
        return Resolved("DURATION", "P1Y", None, None, None, False)
    if ctx.anchor is None:
        return unanchored("XXXX")
    # "the latest fiscal year" is the last one reported on: the year before publication.
    latest = (m["adj"] or "").lower() == "latest"
    return date_value(f"{ctx.anchor.year - latest:04d}", False)


def _relative_day_unit(ctx: Context, word: str) -> Resolved | None:
    base = ctx.reference_day("day")
    if base is None:
        return unanchored("XXXX-XX-XX")
    offsets = {"previous": -1, "prior": -1, "preceding": -1, "next": 1, "following": 1}
    if word not in offsets and word not in ("same", "that", ""):
        return None
    return date_value(shift_days(base, offsets.get(word, 0)).isoformat(), False)


def _weekend(
    ctx: Context, base: date, offset: int, word: str, start: int, end: int
) -> Resolved | None:
    saturday = base + timedelta(days=5 - base.weekday())
    if (
        word in ("", "that", "same")
        and offset == 0
        and base.weekday() < 5
        and ctx.tense(start, end) != "future"
    ):
        saturday -= timedelta(days=7)
    saturday += timedelta(days=7 * offset)
    return date_value(f"{week_value(saturday)}-WE")


def _duration_value(amount: float | None, unit: str) -> str:
    code, size, clock_unit = UNIT_CODES[unit]
    prefix = "PT" if clock_unit else "P"
    if amount is None:
        return f"{prefix}X{code}"
    total = amount * size
    if total != int(total):
        # A fraction goes to the next smaller unit, as TimeML writes it: P2Y6M, PT5H30M.
        whole = int(total)
        smaller = {"Y": ("M", 12), "D": ("H", 24), "H": ("M", 60), "M": ("S", 60)}.get(code)
        if code == "M" and not clock_unit:
            smaller = ("D", 30)
        if smaller is None:
            return f"{prefix}{total:g}{code}"
        letter, per = smaller
        rest = round((total - whole) * per)
        if code == "D":
            return f"P{whole}DT{rest}H" if whole else f"PT{rest}H"
        if code == "M" and not clock_unit:
            return f"P{whole}M{rest}D" if whole else f"P{rest}D"
        return f"{prefix}{whole}{code}{rest}{letter}" if whole else f"{prefix}{rest}{letter}"
    return f"{prefix}{int(total)}{code}"


def _mid_sentence_title(ctx: Context, word_start: int, word: str) -> bool:
    """A capitalised word inside a sentence names something: "CBS's 60 Minutes", "the
    film High Noon", "Photo: Bosphorus Daily"."""
    return word[:1].isupper() and ctx.text[:word_start].rstrip(" \"'“‘(`")[-1:] not in (
        "",
        ".",
        "!",
        "?",
        "\n",
        ":",
    )


def duration(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    unit = unit_key(m["unit"])
    number = _norm(m["n"])
    if m["n"][:1].isdigit() and _mid_sentence_title(ctx, m.start("unit"), m["unit"]):
        return None  # "60 Minutes"
    following = ctx.next_words(end).lower().strip(",")
    if following == "old" or (unit == "quarter" and following == "of"):
        return None  # an age ("52 years old") or a fraction ("three-quarters of")
    if number == "a" and unit == "second" and not m["rel"]:
        return None  # "a second group", "a second betrayal": the ordinal
    if number in ("a", "an") and not m["the"] and not m["rel"]:
        previous = ctx.previous_word(start)
        if _AMOUNT_BEFORE.search(previous):
            code, size, clock_unit = UNIT_CODES[unit]
            value = f"{'PT' if clock_unit else 'P'}{size}{code}"
            return Resolved("SET", value, None, None, None, False)
    amount = _amount(number)
    if amount is not None and (m["half"] or m["half2"]):
        amount += 0.5  # "two and a half years", "a minute and a half"
    if number in ("some", "many", "few", "several") or "few" in number or "couple" in number:
        amount = None if "couple" not in number else 2.0
    return Resolved("DURATION", _duration_value(amount, unit), None, None, None, False)


def vague(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    rel = _norm(m["rel"])
    unit = unit_key(m["unit"])
    if ctx.next_words(end).lower().strip(",") == "old":
        return None
    if rel in ("these", "those") and unit == "day":
        return Resolved(
            "DATE", "PRESENT_REF" if rel == "these" else "PAST_REF", None, None, None, False
        )
    if rel in ("some", "those", "these", "early", "later", "following", "subsequent", "ensuing"):
        return None
    if (
        not rel
        and not m["the"]
        and ctx.previous_word(start).lower() not in _SPAN_PREPOSITIONS
        and ctx.next_words(end).lower().strip(",.") not in ("ago", "earlier", "later")
    ):
        return None  # a bare "days", "years" times an amount ("matter of days", "minutes apart")
    return Resolved("DURATION", _duration_value(None, unit), None, None, None, False)


def set_(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    if m["adv"] and _mid_sentence_title(ctx, start, m["adv"]):
        return None  # a newspaper's name: "the Bosphorus Daily"
    if m["adv"] and _RATE_BEFORE.search(ctx.text, max(0, start - 30), start):
        return None  # a rate, not a recurrence: "grow 8% annually", "average daily volume"
    if m["adv"]:
        value = {
            "daily": "P1D",
            "nightly": "P1D",
            "weekly": "P1W",
            "biweekly": "P2W",
            "monthly": "P1M",
            "quarterly": "P1Q",
            "annually": "P1Y",
            "yearly": "P1Y",
            "biannually": "P6M",
            "semiannually": "P6M",
            "hourly": "PT1H",
        }[m["adv"].lower()]
        return Resolved("SET", value, None, None, None, False)
    word = (m["unit"] or m["unit2"]).lower()
    if word in PARTS_OF_DAY:
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[word]}"
    elif word in ("summer", "spring", "winter", "fall", "autumn"):
        value = "XXXX-" + {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA"}.get(
            word, "WI"
        )
    elif word in UNIT_CODES:
        code, size, clock_unit = UNIT_CODES[word]
        value = f"{'PT' if clock_unit else 'P'}{size}{code}"
    else:
        try:
            value = f"XXXX-WXX-{weekday_number(word) + 1}"
        except ValueError:
            value = f"XXXX-{month_number(word):02d}"
    return Resolved("SET", value, None, None, None, False)


def reference(m: re.Match[str], ctx: Context, start: int, end: int) -> Resolved | None:
    word = _norm(m["w"])
    if word == "current" and not _CURRENT_NOUN.match(ctx.text, end):
        return None  # only before a noun: "current market conditions", not "the current"
    if word == "soon" and ctx.tense(start, end) == "past":
        return None  # "that soon became a flood": shortly after, in a past narrative
    if word in ("a while", "some time"):
        return Resolved("DURATION", "PXX", None, None, None, False)  # "for a while"
    if word in _PRESENT:
        value = "PRESENT_REF"
    elif word in _PAST:
        value = "PAST_REF"
    elif word in _FUTURE or word.endswith("future"):
        value = "FUTURE_REF"
    else:
        return None
    return Resolved("DATE", value, None, None, None, False)
