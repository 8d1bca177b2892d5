"""Where an event happened, when its trigger has no place of its own attached.

The coder first takes a place attached to the trigger ("met in Beijing", "visited Kyiv").
This module adds what the sentence and the article still say:

- the predicate the trigger serves: "due in Warsaw for talks", "the parliament in Budapest
  voted to ratify", "a summit hosted by X in London", and for a statement-like event the
  place it was announced ("announced in Moscow that Russia was suspending ...");
- a facility named around a place ("at the Vostochny Cosmodrome in Russia's Far East"),
  and an unknown facility in the dateline's country put at the dateline's city;
- "the North Korean capital": the capital city;
- from the article: an event "during that visit" or "on the sidelines of the meeting"
  takes the place of the meeting told before it, and an event right after a meeting, on
  its day, where the meeting was ("held talks in Budapest ... The two leaders signed").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from dateline.events import attach
from dateline.events.lexicon import SPEECH_VERBS
from dateline.geo.gazetteer import Gazetteer
from dateline.geo.resolve import find_dateline
from dateline.nlp import Doc, Token
from dateline.records import Article, Event, EventDate, Place, Status, TimeSpan

#: Prepositions whose object is where something happens.
LOCATIVE_PREPS = frozenset(
    {"in", "at", "to", "into", "near", "inside", "across", "on"}
    | {"around", "outside", "off", "along", "throughout", "within"}
)
#: Nouns that name a kind of place before its name ("the town of Pahalgam").
PLACE_NOUNS = frozenset(
    {"town", "city", "village", "region", "province", "port", "area", "district", "capital"}
    | {"state", "island", "county", "outskirts", "suburb", "suburbs", "municipality"}
)
#: Objects that are a topic: a place in them is the topic's ("the war in Gaza").
TOPIC_NOUNS = frozenset(
    {"war", "conflict", "crisis", "situation", "fighting", "violence", "issue", "tension"}
    | {"tensions", "ceasefire", "truce", "conditions", "developments", "dispute", "problem"}
)
#: Event types whose place is where they were said or announced.
STATEMENT_TYPES = frozenset(
    {"AGREE", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "SANCTION"}
)
#: Nouns naming a meeting that a later sentence may refer back to ("during that visit").
MEETING_NOUNS = frozenset(
    {"visit", "meeting", "summit", "talks", "trip", "conference", "session", "negotiations"}
)
#: "Pakistan-administered Kashmir", "Kurdish-controlled ..." (after the hyphen).
ADMINISTERED = frozenset({"administered", "controlled", "held", "run"})
#: Words that make a name a building or site, found within a city.
FACILITY_WORDS = frozenset(
    {"palace", "airport", "estate", "hotel", "house", "hall", "building", "center", "centre"}
    | {"square", "office", "embassy", "ministry", "stadium", "cathedral", "church", "mosque"}
    | {"base", "castle", "residence", "compound", "headquarters", "port", "station", "street"}
    | {"avenue", "bridge", "hospital", "university", "museum", "park", "prison", "court"}
)
#: Events done in the field, not at a meeting table: never placed by a meeting before.
FIELD_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "PROTEST", "RETREAT"})
#: Days either side of publication within which an event is the news of the day.
DATELINE_DAYS = 2


def is_location(doc: Doc, place: Place, object_is_place: bool) -> bool:
    """Does the place name where the event happened (rather than what it is about)?"""
    root = attach.span_root(doc, place.start, place.end)
    if root is None:
        return False
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in PLACE_NOUNS:
        root = head.head  # "near the resort town of Pahalgam", "raided the city of Jenin"
        head = root.head
    elif root.dep_ == "compound" and head.lemma_.lower() in PLACE_NOUNS:
        root = head  # "shelled the Donbas region"
        head = root.head
    if root.dep_ == "pobj" and head.lower_ == "on":
        return object_is_place  # "an attack on Kyiv", but "sanctions on Iran" are aimed
    if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
        # "discussed the war in Gaza": where the topic is, not where the talks were
        return object_is_place or not (
            head.head.dep_ == "dobj" and head.head.lemma_.lower() in TOPIC_NOUNS
        )
    if root.dep_ == "appos":
        return True
    if root.dep_ == "conj" and head.dep_ == "pobj":  # "in Beijing and Shanghai"
        return head.head.lower_ in LOCATIVE_PREPS
    if root.dep_ == "compound" and place.feature == "city":
        return head.lemma_.lower() in MEETING_NOUNS  # "the Geneva talks", "an Oval Office meeting"
    # "visited Kyiv", "struck Odesa": the object is where it happened
    return root.dep_ == "dobj" and object_is_place


def host_places(
    doc: Doc,
    trigger: Token,
    event_type: str,
    places: Sequence[Place],
    trigger_ids: set[int],
    repairs: dict[int, int],
) -> list[Place]:
    """Places of the predicate a trigger serves, where the trigger has none attached."""
    hosts: set[int] = set()
    head = trigger.head
    if trigger.dep_ == "xcomp" and head.pos_ in ("VERB", "AUX", "ADJ"):
        hosts.add(head.i)  # "voted to ratify"
    if trigger.dep_ == "pobj" and head.lower_ == "for" and head.head.i != head.i:
        hosts.add(head.head.i)  # "due in Warsaw for talks"
    if (
        trigger.dep_ == "ccomp"
        and head.lemma_.lower() in SPEECH_VERBS
        and event_type in STATEMENT_TYPES
    ):
        hosts.add(head.i)  # "announced in Moscow that Russia was suspending"
    if event_type in ("ASSAULT", "COERCE"):
        # "hit what it called militant camps in Pakistan": the target's clause
        hosts.update(
            c.i
            for c in trigger.children
            if c.dep_ == "ccomp" and any(g.lower_ == "what" for g in c.children)
        )
    purpose = trigger.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children
    )
    if (
        trigger.dep_ == "conj" or (trigger.dep_ == "advcl" and trigger.tag_ == "VBG") or purpose
    ) and head.pos_ == "VERB":
        # "arrived in Taipei and met Tsai", "struck Kharkiv, killing three", "gathered in
        # Cairo to denounce": one setting
        hosts.add(head.i)
    if trigger.dep_ == "relcl" and trigger.head.pos_ == "NOUN":
        nouns = [trigger.head]  # "a deal announced in Beijing under which they agreed"
    else:
        nouns = [trigger] if trigger.pos_ == "NOUN" else []
        nouns += [c for c in trigger.children if c.dep_ == "dobj"]
    hosts -= trigger_ids - {head.i if trigger.dep_ in ("conj", "advcl") else -1}
    for noun in nouns:
        # "attend a summit (of European leaders) hosted by Starmer in London": the
        # participle may be a trigger itself, and the summit is where it happens
        inner = [noun] + [
            g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        hosts.update(c.i for n in inner for c in n.children if c.dep_ == "acl" and c.pos_ == "VERB")
    if not hosts:
        return []
    blockers = trigger_ids - {trigger.i} - hosts
    found = attach.attached(doc, places, hosts, blockers, repairs)
    return [p for p in found if attach.span_root(doc, p.start, p.end) is not None]


def administered(text: str, place: Place, places: Sequence[Place]) -> Place:
    """'Pakistan-administered Kashmir': in the country that holds it."""
    for other in places:
        between = text[other.end : place.start]
        if (
            other.end <= place.start
            and other.feature == "country"
            and between.strip(" ").lstrip("-\u2013") in ADMINISTERED
        ):
            return replace(other, text=text[other.start : place.end], end=place.end)
    return place


def refined(doc: Doc, trigger: Token, place: Place, places: Sequence[Place]) -> Place:
    """'fired missiles at Israel, setting off sirens in Tel Aviv': the city the clause
    after the trigger names in that country."""
    if place.feature != "country":
        return place
    clauses = {c.i for c in trigger.children if c.dep_ == "advcl" and c.tag_ == "VBG"}
    if not clauses:
        return place
    cities = [p for p in places if p.country == place.country and p.feature == "city"]
    found = attach.attached(doc, cities, clauses, set(), None)
    return min(found, key=lambda p: p.start) if found else place


def somewhere(places: Sequence[Place]) -> list[Place]:
    """Drop names located nowhere (unknown, and in no known country: "its east coast")."""
    return [p for p in places if p.name is not None or p.country is not None]


def coordinated(doc: Doc, places: list[Place]) -> list[Place]:
    """'sites in Pakistan and Pakistan-administered Kashmir' is one location (the first):
    drop a place coordinated with an earlier one in the same phrase."""
    roots = {id(p): attach.span_root(doc, p.start, p.end) for p in places}
    indices = {r.i for r in roots.values() if r is not None}
    out: list[Place] = []
    for p in places:
        root = roots[id(p)]
        if root is not None and root.dep_ == "conj" and root.head.i in indices:
            continue
        out.append(p)
    return out


def facility(doc: Doc, place: Place) -> Place:
    """'at the Vostochny Cosmodrome in Russia's Far East': the named facility, placed by
    the place after it (its country and position, and its name where the gazetteer has
    one)."""
    root = attach.span_root(doc, place.start, place.end)
    if root is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "near"):
        return place
    noun = root.head.head
    if (
        noun.pos_ != "PROPN"
        or noun.dep_ != "pobj"
        or noun.head.lower_ not in ("at", "in")
        or noun.ent_type_ in ("GPE", "LOC", "PERSON", "NORP")
    ):
        return place
    words = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if not all(w.pos_ == "PROPN" for w in words):
        return place
    first = min([noun, *words], key=lambda t: t.i)
    start, end = first.idx, noun.idx + len(noun.text)
    return replace(place, text=doc.text[start:end], start=start, end=end)


def with_capitals(text: str, places: Sequence[Place], gazetteer: Gazetteer | None) -> list[Place]:
    """'the North Korean capital': the country's capital city, where the demonym was."""
    out: list[Place] = []
    for p in places:
        capital = (
            gazetteer.capital(p.country)
            if gazetteer is not None and p.kind == "demonym" and p.country
            else None
        )
        tail = text[p.end : p.end + 8]
        if capital is None or tail.lower() != " capital":
            out.append(p)
            continue
        out.append(capital.place(text[p.start : p.end + 8], p.start, p.end + 8))
    return out


