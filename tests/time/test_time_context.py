"""The time tagger's reading of context: tense cues around weekdays, anaphora, hedges,
fractions, spoken years and the words that only sometimes name a time. Sentences are
written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.records import TimeSpan
from dateline.time.tagger import tag_times

# A Wednesday.
ANCHOR = date(2025, 5, 7)


def find(text: str, phrase: str, anchor: date | None = ANCHOR) -> TimeSpan:
    for span in tag_times(text, anchor):
        if span.text == phrase:
            return span
    raise AssertionError(f"{phrase!r} not tagged in {text!r}: {tag_times(text, anchor)}")


def texts(text: str, anchor: date | None = ANCHOR) -> list[str]:
    return [span.text for span in tag_times(text, anchor)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # Plans and schedules look forward from publication...
        ("The ministers will meet on Monday.", "Monday", "2025-05-12"),
        ("The envoy is to visit Tuesday.", "Tuesday", "2025-05-13"),
        ("He plans to travel next Friday.", "next Friday", "2025-05-09"),
        ("Talks are scheduled for Tuesday.", "Tuesday", "2025-05-13"),
        ("She is expected to announce her decision Monday.", "Monday", "2025-05-12"),
        # ...and so does a deadline, whatever the tense of its verb.
        ("The court extended its deadline until Tuesday.", "Tuesday", "2025-05-13"),
        ("The dividend is payable Monday to holders of record.", "Monday", "2025-05-12"),
        ("They could leave as soon as Tuesday.", "Tuesday", "2025-05-13"),
        # Reports look back.
        ("The vote was held Monday.", "Monday", "2025-05-05"),
        ("He said on Monday that he would resign.", "Monday", "2025-05-05"),
        ("Until Monday, the rebels had refused to talk.", "Monday", "2025-05-05"),
        ("The talks resumed Tuesday, officials said.", "Tuesday", "2025-05-06"),
        ("The deal had been due to expire Tuesday.", "Tuesday", "2025-05-06"),
    ],
)
def test_a_weekday_is_read_forward_or_back_by_its_clause(
    text: str, phrase: str, value: str
) -> None:
    assert find(text, phrase).value == value


def test_a_possessive_weekday_names_a_past_event_unless_a_future_verb_governs_it() -> None:
    assert find("He said Tuesday's meeting was a success.", "Tuesday").value == "2025-05-06"
    assert find("They will attend Tuesday's meeting.", "Tuesday").value == "2025-05-13"
    text = "Officials said they would look for ways around Tuesday's ruling."
    assert find(text, "Tuesday").value == "2025-05-06"


def test_a_reporting_verb_after_a_quotation_does_not_date_what_is_quoted() -> None:
    text = "``He will leave at 4 a.m. Friday,'' the minister said."
    assert find(text, "4 a.m. Friday").value == "2025-05-09T04:00"


def test_a_passive_participle_is_not_a_past_tense() -> None:
    text = "The dividend would be paid in January."
    assert find(text, "January", date(2025, 10, 27)).value == "2026-01"


def test_the_previous_weekday_counts_back_from_the_narratives_day() -> None:
    text = "Shares closed lower on Friday, down 4% from the previous Friday."
    assert find(text, "previous Friday", date(2025, 5, 12)).value == "2025-05-02"


def test_overnight_is_the_night_before_the_narratives_day() -> None:
    text = "Stocks fell Friday after overnight losses in New York."
    assert find(text, "overnight", date(2025, 5, 12)).value == "2025-05-08TNI"


def test_the_next_morning_follows_the_day_just_named() -> None:
    text = "He was arrested on May 1 and appeared in court the next morning."
    assert find(text, "the next morning").value == "2025-05-02TMO"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("They lived in camps for 2 1/2 years.", "2 1/2 years", "P2Y6M"),
        ("She spent about 5 1/2 hours in Nairobi.", "about 5 1/2 hours", "PT5H30M"),
        ("The blast lasted a minute and a half.", "a minute and a half", "PT1M30S"),
        ("The trial took two and a half years.", "two and a half years", "P2Y6M"),
        ("The strike lasted three and a half months.", "three and a half months", "P3M15D"),
    ],
)
def test_fractions_of_a_unit_go_to_the_next_smaller_one(text: str, phrase: str, value: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The talks have been frozen for more than three years.", "more than three years", "P3Y"),
        ("The war ended almost two years ago.", "almost two years ago", "2023"),
        ("They waited nearly an hour.", "nearly an hour", "PT1H"),
    ],
)
def test_a_hedge_belongs_to_the_expression_and_leaves_its_value(
    text: str, phrase: str, value: str
) -> None:
    assert find(text, phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Snow fell in the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
        ("It began in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
    ],
)
def test_spoken_years_complete_seasons_and_months(text: str, phrase: str, value: str) -> None:
    assert find(text, phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "kind", "value"),
    [
        ("Revenue for the year ended March 31 rose.", "the year", "DURATION", "P1Y"),
        ("The company forecast a loss for the full year.", "the full year", "DATE", "2025"),
        ("The sale should close by year-end.", "year-end", "DATE", "2025"),
        ("Demand will stay high well into the summer.", "the summer", "DATE", "2025-SU"),
    ],
)
def test_the_year_and_the_season_of_the_narrative(
    text: str, phrase: str, kind: str, value: str
) -> None:
    span = find(text, phrase)
    assert (span.type, span.value) == (kind, value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("It cited current market conditions.", "current", "PRESENT_REF"),
        ("The company will soon cut jobs.", "soon", "FUTURE_REF"),
        ("It will sell the unit as soon as possible.", "as soon as possible", "FUTURE_REF"),
        ("Costs will rise in the near term.", "the near term", "FUTURE_REF"),
        ("Shares may be sold at a later date.", "a later date", "FUTURE_REF"),
    ],
)
def test_present_and_future_references(text: str, phrase: str, value: str) -> None:
    span = find(text, phrase)
    assert (span.type, span.value) == ("DATE", value)


def test_for_a_while_is_an_unknown_duration() -> None:
    span = find("They will live without power for a while.", "a while")
    assert (span.type, span.value) == ("DURATION", "PXX")


@pytest.mark.parametrize(
    "text",
    [
        "A strong current of air cooled the hall.",
        "The current account deficit widened.",
        "A trickle of cash soon became a flood.",
        "The bombs went off only minutes apart.",
        "It is a matter of days before the vote.",
        "Revenue should grow 8% annually.",
        "A second group of directors resigned.",
        'Baker spoke on ABC\'s "This Week" program.',
        "She returned home on the night of May 2.",
    ],
)
def test_words_that_name_a_time_only_sometimes_are_left_alone(text: str) -> None:
    spans = tag_times(text, ANCHOR)
    assert all(
        span.text not in ("current", "soon", "minutes", "days", "annually", "a second", "This Week")
        and not span.text.startswith("the night")
        for span in spans
    ), spans


def test_a_bare_plural_unit_after_for_or_within_is_a_duration() -> None:
    assert find("The region has been troubled for years.", "years").value == "PXY"
    assert find("Troops arrive within weeks.", "weeks").value == "PXW"
