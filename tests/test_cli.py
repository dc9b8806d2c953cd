"""The command line end to end on the bundled samples, as a clerk would use it."""

import json
import shutil
from pathlib import Path

import pytest
from helpers import run

from councilpapers.cli import SAMPLES

# The real papers the ingest test names: eight with a text layer and a web page
# ingest, the scan and the garbled file fail.
REAL_PAPERS = (
    "baltimore-board-of-estimates-2020-01-15-minutes.pdf",
    "east-palo-alto-planning-commission-2020-01-27-minutes.pdf",
    "horsley-parish-council-2014-03-18-minutes-garbled-text-layer.pdf",
    "kent-cabinet-2025-01-30-agenda-frontsheet.pdf",
    "kent-cabinet-2025-01-30-finance-monitoring-report.pdf",
    "kent-cabinet-2025-01-30-proposed-record-of-decision-24-00096.pdf",
    "kent-county-council-2025-01-09-printed-minutes.pdf",
    "kent-county-council-2025-02-13-budget-amendments-pack.pdf",
    "kingston-neighbourhood-committee-2026-01-15-moderngov-agenda-page.html",
    "kingston-neighbourhood-committee-2026-01-15-petition-report.pdf",
    "omaha-planning-2012-10-16-scanned-no-text-layer.pdf",
)


@pytest.fixture
def home(samples_home):
    return samples_home


def test_ingest_reports_a_summary_line(samples_home_copy):
    home = samples_home_copy
    result = run(home, "ingest")
    assert result.exit_code == 0
    assert "5 files: 0 ingested, 5 unchanged, 0 failed" in result.output


def test_search_pupil_premium_finds_the_panel_minute_with_a_page(home):
    result = run(home, "search", "pupil premium", "--format", "json")
    assert result.exit_code == 0, result.output
    hits = json.loads(result.output)
    panel = [
        h for h in hits
        if h["committee"] == "Corporate Parenting Panel" and h["meeting_date"] == "2016-05-26"
        and h["kind"] == "minute_item" and h["page"]
    ]
    assert panel, hits
    assert panel[0]["minute"] == "153"
    assert panel[0]["source"].endswith("kent-corporate-parenting-panel-2016-07-20-agenda-pack.txt")
    for field in ("id", "kind", "committee", "meeting_date", "minute", "agenda_ref", "title",
                  "snippet", "source", "page", "line", "score"):
        assert field in hits[0]


def test_search_table_cites_file_and_page(home):
    result = run(home, "search", "pupil premium", "--limit", "5")
    assert result.exit_code == 0
    assert "Corporate Parenting Panel · 26 May 2016 · minute 153" in result.output
    assert "kent-corporate-parenting-panel-2016-07-20-agenda-pack.txt p. " in result.output


def test_search_filters_by_kind_and_date(home):
    result = run(home, "search", "supported lodgings", "--kind", "resolution", "--format", "json")
    hits = json.loads(result.output)
    assert hits and {h["kind"] for h in hits} == {"resolution"}
    assert hits[0]["minute"] == "50"
    late = json.loads(run(home, "search", "foster", "--since", "2016", "--format", "json", "--limit", "50").output)
    assert late and all(h["meeting_date"] >= "2016-01-01" for h in late)
    early = json.loads(run(home, "search", "foster", "--until", "2015-06", "--format", "json", "--limit", "50").output)
    assert early and all(h["meeting_date"] <= "2015-06-30" for h in early)


def test_search_csv_has_a_header_and_rows(home):
    result = run(home, "search", "pupil premium", "--format", "csv", "--limit", "2")
    lines = result.output.strip().splitlines()
    assert lines[0].startswith("id,kind,committee,meeting_date")
    assert len(lines) >= 3


def test_bad_date_is_a_plain_sentence(home):
    result = run(home, "search", "foster", "--since", "last tuesday")
    assert result.exit_code == 2
    assert "is not a date like" in result.output
    assert "Traceback" not in result.output


