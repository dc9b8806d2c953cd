"""A pack split into its documents: front sheet, minutes, reports, records of
decision, appendices; and a file that is a single document."""

from pathlib import Path

import pytest
from helpers import lines_of

from councilpapers.ingest.model import Line
from councilpapers.ingest.segment.cover_sheets import find_cover_sheets
from councilpapers.ingest.segment.documents import split_documents
from councilpapers.ingest.segment.meetings import find_meeting_headings


def split(lines: list[Line]):
    return split_documents(lines, find_meeting_headings(lines), find_cover_sheets(lines))


def starts(lines: list[Line]) -> list[tuple[str, int]]:
    return [(doc.kind, lines[doc.index].number) for doc in split(lines)]


PACK = """\
AGENDA
CORPORATE PARENTING PANEL
Wednesday, 20th July, 2016, at 1.00 pm
A1 Apologies and substitutes
A2 Minutes of the meeting of this Panel held on 26 May 2016 (Pages 5 - 16)
B1 Placement Stability Report (Pages 17 - 30)
Peter Sass
Head of Democratic Services
Tuesday, 12 July 2016
 KENT COUNTY COUNCIL
CORPORATE PARENTING PANEL
MINUTES of a meeting of the Corporate Parenting Panel held in Darent Room,
Sessions House, County Hall, Maidstone on Thursday, 26 May 2016.
PRESENT: Mrs A D Allen, MBE (Chairman)
144. Apologies and substitutes
Apologies for absence had been received from Mr R Brookbank.
Page 3
 Agenda Item B1

By: Peter Oakford, Cabinet Member for Specialist Children's Services
To: Corporate Parenting Panel – 20 July 2016
Subject: PLACEMENT STABILITY REPORT
Classification: Unrestricted
Summary: The report on placement stability was requested by the Panel.
1. Introduction
1.1 The analysis is attached as Appendix 1.
2. Lead Officer
Sarah Skinner
Sarah.skinner@kent.gov.uk
3. Appendices
Appendix 1- Placement moves analysis 2016




Placement moves of children in care, 2015-16
Children under 5 with three or more moves
"""


def test_pack_splits_into_front_sheet_minutes_report_and_appendix():
    lines = lines_of(PACK)
    documents = split(lines)
    assert [(d.kind, lines[d.index].number) for d in documents] == [
        ("agenda", 1), ("minutes", 10), ("report", 18), ("appendix", 36),
    ]
    assert documents[0].title == "Agenda - Corporate Parenting Panel, Wednesday 20 July 2016"
    assert documents[1].title == "Minutes of the Corporate Parenting Panel, 26 May 2016"
    assert documents[2].title == "Placement Stability Report"
    assert documents[3].title == "Appendix 1 - Placement moves analysis 2016"


def test_documents_end_where_the_next_begins_and_the_front_sheet_at_its_signature():
    lines = lines_of(PACK)
    documents = split(lines)
    assert lines[documents[0].end - 1].text == "Tuesday, 12 July 2016"
    assert documents[1].end == documents[2].index
    assert documents[-1].end == len(lines)


def test_the_same_pack_without_blank_lines():
    assert starts(lines_of(PACK, keep_blank=False)) == [
        ("agenda", 1), ("minutes", 10), ("report", 18), ("appendix", 36),
    ]


def test_pdftotext_leading_space_marks_a_page_top_but_not_a_bulleted_list():
    page_top = PACK.replace("\n\n\n\nPlacement moves", "\n Placement moves")
    assert starts(lines_of(page_top))[-1] == ("appendix", 33)
    bullets = page_top.replace("\nChildren under 5", "\n Children under 5")
    assert starts(lines_of(bullets))[-1] == ("report", 18)


def test_no_appendix_when_the_report_mentions_none():
    text = (PACK.replace("as Appendix 1.", "below.").replace("3. Appendices", "3. Background documents")
            .replace("Appendix 1- Placement moves analysis 2016", "None"))
    assert [kind for kind, _ in starts(lines_of(text))] == ["agenda", "minutes", "report"]


def test_banner_over_an_unrecognised_paper_starts_a_document_of_its_own():
    text = """\
KENT COUNTY COUNCIL
CORPORATE PARENTING PANEL
MINUTES of a meeting of the Corporate Parenting Panel held in Darent Room on Thursday, 26 May 2016.
144. Apologies and substitutes
Apologies for absence had been received from Mr R Brookbank.
Agenda Item B2
Kent Fostering Service Annual Report 2015-16
The fostering service recruited 150 new foster carers.
"""
    lines = lines_of(text)
    documents = split(lines)
    assert [(d.kind, lines[d.index].number) for d in documents] == [("minutes", 1), ("other", 6)]
    assert documents[1].title == "Kent Fostering Service Annual Report 2015-16"


