"""Agenda items as other councils print them: a parish agenda with stacked
entries, a district council summons, a borough committee's front sheet with
its page ranges in a right-hand column, every numbering style, sub-items,
"to follow" notes, exempt business and where the front sheet ends. Made-up
councils and wording; the Kent and parish dev papers where they are present."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import Piece, make_layout_pdf, make_pdf

from councilpapers.corpus.records import AgendaItem
from councilpapers.ingest.model import Line
from councilpapers.ingest.pipeline import extract
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.segment.agenda import find_agenda_items, front_sheet_end
from councilpapers.ingest.segment.meetings import find_meeting_headings


def pdf_lines(text: str) -> list[Line]:
    """Lines as the PDF reader gives them: blank lines dropped and numbered on,
    so no gap in the numbering marks a blank (helpers.lines_of keeps the gaps)."""
    return [Line(n, 1, t) for n, t in enumerate((t for t in text.splitlines() if t.strip()), 1)]


def items_of(text: str) -> list[tuple]:
    lines = pdf_lines(text)
    return [(i.code, i.title, i.first_page, i.last_page, i.exempt) for i in find_agenda_items(lines, 0, len(lines))]


def titles_of(text: str) -> list[tuple[str, str]]:
    return [(code, title) for code, title, *_ in items_of(text)]


def pdf_items(tmp_path: Path, pages: list[list]) -> tuple[list[AgendaItem], list]:
    path = tmp_path / "agenda.pdf"
    path.write_bytes(make_pdf(pages))
    extraction = extract(read_file(path), str(path), "0" * 64)
    return [r for r in extraction.records if isinstance(r, AgendaItem)], extraction.meetings


PARISH_AGENDA = """\
ASHWELL PARISH COUNCIL
Notice is hereby given that a meeting of Ashwell Parish Council will be held in the Village Hall
on Monday 14th April 2025 at 7.30pm.
AGENDA
1. To receive apologies for absence
2. To receive declarations of interest
3. To approve the minutes of the meeting held on 10th March 2025
4. Planning - Applications received
25/00112/FUL 12 Church Lane - rear extension
25/00131/HH The Old Forge - porch
5. Finance - Payments for approval
Clerk's salary £412.50
Hall hire £36.00
6. Highways and footpaths - Church Lane drainage
7. Date of next meeting
Signed: A. Clarke, Clerk to the Council
Date: 7th April 2025
"""


def test_parish_agenda_titles_end_before_their_stacked_entries():
    lines = pdf_lines(PARISH_AGENDA)
    heading = find_meeting_headings(lines)[0]
    end = front_sheet_end(lines, heading.end)
    assert [(i.code, i.title) for i in find_agenda_items(lines, heading.end, end)] == [
        ("1", "To receive apologies for absence"),
        ("2", "To receive declarations of interest"),
        ("3", "To approve the minutes of the meeting held on 10th March 2025"),
        ("4", "Planning"),
        ("5", "Finance"),
        ("6", "Highways and footpaths - Church Lane drainage"),  # no entries below: the dash is the title's
        ("7", "Date of next meeting"),
    ]
    assert lines[end - 1].text == "Date: 7th April 2025"  # the sign-off and its date close the sheet


DISTRICT_SUMMONS = [
    ["Summons to and", "Agenda for a meeting of the", "Council on", "Wednesday, 26th March, 2025", "at 7.00 pm"],
    [],  # a blank page, as summonses print one behind the cover
    [
        "NORTHDALE DISTRICT COUNCIL",
        "Council Offices, Market Place, Northdale",
        "To: All Members of the Council",
        "A meeting of the Council will be held at the Civic Centre, Northdale on Wednesday, 26th March,",
        "2025 at 7.00 pm to transact the following business.",
        "AGENDA",
        "1 Apologies for Absence",
        "2 Minutes",
        "To approve as a correct record the minutes of the meeting held on 29 January 2025 (Pages 5 - 12)",
        "3 Declarations of Interest",
        "4 Recommendations from Cabinet",
        "4.1 Budget 2025/26 and Council Tax (Pages 13 - 40)",
        "4.2 Capital Strategy (Pages 41 - 56)",
        "5 Questions from Members of the Public - To follow",
        "6 Exclusion of the Press and Public",
        "To resolve that under Section 100A(4) of the Local Government Act 1972 the public be excluded",
        "from the meeting for the following item of business.",
        "7 Sale of Land at Mill Road (Pages 57 - 60)",
        "Jane Hollis",
        "Chief Executive",
    ],
]


def test_district_summons_items_under_the_summons_sentence(tmp_path):
    items, meetings = pdf_items(tmp_path, DISTRICT_SUMMONS)
    assert [(i.code, i.title, i.first_page, i.last_page, i.exempt) for i in items] == [
        ("1", "Apologies for Absence", None, None, False),
        ("2", "Minutes", 5, 12, False),  # the range printed with its description
        ("3", "Declarations of Interest", None, None, False),
        ("4", "Recommendations from Cabinet", 13, 56, False),  # its sub-items' papers
        ("5", "Questions from Members of the Public", None, None, False),
        ("6", "Exclusion of the Press and Public", None, None, False),  # the motion is moved in public
        ("7", "Sale of Land at Mill Road", 57, 60, True),
    ]
    assert {i.meeting for i in items} == {m.id for m in meetings if m.date == "2025-03-26"}
    assert all(i.page == 3 for i in items)


def item_line(code: str, title: str, pages: str | None = None, title_x: float = 32) -> list[Piece]:
    """A numbered line: the code in its own left column, the title, a range flush right."""
    return [Piece(code, x=20), Piece(title, x=title_x)] + ([Piece(pages, align="R", bold=True)] if pages else [])


def pdf_layout_items(tmp_path: Path, lines: list) -> list[AgendaItem]:
    path = tmp_path / "agenda.pdf"
    path.write_bytes(make_layout_pdf([lines]))
    extraction = extract(read_file(path), str(path), "0" * 64)
    return [r for r in extraction.records if isinstance(r, AgendaItem)]


BOROUGH_FRONT_SHEET = [
    Piece("AGENDA", align="C", bold=True),
    Piece("PLANNING COMMITTEE", align="C", bold=True),
    Piece("Tuesday, 4th February, 2025, at 6.30 pm", bold=True),
    Piece("Committee Room 1, Town Hall, Riverside"),
    item_line("1.", "Apologies for Absence and Substitutions"),
    item_line("2.", "Declarations of Disclosable Pecuniary Interests or Other Registrable"),
    Piece("Interests in items on the agenda", x=32),
    item_line("3.", "Minutes of the Meeting held on 7 January", "(Pages 1 - 8)"),
    Piece("2025", x=32),
    item_line("4.", "Planning Application 24/01234/FUL - Land North of", "(Pages 9 - 34)"),
    Piece("Station Road, Hollybrook", x=32),
    item_line("5.", "Planning Application 24/01301/OUT - Former Depot Site, Canal", "(Pages 35 - 60)"),
    Piece("Street, Riverside", x=32),
    item_line("6.", "Appeal Decisions", "(Pages 61 - 64)"),
    Piece("PART 2 - EXEMPT ITEMS", bold=True),
    item_line("7.", "Enforcement Update", "(Pages 65 - 70)"),
    Piece("Mark Dunne", align="R"),
    Piece("Head of Legal and Democratic Services", align="R"),
]


def test_borough_front_sheet_with_page_ranges_in_a_right_column(tmp_path):
    items = pdf_layout_items(tmp_path, BOROUGH_FRONT_SHEET)
    assert [(i.code, i.title, i.first_page, i.last_page, i.exempt) for i in items] == [
        ("1", "Apologies for Absence and Substitutions", None, None, False),
        ("2", "Declarations of Disclosable Pecuniary Interests or Other Registrable Interests in items on the agenda",
         None, None, False),
        ("3", "Minutes of the Meeting held on 7 January 2025", 1, 8, False),
        ("4", "Planning Application 24/01234/FUL - Land North of Station Road, Hollybrook", 9, 34, False),
        ("5", "Planning Application 24/01301/OUT - Former Depot Site, Canal Street, Riverside", 35, 60, False),
        ("6", "Appeal Decisions", 61, 64, False),
        ("7", "Enforcement Update", 65, 70, True),
    ]


def test_parish_entries_stacked_in_a_second_column_are_no_part_of_the_title(tmp_path):
    lines = [
        Piece("HOLLYBROOK PARISH COUNCIL", align="C", bold=True),
        Piece("MEETING TO BE HELD ON MONDAY 12th MAY 2025 AT 7.30pm", align="C", bold=True),
        Piece("AGENDA"),
        item_line("1.", "To receive apologies for absence"),
        [Piece("2.", x=20), Piece("Finance -", x=32), Piece("Clerk's salary", x=70)],
        Piece("Hall hire", x=70),
        Piece("Insurance renewal", x=70),
        item_line("3.", "Reports - from representatives on outside bodies"),
        Piece("Village Hall Committee", x=32),
        Piece("Footpaths Group", x=32),
        item_line("4.", "Any Other Business"),
    ]
    assert [(i.code, i.title) for i in pdf_layout_items(tmp_path, lines)] == [
        ("1", "To receive apologies for absence"),
        ("2", "Finance"),
        # Lines below at the title's own start are no second column: the dash is the title's.
        ("3", "Reports - from representatives on outside bodies"),
        ("4", "Any Other Business"),
    ]


def test_page_range_after_the_whole_title_as_pdfium_orders_a_right_column():
    text = """\
