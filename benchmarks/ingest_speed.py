"""Ingest speed on real PDFs next to pdftotext and bare pdfplumber/pypdfium2, in
one run on the same files. Writes benchmarks/RESULTS.md and prints the table.

    python benchmarks/ingest_speed.py [PDF_FOLDER]   (default: ../shared/pdfs)
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_PDFS = HERE.parent.parent / "shared" / "pdfs"


def timed(fn, repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def readable_pdfs(folder: Path) -> tuple[list[Path], int]:
    import pypdfium2

    files, pages = [], 0
    for path in sorted(folder.glob("*.pdf")):
        try:
            document = pypdfium2.PdfDocument(path)
        except Exception:
            continue
        files.append(path)
        pages += len(document)
        document.close()
    return files, pages


def councilpapers_ingest(files: list[Path]) -> tuple[float, int]:
    from councilpapers.corpus.store import Store
    from councilpapers.ingest.manager import ingest_paths
    from councilpapers.search import SearchIndex

    sizes = []

    def once():
        with tempfile.TemporaryDirectory() as home:
            store = Store(Path(home) / "s.sqlite")
            index = SearchIndex(Path(home) / "index")
            ingest_paths(files, store, index)
            store.close()
            sizes.append(sum(f.stat().st_size for f in Path(home).rglob("*") if f.is_file()))

    return timed(once), sizes[-1]


def pdftotext(files: list[Path]) -> float | None:
    if not shutil.which("pdftotext"):
        return None

    def once():
        for path in files:
            subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=False)

    return timed(once)


def pypdfium2_text(files: list[Path]) -> float:
    import pypdfium2

    def once():
        for path in files:
            document = pypdfium2.PdfDocument(path)
            for page in document:
                textpage = page.get_textpage()
                textpage.get_text_range()
                textpage.close()
                page.close()
            document.close()

    return timed(once)


def pdfplumber_text(files: list[Path]) -> float:
    import pdfplumber

    def once():
        for path in files:
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_text()
                    page.close()

    return timed(once, repeat=1)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PDFS
    if not folder.is_dir():
        sys.exit(f"{folder}: no such folder (give a folder of PDFs)")
    files, pages = readable_pdfs(folder)
    ingest_seconds, home_bytes = councilpapers_ingest(files)
    rows = [("councilpapers ingest (read, segment, store, index)", ingest_seconds)]
    for name, seconds in (
        ("pdftotext -layout (poppler-utils)", pdftotext(files)),
        ("pypdfium2 text only", pypdfium2_text(files)),
        ("pdfplumber extract_text (1 run)", pdfplumber_text(files)),
    ):
        if seconds is not None:
            rows.append((name, seconds))
    table = [
        f"Files: {len(files)} PDFs in {folder.name}/, {pages} pages (those pypdfium2 opens). Median of 3 runs unless said.",
        "",
        "| what | seconds | pages/s |",
        "|---|---:|---:|",
        *(f"| {name} | {seconds:.2f} | {pages / seconds:.0f} |" for name, seconds in rows),
        "",
        f"Store + index size after ingest: {home_bytes / 1e6:.1f} MB",
    ]
    text = "\n".join(table)
    (HERE / "RESULTS.md").write_text("# Ingest speed\n\n" + text + "\n")
    print(text)


if __name__ == "__main__":
    main()
