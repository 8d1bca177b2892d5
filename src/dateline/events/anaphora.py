"""Event anaphora: "condemned *the strikes*", "praised *the deal*", "*steps* that X rejected".

A reaction (condemning, praising, rejecting, ...) whose object is an earlier event, named
by a definite noun, is aimed at that event's actors: Iran condemning the US strikes
reported two paragraphs up makes the United States its recipient.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from dateline.nlp import Token
from dateline.records import Entity, Event

#: Event types that react to something done: their object may be an earlier event.
REACTION_TYPES = frozenset(
    {"ACCUSE", "SUPPORT", "REJECT", "DISAPPROVE", "CONCEDE", "RETREAT", "THREATEN"}
)

#: Nouns that name an event of a known type.
TYPED_NOUNS: dict[str, frozenset[str]] = {
    **dict.fromkeys(
        (
            "strike",
            "attack",
            "bombing",
            "raid",
            "invasion",
            "offensive",
            "assault",
            "shelling",
            "incursion",
            "airstrike",
            "killing",
        ),
        frozenset({"ASSAULT"}),
    ),
    **dict.fromkeys(
        ("deal", "agreement", "accord", "treaty", "pact", "truce", "ceasefire"),
        frozenset({"AGREE", "CONSULT"}),
    ),
    **dict.fromkeys(("visit", "trip", "talks", "meeting", "summit"), frozenset({"CONSULT"})),
    **dict.fromkeys(
        ("sanction", "ban", "embargo", "tariff", "expulsion", "restriction"),
        frozenset({"SANCTION", "REJECT"}),
    ),
    **dict.fromkeys(("exercise", "drill", "deployment", "buildup"), frozenset({"MOBILIZE"})),
}

#: What a "military" step or response can be.
FORCEFUL_TYPES = frozenset({"MOBILIZE", "ASSAULT", "COERCE"})

#: Nouns that name whatever was done before, of any type.
ANY_NOUNS = frozenset(
    {
        "decision",
        "move",
        "step",
        "measure",
        "action",
        "announcement",
        "remark",
        "comment",
        "statement",
        "withdrawal",
        "suspension",
        "response",
        "reaction",
    }
)

DEFINITE = frozenset({"the", "this", "these", "that", "those"})


def referred_noun(trigger: Token) -> Token | None:
    """The event noun a reaction is about: its definite object, or the noun a relative
    clause hangs on ("steps that Islamabad rejected")."""
    if trigger.dep_ == "relcl" and _names_event(trigger.head):
        return trigger.head
    for child in trigger.children:
        if child.dep_ in ("dobj", "obj") and _names_event(child) and _definite(child):
            return child
    return None


def _definite(noun: Token) -> bool:
    """'the strikes', 'that visit': a noun that refers back rather than introduces."""
    return any(t.lower_ in DEFINITE and t.dep_ == "det" for t in noun.lefts)


def _names_event(noun: Token) -> bool:
    lemma = noun.lemma_.lower()
    return noun.pos_ == "NOUN" and (lemma in TYPED_NOUNS or lemma in ANY_NOUNS)


def antecedent_actors(
    noun: Token, actors: Sequence[Entity], earlier: Sequence[Event]
) -> tuple[Entity, ...]:
    """Actors of the latest earlier event the noun can name that someone other than the
    reacting actors did; () when there is none."""
    lemma = noun.lemma_.lower()
    types = TYPED_NOUNS.get(lemma)
    if types is None and any(c.lower_ in ("military", "armed") for c in noun.children):
        types = FORCEFUL_TYPES  # "the military response": a use or show of force
    mine = {a.country or a.name for a in actors}
    doc = noun.doc
    fitting: list[Event] = []
    for event in reversed(earlier):
        if event.evidence.trigger_start >= noun.idx:
            continue
        if types is not None and event.type not in types:
            continue
        if any((a.country or a.name) in mine for a in event.actor) or not event.actor:
            continue
        fitting.append(event)
    # "the strikes" names the events told with the same word first ("struck", "strikes")
    for event in fitting:
        span = doc.char_span(
            event.evidence.trigger_start,
            event.evidence.trigger_start + len(event.evidence.trigger),
            alignment_mode="expand",
        )
        if span is not None and any(t.lemma_.lower() == lemma for t in span):
            return event.actor
    return fitting[0].actor if fitting else ()


#: Types whose missing counterpart is the partner of the talks or deal just told.
PARTNERED_TYPES = frozenset({"AGREE", "AID", "SUPPORT"})
PARTNERSHIP_TYPES = frozenset({"AGREE", "CONSULT"})


def partners(actors: Sequence[Entity], earlier: Sequence[Event]) -> tuple[Entity, ...]:
    """ "Xi also agreed to ...", "he pledged $500 million" after talks with Zelensky: the
    other side of the latest talks or deal the same actor took part in."""
    mine = {a.country for a in actors}
    if len(mine) != 1 or None in mine:
        return ()
    for event in reversed(earlier):
        if event.type not in PARTNERSHIP_TYPES:
            continue
        parties = (*event.actor, *event.recipient)
        if not any(p.country in mine for p in parties):
            continue
        others = tuple(p for p in parties if p.country is not None and p.country not in mine)
        if others:
            return others
    return ()


#: Prepositions that set an event inside an earlier one ("during that visit").
SETTING_PREPS = frozenset({"during", "at", "on", "amid"})
#: Phrases that make a nominal event the cause of its clause's event ("in response to
#: her visit"): it happened before, not at the clause's time.
CAUSE_HEADS = frozenset({"response", "retaliation", "reaction", "protest", "answer"})
CAUSE_PREPS = frozenset({"after", "following", "over", "because", "since"})


def is_cause(noun: Token) -> bool:
    """ "sanctions ... in response to her visit", "after the attack": an earlier event."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    if prep.lower_ in CAUSE_PREPS:
        return True
    return prep.lower_ in ("to", "for", "of") and prep.head.lemma_.lower() in CAUSE_HEADS


