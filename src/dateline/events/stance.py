"""What a speaker's stance makes of an act: an act one is willing to do is an offer
(AGREE), one refused ("will not lift the ban", "not ready to meet") is a rejection
(REJECT of yielding, aid or a meeting), and one a speaker says another *must* do is the
speaker's demand (REQUEST). PLOVER codes the stance, made when it is stated."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dateline.events.roles import TokenEntities, entities_at, subject_of
from dateline.events.sense import Sense
from dateline.events.status import demanded_by, refusal, willingness
from dateline.nlp import Token
from dateline.records import Entity, Status

__all__ = ["ACT_MODES", "as_demand", "offer_or_refusal"]

#: The mode that names an act refused or demanded: refusing (REJECT) or demanding (REQUEST)
#: to yield, to help, to meet; agreeing has no mode of its own.
ACT_MODES: dict[str, str | None] = {
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "AID": "assist",
    "CONSULT": "meet",
    "COOPERATE": "assist",
    "AGREE": None,
}


def offer_or_refusal(trigger: Token, sense: Sense, status: Status) -> tuple[Sense, Status]:
    """The sense and status of an act offered ("is willing to withdraw its troops":
    AGREE) or refused ("will not lift the ban": REJECT), made now; else as they are."""
    if sense.type not in ACT_MODES:
        return sense, status
    willing = willingness(trigger)
    if willing == "offered" and sense.type != "AGREE":
        return replace(sense, type="AGREE", mode=None), "occurred"
    if willing == "refused" or (status == "negated" and refusal(trigger)):
        return replace(sense, type="REJECT", mode=ACT_MODES[sense.type]), "occurred"
    return sense, status


def as_demand(
    trigger: Token, sense: Sense, actors: Sequence[Entity], index: TokenEntities
) -> tuple[Sense, tuple[Entity, ...], tuple[Entity, ...]] | None:
    """ "Russia says Israel must end the attacks": Russia's REQUEST to Israel, as (sense,
    actors, recipients); None where the act is no reported obligation of another."""
    speech = demanded_by(trigger)
    if speech is None or not actors:
        return None
    speakers = tuple(e for t in subject_of(speech) for e in entities_at(t, index))
    if not speakers or {e.country for e in speakers} & {e.country for e in actors}:
        return None
    demand = replace(sense, type="REQUEST", mode=ACT_MODES.get(sense.type))
    return demand, speakers, tuple(actors)
