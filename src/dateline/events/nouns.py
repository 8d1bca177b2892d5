"""Noun triggers: which nouns name which PLOVER event, and the contexts that change a
noun's sense (the verb governing it, a head noun after it, a labour strike's words).
Written by the project from the PLOVER definitions; general English, no document's words.
"""

from __future__ import annotations

from dateline.events.sense import Sense
from dateline.events.sense import sense as _s

# noun lemma -> sense; a noun counts as a trigger on its own (as subject, object of a
# light verb, in a possessive "X's visit to Y", or as a bare noun phrase "talks with Y").
DISCUSSION_VERBS = "hold have conduct begin start continue open resume launch"

NOUNS: dict[str, Sense] = {
    "visit": _s("CONSULT", "visit", "visit"),
    "trip": _s("CONSULT", "visit", "visit"),
    "tour": _s("CONSULT", "visit", "visit"),
    "talk": _s("CONSULT", None, "meet"),
    "talks": _s("CONSULT", None, "meet"),
    "meeting": _s("CONSULT", None, "meet"),
    "summit": _s("CONSULT", None, "meet"),
    "negotiation": _s("CONSULT", "negotiate", "meet"),
    "negotiations": _s("CONSULT", "negotiate", "meet"),
    "consultation": _s("CONSULT", None, "meet"),
    "call": _s("CONSULT", "phone", "meet", modifiers="phone telephone video"),
    "backing": _s("SUPPORT", None, durative=True),
    "cooperation": _s("COOPERATE", None, "meet", durative=True),
    # "aid *for* Palestinians", "assistance *to* Ukraine": the beneficiary
    "aid": _s("AID", None, "give", preps=("to", "for")),
    "assistance": _s("AID", None, "give", preps=("to", "for")),
    "accusation": _s("ACCUSE", None),
    "condemnation": _s("ACCUSE", "disapprove"),
    "criticism": _s("ACCUSE", "disapprove"),
    "investigation": _s("ACCUSE", "investigate", preps=("into", "of", "against")),
    "probe": _s("ACCUSE", "investigate", preps=("into", "of", "against")),
    "inquiry": _s("ACCUSE", "investigate", preps=("into", "of", "against")),
    "lawsuit": _s("ACCUSE", "sue", preps=("against",)),
    "rejection": _s("REJECT", None),
    "veto": _s("REJECT", "veto"),
    "threat": _s("THREATEN", None),
    "warning": _s("THREATEN", None),
    "curfew": _s("COERCE", None),
    "ultimatum": _s("THREATEN", "ultimatum"),
    "demand": _s("REQUEST", None),
    "appeal": _s("REQUEST", None),
    "sanction": _s("SANCTION", None, preps=("on", "against")),
    "sanctions": _s("SANCTION", None, preps=("on", "against")),
    "embargo": _s("SANCTION", None, preps=("on", "against")),
    "expulsion": _s("SANCTION", "expel"),
    "mobilization": _s("MOBILIZE", "troops"),
    "mobilisation": _s("MOBILIZE", "troops"),
    "deployment": _s("MOBILIZE", "troops"),
    "buildup": _s("MOBILIZE", "troops"),
    "drill": _s("MOBILIZE", "troops", modifiers="military naval joint war air live-fire"),
    "drills": _s("MOBILIZE", "troops", modifiers="military naval joint war air live-fire"),
    "exercise": _s("MOBILIZE", "troops", modifiers="military naval joint war air live-fire"),
    "arrest": _s("COERCE", "arrest"),
    "detention": _s("COERCE", "arrest"),
    "blockade": _s("COERCE", "blockade"),
    "occupation": _s("COERCE", "occupy", durative=True),
    "annexation": _s("COERCE", "occupy"),
    "attack": _s("ASSAULT", None, preps=("on", "against", "in")),
    "strike": _s("ASSAULT", None, preps=("on", "against", "in")),
    "airstrike": _s("ASSAULT", "aerial", preps=("on", "against", "in")),
    "bombing": _s("ASSAULT", "aerial", preps=("on", "against", "in")),
    "shelling": _s("ASSAULT", "heavy-weapons", preps=("on", "against", "in")),
    "invasion": _s("ASSAULT", "invasion", preps=("of", "into")),
    "offensive": _s("ASSAULT", None, preps=("on", "against", "in")),
    "raid": _s("ASSAULT", None, preps=("on", "against", "in")),
    "withdrawal": _s("RETREAT", "withdraw", preps=("from",)),
    "ceasefire": _s("RETREAT", "ceasefire", "meet"),
    "truce": _s("RETREAT", "ceasefire", "meet"),
    "killing": _s("ASSAULT", None, preps=("of", "in")),
    "killings": _s("ASSAULT", None, preps=("of", "in")),
    "campaign": _s("ASSAULT", None, modifiers="military bombing air missile drone"),
    "mediation": _s("CONSULT", "mediate", "meet"),
    "protest": _s("PROTEST", "demo"),
    "protests": _s("PROTEST", "demo"),
    "demonstration": _s("PROTEST", "demo"),
    "rally": _s("PROTEST", "demo"),
    "riot": _s("PROTEST", "riot"),
    "boycott": _s("PROTEST", "boycott", preps=("of",)),
    "release": _s("RETREAT", "release", preps=("of", "from")),
    "pardon": _s("RETREAT", "release", preps=("of", "for")),
    # "its support for X" describes a stance; "expressed support for X" is the event
    "support": _s(
        "SUPPORT",
        None,
        preps=("for", "to", "of"),
        governors="express voice declare pledge offer reiterate reaffirm affirm show signal",
    ),
    "endorsement": _s("SUPPORT", None, preps=("of", "for")),
    "recognition": _s(
        "SUPPORT", "recognize", preps=("of",), modifiers="diplomatic formal official international"
    ),
    "charge": _s("ACCUSE", "allege", preps=("against",)),
    "charges": _s("ACCUSE", "allege", preps=("against",)),
    "indictment": _s("ACCUSE", "allege", preps=("against", "of")),
    "complaint": _s("ACCUSE", None, preps=("against",)),
    "action": _s("ACCUSE", "sue", preps=("against",), modifiers="legal court"),
    "request": _s("REQUEST", None, preps=("to", "from")),
    "suspension": _s("SANCTION", "discontinue", preps=("of", "to", "with")),
    "funding": _s("AID", "economic", "give"),
    "crackdown": _s("COERCE", None, preps=("on", "against")),
    "deportation": _s("COERCE", "deport", preps=("of", "to")),
    "seizure": _s("COERCE", "confiscate", preps=("of",)),
    "resignation": _s("CONCEDE", "leadership"),
    "warfare": _s("ASSAULT", None, preps=("on", "against")),
    # "troops remained on high alert", "put forces on alert"
    "alert": _s("MOBILIZE", "alert", governors="remain stay put place keep go"),
    "assault": _s("ASSAULT", None, preps=("on", "against", "in")),
    "torture": _s("ASSAULT", "beat", preps=("of",)),
    "cessation": _s("RETREAT", "ceasefire", "meet"),
    # held or opened, not "political discussions" as a topic
    "discussion": _s("CONSULT", None, "meet", governors=DISCUSSION_VERBS),
    "discussions": _s("CONSULT", None, "meet", governors=DISCUSSION_VERBS),
}

