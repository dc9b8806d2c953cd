"""Reports in any council's layout, each tied to the meeting it was written
for: cover sheets, label-free report headings, records of decision sent on
their own; and the real papers of the dev folders (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import Piece, make_layout_pdf

from councilpapers.corpus.records import Document, Report, Resolution
from councilpapers.ingest.model import ExtractedText, Line
from councilpapers.ingest.pipeline import extract
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.segment.decision_records import (
    find_decision_records,
    record_title,
)

SHARED = Path(__file__).resolve().parents[2] / "shared"
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
LONG_LINE = "The scheme was designed after two years of flooding in the lower town, with the Environment Agency's help."


def lines_of(text: str, bold: set[int] | None = None) -> list[Line]:
    """One Line a line of `text`; with `bold`, the lines numbered in it (from 1)
    are bold and the others not, as a PDF reader gives them; without, weight
    is unknown, as in plain text."""
    return [Line(n, 1, t, bold=None if bold is None else n in bold) for n, t in enumerate(text.splitlines(), 1)]


def extracted(lines: list[Line], name: str = "paper.pdf"):
    return extract(ExtractedText("pdf", lines), name, "d" * 64)


def of_type(extraction, kind):
    return [r for r in extraction.records if isinstance(r, kind)]


def read_pdf(tmp_path: Path, pdf: bytes) -> ExtractedText:
    path = tmp_path / "paper.pdf"
    path.write_bytes(pdf)
    return read_file(path)


# --- a borough's report without labels --------------------------------------------------

BOROUGH = """\
Harbourside Area Committee
3 March 2025
Seafront Cycle Lane - Results of Informal Consultation
Report by Priya Shah, Head of Sustainable Travel
Lead Member: Councillor Ed Marsh, Lead Member for Transport and
Highways
Purpose of Report
To report the results of the informal consultation on a seafront cycle lane.
Recommendation(s)
The Committee is asked to RESOLVE that:
1. the results of the consultation be noted;
2. the scheme proceed to statutory consultation.
Benefits to the Community:
Safer cycling along the seafront.
Key Points
A. The lane would run from the pier to the marina.
"""


def test_a_borough_report_headed_by_its_committee_and_date():
    extraction = extracted(lines_of(BOROUGH, bold={1, 3, 7, 9, 10, 13, 15}))
    [report] = of_type(extraction, Report)
    assert report.subject == "Seafront Cycle Lane - Results of Informal Consultation"
    assert report.by == ["Priya Shah, Head of Sustainable Travel"]
    assert report.to == "Harbourside Area Committee - 3 March 2025"
    assert report.summary == "To report the results of the informal consultation on a seafront cycle lane."
    assert report.recommendations == (
        "The Committee is asked to RESOLVE that: 1. the results of the consultation be noted; "
        "2. the scheme proceed to statutory consultation."
    )
    [meeting] = extraction.meetings
    assert (meeting.committee, meeting.date) == ("Harbourside Area Committee", "2025-03-03")
    assert report.meeting == meeting.id
    assert of_type(extraction, Resolution) == []  # recommendations, not decisions


# --- records of decision ------------------------------------------------------------------

def test_a_record_of_decision_sent_alone_is_a_report_for_the_meeting_it_goes_to(tmp_path):
    text = read_pdf(tmp_path, make_layout_pdf([[
        Piece("NORTHSHIRE COUNTY COUNCIL - PROPOSED RECORD OF DECISION", bold=True, size=14),
        [Piece("DECISION TO BE TAKEN BY:", x=20, bold=True), Piece("DECISION NUMBER:", x=130, bold=True)],
        [Piece("Environment Committee", x=20), Piece("25/00412", x=130)],
        Piece("Title of Decision: Flood Alleviation Scheme for the River Wendle -", bold=True),
        Piece("Phase Two", bold=True),
        Piece("Decision:", bold=True),
        Piece("The Committee agree to:"),
        Piece("a) approve the second phase of the scheme"),
        Piece("Reason(s) for decision:", bold=True),
        Piece(LONG_LINE),
        Piece("Consultation:", bold=True),
        Piece("The proposal will be considered by the Environment Committee at its meeting on 4 March 2025."),
        Piece("signed"),
    ]]))
    extraction = extract(text, "record.pdf", "e" * 64)
    [report] = of_type(extraction, Report)
    assert report.decision_no == "25/00412"
    assert report.subject == "Flood Alleviation Scheme for the River Wendle - Phase Two"
    assert report.by == [] and report.to is None
    assert report.recommendations == "The Committee agree to: a) approve the second phase of the scheme"
    [meeting] = extraction.meetings
    assert (meeting.committee, meeting.date, report.meeting) == ("Environment Committee", "2025-03-04", meeting.id)
    [document] = of_type(extraction, Document)
    assert document.kind == "other" and document.meeting == meeting.id
    assert document.title == ("Northshire County Council - Proposed Record of Decision 25/00412: "
                              "Flood Alleviation Scheme for the River Wendle - Phase Two")


def test_a_decision_taken_by_a_post_names_no_meeting():
    lines = lines_of("""\
