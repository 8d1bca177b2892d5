"""In-document coreference for actors: one cluster per real actor.

Rules, in order: full names and their surnames ("Xi Jinping" ... "Xi"); titles and
nominals ("the Chinese leader") to the latest person of that country; personal pronouns
to the latest person (subjects first); "it"/"its" to the latest acting country or
organisation; plural nominals ("the two leaders") to the latest distinct people.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import cast, get_args

from dateline.actors.mentions import SIDE_NOUNS, SIDES_ROLE, RawMention
from dateline.nlp import Doc
from dateline.records import Entity, Mention, MentionKind

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
_THING_PRONOUNS = frozenset({"it", "its"})
# "X said they would ...": only an actor of the same sentence, a plural is too loose beyond
# ("their talks" is usually both sides, so only the subject "they")
_PLURAL_PRONOUNS = frozenset({"they"})
_NUMBER_WORDS = {"two": 2, "both": 2, "three": 3}
#: How many sentences back (this one included) a counted plural looks for its parties.
WINDOW_SENTENCES = 5
LOCATIVE_PREPS = frozenset({"in", "from", "to", "across", "into", "near", "at", "around"})


class _Cluster:
    __slots__ = ("entity", "id", "kind", "last", "surnames")

    def __init__(self, cid: int, mention: RawMention) -> None:
        self.id = cid
        self.kind = mention.kind
        self.entity = _entity(mention)
        self.surnames = {mention.name.split()[-1].lower()} if mention.kind == "person" else set()
        self.last = mention.start

    def absorb(self, mention: RawMention) -> None:
        e = self.entity
        self.entity = Entity(
            text=e.text,
            name=e.name
            if len(e.name) >= len(mention.name) or mention.kind != "person"
            else mention.name,
            country=e.country or mention.country,
            sector=e.sector or mention.sector,
            role=e.role or mention.role,
            id=e.id or mention.id,
        )
        self.last = max(self.last, mention.start)


def _entity(m: RawMention) -> Entity:
    return Entity(
        text=m.text,
        name=m.name,
        country=m.country,
        sector=m.sector,
        role=m.role,
        id=m.id,
        start=m.start,
        end=m.end,
    )


def resolve(doc: Doc, raw: list[RawMention]) -> tuple[Mention, ...]:
    """Link mentions into clusters and return one Mention per (mention, entity)."""
    clusters: list[_Cluster] = []
    assigned: list[tuple[RawMention, list[_Cluster]]] = []
    by_key: dict[str, _Cluster] = {}

    def new(m: RawMention) -> _Cluster:
        c = _Cluster(len(clusters), m)
        clusters.append(c)
        return c

    # Full names anywhere in the document, so that a bare surname in the lede ("Xi ...")
    # links to the full name given further down.
    full_names: dict[str, list[RawMention]] = {}
    for m in raw:
        if m.kind == "person" and len(m.name.split()) > 1:
            full_names.setdefault(m.name.split()[-1].lower(), []).append(m)

    # Pass 1: people and named actors, in text order.
    for m in raw:
        if m.kind == "person":
            key = m.name.lower()
            surname = m.name.split()[-1].lower()
            c = by_key.get(key)
            if c is None and len(m.name.split()) == 1:
                c = next(
                    (k for k in reversed(clusters) if k.kind == "person" and surname in k.surnames),
                    None,
                )
                later = {f.name.lower() for f in full_names.get(surname, ())}
                if c is None and len(later) == 1:
                    full = next(iter(full_names[surname]))
                    c = by_key.get(full.name.lower())
                    if c is None:
                        c = new(full)
                        by_key[full.name.lower()] = c
                    c.absorb(m)
            if c is None:
                c = new(m)
            else:
                c.absorb(m)
            by_key[key] = c
            assigned.append((m, [c]))
        elif m.kind in ("country", "metonym", "organization", "group"):
            key = f"{m.kind}:{m.country}:{m.sector}:{m.name.lower()}"
            c = by_key.get(key)
            if m.kind == "group" and m.sector == "IGO" and m.country is None:
                # "the alliance", "the bloc": the organisation named last
                named = _latest_organization(clusters, m.start)
                if named is not None:
                    named.last = max(named.last, m.start)
                    assigned.append((m, [named]))
                    continue
            if c is None:
                c = new(m)
                by_key[key] = c
            else:
                c.absorb(m)
            assigned.append((m, [c]))
        else:
            assigned.append((m, []))

    # Pass 2: nominals and pronouns, against what came before them.
    people_so_far: list[tuple[int, _Cluster, bool]] = []  # (start, cluster, is_subject)
    actors_so_far: list[tuple[int, _Cluster, bool]] = []
    groups = _Groups(doc)
    result: list[Mention] = []
    for m, cs in assigned:
        is_subject = doc[m.head].dep_ in ("nsubj", "nsubjpass") if m.head >= 0 else False
        if m.kind in ("nominal", "pronoun") and not cs:
            plural = _plural_parties(doc, m)
            if plural is not None:
                near = groups.window_start(m.start)
                seen = sorted(people_so_far + actors_so_far, key=lambda x: x[0])
                recent = [c for s, c, _ in reversed(seen) if s >= near]
                cs = groups.latest(m.start, near, *plural, clusters, recent)
            if not cs:
                cs = _antecedents(doc, m, people_so_far, actors_so_far)
            if not cs and m.kind == "nominal" and m.role != SIDES_ROLE:
                cs = [new(m)]
        groups.add(m, cs)
        for c in cs:
            if c.kind == "person":
                people_so_far.append((m.start, c, is_subject))
            else:
                actors_so_far.append((m.start, c, is_subject))
            kind = _record_kind(m.kind, c.kind)
            entity = replace(c.entity, text=m.text, start=m.start, end=m.end)
            result.append(
                Mention(
                    start=m.start, end=m.end, text=m.text, entity=entity, cluster=c.id, kind=kind
                )
            )
    # Entities carry the cluster's final knowledge (a later "President Xi" informs "Xi").
    final = {c.id: c.entity for c in clusters}
    return tuple(
        replace(r, entity=replace(final[r.cluster], text=r.text, start=r.start, end=r.end))
        for r in result
    )


def _latest_organization(clusters: list[_Cluster], before: int) -> _Cluster | None:
    orgs = [c for c in clusters if c.kind == "organization" and c.last < before]
    return max(orgs, key=lambda c: c.last) if orgs else None


class _Groups:
    """Actors named together ("Biden and Xi", "Saudi Arabia and Iran"), the usual
    antecedent of a counted plural ("the two leaders", "both countries")."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.by_head: dict[int, list[_Cluster]] = {}
        self.order: list[tuple[int, list[_Cluster], int]] = []  # (start, members, root)
        self.sent_starts = [s.start_char for s in doc.sents]  # once, not per plural

    def add(self, m: RawMention, cs: list[_Cluster]) -> None:
        if m.head < 0 or not cs:
            return
        tok = self.doc[m.head]
        root = tok
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head
        members = self.by_head.get(root.i)
        if members is None:
            members = []
            self.by_head[root.i] = members
            self.order.append((m.start, members, root.i))
        for c in cs:
            if all(c.id != o.id for o in members):
                members.append(c)
        self.by_head[tok.i] = members

    def latest(
        self,
        start: int,
        near: int,
        n: int,
        states: bool,
        clusters: list[_Cluster],
        recent: list[_Cluster],
    ) -> list[_Cluster]:
        """The parties a counted plural at ``start`` names: a group of n named together
        since ``near`` (subjects first: "Saudi Arabia and Iran agreed ..." over "from Syria
        to Lebanon"), else the last n distinct ones mentioned there (``recent``), else a
        subject group from further back."""
        for subjects_only in (True, False):
            found = self._latest(start, n, states, clusters, subjects_only, since=near)
            if found:
                return found
        picked = _as_states(recent, clusters) if states else _distinct_people(recent)
        if len(picked) >= n:
            return picked[:n]
        return self._latest(start, n, states, clusters, True, since=0)

    def window_start(self, start: int) -> int:
        """Where the last WINDOW_SENTENCES sentences up to ``start`` begin."""
        upto = bisect_right(self.sent_starts, start)
        return self.sent_starts[upto - WINDOW_SENTENCES] if upto >= WINDOW_SENTENCES else 0

    def _latest(
        self,
        start: int,
        n: int,
        states: bool,
        clusters: list[_Cluster],
        subjects_only: bool,
        *,
        since: int,
    ) -> list[_Cluster]:
        for first, members, root in reversed(self.order):
            if first >= start:
                continue
            if first < since:
                break
            head = self.doc[root]
            if subjects_only and head.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
                continue  # "conflicts from Yemen to Syria and Lebanon": places, not parties
            if states:
                picked = _as_states(members, clusters)
            elif all(c.kind == "person" for c in members):
                picked = members
            else:
                continue
            if len(picked) == n:
                return picked
        return []


