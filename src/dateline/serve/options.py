"""Limits of the HTTP API, read from :class:`~dateline.config.Settings`.

They are not fields of Settings (which the lead owns); unknown keys land in
``Settings.extra``, so ``DATELINE_SERVE_MAX_BODY_BYTES=4000000`` or ``serve_max_page = 200``
in ``dateline.toml`` reach them without a change there.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.config import Settings
from dateline.errors import ConfigError


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """What one running API allows."""

    max_page: int = 500
    """Largest ``limit`` of /api/events; larger asks get 422."""
    max_timeline: int = 5000
    """Largest ``limit`` of /api/timeline (the page draws every point it gets)."""
    max_body_bytes: int = 2_000_000
    """Largest request body (POST /api/extract); larger ones get 413."""
    max_offset: int = 1_000_000
    """Largest ``offset``: deep paging past it is refused rather than scanned."""

    @classmethod
    def from_settings(cls, settings: Settings) -> ServeOptions:
        defaults = cls()
        values: dict[str, int] = {}
        for name in ("max_page", "max_timeline", "max_body_bytes", "max_offset"):
            raw = settings.extra.get(f"serve_{name}")
            if raw is None:
                values[name] = getattr(defaults, name)
                continue
            try:
                value = int(raw)
            except ValueError:
                raise ConfigError(f"setting serve_{name!s}: not an integer: {raw!r}") from None
            if value < 1:
                raise ConfigError(f"setting serve_{name!s}: must be at least 1, got {value}")
            values[name] = value
        return cls(**values)
