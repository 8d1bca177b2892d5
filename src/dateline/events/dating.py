"""Dating an event: its own stated time, else inferred from context, else publication.

Status matters: a planned event is not dated before publication and an occurred one
not after it; a year-less date ("May 9") moves to the year the status allows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from dateline.events import attach
from dateline.events.lexicon import all_trigger_lemmas
from dateline.nlp import Token
from dateline.records import Article, DateBasis, EventDate, Granularity, Status, TimeSpan
from dateline.time.calendar import last_day, shift
from dateline.time.lexicon import ORDINALS

DATED = ("DATE", "TIME")
#: Subordinators whose clause happens at (or just before) the time of the clause it hangs on.
SAME_TIME_MARKS = frozenset(["after", "when", "as", "while", "once"])
#: Prepositions that make an event noun the start or the reference of another event.
REFERENCE_PREPS = frozenset(["since", "after", "following", "before"])
_AMOUNT = re.compile(r"^P(\d+)([DWMY])$")
_GRAIN: dict[str, Granularity] = {"D": "day", "W": "week", "M": "month", "Y": "year"}


def _shift_year(d: date | None, years: int) -> date | None:
    if d is None:
        return None
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def _has_year(text: str) -> bool:
    return any(ch.isdigit() for ch in text) and any(
        len(w) == 4 and w.isdigit() for w in text.replace(",", " ").replace("'", " ").split()
    )


WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])


def _is_weekday(text: str) -> bool:
    words = text.lower().replace(",", " ").split()
    return (
        bool(words) and any(w in WEEKDAYS for w in words) and not any(ch.isdigit() for ch in text)
    )


def fits(span: TimeSpan, status: Status, published: date | None) -> bool:
    """Can this time expression date an event with this status?"""
    if span.start_date is None or published is None:
        return span.start_date is not None
    # as the status reads it: a yearless "February" of a past event is the last one
    when = from_span(span, "stated", status, published)
    start, end = when.start or span.start_date, when.end or span.start_date
    if status == "planned":
        return end >= published
    if status in ("occurred", "negated"):
        return start <= published
    return True


def from_span(
    span: TimeSpan, basis: DateBasis, status: Status, published: date | None
) -> EventDate:
    start, end = span.start_date, span.end_date or span.start_date
    if published is not None and start is not None and end is not None and _is_weekday(span.text):
        # a bare weekday points back in a report of the past and forward in a plan
        if status == "planned" and end < published:
            start, end = start + timedelta(days=7), end + timedelta(days=7)
        elif status in ("occurred", "negated") and start > published:
            start, end = start - timedelta(days=7), end - timedelta(days=7)
        return EventDate(
            start=start, end=end, granularity=span.granularity, text=span.text, basis=basis
        )
    if published is not None and start is not None and end is not None and not _has_year(span.text):
        if status == "planned" and end < published and span.granularity in ("day", "month"):
            start, end = _shift_year(start, 1), _shift_year(end, 1)
        elif status == "occurred" and start > published and span.granularity in ("day", "month"):
            start, end = _shift_year(start, -1), _shift_year(end, -1)
    return EventDate(
        start=start, end=end, granularity=span.granularity, text=span.text, basis=basis
    )


def clip(when: EventDate, status: Status, published: date | None) -> EventDate:
    """What the status allows of the interval: a plan cannot start before publication
    ("later this week"), a past event cannot end after it ("earlier this month")."""
    if published is None or when.start is None or when.end is None:
        return when
    later = (when.text or "").lower().startswith("later")
    if status == "planned" and later and when.start <= published < when.end:
        return replace(when, start=published + timedelta(days=1))  # "later this week"
    if status == "planned" and when.start < published <= when.end:
        return replace(when, start=published)
    if status in ("occurred", "negated") and when.start <= published < when.end:
        return replace(when, end=published)
    return when


def publication_date(article: Article) -> EventDate:
    return EventDate(
        start=article.published,
        end=article.published,
        granularity="day" if article.published else None,
        text=None,
        basis="publication",
    )


def choose(
    stated: Sequence[TimeSpan],
    sentence: Sequence[TimeSpan],
    context: Sequence[TimeSpan],
    status: Status,
    article: Article,
    trigger: Token | None = None,
    sent_times: Sequence[TimeSpan] = (),
) -> EventDate:
    """stated: attached to the trigger; sentence: free in its sentence; context: earlier
    in the paragraph, nearest last. With the trigger and all its sentence's times, what the
    syntax says first: "five months after X invaded", "the first anniversary of the
    invasion", "since the invasion in February 2022", "after X travelled", "did A in April
    and B"."""
    published = article.published
    ahead = [
        t
        for t in (*stated, *sentence)
        if t.start_date is not None and published is not None and t.start_date > published
    ]
    if trigger is not None and status == "occurred" and ahead and _present_simple(trigger):
        # "when Putin visits Turkey in August": a present tense is not told as past, so its
        # time stays as the tagger read it, not moved back a year or a week
        status = "ongoing"
    if status != "planned" and published is not None and trigger is not None:
        stated = [_since(s, trigger, published) for s in stated]
        sentence = [_since(s, trigger, published) for s in sentence]
    own = [s for s in stated if s.type in DATED and s.start_date is not None]
    if trigger is not None:
        outer = _offset_date(trigger, sent_times, own)
        if outer is not None:
            return clip(outer, status, published)
    if trigger is not None and all(s.granularity == "day" for s in own):
        # the day an anniversary is marked, wherever the parser hung it, is not the event's
        anniversary = _anniversary(trigger, sent_times)
        if anniversary is not None:
            return clip(anniversary, status, published)
    if trigger is not None and not own:
        derived = _derived(trigger, sent_times, status, published)
        if derived is not None:
            return clip(derived, status, published)
        sentence = [s for s in sentence if not _dates_other_clause(trigger, s)]
        if status == "negated" and trigger.dep_ != "xcomp":
            # "called off a summit on Tuesday, so he did not meet them": the time is the
            # cancelling's; what did not happen has no date of its own ("refused on Monday
            # to sign" keeps it: the refusal is the non-event's day)
            sentence = []
    return clip(_choose(stated, sentence, context, status, article), status, published)


