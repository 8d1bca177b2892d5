"""The actor knowledge base: countries, IGOs, officeholders with dated terms, sector terms.

The data are the project's own JSON files under ``dateline/data/kb`` (read with
``importlib.resources``), optionally extended by user files: more JSON in the same shape, or
CAMEO/PETRARCH ``.actors`` / ``.agents`` dictionaries (see :mod:`dateline.actors.dictionaries`).

Nothing is read at import time. A :class:`KnowledgeBase` reads its files once, in
:meth:`KnowledgeBase.load`, and precomputes normalised keys, so that every lookup is a dict
access (they run once per mention). :meth:`KnowledgeBase.default` is cached.

Normalisation (:func:`normalise`) folds case and accents, drops a leading "the", dots
("U.S."), a possessive "'s" and hyphens, so "the U.S.'s", "US" and "us" share a key. Keys
that come from short acronyms ("US", "UN", "WHO") are kept apart and only match text written
in capitals, so that the pronoun "us" or the word "who" never resolve; one-word names
("Turkey", "China", "Pentagon", "Polish", "Putin") only match text with a capital letter, so
that "turkey", "china" or "polish" do not either. Names of several words match in any case.

A key claimed by two entries (e.g. "Congo", "Congolese", "Dominican") is ambiguous: the
single-answer lookups return None for it and the plural ones (:meth:`KnowledgeBase.countries`)
return every candidate, leaving the choice to the resolver that has the context.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final, Generic, TypeVar

from dateline.errors import InputError

__all__ = [
    "ROLES",
    "SECTORS",
    "UNBOUNDED_START",
    "Country",
    "Igo",
    "KnowledgeBase",
    "Metonym",
    "Officeholder",
    "SectorTerm",
    "normalise",
]

SECTORS: Final[frozenset[str]] = frozenset(
    {"GOV", "MIL", "LEG", "JUD", "POL", "OPP", "REB", "BUS", "MED", "CVL", "EDU", "REL"}
    | {"IGO", "NGO"}
)
"""The sector codes of DESIGN.md's output contract."""

ROLES: Final[frozenset[str]] = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "foreign_minister",
        "defence_minister",
        "secretary_general",
    }
)
"""Roles an officeholder term in ``officeholders.json`` may have."""

DATA_DIR: Final = ("data", "kb")
"""Where the built-in files live inside the ``dateline`` package."""
BUILTIN_FILES: Final = (
    "countries.json",
    "igos.json",
    "groups.json",
    "agencies.json",
    "officeholders.json",
    "sectors.json",
)
UNBOUNDED_START: Final = date.min
"""Start of a term whose start is unknown or unrestricted (imported CAMEO entries)."""


@dataclass(frozen=True, slots=True)
class Metonym:
    """A place or building name that stands for a country's institution ("the Kremlin")."""

    text: str
    iso3: str
    sector: str
    """GOV unless the name stands for another sector (the Pentagon: MIL, Capitol Hill: LEG)."""


@dataclass(frozen=True, slots=True)
class Country:
    """A country or territory (ISO 3166-1, plus XKX for Kosovo)."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    metonyms: tuple[Metonym, ...]
    iso2: str = ""
    sovereign: bool = True
    """False for dependent territories (they get no capital metonym)."""


@dataclass(frozen=True, slots=True)
class Igo:
    """An intergovernmental organisation, a non-state armed group (groups.json) or a
    national government agency (agencies.json)."""

    code: str
    """Our short code: "UN", "EU", "NATO", ..."""
    name: str
    aliases: tuple[str, ...]
    members: tuple[str, ...]
    """ISO3 codes of member states where the list is short and stable, else empty."""
    cameo: str | None
    """The CAMEO actor code where one exists ("IGOUNO", "IGOWSTNAT")."""
    parent: str | None = None
    """Code of the organisation this one belongs to (UNSC -> UN), if any."""
    home: str | None = None
    """For a non-state armed group (groups.json): the country it mainly fights in or comes
    from (ISO3), None for transnational ones; for a national agency (agencies.json): its
    state; None for intergovernmental organisations."""
    sector: str = "IGO"
    """IGO for intergovernmental organisations; REB, MIL or OPP for groups.json entries;
    GOV, JUD or MIL for agencies.json entries."""
    agency: bool = False
    """True for a national government agency (agencies.json: the CIA, the FSB, USAID), an
    organ of its ``home`` state rather than a non-state group."""

    @property
    def side(self) -> str:
        """The code an actor of this organisation is counted under: a group's home country
        (Hamas: PSE), else the organisation's own code."""
        return self.home or self.code


