"""Agenda items on a front sheet, and where the front sheet ends, from small
front sheets written the way councils print them."""

import pytest
from helpers import lines_of

from councilpapers.ingest.segment.agenda import find_agenda_items, front_sheet_end
from councilpapers.ingest.segment.meetings import find_meeting_headings


def items_of(text: str, keep_blank: bool = True):
    lines = lines_of(text, keep_blank)
    return [
        (item.code, item.title, item.first_page, item.last_page, item.exempt)
        for item in find_agenda_items(lines, 0, len(lines))
    ]


PANEL_FRONT_SHEET = """\
UNRESTRICTED ITEMS
(During these items the meeting is likely to be open to the public)

A.  PANEL BUSINESS
A1 Apologies and substitutes
To receive apologies for absence and notification of any substitutes present

A2 Minutes of the meeting of this Panel held on 23 October 2015 (Pages 3 - 8)
To consider and approve the minutes as a correct record.

A3 Minutes of the meeting of the Kent Corporate Parenting Group held on 23
November 2015, and brief verbal update (Pages 9 - 42)

B - Key or Significant Cabinet/Cabinet Member Decision(s) for
Recommendation or Endorsement
B1 Commissioning Transfer of the Health Visiting Service - October 2015 (Pages 33

- 38)
To receive a report from the Cabinet Member for Adult Social Care and Public
Health.

B2 Update on Millbank Reception Centre and the provision of reception
accommodation for male unaccompanied asylum seeking children aged 16 to
17. (Pages 47 - 50)

B3 Leading Improvements for Looked After Children assessment - LILAC (Pages 47
- 68)

MOTION TO EXCLUDE PRESS AND PUBLIC FOR EXEMPT BUSINESS
That, under Section 100A of the Local Government ACT 1972, the press and
public be excluded from the meeting for the following business.

B4 Update on UASC Issues - UASC to talk about their experiences

Peter Sass
Head of Democratic Services
"""

EXPECTED_PANEL_ITEMS = [
    ("A1", "Apologies and substitutes", None, None, False),
    ("A2", "Minutes of the meeting of this Panel held on 23 October 2015", 3, 8, False),
    ("A3", "Minutes of the meeting of the Kent Corporate Parenting Group held on 23 November 2015, "
           "and brief verbal update", 9, 42, False),
    ("B1", "Commissioning Transfer of the Health Visiting Service - October 2015", 33, 38, False),
    ("B2", "Update on Millbank Reception Centre and the provision of reception accommodation for male "
           "unaccompanied asylum seeking children aged 16 to 17", 47, 50, False),
    ("B3", "Leading Improvements for Looked After Children assessment - LILAC", 47, 68, False),
    ("B4", "Update on UASC Issues - UASC to talk about their experiences", None, None, True),
]


def test_codes_titles_wrapped_page_ranges_and_the_exempt_item():
    assert items_of(PANEL_FRONT_SHEET) == EXPECTED_PANEL_ITEMS


def test_the_same_without_blank_lines_as_readers_give_them():
    assert items_of(PANEL_FRONT_SHEET, keep_blank=False) == EXPECTED_PANEL_ITEMS


def test_code_on_its_own_line_and_a_numbered_item_before_the_sections():
    text = """\
UNRESTRICTED ITEMS
1

The use of MOMO as a tool for engagement with young people in care
NOTE: It was planned that some young people would attend the first part of the
meeting.

A. PANEL BUSINESS
A1

Membership
The Panel is asked to note that Mrs Sue Howes has joined the Panel.

A2

Minutes of the meeting of this Panel held on 26 May 2016 (Pages 5 - 16)

B. ITEMS FOR CONSIDERATION
B1

Placement Stability Report (Pages 31 - 48)
"""
    assert items_of(text) == [
        ("1", "The use of MOMO as a tool for engagement with young people in care", None, None, False),
        ("A1", "Membership", None, None, False),
        ("A2", "Minutes of the meeting of this Panel held on 26 May 2016", 5, 16, False),
        ("B1", "Placement Stability Report", 31, 48, False),
    ]