def _distinct_people(seen: list[_Cluster]) -> list[_Cluster]:
    out: list[_Cluster] = []
    for c in seen:
        if c.kind == "person" and all(c.id != o.id for o in out):
            out.append(c)
    return out


def _as_states(members: list[_Cluster], clusters: list[_Cluster]) -> list[_Cluster]:
    """One cluster per country among the members, the country's own cluster if named."""
    out: list[_Cluster] = []
    seen: set[str] = set()
    for c in members:
        iso = c.entity.country
        if iso is None or iso in seen or c.entity.sector == "IGO":
            continue
        seen.add(iso)
        own = next((k for k in clusters if k.kind == "country" and k.entity.country == iso), c)
        out.append(own)
    return out


def _plural_parties(doc: Doc, m: RawMention) -> tuple[int, bool] | None:
    """(how many, as states?) for a counted plural nominal, else None.

    "the two leaders" are people; "the two countries", "both sides" and "the foreign
    ministers of the two countries" are states."""
    if m.head < 0:
        return None
    head = doc[m.head]
    if head.tag_ not in ("NNS", "NNPS"):
        return None
    count = next((_NUMBER_WORDS[t.lower_] for t in head.lefts if t.lower_ in _NUMBER_WORDS), None)
    if m.role == SIDES_ROLE:
        return (count or 2), True
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "from"):
            for obj in prep.children:
                inner = next(
                    (_NUMBER_WORDS[t.lower_] for t in obj.lefts if t.lower_ in _NUMBER_WORDS),
                    None,
                )
                if obj.dep_ == "pobj" and inner and obj.lemma_.lower() in SIDE_NOUNS:
                    return inner, True
    if count is None or m.country is not None:
        return None
    return count, False


