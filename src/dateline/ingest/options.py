"""Ingest options that are not (yet) fields of :class:`~dateline.config.Settings`.

Each is read from the settings object when it has a field of that name, else from
``Settings.extra`` (so ``DATELINE_FETCH_TIMEOUT=5`` or ``fetch_timeout = 5`` in
``dateline.toml`` already work), else the default the calling module declares.
"""

from __future__ import annotations

from dateline.config import Settings
from dateline.errors import ConfigError


def _raw(settings: Settings, name: str) -> object:
    value = getattr(settings, name, None)
    if value is None:
        value = settings.extra.get(name)
    return value


def option_float(settings: Settings, name: str, default: float) -> float:
    """A non-negative number option."""
    value = _raw(settings, name)
    if value is None:
        return default
    try:
        number = float(str(value))
    except ValueError:
        raise ConfigError(f"setting {name!r}: {value!r} is not a number") from None
    if number < 0:
        raise ConfigError(f"setting {name!r}: must not be negative, got {number}")
    return number


def option_int(settings: Settings, name: str, default: int) -> int:
    """A non-negative whole-number option."""
    return int(option_float(settings, name, default))


def option_bool(settings: Settings, name: str, default: bool) -> bool:
    """A yes/no option (``1``, ``true``, ``yes``, ``on`` are true)."""
    value = _raw(settings, name)
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "on"}
