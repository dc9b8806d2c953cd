"""Minute items in layouts other councils use: numbers with a letter prefix
("FG.214", "P/25/31", "CAB 7"), and minutes with no numbers at all whose
headings are known only by how they are set (bold, larger, capitals, centred).
Each set of minutes is made up here, in its own wording; with the negative
cases a real file has around its items (a start time, a list numbered from 1
inside an item, "Page 2 of 3", a signature line)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import Piece, make_layout_pdf

from councilpapers.ingest.model import ExtractedText, Line
from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.segment.item_numbers import numbered_line


def records_of_pdf(tmp_path: Path, pdf: bytes):
    return meetings_and_records_of_pdf(tmp_path, pdf)[1]


def meetings_and_records_of_pdf(tmp_path: Path, pdf: bytes):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    return extract_records(read_file(path), str(path), "a" * 64)


def records_of_text(text: str):
    lines = [Line(n, 1, t.strip()) for n, t in enumerate(text.strip("\n").split("\n"), 1) if t.strip()]
    _, records = extract_records(ExtractedText("text", lines), "minutes.txt", "b" * 64)
    return records


def items_in(records):
    return [r for r in records if r.type == "minute_item"]


def numbers_and_titles(records):
    return [(i.number, i.title) for i in items_in(records)]


def resolutions_by_item(records):
    """Each resolution's minute item, as (number, title), and its text's start."""
    items = {i.id: (i.number, i.title) for i in items_in(records)}
    return [(items.get(r.item), r.text[:30]) for r in records if r.type == "resolution"]


# --- letter-prefixed numbers ----------------------------------------------------------

def test_prefixed_capital_titles_with_a_list_inside_an_item(tmp_path):
    """"FG.214 APOLOGIES FOR ABSENCE": the committee's letters before each
    number; a list numbered from 1 inside two items, a page count and a
    signature line at the pages' feet."""
    pages = [[
        Piece("KILNSEY TOWN COUNCIL", bold=True, align="C", size=14),
        Piece("Minutes of the Finance and General Purposes Committee held on Monday 3 February 2025", bold=True),
        Piece("at 7.00 pm in the Town Hall"),
        Piece("Present: Cllr R Amos (Chair), Cllr S Bright and Cllr T Cole"),
        Piece("FG.214 APOLOGIES FOR ABSENCE", bold=True),
        Piece("Apologies were received from Cllr U Dean."),
        Piece("FG.215 DECLARATIONS OF INTEREST", bold=True),
        Piece("None were declared."),
        Piece("FG.216 MINUTES", bold=True),
        Piece("RESOLVED that the minutes of the meeting held on 6 January 2025 be approved."),
        Piece("FG.217 BUDGET MONITORING", bold=True),
        Piece("The Clerk presented the figures to the end of December."),
        Piece("1. Income from the market was on target."),
        Piece("2. Spending on grounds was ahead of the profile."),
        Piece("RESOLVED that the budget report be noted."),
        Piece("Page 1 of 2", size=8, align="C"),
    ], [
        Piece("FG.218 GRANTS TO LOCAL GROUPS", bold=True),
        Piece("1. The scout group asked for help with a new tent."),
        Piece("2. The allotment society asked for a water butt."),
        Piece("RESOLVED that both grants be made."),
        Piece("FG.219 DATE OF NEXT MEETING", bold=True),
        Piece("Monday 3 March 2025 at 7.00 pm."),
        Piece("Signed ______________________ Chair"),
        Piece("Page 2 of 2", size=8, align="C"),
    ]]
    records = records_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(records) == [
        ("FG.214", "APOLOGIES FOR ABSENCE"), ("FG.215", "DECLARATIONS OF INTEREST"), ("FG.216", "MINUTES"),
        ("FG.217", "BUDGET MONITORING"), ("FG.218", "GRANTS TO LOCAL GROUPS"), ("FG.219", "DATE OF NEXT MEETING"),
    ]
    assert resolutions_by_item(records) == [
        (("FG.216", "MINUTES"), "the minutes of the meeting hel"),
        (("FG.217", "BUDGET MONITORING"), "the budget report be noted"),
        (("FG.218", "GRANTS TO LOCAL GROUPS"), "both grants be made"),
    ]
    assert {r.minute for r in records if r.type == "resolution"} == {"FG.216", "FG.217", "FG.218"}
    texts = " ".join(i.text for i in items_in(records))
    assert "Page 1 of 2" not in texts and "Signed" not in texts


