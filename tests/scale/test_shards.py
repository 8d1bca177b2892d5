"""Parquet shards round-trip every field the store keeps, and load idempotently."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest

from dateline.records import (
    Article,
    Entity,
    Event,
    EventDate,
    Evidence,
    Extraction,
    Failure,
    Place,
)
from dateline.scale import shards
from dateline.store.database import Store

if importlib.util.find_spec("pyarrow") is None:
    pytest.skip("pyarrow not installed: pip install 'dateline[scale]'", allow_module_level=True)

TEXT = "French forces struck Aleppo on Monday, officials said. Talks went on."


def _extraction(n: int, *, events: int = 1) -> Extraction:
    text = f"{TEXT} ({n})"
    article = Article(
        id=f"doc-{n}",
        url=f"https://news.example/{n}",
        source="news.example",
        title="Strike",
        published=date(2025, 3, 4),
        byline=None,
        language="en",
        text=text,
        paragraphs=((0, len(text)),),
        origin=f"news.jsonl:{n}",
    )
    evs = tuple(
        Event(
            id=f"doc-{n}-e{i + 1}",
            type="ASSAULT",
            mode=None,
            cameo="190",
            actor=(Entity("French forces", "French forces", "FRA", "MIL", None, None, 0, 13),),
            recipient=(),
            status="occurred",
            date=EventDate(date(2025, 3, 3), date(2025, 3, 3), "day", "Monday", "stated"),
            place=Place("Aleppo", 21, 27, "place", "Aleppo", 170063, "SYR", 36.2, 37.16, "city"),
            evidence=Evidence(TEXT[:54], 0, 54, "struck", 14),
            score=-10.0,
            quad="material_conflict",
            confidence=0.7,
        )
        for i in range(events)
    )
    return Extraction(article=article, events=evs)


def _write(path: Path, items: list[Extraction | Failure]) -> None:
    import pyarrow.parquet as pq

    rows = [
        row
        for pos, item in enumerate(items)
        for row in shards.extraction_rows(item, shard=0, shard_path="news.jsonl", position=pos)
    ]
    path.mkdir(parents=True, exist_ok=True)
    # Two files, in the "wrong" order: the reader sorts by shard and position.
    half = len(rows) // 2
    pq.write_table(shards.table(rows[half:]), path / "a.parquet")
    pq.write_table(shards.table(rows[:half]), path / "b.parquet")


def test_shards_give_back_the_documents_and_events_in_input_order(tmp_path: Path) -> None:
    items: list[Extraction | Failure] = [
        _extraction(0, events=2),
        Failure("news.jsonl:2", "not JSON", "ingest"),
        _extraction(1, events=0),
        _extraction(2),
    ]
    _write(tmp_path / "out", items)
    assert list(shards.read_shards(tmp_path / "out")) == items


@pytest.mark.parametrize("bulk", [False, True])
def test_loading_shards_twice_stores_each_document_once(tmp_path: Path, bulk: bool) -> None:
    # Documents without events too: Store.bulk_add cannot take a batch of only those.
    items: list[Extraction | Failure] = [_extraction(n, events=n % 3) for n in range(7)]
    items.append(Failure("news.jsonl:9", "empty input", "article"))
    items.append(_extraction(8, events=0))
    _write(tmp_path / "out", items)
    with Store.open(tmp_path / "s.duckdb") as store:
        first = shards.load_shards(tmp_path / "out", store, bulk=bulk)
        second = shards.load_shards(tmp_path / "out", store, bulk=bulk)
        stats = store.stats()
    assert (first.added, first.events, first.failures) == (8, 6, 1)
    assert (second.added, second.duplicates) == (0, 8)
    assert (stats.documents, stats.events) == (8, 6)
