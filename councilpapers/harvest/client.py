"""Polite HTTP for harvesting a council's site.

One connection, a pause between requests (`delay`, or the site's robots.txt
Crawl-delay if longer), timeouts, retries with back-off on 429/5xx and on
dropped or timed-out connections (Retry-After honoured, capped), an honest
User-Agent, robots.txt honoured (RFC 9309), redirects followed one hop at a
time so each hop is paced, counted and checked against robots.txt.

Bounded (a hostile or broken server cannot make a download endless): a
maximum size for a document (`max_size`, 200 MB) and for a page or XML answer
(50 MB), counted on the bytes as decoded, which are decoded in bounded steps
(decoding.py), with a compression ratio past which a body is a decompression
bomb; an overall deadline per download (`deadline`, 10 minutes: deadline.py),
whatever the server's pace; robots.txt's Crawl-delay capped (`max_crawl_delay`).
On the site: given `site`, every hop (redirects included) must keep the
site's scheme, host and port. A header that is no number (Retry-After,
Content-Length, Crawl-delay) is ignored with a note.

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
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .. import __version__
from .deadline import Deadline, Watchdog
from .decoding import BodyDecoder, UndecodableBody
from .robots import PLAIN_NUMBER, Robots, disallow_all, parse_robots

USER_AGENT = (
    f"councilpapers/{__version__} (archives public council meeting papers; "
    f"python-httpx/{httpx.__version__})"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
MAX_PAGE_BYTES = 50 * 1024 * 1024  # a listing or XML answer bigger than this is not one
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024  # the largest agenda packs are about 100 MB
DEADLINE_SECONDS = 600.0  # for one download: 200 MB at 3 Mbit/s, with room for its retries
MAX_CRAWL_DELAY = 60.0  # a Crawl-delay longer than this is honoured as this
BOMB_RATIO = 100  # a body decoded to more than this many times its size on the wire...
BOMB_FLOOR = 10 * 1024 * 1024  # ...once past this size, is a decompression bomb
DEFAULT_PORTS = {"http": 80, "https": 443}


class FetchError(Exception):
    """A request that gave no usable answer; `reason` is one line for the summary."""

    def __init__(self, url: str, reason: str, status: int | None = None):
        super().__init__(f"{reason}: {url}")
        self.url = url
        self.reason = reason
        self.status = status
        self.retry_after: float | None = None  # seconds, from a 429/503's Retry-After


class Disallowed(FetchError):
    """robots.txt disallows the URL (or could not be read, which RFC 9309 treats alike)."""


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
        site: str | None = None,
        max_size: int = MAX_DOCUMENT_BYTES,
        max_page_size: int = MAX_PAGE_BYTES,
        deadline: float | None = DEADLINE_SECONDS,
        max_crawl_delay: float = MAX_CRAWL_DELAY,
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
        self.site = site_of(site) if site else None  # None: any site
        self.max_size = max_size
        self.max_page_size = max_page_size
        self.deadline = deadline
        self.max_crawl_delay = max_crawl_delay
        self._sleep = sleep
        self._clock = clock
        self._last_request_end: float | None = None
        self._robots: dict[str, Robots] = {}
        self._watchdog = Watchdog()
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

        def read(response: httpx.Response, deadline: Deadline) -> Fetched:
            chunks: list[bytes] = []
            size = self._read_body(response, chunks.append, self.max_page_size, deadline, hint="")
            return Fetched(str(response.url), response.status_code, response.headers, b"".join(chunks), size)

        return self._fetch(url, headers or {}, read)

    def download(self, url: str, dest: Path, *, headers: dict | None = None) -> Fetched:
        """Stream a document to `dest` (a partial file the caller renames once it
        is checked). A body shorter than its Content-Length is a FetchError
        ("truncated"), after the retries; one over `max_size` or past the
        deadline is a FetchError at once (not retried); 304 writes nothing."""

        def save(response: httpx.Response, deadline: Deadline) -> Fetched:
            with open(dest, "wb") as handle:
                size = self._read_body(response, handle.write, self.max_size, deadline,
                                       hint="; --max-size to allow more")
            return Fetched(str(response.url), response.status_code, response.headers, b"", size)

        return self._fetch(url, headers or {}, save)

    def _read_body(self, response: httpx.Response, write: Callable[[bytes], object], limit: int,
                   deadline: Deadline, *, hint: str) -> int:
        """Decode the body into `write`, within `limit` bytes and the deadline; its decoded size."""
        url = str(response.url)
        try:
            decoder = BodyDecoder(None if response.is_stream_consumed else response.headers.get("content-encoding"))
        except UndecodableBody as error:
            raise FetchError(url, error.reason) from None
        declared = self._content_length(response)
        if declared is not None and declared > limit:
            raise FetchError(url, f"larger than the {_mb(limit)} limit (Content-Length {_mb(declared)}){hint}")
        wire = decoded = 0
        try:
            for chunk in _raw_chunks(response):
                wire += len(chunk)
                for piece in decoder.decode(chunk):
                    decoded += len(piece)
                    _check_size(url, wire, decoded, limit, decoder.encoded, hint)
                    write(piece)
                if deadline.passed():
                    raise self._past_deadline(url)
            for piece in decoder.flush():
                decoded += len(piece)
                _check_size(url, wire, decoded, limit, decoder.encoded, hint)
                write(piece)
        except UndecodableBody as error:
            raise FetchError(url, error.reason) from None
        if declared is not None and wire != declared:
            raise _Truncated(url, f"truncated body ({wire} of {declared} bytes)")
        return decoded

    def _content_length(self, response: httpx.Response) -> int | None:
        value = response.headers.get("content-length")
        if value is None:
            return None
        if _plain_number(value):
            return int(value)
        self._note(f"ignored a Content-Length header that is no number ({value.strip()!r}) from {response.url}")
        return None

    def _past_deadline(self, url: str) -> FetchError:
        return FetchError(url, f"took longer than the {self.deadline:g} s deadline for one download; "
                               "--deadline to allow more")

    def _note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # -- the machinery -----------------------------------------------------

    def _fetch(self, url: str, headers: dict, handle: Callable[[httpx.Response, Deadline], Fetched]) -> Fetched:
        deadline = Deadline(self.deadline, self._clock)
        redirects: list[str] = []
        current = url
        while True:
            self._check_site(current, url, redirected=bool(redirects))
            self._check_robots(current)
            response_or_fetched = self._attempts(current, headers, handle, deadline)
            if isinstance(response_or_fetched, Fetched):
                response_or_fetched.redirects = redirects
                return response_or_fetched
            status, location = response_or_fetched
            if len(redirects) >= MAX_REDIRECTS:
                raise FetchError(url, f"more than {MAX_REDIRECTS} redirects", status)
            redirects.append(current)
            try:
                current = urljoin(current, location)
            except ValueError:
                reason = f"redirected to something that is no address ({location[:100]!r})"
                raise FetchError(url, reason, status) from None
            if urlsplit(current).scheme not in ("http", "https"):
                raise FetchError(url, f"redirected to a non-web address ({current})", status)

    def _check_site(self, current: str, asked: str, *, redirected: bool) -> None:
        """The site is its scheme, host and port: every hop must keep all three."""
        if self.site is None or site_of(current) == self.site:
            return
        if not redirected:
            raise FetchError(asked, f"not on the site ({self.site}): not fetched")
        reason = f"redirected off the site to {current}; not followed"
        target = urlsplit(current)
        if target.hostname == urlsplit(self.site).hostname and target.scheme != urlsplit(self.site).scheme:
            reason += f" (the site may have moved: harvest {target.scheme}://{target.netloc}/ instead?)"
        raise FetchError(asked, reason)

    def _attempts(self, url: str, headers: dict, handle, deadline: Deadline):
        """One URL, with retries: a Fetched, or (status, location) for a redirect."""
        last_error: FetchError | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                wait = self._backoff(attempt, last_error)
                if wait >= deadline.remaining():
                    raise FetchError(url, f"{last_error.reason}; no time left to retry before the "
                                          f"{self.deadline:g} s deadline", last_error.status)
                self._sleep(wait)
            self._pace()
            deadline.start()
            try:
                with self._watchdog.watching(deadline.remaining()):
                    return self._attempt(url, headers, handle, deadline)
            except _Retry as retry:
                last_error = retry.error
            except _Truncated as error:
                last_error = FetchError(error.url, error.reason)
            except httpx.InvalidURL as error:
                raise FetchError(url, f"not an address that can be asked for ({_short(error)})") from None
            except httpx.TransportError as error:  # timeouts, dropped or refused connections, TLS, DNS
                if self._watchdog.fired or deadline.passed():
                    raise self._past_deadline(url) from None
                last_error = _transport_error(url, error)
            finally:
                self._last_request_end = self._clock()
        assert last_error is not None
        if self.retries:
            last_error.reason += f", after {self.retries + 1} attempts"
        raise last_error

    def _attempt(self, url: str, headers: dict, handle, deadline: Deadline):
        with self.http.stream("GET", url, headers=headers, extensions={"trace": self._watchdog.trace}) as response:
            status = response.status_code
            if status in REDIRECT_STATUSES and response.headers.get("location"):
                return status, response.headers["location"].strip()
            if status in RETRY_STATUSES:
                error = FetchError(url, _status_reason(response), status)
                error.retry_after = self._retry_after(response.headers.get("retry-after"), url)
                raise _Retry(error)
            if status not in (200, 304):
                raise FetchError(url, _status_reason(response), status)
            if status == 304:
                return Fetched(str(response.url), 304, response.headers)
            return handle(response, deadline)

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

    def _retry_after(self, value: str | None, url: str) -> float | None:
        """Retry-After in seconds (a number of seconds or an HTTP date); None, with a note, for anything else."""
        if not value or not value.strip():
            return None
        value = value.strip()
        if _plain_number(value):
            return float(value)
        try:
            when = email.utils.parsedate_to_datetime(value)
            return max(0.0, when.timestamp() - time.time())
        except (TypeError, ValueError, OverflowError, IndexError):
            self._note(f"ignored a Retry-After header that is neither seconds nor a date ({value!r}) from {url}")
            return None

    # -- robots.txt --------------------------------------------------------

    def _check_robots(self, url: str) -> None:
        if not self.robots:
            return
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = Robots(None)  # while fetching robots.txt itself
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        if robots.allows(url):
            return
        if robots.unreadable:
            raise Disallowed(url, f"robots.txt could not be read ({robots.unreadable}), so nothing may be "
                                  "fetched from the site (RFC 9309)")
        raise Disallowed(url, "robots.txt disallows it")

    def _load_robots(self, origin: str) -> Robots:
        url = origin + "/robots.txt"
        try:
            fetched = self.get(url)
        except FetchError as error:
            if error.status is not None and 400 <= error.status < 500:
                return Robots(None)  # RFC 9309: unavailable, so no rules
            self.notes.append(f"robots.txt: {error.reason} at {url}; treated as 'disallow everything' (RFC 9309)")
            return disallow_all(url, error.reason)
        robots, ignored = parse_robots(fetched.content.decode("utf-8", "replace"), url)
        for name, value in ignored:
            self._note(f"robots.txt: ignored {name} {value!r} (not a number) at {url}")
        self._honour_crawl_delay(robots.crawl_delay())
        return robots

    def _honour_crawl_delay(self, asked: float | None) -> None:
        if asked is None or asked <= self.delay:
            return
        if asked > self.max_crawl_delay:
            self.delay = max(self.delay, self.max_crawl_delay)
            self.notes.append(f"robots.txt asks for {asked:g} s between requests (Crawl-delay): waiting "
                              f"{self.delay:g} s, the most this harvester waits")
            return
        self.delay = asked
        self.notes.append(f"robots.txt asks for {asked:g} s between requests: waiting that long")


class _Retry(Exception):
    """A 429/5xx: try again after the back-off."""

    def __init__(self, error: FetchError):
        super().__init__(error.reason)
        self.error = error


def _raw_chunks(response: httpx.Response):
    """The body as it came off the wire, each chunk as soon as it arrives (iter_raw
    with a size would gather 64 KB first). A response already read, as httpx's
    mock responses made from bytes are, gives what was read, decoded by httpx."""
    if response.is_stream_consumed:
        yield response.content
        return
    yield from response.iter_raw()


def site_of(url: str) -> str | None:
    """scheme://host:port with the port always written (http://h and http://h:80
    are one site); None for what is no web address (a bad port, say)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    return f"{scheme}://{parts.hostname}:{port or DEFAULT_PORTS[scheme]}"


