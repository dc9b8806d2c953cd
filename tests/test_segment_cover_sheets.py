"""Report cover sheets (By:/From:, To:, Subject:, Decision No: …) written the
way councils print them."""

from datetime import date

from helpers import lines_of

from councilpapers.ingest.segment.cover_sheets import (
    find_cover_sheets,
    meeting_addressed,
    read_cover_sheets,
    title_case,
)

VERBAL_UPDATES = """\
2. RESOLVED that the information set out in the report be noted, with thanks.
 By:                      Mr P J Oakford, Cabinet Member for Specialist Children's Services

Mr G K Gibbens, Cabinet Member for Adult Social Care and Public
Health

Mr A Ireland, Corporate Director of Social Care, Health and
Wellbeing

Mr A Scott-Clark, Director of Public Health

To: Children's Social Care and Health Cabinet Committee -
22 July 2015

Subject: Verbal updates by Cabinet Members and Corporate Directors

Classification: Unrestricted

The Committee is invited to note verbal updates on the following issues:-
1. Visits to Children's Centres in Swale and Thanet
"""


def test_several_people_under_by_and_a_to_that_wraps():
    for keep_blank in (True, False):
        [report] = find_cover_sheets(lines_of(VERBAL_UPDATES, keep_blank))
        assert report.by == [
            "Mr P J Oakford, Cabinet Member for Specialist Children's Services",
            "Mr G K Gibbens, Cabinet Member for Adult Social Care and Public Health",
            "Mr A Ireland, Corporate Director of Social Care, Health and Wellbeing",
            "Mr A Scott-Clark, Director of Public Health",
        ]
        assert report.to == "Children's Social Care and Health Cabinet Committee - 22 July 2015"
        assert report.subject == "Verbal updates by Cabinet Members and Corporate Directors"
        assert report.classification == "Unrestricted"
        assert report.summary is None and report.recommendations is None and report.decision_no is None


def test_cover_sheet_starts_at_by_and_ends_before_the_prose():
    lines = lines_of(VERBAL_UPDATES)
    [report] = find_cover_sheets(lines)
    assert lines[report.index].number == 2
    assert lines[report.end].text.startswith("The Committee is invited")


LILAC = """\
By:                           Peter Oakford, Cabinet Member for Specialist Children's
Services

Andrew Ireland, Corporate Director of Social Care, Health
and Wellbeing

To:                        Corporate Parenting Panel – 8 December 2015

Subject                  LEADING IMPROVEMENTS FOR LOOKED AFTER
CHILDREN ASSESSMENT – LILAC

Classification: Unrestricted

Electoral Division(s): All

Summary:  In 2014 KCC commissioned A National Voice to undertake an
independent assessment.

Recommendations:  The Corporate Parenting Panel is asked to:
a) NOTE the assessment and its findings
b) AGREE the need for work streams to continue

1. Introduction

1.1 The LILAC Assessment stands for Leading Improvements for Looked After
Children.
"""


def test_subject_without_colon_in_capitals_becomes_title_case_keeping_acronyms():
    [report] = find_cover_sheets(lines_of(LILAC))
    assert report.subject == "Leading Improvements for Looked After Children Assessment – LILAC"
    assert report.by == [
        "Peter Oakford, Cabinet Member for Specialist Children's Services",
        "Andrew Ireland, Corporate Director of Social Care, Health and Wellbeing",
    ]
    assert report.to == "Corporate Parenting Panel – 8 December 2015"


def test_summary_and_recommendations_run_to_the_first_section():
    lines = lines_of(LILAC)
    [report] = find_cover_sheets(lines)
    assert report.summary == "In 2014 KCC commissioned A National Voice to undertake an independent assessment."
    assert report.recommendations == (
        "The Corporate Parenting Panel is asked to: a) NOTE the assessment and its findings "
        "b) AGREE the need for work streams to continue"
    )
    assert lines[report.end].text == "1. Introduction"