def of_the_day(status: Status, when: EventDate, published: date | None) -> bool:
    """An event the article reports as today's news (so the dateline may place it)."""
    return (
        status in ("occurred", "negated")
        and published is not None
        and (
            when.basis == "publication"
            or (when.start is not None and abs((when.start - published).days) <= DATELINE_DAYS)
        )
    )


def at_dateline(doc: Doc, place: Place, dateline: Place | None) -> Place:
    """An unknown facility in the dateline's country ("the Mariinsky Palace", "the Filoli
    estate"): at the dateline's city. Not an unknown region ("Donbas"): it may be far."""
    if place.name is not None or dateline is None or dateline.country != place.country:
        return place
    root = attach.span_root(doc, place.start, place.end)
    if root is None:
        return place
    words = {root.lower_, root.lemma_.lower()}
    if root.dep_ == "compound":
        words |= {root.head.lower_, root.head.lemma_.lower()}
    if root.ent_type_ != "FAC" and not words & FACILITY_WORDS:
        return place
    return replace(dateline, text=place.text, start=place.start, end=place.end)


def from_context(
    doc: Doc, article: Article, events: list[Event], dateline: Place | None
) -> list[Event]:
    """Events with no place of their own take the place of the meeting they happened
    at: one referred to ("during that visit", "on the sidelines of the meeting"), which
    outranks the dateline, or one told just before, on the same day."""
    out: list[Event] = []
    for e in events:
        meeting: Event | None = None
        if e.status in ("occurred", "negated", "planned"):
            if e.place is None or e.place.basis == "dateline":
                meeting = _referred_meeting(doc, e, out)
            if meeting is None and e.place is None:
                meeting = _meeting_before(article, e, out)
        if meeting is not None and meeting.place is not None:
            e = replace(e, place=replace(meeting.place, basis="context"))
        out.append(e)
    return out


