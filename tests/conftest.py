"""Shared fixtures: the ../shared folder (skipped with a message when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """Path of ../shared; tests using it skip when it is absent (a user's fresh clone)."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: evaluation data is not available here")
    return SHARED


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def pipeline() -> object:
    """One real Pipeline (spaCy model loaded once) for the end-to-end tests."""
    from dateline.pipeline import Pipeline

    return Pipeline()
