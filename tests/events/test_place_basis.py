"""Every event place says where it came from (issue 8: "a basis for it")."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    (
        "named in the sentence",
        "Chinese and Russian envoys met in Beijing on Monday.",
        "met",
        "stated",
    ),
    (
        "the dateline, for the day's news",
        "MOSCOW — Russia expelled two Estonian diplomats on Monday.",
        "expelled",
        "dateline",
    ),
    (
        "aid's target country when no place is named",
        "Japan pledged $1 billion in aid for Ukraine on Monday.",
        "pledged",
        "destination",
    ),
    (
        "the article's focus as a last resort",
        "Kenya's opposition called for protests in Nairobi on Tuesday.\n\n"
        "Police in Mombasa and Kisumu braced for crowds.\n\n"
        "The opposition accused the government of rigging the vote.",
        "accused",
        "focus",
    ),
]


@pytest.mark.parametrize(("why", "text", "trigger", "basis"), CASES, ids=[c[0] for c in CASES])
def test_an_event_place_has_a_basis(
    pipeline: Any, why: str, text: str, trigger: str, basis: str
) -> None:
    ex = pipeline.extract(text, published="2024-06-11")
    events = [e for e in ex.events if e.evidence.trigger == trigger]
    assert events, f"{why}: no {trigger!r} in {[e.evidence.trigger for e in ex.events]}"
    place = events[0].place
    assert place is not None, why
    assert place.basis == basis, why
    assert events[0].to_json()["place"]["basis"] == basis


def test_the_store_keeps_the_basis(pipeline: Any, tmp_path: Any) -> None:
    from dateline.store.database import Store

    ex = pipeline.extract(
        "MOSCOW — Russia expelled two Estonian diplomats on Monday.", published="2024-06-11"
    )
    with Store.open(tmp_path / "x.duckdb") as store:
        store.add(ex)
        stored = store.event(ex.events[0].id)
        assert stored is not None and stored.event.place is not None
        assert stored.event.place.basis == "dateline"
        (row,) = store.connection().execute("SELECT place_basis FROM events_flat").fetchall()
        assert row == ("dateline",)