def test_show_a_meeting_and_a_record(home):
    result = run(home, "show", "mtg-2016-05-26-corporate-parenting-panel")
    assert result.exit_code == 0
    assert "153. Head Teacher of Virtual School Kent update report (Item B4)" in result.output
    assert "Ms M Emptage (for Ms S Dunn)" in result.output
    assert result.output.count("(for Ms C J Cribbon)") == 1
    assert "Miss T A Grayell (Democratic Services Officer)" in result.output
    assert "RESOLVED that" in result.output
    hit = json.loads(run(home, "search", "pupil premium", "--format", "json").output)[0]
    shown = json.loads(run(home, "show", hit["id"], "--format", "json").output)
    assert shown["id"] == hit["id"] and shown["source"] == hit["source"]
    missing = run(home, "show", "no-such-id")
    assert missing.exit_code == 2 and "No record" in missing.output


def test_export_lines_carry_the_contract_fields(home):
    result = run(home, "export", "--format", "jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    by_type = {}
    for record in records:
        by_type.setdefault(record["type"], []).append(record)
    required = {
        "source": {"id", "path", "sha256", "format", "pages", "status", "error"},
        "meeting": {"id", "committee", "date", "time", "venue", "sources"},
        "minute_item": {"id", "meeting", "number", "title", "agenda_ref", "text", "source", "page", "line"},
        "resolution": {"id", "meeting", "minute", "text", "parts", "source", "page", "line"},
    }
    for kind, fields in required.items():
        assert by_type.get(kind), kind
        for record in by_type[kind]:
            assert fields <= record.keys(), (kind, fields - record.keys())
    assert len(by_type["source"]) == 5
    meeting_ids = {m["id"] for m in by_type["meeting"]}
    assert all(item["meeting"] in meeting_ids for item in by_type["minute_item"])


def test_reindex_gives_the_same_answers(samples_home_copy):
    home = samples_home_copy
    queries = ["pupil premium", "foster carers survey", '"supported lodgings"', "Segurola"]
    before = [json.loads(run(home, "search", q, "--format", "json").output) for q in queries]
    result = run(home, "reindex")
    assert result.exit_code == 0 and "Indexed" in result.output
    after = [json.loads(run(home, "search", q, "--format", "json").output) for q in queries]
    assert [[h["id"] for h in hits] for hits in before] == [[h["id"] for h in hits] for hits in after]
    assert any(before)


def test_stats_counts_what_was_stored(home):
    rows = json.loads(run(home, "stats", "--format", "json").output)
    counts = {r["what"]: r["count"] for r in rows}
    assert counts["sources"] == 5
    assert counts["minute_item"] > 50 and counts["resolution"] > 30
    indexed = ("minute_item", "resolution", "agenda_item", "passage", "report", "action")
    assert counts["index documents"] == sum(counts.get(kind, 0) for kind in indexed)
    assert counts["agenda_item"] >= 20 and counts["report"] >= 10 and counts["attendance"] > 50


def test_changed_file_replaces_its_records_and_same_content_elsewhere_is_recognised(tmp_path):
    home = tmp_path / "home"
    papers = tmp_path / "papers"
    papers.mkdir()
    sample = papers / "webpage.txt"
    shutil.copy(SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt", sample)
    assert run(home, "ingest", str(papers)).exit_code == 0
    copy = papers / "copy-of-webpage.txt"
    shutil.copy(sample, copy)
    result = run(home, "ingest", str(papers))
    assert "1 duplicate" in result.output and "1 unchanged" in result.output
    sample.write_text(sample.read_text().replace("Pupil Premium", "Pupil Funding"))
    result = run(home, "ingest", str(sample))
    assert "1 ingested" in result.output
    hits = json.loads(run(home, "search", '"pupil funding"', "--format", "json").output)
    assert hits and all(h["source"] == str(sample.resolve()) for h in hits)


def test_bad_files_are_reported_one_line_each_and_the_batch_goes_on(tmp_path):
    from fpdf import FPDF

    home = tmp_path / "home"
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "empty.txt").write_bytes(b"")
    (papers / "corrupt.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ngarbage")
    (papers / "binary.txt").write_bytes(bytes(range(256)) * 8)
    scanned = FPDF()
    scanned.add_page()
    scanned.rect(20, 20, 100, 100)
    scanned.output(str(papers / "scanned.pdf"))
    locked = FPDF()
    locked.set_encryption(owner_password="owner", user_password="secret")
    locked.add_page()
    locked.set_font("helvetica", size=12)
    locked.cell(text="MINUTES of a meeting of the Panel held at County Hall on 1 May 2016.")
    locked.output(str(papers / "encrypted.pdf"))
    shutil.copy(SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt", papers / "good.txt")

    result = run(home, "ingest", str(papers))
    assert result.exit_code == 1
    assert "6 files: 1 ingested, 0 unchanged, 5 failed" in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 5
    for name in ("empty.txt", "corrupt.pdf", "binary.txt", "scanned.pdf", "encrypted.pdf"):
        assert any(name in line for line in errors), name
    assert any("scanned" in line and "no text layer" in line for line in errors)
    assert any("encrypted" in line.lower() for line in errors if "encrypted.pdf" in line)
    assert "Traceback" not in result.output
    rows = json.loads(run(home, "stats", "--format", "json").output)
    counts = {r["what"]: r["count"] for r in rows}
    assert counts["sources failed"] == 5 and counts["minute_item"] > 5


def test_a_file_that_turns_bad_keeps_what_was_stored(tmp_path):
    home = tmp_path / "home"
    paper = tmp_path / "minutes.txt"
    shutil.copy(SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt", paper)
    assert run(home, "ingest", str(paper)).exit_code == 0
    before = json.loads(run(home, "search", "pupil premium", "--format", "json").output)
    paper.write_bytes(b"\x00\x01\x02" * 100)
    assert run(home, "ingest", str(paper)).exit_code == 1
    after = json.loads(run(home, "search", "pupil premium", "--format", "json").output)
    assert before and [h["id"] for h in after] == [h["id"] for h in before]


def test_missing_path_is_reported(tmp_path):
    result = run(tmp_path / "home", "ingest", str(tmp_path / "nowhere.pdf"))
    assert result.exit_code == 1
    assert "nowhere.pdf: no such file or folder" in result.output


def test_real_pdfs_ingest_with_pages_and_clear_errors(shared_file, tmp_path):
    home = tmp_path / "home"
    papers = tmp_path / "papers"  # the named papers only, whatever else ../shared holds
    papers.mkdir()
    for name in REAL_PAPERS:
        shutil.copy(shared_file(f"pdfs/{name}"), papers / name)
    # Without OCR (tests/test_ingest_ocr.py has it): the scan and the garbled file fail clearly.
    result = run(home, "ingest", "--no-ocr", str(papers))
    assert result.exit_code == 1
    assert "11 files: 9 ingested, 0 unchanged, 2 failed" in result.output
    assert "omaha-planning-2012-10-16-scanned-no-text-layer.pdf: no text layer" in result.output
    assert "horsley-parish-council-2014-03-18-minutes-garbled-text-layer.pdf: garbled text layer" in result.output
    hits = json.loads(run(home, "search", "devolution", "--format", "json").output)
    assert hits and hits[0]["committee"] == "County Council" and hits[0]["page"]


def test_a_meeting_told_by_a_pack_and_a_web_page_gives_each_minute_once(home):
    records = [json.loads(line) for line in run(home, "export").output.splitlines()]
    items = [r for r in records if r["type"] == "minute_item" and r["meeting"] == "mtg-2016-05-26-corporate-parenting-panel"]
    numbers = [i["number"] for i in items]
    assert numbers == [str(n) for n in range(144, 155)]
    pupil = next(i for i in items if i["number"] == "153")
    sources = {Path(place["source"]).name for place in pupil["attested_by"]}
    assert sources == {
        "kent-corporate-parenting-panel-2016-07-20-agenda-pack.txt",
        "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt",
    }
    assert pupil["page"] == 15  # the printed minutes, with a page, are the fuller record
    resolutions = [r for r in records if r["type"] == "resolution" and r["meeting"] == pupil["meeting"]]
    assert all(r["minute"] for r in resolutions)
    assert len([r for r in resolutions if r["minute"] == "145"]) == 1


def test_a_folder_with_entries_that_cannot_be_read(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt", papers / "good.txt")
    (papers / "gone.pdf").symlink_to(tmp_path / "deleted-since.pdf")  # a link to nothing
    (papers / "folder.txt").mkdir()  # a folder with a paper's name
    result = run(tmp_path / "home", "ingest", str(papers))
    assert result.exit_code == 1
    assert "files: 1 ingested" in result.output
    assert "gone.pdf:" in result.output
    assert "Traceback" not in result.output
