"""Event places beyond 'in X': hosts, facilities, coordinated and administered places,
capitals and the dateline (hand-built Docs; the parser is not the point)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dateline.events import placing
from dateline.geo.gazetteer import Gazetteer
from dateline.nlp import Doc
from dateline.records import Article, Event, EventDate, Evidence, Place
from tests.handmade import doc_from


def _place(doc: Doc, i: int, j: int, name: str | None, country: str, feature: str | None) -> Place:
    span = doc[i:j]
    return Place(
        span.text, span.start_char, span.end_char, "place", name, None, country, 0.0, 0.0, feature
    )


# "Biden is due in Warsaw for talks ."
DUE = [
    ("Biden", "NNP", "PROPN", "nsubj", 1, "Biden"),
    ("is", "VBZ", "AUX", "ROOT", 0, "be"),
    ("due", "JJ", "ADJ", "acomp", -1, "due"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Warsaw", "NNP", "PROPN", "pobj", -1, "Warsaw"),
    ("for", "IN", "ADP", "prep", -3, "for"),
    ("talks", "NNS", "NOUN", "pobj", -1, "talk"),
    (".", ".", "PUNCT", "punct", -6, "."),
]


def test_a_purpose_takes_the_place_of_the_predicate_it_serves() -> None:
    doc = doc_from(DUE)
    warsaw = _place(doc, 4, 5, "Warsaw", "POL", "city")
    found = placing.host_places(doc, doc[6], "CONSULT", [warsaw], {6}, {})
    assert found == [warsaw]
    assert placing.is_location(doc, warsaw, object_is_place=False)


# "Putin announced in Moscow that Russia was suspending it ."
ANNOUNCED = [
    ("Putin", "NNP", "PROPN", "nsubj", 1, "Putin"),
    ("announced", "VBD", "VERB", "ROOT", 0, "announce"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Moscow", "NNP", "PROPN", "pobj", -1, "Moscow"),
    ("that", "IN", "SCONJ", "mark", 4, "that"),
    ("Russia", "NNP", "PROPN", "nsubj", 3, "Russia"),
    ("was", "VBD", "AUX", "aux", 2, "be"),
    ("suspending", "VBG", "VERB", "ccomp", -6, "suspend"),
    ("it", "PRP", "PRON", "dobj", -1, "it"),
    (".", ".", "PUNCT", "punct", -8, "."),
]


@pytest.mark.parametrize(("event_type", "placed"), [("REJECT", True), ("ASSAULT", False)])
def test_a_statement_is_where_it_was_announced_a_deed_is_not(event_type: str, placed: bool) -> None:
    doc = doc_from(ANNOUNCED)
    moscow = _place(doc, 3, 4, "Moscow", "RUS", "city")
    found = placing.host_places(doc, doc[7], event_type, [moscow], {7}, {})
    assert found == ([moscow] if placed else [])


# "sites in Pakistan and Kashmir"
SITES = [
    ("sites", "NNS", "NOUN", "ROOT", 0, "site"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Pakistan", "NNP", "PROPN", "pobj", -1, "Pakistan"),
    ("and", "CC", "CCONJ", "cc", -1, "and"),
    ("Kashmir", "NNP", "PROPN", "conj", -2, "Kashmir"),
]


def test_coordinated_places_are_one_location_the_first() -> None:
    doc = doc_from(SITES)
    pakistan = _place(doc, 2, 3, "Pakistan", "PAK", "country")
    kashmir = _place(doc, 4, 5, "Kashmir", "IND", "region")
    assert placing.coordinated(doc, [pakistan, kashmir]) == [pakistan]


def test_an_administered_territory_is_in_the_country_that_holds_it() -> None:
    text = "in Pakistan-administered Kashmir"
    pakistan = Place("Pakistan", 3, 11, "place", "Pakistan", 1, "PAK", 30.0, 70.0, "country")
    kashmir = Place("Kashmir", 25, 32, "place", "Kashmir", None, "IND", 34.0, 76.0, "region")
    held = placing.administered(text, kashmir, [pakistan, kashmir])
    assert (held.name, held.country, held.text) == (
        "Pakistan",
        "PAK",
        "Pakistan-administered Kashmir",
    )


# "They met at the Vostochny Cosmodrome in Far East ."
COSMODROME = [
    ("They", "PRP", "PRON", "nsubj", 1, "they"),
    ("met", "VBD", "VERB", "ROOT", 0, "meet"),
    ("at", "IN", "ADP", "prep", -1, "at"),
    ("the", "DT", "DET", "det", 2, "the"),
    ("Vostochny", "NNP", "PROPN", "compound", 1, "Vostochny"),
    ("Cosmodrome", "NNP", "PROPN", "pobj", -3, "Cosmodrome"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Far", "NNP", "PROPN", "compound", 1, "Far"),
    ("East", "NNP", "PROPN", "pobj", -2, "East"),
    (".", ".", "PUNCT", "punct", -8, "."),
]


def test_a_named_facility_is_placed_by_the_place_after_it() -> None:
    doc = doc_from(COSMODROME)
    far_east = _place(doc, 7, 9, None, "RUS", None)
    site = placing.facility(doc, far_east)
    assert (site.text, site.country) == ("Vostochny Cosmodrome", "RUS")
    assert doc.text[site.start : site.end] == "Vostochny Cosmodrome"


def test_a_demonym_capital_is_the_capital_city() -> None:
    text = "Putin arrived in the North Korean capital."
    korean = Place(
        "North Korean", 21, 33, "demonym", "North Korea", 1, "PRK", 40.0, 127.0, "country"
    )
    [capital] = placing.with_capitals(text, [korean], Gazetteer.load())
    assert (capital.name, capital.feature, capital.text) == (
        "Pyongyang",
        "city",
        "North Korean capital",
    )


# "KYIV - They met at Mariinsky Palace and fought in Donbas ."
KYIV = [
    ("KYIV", "NNP", "PROPN", "nsubj", 3, "KYIV"),
    ("-", ":", "PUNCT", "punct", -1, "-"),
    ("They", "PRP", "PRON", "nsubj", 1, "they"),
    ("met", "VBD", "VERB", "ROOT", 0, "meet"),
    ("at", "IN", "ADP", "prep", -1, "at"),
    ("Mariinsky", "NNP", "PROPN", "compound", 1, "Mariinsky"),
    ("Palace", "NNP", "PROPN", "pobj", -2, "Palace"),
    ("and", "CC", "CCONJ", "cc", -4, "and"),
    ("fought", "VBD", "VERB", "conj", -5, "fight"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Donbas", "NNP", "PROPN", "pobj", -1, "Donbas"),
    (".", ".", "PUNCT", "punct", -8, "."),
]


def test_an_unknown_facility_in_the_datelines_country_is_at_the_dateline() -> None:
    doc = doc_from(KYIV)
    kyiv = _place(doc, 0, 1, "Kyiv", "UKR", "city")
    palace = _place(doc, 5, 7, None, "UKR", None)
    at = placing.at_dateline(doc, palace, kyiv)
    assert (at.name, at.text, at.start) == ("Kyiv", "Mariinsky Palace", palace.start)
    abroad = replace(palace, country="POL")
    assert placing.at_dateline(doc, abroad, kyiv) is abroad
    region = _place(doc, 10, 11, None, "UKR", None)  # an unknown region may be far away
    assert placing.at_dateline(doc, region, kyiv) is region


@pytest.mark.parametrize(
    ("status", "start", "basis", "expected"),
    [
        ("occurred", date(2023, 2, 20), "stated", True),
        ("negated", date(2023, 2, 20), "inferred", True),
        ("occurred", date(2022, 2, 24), "stated", False),
        ("planned", date(2023, 2, 20), "stated", False),
    ],
)
def test_the_dateline_places_only_the_news_of_the_day(
    status: str, start: date, basis: str, expected: bool
) -> None:
    when = EventDate(start, start, "day", None, basis)  # type: ignore[arg-type]
    assert placing.of_the_day(status, when, date(2023, 2, 20)) is expected  # type: ignore[arg-type]


# "Troops raided the city of Jenin and shelled the Donbas region, killing two,
# with sanctions on Iran."
RAIDS = [
    ("Troops", "NNS", "NOUN", "nsubj", 1, "troop"),
    ("raided", "VBD", "VERB", "ROOT", 0, "raid"),
    ("the", "DT", "DET", "det", 1, "the"),
    ("city", "NN", "NOUN", "dobj", -2, "city"),
    ("of", "IN", "ADP", "prep", -1, "of"),
    ("Jenin", "NNP", "PROPN", "pobj", -1, "Jenin"),
    ("and", "CC", "CCONJ", "cc", -5, "and"),
    ("shelled", "VBD", "VERB", "conj", -6, "shell"),
    ("the", "DT", "DET", "det", 2, "the"),
    ("Donbas", "NNP", "PROPN", "compound", 1, "Donbas"),
    ("region", "NN", "NOUN", "dobj", -3, "region"),
    (",", ",", "PUNCT", "punct", -4, ","),
    ("killing", "VBG", "VERB", "advcl", -5, "kill"),
    ("two", "CD", "NUM", "dobj", -1, "two"),
    (",", ",", "PUNCT", "punct", -7, ","),
    ("with", "IN", "ADP", "prep", -8, "with"),
    ("sanctions", "NNS", "NOUN", "pobj", -1, "sanction"),
    ("on", "IN", "ADP", "prep", -1, "on"),
    ("Iran", "NNP", "PROPN", "pobj", -1, "Iran"),
    (".", ".", "PUNCT", "punct", -18, "."),
]


def test_a_named_town_region_or_target_is_where_a_strike_happened() -> None:
    doc = doc_from(RAIDS)
    jenin = _place(doc, 5, 6, "Jenin", "PSE", "city")
    donbas = _place(doc, 9, 10, "Donbas", "UKR", "admin1")
    iran = _place(doc, 18, 19, "Iran", "IRN", "country")
    assert placing.is_location(doc, jenin, object_is_place=True)
    assert placing.is_location(doc, donbas, object_is_place=True)
    assert not placing.is_location(doc, iran, object_is_place=False)  # aimed at, not in
    # "..., killing two": the clause happens where the strike it follows did
    assert placing.host_places(doc, doc[12], "ASSAULT", [donbas], {1, 7, 12}, {}) == [donbas]


def test_a_name_located_nowhere_is_no_place() -> None:
    doc = doc_from(DUE)
    warsaw = _place(doc, 4, 5, "Warsaw", "POL", "city")
    nowhere = replace(warsaw, name=None, country=None)
    assert placing.somewhere([nowhere, warsaw]) == [warsaw]


# "They discussed the war in Gaza ."
TOPIC = [
    ("They", "PRP", "PRON", "nsubj", 1, "they"),
    ("discussed", "VBD", "VERB", "ROOT", 0, "discuss"),
    ("the", "DT", "DET", "det", 1, "the"),
    ("war", "NN", "NOUN", "dobj", -2, "war"),
    ("in", "IN", "ADP", "prep", -1, "in"),
    ("Gaza", "NNP", "PROPN", "pobj", -1, "Gaza"),
    (".", ".", "PUNCT", "punct", -5, "."),
]


def test_a_place_in_a_topic_is_not_where_the_talks_were() -> None:
    doc = doc_from(TOPIC)
    gaza = _place(doc, 5, 6, "Gaza", "PSE", "country")
    assert not placing.is_location(doc, gaza, object_is_place=False)


# "They held talks in Budapest . They signed a deal . Rebels attacked a base ."
ROUNDS = [
    ("They", "PRP", "PRON", "nsubj", 1, "they"),
    ("held", "VBD", "VERB", "ROOT", 0, "hold"),
    ("talks", "NNS", "NOUN", "dobj", -1, "talk"),
    ("in", "IN", "ADP", "prep", -2, "in"),
    ("Budapest", "NNP", "PROPN", "pobj", -1, "Budapest"),
    (".", ".", "PUNCT", "punct", -4, "."),
    ("They", "PRP", "PRON", "nsubj", 1, "they"),
    ("signed", "VBD", "VERB", "ROOT", 0, "sign"),
    ("a", "DT", "DET", "det", 1, "a"),
    ("deal", "NN", "NOUN", "dobj", -2, "deal"),
    (".", ".", "PUNCT", "punct", -3, "."),
    ("Rebels", "NNS", "NOUN", "nsubj", 1, "rebel"),
    ("attacked", "VBD", "VERB", "ROOT", 0, "attack"),
    ("a", "DT", "DET", "det", 1, "a"),
    ("base", "NN", "NOUN", "dobj", -2, "base"),
    (".", ".", "PUNCT", "punct", -3, "."),
]


def _event(doc: Doc, kind: str, first: int, last: int, trigger: int, place: Place | None) -> Event:
    sent = doc[first:last]
    day = date(2024, 2, 23)
    return Event(
        id="",
        type=kind,
        mode=None,
        cameo=None,
        actor=(),
        recipient=(),
        status="occurred",
        date=EventDate(day, day, "day", "Friday", "stated" if place else "inferred"),
        place=place,
        evidence=Evidence(
            sent.text, sent.start_char, sent.end_char, doc[trigger].text, doc[trigger].idx
        ),
        score=None,
        quad=None,
        confidence=0.5,
    )


def test_a_same_day_act_after_a_meeting_is_at_the_meeting_a_strike_is_not() -> None:
    doc = doc_from(ROUNDS, sentences=[6, 11])
    budapest = _place(doc, 4, 5, "Budapest", "HUN", "city")
    article = Article("t", None, None, None, date(2024, 2, 23), None, "en", doc.text)
    talks = _event(doc, "CONSULT", 0, 6, 2, budapest)
    signed = _event(doc, "AGREE", 6, 11, 7, None)
    attacked = _event(doc, "ASSAULT", 11, 16, 12, None)
    out = placing.from_context(doc, article, [talks, signed], None)
    assert [e.place for e in out] == [budapest, replace(budapest, basis="context")]
    out = placing.from_context(doc, article, [talks, attacked], None)
    assert [e.place for e in out] == [budapest, None]