def test_from_label_and_decision_number_as_a_field_or_in_the_pathway():
    text = """\
From: Graham Gibbens, Cabinet Member for Adult Social Care and
Public Health
Andrew Scott-Clark, Director of Public Health
To: Children's Social Care and Health Cabinet Committee – 22 July 2015
Decision No: 15/00067
Subject: The Public Health Strategic Delivery Plan and Commissioning
Strategy
Classification: Unrestricted

By: Graham Gibbens, Cabinet Member, Adult Social Care and Public
Health
To: Children's Health and Social Care Cabinet Committee

Date 22 July 2015
Subject: Commissioning Transfer of the Health Visiting Service -
October 2015
Future pathway:                Cabinet Member decision (Decision number 15/00068)
"""
    first, second = find_cover_sheets(lines_of(text))
    assert first.decision_no == "15/00067"
    assert first.subject == "The Public Health Strategic Delivery Plan and Commissioning Strategy"
    assert first.by == [
        "Graham Gibbens, Cabinet Member for Adult Social Care and Public Health",
        "Andrew Scott-Clark, Director of Public Health",
    ]
    assert second.decision_no == "15/00068"
    assert second.to == "Children's Health and Social Care Cabinet Committee"
    assert second.subject == "Commissioning Transfer of the Health Visiting Service - October 2015"


def test_values_on_the_lines_below_their_labels_and_a_stray_date():
    text = """\
 Agenda Item B3

By:

Peter Oakford, Cabinet Member for Specialist Children's
Services
Andrew Ireland, Corporate Director of Social Care, Health and
Wellbeing

To:

Corporate Parenting Panel – 20 July 2016

22nd July 2016

Subject:

OVERVIEW OF THE LAMING REVIEW: 'IN CARE, OUT OF
TROUBLE'

Classification:

Unrestricted

Recommendation: Members of the Corporate Parenting Panel are asked to
CONSIDER this report and its findings.

1.

Background
"""
    [report] = find_cover_sheets(lines_of(text, keep_blank=False))
    assert report.by == [
        "Peter Oakford, Cabinet Member for Specialist Children's Services",
        "Andrew Ireland, Corporate Director of Social Care, Health and Wellbeing",
    ]
    assert report.to == "Corporate Parenting Panel – 20 July 2016"
    assert report.subject == "Overview of the Laming Review: 'In Care, Out of Trouble'"
    assert report.classification == "Unrestricted"
    assert report.recommendations == (
        "Members of the Corporate Parenting Panel are asked to CONSIDER this report and its findings."
    )


def test_emails_and_prose_are_not_cover_sheets():
    text = """\
By entering into this room you are consenting to being filmed.
To receive a report from the Cabinet Member.
From: j.smith@kent.gov.uk
Sent: 3 July 2015 10:04
To: Committee Clerk
Subject: Agenda item
From 2006 to 2011 this indicator was KS2 English.
"""
    assert find_cover_sheets(lines_of(text)) == []


def test_title_case_keeps_small_words_low_and_known_acronyms():
    assert title_case("PROGRESS REPORT - SUFFICIENCY, PLACEMENTS AND COMMISSIONING STRATEGY", set()) == (
        "Progress Report - Sufficiency, Placements and Commissioning Strategy"
    )
    assert title_case("UPDATE ON UASC ISSUES", {"UASC"}) == "Update on UASC Issues"


# --- other councils' cover sheets ----------------------------------------------------

DISTRICT_TABLE = """\
ASHBY VALE DISTRICT COUNCIL
Report of:        Head of Planning and Regeneration, Tom Okafor
To:               Planning Committee
Date:             4 March 2025
Subject:          Local Plan Review – Issues and Options Consultation
Wards affected:   All
Status:           Open
Purpose of the Report:
To seek approval to consult on the issues and options for the Local Plan review.
Recommendations:
That the Committee approves the consultation document for eight weeks of public consultation.
1. Background
1.1 The current Local Plan was adopted in 2015.
"""


def test_a_district_table_report_of_to_date_subject():
    [sheet] = read_cover_sheets(lines_of(DISTRICT_TABLE))
    report = sheet.report
    assert report.by == ["Head of Planning and Regeneration, Tom Okafor"]
    assert report.to == "Planning Committee" and sheet.date == "4 March 2025"
    assert report.subject == "Local Plan Review – Issues and Options Consultation"
    assert report.classification == "Open"  # "Status:" is the classification's label
    assert report.summary == "To seek approval to consult on the issues and options for the Local Plan review."
    assert report.recommendations.startswith("That the Committee approves")
    heading = meeting_addressed(report.to, report.index, dated=sheet.date)
    assert (heading.committee, heading.date) == ("Planning Committee", date(2025, 3, 4))


def test_several_authors_one_a_line_with_a_dash_and_blank_lines_between():
    text = """\
From:   Councillor Mia Grant, Leader of the Council

        Hugo Banks, Cabinet Member for Resources and
        Corporate Services

        Lena Fox – Director of Law and Governance
To:     Full Council, 22 May 2025
Subject: Constitution Review
Status: Unrestricted
1. Introduction
"""
    [report] = find_cover_sheets(lines_of(text))
    assert report.by == [
        "Councillor Mia Grant, Leader of the Council",
        "Hugo Banks, Cabinet Member for Resources and Corporate Services",
        "Lena Fox – Director of Law and Governance",
    ]
    assert report.to == "Full Council, 22 May 2025" and report.classification == "Unrestricted"
    assert meeting_addressed(report.to, 0).committee == "Full Council"


