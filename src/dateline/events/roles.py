"""Who did it to whom: actor and recipient of a trigger from the dependency parse.

PLOVER's rules: the visitor is the actor and the host the recipient; where the sides
meet as equals (meetings, talks, signings) all are actors; in the passive the agent acts.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence

from dateline.events.lexicon import LIGHT_VERBS, Sense, noun_sense
from dateline.nlp import Token
from dateline.records import Entity

QUANTIFIERS = frozenset(
    ["number", "series", "range", "set", "couple", "package", "raft", "host", "slew", "pair"]
)

TokenEntities = Mapping[int, Sequence[Entity]]

#: Participles that say whom an act is aimed at ("..., targeting Russian banks").
AIMING_VERBS = frozenset({"target", "aim", "hit", "single", "penalize", "penalise", "punish"})


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated with it ("Putin and Xi")."""
    out = [token]
    stack = [token]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ == "conj" and c not in out:
                out.append(c)
                stack.append(c)
            elif _misparsed_conjunct(c) and c not in out:
                # "Blinken and Chinese Foreign Minister Wang Yi": the parser may hang the
                # first name on the second as a modifier, with the "and" under it
                out.append(c)
    return out


GENERIC_DETERMINERS = frozenset({"no", "any", "every", "each"})


def _generic(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in token.children)


def _misparsed_conjunct(c: Token) -> bool:
    return (
        c.dep_ in ("nmod", "compound")
        and c.i < c.head.i
        and c.pos_ == "PROPN"
        and any(g.dep_ == "cc" and g.lower_ == "and" for g in c.children)
    )


#: Modes whose noun's possessive is the one it happens to ("his arrest", "her release").
PATIENT_MODES = frozenset(
    {"arrest", "release", "deport", "expel", "assassinate", "abduct", "beat", "investigate"}
)

