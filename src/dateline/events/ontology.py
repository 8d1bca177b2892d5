"""PLOVER: the 16 event types, their modes, closest CAMEO codes, scores and quad classes.

The data lives in ``dateline/data/plover.json`` (written by the project); this module
loads it once per :class:`Ontology` instance and answers lookups.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from dateline.errors import ConfigError

EVENT_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class ModeInfo:
    mode: str | None
    cameo: str
    score: float


@dataclass(frozen=True, slots=True)
class TypeInfo:
    type: str
    quad: str
    score: float
    cameo_root: str
    description: str
    modes: tuple[ModeInfo, ...]

    def mode(self, mode: str | None) -> ModeInfo:
        for info in self.modes:
            if info.mode == mode:
                return info
        return self.modes[0]


class Ontology:
    """Lookups over the PLOVER data file."""

    def __init__(self, types: tuple[TypeInfo, ...], source: str) -> None:
        self.types = {t.type: t for t in types}
        self.source = source
        missing = set(EVENT_TYPES) - set(self.types)
        if missing:
            raise ConfigError(f"PLOVER data lacks types: {sorted(missing)}")

    @classmethod
    @cache
    def default(cls) -> Ontology:
        raw = resources.files("dateline.data").joinpath("plover.json").read_text("utf-8")
        data = json.loads(raw)
        types = tuple(
            TypeInfo(
                type=t["type"],
                quad=t["quad"],
                score=float(t["score"]),
                cameo_root=t["cameo_root"],
                description=t["description"],
                modes=tuple(
                    ModeInfo(mode=m["mode"], cameo=m["cameo"], score=float(m["score"]))
                    for m in t["modes"]
                ),
            )
            for t in data["types"]
        )
        return cls(types, data["source"])

    def info(self, event_type: str) -> TypeInfo:
        try:
            return self.types[event_type]
        except KeyError:
            raise ConfigError(f"unknown PLOVER type {event_type!r}") from None

    def code(self, event_type: str, mode: str | None) -> tuple[str, float, str]:
        """CAMEO code, score and quad class for a type and mode."""
        info = self.info(event_type)
        mode_info = info.mode(mode)
        return mode_info.cameo, mode_info.score, info.quad

    def known_mode(self, event_type: str, mode: str | None) -> bool:
        return any(m.mode == mode for m in self.info(event_type).modes)
