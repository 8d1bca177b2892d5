"""Dating events from their own words: what the syntax says before the sentence's free times."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from dateline.events.dating import clip, fits
from dateline.records import EventDate, TimeSpan

PUBLISHED = "2024-06-10"  # a Monday

CASES = [
    (
        "a duration after a stated date counts back from it",
        "The accord was signed in Geneva in March 2019, four months after Armenian forces "
        "attacked Azerbaijan.",
        "attacked",
        ("2018-11-01", "2018-11-30"),
    ),
    (
        "a duration after a time inside the trigger's after-phrase counts forward from it",
        "Two days after the collapse of talks on May 11, Israel attacked Iran.",
        "attacked",
        ("2024-05-13", "2024-05-13"),
    ),
    (
        "an anniversary is the event's date moved forward",
        "Vietnam marked the second anniversary of China's blockade of the reef on Monday.",
        "blockade",
        ("2022-06-10", "2022-06-10"),
    ),
    (
        "a since-phrase's event noun takes the time right after it",
        "France has sent Chad millions of euros in aid since Sudan's attack on the border in "
        "May 2021.",
        "attack",
        ("2021-05-01", "2021-05-31"),
    ),
    (
        "an after-clause takes the time of the clause it hangs on",
        "Germany cut ties with Iran in October 2020 after Iranian agents attacked its embassy "
        "in Tehran.",
        "attacked",
        ("2020-10-01", "2020-10-31"),
    ),
    (
        "a second conjunct shares the time said between the two",
        "Brazil had recalled its ambassador from Israel in February and expelled Israeli "
        "diplomats.",
        "expelled",
        ("2024-02-01", "2024-02-29"),
    ),
    (
        "a relative clause is dated with what its noun is part of",
        "Kenya's president met Uganda's president in Kampala on Friday, a day after arriving on "
        "a visit that Tanzania had condemned for weeks.",
        "condemned",
        ("2024-06-06", "2024-06-06"),
    ),
    (
        "a time after since starts a stretch that runs to publication",
        "Israel has been bombing Gaza since October.",
        "bombing",
        ("2023-10-01", "2024-06-10"),
    ),
    (
        "the adverb since starts no stretch",
        "The two leaders have since met in Hanoi in May 2023.",
        "met",
        ("2023-05-01", "2023-05-31"),
    ),
    (
        "a participle's result is dated with its action, not the report",
        "Russia struck Kharkiv overnight, killing three people, officials said on Monday.",
        "killing",
        ("2024-06-09", "2024-06-09"),
    ),
    (
        "a plan takes the time of its when-clause",
        "Ghana and Togo will discuss the dispute when Togo's president visits Ghana in August.",
        "discuss",
        ("2024-08-01", "2024-08-31"),
    ),
    (
        "a present tense keeps a future time as written",
        "Ghana and Togo will discuss the dispute when Togo's president visits Ghana in August.",
        "visits",
        ("2024-08-01", "2024-08-31"),
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("why", "text", "trigger", "interval"), CASES, ids=[c[0] for c in CASES])
def test_events_are_dated_from_their_own_words(
    pipeline: Any, why: str, text: str, trigger: str, interval: tuple[str, str]
) -> None:
    ex = pipeline.extract(text, published=PUBLISHED)
    events = [e for e in ex.events if e.evidence.trigger == trigger]
    assert events, f"{why}: no event for {trigger!r} in {[e.evidence.trigger for e in ex.events]}"
    when = events[-1].date
    assert (str(when.start), str(when.end)) == interval, why


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("Kenya and Somalia also agreed to revive a border pact signed in 1998.", "agreed"),
        (
            "Chile called off a meeting with Peru on Thursday, so the president did not meet "
            "Peruvian officials.",
            "meet",
        ),
    ],
)
def test_another_clauses_time_does_not_date_the_event(
    pipeline: Any, text: str, trigger: str
) -> None:
    ex = pipeline.extract(text, published=PUBLISHED)
    events = [e for e in ex.events if e.evidence.trigger == trigger]
    assert events
    assert events[-1].date.basis == "publication"


def _span(text: str, start: str, end: str, grain: str = "month") -> TimeSpan:
    return TimeSpan(
        text=text,
        start=0,
        end=len(text),
        type="DATE",
        value=start[:7],
        start_date=date.fromisoformat(start),
        end_date=date.fromisoformat(end),
        granularity=grain,  # type: ignore[arg-type]
    )


def test_a_yearless_month_fits_a_past_event_by_last_years_reading() -> None:
    # "in February", read ahead of a November anchor, is last February for what occurred
    february = _span("February", "2024-02-01", "2024-02-29")
    assert fits(february, "occurred", date(2023, 11, 14))
    assert not fits(
        _span("February 2024", "2024-02-01", "2024-02-29"), "occurred", date(2023, 11, 14)
    )


def test_later_this_week_starts_after_publication() -> None:
    week = EventDate(
        start=date(2024, 6, 10),
        end=date(2024, 6, 16),
        granularity="week",
        text="later this week",
        basis="stated",
    )
    assert clip(week, "planned", date(2024, 6, 10)).start == date(2024, 6, 11)
    this_week = EventDate(
        start=date(2024, 6, 10),
        end=date(2024, 6, 16),
        granularity="week",
        text="this week",
        basis="stated",
    )
    assert clip(this_week, "planned", date(2024, 6, 10)).start == date(2024, 6, 10)
