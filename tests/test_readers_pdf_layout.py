"""Layout of PDF lines (edges, size, bold, cells, centring), read from PDFs made
here in several layouts and from real papers; the HTML reader's bold and cells;
no layout for plain text."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import Piece, make_content_pdf, make_drawing_pdf, make_layout_pdf, make_pdf, rotated

from councilpapers.ingest.model import Line, UnreadableFile, body_size, relative_size
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.readers.pdf import read_pdf
from councilpapers.ingest.readers.pdf_fonts import judge_font

MM = 72 / 25.4  # points in a millimetre
BODY = "The meeting considered the report of the clerk on the state of the village hall, its roof and car park."  # near the full width
SHARED = Path(__file__).resolve().parents[2] / "shared"


def read(tmp_path: Path, pdf: bytes, name: str = "layout.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf)
    return read_file(path)


def line(extracted, start: str) -> Line:
    return next(line for line in extracted.lines if line.text.startswith(start))


def cells(line: Line) -> list[str]:
    return [cell.text for cell in line.cells]


def shared_file(folder: str, name: str) -> Path:
    path = SHARED / folder / name
    if not path.exists():
        pytest.skip(f"{path} is not here")
    return path


# --- layouts made here -------------------------------------------------------------

def test_a_centred_bold_heading_over_body_text(tmp_path):
    extracted = read(tmp_path, make_layout_pdf([[
        Piece("MINUTES OF THE PARISH COUNCIL", bold=True, size=14, align="C"),
        Piece(BODY), Piece(BODY), Piece(BODY),
    ]]))
    heading, body = extracted.lines[0], extracted.lines[1]
    assert heading.text == "MINUTES OF THE PARISH COUNCIL"
    assert heading.bold and heading.is_centred()
    assert heading.size == 14.0 and body.size == 11.0
    assert extracted.body_size == 11.0 == body_size(extracted.body())
    assert relative_size(heading, extracted.body_size) == pytest.approx(14 / 11)
    assert not body.bold and not body.italic and not body.is_centred()
    assert body.x0 == pytest.approx(20 * MM, abs=1.5)  # the left margin
    assert body.indent == pytest.approx(0, abs=1.5)
    assert heading.top < body.top < extracted.lines[2].top
    assert heading.page_width == pytest.approx(595.3, abs=0.1)
    assert len(body.cells) == 1 and body.cells[0].text == BODY


def test_numbers_in_their_own_left_column_with_titles_at_an_indent(tmp_path):
    extracted = read(tmp_path, make_layout_pdf([[
        [Piece("5.", x=25, bold=True), Piece("Apologies for absence", x=38)],
        [Piece("6.", x=25), Piece("Minutes of the last meeting", x=38)],
        Piece(BODY, x=38),
    ]]))
    five = line(extracted, "5.")
    assert five.text == "5. Apologies for absence"  # the text is as before
    assert cells(five) == ["5.", "Apologies for absence"]
    number, title = five.cells
    assert number.x0 == pytest.approx(25 * MM, abs=1.5) and number.bold
    assert title.x0 == pytest.approx(38 * MM, abs=1.5) and not title.bold
    assert not five.bold  # most of its characters are not
    six = line(extracted, "6.")
    assert cells(six) == ["6.", "Minutes of the last meeting"]
    assert six.cells[1].x0 == pytest.approx(title.x0, abs=1)
    assert len(line(extracted, "The meeting").cells) == 1


def test_a_right_hand_column_of_owners_beside_paragraphs(tmp_path):
    extracted = read(tmp_path, make_layout_pdf([[
        Piece(BODY),
        [Piece("The clerk will write to the county council about the verges."), Piece("Clerk", align="R")],
        [Piece("Cllr Brown to report on the footpaths."), Piece("Cllr Brown", align="R")],
    ]]))
    clerk = line(extracted, "The clerk")
    assert cells(clerk) == ["The clerk will write to the county council about the verges.", "Clerk"]
    owner = clerk.cells[-1]
    page_right = clerk.page_width - 20 * MM
    assert owner.x1 == pytest.approx(page_right, abs=1.5)
    assert clerk.right_gap == pytest.approx(0, abs=1.5)
    assert cells(line(extracted, "Cllr Brown to"))[-1] == "Cllr Brown"


def test_a_two_column_table_of_names_and_roles(tmp_path):
    rows = [("Cllr A Smith", "Chair"), ("Cllr B Jones", "Vice-chair"), ("Mrs C Brown", "Clerk")]
    extracted = read(tmp_path, make_layout_pdf([[
        Piece("PRESENT", bold=True),
        *[[Piece(name, x=25), Piece(role, x=100)] for name, role in rows],
    ]]))
    table = [line for line in extracted.lines if line.text != "PRESENT"]
    assert [tuple(cells(line)) for line in table] == rows
    assert [line.cells[1].x0 for line in table] == pytest.approx([100 * MM] * 3, abs=1.5)
    assert line(extracted, "PRESENT").bold


def test_a_bold_label_before_names_is_a_bold_cell_of_a_line_that_is_not_bold(tmp_path):
    extracted = read(tmp_path, make_layout_pdf([[
        [Piece("PRESENT:", bold=True), Piece("Cllr A Smith, Cllr B Jones, Cllr C Brown and Cllr D White", x=45)],
        [Piece("Minutes of the meeting held on 5 March", bold=True)],
    ]]))
    present = line(extracted, "PRESENT:")
    assert not present.bold
    assert [cell.bold for cell in present.cells] == [True, False]
    assert line(extracted, "Minutes of").bold


def test_a_jump_inside_one_text_object_splits_cells(tmp_path):
    # One TJ: a kerning offset pushes the owner to the right margin, after a space.
    extracted = read(tmp_path, make_content_pdf([
        "BT /F1 12 Tf 72 700 Td [(offered to install the unit. ) -25000 (Cllr. Alun Davies)] TJ ET"
    ]))
    only = extracted.lines[0]
    assert only.text == "offered to install the unit. Cllr. Alun Davies"
    assert cells(only) == ["offered to install the unit.", "Cllr. Alun Davies"]
    assert only.cells[1].x0 > only.cells[0].x1 + 100


def test_the_stretched_spaces_of_a_justified_line_split_nothing(tmp_path):
    # Word spacing (Tw) of 12 pt at a 12 pt font: every gap between words is wide.
    extracted = read(tmp_path, make_content_pdf([
        "BT /F1 12 Tf 12 Tw 72 700 Td (the words of this justified line are spread out) Tj 0 Tw ET"
        " BT /F1 12 Tf 72 680 Td (a line that is not) Tj ET"
    ]))
    justified = line(extracted, "the words")
    assert len(justified.cells) == 1


def test_text_drawn_at_a_scale_has_its_printed_size(tmp_path):
    # A 1 pt font scaled twelvefold by the text matrix prints at 12 pt.
    extracted = read(tmp_path, make_content_pdf([
        "BT /F1 1 Tf 12 0 0 12 72 700 Tm (Scaled text) Tj ET BT /F2 18 Tf 72 650 Td (Big bold) Tj ET"
    ]))
    assert line(extracted, "Scaled").size == 12.0
    big = line(extracted, "Big bold")
    assert big.size == 18.0 and big.bold


def test_rotated_text_and_a_rotated_page_do_not_break_reading(tmp_path):
    extracted = read(tmp_path, make_content_pdf([
        "BT /F1 12 Tf 72 700 Td (Upright text) Tj ET BT /F1 12 Tf 0 1 -1 0 300 300 Tm (Rotated text) Tj ET"
    ]))
    assert [line.text for line in extracted.lines] == ["Upright text", "Rotated text"]
    assert all(line.has_position for line in extracted.lines)
    assert line(extracted, "Rotated").size == 12.0

    portrait = make_layout_pdf([[Piece("HEADING", bold=True, align="C"), Piece(BODY)]])
    turned = read(tmp_path, rotated(portrait, 90), "turned.pdf")
    heading = line(turned, "HEADING")
    # shown turned a quarter clockwise: landscape, the page's top edge on the right
    assert heading.page_width == pytest.approx(841.9, abs=0.1)
    assert heading.frame.height == pytest.approx(595.3, abs=0.1)
    assert 0 <= heading.x0 < heading.x1 <= heading.page_width
    assert heading.x0 > turned.lines[1].x1  # the heading, near the top, is now rightmost
    assert heading.bold


def test_a_page_without_text_among_pages_with_text(tmp_path):
    path = tmp_path / "mixed.pdf"
    path.write_bytes(make_pdf([["Minutes"], [], ["1. Apologies"]]))
    extracted = read_file(path)
    assert [line.page for line in extracted.lines] == [1, 3]
    assert all(line.has_position and line.size for line in extracted.lines)
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(make_drawing_pdf())
    with pytest.raises(UnreadableFile, match="no text layer"):
        read_file(blank)


def test_layout_can_be_switched_off(tmp_path):
    path = tmp_path / "plain.pdf"
    path.write_bytes(make_layout_pdf([[Piece("HEADING", bold=True, align="C"), Piece(BODY)]]))
    with_layout, text_only = read_pdf(path), read_pdf(path, layout=False)
    assert [line.text for line in text_only.lines] == [line.text for line in with_layout.lines]
    assert all(line.x0 is None and line.bold is None and line.cells is None for line in text_only.lines)
    assert text_only.lines[0].is_centred() is None and text_only.body_size is None


def test_font_names_and_flags_say_bold_and_italic():
    assert judge_font(b"ABCDEF+Arial-BoldMT", 0) == (True, False)
    assert judge_font(b"Aptos Narrow,BoldItalic", 0) == (True, True)
    assert judge_font(b"Segoe UI Semibold", 0) == (True, False)
    assert judge_font(b"Arial-ItalicMT", 0) == (False, True)
    assert judge_font(b"ArialMT", 1 << 18) == (True, False)  # ForceBold
    assert judge_font(b"ArialNarrow", 0) == (False, False)


def test_a_failing_layout_costs_the_layout_not_the_text(tmp_path, monkeypatch):
    from councilpapers.ingest.readers import pdf_layout

    def broken(self, spans):
        raise ValueError("a bug")

    monkeypatch.setattr(pdf_layout.TextPageLayout, "lines", broken)
    extracted = read(tmp_path, make_pdf([["Minutes", "1. Apologies"]]))
    assert [line.text for line in extracted.lines] == ["Minutes", "1. Apologies"]
    assert all(line.x0 is None for line in extracted.lines)
    assert any("no layout" in warning for warning in extracted.warnings)


# --- other formats -----------------------------------------------------------------

def test_plain_text_lines_have_no_layout(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_text("MINUTES\n\n1. Apologies\n", encoding="utf-8")
    for text_line in read_file(path).lines:
        assert text_line.x0 is None and text_line.bold is None and text_line.cells is None
        assert text_line.is_centred() is None and text_line.indent is None


def test_web_page_headings_and_strong_lines_are_bold(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(
        "<html><body><main><h2>Minutes</h2><p><strong>Present:</strong> Cllr Smith</p>"
        "<p><b>Resolved</b></p><p>Plain text</p>"
        "<table><tr><th>Name</th><th>Role</th></tr><tr><td>Cllr Smith</td><td>Chair</td></tr>"
        "<tr><td>54.</td><td>Public Question Time</td></tr></table></main></body></html>",
        encoding="utf-8",
    )
    lines = {line.text: line for line in read_file(path).lines}
    assert lines["Minutes"].bold and lines["Resolved"].bold
    assert not lines["Present: Cllr Smith"].bold and not lines["Plain text"].bold
    header, row, item = lines["Name  Role"], lines["Cllr Smith  Chair"], lines["54. Public Question Time"]
    assert header.bold and [cell.bold for cell in header.cells] == [True, True]
    assert [cell.text for cell in row.cells] == ["Cllr Smith", "Chair"] and not row.bold
    assert [cell.text for cell in item.cells] == ["54.", "Public Question Time"]
    assert row.cells[0].x0 is None and row.x0 is None and row.size is None


# --- real papers (skipped when ../shared is not here) ------------------------------

def test_community_council_minutes_centred_headings_and_an_owner_column():
    extracted = read_file(shared_file("pdfs-more", "manordeilo-salem-community-council-2019-09-11-minutes.pdf"))
    council = line(extracted, "MANORDEILO & SALEM COMMUNITY COUNCIL")
    meeting = line(extracted, "MEETING 11th SEPTEMBER 2019")
    assert council.is_centred() and council.bold and meeting.is_centred() and meeting.bold
    assert not line(extracted, "Manordeilo and Salem Community Council held").is_centred()
    assert line(extracted, "1. WELCOME AND APOLOGIES").bold
    owners = [line.cells[-1] for line in extracted.body() if len(line.cells) > 1]
    right = max(owner.x1 for owner in owners)
    at_right = {owner.text for owner in owners if owner.x1 > right - 40}
    assert {"Clerk", "Noted"} <= at_right
    offered = line(extracted, "offered to install the unit.")  # a jump inside one text object
    assert cells(offered) == ["offered to install the unit.", "Cllr. Alun Davies"]


def test_parish_minutes_bold_numbered_item_lines():
    extracted = read_file(shared_file("pdfs-more", "milburn-parish-council-2019-03-05-minutes.pdf"))
    items = [line for line in extracted.body() if line.text[:6] == "19.03." or line.text[:6] == "19.01."]
    assert len(items) >= 8
    assert all(line.bold for line in items)
    assert not line(extracted, "The minutes of the meeting held on").bold
    assert line(extracted, "Milburn Parish Council - 5th March 2019").is_centred()
    assert extracted.body_size == 12.0



def test_a_carriage_return_between_words_is_a_space_not_a_line_break(tmp_path):
    # Some writers put "\t\r \xa0" between every word of a line (a Word export):
    # the lone CR is a character of the text layer, not the end of the line.
    content = "BT /F1 12 Tf 72 700 Td (Riverside\\t\\r \\240Allotments\\t\\r \\240Group) Tj ET"
    path = tmp_path / "words.pdf"
    path.write_bytes(make_content_pdf([content]))
    lines = read_pdf(path).body()
    assert [line.text for line in lines] == ["Riverside Allotments Group"]
