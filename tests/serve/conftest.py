"""Fixtures for the serve tests: one real store built from examples/corpus per session."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from serve_factories import CORPUS, build_store


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, pipeline: Any) -> Path:
    """A store of the sample corpus, coded by the real pipeline (spaCy model loaded once)."""
    return build_store(tmp_path_factory.mktemp("serve") / "demo.duckdb", [str(CORPUS)], pipeline)