def test_record_of_decision_is_its_own_document_with_number_and_subject():
    text = """\
By: Graham Gibbens, Cabinet Member, Adult Social Care and Public Health
To: Children's Health and Social Care Cabinet Committee
Subject: Commissioning Transfer of the Health Visiting Service - October 2015
Classification: Unrestricted
1. Introduction
The contract ends in September.
 KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION

DECISION TO BE TAKEN BY:
Cabinet Member for Adult Social Care & Public Health
DECISION NO:
15/00068
For publication
Subject: Entering into a contract for Health Visiting services.
Decision:
"""
    lines = lines_of(text)
    documents = split(lines)
    assert [(d.kind, lines[d.index].number) for d in documents] == [("report", 1), ("other", 7)]
    assert documents[1].title == (
        "Kent County Council - Proposed Record of Decision 15/00068: "
        "Entering into a contract for Health Visiting services"
    )


def test_appendix_heading_at_a_page_top_repeated_on_each_page_starts_once():
    lines = [
        Line(1, 1, "Dear Member"),
        Line(2, 1, "Enclosed are the budget amendments."),
        Line(3, 2, "APPENDIX F: 2025-28 ALTERNATIVE BUDGET - SPENDING"),
        Line(4, 2, "Adult Social Care 12.3"),
        Line(5, 3, "APPENDIX F: 2025-28 ALTERNATIVE BUDGET - SAVINGS"),
        Line(6, 3, "Highways 4.1"),
        Line(7, 3, "Appendix 2 shows the savings by year."),
        Line(8, 4, "APPENDIX G: RESERVES"),
    ]
    documents = split_documents(lines, [], [])
    assert [(d.kind, d.index) for d in documents] == [("appendix", 2), ("appendix", 7)]
    assert documents[0].title == "APPENDIX F: 2025-28 ALTERNATIVE BUDGET - SPENDING"


def test_appendix_mentioned_in_a_list_is_not_an_appendix():
    lines = [Line(1, 1, "6. Appendices"), Line(2, 2, "Appendix 1- LILAC final report for KCC 2015")]
    assert [d.kind for d in split_documents(lines, [], [])] == ["other"]


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Opening statements\nOur strategy to deliver good corporate parenting.\nThis strategy seeks to develop.",
         "strategy"),
        ("Kingston Neighbourhood Committee\n15 January 2026\nPetition Regarding Manorgate\nRoad\n"
         "Report by Matthew Hill, Director, Highways", "report"),
        ("EAST PALO ALTO\nPLANNING COMMISSION\nREGULAR MEETING MINUTES\nJanuary 27, 2020", "minutes"),
        ("Opening statements\nThe strategy is mentioned once.", "other"),
    ],
)
def test_a_file_that_is_one_document(text, kind):
    [document] = split(lines_of(text))
    assert (document.kind, document.index) == (kind, 0)


def test_a_report_file_is_titled_by_the_lines_after_its_meeting_date():
    text = ("Kingston Neighbourhood Committee\n15 January 2026\nPetition Regarding Manorgate\nRoad\n"
            "Report by Matthew Hill, Director, Highways")
    [document] = split(lines_of(text))
    assert document.title == "Petition Regarding Manorgate Road"


def _read(path: Path) -> list[Line]:
    from councilpapers.ingest.readers import read_file

    return read_file(path).body()


def test_kent_cabinet_front_sheet_pdf_is_one_agenda(shared_file):
    lines = _read(shared_file("pdfs/kent-cabinet-2025-01-30-agenda-frontsheet.pdf"))
    [document] = split(lines)
    assert (document.kind, document.index, document.end) == ("agenda", 0, len(lines))
    assert document.title == "Agenda - Cabinet, Thursday 30 January 2025"


def test_kent_record_of_decision_pdf_is_a_letter_then_the_record(shared_file):
    lines = _read(shared_file("pdfs/kent-cabinet-2025-01-30-proposed-record-of-decision-24-00096.pdf"))
    letter, record = split(lines)
    assert (letter.kind, letter.index) == ("other", 0)
    assert record.kind == "other"
    assert lines[record.index].text.startswith("KENT COUNTY COUNCIL")
    assert "24/00096: Commissioning Plan for Education Provision in Kent 2025-29" in record.title
