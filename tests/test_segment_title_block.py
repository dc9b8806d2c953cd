"""The meeting a paper is about, from the block of lines that opens it, in the
layouts of councils other than the samples' (every paper here is made up)."""

from datetime import date
from functools import partial

import pytest
from helpers import as_lines

from councilpapers.ingest.model import ExtractedText
from councilpapers.ingest.pipeline import extract
from councilpapers.ingest.segment.meetings import find_meeting_headings

lines_of = partial(as_lines, keep_blank=False)


def opening(text: str):
    headings = find_meeting_headings(lines_of(text))
    assert headings, "no meeting found"
    return headings[0]


def test_a_name_and_a_date_on_one_line_over_a_present_list():
    heading = opening("""
        Ashby Town Council - 12th June 2021
        Present
        Councillors P Hall (Chair), J Lowe and K Singh
        21.06.1 Apologies
    """)
    assert (heading.kind, heading.committee, heading.date) == ("minutes", "Ashby Town Council", date(2021, 6, 12))


def test_a_centred_name_a_meeting_line_and_the_held_sentence_give_time_and_venue():
    heading = opening("""
        LLANFAIR COMMUNITY COUNCIL
        MEETING 3
        rd APRIL 2017
        Llanfair Community Council held their meeting at 7.00pm on the 3rd April 2017 at the Memorial Hall,
        Llanfair.
        PRESENT
        Councillors Ann Lloyd, Huw Parry and Ifan Rees.
    """)
    assert heading.committee == "Llanfair Community Council"
    assert heading.date == date(2017, 4, 3)
    assert (heading.time, heading.venue) == ("19:00", "Memorial Hall, Llanfair")


def test_a_labelled_cover():
    heading = opening("""
        Minutes
        Riverside Allotments Working Group Meeting
        Date: 4 May 2022
        Time: 6.30 p.m.
        Venue: Scout Hut, Mill Lane
        Attendees
    """)
    assert heading.committee == "Riverside Allotments Working Group"
    assert (heading.date, heading.time, heading.venue) == (date(2022, 5, 4), "18:30", "Scout Hut, Mill Lane")


def test_a_summons_names_the_meeting_of_an_agenda():
    heading = opening("""
        Summons to and
        Agenda for the
        Annual Meeting on
        Wednesday, 5th March, 2025
        DEMOCRATIC SERVICES
        To: All Members of the District Council
        A meeting of the District Council will be held in the Council Chamber, Town Hall, Barnsley
        on Wednesday, 5th March, 2025 at 6.00 pm to transact the following business:
        1. Apologies for absence
    """)
    assert (heading.kind, heading.committee, heading.date) == ("agenda", "District Council", date(2025, 3, 5))
    assert (heading.time, heading.venue) == ("18:00", "Council Chamber, Town Hall, Barnsley")


def test_a_letter_dated_before_the_meeting_it_encloses_papers_for():
    heading = opening("""
        Ask for: Jo Bloggs
        Date: 27 January 2025
        Dear Member
        PLANNING COMMITTEE - TUESDAY, 4 FEBRUARY 2025
        I enclose the update sheet that was not available when the papers were published.
    """)
    assert (heading.committee, heading.date) == ("Planning Committee", date(2025, 2, 4))
    assert heading.kind == "report"  # papers for the meeting, not its agenda


def test_a_date_quoted_from_the_business_is_not_the_meetings():
    heading = opening("""
        GREENFIELD PARISH COUNCIL
        Draft minutes of the meeting of 10th March 2020
        Present: Cllrs Ames, Bond and Cole
        1. Minutes of the last meeting held on 11th February 2020
    """)
    assert heading.date == date(2020, 3, 10)


def test_a_report_headed_by_its_meeting_is_for_that_meeting():
    lines = lines_of("""
        Housing Scrutiny Panel
        15 January 2026
        Damp and Mould Action Plan
        Report by Sam Lee, Director of Housing
        Purpose of Report
        To update the Panel on the action plan agreed in June.
    """)
    extraction = extract(ExtractedText("pdf", lines), "report.pdf", "b" * 64)
    (meeting,) = extraction.meetings
    assert (meeting.committee, meeting.date) == ("Housing Scrutiny Panel", "2026-01-15")
    (document,) = [r for r in extraction.records if r.type == "document"]
    assert (document.kind, document.meeting) == ("report", meeting.id)


