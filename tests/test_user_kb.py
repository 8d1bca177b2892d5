"""A user's CAMEO dictionary, imported with a command, changes how actors resolve."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dateline.actors.user_kb import import_dictionary, knowledge_base, user_dictionaries
from dateline.config import Settings
from dateline.errors import InputError

DICTIONARY = """\
# a test dictionary in the CAMEO/PETRARCH .actors format
MARTA_ELUNDVIK_ [NORGOV 20200101-20291231]
+ELUNDVIK
"""


def test_importing_a_dictionary_copies_it_and_the_kb_resolves_its_names(tmp_path: Path) -> None:
    source = tmp_path / "mine.actors"
    source.write_text(DICTIONARY, encoding="utf-8")
    settings = Settings(kb_dir=str(tmp_path / "kb"))
    report = import_dictionary(source, settings)
    assert report.entries >= 1 and report.kind == "actors"
    assert [p.name for p in user_dictionaries(settings)] == ["mine.actors"]
    kb = knowledge_base(settings)
    holders = kb.officeholders("Marta Elundvik", date(2024, 5, 1))
    assert holders and holders[0].country == "NOR"
    assert not kb.officeholders("Marta Elundvik", date(2031, 1, 1))


def test_a_file_with_no_entries_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "empty.actors"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(InputError, match="no entries"):
        import_dictionary(empty, Settings(kb_dir=str(tmp_path / "kb")))


@pytest.mark.slow
def test_the_kb_import_command_and_the_pipeline_use_it(tmp_path: Path, pipeline: object) -> None:
    from dateline.pipeline import Pipeline

    source = tmp_path / "mine.actors"
    source.write_text(DICTIONARY, encoding="utf-8")
    kb = tmp_path / "kb"
    done = subprocess.run(
        [sys.executable, "-m", "dateline", "--kb-dir", str(kb), "kb", "import", str(source)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "imported" in done.stdout
    assert isinstance(pipeline, Pipeline)
    settings = replace(pipeline.settings, kb_dir=str(kb))
    pipe = Pipeline(settings, language=pipeline.language)
    result = pipe.extract(
        "Marta Elundvik met Finnish President Alexander Stubb in Helsinki on Monday.",
        published="2024-05-08",
    )
    actors = {a.country for e in result.events for a in e.actor}
    assert "NOR" in actors
