"""The actor knowledge base: built-in data and its lookups."""

from __future__ import annotations

import json
from datetime import date
from itertools import pairwise
from pathlib import Path

import pycountry
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dateline.actors.kb import (
    ROLES,
    SECTORS,
    UNBOUNDED_START,
    KnowledgeBase,
    Officeholder,
    normalise,
)
from dateline.errors import InputError

G20_STATES = ("ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "KOR",
              "MEX", "RUS", "SAU", "ZAF", "TUR", "GBR", "USA")  # fmt: skip
MOST_REPORTED_STATES = ("UKR", "ISR", "IRN", "PAK", "EGY", "NGA", "ESP", "POL", "NLD", "SWE", "KAZ",
                        "BLR", "SYR", "PRK", "VNM", "PHL", "THA", "ETH", "QAT", "ARE")  # fmt: skip
#: Offices beyond ROLES recorded for the most reported states (vice presidents, treasury
#: secretaries and chancellors, speakers, security advisers, envoys): each is a role that a
#: title in sectors.json already gives, so "Vice President Vance" and "Vance" agree.
OTHER_OFFICE_ROLES = frozenset({"vice_president", "finance_minister", "official", "legislature"})


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase.default()


# ---- countries ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Russia", "RUS"),
        ("the Russian Federation", "RUS"),
        ("the U.S.", "USA"),
        ("US", "USA"),
        ("U.S.A.", "USA"),
        ("United States", "USA"),
        ("America", "USA"),
        ("America's", "USA"),
        ("UK", "GBR"),
        ("the U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Britain’s", "GBR"),
        ("South Korea", "KOR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("Iran", "IRN"),
        ("Syria", "SYR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Turkey", "TUR"),
        ("Czechia", "CZE"),
        ("the Czech Republic", "CZE"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("the Netherlands", "NLD"),
        ("Holland", "NLD"),
        ("Gambia", "GMB"),
        ("The Gambia", "GMB"),
        ("RUSSIA", "RUS"),
        ("CHINA", "CHN"),
        ("the united states", "USA"),
        ("Viet Nam", "VNM"),
        ("Vietnam", "VNM"),
        ("Myanmar", "MMR"),
        ("Burma", "MMR"),
        ("UAE", "ARE"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("DRC", "COD"),
        ("Kosovo", "XKX"),
        ("Palestine", "PSE"),
        ("Taiwan", "TWN"),
        ("Eswatini", "SWZ"),
        ("Swaziland", "SWZ"),
    ],
)
def test_country_is_found_by_name_or_alias(kb: KnowledgeBase, text: str, iso3: str) -> None:
    found = kb.country(text)
    assert found is not None, text
    assert found.iso3 == iso3


@pytest.mark.parametrize(
    "text", ["us", "Us", "the us", "uk", "Atlantis", "", "the", "turkey", "china", "jersey"]
)
def test_lowercase_acronyms_and_unknown_names_are_not_countries(
    kb: KnowledgeBase, text: str
) -> None:
    assert kb.country(text) is None


def test_ambiguous_name_returns_none_but_lists_every_candidate(kb: KnowledgeBase) -> None:
    assert kb.country("Congo") is None
    assert {c.iso3 for c in kb.countries("Congo")} == {"COD", "COG"}
    assert kb.country_by_adjective("Congolese") is None
    assert {c.iso3 for c in kb.countries_by_adjective("Congolese")} == {"COD", "COG"}


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Chinese", "CHN"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("U.S.", "USA"),
        ("British", "GBR"),
        ("Briton", "GBR"),
        ("Britons", "GBR"),
        ("French", "FRA"),
        ("German", "DEU"),
        ("Germans", "DEU"),
        ("Israeli", "ISR"),
        ("Israelis", "ISR"),
        ("Ukrainian", "UKR"),
        ("Iranian", "IRN"),
        ("Turkish", "TUR"),
        ("Turks", "TUR"),
        ("Saudi", "SAU"),
        ("Emirati", "ARE"),
        ("Filipino", "PHL"),
        ("Philippine", "PHL"),
        ("Dutch", "NLD"),
        ("Swiss", "CHE"),
        ("Danes", "DNK"),
        ("Pakistani", "PAK"),
        ("South Korean", "KOR"),
        ("North Korean", "PRK"),
        ("Ivorian", "CIV"),
        ("Burkinabè", "BFA"),
        ("Burkinabe", "BFA"),
    ],
)
def test_country_is_found_by_adjective_or_demonym(kb: KnowledgeBase, text: str, iso3: str) -> None:
    found = kb.country_by_adjective(text)
    assert found is not None, text
    assert found.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "iso3", "sector"),
    [
        ("Moscow", "RUS", "GOV"),
        ("the Kremlin", "RUS", "GOV"),
        ("Kremlin", "RUS", "GOV"),
        ("Beijing", "CHN", "GOV"),
        ("Zhongnanhai", "CHN", "GOV"),
        ("Washington", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("the Pentagon", "USA", "MIL"),
        ("Foggy Bottom", "USA", "GOV"),
        ("Capitol Hill", "USA", "LEG"),
        ("Downing Street", "GBR", "GOV"),
        ("Number 10", "GBR", "GOV"),
        ("No. 10", "GBR", "GOV"),
        ("Whitehall", "GBR", "GOV"),
        ("the Élysée", "FRA", "GOV"),
        ("the Elysee", "FRA", "GOV"),
        ("Quai d'Orsay", "FRA", "GOV"),
        ("the Blue House", "KOR", "GOV"),
        ("Yongsan", "KOR", "GOV"),
        ("Kyiv", "UKR", "GOV"),
        ("Kiev", "UKR", "GOV"),
        ("Brasília", "BRA", "GOV"),
        ("Brasilia", "BRA", "GOV"),
        ("Rawalpindi", "PAK", "MIL"),
        ("Tehran", "IRN", "GOV"),
        ("the Kremlin's", "RUS", "GOV"),
    ],
)
def test_metonyms_resolve_to_country_and_sector(
    kb: KnowledgeBase, text: str, iso3: str, sector: str
) -> None:
    met = kb.metonym(text)
    assert met is not None, text
    assert (met.iso3, met.sector) == (iso3, sector)


