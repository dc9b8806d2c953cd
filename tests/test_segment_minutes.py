"""Meetings, minute items and resolutions from small minutes written the way
councils print them."""

from datetime import date
from textwrap import dedent

from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.model import ExtractedText, Line


def extract(text: str, context: date | None = None):
    lines = [Line(n, 1, t) for n, t in enumerate(dedent(text).strip("\n").split("\n"), 1) if t.strip()]
    meetings, records = extract_records(ExtractedText("text", lines), "minutes.txt", "f" * 64, context)
    items = [r for r in records if r.type == "minute_item"]
    resolutions = [r for r in records if r.type == "resolution"]
    return meetings, items, resolutions


PANEL_MINUTES = """
    KENT COUNTY COUNCIL
    CORPORATE PARENTING PANEL
    MINUTES of a meeting of the Corporate Parenting Panel held in Darent Room,
    Sessions House, County Hall, Maidstone on Thursday, 26 May 2016.
    PRESENT: Mrs A D Allen, MBE (Chairman), Mr P Segurola
    144. Apologies and substitutes
    (Item A1)
    1.
    Apologies for absence had been received from Mr R Brookbank.
    145. Minutes of the meeting of this Panel held on 15 March 2016
    (Item A2)
    1.
    RESOLVED that the minutes of the Panel meeting held on 15 March 2016 are
    correctly recorded and they be signed by the Chairman. There were no matters arising.
    2.
    Arising from minute 138, the Vice-Chairman reported an award.
    146. Minutes of the meeting of the Kent Corporate Parenting Group held on 29
    February 2016
    (Item A3)
    1. Mr Segurola explained that this issue had been considered.
    2. Mr Segurola said that recruitment was a challenge.
    3. RESOLVED that:-
    a) the information set out in the report be noted; and
    b) the Virtual School Kent Pupil Premium Policy be endorsed.
    147. Chairman's Announcements
    (Item A4)
    The Chairman welcomed new members.
"""


def test_minutes_heading_gives_committee_date_and_venue():
    meetings, _, _ = extract(PANEL_MINUTES)
    assert len(meetings) == 1
    meeting = meetings[0]
    assert meeting.committee == "Corporate Parenting Panel"
    assert meeting.date == "2016-05-26"
    assert meeting.venue == "Darent Room, Sessions House, County Hall, Maidstone"
    assert meeting.id == "mtg-2016-05-26-corporate-parenting-panel"


def test_items_are_the_run_of_numbers_not_the_paragraph_numbers():
    _, items, _ = extract(PANEL_MINUTES)
    assert [i.number for i in items] == ["144", "145", "146", "147"]
    assert [i.agenda_ref for i in items] == ["A1", "A2", "A3", "A4"]
    # A wrapped title is joined up to its "(Item A3)" line.
    assert items[2].title == "Minutes of the meeting of the Kent Corporate Parenting Group held on 29 February 2016"
    assert "recruitment was a challenge" in items[2].text
    assert items[0].line == 6 and items[0].page == 1


def test_item_title_referring_to_other_minutes_is_not_a_new_meeting():
    meetings, items, _ = extract(PANEL_MINUTES)
    assert {m.committee for m in meetings} == {"Corporate Parenting Panel"}
    assert {i.meeting for i in items} == {meetings[0].id}


def test_resolution_is_its_sentence_and_multi_part_keeps_every_part():
    _, _, resolutions = extract(PANEL_MINUTES)
    assert [r.minute for r in resolutions] == ["145", "146"]
    first, second = resolutions
    assert first.text == (
        "the minutes of the Panel meeting held on 15 March 2016 are correctly recorded"
        " and they be signed by the Chairman"
    )
    assert first.parts == []
    assert second.parts == [
        "the information set out in the report be noted; and",
        "the Virtual School Kent Pupil Premium Policy be endorsed",
    ]
    assert second.text == (
        "a) the information set out in the report be noted; and"
        " b) the Virtual School Kent Pupil Premium Policy be endorsed"
    )


