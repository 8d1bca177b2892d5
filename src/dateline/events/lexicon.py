"""Trigger lexicon: which words can express which PLOVER event, and how roles attach.

A sense names the PLOVER type and mode, the role pattern used to find actor and
recipient, and constraints: ``objects`` restricts a verb to certain direct objects
("sign" an agreement, "impose" sanctions), ``nominal`` says whether the noun form counts.
Written by the project from the PLOVER definitions; general English, no document's words.
"""

from __future__ import annotations

from functools import cache

from dateline.events.nouns import CONTEXT_NOUNS, NOUNS
from dateline.events.object_words import (
    ACCESSION_NOUNS,
    AGREEMENT_NOUNS,
    AID_NOUNS,
    ATTACK_NOUNS,
    BORDER_NOUNS,
    CAPTIVE_NOUNS,
    CENSURE_WORDS,
    DIALOGUE_NOUNS,
    DIPLOMATIC_NOUNS,
    GROUP_NOUNS,
    HOSTILITY_NOUNS,
    MEETING_NOUNS,
    PROTEST_NOUNS,
    RESTRICTION_NOUNS,
    RETURNED_NOUNS,
    SANCTION_NOUNS,
    SUPPORT_NOUNS,
    TROOP_NOUNS,
    WELCOMED_NOUNS,
)
from dateline.events.sense import RolePattern, Sense
from dateline.events.sense import sense as _s

__all__ = [
    "RolePattern",
    "Sense",
    "all_trigger_lemmas",
    "noun_sense",
    "phrasal_senses",
    "trigger_lemmas_by_pos",
    "verb_senses",
]