def setting_event(trigger: Token, earlier: Sequence[Event]) -> Event | None:
    """ "During that visit the two governments agreed ...": the earlier event named as the
    setting, whose date the new one shares."""
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in SETTING_PREPS:
            continue
        for noun in prep.children:
            if noun.dep_ != "pobj" or not _names_event(noun):
                continue
            if not _definite(noun):
                continue
            types = TYPED_NOUNS.get(noun.lemma_.lower())
            for event in reversed(earlier):
                if (types is None or event.type in types) and event.date.basis != "publication":
                    return event
    return None


def cause_twin(cause: Event, events: Sequence[Event]) -> Event | None:
    """The telling with a stated date of an event named as a cause ("in response to her
    visit"), anywhere in the article: the same type by the same side, not after it."""
    mine = {a.country or a.name for a in cause.actor}
    best: Event | None = None
    for event in events:
        if event is cause or event.type != cause.type or event.date.basis != "stated":
            continue
        if not mine & {a.country or a.name for a in event.actor}:
            continue
        if event.date.start is None or (
            cause.date.end is not None and event.date.start > cause.date.end
        ):
            continue
        if best is None or _rank(event, cause) > _rank(best, cause):
            best = event
    return best


def _rank(event: Event, cause: Event) -> tuple[bool, date]:
    """The same kind of act first ("her visit": the arrival, not a meeting during it),
    then the latest."""
    assert event.date.start is not None
    return (event.mode == cause.mode, event.date.start)


def dated_by_twin(cause: Event, events: list[Event]) -> Event:
    twin = cause_twin(cause, events)
    if twin is None:
        return cause
    return replace(cause, date=replace(twin.date, basis="inferred"))


def in_setting(trigger: Token, coded: list[Event], earlier: list[Event]) -> list[Event]:
    """ "During that visit they agreed ...": undated, it shares the visit's date."""
    if not coded or all(e.date.basis == "stated" for e in coded):
        return coded
    setting = setting_event(trigger, earlier)
    if setting is None or setting.date.start is None:
        return coded
    when = replace(setting.date, basis="inferred")
    return [e if e.date.basis == "stated" else replace(e, date=when) for e in coded]
