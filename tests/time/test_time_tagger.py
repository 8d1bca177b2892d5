"""The time tagger, one expression family at a time, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.records import TimeSpan
from dateline.time.tagger import tag_times

# A Sunday; most cases are read against it.
ANCHOR = date(2025, 5, 4)


def only(text: str, anchor: date | None = ANCHOR) -> TimeSpan:
    spans = tag_times(text, anchor)
    assert len(spans) == 1, spans
    return spans[0]


def find(text: str, phrase: str, anchor: date | None = ANCHOR) -> TimeSpan:
    for span in tag_times(text, anchor):
        if span.text == phrase:
            return span
    raise AssertionError(f"{phrase!r} not tagged in {text!r}: {tag_times(text, anchor)}")


@pytest.mark.parametrize(
    ("text", "phrase", "value", "start", "end"),
    [
        (
            "The premier will tour Japan from May 7-10.",
            "May 7-10",
            "2025-05-07",
            "2025-05-07",
            "2025-05-10",
        ),
        (
            "The premier will tour Japan from May 7–10.",
            "May 7–10",
            "2025-05-07",
            "2025-05-07",
            "2025-05-10",
        ),
        (
            "Talks run 7 to 10 June in Geneva.",
            "7 to 10 June",
            "2025-06-07",
            "2025-06-07",
            "2025-06-10",
        ),
        (
            "The summit ends on Oct. 24, 2024.",
            "Oct. 24, 2024",
            "2024-10-24",
            "2024-10-24",
            "2024-10-24",
        ),
        (
            "It was signed on 24 October 2024.",
            "24 October 2024",
            "2024-10-24",
            "2024-10-24",
            "2024-10-24",
        ),
        (
            "The decree dated 2024-10-24 was published.",
            "2024-10-24",
            "2024-10-24",
            "2024-10-24",
            "2024-10-24",
        ),
        (
            "A letter dated 10/24/2024 surfaced.",
            "10/24/2024",
            "2024-10-24",
            "2024-10-24",
            "2024-10-24",
        ),
        (
            "The strike began in September 2024.",
            "September 2024",
            "2024-09",
            "2024-09-01",
            "2024-09-30",
        ),
        ("Elections were held in 2022.", "2022", "2022", "2022-01-01", "2022-12-31"),
        ("The army grew in the 1990s.", "the 1990s", "199X", "1990-01-01", "1999-12-31"),
        (
            "Borders changed in the 19th century.",
            "the 19th century",
            "18",
            "1800-01-01",
            "1899-12-31",
        ),
        (
            "Output fell in the third quarter of 2024.",
            "the third quarter of 2024",
            "2024-Q3",
            "2024-07-01",
            "2024-09-30",
        ),
        (
            "Rains came in the summer of 2023.",
            "the summer of 2023",
            "2023-SU",
            "2023-06-01",
            "2023-08-31",
        ),
        (
            "Christmas 2021 was quiet in the capital.",
            "Christmas 2021",
            "2021-12-25",
            "2021-12-25",
            "2021-12-25",
        ),
    ],
)
def test_absolute_dates_and_ranges(
    text: str, phrase: str, value: str, start: str, end: str
) -> None:
    span = find(text, phrase)
    assert (span.value, span.start_date, span.end_date) == (
        value,
        date.fromisoformat(start),
        date.fromisoformat(end),
    )
    assert span.type == "DATE"


def test_a_day_range_is_one_span_at_day_granularity() -> None:
    spans = tag_times("Delegates meet May 7–10 in Oslo.", ANCHOR)
    assert [(s.text, s.granularity) for s in spans] == [("May 7–10", "day")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The ministry confirmed Sunday that talks had stalled.", "2025-05-04"),
        ("Rebels attacked the town on Thursday, officials said.", "2025-05-01"),
        ("The president will travel to Cairo on Thursday.", "2025-05-08"),
        ("The vote is set to take place Tuesday.", "2025-05-06"),
        ("Police detained him last Friday.", "2025-05-02"),
        ("The ceasefire starts next Monday.", "2025-05-05"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(text: str, value: str) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(
    ("text", "value", "granularity"),
    [
        ("The border reopened today.", "2025-05-04", "day"),
        ("Troops withdrew yesterday.", "2025-05-03", "day"),
        ("The envoy arrives tomorrow.", "2025-05-05", "day"),
        ("The minister resigned last week.", "2025-W17", "week"),
        ("Prices rose two years ago.", "2023", "year"),
        ("The law takes effect next month.", "2025-06", "month"),
        ("Exports slumped earlier this year.", "2025", "year"),
        ("Parliament sits this week.", "2025-W18", "week"),
        ("The treaty lapsed last year.", "2024", "year"),
        ("Three months ago the talks collapsed.", "2025-02", "month"),
    ],
)
def test_relative_expressions_use_the_anchor(text: str, value: str, granularity: str) -> None:
    span = only(text)
    assert (span.value, span.granularity) == (value, granularity)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The state is currently bankrupt.", "PRESENT_REF"),
        ("Now the army is in charge.", "PRESENT_REF"),
        ("The rebels recently seized the port.", "PAST_REF"),
        ("Such wars belong to the past.", "PAST_REF"),
        ("They will talk again in the future.", "FUTURE_REF"),
    ],
)
def test_vague_references(text: str, value: str) -> None:
    span = only(text)
    assert (span.value, span.start_date, span.granularity) == (value, None, None)


def test_that_year_reads_the_reference_time() -> None:
    text = "The treaty was drafted in March 2023. It was signed in October that year."
    span = find(text, "October that year")
    assert (span.value, span.start_date, span.end_date) == (
        "2023-10",
        date(2023, 10, 1),
        date(2023, 10, 31),
    )


def test_a_bare_month_takes_the_year_just_written() -> None:
    text = "They met in Beijing in May 2024 and in Kazakhstan in July."
    assert find(text, "July").value == "2024-07"


def test_a_bare_month_in_past_context_is_the_latest_not_after_the_anchor() -> None:
    # Months just ahead of the anchor stay in its year (news leaves the year out of those).
    assert only("The rebels captured the town in October.").value == "2024-10"
    assert only("The rebels captured the town in March.").value == "2025-03"


def test_a_bare_month_in_future_context_is_the_next_one() -> None:
    assert only("The new parliament will convene in February.").value == "2026-02"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The talks collapsed on May 1. The previous day, envoys had left.", "2025-04-30"),
        ("A truce began on Feb. 3, 2020. Two days later it broke down.", "2020-02-05"),
        ("Sales grew in the third quarter of 2024 from a year earlier.", "2023-Q3"),
    ],
)
def test_anaphoric_expressions_read_the_previous_date(text: str, value: str) -> None:
    assert tag_times(text, ANCHOR)[-1].value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value", "kind"),
    [
        ("Shelling resumed at 3 p.m.", "3 p.m.", "2025-05-04T15:00", "TIME"),
        ("Protesters gathered Tuesday morning.", "Tuesday morning", "2025-04-29TMO", "TIME"),
        ("The siege lasted three years.", "three years", "P3Y", "DURATION"),
        ("Rescuers had 48 hours to reach them.", "48 hours", "PT48H", "DURATION"),
        ("Talks ran for the past two months.", "the past two months", "P2M", "DURATION"),
        ("The council meets every week.", "every week", "P1W", "SET"),
        ("The report is published annually.", "annually", "P1Y", "SET"),
    ],
)
def test_times_durations_and_sets(text: str, phrase: str, value: str, kind: str) -> None:
    span = find(text, phrase)
    assert (span.value, span.type) == (value, kind)
    if kind in ("DURATION", "SET"):
        assert span.start_date is None and span.granularity is None


def test_offsets_point_into_the_text_and_spans_are_sorted() -> None:
    text = "On Friday, after talks in June 2023 and a vote yesterday, nothing changed."
    spans = tag_times(text, ANCHOR)
    assert [s.text for s in spans] == ["Friday", "June 2023", "yesterday"]
    assert all(text[s.start : s.end] == s.text for s in spans)
    assert [s.start for s in spans] == sorted(s.start for s in spans)


@pytest.mark.parametrize(
    "text",
    [
        "Theresa May met the press.",
        "Officials may decide later.",
        "The fund paid $2025 in fees to 1500 people.",
        "They march on the capital.",
        "A quarter of voters stayed home.",
        "Three-quarters of voters stayed home.",
        "Mr. Smith, 52 years old, resigned.",
        'He told CBS\'s "60 Minutes" he would stay.',
        "Photo: Bosphorus Daily",
        "Critics called the vote high noon for the coalition.",
    ],
)
def test_words_that_only_look_like_times_are_left_alone(text: str) -> None:
    assert tag_times(text, ANCHOR) == ()


def test_without_an_anchor_relative_expressions_stay_unanchored() -> None:
    span = only("The minister resigned yesterday.", anchor=None)
    assert span.value == "XXXX-XX-XX"
    assert span.start_date is None
    assert only("Talks resume on May 7.", anchor=None).value == "XXXX-05-07"
    assert only("Talks resumed in 2021.", anchor=None).value == "2021"


def test_holidays_resolve_to_their_day() -> None:
    assert only("Voters go to the polls on Election Day.", date(2024, 10, 1)).value == "2024-11-05"
    assert only("Shops will close for Easter.", date(2025, 3, 1)).value == "2025-04-20"
    assert only("Shops closed for Easter.", date(2025, 3, 1)).value == "2024-03-31"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Russia invaded on Feb. 24 last year.", "Feb. 24 last year", "2024-02-24"),
        ("It opened on 3 March this year.", "3 March this year", "2025-03-03"),
        (
            "The plant closed in 2019 and reopened on May 3 that year.",
            "May 3 that year",
            "2019-05-03",
        ),
    ],
)
def test_a_day_takes_a_trailing_relative_year(text: str, phrase: str, value: str) -> None:
    assert find(text, phrase).value == value


def test_a_year_written_for_something_past_does_not_date_a_plan() -> None:
    text = "Invited to join in July 2019, the country will formally join on June 12."
    assert find(text, "June 12").value == "2025-06-12"


def test_a_year_written_for_a_plan_does_not_date_a_past_quarter() -> None:
    text = "He cut his 2026 forecast, while the third-quarter results were weak."
    assert find(text, "third-quarter").value == "2024-Q3"


def test_the_last_half_of_a_year() -> None:
    assert find("Earnings will fall in the last half of 2025.", "the last half of 2025").value == (
        "2025-H2"
    )
    assert tag_times("They scored in the last half.", ANCHOR) == ()


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("A few days later, the company sold the unit.", "A few days later", "PXD"),
        ("An hour later he was dead.", "An hour later", "PT1H"),
    ],
)
def test_an_uncounted_or_clock_offset_is_a_duration(text: str, phrase: str, value: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("A hearing is set for the week of May 19.", "the week of May 19", "2025-W21"),
        ("Shares rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "2025-05-03TAF"),
        ("He left a week or so ago.", "a week or so ago", "2025-W17"),
        ("Plants will close over the next two years or so.", "the next two years or so", "P2Y"),
    ],
)
def test_weeks_of_a_day_parts_of_a_day_and_approximations(
    text: str, phrase: str, value: str
) -> None:
    assert find(text, phrase).value == value
