"""Export the store's event mentions: jsonl, csv, parquet, gdelt.

- ``jsonl``: one event per line in DESIGN.md's event JSON shape, plus ``article``
  (id, url, source, title, published).
- ``csv`` / ``parquet``: one flat row per event (:data:`FLAT_COLUMNS`, from the
  ``events_flat`` view); Parquet is written by DuckDB's own ``COPY``, so it needs a path.
- ``gdelt``: GDELT 2.0 event table rows, tab-separated, no header (see
  :mod:`dateline.store.gdelt`).

All formats list events in timeline order (date, then storage order).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TextIO

import duckdb

from dateline.errors import StoreError
from dateline.store.database import Store
from dateline.store.gdelt import gdelt_row

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "gdelt")

FLAT_COLUMNS: tuple[str, ...] = (
    "id",
    "article_id",
    "type",
    "mode",
    "cameo",
    "status",
    "date_start",
    "date_end",
    "granularity",
    "date_text",
    "basis",
    "actor",
    "actor_countries",
    "recipient",
    "recipient_countries",
    "place_name",
    "place_country",
    "place_geonameid",
    "place_lat",
    "place_lon",
    "place_feature",
    "place_basis",
    "sentence",
    "sentence_start",
    "sentence_end",
    "trigger",
    "score",
    "quad",
    "confidence",
    "title",
    "url",
    "source",
    "published",
    "actor_json",
    "recipient_json",
)

_FLAT_SELECT = (
    f"SELECT {', '.join(FLAT_COLUMNS)} FROM events_flat "
    "ORDER BY date_start NULLS LAST, article_seq, ordinal"
)


def export(
    store: Store,
    fmt: str,
    out: Path | str | TextIO | None = None,
    *,
    canonical: bool = False,
) -> int:
    """Write every event mention in ``fmt`` to ``out``; return the number of rows written.

    ``out`` is a path, an open text stream, or None for standard output (text formats
    only). ``canonical`` (gdelt only): one row per canonical event instead of one per
    mention, with its NumMentions/NumSources/NumArticles. Raises StoreError for an unknown
    format or an unwritable destination.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if canonical and fmt != "gdelt":
        raise StoreError("only the gdelt export has a canonical form")
    if fmt == "gdelt":
        with _text_out(out) as stream:
            return _gdelt(store, stream, canonical=canonical)
    if fmt == "parquet":
        if out is None or not isinstance(out, str | Path):
            raise StoreError("parquet export needs a file path")
        return _parquet(store, Path(out))
    writer = {"jsonl": _jsonl, "csv": _csv}[fmt]
    with _text_out(out) as stream:
        return writer(store, stream)


@contextmanager
def _text_out(out: Path | str | TextIO | None) -> Iterator[TextIO]:
    if out is None:
        yield sys.stdout
        return
    if not isinstance(out, str | Path):
        yield out
        return
    path = Path(out)
    try:
        fh = path.open("w", encoding="utf-8", newline="")
    except OSError as exc:
        raise StoreError(f"cannot write export: {exc.strerror}", source=str(path)) from exc
    with fh:
        yield fh


def _jsonl(store: Store, stream: TextIO) -> int:
    n = 0
    for stored in store.events():
        stream.write(json.dumps(stored.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv(store: Store, stream: TextIO) -> int:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(FLAT_COLUMNS)
    n = 0
    cursor = store.connection().cursor()
    try:
        cursor.execute(_FLAT_SELECT)
        while batch := cursor.fetchmany(1000):
            for row in batch:
                writer.writerow("" if v is None else v for v in row)
                n += 1
    except duckdb.Error as exc:
        raise StoreError(f"csv export failed: {exc}", source=store.path) from exc
    finally:
        cursor.close()
    return n


def _parquet(store: Store, path: Path) -> int:
    # COPY takes no parameter for its target, so the path is quoted as a SQL literal.
    literal = "'" + str(path).replace("'", "''") + "'"
    try:
        row = (
            store.connection()
            .execute(f"COPY ({_FLAT_SELECT}) TO {literal} (FORMAT parquet)")
            .fetchone()
        )
    except duckdb.Error as exc:
        raise StoreError(f"parquet export failed: {exc}", source=str(path)) from exc
    return int(row[0]) if row is not None else 0


def _gdelt(store: Store, stream: TextIO, *, canonical: bool = False) -> int:
    first_paragraph = _first_paragraph_ends(store)
    founded = _canonical_rows(store) if canonical else {}
    n = 0
    for stored in store.events():
        end = first_paragraph.get(stored.article.id)
        if not canonical:
            fields = gdelt_row(stored, first_paragraph_end=end)
        elif stored.event.id in founded:
            # A canonical event's id is the id of the mention that founded it.
            day, counts = founded[stored.event.id]
            fields = gdelt_row(stored, first_paragraph_end=end, counts=counts, day=day)
        else:
            continue
        stream.write("\t".join(fields) + "\n")
        n += 1
    return n


def _canonical_rows(store: Store) -> dict[str, tuple[date | None, tuple[int, int, int]]]:
    try:
        rows = (
            store.connection()
            .execute(
                "SELECT id, date_start, num_mentions, num_sources, num_articles "
                "FROM canonical_events"
            )
            .fetchall()
        )
    except duckdb.Error as exc:
        raise StoreError(f"gdelt export failed: {exc}", source=store.path) from exc
    return {str(r[0]): (r[1], (int(r[2]), int(r[3]), int(r[4]))) for r in rows}


def _first_paragraph_ends(store: Store) -> dict[str, int]:
    try:
        rows = store.connection().execute("SELECT id, paragraphs FROM documents").fetchall()
    except duckdb.Error as exc:
        raise StoreError(f"gdelt export failed: {exc}", source=store.path) from exc
    ends: dict[str, int] = {}
    for article_id, raw in rows:
        paragraphs = json.loads(raw)
        if paragraphs:
            ends[str(article_id)] = int(paragraphs[0][1])
    return ends
