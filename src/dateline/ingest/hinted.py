"""A RawDocument that carries a fallback publication date.

Some containers know a date that is *not* the publication date but is the best guess when
the page itself gives none: a WARC record's capture date, a feed entry's ``updated`` time.
``RawDocument.published`` overrides whatever the page says, so such a date travels in
``published_hint`` instead and :func:`dateline.ingest.article.to_article` uses it only when
neither the input nor the page names a date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dateline.records import RawDocument


@dataclass(frozen=True, slots=True)
class HintedDocument(RawDocument):
    """A RawDocument with a date to fall back on when the page gives none."""

    published_hint: date | None = None


def published_hint(raw: RawDocument) -> date | None:
    """The fallback date of ``raw``, if it carries one."""
    return raw.published_hint if isinstance(raw, HintedDocument) else None
