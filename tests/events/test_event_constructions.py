"""Constructions that carry an event without a plain event verb, with the real model.

Operators on an event noun change its type ("called off the strike" is a concession,
"cut off aid" a sanction, "stepped up attacks" an assault); light verbs lend their subject
to the noun ("ordered the arrest of", "launched a mediation effort", "went on strike",
"expressed support for"); money given is aid; "they" in "X said they would" is X.
"""

from __future__ import annotations

from typing import Any

import pytest

CASES = [
    (
        "Calling off a strike concedes",
        "Dock workers in Chile called off their strike on Friday after the port operator "
        "raised wages.",
        "called",
        "CONCEDE",
        None,
    ),
    (
        "Ending a mediation breaks off talks",
        "Qatar ended its mediation between Israel and Hamas on Saturday, officials said.",
        "ended",
        "SANCTION",
        {"QAT"},
    ),
    (
        "Lifting a blockade eases it",
        "Saudi Arabia lifted its blockade of Qatar in January 2021.",
        "lifted",
        "RETREAT",
        {"SAU"},
    ),
    (
        "Cutting off aid sanctions",
        "The Netherlands cut off development aid to Mali after the coup.",
        "cut",
        "SANCTION",
        {"NLD"},
    ),
    (
        "Stepping up attacks assaults",
        "Russia stepped up attacks on Ukrainian power plants in March.",
        "stepped",
        "ASSAULT",
        {"RUS"},
    ),
    (
        "Who orders an arrest makes it",
        "A court in Ankara ordered the arrest of twelve Syrian nationals on Monday.",
        "arrest",
        "COERCE",
        {"TUR"},
    ),
    (
        "Workers who go on strike protest",
        "Teachers in Kenya went on strike on Monday over unpaid allowances.",
        "strike",
        "PROTEST",
        {"KEN"},
    ),
    (
        "A hunger strike is a protest",
        "Jailed Bahraini activists began a hunger strike in March.",
        "strike",
        "PROTEST",
        {"BHR"},
    ),
    (
        "A mediation effort is the mediator's",
        "Turkey launched a mediation effort between Sudan's rival generals on Tuesday.",
        "mediation",
        "CONSULT",
        {"TUR"},
    ),
    (
        "An announced release is the releaser's",
        "Iran announced the release of three French nationals on Thursday.",
        "release",
        "RETREAT",
        {"IRN"},
    ),
    (
        "Money given is aid",
        "Japan gave $12 million to Kenya for drought relief in 2022.",
        "gave",
        "AID",
        {"JPN"},
    ),
    (
        "'They' in 'X said they would' is X",
        "Ukrainian officials said they would release forty Russian prisoners on Sunday.",
        "release",
        "RETREAT",
        {"UKR"},
    ),
    (
        "Expressed support is an event",
        "Brazil expressed support for Argentina's claim to the islands on Monday.",
        "support",
        "SUPPORT",
        {"BRA"},
    ),
    (
        "A group 'including' named leaders is those leaders' countries",
        "Leaders across Africa, including Kenyan President William Ruto and Ghanaian "
        "President Nana Akufo-Addo, condemned the coup in Niger.",
        "condemned",
        "ACCUSE",
        {"KEN", "GHA"},
    ),
    (
        "Cancelling a visit rejects it",
        "The Danish prime minister cancelled a planned visit to Washington on Wednesday.",
        "cancelled",
        "REJECT",
        {"DNK"},
    ),
    (
        "Calling something illegal censures it",
        "Spanish Foreign Minister Jose Manuel Albares called the detention illegal on Monday.",
        "called",
        "ACCUSE",
        {"ESP"},
    ),
    (
        "Calling someone a person is a phone call",
        "Italian Prime Minister Giorgia Meloni called President Emmanuel Macron on Sunday.",
        "called",
        "CONSULT",
        {"ITA"},
    ),
    (
        "Whatever is returned to someone is given back",
        "Germany returned a set of bronze sculptures to Nigeria in December.",
        "returned",
        "RETREAT",
        {"DEU"},
    ),
    (
        "A deadline given is an ultimatum",
        "Ecuador gave the Mexican ambassador a deadline of 72 hours to leave.",
        "gave",
        "THREATEN",
        {"ECU"},
    ),
    (
        "A protest lodged with a government is a complaint",
        "South Korea lodged a protest with Japan over the textbook on Friday.",
        "protest",
        "ACCUSE",
        {"KOR"},
    ),
    (
        "Pulling out of a deal rejects it",
        "Niger pulled out of the defence agreement with the United States in March.",
        "pulled",
        "REJECT",
        {"NER"},
    ),
    (
        "Suspending a newspaper's publication coerces",
        "Authorities in Nicaragua suspended publication of an opposition newspaper.",
        "suspended",
        "COERCE",
        {"NIC"},
    ),
    (
        "An attack that kills is its author's",
        "A suicide bombing by the Islamic State group killed nine people in Kabul on Friday.",
        "killed",
        "ASSAULT",
        {"ISIL"},  # a group without a home country stands under its own code
    ),
    (
        "An attack in words is an accusation",
        "Polish Prime Minister Donald Tusk launched a scathing attack on Hungary's government "
        "on Monday.",
        "launched",
        "ACCUSE",
        {"POL"},
    ),
    (
        "Troops sent to keep the peace are aid",
        "Ireland sent 130 troops to the United Nations peacekeeping force in Lebanon.",
        "sent",
        "AID",
        {"IRL"},
    ),
    (
        "A court that finds someone guilty accuses",
        "A court in Oslo found a former Norwegian minister guilty of fraud on Monday.",
        "found",
        "ACCUSE",
        {"NOR"},
    ),
    (
        "Police searching a home investigate",
        "Greek police searched the offices of a shipping company in Piraeus on Friday.",
        "searched",
        "ACCUSE",
        {"GRC"},
    ),
    (
        "Evidence shared is intelligence cooperation",
        "Estonia shared intelligence with Latvia about the sabotage on Tuesday.",
        "shared",
        "COOPERATE",
        {"EST"},
    ),
    (
        "Restored relations recognise the other side",
        "Saudi Arabia and Iran restored diplomatic relations in March 2023.",
        "restored",
        "SUPPORT",
        None,
    ),
    (
        "Forces on high alert are mobilised",
        "South Korean forces were put on high alert after the missile launch.",
        "alert",
        "MOBILIZE",
        {"KOR"},
    ),
    (
        "Troops that remain on alert are mobilised",
        "Cambodian troops remained on alert along the border on Sunday.",
        "alert",
        "MOBILIZE",
        {"KHM"},
    ),
    (
        "Discussions held are consultations",
        "Malaysian Prime Minister Anwar Ibrahim held discussions with Thai Prime Minister "
        "Srettha Thavisin in Bangkok.",
        "discussions",
        "CONSULT",
        {"MYS"},
    ),
    (
        "A hyphenated cease-fire is a ceasefire",
        "Colombia announced a three-month cease-fire with the ELN on Monday.",
        "fire",
        "RETREAT",
        {"COL"},
    ),
    (
        "Opening fire assaults",
        "Border guards from Tajikistan opened fire on a Kyrgyz post on Tuesday.",
        "fire",
        "ASSAULT",
        None,
    ),
    (
        "Beefing up troops mobilises",
        "Lithuania beefed up its border forces in August.",
        "beefed",
        "MOBILIZE",
        {"LTU"},
    ),
    (
        "Evacuating civilians is humanitarian aid",
        "Jordan evacuated three hundred civilians from Gaza on Sunday.",
        "evacuated",
        "AID",
        {"JOR"},
    ),
    (
        "Support pledged is support",
        "Finnish President Alexander Stubb pledged his full support for the Moldovan government.",
        "pledged",
        "SUPPORT",
        {"FIN"},
    ),
    (
        "Military support pledged is aid",
        "Norway pledged military support to Ukraine on Monday.",
        "pledged",
        "AID",
        {"NOR"},
    ),
    (
        "Peacekeepers withdrawn are aid stopped",
        "Bangladesh withdrew its peacekeepers from South Sudan in 2024.",
        "withdrew",
        "SANCTION",
        {"BGD"},
    ),
    (
        "A compound names the object ('the ceasefire agreement')",
        "Rebels of the M23 violated the ceasefire agreement near Goma on Sunday.",
        "violated",
        "ASSAULT",
        None,
    ),
    (
        "A thing returned to someone, however the parse hangs the 'to'",
        "Britain returned a bronze head looted in 1897 to the Nigerian government.",
        "returned",
        "RETREAT",
        {"GBR"},
    ),
    (
        "A state of emergency declared is emergency rule",
        "Ecuador's government declared a state of emergency in three provinces on Monday.",
        "emergency",
        "COERCE",
        {"ECU"},
    ),
    (
        "Martial law is emergency rule",
        "South Korean President Yoon Suk Yeol declared martial law on Tuesday night.",
        "law",
        "COERCE",
        {"KOR"},
    ),
    (
        "Torture is an assault",
        "Belarusian police tortured detained protesters in Minsk, the report said.",
        "tortured",
        "ASSAULT",
        {"BLR"},
    ),
    (
        "Burning a flag is a protest",
        "Students in Dhaka burned an Indian flag on Friday.",
        "burned",
        "PROTEST",
        None,
    ),
    (
        "Taking in refugees is asylum given",
        "Canada accepted 40,000 Afghan refugees in 2023.",
        "accepted",
        "AID",
        {"CAN"},
    ),
    (
        "A protest staged by a counted crowd is theirs",
        "Hundreds of Georgian students staged a protest outside parliament in Tbilisi.",
        "protest",
        "PROTEST",
        {"GEO"},
    ),
    (
        "Criticism faced from someone is their accusation",
        "Hungary faced sharp criticism from the European Commission over the new law.",
        "criticism",
        "ACCUSE",
        {"EC"},
    ),
    (
        "Attacking a proposal is an accusation",
        "Finnish Prime Minister Petteri Orpo attacked the Swedish proposal on Monday.",
        "attacked",
        "ACCUSE",
        {"FIN"},
    ),
    (
        "Workers who strike protest",
        "Thousands of Belgian rail workers are preparing to strike next week.",
        "strike",
        "PROTEST",
        {"BEL"},
    ),
    (
        "Aid announced as a sum goes to whom it is for",
        "Japan announced $5 million in humanitarian aid for Sudanese refugees on Monday.",
        "aid",
        "AID",
        {"JPN"},
    ),
    (
        "Becoming a member joins",
        "Timor-Leste became a member of ASEAN in 2025.",
        "became",
        "COOPERATE",
        {"TLS"},
    ),
    (
        "Accepting a proposal agrees to it",
        "Armenia accepted the Azerbaijani proposal on Friday.",
        "accepted",
        "AGREE",
        {"ARM"},
    ),
    (
        "Calling a response disproportionate censures it",
        "Spain's foreign minister called the military response disproportionate and escalatory.",
        "called",
        "ACCUSE",
        {"ESP"},
    ),
    (
        "Regarding someone as a dictator censures him",
        "Chilean President Gabriel Boric said he regarded Nicolas Maduro as a dictator.",
        "regarded",
        "ACCUSE",
        {"CHL"},
    ),
    (
        "Missiles fired into the sea are a show of force",
        "North Korea fired two ballistic missiles into the sea off its east coast on Sunday.",
        "fired",
        "MOBILIZE",
        {"PRK"},
    ),
    (
        "Armed men are an armed group",
        "Armed men attacked a police post in northern Burkina Faso on Sunday.",
        "attacked",
        "ASSAULT",
        {None},
    ),
]

