"""Reading the store: timeline filters and order, busiest dyad, actor search."""

from __future__ import annotations

from datetime import date

import pytest
from store_factories import PARIS, extraction

from dateline.store import Store, TimelineRow

CHN_RUS = {"actor": (("Xi Jinping", "CHN"),), "recipient": (("Russia", "RUS"),)}
RUS_CHN = {"actor": (("Vladimir Putin", "RUS"),), "recipient": (("China", "CHN"),)}
CO_ACTORS = {"actor": (("Xi Jinping", "CHN"), ("Vladimir Putin", "RUS")), "recipient": ()}
FRA_IND = {"actor": (("Emmanuel Macron", "FRA"),), "recipient": (("India", "IND"),)}
USA_CHN = {"actor": (("Joe Biden", "USA"),), "recipient": (("China", "CHN"),)}


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(
        extraction(
            "First article.",
            {**CHN_RUS, "start": date(2024, 5, 16), "type": "CONSULT", "place": PARIS},
            {**FRA_IND, "start": None},
            {**RUS_CHN, "start": date(2023, 3, 20), "end": date(2023, 3, 22), "type": "AGREE"},
        )
    )
    store.add(
        extraction(
            "Second article.",
            {**CO_ACTORS, "start": date(2019, 6, 1), "end": date(2019, 6, 30)},
            {**USA_CHN, "start": date(2024, 1, 1), "type": "ACCUSE"},
            {**RUS_CHN, "start": None},
        )
    )
    return store


def _ids(rows: list[TimelineRow]) -> list[str]:
    return [f"{r.event_id.split('-')[1]}@{r.title}" for r in rows]


def test_timeline_is_in_date_order_with_unknown_dates_last(filled: Store) -> None:
    rows = filled.timeline()
    assert [r.date_start for r in rows] == [
        date(2019, 6, 1),
        date(2023, 3, 20),
        date(2024, 1, 1),
        date(2024, 5, 16),
        None,
        None,
    ]
    # Undated events keep storage order: the first article's before the second's.
    assert _ids(rows)[-2:] == ["e2@First article.", "e3@Second article."]


def test_one_actor_matches_either_side(filled: Store) -> None:
    rows = filled.timeline(actors=["CHN"])
    assert len(rows) == 5
    assert all("CHN" in r.actor_countries + r.recipient_countries for r in rows)


def test_actor_names_match_case_insensitively(filled: Store) -> None:
    rows = filled.timeline(actors=["xi jinping"])
    assert len(rows) == 2
    assert all("Xi Jinping (CHN)" in r.actor for r in rows)


@pytest.mark.parametrize("pair", [("CHN", "RUS"), ("RUS", "CHN"), ("rus", "chn")])
def test_dyad_matches_both_directions_and_co_actors(filled: Store, pair: tuple[str, str]) -> None:
    rows = filled.timeline(actors=list(pair))
    assert len(rows) == 4
    assert {(r.actor_countries, r.recipient_countries) for r in rows} == {
        (("CHN",), ("RUS",)),
        (("RUS",), ("CHN",)),
        (("CHN", "RUS"), ()),
    }


def test_type_filter(filled: Store) -> None:
    assert [r.type for r in filled.timeline(type="agree")] == ["AGREE"]


def test_since_until_keep_overlapping_intervals(filled: Store) -> None:
    # The June 2019 interval overlaps a window that starts mid-month.
    rows = filled.timeline(since=date(2019, 6, 15), until=date(2019, 12, 31))
    assert [r.date_start for r in rows] == [date(2019, 6, 1)]
    # An interval ending the day `since` starts still overlaps it.
    rows = filled.timeline(since=date(2023, 3, 22), until=date(2024, 1, 1))
    assert [r.date_start for r in rows] == [date(2023, 3, 20), date(2024, 1, 1)]
    # Undated events are left out once a window is asked for.
    assert all(r.date_start is not None for r in filled.timeline(since=date(1900, 1, 1)))


def test_filters_combine_and_limit_applies_last(filled: Store) -> None:
    rows = filled.timeline(actors=["CHN", "RUS"], since=date(2020, 1, 1), limit=1)
    assert [r.date_start for r in rows] == [date(2023, 3, 20)]


def test_timeline_row_fields_and_json(filled: Store) -> None:
    (row,) = [r for r in filled.timeline(type="CONSULT", actors=["CHN"]) if r.place]
    assert row.actor == "Xi Jinping (CHN)" and row.recipient == "Russia (RUS)"
    assert row.place == "Paris" and row.place_country == "FRA"
    assert row.published == date(2026, 2, 1) and row.source == "example-news"
    js = row.to_json()
    assert js["date_start"] == "2024-05-16" and js["actor_countries"] == ["CHN"]
    assert set(js) == set(row._fields)
    assert (row.actor_countries, row.recipient_countries) == (("CHN",), ("RUS",))
    with pytest.raises(AttributeError):
        row.actor = "x"  # type: ignore[misc]


def test_busiest_dyad_counts_both_directions_and_co_actors(filled: Store) -> None:
    assert filled.busiest_dyad() == ("CHN", "RUS")


def test_busiest_dyad_of_an_empty_store_is_none(store: Store) -> None:
    assert store.busiest_dyad() is None


def test_busiest_dyad_ignores_pairs_of_recipients_and_same_country(store: Store) -> None:
    two_recipients = {"actor": (("Somebody", None),), "recipient": (("A", "AAA"), ("B", "BBB"))}
    same = {"actor": (("X", "CCC"), ("Y", "CCC")), "recipient": ()}
    store.add(extraction("Only recipients.", two_recipients, two_recipients, same))
    assert store.busiest_dyad() is None


def test_actor_search_by_name_or_code(filled: Store) -> None:
    by_code = filled.actors("chn")
    assert {(a.name, a.country) for a in by_code} == {("Xi Jinping", "CHN"), ("China", "CHN")}
    china = next(a for a in by_code if a.name == "China")
    assert (china.events, china.as_actor, china.as_recipient) == (3, 0, 3)
    assert [a.name for a in filled.actors("putin")] == ["Vladimir Putin"]
