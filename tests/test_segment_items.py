"""Minute items in the layouts and numbering schemes councils use, from small
made-up minutes (PDFs built here, and plain text), then the dev papers'
items against their hand-made answers where those papers are here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from textwrap import dedent

import pytest
from pdf_factory import Piece, make_content_pdf, make_layout_pdf

from councilpapers.ingest.model import ExtractedText, Line
from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.readers.furniture import mark_furniture
from councilpapers.ingest.readers.pdf import GarbledTextLayer, NoTextLayer
from councilpapers.ingest.segment.item_numbers import (
    NumberedLine,
    best_chain,
    item_number,
    numbered_line,
)
from councilpapers.ingest.segment.sign_off import is_sign_off

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BODY = "The councillors discussed the matter at some length and the clerk will write to the county council."


def items_of_pdf(tmp_path: Path, pdf: bytes):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(pdf)
    _, records = extract_records(read_file(path), str(path), "a" * 64)
    return [r for r in records if r.type == "minute_item"], records


def items_of_text(text: str):
    lines = [Line(n, 1, t) for n, t in enumerate(dedent(text).strip("\n").split("\n"), 1) if t.strip()]
    _, records = extract_records(ExtractedText("text", lines), "minutes.txt", "b" * 64)
    return [r for r in records if r.type == "minute_item"], records


def numbers_and_titles(items):
    return [(i.number, i.title) for i in items]


# --- PDF layouts --------------------------------------------------------------------

def test_parish_layout_bold_titles_numbered_by_year_and_month(tmp_path):
    """yy.mm.n numbers with bold titles; one number misprinted; apologies and
    the next meeting without numbers; a bold sub-heading inside an item; sign-off
    and page lines at each page's foot."""
    signed = Piece("Signed ______________________ Dated ______________")
    pages = [[
        Piece("Ashworth Parish Council - 2nd March 2021", bold=True, align="C"),
        Piece("Present", bold=True),
        Piece("Councillors P Quill (Chair), R Hart and L Stone. Clerk M Webb"),
        Piece("Apologies - Councillor T Birch"),
        Piece("21.03.2 Declarations of Interest", bold=True),
        Piece("None"),
        Piece("21.03.3 Minutes", bold=True),
        Piece("The minutes of the meeting held on 5th January 2021 were agreed and signed."),
        Piece("21.01.4 Matters Arising", bold=True),
        Piece("The bench at the green has been repaired by the contractor."),
        Piece("21.03.5 Finance", bold=True),
        Piece("Bank Reconciliation", bold=True, x=45),
        Piece("The bank reconciliation to the end of February was checked.", x=45),
        Piece("1. Payments of 40 pounds to the hall were approved."),
        signed,
        Piece("Page 1 of 2", size=8, align="C"),
    ], [
        Piece("21.03.6 Highways and Footpaths Report from the Lengthsman Covering", bold=True),
        Piece("the Winter Months", bold=True),
        Piece("Potholes on Mill Lane were reported to the highways authority."),
        Piece("21.3.7 Any Other Business", bold=True),
        Piece("None"),
        Piece("Next Meeting Tuesday, 4th May 2021"),
        Piece("The Chair closed the meeting at 8.30pm"),
        signed,
        Piece("Page 2 of 2", size=8, align="C"),
    ]]
    items, _ = items_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(items) == [
        (None, "Apologies"),
        ("21.03.2", "Declarations of Interest"),
        ("21.03.3", "Minutes"),
        ("21.01.4", "Matters Arising"),
        ("21.03.5", "Finance"),
        ("21.03.6", "Highways and Footpaths Report from the Lengthsman Covering the Winter Months"),
        ("21.3.7", "Any Other Business"),
        (None, "Next Meeting"),
    ]
    assert items[0].text == "Councillor T Birch"
    finance = items[4]
    assert "Bank Reconciliation" in finance.text and "Payments of 40 pounds" in finance.text
    assert not any("Signed" in i.text or "Page 1" in i.text for i in items)
    assert items[-1].text.startswith("Tuesday, 4th May 2021")


