"""Import CAMEO/PETRARCH actor (``.actors``) and agent (``.agents``) dictionaries.

An actor dictionary lists names in capitals with ``_`` for spaces, each followed by CAMEO
codes in brackets, optionally restricted in time::

    # comment
    VLADIMIR_PUTIN_  [RUSGOV 20000507-20080507] [RUSGOV >20120507]
    +PUTIN                          synonym of the entry above
    +PRESIDENT_PUTIN
    DMITRY_MEDVEDEV_
        [RUSGOV 080507-120507]      code lines may follow on indented lines
        [RUSELI]                    a code without a date applies at any time

Date restrictions are ``>DATE`` (from), ``<DATE`` (until) or ``DATE-DATE``; dates are
``YYYYMMDD`` or ``YYMMDD`` (years 00-30 are 20YY, the others 19YY, as in TABARI/PETRARCH).
Comments start at ``#`` (or ``;`` on name lines) or are wrapped in ``<!-- -->``;
``---STOP---`` ends the file. Every code becomes one :class:`~dateline.actors.kb.Officeholder`
term: the country is the code's first three letters, the sector its next three where they are
a sector code, and the role is None (CAMEO codes carry no office).

An agent dictionary maps nouns to agent codes: ``PRESIDENT_ [~GOV]``, with an optional
plural in braces (``THIEF {THIEVES} [~CRM]``) and substitution sets
(``!MINIST! = MINISTER, MINISTRY`` then ``DEFENSE_!MINIST! [~GOVMIL]``); each becomes a
:class:`~dateline.actors.kb.SectorTerm`.

Malformed lines never abort an import: they are skipped and listed in ``problems``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final, Literal

from dateline.actors.kb import UNBOUNDED_START, Officeholder, SectorTerm
from dateline.errors import InputError

__all__ = [
    "ActorDictionary",
    "AgentDictionary",
    "dictionary_kind",
    "parse_actors",
    "parse_agents",
    "parse_cameo_date",
    "read_actors",
    "read_agents",
    "split_cameo_code",
]

DictionaryKind = Literal["actors", "agents", "json"]

# CAMEO three-letter role codes -> (our sector, our role). Codes not listed keep sector None.
CAMEO_SECTORS: Final[dict[str, tuple[str, str | None]]] = {
    "GOV": ("GOV", "government"),
    "MIL": ("MIL", "military"),
    "COP": ("GOV", "police"),
    "SPY": ("GOV", "intelligence"),
    "LEG": ("LEG", "legislature"),
    "JUD": ("JUD", "judiciary"),
    "PTY": ("POL", "party"),
    "OPP": ("OPP", "opposition"),
    "REB": ("REB", "rebel"),
    "INS": ("REB", "rebel"),
    "SEP": ("REB", "separatist"),
    "UAF": ("REB", "armed_group"),
    "BUS": ("BUS", "business"),
    "MNC": ("BUS", "business"),
    "MED": ("MED", "media"),
    "CVL": ("CVL", "civilian"),
    "EDU": ("EDU", "education"),
    "REL": ("REL", "religious"),
    "CHR": ("REL", "religious"),
    "MOS": ("REL", "religious"),
    "JEW": ("REL", "religious"),
    "BUD": ("REL", "religious"),
    "HIN": ("REL", "religious"),
    "IGO": ("IGO", None),
    "NGO": ("NGO", None),
}
_GROUP_PREFIXES: Final = frozenset({"IGO", "NGO", "MNC"})
# Codes that are a role without a country ("[ELI]" alone): the term has no country to give.
_ROLE_ONLY: Final = frozenset(CAMEO_SECTORS) - _GROUP_PREFIXES | frozenset(
    {
        "ELI",
        "CRM",
        "HLH",
        "HRI",
        "LAB",
        "AGR",
        "ENV",
        "REF",
        "MOD",
        "RAD",
        "DEV",
        "SET",
        "AMN",
        "IRC",
        "UIS",
        "PPL",
        "SPY",
    }
)

_BRACKETS = re.compile(r"\[([^\]]*)\]")
_XML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True, slots=True)
class ActorDictionary:
    """What an actor dictionary yielded: one term per code, and what was skipped."""

    officeholders: tuple[Officeholder, ...]
    problems: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AgentDictionary:
    """What an agent dictionary yielded: sector terms, and what was skipped."""

    sector_terms: tuple[SectorTerm, ...]
    problems: tuple[str, ...]


def dictionary_kind(path: Path) -> DictionaryKind:
    """How to read a knowledge-base file, from its name (``*.actors``, ``*agents*``, JSON)."""
    name = path.name.lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".agents") or "agents" in name:
        return "agents"
    return "actors"


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise InputError(f"cannot read dictionary: {exc}", source=str(path)) from exc


def read_actors(path: Path) -> ActorDictionary:
    """Read a CAMEO/PETRARCH ``.actors`` file."""
    return parse_actors(_read_text(path), source=path.name)


def read_agents(path: Path) -> AgentDictionary:
    """Read a CAMEO/PETRARCH ``.agents`` file."""
    return parse_agents(_read_text(path), source=path.name)


# ---- shared -------------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, str]]:
    """Numbered lines without comments; blank ones dropped; stops at ---STOP---."""
    # Replace XML comments by as many newlines as they span, so line numbers stay right.
    text = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    out: list[tuple[int, str]] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if "---STOP---" in raw:
            break
        line = raw.split("#", 1)[0].rstrip()
        if line.strip():
            out.append((number, line))
    return out


def _display(phrase: str) -> str:
    """``VLADIMIR_PUTIN_`` -> ``Vladimir Putin`` (lookups fold case anyway)."""
    words = phrase.replace("_", " ").split()
    return " ".join(w.title() if w.isupper() else w for w in words)


def parse_cameo_date(text: str) -> date:
    """``YYYYMMDD`` or ``YYMMDD`` (YY 00-30 -> 20YY, else 19YY), as TABARI/PETRARCH read it."""
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(f"not a CAMEO date: {text!r}")
    if len(digits) == 6:
        yy = int(digits[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        month, day = int(digits[2:4]), int(digits[4:6])
    else:
        year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    return date(year, month, day)


def split_cameo_code(code: str) -> tuple[str, str | None, str | None]:
    """``RUSGOV`` -> ("RUS", "GOV", "government"); ``IGOUNO`` -> ("IGO", "IGO", None)."""
    code = code.strip().lstrip("~").upper()
    country = code[:3]
    if country in _GROUP_PREFIXES:
        return country, CAMEO_SECTORS[country][0], None
    return (country, *_first_sector(code[3:]))


def _first_sector(codes: str) -> tuple[str | None, str | None]:
    """Sector and role of the first known three-letter code in ``GOVMIL``-style text."""
    for start in range(0, len(codes), 3):
        found = CAMEO_SECTORS.get(codes[start : start + 3])
        if found is not None:
            return found
    return None, None


# ---- actors -------------------------------------------------------------------------------


@dataclass(slots=True)
class _Entry:
    name: str
    line: int
    aliases: list[str]
    codes: list[tuple[int, str]]


def parse_actors(text: str, source: str = "<actors>") -> ActorDictionary:
    """Parse the text of an actor dictionary (see the module docstring)."""
    entries: list[_Entry] = []
    problems: list[str] = []
    current: _Entry | None = None
    for number, line in _lines(text):
        stripped = line.strip()
        if line[0] in " \t" and stripped.startswith("["):
            if current is None:
                problems.append(f"{source}:{number}: code line before any actor")
                continue
            current.codes.extend((number, c) for c in _BRACKETS.findall(stripped))
            continue
        head, bracket, rest = stripped.partition("[")
        phrase = head.split(";", 1)[0].strip()
        if stripped.startswith("+"):
            if current is None:
                problems.append(f"{source}:{number}: synonym before any actor")
                continue
            if phrase[1:].strip():
                current.aliases.append(_display(phrase[1:]))
            if bracket:
                current.codes.extend((number, c) for c in _BRACKETS.findall(bracket + rest))
            continue
        if not phrase:
            problems.append(f"{source}:{number}: no actor name")
            continue
        current = _Entry(_display(phrase), number, [], [])
        entries.append(current)
        if bracket:
            current.codes.extend((number, c) for c in _BRACKETS.findall(bracket + rest))

    holders: list[Officeholder] = []
    for entry in entries:
        if not entry.codes:
            problems.append(f"{source}:{entry.line}: {entry.name!r} has no code")
            continue
        for number, content in entry.codes:
            term = _actor_term(entry, content, f"{source}:{number}")
            if isinstance(term, str):
                problems.append(term)
            elif term is not None:
                holders.append(term)
    return ActorDictionary(tuple(holders), tuple(problems))


def _actor_term(entry: _Entry, content: str, where: str) -> Officeholder | str | None:
    """One code of an entry as a term; a problem string; or None for the null code."""
    code, _, restriction = content.strip().partition(" ")
    restriction = restriction.strip()
    if not code or code.startswith("---"):
        return None
    start, end = UNBOUNDED_START, None
    try:
        if restriction.startswith(">"):
            start = parse_cameo_date(restriction[1:])
        elif restriction.startswith("<"):
            end = parse_cameo_date(restriction[1:])
        elif "-" in restriction:
            first, _, last = restriction.partition("-")
            start, end = parse_cameo_date(first), parse_cameo_date(last)
        elif restriction:
            return f"{where}: cannot read date restriction {restriction!r}"
    except ValueError as exc:
        return f"{where}: {exc}"
    if end is not None and end < start:
        return f"{where}: restriction ends before it starts"
    country, sector, _ = split_cameo_code(code)
    if country in _ROLE_ONLY:
        return f"{where}: code {code!r} names no country"
    return Officeholder(
        name=entry.name,
        aliases=tuple(entry.aliases),
        country=country,
        role=None,
        sector=sector,
        start=start,
        end=end,
        source=f"CAMEO actor dictionary {where}",
        cameo=code.upper(),
    )


# ---- agents -------------------------------------------------------------------------------


def parse_agents(text: str, source: str = "<agents>") -> AgentDictionary:
    """Parse the text of an agent dictionary (see the module docstring)."""
    substitutions: dict[str, list[str]] = {}
    terms: list[SectorTerm] = []
    problems: list[str] = []
    for number, line in _lines(text):
        where = f"{source}:{number}"
        if "!" in line and "=" in line and "[" not in line:
            marker, _, values = line.partition("=")
            name = marker.strip().strip("!")
            substitutions[name] = [v.strip() for v in values.split(",") if v.strip()]
            continue
        head, bracket, rest = line.partition("[")
        if not bracket or "]" not in rest:
            problems.append(f"{where}: no agent code")
            continue
        code = rest.partition("]")[0].strip()
        sector, role = _first_sector(code.lstrip("~").upper())
        if sector is None:
            problems.append(f"{where}: agent code {code!r} has no sector we use")
            continue
        phrase, _, plural_part = head.partition("{")
        phrases = [phrase.strip()]
        plural = plural_part.partition("}")[0].strip()
        if plural:
            phrases.append(plural)
        for item in phrases:
            expanded = _expand(item, substitutions)
            if expanded is None:
                problems.append(f"{where}: unknown substitution set in {item!r}")
                continue
            terms.extend(
                SectorTerm(term=_display(p).lower(), sector=sector, role=role) for p in expanded
            )
    return AgentDictionary(tuple(terms), tuple(problems))


def _expand(phrase: str, substitutions: dict[str, list[str]]) -> list[str] | None:
    if "!" not in phrase:
        return [phrase]
    before, _, after = phrase.partition("!")
    name, _, tail = after.partition("!")
    if name not in substitutions:
        return None
    out: list[str] = []
    for value in substitutions[name]:
        expanded = _expand(before + value + tail, substitutions)
        if expanded is None:
            return None
        out.extend(expanded)
    return out
