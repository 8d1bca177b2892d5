"""Toponym recognition: spaCy's place entities plus gazetteer matches over token texts.

A mention is found in three ways, in this order of trust:

1. a GPE/LOC/FAC/NORP entity of the model (trimmed of "the" and a possessive "'s");
2. a seat of government ("the Kremlin") or a demonym anywhere in the text;
3. a well-known gazetteer name (country, division, region, capital or a large city) among
   capitalised tokens the model left unlabelled or labelled as a person/organisation on
   its own, so that names the small model misses are still found.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dateline.geo.gazetteer import Candidate, Gazetteer
from dateline.nlp import Doc, Span
from dateline.records import PlaceKind

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: Entity labels whose whole text may still be a place the model mislabelled.
RELABEL = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
#: A city found only by the gazetteer scan must be at least this large (or a capital).
SCAN_MIN_POPULATION = 100_000
#: Entity labels searched for embedded place names when not places themselves.
EMBEDDING_LABELS = frozenset({"ORG"})
LANGUAGE_VERBS = frozenset({"speak", "learn", "teach", "understand", "write", "study"})
HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame", "Lord", "Lady"})
#: Trailing words naming a division after its main place ("Sichuan province", "Oaxaca
#: State"). Not "county": US counties are mostly named after people, not their towns.
DIVISION_WORDS = frozenset(
    {"province", "state", "region", "district", "governorate", "city", "prefecture"}
    | {"oblast", "municipality", "department"}
)
#: Trailing words naming the area around a city ("the San Francisco Bay Area").
AREA_SUFFIX = re.compile(r"\s+(?:bay area|metropolitan area|metro area|area)$", re.IGNORECASE)
_LEADING = frozenset({"the", "The", "THE"})
_TRAILING = frozenset({"'s", "\u2019s", "'", "\u2019", ".", ",", "-", "\u2014"})
#: "MOSCOW —", "BEIRUT (AP) —", "WASHINGTON, D.C. -" at the very start of an article.
DATELINE = re.compile(
    r"\s*(?P<place>[A-Z][A-Za-z'.\-]*(?: [A-Z][A-Za-z'.\-]*){0,3})"
    r"(?:, (?P<qual>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    r"\s*(?:\([^)\n]{1,40}\))?\s*(?:\u2014|\u2013|--|-|:|\ufffd)?\s"
)


_DATELINE_QUALIFIER = re.compile(r",\s*([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})")
_DATELINE_SEPARATOR = re.compile(r"\s*(?:\([^)\n]{1,40}\)\s*)?(?:\u2014|\u2013|--|-|:)")


def _inside(city: Candidate, outer: Candidate) -> bool:
    if outer.feature == "country":
        return city.country == outer.country
    return (
        outer.feature == "admin1"
        and city.country == outer.country
        and outer.admin1 is not None
        and city.admin1 == outer.admin1
    )


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the text that names a place, with every entry it could refer to."""

    text: str
    start: int
    end: int
    kind: PlaceKind
    candidates: tuple[Candidate, ...]
    source: str
    """``ent``, ``scan``, ``seat``, ``qualifier`` or ``dateline``."""
    root: int = -1
    """Token index of the span's syntactic root (-1 when unknown)."""


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and doc[start].text in _LEADING:
        start += 1
    while end > start and (doc[end - 1].text in _TRAILING or doc[end - 1].is_space):
        end -= 1
    return start, end


def _strong(cands: list[Candidate]) -> list[Candidate]:
    """Candidates trusted enough to mark an unlabelled capitalised word as a place."""
    return [
        c
        for c in cands
        if c.feature != "city" or (c.primary and (c.capital or c.population >= SCAN_MIN_POPULATION))
    ]


def _person_words(doc: Doc) -> frozenset[str]:
    """Words of the multi-word person names in ``doc`` ("Campbell Paterson")."""
    return frozenset(
        tok.text for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1 for tok in ent
    )


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper()


