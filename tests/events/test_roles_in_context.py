"""Actors and recipients that only the surrounding text gives, with the real model.

Counted plurals ("the two leaders", "both countries") name the parties mentioned
together just before; a reaction to "the strikes" is aimed at whoever struck; a threat's
condition names its target; the co-signers of a deal are all its actors.
"""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    (
        "Counted people take the pair named together",
        "OSLO — Chancellor Olaf Scholz and French President Emmanuel Macron agreed on "
        "Tuesday to expand joint arms purchases.\n\nThe two leaders met for three hours "
        "at a lakeside villa.",
        "met",
        {"DEU", "FRA"},
        None,
    ),
    (
        "Counted countries skip a list of places",
        "Egypt and Ethiopia agreed on Monday to resume negotiations over the dam.\n\n"
        "The dispute has rippled from Sudan to Eritrea and Somalia.\n\nThe foreign "
        "ministers of the two countries are expected to meet next month.",
        "meet",
        {"EGY", "ETH"},
        None,
    ),
    (
        "A condemnation of the strikes is aimed at the striker",
        "Israel began an air campaign against Syria in March.\n\nTurkey struck Kurdish "
        "positions in Syria on Sunday.\n\nSyrian Foreign Minister Faisal Mekdad "
        "condemned the strikes as a violation of sovereignty.",
        "condemned",
        {"SYR"},
        {"TUR"},
    ),
    (
        "Praise for the deal goes to its parties",
        "Armenia and Azerbaijan signed a peace framework on Friday.\n\nFrench President "
        "Emmanuel Macron praised the deal as historic.",
        "praised",
        {"FRA"},
        {"ARM", "AZE"},
    ),
    (
        "A threat's condition names its target",
        "Polish officials warned that they would close the border if Belarus sent more "
        "migrants toward it.",
        "warned",
        {"POL"},
        {"BLR"},
    ),
    (
        "Every signatory of a deal is an actor",
        "Japan signed separate agreements with Australia and the Philippines on Monday.",
        "signed",
        {"JPN", "AUS", "PHL"},
        None,
    ),
    (
        "Goods suspended from a country make it the recipient",
        "India suspended imports of rice and sugar from Bangladesh on Thursday.",
        "suspended",
        {"IND"},
        {"BGD"},
    ),
    (
        "A strike's target is the one other side its sentence names",
        "Fighting resumed on Sunday, when Azerbaijan shelled what it called military "
        "posts inside Armenia.",
        "shelled",
        {"AZE"},
        {"ARM"},
    ),
    (
        "A mediation is between the parties of the clause it sits in",
        "Qatar and Bahrain restored ties on Tuesday in an accord brokered by Kuwait.",
        "brokered",
        {"KWT"},
        {"QAT", "BHR"},
    ),
    (
        "A call for restraint asks those it is asked from",
        "Serbia and Kosovo traded accusations on Monday. EU foreign policy chief Kaja "
        "Kallas called for calm from both sides.",
        "called",
        {"EU"},
        {"SRB", "XKX"},
    ),
    (
        "A promise after talks is made to the partner of the talks",
        "Indian Prime Minister Narendra Modi met Japanese Prime Minister Fumio Kishida "
        "in Delhi on Monday.\n\nKishida also pledged 5 trillion yen in investment.",
        "pledged",
        {"JPN"},
        {"IND"},
    ),
    (
        "A companion 'together with' acts too",
        "Norway applied to join the programme together with Denmark on Monday.",
        "applied",
        {"NOR", "DNK"},
        None,
    ),
    (
        "'The alliance' is the organisation named last",
        "Finland joined NATO on Tuesday.\n\nMoscow condemned the expansion of the alliance.",
        "condemned",
        {"RUS"},
        {"NATO"},
    ),
    (
        "A visitor meets the host at the host's seat of government",
        "Hungarian Prime Minister Viktor Orban and Chinese President Xi Jinping held "
        "talks in Beijing on Tuesday.",
        "talks",
        {"HUN"},
        {"CHN"},
    ),
    (
        "Unnamed officials are not the people named before but where they sit",
        "Russian President Vladimir Putin and North Korean leader Kim Jong Un met on "
        "Tuesday.\n\nOfficials in Tokyo condemned the meeting.",
        "condemned",
        {"JPN"},
        None,
    ),
]

NO_EVENT = [
    ("A quantified subject is nobody", "No Japanese premier had visited the island since 1994."),
    (
        "An image released by a ministry frees nobody",
        "A tank fires during drills on Monday, in an image released by the defence ministry.",
    ),
]