def test_a_heading_that_names_the_meeting_then_report_by_without_labels():
    text = """\
Harbourside Area Committee
3 March 2025
Seafront Cycle Lane - Results of
Informal Consultation
Report by Priya Shah, Head of Sustainable Travel
Lead Member: Councillor Ed Marsh, Lead Member for Transport
Purpose of Report
To report the results of the informal consultation on a seafront cycle lane.
"""
    [report] = find_cover_sheets(lines_of(text, keep_blank=False))
    assert report.index == 0  # the report starts at its heading
    assert report.subject == "Seafront Cycle Lane - Results of Informal Consultation"
    assert report.by == ["Priya Shah, Head of Sustainable Travel"]  # not the Lead Member
    assert report.to == "Harbourside Area Committee - 3 March 2025"
    assert report.summary == "To report the results of the informal consultation on a seafront cycle lane."


def test_report_by_in_prose_or_minutes_is_no_cover_sheet():
    text = """\
12. Report by the Chief Executive
The Chief Executive presented his report on the budget.
Report by the Treasurer
RESOLVED that the report be noted.
"""
    assert find_cover_sheets(lines_of(text)) == []


def test_an_email_header_starting_with_to_is_no_cover_sheet():
    text = """\
To: Committee Services
From: parks.team@example.gov.uk
Sent: 4 June 2025 09:12
Subject: Playground inspection
"""
    assert find_cover_sheets(lines_of(text)) == []


def test_a_summons_to_all_members_with_a_report_under_an_agenda_item_is_no_cover_sheet():
    text = """\
To: All Members of the Licensing Committee

Dear Councillor,

You are summoned to attend a meeting of the Licensing Committee on Thursday, 12 June 2025.

AGENDA

1. Apologies for absence
2. Review of the Statement of Licensing Policy (Pages 9 - 40)
   Report of the Head of Environmental Health
"""
    assert find_cover_sheets(lines_of(text)) == []


# --- layouts read from PDFs made here --------------------------------------------------

LONG_LINE = "The review looked at every pay and display car park in the district, its tariffs, its signs and its machines."


def _read_pdf(tmp_path, pdf: bytes):
    from councilpapers.ingest.readers import read_file

    path = tmp_path / "cover.pdf"
    path.write_bytes(pdf)
    return read_file(path).body()


def test_labels_and_values_in_two_columns_without_colons(tmp_path):
    from pdf_factory import Piece, make_layout_pdf

    lines = _read_pdf(tmp_path, make_layout_pdf([[
        Piece("Car Parking Tariff Review", bold=True, size=22),
        Piece("Second Quarter 2025", size=14),
        [Piece("By", x=20), Piece("Portfolio Holder for Transport and Environment, Councillor Dana Whitfield", x=45)],
        Piece("Director of Place, Omar Reyes", x=45),
        Piece("Parking Services Manager", x=45),
        [Piece("To", x=20), Piece("Transport Board - 12 June 2025", x=45)],
        Piece("Unrestricted", x=45),
        Piece("Contact Details", bold=True),
        [Piece("Parking Services Manager", x=20), Piece("Lee Hart", x=90), Piece("lee.hart@example.gov.uk", x=140)],
        Piece("1 Introduction", bold=True, size=16),
        Piece(LONG_LINE), Piece(LONG_LINE), Piece(LONG_LINE),
    ]]))
    [report] = find_cover_sheets(lines)
    assert report.index == 0  # its title, above the fields
    assert report.subject == "Car Parking Tariff Review – Second Quarter 2025"
    assert report.by == [
        "Portfolio Holder for Transport and Environment, Councillor Dana Whitfield",
        "Director of Place, Omar Reyes",
        "Parking Services Manager",
    ]
    assert report.to == "Transport Board - 12 June 2025"
    assert report.classification == "Unrestricted"  # printed under To, without a label; not the contacts