def test_numbered_cabinet_items_with_a_range_wrapped_after_pages():
    text = """\
UNRESTRICTED ITEMS
1. Apologies
2. Declarations of Interest
3. Minutes of the Meeting held on 9th January 2025 (Pages 1 - 10)
4. Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35
and Treasury Management Strategy (Pages 85 - 276)
5. 24/00096 - Commissioning Plan for Education Provision in Kent 2025-29 (Pages
461 - 610)
EXEMPT ITEMS
(At the time of preparing the agenda there were no exempt items. During any such
items which may arise the meeting is likely NOT to be open to the public)
"""
    assert items_of(text) == [
        ("1", "Apologies", None, None, False),
        ("2", "Declarations of Interest", None, None, False),
        ("3", "Minutes of the Meeting held on 9th January 2025", 1, 10, False),
        ("4", "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 "
              "and Treasury Management Strategy", 85, 276, False),
        ("5", "24/00096 - Commissioning Plan for Education Provision in Kent 2025-29", 461, 610, False),
    ]


def test_numbers_out_of_sequence_are_not_items():
    text = """\
A1 Apologies

22 July 2015
A2 Minutes (Pages 3 - 8)
1. Apologies
2. Minutes of the Meeting held on
25 January 2025 (Pages 1 - 10)
"""
    assert items_of(text) == [
        ("A1", "Apologies", None, None, False),
        ("A2", "Minutes", 3, 8, False),
        ("1", "Apologies", None, None, False),
        ("2", "Minutes of the Meeting held on 25 January 2025", 1, 10, False),
    ]


FRONT_SHEET_THEN_MINUTES = """\
AGENDA

CORPORATE PARENTING PANEL

Tuesday, 8th December, 2015, at 1.00 pm Ask for: Theresa Grayell
Darent Room, Sessions House, County Hall,
Maidstone

A1 Apologies and substitutes

A2 Minutes of the meeting of this Panel held on 23 October 2015 (Pages 3 - 8)

Peter Sass
Head of Democratic Services
03000 416647

Monday, 30 November 2015

Please note that any background documents referred to in the accompanying papers
maybe inspected by arrangement with the officer responsible for preparing the relevant
report.
1

KENT COUNTY COUNCIL

CORPORATE PARENTING PANEL

MINUTES of a meeting of the Corporate Parenting Panel held in Swale 1, Sessions
House, County Hall, Maidstone on Friday, 23 October 2015.
"""


def test_front_sheet_ends_after_the_signature_date_and_closing_note():
    lines = lines_of(FRONT_SHEET_THEN_MINUTES)
    heading = find_meeting_headings(lines)[0]
    end = front_sheet_end(lines, heading.end)
    assert lines[end - 1].text == "report."
    assert [item.code for item in find_agenda_items(lines, heading.end, end)] == ["A1", "A2"]


@pytest.mark.parametrize(
    "opening, first_line",
    [
        ("Agenda Item A3\nKENT COUNTY COUNCIL", "Agenda Item A3"),
        ("By: Peter Oakford, Cabinet Member\nTo: Corporate Parenting Panel", "By: Peter Oakford, Cabinet Member"),
        ("KENT COUNTY COUNCIL\nCORPORATE PARENTING PANEL\nMINUTES of a meeting of the Corporate Parenting "
         "Panel held in Darent Room on Thursday, 26 May 2016.", "KENT COUNTY COUNCIL"),
    ],
)
def test_front_sheet_ends_where_the_next_document_starts(opening, first_line):
    text = "AGENDA\nCORPORATE PARENTING PANEL\nWednesday, 20th July, 2016, at 1.00 pm\nA1\nMembership\n" + opening
    lines = lines_of(text)
    end = front_sheet_end(lines, 3)
    assert lines[end].text == first_line


def test_kent_cabinet_front_sheet_pdf(shared_file):
    path = shared_file("pdfs/kent-cabinet-2025-01-30-agenda-frontsheet.pdf")
    from councilpapers.ingest.readers import read_file

    lines = read_file(path).body()
    heading = find_meeting_headings(lines)[0]
    end = front_sheet_end(lines, heading.end)
    items = find_agenda_items(lines, heading.end, end)
    assert [item.code for item in items] == [str(n) for n in range(1, 10)]
    assert items[5].title == (
        "Draft Revenue Budget 2025-26, MTFP 2025-28, Draft Capital Programme 2025-35 and Treasury Management Strategy"
    )
    assert (items[5].first_page, items[5].last_page) == (85, 276)
    assert (items[8].first_page, items[8].last_page) == (461, 610)
    assert items[0].first_page is None
    assert not any(item.exempt for item in items)
    assert end == len(lines)