def _referred_meeting(doc: Doc, e: Event, earlier: list[Event]) -> Event | None:
    span = doc.char_span(e.evidence.start, e.evidence.end, alignment_mode="expand")
    if span is None:
        return None
    nouns = [
        tok.lower_
        for tok in span
        if tok.lemma_.lower() in MEETING_NOUNS
        and tok.dep_ == "pobj"
        and tok.idx != e.evidence.trigger_start
        and any(c.dep_ == "det" and c.lower_ in ("that", "this", "the") for c in tok.children)
        # "the Group of 20 summit" names a meeting; "the summit" refers to one
        and not any(c.dep_ in ("compound", "amod", "nmod", "poss") for c in tok.children)
    ]
    return next(
        (
            m
            for m in reversed(earlier)
            if m.type == "CONSULT"
            and m.place is not None
            and any(m.evidence.trigger.lower()[:4] == n[:4] for n in nouns)
        ),
        None,
    )


def _meeting_before(article: Article, e: Event, earlier: list[Event]) -> Event | None:
    if e.status != "occurred" or e.date.start is None or not earlier or e.type in FIELD_TYPES:
        return None
    last = earlier[-1]
    if (
        last.type != "CONSULT"
        or last.place is None
        or last.status != "occurred"
        or last.date.basis != "stated"
        or (last.date.start, last.date.end) != (e.date.start, e.date.end)
    ):
        return None
    para = _paragraph(article, e.evidence.start)
    return last if para - _paragraph(article, last.evidence.start) <= 1 else None


