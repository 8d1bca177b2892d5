"""Inputs as the engines see them: files in reading order, and how many documents they hold."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from dateline.ingest.readers import input_kind

# Kinds whose document count is one per file; JSONL is counted by lines, the rest unknown.
_ONE_PER_FILE = frozenset({"html", "html.gz", "text"})


def expand(paths: Sequence[str]) -> list[str]:
    """Files to read, in the order ``read_inputs`` reads them (directories walked, sorted,
    hidden entries and files of other kinds skipped); ``-`` and missing paths are kept so
    that the reader reports them."""
    out: list[str] = []
    for arg in paths:
        path = Path(arg)
        if arg != "-" and path.is_dir():
            out.extend(str(p) for p in _walk(path, set()) if input_kind(p) is not None)
        else:
            out.append(arg)
    return out


def _walk(root: Path, seen: set[str]) -> Iterator[Path]:
    real = os.path.realpath(root)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError:
        return  # the reader reports an unreadable directory when it gets there
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from _walk(Path(entry.path), seen)
        elif entry.is_file():
            yield Path(entry.path)


def count_documents(paths: Sequence[str]) -> int | None:
    """How many documents the inputs hold, or None when that needs reading them all
    (standard input, WARC, Parquet). JSONL counts non-blank lines."""
    total = 0
    for name in expand(paths):
        if name == "-":
            return None
        path = Path(name)
        kind = input_kind(path)
        if kind is None or not path.is_file():
            total += 1  # one failure record
        elif kind in _ONE_PER_FILE:
            total += 1
        elif kind == "jsonl":
            try:
                with path.open("rb") as fh:
                    total += sum(1 for line in fh if line.strip())
            except OSError:
                total += 1
        else:
            return None
    return total
