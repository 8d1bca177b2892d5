"""Event status from the clause around a trigger: planned, ongoing, negated, hypothetical.

Cues are read on the trigger, on the verb that governs a nominal trigger ("will pay a
visit"), and up a chain of control verbs ("is set to attend", "plans to visit").
"""

from __future__ import annotations

from typing import Literal

from dateline.nlp import Token
from dateline.records import Status

PLANNING_VERBS = frozenset(
    [
        "plan",
        "intend",
        "aim",
        "expect",
        "schedule",
        "set",
        "due",
        "prepare",
        "seek",
        "hope",
        "want",
        "propose",
        "agree",
        "decide",
        "arrange",
        "slate",
    ]
)
PLANNING_ADJECTIVES = frozenset(
    [
        "upcoming",
        "planned",
        "forthcoming",
        "proposed",
        "scheduled",
        "expected",
        "next",
        "future",
        "impending",
    ]
)
CONTINUING_VERBS = frozenset(["continue", "keep", "remain", "persist"])
HEDGE_MODALS = frozenset({"could", "might", "may", "should", "would", "can", "must"})
FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo"})
CONDITION_MARKERS = frozenset({"if", "unless", "whether"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})
#: Nouns whose to-infinitive is only put forward ("a proposal to ban", "calls to expel").
PROPOSAL_NOUNS = frozenset(
    {"proposal", "idea", "suggestion", "call", "demand", "threat", "bid", "attempt", "push"}
)
#: Control verbs that say their complement did not happen.
FAILURE_VERBS = frozenset({"fail"})
SPEECH = frozenset(
    ["say", "tell", "confirm", "announce", "add", "state", "report", "claim", "note", "insist"]
)


def _aux_words(verb: Token) -> list[str]:
    return [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass", "neg")]


def _chain(trigger: Token) -> list[Token]:
    """The trigger, its governing verb if nominal, and control verbs above it."""
    chain = [trigger]
    tok = trigger
    # A nominal trigger takes its clause's tense and modality from the verb that carries it
    # ("will pay a visit", "is due for talks"), not from a clause it only dates ("Ukraine
    # would never be ..., a day after his trip").
    carried = tok.dep_ in ("dobj", "attr", "nsubj") or (
        tok.dep_ == "pobj" and tok.head.lower_ in ("for", "on", "to", "with", "in")
    )
    if tok.pos_ in ("NOUN", "PROPN") and carried:
        head = tok.head
        if head.dep_ == "prep":
            head = head.head
        chain.append(head)
        tok = head
    for _ in range(3):
        if tok.dep_ in ("xcomp",) and tok.head.pos_ in ("VERB", "AUX", "ADJ"):
            tok = tok.head
            chain.append(tok)
        elif tok.dep_ == "acl" and tok.pos_ == "VERB" and tok.lemma_ in PLANNING_VERBS:
            chain.append(tok)
            break
        else:
            break
    return chain


def event_status(trigger: Token, durative: bool) -> Status:
    chain = _chain(trigger)
    words: list[str] = []
    for t in chain:
        words.extend(_aux_words(t))
    lemmas = {t.lemma_.lower() for t in chain}
    # Negation: on the trigger or on the verbs that carry it; "no talks"; a denial.
    if trigger.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") and trigger.head.lemma_ == "deny":
        return "negated"
    if any(w in NEGATIONS for w in words) or any(
        c.lower_ in ("no", "never") and c.dep_ in ("det", "neg", "advmod") for c in trigger.children
    ):
        return "negated"
    if lemmas & FAILURE_VERBS:
        return "negated"  # "failed to reach an agreement"
    for t in chain:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKERS for c in t.children):
            return "hypothetical"
    if trigger.dep_ == "acl" and trigger.head.lemma_.lower() in PROPOSAL_NOUNS:
        return "hypothetical"  # "Trump's proposal to ban Muslim immigrants"
    if any(w in FUTURE_MODALS for w in words):
        return "planned"
    if lemmas & PLANNING_VERBS and any(t.lemma_ in PLANNING_VERBS for t in chain[1:]):
        return "planned"
    if any(c.lower_ in PLANNING_ADJECTIVES for c in trigger.children if c.dep_ == "amod"):
        return "planned"
    if _is_to_be(chain):
        return "planned"
    if any(
        c.lemma_.lower() in PLANNING_VERBS and c.dep_ in ("acomp", "oprd", "xcomp")
        for t in chain[1:]
        for c in t.children
    ):
        return "planned"  # "is due in Warsaw for talks", "is set for a visit"
    if "would" in words:
        top = chain[-1]
        if top.dep_ == "ccomp" and top.head.lemma_ in SPEECH:
            return "planned"  # future in the past: "said the leaders would discuss"
        return "hypothetical"
    if any(w in HEDGE_MODALS for w in words):
        return "hypothetical"
    if lemmas & CONTINUING_VERBS:
        return "ongoing"
    top = chain[-1] if chain[-1].pos_ in ("VERB", "AUX") else trigger
    if _obligation(trigger):
        return "planned"  # "parliament still has to ratify the deal", "needs to be signed"
    if _future_in_time_clause(top):
        return "planned"  # "they would discuss it when Putin visits Turkey in August"
    if durative and _present(top):
        return "ongoing"
    if top.tag_ == "VBG" and any(
        c.lower_ in ("is", "are", "'s", "'re", "am") for c in top.children if c.dep_ == "aux"
    ):
        return "ongoing"
    return "occurred"