def _paragraph(article: Article, offset: int) -> int:
    for i, (start, end) in enumerate(article.paragraphs):
        if start <= offset < max(end, start + 1):
            return i
    return 0


def focus(places: Sequence[Place], gazetteer: Gazetteer | None) -> Place | None:
    """The article's main country, a last resort for an event no text places: the country
    of at least half of its resolved toponyms, named at least twice."""
    if gazetteer is None:
        return None
    named = [p for p in places if p.kind == "place" and p.country and p.name]
    counts = Counter(p.country for p in named)
    if not counts:
        return None
    iso3, n = counts.most_common(1)[0]
    if iso3 is None or n < 2 or n * 2 < len(named):
        return None
    first = next(p for p in named if p.country == iso3)
    return replace(gazetteer.country_place(iso3, first.text, first.start, first.end), basis="focus")


def with_focus(events: list[Event], focus_place: Place | None) -> list[Event]:
    if focus_place is None:
        return events
    return [
        replace(e, place=focus_place)
        if e.place is None and e.status in ("occurred", "planned")
        else e
        for e in events
    ]


def located(doc: Doc, places: list[Place]) -> list[Place]:
    """'at the Presidential Palace in Warsaw': one location, Warsaw, named by the facility's
    words where the gazetteer knows only the city around it."""
    roots = {id(p): attach.span_root(doc, p.start, p.end) for p in places}
    out: list[Place] = []
    for p in places:
        root = roots[id(p)]
        outer = next(
            (
                q
                for q in places
                if q is not p
                and root is not None
                and (r := roots[id(q)]) is not None
                and r in root.ancestors
                and _under_locative(root, r)
            ),
            None,
        )
        if outer is not None and outer.name is None and (p.name or p.country):
            out = [x for x in out if x is not outer]
            out.append(replace(p, text=outer.text, start=outer.start, end=outer.end))
            continue
        if outer is not None and outer.name is not None:
            continue  # "Kazan in Russia": the outer, more precise place stands
        if any(o.start == p.start for o in out):
            continue
        out.append(p)
    named = [facility(doc, p) for p in out if p.name is not None]
    return named or [facility(doc, p) for p in out]


def _under_locative(inner: Token, outer: Token) -> bool:
    """Is ``inner`` inside a locative phrase ("in", "near") that hangs on ``outer``?"""
    tok = inner
    while tok.i != outer.i and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in ("in", "near", "outside", "at"):
            return True
        tok = tok.head
    return False


def dateline_place(article: Article, places: Sequence[Place]) -> Place | None:
    """The dateline's place ("MOSCOW —"), which may follow a standfirst paragraph."""
    found = find_dateline(article.text, article.paragraphs)
    if found is None:
        return None
    lo, hi = found
    return next((p for p in places if p.start >= lo and p.end <= hi + 1 and p.name), None)


def split_by_place(
    places: list[Place], stated: list[TimeSpan]
) -> list[tuple[Place | None, list[TimeSpan]]]:
    """'met in A in May, and in B in July' is two events: each place takes the times
    between it and the next place."""
    places = sorted(places, key=lambda p: p.start)
    # Keep one place per country chain ("Kazan, Russia" is one location: the first).
    chosen: list[Place] = []
    for p in places:
        if chosen and p.start - chosen[-1].end <= 3 and p.feature == "country":
            continue
        chosen.append(p)
    if len(chosen) <= 1:
        return [(chosen[0] if chosen else None, stated)]
    groups: list[tuple[Place | None, list[TimeSpan]]] = []
    for i, p in enumerate(chosen):
        nxt = chosen[i + 1].start if i + 1 < len(chosen) else 10**9
        mine = [t for t in stated if p.start <= t.start < nxt]
        groups.append((p, mine))
    if not groups[0][1]:
        early = [t for t in stated if t.start < chosen[0].start]
        groups[0] = (groups[0][0], early)
    if all(not g[1] for g in groups[1:]):
        return [(chosen[0], stated)]
    return groups
