"""PDF reader: page-aware text through pypdfium2 (PDFium).

PDFium reads ~1,000 pages/s here against ~20 for pdfplumber, and keeps the page
of every line, which is all the segmenters need.

Lines: one per text line PDFium reports, stripped at both ends (PDFium's
leading spaces are layout artefacts, not indentation), blank lines dropped;
numbered 1-based across the whole file, so `number` counts lines of the
extracted text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import ExtractedText, UnreadableFile
from .furniture import mark_furniture

# A file is garbled when letters make up less than this share of
# letters + junk characters (see `junk_count`). Healthy files here score 1.0,
# the Horsley file (a font without a usable encoding) 0.0: the threshold sits
# far from both.
MIN_LETTER_SHARE = 0.5
MIN_JUNK_TO_JUDGE = 20  # ignore a handful of stray control characters

CID_GLYPH = re.compile(r"\(cid:\d+\)")  # how pdfminer-style tools render unmapped glyphs
CONTROL_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")  # Unicode's Cc, less "\n"

LOAD_ERRORS = {
    pdfium_c.FPDF_ERR_FILE: "file could not be opened",
    pdfium_c.FPDF_ERR_FORMAT: "damaged or truncated file",
    pdfium_c.FPDF_ERR_SECURITY: "unsupported security handler",
    pdfium_c.FPDF_ERR_PAGE: "page tree damaged",
    pdfium_c.FPDF_ERR_SUCCESS: "PDFium gave no reason",
}


class NoTextLayer(UnreadableFile):
    """No page has any text: a scan. OCR of the rendered pages can read it."""


class GarbledTextLayer(UnreadableFile):
    """The text layer is junk codes, but the pages render fine, so OCR of the
    rendered pages can read it."""


def read_pdf(path: Path) -> ExtractedText:
    pages, warnings = _page_texts(path)
    if not any(text.strip() for text in pages):
        raise NoTextLayer("no text layer — scanned? OCR is not enabled")
    if is_garbled("".join(pages)):
        raise GarbledTextLayer("garbled text layer (font without a usable encoding) — OCR needed")

    lines = mark_furniture([clean_lines(text) for text in pages])
    empty = [str(i + 1) for i, text in enumerate(pages) if not text.strip()]
    if empty:
        warnings.append(f"no text on page(s) {', '.join(empty)} (scanned images?)")
    return ExtractedText("pdf", lines, page_count=len(pages), warnings=warnings)


def _page_texts(path: Path) -> tuple[list[str], list[str]]:
    """The raw text of each page."""
    data = Path(path).read_bytes()  # held here for as long as PDFium reads it
    warnings: list[str] = []
    if b"%%EOF" not in data[-1024:]:
        warnings.append("no %%EOF marker at the end: the file may be truncated")
    document = pdfium.PdfDocument(_open(data))
    try:
        texts = []
        for index in range(len(document)):
            try:
                texts.append(_page_text(document, index))
            except pdfium.PdfiumError:
                warnings.append(f"page {index + 1} could not be read")
                texts.append("")
        return texts, warnings
    finally:
        document.close()


def _open(data: bytes) -> pdfium_c.FPDF_DOCUMENT:
    # The raw call, because pypdfium2's PdfDocument reports a document without
    # pages with whatever error code an earlier failure left behind.
    # No password: PDFium then tries the empty user password, so files
    # encrypted only against editing still read.
    raw = pdfium_c.FPDF_LoadMemDocument64(data, len(data), None)
    if not raw:
        code = pdfium_c.FPDF_GetLastError()
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise UnreadableFile("encrypted PDF (password required)")
        reason = LOAD_ERRORS.get(code, f"PDFium error {code}")
        raise UnreadableFile(f"not a readable PDF ({reason})")
    if pdfium_c.FPDF_GetPageCount(raw) < 1:
        pdfium_c.FPDF_CloseDocument(raw)
        raise UnreadableFile("PDF has no pages")
    return raw


def _page_text(document: pdfium.PdfDocument, index: int) -> str:
    # Close text page and page at once: a 500-page pack otherwise keeps every
    # parsed page in memory until the document goes.
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            return textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()


def junk_count(text: str) -> int:
    """Characters that no real text layer is made of: control characters other
    than whitespace, private-use and non-characters, and "(cid:NN)" glyph codes."""
    text = _normalise_hyphens(text)
    junk = sum(len(match) for match in CID_GLYPH.findall(text))
    # Judged once per distinct character (a page has a few hundred) and counted
    # in C: a loop over every character took half the reading time.
    for char, count in Counter(CID_GLYPH.sub("", text)).items():
        if char.isspace():
            continue
        if unicodedata.category(char) in ("Cc", "Co", "Cn", "Cs") or char == "\ufffd":
            junk += count
    return junk


def is_garbled(text: str) -> bool:
    """True when junk characters rival the letters (see MIN_LETTER_SHARE)."""
    junk = junk_count(text)
    if junk < MIN_JUNK_TO_JUDGE:
        return False
    letters = sum(char.isalpha() for char in CID_GLYPH.sub("", text))
    return letters / (letters + junk) < MIN_LETTER_SHARE


def _normalise_hyphens(text: str) -> str:
    # PDFium reports hyphens it thinks may be soft (in "City-owned", "multi-year")
    # as U+FFFE, and a hyphen ending a line as \x02; both were printed as "-".
    # A soft hyphen (U+00AD) shows only where it breaks a line.
    text = text.replace("\ufffe", "-").replace("\x02", "-")
    text = re.sub("\xad(?=\r?\n|$)", "-", text)
    return text.replace("\xad", "")


def clean_lines(page_text: str) -> list[str]:
    """A page's text as stripped, non-blank lines with PDFium's markers normalised."""
    text = _normalise_hyphens(page_text).replace("\r\n", "\n").replace("\r", "\n")
    # Whatever control characters survive the garbled check carry no text.
    text = CONTROL_BUT_NEWLINE.sub(" ", text)
    return [line.strip() for line in text.split("\n") if line.strip()]