class Recognizer:
    """Finds place mentions in a parsed document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(self, doc: Doc, dateline: tuple[int, int] | None = None) -> list[Mention]:
        found: dict[tuple[int, int], Mention] = {}
        covered = [False] * len(doc)
        for ent in doc.ents:
            start, end = _trim(doc, ent.start, ent.end)
            if start >= end:
                continue
            if ent.label_ in PLACE_LABELS or ent.label_ == "NORP":
                for mention in self._entity(doc[start:end], ent.label_):
                    found[(mention.start, mention.end)] = mention
                for i in range(ent.start, ent.end):
                    covered[i] = True
            elif ent.label_ in RELABEL:
                relabelled = self._relabel(doc[start:end])
                if relabelled is not None:
                    found[(relabelled.start, relabelled.end)] = relabelled
                # Organisations are searched for the places in their names ("Kentucky
                # State Police"); people's names are not ("Jack London").
                if relabelled is not None or ent.label_ not in EMBEDDING_LABELS:
                    for i in range(ent.start, ent.end):
                        covered[i] = True
        for mention in self._scan(doc, covered):
            found.setdefault((mention.start, mention.end), mention)
        if dateline is not None and not any(
            m.start < dateline[1] and dateline[0] < m.end for m in found.values()
        ):
            at_dateline = self._dateline(doc, dateline)
            if at_dateline is not None:
                found[(at_dateline.start, at_dateline.end)] = at_dateline
        for mention in self._qualifiers(doc, found):
            found.setdefault((mention.start, mention.end), mention)
        people = _person_words(doc)
        return sorted(
            (
                m
                for m in found.values()
                if not self._is_person(m, doc, people) and not self._is_language(m, doc)
            ),
            key=lambda m: m.start,
        )

    @staticmethod
    def _is_language(mention: Mention, doc: Doc) -> bool:
        """'in English', 'speaks Turkish': a language, not a place."""
        if mention.kind != "demonym" or mention.root < 0:
            return False
        tok = doc[mention.root]
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ in ("NOUN", "PROPN"):
            return False  # "in Turkish waters"
        head = tok.head
        return (tok.dep_ == "pobj" and head.lower_ == "in") or (
            tok.dep_ == "dobj" and head.lemma_ in LANGUAGE_VERBS
        )

    def _is_person(self, mention: Mention, doc: Doc, people: frozenset[str]) -> bool:
        """A one-word city name that is also someone's name in the article ("Mr Paterson")."""
        if mention.kind != "place" or mention.source not in ("ent", "scan"):
            return False
        if any(c.feature != "city" for c in mention.candidates):
            return False
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or len(span) != 1:
            return False
        before = doc[span.start - 1].text.rstrip(".") if span.start > 0 else ""
        return mention.text in people or before in HONORIFICS

    def _dateline(self, doc: Doc, span: tuple[int, int]) -> Mention | None:
        """The dateline's town ("WOODSIDE, Calif. —"), which the model often leaves
        unlabelled: any city of that name, as the dateline itself vouches for it."""
        tokens = doc.char_span(span[0], span[1], alignment_mode="expand")
        if tokens is None or not len(tokens):
            return None
        cands = [c for c in self.gaz.lookup(tokens.text) if c.feature == "city"]
        after = doc.text[span[1] : span[1] + 40]
        qual = _DATELINE_QUALIFIER.match(after)
        if qual is not None:
            # "HOLLIDAY, Mo.": only a town of that name inside the qualifier will do
            outers = self.gaz.qualifier(qual.group(1))
            cands = [c for c in cands if any(_inside(c, o) for o in outers)]
        elif not _DATELINE_SEPARATOR.match(after):
            return None  # "GREEN fingered youngsters ...": a capitalised word, not a dateline
        elif after.lstrip().startswith(":"):
            # "NEW DELHI:", but also a caption's "JEWELL:" (a name): only a known town
            cands = [c for c in cands if c.capital or c.population >= SCAN_MIN_POPULATION]
        if not cands:
            return None
        return self._mention(tokens, "place", tuple(cands), "dateline")

    def _capitals(
        self, doc: Doc, found: dict[tuple[int, int], Mention]
    ) -> dict[tuple[int, int], Mention]:
        """'the North Korean capital': the country's capital city, not the country."""
        out: dict[tuple[int, int], Mention] = {}
        for key, m in found.items():
            cand = m.candidates[0] if len(m.candidates) == 1 else None
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            capital = (
                self.gaz.capital(cand.country)
                if m.kind == "demonym" and cand is not None and cand.country
                else None
            )
            if span is None or capital is None or span.end >= len(doc):
                out[key] = m
                continue
            nxt = doc[span.end]
            if nxt.lower_ != "capital":
                out[key] = m
                continue
            whole = doc[span.start : span.end + 1]
            mention = self._mention(whole, "place", (capital,), m.source)
            out[(mention.start, mention.end)] = mention
        return out

    # -- the model's entities -----------------------------------------------------------
    def _entity(self, span: Span, label: str) -> list[Mention]:
        mention = self._classify(span, label)
        if mention is not None and (mention.candidates or "," not in span.text):
            return [mention]
        # "Ankara, Turkey" as one entity: split at commas when every part is a place.
        if "," in span.text:
            parts: list[Mention] = []
            start = span.start
            doc = span.doc
            for i in range(span.start, span.end + 1):
                if i == span.end or doc[i].text == ",":
                    s, e = _trim(doc, start, i)
                    if s < e:
                        part = self._classify(doc[s:e], label)
                        if part is None or not part.candidates:
                            return [mention] if mention is not None else []
                        parts.append(part)
                    start = i + 1
            return parts
        return [mention] if mention is not None else []

    def _classify(self, span: Span, label: str) -> Mention | None:
        text = span.text
        seat = self.gaz.seat(text)
        if seat is not None:
            return self._mention(span, "metonym", (seat,), "seat")
        demonym = self.gaz.demonym(text)
        cands = self.gaz.lookup(text)
        if demonym is not None and (label == "NORP" or not cands):
            return self._mention(span, "demonym", (demonym,), "ent")
        if label == "NORP":
            # The small model calls some cities NORP ("Aleppo"): keep well-known names.
            return self._mention(span, "place", tuple(cands), "ent") if _strong(cands) else None
        if not cands and "." in text:
            cands = self.gaz.qualifier(text)  # "Ky.", "N.J." on their own
        if not cands and len(span) > 1 and span[-1].text.lower() in DIVISION_WORDS:
            # "Oaxaca State", "Orange County": the place named after the division's name.
            cands = [c for c in self.gaz.lookup(span[:-1].text) if c.feature != "country"]
        if not cands and (bare := AREA_SUFFIX.sub("", text)) != text:
            # "the San Francisco Bay Area": the city the area is named after
            cands = [c for c in self.gaz.lookup(bare) if c.feature == "city"]
        return self._mention(span, "place", tuple(cands), "ent")

    def _relabel(self, span: Span) -> Mention | None:
        text = span.text
        if not _capitalised(text):
            return None
        seat = self.gaz.seat(text)
        if seat is not None:
            return self._mention(span, "metonym", (seat,), "seat")
        demonym = self.gaz.demonym(text)
        if demonym is not None and span.label_ == "NORP":
            return self._mention(span, "demonym", (demonym,), "ent")
        cands = self.gaz.lookup(text)
        strong = _strong(cands)
        if span.label_ == "PERSON":  # only what is hardly a person's name
            strong = [c for c in strong if c.feature != "city" or c.population >= 1_000_000]
        if strong:
            return self._mention(span, "place", tuple(cands), "ent")
        return None

    # -- gazetteer scan -----------------------------------------------------------------
    def _scan(self, doc: Doc, covered: list[bool]) -> list[Mention]:
        out: list[Mention] = []
        n = len(doc)
        width = max(self.gaz.max_words, 3)
        i = 0
        while i < n:
            tok = doc[i]
            if (
                covered[i]
                or tok.text in _LEADING
                or not _capitalised(tok.text)
                or (not tok.is_alpha and "." not in tok.text)
            ):
                i += 1
                continue
            hit: Mention | None = None
            stop = i + 1
            for j in range(min(n, i + width), i, -1):
                if any(covered[i:j]):
                    continue
                span = doc[i:j]
                if not _capitalised(span[-1].text):
                    continue
                hit = self._scan_span(span)
                if hit is not None:
                    stop = j
                    break
            if hit is None:
                i += 1
                continue
            out.append(hit)
            i = stop
        return out

    def _scan_span(self, span: Span) -> Mention | None:
        text = span.text
        seat = self.gaz.seat(text)
        if seat is not None:
            return self._mention(span, "metonym", (seat,), "seat")
        demonym = self.gaz.demonym(text)
        if demonym is not None:
            if demonym.feature == "continent" and span[0].ent_type_ in EMBEDDING_LABELS:
                return None  # "European Union", "African Union": bodies, not places
            return self._mention(span, "demonym", (demonym,), "scan")
        cands = self.gaz.lookup(text)
        if not _strong(cands):
            return None
        # A sentence-initial single word is often an ordinary word ("Split", "Nice").
        first = span[0]
        single = (
            len(span) == 1 and first.is_sent_start and not first.is_upper and first.pos_ != "PROPN"
        )
        if single and all(c.feature == "city" for c in cands):
            return None
        return self._mention(span, "place", tuple(cands), "scan")

    # -- "Springfield, Ill." ------------------------------------------------------------
    def _qualifiers(self, doc: Doc, found: dict[tuple[int, int], Mention]) -> list[Mention]:
        out: list[Mention] = []
        text = doc.text
        for mention in found.values():
            if mention.kind != "place" or not text.startswith(", ", mention.end):
                continue
            start = mention.end + 2
            for width in (3, 2, 1):
                span = doc.char_span(start, start + 1, alignment_mode="expand")
                if span is None:
                    break
                span = doc[span.start : min(len(doc), span.start + width)]
                while len(span) and not span[-1].text[:1].isalpha() and span[-1].text != ".":
                    span = span[:-1]
                if not len(span) or (span.start_char, span.end_char) in found:
                    continue
                cands = self.gaz.qualifier(span.text)
                if cands and _capitalised(span.text):
                    key = (span.start_char, span.end_char)
                    if key not in found:
                        out.append(self._mention(span, "place", tuple(cands), "qualifier"))
                    break
        return out

    @staticmethod
    def _mention(span: Span, kind: PlaceKind, cands: tuple[Candidate, ...], source: str) -> Mention:
        return Mention(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            kind=kind,
            candidates=cands,
            source=source,
            root=span.root.i,
        )