def test_authors_split_where_a_line_was_not_full(tmp_path):
    """'Leader,' ends well short of the margin, so the next line is another
    person; a line filled to the margin wraps onto the next, even when that
    one looks like 'Name, Role'."""
    from pdf_factory import Piece, make_layout_pdf

    lines = _read_pdf(tmp_path, make_layout_pdf([[
        [Piece("From:", x=20), Piece("Priya Nair, Leader,", x=45)],
        Piece("Dr Tom Hale, Director of Public Health", x=45),
        Piece("Ana Silva, Head of Strategic Growth, Housing Delivery, Regeneration, Infrastructure", x=45),
        Piece("Planning Policy, Transport and Highways", x=45),
        Piece("Ben Ode - Monitoring Officer", x=45),
        [Piece("To:", x=20), Piece("Full Council, 9 April 2025", x=45)],
        [Piece("Subject:", x=20), Piece("Annual Governance Statement", x=45)],
        [Piece("Status:", x=20), Piece("Unrestricted", x=45)],
        Piece("1. Introduction", bold=True),
        Piece(LONG_LINE), Piece(LONG_LINE), Piece(LONG_LINE),
    ]]))
    [report] = find_cover_sheets(lines)
    assert report.by == [
        "Priya Nair, Leader",
        "Dr Tom Hale, Director of Public Health",
        ("Ana Silva, Head of Strategic Growth, Housing Delivery, Regeneration, Infrastructure "
         "Planning Policy, Transport and Highways"),
        "Ben Ode - Monitoring Officer",
    ]
    assert (report.subject, report.classification) == ("Annual Governance Statement", "Unrestricted")


def test_a_table_whose_header_cells_say_by_is_no_cover_sheet(tmp_path):
    from pdf_factory import Piece, make_layout_pdf

    lines = _read_pdf(tmp_path, make_layout_pdf([[
        Piece("School Places Commissioning Intentions", bold=True),
        [Piece("By", x=30), Piece("By", x=70), Piece("Between", x=110)],
        [Piece("2025-26", x=30), Piece("2026-27", x=70), Piece("2027-30", x=110)],
        [Piece("2FE", x=30), Piece("0FE", x=70), Piece("4FE", x=110)],
        Piece(LONG_LINE),
    ]]))
    assert find_cover_sheets(lines) == []


def test_a_district_cover_set_as_a_table_of_labels_and_values(tmp_path):
    from pdf_factory import Piece, make_layout_pdf

    lines = _read_pdf(tmp_path, make_layout_pdf([[
        Piece("MOORLAND DISTRICT COUNCIL", bold=True, size=14),
        [Piece("Report of:", x=20, bold=True), Piece("Head of Housing, Kit Morrow", x=70)],
        [Piece("Report to:", x=20, bold=True), Piece("Housing and Communities Committee", x=70)],
        [Piece("Date of meeting:", x=20, bold=True), Piece("17 July 2025", x=70)],
        [Piece("Title:", x=20, bold=True), Piece("Homelessness Prevention Grant 2025-26", x=70)],
        [Piece("Wards affected:", x=20, bold=True), Piece("All", x=70)],
        [Piece("Status", x=20, bold=True), Piece("Open", x=70)],
        Piece("1. Purpose", bold=True),
        Piece(LONG_LINE), Piece(LONG_LINE),
    ]]))
    [sheet] = read_cover_sheets(lines)
    report = sheet.report
    assert report.by == ["Head of Housing, Kit Morrow"]
    assert (report.to, sheet.date) == ("Housing and Communities Committee", "17 July 2025")
    assert (report.subject, report.classification) == ("Homelessness Prevention Grant 2025-26", "Open")
    heading = meeting_addressed(report.to, report.index, dated=sheet.date)
    assert (heading.committee, heading.date) == ("Housing and Communities Committee", date(2025, 7, 17))


MEMO_TO_MEMBERS = """\
MEMORANDUM
TO:        The Chair and Members of the Licensing Committee
FROM:      Jo Brennan, Licensing Manager
DATE:      12 June 2023
SUBJECT:   Review of taxi licence fees

The fees for hackney carriage licences were last reviewed in 2019.
"""


def test_a_memo_to_the_chair_and_members_names_the_body_not_its_members():
    [sheet] = read_cover_sheets(lines_of(MEMO_TO_MEMBERS))
    heading = meeting_addressed(sheet.report.to, sheet.report.index, dated=sheet.date)
    assert (heading.committee, heading.date) == ("Licensing Committee", date(2023, 6, 12))
    for addressed in ("All Members of the Cabinet – 4 May 2024", "Councillors of the Cabinet, 4 May 2024"):
        assert meeting_addressed(addressed, 0).committee == "Cabinet"
    # A body whose own name starts with "Members" is not cut.
    assert meeting_addressed("Members' Allowances Panel – 4 May 2024", 0).committee == "Members' Allowances Panel"