def test_numbers_in_a_left_column_with_titles_at_an_indent(tmp_path):
    """Minute numbers hang in the margin, titles bold at the text's edge with
    "(Item N)" below; paragraphs inside are numbered 1), 2) at the numbers' x;
    a title at a page's foot has its "(Item N)" on the next page, under the
    page number."""
    def minute(number, title):
        return [Piece(f"{number}.", x=20, bold=True), Piece(title, x=38, bold=True)]

    pages = [[
        Piece("BRAMFORD DISTRICT COUNCIL", bold=True, align="C"),
        Piece("MINUTES of a meeting of the Licensing Committee held at the Town Hall on Monday, 7 June 2021.", x=38),
        Piece("PRESENT: Cllr A Ndlovu (Chair), Cllr B Okafor and Cllr C Price", x=38),
        minute(412, "Apologies for Absence"),
        Piece("(Item 1)", x=38),
        Piece("Apologies were received from Cllr D Quayle.", x=38),
        minute(413, "Taxi Licensing Policy"),
        Piece("(Item 2)", x=38),
        [Piece("1)", x=20), Piece("The officer introduced the revised policy and its consultation.", x=38)],
        [Piece("2)", x=20), Piece("Members asked about the age limit of vehicles.", x=38)],
        [Piece("3)", x=20), Piece("RESOLVED that the policy be adopted.", x=38)],
        minute(414, "Review of the Statement of Gambling Principles and the Fees for"),
        Piece("Premises Licences", x=38, bold=True),
    ], [
        Piece("2", align="C", size=9),
        Piece("(Item 3)", x=38),
        [Piece("1)", x=20), Piece("The officer presented the draft statement.", x=38)],
        [Piece("2)", x=20), Piece("RESOLVED that the statement be approved.", x=38)],
        [Piece("4)", x=20), Piece("A member noted the fees had not changed since 2019.", x=38)],
        minute(415, "Exclusion of the Press and Public"),
        Piece("(Item 4)", x=38),
        Piece("RESOLVED that the press and public be excluded.", x=38),
    ]]
    items, _ = items_of_pdf(tmp_path, make_layout_pdf(pages))
    assert [(i.number, i.title, i.agenda_ref) for i in items] == [
        ("412", "Apologies for Absence", "1"),
        ("413", "Taxi Licensing Policy", "2"),
        ("414", "Review of the Statement of Gambling Principles and the Fees for Premises Licences", "3"),
        ("415", "Exclusion of the Press and Public", "4"),
    ]
    assert "Item 4" not in items[2].text and "Exclusion" not in items[2].text


def test_unnumbered_bold_headings_over_plain_paragraphs(tmp_path):
    """No numbers at all: bold short lines at the left margin are the items;
    the bold attendance label, a bold line inside a paragraph's indent and the
    numbered paragraphs are not."""
    pages = [[
        Piece("HARTWELL TOWN COUNCIL", bold=True, align="C"),
        Piece("Minutes of the Amenities Committee held on Wednesday 9 June 2021", bold=True, align="C"),
        Piece("PRESENT:", bold=True),
        Piece("Cllr E Vance (Chair), Cllr F Lowe and Cllr G Marsh"),
        Piece("Welcome and Apologies", bold=True),
        Piece("The Chair welcomed everyone. Apologies were received from Cllr H Rowe."),
        Piece("Allotments", bold=True),
        Piece("1. The waiting list now stands at twelve.", x=30),
        Piece("Water supply", bold=True, x=30),
        Piece("2. The trough on plot 4 is to be replaced.", x=30),
        Piece("Cemetery Maintenance and the Replacement of the", bold=True),
        Piece("Boundary Wall", bold=True),
        Piece("1. Three quotations were considered and the lowest accepted.", x=30),
        Piece("Play Areas", bold=True),
        Piece("The annual inspection found no high risks."),
    ]]
    items, _ = items_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(items) == [
        (None, "Welcome and Apologies"),
        (None, "Allotments"),
        (None, "Cemetery Maintenance and the Replacement of the Boundary Wall"),
        (None, "Play Areas"),
    ]
    assert "Water supply" in items[1].text


