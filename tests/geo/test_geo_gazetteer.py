"""The gazetteer: names, demonyms, qualifiers, seats and country places."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import Gazetteer, normalize


@pytest.mark.parametrize(
    ("raw", "key"),
    [("Côte d\u2019Ivoire", "côte d'ivoire"), ("  New   York ", "new york"), ("U.S.", "u.s.")],
)
def test_names_are_normalised_for_lookup(raw: str, key: str) -> None:
    assert normalize(raw) == key


def test_load_is_cached_per_process(gazetteer: Gazetteer) -> None:
    assert Gazetteer.load() is gazetteer


@pytest.mark.parametrize(
    ("name", "feature", "country"),
    [
        ("Russia", "country", "RUS"),
        ("the United States", "country", "USA"),
        ("U.S.", "country", "USA"),
        ("Britain", "country", "GBR"),
        ("Texas", "admin1", "USA"),
        ("Ontario", "admin1", "CAN"),
        ("Europe", "continent", None),
        ("Kazan", "city", "RUS"),
    ],
)
def test_lookup_finds_each_kind_of_place(
    gazetteer: Gazetteer, name: str, feature: str, country: str | None
) -> None:
    found = [c for c in gazetteer.lookup(name) if c.feature == feature]
    assert found
    assert any(c.country == country for c in found)


def test_lookup_of_an_ambiguous_name_returns_all_senses(gazetteer: Gazetteer) -> None:
    features = {(c.feature, c.country) for c in gazetteer.lookup("Georgia")}
    assert {("country", "GEO"), ("admin1", "USA")} <= features


@pytest.mark.parametrize(
    ("word", "iso3"),
    [
        ("Turkish", "TUR"),
        ("Russian", "RUS"),
        ("Russians", "RUS"),
        ("Chinese", "CHN"),
        ("Americans", "USA"),
        ("Iraqis", "IRQ"),
        ("Turks", "TUR"),
        ("Frenchmen", "FRA"),
    ],
)
def test_demonyms_resolve_to_their_country(gazetteer: Gazetteer, word: str, iso3: str) -> None:
    found = gazetteer.demonym(word)
    assert found is not None
    assert found.feature == "country"
    assert found.country == iso3


def test_every_country_has_a_point_and_a_geonames_id(gazetteer: Gazetteer) -> None:
    assert len(gazetteer.countries) > 190
    for cand in gazetteer.countries.values():
        assert -90 <= cand.lat <= 90 and -180 <= cand.lon <= 180
        assert cand.geonameid is not None


@pytest.mark.parametrize(("abbr", "state"), [("Ill.", "Illinois"), ("Va.", "Virginia")])
def test_state_abbreviations_qualify_a_town(gazetteer: Gazetteer, abbr: str, state: str) -> None:
    assert [c.name for c in gazetteer.qualifier(abbr)] == [state]


def test_a_seat_of_government_stands_for_its_capital(gazetteer: Gazetteer) -> None:
    kremlin = gazetteer.seat("the Kremlin")
    assert kremlin is not None
    assert (kremlin.name, kremlin.country, kremlin.capital) == ("Moscow", "RUS", True)


def test_country_place_is_a_country_feature(gazetteer: Gazetteer) -> None:
    place = gazetteer.country_place("rus", "Russia", 20, 26)
    assert (place.text, place.start, place.end) == ("Russia", 20, 26)
    assert (place.feature, place.country, place.name, place.kind) == (
        "country",
        "RUS",
        "Russia",
        "place",
    )
    assert place.geonameid == 2017370


def test_country_place_of_an_unknown_code_keeps_the_code(gazetteer: Gazetteer) -> None:
    place = gazetteer.country_place("ZZZ", "there", 0, 5)
    assert place.country == "ZZZ"
    assert place.lat is None and place.feature is None
