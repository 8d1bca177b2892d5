"""A trigger sense: the PLOVER type and mode a word expresses, how its roles attach, and
the constraints under which it holds (the record the lexicons are written in)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["RolePattern", "Sense", "sense"]

RolePattern = Literal["default", "visit", "host", "meet", "give", "speech_target"]


@dataclass(frozen=True, slots=True)
class Sense:
    type: str
    mode: str | None
    pattern: RolePattern = "default"
    objects: frozenset[str] | None = None
    """Lemmas one of which must head the direct object (None: any object or none)."""
    durative: bool = False
    """A state or a continuing action: present tenses read as ongoing."""
    recipient_preps: tuple[str, ...] = ("to", "with", "against", "on", "at", "into", "from")
    requires_prep: str | None = None
    """A preposition that must attach to the verb ("send troops *into*")."""
    modifiers: frozenset[str] | None = None
    """For nouns: a modifier one of which must be present ("*phone* call", "*military* drill")."""
    governors: frozenset[str] | None = None
    """For nouns: verbs one of which must govern the noun ("*expressed* support")."""
    needs_object: bool = False
    """For verbs: a direct object must be present ("returned *the statue* to")."""
    excludes_dep: str | None = None
    """For verbs: no dependent of this kind may be present (a phone call has no "oprd")."""
    needs_recipient: bool = False
    """The event needs a recipient with a country ("returned the statue *to Italy*", not
    "returned it to the store")."""
    requires_dep: str | None = None
    """For verbs: a dependent of this kind must be present ("called X *a liar*": oprd)."""

    @staticmethod
    def recipient_preps_default() -> tuple[str, ...]:
        return ("to", "with", "against", "on", "at", "into", "from")


def sense(
    t: str,
    mode: str | None = None,
    pattern: RolePattern = "default",
    objects: str = "",
    durative: bool = False,
    preps: tuple[str, ...] | None = None,
    requires_prep: str | None = None,
    modifiers: str = "",
    governors: str = "",
    needs_object: bool = False,
    requires_dep: str | None = None,
    excludes_dep: str | None = None,
    needs_recipient: bool = False,
) -> Sense:
    return Sense(
        type=t,
        mode=mode,
        pattern=pattern,
        objects=frozenset(objects.split()) if objects else None,
        durative=durative,
        recipient_preps=preps if preps is not None else Sense.recipient_preps_default(),
        requires_prep=requires_prep,
        modifiers=frozenset(modifiers.split()) if modifiers else None,
        governors=frozenset(governors.split()) if governors else None,
        needs_object=needs_object,
        requires_dep=requires_dep,
        excludes_dep=excludes_dep,
        needs_recipient=needs_recipient,
    )
