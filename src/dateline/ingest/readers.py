"""Inputs -> RawDocuments, streaming, in input order; a bad input is a Failure, never a raise.

Accepted: ``.html``/``.htm`` (and ``.gz`` of them), ``.txt`` (scraped text), ``.jsonl``
and ``.parquet`` (one article per row), ``.warc``/``.warc.gz`` (the HTML pages of a crawl),
``.rss``/``.atom``/``.xml`` feeds (one article per entry), ``.urls`` (URLs to fetch, one a
line), ``http(s)://`` arguments (fetched), directories of files (recursive, sorted; other
files, ``.xml`` files that are not feeds and ``.urls`` lists are skipped silently: reading a
directory never goes online) and ``-`` for standard input (HTML, JSONL or text, sniffed).
See docs/inputs.md.
"""

from __future__ import annotations

import gzip
import io
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

from dateline.config import Settings
from dateline.errors import InputError
from dateline.ingest.feeds import looks_like_feed, parse_feed
from dateline.ingest.fetch import Fetcher, FetchPolicy
from dateline.ingest.jsonl import parse_lines
from dateline.ingest.options import option_int
from dateline.ingest.sniff import HTML, TEXT, looks_like_html, looks_like_jsonl
from dateline.ingest.urls import fetch_documents, is_url, read_url_file
from dateline.records import Failure, RawDocument

_KINDS: dict[str, str] = {
    ".html": "html",
    ".htm": "html",
    ".html.gz": "html.gz",
    ".htm.gz": "html.gz",
    ".txt": "text",
    ".jsonl": "jsonl",
    ".parquet": "parquet",
    ".warc": "warc",
    ".warc.gz": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
    ".urls": "urls",
}
ACCEPTED = tuple(_KINDS)
_GZIP_MAGIC = b"\x1f\x8b"
DEFAULT_MAX_FEED_BYTES = 100_000_000
"""A feed file is parsed whole; the per-article limit applies to each entry."""


def input_kind(path: Path) -> str | None:
    """The kind of input (``html``, ``html.gz``, ``text``, ``jsonl``, ``parquet``, ``warc``,
    ``feed``, ``urls``) from the file name; None if not accepted."""
    name = path.name.lower()
    for suffix in sorted(_KINDS, key=len, reverse=True):
        if name.endswith(suffix):
            return _KINDS[suffix]
    return None


def read_inputs(
    paths: Sequence[str], settings: Settings, *, stdin: BinaryIO | None = None
) -> Iterator[RawDocument | Failure]:
    """Yield one RawDocument or Failure per document, in the order the inputs are given."""
    fetcher: Fetcher | None = None
    try:
        for arg in paths:
            if arg == "-":
                yield from _read_stdin(stdin, settings)
                continue
            if is_url(arg):
                fetcher = fetcher or Fetcher(FetchPolicy.from_settings(settings))
                yield from fetch_documents(arg.strip(), fetcher)
                continue
            path = Path(arg)
            if path.is_dir():
                yield from _read_dir(path, settings)
                continue
            if not path.exists():
                yield Failure(arg, "no such file or directory")
                continue
            kind = input_kind(path)
            if kind is None:
                yield Failure(
                    arg,
                    f"unsupported input kind {path.suffix or path.name!r} (accepted: "
                    + ", ".join(ACCEPTED)
                    + ", http(s):// URLs, a directory, or - for stdin)",
                )
                continue
            if kind == "urls":
                fetcher = fetcher or Fetcher(FetchPolicy.from_settings(settings))
                yield from read_url_file(path, fetcher)
                continue
            yield from _read_file(path, kind, settings)
    finally:
        if fetcher is not None:
            fetcher.close()


def _read_dir(root: Path, settings: Settings) -> Iterator[RawDocument | Failure]:
    for child in _walk(root):
        if isinstance(child, Failure):
            yield child
            continue
        kind = input_kind(child)
        # A directory is read offline: URL lists in it are not fetched.
        if kind is None or kind == "urls":
            continue
        if kind == "feed" and child.suffix.lower() == ".xml" and not _is_feed_file(child):
            continue
        yield from _read_file(child, kind, settings)


def _is_feed_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return looks_like_feed(fh.read(4096))
    except OSError:
        return True  # let the reader report the error