@pytest.mark.parametrize("text", ["Victoria", "Male", "Georgetown", "Hamilton", "London Bridge"])
def test_capitals_that_are_common_words_are_not_metonyms(kb: KnowledgeBase, text: str) -> None:
    assert kb.metonym(text) is None


def test_every_iso_country_is_present(kb: KnowledgeBase) -> None:
    missing = [c.alpha_3 for c in pycountry.countries if kb.country_by_iso3(c.alpha_3) is None]
    assert missing == []


def test_iso_lookup_accepts_alpha2_and_any_case(kb: KnowledgeBase) -> None:
    assert kb.country_by_iso3("rus") is kb.country_by_iso3("RUS")
    assert kb.country_by_iso3("RU") is kb.country_by_iso3("RUS")
    assert kb.country_by_iso3("XXX") is None


def test_every_sovereign_state_has_a_demonym_or_adjective(kb: KnowledgeBase) -> None:
    bare = [c.iso3 for c in kb.countries_all if c.sovereign and not c.adjectives]
    assert bare == []


def test_metonym_sectors_are_known_codes(kb: KnowledgeBase) -> None:
    for country in kb.countries_all:
        for met in country.metonyms:
            assert met.sector in SECTORS, met


# ---- IGOs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UN", "UN"),
        ("the U.N.", "UN"),
        ("United Nations", "UN"),
        ("EU", "EU"),
        ("the European Union", "EU"),
        ("European Commission", "EC"),
        ("NATO", "NATO"),
        ("Nato", "NATO"),
        ("WHO", "WHO"),
        ("World Health Organisation", "WHO"),
        ("IAEA", "IAEA"),
        ("UN Security Council", "UNSC"),
        ("the Security Council", "UNSC"),
        ("BRICS", "BRICS"),
        ("G7", "G7"),
        ("G-20", "G20"),
        ("OPEC+", "OPEC+"),
        ("OPEC", "OPEC"),
        ("the Quad", "QUAD"),
        ("African Union", "AU"),
        ("ASEAN", "ASEAN"),
        ("ICC", "ICC"),
        ("World Bank", "WB"),
        ("UNHCR", "UNHCR"),
    ],
)
def test_igo_is_found_by_name_alias_or_code(kb: KnowledgeBase, text: str, code: str) -> None:
    found = kb.igo(text)
    assert found is not None, text
    assert found.code == code