#: A noun whose verb makes it another event: a protest *lodged* with a government is a
#: diplomatic complaint, not a street protest.
GOVERNED_NOUNS: dict[tuple[str, str], Sense] = {
    ("protest", "lodge"): _s("ACCUSE", "disapprove", preps=("with", "to", "against")),
    ("protest", "file"): _s("ACCUSE", "disapprove", preps=("with", "to", "against")),
    ("protest", "register"): _s("ACCUSE", "disapprove", preps=("with", "to", "against")),
    # "security forces opened fire on protesters"
    ("fire", "open"): _s("ASSAULT", "firearms", preps=("on", "at", "into")),
}

#: Heads that make a trigger noun in front of them the event ("a *mediation* effort",
#: "a *curfew* order"): the roles are the head's.
EVENT_HEADS = frozenset(
    [
        "effort",
        "efforts",
        "campaign",
        "drive",
        "bid",
        "mission",
        "order",
        "orders",
        "operation",
        "warrant",
    ]
)

#: A labour strike, not an air strike: what the strike noun sits in ("went *on* strike",
#: "a *hunger* strike", "called off the strike").
LABOUR_STRIKE_WORDS = frozenset(
    ["hunger", "general", "sit-in", "labour", "labor", "worker", "workers"]
)
LABOUR_STRIKE = _s("PROTEST", None, preps=("against", "at", "over"))
#: Who strikes in the labour sense ("workers are preparing to strike").
LABOUR_SUBJECTS = frozenset(
    {"worker", "employee", "staff", "crew", "teacher", "doctor", "nurse", "driver", "pilot"}
    | {"miner", "union", "docker", "journalist", "member", "guard", "controller", "officer"}
)
HUNGER_STRIKE = _s("PROTEST", "hunger", preps=("against", "at", "over"))

#: What makes an attack one of words ("a *scathing* attack on the minister").
VERBAL_ATTACK_WORDS = frozenset(
    {"verbal", "scathing", "blistering", "stinging", "withering", "rhetorical", "personal"}
    | {"vitriolic", "broadside"}
)
VERBAL_ATTACK = _s("ACCUSE", "disapprove", preps=("on", "against"))

#: Troops sent to keep the peace are aid (PLOVER's AID peacekeeping), not a mobilisation.
PEACEKEEPING_WORDS = frozenset(
    {"peacekeeping", "peacekeeper", "peacekeepers", "peace-keeping", "observer", "observers"}
)

#: Nouns that are triggers only in a context (GOVERNED_NOUNS, "cease-fire" split by the
#: tokenizer), which a sentence filter must let through as nouns.
CONTEXT_NOUNS = frozenset(
    {noun for noun, _ in GOVERNED_NOUNS} | {"fire", "emergency", "siege", "law"}
)
CEASEFIRE = NOUNS["ceasefire"]

#: Modifiers that make support material: aid, not approval ("*military* support").
MATERIAL_WORDS = frozenset(
    {"military", "financial", "economic", "humanitarian", "logistical", "material"}
    | {"medical", "technical", "budget", "budgetary", "security"}
)

#: Emergency rule: "a state of emergency" or "of siege", "martial law".
EMERGENCY_RULE = _s("COERCE", "martial-law")
EMERGENCY_NOUNS = frozenset({"emergency", "siege"})

#: What can only be attacked in words ("attacked the proposal", "attacked his record").
ABSTRACT_TARGETS = frozenset(
    {"proposal", "plan", "policy", "policies", "idea", "remark", "comment", "decision", "law"}
    | {"bill", "statement", "record", "report", "ruling", "deal", "agreement", "speech"}
    | {"approach", "stance", "position", "handling", "response", "claim", "move", "budget"}
)
