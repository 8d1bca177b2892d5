"""The seed page (../shared/seed): what a careful analyst checks, end to end.

The page is read from ../shared at run time (never copied here); the test skips with a
message when ../shared is absent.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

import pytest

from dateline.records import Event, Extraction

pytestmark = pytest.mark.slow

SEED_NAME = "000_d2ec62d80f1d1177.txt"


@pytest.fixture(scope="module")
def seed(shared_dir: Path, pipeline: object) -> Extraction:
    from dateline.pipeline import Pipeline

    assert isinstance(pipeline, Pipeline)
    return pipeline.extract((shared_dir / "seed" / SEED_NAME).read_bytes(), source=SEED_NAME)


def _countries(entities: Iterable[object]) -> set[str]:
    return {e.country for e in entities if getattr(e, "country", None)}  # type: ignore[attr-defined]


def _find(
    events: Iterable[Event],
    type_: str,
    *,
    actors: set[str],
    recipients: set[str] | None,
    status: str,
    start: date | None = None,
    end: date | None = None,
) -> list[Event]:
    out = []
    for e in events:
        if e.type != type_ or e.status != status:
            continue
        parties = _countries(e.actor)
        if recipients is None:
            if not actors <= parties | _countries(e.recipient):
                continue
        elif parties != actors or _countries(e.recipient) != recipients:
            continue
        if start is not None and (e.date.start is None or e.date.start < start):
            continue
        if end is not None and (e.date.end is None or e.date.end > end):
            continue
        out.append(e)
    return out


def test_seed_metadata_title_date_byline(seed: Extraction) -> None:
    a = seed.article
    assert a.title is not None and "Xi Jinping" in a.title and "visit to Russia" in a.title
    assert a.published == date(2025, 5, 4)
    assert a.byline is not None and "PTI" in a.byline


def test_seed_body_has_no_furniture_and_no_repeats(seed: Extraction) -> None:
    text = seed.article.text
    for furniture in ("Menu", "Explore", "Read breaking news", "News / World News", "08:41 PM"):
        assert furniture not in text
    paragraphs = [text[s:e] for s, e in seed.article.paragraphs]
    assert len(paragraphs) == len(set(paragraphs)), "a repeated caption or lede was kept twice"
    assert any("group photo ceremony" in p for p in paragraphs)


def test_seed_planned_visit_has_its_own_day_range(seed: Extraction) -> None:
    found = _find(
        seed.events,
        "CONSULT",
        actors={"CHN"},
        recipients={"RUS"},
        status="planned",
        start=date(2025, 5, 7),
        end=date(2025, 5, 10),
    )
    assert found, "planned visit May 7-10 not found"
    assert any(e.date.basis == "stated" and e.date.granularity == "day" for e in found)


def test_seed_planned_signing_of_documents(seed: Extraction) -> None:
    found = [
        e
        for e in seed.events
        if e.type == "AGREE" and e.status == "planned" and {"CHN", "RUS"} <= _countries(e.actor)
    ]
    assert found, "the planned signing of bilateral documents is missing"
    assert all(e.date.start is not None and e.date.start >= date(2025, 5, 4) for e in found)


@pytest.mark.parametrize(
    ("actors", "recipients", "start", "end", "place_country"),
    [
        ({"CHN"}, {"RUS"}, date(2023, 3, 1), date(2023, 3, 31), None),
        ({"RUS"}, {"CHN"}, date(2023, 10, 1), date(2023, 10, 31), None),
        ({"CHN", "RUS"}, None, date(2024, 5, 1), date(2024, 5, 31), "CHN"),
        ({"CHN", "RUS"}, None, date(2024, 7, 1), date(2024, 7, 31), "KAZ"),
        ({"CHN"}, {"RUS"}, date(2024, 9, 1), date(2024, 9, 30), None),
    ],
    ids=[
        "state-visit-2023-03",
        "trip-to-china-2023-10",
        "beijing-2024-05",
        "kazakhstan-2024-07",
        "brics-2024-09",
    ],
)
def test_seed_earlier_meetings_have_their_month_and_place(
    seed: Extraction,
    actors: set[str],
    recipients: set[str] | None,
    start: date,
    end: date,
    place_country: str | None,
) -> None:
    found = _find(
        seed.events,
        "CONSULT",
        actors=actors,
        recipients=recipients,
        status="occurred",
        start=start,
        end=end,
    )
    assert found, f"meeting {actors}->{recipients} in {start:%Y-%m} not found"
    assert all(e.date.granularity == "month" for e in found)
    if place_country is not None:
        assert any(e.place is not None and e.place.country == place_country for e in found)


def test_seed_2022_invasion(seed: Extraction) -> None:
    found = _find(
        seed.events,
        "ASSAULT",
        actors={"RUS"},
        recipients={"UKR"},
        status="occurred",
        start=date(2022, 2, 1),
        end=date(2022, 2, 28),
    )
    assert found


@pytest.mark.parametrize("event_type", ["SUPPORT", "AID"])
def test_seed_chinese_backing_and_supplies_are_ongoing(seed: Extraction, event_type: str) -> None:
    found = [
        e
        for e in seed.events
        if e.type == event_type
        and _countries(e.actor) == {"CHN"}
        and "RUS" in _countries(e.recipient)
    ]
    assert found and all(e.status == "ongoing" for e in found)


def test_seed_no_event_silently_dated_to_publication(seed: Extraction) -> None:
    for e in seed.events:
        if e.date.start == seed.article.published and e.date.end == seed.article.published:
            assert e.date.basis in ("publication", "stated"), e


def test_seed_every_event_quotes_a_body_sentence(seed: Extraction) -> None:
    text = seed.article.text
    for e in seed.events:
        assert text[e.evidence.start : e.evidence.end] == e.evidence.sentence
        assert e.evidence.trigger in e.evidence.sentence