#: "since February 2022", "since Russia's invasion in February 2022"
_SINCE = re.compile(r"\bsince\s+(?:(?P<np>[^,;.()]{1,40})\s(?:in|on)\s+)?$", re.IGNORECASE)


def _since(span: TimeSpan, trigger: Token, published: date) -> TimeSpan:
    """A time after "since" (or after "since" and an event noun) starts a stretch that runs
    to publication; not after "have since met" (the adverb) or "since X sent troops" (a
    clause whose own time it is)."""
    if span.start_date is None or span.start_date > published:
        return span
    doc = trigger.doc
    m = _SINCE.search(doc.text, max(0, span.start - 60), span.start)
    if m is None:
        return span
    if m["np"]:
        between = doc.char_span(m.start("np"), m.end("np"), alignment_mode="expand")
        if between is None or any(
            t.pos_ in ("VERB", "AUX", "ADV") or t.i == trigger.i for t in between
        ):
            return span
    return replace(span, end_date=max(published, span.end_date or published))


def _present_simple(trigger: Token) -> bool:
    return trigger.tag_ in ("VBZ", "VBP") and not any(
        c.dep_ in ("aux", "auxpass") for c in trigger.children
    )


def _derived(
    trigger: Token, sent_times: Sequence[TimeSpan], status: Status, published: date | None
) -> EventDate | None:
    offset = _offset_date(trigger, sent_times)
    if offset is not None:
        return offset
    for span in _reference_noun_times(trigger, sent_times):
        if fits(span, status, published):
            return from_span(span, "stated", status, published)
    for span in _governing_times(trigger, sent_times):
        if fits(span, status, published):
            return from_span(span, "inferred", status, published)
    carrier = _carrier(trigger)
    if carrier is not None:
        # "arriving on a visit that Beijing had warned against": the relative clause is
        # told at the time of what its noun is part of
        when = _offset_date(carrier, sent_times)
        if when is not None:
            return replace(when, basis="inferred")
        for span in attach.attached(trigger.doc, _dated(sent_times), {carrier.i}, {trigger.i}):
            if fits(span, status, published):
                return from_span(span, "inferred", status, published)
    return None


def _carrier(trigger: Token) -> Token | None:
    """The verb whose object (or prepositional object) a relative clause's noun is."""
    if trigger.dep_ != "relcl" or trigger.head.pos_ != "NOUN":
        return None
    tok = trigger.head
    for _ in range(3):
        if tok.dep_ not in ("pobj", "dobj", "prep") or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB":
            return tok
    return None


def _dated(sent_times: Sequence[TimeSpan]) -> list[TimeSpan]:
    return [s for s in sent_times if s.type in DATED and s.start_date is not None]