def test_capitals_numbered_items_with_garbled_references_and_roman_parts(tmp_path):
    """"N. CAPITALS" bold items; paragraphs open with references to earlier
    minutes ("3.2.3.4ii)", "4.4. 4.4.10", "7.") and roman sub-paragraphs, one
    repeated; the sign-off under the last item is not part of it."""
    pages = [[
        Piece("LLANFAIR AND BRYN COMMUNITY COUNCIL", bold=True, align="C"),
        Piece("MEETING 8th JUNE 2022", bold=True, align="C"),
        Piece("Llanfair and Bryn Community Council held their meeting at 7.30pm on the 8th June 2022."),
        Piece("PRESENT", bold=True),
        Piece("Councillors Ifan Morgan, Nia Pugh and Rhys Owen."),
        Piece("1. WELCOME AND APOLOGIES", bold=True),
        Piece("Cllr. Ifan Morgan took the Chair. Apologies received from Cllr. Siân Rees."),
        Piece("2. MATTERS ARISING", bold=True),
        Piece("3.2.3.4ii) The notice board has been installed at the chapel."),
        Piece("4.4. 4.4.10 The footpath gate is to be repaired."),
        Piece("7. The Clerk thanked Cllr. Pugh for clearing the verge at the memorial."),
        Piece("3. CORRESPONDENCE", bold=True),
        Piece("i) Bank statement dated 1 June. Noted"),
        Piece("ii) Invitation to the county show. Noted"),
        Piece("ii) Letter from the water company. Noted"),
        Piece("4. PLANNING", bold=True),
        Piece("NO OBJECTIONS", bold=True),
        Piece("The Council raised no objection to the extension at Maes y Coed."),
        Piece("5. ANY OTHER BUSINESS", bold=True),
        Piece("There was no other business and the meeting closed at 9pm."),
        Piece("....................................................6th July 2022", x=100),
        Piece("CHAIRPERSON"),
    ]]
    items, _ = items_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(items) == [
        ("1", "WELCOME AND APOLOGIES"), ("2", "MATTERS ARISING"), ("3", "CORRESPONDENCE"),
        ("4", "PLANNING"), ("5", "ANY OTHER BUSINESS"),
    ]
    assert items[-1].text == "There was no other business and the meeting closed at 9pm."


def test_numbered_points_in_a_table_are_titled_by_their_first_paragraph(tmp_path):
    """A group's notes: numbered points whose first paragraph (wrapped under
    itself) is the title, bullets under them, an action column at the right."""
    pages = [[
        Piece("Minutes of the Village Plan Steering Group, 3 March 2022", bold=True),
        [Piece("Points discussed", bold=True), Piece("Action", x=150, bold=True)],
        [Piece("1.", bold=True), Piece("AB presented the draft timetable for the plan and", x=27)],
        Piece("the consultation to be held in the summer", x=27),
        Piece("- General support for the timetable", x=32),
        [Piece("2.", bold=True), Piece("It was agreed that a survey would be sent to every", x=27)],
        [Piece("household in the parish.", x=27), Piece("AB/CD", x=150)],
        [Piece("3.", bold=True), Piece("Next meeting: 7 April", x=27)],
    ]]
    items, _ = items_of_pdf(tmp_path, make_layout_pdf(pages))
    assert numbers_and_titles(items) == [
        ("1", "AB presented the draft timetable for the plan and the consultation to be held in the summer"),
        ("2", "It was agreed that a survey would be sent to every household in the parish."),
        ("3", "Next meeting: 7 April"),
    ]
    assert items[1].text.startswith("It was agreed that a survey")


# --- plain text ---------------------------------------------------------------------

@pytest.mark.parametrize("number, written", [
    ("Item {n}", "{n}"), ("({n})", "{n}"), ("{n})", "{n}"), ("{n}.", "{n}"), ("2022/{n:03d}:", "2022/{n:03d}"),
    ("{n}/22", "{n}/22"), ("Minute {n}/2022", "{n}/2022"),
])
def test_numbering_schemes_in_plain_text(number, written):
    text = "\n".join([
        "OAKFIELD PARISH COUNCIL",
        "Minutes of the meeting held on Tuesday 6th September 2022 at 7pm in the Village Hall",
        f"{number.format(n=31)} Apologies",
        "There were none.",
        f"{number.format(n=32)} Village Hall Lease",
        "The lease was renewed for five years.",
        f"{number.format(n=33)} Planning Applications",
        "No applications were received.",
    ])
    items, _ = items_of_text(text)
    assert numbers_and_titles(items) == [
        (written.format(n=31), "Apologies"), (written.format(n=32), "Village Hall Lease"),
        (written.format(n=33), "Planning Applications"),
    ]


