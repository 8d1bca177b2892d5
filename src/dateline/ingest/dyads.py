"""Reading known-dyad queries (``dateline dyad --input FILE``): one text per row with the
source and target said to be in it.

Two formats, told apart by the file name: JSON Lines (``.jsonl``, ``.ndjson``: objects with
``text`` or ``sentence``, ``source``, optional ``target`` and ``id``) and tab- or
comma-separated tables with a header naming the same columns (``.tsv``, ``.csv``). A bad
row comes out as a :class:`~dateline.records.Failure` naming the file and line; the rest go on.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from dateline.errors import InputError
from dateline.events.dyad import DyadQuery
from dateline.records import Failure

__all__ = ["read_dyad_queries"]

_TEXT_KEYS = ("text", "sentence")


def read_dyad_queries(path: Path) -> Iterator[DyadQuery | Failure]:
    """The queries of a JSONL, TSV or CSV file, in order; InputError if it cannot be read."""
    suffix = path.suffix.lower()
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            if suffix in (".jsonl", ".ndjson", ".json"):
                for n, line in enumerate(fh, start=1):
                    if line.strip():
                        yield _from_json(path, n, line)
            elif suffix in (".tsv", ".csv", ".txt"):
                delimiter = "," if suffix == ".csv" else "\t"
                reader = csv.DictReader(fh, delimiter=delimiter)
                for n, row in enumerate(reader, start=2):
                    yield _query(path, n, row)
            else:
                raise InputError("dyad queries must be .jsonl, .tsv or .csv", source=str(path))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read dyad queries: {exc}", source=str(path)) from exc


def _from_json(path: Path, n: int, line: str) -> DyadQuery | Failure:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(f"{path}:{n}", f"not JSON: {exc.msg}", "dyad")
    if not isinstance(obj, dict):
        return Failure(f"{path}:{n}", "a row must be a JSON object", "dyad")
    return _query(path, n, obj)


def _query(path: Path, n: int, row: Mapping[str, Any]) -> DyadQuery | Failure:
    text = next((row[k] for k in _TEXT_KEYS if isinstance(row.get(k), str) and row[k]), None)
    source = row.get("source")
    target = row.get("target") or None
    if text is None:
        return Failure(f"{path}:{n}", "no 'text' (or 'sentence')", "dyad")
    if not isinstance(source, str) or not source.strip():
        return Failure(f"{path}:{n}", "no 'source'", "dyad")
    if target is not None and not isinstance(target, str):
        return Failure(f"{path}:{n}", "'target' must be text", "dyad")
    return DyadQuery(text, source, target, str(row.get("id") or f"{path.name}:{n}"))
