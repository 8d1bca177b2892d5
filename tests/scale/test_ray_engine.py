"""The Ray Data engine codes the sample corpus into the same events as the local engine."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.store.database import Store

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),  # raised inside Ray Data
]

EventKey = tuple[str, str, tuple[str, ...], tuple[str, ...], str | None, str | None, str]


def _events(db: Path) -> set[EventKey]:
    with Store.open(db, read_only=True) as store:
        return {
            (
                row.article_id,
                row.type,
                tuple(sorted(row.actor_countries)),
                tuple(sorted(row.recipient_countries)),
                None if row.date_start is None else row.date_start.isoformat(),
                None if row.date_end is None else row.date_end.isoformat(),
                row.sentence,
            )
            for row in store.timeline()
        }


def test_ray_engine_stores_the_same_events_as_the_local_engine(
    tmp_path: Path, repo_dir: Path
) -> None:
    missing = [m for m in ("ray", "pyarrow", "pandas") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed: pip install 'dateline[scale]'")
    from dateline.scale import local, ray_engine

    corpus = [str(repo_dir / "examples" / "corpus")]
    settings = Settings()
    ray_db, local_db = tmp_path / "ray.duckdb", tmp_path / "local.duckdb"
    ray_summary = ray_engine.ingest(
        corpus, ray_db, settings, num_cpus=2, shards_dir=tmp_path / "out"
    )
    local_summary = local.ingest(corpus, local_db, settings, workers=1)

    assert ray_summary.added == local_summary.added > 0
    assert ray_summary.events == local_summary.events > 0
    assert list((tmp_path / "out" / "shards").glob("*.parquet"))
    assert _events(ray_db) == _events(local_db)
    # Loading the same shards again adds nothing.
    from dateline.scale.shards import load_shards

    with Store.open(ray_db) as store:
        again = load_shards(tmp_path / "out" / "shards", store)
    assert again.added == 0
    assert again.duplicates == ray_summary.added