NO_EVENT = [
    (
        "Calling someone something is no phone call",
        "Kenyan President William Ruto called the Ethiopian leader a brother on Monday.",
    ),
    (
        "A reward offered is no aid",
        "The Colombian government is offering a reward of $100,000 for information.",
    ),
    (
        "Discussions as a topic are no meeting",
        "The cafe is the nerve centre for Cuban political discussions in Miami.",
    ),
    (
        "Something returned to a shop is no event",
        "The ministry said buyers should return the product to the store.",
    ),
    (
        "A stance is no act of support",
        "Analysts say Pakistan's support for militant groups in Kashmir has waned.",
    ),
    (
        "A passive after 'and' has no actor of its own",
        "Kenyan President William Ruto left the summit early, and a joint press "
        "conference was cancelled.",
    ),
    (
        "Calling a deal historic is no accusation",
        "Kenyan President William Ruto called the trade deal historic on Monday.",
    ),
]


@pytest.mark.parametrize(
    ("why", "text", "trigger", "etype", "actors"), CASES, ids=[c[0] for c in CASES]
)
def test_constructions_code_their_event(
    pipeline: Any, why: str, text: str, trigger: str, etype: str, actors: set[str] | None
) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    found = [e for e in ex.events if e.evidence.trigger == trigger]
    assert found, f"{why}: no event at {trigger!r}; got {[e.evidence.trigger for e in ex.events]}"
    event = found[0]
    assert event.type == etype, why
    if actors is not None:
        assert {a.country for a in event.actor} == actors, why
        assert all(a.sector for a in event.actor if a.country is None), why


