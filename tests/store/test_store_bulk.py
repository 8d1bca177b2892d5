"""The bulk path: the same rows as one-by-one adds, many documents per transaction."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from store_factories import PARIS, extraction

from dateline.records import Extraction
from dateline.store import Store

_TABLES = (
    ("documents", "id", ("ingested_at", "seq")),
    ("event_mentions", "id", ("seq",)),
    ("event_actors", "event_id, role, ordinal", ()),
)


def docs() -> list[Extraction]:
    return [
        extraction(
            "Macron visits India.",
            {"start": date(2026, 2, 10), "place": PARIS},
            {"actor": (("Narendra Modi", "IND"), ("Someone", None)), "recipient": ()},
        ),
        extraction("No events here."),
        extraction(
            "Biden visits Kyiv.",
            {
                "start": date(2026, 2, 20),
                "actor": (("Joe Biden", "USA"),),
                "sentence": 'He said "hi"\nthen left.',
            },
        ),
    ]


def rows(store: Store) -> dict[str, list[tuple[object, ...]]]:
    con = store.connection()
    out = {}
    for table, order, skip in _TABLES:
        cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] not in skip]
        out[table] = con.execute(
            f"SELECT {', '.join(cols)} FROM {table} ORDER BY {order}"
        ).fetchall()
    out["events_flat"] = con.execute(
        "SELECT * EXCLUDE (seq, article_seq) FROM events_flat ORDER BY id"
    ).fetchall()
    return out


def test_bulk_add_writes_what_add_writes(tmp_path: Path) -> None:
    with Store.open(tmp_path / "one.duckdb") as one, Store.open(tmp_path / "bulk.duckdb") as bulk:
        one.add_many(docs())
        summary = bulk.bulk_add(docs(), batch_size=2)
        assert (summary.added, summary.events, summary.duplicates) == (3, 3, 0)
        assert rows(bulk) == rows(one)
        assert bulk.stats().canonical_events == 0  # not clustered unless asked
        bulk.recluster()
        canon = "SELECT * FROM canonical_events ORDER BY id"
        assert (
            bulk.connection().execute(canon).fetchall()
            == one.connection().execute(canon).fetchall()
        )
        assert bulk.timeline(actors=["someone"])[0].actor == "Narendra Modi (IND); Someone"


def test_bulk_add_is_idempotent_and_records_id_clashes(store: Store) -> None:
    first = docs()
    store.bulk_add(first)
    clash = replace(first[0], article=replace(first[0].article, text="Different text."))
    again = store.bulk_add([*docs(), clash, docs()[1]])
    assert (again.added, again.duplicates, again.failures, again.events) == (0, 4, 1, 0)
    stats = store.stats()
    assert (stats.documents, stats.events, stats.errors) == (3, 3, 1)
    [failure] = store.failures()
    assert failure.stage == "store" and "already stored with different content" in failure.reason


def test_bulk_add_can_cluster(store: Store) -> None:
    summary = store.bulk_add(docs(), cluster_events=True)
    assert summary.added == 3
    assert store.stats().canonical_events == 3


def test_bulk_add_takes_a_batch_without_any_event(store: Store) -> None:
    # An empty staging file cannot be read back by DuckDB's CSV reader; the batch must
    # still load (a document that codes to no event is common).
    quiet = extraction("A plain report in which nothing is coded.")
    summary = store.bulk_add([quiet])
    assert summary.added == 1 and summary.events == 0
    assert store.stats().documents == 1
