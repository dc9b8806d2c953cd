"""One file's work, as a worker process does it: read the file (by OCR when it
has no usable text layer and OCR may run), then extract its meetings and records.

A pure function of the file: it touches neither the store nor the index, and
whatever goes wrong comes back as a picklable `FileWork` with an `error`, so the
main process, which alone writes, can record it and go on.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from ..corpus.records import Meeting, Record, TextLayer
from .pipeline import extract
from .model import ExtractedText, UnreadableFile
from .readers import read_file
from .readers.pdf import GarbledTextLayer, NoTextLayer


@dataclass(frozen=True)
class FileTask:
    path: Path  # as found
    key: str  # the resolved path the store knows the file by
    sha256: str
    size: int = 0  # bytes
    ocr: bool = True  # OCR a PDF without a usable text layer (when Tesseract is here)


@dataclass
class FileWork:
    task: FileTask
    format: str | None = None
    pages: int | None = None
    meetings: list[Meeting] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    report: dict | None = None  # the parse report (`corpus.parse_report.ParseReport`) as JSON
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # one sentence: why the file could not be read
    text_layer: TextLayer | None = None  # PDFs only
    seconds: float = 0.0


def process_file(task: FileTask) -> FileWork:
    start = time.perf_counter()
    work = FileWork(task)
    try:
        text = _read(task, work)
        extraction = extract(text, task.key, task.sha256)
        work.meetings, work.records = extraction.meetings, extraction.records
        work.report = extraction.report.to_json()
        work.format, work.pages, work.warnings = text.format, text.page_count, text.warnings
    except UnreadableFile as error:
        work.error = str(error)
    except MemoryError:
        work.error = "needed more memory than a file may use (--file-memory)"
    except OSError as error:
        work.error = os_reason(error)
    except Exception as error:  # a segmenter's bug on one file must not sink the batch
        work.error = f"could not extract records ({type(error).__name__}: {error})"
    work.seconds = time.perf_counter() - start
    return work


def crashed(task: FileTask) -> FileWork:
    """The work of a file whose worker process died reading it. PDFium aborts
    when an allocation fails, so the memory bound kills the same way."""
    return FileWork(task, error="the reader's process died on this file "
                                "(a crash, or more memory than a file may use: --file-memory)")


def timed_out(task: FileTask) -> FileWork:
    return FileWork(task, error="took longer than a file may take (--file-timeout); the batch went on")


def warm_up() -> None:
    """What every file needs loaded, before a worker's memory bound is set (and
    before forking, so children share it): spaCy's pipeline."""
    from .extractors.people import build_pipeline

    build_pipeline()


def _read(task: FileTask, work: FileWork) -> ExtractedText:
    try:
        text = read_file(task.path)
    except (NoTextLayer, GarbledTextLayer) as error:
        work.text_layer = TextLayer.MISSING if isinstance(error, NoTextLayer) else TextLayer.GARBLED
        return _ocr(task, error)
    if text.format == "pdf":
        work.text_layer = TextLayer.OK
    return text


def _ocr(task: FileTask, error: UnreadableFile) -> ExtractedText:
    from .ocr import ocr_pdf, ocr_unavailable_reason

    if not task.ocr:
        raise UnreadableFile(f"{error} (--no-ocr)")
    missing = ocr_unavailable_reason()
    if missing:
        raise UnreadableFile(f"{error}: {missing}")
    why = "no text layer" if isinstance(error, NoTextLayer) else "garbled text layer"
    return ocr_pdf(task.path, why)


def os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
