"""`councilpapers harvest` end to end on the constructed site served on 127.0.0.1:
list, harvest and ingest, then search finds the harvested minutes and the store
knows each file's URL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from helpers import run

from councilpapers.corpus.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parent / "fixtures" / "moderngov"))
from moderngov_server import ModernGovServer  # noqa: E402  (the local test site)


@pytest.fixture(scope="module")
def server():
    with ModernGovServer().running() as running:
        yield running


@pytest.fixture(scope="module")
def harvested(server, tmp_path_factory):
    home = tmp_path_factory.mktemp("home")
    result = run(home, "harvest", server.base, "--delay", "0", "--timeout", "5", "--jobs", "1", "--no-ocr")
    assert result.exit_code == 0, result.output
    return home, result


def test_list_shows_committees_and_meeting_counts_without_downloading(server, tmp_path):
    server.log.clear()
    result = run(tmp_path, "harvest", server.base, "--list", "--delay", "0", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["id"], r["committee"], r["status"], r["meetings"]) for r in rows] == [
        ("90", "Best Value Working Party", "expired", 0), ("101", "Cabinet", "live", 2),
        ("102", "Planning Committee", "live", 1),
    ]
    assert server.documents_requested() == []
    assert not (tmp_path / "archive").exists()


def test_harvest_summary(harvested):
    _, result = harvested
    assert "3 meetings of 3 committees: documents 17 new, 0 changed, 0 unchanged, 0 failed, 1 restricted not fetched" in result.output
    assert "restricted: Cabinet 2025-01-15: Harbour Road acquisition - exempt report, attachment 50104" in result.output
    assert "28 requests in" in result.output
    assert "ingest: 17 files: 17 ingested, 0 unchanged, 0 failed" in result.output


def test_search_finds_the_harvested_minutes_and_their_url(harvested, server):
    home, _ = harvested
    result = run(home, "search", "planning permission granted", "--format", "json", "--limit", "3")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    minutes = [h for h in hits if h["meeting_date"] == "2025-02-04" and h["kind"] in ("minute_item", "resolution")]
    assert minutes, hits
    assert Path(minutes[0]["source"]).name == "Printed minutes 04th-Feb-2025 18.30 Planning Committee.pdf"
    store = Store(home / "councilpapers.sqlite")
    try:
        origin = store.origin_of(minutes[0]["source"])
    finally:
        store.close()
    assert origin.url == server.base + "documents/g2003/Printed%20minutes%2004th-Feb-2025%2018.30%20Planning%20Committee.pdf?T=1"
    assert (origin.committee, origin.meeting_date, origin.kind) == ("Planning Committee", "2025-02-04", "minutes")
    assert origin.meeting_url == server.base + "ieListDocuments.aspx?CId=102&MId=2003&Ver=4"
    assert origin.etag and origin.last_modified and origin.fetched_at
    assert minutes[0]["url"] == origin.url  # the hit cites the URL beside file and page
    assert minutes[0]["committee"] == "Planning Committee"
    table = run(home, "search", "planning permission granted", "--limit", "3").output
    assert f"<{origin.url}>" in table
    shown = run(home, "show", minutes[0]["id"]).output
    assert f"<{origin.url}>" in shown


def test_every_harvested_source_has_an_origin(harvested):
    home, _ = harvested
    store = Store(home / "councilpapers.sqlite")
    try:
        sources = store.sources()
        assert len(sources) == 17
        assert all(store.origin_of(s.path) is not None for s in sources)
        assert store.origin_of("/not/harvested.pdf") is None
    finally:
        store.close()


def test_second_harvest_downloads_and_ingests_nothing(harvested, server):
    home, _ = harvested
    server.log.clear()
    result = run(home, "harvest", server.base, "--delay", "0", "--jobs", "1")
    assert result.exit_code == 0, result.output
    assert "documents 0 new, 0 changed" in result.output
    assert "ingest: 0 files" in result.output
    assert server.documents_requested() == []


def test_a_failed_document_is_a_line_and_exit_1(server, tmp_path):
    server.fault("documents/s50112/housing strategy 2025-2030.pdf", 403)
    result = run(tmp_path, "harvest", server.base, "--delay", "0", "--no-ingest", "--committee", "Cabinet")
    assert result.exit_code == 1
    assert "error: Cabinet 2025-03-12: Housing Strategy 2025-2030: HTTP 403" in result.output
    assert "documents 11 new, 0 changed, 0 unchanged, 1 failed" in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("args, message", [
    (("--documents", "minutes,memos"), "choose from minutes, agenda, reports, decisions, supplements"),
    (("--committee", "Licensing"), "No committee of"),
    (("--since", "last week"), "is not a date like"),
])
def test_usage_errors(server, tmp_path, args, message):
    result = run(tmp_path, "harvest", server.base, "--delay", "0", "--no-ingest", *args)
    assert result.exit_code == 2, result.output
    assert message in result.output


def test_not_a_web_address(tmp_path):
    result = run(tmp_path, "harvest", "democracy.example.gov.uk", "--no-ingest")
    assert result.exit_code == 2
    assert "is not a web address" in result.output


def test_unreachable_robots_txt_stops_the_run_with_its_reason(server, tmp_path):
    server.log.clear()
    server.fault("robots.txt", 503, 503)
    result = run(tmp_path, "harvest", server.base, "--delay", "0", "--no-ingest", "--retries", "1")
    assert result.exit_code == 1
    assert "robots.txt: HTTP 503 Service Unavailable, after 2 attempts" in result.output
    assert "treated as 'disallow everything' (RFC 9309)" in result.output
    assert "could not read" in result.output
    assert server.documents_requested() == []
