"""Parquet article files: one article per row, the same columns as JSON Lines.

Columns ``id``, ``url``, ``title``, ``published`` (an ISO string, a date or a timestamp),
``text`` or ``html``, and optionally ``byline``/``author`` and ``source``. Rows are read in
record batches, so a large file never sits in memory whole; sources are ``path:ROW`` (from
1), and a bad row is one Failure while the others go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from importlib import import_module
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.ingest.jsonl import row_to_raw
from dateline.records import Failure, RawDocument

COLUMNS = ("id", "url", "title", "published", "text", "html", "byline", "author", "source")
_BATCH_ROWS = 256


def read_parquet(path: Path, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """Stream the rows of a Parquet file as RawDocuments (like JSONL rows)."""
    # Imported by name: pyarrow ships no type information (mypy --strict would refuse it).
    pa = import_module("pyarrow")
    pq = import_module("pyarrow.parquet")

    name = str(path)
    try:
        handle = pq.ParquetFile(path)
    except (OSError, pa.ArrowException) as exc:
        yield Failure(name, f"not a valid Parquet file: {exc}")
        return
    present = set(handle.schema_arrow.names)
    if not present & {"text", "html"}:
        yield Failure(name, 'no "text" or "html" column')
        return
    columns = [c for c in COLUMNS if c in present]
    row = 0
    try:
        for batch in handle.iter_batches(batch_size=_BATCH_ROWS, columns=columns):
            for values in batch.to_pylist():
                row += 1
                yield _row(values, f"{name}:{row}", max_bytes)
    except (OSError, pa.ArrowException) as exc:
        yield Failure(name, f"cannot read Parquet rows after row {row}: {exc}")
        return
    if row == 0:
        yield Failure(name, "empty input: no rows")


def _row(values: dict[str, Any], source: str, max_bytes: int) -> RawDocument | Failure:
    body = values.get("text") or values.get("html")
    if isinstance(body, str) and len(body.encode("utf-8")) > max_bytes:
        return Failure(source, f"too large: {len(body.encode('utf-8'))} bytes, limit {max_bytes}")
    published = values.get("published")
    if isinstance(published, datetime):
        values["published"] = published.date().isoformat()
    elif isinstance(published, date):
        values["published"] = published.isoformat()
    # Null cells are absent fields, as a missing key is in JSONL.
    row = {k: v for k, v in values.items() if v is not None}
    try:
        return row_to_raw(row, source)
    except InputError as exc:
        return Failure(source, exc.message)