1. Apologies for Absence
2. Declarations of Disclosable Pecuniary Interests or Other
Registrable Interests in items on the agenda
3. Minutes of the meetings held on 12 November and 10 December 2024 and,
if in order, to be approved as a correct record
(Pages 1 - 20)
4. Treasury Management Strategy and Capital Strategy 2025-26
(including the Minimum Revenue Provision Statement)
(Pages 21 - 90)
5. Leader's Report
"""
    assert items_of(text) == [
        ("1", "Apologies for Absence", None, None, False),
        ("2", "Declarations of Disclosable Pecuniary Interests or Other Registrable Interests in items on the agenda",
         None, None, False),
        ("3", ("Minutes of the meetings held on 12 November and 10 December 2024 and, if in order, to be approved "
               "as a correct record"), 1, 20, False),
        ("4", ("Treasury Management Strategy and Capital Strategy 2025-26 (including the Minimum Revenue Provision "
               "Statement)"), 21, 90, False),
        ("5", "Leader's Report", None, None, False),
    ]


@pytest.mark.parametrize(
    "codes, expected",
    [
        (["1.", "2.", "3."], ["1", "2", "3"]),
        (["1", "2", "3"], ["1", "2", "3"]),
        (["1)", "2)", "3)"], ["1", "2", "3"]),
        (["(1)", "(2)", "(3)"], ["1", "2", "3"]),
        (["Item 1", "Item 2:", "ITEM 3 -"], ["1", "2", "3"]),
        (["A1", "A2", "B1"], ["A1", "A2", "B1"]),
        (["3", "3a", "4"], ["3", "3a", "4"]),  # an agenda numbered on: the next number follows
    ],
)
def test_every_numbering_style(codes, expected):
    titles = ["Apologies for absence", "Minutes of the last meeting", "Annual Governance Statement"]
    text = "\n".join(f"{code} {title}" for code, title in zip(codes, titles))
    assert titles_of(text) == list(zip(expected, titles))


def test_code_alone_on_its_line_then_the_title():
    text = """\
