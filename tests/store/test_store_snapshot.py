"""Serving while ingesting: a writer process publishes snapshots, a reader polls them."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from datetime import date
from pathlib import Path

import pytest
from store_factories import extraction

from dateline.errors import StoreError
from dateline.store import Store
from dateline.store.snapshot import snapshot_path

WRITER = textwrap.dedent(
    """
    import sys, time
    from dateline.records import Article, Extraction
    from dateline.store import Store

    path, n = sys.argv[1], int(sys.argv[2])
    with Store.open(path, snapshot_interval=0) as store:
        for i in range(n):
            text = f"Document number {i}."
            art = Article(id=f"doc{i:04d}", url=None, source="wire", title=None,
                          published=None, byline=None, language="en", text=text)
            store.add(Extraction(article=art))
            time.sleep(0.05)
    """
)


def test_a_reader_sees_new_documents_while_a_writer_ingests(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    n = 12
    Store.open(path, snapshot_interval=0).close()  # an empty store and its first snapshot
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(n)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    seen: list[int] = []
    deadline = time.monotonic() + 60
    with Store.open_snapshot_reader(path) as reader:
        while time.monotonic() < deadline:
            count = reader.current().stats().documents  # never raises: the writer never blocks it
            seen.append(count)
            if writer.poll() is not None and count == n:
                break
            time.sleep(0.01)
    _, err = writer.communicate(timeout=30)
    assert writer.returncode == 0, err
    assert seen[-1] == n
    assert seen == sorted(seen), "a reader never goes back in time"
    assert len(set(seen)) >= 3, f"documents should appear while ingesting, saw {sorted(set(seen))}"


def test_publish_snapshot_is_a_readable_copy(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.add(extraction("Macron visits India.", {"start": date(2026, 2, 10)}))
        target = store.publish_snapshot()
        assert target == snapshot_path(path)
        # the writer still holds the main file; the snapshot opens read-only beside it
        with Store.open(target, read_only=True) as copy:
            assert copy.stats().documents == 1
            assert copy.stats().canonical_events == 1
        assert not list(tmp_path.glob("*.tmp"))


def test_reader_without_snapshot_reads_the_store_file(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as store:
        store.add(extraction("Macron visits India."))
    with Store.open_snapshot_reader(path) as reader:
        assert reader.current().stats().documents == 1
        assert reader.current() is reader.current()  # reopened only when something changed


def test_reader_reports_a_missing_store(tmp_path: Path) -> None:
    with Store.open_snapshot_reader(tmp_path / "none.duckdb") as reader:
        reader._retries = 1
        with pytest.raises(StoreError):
            reader.current()


def test_in_memory_store_has_no_snapshot() -> None:
    with Store.open(":memory:") as store, pytest.raises(StoreError):
        store.publish_snapshot()


def test_a_new_snapshot_is_seen_while_a_request_still_holds_the_old_one(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as writer, Store.open_snapshot_reader(path) as reader:
        writer.add(extraction("First document."))
        writer.publish_snapshot()
        in_flight = reader.current().connection().cursor()  # another thread's request
        writer.add(extraction("Second document."))
        writer.publish_snapshot()
        assert reader.current().stats().documents == 2
        assert in_flight.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        in_flight.close()
    assert not list(tmp_path.glob("*.open"))
