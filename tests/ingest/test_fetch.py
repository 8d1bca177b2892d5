"""Fetching URLs against a local HTTP server (127.0.0.1, a free port), never the internet."""

from __future__ import annotations

import contextlib
import itertools
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.config import Settings
from dateline.ingest.fetch import USER_AGENT, Fetched, Fetcher, FetchPolicy
from dateline.ingest.readers import read_inputs
from dateline.ingest.urls import url_lines
from dateline.records import Failure, RawDocument

PAGE = (
    b"<!DOCTYPE html><html><head><title>Summit ends</title></head><body><article>"
    b"<p>The two presidents ended their summit in Hanoi on Friday.</p></article></body></html>"
)
ROBOTS = b"User-agent: *\nDisallow: /private/\n\nUser-agent: otherbot\nDisallow: /\n"
RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
    b"<item><title>One</title><link>https://news.example/1</link>"
    b"<description>&lt;p&gt;First story.&lt;/p&gt;</description></item>"
    b"</channel></rss>"
)

Reply = tuple[int, dict[str, str], bytes]


@dataclass
class Site:
    """What the test server answers, and what it was asked."""

    routes: dict[str, Callable[[], Reply]] = field(default_factory=dict)
    log: list[tuple[float, str, str]] = field(default_factory=list)
    base: str = ""

    def url(self, path: str) -> str:
        return self.base + path


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            site.log.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            route = site.routes.get(self.path)
            status, headers, body = route() if route else (404, {}, b"not found")
            self.send_response(status)
            for key, value in headers.items():
                if value:  # an empty value leaves the header out
                    self.send_header(key, value)
            if "Content-Length" not in headers:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may have given up (timeout, size cap): expected.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    return Handler


@pytest.fixture()
def site() -> Iterator[Site]:
    site = Site()
    site.routes["/robots.txt"] = lambda: (200, {"Content-Type": "text/plain"}, ROBOTS)
    site.routes["/ok"] = lambda: (200, {"Content-Type": "text/html; charset=utf-8"}, PAGE)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield site
    server.shutdown()
    server.server_close()


FAST = FetchPolicy(max_bytes=4000, timeout_s=5, retries=2, backoff_s=0.01, min_interval_s=0)


def fetch(site: Site, path: str, policy: FetchPolicy = FAST) -> Fetched | Failure:
    with Fetcher(policy) as fetcher:
        return fetcher.fetch(site.url(path))


def test_page_is_fetched_with_a_clear_user_agent(site: Site) -> None:
    page = fetch(site, "/ok")
    assert isinstance(page, Fetched)
    assert page.body == PAGE and page.content_type == "text/html" and page.charset == "utf-8"
    assert USER_AGENT.startswith("dateline/") and "(+https://github.com/dateline)" in USER_AGENT
    assert {agent for _, _, agent in site.log} == {USER_AGENT}


def test_not_found_is_a_failure_with_the_status(site: Site) -> None:
    failure = fetch(site, "/missing")
    assert isinstance(failure, Failure)
    assert failure.reason == "HTTP 404 Not Found" and failure.source == site.url("/missing")


def test_server_error_is_retried_with_backoff(site: Site) -> None:
    answers = iter([(500, {}, b"oops"), (503, {}, b"busy"), (200, {}, PAGE)])
    site.routes["/flaky"] = lambda: next(answers)
    waits: list[float] = []
    with Fetcher(FAST, sleep=waits.append) as fetcher:
        page = fetcher.fetch(site.url("/flaky"))
    assert isinstance(page, Fetched) and page.body == PAGE
    assert [p for _, p, _ in site.log].count("/flaky") == 3
    assert waits == [0.01, 0.02]  # exponential


def test_persistent_server_error_gives_up_after_the_retries(site: Site) -> None:
    site.routes["/down"] = lambda: (502, {}, b"bad gateway")
    with Fetcher(FAST, sleep=lambda s: None) as fetcher:
        failure = fetcher.fetch(site.url("/down"))
    assert isinstance(failure, Failure) and failure.reason == "HTTP 502 Bad Gateway"
    assert [p for _, p, _ in site.log].count("/down") == 1 + FAST.retries


def test_redirect_is_followed_and_the_final_url_kept(site: Site) -> None:
    site.routes["/old"] = lambda: (301, {"Location": "/ok"}, b"")
    page = fetch(site, "/old")
    assert isinstance(page, Fetched)
    assert page.url == site.url("/old") and page.final_url == site.url("/ok")


def test_redirect_loop_stops(site: Site) -> None:
    site.routes["/loop"] = lambda: (302, {"Location": "/loop"}, b"")
    failure = fetch(site, "/loop")
    assert isinstance(failure, Failure) and "too many redirects" in failure.reason


def test_robots_disallow_is_respected_without_requesting_the_page(site: Site) -> None:
    site.routes["/private/memo"] = lambda: (200, {"Content-Type": "text/html"}, PAGE)
    with Fetcher(FAST) as fetcher:
        failure = fetcher.fetch(site.url("/private/memo"))
        assert isinstance(fetcher.fetch(site.url("/ok")), Fetched)
    assert isinstance(failure, Failure) and "disallowed by robots.txt" in failure.reason
    paths = [p for _, p, _ in site.log]
    assert "/private/memo" not in paths
    assert paths.count("/robots.txt") == 1  # cached per host


def test_redirect_into_a_disallowed_path_is_refused(site: Site) -> None:
    site.routes["/go"] = lambda: (302, {"Location": "/private/x"}, b"")
    failure = fetch(site, "/go")
    assert isinstance(failure, Failure) and "robots.txt" in failure.reason


