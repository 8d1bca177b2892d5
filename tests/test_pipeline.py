"""Pipeline wiring, the stage registry and the settings layers (no model needed)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.errors import ConfigError, PipelineError
from dateline.pipeline import DocState, Pipeline, check_wiring
from dateline.registry import StageRegistry, builtin_registry


class Counter:
    """A user's own stage: counts tokens into a diagnostic."""

    name = "counter"
    requires: tuple[str, ...] = ("doc", "events")
    assigns: tuple[str, ...] = ()

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def __call__(self, state: DocState) -> DocState:
        return state.with_diagnostic(self.name, "info", f"{len(state.doc)} tokens")


def test_builtin_stages_are_registered_by_name() -> None:
    assert builtin_registry().names() == ("actors", "times", "places", "events")


def test_a_user_stage_registers_through_the_same_call() -> None:
    registry = builtin_registry()
    registry.register("counter", Counter)
    stage = registry.create("counter", Settings())
    assert isinstance(stage, Counter)


def test_registering_a_name_twice_is_refused() -> None:
    registry = StageRegistry()
    registry.register("counter", Counter)
    with pytest.raises(ConfigError):
        registry.register("counter", Counter)


def test_an_unknown_stage_name_names_the_known_ones() -> None:
    with pytest.raises(ConfigError, match="registered: actors, events, places, times"):
        builtin_registry().create("nope", Settings())


def test_a_requirement_no_earlier_stage_assigns_fails_before_any_work() -> None:
    with pytest.raises(PipelineError, match="requires 'events'"):
        check_wiring([Counter(Settings())])


def test_a_pipeline_with_stages_in_order_is_accepted() -> None:
    registry = builtin_registry()
    registry.register("counter", Counter)
    settings = Settings()
    stages = [registry.create(n, settings) for n in ("actors", "times", "places", "events")]
    Pipeline(settings, stages=[*stages, Counter(settings)])


def test_settings_layer_defaults_file_env_flags(tmp_path: Path) -> None:
    config = tmp_path / "dateline.toml"
    config.write_text('[dateline]\nbatch_size = 4\nspacy_model = "from_file"\n', "utf-8")
    env = {"DATELINE_BATCH_SIZE": "8", "DATELINE_STAGES": "actors,times"}
    settings = Settings.load(config_file=config, env=env, flags={"spacy_model": "from_flag"})
    assert settings.batch_size == 8  # env over file
    assert settings.spacy_model == "from_flag"  # flags over everything
    assert settings.stages == ("actors", "times")
    assert Settings().batch_size == 16


def test_a_bad_setting_value_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="batch_size"):
        Settings.load(env={"DATELINE_BATCH_SIZE": "many"})
    with pytest.raises(ConfigError, match="not found"):
        Settings.load(config_file=tmp_path / "missing.toml")


def test_settings_are_immutable() -> None:
    settings = Settings()
    with pytest.raises(AttributeError):
        settings.batch_size = 3  # type: ignore[misc]
    assert replace(settings, batch_size=3).batch_size == 3


def test_an_unloadable_model_is_a_clear_model_error() -> None:
    from dateline.errors import ModelError
    from dateline.nlp import load_language

    with pytest.raises(ModelError, match="no_such_pipeline"):
        load_language(Settings(spacy_model="no_such_pipeline"))
