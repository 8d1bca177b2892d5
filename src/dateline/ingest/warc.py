"""WARC and WARC.gz archives: each HTML page a crawler captured becomes one RawDocument.

Only ``response`` records of HTTP status 200 whose payload is HTML are read; requests,
metadata, revisits, redirects, errors and non-HTML payloads are skipped. The record's
``WARC-Target-URI`` is the article URL and its ``WARC-Date`` (the capture time) a fallback
publication date, used only when the page names none. Sources are ``path#recordN`` (N
counts every record in the file, from 1), so a source points at its record whatever was
skipped. Like JSONL, an archive is a batch: the size limit applies per record.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from dateline.ingest.decode import decode_declared
from dateline.ingest.hinted import HintedDocument
from dateline.ingest.sniff import HTML, looks_like_html
from dateline.records import Failure, RawDocument

if TYPE_CHECKING:
    from fastwarc.warc import WarcRecord

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def read_warc(path: Path, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """Stream the HTML pages of a WARC file (plain, or gzip-compressed per record or whole)."""
    from fastwarc.warc import ArchiveIterator

    name = str(path)
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield Failure(name, f"cannot read: {exc.strerror or exc}")
        return
    records = pages = 0
    with fh:
        # auto_decode undoes HTTP Content-Encoding and chunking, so payloads are the page.
        archive = ArchiveIterator(fh, parse_http=True, auto_decode="all")
        try:
            for record in archive:
                records += 1
                item = _record(record, f"{name}#record{records}", max_bytes)
                if item is not None:
                    pages += 1
                    yield item
        except OSError as exc:
            # fastwarc reports malformed headers and broken compression as OSError.
            where = f"after record {records}" if records else "at the start"
            yield Failure(name, f"not a valid WARC file ({where}): {exc}")
            return
    if records == 0:
        yield Failure(name, "empty input: no WARC records")
    elif pages == 0:
        yield Failure(name, f"no HTML pages with status 200 among {records} WARC records")


def _record(record: WarcRecord, source: str, max_bytes: int) -> RawDocument | Failure | None:
    from fastwarc.warc import WarcRecordType

    if record.record_type != WarcRecordType.response or not record.is_http:
        return None
    if record.http_headers.status_code != 200:
        return None
    media_type = (record.http_content_type or "").lower()
    payload = record.reader.read(max_bytes + 1)
    if len(payload) > max_bytes:
        return Failure(source, f"too large: over {max_bytes} bytes, limit {max_bytes}")
    if media_type not in HTML_TYPES and not (not media_type and looks_like_html(payload)):
        return None
    if not payload.strip():
        return Failure(source, "empty input: the HTTP response has no body")
    url = (record.headers.get("WARC-Target-URI") or "").strip().strip("<>") or None
    captured = record.record_date if record.headers.get("WARC-Date") else None
    return HintedDocument(
        source=source,
        content=decode_declared(payload, record.http_charset),
        media_type=HTML,
        url=url,
        published_hint=captured.date() if captured is not None else None,
    )
