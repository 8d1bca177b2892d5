"""The event coder: triggers -> PLOVER events with roles, status, date, place, evidence."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from dateline.actors.kb import KnowledgeBase
from dateline.events import anaphora, attach, clauses, dating, placing, retelling, stance
from dateline.events.classifier import EventTypeClassifier, main_verb
from dateline.events.lexicon import (
    LIGHT_VERBS,
    SPEECH_VERBS,
    Sense,
    all_trigger_lemmas,
    noun_sense,
)
from dateline.events.ontology import Ontology
from dateline.events.roles import (
    TARGETED_TYPES,
    completed_verb_roles,
    governing_verb,
    noun_roles,
    sentence_target,
    verb_roles,
)
from dateline.events.status import event_status
from dateline.events.word_sense import (
    in_context,
    noun_in_context,
    noun_ok,
    role_holder,
    verb_sense,
)
from dateline.geo.gazetteer import Gazetteer
from dateline.nlp import Doc, Span, Token
from dateline.records import (
    Article,
    Entity,
    Event,
    EventDate,
    Evidence,
    Mention,
    Place,
    Status,
    TimeSpan,
)

# Outer verbs that make their complement a content of theirs ("agreed to visit").
EMBEDDING_TYPES = frozenset({"AGREE", "THREATEN", "REJECT", "REQUEST"})
TARGETS_AT_PLACE = frozenset({"ASSAULT", "COERCE", "AID"})


@dataclass(frozen=True, slots=True)
class _Found:
    trigger: Token
    sense: Sense
    anchors: frozenset[int]
    actors: tuple[Entity, ...]
    recipients: tuple[Entity, ...]
    demand: bool = False
    """A speaker's demand that the actors do the act (coded as the speaker's REQUEST)."""


#: Classifier probability above which its type replaces the rules' (set on PLV's dev part).
CLASSIFIER_OVERRIDE = 0.25
#: Probability needed to code a sentence where no trigger word matched; kept high for news.
CLASSIFIER_NEW_EVENT = 0.5
#: Actors a sentence without a trigger word must name before the classifier may code it,
#: and whether its main verb must have a recipient as well as an actor.
CLASSIFIER_MIN_ACTORS = 2
CLASSIFIER_NEEDS_RECIPIENT = True
#: Rule patterns whose type the output contract fixes (a visit is CONSULT, a signing AGREE)
#: and where PLV's own labels differ: the classifier does not retype them.
PROTECTED_PATTERNS = frozenset({"visit", "meet", "host"})


class EventCoder:
    def __init__(
        self,
        kb: KnowledgeBase,
        ontology: Ontology,
        gazetteer: Gazetteer | None = None,
        classifier: EventTypeClassifier | None = None,
    ) -> None:
        self.kb = kb
        self.ontology = ontology
        self.gazetteer = gazetteer
        self.classifier = classifier
        self.lemmas = all_trigger_lemmas()

    def code(
        self,
        doc: Doc,
        article: Article,
        mentions: Sequence[Mention],
        times: Sequence[TimeSpan],
        places: Sequence[Place],
    ) -> tuple[Event, ...]:
        index = _token_index(doc, mentions)
        places = placing.with_capitals(doc.text, places, self.gazetteer)
        dateline = placing.dateline_place(article, places)
        events: list[Event] = []
        causes: set[int] = set()  # events named as a cause, dated by their own telling
        for sent in doc.sents:
            has_trigger = any(t.lemma_.lower() in self.lemmas for t in sent)
            if not has_trigger and (
                self.classifier is None or _actor_count(sent, index) < CLASSIFIER_MIN_ACTORS
            ):
                continue
            found = self._triggers(sent, index) if has_trigger else []
            if self.classifier is not None:
                found = [self._retyped(f, sent) for f in found]
                if not any(f.actors for f in found):
                    extra = self._classifier_trigger(sent, index)
                    if extra is not None:
                        found.append(extra)
            trigger_ids = {f.trigger.i for f in found}
            for f in found:
                f = _reaction_target(f, events)
                coded = self._events(f, sent, article, times, places, trigger_ids, dateline)
                if f.trigger.pos_ == "NOUN" and anaphora.is_cause(f.trigger):
                    causes.update(id(e) for e in coded if e.date.basis != "stated")
                events.extend(anaphora.in_setting(f.trigger, coded, events))
        events = [anaphora.dated_by_twin(e, events) if id(e) in causes else e for e in events]
        # a standfirst's retellings go first: the merge would otherwise keep the standfirst's
        # telling of an event and drop the body's (the one that stays)
        events = retelling.drop_standfirst_retellings(
            placing.from_context(doc, article, events, dateline), article
        )
        events = retelling.merge_in_document(events)
        # last resort, after merging so that a focus guess never stands in for a retelling
        events = placing.with_focus(events, placing.focus(places, self.gazetteer))
        return tuple(replace(e, id=f"{article.id}-e{i + 1}") for i, e in enumerate(events))

    # -- triggers ---------------------------------------------------------------------
    def _triggers(self, sent: Span, index: dict[int, list[Entity]]) -> list[_Found]:
        out: list[_Found] = []
        for tok in sent:
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma not in SPEECH_VERBS:
                sense = verb_sense(tok)
                if sense is None:
                    continue
                sense = in_context(tok, sense)
                if lemma == "attend" and (tok.dep_ in ("advcl", "acl") or tok.tag_ == "VBN"):
                    continue  # "attended by", "attending a meeting, X said": a setting
                roles = completed_verb_roles(tok, sense, index)
                if roles is None:
                    continue
                actors, recipients = roles
                found = _Found(tok, sense, frozenset({tok.i}), tuple(actors), tuple(recipients))
                demand = stance.as_demand(tok, sense, actors, index)
                if demand is not None:
                    sense, speakers, addressees = demand
                    found = replace(
                        found, sense=sense, actors=speakers, recipients=addressees, demand=True
                    )
                out.append(found)
            elif tok.pos_ == "NOUN":
                noun = noun_in_context(tok) or noun_sense(lemma) or noun_sense(tok.lower_)
                if noun is None or not noun_ok(tok, noun):
                    continue
                noun = in_context(tok, noun)
                actors, recipients = noun_roles(role_holder(tok), noun, index)
                if (
                    actors
                    and not any(r.country for r in recipients)
                    and noun.type in TARGETED_TYPES
                ):
                    recipients = [*recipients, *sentence_target(tok, actors, index)]
                anchors = {tok.i}
                verb = governing_verb(tok)
                if verb is not None and verb.lemma_ in LIGHT_VERBS:
                    anchors.add(verb.i)
                out.append(_Found(tok, noun, frozenset(anchors), tuple(actors), tuple(recipients)))
        return self._drop_nested(out)

    def _retyped(self, f: _Found, sent: Span) -> _Found:
        """Take the classifier's type where it disagrees confidently; roles stay the rules'."""
        assert self.classifier is not None
        if f.sense.pattern in PROTECTED_PATTERNS or f.sense.objects is not None:
            return f
        label, prob = self.classifier.predict_tokens(sent, f.trigger.text)
        if label == f.sense.type or prob < CLASSIFIER_OVERRIDE:
            return f
        mode = f.sense.mode if self.ontology.known_mode(label, f.sense.mode) else None
        return replace(f, sense=replace(f.sense, type=label, mode=mode))

    def _classifier_trigger(self, sent: Span, index: dict[int, list[Entity]]) -> _Found | None:
        """No trigger word, but a confident type and a dyad on the main verb: code it."""
        assert self.classifier is not None
        verb = main_verb(sent)
        if verb is None or verb.lemma_.lower() in SPEECH_VERBS:
            return None
        label, prob = self.classifier.predict_tokens(sent)
        if prob < CLASSIFIER_NEW_EVENT:
            return None
        sense = Sense(type=label, mode=None)
        actors, recipients = verb_roles(verb, sense, index)
        if not actors or (CLASSIFIER_NEEDS_RECIPIENT and not recipients):
            return None
        return _Found(verb, sense, frozenset({verb.i}), tuple(actors), tuple(recipients))

    def _drop_nested(self, found: list[_Found]) -> list[_Found]:
        """A nominal trigger that is the object or purpose of another trigger is part of
        that event ("sign a deal", "visited Russia for a summit"); a complement of an
        intent verb is its content ("agreed to visit"); a denial is coded as its negated
        content; conditions ("if X attacks") and threatened acts are not events."""
        by_index = {f.trigger.i: f for f in found}
        senses = {i: f.sense for i, f in by_index.items()}
        denied = {f.trigger.head.i for f in found if clauses.denied(f.trigger)}
        keep: list[_Found] = []
        for f in found:
            t = f.trigger
            if t.i in denied or clauses.in_condition_or_threat(t, senses):
                continue
            if t.pos_ == "NOUN" and (not f.actors or clauses.a_setting(t)):
                continue
            head = t.head
            # "since the attack": an event of its own (which dates this one), not a part
            reference = head.dep_ == "prep" and head.lower_ in dating.REFERENCE_PREPS
            if head.dep_ == "prep":
                head = head.head
            parent = by_index.get(head.i) if head.i != t.i and not reference else None
            if parent is not None and t.pos_ == "NOUN":
                continue
            if (
                t.dep_ in ("xcomp", "ccomp")
                and t.head.i in by_index
                and (by_index[t.head.i].sense.type in EMBEDDING_TYPES)
            ):
                continue
            keep.append(f)
        return keep

    # -- events -----------------------------------------------------------------------
    def _events(
        self,
        f: _Found,
        sent: Span,
        article: Article,
        times: Sequence[TimeSpan],
        places: Sequence[Place],
        trigger_ids: set[int],
        dateline: Place | None,
    ) -> list[Event]:
        if not f.actors:
            return []
        doc = sent.doc
        status = "occurred" if f.demand else event_status(f.trigger, f.sense.durative)
        if not f.demand:
            sense, status = stance.offer_or_refusal(f.trigger, f.sense, status)
            f = replace(f, sense=sense)
        anchors = set(f.anchors)
        blockers = trigger_ids - anchors
        repairs = attach.coordination_repairs(sent)
        sent_times = attach.in_sentence(times, sent)
        stated = attach.attached(doc, sent_times, anchors, blockers, repairs)
        others: set[int] = set()
        for other in trigger_ids - anchors:
            others.update(
                id(s)
                for s in attach.attached(doc, sent_times, {other}, trigger_ids - {other}, repairs)
            )
        if not stated and f.trigger.dep_ == "conj" and f.trigger.head.pos_ == "VERB":
            # "Early on Saturday, A struck X, and B fired at Y": a fronted time serves both
            head = f.trigger.head
            stated = [
                t
                for t in attach.attached(doc, sent_times, {head.i}, blockers - {head.i}, repairs)
                if t.end <= head.idx
            ]
        free = [s for s in sent_times if s not in stated and id(s) not in others]
        if status == "ongoing":
            free = []  # a state is not dated by whatever else its sentence dates
        sent_places = [p for p in attach.in_sentence(places, sent) if p.kind != "demonym"]
        my_places = placing.located(
            doc,
            [
                p
                for p in attach.attached(doc, sent_places, anchors, blockers, repairs)
                if self._is_location(doc, p, f)
            ],
        )
        if not my_places and f.trigger.pos_ == "VERB":
            # "X, speaking in Istanbul, condemned ...": where the speaker was
            for c in f.trigger.children:
                if c.dep_ == "advcl" and c.tag_ == "VBG":
                    my_places = [
                        p
                        for p in attach.attached(doc, sent_places, {c.i}, blockers, repairs)
                        if self._is_location(doc, p, f)
                    ][:1]
        if all(p.name is None for p in my_places):
            # "due in Warsaw for talks", "announced in Moscow that ...": the host's place
            hosted = placing.located(
                doc,
                [
                    p
                    for p in placing.host_places(
                        doc, f.trigger, f.sense.type, sent_places, trigger_ids, repairs
                    )
                    if self._is_location(doc, p, f)
                ],
            )
            if hosted and (not my_places or any(p.name for p in hosted)):
                my_places = hosted
        my_places = [
            placing.refined(doc, f.trigger, placing.administered(doc.text, p, sent_places), places)
            for p in placing.coordinated(doc, placing.somewhere(my_places))
        ]
        # "..., where X took a trip": the clause happens at the place and time before it
        if not stated and clauses.in_where_clause(f.trigger):
            before = attach.preceding(sent_times, f.trigger.idx)
            stated_like = before[:1]
            if not my_places:
                my_places = [
                    p for p in attach.preceding(sent_places, f.trigger.idx)[:1] if p.kind == "place"
                ]
        else:
            stated_like = []
        context = [
            t
            for t in _context_times(times, article, sent, status)
            if not clauses.dates_a_report(doc, t)
        ]
        if (
            status == "occurred"
            and clauses.simple_past(f.trigger)
            and not any(t.granularity in ("day", "month") for t in context)
        ):
            # the news of the day: an undated past event in a report is most often the
            # lede's event, whose day the lede gives
            lede = _lede_time(doc, times, article)
            context = [lede] if lede is not None else context
        groups = placing.split_by_place(my_places, stated)
        out: list[Event] = []
        for place, group_times in groups:
            when = dating.choose(
                group_times,
                stated_like or free,
                context,
                status,
                article,
                trigger=f.trigger,
                sent_times=sent_times,
            )
            out.append(self._assemble(f, sent, article, status, when, place, dateline))
        return out

    def _is_location(self, doc: Doc, place: Place, f: _Found) -> bool:
        object_is_place = f.sense.pattern == "visit" or f.sense.type in TARGETS_AT_PLACE
        return placing.is_location(doc, place, object_is_place)

    def _assemble(
        self,
        f: _Found,
        sent: Span,
        article: Article,
        status: Status,
        when: EventDate,
        place: Place | None,
        dateline: Place | None,
    ) -> Event:
        actors = list(f.actors)
        recipients = [r for r in f.recipients if not _same_actor(r, actors)]
        mode = f.sense.mode
        if f.sense.pattern == "meet" and f.sense.type == "CONSULT" and not recipients:
            actors, recipients = self._hosted(actors, place)
        actor_countries = {a.country for a in actors if a.country}
        if (
            place is not None
            and place.country
            and not any(r.country for r in recipients)
            and place.country not in actor_countries
            and (f.sense.type in TARGETS_AT_PLACE or f.sense.pattern == "visit")
        ):
            # a visit's destination is its host; a strike or aid "in X" lands on X
            country = self.kb.country_by_iso3(place.country)
            recipients = [
                *recipients,
                Entity(
                    text=place.text,
                    name=country.name if country else place.text,
                    country=place.country,
                    start=place.start,
                    end=place.end,
                ),
            ]
        if (
            place is not None
            and place.country
            and f.sense.pattern == "meet"
            and f.sense.type == "CONSULT"
            and mode is None
            and actor_countries
            and place.country not in actor_countries
            and place.country not in {r.country for r in recipients}
        ):
            mode = "third-party"  # met on neither side's ground
        if place is None:
            place = self._implied_place(f, status, when, article, recipients, dateline)
        else:
            stated = place
            if placing.of_the_day(status, when, article.published):
                place = placing.at_dateline(sent.doc, place, dateline)
            place = replace(place, basis="stated" if place is stated else "dateline")
        cameo, score, quad = self.ontology.code(f.sense.type, mode)
        text = sent.text.rstrip()
        evidence = Evidence(
            sentence=text,
            start=sent.start_char,
            end=sent.start_char + len(text),
            trigger=f.trigger.text,
            trigger_start=f.trigger.idx,
        )
        confidence = 0.45 + 0.2 * bool(actors) + 0.1 * bool(recipients)
        confidence += 0.15 if when.basis == "stated" else 0.05 if when.basis == "inferred" else 0
        confidence += 0.05 if f.trigger.pos_ == "VERB" else 0.0
        return Event(
            id="",
            type=f.sense.type,
            mode=mode,
            cameo=cameo,
            actor=tuple(actors),
            recipient=tuple(recipients),
            status=status,
            date=when,
            place=place,
            evidence=evidence,
            score=score,
            quad=quad,
            confidence=round(min(confidence, 0.95), 2),
        )

    def _hosted(
        self, actors: list[Entity], place: Place | None
    ) -> tuple[list[Entity], list[Entity]]:
        """Sides meeting at one side's seat of government ("a meeting between Trump and
        Zelensky at the White House", "talks in Moscow"): that side hosts, and PLOVER
        makes the host the recipient."""
        if place is None or place.country is None:
            return actors, []
        countries = {a.country for a in actors if a.country}
        if len(countries) < 2 or place.country not in countries:
            return actors, []
        country = self.kb.country_by_iso3(place.country)
        seat = self.kb.metonym(place.text)
        at_seat = (seat is not None and seat.iso3 == place.country) or (
            country is not None
            and country.capital is not None
            and place.name is not None
            and place.name.casefold() == country.capital.casefold()
        )
        if not at_seat:
            return actors, []
        hosts = [a for a in actors if a.country == place.country]
        return [a for a in actors if a.country != place.country], hosts

    def _implied_place(
        self,
        f: _Found,
        status: Status,
        when: EventDate,
        article: Article,
        recipients: list[Entity],
        dateline: Place | None,
    ) -> Place | None:
        """No place in the sentence: a visit's destination or a strike's target country,
        else the dateline for an event of the day that the article reports."""
        target = next((r for r in recipients if r.country and len(r.country) == 3), None)
        if (
            target is not None
            and self.gazetteer is not None
            and (f.sense.type in TARGETS_AT_PLACE or f.sense.pattern == "visit")
        ):
            assert target.country is not None
            if (
                dateline is not None
                and dateline.country == target.country
                and placing.of_the_day(status, when, article.published)
            ):
                # the day's host country: the dateline's city in it
                return replace(dateline, basis="dateline")
            found = self.gazetteer.country_place(
                target.country, target.text, target.start, target.end
            )
            return replace(found, basis="destination")
        if dateline is not None and placing.of_the_day(status, when, article.published):
            return replace(dateline, basis="dateline")
        return None


def _reaction_target(f: _Found, earlier: list[Event]) -> _Found:
    """Counterparts the sentence leaves to its context: "Iran condemned the strikes" is
    aimed at the strikers; "Xi also agreed to ..." after talks with Biden, at Biden."""
    if any(r.country for r in f.recipients):
        return f
    if f.sense.type in anaphora.PARTNERED_TYPES:
        found = anaphora.partners(f.actors, earlier)
        if found or f.sense.type not in anaphora.REACTION_TYPES:
            return replace(f, recipients=(*f.recipients, *found)) if found else f
    if f.recipients:
        return f
    if f.sense.type not in anaphora.REACTION_TYPES:
        return f
    noun = anaphora.referred_noun(f.trigger)
    if noun is None:
        return f
    targets = anaphora.antecedent_actors(noun, f.actors, earlier)
    return replace(f, recipients=targets) if targets else f


def _actor_count(sent: Span, index: dict[int, list[Entity]]) -> int:
    return len({e.country or e.name for t in sent for e in index.get(t.i, ())})


def _token_index(doc: Doc, mentions: Sequence[Mention]) -> dict[int, list[Entity]]:
    index: dict[int, list[Entity]] = defaultdict(list)
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        for tok in span:
            if not any(
                e.name == m.entity.name and e.country == m.entity.country for e in index[tok.i]
            ):
                index[tok.i].append(m.entity)
    return index


def _same_actor(e: Entity, actors: list[Entity]) -> bool:
    return any(a.name == e.name and a.country == e.country for a in actors)


def _context_times(
    times: Sequence[TimeSpan], article: Article, sent: Span, status: Status
) -> list[TimeSpan]:
    """Time expressions before the sentence: in its paragraph, or anywhere earlier for a
    planned event (whose reference time is the article's announced plan)."""
    para_start = 0
    for start, end in article.paragraphs:
        if start <= sent.start_char < max(end, start + 1):
            para_start = start
            break
    lower = 0 if status == "planned" else para_start
    return [t for t in times if lower <= t.start and t.end <= sent.start_char]


def _lede_time(doc: Doc, times: Sequence[TimeSpan], article: Article) -> TimeSpan | None:
    """The day the first paragraph dates, if it is within a week before publication."""
    if not article.paragraphs or article.published is None:
        return None
    first_end = article.paragraphs[0][1]
    for t in times:
        if t.start >= first_end:
            break
        if (
            t.granularity == "day"
            and t.start_date is not None
            and (0 <= (article.published - t.start_date).days <= 7)
        ):
            return t
    return None
