"""PDF reader, the read_file dispatcher and running header/footer detection."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_factory import make_drawing_pdf, make_pdf, make_zero_page_pdf, pdf_text, write_pdf

from councilpapers.ingest.model import UnreadableFile
from councilpapers.ingest.readers import SUPPORTED_SUFFIXES, read_file
from councilpapers.ingest.readers.furniture import mark_furniture, shape
from councilpapers.ingest.readers.pdf import clean_lines, is_garbled

HEADER = "KENT COUNTY COUNCIL — Corporate Parenting Panel"
PAGES = [
    ["MINUTES of a meeting of the Corporate Parenting Panel", "144. Apologies and substitutes",
     "Apologies were received from Mr R Brookbank."],
    ["145. Minutes of the meeting held on 15 March 2016", "RESOLVED that the minutes be signed."],
    ["Agenda Item B1", "146. Verbal update by the Cabinet Member", "Mr Lymer gave an update."],
    ["147. Date of next meeting", "The next meeting will be held on 20 July 2016."],
]


@pytest.fixture
def panel_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "panel.pdf", PAGES, header=HEADER, footer="Page {page}")


def by_text(extracted):
    return {line.text: line for line in extracted.lines}


def reason(path: Path) -> str:
    with pytest.raises(UnreadableFile) as caught:
        read_file(path)
    return str(caught.value)


# --- reading a generated PDF ---------------------------------------------------

def test_lines_carry_their_page_and_are_numbered_across_the_file(panel_pdf):
    extracted = read_file(panel_pdf)
    assert extracted.format == "pdf"
    assert extracted.page_count == 4
    assert [line.number for line in extracted.lines] == list(range(1, len(extracted.lines) + 1))
    lines = by_text(extracted)
    assert lines["144. Apologies and substitutes"].page == 1
    assert lines["145. Minutes of the meeting held on 15 March 2016"].page == 2
    assert lines["146. Verbal update by the Cabinet Member"].page == 3
    assert lines["The next meeting will be held on 20 July 2016."].page == 4
    assert [line.page for line in extracted.lines] == sorted(line.page for line in extracted.lines)


def test_running_header_and_page_footer_are_furniture_but_kept(panel_pdf):
    extracted = read_file(panel_pdf)
    headers = [line for line in extracted.lines if line.text == pdf_text(HEADER)]
    footers = [line for line in extracted.lines if line.text.startswith("Page ")]
    assert [line.page for line in headers] == [1, 2, 3, 4]
    assert [(line.text, line.page) for line in footers] == [(f"Page {n}", n) for n in range(1, 5)]
    assert all(line.furniture for line in headers + footers)
    body = extracted.body()
    assert body[0].text == "MINUTES of a meeting of the Corporate Parenting Panel"
    assert not any(line.furniture for line in body)
    assert len(body) == sum(len(page) for page in PAGES)


def test_a_banner_at_the_top_of_one_page_is_not_furniture(panel_pdf):
    banner = by_text(read_file(panel_pdf))["Agenda Item B1"]
    assert banner.page == 3
    assert not banner.furniture


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path):
    path = write_pdf(tmp_path / "locked.pdf", PAGES, owner_password="owner-only")
    assert b"/Encrypt" in path.read_bytes()
    assert "144. Apologies and substitutes" in by_text(read_file(path))


def test_encrypted_pdf_with_user_password_is_refused(tmp_path):
    path = write_pdf(tmp_path / "secret.pdf", PAGES, user_password="secret", owner_password="owner")
    assert reason(path) == "encrypted PDF (password required)"


def test_truncated_pdf(tmp_path):
    whole = make_pdf(PAGES, header=HEADER)
    path = tmp_path / "truncated.pdf"
    path.write_bytes(whole[: len(whole) // 2])
    assert reason(path).startswith("not a readable PDF (")


def test_non_pdf_bytes_named_pdf(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(b"This is not a PDF at all, just some words.\n" * 20)
    assert reason(path).startswith("not a readable PDF (")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.pdf"
    path.write_bytes(b"")
    assert reason(path) == "empty file"


def test_pdf_without_text_layer(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_drawing_pdf(page_count=2))
    assert reason(path) == "no text layer — scanned? OCR is not enabled"


def test_pdf_with_some_pages_without_text_warns(tmp_path):
    path = tmp_path / "mixed.pdf"
    path.write_bytes(make_pdf([["First page text"], [], ["Third page text"]]))
    extracted = read_file(path)
    assert extracted.page_count == 3
    assert any("page(s) 2" in warning for warning in extracted.warnings)


def test_pdf_without_pages(tmp_path):
    path = tmp_path / "zero.pdf"
    path.write_bytes(make_zero_page_pdf())
    assert reason(path) == "PDF has no pages"


def test_garbled_ratio():
    assert is_garbled("\x19\x1f\"#\x1c\x17& \x13\"\x1a#\x19\x01\x15\x1f$\x1e\x15\x1a\x1c" * 3)
    assert is_garbled("(cid:12)(cid:44)(cid:7) (cid:3)(cid:9)" * 5)
    assert not is_garbled("Apologies were received from Mr R Brookbank.\x01\x01" * 50)
    assert not is_garbled("1,200  3,400  5,600  7,800")  # a table of figures is not garbled


def test_clean_lines_normalises_pdfium_hyphens_and_whitespace():
    raw = "  City\ufffeowned land \r\nmulti\x02\r\n\r\nsoft\xadhyphen and line-end soft\xad\r\n\x00"
    assert clean_lines(raw) == ["City-owned land", "multi-", "softhyphen and line-end soft-"]


# --- read_file dispatch --------------------------------------------------------

def test_content_decides_before_the_name(tmp_path):
    path = tmp_path / "minutes.txt"
    path.write_bytes(make_pdf(PAGES))
    extracted = read_file(path)
    assert extracted.format == "pdf"
    assert extracted.warnings == ["named .txt but the content is pdf"]


def test_unsupported_type_and_missing_file(tmp_path):
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"PK\x03\x04 zipped word document")
    assert reason(path) == "unsupported file type (.docx)"
    assert reason(tmp_path / "absent.pdf").startswith("could not open the file")


def test_supported_suffixes():
    assert {".pdf", ".html", ".htm", ".txt", ".text", ".md"} <= SUPPORTED_SUFFIXES


# --- running headers and footers ------------------------------------------------

def test_shape_masks_digits_and_case():
    assert shape("Page 3  of 54") == shape("PAGE 12 of 54") == "page # of #"


def test_lone_page_numbers_at_page_edges():
    pages = [["Minutes", "text", "- 1 -"], ["text", "Page 2 of 2"]]
    lines = mark_furniture(pages)
    assert [line.text for line in lines if line.furniture] == ["- 1 -", "Page 2 of 2"]


def test_bare_numbers_are_page_numbers_only_when_they_follow_the_pages():
    printed_from_128 = [[str(127 + n), f"text of page {n}", "more text"] for n in range(1, 5)]
    assert all(line.furniture for line in mark_furniture(printed_from_128) if line.text.isdigit())
    # an item number "1" opening one page is content
    pages = [["Intro", "text"], ["Intro", "text"], ["Intro", "text"], ["1", "Apologies"], ["x", "y"]]
    marked = {(line.page, line.text): line.furniture for line in mark_furniture(pages)}
    assert marked[(4, "1")] is False
    # figures closing table pages recur as "#" but follow no page numbering
    tables = [[f"table {word}", "Total", figure] for word, figure in
              zip(["alpha", "beta", "gamma", "delta"], ["17", "154", "5", "990"])]
    assert not any(line.text.isdigit() and line.furniture for line in mark_furniture(tables))


def test_repeats_need_half_the_pages_and_at_least_three():
    two_pages = [["Panel", "a"], ["Panel", "b"]]
    assert not any(line.furniture for line in mark_furniture(two_pages))
    words = ["alpha", "beta", "gamma", "delta"]
    pages = [["Panel", word] for word in words] + [[word.upper()] for word in words]
    assert [line.page for line in mark_furniture(pages) if line.furniture] == [1, 2, 3, 4]
    pages[0][0] = "Introduction"  # now on 3 pages of 8: less than half
    assert not any(line.furniture for line in mark_furniture(pages))
    deep = [[*(f"{word} {part}" for part in "abc"), "Panel", *(f"{word} {part}" for part in "xyz")]
            for word in words]
    assert not any(line.furniture for line in mark_furniture(deep))  # not at an edge


def test_blank_entries_count_in_numbering_but_are_not_returned():
    lines = mark_furniture([["one", "", "three"], ["", "five"]])
    assert [(line.number, line.page, line.text) for line in lines] == [
        (1, 1, "one"), (3, 1, "three"), (5, 2, "five")]


# --- the real council files in /work/shared --------------------------------------

TEXT_PDFS = {  # file -> page count
    "baltimore-board-of-estimates-2020-01-15-minutes.pdf": 171,
    "east-palo-alto-planning-commission-2020-01-27-minutes.pdf": 3,
    "kent-cabinet-2025-01-30-agenda-frontsheet.pdf": 2,
    "kent-cabinet-2025-01-30-finance-monitoring-report.pdf": 54,
    "kent-cabinet-2025-01-30-proposed-record-of-decision-24-00096.pdf": 6,
    "kent-county-council-2025-01-09-printed-minutes.pdf": 10,
    "kent-county-council-2025-02-13-budget-amendments-pack.pdf": 48,
    "kingston-neighbourhood-committee-2026-01-15-petition-report.pdf": 7,
}
REFUSED = {
    "omaha-planning-2012-10-16-scanned-no-text-layer.pdf":
        "no text layer — scanned? OCR is not enabled",
    "horsley-parish-council-2014-03-18-minutes-garbled-text-layer.pdf":
        "garbled text layer (font without a usable encoding) — OCR needed",
}


def test_the_shared_folder_holds_the_files_these_tests_expect(shared_file):
    expected = set(TEXT_PDFS) | set(REFUSED)
    expected.add("kingston-neighbourhood-committee-2026-01-15-moderngov-agenda-page.html")
    # A file missing skips this test by its name, as it skips the tests that read it.
    paths = [shared_file(f"pdfs/{name}") for name in sorted(expected)]
    names = {path.name for path in paths[0].parent.iterdir()}
    assert expected <= names


@pytest.mark.parametrize("name", sorted(TEXT_PDFS))
def test_real_text_pdfs_read_with_pages(shared_file, name):
    extracted = read_file(shared_file(f"pdfs/{name}"))
    assert extracted.format == "pdf"
    assert extracted.page_count == TEXT_PDFS[name]
    assert {line.page for line in extracted.lines} <= set(range(1, TEXT_PDFS[name] + 1))
    assert extracted.lines[-1].page == TEXT_PDFS[name]
    assert len(extracted.body()) > 10
    assert all(line.text == line.text.strip() and line.text for line in extracted.lines)
    assert "\ufffe" not in extracted.text and "\x02" not in extracted.text


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_real_unreadable_pdfs(shared_file, name):
    assert reason(shared_file(f"pdfs/{name}")) == REFUSED[name]


def test_real_running_headers(shared_file):
    finance = read_file(shared_file("pdfs/kent-cabinet-2025-01-30-finance-monitoring-report.pdf"))
    marked = [line for line in finance.lines if line.furniture]
    assert [line.text for line in marked] == [f"Page {n} of 54" for n in range(1, 55)]
    baltimore = read_file(shared_file("pdfs/baltimore-board-of-estimates-2020-01-15-minutes.pdf"))
    first_page = [line for line in baltimore.lines if line.page == 1]
    assert first_page[0].text == "128" and first_page[0].furniture
    assert any(line.text == "City-owned" or "City-owned" in line.text for line in baltimore.lines)