@pytest.mark.parametrize("text", ["who", "Who", "un", "au", "icc"])
def test_lowercase_words_are_not_igo_acronyms(kb: KnowledgeBase, text: str) -> None:
    assert kb.igo(text) is None


def test_igo_members_and_cameo_codes(kb: KnowledgeBase) -> None:
    nato = kb.igo("NATO")
    assert nato is not None and nato.cameo == "IGOWSTNAT"
    assert {"USA", "SWE", "FIN", "TUR"} <= set(nato.members)
    assert len(kb.igos_all) >= 40
    for igo in kb.igos_all:
        for member in igo.members:
            assert kb.country_by_iso3(member) is not None, (igo.code, member)
        if igo.parent is not None:
            assert kb.igo_by_code(igo.parent) is not None, igo.code


# ---- officeholders --------------------------------------------------------------------------


def test_putin_in_june_2023_is_russias_head_of_state(kb: KnowledgeBase) -> None:
    terms = kb.officeholders("Putin", on=date(2023, 6, 1))
    assert [(t.country, t.role, t.sector) for t in terms] == [("RUS", "head_of_state", "GOV")]


@pytest.mark.parametrize(
    ("name", "day", "iso3", "role"),
    [
        ("Xi", date(2024, 1, 1), "CHN", "head_of_state"),
        ("Erdogan", date(2020, 5, 5), "TUR", "head_of_state"),
        ("Erdoğan", date(2020, 5, 5), "TUR", "head_of_state"),
        ("Modi", date(2019, 6, 1), "IND", "head_of_government"),
        ("Lula", date(2024, 3, 3), "BRA", "head_of_state"),
        ("Vladimir Putin", date(2015, 1, 1), "RUS", "head_of_state"),
        ("Zelensky", date(2022, 3, 1), "UKR", "head_of_state"),
        ("Zelenskyy", date(2022, 3, 1), "UKR", "head_of_state"),
        ("Lavrov", date(2022, 3, 1), "RUS", "foreign_minister"),
        ("Blinken", date(2022, 3, 1), "USA", "foreign_minister"),
        ("Trump", date(2018, 1, 1), "USA", "head_of_state"),
        ("Trump", date(2025, 6, 1), "USA", "head_of_state"),
        ("Macron", date(2026, 1, 1), "FRA", "head_of_state"),
        ("Premier Li", date(2020, 1, 1), "CHN", "head_of_government"),
    ],
)
def test_officeholder_alias_on_a_day(
    kb: KnowledgeBase, name: str, day: date, iso3: str, role: str
) -> None:
    terms = kb.officeholders(name, on=day)
    assert len(terms) == 1, terms
    assert (terms[0].country, terms[0].role) == (iso3, role)


def test_a_term_is_excluded_after_its_end(kb: KnowledgeBase) -> None:
    assert kb.officeholders("Angela Merkel", on=date(2022, 1, 1)) == ()
    assert kb.officeholders("Angela Merkel", on=date(2021, 12, 8)) != ()
    assert kb.officeholders("Biden", on=date(2025, 2, 1)) == ()
    (term,) = kb.officeholders("Merkel")
    assert term.end == date(2021, 12, 8)


def test_premier_li_names_two_people_told_apart_by_date(kb: KnowledgeBase) -> None:
    assert {t.name for t in kb.officeholders("Premier Li")} == {"Li Keqiang", "Li Qiang"}
    (then,) = kb.officeholders("Premier Li", on=date(2016, 1, 1))
    (now,) = kb.officeholders("Premier Li", on=date(2024, 1, 1))
    assert (then.name, now.name) == ("Li Keqiang", "Li Qiang")


def test_ambiguous_surname_alias_lists_every_holder_and_a_date_narrows_it(
    kb: KnowledgeBase,
) -> None:
    names = {t.name for t in kb.officeholders("Sharif")}
    assert {"Nawaz Sharif", "Shehbaz Sharif"} <= names
    assert {t.name for t in kb.officeholders("Sharif", on=date(2016, 1, 1))} == {"Nawaz Sharif"}
    assert {t.name for t in kb.officeholders("Sharif", on=date(2025, 1, 1))} == {"Shehbaz Sharif"}


