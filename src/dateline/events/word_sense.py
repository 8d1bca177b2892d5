"""Which sense a trigger word has in its sentence: a verb's first sense whose constraints
the parse meets, and a noun's sense as its context changes it (the verb governing it, a
labour strike, an attack in words, troops sent to keep the peace)."""

from __future__ import annotations

from dataclasses import replace

from dateline.events.lexicon import phrasal_senses, verb_senses
from dateline.events.nouns import (
    ABSTRACT_TARGETS,
    CEASEFIRE,
    EMERGENCY_NOUNS,
    EMERGENCY_RULE,
    EVENT_HEADS,
    GOVERNED_NOUNS,
    HUNGER_STRIKE,
    LABOUR_STRIKE,
    LABOUR_STRIKE_WORDS,
    LABOUR_SUBJECTS,
    MATERIAL_WORDS,
    PEACEKEEPING_WORDS,
    VERBAL_ATTACK,
    VERBAL_ATTACK_WORDS,
)
from dateline.events.roles import (
    governing_verb,
    object_head,
    outside_subject,
    prep_objects,
    preps_below,
    subject_of,
)
from dateline.events.sense import Sense
from dateline.nlp import Token

__all__ = ["in_context", "noun_in_context", "noun_ok", "role_holder", "verb_sense"]


