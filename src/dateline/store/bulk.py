"""The store's bulk path: many documents per transaction, staged through CSV files.

Rows are the same as :meth:`Store.add` writes (``codec``), written as CSV in a temporary
folder (every string quoted, NULL written as an unquoted ``\\N``), read by DuckDB's
``read_csv`` into temporary tables, and moved
into the store with set-based SQL: stored content hashes are skipped, an article id stored
with other content becomes an ``ingestion_errors`` row, exactly as one-by-one adds do.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

import duckdb

from dateline.records import Extraction
from dateline.store import codec
from dateline.store.results import AddSummary

_STAGES = (
    ("stage_documents", "documents", codec.DOCUMENT_COLUMNS),
    ("stage_mentions", "event_mentions", codec.INSERT_MENTION_COLUMNS),
    ("stage_actors", "event_actors", codec.ACTOR_COLUMNS),
)


def load(
    con: duckdb.DuckDBPyConnection,
    extractions: Iterable[Extraction],
    *,
    batch_size: int,
    now: datetime,
) -> AddSummary:
    total = AddSummary()
    docs: list[tuple[Any, ...]] = []
    mentions: list[tuple[Any, ...]] = []
    actors: list[tuple[Any, ...]] = []
    for ex in extractions:
        art = ex.article
        docs.append(codec.document_row(art, codec.content_hash(art.text, art.url), now))
        for i, ev in enumerate(ex.events):
            mentions.append(codec.mention_insert_row(art, i, ev))
            actors.extend(codec.actor_rows(ev))
        if len(mentions) >= batch_size:
            total = _plus(total, _flush(con, docs, mentions, actors))
            docs, mentions, actors = [], [], []
    if docs:
        total = _plus(total, _flush(con, docs, mentions, actors))
    return total


def _plus(a: AddSummary, b: AddSummary) -> AddSummary:
    return AddSummary(
        added=a.added + b.added,
        duplicates=a.duplicates + b.duplicates,
        events=a.events + b.events,
        failures=a.failures + b.failures,
    )


class _Null(float):
    """Written by the csv module as an unquoted ``\\N``: numbers are never quoted under
    QUOTE_NONNUMERIC, and Python 3.11 would write None as a quoted empty string."""

    def __str__(self) -> str:
        return "\\N"

    __repr__ = __str__


_NULL = _Null()


def _write(path: Path, rows: Sequence[Sequence[Any]]) -> None:
    null = _NULL
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n")
        writer.writerows(
            [null if v is None else v for v in row] + [pos] for pos, row in enumerate(rows)
        )


def _types(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str]) -> str:
    found = dict(
        con.execute(
            f"SELECT column_name, data_type FROM duckdb_columns() "
            f"WHERE table_name = '{table}' AND schema_name = 'main'"
        ).fetchall()
    )
    parts = [f"'{c}': '{found[c]}'" for c in columns] + ["'pos': 'BIGINT'"]
    return "{" + ", ".join(parts) + "}"


def _flush(
    con: duckdb.DuckDBPyConnection,
    docs: Sequence[tuple[Any, ...]],
    mentions: Sequence[tuple[Any, ...]],
    actors: Sequence[tuple[Any, ...]],
) -> AddSummary:
    with tempfile.TemporaryDirectory(prefix="dateline-bulk-") as tmp:
        data = dict(zip((s[0] for s in _STAGES), (docs, mentions, actors), strict=True))
        con.begin()
        try:
            for stage, table, columns in _STAGES:
                if not data[stage]:
                    # read_csv cannot sniff an empty file: stage an empty table instead
                    names = ", ".join(f'"{c}"' for c in columns)
                    con.execute(
                        f"CREATE OR REPLACE TEMP TABLE {stage} AS "
                        f"SELECT {names}, 0::BIGINT AS pos FROM {table} LIMIT 0"
                    )
                    continue
                path = Path(tmp) / f"{stage}.csv"
                _write(path, data[stage])
                literal = "'" + str(path).replace("'", "''") + "'"
                con.execute(
                    f"CREATE OR REPLACE TEMP TABLE {stage} AS SELECT * FROM read_csv("
                    f"{literal}, header = false, delim = ',', quote = '\"', escape = '\"', "
                    "nullstr = '\\N', allow_quoted_nulls = false, "
                    f"columns = {_types(con, table, columns)})"
                )
            summary = _move(con)
            con.commit()
        except BaseException:
            con.rollback()
            raise
        finally:
            for stage, _, _ in (*_STAGES, ("stage_new", "", ()), ("stage_clash", "", ())):
                con.execute(f"DROP TABLE IF EXISTS temp.{stage}")
    return summary


def _move(con: duckdb.DuckDBPyConnection) -> AddSummary:
    staged = _count(con, "SELECT count(*) FROM stage_documents")
    # First row per content hash, of hashes not stored yet.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE stage_new AS SELECT s.* FROM stage_documents s "
        "WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.content_hash = s.content_hash) "
        "QUALIFY row_number() OVER (PARTITION BY s.content_hash ORDER BY s.pos) = 1"
    )
    # Article ids already stored, or repeated in the batch, with other content.
    con.execute(
        "CREATE OR REPLACE TEMP TABLE stage_clash AS SELECT s.id, s.origin, s.pos "
        "FROM stage_new s WHERE EXISTS (SELECT 1 FROM documents d WHERE d.id = s.id) "
        "OR s.pos > (SELECT min(t.pos) FROM stage_new t WHERE t.id = s.id)"
    )
    con.execute(
        "INSERT INTO ingestion_errors (source, stage, reason, failed_at) "
        "SELECT CASE WHEN origin = '' THEN id ELSE origin END, 'store', "
        "'article id ''' || id || ''' is already stored with different content', "
        "now()::TIMESTAMP FROM stage_clash ORDER BY pos"
    )
    con.execute("DELETE FROM stage_new WHERE pos IN (SELECT pos FROM stage_clash)")
    cols = ", ".join(codec.DOCUMENT_COLUMNS)
    con.execute(f"INSERT INTO documents ({cols}) SELECT {cols} FROM stage_new ORDER BY pos")
    new_mentions = "article_id IN (SELECT id FROM stage_new)"
    cols = ", ".join(codec.INSERT_MENTION_COLUMNS)
    con.execute(
        f"INSERT INTO event_mentions ({cols}) SELECT {cols} FROM stage_mentions "
        f"WHERE {new_mentions} ORDER BY pos"
    )
    cols = ", ".join(codec.ACTOR_COLUMNS)
    chosen = f"event_id IN (SELECT id FROM stage_mentions WHERE {new_mentions})"
    con.execute(
        f"INSERT INTO event_actors ({cols}) SELECT {cols} FROM stage_actors "
        f"WHERE {chosen} ORDER BY pos"
    )
    added = _count(con, "SELECT count(*) FROM stage_new")
    clashes = _count(con, "SELECT count(*) FROM stage_clash")
    events = _count(con, f"SELECT count(*) FROM stage_mentions WHERE {new_mentions}")
    return AddSummary(
        added=added, duplicates=staged - added - clashes, events=events, failures=clashes
    )


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row is not None else 0
