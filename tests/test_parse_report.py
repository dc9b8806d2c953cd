"""The parse report: what ingest made of a file, and what it did not understand."""

from helpers import as_lines

from councilpapers.corpus.parse_report import ParseReport
from councilpapers.corpus.store import Store
from councilpapers.ingest.manager import ingest_paths
from councilpapers.ingest.model import ExtractedText
from councilpapers.ingest.parse_report import numbering_problems
from councilpapers.ingest.pipeline import extract


def _extract(text: str):
    return extract(ExtractedText("text", as_lines(text, keep_blank=False)), "m.txt", "a" * 64)


MINUTES = """
MINUTES of a meeting of the Audit Committee held in the Council Chamber on Tuesday, 4 March 2025.
PRESENT: Mr A Jones (Chairman), Mrs B Smith and Ms C Patel
10. Apologies
Apologies were received from Mr D Brown.
11. Minutes of the last meeting
RESOLVED that the minutes be signed.
13. Internal audit
The report was noted.
"""


def test_a_meeting_with_its_items_decisions_attendance_and_a_numbering_gap():
    report = _extract(MINUTES).report
    assert [d["kind"] for d in report.documents] == ["minutes"]
    (meeting,) = report.meetings
    assert (meeting.committee, meeting.date) == ("Audit Committee", "2025-03-04")
    assert (meeting.minute_items, meeting.numbered_items, meeting.decisions) == (3, 3, 1)
    assert meeting.attendance == {"present": 3, "apologies": 1}
    assert meeting.numbering == ["gap: 11 to 13"]
    assert report.problems == []
    assert any("3 minute items" in line and "gap: 11 to 13" in line for line in report.lines())


def test_a_file_not_understood_says_so():
    report = _extract("Notes from a walk round the village green.\nThe bench needs paint.").report
    assert report.meetings == []
    assert report.problems == ["not recognised as minutes, an agenda or a report: no meeting found"]


def test_minutes_without_items_or_attendance_are_problems():
    report = _extract("MINUTES of a meeting of the Audit Committee held on 4 March 2025.\nThe meeting was inquorate.").report
    assert report.problems == [
        "minutes of Audit Committee (2025-03-04): no items found",
        "minutes of Audit Committee (2025-03-04): no attendance found",
    ]


def test_numbering_problems_compare_the_last_number():
    assert numbering_problems(["19.03.1", "19.03.2", "19.03.3", "19.01.4", "19.03.5"]) == [
        "19.01.4 does not begin like the other numbers"]
    assert numbering_problems(["14/037", "14/038", "14/040"]) == ["gap: 14/038 to 14/040"]
    assert numbering_problems(["84", "85", "85"]) == ["85 after 85"]


def test_the_report_is_stored_with_its_source(tmp_path):
    paper = tmp_path / "minutes.txt"
    paper.write_text(MINUTES)
    store = Store(tmp_path / "store.sqlite")
    ingest_paths([paper], store)
    (source,) = store.sources()
    report = ParseReport.from_json(source.parse_report)
    assert report.meetings[0].numbering == ["gap: 11 to 13"]


def test_a_file_stored_by_older_extraction_rules_is_read_again(tmp_path, monkeypatch):
    from councilpapers.ingest import manager

    paper = tmp_path / "minutes.txt"
    paper.write_text(MINUTES)
    store = Store(tmp_path / "store.sqlite")
    assert [o.status for o in ingest_paths([paper], store)] == ["ingested"]
    assert [o.status for o in ingest_paths([paper], store)] == ["unchanged"]
    monkeypatch.setattr(manager, "EXTRACTION_VERSION", manager.EXTRACTION_VERSION + 1)
    assert [o.status for o in ingest_paths([paper], store)] == ["ingested"]
    assert store.sources()[0].extraction == manager.EXTRACTION_VERSION


def test_ingest_names_the_files_not_understood(tmp_path):
    from helpers import run

    (tmp_path / "minutes.txt").write_text(MINUTES)
    (tmp_path / "walk.txt").write_text("Notes from a walk round the village green.\nThe bench needs paint.\n")
    result = run(tmp_path / "home", "ingest", str(tmp_path))
    assert result.exit_code == 0
    assert "1 of 2 files ingested: no meeting found (1)" in result.stderr
    listed = run(tmp_path / "home", "sources", "--problems")
    assert "walk.txt" in listed.output and "minutes.txt" not in listed.output
    assert "no meeting found" in listed.output
    shown = run(tmp_path / "home", "show", "minutes.txt")
    assert "meeting: Audit Committee, 2025-03-04" in shown.output and "gap: 11 to 13" in shown.output