RECORD OF DECISION
DECISION TO BE TAKEN BY:
Cabinet Member for Housing
DECISION NO:
25/00031
Subject: Extending the temporary accommodation contract
Decision:
I agree to extend the contract.
The decision will be considered by the Cabinet Member for Housing on 3 April 2025.
""")
    [record] = find_decision_records(lines)
    assert (record.number, record.taker, record.meeting) == ("25/00031", "Cabinet Member for Housing", None)
    assert record_title(record) == "Record of Decision 25/00031: Extending the temporary accommodation contract"


PACK = """\
AGENDA
ENVIRONMENT AND TRANSPORT SCRUTINY COMMITTEE
Thursday, 5th June, 2025, at 10.00 am
A1 Apologies and substitutes
B1 Bus Shelter Renewal (Pages 3 - 8)
B2 Street Lighting Contract (Pages 9 - 12)
Anna Reed
Head of Democratic Services
Wednesday, 28 May 2025
 Agenda Item B1

By: Sam Cole, Cabinet Member for Transport
To: Transport and Environment Scrutiny Committee
Date: 5 June 2025
Subject: Bus Shelter Renewal
Decision No: 25/00077
Classification: Unrestricted
1. Introduction
1.1 Shelters are replaced every twenty years.
 NORTHSHIRE COUNTY COUNCIL – PROPOSED RECORD OF DECISION

DECISION TO BE TAKEN BY:
Cabinet Member for Transport
DECISION NO:
25/00077
Subject: Bus Shelter Renewal
Decision:
I propose to renew the shelters.
 NORTHSHIRE COUNTY COUNCIL – PROPOSED RECORD OF DECISION

DECISION TO BE TAKEN BY:
Cabinet Member for Transport
DECISION NO:
25/00080
Subject: Street Lighting Contract
Decision:
I propose to award the contract.
"""


def test_in_a_pack_the_record_a_cover_sheet_carries_is_no_second_report():
    extraction = extracted(lines_of(PACK), "pack.txt")
    reports = of_type(extraction, Report)
    assert [(r.decision_no, r.subject) for r in reports] == [
        ("25/00077", "Bus Shelter Renewal"),  # the cover sheet's; its record is attached to it
        ("25/00080", "Street Lighting Contract"),  # a record no cover sheet carries
    ]
    # "To:" names the front sheet's committee in other words, with the date of
    # "Date:": the same meeting, not another.
    [meeting] = extraction.meetings
    assert (meeting.committee, meeting.date) == ("Environment and Transport Scrutiny Committee", "2025-06-05")
    assert {r.meeting for r in reports} == {meeting.id}
    kinds = [(d.kind, d.title.split(":")[0]) for d in of_type(extraction, Document)]
    assert kinds == [
        ("agenda", "Agenda - Environment and Transport Scrutiny Committee, Thursday 5 June 2025"),
        ("report", "Bus Shelter Renewal"),
        ("other", "Northshire County Council - Proposed Record of Decision 25/00077"),
        ("other", "Northshire County Council - Proposed Record of Decision 25/00080"),
    ]


def test_a_report_is_for_the_meeting_its_to_names_not_the_packs():
    lines = lines_of("""\
AGENDA
ENVIRONMENT AND TRANSPORT SCRUTINY COMMITTEE
Thursday, 5th June, 2025, at 10.00 am
A1 Apologies and substitutes
B1 Bus Shelter Renewal (Pages 3 - 8)
Anna Reed
Head of Democratic Services
Wednesday, 28 May 2025
 Agenda Item B1
