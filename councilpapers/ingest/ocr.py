"""OCR for PDFs without a usable text layer: each page rendered by PDFium, read
by Tesseract (through pytesseract).

Chosen by measurement on 2 cores, on the Omaha scan (10 pages of 300 dpi
bitonal images) and the Horsley file (fonts without a usable encoding),
quality as the share of words of three letters or more found in a dictionary
(a real text layer, the Kent printed minutes, scores 91%):

    pytesseract, pages rendered at 200 dpi   0.96 pages/s   93.5% / 92.0%
    pytesseract, pages rendered at 300 dpi   0.75 pages/s   92.5% / 92.0%
    pytesseract, pages rendered at 150 dpi   0.87 pages/s   fewer words found
    ocrmypdf 14 (Debian), one job            0.62 pages/s   91.9% / 91.8%

ocrmypdf writes a new PDF that would then have to be read again, and brings
Ghostscript and a dozen Python packages; rendering with the PDFium we already
have and piping pages to Tesseract is faster and as good.

Tesseract's own OpenMP threads made it five times slower here (57 s against
10 s for the Omaha file), so each Tesseract runs on one thread and the ingest
gets its parallelism from its worker processes instead.
"""

from __future__ import annotations

import functools
import os
import shutil
from pathlib import Path

from .model import ExtractedText, UnreadableFile
from .readers.furniture import mark_furniture
from .readers.pdf import clean_lines, is_garbled

OCR_DPI = 200
OCR_LANGUAGE = "eng"
PAGE_TIMEOUT = 120  # seconds; a page Tesseract cannot read in this is left empty
POINTS_PER_INCH = 72

HOW_TO_ENABLE = "install Tesseract to OCR it (Debian/Ubuntu: apt-get install tesseract-ocr)"


@functools.cache
def ocr_unavailable_reason() -> str | None:
    """None when OCR can run here; otherwise what to install, as a phrase."""
    try:
        import pytesseract
    except ImportError:
        return "install pytesseract and Tesseract to OCR it (pip install pytesseract; apt-get install tesseract-ocr)"
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return HOW_TO_ENABLE
    try:
        languages = pytesseract.get_languages()
    except Exception as error:  # a broken install: say so rather than fail every file
        return f"Tesseract does not run ({error}); reinstall it to OCR"
    if OCR_LANGUAGE not in languages:
        return f"install Tesseract's '{OCR_LANGUAGE}' language data to OCR it (apt-get install tesseract-ocr-{OCR_LANGUAGE})"
    return None


def ocr_pdf(path: Path, why: str) -> ExtractedText:
    """The text of every page of `path` by OCR, as a reader would give it.
    `why` ("no text layer", "garbled text layer") goes into the warning."""
    import pypdfium2 as pdfium
    import pytesseract

    # Read by every Tesseract this process starts; see the module docstring.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    texts: list[str] = []
    warnings = [f"text by OCR ({why})"]
    document = pdfium.PdfDocument(Path(path))
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                image = page.render(scale=OCR_DPI / POINTS_PER_INCH, grayscale=True).to_pil()
                texts.append(pytesseract.image_to_string(image, lang=OCR_LANGUAGE, timeout=PAGE_TIMEOUT))
            except (RuntimeError, pytesseract.TesseractError) as error:  # a timeout is a RuntimeError
                warnings.append(f"page {index + 1}: OCR failed ({error})")
                texts.append("")
            finally:
                page.close()
    finally:
        document.close()

    if not any(text.strip() for text in texts):
        raise UnreadableFile(f"{why} and OCR found no text either — a blank or image-only file?")
    if is_garbled("".join(texts)):
        raise UnreadableFile(f"{why} and OCR read only junk")
    lines = mark_furniture([clean_lines(text) for text in texts])
    return ExtractedText("pdf", lines, page_count=len(texts), warnings=warnings)