def test_a_cancelled_meeting_says_so():
    heading = opening("""
        Licensing Sub-Committee - Monday 3 March 2025 6:00 pm, CANCELLED
        No documents are available for this meeting
        Proposed venue: Guildhall, High Street. View directions
    """)
    assert (heading.committee, heading.status, heading.venue) == ("Licensing Sub-Committee", "cancelled", "Guildhall, High Street")


def test_a_report_cover_sheet_is_read_as_a_report_not_a_title():
    lines = lines_of("""
        From: Jane Smith, Cabinet Member for Highways
        To: Cabinet – 2 April 2025
        Subject: Winter maintenance
        Classification: Unrestricted
    """)
    extraction = extract(ExtractedText("pdf", lines), "cover.pdf", "c" * 64)
    assert [(m.committee, m.date) for m in extraction.meetings] == [("Cabinet", "2025-04-02")]


@pytest.mark.parametrize("text", [
    "Our Strategy 2024-2027\nBoroughshire County Council\nPublished March 2024\nForeword",
    "Notes from a walk round the village green\n3rd May 2022\nThe bench needs paint.",
])
def test_no_meeting_where_none_is_named(text):
    assert find_meeting_headings(lines_of(text)) == []


def test_a_welsh_copy_names_the_same_meeting_as_the_english():
    welsh = opening("""
        CYNGOR TREF LLANYMDDYFRI
        CYFARFOD 3ydd MAWRTH 2020
        Cynhaliwyd Cyfarfod Cyngor Tref Llanymddyfri am 7.00pm ar y 3ydd Mawrth 2020 yn Neuadd y Dref.
        PRESENNOL
        Cynghorwyr Elen Hughes a Rhys Morgan.
    """)
    english = opening("""
        LLANYMDDYFRI TOWN COUNCIL
        MEETING 3rd MARCH 2020
        Llanymddyfri Town Council held their meeting at 7.00pm on the 3rd March 2020 at the Town Hall.
        PRESENT
        Councillors Elen Hughes and Rhys Morgan.
    """)
    assert (welsh.committee, welsh.date, welsh.time) == ("Llanymddyfri Town Council", date(2020, 3, 3), "19:00")
    assert welsh.venue == "Neuadd y Dref"
    assert (english.committee, english.date) == (welsh.committee, welsh.date)


def test_a_committee_of_a_council_over_a_date_line_with_its_chamber():
    heading = opening("""
        WESTBURY TOWN COUNCIL
        FINANCE AND GENERAL PURPOSES COMMITTEE
        Monday 3rd March 2025 at 7.00pm, Council Chamber, Town Hall
        AGENDA
        1. Apologies
    """)
    assert heading.committee == "Finance and General Purposes Committee"
    assert (heading.date, heading.time) == (date(2025, 3, 3), "19:00")


@pytest.mark.parametrize("kind_only", ["Minutes of the Full Council Meeting", "Minutes of the Parish Council Meeting"])
def test_the_council_named_below_its_banner_by_its_kind_only_is_the_banner(kind_only):
    heading = opening(f"""
        STOKE LEIGH PARISH COUNCIL
        {kind_only}
        held on Tuesday 14th January 2025 at 7.30pm at the Parish Office
        Present: Cllrs E Hunt (Chairman), B Hopkinson
        142/24 Apologies
    """)
    assert (heading.committee, heading.date) == ("Stoke Leigh Parish Council", date(2025, 1, 14))


def test_a_parish_summons():
    heading = opening("""
        ASHWELL PARISH COUNCIL
        Members are hereby summoned to attend a meeting of Ashwell Parish Council to be held at the
        Village Hall on Tuesday 8th April 2025 at 7.30pm for the purpose of transacting the following business.
        AGENDA
        1. Apologies for absence
    """)
    assert (heading.kind, heading.committee, heading.date) == ("agenda", "Ashwell Parish Council", date(2025, 4, 8))
    assert (heading.time, heading.venue) == ("19:30", "Village Hall")


