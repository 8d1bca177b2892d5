"""dateline: news in; dated, placed and sourced political events out.

The public API is this module's ``__all__``; everything else is internal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = [
    "Article",
    "DatelineError",
    "Entity",
    "Event",
    "EventDate",
    "Evidence",
    "Extraction",
    "Failure",
    "Pipeline",
    "Place",
    "Settings",
    "StageRegistry",
    "TimeSpan",
    "__version__",
    "builtin_registry",
]

if TYPE_CHECKING:
    from dateline.config import Settings
    from dateline.errors import DatelineError
    from dateline.pipeline import Pipeline
    from dateline.records import (
        Article,
        Entity,
        Event,
        EventDate,
        Evidence,
        Extraction,
        Failure,
        Place,
        TimeSpan,
    )
    from dateline.registry import StageRegistry, builtin_registry

_LAZY = {
    "Settings": "dateline.config",
    "DatelineError": "dateline.errors",
    "Pipeline": "dateline.pipeline",
    "StageRegistry": "dateline.registry",
    "builtin_registry": "dateline.registry",
    **{
        name: "dateline.records"
        for name in (
            "Article",
            "Entity",
            "Event",
            "EventDate",
            "Evidence",
            "Extraction",
            "Failure",
            "Place",
            "TimeSpan",
        )
    },
}


def __getattr__(name: str) -> Any:
    # Lazy: importing dateline must not import spaCy.
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'dateline' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