1)
Apologies
2)
Review of the Statement of Licensing Policy and the Gambling Act 2005
Policy (Pages 3 - 40)
3)
Hackney Carriage Fares
The Committee is asked to consider a request to increase fares.
4)
Any other business
"""
    assert items_of(text) == [
        ("1", "Apologies", None, None, False),
        ("2", "Review of the Statement of Licensing Policy and the Gambling Act 2005 Policy", 3, 40, False),
        ("3", "Hackney Carriage Fares", None, None, False),
        ("4", "Any other business", None, None, False),
    ]


def test_numbering_carried_on_from_earlier_business():
    text = "54. Public Question Time\n55. Petitions\n56. Apologies for Absence\n57. Minutes (Pages 1 - 8)\n"
    assert [code for code, *_ in items_of(text)] == ["54", "55", "56", "57"]


def test_a_number_alone_is_no_start_without_the_next():
    text = "12 High Street, Lowtown\nTelephone 01234 567890\n1. Apologies\n2. Minutes\n"
    assert titles_of(text) == [("1", "Apologies"), ("2", "Minutes")]


def test_sub_items_and_numbered_paragraphs_belong_to_their_item():
    text = """\
(1) Apologies
(2) Budget monitoring
(a) Income and expenditure to 28 February 2025
(b) Bank reconciliation
5.1 Reserves (Pages 4 - 6)
(3) Grants to local organisations
"""
    assert items_of(text) == [
        ("1", "Apologies", None, None, False),
        ("2", "Budget monitoring", 4, 6, False),
        ("3", "Grants to local organisations", None, None, False),
    ]


def test_descriptions_are_not_titles():
    text = """\
