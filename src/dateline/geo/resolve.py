"""Toponym resolution: pick, for every mention, the gazetteer entry the article means.

Each candidate gets a score: a prior (feature class first: continent and country over
division over city; then the log of the population, with a bonus for capitals) plus
context from the whole article:

- a qualifier right after the name ("Kazan, Russia", "Springfield, Ill.") restricts it;
- the dateline ("MOSCOW —") is a city and weighs three times as context;
- countries named in the article (by name, demonym, division or a clear city) favour
  candidates inside them (divisions more, as states and provinces are named in their
  own country's news; neighbours a little);
- candidates near other places the article clearly names (cities, divisions) gain.

One sense per discourse: every mention of a name gets the same entry.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from dateline.geo.distance import haversine_km
from dateline.geo.gazetteer import Candidate, Gazetteer, log_population, normalize
from dateline.geo.recognize import DATELINE, Mention

PRIOR = {"continent": 10.0, "country": 9.5, "region": 7.0, "admin1": 6.4}
CAPITAL_BONUS = 1.0
ALTERNATE_PENALTY = 1.0
ALTERNATE_TRUSTED_POPULATION = 1_000_000
"""Above this, a city's other names are as good as its main one ("New York")."""
CITY_CONTEXT_BONUS = 1.5
ADMIN1_CONTEXT_BONUS = 2.0
ADMIN1_CONTEXT_PER_MENTION = 0.5
NEIGHBOUR_BONUS = 1.0
NEAR_BONUS = 1.5
NEAR_KM = 250.0
DIVISION_KM = 500.0
"""A codeless division contains a city when the city is this close to its point."""
DATELINE_WEIGHT = 3


@dataclass(frozen=True, slots=True)
class _Anchor:
    """A clearly resolved place the others are measured against."""

    key: str
    cand: Candidate


def _prior(c: Candidate) -> float:
    if c.feature in PRIOR:
        return PRIOR[c.feature]
    score = log_population(c)
    if c.capital:
        score += CAPITAL_BONUS
    if not c.primary and c.population < ALTERNATE_TRUSTED_POPULATION:
        score -= ALTERNATE_PENALTY
    return score


def contains(outer: Candidate, inner: Candidate) -> bool:
    """Whether ``inner`` lies in the country or division ``outer``."""
    if outer.feature == "country":
        return inner.country == outer.country
    if outer.feature == "admin1" and inner.country == outer.country:
        if outer.admin1 is not None and inner.admin1 is not None:
            return inner.admin1 == outer.admin1 and inner is not outer
        return haversine_km(outer.lat, outer.lon, inner.lat, inner.lon) <= DIVISION_KM
    return False


def _best(cands: Sequence[Candidate]) -> Candidate | None:
    return max(cands, key=_prior, default=None)


