"""Fetching pages over HTTP(S), politely: robots.txt, a per-host pace, retries, limits.

:class:`Fetcher` turns a URL into a :class:`Fetched` page or a :class:`Failure` naming the
reason (HTTP status, timeout, robots.txt, too large, connection error). It

- sends ``User-Agent: dateline/<version> (+https://github.com/dateline)``;
- reads ``/robots.txt`` once per host (RFC 9309: a 4xx means no rules, a 5xx or an
  unreachable server means the whole host is off limits for this run) and honours its
  ``Crawl-delay`` up to :data:`MAX_CRAWL_DELAY_S`;
- leaves ``min_interval_s`` between the end of one request to a host and the start of the
  next (robots.txt and retries count);
- retries 5xx, 429 and connection errors with exponential backoff (``Retry-After`` is
  honoured up to :data:`MAX_BACKOFF_S`), never a read timeout (a slow server stays slow);
- follows redirects itself, so that every hop passes the robots and pace checks;
- streams the body and aborts as soon as it passes ``max_bytes`` (decoded size, so a
  compressed bomb is caught too) or the whole download passes ``deadline_s``.

Nothing here runs at import time; httpx is imported when the first request is made.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from dateline import __version__
from dateline.config import Settings
from dateline.ingest.options import option_bool, option_float, option_int
from dateline.records import Failure

if TYPE_CHECKING:
    import httpx

USER_AGENT = f"dateline/{__version__} (+https://github.com/dateline)"
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_DEADLINE_S = 120.0
DEFAULT_RETRIES = 3
DEFAULT_BACKOFF_S = 1.0
DEFAULT_MIN_INTERVAL_S = 1.0
DEFAULT_MAX_REDIRECTS = 5
MAX_BACKOFF_S = 60.0
MAX_CRAWL_DELAY_S = 30.0
MAX_ROBOTS_BYTES = 512_000
"""RFC 9309 asks crawlers to parse at least 500 KiB of a robots.txt file."""

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How the fetcher behaves; :meth:`from_settings` reads it from the settings."""

    max_bytes: int = 10_000_000
    timeout_s: float = DEFAULT_TIMEOUT_S
    deadline_s: float = DEFAULT_DEADLINE_S
    retries: int = DEFAULT_RETRIES
    backoff_s: float = DEFAULT_BACKOFF_S
    min_interval_s: float = DEFAULT_MIN_INTERVAL_S
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    respect_robots: bool = True
    user_agent: str = USER_AGENT

    @classmethod
    def from_settings(cls, settings: Settings) -> FetchPolicy:
        return cls(
            max_bytes=settings.max_input_bytes,
            timeout_s=option_float(settings, "fetch_timeout", DEFAULT_TIMEOUT_S),
            deadline_s=option_float(settings, "fetch_deadline", DEFAULT_DEADLINE_S),
            retries=option_int(settings, "fetch_retries", DEFAULT_RETRIES),
            backoff_s=option_float(settings, "fetch_backoff", DEFAULT_BACKOFF_S),
            min_interval_s=option_float(settings, "fetch_min_interval", DEFAULT_MIN_INTERVAL_S),
            max_redirects=option_int(settings, "fetch_max_redirects", DEFAULT_MAX_REDIRECTS),
            respect_robots=option_bool(settings, "fetch_respect_robots", True),
            user_agent=str(settings.extra.get("fetch_user_agent") or USER_AGENT),
        )


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page fetched with status 200."""

    url: str
    """The URL asked for."""
    final_url: str
    """The URL the page was served from, after redirects."""
    content_type: str
    """The media type from ``Content-Type`` (lower case, no parameters; may be empty)."""
    charset: str | None
    body: bytes


@dataclass(frozen=True, slots=True)
class _Answer:
    status: int
    reason: str
    headers: dict[str, str]
    body: bytes = b""


class _Refused(Exception):
    """A response the fetcher stops reading (too large, past the deadline)."""


class Fetcher:
    """Polite HTTP(S) fetching with per-host state (robots rules, last request time).

    ``sleep`` and ``clock`` are injectable so that tests need not wait; ``transport`` lets
    a caller route requests (an ``httpx.MockTransport``, a proxy transport).
    """

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.policy = policy
        self._sleep = sleep
        self._clock = clock
        self._transport = transport
        self._client: httpx.Client | None = None
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | str | None] = {}
        self._crawl_delay: dict[str, float] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    # -- public -------------------------------------------------------------------------
    def fetch(self, url: str) -> Fetched | Failure:
        """GET ``url`` following redirects; a Failure says why there is no page."""
        current = url
        for _hop in range(self.policy.max_redirects + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in ("http", "https") or not urlsplit(current).netloc:
                return Failure(url, f"not an http(s) URL: {current!r}")
            denial = self._robots_denial(current)
            if denial is not None:
                return Failure(url, denial)
            answer = self._get_with_retries(current)
            if isinstance(answer, str):
                return Failure(url, answer)
            location = answer.headers.get("location")
            if answer.status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                continue
            if answer.status != 200:
                return Failure(url, _status_text(answer))
            content_type, charset = _content_type(answer.headers.get("content-type", ""))
            return Fetched(url, current, content_type, charset, answer.body)
        return Failure(url, f"too many redirects (more than {self.policy.max_redirects})")

    # -- robots.txt ---------------------------------------------------------------------
    def _robots_denial(self, url: str) -> str | None:
        if not self.policy.respect_robots:
            return None
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return rules
        if rules is not None and not rules.can_fetch(self.policy.user_agent, url):
            return f"disallowed by robots.txt ({origin}/robots.txt)"
        return None

    def _load_robots(self, origin: str) -> RobotFileParser | str | None:
        """Rules for one origin; None for no rules; a string for a host that is off limits."""
        import httpx

        robots_url = f"{origin}/robots.txt"
        try:
            answer = self._paced_get(robots_url, MAX_ROBOTS_BYTES, truncate=True, follow=True)
        except _Refused as exc:
            return f"robots.txt unreachable ({exc}): host skipped"
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            return f"robots.txt unreachable ({_error_text(exc, self.policy)}): host skipped"
        if 400 <= answer.status < 500:
            return None
        if answer.status != 200:
            return f"robots.txt unavailable ({_status_text(answer)}): host skipped"
        parser = RobotFileParser(robots_url)
        parser.parse(answer.body.decode("utf-8", "replace").splitlines())
        delay = parser.crawl_delay(self.policy.user_agent)
        if delay is not None:
            self._crawl_delay[urlsplit(origin).netloc] = min(float(delay), MAX_CRAWL_DELAY_S)
        return parser

    # -- requests -----------------------------------------------------------------------
    def _get_with_retries(self, url: str) -> _Answer | str:
        import httpx

        attempt = 0
        while True:
            retry_after: float | None = None
            try:
                answer = self._paced_get(url, self.policy.max_bytes)
            except _Refused as exc:
                return str(exc)
            except httpx.TransportError as exc:
                # A read timeout is not retried: a server that is slow now stays slow.
                slow = isinstance(exc, httpx.TimeoutException) and not isinstance(
                    exc, httpx.ConnectTimeout
                )
                if slow or attempt >= self.policy.retries:
                    return _error_text(exc, self.policy)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                # A response that cannot be decoded, a URL httpx refuses: not worth a retry.
                return f"bad response: {exc}"
            else:
                if answer.status not in _RETRY_STATUSES or attempt >= self.policy.retries:
                    return answer
                retry_after = _retry_after(answer.headers.get("retry-after"))
            wait = self.policy.backoff_s * (2**attempt)
            if retry_after is not None:
                wait = max(wait, retry_after)
            self._sleep(min(wait, MAX_BACKOFF_S))
            attempt += 1

    def _paced_get(
        self, url: str, max_bytes: int, *, truncate: bool = False, follow: bool = False
    ) -> _Answer:
        """One GET, at least the minimum interval after the last one to the same host ended."""
        host = urlsplit(url).netloc.lower()
        interval = max(self.policy.min_interval_s, self._crawl_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        try:
            return self._get_once(url, max_bytes, truncate=truncate, follow=follow)
        finally:
            self._last_request[host] = self._clock()

    def _get_once(
        self, url: str, max_bytes: int, *, truncate: bool = False, follow: bool = False
    ) -> _Answer:
        """One GET; the body is read only for a 200. Raises httpx errors and _Refused."""
        client = self._http()
        started = self._clock()
        with client.stream("GET", url, follow_redirects=follow) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            if response.status_code != 200:
                return _Answer(response.status_code, response.reason_phrase, headers)
            declared = headers.get("content-length", "")
            if declared.isdigit() and int(declared) > max_bytes and not truncate:
                raise _Refused(f"too large: {declared} bytes declared, limit {max_bytes}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                chunks.append(chunk)
                if size > max_bytes:
                    if truncate:
                        break
                    raise _Refused(f"too large: over {max_bytes} bytes, limit {max_bytes}")
                if self._clock() - started > self.policy.deadline_s:
                    raise _Refused(
                        f"timeout: the page took over {self.policy.deadline_s:g} s to download"
                    )
            body = b"".join(chunks)[:max_bytes] if truncate else b"".join(chunks)
            return _Answer(response.status_code, response.reason_phrase, headers, body)

    def _http(self) -> httpx.Client:
        if self._client is None:
            import httpx

            self._client = httpx.Client(
                headers={"User-Agent": self.policy.user_agent},
                timeout=httpx.Timeout(self.policy.timeout_s),
                follow_redirects=False,
                max_redirects=self.policy.max_redirects,
                transport=self._transport,
            )
        return self._client


def _status_text(answer: _Answer) -> str:
    return f"HTTP {answer.status} {answer.reason}".rstrip()


def _error_text(exc: Exception, policy: FetchPolicy) -> str:
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        what = {
            httpx.ConnectTimeout: "connecting",
            httpx.ReadTimeout: "waiting for the server",
            httpx.WriteTimeout: "sending the request",
            httpx.PoolTimeout: "waiting for a connection",
        }.get(type(exc), "waiting")
        return f"timeout: no answer within {policy.timeout_s:g} s ({what})"
    detail = str(exc) or type(exc).__name__
    return f"connection error: {detail}"


def _content_type(header: str) -> tuple[str, str | None]:
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return media.strip().lower(), charset


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())