1 Apologies for Absence
To receive apologies for absence.
2 Minutes of the Meeting of the Overview and Scrutiny Committee held on 3 March 2025
To confirm the minutes as a correct record.
3 Community Safety Partnership Annual Report
Report of the Head of Community Services
4 Work Programme
The Committee is asked to review its work programme for 2025-26.
"""
    assert titles_of(text) == [
        ("1", "Apologies for Absence"),
        ("2", "Minutes of the Meeting of the Overview and Scrutiny Committee held on 3 March 2025"),
        ("3", "Community Safety Partnership Annual Report"),
        ("4", "Work Programme"),
    ]


@pytest.mark.parametrize(
    "lines, title",
    [
        (["3. Local Plan Review - To follow"], "Local Plan Review"),
        (["3. Local Plan Review", "- To follow"], "Local Plan Review"),
        (["3. Local Plan Review (Report to follow)"], "Local Plan Review"),
        (["3. Local Plan Review report to follow"], "Local Plan Review"),
    ],
)
def test_to_follow_notes_are_no_part_of_the_title(lines, title):
    text = "\n".join(["1. Apologies", "2. Minutes", *lines, "4. Any Other Business"])
    assert titles_of(text)[2] == ("3", title)
    assert titles_of(text)[3] == ("4", "Any Other Business")


@pytest.mark.parametrize(
    "between",
    [
        "PART B - ITEMS CONSIDERED IN PRIVATE",
        "Part 2",
        "EXEMPT INFORMATION",
        "PRIVATE BUSINESS",
        "Items likely to be considered in private",
        "Motion to exclude the public",
    ],
)
def test_items_after_an_exempt_heading_are_exempt(between):
    text = f"1. Apologies\n2. Minutes\n{between}\n3. Contract Award for Waste Collection\n"
    assert [exempt for *_, exempt in items_of(text)] == [False, False, True]


def test_a_motion_in_an_items_body_makes_the_items_after_it_exempt():
    text = """\