@pytest.mark.parametrize(("why", "text"), NO_EVENT, ids=[c[0] for c in NO_EVENT])
def test_constructions_without_an_event(pipeline: Any, why: str, text: str) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    assert not [
        e
        for e in ex.events
        if e.type in ("SUPPORT", "REJECT", "ACCUSE", "CONSULT", "RETREAT", "AID")
    ], why


REFUSALS = [
    (
        "A refusal to ease is a rejection",
        "Japan will not lift its ban on Chinese seafood.",
        "lift",
        "REJECT",
        "yield",
        "occurred",
    ),
    (
        "A refusal to help is a rejection",
        "Hungary said it would not provide weapons to Ukraine.",
        "provide",
        "REJECT",
        "assist",
        "occurred",
    ),
    (
        "A past non-event stays negated",
        "Egypt did not release the detained journalists.",
        "release",
        "RETREAT",
        "release",
        "negated",
    ),
    (
        "Willingness to yield is an offer",
        "Armenia is willing to withdraw its troops from the border villages.",
        "withdraw",
        "AGREE",
        None,
        "occurred",
    ),
    (
        "Unwillingness to meet is a rejection",
        "Iran is not ready to meet American officials in Oman.",
        "meet",
        "REJECT",
        "meet",
        "occurred",
    ),
    (
        "A failure to agree is negated",
        "Serbia and Kosovo failed to reach an agreement in Brussels on Monday.",
        "reach",
        "AGREE",
        None,
        "negated",
    ),
]


