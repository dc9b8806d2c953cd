"""Plain-text reader: decoding, line numbers, pages from form feeds and "Page N" markers."""

from __future__ import annotations

from pathlib import Path

import pytest

from councilpapers.ingest.model import UnreadableFile
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.readers.text import plausible_markers

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
PACK = SAMPLES / "kent-corporate-parenting-panel-2016-07-20-agenda-pack.txt"


def write(tmp_path: Path, data: bytes | str, name: str = "paper.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def read(tmp_path: Path, data: bytes | str, name: str = "paper.txt"):
    return read_file(write(tmp_path, data, name))


def pages_of(extracted) -> dict[str, int | None]:
    return {line.text: line.page for line in extracted.lines}


# --- decoding ---------------------------------------------------------------

def test_utf8_with_bom(tmp_path):
    extracted = read(tmp_path, "\ufeffAGENDA\nCost £1,000 – agreed\n".encode("utf-8"))
    assert [line.text for line in extracted.lines] == ["AGENDA", "Cost £1,000 – agreed"]
    assert extracted.format == "text"


def test_cp1252_pound_and_curly_apostrophe(tmp_path):
    extracted = read(tmp_path, b"Budget \xa3100,000\nthe Council\x92s reserves\n")
    assert [line.text for line in extracted.lines] == ["Budget £100,000", "the Council’s reserves"]


def test_binary_data_named_txt(tmp_path):
    with pytest.raises(UnreadableFile, match="^binary data, not text$"):
        read(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    with pytest.raises(UnreadableFile, match="^binary data, not text$"):
        read(tmp_path, bytes(range(1, 32)) * 20)  # no NUL, but control characters only


def test_empty_text_file(tmp_path):
    with pytest.raises(UnreadableFile, match="^empty file$"):
        read(tmp_path, b"")
    with pytest.raises(UnreadableFile, match="only blank lines"):
        read(tmp_path, b"\r\n  \n\f\n")


# --- line numbers -----------------------------------------------------------

def test_line_numbers_are_the_files_own_and_blank_lines_are_dropped(tmp_path):
    extracted = read(tmp_path, "AGENDA  \r\n\r\n1. Apologies\r\n   \r\n2. Minutes\r\n")
    assert [(line.number, line.text) for line in extracted.lines] == [
        (1, "AGENDA"), (3, "1. Apologies"), (5, "2. Minutes")]
    assert all(line.page is None and not line.furniture for line in extracted.lines)
    assert extracted.page_count is None


# --- form feeds -------------------------------------------------------------

def test_form_feed_pages_with_running_header(tmp_path):
    header = "KENT COUNTY COUNCIL — Corporate Parenting Panel"
    pages = [f"{header}\n\nItem {n}: text of item {word}\nPage {n}\n"
             for n, word in zip(range(1, 5), ["one", "two", "three", "four"])]
    extracted = read(tmp_path, "\f".join(pages))
    assert extracted.page_count == 4
    lines = extracted.lines
    assert [(line.number, line.page) for line in lines if line.text == header] == [
        (1, 1), (5, 2), (9, 3), (13, 4)]
    assert all(line.furniture for line in lines if line.text == header or line.text.startswith("Page"))
    assert [(line.number, line.page, line.text) for line in extracted.body()] == [
        (3, 1, "Item 1: text of item one"), (7, 2, "Item 2: text of item two"),
        (11, 3, "Item 3: text of item three"), (15, 4, "Item 4: text of item four")]


def test_form_feed_at_start_of_line_opens_that_page(tmp_path):
    # pdftotext writes "\f" before the first line of the next page
    extracted = read(tmp_path, "first\nsecond\n\fthird\nfourth\f")
    assert [(line.number, line.page, line.text) for line in extracted.lines] == [
        (1, 1, "first"), (2, 1, "second"), (3, 2, "third"), (4, 2, "fourth")]


# --- "Page N" markers -------------------------------------------------------

def test_page_markers_spread_pages_over_the_lines_between(tmp_path):
    lines = ["intro a", "intro b", "intro c", "intro d", "intro e", "Page 3",
             "next page", "Page 4", "more", "more two", "Page 6", "tail"]
    extracted = read(tmp_path, "\n".join(lines))
    assert [(line.number, line.page) for line in extracted.lines] == [
        (1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3),
        (7, 4), (8, 4), (9, 5), (10, 6), (11, 6), (12, 7)]
    assert [line.text for line in extracted.lines if line.furniture] == ["Page 3", "Page 4", "Page 6"]
    assert extracted.page_count == 7
    assert extracted.warnings == ["page numbers estimated from 'Page N' markers"]


def test_backward_and_implausible_markers_are_ignored_but_stay_furniture(tmp_path):
    lines = [f"line {n}" for n in range(1, 21)]
    lines[4] = "Page 2"      # line 5
    lines[6] = "Page 90"     # line 7: 88 pages in 2 lines
    lines[9] = "Page 4"      # line 10
    lines[12] = "Page 2"     # line 13: an appendix's own numbering
    lines[15] = "Page 5"     # line 16
    extracted = read(tmp_path, "\n".join(lines))
    page = {line.number: line.page for line in extracted.lines}
    assert page[5] == 2 and page[7] in (3, 4) and page[10] == 4 and page[13] == 5 and page[16] == 5
    assert page[20] == 6
    assert [line.number for line in extracted.lines if line.furniture] == [5, 7, 10, 13, 16]
    pages = [line.page for line in extracted.lines]
    assert pages == sorted(pages)


def test_plausible_markers_keep_the_longest_rising_chain():
    markers = [(10, 2), (20, 40), (30, 3), (40, 4), (45, 1), (60, 6)]
    assert plausible_markers(markers) == [(10, 2), (30, 3), (40, 4), (60, 6)]
    assert plausible_markers([(1, 500)]) == []  # page 500 on line 2 cannot be
    assert plausible_markers([]) == []


def test_real_kent_pack_pages_and_line_numbers():
    if not PACK.exists():
        pytest.skip(f"{PACK} is not available")
    extracted = read_file(PACK)
    file_lines = PACK.read_text(encoding="utf-8").split("\n")
    assert all(file_lines[line.number - 1].rstrip() == line.text for line in extracted.lines)
    lines = {line.number: line for line in extracted.lines}
    assert (lines[243].text, lines[243].page, lines[243].furniture) == ("Page 7", 7, True)
    assert (lines[438].page, lines[763].page, lines[1792].page, lines[2975].page) == (11, 18, 39, 54)
    assert lines[1].page == 1 and not lines[1].furniture
    assert lines[245].page == 8  # the first line after the "Page 7" footer
    assert lines[644].text.strip() == "Agenda Item B1" and not lines[644].furniture
    pages = [line.page for line in extracted.lines]
    assert pages == sorted(pages)
    assert [line.number for line in extracted.lines if line.furniture] == [243, 438, 763, 1539, 1792, 2975]


def test_real_samples_keep_file_line_numbers():
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} is not available")
    for path in sorted(SAMPLES.glob("*.txt")):
        extracted = read_file(path)
        file_lines = path.read_text(encoding="utf-8").split("\n")
        assert all(file_lines[line.number - 1].rstrip() == line.text for line in extracted.lines), path