def _obligation(trigger: Token) -> bool:
    """'has to ratify', 'needs to sign', 'needs to be signed': still to be done."""
    head = trigger.head
    return (
        trigger.dep_ == "xcomp"
        and head.lemma_.lower() in ("have", "need")
        and head.tag_ in ("VBZ", "VBP", "VB")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children)
    )


#: Conjunctions of a time clause, whose present tense speaks of the future in English.
TIME_CLAUSE_MARKERS = frozenset({"when", "once", "after", "before", "until", "while"})


def _future_in_time_clause(verb: Token) -> bool:
    """A present-tense time clause under a planned event is planned too."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.dep_ != "advcl" or verb.head.i == verb.i:
        return False
    if not any(
        c.dep_ in ("mark", "advmod") and c.lower_ in TIME_CLAUSE_MARKERS for c in verb.children
    ):
        return False
    return event_status(verb.head, False) in ("planned", "hypothetical")


def _is_to_be(chain: list[Token]) -> bool:
    """'X is to visit', 'the visit is set to ...': a present 'be' over an infinitive."""
    for t in chain:
        if t.dep_ == "xcomp" and t.head.lemma_ == "be" and t.head.tag_ in ("VBZ", "VBP"):
            return True
        if (
            t.lemma_ == "be"
            and t.tag_ in ("VBZ", "VBP")
            and any(c.dep_ == "xcomp" for c in t.children)
        ):
            return True
    return False


def _present(verb: Token) -> bool:
    if verb.tag_ in ("VBZ", "VBP"):
        return True
    aux = [c for c in verb.children if c.dep_ == "aux"]
    # present perfect of a state ("has backed"): still holds at publication
    return verb.tag_ == "VBN" and any(a.lower_ in ("has", "have", "'s", "'ve") for a in aux)


def refusal(trigger: Token) -> bool:
    """A negated act in the future or a modal: a refusal stated now ("will not lift the
    ban", "won't end the strike", "would not release them")."""
    words = [w for t in _chain(trigger) for w in _aux_words(t)]
    return any(w in NEGATIONS for w in words) and any(
        w in FUTURE_MODALS or w == "would" for w in words
    )


#: Adjectives of willingness: "is willing to withdraw" offers the act, it does not do it.
WILLINGNESS = frozenset({"willing", "ready", "prepared", "eager", "open"})


def willingness(trigger: Token) -> Literal["offered", "refused"] | None:
    """An act offered ("is willing to withdraw") or refused ("is not ready to withdraw"),
    not done: the complement of "willing/ready/prepared to"."""
    head = trigger.head
    if trigger.dep_ != "xcomp" or head.pos_ != "ADJ" or head.lower_ not in WILLINGNESS:
        return None
    holders = [head, head.head]
    negated = any(c.dep_ == "neg" or c.lower_ in NEGATIONS for h in holders for c in h.children)
    return "refused" if negated else "offered"


#: Modals of obligation: "X says Y must end the attacks" is X's demand on Y.
DEONTIC_MODALS = frozenset({"must", "should"})


def demanded_by(trigger: Token) -> Token | None:
    """The reporting verb whose speaker demands the act ("Russia says Israel *must* end
    attacks"): the act carries a modal of obligation inside a reported clause."""
    if trigger.dep_ != "ccomp" or trigger.head.lemma_.lower() not in SPEECH:
        return None
    aux = {c.lower_ for c in trigger.children if c.dep_ == "aux"}
    if not aux & DEONTIC_MODALS or any(c.dep_ == "neg" for c in trigger.children):
        return None
    return trigger.head
