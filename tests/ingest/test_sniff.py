"""Sniffing content given directly: HTML or plain text, and the published date."""

from __future__ import annotations

from datetime import date

import pytest

from dateline.errors import InputError
from dateline.ingest.sniff import looks_like_html, looks_like_jsonl, raw_from_content


@pytest.mark.parametrize(
    "content",
    [
        "<!DOCTYPE html><html><body><p>Hi</p></body></html>",
        "  \n<html lang='en'><head><title>T</title></head></html>",
        b"\xef\xbb\xbf<!doctype html><p>bytes with a BOM</p>",
        "<p>One paragraph.</p><p>Another paragraph.</p>",
        "<div class='story'><h1>Headline</h1></div>",
    ],
)
def test_markup_is_sniffed_as_html(content: str | bytes) -> None:
    assert looks_like_html(content)
    assert raw_from_content(content, source="s").media_type == "text/html"


@pytest.mark.parametrize(
    "content",
    [
        "LAGOS — The senate passed the budget on Tuesday.",
        "Inflation fell to 3 < 4 percent, the bureau said.",
        b"Plain bytes about a <b>single tag only.",
        "",
    ],
)
def test_prose_is_sniffed_as_text(content: str | bytes) -> None:
    assert not looks_like_html(content)
    assert raw_from_content(content, source="s").media_type == "text/plain"


def test_jsonl_is_recognised_by_its_first_line() -> None:
    assert looks_like_jsonl('{"id": "a", "text": "x"}\n{"id": "b"}\n')
    assert not looks_like_jsonl("{not json\n")
    assert not looks_like_jsonl("[1, 2]\n")


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2026-02-01", date(2026, 2, 1)),
        ("2026-02-01T09:30:00Z", date(2026, 2, 1)),
        (date(2020, 5, 17), date(2020, 5, 17)),
        (None, None),
    ],
)
def test_published_accepts_iso_dates(published: date | str | None, expected: date | None) -> None:
    raw = raw_from_content("Some text.", source="doc-1", published=published)
    assert raw.published == expected


def test_bad_published_date_is_an_input_error_naming_the_source() -> None:
    with pytest.raises(InputError) as info:
        raw_from_content("Some text.", source="doc-7", published="first of May")
    assert info.value.source == "doc-7"
    assert "first of May" in str(info.value)


def test_given_metadata_is_kept() -> None:
    raw = raw_from_content("Text.", source="api", url="https://example.org/a", title="T")
    assert (raw.source, raw.url, raw.title, raw.content) == (
        "api",
        "https://example.org/a",
        "T",
        "Text.",
    )
