"""RawDocument -> Article: pick the extractor for the media type, then fill in metadata."""

from __future__ import annotations

from datetime import date

from dateline.config import Settings
from dateline.errors import EmptyInputError, UnsupportedInputError
from dateline.ingest.blocks import Block, join_blocks, split_paragraphs
from dateline.ingest.decode import check_text, decode_bytes
from dateline.ingest.hinted import published_hint
from dateline.ingest.sniff import ARTICLE, HTML, TEXT
from dateline.records import Article, RawDocument


def to_article(raw: RawDocument, settings: Settings) -> Article:
    """Extract the article in ``raw``; raises InputError subclasses naming ``raw.source``."""
    if raw.media_type == HTML:
        return _from_html(raw, settings)
    if raw.media_type == TEXT:
        return _from_text(raw, settings)
    if raw.media_type == ARTICLE:
        return _from_clean_text(raw, settings)
    raise UnsupportedInputError(
        f"unsupported media type {raw.media_type!r} (expected {HTML}, {TEXT} or {ARTICLE})",
        source=raw.source,
    )


def _text_of(raw: RawDocument) -> str:
    if isinstance(raw.content, bytes):
        return decode_bytes(raw.content, source=raw.source)
    return check_text(raw.content, source=raw.source)


def _from_html(raw: RawDocument, settings: Settings) -> Article:
    from dateline.ingest.html import extract_html

    page = extract_html(raw.content, source=raw.source, url=raw.url)
    return _build(
        raw,
        settings,
        page.blocks,
        title=page.title,
        byline=page.byline,
        published=page.published,
        source=page.site_name,
    )


def _from_text(raw: RawDocument, settings: Settings) -> Article:
    from dateline.ingest.text import parse_text

    page = parse_text(_text_of(raw), title=raw.title)
    return _build(
        raw,
        settings,
        page.blocks,
        title=page.title,
        byline=page.byline,
        published=page.published,
        source=page.agency,
    )


def _from_clean_text(raw: RawDocument, settings: Settings) -> Article:
    """Given clean text is kept as it is (offsets refer to it), only cut to the limit."""
    text = _text_of(raw)
    if not text.strip():
        raise EmptyInputError("empty input: the article text is blank", source=raw.source)
    text = text[: settings.max_text_chars]
    return Article(
        id=raw.id or _article_id(text, raw.url),
        url=raw.url,
        source=raw.source_name or _site(raw.url) or settings.default_source,
        title=raw.title,
        published=raw.published or published_hint(raw),
        byline=raw.byline,
        language=settings.language,
        text=text,
        paragraphs=split_paragraphs(text),
        origin=raw.source,
    )


def _build(
    raw: RawDocument,
    settings: Settings,
    blocks: tuple[Block, ...],
    *,
    title: str | None,
    byline: str | None,
    published: date | None,
    source: str | None,
) -> Article:
    text, paragraphs = join_blocks(blocks, settings.max_text_chars)
    if not text.strip():
        raise EmptyInputError("no article text found", source=raw.source)
    return Article(
        id=raw.id or _article_id(text, raw.url),
        url=raw.url,
        source=raw.source_name or source or _site(raw.url) or settings.default_source,
        title=raw.title or title,
        published=raw.published or published or published_hint(raw),
        byline=raw.byline or byline,
        language=settings.language,
        text=text,
        paragraphs=paragraphs,
        origin=raw.source,
    )


def _article_id(text: str, url: str | None) -> str:
    from dateline.pipeline import article_id

    return article_id(text, url)


def _site(url: str | None) -> str | None:
    from dateline.ingest.html import site_from_url

    return site_from_url(url)