def test_year_numbers_with_references_to_earlier_minutes_and_a_run_in_apologies():
    items, records = items_of_text("""
        FERNLEY PARISH COUNCIL
        Minutes of the meeting held on 12th April 2022 at 7pm in the School
        Present: Cllr J Abbot (Chairman), Cllr K Bell
        Apologies for Absence: Cllr L Crane and County Cllr M Dale
        22/041: Minutes of the Last Meeting
        22/036: the word 'hedge' was corrected. The minutes were then signed.
        22/042: Playing Field
        The swings were repaired.
        22/044: Finance
        The following payment was approved: Clerk's salary £300.
        Chairman's Signature........................ Date..............
        Date of Next Meeting: 10 May 2022 at 7pm
    """)
    assert numbers_and_titles(items) == [
        (None, "Apologies for Absence"),
        ("22/041", "Minutes of the Last Meeting"), ("22/042", "Playing Field"), ("22/044", "Finance"),
    ]
    assert "Signature" not in items[-1].text and "Next Meeting" not in items[-1].text
    apologies = {r.name for r in records if r.type == "attendance" and r.status == "apologies"}
    assert {"Cllr L Crane", "County Cllr M Dale"} <= apologies


def test_numbered_paragraphs_restarting_inside_items_are_not_items():
    items, _ = items_of_text("""
        MINUTES of a meeting of the Scrutiny Committee held in the Council Chamber on Thursday, 3 March 2022.
        PRESENT: Mr A Lowry (Chairman), Mrs B Moss
        51. Apologies
        (Item 1)
        1. Apologies were received from Mr C Noon.
        52. Bus Services Review
        (Item 2)
        1. The officer introduced the report.
        2. Members asked about rural routes.
        3. RESOLVED that the report be noted.
        53. Library Opening Hours
        (Item 3)
        1. Mr Lowry said the consultation had closed.
        2. RESOLVED that the new hours be agreed.
        3. Members thanked the staff.
        4. A further report would follow.
    """)
    assert [(i.number, i.agenda_ref) for i in items] == [("51", "1"), ("52", "2"), ("53", "3")]


def test_unnumbered_titles_over_item_lines_in_plain_text():
    items, _ = items_of_text("""
        SCHOOLS FORUM– 5 May 2022
        MINUTES of the meeting held in the Council Chamber.
        PRESENT: Ann Cole (Chair), Ben Dunn
        Apologies
        (Item 1)
        Apologies were received from Cara Eyre.
        Early Years Funding Formula for the Academic Year
        2022/2023
        (Item 2)
        1. The officer introduced the report.
        2. RESOLVED that the formula be agreed.
        Work Programme
        (Item 3)
        RESOLVED that the work programme be noted.
    """)
    assert [(i.number, i.title, i.agenda_ref) for i in items] == [
        (None, "Apologies", "1"),
        (None, "Early Years Funding Formula for the Academic Year 2022/2023", "2"),
        (None, "Work Programme", "3"),
    ]


def test_a_misprinted_part_keeps_the_run_and_is_kept_as_printed():
    items, _ = items_of_text("""
        Kelby Parish Council - 7th June 2022
        22.06.1 Apologies
        None
        22.06.2 Minutes
        Agreed and signed.
        2.06.3 Matters Arising
        None
        22.06.4 Correspondence
        A letter from the police.
    """)
    assert [i.number for i in items] == ["22.06.1", "22.06.2", "2.06.3", "22.06.4"]


# --- the pieces ---------------------------------------------------------------------

def test_number_parsing():
    def parse(text):
        found = numbered_line([Line(1, 1, text)], 0)
        return (found.number.written, found.number.parts, found.title) if found else None

    assert parse("19.03.5 Adoption of the Seat") == ("19.03.5", (19, 3, 5), "Adoption of the Seat")
    assert parse("16.07.13 - Any Other Business") == ("16.07.13", (16, 7, 13), "Any Other Business")
    assert parse("14/037: Matters Arising") == ("14/037", (14, 37), "Matters Arising")
    assert parse("84. Pupil Premium") == ("84", (84,), "Pupil Premium")
    assert parse("Item 5 Budget") == ("5", (5,), "Budget")
    assert parse("(5) Budget")[:2] == ("5", (5,)) and parse("5) Budget")[:2] == ("5", (5,))
    for not_a_minute in ("4.4.4.4.5.4.5vii) With regard to", "4.4. 4.4.10 Mr Davies", "5i) The Clerk",
                         "12.03.2022 The meeting", "7.30pm The meeting", "2 members of the public"):
        assert parse(not_a_minute) is None, not_a_minute


