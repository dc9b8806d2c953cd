"""The polite client on httpx's mock transport (no sockets at all): pacing,
back-off and Retry-After, robots.txt and its Crawl-delay, redirects, truncation."""

from __future__ import annotations

import httpx
import pytest

from councilpapers.harvest.client import Disallowed, FetchError, PoliteClient, RequestBudgetExceeded


class FakeTime:
    def __init__(self):
        self.now = 0.0
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(round(seconds, 3))
        self.now += seconds


def client(handler, fake: FakeTime, **kwargs) -> PoliteClient:
    settings = dict(delay=0.5, backoff=2.0, retries=3, sleep=fake.sleep, clock=fake.clock,
                    transport=httpx.MockTransport(handler))
    settings.update(kwargs)
    return PoliteClient(**settings)


def site(routes: dict):
    """A handler answering from {path: response or [responses…]}; every request is logged."""
    log = []

    def handler(request: httpx.Request) -> httpx.Response:
        log.append(request)
        answer = routes.get(request.url.path, httpx.Response(404))
        if isinstance(answer, list):
            answer = answer.pop(0) if len(answer) > 1 else answer[0]
        return answer

    handler.log = log
    return handler


def test_requests_are_paced_by_the_delay():
    fake = FakeTime()
    handler = site({"/a": httpx.Response(200, content=b"a")})
    with client(handler, fake) as http:
        for _ in range(3):
            http.get("http://h/a")
    assert http.requests == 4  # robots.txt, then three
    assert fake.slept == [0.5, 0.5, 0.5]
    assert all(r.headers["user-agent"].startswith("councilpapers/") for r in handler.log)


def test_backoff_then_retry_after_then_success():
    fake = FakeTime()
    handler = site({"/a": [
        httpx.Response(503), httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200, content=b"ok"),
    ]})
    with client(handler, fake, delay=0) as http:
        assert http.get("http://h/a").content == b"ok"
    assert fake.slept == [2.0, 7.0]  # exponential back-off first, then the server's Retry-After


def test_retries_are_bounded():
    fake = FakeTime()
    handler = site({"/a": httpx.Response(500)})
    with client(handler, fake, delay=0, retries=2) as http, pytest.raises(FetchError) as caught:
        http.get("http://h/a")
    assert caught.value.status == 500 and "after 3 attempts" in caught.value.reason
    assert len([r for r in handler.log if r.url.path == "/a"]) == 3
    assert fake.slept == [2.0, 4.0]


def test_forbidden_and_not_found_are_not_retried():
    fake = FakeTime()
    handler = site({"/f": httpx.Response(403)})
    with client(handler, fake, delay=0) as http:
        with pytest.raises(FetchError) as caught:
            http.get("http://h/f")
        assert caught.value.status == 403 and "bot filter" in caught.value.reason
        with pytest.raises(FetchError) as caught:
            http.get("http://h/missing")
        assert "broken link" in caught.value.reason
    assert len(handler.log) == 3


def test_robots_txt_rules_and_crawl_delay():
    fake = FakeTime()
    robots = b"User-agent: *\nCrawl-delay: 3\nDisallow: /private/\n"
    handler = site({"/robots.txt": httpx.Response(200, content=robots), "/ok": httpx.Response(200)})
    with client(handler, fake) as http:
        with pytest.raises(Disallowed):
            http.get("http://h/private/x.pdf")
        http.get("http://h/ok")
        http.get("http://h/ok")
    assert http.delay == 3.0
    assert any("Crawl-delay" in n or "3 s between requests" in n for n in http.notes)
    assert [r.url.path for r in handler.log] == ["/robots.txt", "/ok", "/ok"]


def test_redirects_are_followed_hop_by_hop_and_reported():
    fake = FakeTime()
    handler = site({
        "/old": httpx.Response(301, headers={"Location": "/new"}),
        "/new": httpx.Response(200, content=b"here"),
    })
    with client(handler, fake, delay=0) as http:
        fetched = http.get("http://h/old")
    assert fetched.url == "http://h/new" and fetched.redirects == ["http://h/old"]
    assert http.requests == 3


def test_truncated_download_raises(tmp_path):
    fake = FakeTime()

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Length": "100"}, content=b"%PDF-1.4 short")

    with client(handler, fake, delay=0, retries=0) as http, pytest.raises(FetchError) as caught:
        http.download("http://h/a.pdf", tmp_path / "a.part")
    assert "truncated" in caught.value.reason


def test_request_budget():
    fake = FakeTime()
    handler = site({"/a": httpx.Response(200)})
    with client(handler, fake, delay=0, max_requests=3) as http, pytest.raises(RequestBudgetExceeded):
        for _ in range(5):
            http.get("http://h/a")
    assert len(handler.log) == 3