def _walk(root: Path, seen: set[str] | None = None) -> Iterator[Path | Failure]:
    """Files under ``root``, depth first, names sorted; hidden entries are skipped, and a
    directory reached twice through symbolic links is read once."""
    seen = set() if seen is None else seen
    real = os.path.realpath(root)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(root), key=lambda e: e.name)
    except OSError as exc:
        yield Failure(str(root), f"cannot list directory: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.is_file():
            yield path


def _too_large(size: int, limit: int) -> str:
    return f"too large: {size} bytes, limit {limit}"


def _read_file(path: Path, kind: str, settings: Settings) -> Iterator[RawDocument | Failure]:
    source = str(path)
    limit = settings.max_input_bytes
    if kind == "jsonl":
        # The size limit applies per article (line): a JSONL file is a batch.
        try:
            fh = path.open("rb")
        except OSError as exc:
            yield Failure(source, f"cannot read: {exc.strerror or exc}")
            return
        with fh:
            try:
                yield from parse_lines(fh, source, limit)
            except OSError as exc:
                yield Failure(source, f"read error: {exc.strerror or exc}")
        return
    if kind == "warc":
        from dateline.ingest.warc import read_warc

        yield from read_warc(path, limit)
        return
    if kind == "parquet":
        from dateline.ingest.parquet import read_parquet

        yield from read_parquet(path, limit)
        return
    if kind == "feed":
        limit = max(limit, option_int(settings, "max_feed_bytes", DEFAULT_MAX_FEED_BYTES))
    try:
        size = path.stat().st_size
        if size > limit:
            yield Failure(source, _too_large(size, limit))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(source, f"cannot read: {exc.strerror or exc}")
        return
    if kind == "html.gz":
        try:
            data = _gunzip(data, limit)
        except InputError as exc:
            yield Failure(source, exc.message)
            return
    if kind == "feed":
        yield from parse_feed(data, source, settings.max_input_bytes)
        return
    media_type = TEXT if kind == "text" else HTML
    yield RawDocument(source=source, content=data, media_type=media_type)


def _gunzip(data: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            out = gz.read(limit + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise InputError(f"not a valid gzip file: {exc}") from None
    if len(out) > limit:
        raise InputError(f"too large: over {limit} bytes uncompressed, limit {limit}")
    return out


def _read_stdin(stdin: BinaryIO | None, settings: Settings) -> Iterator[RawDocument | Failure]:
    if stdin is None:
        import sys

        stdin = sys.stdin.buffer
    limit = settings.max_input_bytes
    head = stdin.read(1 << 16)
    if head.lstrip().startswith(b"{") and b"\n" not in head:
        # A long first JSON line: read it whole so that JSONL is still recognised.
        head += stdin.readline(limit)
    if head.startswith(_GZIP_MAGIC):
        try:
            data = _gunzip(head + stdin.read(limit + 1), limit)
        except InputError as exc:
            yield Failure("-", exc.message)
            return
        yield from _stdin_document(data, limit)
        return
    if looks_like_jsonl(head):
        # Stream line by line: stdin JSONL may be a long batch.
        yield from parse_lines(_chain_lines(head, stdin), "-", limit)
        return
    data = head + stdin.read(limit + 1 - len(head))
    if len(data) > limit:
        yield Failure("-", f"too large: over {limit} bytes, limit {limit}")
        return
    yield from _stdin_document(data, limit)


def _stdin_document(data: bytes, limit: int) -> Iterator[RawDocument | Failure]:
    if looks_like_jsonl(data):
        yield from parse_lines(io.BytesIO(data), "-", limit)
        return
    media_type = HTML if looks_like_html(data) else TEXT
    yield RawDocument(source="-", content=data, media_type=media_type)


def _chain_lines(head: bytes, rest: BinaryIO) -> Iterator[bytes]:
    """Lines of ``head`` followed by the rest of the stream, without reading it all."""
    buffered = io.BufferedReader(_Prefixed(head, rest))
    yield from buffered


class _Prefixed(io.RawIOBase):
    """A raw stream that returns ``prefix`` first, then reads from ``rest``."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = prefix
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._prefix:
            n = min(len(buffer), len(self._prefix))
            buffer[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
            return n
        chunk = self._rest.read(len(buffer))
        buffer[: len(chunk)] = chunk
        return len(chunk)