def _moved(base: TimeSpan, amount: int, unit: str, text: str) -> EventDate | None:
    """``base``'s interval moved by ``amount`` units (negative: back)."""
    if base.start_date is None:
        return None
    start, end = base.start_date, base.end_date or base.start_date
    grain = base.granularity or "day"
    step = _GRAIN[unit]
    try:
        start, end = shift(start, step, amount), shift(end, step, amount)
    except (OverflowError, ValueError):
        return None
    if grain in ("month", "quarter", "season") and step in ("month", "year"):
        end = end.replace(day=last_day(end.year, end.month))
    elif grain == "year" and step == "year":
        end = date(end.year, 12, 31)
    return EventDate(start=start, end=end, granularity=grain, text=text, basis="stated")


def _offset_date(
    trigger: Token, sent_times: Sequence[TimeSpan], own: Sequence[TimeSpan] | None = None
) -> EventDate | None:
    """ "signed in July 2022, five months after troops invaded": the invasion is five months
    before July 2022. With ``own`` (the trigger's attached times), the other way round:
    "struck two days after the talks on June 11" is two days after June 11, unless the
    trigger has a time of its own outside that phrase."""
    doc = trigger.doc
    for span in sent_times:
        m = _AMOUNT.match(span.value) if span.type == "DURATION" else None
        root = attach.span_root(doc, span.start, span.end) if m else None
        if m is None or root is None or root.dep_ != "npadvmod":
            continue
        head = root.head
        word = head if head.lower_ in ("after", "before") else None
        if word is None:
            word = next(
                (c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")),
                None,
            )
        in_scope = trigger.i == head.i or (
            trigger.head.i == head.i and trigger.dep_ in ("pobj", "pcomp")
        )
        if word is None or word.i < root.i:
            continue
        if own is not None:
            if in_scope or head.head.i != trigger.i or head.i == trigger.i:
                continue
            # "struck two days after the talks on June 11": the trigger is that far after
            inside = {t.i for t in head.subtree}

            def within(t: TimeSpan, inside: set[int] = inside) -> bool:
                r = attach.span_root(doc, t.start, t.end)
                return r is not None and r.i in inside

            base = [t for t in _dated(sent_times) if within(t)]
            if base and all(within(t) for t in own):
                sign = 1 if word.lower_ == "after" else -1
                text = f"{span.text} {'after' if sign > 0 else 'before'} {base[0].text}"
                return _moved(base[0], sign * int(m.group(1)), m.group(2), text)
            continue
        if not in_scope:
            continue
        base = [t for t in _dated(sent_times) if t.end <= span.start]
        if not base:
            continue
        sign = -1 if word.lower_ == "after" else 1
        # the event is that far before (after) the stated date: "a day before Tuesday"
        text = f"{span.text} {'before' if sign < 0 else 'after'} {base[-1].text}"
        return _moved(base[-1], sign * int(m.group(1)), m.group(2), text)
    return None


def _anniversary(trigger: Token, sent_times: Sequence[TimeSpan]) -> EventDate | None:
    """ "marked the first anniversary of Russia's invasion on Friday": a year before Friday."""
    of = trigger.head
    if trigger.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() == "anniversary":
        years = next(
            (
                ORDINALS.get(c.lower_) or int(re.sub(r"\D", "", c.text) or 0)
                for c in of.head.children
                if c.dep_ == "amod"
                and (c.lower_ in ORDINALS or re.match(r"\d+(st|nd|rd|th)$", c.lower_))
            ),
            0,
        )
        day = [t for t in _dated(sent_times) if t.granularity == "day"]
        if years and day:
            return _moved(day[0], -years, "Y", f"{years} years before {day[0].text}")
    return None


def _reference_noun_times(trigger: Token, sent_times: Sequence[TimeSpan]) -> list[TimeSpan]:
    """ "aid since Russia's invasion in February 2022": the time right after an event noun
    that is a since/after phrase's object is the noun's, wherever the parser hung it."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "pobj":
        return []
    if trigger.head.lower_ not in REFERENCE_PREPS:
        return []
    text = trigger.doc.text
    end = trigger.idx + len(trigger.text)
    return [
        t
        for t in _dated(sent_times)
        if t.start > end and re.fullmatch(r"\s+(?:in|on)\s+", text[end : t.start])
    ]


def _governing_times(trigger: Token, sent_times: Sequence[TimeSpan]) -> list[TimeSpan]:
    """The times of the verb a trigger's clause hangs on: "suspended the channels in August
    after Pelosi travelled", "had suspended the treaty in April and expelled advisers"."""
    verb = trigger if trigger.pos_ in ("VERB", "AUX") else None
    if verb is None:
        return []
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is not None and obj.lemma_.lower() in all_trigger_lemmas():
        # "attend a summit ... in London on Sunday": the event attended is the time's
        found = _within(trigger, sent_times, obj)
        if found:
            return found
    for clause in verb.children:
        # "will discuss it when X visits in August": the when-clause's time is the event's
        if clause.dep_ == "advcl" and any(
            c.dep_ in ("mark", "advmod") and c.lower_ in ("when", "once") for c in clause.children
        ):
            found = attach.attached(trigger.doc, _dated(sent_times), {clause.i}, {verb.i})
            if found:
                return found
    head = verb.head
    if head.i == verb.i:
        return []
    if head.pos_ not in ("VERB", "AUX"):
        return _within(trigger, sent_times, head, exclude=verb) if verb.dep_ == "relcl" else []
    doc = trigger.doc
    if verb.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in SAME_TIME_MARKS for c in verb.children
    ):
        return attach.attached(doc, _dated(sent_times), {head.i}, {verb.i})
    if (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBG"
        and not any(c.dep_ in ("mark", "aux", "nsubj") for c in verb.children)
    ):
        # "struck Kharkiv overnight, killing three people": the result, at the strike's time
        return attach.attached(doc, _dated(sent_times), {head.i}, {verb.i})
    if verb.dep_ == "relcl" and head.pos_ == "NOUN":
        # "a deal announced on March 10 under which they agreed": the noun's time
        return _within(trigger, sent_times, head, exclude=verb)
    if verb.dep_ == "conj":
        # the time said once for both conjuncts, between them
        return [
            t
            for t in attach.attached(doc, _dated(sent_times), {head.i}, {verb.i})
            if head.idx < t.start and t.end <= verb.idx
        ]
    return []


