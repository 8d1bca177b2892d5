"""Docs that fail the build when they drift from the code."""

from __future__ import annotations

import argparse
from dataclasses import fields
from pathlib import Path

import pytest

import dateline
from dateline.cli import build_parser
from dateline.config import Settings


def _subcommands() -> list[str]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return sorted(action.choices)
    raise AssertionError("no subcommands")


@pytest.mark.parametrize("command", _subcommands())
def test_every_command_is_in_the_readme(repo_dir: Path, command: str) -> None:
    readme = (repo_dir / "README.md").read_text(encoding="utf-8")
    assert f"dateline {command}" in readme or (command == "demo" and "make demo" in readme)


@pytest.mark.parametrize("name", [f.name for f in fields(Settings) if f.name != "extra"])
def test_every_setting_is_in_the_readme_table(repo_dir: Path, name: str) -> None:
    readme = (repo_dir / "README.md").read_text(encoding="utf-8")
    assert f"| `{name}` |" in readme


def test_readme_opens_with_the_two_commands(repo_dir: Path) -> None:
    head = "\n".join((repo_dir / "README.md").read_text(encoding="utf-8").splitlines()[:40])
    assert "make demo" in head and "make test" in head


def test_the_public_api_is_the_tested_list() -> None:
    assert sorted(dateline.__all__) == sorted(
        [
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
    )
    for name in dateline.__all__:
        assert getattr(dateline, name) is not None


def test_importing_dateline_loads_no_model_or_spacy() -> None:
    import subprocess
    import sys

    code = "import sys, dateline, dateline.cli; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