def test_a_name_and_date_over_a_held_in_sentence_gives_the_venue():
    heading = opening("""
        SCRUTINY BOARD– 12 November 2023
        MINUTES of the meeting held in the Wolds Room, Town Hall, High
        Street, Beverley.
        PRESENT: Ann Cole (Chair), Bill Dunn and Cath Eve
    """)
    assert (heading.committee, heading.date) == ("Scrutiny Board", date(2023, 11, 12))
    assert heading.venue == "Wolds Room, Town Hall, High Street, Beverley"


def test_a_venue_line_in_capitals_and_a_labelled_venue_below_the_block():
    agenda = opening("""
        OAKLEY PARISH COUNCIL
        MEETING TO BE HELD ON MONDAY,
        7th APRIL 2025 @ 7.00pm
        OAKLEY MEMORIAL HALL
        AGENDA
        1. To receive apologies
    """)
    assert (agenda.date, agenda.time, agenda.venue) == (date(2025, 4, 7), "19:00", "Oakley Memorial Hall")
    page = opening("""
        Planning Sub-Committee - Tuesday 6 May 2025 6:30 pm
        Agenda and decisions
        Attendance details
        Watch the meeting online
        Proposed venue: Civic Centre, Wick Road. View directions
    """)
    assert page.venue == "Civic Centre, Wick Road"


def test_minutes_of_the_annual_meeting_of_the_council_under_its_banner():
    heading = opening("""
        HARTLEY WINTNEY PARISH COUNCIL
        Minutes of the Annual Meeting of the Parish Council held on Tuesday 13th May
        2025 at 7.30pm in the Victoria Hall
        Present: Cllrs A Bell (Chairman), C Dean and E Frost.
    """)
    assert (heading.committee, heading.date, heading.time) == ("Hartley Wintney Parish Council", date(2025, 5, 13), "19:30")
    assert heading.venue == "Victoria Hall"


def test_a_sentence_about_the_last_minutes_is_no_meeting():
    headings = find_meeting_headings(lines_of("""
        LOWFORD TOWN COUNCIL
        Minutes of the meeting held on 3 March 2025 at 7pm in the Guild Hall
        Present: Cllrs Ames, Bond and Cole
        3. Minutes of the Previous Meeting
        The minutes of the meeting held on 3 February 2025 were considered. RESOLVED that the
        minutes of the meeting held on 3 February 2025 be approved as a correct record.
    """))
    assert [(h.committee, h.date) for h in headings] == [("Lowford Town Council", date(2025, 3, 3))]


def test_you_are_summoned_to_attend_a_committee_to_be_held():
    heading = opening("""
        Dear Councillor,
        You are summoned to attend a meeting of the Housing Committee to be held in the
        Council Chamber, Civic Centre, Penbury on Wednesday, 9 April 2025 at 6.30 pm.
        A G E N D A
        1. Apologies
    """)
    assert (heading.kind, heading.committee, heading.date, heading.time) == (
        "agenda", "Housing Committee", date(2025, 4, 9), "18:30")
    assert heading.venue == "Council Chamber, Civic Centre, Penbury"


def test_a_welsh_minutes_sentence_gives_the_place_without_the_evening_and_its_date():
    heading = opening("""
        CYNGOR TREF LLANFYLLIN
        Cofnodion Cyfarfod Misol y Cyngor a gynhaliwyd yn y Neuadd Gymuned, Llanfyllin,
        nos Fawrth 4 Mawrth 2025 am 7.30yh
        Yn bresennol: Y Cynghorwyr Alaw Prys a Bryn Tudur.
    """)
    assert (heading.committee, heading.date, heading.time) == ("Llanfyllin Town Council", date(2025, 3, 4), "19:30")
    assert heading.venue == "Neuadd Gymuned, Llanfyllin"


def test_minutes_of_a_committee_held_on_a_date_in_a_chamber_over_members_present():
    heading = opening("""
        MINUTES OF THE AUDIT AND GOVERNANCE COMMITTEE
        held on Tuesday 4 March 2025 at 6.00pm in the Council Chamber, Town Hall
        Members Present: Cllr A Khan (Chair) and Cllr B Lowe
    """)
    assert (heading.committee, heading.time, heading.venue) == (
        "Audit and Governance Committee", "18:00", "Council Chamber, Town Hall")
