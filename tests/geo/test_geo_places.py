"""Recognition and resolution on hand-built Docs (entities given; the model is not the point)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dateline.config import Settings
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.stage import PlacesStage, find_places
from dateline.nlp import Doc, make_doc
from dateline.pipeline import DocState
from dateline.records import Article, Place

DocMaker = Callable[..., Doc]


def _article(text: str) -> Article:
    return Article("t", None, None, None, None, None, "en", text)


def _places(doc_from: DocMaker, gaz: Gazetteer, text: str, *ents: tuple[str, str]) -> list[Place]:
    doc = doc_from(text, ents)
    return list(find_places(doc, _article(text), gaz))


def _only(places: list[Place], text: str) -> Place:
    found = [p for p in places if p.text == text]
    assert len(found) == 1, f"{text!r} not found once in {[p.text for p in places]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "ents", "mention", "expected"),
    [
        (
            "Putin and Erdogan held talks in Kazan, Russia, on Monday.",
            [("Kazan", "GPE"), ("Russia", "GPE")],
            "Kazan",
            ("Kazan", "city", "RUS"),
        ),
        (
            "He grew up in Paris, Texas, before the war.",
            [("Paris", "GPE"), ("Texas", "GPE")],
            "Paris",
            ("Paris", "city", "USA"),
        ),
        (
            "Crowds gathered in Paris on Sunday.",
            [("Paris", "GPE")],
            "Paris",
            ("Paris", "city", "FRA"),
        ),
        (
            "MOSCOW — The talks ended without a deal.",
            [],
            "MOSCOW",
            ("Moscow", "city", "RUS"),
        ),
        (
            "WASHINGTON — Officials met on Tuesday.",
            [("WASHINGTON", "GPE")],
            "WASHINGTON",
            ("Washington", "city", "USA"),
        ),
        (
            "Georgia and Russia fought a short war in 2008.",
            [("Georgia", "GPE"), ("Russia", "GPE")],
            "Georgia",
            ("Georgia", "country", "GEO"),
        ),
        (
            "The governor of Georgia visited Atlanta and Savannah this week.",
            [("Georgia", "GPE"), ("Atlanta", "GPE"), ("Savannah", "GPE")],
            "Georgia",
            ("Georgia", "admin1", "USA"),
        ),
        (
            "The plant in Springfield, Ill., closed.",
            [("Springfield", "GPE")],
            "Springfield",
            ("Springfield", "city", "USA"),
        ),
        (
            "Fighting continued near Aleppo on Friday.",
            [],
            "Aleppo",
            ("Aleppo", "city", "SYR"),
        ),
    ],
)
def test_toponyms_resolve_from_context(
    doc_from: DocMaker,
    gazetteer: Gazetteer,
    text: str,
    ents: list[tuple[str, str]],
    mention: str,
    expected: tuple[str, str, str],
) -> None:
    place = _only(_places(doc_from, gazetteer, text, *ents), mention)
    assert (place.name, place.feature, place.country) == expected
    assert text[place.start : place.end] == place.text
    assert place.lat is not None and place.lon is not None


def test_a_state_abbreviation_after_a_town_is_a_place(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    places = _places(
        doc_from, gazetteer, "The plant in Springfield, Ill., closed.", ("Springfield", "GPE")
    )
    ill = _only(places, "Ill.")
    assert (ill.name, ill.feature) == ("Illinois", "admin1")
    springfield = _only(places, "Springfield")
    assert springfield.lon is not None and -92 < springfield.lon < -88  # Illinois, not Missouri


def test_one_sense_per_article(doc_from: DocMaker, gazetteer: Gazetteer) -> None:
    text = "She moved to Paris, Texas. Paris is small."
    places = _places(doc_from, gazetteer, text, ("Paris", "GPE"), ("Texas", "GPE"))
    assert [p.country for p in places if p.text == "Paris"] == ["USA", "USA"]


def test_demonyms_are_places_of_kind_demonym(doc_from: DocMaker, gazetteer: Gazetteer) -> None:
    text = "Turkish troops entered Syria as Russians watched."
    places = _places(
        doc_from, gazetteer, text, ("Turkish", "NORP"), ("Syria", "GPE"), ("Russians", "NORP")
    )
    turkish = _only(places, "Turkish")
    assert (turkish.kind, turkish.feature, turkish.country) == ("demonym", "country", "TUR")
    assert _only(places, "Russians").country == "RUS"
    assert _only(places, "Syria").kind == "place"


def test_groups_that_are_not_nationalities_are_not_places(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    assert (
        _places(doc_from, gazetteer, "Republicans and Muslims met.", ("Republicans", "NORP")) == []
    )


def test_a_sentence_initial_ordinary_word_is_not_a_city(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    assert _places(doc_from, gazetteer, "Split decisions were common.") == []


def test_a_place_entity_with_a_comma_is_split(doc_from: DocMaker, gazetteer: Gazetteer) -> None:
    text = "The attack in Ankara, Turkey shocked many."
    places = _places(doc_from, gazetteer, text, ("Ankara, Turkey", "GPE"))
    assert [(p.text, p.feature) for p in places] == [("Ankara", "city"), ("Turkey", "country")]


def test_a_seat_of_government_is_a_metonym(doc_from: DocMaker, gazetteer: Gazetteer) -> None:
    text = "The Kremlin rejected the claim."
    place = _only(_places(doc_from, gazetteer, text, ("Kremlin", "FAC")), "Kremlin")
    assert (place.kind, place.name, place.country) == ("metonym", "Moscow", "RUS")


def test_a_capital_as_subject_of_a_speech_verb_is_a_metonym(gazetteer: Gazetteer) -> None:
    words = ["Moscow", "said", "Beijing", "is", "far", "."]
    doc = make_doc(
        words,
        spaces=[True, True, True, True, False, False],
        pos=["PROPN", "VERB", "PROPN", "AUX", "ADJ", "PUNCT"],
        deps=["nsubj", "ROOT", "nsubj", "ccomp", "acomp", "punct"],
        heads=[1, 1, 3, 1, 3, 1],
        lemmas=["Moscow", "say", "Beijing", "be", "far", "."],
        ents=["B-GPE", "O", "B-GPE", "O", "O", "O"],
    )
    places = list(find_places(doc, _article(doc.text), gazetteer))
    assert [(p.text, p.kind) for p in places] == [("Moscow", "metonym"), ("Beijing", "place")]


def test_an_unknown_local_name_takes_the_position_of_the_city_before_it(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "In New Orleans, a fire broke out on Frobisher Street."
    places = _places(doc_from, gazetteer, text, ("New Orleans", "GPE"), ("Frobisher Street", "FAC"))
    street = _only(places, "Frobisher Street")
    city = _only(places, "New Orleans")
    assert street.name is None and street.geonameid is None and street.feature is None
    assert (street.lat, street.lon, street.country) == (city.lat, city.lon, "USA")


def test_the_stage_assigns_places(doc_from: DocMaker) -> None:
    stage = PlacesStage(Settings())
    assert (stage.name, stage.requires, stage.assigns) == ("places", ("doc",), ("places",))
    text = "Talks in Kazan, Russia ended."
    doc = doc_from(text, [("Kazan", "GPE"), ("Russia", "GPE")])
    state = stage(DocState(article=_article(text), doc=doc, settings=Settings()))
    assert [p.text for p in state.places] == ["Kazan", "Russia"]
    assert state.places[0].to_json("t")["geonameid"] == 551487


def test_a_well_known_city_the_model_calls_a_group_is_still_a_place(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    places = _places(doc_from, gazetteer, "Rebels left Aleppo.", ("Aleppo", "NORP"))
    assert [(p.text, p.country, p.kind) for p in places] == [("Aleppo", "SYR", "place")]


def test_places_inside_organisation_names_are_found(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "Officers of the Kentucky State Police arrived."
    places = _places(doc_from, gazetteer, text, ("the Kentucky State Police", "ORG"))
    assert [(p.text, p.feature) for p in places] == [("Kentucky", "admin1")]


def test_a_city_name_that_is_also_a_persons_name_is_not_a_place(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "Mr Paterson left. Campbell Paterson was a builder."
    places = _places(
        doc_from, gazetteer, text, ("Paterson", "GPE"), ("Campbell Paterson", "PERSON")
    )
    assert places == []


def test_a_name_with_a_division_word_resolves_to_its_place(
    doc_from: DocMaker, gazetteer: Gazetteer
) -> None:
    text = "Floods hit Oaxaca State on Monday."
    place = _only(_places(doc_from, gazetteer, text, ("Oaxaca State", "GPE")), "Oaxaca State")
    assert place.country == "MEX"
