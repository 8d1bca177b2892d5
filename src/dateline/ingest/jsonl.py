"""JSON Lines input: one article per line, ``{"id", "url", "title", "published", "text"|"html"}``.

A given ``text`` is the clean body, kept unchanged so that offsets refer to it; a given
``html`` goes through HTML extraction. A bad line becomes a Failure naming ``path:LINENO``
and the other lines go on.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from dateline.errors import InputError
from dateline.ingest.sniff import ARTICLE, HTML, parse_published
from dateline.records import Failure, RawDocument


def _optional_str(row: dict[str, Any], key: str, source: str) -> str | None:
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(
            f"field {key!r} must be a string, not {type(value).__name__}", source=source
        )
    text = str(value).strip()
    return text or None


def row_to_raw(row: object, source: str) -> RawDocument:
    """One decoded JSON value -> RawDocument, or InputError saying what is wrong."""
    if not isinstance(row, dict):
        raise InputError(f"expected a JSON object, got {type(row).__name__}", source=source)
    text, html = row.get("text"), row.get("html")
    if isinstance(text, str) and text.strip():
        content, media_type = text, ARTICLE
    elif isinstance(html, str) and html.strip():
        content, media_type = html, HTML
    elif text is None and html is None:
        raise InputError('no "text" or "html" field', source=source)
    else:
        raise InputError('"text"/"html" is empty or not a string', source=source)
    published = row.get("published")
    if published is not None and not isinstance(published, str):
        raise InputError('"published" must be an ISO date string', source=source)
    return RawDocument(
        source=source,
        content=content,
        media_type=media_type,
        url=_optional_str(row, "url", source),
        id=_optional_str(row, "id", source),
        title=_optional_str(row, "title", source),
        published=parse_published(published, source=source),
        byline=_optional_str(row, "byline", source) or _optional_str(row, "author", source),
        source_name=_optional_str(row, "source", source),
    )


def parse_line(line: str | bytes, source: str, max_bytes: int) -> RawDocument | Failure | None:
    """One line -> RawDocument, Failure, or None for a blank line."""
    size = len(line)
    if size > max_bytes:
        return Failure(source, f"too large: {size} bytes, limit {max_bytes}")
    if isinstance(line, bytes):
        try:
            line = line.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            return Failure(source, f"not UTF-8 JSON: {exc.reason} at byte {exc.start}")
    if not line.strip():
        return None
    try:
        row = json.loads(line)
    except ValueError as exc:
        return Failure(source, f"not valid JSON: {exc}")
    try:
        return row_to_raw(row, source)
    except InputError as exc:
        return Failure(source, exc.message)


def parse_lines(
    lines: Iterable[str | bytes], name: str, max_bytes: int
) -> Iterator[RawDocument | Failure]:
    """Stream the rows of a JSONL file; sources are ``name:LINENO`` (1-based). A file with
    no rows at all is one Failure, so that an empty input never passes unnoticed."""
    empty = True
    for lineno, line in enumerate(lines, start=1):
        item = parse_line(line, f"{name}:{lineno}", max_bytes)
        if item is not None:
            empty = False
            yield item
    if empty:
        yield Failure(name, "empty input: no JSON lines")