1. Apologies
2. Exclusion of the Press and Public
To consider passing a resolution that the press and public be excluded from the meeting
for the following items, under paragraph 3 of
Part 1 of Schedule 12A to the Local Government Act 1972.
3. Disposal of the Old Library
4. Staffing Restructure (Exempt)
"""
    assert [(code, exempt) for code, _, _, _, exempt in items_of(text)] == [
        ("1", False), ("2", False), ("3", True), ("4", True),
    ]


def test_open_business_after_exempt_business():
    text = "1. Apologies\nEXEMPT ITEMS\n2. Land Acquisition\nPART 1 - OPEN ITEMS\n3. Date of Next Meeting\n"
    assert [exempt for *_, exempt in items_of(text)] == [False, True, False]


def test_the_signature_above_the_items_of_a_summons_letter_does_not_end_the_sheet():
    text = """\
Dear Councillor,
You are summoned to attend the meeting of the Council to transact the business below.
Yours faithfully
Rhian Evans
Chief Executive
AGENDA
1. Apologies
2. Minutes
3. Questions from Members
Rhian Evans
Chief Executive
01234 567890
democratic.services@valecouncil.example
REPORT OF THE CHIEF EXECUTIVE
1. Purpose of the report
"""
    lines = pdf_lines(text)
    end = front_sheet_end(lines, 0)
    assert lines[end].text == "REPORT OF THE CHIEF EXECUTIVE"
    assert [i.title for i in find_agenda_items(lines, 0, end)] == ["Apologies", "Minutes", "Questions from Members"]


def test_agenda_heading_then_unpunctuated_numbers_is_no_committee_name():
    lines = pdf_lines("\n".join(DISTRICT_SUMMONS[2]))
    headings = find_meeting_headings(lines)
    assert [(h.kind, h.committee, str(h.date)) for h in headings] == [("agenda", "Council", "2025-03-26")]


def laid_out(rows: list[tuple[str, float]]) -> list[Line]:
    """Lines with the right edge of their ink, as the PDF reader's layout gives them."""
    return [Line(n, 1, t, x0=57.0, x1=x1) for n, (t, x1) in enumerate(rows, 1)]


def test_a_line_full_to_the_columns_edge_wraps_on_to_the_next():
    # The same characters, but only the first title reaches the column's right edge (446 pt).
    lines = laid_out([
        ("1. Declarations of Interests by Members and Officers", 446.0),
        ("Significant Interests", 200.0),
        ("2. Report of the Working Group on Council Tax Support", 330.0),
        ("Housing Benefit Subsidy", 200.0),
        ("3. Minutes", 120.0),
    ])
    titles = [i.title for i in find_agenda_items(lines, 0, len(lines))]
    assert titles == ["Declarations of Interests by Members and Officers Significant Interests",
                      "Report of the Working Group on Council Tax Support", "Minutes"]


def test_kent_county_council_summons_dev_file(shared_file):
    path = shared_file("pdfs-kent/kent-county-council-2025-02-13-agenda-frontsheet.pdf")
    extraction = extract(read_file(path), str(path), "0" * 64)
    items = [r for r in extraction.records if isinstance(r, AgendaItem)]
    assert [(i.code, i.first_page, i.last_page) for i in items] == [
        ("1", None, None), ("2", None, None), ("3", 1, 26), ("4", None, None), ("5", 27, 36), ("6", 37, 250),
    ]
    assert items[1].title == (
        "Declarations of Disclosable Pecuniary Interests or Other Significant Interests in items on the agenda"
    )
    assert items[5].title == (
        "Capital Programme 2025-35 and Revenue Budget 2025-26 (including Council Tax Setting 2025/26)"
    )


def test_kent_summons_with_a_to_follow_note_dev_file(shared_file):
    path = shared_file("pdfs-kent/kent-county-council-2025-01-09-agenda-frontsheet.pdf")
    extraction = extract(read_file(path), str(path), "0" * 64)
    assert [i.title for i in extraction.records if isinstance(i, AgendaItem)][2] == "English Devolution White Paper"


