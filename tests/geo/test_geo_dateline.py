"""The dateline's town, named areas and possessives (hand-built Docs; no model)."""

from __future__ import annotations

from collections.abc import Callable

from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import find_dateline
from dateline.geo.stage import find_places
from dateline.nlp import Doc
from dateline.records import Article, Place

DocMaker = Callable[..., Doc]


def _places(doc_from: DocMaker, gaz: Gazetteer, text: str, *ents: tuple[str, str]) -> list[Place]:
    doc = doc_from(text, ents)
    article = Article("t", None, None, None, None, None, "en", text)
    return list(find_places(doc, article, gaz))


def test_a_small_dateline_town_the_model_missed_is_found_inside_its_qualifier(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "WOODSIDE, California — The two leaders met on Wednesday."
    places = _places(doc_from, gazetteer, text, ("California", "GPE"))
    town = next(p for p in places if p.text == "WOODSIDE")
    assert (town.name, town.country, town.feature) == ("Woodside", "USA", "city")
    assert town.lat is not None and 37 < town.lat < 38  # California's, not New York's


def test_a_dateline_town_outside_its_qualifier_is_not_guessed(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "WOODSIDE, Texas — The two leaders met on Wednesday."
    places = _places(doc_from, gazetteer, text, ("Texas", "GPE"))
    assert all(p.text != "WOODSIDE" for p in places)


def test_a_capitalised_first_word_without_a_dash_is_no_dateline(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "GREEN fingered pupils planted a garden."
    assert _places(doc_from, gazetteer, text) == []


def test_the_dateline_may_follow_a_standfirst() -> None:
    text = "A standfirst line.\n\nKYIV — Talks began."
    span = find_dateline(text, ((0, 18), (20, len(text))))
    assert span is not None and text[span[0] : span[1]] == "KYIV"


def test_a_bay_area_is_its_city(doc_from: DocMaker, gazetteer: Gazetteer) -> None:
    text = "They will meet in the San Francisco Bay Area on Wednesday."
    places = _places(doc_from, gazetteer, text, ("San Francisco Bay Area", "LOC"))
    area = next(p for p in places if p.text == "San Francisco Bay Area")
    assert (area.name, area.country) == ("San Francisco", "USA")


def test_an_unknown_name_after_a_possessive_country_is_in_that_country(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "Kim visited Pyongyang and then the launch site in Russia's Far East."
    places = _places(
        doc_from, gazetteer, text, ("Pyongyang", "GPE"), ("Russia", "GPE"), ("Far East", "LOC")
    )
    far_east = next(p for p in places if p.text == "Far East")
    assert (far_east.name, far_east.country) == (None, "RUS")


def test_a_country_has_its_capital(gazetteer: Gazetteer) -> None:
    capital = gazetteer.capital("PRK")
    assert capital is not None and capital.name == "Pyongyang"


def test_a_name_before_a_colon_is_a_dateline_only_for_a_known_town(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    caption = _places(doc_from, gazetteer, "JEWELL: Two rangers on the shore.")
    assert all(p.text != "JEWELL" for p in caption)
    dateline = _places(doc_from, gazetteer, "KARACHI: Two rangers on the shore.")
    assert any(p.text == "KARACHI" and p.country == "PAK" for p in dateline)
