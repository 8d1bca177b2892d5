"""The local engine: counts, progress, failures with reasons, and a rerun that codes nothing."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from scale_factories import write_corpus

from dateline.config import Settings
from dateline.errors import ConfigError
from dateline.scale.local import ingest
from dateline.scale.results import IngestProgress
from dateline.store.database import Store


def test_the_engines_import_neither_spacy_nor_ray_nor_pyarrow() -> None:
    code = (
        "import sys, dateline.scale.local, dateline.scale.ray_engine, dateline.scale.shards, "
        "dateline.scale.local_cli; "
        "print(','.join(m for m in ('spacy', 'ray', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_zero_workers_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError):
        ingest([str(tmp_path)], tmp_path / "s.duckdb", Settings(), workers=0)


@pytest.mark.slow
def test_two_workers_store_everything_once_and_a_rerun_codes_nothing(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "news.jsonl", 60)
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write('{"id": "blank", "text": "   "}\n')
    db = tmp_path / "s.duckdb"
    seen: list[IngestProgress] = []

    first = ingest([str(corpus)], db, Settings(), workers=2, chunk_size=8, progress=seen.append)

    assert (first.added, first.skipped, first.failed) == (60, 0, 2)
    assert {f.source.rsplit(":", 1)[-1] for f in first.failures} == {"61", "62"}
    assert all(f.reason for f in first.failures)
    assert first.events > 0
    assert len(first.worker_peak_rss) == 2
    assert seen[-1].done == seen[-1].total == 62
    assert [p.done for p in seen] == sorted(p.done for p in seen)
    with Store.open(db, read_only=True) as store:
        stats = store.stats()
        order = [
            r[0]
            for r in store.connection().execute("SELECT id FROM documents ORDER BY seq").fetchall()
        ]
    assert (stats.documents, stats.events, stats.errors) == (60, first.events, 2)
    assert order == [f"syn-{i:06d}" for i in range(60)]  # input order, whatever the workers did

    again = ingest([str(corpus)], db, Settings(), workers=2, chunk_size=8)

    assert (again.added, again.skipped, again.failed, again.events) == (0, 60, 2, 0)
    assert again.worker_peak_rss == {}  # nothing was coded, so no model was loaded
