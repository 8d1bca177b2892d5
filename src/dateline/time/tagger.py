"""The time tagger: finds time expressions in text and normalises them (TimeML values and
calendar intervals), anchored on the publication date.

One scanning regex (:func:`dateline.time.patterns.scanner`) proposes spans left to right;
the resolver of the family that matched turns each into a value, reading relative ones
against the anchor, the tense of their clause and the narrative's reference time (the last
date resolved before them).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from datetime import date
from functools import cache

from dateline.records import TimeSpan
from dateline.time import absolute, holidays, relative
from dateline.time.anchor import Context, Resolved
from dateline.time.patterns import family_patterns, scanner

Resolver = Callable[[re.Match[str], Context, int, int], Resolved | None]


@cache
def _determiner() -> re.Pattern[str]:
    # TimeML leaves determiners out of the span when the expression is an adjective
    # ("a third-quarter loss", "the 14-day strike") and possessives always.
    return re.compile(r"(?:its|their|his|her|our)\s+|(?:the|an?)\s+(?=\S+-\S+$)", re.IGNORECASE)


def _trim(text: str, start: int, end: int) -> int:
    m = _determiner().match(text, start, end)
    return m.end() if m is not None and m.end() < end else start


@cache
def _resolvers() -> dict[str, Resolver]:
    return {
        "iso": absolute.iso,
        "numeric": absolute.numeric,
        "weekof": absolute.week_of,
        "mdrange": absolute.day_range,
        "dmrange": absolute.day_range,
        "clock": relative.clock,
        "mdy": absolute.month_day,
        "dmy": absolute.month_day,
        "monthyear": absolute.month_year,
        "quarter": absolute.quarter,
        "period": absolute.period,
        "spoken": absolute.spoken_year,
        "half": absolute.half,
        "decade": absolute.decade,
        "century": absolute.century,
        "year": absolute.year,
        "holiday": holidays.holiday,
        "weekday": relative.weekday,
        "relday": relative.relative_day,
        "ago": relative.ago,
        "yearago": relative.year_ago,
        "theyear": relative.the_year,
        "relunit": relative.relative_unit,
        "season": absolute.season,
        "month": absolute.month,
        "set": relative.set_,
        "duration": relative.duration,
        "vague": relative.vague,
        "ref": relative.reference,
    }


def tag_times(
    text: str, anchor: date | None, paragraphs: Sequence[tuple[int, int]] = ()
) -> tuple[TimeSpan, ...]:
    """Every time expression in ``text``, sorted by start offset.

    ``anchor`` is the publication date (None: relative expressions stay unanchored, with
    ``X`` in their values); ``paragraphs`` ((start, end) offsets) bound how far a written
    year carries to later yearless months and days.
    """
    ctx = Context(text, anchor, paragraphs)
    scan = scanner()
    families = family_patterns()
    resolvers = _resolvers()
    spans: list[TimeSpan] = []
    pos = 0
    while True:
        found = scan.search(text, pos)
        if found is None:
            break
        name = found.lastgroup or ""
        start, end = found.span()
        inner = families[name].fullmatch(text, start, end)
        resolved = resolvers[name](inner, ctx, start, end) if inner is not None else None
        if resolved is None:
            pos = start + 1
            continue
        start = _trim(text, start, end)
        spans.append(
            TimeSpan(
                text=text[start:end],
                start=start,
                end=end,
                type=resolved.type,
                value=resolved.value,
                start_date=resolved.start,
                end_date=resolved.end,
                granularity=resolved.grain,
            )
        )
        if resolved.sets_reference:
            ctx.set_reference(resolved, start)
        pos = end
    return tuple(spans)
