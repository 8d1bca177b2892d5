"""Clause predicates the coder asks of a trigger: denied, conditional, a setting, a
simple past, a where-clause, a report's time."""

from __future__ import annotations

from collections.abc import Mapping

from dateline.events import attach
from dateline.events.lexicon import DENIAL_VERBS, SPEECH_VERBS, Sense
from dateline.nlp import Doc, Token
from dateline.records import TimeSpan


def denied(trigger: Token) -> bool:
    """'denied supplying arms': the trigger is the content of a denial."""
    return trigger.dep_ in ("xcomp", "dobj", "pcomp", "ccomp") and (
        trigger.head.lemma_.lower() in DENIAL_VERBS
    )


def in_condition_or_threat(trigger: Token, senses: Mapping[int, Sense]) -> bool:
    """Inside 'if ...' (a condition), or inside what a threat says will happen."""
    tok = trigger
    for _ in range(6):
        if tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in tok.children
        ):
            return True
        head = tok.head
        if head.i == tok.i:
            return False
        if (
            tok.dep_ in ("ccomp", "xcomp")
            and head.i in senses
            and senses[head.i].type == "THREATEN"
        ):
            return True
        tok = head
    return False


def simple_past(trigger: Token) -> bool:
    """'X struck', not 'X has struck' or 'X had struck': only a simple past reports the
    news of the day; perfects are background."""
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    if verb.tag_ != "VBD" and not (trigger.pos_ != "VERB" and verb.tag_ == "VBD"):
        return False
    return not any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def in_where_clause(trigger: Token) -> bool:
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    return any(c.dep_ == "advmod" and c.lower_ in ("where", "when") for c in verb.children)


def dates_a_report(doc: Doc, span: TimeSpan) -> bool:
    """'the Kremlin confirmed Sunday': the time of the report, not of an event."""
    root = attach.span_root(doc, span.start, span.end)
    return root is not None and root.head.lemma_.lower() in SPEECH_VERBS


#: Nouns whose of-phrase is where something else happens ("on the sidelines of a summit").
SETTING_NOUNS = frozenset({"sideline", "sidelines", "margin", "margins", "eve", "run-up"})


def a_setting(noun: Token) -> bool:
    """ "on the sidelines of the summit": the summit is where, not what, here."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in SETTING_NOUNS
