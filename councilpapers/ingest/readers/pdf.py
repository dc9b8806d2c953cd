"""PDF reader: page-aware text and layout through pypdfium2 (PDFium).

PDFium reads ~1,000 pages/s here against ~20 for pdfplumber, keeps the page of
every line and gives each character's font and position cheaply (see
`pdf_layout` for how the layout is read without a call per character).

Lines: one per text line PDFium reports, stripped at both ends (PDFium's
leading spaces are layout artefacts, not indentation: `x0` is the indent),
blank lines dropped; numbered 1-based across the whole file, so `number`
counts lines of the extracted text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..model import ExtractedText, UnreadableFile
from .furniture import mark_furniture
from .pdf_fonts import CharWidths, FontStyles
from .pdf_frames import page_frames
from .pdf_layout import PageGeometry, TextPageLayout, tidy

# A file is garbled when letters make up less than this share of
# letters + junk characters (see `junk_count`). Healthy files here score 1.0,
# the Horsley file (a font without a usable encoding) 0.0: the threshold sits
# far from both.
MIN_LETTER_SHARE = 0.5
MIN_JUNK_TO_JUDGE = 20  # ignore a handful of stray control characters

CID_GLYPH = re.compile(r"\(cid:\d+\)")  # how pdfminer-style tools render unmapped glyphs
# PDFium ends a line with "\r\n". A lone "\r" is a character of the text layer:
# some writers put "\t\r \xa0" between every word of a line (seen in a Word
# export), and it is no line break.
LINE = re.compile(r"(?:[^\r\n]|\r(?!\n))+")

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


@dataclass
class PageRead:
    """One page as read: PDFium's text, its lines with their layout keywords
    (see `Line`; None where PDFium places nothing), and the page's geometry."""

    text: str
    lines: list[tuple[str, dict | None]]
    geometry: PageGeometry | None = None


def read_pdf(path: Path, layout: bool = True) -> ExtractedText:
    """The file's lines; with `layout` False, text only (every layout field
    None): faster, for a benchmark of what layout costs."""
    pages, warnings = _read_pages(path, layout)
    texts = [page.text for page in pages]
    if not any(text.strip() for text in texts):
        raise NoTextLayer("no text layer — scanned? OCR is not enabled")
    if is_garbled("".join(texts)):
        raise GarbledTextLayer("garbled text layer (font without a usable encoding) — OCR needed")

    frames = page_frames([page.geometry for page in pages], [page.lines for page in pages])
    for page, frame in zip(pages, frames):
        for _, line_layout in page.lines:
            if line_layout:
                line_layout["frame"] = frame
    layouts = [[line_layout for _, line_layout in page.lines] for page in pages]
    lines = mark_furniture([[text for text, _ in page.lines] for page in pages], layouts)
    empty = [str(i + 1) for i, text in enumerate(texts) if not text.strip()]
    if empty:
        warnings.append(f"no text on page(s) {', '.join(empty)} (scanned images?)")
    return ExtractedText("pdf", lines, page_count=len(pages), warnings=warnings)


def _read_pages(path: Path, layout: bool) -> tuple[list[PageRead], list[str]]:
    data = Path(path).read_bytes()  # held here for as long as PDFium reads it
    warnings: list[str] = []
    if b"%%EOF" not in data[-1024:]:
        warnings.append("no %%EOF marker at the end: the file may be truncated")
    document = pdfium.PdfDocument(_open(data))
    fonts = (FontStyles(), CharWidths()) if layout else None
    try:
        pages = []
        for index in range(len(document)):
            try:
                pages.append(_read_page(document, index, fonts, warnings))
            except pdfium.PdfiumError:
                warnings.append(f"page {index + 1} could not be read")
                pages.append(PageRead("", []))
        return pages, warnings
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


def _read_page(document: pdfium.PdfDocument, index: int,
               fonts: tuple[FontStyles, CharWidths] | None, warnings: list[str]) -> PageRead:
    """The page's text and, given the document's `fonts`, its layout."""
    # Close text page and page at once: a 500-page pack otherwise keeps every
    # parsed page in memory until the document goes.
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text = textpage.get_text_range()
            marked = _mark_hyphens(text)
            spans = line_spans(marked)
            geometry = _geometry(page)
            layouts = [None] * len(spans)
            # Layout slices the text by PDFium's character indices: only when
            # the text is those characters one for one (always so far).
            if fonts is not None and textpage.count_chars() == len(text):
                try:
                    layouts = TextPageLayout(textpage.raw, marked, geometry, *fonts).lines(spans)
                except Exception as error:  # layout helps the segmenters; its failure must not cost the text
                    warnings.append(f"page {index + 1}: no layout ({type(error).__name__}: {error})")
            lines = [(line, layout) for (_, _, line), layout in zip(spans, layouts)]
            return PageRead(text, lines, geometry)
        finally:
            textpage.close()
    finally:
        page.close()


def _geometry(page: pdfium.PdfPage) -> PageGeometry:
    left, bottom, right, top = page.get_bbox()
    return PageGeometry(left, bottom, right, top, quarter_turns=page.get_rotation() // 90 % 4)


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


def _mark_hyphens(text: str) -> str:
    """PDFium's hyphen markers as printed, character for character (so the
    text still indexes PDFium's characters). It reports hyphens it thinks may
    be soft (in "City-owned", "multi-year") as U+FFFE, and a hyphen ending a
    line as \x02; both were printed as "-". A soft hyphen (U+00AD) shows only
    where it breaks a line (`tidy` drops the others)."""
    text = text.replace("\ufffe", "-").replace("\x02", "-")
    return re.sub("\xad(?=\r?\n|$)", "-", text)


def _normalise_hyphens(text: str) -> str:
    return _mark_hyphens(text).replace("\xad", "")


def line_spans(page_text: str) -> list[tuple[int, int, str]]:
    """(start, end, text) of each non-blank line of a page's text: where it is
    in the text, and its text stripped, with control characters (whatever
    survives the garbled check carries no text) as spaces."""
    return [(match.start(), match.end(), line) for match in LINE.finditer(page_text)
            if (line := tidy(match.group()))]


def clean_lines(page_text: str) -> list[str]:
    """A page's text as stripped, non-blank lines with PDFium's markers normalised."""
    return [line for _, _, line in line_spans(_mark_hyphens(page_text))]