#: Heads that count or group the actors in their of-phrase ("dozens of students").
QUANTITY_HEADS = frozenset(
    {"dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "ten", "tens"}
    | {"score", "scores", "group", "number", "majority", "crowd", "crowds", "some", "many"}
    | {"member", "members"}  # "members of the New People's Army"
)

#: Verbs whose subject receives the criticism in their object ("faced criticism from X").
RECEIVING_VERBS = frozenset({"face", "draw", "receive", "attract", "earn", "meet"})


def entities_at(token: Token, index: TokenEntities, deep: bool = True) -> list[Entity]:
    """Entities a token refers to: its own mention, else one inside its noun phrase."""
    found: list[Entity] = []
    for t in conjuncts(token):
        ents = list(index.get(t.i, ()))
        if ents and deep and all(e.country is None for e in ents):
            # "Boko Haram militants": the named group says whose militants they are
            for child in t.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i < t.i:
                    named = [e for e in index.get(child.i, ()) if e.country is not None]
                    if named:
                        ents = named
                        break
        if not ents and deep:
            for child in t.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod", "nummod") and child.i < t.i:
                    ents = list(index.get(child.i, ()))
                    if ents:
                        break
        if not ents and deep and t.lower_ in ("among", "of"):
            ents = [e for c in t.children if c.dep_ == "pobj" for e in entities_at(c, index)]
        if not ents and deep and t.lemma_.lower() in QUANTITY_HEADS:
            # "thousands of protesters", "a group of asylum-seekers": the ones counted
            ents = [
                e
                for c in t.children
                if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children
                if o.dep_ == "pobj"
                for e in entities_at(o, index)
            ]
        if deep and all(e.country is None for e in ents):
            # "leaders across Europe, including X and Y": the ones named
            included = [
                e
                for c in t.children
                if c.lower_ == "including"
                for o in c.children
                if o.dep_ == "pobj"
                for e in entities_at(o, index)
            ]
            ents = included or ents
        found.extend(ents)
    return _unique(found)


def _unique(ents: Iterable[Entity]) -> list[Entity]:
    out: list[Entity] = []
    for e in ents:
        if not any(_same(e, o) for o in out):
            out.append(e)
    return out


def _same(a: Entity, b: Entity) -> bool:
    return a.name == b.name and a.country == b.country


def object_head(verb: Token) -> Token | None:
    """The direct object, looking through quantifiers ("a number of documents")."""
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            if c.lemma_.lower() in QUANTIFIERS:
                for p in c.children:
                    if p.dep_ == "prep" and p.lower_ == "of":
                        for o in p.children:
                            if o.dep_ == "pobj":
                                return o
            return c
    return None


def subject_of(verb: Token) -> list[Token]:
    """The acting subject of a verb, through control, relative clauses and coordination."""
    tok = verb
    for step in range(4):
        # "X is expected to travel": a raising verb's passive subject is the traveller
        deps = ("nsubj", "csubj", "nsubjpass") if step > 0 else ("nsubj", "csubj")
        subj = [c for c in tok.children if c.dep_ in deps]
        if subj:
            # "X, left, and Y attend": the parser may give a verb two subjects
            return [t for s in subj for t in conjuncts(s)]
        agent = _agent(tok)
        if agent is not None:
            return conjuncts(agent)
        if step == 0 and any(c.dep_ == "nsubjpass" for c in tok.children):
            break  # "X left, and a news conference was cancelled": no actor is named
        if tok.head.i != tok.i and (
            tok.dep_ in ("xcomp", "conj", "advcl", "acomp")
            or (tok.dep_ in ("dobj", "pcomp") and tok.tag_ == "VBG")  # "denied supplying"
        ):
            tok = tok.head
            continue
        if tok.dep_ in ("acl", "relcl"):
            noun = tok.head
            if noun.dep_ == "pobj" and noun.head.lower_ == "among":
                tok = noun.head.head
                continue
            return conjuncts(noun)
        break
    return []


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for o in c.children:
                if o.dep_ == "pobj":
                    return o
    return None


def prep_objects(token: Token, preps: Iterable[str]) -> list[Token]:
    wanted = set(preps)
    out: list[Token] = []
    for c in token.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in wanted:
            out.extend(o for o in c.children if o.dep_ == "pobj")
        elif c.dep_ == "dative" and c.pos_ in ("NOUN", "PROPN", "PRON"):
            out.append(c)
    return out


def governing_verb(noun: Token) -> Token | None:
    """The light verb carrying a nominal trigger ("*paid* a visit", "*held* talks")."""
    head = noun.head
    if noun.dep_ in ("dobj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if (
        noun.dep_ == "pobj"
        and head.dep_ == "prep"
        and head.head.pos_ in ("VERB", "AUX")
        and (head.head.lemma_ in LIGHT_VERBS or head.lower_ in ("with", "for", "on", "in"))
    ):
        return head.head
    if noun.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
        return head
    amount = head.head if noun.dep_ == "pobj" and head.lower_ == "in" else None
    if (
        amount is not None
        and amount.ent_type_ in ("MONEY", "CARDINAL", "QUANTITY")
        and amount.dep_ == "dobj"
        and amount.head.pos_ == "VERB"
    ):
        return amount.head  # "announced $100 million in aid": the verb of the amount
    return None


def verb_roles(
    verb: Token, sense: Sense, index: TokenEntities
) -> tuple[list[Entity], list[Entity]]:
    # "No House speaker had travelled there": a quantified, generic subject is nobody
    subj_tokens = [t for t in subject_of(verb) if not _generic(t)]
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    actors = [e for t in subj_tokens for e in entities_at(t, index)]
    # "Sweden applied to join, together with Finland": a companion acts too
    actors += [e for t in _companions(verb) for e in entities_at(t, index)]
    obj = object_head(verb)
    recipients: list[Entity] = []
    if passive:
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        recipients = [e for t in patients for e in entities_at(t, index)]
    if sense.pattern == "host":
        visitors = entities_at(obj, index) if obj is not None else []
        return _unique(visitors), _unique(actors)
    if sense.pattern == "meet":
        # "X met Y" / "X held talks with Y": X acts, Y receives; "X and Y met": all act.
        between = prep_objects(verb, ("between", "among"))
        others_tokens = prep_objects(verb, ("with",))
        if obj is not None:
            between.extend(prep_objects(obj, ("between", "among")))
            others_tokens.extend(prep_objects(obj, ("with",)))
            if sense.objects is None:
                others_tokens.append(obj)
        actors = _unique(actors + [e for t in between for e in entities_at(t, index)])
        others = [e for t in others_tokens for e in entities_at(t, index)]
        if sense.mode == "sign":
            # "A signed agreements with B and C": every signatory is a party to the deal
            return _unique(actors + others), _unique(recipients)
        return _unique(actors), _unique(recipients + others)
    if sense.pattern == "give":
        # "supply X *with* arms": the with-phrase holds the thing given, not a recipient
        preps = tuple(p for p in sense.recipient_preps if p != "with")
        targets = prep_objects(verb, (*preps, "for"))
        if obj is not None:
            # "supply Kyiv with weapons": an actor as direct object receives
            recipients += entities_at(obj, index, deep=False)
            targets.extend(prep_objects(obj, (*preps, "of")))
            for acl in (c for c in obj.children if c.dep_ == "acl"):
                agent = _agent(acl)
                if agent is not None:
                    targets.append(agent)
        recipients += [e for t in targets for e in entities_at(t, index)]
        return _unique(actors), _unique(recipients)
    if sense.pattern == "visit":
        # "visiting at the invitation of X": the inviter hosts
        recipients += [e for t in _inviters(verb) for e in entities_at(t, index)]
    # default and visit: a direct object that is an actor or place, else a prepositional one
    if obj is not None:
        recipients += entities_at(obj, index)
    if not recipients:
        targets = prep_objects(verb, sense.recipient_preps)
        if obj is not None:  # "cut ties *with* Tehran", "sanctions *on* Moscow"
            targets += prep_objects(obj, sense.recipient_preps)
        recipients += [e for t in targets for e in entities_at(t, index)]
    if not any(r.country for r in recipients):
        # "imposed sanctions on 200 firms, targeting Russian banks"
        for c in verb.children:
            if c.dep_ in ("advcl", "xcomp", "acl") and c.lemma_.lower() in AIMING_VERBS:
                aim = object_head(c)
                aimed = [aim] if aim is not None else prep_objects(c, ("at", "against"))
                recipients += [e for t in aimed for e in entities_at(t, index)]
    if not recipients and sense.type == "REQUEST":
        # "called for restraint from both countries": those asked to give it
        for wanted in prep_objects(verb, ("for",)):
            recipients += [
                e for t in prep_objects(wanted, ("from",)) for e in entities_at(t, index)
            ]
    if not recipients and obj is not None and sense.type in ("SANCTION", "REJECT"):
        # "suspended imports of fruit and fish from Taiwan": where the goods come from
        for t in obj.subtree:
            if t.dep_ == "prep" and t.lower_ == "from":
                recipients += [
                    e for o in t.children if o.dep_ == "pobj" for e in entities_at(o, index)
                ]
    if not recipients and obj is not None and sense.type in ("ACCUSE", "SUPPORT", "REJECT"):
        # "criticised the enlargement of the alliance": whose act is judged
        recipients += [e for t in prep_objects(obj, ("of",)) for e in entities_at(t, index)]
    if not recipients and sense.type in ("THREATEN", "ACCUSE", "REQUEST"):
        # "X warned that Y would face ...": the one the warning is about receives it
        for comp in (c for c in verb.children if c.dep_ == "ccomp"):
            subj = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            found = [e for t in subj for e in entities_at(t, index)]
            recipients += [e for e in found if not any(_same(e, a) for a in actors)]
            if not recipients and sense.type == "THREATEN":
                # "warned that they would respond if Russia used ...": the condition's
                # subject is whom the threat is aimed at
                for cond in (c for c in comp.children if c.dep_ == "advcl"):
                    if any(
                        m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in cond.children
                    ):
                        conds = [c for c in cond.children if c.dep_ in ("nsubj", "nsubjpass")]
                        recipients += [e for t in conds for e in entities_at(t, index)]
    if not recipients:
        # "refused to sign a deal with Moscow", "urged X to talk to Y": look one clause down
        for comp in (c for c in verb.children if c.dep_ == "xcomp"):
            inner = object_head(comp)
            if inner is not None:
                recipients += entities_at(inner, index)
            targets = prep_objects(comp, ("with", "to", "against", "on"))
            recipients += [e for t in targets for e in entities_at(t, index)]
    if not recipients and sense.mode == "mediate":
        recipients += mediated_parties(verb, actors, index)
    return _unique(actors), _unique(recipients)


def mediated_parties(trigger: Token, actors: list[Entity], index: TokenEntities) -> list[Entity]:
    """ "agreed ... in a deal brokered by China", "rejoined after mediation by Turkey": the
    clause the mediation sits in names the parties, as its subject."""
    tok = trigger
    for _ in range(6):
        if tok.head.i == tok.i:
            return []
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            found = [e for t in subject_of(tok) for e in entities_at(t, index)]
            return [e for e in found if not any(_same(e, a) for a in actors)]
    return []


def _companions(verb: Token) -> list[Token]:
    """Objects of "together with", "along with", "alongside" on the verb or below it."""
    out: list[Token] = []
    # the verb's children and grandchildren, in text order (not its whole subtree)
    near = {t.i: t for c in verb.children for t in (c, *c.children)}
    for tok in (near[i] for i in sorted(near)):
        if tok.dep_ != "prep":
            continue
        low = tok.lower_
        joined = low == "with" and any(
            c.lower_ in ("together", "along") for c in (*tok.children, *tok.head.children)
        )
        if low == "with" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in ("together", "along"):
            joined = True
        if joined or low == "alongside":
            out.extend(c for c in tok.children if c.dep_ == "pobj")
    return out


def _inviters(verb: Token) -> list[Token]:
    out: list[Token] = []
    for inv in prep_objects(verb, ("at", "on", "upon")):
        if inv.lemma_.lower() == "invitation":
            out.extend(prep_objects(inv, ("of",)))
            out.extend(c for c in inv.children if c.dep_ == "poss")
    return out


def noun_roles(
    noun: Token, sense: Sense, index: TokenEntities
) -> tuple[list[Entity], list[Entity]]:
    actors: list[Entity] = []
    undergoers: list[Entity] = []
    for c in noun.children:
        if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < noun.i:
            ents = entities_at(c, index, deep=False)
            if c.dep_ == "poss" and sense.mode in PATIENT_MODES:
                undergoers.extend(ents)  # "Navalny's arrest", "Brunson's release"
            else:
                actors.extend(ents)
    by = prep_objects(noun, ("by",))
    actors += [e for t in by for e in entities_at(t, index)]
    verb = governing_verb(noun)
    # "in Warsaw for talks"; not "working for her release" (the releaser is someone else)
    purpose = noun.dep_ == "pobj" and noun.head.lower_ == "for" and sense.mode not in PATIENT_MODES
    if (
        not actors
        and verb is not None
        and noun.dep_ in ("dobj", "attr", "pobj")
        and (verb.lemma_ in LIGHT_VERBS or noun.dep_ == "attr" or purpose)
    ):
        # "X paid a visit", "X held talks"; not "X declined to comment on the visit"
        actors = [e for t in subject_of(verb) for e in entities_at(t, index)]
        if not actors and sense.type == "MOBILIZE":  # "forces were put on alert"
            patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
            actors = [e for t in patients for e in entities_at(t, index)]
    if sense.pattern == "meet":
        between = prep_objects(noun, ("between", "among", "of"))
        parties = [e for t in between for e in entities_at(t, index)]
        if sense.mode == "mediate" and actors and parties:
            # "X's mediation between A and B": A and B are whom X mediates for
            return _unique(actors), _unique(parties)
        actors += parties
        others = [e for t in prep_objects(noun, ("with",)) for e in entities_at(t, index)]
        if not others and sense.mode == "mediate":
            others = mediated_parties(noun, actors, index)
        return _unique(actors), _unique(others)
    if not actors and sense.type == "ACCUSE" and verb is not None and noun.dep_ == "dobj":
        senders = [e for t in prep_objects(noun, ("from",)) for e in entities_at(t, index)]
        if senders and verb.lemma_.lower() in RECEIVING_VERBS:
            # "Iran faced criticism from the UN": the UN accuses Iran
            receivers = [e for t in subject_of(verb) for e in entities_at(t, index)]
            return _unique(senders), _unique(receivers)
    targets = prep_objects(noun, (*sense.recipient_preps, "of"))
    others = undergoers + [e for t in targets for e in entities_at(t, index)]
    if not others and verb is not None and noun.dep_ == "dobj":
        # "announced sanctions *against* X": the parser hangs the target on the verb
        preps = tuple(p for p in sense.recipient_preps if p not in ("with", "from"))
        others = [e for t in prep_objects(verb, preps) for e in entities_at(t, index)]
    return _unique(actors), _unique(others)


#: Types whose event has a target even where the syntax does not show it.
TARGETED_TYPES = frozenset(
    {"ASSAULT", "COERCE", "SANCTION", "THREATEN", "ACCUSE", "MOBILIZE", "REJECT"}
)


def sentence_target(trigger: Token, actors: Sequence[Entity], index: TokenEntities) -> list[Entity]:
    """The one other side a sentence names ("India hit camps in Pakistan", "exercises
    around Taiwan"), when the parse gives no recipient; none when it names several."""
    sides: dict[frozenset[str], list[Entity]] = {}
    theirs = {a.country for a in actors}
    for tok in trigger.sent:
        ents = [
            e
            for e in index.get(tok.i, ())
            if e.country is not None
            and e.country not in theirs
            and not any(_same(e, a) for a in actors)
        ]
        if ents:
            key = frozenset(e.country for e in ents if e.country)
            sides.setdefault(key, []).extend(ents)
    if len(sides) != 1:
        return []
    return _unique(next(iter(sides.values())))


def attack_authors(verb: Token, index: TokenEntities) -> list[Entity]:
    """Who is behind an attack that is the subject of a harm verb ("a car bombing *by X*
    killed", "a *Saudi-led* strike hit")."""
    out: list[Entity] = []
    for subj in subject_of(verb):
        sense = noun_sense(subj.lemma_.lower())
        if sense is None or sense.type != "ASSAULT":
            continue
        out += [e for t in prep_objects(subj, ("by",)) for e in entities_at(t, index)]
        out += [
            e
            for c in subj.children
            if c.dep_ in ("poss", "amod", "compound", "nmod") and c.i < subj.i
            for e in entities_at(c, index, deep=False)
        ]
    return out


def snubbed_hosts(verb: Token, actors: Sequence[Entity], index: TokenEntities) -> list[Entity]:
    """Whom a cancelled meeting snubs: who was to hold it ("called off a summit that X was
    to have held"), else whom it was to be with."""
    obj = object_head(verb)
    if obj is None:
        obj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if obj is None:
        return []
    holders = [s for c in obj.children if c.dep_ == "relcl" for s in subject_of(c)]
    if not holders:
        holders = prep_objects(obj, ("with",))
    theirs = {a.country for a in actors}
    found = [e for t in holders for e in entities_at(t, index) if e.country not in theirs]
    if not found:  # the parse lost the clause: the first other side named after it
        after = (e for t in verb.sent if t.i > obj.i for e in index.get(t.i, ()))
        found = [e for e in after if e.country is not None and e.country not in theirs][:1]
    return found


def outside_subject(verb: Token) -> Iterator[Token]:
    """The tokens of a verb's phrase below it, leaving out its subject."""
    for c in verb.children:
        if not c.dep_.startswith("nsubj"):
            yield from c.subtree


def preps_below(verb: Token, prep: str) -> list[Token]:
    """The ``prep`` tokens anywhere in the verb's phrase outside its subject."""
    return [t for t in outside_subject(verb) if t.dep_ == "prep" and t.lower_ == prep]


def objects_below(verb: Token, prep: str, index: TokenEntities) -> list[Entity]:
    """Entities in the objects of ``prep`` anywhere in the verb's phrase outside its subject
    ("returned a set of bronzes *to Nigeria*", where the parser hangs "to" on "set")."""
    return _unique(
        e
        for t in preps_below(verb, prep)
        for o in t.children
        if o.dep_ == "pobj"
        for e in entities_at(o, index)
    )


def joined_organisation(verb: Token, index: TokenEntities) -> list[Entity]:
    """What "became a member" joined: the member noun's of-phrase ("a member of NATO"),
    else the organisation named last before it ("... the alliance. Finland became a
    member in 2023")."""
    members = [c for c in verb.children if c.dep_ == "attr"]
    named = [e for m in members for t in prep_objects(m, ("of",)) for e in entities_at(t, index)]
    if named:
        return _unique(named)
    doc = verb.doc
    for i in range(verb.i - 1, -1, -1):
        igos = [e for e in index.get(doc[i].i, ()) if e.sector == "IGO"]
        if igos:
            return igos[:1]
    return []


def completed_verb_roles(
    verb: Token, sense: Sense, index: TokenEntities
) -> tuple[list[Entity], list[Entity]] | None:
    """A verb trigger's actors and recipients, with what its syntax alone leaves out
    filled in from its phrase; None where its sense needs a recipient it does not have."""
    actors, recipients = verb_roles(verb, sense, index)
    if sense.needs_recipient and not any(r.country for r in recipients):
        recipients = [*recipients, *objects_below(verb, "to", index)]
        if not any(r.country for r in recipients):
            return None  # "returned it to the store"
    if not actors and sense.type == "ASSAULT":
        actors = attack_authors(verb, index)
    if sense.type == "COOPERATE" and verb.lemma_.lower() == "become" and not recipients:
        recipients = joined_organisation(verb, index)
    theirs = {a.country for a in actors}
    if sense.type == "REJECT" and sense.mode == "meet" and not recipients:
        recipients = snubbed_hosts(verb, actors, index)
    elif sense.type in ("REJECT", "SANCTION") and not any(
        r.country not in theirs for r in recipients if r.country
    ):
        # "suspended its part in the treaty with the United States"
        others = [e for e in objects_below(verb, "with", index) if e.country not in theirs]
        recipients = [*recipients, *others]
    if actors and not any(r.country for r in recipients) and sense.type in TARGETED_TYPES:
        recipients = [*recipients, *sentence_target(verb, actors, index)]
    return actors, recipients
