from __future__ import annotations

from pathlib import Path

import pytest

from dateline.events.ontology import EVENT_TYPES, Ontology
from dateline.events.ontology_doc import render

QUADS = {"verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict"}


def test_all_sixteen_plover_types_are_defined() -> None:
    ontology = Ontology.default()
    assert set(ontology.types) == set(EVENT_TYPES)
    assert len(EVENT_TYPES) == 16


@pytest.mark.parametrize("event_type", EVENT_TYPES)
def test_every_type_has_quad_score_and_cameo_for_each_mode(event_type: str) -> None:
    info = Ontology.default().info(event_type)
    assert info.quad in QUADS
    assert -10 <= info.score <= 10
    assert info.modes and info.modes[0].mode is None
    for mode in info.modes:
        assert mode.cameo.isdigit() and 2 <= len(mode.cameo) <= 4
        assert -10 <= mode.score <= 10


@pytest.mark.parametrize(
    ("event_type", "mode", "cameo"),
    [("CONSULT", "visit", "042"), ("CONSULT", "host", "043"), ("ASSAULT", "aerial", "195")],
)
def test_code_returns_the_closest_cameo_for_a_mode(event_type: str, mode: str, cameo: str) -> None:
    assert Ontology.default().code(event_type, mode)[0] == cameo


def test_unknown_mode_falls_back_to_the_type_default() -> None:
    assert Ontology.default().code("AGREE", "no-such-mode")[0] == "030"


def test_docs_ontology_md_is_generated_from_the_data(repo_dir: Path) -> None:
    doc = (repo_dir / "docs" / "ontology.md").read_text(encoding="utf-8")
    assert doc == render(Ontology.default()), (
        "docs/ontology.md is stale: python -m dateline.events.ontology_doc > docs/ontology.md"
    )
