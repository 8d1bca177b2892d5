"""RSS and Atom feed files: each entry becomes one RawDocument.

The entry's link is the article URL, its title the title, its ``published`` date the
publication date (``updated`` is only a fallback, used when the content names no date),
and its content -- or, when it has none, its summary, however short -- the HTML body. The
fragment is wrapped in a minimal page so that HTML extraction treats it like any article.
Sources are ``path#entryN`` (from 1). Parsing never touches the network: feedparser is
given the bytes, never a name it could fetch.
"""

from __future__ import annotations

import html
import io
import re
import time
from collections.abc import Iterator, Mapping
from datetime import date
from importlib import import_module
from typing import Any

from dateline.ingest.hinted import HintedDocument
from dateline.ingest.sniff import HTML
from dateline.records import Failure, RawDocument

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")


def looks_like_feed(head: bytes) -> bool:
    """True when the first bytes hold an RSS, Atom or RSS 1.0 (RDF) root element."""
    return _FEED_ROOT.search(head[:4096]) is not None


def parse_feed(data: bytes, name: str, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """The entries of one feed document; a document that is no feed is one Failure."""
    # Imported by name: feedparser ships no type information (mypy --strict would refuse it).
    feedparser = import_module("feedparser")
    # A stream, never a str or bytes: feedparser fetches anything that looks like a URL.
    parsed: Any = feedparser.parse(io.BytesIO(data))
    entries = list(parsed.get("entries") or ())
    if not parsed.get("version") and not entries:
        problem = parsed.get("bozo_exception")
        detail = f": {problem}" if problem else ""
        yield Failure(name, f"not an RSS or Atom feed{detail}")
        return
    if not entries:
        yield Failure(name, "empty input: the feed has no entries")
        return
    for number, entry in enumerate(entries, start=1):
        yield entry_to_raw(entry, f"{name}#entry{number}", max_bytes)


def entry_to_raw(entry: Mapping[str, Any], source: str, max_bytes: int) -> RawDocument | Failure:
    """One feedparser entry -> RawDocument (HTML), or a Failure when it has no text."""
    title = _clean(entry.get("title"))
    body = _body(entry)
    if body is None:
        return Failure(source, "feed entry has no content or summary")
    page = _page(body, title)
    size = len(page.encode("utf-8"))
    if size > max_bytes:
        return Failure(source, f"too large: {size} bytes, limit {max_bytes}")
    return HintedDocument(
        source=source,
        content=page,
        media_type=HTML,
        url=_clean(entry.get("link")),
        title=title,
        published=_date(_stored(entry, "published_parsed")),
        byline=_clean(entry.get("author")),
        published_hint=_date(_stored(entry, "updated_parsed")),
    )


def _body(entry: Mapping[str, Any]) -> str | None:
    """The richest HTML the entry has: its longest content part, else its summary."""
    parts: list[tuple[str, str]] = []
    for part in entry.get("content") or ():
        value = part.get("value")
        if isinstance(value, str) and value.strip():
            parts.append((value, str(part.get("type") or "")))
    if parts:
        value, kind = max(parts, key=lambda p: len(p[0]))
        return _as_html(value, kind)
    summary = entry.get("summary")
    if isinstance(summary, str) and summary.strip():
        detail = entry.get("summary_detail") or {}
        return _as_html(summary, str(detail.get("type") or "text/html"))
    return None


def _as_html(value: str, kind: str) -> str:
    if kind.lower() in _HTML_TYPES:
        return value
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", value) if p.strip()]
    return "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)


def _page(body: str, title: str | None) -> str:
    # trafilatura refuses bare fragments (a one-line summary); a minimal page it reads.
    head = f"<title>{html.escape(title)}</title>" if title else ""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head>"
        f"<body><article>{body}</article></body></html>"
    )


def _stored(entry: Mapping[str, Any], key: str) -> object:
    # Plain dict access: feedparser's own lookup answers "updated_parsed" with the
    # published date when there is no update time (with a DeprecationWarning).
    return dict.get(entry, key) if isinstance(entry, dict) else entry.get(key)


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _date(value: object) -> date | None:
    if isinstance(value, time.struct_time):
        try:
            return date(value.tm_year, value.tm_mon, value.tm_mday)
        except ValueError:
            return None
    return None
