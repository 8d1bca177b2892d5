"""Coverage of officeholders.json beyond the G20: dated lookups for the further states and
offices, and the rule that a bare surname is never claimed by two people at one date."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest

from dateline.actors.kb import KnowledgeBase, Officeholder, normalise

FURTHER_STATES = ("HUN", "TWN", "JOR", "PSE", "FIN", "NOR", "DNK", "BEL", "AUT", "CHE", "GRC",
                  "CZE", "ROU", "SVK", "PRT", "IRL", "LTU", "LVA", "EST", "MDA", "GEO", "ARM",
                  "AZE", "SRB", "AFG", "IRQ", "LBN", "LBY", "YEM", "KWT", "OMN", "BHR", "SDN",
                  "KEN", "DZA", "MAR", "VEN", "CUB", "COL", "CHL", "MYS", "SGP", "BGD", "MMR",
                  "NZL")  # fmt: skip

#: Keys deliberately shared by two people at overlapping dates: "King Abdullah" names Saudi
#: Arabia's king until 2015-01-23 and Jordan's throughout.
KNOWN_SHARED_KEYS = frozenset({"king abdullah"})


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


@pytest.mark.parametrize(
    ("name", "day", "iso3", "role"),
    [
        ("Orban", date(2024, 5, 6), "HUN", "head_of_government"),
        ("Orbán", date(2016, 1, 1), "HUN", "head_of_government"),
        ("Alexander Stubb", date(2024, 5, 6), "FIN", "head_of_state"),
        ("Stubb", date(2015, 3, 1), "FIN", "head_of_government"),
        ("Niinistö", date(2020, 1, 1), "FIN", "head_of_state"),
        ("Tsai", date(2020, 1, 1), "TWN", "head_of_state"),
        ("Lai", date(2025, 1, 1), "TWN", "head_of_state"),
        ("Lai", date(2018, 1, 1), "TWN", "head_of_government"),
        ("Abbas", date(2023, 10, 10), "PSE", "head_of_state"),
        ("Safadi", date(2024, 1, 1), "JOR", "foreign_minister"),
        ("Frederiksen", date(2025, 1, 1), "DNK", "head_of_government"),
        ("Løkke", date(2023, 1, 1), "DNK", "foreign_minister"),
        ("Kurz", date(2018, 6, 1), "AUT", "head_of_government"),
        ("Kurz", date(2016, 6, 1), "AUT", "foreign_minister"),
        ("Mitsotakis", date(2024, 1, 1), "GRC", "head_of_government"),
        ("Fico", date(2024, 5, 15), "SVK", "head_of_government"),
        ("Vučić", date(2019, 1, 1), "SRB", "head_of_state"),
        ("Vucic", date(2016, 1, 1), "SRB", "head_of_government"),
        ("Sandu", date(2022, 1, 1), "MDA", "head_of_state"),
        ("Pashinyan", date(2023, 9, 20), "ARM", "head_of_government"),
        ("Aliyev", date(2023, 9, 20), "AZE", "head_of_state"),
        ("Ghani", date(2020, 1, 1), "AFG", "head_of_state"),
        ("Sudani", date(2023, 1, 1), "IRQ", "head_of_government"),
        ("Mikati", date(2023, 1, 1), "LBN", "head_of_government"),
        ("Aoun", date(2020, 1, 1), "LBN", "head_of_state"),
        ("Aoun", date(2025, 6, 1), "LBN", "head_of_state"),
        ("Dbeibah", date(2022, 1, 1), "LBY", "head_of_government"),
        ("Burhan", date(2023, 4, 20), "SDN", "head_of_state"),
        ("Ruto", date(2023, 1, 1), "KEN", "head_of_state"),
        ("Tebboune", date(2022, 1, 1), "DZA", "head_of_state"),
        ("Maduro", date(2019, 2, 1), "VEN", "head_of_state"),
        ("Díaz-Canel", date(2021, 7, 12), "CUB", "head_of_state"),
        ("Petro", date(2023, 1, 1), "COL", "head_of_state"),
        ("Boric", date(2023, 1, 1), "CHL", "head_of_state"),
        ("Anwar", date(2023, 1, 1), "MYS", "head_of_government"),
        ("Hasina", date(2020, 1, 1), "BGD", "head_of_government"),
        ("Min Aung Hlaing", date(2022, 1, 1), "MMR", "head_of_government"),
        ("Ardern", date(2019, 3, 15), "NZL", "head_of_government"),
        # further offices of the most reported states
        ("Vance", date(2025, 6, 1), "USA", "vice_president"),
        ("Pence", date(2018, 1, 1), "USA", "vice_president"),
        ("Harris", date(2022, 1, 1), "USA", "vice_president"),
        ("Yellen", date(2022, 1, 1), "USA", "finance_minister"),
        ("Bessent", date(2025, 4, 1), "USA", "finance_minister"),
        ("Pelosi", date(2022, 8, 2), "USA", "legislature"),
        ("Reeves", date(2025, 1, 1), "GBR", "finance_minister"),
        ("Wang Qishan", date(2020, 1, 1), "CHN", "vice_president"),
        ("Shoigu", date(2025, 1, 1), "RUS", "official"),
        ("Witkoff", date(2025, 8, 1), "USA", "official"),
    ],
)
def test_further_officeholders_on_a_day(
    kb: KnowledgeBase, name: str, day: date, iso3: str, role: str
) -> None:
    terms = kb.officeholders(name, on=day)
    assert len(terms) == 1, terms
    assert (terms[0].country, terms[0].role) == (iso3, role)


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("Merkel", date(2023, 1, 1)),  # a former leader is not the government
        ("Kurz", date(2022, 1, 1)),
        ("Ghani", date(2022, 1, 1)),
        ("Hasina", date(2025, 1, 1)),
        ("Harris", date(2025, 6, 1)),
        ("Bachelet", date(2020, 1, 1)),
    ],
)
def test_former_holders_hold_no_office_later(kb: KnowledgeBase, name: str, day: date) -> None:
    assert kb.officeholders(name, on=day) == ()


def test_a_person_keeps_the_leading_office_where_terms_coincide(kb: KnowledgeBase) -> None:
    # Rubio's foreign-minister term starts before his acting national-security-adviser
    # term, and Shoigu's defence term before his Security Council one: lookups list by start.
    assert kb.officeholders("Rubio", on=date(2025, 6, 1))[0].role == "foreign_minister"
    (shoigu,) = kb.officeholders("Shoigu", on=date(2023, 1, 1))
    assert shoigu.role == "defence_minister"


def test_names_that_would_clash_are_not_bare_aliases(kb: KnowledgeBase) -> None:
    # Ludovic Orban (ROU) and Viktor Orbán (HUN) were prime ministers at the same time;
    # Penny Wong (AUS) and Lawrence Wong (SGP) hold office at the same time; Simon Harris
    # (IRL) and Kamala Harris (USA) overlapped; Colombia's Pedro Arnulfo Sánchez is not
    # Spain's Pedro Sánchez.
    assert [t.country for t in kb.officeholders("Orban", on=date(2020, 1, 1))] == ["HUN"]
    assert [t.country for t in kb.officeholders("Harris", on=date(2024, 6, 1))] == ["USA"]
    assert [t.country for t in kb.officeholders("Pedro Sánchez", on=date(2025, 6, 1))] == ["ESP"]
    assert kb.officeholders("Montenegro") == ()


def test_further_states_have_a_leader_through_2025(kb: KnowledgeBase) -> None:
    for day in (date(2015, 6, 1), date(2020, 6, 1), date(2025, 6, 1)):
        missing = [iso3 for iso3 in FURTHER_STATES if not kb.leaders(iso3, day)]
        assert missing == [], day


def test_no_key_names_two_people_at_one_date_by_accident(kb: KnowledgeBase) -> None:
    by_key: dict[str, list[Officeholder]] = defaultdict(list)
    for term in kb.officeholders_all:
        if term.role is None:
            continue
        for text in {normalise(t) for t in (term.name, *term.aliases)}:
            by_key[text].append(term)
    clashes = set()
    for key, terms in by_key.items():
        for i, a in enumerate(terms):
            for b in terms[i + 1 :]:
                same_person = (a.name, a.country) == (b.name, b.country)
                # a shared handover day ("Premier Li" on 2023-03-11) is no clash
                overlap = a.start < (b.end or date.max) and b.start < (a.end or date.max)
                if not same_person and overlap and key not in KNOWN_SHARED_KEYS:
                    clashes.add((key, a.name, b.name))
    assert sorted(clashes) == []