From: Sam Cole, Cabinet Member for Transport
To: Cabinet – 19 June 2025
Subject: Bus Shelter Renewal
1. Introduction
""")
    extraction = extracted(lines, "pack.txt")
    [report] = of_type(extraction, Report)
    cabinet = next(m for m in extraction.meetings if m.committee == "Cabinet")
    assert (report.meeting, cabinet.date) == (cabinet.id, "2025-06-19")


# --- real papers (skipped when the dev folders are absent) --------------------------------

def shared_paper(folder: str, name: str):
    path = SHARED / folder / name
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    return extract(read_file(path), str(path), "f" * 64)


def test_kent_cover_sheet_with_labels_and_values_in_two_columns_and_no_colons():
    extraction = shared_paper("pdfs", "kent-cabinet-2025-01-30-finance-monitoring-report.pdf")
    [report] = of_type(extraction, Report)
    assert report.by == [
        "Deputy Leader and Cabinet Member for Finance, Corporate and Traded Services, Peter Oakford",
        "Interim Corporate Director Finance, John Betts",
        "Corporate Directors",
    ]
    assert (report.to, report.classification) == ("Cabinet – 30 January 2025", "Unrestricted")
    assert report.subject.startswith("Finance Monitoring Report")
    assert report.meeting == "mtg-2025-01-30-cabinet"


def test_kent_report_with_three_authors_and_status():
    extraction = shared_paper("pdfs-kent", "kent-county-council-2025-03-13-report-governance-update.pdf")
    [report] = of_type(extraction, Report)
    assert report.by == [
        "Roger Gough, Leader of the Council",
        "Dylan Jeffrey, Cabinet Member for Communications and Democratic Services",
        "Ben Watts – General Counsel",
    ]
    assert (report.subject, report.classification) == ("Governance Update", "Unrestricted")
    assert report.meeting == "mtg-2025-03-13-county-council"


def test_kent_proposed_record_of_decision_on_its_own():
    extraction = shared_paper("pdfs-kent", "kent-cabinet-2025-01-30-proposed-record-of-decision-24-00108.pdf")
    [report] = of_type(extraction, Report)
    assert report.decision_no == "24/00108"
    assert report.subject == "Revenue and Capital Budget Monitoring Report – September 2024-2025"
    assert report.meeting == "mtg-2025-01-30-cabinet"  # "A report will be presented to Cabinet on 30 January 2025"


def test_kingston_report_without_labels():
    extraction = shared_paper("pdfs-more", "kingston-neighbourhood-committee-2026-01-15-zebra-crossing-report.pdf")
    [report] = of_type(extraction, Report)
    assert report.subject == "Coombe Lane West Zebra Crossing - Local Consultation Results"
    assert report.by == ["Matthew Hill, Director Highways, Transport and Regulatory Services"]
    assert report.meeting == "mtg-2026-01-15-kingston-and-north-kingston-neighbourhood-committee"
    assert report.recommendations.startswith("The Committee is asked to RESOLVE that: 1. the result")
    assert report.recommendations.endswith("once both Committees have considered the matter.")
    assert of_type(extraction, Resolution) == []


def test_every_kent_report_is_linked_to_its_meeting():
    folder = SHARED / "pdfs-kent"
    papers = sorted(folder.glob("*-report-*.pdf")) + sorted(folder.glob("*record-of-decision*.pdf"))
    if not papers:
        pytest.skip(f"{folder} is not here")
    for path in papers:
        extraction = extract(read_file(path), str(path), "f" * 64)
        reports = of_type(extraction, Report)
        assert reports, path.name
        for report in reports:
            meeting = next(m for m in extraction.meetings if m.id == report.meeting)
            assert meeting.date in path.name, path.name  # the files are named by their meeting's date


def test_the_samples_packs_records_of_decision_are_their_reports():
    path = SAMPLES / "kent-childrens-social-care-and-health-cabinet-committee-2015-07-22-agenda-pack.txt"
    if not path.is_file():
        pytest.skip(f"{path} is not here")
    extraction = extract(read_file(path), str(path), "f" * 64)
    reports = of_type(extraction, Report)
    assert len(reports) == 9
    assert [r.decision_no for r in reports if r.decision_no] == ["15/00068", "15/00067", "14/00081"]
    assert {r.meeting for r in reports} == {"mtg-2015-07-22-childrens-social-care-and-health-cabinet-committee"}