# verb lemma -> senses (first whose constraints hold wins)
_VERBS: dict[str, tuple[Sense, ...]] = {
    # CONSULT
    "visit": (_s("CONSULT", "visit", "visit"),),
    "travel": (_s("CONSULT", "visit", "visit", preps=("to",)),),
    "tour": (_s("CONSULT", "visit", "visit"),),
    "arrive": (_s("CONSULT", "visit", "visit", preps=("in", "at")),),
    "leave": (_s("CONSULT", "visit", "visit", preps=("for",), requires_prep="for"),),
    "host": (_s("CONSULT", "host", "host"),),
    "meet": (_s("CONSULT", None, "meet"),),
    "discuss": (_s("CONSULT", None, "meet"),),
    "confer": (_s("CONSULT", None, "meet"),),
    "negotiate": (_s("CONSULT", "negotiate", "meet"),),
    "phone": (_s("CONSULT", "phone", "meet"),),
    "attend": (_s("CONSULT", None, "visit", objects=MEETING_NOUNS),),
    "mediate": (_s("CONSULT", "mediate", "default"),),
    # AGREE
    "agree": (_s("AGREE", None, "meet"),),
    "sign": (_s("AGREE", "sign", "meet", objects=AGREEMENT_NOUNS),),
    "conclude": (_s("AGREE", "sign", "meet", objects=AGREEMENT_NOUNS),),
    "ratify": (_s("AGREE", "sign", "default", objects=AGREEMENT_NOUNS + " " + ACCESSION_NOUNS),),
    "reach": (_s("AGREE", None, "meet", objects=AGREEMENT_NOUNS + " consensus understanding"),),
    # a pledge of aid is coded as the aid (as analysts count it); other pledges as AGREE
    # support pledged is support; material support ("military support") is aid
    "pledge": (
        _s("AID", None, "give", objects=AID_NOUNS),
        _s("SUPPORT", None, "give", objects=SUPPORT_NOUNS, preps=("for", "to")),
        _s("AGREE", None, "give"),
    ),
    "promise": (
        _s("AID", None, "give", objects=AID_NOUNS),
        _s("SUPPORT", None, "give", objects=SUPPORT_NOUNS, preps=("for", "to")),
        _s("AGREE", None, "give"),
    ),
    "offer": (
        _s("AID", None, "give", objects=AID_NOUNS),
        _s("SUPPORT", None, "give", objects=SUPPORT_NOUNS, preps=("for", "to")),
        _s("AGREE", None, "give"),
    ),
    # SUPPORT
    "support": (_s("SUPPORT", None, durative=True),),
    "back": (_s("SUPPORT", None, durative=True),),
    "endorse": (_s("SUPPORT", None),),
    "praise": (_s("SUPPORT", None),),
    "hail": (_s("SUPPORT", None),),
    "applaud": (_s("SUPPORT", None),),
    "congratulate": (_s("SUPPORT", None),),
    "defend": (_s("SUPPORT", "defend"),),
    "recognize": (_s("SUPPORT", "recognize"),),
    # diplomatic relations established, restored or upgraded: recognition
    "establish": (_s("SUPPORT", "recognize", "meet", objects=DIPLOMATIC_NOUNS),),
    "restore": (_s("SUPPORT", "recognize", "meet", objects=DIPLOMATIC_NOUNS),),
    "upgrade": (_s("SUPPORT", "recognize", "meet", objects=DIPLOMATIC_NOUNS),),
    "normalize": (_s("SUPPORT", "recognize", "meet", objects=DIPLOMATIC_NOUNS),),
    "normalise": (_s("SUPPORT", "recognize", "meet", objects=DIPLOMATIC_NOUNS),),
    "recognise": (_s("SUPPORT", "recognize"),),
    "apologize": (_s("SUPPORT", "apologize", preps=("to",)),),
    "apologise": (_s("SUPPORT", "apologize", preps=("to",)),),
    # COOPERATE
    "cooperate": (_s("COOPERATE", None, "meet", durative=True),),
    "share": (
        _s(
            "COOPERATE",
            "intelligence",
            "meet",
            objects="evidence information intelligence data findings details",
        ),
    ),
    "collaborate": (_s("COOPERATE", None, "meet", durative=True),),
    # AID
    "aid": (_s("AID", None),),
    "supply": (_s("AID", None, "give", durative=True),),
    "provide": (_s("AID", None, "give", objects=AID_NOUNS, durative=True),),
    "send": (
        _s(
            "ASSAULT",
            "invasion",
            "give",
            objects=TROOP_NOUNS,
            preps=("into",),
            requires_prep="into",
        ),
        _s("MOBILIZE", "troops", "give", objects=TROOP_NOUNS, preps=("to",)),
        _s("AID", None, "give", objects=AID_NOUNS),
    ),
    "deliver": (_s("AID", None, "give", objects=AID_NOUNS),),
    "donate": (_s("AID", None, "give"),),
    "fund": (_s("AID", "economic", durative=True),),
    "arm": (_s("AID", "military", durative=True),),
    "give": (
        _s("AID", None, "give", objects=AID_NOUNS),
        _s("THREATEN", "ultimatum", "give", objects="deadline ultimatum"),
        _s("RETREAT", "access", "give", objects="permission authorization approval"),
    ),
    "approve": (
        _s("AGREE", None, "default", objects=ACCESSION_NOUNS + " " + AGREEMENT_NOUNS),
        _s("CONCEDE", "policy", objects="request demand appeal"),
        _s("RETREAT", "release", objects="pardon clemency release"),
        _s("AID", None, "give", objects=AID_NOUNS),
    ),
    "announce": (_s("AID", None, "give", objects=AID_NOUNS),),
    "contribute": (_s("AID", None, "give", objects=AID_NOUNS),),
    # ACCUSE
    "accuse": (_s("ACCUSE", None),),
    "blame": (_s("ACCUSE", None),),
    "condemn": (_s("ACCUSE", "disapprove"),),
    "criticize": (_s("ACCUSE", "disapprove"),),
    "criticise": (_s("ACCUSE", "disapprove"),),
    "denounce": (_s("ACCUSE", "disapprove"),),
    "slam": (_s("ACCUSE", "disapprove"),),
    "rebuke": (_s("ACCUSE", "disapprove"),),
    "investigate": (_s("ACCUSE", "investigate"),),
    # "police searched his home": an investigation of its owner
    "search": (
        _s(
            "ACCUSE",
            "investigate",
            objects="home house residence office offices premises "
            "headquarters apartment flat compound",
        ),
    ),
    "sue": (_s("ACCUSE", "sue"),),
    "charge": (_s("ACCUSE", "allege", requires_prep="with"),),
    "indict": (_s("ACCUSE", "allege"),),
    "convict": (_s("ACCUSE", "allege"),),
    "outlaw": (_s("COERCE", None),),
    "ban": (
        _s(
            "SANCTION",
            "restrict",
            objects="import imports export exports flight flights "
            "trade travel airline airlines carrier carriers",
            preps=("from", "on", "to"),
        ),
        _s("COERCE", "restrict", needs_object=True),
    ),
    "fault": (_s("ACCUSE", "disapprove"),),
    # what X is called in censure: "described the vote as a sham", "branded him a traitor"
    **dict.fromkeys(
        ("describe", "regard", "label", "brand", "dub", "term"),
        (_s("ACCUSE", "disapprove", objects=CENSURE_WORDS, requires_dep="oprd"),),
    ),
    "allege": (_s("ACCUSE", "allege"),),
    # REJECT
    "reject": (_s("REJECT", None),),
    "refuse": (_s("REJECT", None),),
    "deny": (_s("REJECT", None),),
    "veto": (_s("REJECT", "veto"),),
    "dismiss": (_s("REJECT", None),),
    "rebuff": (_s("REJECT", None),),
    "oppose": (_s("REJECT", None, durative=True),),
    "defy": (_s("REJECT", "defy"),),
    # THREATEN
    "threaten": (_s("THREATEN", None),),
    "warn": (_s("THREATEN", None),),
    # REQUEST
    "urge": (_s("REQUEST", None),),
    "ask": (_s("REQUEST", None),),
    "demand": (_s("REQUEST", None),),
    "request": (_s("REQUEST", None),),
    "appeal": (_s("REQUEST", None, preps=("to",)),),
    "call": (
        # "called the remark wrong", "called X a dictator" (the words are the predicate's)
        _s("ACCUSE", "disapprove", objects=CENSURE_WORDS, requires_dep="oprd"),
        _s("REQUEST", None, preps=("from", "on"), requires_prep="for"),
        _s("REQUEST", None, preps=("on",), requires_prep="on", requires_dep="xcomp"),
        # "X called Y on Tuesday": a phone call
        _s(
            "CONSULT",
            "phone",
            "meet",
            objects="PERSON counterpart president minister leader",
            excludes_dep="oprd",  # "called X a dealmaker" is no phone call
        ),
    ),
    "summon": (_s("ACCUSE", "disapprove"),),
    "invite": (_s("REQUEST", "meet"),),
    # SANCTION
    "sanction": (_s("SANCTION", None),),
    "impose": (_s("SANCTION", None, "give", objects=SANCTION_NOUNS, preps=("on", "against")),),
    "expel": (_s("SANCTION", "expel"),),
    "sever": (_s("SANCTION", "withdraw", objects="ties relation relations"),),
    "cut": (_s("SANCTION", "withdraw", objects="ties relation relations aid funding assistance"),),
    "suspend": (
        _s("REJECT", None, objects=AGREEMENT_NOUNS + " participation membership"),
        _s(
            "SANCTION",
            "discontinue",
            objects="aid ties relation relations talks cooperation channel channels trade "
            "visa visas flights dialogue exchanges imports exports link links mediation "
            "supply supplies delivery deliveries donation donations shipment shipments",
        ),
        _s("COERCE", "restrict", objects="publication broadcast broadcasts license licence"),
    ),
    # ending something: a concession for a protest, a ceasefire for hostilities, an easing
    # for a restriction, a breaking off for talks or help ("ended the strike/its mediation")
    "end": (
        _s("CONCEDE", "policy", objects=PROTEST_NOUNS),
        _s("RETREAT", "ceasefire", objects=HOSTILITY_NOUNS),
        _s("RETREAT", "ease", objects=RESTRICTION_NOUNS),
        _s("SANCTION", "discontinue", objects=DIALOGUE_NOUNS),
    ),
    "stop": (
        _s("RETREAT", "ceasefire", objects=HOSTILITY_NOUNS),
        _s("SANCTION", "discontinue", objects=DIALOGUE_NOUNS),
    ),
    "cease": (_s("RETREAT", "ceasefire", objects=HOSTILITY_NOUNS + " fire"),),
    "cancel": (
        _s("REJECT", "meet", objects=MEETING_NOUNS + " visit trip tour"),
        _s("SANCTION", "discontinue", objects=DIALOGUE_NOUNS),
    ),
    "reduce": (
        _s("SANCTION", "discontinue", objects=DIALOGUE_NOUNS),
        _s("RETREAT", "withdraw", objects=TROOP_NOUNS + " presence"),
    ),
    # keeping a measure in force: the measure again
    "extend": (
        _s("SANCTION", None, objects=SANCTION_NOUNS, preps=("on", "against")),
        _s("COERCE", "curfew", objects="curfew lockdown"),
        _s("RETREAT", "ceasefire", objects="ceasefire truce"),
    ),
    "renew": (
        _s("SANCTION", None, objects=SANCTION_NOUNS, preps=("on", "against")),
        _s("RETREAT", "ceasefire", objects="ceasefire truce"),
    ),
    "prolong": (_s("SANCTION", None, objects=SANCTION_NOUNS, preps=("on", "against")),),
    "intensify": (_s("ASSAULT", None, objects=HOSTILITY_NOUNS),),
    "escalate": (_s("ASSAULT", None, objects=HOSTILITY_NOUNS),),
    "close": (_s("SANCTION", "restrict", objects=BORDER_NOUNS, preps=("to",)),),
    "hit": (_s("ASSAULT", None),),
    "apply": (_s("REQUEST", None, preps=("to", "for")),),
    "join": (_s("COOPERATE", None, objects=GROUP_NOUNS),),
    "speak": (_s("CONSULT", None, "meet", requires_prep="with"),),
    "broker": (_s("CONSULT", "mediate"),),
    "welcome": (
        _s("CONSULT", "host", "host", objects="president minister leader delegation"),
        # "welcomed the decision": approval of another's act
        _s("SUPPORT", None, objects=WELCOMED_NOUNS),
    ),
    "freeze": (_s("SANCTION", None, objects="asset assets aid assistance"),),
    "pause": (_s("SANCTION", "discontinue", objects=AID_NOUNS + " ties talks cooperation"),),
    "halt": (_s("SANCTION", "discontinue", objects=AID_NOUNS + " ties talks cooperation"),),
    "boycott": (_s("PROTEST", "boycott"),),
    "burn": (_s("PROTEST", "demo", objects="flag flags effigy effigies"),),
    # MOBILIZE
    "mobilize": (_s("MOBILIZE", "troops"),),
    "mobilise": (_s("MOBILIZE", "troops"),),
    "deploy": (_s("MOBILIZE", "troops", "give", preps=("to", "along", "near", "into")),),
    "mass": (_s("MOBILIZE", "troops", objects=TROOP_NOUNS),),
    "reinforce": (
        _s(
            "MOBILIZE",
            "troops",
            objects=TROOP_NOUNS + " presence defences defenses border borders position positions",
        ),
    ),
    "bolster": (_s("MOBILIZE", "troops", objects=TROOP_NOUNS + " presence defences defenses"),),
    # getting people out of danger
    # taking in people who fled: asylum given
    "accept": (
        _s(
            "AID",
            "asylum",
            objects="refugee refugees migrant migrants asylum-seekers seekers people",
        ),
        # accepting a proposal or terms is agreeing to them
        _s(
            "AGREE",
            None,
            objects="proposal offer plan deal agreement terms ceasefire truce conditions",
        ),
    ),
    "evacuate": (
        _s(
            "AID",
            "humanitarian",
            objects="citizens nationals people civilians "
            "residents children wounded patients refugees",
        ),
    ),
    # COERCE
    "arrest": (_s("COERCE", "arrest"),),
    "detain": (_s("COERCE", "arrest"),),
    "jail": (_s("COERCE", "arrest"),),
    "imprison": (_s("COERCE", "arrest"),),
    "deport": (_s("COERCE", "deport"),),
    "seize": (_s("COERCE", "confiscate"),),
    "blockade": (_s("COERCE", "blockade"),),
    "occupy": (_s("COERCE", "occupy", durative=True),),
    "annex": (_s("COERCE", "occupy"),),
    # ASSAULT
    "attack": (_s("ASSAULT", None),),
    "target": (
        _s(
            "ASSAULT",
            None,
            objects="infrastructure civilians civilian site sites city cities town towns port "
            "ports base bases facility facilities position positions convoy camp camps",
        ),
    ),
    "violate": (_s("ASSAULT", None, objects="ceasefire truce border airspace sovereignty"),),
    "strike": (_s("ASSAULT", None),),
    "bomb": (_s("ASSAULT", "aerial"),),
    "drop": (_s("ASSAULT", "aerial", "give", objects="bomb bombs munitions", preps=("on",)),),
    "shell": (_s("ASSAULT", "heavy-weapons"),),
    "invade": (_s("ASSAULT", "invasion"),),
    "kill": (_s("ASSAULT", None),),
    "shoot": (_s("ASSAULT", "firearms"),),
    "raid": (_s("ASSAULT", None),),
    "storm": (_s("ASSAULT", None),),
    "launch": (
        _s("ASSAULT", None, "give", objects=ATTACK_NOUNS, preps=("on", "against", "at", "into")),
    ),
    "fire": (
        _s(
            "ASSAULT",
            None,
            "give",
            objects=ATTACK_NOUNS + " shell shells",
            preps=("at", "on", "into"),
        ),
    ),
    "carry": (_s("ASSAULT", None, "give", objects=ATTACK_NOUNS, preps=("on", "against", "in")),),
    "abduct": (_s("ASSAULT", "abduct"),),
    "torture": (_s("ASSAULT", "beat"),),
    "beat": (
        _s(
            "ASSAULT",
            "beat",
            objects="protester protesters demonstrator demonstrators "
            "prisoner prisoners detainee detainees journalist journalists activist activists",
        ),
    ),
    "kidnap": (_s("ASSAULT", "abduct"),),
    "assassinate": (_s("ASSAULT", "assassinate"),),
    # RETREAT / CONCEDE
    "withdraw": (_s("RETREAT", "withdraw", preps=("from",)),),
    "retreat": (_s("RETREAT", "withdraw", preps=("from",)),),
    "release": (_s("RETREAT", "release", objects=CAPTIVE_NOUNS),),
    "free": (_s("RETREAT", "release", objects=CAPTIVE_NOUNS),),
    "lift": (_s("RETREAT", "ease", objects=RESTRICTION_NOUNS),),
    "ease": (_s("RETREAT", "ease", objects=RESTRICTION_NOUNS),),
    # giving back what was taken or held: territory, control, remains, captives
    "return": (
        _s("RETREAT", "return", objects=RETURNED_NOUNS),
        # "returned the statue to Italy": anything handed back to someone
        _s("RETREAT", "return", needs_object=True, requires_prep="to", needs_recipient=True),
    ),
    "surrender": (_s("RETREAT", "disarm"),),
    "disarm": (_s("RETREAT", "disarm"),),
    "demobilize": (_s("RETREAT", "disarm"),),
    "demobilise": (_s("RETREAT", "disarm"),),
    "pardon": (_s("RETREAT", "release"),),
    "grant": (
        _s("RETREAT", "access", objects="access entry passage corridor visas visa permission"),
        _s("CONCEDE", "policy", objects="amnesty asylum request demand concession concessions"),
        _s("RETREAT", "release", objects="pardon clemency bail"),
    ),
    "resign": (_s("CONCEDE", "leadership"),),
    "repeal": (_s("CONCEDE", "policy"),),
    "reverse": (_s("CONCEDE", "policy", objects="decision ban policy order ruling"),),
    "concede": (_s("CONCEDE", None),),
    "yield": (_s("CONCEDE", None),),
    # PROTEST
    "protest": (_s("PROTEST", "demo"),),
    "demonstrate": (_s("PROTEST", "demo"),),
    "rally": (_s("PROTEST", "demo"),),
    "riot": (_s("PROTEST", "riot"),),
}

