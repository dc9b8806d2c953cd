"""Harvesting the constructed ModernGov site served on 127.0.0.1: a full harvest
finds what ../shared/moderngov/README.md §6 says it should, a re-run downloads
nothing, an interrupted run resumes, and injected faults each give one line
while the run goes on.

Nothing leaves the machine: the server listens on 127.0.0.1 on an ephemeral
port; runs use no delay, short timeouts, tiny back-offs and a request budget.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

from councilpapers.harvest import Harvest, HarvestOptions, harvest

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "moderngov"))
from moderngov_server import SITE, ModernGovServer  # noqa: E402  (the local test site)

LONG_AFTER = date(2026, 1, 1)  # every fixture meeting is past the 90-day re-check window
SOON_AFTER = date(2025, 4, 20)  # 2002 (12 Mar) and 2003 (4 Feb) are inside the window, 2001 (15 Jan) is not

EXPECTED = {
    "cabinet/2025-01-15": {
        "Agenda frontsheet Wednesday 15-Jan-2025 19.00 Cabinet.pdf",
        "Public reports pack Wednesday 15-Jan-2025 19.00 Cabinet.pdf",
        "Supplement - Revenue Budget Appendix B Wednesday 15-Jan-2025 19.00 Cabinet.pdf",
        "Decisions Wednesday 15-Jan-2025 19.00 Cabinet.pdf",
        "Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf",
        "Minutes of Previous Meeting.pdf",
        "Revenue Budget 2025-26 report.pdf",
        "Appendix A - Fees and Charges 2025-26.pdf",
    },
    "cabinet/2025-03-12": {
        "Agenda frontsheet Wednesday 12-Mar-2025 19.00 Cabinet.pdf",
        "Public reports pack Wednesday 12-Mar-2025 19.00 Cabinet.pdf",
        "Minutes of Previous Meeting.pdf",
        "Housing Strategy 2025-2030.pdf",
    },
    "planning-committee/2025-02-04": {
        "Agenda frontsheet 04th-Feb-2025 18.30 Planning Committee.pdf",
        "Public reports pack 04th-Feb-2025 18.30 Planning Committee.pdf",
        "Printed minutes 04th-Feb-2025 18.30 Planning Committee.pdf",
        "24-00123-FUL Land at Mill Lane report.pdf",
        "Addendum update sheet.pdf",
    },
}
ALL_FILES = {f"{folder}/{name}" for folder, names in EXPECTED.items() for name in names}


@pytest.fixture
def server():
    with ModernGovServer().running() as running:
        yield running


def options(server, tmp_path, **overrides) -> HarvestOptions:
    settings = dict(
        base_url=server.base, archive=tmp_path / "archive", delay=0, timeout=2, retries=2, backoff=0.01,
        today=LONG_AFTER, max_requests=300,
    )
    settings.update(overrides)
    return HarvestOptions(**settings)


def archived(tmp_path, server) -> set[str]:
    """The archive's files (not the harvester's own .harvest folder), relative to the site."""
    site = tmp_path / "archive" / f"127.0.0.1-{server.base.rsplit(':', 1)[1].strip('/')}"
    return {
        p.relative_to(site).as_posix() for p in site.rglob("*")
        if p.is_file() and ".harvest" not in p.relative_to(site).parts
    }


def fixture_bytes(name: str) -> bytes:
    return next(SITE.glob(f"site/documents/*/{name}")).read_bytes()


# -- a full harvest ------------------------------------------------------------------


def test_full_harvest_finds_what_a_correct_harvest_finds(server, tmp_path):
    report = harvest(options(server, tmp_path))
    assert report.meetings == 3 and report.meetings_read == 3
    assert report.committees == 3  # 90 (expired, no meetings), 101, 102
    assert (report.new, report.failed, report.changed, report.duplicate) == (17, 0, 0, 0)
    assert archived(tmp_path, server) == ALL_FILES
    # Byte for byte, and nothing partial anywhere.
    site = report.archive
    assert (site / "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf").read_bytes() == \
        fixture_bytes("Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf")
    assert not list((site / ".harvest" / "partial").iterdir())
    # 50103 once (by its documents/ URL, not mgConvert2PDF too); 50104 listed, never asked for.
    documents = server.documents_requested()
    assert len(documents) == 17 == len(set(documents))
    assert not server.requests_for("mgConvert2PDF") and not server.requests_for("s50104")
    assert report.restricted == 1
    assert any(line.startswith("restricted:") and "50104" in line for line in report.lines)
    # Committee 90 was asked for and has nothing.
    assert server.requests_for("GetMeetings") and any("lCommitteeId=90" in r["query"] for r in server.log)
    # Polite: robots.txt first, an honest User-Agent, the meeting page as Referer for documents.
    assert server.log[0]["path"] == "robots.txt"
    assert all(r["headers"]["User-Agent"].startswith("councilpapers/") for r in server.log)
    pdf = server.requests_for("documents/s50102")[0]
    assert "ieListDocuments.aspx" in pdf["headers"]["Referer"]
    # The cost: robots + GetCommittees + 3 GetMeetings + 2 listings per meeting + 17 documents.
    assert report.requests == len(server.log) == 1 + 1 + 3 + 3 * 2 + 17
    assert "28 requests" in report.cost()


def test_rerun_downloads_nothing(server, tmp_path):
    harvest(options(server, tmp_path))
    server.log.clear()
    report = harvest(options(server, tmp_path))
    assert (report.new, report.changed, report.failed) == (0, 0, 0)
    assert report.meetings_skipped == 3
    assert server.documents_requested() == []  # old meetings archived whole: not asked again
    assert len(server.log) == 1 + 1 + 3  # robots, committees, meetings of each committee
    assert archived(tmp_path, server) == ALL_FILES


def test_rerun_rechecks_the_last_90_days_conditionally(server, tmp_path):
    harvest(options(server, tmp_path, today=SOON_AFTER))
    server.log.clear()
    report = harvest(options(server, tmp_path, today=SOON_AFTER))
    assert (report.new, report.changed, report.failed) == (0, 0, 0)
    assert report.meetings_skipped == 1  # 2001, 15 Jan: more than 90 days before 20 Apr
    rechecked = [r for r in server.log if r["path"].startswith("documents/")]
    assert len(rechecked) == 4 + 5  # the documents of 2002 and 2003, each asked conditionally
    assert all(r["headers"].get("If-None-Match") and r["status"] == 304 for r in rechecked)
    assert report.unchanged == 9


def test_changed_and_late_documents_are_fetched_on_the_recheck(server, tmp_path):
    harvest(options(server, tmp_path, today=SOON_AFTER, kinds=frozenset({"agenda", "reports"})))
    # The addendum (a supplement) was not asked for the first time: it arrives "late";
    # and the site republishes the Planning reports pack.
    path = "documents/g2003/public reports pack 04th-feb-2025 18.30 planning committee.pdf"
    original = fixture_bytes("Public reports pack 04th-Feb-2025 18.30 Planning Committee.pdf")
    changed = original.replace(b"Exampleshire", b"Examplesh1re")  # same length, other bytes
    assert changed != original
    server.overrides[path] = (changed, "application/pdf")
    report = harvest(options(server, tmp_path, today=SOON_AFTER))
    assert report.changed == 1
    assert {p.name for p in report.downloaded} >= {
        "Public reports pack 04th-Feb-2025 18.30 Planning Committee.pdf", "Addendum update sheet.pdf",
    }
    assert (report.archive / "planning-committee/2025-02-04/Public reports pack 04th-Feb-2025 18.30 Planning Committee.pdf").read_bytes() == changed
    assert any("changed on the site" in line for line in report.lines)


def test_documents_option_fetches_only_those_kinds(server, tmp_path):
    report = harvest(options(server, tmp_path, kinds=frozenset({"minutes"})))
    assert report.new == 2
    assert archived(tmp_path, server) == {
        "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf",
        "planning-committee/2025-02-04/Printed minutes 04th-Feb-2025 18.30 Planning Committee.pdf",
    }
    # Asking for more later fetches the rest of those (old) meetings.
    report = harvest(options(server, tmp_path))
    assert report.new == 15 and archived(tmp_path, server) == ALL_FILES


def test_committee_option_by_name_or_id(server, tmp_path):
    report = harvest(options(server, tmp_path, committees=("planning",)))
    assert report.meetings == 1 and report.new == 5
    report = harvest(options(server, tmp_path, committees=("101",)))
    assert report.meetings == 2 and report.new == 12


def test_since_until_select_meetings(server, tmp_path):
    report = harvest(options(server, tmp_path, since=date(2025, 2, 1), until=date(2025, 2, 28)))
    assert report.meetings == 1 and report.new == 5  # Planning, 4 Feb


def test_html_pages_when_the_web_service_is_off(server, tmp_path):
    server.web_service = False
    report = harvest(options(server, tmp_path))
    assert archived(tmp_path, server) == ALL_FILES
    assert report.failed == 0 and report.meetings == 3
    assert any("web service" in line and "using the HTML pages" in line for line in report.lines)
    # The exempt item has no link on the page: listed by its title.
    assert any(line.startswith("restricted:") and "Harbour Road" in line for line in report.lines)
    assert not server.requests_for("s50104")


def test_html_pages_when_the_web_service_answers_html(server, tmp_path):
    server.web_service = "html"
    report = harvest(options(server, tmp_path))
    assert report.new == 17
    assert any("HTML page instead of XML" in line for line in report.lines)


def test_list_counts_meetings_without_downloading(server, tmp_path):
    run = Harvest(options(server, tmp_path))
    try:
        counts = {c.committee.id: c.meetings for c in run.count_meetings()}
    finally:
        run.close()
    assert counts == {"90": 0, "101": 2, "102": 1}
    assert server.documents_requested() == [] and not server.requests_for("ieListDocuments")


# -- interrupted runs ----------------------------------------------------------------------


def test_interrupted_run_resumes_where_it_stopped(server, tmp_path):
    def stop_after_first_meeting(line: str) -> None:
        if "2025-01-15" in line:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        harvest(options(server, tmp_path), progress=stop_after_first_meeting)
    assert archived(tmp_path, server) == {f for f in ALL_FILES if f.startswith("cabinet/2025-01-15/")}
    first = set(server.documents_requested())
    server.log.clear()
    report = harvest(options(server, tmp_path))
    assert report.new == 9 and archived(tmp_path, server) == ALL_FILES
    assert not first & set(server.documents_requested())  # nothing fetched twice


def test_killed_mid_download_leaves_no_partial_file_in_the_archive(server, tmp_path):
    stalled = "documents/g2010/public reports pack wednesday 15-jan-2025 19.00 cabinet.pdf"
    server.fault(stalled, "stall")
    home = tmp_path / "home"
    command = [
        sys.executable, "-m", "councilpapers.cli", "--home", str(home), "harvest", server.base,
        "--archive", str(tmp_path / "archive"), "--delay", "0", "--no-ingest", "--timeout", "20",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert server.stalled.wait(timeout=30), "the harvest never reached the stalled document"
        time.sleep(0.2)  # half the body written to the partial file
        os.kill(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)
    server.release.set()
    files = archived(tmp_path, server)
    assert "cabinet/2025-01-15/Public reports pack Wednesday 15-Jan-2025 19.00 Cabinet.pdf" not in files
    assert files == {"cabinet/2025-01-15/Agenda frontsheet Wednesday 15-Jan-2025 19.00 Cabinet.pdf"}
    server.log.clear()
    report = harvest(options(server, tmp_path))
    assert report.new == 16 and report.failed == 0
    assert archived(tmp_path, server) == ALL_FILES
    assert not list((report.archive / ".harvest" / "partial").iterdir())
    assert not server.requests_for("Agenda frontsheet Wednesday 15-Jan")  # done before the kill


# -- faults ------------------------------------------------------------------------------


MINUTES = "documents/g2010/printed minutes wednesday 15-jan-2025 19.00 cabinet.pdf"
REPORT = "documents/s50102/revenue budget 2025-26 report.pdf"


def test_server_error_then_success_is_retried(server, tmp_path):
    server.fault(MINUTES, 500)
    server.fault(REPORT, 429)
    report = harvest(options(server, tmp_path))
    assert report.new == 17 and report.failed == 0
    assert [r["status"] for r in server.requests_for("Printed minutes Wednesday 15-Jan")] == [500, 200]
    assert [r["status"] for r in server.requests_for("s50102")] == [429, 200]


def test_persistent_server_error_gives_up_after_the_retries(server, tmp_path):
    server.fault(MINUTES, 503, 503, 503, 503)
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    (line,) = [l for l in report.lines if l.startswith("error:")]
    assert "HTTP 503" in line and "after 3 attempts" in line and "Printed minutes" in line
    assert len(server.requests_for("Printed minutes Wednesday 15-Jan")) == 3  # bounded


def test_forbidden_is_a_line_and_the_run_goes_on_then_recovers(server, tmp_path):
    server.fault(MINUTES, 403)
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    (line,) = [l for l in report.lines if l.startswith("error:")]
    assert "HTTP 403" in line and "Cabinet 2025-01-15" in line
    assert len(server.requests_for("Printed minutes Wednesday 15-Jan")) == 1  # 403 is not retried
    server.log.clear()
    report = harvest(options(server, tmp_path))  # the meeting was not done: asked again
    assert report.new == 1 and report.failed == 0
    assert server.documents_requested() == ["documents/g2010/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf"]


def test_timeout_is_a_line(server, tmp_path):
    server.slow_seconds = 1.0
    server.fault(MINUTES, "timeout", "timeout")
    report = harvest(options(server, tmp_path, timeout=0.3, retries=1))
    assert report.failed == 1 and report.new == 16
    assert any("timed out" in l and "Printed minutes" in l for l in report.lines)


def test_truncated_pdf_never_enters_the_archive(server, tmp_path):
    server.fault(MINUTES, "truncate", "truncate", "truncate")
    report = harvest(options(server, tmp_path))
    assert report.failed == 1
    assert any("truncated" in l and "Printed minutes" in l for l in report.lines)
    assert "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf" not in archived(tmp_path, server)
    assert not list((report.archive / ".harvest" / "partial").iterdir())


def test_truncated_once_then_whole_is_retried(server, tmp_path):
    server.fault(MINUTES, "truncate")
    report = harvest(options(server, tmp_path))
    assert report.failed == 0 and report.new == 17


def test_truncated_pdf_without_length_is_caught_by_its_missing_end(server, tmp_path):
    whole = fixture_bytes("Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf")
    server.overrides[MINUTES] = (whole[: len(whole) // 2], "application/pdf")
    report = harvest(options(server, tmp_path))
    assert report.failed == 1
    assert any("truncated PDF" in l for l in report.lines)


def test_html_instead_of_pdf_is_refused(server, tmp_path):
    server.fault(MINUTES, "html")
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    assert any("HTML page instead of a PDF" in l and "Printed minutes" in l for l in report.lines)
    assert "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf" not in archived(tmp_path, server)


def test_broken_link_and_redirect(server, tmp_path):
    server.fault(REPORT, 404)
    server.fault(MINUTES, ("redirect", "documents/g2010/Printed%20minutes%20Wednesday%2015-Jan-2025%2019.00%20Cabinet.pdf?T=1&moved=1"))
    report = harvest(options(server, tmp_path))
    assert report.failed == 1 and report.new == 16
    assert any("HTTP 404" in l and "broken link" in l and "Revenue Budget" in l for l in report.lines)
    assert any("redirected to" in l and "Printed minutes" in l for l in report.lines)
    assert "cabinet/2025-01-15/Printed minutes Wednesday 15-Jan-2025 19.00 Cabinet.pdf" in archived(tmp_path, server)


def test_odd_meeting_date_is_a_line_and_the_page_dates_it(server, tmp_path):
    xml = (SITE / "mgWebService/GetMeetings_102.xml").read_bytes().replace(b"04/02/2025", b"31/02/2025")
    server.overrides["mgwebservice.asmx/getmeetings"] = (xml, "text/xml; charset=utf-8")  # every committee: 2003
    report = harvest(options(server, tmp_path, committees=("102",)))
    assert any("odd date '31/02/2025'" in l for l in report.lines)
    assert report.new == 5
    assert all(f.startswith("planning-committee/2025-02-04/") for f in archived(tmp_path, server))


def test_robots_txt_is_honoured(server, tmp_path):
    server.robots_txt = "User-agent: *\nDisallow: /documents/\n"
    report = harvest(options(server, tmp_path))
    assert report.new == 0 and report.failed == 17
    assert all("robots.txt disallows" in l for l in report.lines if l.startswith("error:"))
    assert server.documents_requested() == []


def test_request_budget_stops_the_run(server, tmp_path):
    report = harvest(options(server, tmp_path, max_requests=10))
    assert report.stopped and len(server.log) == 10
    assert any("stopped after 10 requests" in l for l in report.lines)


def test_a_site_refusing_everything_stops_the_run(server, tmp_path):
    routes = json.loads((SITE / "routes.json").read_text())["routes"]
    for route in routes:
        if route["file"].startswith("site/"):
            server.fault(route["path"], *[403] * 3)
    report = harvest(options(server, tmp_path, max_refusals=3))
    assert report.stopped and "3 documents refused in a row (HTTP 403)" in report.stopped
    assert len(server.documents_requested()) == 3  # then it stopped asking
    assert report.new == 0
