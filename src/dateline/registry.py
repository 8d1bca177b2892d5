"""The stage registry: stages are created by name, built-ins and users' alike.

Nothing is registered at import time: :func:`builtin_registry` builds a fresh registry
and registers dateline's own stages through :meth:`StageRegistry.register`, the same call
a user makes for a stage of their own::

    registry = builtin_registry()
    registry.register("my_stage", lambda settings: MyStage(settings))
    pipe = Pipeline(settings, stages=[registry.create(n, settings) for n in names])
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dateline.config import Settings
from dateline.errors import ConfigError

if TYPE_CHECKING:
    from dateline.pipeline import Stage

StageFactory = Callable[[Settings], "Stage"]


class StageRegistry:
    """Maps stage names to factories."""

    def __init__(self) -> None:
        self._factories: dict[str, StageFactory] = {}

    def register(self, name: str, factory: StageFactory, *, replace: bool = False) -> None:
        if name in self._factories and not replace:
            raise ConfigError(f"a stage named {name!r} is already registered")
        self._factories[name] = factory

    def names(self) -> tuple[str, ...]:
        return tuple(self._factories)

    def create(self, name: str, settings: Settings) -> Stage:
        try:
            factory = self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise ConfigError(f"unknown stage {name!r} (registered: {known})") from None
        return factory(settings)


def _actors(settings: Settings) -> Stage:
    from dateline.actors.stage import ActorsStage

    return ActorsStage(settings)


def _times(settings: Settings) -> Stage:
    from dateline.time.stage import TimesStage

    return TimesStage(settings)


def _places(settings: Settings) -> Stage:
    from dateline.geo.stage import PlacesStage

    return PlacesStage(settings)


def _events(settings: Settings) -> Stage:
    from dateline.events.stage import EventsStage

    return EventsStage(settings)


def builtin_registry() -> StageRegistry:
    """A new registry holding dateline's built-in stages."""
    registry = StageRegistry()
    registry.register("actors", _actors)
    registry.register("times", _times)
    registry.register("places", _places)
    registry.register("events", _events)
    return registry
