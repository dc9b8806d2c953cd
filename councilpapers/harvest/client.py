"""Polite HTTP for harvesting a council's site.

One connection, a pause between requests (`delay`, or the site's robots.txt
Crawl-delay if longer), timeouts, retries with back-off on 429/5xx and on
dropped or timed-out connections (Retry-After honoured, capped), an honest
User-Agent, robots.txt honoured (RFC 9309), redirects followed one hop at a
time so each hop is paced, counted and checked against robots.txt.

Why httpx: it is maintained, its timeouts are per phase (connect, read), its
pool can be capped at one connection, bodies can be streamed to disk so a body
cut short raises instead of leaving a short file, and one `Client` keeps one
cookie jar for the site. (requests would do too, with urllib3's Retry; httpx's
explicit limits and streaming made the politeness and the truncation checks
simpler to state.)

Every request is counted (`requests`); `max_requests` bounds a run.
"""

from __future__ import annotations

import email.utils
import time
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__

USER_AGENT = (
    f"councilpapers/{__version__} (archives public council meeting papers; "
    f"python-httpx/{httpx.__version__})"
)
ROBOTS_AGENT = "councilpapers"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 50 * 1024 * 1024  # a listing or XML answer bigger than this is not one
CHUNK = 64 * 1024


class FetchError(Exception):
    """A request that gave no usable answer; `reason` is one line for the summary."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after: float | None = None  # seconds, from a 429/503's Retry-After


class Disallowed(FetchError):
    """robots.txt disallows the URL."""


class RequestBudgetExceeded(Exception):
    """The run has sent as many requests as it may: the run stops."""


@dataclass
class Fetched:
    url: str  # after redirects
    status: int
    headers: httpx.Headers
    content: bytes = b""  # pages only; downloads go to a file
    size: int = 0
    redirects: list[str] = field(default_factory=list)  # the URLs that redirected, in order

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class PoliteClient:
    def __init__(
        self,
        *,
        delay: float = 0.5,
        timeout: float = 60.0,
        connect_timeout: float = 15.0,
        retries: int = 3,
        backoff: float = 2.0,
        max_backoff: float = 120.0,
        user_agent: str = USER_AGENT,
        verify: bool = True,
        robots: bool = True,
        max_requests: int | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.delay = delay
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.user_agent = user_agent
        self.robots = robots
        self.max_requests = max_requests
        self.requests = 0
        self.notes: list[str] = []  # things worth a line in the summary (robots.txt, crawl delay)
        self._sleep = sleep
        self._clock = clock
        self._last_request_end: float | None = None
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self.http = httpx.Client(
            headers={"User-Agent": user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            limits=httpx.Limits(max_connections=1, max_keepalive_connections=1),
            follow_redirects=False,  # followed here, one paced and checked hop at a time
            verify=verify,
            transport=transport,
        )

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "PoliteClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the two ways to GET -----------------------------------------------

    def get(self, url: str, *, headers: dict | None = None) -> Fetched:
        """A page or an XML answer, in memory. Any status but 200 (or 304 when
        asked conditionally) is a FetchError."""

        def read(response: httpx.Response) -> Fetched:
            chunks, size = [], 0
            for chunk in response.iter_bytes(CHUNK):
                size += len(chunk)
                if size > MAX_PAGE_BYTES:
                    raise FetchError(str(response.url), f"answer larger than {MAX_PAGE_BYTES // 2**20} MB")
                chunks.append(chunk)
            return Fetched(str(response.url), response.status_code, response.headers, b"".join(chunks), size)

        return self._fetch(url, headers or {}, read)

    def download(self, url: str, dest: Path, *, headers: dict | None = None) -> Fetched:
        """Stream a document to `dest` (a partial file the caller renames once it
        is checked). A body shorter than its Content-Length is a FetchError
        ("truncated"), after the retries; 304 writes nothing."""

        def save(response: httpx.Response) -> Fetched:
            size = 0
            with open(dest, "wb") as handle:
                for chunk in response.iter_bytes(CHUNK):
                    handle.write(chunk)
                    size += len(chunk)
            expected = response.headers.get("content-length")
            if _identity(response) and expected and expected.isdigit() and int(expected) != size:
                raise _Truncated(str(response.url), f"truncated body ({size} of {expected} bytes)")
            return Fetched(str(response.url), response.status_code, response.headers, b"", size)

        return self._fetch(url, headers or {}, save)

    # -- the machinery -----------------------------------------------------

    def _fetch(self, url: str, headers: dict, handle: Callable[[httpx.Response], Fetched]) -> Fetched:
        redirects: list[str] = []
        current = url
        while True:
            self._check_robots(current)
            response_or_fetched = self._attempts(current, headers, handle)
            if isinstance(response_or_fetched, Fetched):
                response_or_fetched.redirects = redirects
                return response_or_fetched
            status, location = response_or_fetched
            if len(redirects) >= MAX_REDIRECTS:
                raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", status)
            redirects.append(current)
            current = urljoin(current, location)
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError(url, f"redirected to a non-web address ({current})", status)

    def _attempts(self, url: str, headers: dict, handle):
        """One URL, with retries: a Fetched, or (status, location) for a redirect."""
        last_error: FetchError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                self._sleep(self._backoff(attempt, last_error))
            self._pace()
            try:
                with self.http.stream("GET", url, headers=headers) as response:
                    status = response.status_code
                    if status in REDIRECT_STATUSES and response.headers.get("location"):
                        return status, response.headers["location"].strip()
                    if status in RETRY_STATUSES:
                        last_error = FetchError(url, _status_reason(response), status)
                        last_error.retry_after = _retry_after(response.headers.get("retry-after"))
                        continue
                    if status not in (200, 304):
                        raise FetchError(url, _status_reason(response), status)
                    if status == 304:
                        return Fetched(str(response.url), 304, response.headers)
                    return handle(response)
            except _Truncated as error:
                last_error = FetchError(error.url, error.reason)
            except httpx.TimeoutException as error:
                last_error = FetchError(url, f"timed out ({_timeout_phase(error)})")
            except httpx.RemoteProtocolError as error:
                last_error = FetchError(url, _protocol_reason(error))
            except httpx.TransportError as error:  # connection refused or reset, TLS, DNS
                reason = f"connection failed ({_short(error)})"
                if "CERTIFICATE" in str(error).upper():
                    reason += "; if the site's certificate chain is known to be broken, --insecure"
                last_error = FetchError(url, reason)
            finally:
                self._last_request_end = self._clock()
        assert last_error is not None
        if self.retries:
            last_error.reason += f", after {self.retries + 1} attempts"
        raise last_error

    def _pace(self) -> None:
        if self.max_requests is not None and self.requests >= self.max_requests:
            raise RequestBudgetExceeded(f"stopped after {self.requests} requests (the run's limit)")
        if self._last_request_end is not None:
            wait = self.delay - (self._clock() - self._last_request_end)
            if wait > 0:
                self._sleep(wait)
        self.requests += 1

    def _backoff(self, attempt: int, error: FetchError | None) -> float:
        retry_after = error.retry_after if error is not None else None
        wait = retry_after if retry_after is not None else self.backoff * 2 ** (attempt - 1)
        return min(max(wait, 0.0), self.max_backoff)

    # -- robots.txt --------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        if not self.robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = None  # while fetching robots.txt itself
            self._robots[origin] = self._load_robots(origin)
        rules = self._robots[origin]
        if rules is not None and not rules.can_fetch(ROBOTS_AGENT, url):
            raise Disallowed(url, "robots.txt disallows it")

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        url = origin + "/robots.txt"
        rules = urllib.robotparser.RobotFileParser(url)
        try:
            fetched = self.get(url)
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return None  # RFC 9309: unavailable, so no rules
            # Unreachable (5xx, network): RFC 9309 says assume complete disallow.
            rules.parse(["User-agent: *", "Disallow: /"])
            self.notes.append(f"robots.txt: {error.reason} at {url}; treated as 'disallow everything' (RFC 9309)")
            return rules
        rules.parse(fetched.content.decode("utf-8", "replace").splitlines())
        delay = rules.crawl_delay(ROBOTS_AGENT)
        if delay and float(delay) > self.delay:
            self.delay = float(delay)
            self.notes.append(f"robots.txt asks for {float(delay):g} s between requests: waiting that long")
        return rules


class _Truncated(Exception):
    def __init__(self, url: str, reason: str):
        super().__init__(reason)
        self.url = url
        self.reason = reason


def _identity(response: httpx.Response) -> bool:
    return response.headers.get("content-encoding", "identity").lower() in ("", "identity")


def _status_reason(response: httpx.Response) -> str:
    status = response.status_code
    reason = f"HTTP {status} {response.reason_phrase}".strip()
    if status == 403:
        reason += " (refused: a bot filter? try --user-agent with a contact address)"
    elif status == 404:
        reason += " (broken link)"
    elif status == 429:
        reason += " (rate limited)"
    return reason


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _timeout_phase(error: httpx.TimeoutException) -> str:
    return {
        httpx.ConnectTimeout: "connecting", httpx.ReadTimeout: "waiting for the answer",
        httpx.WriteTimeout: "sending", httpx.PoolTimeout: "waiting for the connection",
    }.get(type(error), "timeout")


def _protocol_reason(error: httpx.RemoteProtocolError) -> str:
    text = str(error)
    if "incomplete" in text or "closed" in text:
        return "truncated body (the connection closed before the end)"
    return f"bad HTTP answer ({_short(error)})"


def _short(error: Exception) -> str:
    return (str(error) or type(error).__name__).splitlines()[0][:160]
