"""Build small PDFs for tests with fpdf2: pages of lines, an optional running
header and footer, optional encryption.

    make_pdf([["Minutes", "1. Apologies"], ["2. Budget"]],
             header="KENT COUNTY COUNCIL — Corporate Parenting Panel",
             footer="Page {page}")

Every string becomes one text line at its own height, so PDFium reads it back
as one line; a pair (text, right) is a line with `right` flush right. DejaVu Sans is used when installed (for "—", "’"); otherwise the
core Helvetica font with such characters replaced by ASCII.
"""

from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
ASCII_FOR = {"—": "-", "–": "-", "’": "'", "‘": "'", "“": '"', "”": '"'}
LINE_HEIGHT = 6  # mm; an A4 page holds about 40 lines between header and footer


def make_pdf(
    pages: list[list[str | tuple[str, str]]],
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
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


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


def _write(pdf: FPDF, line: str | tuple[str, str]) -> None:
    """One line; a pair (text, right) sets `right` flush with the right margin
    on the same line, as a column of page ranges or owners is printed."""
    text, right = (line, None) if isinstance(line, str) else line
    if right is not None:
        pdf.cell(w=0, text=pdf_text(right), align="R", h=LINE_HEIGHT)
        pdf.set_x(pdf.l_margin)
    pdf.cell(text=pdf_text(text), new_x="LMARGIN", new_y="NEXT", h=LINE_HEIGHT)
