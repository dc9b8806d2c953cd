"""Harvesting from hostile servers on 127.0.0.1: every download is bounded (size,
decoded size, an overall deadline), the harvest stays on the site (scheme, host
and port, on every hop), and no bad header, number or file name ends the run.

Every scenario is served by the fixture server (tests/fixtures/moderngov), on
127.0.0.1 only; each hostile answer stops by itself after a few seconds, and
the harvests run with tiny limits, so every test is bounded in seconds.
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import pytest
from helpers import run

from councilpapers.harvest import HarvestOptions, harvest
from councilpapers.harvest.archive import Archive
from councilpapers.harvest.harvester import archived_to_ingest
from councilpapers.ingest.readers import SUPPORTED_SUFFIXES

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "moderngov"))
from moderngov_server import SITE, ModernGovServer  # noqa: E402  (the local test site)

LONG_AFTER = date(2026, 1, 1)
MINUTES = "documents/g2010/printed minutes wednesday 15-jan-2025 19.00 cabinet.pdf"
MINUTES_HREF = "documents/g2010/Printed%20minutes%20Wednesday%2015-Jan-2025%2019.00%20Cabinet.pdf"
CJK = "議事録" * 50  # 150 characters, 450 bytes in UTF-8: over any file system's 255


@pytest.fixture
def server():
    with ModernGovServer().running() as running:
        yield running


@pytest.fixture
def other():
    """Another site on the same host, on another port."""
    with ModernGovServer().running() as running:
        yield running


def options(server, tmp_path, **overrides) -> HarvestOptions:
    settings = dict(
        base_url=server.base, archive=tmp_path / "archive", delay=0, timeout=2, retries=2, backoff=0.01,
        today=LONG_AFTER, max_requests=300,
    )
    settings.update(overrides)
    return HarvestOptions(**settings)


def archived(report) -> set[str]:
    site = report.archive
    return {
        p.relative_to(site).as_posix() for p in site.rglob("*")
        if p.is_file() and ".harvest" not in p.relative_to(site).parts
    }


def errors(report) -> list[str]:
    return [line for line in report.lines if line.startswith("error:")]


def pdf(variant: str) -> bytes:
    """A fixture PDF made distinct (a comment after its end), so it is no duplicate."""
    whole = next(SITE.glob("site/documents/*/Minutes of Previous Meeting.pdf")).read_bytes()
    return whole + f"\n% {variant}\n%%EOF\n".encode()


def timed(call):
    started = time.monotonic()
    result = call()
    return result, time.monotonic() - started


def assert_no_partials(report) -> None:
    assert not list((report.archive / ".harvest" / "partial").iterdir())


# -- every download bounded --------------------------------------------------------------------


def test_an_endless_body_stops_at_the_maximum_size(server, tmp_path):
    server.fault(MINUTES, "endless")
    report, seconds = timed(lambda: harvest(options(server, tmp_path, max_size=256 * 1024)))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "Printed minutes" in line and "larger than the 0.25 MB limit" in line and "--max-size" in line
    assert seconds < 3  # the server would go on for 4 s
    assert server.sent[MINUTES] < 32 * 1024 * 1024  # the client hung up (what it wrote filled the socket's buffers)
    assert_no_partials(report)


def test_a_content_length_over_the_maximum_is_refused_before_reading(server, tmp_path):
    server.fault(MINUTES, ("endless", 10 * 1024**3))
    report, seconds = timed(lambda: harvest(options(server, tmp_path, max_size=1024 * 1024)))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "larger than the 1 MB limit" in line and "10240 MB" in line
    assert seconds < 3 and server.sent[MINUTES] < 32 * 1024 * 1024


def test_a_drip_feed_is_cut_at_the_deadline(server, tmp_path):
    server.fault(MINUTES, "drip")  # a byte every 0.1 s: the read timeout (2 s) never fires
    report, seconds = timed(lambda: harvest(options(server, tmp_path, deadline=0.5)))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "Printed minutes" in line and "deadline" in line and "--deadline" in line
    assert seconds < 3  # not retried: a second drip would be no faster
    assert len(server.requests_for("Printed minutes Wednesday 15-Jan")) == 1


def test_headers_dripped_one_byte_at_a_time_are_cut_at_the_deadline(server, tmp_path):
    server.fault(MINUTES, "header-drip")  # the answer's headers never end
    report, seconds = timed(lambda: harvest(options(server, tmp_path, deadline=0.5)))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "Printed minutes" in line and "deadline" in line
    assert seconds < 3


def test_a_gzip_bomb_never_becomes_an_archived_pdf(server, tmp_path):
    server.fault(MINUTES, "gzip-bomb")  # 64 KB on the wire, a 64 MB "PDF" decoded
    report, seconds = timed(lambda: harvest(options(server, tmp_path, max_size=1024 * 1024)))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "Printed minutes" in line and "decoded" in line and "larger than the 1 MB limit" in line
    assert "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf" not in archived(report)
    assert seconds < 3
    assert_no_partials(report)


def test_a_gzip_bomb_under_the_maximum_size_is_still_refused_by_its_ratio(server, tmp_path):
    server.fault(MINUTES, "gzip-bomb")  # the default maximum (200 MB) is above the bomb's 64 MB
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "decompression bomb" in line
    assert "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf" not in archived(report)


def test_a_normal_harvest_fits_the_default_bounds(server, tmp_path):
    report = harvest(options(server, tmp_path, max_size=1024 * 1024, deadline=5))
    assert (report.new, report.failed) == (17, 0)
    assert not errors(report)


def test_max_size_and_deadline_on_the_command_line(server, tmp_path):
    server.fault(MINUTES, "endless")
    result = run(tmp_path, "harvest", server.base, "--delay", "0", "--no-ingest", "--committee", "Cabinet",
                 "--max-size", "0.5", "--deadline", "2", "--timeout", "2")
    assert result.exit_code == 1, result.output
    assert "larger than the 0.5 MB limit" in result.output
    assert "documents 11 new, 0 changed, 0 unchanged, 1 failed" in result.output
    assert "Traceback" not in result.output
    bad = run(tmp_path, "harvest", server.base, "--no-ingest", "--max-size", "0")
    assert bad.exit_code == 2


# -- the site is scheme, host and port, on every hop ------------------------------------------------


def test_a_redirect_to_another_port_is_not_followed(server, other, tmp_path):
    server.fault(MINUTES, ("redirect", other.base + MINUTES_HREF))
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "Printed minutes" in line and "redirected off the site" in line and other.base in line
    assert other.log == []  # not even its robots.txt
    assert "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf" not in archived(report)


def test_a_redirect_to_another_host_is_not_followed(server, other, tmp_path):
    elsewhere = other.base.replace("127.0.0.1", "localhost")  # the same machine by another name
    server.fault(MINUTES, ("redirect", elsewhere + MINUTES_HREF))
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "redirected off the site" in line and "localhost" in line
    assert other.log == []


def test_a_redirect_off_the_site_without_robots_txt_is_not_blamed_on_robots(server, other, tmp_path):
    other.fault("robots.txt", 503, 503, 503, 503)
    server.fault(MINUTES, ("redirect", other.base + MINUTES_HREF))
    report = harvest(options(server, tmp_path))
    (line,) = errors(report)
    assert "robots.txt disallows" not in line and "redirected off the site" in line
    assert other.log == []


def test_a_link_to_another_port_of_the_same_host_is_not_fetched(server, other, tmp_path):
    server.add_document("2001", other.base + MINUTES_HREF, "Minutes held elsewhere")
    report = harvest(options(server, tmp_path))
    assert (report.new, report.failed) == (17, 0)
    assert any("Minutes held elsewhere is on another site, not fetched" in line for line in report.lines)
    assert other.log == []


def test_a_redirect_within_the_site_is_still_followed(server, tmp_path):
    server.fault(MINUTES, ("redirect", server.base + MINUTES_HREF + "?moved=1"))  # a whole address, same site
    report = harvest(options(server, tmp_path))
    assert (report.new, report.failed) == (17, 0)
    assert any("redirected to" in line and "moved=1" in line for line in report.lines)


def test_a_meeting_page_redirected_off_the_site_is_not_read(server, other, tmp_path):
    server.fault("ieListDocuments.aspx", ("redirect", other.base + "ieListDocuments.aspx?CId=101&MId=2001&Ver=4"))
    report = harvest(options(server, tmp_path))
    assert report.new == 12  # of 2001, GetMeeting's item documents only: its 5 packs are on the page
    assert {f for f in archived(report) if f.startswith("cabinet/2025-01-15/")} == {
        "cabinet/2025-01-15/Minutes of Previous Meeting.pdf", "cabinet/2025-01-15/Revenue Budget 2025-26 report.pdf",
        "cabinet/2025-01-15/Appendix A - Fees and Charges 2025-26.pdf",
    }
    assert any("meeting page: redirected off the site" in line for line in report.lines)
    assert other.log == []


# -- no bad header, number or name ends the run --------------------------------------------------------


def test_a_150_character_cjk_file_name_is_cut_by_bytes_and_kept_unique(server, tmp_path):
    server.add_document("2001", f"documents/s50198/{CJK}.pdf", "Long name one", pdf("one"))
    server.add_document("2001", f"documents/s50199/{CJK}.pdf", "Long name two", pdf("two"))
    report = harvest(options(server, tmp_path))
    assert (report.new, report.failed) == (19, 0)
    long_names = [p for p in report.downloaded if p.name.startswith("議事録")]
    assert len(long_names) == 2 and long_names[0].name != long_names[1].name
    for path in long_names:
        assert len(path.name.encode("utf-8")) <= 255 and path.suffix == ".pdf"
        assert path.read_bytes() in (pdf("one"), pdf("two"))


def test_a_bad_retry_after_is_ignored_with_a_note(server, tmp_path):
    server.fault(MINUTES, ("status", 429, {"Retry-After": "²"}))
    report = harvest(options(server, tmp_path))
    assert (report.new, report.failed) == (17, 0)
    assert [r["status"] for r in server.requests_for("Printed minutes Wednesday 15-Jan")] == [429, 200]
    assert any("Retry-After" in line and "'²'" in line and line.startswith("note:") for line in report.lines)


def test_a_bad_agenda_item_number_is_ignored_with_a_note(server, tmp_path):
    server.add_document("2001", "documents/s50197/Late%20item.pdf", "Late item", pdf("late"), item_number="²")
    report = harvest(options(server, tmp_path))
    assert (report.new, report.failed) == (18, 0)
    assert any("agenda item number '²'" in line and line.startswith("note:") for line in report.lines)


def test_one_documents_unexpected_failure_never_ends_the_run(server, tmp_path, monkeypatch):
    keep = Archive.keep

    def keep_or_fail(self, part, doc, *args):
        if "Decisions" in doc.title or "decisions" in doc.url.lower():
            raise OSError(28, "No space left on device")
        return keep(self, part, doc, *args)

    monkeypatch.setattr(Archive, "keep", keep_or_fail)
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    (line,) = errors(report)
    assert "Decisions" in line and "No space left on device" in line
    assert_no_partials(report)


def test_one_meetings_unexpected_failure_never_ends_the_run(server, tmp_path, monkeypatch):
    from councilpapers.harvest import moderngov

    parse = moderngov.parse_meeting_page

    def parse_or_fail(page, page_url):
        if "MId=2002" in page_url:
            raise ValueError("a page this parser never met")
        return parse(page, page_url)

    monkeypatch.setattr(moderngov, "parse_meeting_page", parse_or_fail)
    report = harvest(options(server, tmp_path, use_web_service=False))
    assert report.new == 13 and report.failed == 1  # the 4 documents of 2002 are not listed
    (line,) = errors(report)
    assert "Cabinet 2025-03-12" in line and "a page this parser never met" in line


@pytest.mark.parametrize("href, title", [
    ("documents/s50196/.pdf", ".."),
    ("documents/s50195/..pdf", ".."),
    ("documents/s50194/pdf", ".."),
])
def test_files_named_only_by_their_suffix_are_named_so_ingest_reads_them(server, tmp_path, href, title):
    server.add_document("2001", href, title, pdf(href))
    report = harvest(options(server, tmp_path))
    assert (report.new, report.failed) == (18, 0)
    (odd,) = [p for p in report.downloaded if p.parent.name == "2025-01-15" and p.name not in {
        q.name for q in report.downloaded if q.read_bytes() != pdf(href)}]
    assert not odd.name.startswith(".") and odd.suffix == ".pdf" and odd.stem
    assert odd.suffix in SUPPORTED_SUFFIXES
    from councilpapers.corpus.store import Store

    store = Store(tmp_path / "home" / "councilpapers.sqlite")
    try:
        pending, unread = archived_to_ingest(tmp_path / "archive", server.base, store)
    finally:
        store.close()
    assert odd.resolve() in pending and unread == []
