"""Property tests for the normaliser: any anchor, any supported form, consistent output."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.records import TimeSpan
from dateline.time.calendar import GRAIN_ORDER, interval, value_for
from dateline.time.lexicon import WEEKDAYS
from dateline.time.tagger import tag_times

anchors = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
months = st.sampled_from(
    ["January", "Feb.", "March", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.",
     "November", "Dec."]
)  # fmt: skip
days = st.integers(min_value=1, max_value=31)
years = st.integers(min_value=1000, max_value=2099)
numbers = st.sampled_from(["a", "one", "two", "three", "ten", "12", "several", "a few", "48"])
units = st.sampled_from(
    ["day", "days", "week", "weeks", "month", "months", "quarter", "year", "years", "decade",
     "decades", "century", "hours", "minutes"]
)  # fmt: skip
weekdays = st.sampled_from([w.capitalize() for w in WEEKDAYS])
relatives = st.sampled_from(["last", "next", "this", "the previous", "the same", "that"])
unit_words = st.sampled_from(["day", "week", "weekend", "month", "year", "quarter", "decade"])


@st.composite
def expressions(draw: st.DrawFn) -> str:
    form = draw(st.integers(min_value=0, max_value=16))
    m, d, y = draw(months), draw(days), draw(years)
    if form == 0:
        return f"{m} {d}-{draw(days)}"
    if form == 1:
        return f"{d} to {draw(days)} {m} {y}"
    if form == 2:
        return f"{m} {d}, {y}"
    if form == 3:
        return f"{d} {m} {y}"
    if form == 4:
        return f"{y:04d}-{draw(st.integers(1, 12)):02d}-{d:02d}"
    if form == 5:
        return f"{draw(st.integers(1, 12))}/{d}/{y}"
    if form == 6:
        return f"in {m} {y}" if draw(st.booleans()) else f"in {m}"
    if form == 7:
        season = draw(st.sampled_from(["spring", "summer", "fall", "winter"]))
        return f"the {season} of {y}" if draw(st.booleans()) else f"last {season}"
    if form == 8:
        q = draw(st.sampled_from(["first", "second", "third", "fourth"]))
        return f"the {q} quarter" + (f" of {y}" if draw(st.booleans()) else "")
    if form == 9:
        return draw(st.sampled_from([f"in {y}", f"the {y // 10 * 10}s", "the 19th century"]))
    if form == 10:
        return f"{draw(st.sampled_from(['on ', 'last ', 'next ', '']))}{draw(weekdays)}"
    if form == 11:
        return f"{draw(numbers)} {draw(units)} {draw(st.sampled_from(['ago', 'earlier', 'later']))}"
    if form == 12:
        return f"{draw(relatives)} {draw(unit_words)}"
    if form == 13:
        return draw(
            st.sampled_from(
                ["today", "yesterday", "tomorrow", "now", "recently", "the past", "the future",
                 "earlier this year", "3 p.m.", "Tuesday morning", "every week", "annually",
                 "in October that year", "Christmas", "Thanksgiving"]
            )
        )  # fmt: skip
    if form == 14:
        return f"for {draw(numbers)} {draw(units)}"
    if form == 15:
        return f"since {m} {y}"
    tail = draw(st.sampled_from(["last year", "that year", "the following year"]))
    return draw(
        st.sampled_from(
            [f"on {m} {d} {tail}", f"the week of {m} {d}", f"the last half of {y}",
             "mid-afternoon yesterday", f"{draw(numbers)} {draw(units)} or so ago"]
        )
    )  # fmt: skip


frames = st.sampled_from(
    [
        "The army withdrew {}.",
        "Leaders will meet {}.",
        "{}, talks resumed.",
        "It is set to open {}.",
    ]
)


def check(span: TimeSpan, text: str) -> None:
    assert text[span.start : span.end] == span.text
    assert span.type in ("DATE", "TIME", "DURATION", "SET")
    if span.start_date is None:
        assert span.end_date is None and span.granularity is None
        return
    assert span.end_date is not None and span.start_date <= span.end_date
    parsed = interval(span.value)
    assert parsed is not None, span
    assert parsed[2] == span.granularity
    assert parsed[0] == span.start_date
    if span.granularity != "day":
        assert parsed[1] == span.end_date


@settings(max_examples=400, deadline=None)
@given(anchor=anchors, expression=expressions(), frame=frames)
def test_every_supported_form_normalises_consistently(
    anchor: date, expression: str, frame: str
) -> None:
    text = frame.format(expression)
    for span in tag_times(text, anchor):
        check(span, text)


@settings(max_examples=200, deadline=None)
@given(anchor=st.one_of(st.none(), anchors), expression=expressions())
def test_no_anchor_never_fails(anchor: date | None, expression: str) -> None:
    text = f"Officials said {expression}, and more talks followed."
    for span in tag_times(text, anchor):
        check(span, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), anchor=st.one_of(st.none(), anchors))
def test_arbitrary_text_never_raises(text: str, anchor: date | None) -> None:
    for span in tag_times(text, anchor):
        check(span, text)


@given(day=st.dates(min_value=date(1000, 1, 1), max_value=date(9000, 12, 31)),
       grain=st.sampled_from(GRAIN_ORDER))  # fmt: skip
def test_value_for_names_a_period_containing_the_day(day: date, grain: str) -> None:
    value = value_for(day, grain)  # type: ignore[arg-type]
    parsed = interval(value)
    assert parsed is not None
    assert parsed[2] == grain
    assert parsed[0] <= day <= parsed[1]