def test_a_number_in_its_own_cell():
    from councilpapers.ingest.model import Cell

    line = Line(1, 1, "5 Apologies", cells=(Cell("5", 50, 56), Cell("Apologies", 90, 140, bold=True)))
    found = numbered_line([line], 0)
    assert (found.number.written, found.title, found.title_x, found.bold) == ("5", "Apologies", 90, True)


def test_the_chain_steps_one_at_a_time_in_one_style():
    def candidate(index, written, weight=1.0):
        return NumberedLine(index, item_number(written), "Title", weight=weight)

    candidates = [candidate(0, "5"), candidate(1, "1", 0.2), candidate(2, "2", 0.2), candidate(3, "6"),
                  candidate(4, "1", 0.2), candidate(5, "8"), candidate(6, "9.1")]
    assert [c.number.written for c in best_chain(candidates)] == ["5", "6", "8"]
    misprint = [candidate(0, "19.03.3"), candidate(1, "19.01.4"), candidate(2, "19.03.5")]
    assert [c.number.written for c in best_chain(misprint)] == ["19.03.3", "19.01.4", "19.03.5"]
    two_parts_wrong = [candidate(0, "19.03.3"), candidate(1, "18.01.4"), candidate(2, "19.03.5")]
    assert [c.number.written for c in best_chain(two_parts_wrong)] == ["19.03.3", "19.03.5"]


def test_sign_off_lines():
    for line in ("Signed ______________________ Dated ______________", "Signed____Dated 3rd July 2018",
                 "Chairman’s Signature.................. Date", "………………………..........…12 December 2018",
                 "CHAIRPERSON", "Chairman", "(Chair)"):
        assert is_sign_off(line), line
    for line in ("Signed by the Chair", "The Chairman signed the minutes.", "Chairman's Announcements",
                 "The clerk said... and so on...... at length about the hedges of the parish"):
        assert not is_sign_off(line), line


def test_an_item_line_opening_several_pages_is_not_a_running_header():
    """"(Item 4)" opens pages 2, 3 and 4 under titles of different lengths: at
    different heights, so not furniture; the banner at one height is."""
    def page(n, title_lines):
        return [("BANNER OF THE PANEL", 40.0), *[(f"Title line {k}", 60.0 + 14 * k) for k in range(title_lines)],
                (f"(Item {n})", 60.0 + 14 * title_lines), ("Body text of the item.", 200.0)]

    pages = [page(n, n % 3) for n in range(1, 6)]
    layouts = [[{"top": top} for _, top in p] for p in pages]
    lines = mark_furniture([[text for text, _ in p] for p in pages], layouts)
    assert all(line.furniture for line in lines if line.text.startswith("BANNER"))
    assert not any(line.furniture for line in lines if line.text.startswith("(Item"))


def test_carriage_returns_the_file_prints_are_spaces(tmp_path):
    """Some writers put a carriage return between every word of a table cell:
    the words stay one line."""
    pdf = make_content_pdf([(r"BT /F1 11 Tf 72 700 Td (Village\r Hall\r Committee) Tj ET "
                             r"BT /F1 11 Tf 72 680 Td (Second line) Tj ET")])
    path = tmp_path / "cr.pdf"
    path.write_bytes(pdf)
    texts = [" ".join(line.text.split()) for line in read_file(path).lines]
    assert texts == ["Village Hall Committee", "Second line"]


# --- the dev papers' gold -----------------------------------------------------------

GOLD = sorted((ROOT / "benchmarks" / "gold").glob("*.json"))


@pytest.mark.parametrize("gold_file", [g for g in GOLD if any(
    m.get("items") for m in json.loads(g.read_text()).get("minutes", []))], ids=lambda g: g.stem)
def test_dev_minutes_items_match_their_gold(gold_file):
    gold = json.loads(gold_file.read_text())
    path = ROOT.parent / gold["path"]
    if not path.exists():
        pytest.skip(f"{path} is not here")
    if "garbled" in gold["path"] and shutil.which("tesseract") is None:
        pytest.skip("needs OCR (tesseract)")
    try:
        text = read_file(path)
    except (GarbledTextLayer, NoTextLayer):  # OCR it, as ingest would
        from councilpapers.ingest.ocr import ocr_pdf, ocr_unavailable_reason

        if ocr_unavailable_reason():
            pytest.skip(ocr_unavailable_reason())
        text = ocr_pdf(path, "garbled")
    _, records = extract_records(text, str(path), "c" * 64)
    found = [(r.number, _norm(r.title)) for r in records if r.type == "minute_item"]
    expected = [(i["number"], _norm(i["title"])) for m in gold["minutes"] for i in m["items"]]
    assert len(found) == len(expected)
    for (number, title), (gold_number, gold_title) in zip(found, expected):
        assert number == gold_number and _alike(title, gold_title), (number, title, gold_title)


