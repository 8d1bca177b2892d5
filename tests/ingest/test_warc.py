"""WARC and WARC.gz: HTML responses become documents; everything else is skipped."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.ingest.article import to_article
from dateline.ingest.hinted import HintedDocument
from dateline.ingest.readers import read_inputs
from dateline.records import Failure, RawDocument

PAGE = (
    b"<!DOCTYPE html><html><head><title>Council meets</title></head><body><article>"
    b"<p>The regional council met in Lisbon on Monday to discuss the new budget.</p>"
    b"<p>Members agreed to meet again in the spring after a long debate.</p>"
    b"</article></body></html>"
)
DATED_PAGE = PAGE.replace(
    b"<title>", b'<meta property="article:published_time" content="2023-02-14"><title>'
)


def warc_record(
    kind: str, uri: str, block: bytes, *, number: int, date_: str = "2024-05-01T10:00:00Z"
) -> bytes:
    """One WARC/1.0 record written by hand, as a crawler writes it."""
    msgtype = "request" if kind == "request" else "response"
    content_type = (
        f"application/http; msgtype={msgtype}"
        if kind in ("request", "response")
        else "application/warc-fields"
    )
    head = (
        "WARC/1.0\r\n"
        f"WARC-Type: {kind}\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
        f"WARC-Date: {date_}\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    return head + block + b"\r\n\r\n"


def http_response(body: bytes, *, status: str = "200 OK", ctype: str = "text/html") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode() + body


def gzipped_response(body: bytes) -> bytes:
    packed = gzip.compress(body)
    return (
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Encoding: gzip\r\nContent-Length: {len(packed)}\r\n\r\n"
    ).encode() + packed


def crawl() -> list[bytes]:
    """A small crawl: info, a request, pages, an error, an image, metadata, a redirect."""
    return [
        warc_record("warcinfo", "", b"software: test\r\n", number=1),
        warc_record("request", "https://news.example/a", b"GET /a HTTP/1.1\r\n\r\n", number=2),
        warc_record("response", "https://news.example/a", http_response(PAGE), number=3),
        warc_record(
            "response",
            "https://news.example/gone",
            http_response(b"<html>nope</html>", status="404 Not Found"),
            number=4,
        ),
        warc_record(
            "response",
            "https://news.example/logo.png",
            http_response(b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, ctype="image/png"),
            number=5,
        ),
        warc_record("metadata", "https://news.example/a", b"outlinks: none\r\n", number=6),
        warc_record(
            "response",
            "https://news.example/old",
            b"HTTP/1.1 301 Moved Permanently\r\nLocation: /a\r\nContent-Length: 0\r\n\r\n",
            number=7,
        ),
        warc_record(
            "response",
            "https://news.example/b",
            gzipped_response(DATED_PAGE),
            number=8,
            date_="2024-06-02T08:30:00Z",
        ),
    ]


@pytest.fixture(params=["plain", "gzip", "gzip-whole"])
def warc_file(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    records = crawl()
    if request.param == "plain":
        path = tmp_path / "crawl.warc"
        path.write_bytes(b"".join(records))
    elif request.param == "gzip":
        # .warc.gz is gzipped record by record (one member each), as crawlers write it.
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(b"".join(gzip.compress(r) for r in records))
    else:
        path = tmp_path / "crawl.warc.gz"
        path.write_bytes(gzip.compress(b"".join(records)))
    return path


def test_only_html_responses_with_status_200_become_documents(warc_file: Path) -> None:
    items = list(read_inputs([str(warc_file)], Settings()))
    assert [i.source for i in items] == [f"{warc_file}#record3", f"{warc_file}#record8"]
    assert all(isinstance(i, RawDocument) and i.media_type == "text/html" for i in items)
    assert [i.url for i in items if isinstance(i, RawDocument)] == [
        "https://news.example/a",
        "https://news.example/b",
    ]


def test_payload_is_the_decoded_page(warc_file: Path) -> None:
    first, second = read_inputs([str(warc_file)], Settings())
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.content == PAGE
    assert second.content == DATED_PAGE  # Content-Encoding: gzip undone


def test_capture_date_is_only_a_fallback_for_the_publication_date(warc_file: Path) -> None:
    first, second = read_inputs([str(warc_file)], Settings())
    assert isinstance(first, HintedDocument) and isinstance(second, HintedDocument)
    assert first.published is None and first.published_hint == date(2024, 5, 1)
    undated, dated = to_article(first, Settings()), to_article(second, Settings())
    assert undated.published == date(2024, 5, 1)  # the page names no date
    assert dated.published == date(2023, 2, 14)  # the page's own date wins
    assert undated.url == "https://news.example/a" and "Lisbon" in undated.text


def test_directory_reads_warc_files_in_order(tmp_path: Path) -> None:
    (tmp_path / "a.warc").write_bytes(b"".join(crawl()))
    (tmp_path / "b.html").write_bytes(PAGE)
    sources = [i.source for i in read_inputs([str(tmp_path)], Settings())]
    assert sources == [
        f"{tmp_path / 'a.warc'}#record3",
        f"{tmp_path / 'a.warc'}#record8",
        str(tmp_path / "b.html"),
    ]


def test_oversized_record_is_a_failure_and_the_rest_go_on(tmp_path: Path) -> None:
    path = tmp_path / "big.warc"
    big = PAGE.replace(b"</article>", b"<p>" + b"word " * 400 + b"</p></article>")
    path.write_bytes(
        warc_record("response", "https://x.example/big", http_response(big), number=1)
        + warc_record("response", "https://x.example/a", http_response(PAGE), number=2)
    )
    items = list(read_inputs([str(path)], Settings(max_input_bytes=len(PAGE) + 10)))
    assert isinstance(items[0], Failure) and "too large" in items[0].reason
    assert isinstance(items[1], RawDocument) and items[1].source == f"{path}#record2"


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"this is not an archive\n" * 5, "not a valid WARC file"),
        (b"", "no WARC records"),
        (
            warc_record("request", "https://x.example/", b"GET / HTTP/1.1\r\n\r\n", number=1),
            "no HTML pages",
        ),
    ],
)
def test_unusable_archive_is_one_failure(tmp_path: Path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(data)
    items = list(read_inputs([str(path)], Settings()))
    assert len(items) == 1 and isinstance(items[0], Failure)
    assert problem in items[0].reason and items[0].source == str(path)


def test_truncated_gzip_archive_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    path = tmp_path / "cut.warc.gz"
    members = [gzip.compress(r) for r in crawl()]
    path.write_bytes(b"".join(members[:3]) + members[3][: len(members[3]) // 2])
    items = list(read_inputs([str(path)], Settings()))
    assert isinstance(items[0], RawDocument) and items[0].source == f"{path}#record3"
    # fastwarc ends quietly at a cut gzip member: the damage itself is not reported.
    assert all(item.source.startswith(f"{path}#record") for item in items)