# "verb particle" -> senses: phrasal verbs whose particle changes the meaning
_PHRASAL: dict[str, tuple[Sense, ...]] = {
    "call off": (
        _s("CONCEDE", "policy", objects=PROTEST_NOUNS),
        _s("REJECT", "meet", objects=MEETING_NOUNS + " visit trip"),
        _s("RETREAT", "ceasefire", objects=HOSTILITY_NOUNS),
    ),
    "step up": (
        _s("ASSAULT", None, objects=HOSTILITY_NOUNS),
        _s("MOBILIZE", "troops", objects=TROOP_NOUNS + " presence patrols deployment"),
    ),
    "beef up": (_s("MOBILIZE", "troops", objects=TROOP_NOUNS + " presence defences defenses"),),
    "build up": (_s("MOBILIZE", "troops", objects=TROOP_NOUNS + " presence"),),
    "force out": (_s("COERCE", "deport"),),
    "scale back": (
        _s("SANCTION", "discontinue", objects=DIALOGUE_NOUNS),
        _s("RETREAT", "withdraw", objects=TROOP_NOUNS + " presence"),
    ),
    "cut off": (_s("SANCTION", "discontinue", objects=DIALOGUE_NOUNS),),
    "roll back": (_s("RETREAT", "ease", objects=RESTRICTION_NOUNS),),
    "hand over": (_s("RETREAT", "return", objects=RETURNED_NOUNS + " " + CAPTIVE_NOUNS),),
    # out of a deal is a rejection of it, out of a place a withdrawal
    # "found X guilty of": the second word is the predicate, not a particle
    "find guilty": (_s("ACCUSE", "allege"),),
    # "became a member of the alliance": joining it
    "become member": (_s("COOPERATE", None, preps=("of",)),),
    "hold responsible": (_s("ACCUSE", None),),
    "hold accountable": (_s("ACCUSE", None),),
    "pull out": (
        _s("REJECT", None, objects=AGREEMENT_NOUNS + " initiative arrangement"),
        _s("RETREAT", "withdraw", preps=("of", "from")),
    ),
}

