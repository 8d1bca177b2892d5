"""URL inputs: ``http(s)://`` arguments and ``.urls`` files (one URL a line, ``#`` comments).

Each URL is fetched with :class:`~dateline.ingest.fetch.Fetcher` and becomes one
RawDocument whose ``url`` is the final URL after redirects and whose source is the URL as
given; a feed URL becomes one RawDocument per entry (``URL#entryN``). A URL that cannot be
fetched is a Failure with the reason, and the others go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from dateline.ingest.decode import decode_declared
from dateline.ingest.feeds import looks_like_feed, parse_feed
from dateline.ingest.fetch import Fetched, Fetcher
from dateline.ingest.sniff import HTML, TEXT, looks_like_html
from dateline.records import Failure, RawDocument

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_FEED_TYPES = frozenset({"application/rss+xml", "application/atom+xml", "application/rdf+xml"})
_XML_TYPES = frozenset({"application/xml", "text/xml"})


def is_url(arg: str) -> bool:
    """True for an ``http://`` or ``https://`` argument with a host."""
    parts = urlsplit(arg.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def url_lines(lines: Iterable[str], name: str) -> Iterator[tuple[str, str] | Failure]:
    """(source, URL) for each URL line of a ``.urls`` file; a bad line is a Failure
    naming ``name:LINENO``; a file with no URL at all is one Failure."""
    empty = True
    for lineno, line in enumerate(lines, start=1):
        text = line.split(" #", 1)[0].strip()
        if not text or text.startswith("#"):
            continue
        empty = False
        if is_url(text):
            yield (text, text)
        else:
            yield Failure(f"{name}:{lineno}", f"not an http(s) URL: {text[:200]!r}")
    if empty:
        yield Failure(name, "empty input: no URLs")


def read_url_file(path: Path, fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    """Fetch every URL listed in a ``.urls`` file, in order."""
    name = str(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        yield Failure(name, f"cannot read the URL list: {exc}")
        return
    for item in url_lines(lines, name):
        if isinstance(item, Failure):
            yield item
        else:
            yield from fetch_documents(item[1], fetcher)


def fetch_documents(url: str, fetcher: Fetcher) -> Iterator[RawDocument | Failure]:
    """Fetch one URL and turn the page (or feed) into RawDocuments."""
    page = fetcher.fetch(url)
    if isinstance(page, Failure):
        yield page
        return
    yield from page_documents(page, fetcher.policy.max_bytes)


def page_documents(page: Fetched, max_bytes: int) -> Iterator[RawDocument | Failure]:
    """A fetched page by its media type: HTML, plain text, or a feed of entries."""
    kind = page.content_type
    body = page.body
    if kind in _FEED_TYPES or (kind in _XML_TYPES | {""} and looks_like_feed(body)):
        yield from parse_feed(body, page.url, max_bytes)
        return
    if kind in _HTML_TYPES or (kind == "" and looks_like_html(body)):
        media_type = HTML
    elif kind in ("text/plain", ""):
        media_type = TEXT
    else:
        yield Failure(page.url, f"unsupported content type {kind!r} (expected HTML, text, a feed)")
        return
    yield RawDocument(
        source=page.url,
        content=decode_declared(body, page.charset),
        media_type=media_type,
        url=page.final_url,
    )
