"""Build small PDFs for tests with fpdf2: pages of lines, an optional running
header and footer, optional encryption.

    make_pdf([["Minutes", "1. Apologies"], ["2. Budget"]],
             header="KENT COUNTY COUNCIL — Corporate Parenting Panel",
             footer="Page {page}")

Every string becomes one text line at its own height, so PDFium reads it back
as one line. DejaVu Sans is used when installed (for "—", "’"); otherwise the
core Helvetica font with such characters replaced by ASCII.

Layouts (core Helvetica, ASCII text): `make_layout_pdf` sets each line as
pieces at given positions, sizes and weights —

    make_layout_pdf([[Piece("MINUTES", bold=True, size=14, align="C"),
                      [Piece("5.", x=25), Piece("Apologies", x=38)]]])

— and `make_content_pdf` writes content-stream text operators as given, for
what fpdf2 does not write: one text object that jumps right inside itself
(a TJ kerning offset), or word spacing stretched as in justified text.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ASCII_FOR = {"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}
LINE_HEIGHT = 6  # mm; an A4 page holds about 40 lines between header and footer


def make_pdf(
    pages: list[list[str]],
    *,
    header: str | None = None,
    footer: str | None = None,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """A PDF with one page per entry of `pages`. `header` and `footer` may use
    {page} and {pages}. Setting either password encrypts the file; an owner
    password alone leaves the user password empty (opens without asking)."""
    pdf = _new_pdf()
    if user_password is not None or owner_password is not None:
        pdf.set_encryption(owner_password=owner_password or "owner", user_password=user_password)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        if header:
            _write(pdf, header.format(page=number, pages=len(pages)))
            pdf.ln(LINE_HEIGHT)
        for line in lines:
            _write(pdf, line)
        if footer:
            pdf.set_y(-20)
            _write(pdf, footer.format(page=number, pages=len(pages)))
    return bytes(pdf.output())


def make_drawing_pdf(page_count: int = 1) -> bytes:
    """Pages with a drawn rectangle and no text at all, like a scan without OCR."""
    pdf = _new_pdf()
    for _ in range(page_count):
        pdf.add_page()
        pdf.rect(20, 20, 120, 80, style="DF")
    return bytes(pdf.output())


def make_zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (fpdf2 will not write one)."""
    return _pdf_file([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def _pdf_file(objects: list[bytes]) -> bytes:
    """A PDF file of the given objects, numbered from 1, with its xref table."""
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


@dataclass(frozen=True)
class Piece:
    """Text set at `x` mm from the page's left edge (None: the left margin),
    or centred between the margins (align "C") or flush right ("R"), in one
    of the core fonts ("helvetica", "times", "courier")."""

    text: str
    x: float | None = None
    bold: bool = False
    size: float = 11
    align: str = "L"
    font: str = "helvetica"


LAYOUT_MARGIN = 20  # mm, left and right
LAYOUT_LINE_HEIGHT = 8  # mm


def make_layout_pdf(pages: list[list[Piece | list[Piece]]], *, landscape: bool = False) -> bytes:
    """One page per entry; each line a Piece or a list of Pieces side by side."""
    pdf = FPDF(format="A4", orientation="L" if landscape else "P")
    pdf.set_auto_page_break(False)
    pdf.set_margins(LAYOUT_MARGIN, LAYOUT_MARGIN, LAYOUT_MARGIN)
    pdf.c_margin = 0  # text at the given x exactly, not inset by a cell padding
    for lines in pages:
        pdf.add_page()
        y = LAYOUT_MARGIN
        for line in lines:
            for piece in [line] if isinstance(line, Piece) else line:
                pdf.set_font(piece.font, style="B" if piece.bold else "", size=piece.size)
                pdf.set_xy(LAYOUT_MARGIN if piece.x is None else piece.x, y)
                if piece.align == "L":
                    pdf.cell(w=pdf.get_string_width(piece.text), h=LAYOUT_LINE_HEIGHT, text=piece.text)
                else:
                    pdf.set_x(LAYOUT_MARGIN)
                    pdf.cell(w=0, h=LAYOUT_LINE_HEIGHT, text=piece.text, align=piece.align)
            y += LAYOUT_LINE_HEIGHT
    return bytes(pdf.output())


def make_content_pdf(pages: list[str], *, size: tuple[float, float] = (595, 842)) -> bytes:
    """A PDF whose pages' content streams are the given text operators, with
    fonts /F1 (Helvetica) and /F2 (Helvetica-Bold), e.g.
    "BT /F1 12 Tf 72 700 Td [(to the Community) -25000 (Clerk)] TJ ET"."""
    fonts = b"<< /F1 3 0 R /F2 4 0 R >>"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages are numbered
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    kids = []
    for content in pages:
        stream = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %g %g] /Resources << /Font %s >> "
                       b"/Contents %d 0 R >>" % (size[0], size[1], fonts, len(objects)))
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return _pdf_file(objects)


def rotated(pdf: bytes, degrees: int) -> bytes:
    """The same PDF with every page's /Rotate set to `degrees` (clockwise)."""
    document = pdfium.PdfDocument(pdf)
    try:
        for index in range(len(document)):
            document[index].set_rotation(degrees)
        out = io.BytesIO()
        document.save(out)
        return out.getvalue()
    finally:
        document.close()


def write_pdf(path: Path, pages: list[list[str]], **options) -> Path:
    path.write_bytes(make_pdf(pages, **options))
    return path


def pdf_text(text: str) -> str:
    """`text` as it comes back from a PDF made here (ASCII stand-ins without DejaVu)."""
    if DEJAVU.exists():
        return text
    return "".join(ASCII_FOR.get(char, char) for char in text)


def _new_pdf() -> FPDF:
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    if DEJAVU.exists():
        pdf.add_font("DejaVu", fname=str(DEJAVU))
        pdf.set_font("DejaVu", size=11)
    else:
        pdf.set_font("helvetica", size=11)
    return pdf


def _write(pdf: FPDF, text: str) -> None:
    pdf.cell(text=pdf_text(text), new_x="LMARGIN", new_y="NEXT", h=LINE_HEIGHT)