def _norm(text: str) -> str:
    import re

    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip().rstrip(".").lower()


def _alike(a: str, b: str) -> bool:
    from difflib import SequenceMatcher

    return a == b or SequenceMatcher(None, a, b).ratio() >= 0.9


def test_a_page_number_left_between_a_title_and_its_item_line_is_not_title():
    lines = [Line(1, 1, "MINUTES of a meeting of the Audit Panel held at the Guildhall on Monday, 6 June 2022."),
             Line(2, 1, "Apologies"), Line(3, 1, "(Item 1)"), Line(4, 1, "None were received."),
             Line(5, 1, "Internal Audit Annual Opinion"), Line(6, 2, "7"), Line(7, 2, "(Item 2)"),
             Line(8, 2, "RESOLVED that the opinion be noted.")]
    _, records = extract_records(ExtractedText("text", lines), "panel.txt", "d" * 64)
    items = [r for r in records if r.type == "minute_item"]
    assert [(i.title, i.agenda_ref) for i in items] == [("Apologies", "1"), ("Internal Audit Annual Opinion", "2")]


def test_welsh_standard_items_without_numbers():
    items, _ = items_of_text("""
        CYNGOR CYMUNED LLANFAIR
        Cofnodion y cyfarfod a gynhaliwyd ar 8 Mehefin 2022
        Ymddiheuriadau: Cyng. Ifan Morgan
        1. COFNODION
        Cytunwyd bod y cofnodion yn gywir.
        2. GOHEBIAETH
        Llythyr gan y Cyngor Sir.
    """)
    assert [i.number for i in items][-2:] == ["1", "2"]


def test_a_number_alone_at_a_page_foot_over_its_title():
    lines = [Line(1, 1, "MINUTES of a meeting of the Audit Panel held at the Guildhall on Monday, 6 June 2022."),
             Line(2, 1, "7. Apologies"), Line(3, 1, "None were received."),
             Line(4, 1, "8. Internal Audit Plan"), Line(5, 1, "The plan was agreed."), Line(6, 1, "9."),
             Line(7, 2, "Treasury Management"), Line(8, 2, "The strategy was noted."),
             Line(9, 2, "10. Work Programme"), Line(10, 2, "Noted.")]
    _, records = extract_records(ExtractedText("text", lines), "panel.txt", "e" * 64)
    items = [r for r in records if r.type == "minute_item"]
    assert [(i.number, i.title) for i in items] == [
        ("7", "Apologies"), ("8", "Internal Audit Plan"), ("9", "Treasury Management"), ("10", "Work Programme"),
    ]
    assert items[2].text == "The strategy was noted."


def test_web_page_minutes_with_bold_titles(tmp_path):
    """A ModernGov-style page: bold titles (one followed by its document
    link), numbered paragraphs under them; the page's bold "Items" label is
    not an item."""
    path = tmp_path / "minutes.html"
    path.write_text("""<html><body><div id="modgov"><div class="mgContent">
        <h1 class="mgMainTitleTxt">Agenda and minutes</h1>
        <h2>Licensing Committee - Monday, 7th June, 2021 7.00 pm</h2>
        <p>Venue: Town Hall, Bramford. View directions</p>
        <h2 class="mgSectionTitle">Items</h2>
        <p><strong>Apologies for Absence</strong></p>
        <p>1. Apologies were received from Cllr D Quayle.</p>
        <p><strong>Taxi Licensing Policy</strong> <span>PDF 90 KB</span></p>
        <p>1. The officer introduced the revised policy.</p>
        <p>2. RESOLVED that the policy be adopted.</p>
        <p><strong>Gambling Statement</strong></p>
        <p>1. RESOLVED that the statement be approved.</p>
        </div></div></body></html>""")
    _, records = extract_records(read_file(path), str(path), "f" * 64)
    assert [r.title for r in records if r.type == "minute_item"] == [
        "Apologies for Absence", "Taxi Licensing Policy", "Gambling Statement",
    ]