def verb_sense(verb: Token) -> Sense | None:
    """The first sense of a verb whose constraints its sentence meets (objects, particle,
    a required preposition or dependent), or None."""
    obj = object_head(verb)
    # "provide Ukraine with aid": the thing given may sit in a with-phrase
    # ... and in the passive the thing is the subject ("the treaty was signed")
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        patients.append(verb.head)  # "an image released by state media"
    things = [t for t in [obj, *prep_objects(verb, ("with",)), *patients] if t is not None]
    # "$100 million in aid", "tens of billions of dollars in military aid"
    for _ in range(2):
        things += [n for t in things for n in prep_objects(t, ("in", "of"))]
    words = {w for t in things for w in (t.lemma_.lower(), t.lower_)}
    # "the ceasefire agreement", "mediation efforts": the compound says what it is
    words |= {c.lemma_.lower() for t in things for c in t.children if c.dep_ == "compound"}
    words |= {"PERSON" for t in things if t.ent_type_ == "PERSON"}
    # money given is aid when it is what is given, not a sum inside it ("a reward of $5m")
    direct_things = [t for t in (obj, *patients) if t is not None]
    direct_things += [n for t in direct_things for n in prep_objects(t, ("in",))]
    words |= {"MONEY" for t in direct_things if t.ent_type_ == "MONEY"}
    words |= {"NORP" for t in things if t.ent_type_ == "NORP"}
    # "military support", "financial backing": help in kind, aid rather than approval
    if any(
        t.lemma_.lower() in ("support", "backing", "help")
        and any(c.lower_ in MATERIAL_WORDS for c in t.children if c.dep_ in ("amod", "compound"))
        for t in things
    ):
        words.add("MATERIAL_SUPPORT")
    # "called off", "pulled out of" where the parser makes "out" a preposition, and a
    # verb's predicate ("found X guilty", "held X responsible")
    particles = [
        c
        for c in verb.children
        if c.dep_ == "prt"
        or (c.dep_ == "prep" and c.lower_ == "out")
        or (c.dep_ in ("oprd", "acomp", "ccomp", "xcomp") and c.pos_ == "ADJ")
        or (c.dep_ == "attr" and c.lemma_.lower() == "member")  # "became a member"
    ]
    if obj is not None:  # the parser may hang the predicate on the object ("X guilty")
        particles += [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
    phrasal = phrasal_senses(verb.lemma_, particles[0].lemma_) if particles else ()
    if phrasal:  # "pulled out of the deal": the particle's object is the thing
        out_of = prep_objects(verb, ("of", "from")) + prep_objects(particles[0], ("of",))
        words |= {w for t in out_of for w in (t.lemma_.lower(), t.lower_)}
    deps = {c.dep_ for c in verb.children}
    # "called the response disproportionate": the parser may hang the predicate on the
    # object as a modifier after it; it is the verb's object predicate all the same
    predicates = [c for c in verb.children if c.dep_ == "oprd"]
    if obj is not None:
        predicates += [c for c in obj.children if c.dep_ == "amod" and c.i > obj.i]
    # "regarded Xi as a dictator", "described the vote as a sham"
    predicates += [
        o
        for h in (verb, obj)
        if h is not None
        for p in h.children
        if p.dep_ == "prep" and p.lower_ == "as"
        for o in p.children
        if o.dep_ in ("pobj", "amod", "acomp")
    ]
    if predicates:
        deps.add("oprd")
    for sense in (*phrasal, *verb_senses(verb.lemma_)):
        if sense.needs_object and obj is None:
            continue
        if sense.requires_dep is not None and sense.requires_dep not in deps:
            continue
        if sense.excludes_dep is not None and sense.excludes_dep in deps:
            continue
        if sense.requires_dep == "oprd":  # the constraint is on what X is called
            # the predicate and its modifiers, not every word under it ("a rise in crime")
            said = {
                w.lemma_.lower()
                for c in predicates
                for w in (c, *(m for m in c.children if m.dep_ in ("amod", "compound", "conj")))
            }
            if sense.objects is None or said & sense.objects:
                return sense
            continue
        if sense.objects is not None and not (words & sense.objects):
            continue
        if sense.requires_prep is not None:
            direct = [c for c in verb.children if c.dep_ == "dobj"]  # "a set of X to Y"
            holders = [verb, *direct] + ([obj] if obj is not None else [])
            if not any(prep_objects(h, (sense.requires_prep,)) for h in holders) and not (
                # "returned a pendant engraved with X to Y": the parser may hang it lower
                sense.needs_object and bool(preps_below(verb, sense.requires_prep))
            ):
                continue
        return sense
    return None


def noun_ok(noun: Token, sense: Sense) -> bool:
    """Whether a noun in its sentence meets its sense's constraints (modifiers, verb)."""
    if sense.modifiers is not None and not any(
        c.lower_ in sense.modifiers for c in noun.children if c.dep_ in ("amod", "compound")
    ):
        return False
    if sense.governors is not None:
        verb = governing_verb(noun)
        if verb is None or verb.lemma_.lower() not in sense.governors:
            return False
    # "the aid" as a bare mention of a thing, with no actor in reach, is not coded here.
    return noun.ent_type_ in ("", "EVENT")


def noun_in_context(noun: Token) -> Sense | None:
    """The sense its context gives a noun, where that differs from the lexicon's."""
    return (
        _governed_sense(noun)
        or _labour_strike(noun)
        or _verbal_attack(noun)
        or _split_ceasefire(noun)
        or _emergency_rule(noun)
    )


def in_context(trigger: Token, sense: Sense) -> Sense:
    """A sense as the rest of its phrase refines it: an attack launched in words is an
    accusation; troops sent to keep the peace are aid (PLOVER's AID peacekeeping), not a
    mobilisation."""
    if sense.type == "ASSAULT" and trigger.lemma_.lower() == "strike":
        # "cabin crew are preparing to strike": a labour strike
        heads = subject_of(trigger)  # "thousands of cabin crew workers": the counted
        counted = [o for t in heads for c in t.children if c.lower_ == "of" for o in c.children]
        subjects = {t.lemma_.lower() for t in (*heads, *counted)}
        if subjects & LABOUR_SUBJECTS:
            return LABOUR_STRIKE
    if sense.type == "ASSAULT" and _into_the_sea(trigger):
        # missiles fired into the sea: a show of force or a test, not an attack
        return replace(sense, type="MOBILIZE", mode=None)
    if sense.type == "ASSAULT" and trigger.pos_ == "VERB":
        obj = object_head(trigger)  # "launched a scathing attack on X": words, not arms
        if obj is not None and _verbal_attack(obj) is not None:
            return replace(sense, type="ACCUSE", mode="disapprove")
        if (
            trigger.lemma_.lower() == "attack"
            and obj is not None
            and obj.lemma_.lower() in ABSTRACT_TARGETS
        ):
            return replace(sense, type="ACCUSE", mode="disapprove")  # "attacked the plan"
    if sense.type == "RETREAT" and sense.mode == "withdraw" and _peacekeeping(trigger):
        # peacekeepers withdrawn: aid stopped (the peacekeeping was AID)
        return replace(sense, type="SANCTION", mode="discontinue")
    if sense.type == "MOBILIZE" and _peacekeeping(trigger):
        return replace(sense, type="AID", mode="peacekeeping")
    return sense


def _governed_sense(noun: Token) -> Sense | None:
    """The sense a noun takes from its verb ("lodged a protest")."""
    verb = governing_verb(noun)
    if verb is None:
        return None
    return GOVERNED_NOUNS.get((noun.lemma_.lower(), verb.lemma_.lower()))


def _labour_strike(noun: Token) -> Sense | None:
    """A strike by workers ("went on strike", "a hunger strike"), not a military strike."""
    if noun.lemma_.lower() != "strike":
        return None
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    if "hunger" in mods:
        return HUNGER_STRIKE
    on_strike = noun.dep_ == "pobj" and noun.head.lower_ == "on"
    return LABOUR_STRIKE if on_strike or mods & LABOUR_STRIKE_WORDS else None


def _verbal_attack(noun: Token) -> Sense | None:
    """An attack in words ("a scathing attack on the government"): an accusation."""
    if noun.lemma_.lower() != "attack":
        return None
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound")}
    return VERBAL_ATTACK if mods & VERBAL_ATTACK_WORDS else None


def _split_ceasefire(noun: Token) -> Sense | None:
    """ "cease-fire", which the tokenizer splits into "cease", "-", "fire"."""
    i = noun.i
    if noun.lower_ != "fire" or i < 2:
        return None
    doc = noun.doc
    return CEASEFIRE if doc[i - 1].text == "-" and doc[i - 2].lower_ == "cease" else None


def _peacekeeping(trigger: Token) -> bool:
    """Peacekeepers or observers among what the trigger acts on (not its subject)."""
    words = {t.lemma_.lower() for t in outside_subject(trigger)} | {trigger.lemma_.lower()}
    return bool(words & PEACEKEEPING_WORDS)


def _emergency_rule(noun: Token) -> Sense | None:
    """ "a state of emergency", "a state of siege", "martial law": emergency rule."""
    lemma = noun.lemma_.lower()
    if lemma == "law":
        martial = any(c.lower_ == "martial" for c in noun.children if c.dep_ == "amod")
        return EMERGENCY_RULE if martial else None
    if lemma not in EMERGENCY_NOUNS or noun.dep_ != "pobj" or noun.head.lower_ != "of":
        return None
    return EMERGENCY_RULE if noun.head.head.lemma_.lower() == "state" else None


def role_holder(noun: Token) -> Token:
    """The noun whose phrase holds a nominal trigger's roles: the head of "a *mediation*
    effort", the "state" of "a state of *emergency*", else the noun itself."""
    if noun.dep_ == "compound" and noun.head.lemma_ in EVENT_HEADS:
        return noun.head
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_ == "state":
        return noun.head.head
    return noun


#: Where a missile fired hits no one ("into waters around Taiwan", "into the sea").
OPEN_WATERS = frozenset({"water", "waters", "sea", "ocean"})


def _into_the_sea(trigger: Token) -> bool:
    if trigger.lemma_.lower() not in ("fire", "launch"):
        return False
    return any(
        o.lemma_.lower() in OPEN_WATERS
        for p in trigger.children
        if p.dep_ == "prep" and p.lower_ in ("into", "in")
        for o in p.children
        if o.dep_ == "pobj"
    )