@pytest.mark.parametrize("number, written", [
    ("HC.{n}", "HC.{n}"), ("P/25/{n}", "P/25/{n}"), ("CAB {n}", "CAB {n}"), ("DM{n}", "DM{n}"),
    ("LIC/{n}:", "LIC/{n}"), ("SC {n}.", "SC {n}"),
])
def test_prefixed_numbering_schemes_in_plain_text(number, written):
    records = records_of_text("\n".join([
        "ORCHARD VALE DISTRICT COUNCIL",
        "Minutes of the meeting of the Housing Committee held on Thursday 5 June 2025 at 6.30pm",
        f"{number.format(n=31)} Apologies",
        "Apologies were received from Cllr Penrose.",
        f"{number.format(n=32)} Tenancy Strategy",
        "RESOLVED that the strategy be adopted.",
        f"{number.format(n=33)} Empty Homes",
        "The officer reported that forty homes had been brought back into use.",
    ]))
    assert numbers_and_titles(records) == [
        (written.format(n=31), "Apologies"), (written.format(n=32), "Tenancy Strategy"),
        (written.format(n=33), "Empty Homes"),
    ]
    assert resolutions_by_item(records) == [((written.format(n=32), "Tenancy Strategy"), "the strategy be adopted")]


def test_prefixed_numbers_in_a_left_column(tmp_path):
    """"EP.40" alone in a left column, its title bold in the next; a numbered
    list inside an item set in the same column starts again at 1."""
    def minute(number, title):
        return [Piece(number, x=20, bold=True), Piece(title, x=45, bold=True)]

    pages = [[
        Piece("MINUTES", bold=True, align="C", size=14),
        Piece("Environment Panel - Wednesday 14 May 2025", bold=True, align="C"),
        Piece("Members present: Cllr V Hale (Chair), Cllr W Irwin, Cllr X Joyce", x=45),
        minute("EP.40", "Apologies"),
        Piece("There were no apologies.", x=45),
        minute("EP.41", "Flood Defence Works at Riverside"),
        [Piece("1.", x=20), Piece("The engineer described the new embankment.", x=45)],
        [Piece("2.", x=20), Piece("Members asked about the footpath closure.", x=45)],
        [Piece("3.", x=20), Piece("RESOLVED that the works programme be endorsed.", x=45)],
        minute("EP.42", "Street Trees"),
        [Piece("1.", x=20), Piece("Sixty trees are to be planted this winter.", x=45)],
        minute("EP.43", "Work Programme"),
        Piece("Noted.", x=45),
    ]]
    records = records_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(records) == [
        ("EP.40", "Apologies"), ("EP.41", "Flood Defence Works at Riverside"), ("EP.42", "Street Trees"),
        ("EP.43", "Work Programme"),
    ]
    assert resolutions_by_item(records) == [
        (("EP.41", "Flood Defence Works at Riverside"), "the works programme be endorse"),
    ]


def test_prefixed_number_parsing():
    def parse(text):
        found = numbered_line([Line(1, 1, text)], 0)
        return (found.number.written, found.number.parts, found.title) if found else None

    assert parse("PC.57 APOLOGIES FOR ABSENCE") == ("PC.57", (57,), "APOLOGIES FOR ABSENCE")
    assert parse("P/23/41 Minutes") == ("P/23/41", (23, 41), "Minutes")
    assert parse("CAB 12 Budget") == ("CAB 12", (12,), "Budget")
    assert parse("DC23/045 - Enforcement") == ("DC23/045", (23, 45), "Enforcement")
    for not_a_minute in ("PAGE 2 OF 3", "Page 2 of 3", "10.00 am", "9.30 a.m. Site visit", "A 12 month lease",
                         "PHASE 2 Works", "S106 contributions were discussed", "NP/25/0142/FUL - Barn",
                         "A1 Improvements"):
        assert parse(not_a_minute) is None, not_a_minute


def test_a_prefix_used_once_is_no_scheme():
    """One "HR 5" line among plain numbers neither joins them nor starts a run."""
    records = records_of_text("""
        Minutes of a meeting of the Staffing Committee held on Tuesday 8 April 2025 at 2pm
        1. Apologies
        None.
        2. Minutes
        Approved.
        HR 5 Sickness Absence Policy
        3. Pay Award
        RESOLVED that the award be implemented.
    """)
    assert [n for n, _ in numbers_and_titles(records)] == ["1", "2", "3"]


# --- no numbers: headings by their layout -------------------------------------------