@dataclass(frozen=True, slots=True)
class Officeholder:
    """One term of one person in one office."""

    name: str
    aliases: tuple[str, ...]
    country: str
    """ISO3 code (or a CAMEO group code such as "IGO" for imported dictionary entries)."""
    role: str | None
    """One of :data:`ROLES`; None for entries imported from CAMEO dictionaries."""
    sector: str | None
    start: date
    """First day in office (:data:`UNBOUNDED_START` when unknown/unrestricted)."""
    end: date | None
    """Last day in office; None while in office (as far as the data know)."""
    source: str
    cameo: str | None = None
    """The CAMEO code of an imported dictionary entry ("RUSGOV")."""
    igo: str | None = None
    """For an office of an organisation ("EU", "UN", "NATO"): its code; country is "IGO"."""
    note: str | None = None
    """Caveats: acting terms, approximate days ("day uncertain: first of the month")."""

    @property
    def side(self) -> str:
        """Whom the officeholder acts for: the organisation's code for an IGO office
        ("UN" for the Secretary-General), else the country."""
        return self.igo or self.country

    def covers(self, day: date) -> bool:
        """Whether this term includes ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class SectorTerm:
    """A noun or title that marks an actor's sector and role ("troops" -> MIL, military)."""

    term: str
    sector: str
    role: str | None


_T = TypeVar("_T")

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_SPACERS = str.maketrans({"-": " ", "‐": " ", "‑": " ", "–": " ", "—": " ", ",": " ", "_": " "})


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """The lookup key of a name: case- and accent-folded, without "the", dots, "'s".

    Cached: the same mention texts recur across a corpus.
    """
    decomposed = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("ı", "i").replace("ø", "o").replace("đ", "d").replace("ł", "l")
    folded = folded.strip()
    if folded.endswith("'s"):
        folded = folded[:-2]
    elif folded.endswith("s'"):
        folded = folded[:-1]
    folded = folded.replace(".", "").translate(_SPACERS)
    words = folded.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _core_letters(text: str) -> list[str]:
    """The letters of a name without a leading "the" or a possessive."""
    core = text.strip().translate(_APOSTROPHES)
    if core[:4].casefold() == "the ":
        core = core[4:]
    if core.endswith(("'s", "'S")):
        core = core[:-2]
    return [ch for ch in core if ch.isalpha()]


def _is_short_acronym(text: str) -> bool:
    """An alias written in capitals with at most three letters ("US", "the U.K.", "WHO")."""
    letters = _core_letters(text)
    return 0 < len(letters) <= 3 and all(ch.isupper() for ch in letters)


def _written_in_capitals(text: str) -> bool:
    letters = _core_letters(text)
    return bool(letters) and all(ch.isupper() for ch in letters)


class _Index(Generic[_T]):
    """Normalised key -> entries, with two case-strict side maps.

    Short acronyms ("US", "WHO") match only text written in capitals. With
    ``proper_names=True`` (names, not common nouns), one-word keys ("Turkey", "Moon",
    "Polish") match only text that has a capital letter, so that "turkey", "moon" or
    "polish" never resolve; names of several words match in any case.
    """

    __slots__ = ("_acronyms", "_plain", "_proper", "_proper_names")

    def __init__(self, *, proper_names: bool = True) -> None:
        self._plain: dict[str, list[_T]] = {}
        self._acronyms: dict[str, list[_T]] = {}
        self._proper: dict[str, list[_T]] = {}
        self._proper_names = proper_names

    def add(self, text: str, item: _T) -> None:
        key = normalise(text)
        if not key:
            return
        if _is_short_acronym(text):
            target = self._acronyms
        elif self._proper_names and " " not in key:
            target = self._proper
        else:
            target = self._plain
        bucket = target.setdefault(key, [])
        if item not in bucket:
            bucket.append(item)

    def get(self, text: str) -> tuple[_T, ...]:
        return self.get_key(
            normalise(text),
            capitals=_written_in_capitals(text),
            capitalised=any(ch.isupper() for ch in text),
        )

    def get_key(self, key: str, *, capitals: bool, capitalised: bool = True) -> tuple[_T, ...]:
        """Entries under an already normalised key, honouring the case-strict maps."""
        found = list(self._plain.get(key, []))
        if capitalised:
            found += [i for i in self._proper.get(key, []) if i not in found]
        if capitals:
            found += [i for i in self._acronyms.get(key, []) if i not in found]
        return tuple(found)