@pytest.mark.parametrize(("status", "allowed"), [(404, True), (403, True), (503, False)])
def test_robots_txt_status_decides_per_rfc_9309(site: Site, status: int, allowed: bool) -> None:
    site.routes["/robots.txt"] = lambda: (status, {}, b"")
    result = fetch(site, "/ok")
    if allowed:
        assert isinstance(result, Fetched)
    else:
        assert isinstance(result, Failure) and "robots.txt unavailable" in result.reason


@pytest.mark.parametrize("declared", [True, False])
def test_oversized_body_is_aborted(site: Site, declared: bool) -> None:
    big = b"<html><body>" + b"<p>words</p>" * 2000 + b"</body></html>"
    headers = {"Content-Type": "text/html"}
    if not declared:
        # No Content-Length: the body is streamed until the connection closes.
        headers.update({"Content-Length": "", "Connection": "close"})
    site.routes["/big"] = lambda: (200, headers, big)
    failure = fetch(site, "/big")
    assert isinstance(failure, Failure) and "too large" in failure.reason
    assert f"limit {FAST.max_bytes}" in failure.reason


def test_undecodable_body_is_a_failure(site: Site) -> None:
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    site.routes["/broken"] = lambda: (200, headers, b"this is not gzip at all")
    failure = fetch(site, "/broken")
    assert isinstance(failure, Failure) and failure.reason.startswith("bad response")


def test_slow_response_times_out(site: Site) -> None:
    def slow() -> Reply:
        time.sleep(3.0)
        return (200, {}, PAGE)

    site.routes["/slow"] = slow
    policy = FetchPolicy(timeout_s=0.3, retries=2, min_interval_s=0, respect_robots=False)
    started = time.monotonic()
    failure = fetch(site, "/slow", policy)
    assert isinstance(failure, Failure) and failure.reason.startswith("timeout")
    assert "0.3 s" in failure.reason and time.monotonic() - started < 2.5
    assert [p for _, p, _ in site.log] == ["/slow"]  # a read timeout is not retried


def test_connection_refused_is_retried_then_a_failure() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    policy = FetchPolicy(retries=2, backoff_s=0.01, min_interval_s=0, respect_robots=False)
    with Fetcher(policy, sleep=waits.append) as fetcher:
        failure = fetcher.fetch(f"http://127.0.0.1:{port}/x")
    assert isinstance(failure, Failure) and failure.reason.startswith("connection error")
    assert waits == [0.01, 0.02]


def test_requests_to_one_host_are_paced(site: Site) -> None:
    policy = FetchPolicy(timeout_s=2, min_interval_s=0.15)
    with Fetcher(policy) as fetcher:
        for _ in range(2):
            assert isinstance(fetcher.fetch(site.url("/ok")), Fetched)
    times = [t for t, _, _ in site.log]  # robots.txt, /ok, /ok
    assert len(times) == 3
    assert all(b - a >= 0.14 for a, b in itertools.pairwise(times))


def test_crawl_delay_slows_the_pace(site: Site) -> None:
    site.routes["/robots.txt"] = lambda: (200, {}, b"User-agent: *\nCrawl-delay: 7\n")
    waits: list[float] = []
    with Fetcher(FAST, sleep=waits.append) as fetcher:
        fetcher.fetch(site.url("/ok"))
    assert waits and 6.0 < waits[0] <= 7.0


def test_url_arguments_and_url_lists_become_documents_in_order(site: Site, tmp_path: Path) -> None:
    site.routes["/feed"] = lambda: (200, {"Content-Type": "application/rss+xml"}, RSS)
    site.routes["/note"] = lambda: (200, {"Content-Type": "text/plain"}, b"Talks resumed.")
    site.routes["/pdf"] = lambda: (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4")
    listing = tmp_path / "today.urls"
    listing.write_text(
        f"# morning run\n{site.url('/ok')}\n\n{site.url('/missing')}  # gone\n"
        f"ftp://files.example/x\n{site.url('/note')}\n{site.url('/pdf')}\n"
    )
    settings = Settings(extra={"fetch_min_interval": "0", "fetch_retries": "0"})
    items = list(read_inputs([site.url("/feed"), str(listing), site.url("/private/p")], settings))
    kinds = ["doc" if isinstance(i, RawDocument) else "fail" for i in items]
    assert kinds == ["doc", "doc", "fail", "fail", "doc", "fail", "fail"]
    feed_entry, page, missing, bad_line, note, pdf, private = items
    assert feed_entry.source == site.url("/feed") + "#entry1"
    assert isinstance(feed_entry, RawDocument) and feed_entry.url == "https://news.example/1"
    assert isinstance(page, RawDocument) and page.url == site.url("/ok")
    assert page.media_type == "text/html" and page.content == PAGE
    assert missing.source == site.url("/missing") and "404" in missing.reason
    assert bad_line.source == f"{listing}:5" and "not an http(s) URL" in bad_line.reason
    assert isinstance(note, RawDocument) and note.media_type == "text/plain"
    assert "unsupported content type 'application/pdf'" in pdf.reason
    assert "robots.txt" in private.reason


def test_a_directory_never_fetches_its_url_lists(site: Site, tmp_path: Path) -> None:
    (tmp_path / "list.urls").write_text(site.url("/ok") + "\n")
    assert list(read_inputs([str(tmp_path)], Settings())) == []
    assert site.log == []


def test_url_list_lines() -> None:
    lines = ["# c", "", "https://a.example/x#frag", "http://b.example/ # note", "notaurl"]
    assert list(url_lines(lines, "l.urls")) == [
        ("https://a.example/x#frag", "https://a.example/x#frag"),
        ("http://b.example/", "http://b.example/"),
        Failure("l.urls:5", "not an http(s) URL: 'notaurl'"),
    ]
    assert list(url_lines(["# only comments"], "e.urls")) == [
        Failure("e.urls", "empty input: no URLs")
    ]