def test_parish_agenda_dev_file(shared_file):
    path = shared_file("pdfs-more/milburn-parish-council-2018-03-06-agenda.pdf")
    extraction = extract(read_file(path), str(path), "0" * 64)
    items = [r for r in extraction.records if isinstance(r, AgendaItem)]
    assert [i.code for i in items] == [str(n) for n in range(1, 12)]
    assert (items[6].title, items[7].title) == ("Policy Reviews", "Finance")


def test_a_page_number_below_the_last_item_is_no_part_of_its_title():
    text = """\
1. Declarations of Disclosable Pecuniary Interests or Other Registrable Interests
in items on the agenda
2. Minutes of the Meeting held on 14 January 2025
3. Items which the Chairman decides are urgent and should be considered
2
"""
    assert titles_of(text)[-1] == ("3", "Items which the Chairman decides are urgent and should be considered")


def test_bare_ranges_under_a_page_column_heading():
    text = """\
Part I – Members of the press and public are welcome to attend this part of the meeting
Item Page
1. Apologies for Absence
2. Minutes of the previous meeting 1 - 10
To confirm the minutes of the meeting held on 10 December 2024.
3. Corporate Plan 2025 - 2030 11 - 80
4. Local Plan Review 2025 - 2030
Part II – Items which are likely to be considered in the absence of the press and public
5. Contract Award for Leisure Services 81 - 90
"""
    assert items_of(text) == [
        ("1", "Apologies for Absence", None, None, False),
        ("2", "Minutes of the previous meeting", 1, 10, False),
        ("3", "Corporate Plan 2025 - 2030", 11, 80, False),
        ("4", "Local Plan Review 2025 - 2030", None, None, False),  # years, not pages
        ("5", "Contract Award for Leisure Services", 81, 90, True),
    ]


def test_without_a_page_column_a_trailing_range_is_the_titles():
    assert titles_of("1. Apologies\n2. Services for Children Aged 0 - 5\n") == [
        ("1", "Apologies"), ("2", "Services for Children Aged 0 - 5"),
    ]


def test_capitals_titles_wrap_and_labelled_lines_are_the_body():
    text = """\
1. APOLOGIES FOR ABSENCE
2. DECLARATIONS OF DISCLOSABLE PECUNIARY INTERESTS OR OTHER
REGISTRABLE INTERESTS
3. 24/00123/FUL - LAND AT THE FORMER GASWORKS SITE, MILL LANE (Pages 5 - 40)
Wards affected: Mill Lane
4. 24/00131/HH - 12 ORCHARD CLOSE, HOLLYBROOK ROAD, RIVERSIDE
Report of: Head of Planning
5. APPEALS
"""
    assert titles_of(text) == [
        ("1", "APOLOGIES FOR ABSENCE"),
        ("2", "DECLARATIONS OF DISCLOSABLE PECUNIARY INTERESTS OR OTHER REGISTRABLE INTERESTS"),
        ("3", "24/00123/FUL - LAND AT THE FORMER GASWORKS SITE, MILL LANE"),
        ("4", "24/00131/HH - 12 ORCHARD CLOSE, HOLLYBROOK ROAD, RIVERSIDE"),
        ("5", "APPEALS"),
    ]


def test_a_full_line_wraps_on_above_the_description():
    text = """\
1. Apologies for Absence
2. Draft Revenue Budget 2025-26 and Capital Programme 2025-28 and Medium Term
Financial Plan
To consider the Cabinet's recommendations to the Council.
3. Council Tax Support Scheme
Councillor Jane Smith, Portfolio Holder for Finance
To approve the scheme for 2025-26.
"""
    assert titles_of(text) == [
        ("1", "Apologies for Absence"),
        ("2", "Draft Revenue Budget 2025-26 and Capital Programme 2025-28 and Medium Term Financial Plan"),
        ("3", "Council Tax Support Scheme"),
    ]
