"""Importing CAMEO/PETRARCH actor and agent dictionaries."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.actors.dictionaries import (
    dictionary_kind,
    parse_actors,
    parse_agents,
    parse_cameo_date,
    read_actors,
    split_cameo_code,
)
from dateline.actors.kb import UNBOUNDED_START, KnowledgeBase
from dateline.errors import InputError

# A small dictionary written for these tests, in the PETRARCH layout.
ACTORS = """\
# test actors: made-up people in the CAMEO layout
<!-- a block comment
spanning two lines -->
JANE_EXAMPLE_  [FRSGOV 20100101-20141231] [FRSGOV >150601]   # two terms on one line
+EXAMPLE
+PRESIDENT_EXAMPLE ; a synonym with a trailing comment
JOHN_SAMPLE_
\t[ABCMIL <991231]
\t[ABCGOV 20000101-20051231]
\t[ABCELI]
ALLIANCE_OF_TESTING_  [IGOTST]
NOBODY_WITH_NO_CODE_
BROKEN_DATES_  [ABCGOV 2004017-20061201] [ABCGOV 20100101-20090101] [ABCGOV >20100101]
NULL_CODE_  [---]
---STOP---
AFTER_STOP_  [XYZGOV]
"""

AGENTS = """\
# test agents
!MINIST! = MINISTER, MINISTRY
HARBOUR_MASTER_ [~GOV]
HARBOUR_!MINIST! [~GOVBUS]
SHEPHERD {SHEPHERDS} [~CVL]
TANK_CREW [~MIL]
ODD_THING [~XYZ]
NO_CODE_HERE
"""


def test_actor_entries_become_dated_terms() -> None:
    result = parse_actors(ACTORS, source="test.actors")
    jane = [h for h in result.officeholders if h.name == "Jane Example"]
    assert [(h.country, h.sector, h.start, h.end) for h in jane] == [
        ("FRS", "GOV", date(2010, 1, 1), date(2014, 12, 31)),
        ("FRS", "GOV", date(2015, 6, 1), None),
    ]
    assert jane[0].aliases == ("Example", "President Example")
    assert all(h.role is None and h.cameo == "FRSGOV" for h in jane)
    assert jane[0].source.startswith("CAMEO actor dictionary test.actors:")


def test_indented_code_lines_and_open_ended_restrictions() -> None:
    result = parse_actors(ACTORS)
    john = {h.cameo: h for h in result.officeholders if h.name == "John Sample"}
    assert john["ABCMIL"].start == UNBOUNDED_START
    assert john["ABCMIL"].end == date(1999, 12, 31)
    assert (john["ABCGOV"].start, john["ABCGOV"].end) == (date(2000, 1, 1), date(2005, 12, 31))
    assert john["ABCELI"].sector is None
    assert (john["ABCELI"].start, john["ABCELI"].end) == (UNBOUNDED_START, None)


def test_a_code_without_a_country_is_reported_not_imported() -> None:
    result = parse_actors("SOME_ELDER_ [ELI] [ABCGOV]\n", source="t")
    assert [h.cameo for h in result.officeholders] == ["ABCGOV"]
    assert result.problems == ("t:1: code 'ELI' names no country",)


def test_group_codes_and_null_codes() -> None:
    result = parse_actors(ACTORS)
    (alliance,) = [h for h in result.officeholders if h.name == "Alliance Of Testing"]
    assert (alliance.country, alliance.sector) == ("IGO", "IGO")
    assert not [h for h in result.officeholders if h.name == "Null Code"]


def test_bad_lines_are_reported_not_fatal_and_stop_ends_the_file() -> None:
    result = parse_actors(ACTORS, source="t")
    names = {h.name for h in result.officeholders}
    assert "After Stop" not in names
    assert any("Nobody With No Code" in p for p in result.problems)
    date_problems = [p for p in result.problems if "CAMEO date" in p or "ends before" in p]
    assert len(date_problems) == 2
    (kept,) = [h for h in result.officeholders if h.name == "Broken Dates"]
    assert kept.start == date(2010, 1, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20120507", date(2012, 5, 7)),
        ("120507", date(2012, 5, 7)),
        ("300101", date(2030, 1, 1)),
        ("310101", date(1931, 1, 1)),
        ("991231", date(1999, 12, 31)),
    ],
)
def test_cameo_dates_follow_the_tabari_century_rule(text: str, expected: date) -> None:
    assert parse_cameo_date(text) == expected


@pytest.mark.parametrize("text", ["2004017", "20100931", "abc", ""])
def test_invalid_cameo_dates_raise_value_error(text: str) -> None:
    with pytest.raises(ValueError):
        parse_cameo_date(text)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("RUSGOV", ("RUS", "GOV", "government")),
        ("USAMIL", ("USA", "MIL", "military")),
        ("USAGOVSPY", ("USA", "GOV", "government")),
        ("GBRELIGOV", ("GBR", "GOV", "government")),
        ("IRQCOP", ("IRQ", "GOV", "police")),
        ("IGOUNO", ("IGO", "IGO", None)),
        ("~MIL", ("MIL", None, None)),
        ("CHN", ("CHN", None, None)),
    ],
)
def test_split_cameo_code(code: str, expected: tuple[str, str | None, str | None]) -> None:
    assert split_cameo_code(code) == expected


def test_agents_become_sector_terms() -> None:
    result = parse_agents(AGENTS, source="test.agents")
    terms = {t.term: (t.sector, t.role) for t in result.sector_terms}
    assert terms["harbour master"] == ("GOV", "government")
    assert terms["harbour minister"] == ("GOV", "government")
    assert terms["harbour ministry"] == ("GOV", "government")
    assert terms["shepherds"] == ("CVL", "civilian")
    assert terms["tank crew"] == ("MIL", "military")
    assert len(result.problems) == 2


def test_knowledge_base_loads_extra_dictionaries(tmp_path: Path) -> None:
    actors = tmp_path / "test.actors"
    actors.write_text(ACTORS, encoding="utf-8")
    agents = tmp_path / "test.agents"
    agents.write_text(AGENTS, encoding="utf-8")
    kb = KnowledgeBase.load(extra=[actors, agents])
    (term,) = kb.officeholders("Example", on=date(2016, 1, 1))
    assert (term.name, term.country, term.sector) == ("Jane Example", "FRS", "GOV")
    assert kb.officeholders("President Example", on=date(2015, 1, 1)) == ()
    assert kb.sector_term("tank crews") is not None
    # the built-in data are still there, and built-in terms win over imported ones
    assert kb.officeholders("Putin", on=date(2023, 6, 1))[0].country == "RUS"
    assert kb.sector_term("police") == KnowledgeBase.default().sector_term("police")


def test_dictionary_kind_from_file_name() -> None:
    assert dictionary_kind(Path("CAMEO.2016.actors")) == "actors"
    assert dictionary_kind(Path("Phoenix.Countries.actors.txt")) == "actors"
    assert dictionary_kind(Path("Phoenix.agents.txt")) == "agents"
    assert dictionary_kind(Path("mine.json")) == "json"


def test_missing_dictionary_raises_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        read_actors(tmp_path / "absent.actors")
