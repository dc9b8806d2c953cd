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


# -- hostile answers on the mock transport ----------------------------------------------


def test_a_huge_crawl_delay_is_capped_with_one_note():
    fake = FakeTime()
    robots = b"User-agent: *\nCrawl-delay: 100000\n"
    handler = site({"/robots.txt": httpx.Response(200, content=robots), "/ok": httpx.Response(200)})
    with client(handler, fake, delay=0.5) as http:
        http.get("http://h/ok")
        http.get("http://h/ok")
    assert http.delay == 60.0 and max(fake.slept) <= 60.0
    (note,) = [n for n in http.notes if "Crawl-delay" in n]
    assert "100000" in note and "60 s" in note


def test_a_crawl_delay_that_is_no_number_is_ignored_with_a_note():
    fake = FakeTime()
    robots = "User-agent: *\nCrawl-delay: ²\nRequest-rate: ²/²\nDisallow: /private/\n".encode()
    handler = site({"/robots.txt": httpx.Response(200, content=robots), "/ok": httpx.Response(200)})
    with client(handler, fake, delay=0.5) as http:
        http.get("http://h/ok")
        with pytest.raises(Disallowed):  # the rest of the file still holds
            http.get("http://h/private/x.pdf")
    assert http.delay == 0.5
    assert any("robots.txt" in n and "'²'" in n and "ignored" in n for n in http.notes)


def test_an_unreachable_robots_txt_is_said_so_not_called_a_disallow():
    fake = FakeTime()
    handler = site({"/robots.txt": httpx.Response(503), "/ok": httpx.Response(200)})
    with client(handler, fake, delay=0, retries=0) as http, pytest.raises(Disallowed) as caught:
        http.get("http://h/ok")
    assert "disallows" not in caught.value.reason
    assert "robots.txt could not be read" in caught.value.reason and "HTTP 503" in caught.value.reason


def test_a_content_length_that_is_no_number_is_ignored_with_a_note(tmp_path):
    fake = FakeTime()
    handler = site({"/a.pdf": httpx.Response(200, headers=[(b"Content-Length", "²".encode("latin-1"))], content=b"%PDF-1.4 whole")})
    with client(handler, fake, delay=0, retries=0) as http:
        fetched = http.download("http://h/a.pdf", tmp_path / "a.part")
    assert fetched.size == len(b"%PDF-1.4 whole")
    assert any("Content-Length" in n and "'²'" in n for n in http.notes)


def test_bad_retry_after_values_fall_back_to_the_backoff():
    fake = FakeTime()
    bad = ["²", "1e999", "-5", "Mon, 99 Foo 2025 99:99:99 GMT", "99999999999999999999"]
    handler = site({"/a": [httpx.Response(429, headers=[(b"Retry-After", value.encode("latin-1"))]) for value in bad]
                    + [httpx.Response(200, content=b"ok")]})
    with client(handler, fake, delay=0, retries=len(bad), backoff=1.0, max_backoff=30) as http:
        assert http.get("http://h/a").content == b"ok"
    assert all(0 <= wait <= 30 for wait in fake.slept)


def test_the_site_is_scheme_host_and_port_on_every_hop():
    fake = FakeTime()
    handler = site({
        "/to-port": httpx.Response(302, headers={"Location": "http://h:8080/x"}),
        "/to-https": httpx.Response(301, headers={"Location": "https://h/x"}),
        "/to-host": httpx.Response(302, headers={"Location": "http://other.example/x"}),
        "/bad-port": httpx.Response(302, headers={"Location": "http://h:99999/x"}),
        "/x": httpx.Response(200, content=b"here"),
    })
    with client(handler, fake, delay=0, site="http://h/") as http:
        assert http.get("http://h:80/x").content == b"here"  # the default port is the same site
        for path in ("/to-port", "/to-host", "/bad-port"):
            with pytest.raises(FetchError) as caught:
                http.get("http://h" + path)
            assert "redirected off the site" in caught.value.reason
        with pytest.raises(FetchError) as caught:
            http.get("http://h/to-https")
        assert "https://h/" in caught.value.reason  # says which address to harvest instead
        with pytest.raises(FetchError) as caught:
            http.get("http://h:8080/x")
        assert "not on the site" in caught.value.reason
    assert {r.url.host for r in handler.log} == {"h"} and all(r.url.port in (None, 80) for r in handler.log)
    assert all(r.url.scheme == "http" for r in handler.log)


def test_gzip_and_deflate_answers_are_decoded_and_bounded(tmp_path):
    import gzip
    import zlib

    fake = FakeTime()
    page = b"<html>" + b"row " * 5000 + b"</html>"

    def encoded(coding: str, body: bytes) -> httpx.Response:  # a stream, as off the wire: httpx decodes nothing
        return httpx.Response(200, headers={"Content-Encoding": coding}, stream=httpx.ByteStream(body))

    handler = site({
        "/gz": encoded("gzip", gzip.compress(page)),
        "/zlib": encoded("deflate", zlib.compress(page)),
        "/raw": encoded("deflate", _raw_deflate(page)),
        "/twice": encoded("gzip, gzip", gzip.compress(gzip.compress(page))),
        "/br": encoded("br", b"\x0b\x02\x80hi\x03"),
        "/bad": encoded("gzip", b"not gzip at all"),
        "/big": encoded("gzip", gzip.compress(b"%PDF" + bytes(10**6))),
    })
    with client(handler, fake, delay=0, retries=0, max_size=100_000) as http:
        for path in ("/gz", "/zlib", "/raw"):
            assert http.get("http://h" + path).content == page
        for path, reason in (("/twice", "encoded twice"), ("/br", "unsupported content encoding"),
                             ("/bad", "not readable")):
            with pytest.raises(FetchError) as caught:
                http.get("http://h" + path)
            assert reason in caught.value.reason
        with pytest.raises(FetchError) as caught:
            http.download("http://h/big", tmp_path / "big.part")
        assert "decoded" in caught.value.reason and "limit" in caught.value.reason
        assert (tmp_path / "big.part").stat().st_size <= 100_000 + 65536


def _raw_deflate(data: bytes) -> bytes:
    import zlib

    packer = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def test_a_slow_answer_on_the_mock_clock_meets_the_deadline():
    fake = FakeTime()

    def slow_body():
        for _ in range(100):
            fake.now += 5  # a byte every 5 s
            yield b"%"

    def handler(request):
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(200, content=slow_body())

    with client(handler, fake, delay=0, retries=3, deadline=30) as http, pytest.raises(FetchError) as caught:
        http.get("http://h/slow")
    assert "deadline" in caught.value.reason
    assert fake.now <= 40  # not retried, not read to the end