def test_a_bare_surname_without_an_alias_does_not_match(kb: KnowledgeBase) -> None:
    # "May" (Theresa May) and "Wang" are ordinary words/names: only full names resolve.
    assert kb.officeholders("May") == ()
    assert kb.officeholders("Theresa May") != ()
    assert kb.officeholders("Wang") == ()


def test_holders_of_an_office_on_a_day(kb: KnowledgeBase) -> None:
    (holder,) = kb.holders_of("GBR", "head_of_government", on=date(2020, 1, 1))
    assert holder.name == "Boris Johnson"
    (commission,) = kb.holders_of("EU", "head_of_government", on=date(2023, 1, 1))
    assert commission.name == "Ursula von der Leyen"
    assert len(kb.holders_of("USA", "head_of_state")) >= 4


def test_every_officeholder_term_is_well_formed(kb: KnowledgeBase) -> None:
    for term in kb.officeholders_all:
        assert term.end is None or term.start <= term.end, term
        assert term.role in ROLES or term.role in OTHER_OFFICE_ROLES, term
        assert term.sector in SECTORS, term
        assert term.source, term
        if term.country == "IGO":
            assert term.igo is not None and kb.igo_by_code(term.igo) is not None, term
        else:
            assert kb.country_by_iso3(term.country) is not None, term
        assert term.end is None or term.end >= date(2015, 1, 1), term


def test_other_office_roles_are_roles_that_titles_give(kb: KnowledgeBase) -> None:
    title_roles = {t.role for t in kb.sector_terms_all}
    assert title_roles >= OTHER_OFFICE_ROLES


def _is_documented_acting(a: Officeholder, b: Officeholder) -> bool:
    return any(t.note is not None and "acting" in t.note for t in (a, b))


def test_head_of_state_terms_do_not_overlap_except_documented_acting_handovers(
    kb: KnowledgeBase,
) -> None:
    by_office: dict[str, list[Officeholder]] = {}
    for term in kb.officeholders_all:
        if term.role == "head_of_state":
            by_office.setdefault(term.igo or term.country, []).append(term)
    clashes = []
    for terms in by_office.values():
        ordered = sorted(terms, key=lambda t: t.start)
        for before, after in pairwise(ordered):
            # A shared handover day (end == next start) is not an overlap.
            overlaps = before.end is None or after.start < before.end
            if overlaps and not _is_documented_acting(before, after):
                clashes.append((before.name, after.name))
    assert clashes == []


def test_g20_and_most_reported_states_have_current_heads(kb: KnowledgeBase) -> None:
    today = date(2026, 1, 1)
    states = [*G20_STATES, *MOST_REPORTED_STATES]
    missing = [
        iso3
        for iso3 in states
        if not kb.holders_of(iso3, "head_of_state", on=today)
        and not kb.holders_of(iso3, "head_of_government", on=today)
    ]
    assert missing == []


# ---- sector terms ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "sector", "role"),
    [
        ("president", "GOV", "head_of_state"),
        ("Prime Minister", "GOV", "head_of_government"),
        ("premier", "GOV", "head_of_government"),
        ("defence minister", "GOV", "defence_minister"),
        ("defense minister", "GOV", "defence_minister"),
        ("foreign minister", "GOV", "foreign_minister"),
        ("foreign ministers", "GOV", "foreign_minister"),
        ("spokesperson", "GOV", "spokesperson"),
        ("ambassadors", "GOV", "diplomat"),
        ("police", "GOV", "police"),
        ("troops", "MIL", "military"),
        ("soldiers", "MIL", "military"),
        ("army", "MIL", "military"),
        ("lawmakers", "LEG", "legislature"),
        ("MPs", "LEG", "legislature"),
        ("senators", "LEG", "legislature"),
        ("court", "JUD", "judiciary"),
        ("prosecutors", "JUD", "prosecutor"),
        ("party", "POL", "party"),
        ("opposition", "OPP", "opposition"),
        ("rebels", "REB", "rebel"),
        ("militants", "REB", "rebel"),
        ("separatists", "REB", "rebel"),
        ("companies", "BUS", "business"),
        ("journalists", "MED", "media"),
        ("protesters", "CVL", "civilian"),
        ("students", "EDU", "education"),
        ("clergy", "REL", "religious"),
        ("policemen", "GOV", "police"),
    ],
)
def test_sector_terms(kb: KnowledgeBase, word: str, sector: str, role: str) -> None:
    term = kb.sector_term(word)
    assert term is not None, word
    assert (term.sector, term.role) == (sector, role)