def test_parts_separated_by_blank_lines_stay_together():
    text = """
        MINUTES of a meeting of the Cabinet Committee held at County Hall on Tuesday, 21 April 2015.
        50. Children in Care and Care Leavers accommodation
        (Item B1)
        3. RESOLVED that:-

        a) the responsibilities of the County Council be noted;

        b) support be given to the Cabinet Member; and

        c) general support be given to supported lodgings.

        51. Transition update
        (Item C1)
        RESOLVED that the update be noted.
    """
    lines = [Line(n, None, t.strip()) for n, t in enumerate(dedent(text).strip("\n").split("\n"), 1)]
    _, records = extract_records(ExtractedText("text", lines), "m.txt", "e" * 64)
    resolutions = [r for r in records if r.type == "resolution"]
    assert [r.minute for r in resolutions] == ["50", "51"]
    assert len(resolutions[0].parts) == 3
    assert resolutions[0].parts[2] == "general support be given to supported lodgings"
    assert resolutions[1].text == "the update be noted"


def test_lower_case_agreed_is_prose_not_a_resolution():
    text = """
        MINUTES of a meeting of the Corporate Parenting Panel held at County Hall on Friday, 23 October 2015.
        103. Verbal Updates
        (Item A6)
        The Panel agreed that the update was helpful.
        104. Work Programme
        (Item A7)
        AGREED that the work programme be approved.
    """
    _, _, resolutions = extract(text)
    assert [(r.minute, r.text) for r in resolutions] == [("104", "the work programme be approved")]


def test_group_minutes_take_the_year_from_context():
    text = """
        Kent Corporate Parenting Group
        Minutes of the meeting held on 23rd November
        1. Welcome and Introductions
        Geoff Gurney welcomed everyone to the meeting
        2. UASC Service Update
        The service manager has been in post for 2 weeks
    """
    meetings, items, _ = extract(text, context=date(2015, 12, 8))
    assert [(m.committee, m.date) for m in meetings] == [("Kent Corporate Parenting Group", "2015-11-23")]
    assert [i.title for i in items] == ["Welcome and Introductions", "UASC Service Update"]


def test_web_page_items_without_numbers():
    text = """
        Agenda and minutes
        Corporate Parenting Panel - Thursday, 26th May, 2016 10.00 am
        Venue: Darent Room, Sessions House, County Hall, Maidstone. View directions
        Apologies and substitutes
        1.            Apologies for absence had been received from Mr R Brookbank.
        Head Teacher of Virtual School Kent update report pdf icon PDF 90 KB
        Additional documents:
        1.            Mr Doran introduced the update report on Pupil Premium.
        2.            RESOLVED that the report be noted.
    """
    meetings, items, resolutions = extract(text)
    assert [(m.committee, m.date, m.time) for m in meetings] == [("Corporate Parenting Panel", "2016-05-26", "10:00")]
    assert meetings[0].venue == "Darent Room, Sessions House, County Hall, Maidstone"
    assert [(i.number, i.title) for i in items] == [
        (None, "Apologies and substitutes"),
        (None, "Head Teacher of Virtual School Kent update report"),
    ]
    assert [r.text for r in resolutions] == ["the report be noted"]


def test_agenda_front_sheet_gives_the_meeting_time_and_venue():
    text = """
        AGENDA
        CORPORATE PARENTING PANEL
        Wednesday, 20th July, 2016, at 1.00 pm
        Ask for:
        Theresa Grayell
        Darent Room, Sessions House, County Hall,
        Maidstone
        Telephone 03000 416172
    """
    meetings, items, _ = extract(text)
    assert [(m.committee, m.date, m.time, m.venue) for m in meetings] == [
        ("Corporate Parenting Panel", "2016-07-20", "13:00", "Darent Room, Sessions House, County Hall, Maidstone")
    ]
    assert items == []


