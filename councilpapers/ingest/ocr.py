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
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from pathlib import Path

from .model import ExtractedText, UnreadableFile
from .readers.furniture import mark_furniture
from .readers.pdf import clean_lines, is_garbled

OCR_DPI = 200
OCR_LANGUAGE = "eng"
PAGE_TIMEOUT = 120  # seconds; a page Tesseract cannot read in this is left empty
OCR_PROCESSES = max(1, min(4, os.cpu_count() or 1))  # Tesseracts at once per file
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
    `why` ("no text layer", "garbled text layer") goes into the warning.

    Pages are rendered here one at a time (PDFium is not thread-safe) and read
    by up to OCR_PROCESSES Tesseracts at once, so a long scan alone in a batch
    still uses every core; at most that many page images are held at a time."""
    import pypdfium2 as pdfium

    # Read by every Tesseract this process starts; see the module docstring.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    warnings = [f"text by OCR ({why})"]
    document = pdfium.PdfDocument(Path(path))
    try:
        with ThreadPoolExecutor(OCR_PROCESSES) as tesseracts:
            reading: list[Future] = []
            for index in range(len(document)):
                if len(reading) - sum(f.done() for f in reading) >= OCR_PROCESSES:
                    wait([f for f in reading if not f.done()], return_when=FIRST_COMPLETED)
                page = document[index]
                try:
                    image = page.render(scale=OCR_DPI / POINTS_PER_INCH, grayscale=True).to_pil()
                finally:
                    page.close()
                reading.append(tesseracts.submit(_page_text, image))
            texts = []
            for number, future in enumerate(reading, start=1):
                text, error = future.result()
                texts.append(text)
                if error:
                    warnings.append(f"page {number}: OCR failed ({error})")
    finally:
        document.close()

    if not any(text.strip() for text in texts):
        raise UnreadableFile(f"{why} and OCR found no text either — a blank or image-only file?")
    if is_garbled("".join(texts)):
        raise UnreadableFile(f"{why} and OCR read only junk")
    lines = mark_furniture([clean_lines(text) for text in texts])
    return ExtractedText("pdf", lines, page_count=len(texts), warnings=warnings)


def _page_text(image) -> tuple[str, str | None]:
    """(text, None), or ("", why) when Tesseract fails on the page."""
    import pytesseract

    try:
        return pytesseract.image_to_string(image, lang=OCR_LANGUAGE, timeout=PAGE_TIMEOUT), None
    except (RuntimeError, pytesseract.TesseractError) as error:  # a timeout is a RuntimeError
        return "", str(error)
