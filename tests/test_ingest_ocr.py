"""OCR: a PDF without a text layer, or with a garbled one, is read by Tesseract
when it is installed; otherwise one line says how to enable it. The source
records which it was; garbage is never indexed."""

from __future__ import annotations

import io
import json
import shutil
import unicodedata
from pathlib import Path

import pytest
from helpers import run
from pdf_factory import make_drawing_pdf, make_pdf

import councilpapers.ingest.ocr as ocr
from councilpapers.corpus.store import Store

needs_tesseract = pytest.mark.skipif(
    ocr.ocr_unavailable_reason() is not None,
    reason=f"OCR unavailable: {ocr.ocr_unavailable_reason()}",
)
OMAHA = "omaha-planning-2012-10-16-scanned-no-text-layer.pdf"
HORSLEY = "horsley-parish-council-2014-03-18-minutes-garbled-text-layer.pdf"
MINUTES = ["MINUTES of a meeting of the Parish Council held on 18 March 2014",
           "1. Apologies for absence", "Apologies were received from Councillor Wheelwright.",
           "2. Village hall roof", "RESOLVED that the quotation for the roof repairs be accepted."]


def source(home: Path, path: Path):
    store = Store(home / "councilpapers.sqlite")
    try:
        return store.source_at(str(path.resolve()))
    finally:
        store.close()


def scanned(lines: list[str]) -> bytes:
    """A PDF of one page image with `lines` printed on it, and no text layer."""
    import pypdfium2 as pdfium
    from fpdf import FPDF

    document = pdfium.PdfDocument(make_pdf([lines]))
    image = document[0].render(scale=200 / 72, grayscale=True).to_pil()
    pdf = FPDF(format="A4")
    pdf.add_page()
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    pdf.image(buffer, x=0, y=0, w=210, h=297)
    return bytes(pdf.output())


def test_without_tesseract_one_line_says_how_to_enable_ocr(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "ocr_unavailable_reason", lambda: ocr.HOW_TO_ENABLE)
    paper = tmp_path / "scan.pdf"
    paper.write_bytes(make_drawing_pdf())
    result = run(tmp_path / "home", "ingest", "--jobs", "1", str(paper))
    assert result.exit_code == 1
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors == [f"error: {paper.resolve()}: no text layer — scanned? OCR is not enabled: "
                      "install Tesseract to OCR it (Debian/Ubuntu: apt-get install tesseract-ocr)"]
    assert source(tmp_path / "home", paper).text_layer == "missing"


@needs_tesseract
def test_a_scan_is_read_by_ocr(tmp_path):
    paper = tmp_path / "scan.pdf"
    paper.write_bytes(scanned(MINUTES))
    home = tmp_path / "home"
    result = run(home, "ingest", str(paper))
    assert result.exit_code == 0, result.output
    assert source(home, paper).text_layer == "missing" and source(home, paper).status == "ok"
    hits = json.loads(run(home, "search", "roof quotation", "--format", "json").output)
    assert hits and hits[0]["page"] == 1


@needs_tesseract
def test_blank_pages_are_a_clear_failure_after_ocr(tmp_path):
    paper = tmp_path / "blank.pdf"
    paper.write_bytes(make_drawing_pdf())
    result = run(tmp_path / "home", "ingest", str(paper))
    assert result.exit_code == 1
    assert "no text layer and OCR found no text either" in result.output


def test_a_garbled_text_layer_without_ocr_is_flagged_and_not_indexed(shared_file, tmp_path):
    paper = tmp_path / HORSLEY
    shutil.copy(shared_file(f"pdfs/{HORSLEY}"), paper)
    home = tmp_path / "home"
    result = run(home, "ingest", "--no-ocr", str(paper))
    assert result.exit_code == 1
    assert "garbled text layer (font without a usable encoding) — OCR needed (--no-ocr)" in result.output
    flagged = source(home, paper)
    assert (flagged.status, flagged.text_layer) == ("failed", "garbled")
    stats = {row["what"]: row["count"] for row in json.loads(run(home, "stats", "--format", "json").output)}
    assert stats["index documents"] == 0


@needs_tesseract
def test_the_real_scan_and_garbled_file_are_ocred(shared_file, tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in (OMAHA, HORSLEY):
        shutil.copy(shared_file(f"pdfs/{name}"), papers / name)
    home = tmp_path / "home"
    result = run(home, "ingest", "--jobs", "2", str(papers))
    assert result.exit_code == 0, result.output
    assert "2 files: 2 ingested" in result.output
    omaha, horsley = source(home, papers / OMAHA), source(home, papers / HORSLEY)
    assert (omaha.status, omaha.text_layer, omaha.pages) == ("ok", "missing", 10)
    assert (horsley.status, horsley.text_layer, horsley.pages) == ("ok", "garbled", 3)

    exported = [json.loads(line) for line in run(home, "export").output.splitlines()]
    texts = [json.dumps(record, ensure_ascii=False) for record in exported if record.get("source")]
    assert texts
    for text in texts:  # no junk reached the store, so none reached the index
        assert "(cid:" not in text
        body = json.loads(text).get("text", "") or ""
        assert not any(unicodedata.category(char) in ("Cc", "Co") and not char.isspace() for char in body)
    # What the segmenters make of the OCR text is theirs to test; the words are read.
    documents = {Path(r["source"]).name: r["title"] for r in exported if r["type"] == "document"}
    assert documents[OMAHA] == "Planning Department"
    figures = " ".join(r["context"] for r in exported if r["type"] == "figure")
    assert "£340.20" in figures and "residents" in figures
    for words, paper in (("Wheelbarrow Farm", HORSLEY), ("Eagles Nest", OMAHA)):
        hits = json.loads(run(home, "search", words, "--format", "json").output)
        assert hits and Path(hits[0]["source"]).name == paper, words