def test_moderngov_page_with_numbered_items_and_decision_blocks():
    text = """
        Agenda, decisions and minutes
        Kingston and North Kingston Neighbourhood Committee - Thursday 15 January 2026 7:30 pm
        Venue: Guildhall, Kingston upon Thames. View directions
        Items
        58. Minutes
        To confirm as a correct record the minutes of the meeting held on 18 November 2025.
        Minutes:
        The minutes of the meeting held on 18 November 2025 were approved as a correct record.
        59. Community Grants Programme
        Decision:
        RESOLVED that:
        1. the redistribution of remaining Ward Funding be approved; and
        2. the application for £1,800 of grant funding be approved.
        Minutes:
        The Committee considered a report on unspent Ward Funding.
        RESOLVED that:
        1. the redistribution of remaining Ward Funding be approved; and
        Voting: unanimous
        2. the application for £1,800 of grant funding be approved.
    """
    meetings, items, resolutions = extract(text)
    assert [(m.committee, m.date, m.time, m.venue) for m in meetings] == [
        ("Kingston and North Kingston Neighbourhood Committee", "2026-01-15", "19:30", "Guildhall, Kingston upon Thames")
    ]
    assert [(i.number, i.title) for i in items] == [("58", "Minutes"), ("59", "Community Grants Programme")]
    # The minutes approved as a correct record; then the grants decision, printed under
    # "Decision:" and again under "Minutes:", once.
    assert (resolutions[0].minute, resolutions[0].text) == (
        "58", "The minutes of the meeting held on 18 November 2025 were approved as a correct record")
    assert len(resolutions) == 2
    assert resolutions[1].parts == [
        "the redistribution of remaining Ward Funding be approved; and",
        "the application for £1,800 of grant funding be approved",
    ]


def test_moderngov_generated_minutes_and_packs_name_the_body_above_the_label():
    minutes = """
        Exampleshire District Council
        Planning Committee - Tuesday 4 February 2025, 6.30 pm
        PRINTED MINUTES
        MINUTES of the meeting held on Tuesday 4 February 2025.
        12. Apologies and Substitutions
        Apologies were received from Councillor Lee Testcase.
        13. Minutes
        RESOLVED that the minutes of the meeting held on 7 January 2025 be approved.
    """
    meetings, items, resolutions = extract(minutes)
    assert [(m.committee, m.date, m.time) for m in meetings] == [("Planning Committee", "2025-02-04", "18:30")]
    assert [i.number for i in items] == ["12", "13"] and len(resolutions) == 1
    pack = """
        Exampleshire District Council
        Cabinet - Wednesday 12 March 2025, 7.00 pm
        PUBLIC REPORTS PACK
        1. Apologies for Absence
        2. Housing Strategy 2025-2030
    """
    meetings, _, _ = extract(pack)
    assert [(m.committee, m.date, m.time) for m in meetings] == [("Cabinet", "2025-03-12", "19:00")]


def test_parish_minutes_numbered_by_year_with_the_date_on_the_next_line():
    text = """
        HORSLEY PARISH COUNCIL
        Draft Minutes of the meeting held on
        18" March 2014 at 7.30pm in the Village Hall
        Present: Cllr N Hackett (Chairman)
        14/037: Minutes of the Last Meeting held on 25th February 2014
        The minutes were agreed as a true record.
        14/038: Matters Arising
        There were none
        14/039: Public Questions
        A resident asked about the playing field.
    """
    meetings, items, _ = extract(text)
    assert [(m.committee, m.date, m.time) for m in meetings] == [("Horsley Parish Council", "2014-03-18", "19:30")]
    assert [(i.number, i.title) for i in items] == [
        ("14/037", "Minutes of the Last Meeting held on 25th February 2014"),
        ("14/038", "Matters Arising"), ("14/039", "Public Questions"),
    ]