def _one(found: tuple[_T, ...]) -> _T | None:
    return found[0] if len(found) == 1 else None


def _strs(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"expected a list of strings in {where}")
    return tuple(value)


def _date(value: Any, where: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise InputError(f"bad date {value!r} in {where}") from exc


class KnowledgeBase:
    """Countries, IGOs, officeholders and sector terms, with O(1) normalised lookups."""

    def __init__(
        self,
        countries: Iterable[Country] = (),
        igos: Iterable[Igo] = (),
        officeholders: Iterable[Officeholder] = (),
        sector_terms: Iterable[SectorTerm] = (),
    ) -> None:
        self.countries_all: tuple[Country, ...] = tuple(countries)
        self.igos_all: tuple[Igo, ...] = tuple(igos)
        self.officeholders_all: tuple[Officeholder, ...] = tuple(officeholders)
        self.sector_terms_all: tuple[SectorTerm, ...] = tuple(sector_terms)

        self._by_iso3: dict[str, Country] = {}
        self._by_name: _Index[Country] = _Index()
        self._by_adjective: _Index[Country] = _Index()
        self._metonyms: _Index[Metonym] = _Index()
        for country in self.countries_all:
            self._by_iso3[country.iso3] = country
            if country.iso2:
                self._by_iso3.setdefault(country.iso2, country)
            for text in (country.name, *country.aliases):
                self._by_name.add(text, country)
            for text in (*country.adjectives, *country.demonyms):
                self._by_adjective.add(text, country)
            for met in country.metonyms:
                self._metonyms.add(met.text, met)

        self._igos: _Index[Igo] = _Index()
        self._igo_by_code: dict[str, Igo] = {}
        for igo in self.igos_all:
            self._igo_by_code[igo.code.upper()] = igo
            for text in (igo.code, igo.name, *igo.aliases):
                self._igos.add(text, igo)

        self._holders: _Index[Officeholder] = _Index()
        self._holders_by_office: dict[tuple[str, str], list[Officeholder]] = {}
        for holder in sorted(self.officeholders_all, key=lambda h: h.start):
            for text in (holder.name, *holder.aliases):
                self._holders.add(text, holder)
            if holder.role is not None:
                office = (holder.igo or holder.country, holder.role)
                self._holders_by_office.setdefault(office, []).append(holder)

        # Where a term is defined twice the first definition wins, so user files cannot
        # silently override the built-in ones (pass them first to KnowledgeBase() for that).
        self._sector_terms: _Index[SectorTerm] = _Index(proper_names=False)
        for term in self.sector_terms_all:
            self._sector_terms.add(term.term, term)

    # ---- construction -------------------------------------------------------------------

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> KnowledgeBase:
        """Read the built-in data plus ``extra`` files (JSON in our shape, .actors, .agents)."""
        countries: list[Country] = []
        igos: list[Igo] = []
        holders: list[Officeholder] = []
        terms: list[SectorTerm] = []
        folder = resources.files("dateline").joinpath(DATA_DIR[0]).joinpath(DATA_DIR[1])
        for name in BUILTIN_FILES:
            text = folder.joinpath(name).read_text(encoding="utf-8")
            _read_json_into(text, f"dateline/data/kb/{name}", countries, igos, holders, terms)
        for path in extra:
            _read_extra(Path(path), countries, igos, holders, terms)
        return cls(countries, igos, holders, terms)

    @classmethod
    def default(cls) -> KnowledgeBase:
        """The built-in knowledge base, read once per process (and shared: it is immutable)."""
        return _default_kb()

    # ---- countries ----------------------------------------------------------------------

    def country(self, text: str) -> Country | None:
        """The country a name or alias denotes ("Russia", "the U.S.", "Türkiye"), if unique."""
        return _one(self._by_name.get(text))

    def countries(self, text: str) -> tuple[Country, ...]:
        """Every country a name or alias may denote ("Congo" -> both Congos)."""
        return self._by_name.get(text)

    def country_by_adjective(self, text: str) -> Country | None:
        """The country of an adjective or demonym ("Chinese", "Russians"), if unique."""
        return _one(self._by_adjective.get(text))

    def countries_by_adjective(self, text: str) -> tuple[Country, ...]:
        """Every country an adjective or demonym may refer to ("Congolese" -> COD, COG)."""
        return self._by_adjective.get(text)

    def country_by_iso3(self, iso3: str) -> Country | None:
        """The country with this ISO 3166-1 alpha-3 (or alpha-2) code."""
        return self._by_iso3.get(iso3.strip().upper())

    def metonym(self, text: str) -> Metonym | None:
        """A capital or seat of government used for an institution ("the Kremlin")."""
        found = self._metonyms.get(text)
        # Two spellings of one place ("Kiev", "Kyiv") are not an ambiguity.
        if len({(m.iso3, m.sector) for m in found}) == 1:
            return found[0]
        return None

    # ---- IGOs ---------------------------------------------------------------------------

    def igo(self, text: str) -> Igo | None:
        """The organisation named by a name, alias or code ("NATO", "the U.N.")."""
        return _one(self._igos.get(text))

    def igo_by_code(self, code: str) -> Igo | None:
        """The organisation with our short code ("UN", "EU")."""
        return self._igo_by_code.get(code.strip().upper())

    # ---- officeholders ------------------------------------------------------------------

    def officeholders(self, name: str, on: date | None = None) -> tuple[Officeholder, ...]:
        """Terms of the person(s) with this full name or alias; only those covering ``on``.

        A bare surname matches only where the data list it as an alias ("Putin", "Xi"),
        and may match several people ("Sharif"): ``on`` then usually picks one.
        """
        found = self._holders.get(name)
        if on is not None:
            found = tuple(h for h in found if h.covers(on))
        return found

    def holders_of(
        self, country: str, role: str, on: date | None = None
    ) -> tuple[Officeholder, ...]:
        """Who held an office ("RUS", "head_of_state"), on a day or over time, by start.

        ``country`` is an ISO3 code or, for organisations, the IGO code ("EU", "UN").
        """
        terms = self._holders_by_office.get((country.upper(), role), [])
        if on is None:
            return tuple(terms)
        return tuple(h for h in terms if h.covers(on))

    def leaders(self, country: str, on: date) -> tuple[Officeholder, ...]:
        """Head of state and head of government (where separate) of a country on a day.

        In presidential systems the president is recorded once, as head of state.
        """
        return self.holders_of(country, "head_of_state", on) + self.holders_of(
            country, "head_of_government", on
        )

    # ---- sector terms -------------------------------------------------------------------

    def sector_term(self, word: str) -> SectorTerm | None:
        """Sector and role of a noun or title ("defence minister", "troops"), if known.

        Tries the text as given, then simple singular forms (so plurals need no entry).
        """
        capitals = _written_in_capitals(word)
        for candidate in _singular_candidates(normalise(word)):
            found = self._sector_terms.get_key(candidate, capitals=capitals)
            if found:
                return found[0]
        return None

    # ---- summary ------------------------------------------------------------------------

    def counts(self) -> Mapping[str, int]:
        """Entry counts, for documentation and sanity checks."""
        return {
            "countries": len(self.countries_all),
            "igos": sum(1 for g in self.igos_all if g.sector == "IGO"),
            "groups": sum(1 for g in self.igos_all if g.sector != "IGO" and not g.agency),
            "agencies": sum(1 for g in self.igos_all if g.agency),
            "officeholder_terms": len(self.officeholders_all),
            "officeholders": len({(h.name, h.country) for h in self.officeholders_all}),
            "sector_terms": len(self.sector_terms_all),
            "metonyms": sum(len(c.metonyms) for c in self.countries_all),
        }


@functools.cache
def _default_kb() -> KnowledgeBase:
    return KnowledgeBase.load()


def _singular_candidates(key: str) -> tuple[str, ...]:
    if not key:
        return ()
    head, _, last = key.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = [key]
    if last.endswith("ies") and len(last) > 4:
        forms.append(prefix + last[:-3] + "y")
    if last.endswith("men") and len(last) > 3:
        forms.append(prefix + last[:-3] + "man")
    if last.endswith("es") and len(last) > 3:
        forms.append(prefix + last[:-2])
    if last.endswith("s") and not last.endswith("ss") and len(last) > 2:
        forms.append(prefix + last[:-1])
    return tuple(forms)


# ---- reading ------------------------------------------------------------------------------


def _read_extra(
    path: Path,
    countries: list[Country],
    igos: list[Igo],
    holders: list[Officeholder],
    terms: list[SectorTerm],
) -> None:
    # Imported here, not at module top, to keep the dependency one-way at import time:
    # dictionaries builds kb records, kb only needs it when a user passes a dictionary.
    from dateline.actors import dictionaries

    kind = dictionaries.dictionary_kind(path)
    if kind == "actors":
        holders.extend(dictionaries.read_actors(path).officeholders)
    elif kind == "agents":
        terms.extend(dictionaries.read_agents(path).sector_terms)
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read knowledge-base file: {exc}", source=str(path)) from exc
        _read_json_into(text, str(path), countries, igos, holders, terms)


def _read_json_into(
    text: str,
    where: str,
    countries: list[Country],
    igos: list[Igo],
    holders: list[Officeholder],
    terms: list[SectorTerm],
) -> None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"invalid JSON: {exc}", source=where) from exc
    if not isinstance(data, dict):
        raise InputError("a knowledge-base file must hold a JSON object", source=where)
    source = str(data.get("source", where))
    try:
        countries.extend(_country(c) for c in data.get("countries", []))
        igos.extend(_igo(g) for g in data.get("igos", []))
        holders.extend(_holder(h, source) for h in data.get("officeholders", []))
        terms.extend(_term(t) for t in data.get("sector_terms", []))
    except (KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"malformed entry: {exc!r}", source=where) from exc
    except InputError as exc:
        raise InputError(exc.message, source=where) from exc