@pytest.mark.parametrize(("why", "text"), NO_EVENT, ids=[c[0] for c in NO_EVENT])
def test_no_event_without_a_real_actor_or_act(pipeline: Any, why: str, text: str) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    assert not [e for e in ex.events if e.status != "negated"], why


def test_a_standfirst_retold_by_the_body_is_left_to_the_body(pipeline: Any) -> None:
    text = (
        "The Brazilian president met his Argentine counterpart in the border town days "
        "after the election.\n\n"
        "FOZ DO IGUACU — Brazilian President Luiz Inacio Lula da Silva met Argentine "
        "President Javier Milei on Tuesday in Foz do Iguacu.\n"
    )
    ex = pipeline.extract(text, published="2024-06-12")
    meetings = [e for e in ex.events if e.type == "CONSULT"]
    assert len(meetings) == 1
    assert meetings[0].evidence.start > text.index("FOZ DO IGUACU")
    assert meetings[0].date.basis == "stated"


def test_a_former_officeholder_is_not_the_government(pipeline: Any) -> None:
    ex = pipeline.extract(
        "Former German chancellor Angela Merkel praised Polish leaders on Monday.",
        published="2023-05-06",
    )
    (event,) = ex.events
    assert [(a.country, a.sector) for a in event.actor] == [("DEU", None)]


@pytest.mark.parametrize(
    ("why", "text", "trigger", "actors", "recipients"), CASES, ids=[c[0] for c in CASES]
)
def test_roles_come_from_context(
    pipeline: Any,
    why: str,
    text: str,
    trigger: str,
    actors: set[str | None],
    recipients: set[str] | None,
) -> None:
    ex = pipeline.extract(text, published="2025-06-10")
    events = [e for e in ex.events if e.evidence.trigger == trigger]
    assert events, f"{why}: no event for {trigger!r} in {[e.evidence.trigger for e in ex.events]}"
    event = events[-1]
    assert {a.country for a in event.actor} == actors, why
    if recipients is not None:
        assert {r.country for r in event.recipient} == recipients, why


@pytest.mark.parametrize(
    ("text", "actor", "recipient"),
    [
        ("The Houthis attacked a cargo ship in the Red Sea on Monday.", "YEM", None),
        ("Al-Shabaab fighters stormed a hotel in Mogadishu on Friday.", "SOM", None),
        ("Israel struck Hezbollah positions in southern Lebanon on Sunday.", "ISR", "LBN"),
    ],
)
def test_armed_groups_are_actors_counted_under_their_home(
    pipeline: Any, text: str, actor: str, recipient: str | None
) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    (event,) = [e for e in ex.events if e.type == "ASSAULT"]
    assert {a.country for a in event.actor} == {actor}
    if recipient is not None:
        assert {r.country for r in event.recipient} == {recipient}
    assert all(a.sector in ("REB", "GOV", None) for a in event.actor)


def test_an_unknown_organisation_acting_is_an_actor(pipeline: Any) -> None:
    ex = pipeline.extract(
        "The Zentral Watchdog Group launched an investigation into the ministry on Monday.",
        published="2024-06-10",
    )
    assert any(e.type == "ACCUSE" and e.actor for e in ex.events)


@pytest.mark.parametrize(
    ("text", "type_", "mode"),
    [
        (
            "North Korea returned the remains of 55 soldiers to the United States.",
            "RETREAT",
            "return",
        ),
        ("Ecuador granted asylum to the Bolivian opposition leader.", "CONCEDE", "policy"),
        ("The Kenyan government declared a ceasefire on Monday.", "RETREAT", "ceasefire"),
        ("The Peruvian prime minister resigned on Monday.", "CONCEDE", "leadership"),
    ],
)
def test_yielding_is_coded(pipeline: Any, text: str, type_: str, mode: str) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    assert [(e.type, e.mode) for e in ex.events] == [(type_, mode)]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("A Moscow court charged the Estonian diplomat with espionage on Monday.", "ACCUSE"),
        ("The Chilean authorities imposed a curfew on the capital on Monday.", "COERCE"),
        ("Japan welcomed the decision by South Korea on Monday.", "SUPPORT"),
        ("The Indian prime minister welcomed the French president in Delhi on Monday.", "CONSULT"),
    ],
)
def test_plover_forms_of_accusing_coercing_and_approving(
    pipeline: Any, text: str, type_: str
) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    assert [e.type for e in ex.events] == [type_]