def test_bold_headings_without_numbers_under_a_start_time(tmp_path):
    """A national park's planning minutes: bold headings in one font over body
    text in another, the start time on a line of its own, applications headed
    by their reference (a title, not a number), a list from 1 in an item."""
    def heading(text):
        return Piece(text, bold=True, size=12)

    def body(text):
        return Piece(text, font="times")

    pages = [[
        Piece("Minutes of the Planning Committee held on Friday 6 June 2025", bold=True, size=14, align="C"),
        body("Members present: Cllr Y Kerr (Chair), Cllr Z Lamb and Mrs A Mount"),
        body("10.00 am"),
        heading("Apologies for Absence"),
        body("Apologies were received from Cllr B Nash."),
        heading("Declarations of Interest"),
        body("Cllr Kerr declared a personal interest in the second application."),
        heading("Minutes"),
        body("RESOLVED that the minutes of the meeting on 9 May 2025 be approved."),
        heading("NP/CV/25/0188/FUL - Conversion of Field Barn to a Dwelling, Low Side"),
        body("The planning officer described the site and the consultation responses."),
        body("1. The parish council supported the scheme."),
        body("2. Two neighbours objected on grounds of traffic."),
        body("RESOLVED that the application be approved subject to conditions."),
        body("Page 1 of 2", ),
    ], [
        heading("NP/CV/25/0203/HOU - Rear Extension, 4 Chapel Row"),
        body("1. The agent spoke in support."),
        body("RESOLVED that the application be refused."),
        heading("Date of Next Meeting"),
        body("Friday 4 July 2025 at 10.00 am."),
        body("Signed ______________________"),
    ]]
    records = records_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(records) == [
        (None, "Apologies for Absence"), (None, "Declarations of Interest"), (None, "Minutes"),
        (None, "NP/CV/25/0188/FUL - Conversion of Field Barn to a Dwelling, Low Side"),
        (None, "NP/CV/25/0203/HOU - Rear Extension, 4 Chapel Row"), (None, "Date of Next Meeting"),
    ]
    assert [title for (_, title), _ in resolutions_by_item(records)] == [
        "Minutes", "NP/CV/25/0188/FUL - Conversion of Field Barn to a Dwelling, Low Side",
        "NP/CV/25/0203/HOU - Rear Extension, 4 Chapel Row",
    ]
    assert not any(i.number == "10.00" for i in items_in(records))


def test_centred_larger_capital_headings_not_bold(tmp_path):
    """Headings centred, in capitals, a size up from the text and not bold;
    the page count is centred too but set small, the signature line plain."""
    def heading(text):
        return Piece(text, size=13, align="C", font="times")

    pages = [[
        Piece("WYCHLOW PARISH COUNCIL", bold=True, size=16, align="C"),
        Piece("Minutes of the Parish Council meeting held on Tuesday 10 June 2025 in the Reading Room"),
        Piece("7.30 pm"),
        Piece("Present: Cllr C Orme (Chair), Cllr D Pike, Cllr E Quinn"),
        heading("APOLOGIES"),
        Piece("Cllr F Roe sent apologies."),
        heading("MINUTES OF THE LAST MEETING"),
        Piece("The minutes of 13 May were agreed and signed by the Chair."),
        heading("HIGHWAYS"),
        Piece("The Clerk had reported the blocked drain on School Lane."),
        Piece("It was RESOLVED to ask for a reduced speed limit by the school."),
        Piece("Page 1 of 2", size=8, align="C"),
    ], [
        heading("VILLAGE HALL"),
        Piece("1. The roof repair is complete."),
        Piece("2. New chairs have been delivered."),
        heading("DATE OF NEXT MEETING"),
        Piece("Tuesday 8 July 2025."),
        Piece("Signed ............................ Chair"),
        Piece("Page 2 of 2", size=8, align="C"),
    ]]
    records = records_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(records) == [
        (None, "APOLOGIES"), (None, "MINUTES OF THE LAST MEETING"), (None, "HIGHWAYS"), (None, "VILLAGE HALL"),
        (None, "DATE OF NEXT MEETING"),
    ]
    assert [title for (_, title), _ in resolutions_by_item(records)] == ["HIGHWAYS"]
    assert "roof repair" in items_in(records)[3].text


def test_a_start_time_is_no_minute_number():
    records = records_of_text("""
        Minutes of the Licensing Sub-Committee held on Monday 2 June 2025
        9.30 am
        Application for a Premises Licence, The Old Mill
        1. The applicant described the proposed opening hours.
        2. RESOLVED that the licence be granted.
        Application for a Variation, The Crown
        1. RESOLVED that the variation be refused.
    """)
    assert numbers_and_titles(records) == [
        (None, "Application for a Premises Licence, The Old Mill"),
        (None, "Application for a Variation, The Crown"),
    ]