def _country(raw: Mapping[str, Any]) -> Country:
    iso3 = str(raw["iso3"])
    where = f"country {iso3}"
    metonyms = tuple(
        Metonym(text=str(m["text"]), iso3=iso3, sector=str(m.get("sector", "GOV")))
        for m in raw.get("metonyms", [])
    )
    return Country(
        iso3=iso3,
        name=str(raw["name"]),
        aliases=_strs(raw.get("aliases"), where),
        adjectives=_strs(raw.get("adjectives"), where),
        demonyms=_strs(raw.get("demonyms"), where),
        capital=raw.get("capital"),
        metonyms=metonyms,
        iso2=str(raw.get("iso2", "")),
        sovereign=bool(raw.get("sovereign", True)),
    )


def _igo(raw: Mapping[str, Any]) -> Igo:
    code = str(raw["code"])
    where = f"IGO {code}"
    return Igo(
        code=code,
        name=str(raw["name"]),
        aliases=_strs(raw.get("aliases"), where),
        members=_strs(raw.get("members"), where),
        cameo=raw.get("cameo"),
        parent=raw.get("parent"),
        home=raw.get("home"),
        sector=str(raw.get("sector", "IGO")),
        agency=bool(raw.get("agency", False)),
    )


def _holder(raw: Mapping[str, Any], default_source: str) -> Officeholder:
    name = str(raw["name"])
    where = f"officeholder {name}"
    start = _date(raw.get("start"), where)
    return Officeholder(
        name=name,
        aliases=_strs(raw.get("aliases"), where),
        country=str(raw["country"]),
        role=raw.get("role"),
        sector=raw.get("sector", "GOV"),
        start=start if start is not None else UNBOUNDED_START,
        end=_date(raw.get("end"), where),
        source=str(raw.get("source", default_source)),
        cameo=raw.get("cameo"),
        igo=raw.get("igo"),
        note=raw.get("note"),
    )


def _term(raw: Mapping[str, Any]) -> SectorTerm:
    return SectorTerm(term=str(raw["term"]), sector=str(raw["sector"]), role=raw.get("role"))