# Verbs that only carry a nominal trigger ("pay a visit", "hold talks", "launch an attack").
LIGHT_VERBS = frozenset(
    [
        "pay",
        "make",
        "take",
        "hold",
        "have",
        "conduct",
        "carry",
        "launch",
        "stage",
        "stag",  # the lemmatizer's lemma of "staged"
        "begin",
        "start",
        "continue",
        "resume",
        "host",
        "join",
        "attend",
        "reach",
        "sign",
        "hold",
        "schedule",
        "plan",
        "announce",
        "undertake",
        "embark",
        "open",
        "file",
        "initiate",
        "declare",
        "issue",
        "impose",
        "order",
        "lead",
        "go",
        "voice",
        "express",
        "step",
        "intensify",
        "escalate",
        "lodge",
        "register",
        "remain",
        "stay",
        "put",
        "place",
    ]
)

# Verbs whose complement is an event they deny: "X denied supplying arms" codes the
# supplying as negated, not a rejection.
DENIAL_VERBS = frozenset({"deny"})

# Verbs of saying: their complement may hold an event; they are not events themselves.
SPEECH_VERBS = frozenset(
    [
        "say",
        "tell",
        "confirm",
        "announce",
        "add",
        "state",
        "report",
        "claim",
        "note",
        "write",
        "insist",
        "argue",
        "believe",
        "think",
        "suggest",
        "indicate",
        "explain",
        "declare",
        "stress",
        "reiterate",
        "acknowledge",
    ]
)


@cache
def verb_senses(lemma: str) -> tuple[Sense, ...]:
    return _VERBS.get(lemma.lower(), ())


@cache
def phrasal_senses(lemma: str, particle: str) -> tuple[Sense, ...]:
    """Senses of a phrasal verb ("call off"), none where the pair has no sense of its own."""
    return _PHRASAL.get(f"{lemma.lower()} {particle.lower()}", ())


@cache
def noun_sense(lemma: str) -> Sense | None:
    return NOUNS.get(lemma.lower())


def all_trigger_lemmas() -> frozenset[str]:
    """Every lemma that can start an event (for quick sentence filtering)."""
    verbs, nouns = trigger_lemmas_by_pos()
    return verbs | nouns


@cache
def trigger_lemmas_by_pos() -> tuple[frozenset[str], frozenset[str]]:
    """The lemmas that can start an event as a verb, and as a noun ("force" only counts as
    a verb, in "forced out"; "forces" as a noun starts nothing)."""
    verbs = frozenset(_VERBS) | frozenset(k.split()[0] for k in _PHRASAL)
    return verbs, frozenset(NOUNS) | CONTEXT_NOUNS