def _within(
    trigger: Token, sent_times: Sequence[TimeSpan], phrase: Token, exclude: Token | None = None
) -> list[TimeSpan]:
    """Dated times inside ``phrase``'s subtree (and not inside ``exclude``'s)."""
    inside = {t.i for t in phrase.subtree} - ({t.i for t in exclude.subtree} if exclude else set())
    out = []
    for span in _dated(sent_times):
        root = attach.span_root(trigger.doc, span.start, span.end)
        if root is not None and root.i in inside:
            out.append(span)
    return out


def _dates_other_clause(trigger: Token, span: TimeSpan) -> bool:
    """ "agreed to revive a pact signed in 2001": the year is the signing's, a clause of its
    own on a noun the trigger does not take; "attend a summit hosted ... on Sunday" keeps
    it (the summit is what is attended)."""
    root = attach.span_root(trigger.doc, span.start, span.end)
    tok = root
    lemmas = all_trigger_lemmas()
    for _ in range(attach.MAX_CLIMB):
        if tok is None or tok.head.i == tok.i or tok.i == trigger.i:
            return False
        if tok.dep_ in ("acl", "relcl") and tok.lemma_.lower() in lemmas:
            noun = tok.head
            return noun.head.i != trigger.i and trigger.i not in {t.i for t in tok.subtree}
        tok = tok.head
    return False


def _choose(
    stated: Sequence[TimeSpan],
    sentence: Sequence[TimeSpan],
    context: Sequence[TimeSpan],
    status: Status,
    article: Article,
) -> EventDate:
    published = article.published
    dated = [s for s in stated if s.type in DATED and s.start_date is not None]
    if dated:
        best = next((s for s in dated if fits(s, status, published)), dated[0])
        return from_span(best, "stated", status, published)
    free = [s for s in sentence if s.type in DATED and s.start_date is not None]
    free = [s for s in free if fits(s, status, published)]
    if len(free) == 1:
        return from_span(free[0], "inferred", status, published)
    if status in ("planned", "occurred", "negated"):
        for span in reversed(context):
            if (
                span.type in DATED
                and span.start_date is not None
                and fits(span, status, published)
                and span.granularity in ("day", "month")
                # a plan is not dated to the day it is reported by context alone
                and not (
                    status == "planned"
                    and published is not None
                    and (span.end_date or span.start_date) <= published
                )
            ):
                return from_span(span, "inferred", status, published)
    return publication_date(article)