def _clear(cands: Sequence[Candidate]) -> Candidate | None:
    """The top candidate when the prior alone settles the name, else None."""
    ranked = sorted(cands, key=_prior, reverse=True)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0].feature != "city":
        return ranked[0]
    if _prior(ranked[0]) - _prior(ranked[1]) >= 1.0 and ranked[0].population >= 100_000:
        return ranked[0]
    return None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of the dateline place ("MOSCOW" in "MOSCOW (AP) — ...")."""
    match = DATELINE.match(text)
    if match is None:
        return None
    letters = match.group("place").replace(" ", "").replace(".", "")
    if not letters.isupper() or len(letters) < 3:
        return None
    return match.start("place"), match.end("place")


def find_dateline(text: str, paragraphs: Sequence[tuple[int, int]] = ()) -> tuple[int, int] | None:
    """The dateline's span in the article: at its start, or at the start of one of the
    first paragraphs (a standfirst may come before it)."""
    for start, end in paragraphs[:3] or ((0, len(text)),):
        span = dateline_span(text[start:end])
        if span is not None:
            return start + span[0], start + span[1]
    return None


class Resolver:
    """Chooses one candidate per mention from the article's context."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gaz = gazetteer

    def __call__(
        self,
        mentions: Sequence[Mention],
        text: str,
        dateline: tuple[int, int] | None = None,
    ) -> list[Candidate | None]:
        allowed = [list(m.candidates) for m in mentions]
        self._apply_qualifiers(mentions, allowed, text)
        dateline = dateline or dateline_span(text)
        weights = [
            DATELINE_WEIGHT if dateline and m.start >= dateline[0] and m.end <= dateline[1] else 1
            for m in mentions
        ]
        for i, w in enumerate(weights):
            if w > 1:
                cities = [c for c in allowed[i] if c.feature == "city"]
                allowed[i] = cities or allowed[i]

        keys = [normalize(m.text) for m in mentions]
        countries: dict[str, Counter[str]] = defaultdict(Counter)
        anchors: list[_Anchor] = []
        for key, cands, w in zip(keys, allowed, weights, strict=True):
            clear = _clear(cands)
            if clear is None or clear.country is None:
                continue
            countries[key][clear.country] += w
            if clear.feature in ("city", "admin1"):
                anchors.append(_Anchor(key, clear))

        # One decision per name, taken from all of its mentions' (possibly narrowed) lists.
        by_name: dict[str, list[Candidate]] = {}
        for key, cands in zip(keys, allowed, strict=True):
            current = by_name.get(key)
            if current is None or len(cands) < len(current):
                by_name[key] = cands
        chosen: dict[str, Candidate | None] = {}
        for key, cands in by_name.items():
            chosen[key] = self._choose(key, cands, countries, anchors)
        # Second pass: places the first pass settled vouch for their neighbours.
        settled = [
            _Anchor(key, c) for key, c in chosen.items() if c is not None and c.feature == "city"
        ]
        for key, cands in by_name.items():
            chosen[key] = self._choose(key, cands, countries, [*anchors, *settled])
        out: list[Candidate | None] = []
        for key, cands in zip(keys, allowed, strict=True):
            pick = chosen[key]
            if pick is not None and cands and pick not in cands:
                pick = self._choose(key, cands, countries, anchors)
            out.append(pick)
        return out

    def _apply_qualifiers(
        self, mentions: Sequence[Mention], allowed: list[list[Candidate]], text: str
    ) -> None:
        for i in range(len(mentions) - 1):
            head, qual = mentions[i], mentions[i + 1]
            if text[head.end : qual.start] != ", " or head.kind != "place":
                continue
            if any(c.feature in ("country", "continent") for c in allowed[i]):
                continue  # a list of countries, not "town, country"
            outers = [c for c in allowed[i + 1] if c.feature in ("country", "admin1")]
            pairs = [(o, c) for o in outers for c in allowed[i] if contains(o, c)]
            if not pairs:
                continue
            best_outer = max((o for o, _ in pairs), key=_prior)
            allowed[i + 1] = [best_outer]
            allowed[i] = [c for o, c in pairs if o is best_outer]

    def _choose(
        self,
        key: str,
        cands: Sequence[Candidate],
        countries: dict[str, Counter[str]],
        anchors: Sequence[_Anchor],
    ) -> Candidate | None:
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        if any(c.feature in ("country", "continent") and c.primary for c in cands):
            # A country's own name beats a city known by it only as another spelling.
            cands = [c for c in cands if c.primary or c.feature != "city"]
        context: Counter[str] = Counter()
        for other, counts in countries.items():
            if other != key:
                context.update(counts)
        near = [a.cand for a in anchors if a.key != key]
        divisions = [a for a in near if a.feature == "admin1"]

        divided = {c.country for c in cands if c.feature == "admin1"}

        def score(c: Candidate) -> float:
            s = _prior(c)
            if c.country is not None and c.country in context:
                # A division and a city of one country share its context ("Washington").
                if c.feature == "admin1" or (c.feature == "city" and c.country in divided):
                    s += ADMIN1_CONTEXT_BONUS
                    s += ADMIN1_CONTEXT_PER_MENTION * min(context[c.country], 4)
                elif c.feature in ("city", "country"):
                    s += CITY_CONTEXT_BONUS
            elif (
                c.country is not None
                and c.feature in ("country", "admin1")
                and any(n in context for n in self._neighbours(c.country))
            ):
                s += NEIGHBOUR_BONUS
            if c.feature == "admin1" and any(contains(c, a) for a in near if a.feature == "city"):
                s += NEAR_BONUS
            if c.feature == "city":
                if any(contains(d, c) for d in divisions):
                    s += CITY_CONTEXT_BONUS
                if any(
                    a.feature == "city" and haversine_km(a.lat, a.lon, c.lat, c.lon) <= NEAR_KM
                    for a in near
                ):
                    s += NEAR_BONUS
            return s

        return max(cands, key=score)

    def _neighbours(self, iso3: str) -> list[str]:
        return [
            iso3n
            for n in self.gaz.neighbours.get(iso3, frozenset())
            if (iso3n := self.gaz.iso2.get(n)) is not None
        ]