def _antecedents(
    doc: Doc,
    m: RawMention,
    people: list[tuple[int, _Cluster, bool]],
    actors: list[tuple[int, _Cluster, bool]],
) -> list[_Cluster]:
    low = m.text.lower()
    sent_start = doc[m.head].sent.start_char if m.head >= 0 else 0
    if m.kind == "pronoun":
        if low in _PERSON_PRONOUNS:
            return _latest(people, sent_start, prefer_subject=True, limit=1)
        if low in _THING_PRONOUNS:
            return _latest(actors, sent_start, prefer_subject=True, limit=1)
        if low in _PLURAL_PRONOUNS:
            here = [(s, c, subj) for s, c, subj in actors if s >= sent_start]
            return _latest(here, sent_start, prefer_subject=True, limit=1)
        return []
    # nominal: "the Chinese leader", "the two leaders", "the president"
    head = doc[m.head]
    plural = head.tag_ in ("NNS", "NNPS")
    if plural:
        if m.country is not None:
            return []  # "Ukrainian officials" are their own group, not people named before
        if not any(t.lower_ in ("the", "both", "these", "those") for t in head.lefts):
            return []  # "officials in Washington said": some officials, not those named
        n = next((_NUMBER_WORDS[t.lower_] for t in head.lefts if t.lower_ in _NUMBER_WORDS), 2)
        if m.sector not in (None, "GOV"):
            return []
        return _latest(people, sent_start, prefer_subject=False, limit=n, distinct=True)
    candidates = [
        (s, c, subj) for s, c, subj in people if m.country is None or c.entity.country == m.country
    ]
    if m.sector is not None:
        candidates = [
            (s, c, subj) for s, c, subj in candidates if c.entity.sector in (None, m.sector)
        ]
    return _latest(candidates, sent_start, prefer_subject=False, limit=1)


def _latest(
    seen: list[tuple[int, _Cluster, bool]],
    sent_start: int,
    *,
    prefer_subject: bool,
    limit: int,
    distinct: bool = True,
) -> list[_Cluster]:
    """The latest clusters mentioned; with prefer_subject, a subject in the current
    sentence, else the latest subject of an earlier sentence, else the latest mention."""
    if not seen:
        return []
    ordered = list(reversed(seen))
    if prefer_subject and limit == 1:
        in_sentence = [c for s, c, _ in ordered if s >= sent_start]
        subj_here = [c for s, c, subj in ordered if s >= sent_start and subj]
        if subj_here:
            return subj_here[:1]
        if in_sentence:
            return in_sentence[:1]
        subj_before = [c for _, c, subj in ordered if subj]
        if subj_before:
            return subj_before[:1]
    out: list[_Cluster] = []
    for _, c, _ in ordered:
        if distinct and any(c.id == o.id for o in out):
            continue
        out.append(c)
        if len(out) == limit:
            break
    return out if len(out) == limit else []


def _record_kind(mention_kind: str, cluster_kind: str) -> MentionKind:
    if mention_kind == "pronoun":
        return "pronoun"
    if mention_kind == "nominal":
        return "person" if cluster_kind == "person" else "group"
    for kind in get_args(MentionKind):
        if kind == mention_kind:
            return cast(MentionKind, kind)
    return "group"
