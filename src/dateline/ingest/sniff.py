"""Decide what a piece of content is (HTML, JSON Lines or plain text) and wrap it."""

from __future__ import annotations

import json
import re
from datetime import date, datetime

from dateline.errors import InputError
from dateline.records import RawDocument

HTML = "text/html"
TEXT = "text/plain"
ARTICLE = "application/x-article"

_MARKUP = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title[\s>]"
    r"|<(?:p|div|article|section|span|h[1-6]|br|table|ul|a)[\s/>]",
    re.I,
)
_MIN_TAGS_IN_TEXT = 2


def _head(content: str | bytes, size: int = 4096) -> str:
    if isinstance(content, bytes):
        return content[:size].decode("latin-1")
    return content[:size]


def looks_like_html(content: str | bytes) -> bool:
    """True when the start of ``content`` is markup rather than prose."""
    head = _head(content).lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    if head[:1] == "<" and _MARKUP.match(head):
        return True
    # Fragments such as "<p>One.</p><p>Two.</p>" count as markup; a stray "<" in prose does not.
    return len(_MARKUP.findall(head)) >= _MIN_TAGS_IN_TEXT


def looks_like_jsonl(content: str | bytes) -> bool:
    """True when the first non-blank line is a JSON object."""
    head = _head(content, 1 << 20).lstrip("\ufeff\xef\xbb\xbf \t\r\n")
    if not head.startswith("{"):
        return False
    first = head.split("\n", 1)[0]
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def parse_published(value: date | str | None, *, source: str) -> date | None:
    """An ISO date (or date-time) string or a date; anything else is an InputError."""
    if value is None or isinstance(value, date):
        return value.date() if isinstance(value, datetime) else value
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise InputError(
            f"published date {value!r} is not an ISO date (YYYY-MM-DD)", source=source
        ) from None


def raw_from_content(
    content: str | bytes,
    *,
    source: str,
    url: str | None = None,
    title: str | None = None,
    published: date | str | None = None,
) -> RawDocument:
    """Wrap text or HTML given directly (API, stdin) as a RawDocument, sniffing its type."""
    media_type = HTML if looks_like_html(content) else TEXT
    return RawDocument(
        source=source,
        content=content,
        media_type=media_type,
        url=url,
        title=title,
        published=parse_published(published, source=source),
    )