@pytest.mark.parametrize("word", ["pm", "p.m.", "table", ""])
def test_words_that_are_no_sector_term(kb: KnowledgeBase, word: str) -> None:
    assert kb.sector_term(word) is None


def test_every_sector_term_uses_a_known_sector(kb: KnowledgeBase) -> None:
    assert all(t.sector in SECTORS for t in kb.sector_terms_all)


# ---- normalisation and loading --------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("the U.S.", "us"),
        ("Élysée", "elysee"),
        ("Türkiye's", "turkiye"),
        ("Guinea-Bissau", "guinea bissau"),
        ("  Russia  ", "russia"),
        ("Erdoğan", "erdogan"),
    ],
)
def test_normalise_folds_variants_together(a: str, b: str) -> None:
    assert normalise(a) == b


@given(st.text(max_size=40))
def test_normalise_is_idempotent_and_total(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


@given(st.text(max_size=30))
def test_lookups_never_raise(text: str) -> None:
    kb = KnowledgeBase.default()
    kb.country(text)
    kb.country_by_adjective(text)
    kb.metonym(text)
    kb.igo(text)
    kb.officeholders(text, on=date(2020, 1, 1))
    kb.sector_term(text)


def test_default_is_loaded_once() -> None:
    assert KnowledgeBase.default() is KnowledgeBase.default()


def test_extra_json_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "mine.json"
    extra.write_text(
        json.dumps(
            {
                "source": "test",
                "officeholders": [
                    {
                        "name": "Jane Example",
                        "aliases": ["Example"],
                        "country": "NOR",
                        "role": "foreign_minister",
                        "start": "2030-01-01",
                        "end": None,
                    }
                ],
                "sector_terms": [{"term": "harbour master", "sector": "GOV", "role": "official"}],
            }
        ),
        encoding="utf-8",
    )
    kb = KnowledgeBase.load(extra=[extra])
    (term,) = kb.officeholders("Example", on=date(2031, 1, 1))
    assert (term.country, term.sector, term.source) == ("NOR", "GOV", "test")
    assert kb.sector_term("harbour masters") is not None
    assert kb.country("Russia") is not None


def test_malformed_extra_file_raises_input_error_naming_it(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"officeholders": [{"name": "X"}]}', encoding="utf-8")
    with pytest.raises(InputError) as info:
        KnowledgeBase.load(extra=[bad])
    assert info.value.source == str(bad)


def test_unbounded_start_is_the_earliest_date() -> None:
    assert date(1, 1, 1) == UNBOUNDED_START


@pytest.mark.parametrize("text", ["moon", "putin", "xi"])
def test_one_word_person_aliases_need_a_capital(kb: KnowledgeBase, text: str) -> None:
    assert kb.officeholders(text) == ()
    assert kb.officeholders(text.title()) != ()


def test_full_names_match_in_any_case(kb: KnowledgeBase) -> None:
    assert kb.officeholders("vladimir putin") == kb.officeholders("Vladimir Putin") != ()


def test_korean_alone_is_ambiguous_between_the_two_koreas(kb: KnowledgeBase) -> None:
    assert kb.country_by_adjective("Korean") is None
    assert {c.iso3 for c in kb.countries_by_adjective("Koreans")} == {"KOR", "PRK"}


def test_leaders_gives_head_of_state_and_government(kb: KnowledgeBase) -> None:
    names = [h.name for h in kb.leaders("DEU", date(2024, 1, 1))]
    assert names == ["Frank-Walter Steinmeier", "Olaf Scholz"]
    assert [h.name for h in kb.leaders("USA", date(2024, 1, 1))] == ["Joe Biden"]


@pytest.mark.parametrize(
    ("lookup", "text"),
    [
        ("country_by_adjective", "polish"),
        ("country_by_adjective", "french"),
        ("metonym", "pentagon"),
        ("metonym", "kremlin"),
        ("igo", "quad"),
        ("igo", "commonwealth"),
    ],
)
def test_one_word_names_written_in_lowercase_are_common_words(
    kb: KnowledgeBase, lookup: str, text: str
) -> None:
    assert getattr(kb, lookup)(text) is None
    assert getattr(kb, lookup)(text.title()) is not None
