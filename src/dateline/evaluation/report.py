"""The one record every evaluation harness returns, so the CLI can show any of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class EvalReport:
    """Figures from one evaluation run."""

    name: str
    """Which harness, e.g. ``timeml``, ``geo``, ``extraction``, ``events``, ``gold``."""
    dataset: str
    """What it ran on (a path or a description)."""
    metrics: tuple[tuple[str, float], ...]
    """Named scores in [0, 1] (or rates), in display order."""
    counts: tuple[tuple[str, int], ...] = ()
    notes: tuple[str, ...] = field(default=())

    def metric(self, name: str) -> float:
        for key, value in self.metrics:
            if key == name:
                return value
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "dataset": self.dataset,
            "metrics": dict(self.metrics),
            "counts": dict(self.counts),
            "notes": list(self.notes),
        }