@pytest.mark.parametrize(
    ("why", "text", "trigger", "etype", "mode", "status"), REFUSALS, ids=[c[0] for c in REFUSALS]
)
def test_refusals_are_rejections_and_past_negations_stay_negated(
    pipeline: Any, why: str, text: str, trigger: str, etype: str, mode: str | None, status: str
) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    (event,) = [e for e in ex.events if e.evidence.trigger == trigger]
    assert (event.type, event.mode, event.status) == (etype, mode, status), why


def test_a_reported_obligation_is_the_speakers_demand(pipeline: Any) -> None:
    ex = pipeline.extract(
        "Turkey said Sweden must end its support for Kurdish militants.", published="2024-06-10"
    )
    (event,) = [e for e in ex.events if e.evidence.trigger == "end"]
    assert (event.type, event.status) == ("REQUEST", "occurred")
    assert [a.country for a in event.actor] == ["TUR"]
    assert [r.country for r in event.recipient] == ["SWE"]


def test_a_possessive_of_an_arrest_is_who_it_happens_to(pipeline: Any) -> None:
    ex = pipeline.extract("Police in Moscow detained Navalny's brother.", published="2024-06-10")
    (event,) = [e for e in ex.events if e.evidence.trigger == "detained"]
    assert [a.country for a in event.actor] == ["RUS"]


def test_calling_for_a_release_does_not_make_the_caller_the_releaser(pipeline: Any) -> None:
    ex = pipeline.extract(
        "Turkey's foreign minister called for Brunson's release on Monday.", published="2024-06-10"
    )
    releases = [e for e in ex.events if e.evidence.trigger == "release"]
    assert all(a.country != "TUR" for e in releases for a in e.actor)


def test_an_act_only_proposed_is_hypothetical(pipeline: Any) -> None:
    ex = pipeline.extract(
        "Senator Marco Rubio attacked President Joe Biden's proposal to ban Chinese drones.",
        published="2024-06-10",
    )
    (ban,) = [e for e in ex.events if e.evidence.trigger == "ban"]
    assert ban.status == "hypothetical"
    (attack,) = [e for e in ex.events if e.evidence.trigger == "attacked"]
    assert attack.type == "ACCUSE"


@pytest.mark.parametrize(
    ("text", "trigger", "recipients"),
    [
        (
            "Iran suspended its cooperation under the deal with the United States on Monday.",
            "suspended",
            {"USA"},
        ),
        (
            "Antony Blinken arrived in Beijing on Sunday.\n\nIt was a visit that Moscow had "
            "warned against for weeks.",
            "warned",
            {"USA"},
        ),
    ],
)
def test_a_suspension_or_warning_is_aimed_at_the_other_party(
    pipeline: Any, text: str, trigger: str, recipients: set[str]
) -> None:
    ex = pipeline.extract(text, published="2024-06-10")
    (event,) = [e for e in ex.events if e.evidence.trigger == trigger]
    assert {r.country for r in event.recipient} == recipients


def test_an_actor_named_once_is_listed_once(pipeline: Any) -> None:
    ex = pipeline.extract(
        "Poland, Hungary and the Czech Republic became full members of NATO in 1999.",
        published="1999-03-12",
    )
    (event,) = [e for e in ex.events if e.evidence.trigger == "became"]
    countries = [a.country for a in event.actor]
    assert sorted(countries) == ["CZE", "HUN", "POL"]