def test_centred_bold_headings_in_another_font(tmp_path):
    """Bold headings centred, in the text's size but another font; a bold
    word at the start of a paragraph is no heading."""
    def heading(text):
        return Piece(text, bold=True, align="C", font="times")

    pages = [[
        Piece("Minutes of a meeting of the Audit and Governance Committee held on Wednesday 11 June 2025",
              bold=True, size=12),
        Piece("2.00 pm"),
        Piece("Present: Cllr G Shaw (Chair), Cllr H Tate and Mr I Usher (independent member)"),
        heading("Apologies"),
        Piece("Cllr J Vine sent apologies."),
        heading("Internal Audit Progress Report"),
        Piece("The Head of Audit said eleven of the fourteen planned audits were complete."),
        Piece("RESOLVED that the progress report be noted."),
        heading("Risk Register"),
        [Piece("Note:", bold=True), Piece("two risks were raised to red this quarter.", x=35)],
        Piece("RESOLVED that the register be approved."),
        heading("Any Other Business"),
        Piece("There was none."),
        Piece("Signed ............................ Chair"),
    ]]
    records = records_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(records) == [
        (None, "Apologies"), (None, "Internal Audit Progress Report"), (None, "Risk Register"),
        (None, "Any Other Business"),
    ]
    assert [title for (_, title), _ in resolutions_by_item(records)] == ["Internal Audit Progress Report",
                                                                         "Risk Register"]
    assert "two risks were raised" in items_in(records)[2].text


@pytest.mark.parametrize("number", ["PL.{n}", "{n}."])
def test_planning_items_titled_by_their_application_reference(tmp_path, number):
    """A planning committee's numbered items whose titles start with the
    application's reference (digits and letters joined by slashes), in a
    left column: the reference is the title's, the number the column's."""
    def minute(n, title):
        return [Piece(number.format(n=n), x=20, bold=True), Piece(title, x=42, bold=True)]

    pages = [[
        Piece("Minutes of a meeting of the Planning Committee held on Wednesday 17 September 2025 at 6pm", bold=True),
        Piece("Present: Cllr K West (Chair), Cllr L Young, Cllr M Zane", x=42),
        minute(45, "Apologies"),
        Piece("None.", x=42),
        minute(46, "23/00481/FUL - Change of Use of Stable Block to Holiday Let, Orchard Farm"),
        Piece("The officer presented the report and two objectors spoke.", x=42),
        Piece("RESOLVED that permission be granted subject to conditions.", x=42),
        minute(47, "DC/24/01022/OUT - Outline Application for 12 Dwellings, Land off Mill Lane"),
        Piece("RESOLVED that permission be refused.", x=42),
        minute(48, "Appeal Decisions"),
        Piece("The committee noted the three decisions received.", x=42),
    ]]
    records = records_of_pdf(tmp_path, make_layout_pdf(pages))
    written = [number.format(n=n).rstrip(".") for n in (45, 46, 47, 48)]
    assert numbers_and_titles(records) == list(zip(written, [
        "Apologies", "23/00481/FUL - Change of Use of Stable Block to Holiday Let, Orchard Farm",
        "DC/24/01022/OUT - Outline Application for 12 Dwellings, Land off Mill Lane", "Appeal Decisions",
    ]))
    assert [minute for (minute, _), _ in resolutions_by_item(records)] == [written[1], written[2]]


def test_a_heading_wrapping_on_to_its_date_in_another_setting(tmp_path):
    """The heading's sentence is bold up to "held on", its date on the next
    line plain: the date is the meeting's; once dated, a plain line after a
    bold heading is the minutes' text."""
    pages = [[
        Piece("Minutes of the Licensing Committee held on", bold=True),
        Piece("Tuesday 1 July 2025 at the Guildhall"),
        Piece("Licensing Policy Review", bold=True),
        Piece("The officer introduced the draft policy."),
        Piece("Street Trading Consents", bold=True),
        Piece("RESOLVED that the fees be frozen."),
    ]]
    meetings, records = meetings_and_records_of_pdf(tmp_path, make_layout_pdf(pages))
    assert [(m.committee, m.date) for m in meetings] == [("Licensing Committee", "2025-07-01")]
    assert numbers_and_titles(records) == [(None, "Licensing Policy Review"), (None, "Street Trading Consents")]


def test_capital_headings_in_plain_text_with_page_lines_left_in():
    """Plain text: headings known only by their capitals; a page count the
    reader left in, in capitals too, and a list from 1 in two items are not
    items."""
    records = records_of_text("""
        Minutes of the Parish Council held on Monday 9 June 2025 in the Church Room
        APOLOGIES
        Apologies were received from Cllr Nye.
        FOOTPATHS
        1. The stile on the bridleway has been replaced.
        2. The warden will check the new gate.
        PAGE 1 OF 2
        ALLOTMENTS
        1. Two plots are vacant.
        RESOLVED that the rents be held for another year.
        DATE OF NEXT MEETING
        Monday 14 July 2025.
    """)
    assert numbers_and_titles(records) == [
        (None, "APOLOGIES"), (None, "FOOTPATHS"), (None, "ALLOTMENTS"), (None, "DATE OF NEXT MEETING"),
    ]
    assert "PAGE 1 OF 2" in items_in(records)[1].text
    assert [title for (_, title), _ in resolutions_by_item(records)] == ["ALLOTMENTS"]
