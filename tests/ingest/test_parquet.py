"""Parquet article files: one document per row, like JSON Lines."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from dateline.config import Settings
from dateline.ingest.readers import read_inputs
from dateline.records import Failure, RawDocument

pa: Any = pytest.importorskip("pyarrow")
pq: Any = pytest.importorskip("pyarrow.parquet")


def write(path: Path, columns: dict[str, list[Any]], schema: Any = None) -> Path:
    pq.write_table(pa.table(columns, schema=schema), path, row_group_size=2)
    return path


def test_rows_become_documents_in_order(tmp_path: Path) -> None:
    path = write(
        tmp_path / "batch.parquet",
        {
            "id": ["a1", "a2", "a3"],
            "url": ["https://x.example/1", None, "https://x.example/3"],
            "title": ["First", "Second", None],
            "published": ["2024-01-02", None, "2024-01-04T10:00:00Z"],
            "text": ["  The first body.\n\nTwo paragraphs.", None, "Third body."],
            "html": [None, "<p>An html row.</p>", None],
        },
    )
    items = list(read_inputs([str(path)], Settings()))
    assert [i.source for i in items] == [f"{path}:1", f"{path}:2", f"{path}:3"]
    first, second, third = items
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert isinstance(third, RawDocument)
    assert first.media_type == "application/x-article" and first.id == "a1"
    assert first.content == "  The first body.\n\nTwo paragraphs."  # kept unchanged
    assert first.published == date(2024, 1, 2) and first.title == "First"
    assert second.media_type == "text/html" and second.url is None
    assert third.published == date(2024, 1, 4)


def test_date_and_timestamp_columns_are_publication_dates(tmp_path: Path) -> None:
    stamp = datetime(2023, 7, 9, 23, 0, tzinfo=UTC)
    schema = pa.schema([("text", pa.string()), ("published", pa.timestamp("s", tz="UTC"))])
    path = write(tmp_path / "ts.parquet", {"text": ["Body."], "published": [stamp]}, schema)
    (item,) = read_inputs([str(path)], Settings())
    assert isinstance(item, RawDocument) and item.published == date(2023, 7, 9)
    path = write(tmp_path / "d.parquet", {"text": ["Body."], "published": [date(2022, 5, 1)]})
    (item,) = read_inputs([str(path)], Settings())
    assert isinstance(item, RawDocument) and item.published == date(2022, 5, 1)


def test_bad_row_is_one_failure_and_the_rest_go_on(tmp_path: Path) -> None:
    path = write(
        tmp_path / "rows.parquet",
        {"text": ["Before.", None, "x" * 500, "After."], "title": ["a", "b", "c", "d"]},
    )
    items = list(read_inputs([str(path)], Settings(max_input_bytes=100)))
    kinds = ["doc" if isinstance(i, RawDocument) else "fail" for i in items]
    assert kinds == ["doc", "fail", "fail", "doc"]
    assert isinstance(items[1], Failure) and 'no "text" or "html"' in items[1].reason
    assert isinstance(items[2], Failure) and "too large" in items[2].reason


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda p: write(p, {"title": ["no body column"]}), 'no "text" or "html" column'),
        (lambda p: p.write_bytes(b"PAR1 this is not parquet"), "not a valid Parquet file"),
        (lambda p: write(p, {"text": pa.array([], pa.string())}), "no rows"),
    ],
)
def test_unusable_file_is_one_failure(tmp_path: Path, make: Any, problem: str) -> None:
    path = tmp_path / "bad.parquet"
    make(path)
    (item,) = read_inputs([str(path)], Settings())
    assert isinstance(item, Failure) and problem in item.reason and item.source == str(path)


def test_directory_reads_parquet_files(tmp_path: Path) -> None:
    write(tmp_path / "a.parquet", {"text": ["One.", "Two."]})
    (tmp_path / "b.txt").write_text("Three.\n")
    sources = [i.source for i in read_inputs([str(tmp_path)], Settings())]
    assert sources == [f"{tmp_path / 'a.parquet'}:1", f"{tmp_path / 'a.parquet'}:2",
                       str(tmp_path / "b.txt")]  # fmt: skip