def _plain_number(value: str) -> bool:
    """ASCII digits only: str.isdigit() takes '²', which int() refuses."""
    return PLAIN_NUMBER.fullmatch(value.strip()) is not None


def _check_size(url: str, wire: int, decoded: int, limit: int, encoded: bool, hint: str) -> None:
    if decoded > limit:
        if encoded:
            raise FetchError(url, f"decoded body larger than the {_mb(limit)} limit ({_mb(wire)} on the wire){hint}")
        raise FetchError(url, f"larger than the {_mb(limit)} limit{hint}")
    if encoded and decoded > BOMB_FLOOR and decoded > BOMB_RATIO * wire:
        raise FetchError(url, f"a decompression bomb ({_mb(wire)} on the wire decoding to more than "
                              f"{_mb(decoded)}): refused")


def _mb(size: int) -> str:
    return f"{round(size / 2**20, 2):g} MB"


def _transport_error(url: str, error: httpx.TransportError) -> FetchError:
    if isinstance(error, httpx.TimeoutException):
        return FetchError(url, f"timed out ({_timeout_phase(error)})")
    if isinstance(error, httpx.RemoteProtocolError):
        return FetchError(url, _protocol_reason(error))
    reason = f"connection failed ({_short(error)})"  # refused or reset, TLS, DNS
    if "CERTIFICATE" in str(error).upper():
        reason += "; if the site's certificate chain is known to be broken, --insecure"
    return FetchError(url, reason)


class _Truncated(Exception):
    def __init__(self, url: str, reason: str):
        super().__init__(reason)
        self.url = url
        self.reason = reason


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
