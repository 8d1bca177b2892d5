"""docs/actors.md states the knowledge base's counts; fail when they drift from the data."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from dateline.actors.kb import KnowledgeBase

DOC = Path(__file__).resolve().parents[2] / "docs" / "actors.md"
ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_summary_counts_match_the_data(doc: str) -> None:
    kb = KnowledgeBase.default()
    counts = kb.counts()
    sovereign = sum(1 for c in kb.countries_all if c.sovereign)
    territories = counts["countries"] - sovereign
    expected = [
        f"| `countries.json` | {counts['countries']} countries and territories "
        f"({sovereign} sovereign or de facto states, {territories} territories)",
        f"| `countries.json` metonyms | {counts['metonyms']} capitals",
        f"| `igos.json` | {counts['igos']} organisations",
        f"| `groups.json` | {counts['groups']} non-state armed and militant groups",
        f"| `officeholders.json` | {counts['officeholder_terms']} terms "
        f"({counts['officeholders']} person-office pairs)",
        f"| `sectors.json` | {counts['sector_terms']} sector terms",
    ]
    missing = [line for line in expected if line not in doc]
    assert missing == []


def test_terms_by_office_match_the_data(doc: str) -> None:
    kb = KnowledgeBase.default()
    actual = Counter((h.igo or h.country, h.role) for h in kb.officeholders_all)
    stated: dict[str, tuple[int, ...]] = {}
    row = re.compile(r"\| ([A-Z]{2,4}) \| ([\d–]+) \| ([\d–]+) \| ([\d–]+) \| ([\d–]+) ")
    for line in doc.splitlines():
        for part in re.split(r"(?=\| [A-Z]{2,4} \| )", line):
            match = row.match(part)
            if match:
                stated[match.group(1)] = tuple(
                    0 if v == "–" else int(v) for v in match.groups()[1:]
                )
    offices = {office for office, role in actual if role in ROLES}
    assert set(stated) == offices
    for office, numbers in stated.items():
        assert numbers == tuple(actual.get((office, role), 0) for role in ROLES), office
