"""Status that depends on the clause around a trigger, with the real model."""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    (
        "A present-tense time clause under a future is planned",
        "Officials said the two ministers would sign the accord when Modi visits Japan in October.",
        "visits",
        "planned",
    ),
    (
        "What still has to be done is planned",
        "Kenya's parliament still has to ratify the accord.",
        "ratify",
        "planned",
    ),
    ("What had to be done was done", "Kenya had to sign the accord in 2020.", "sign", "occurred"),
    (
        "A habitual present is not a plan",
        "When Modi visits Japan, he usually meets Kishida.",
        "meets",
        "occurred",
    ),
]


@pytest.mark.parametrize(("why", "text", "trigger", "status"), CASES, ids=[c[0] for c in CASES])
def test_status_follows_the_clause(
    pipeline: Any, why: str, text: str, trigger: str, status: str
) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    events = [e for e in ex.events if e.evidence.trigger == trigger]
    assert events, f"{why}: no {trigger!r} in {[e.evidence.trigger for e in ex.events]}"
    assert events[0].status == status, why


def test_another_agreement_is_not_a_retelling(pipeline: Any) -> None:
    text = (
        "CAIRO — Egypt and Sudan agreed on Friday to reopen their border crossings.\n\n"
        "The two countries also agreed to revive a water-sharing pact signed in 1959.\n"
    )
    ex = pipeline.extract(text, published="2024-06-07")
    assert len([e for e in ex.events if e.type == "AGREE"]) == 2
