"""What reading PDFs costs with and without layout, in one process, in turns.

    python benchmarks/reader_speed.py [DIR ...] [--repeats N]

Reads every PDF with a text layer under the given folders (default:
../shared/pdfs and ../shared/pdfs-kent) with `read_pdf(layout=False)` (text
only: what the reader did before layout) and `read_pdf()` (text and layout),
alternating, N times each, and prints pages/s: the best and the median of the
repeats, so that a busy machine shows as spread rather than as a slowdown.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from councilpapers.ingest.model import UnreadableFile  # noqa: E402
from councilpapers.ingest.readers.pdf import read_pdf  # noqa: E402

DEFAULT_FOLDERS = [HERE.parent.parent / "shared" / "pdfs", HERE.parent.parent / "shared" / "pdfs-kent"]


def readable(folders: list[Path]) -> tuple[list[Path], int]:
    files, pages = [], 0
    for folder in folders:
        for path in sorted(folder.glob("*.pdf")):
            try:
                pages += read_pdf(path, layout=False).page_count
            except UnreadableFile:
                continue  # scans and garbled text layers: OCR's business
            files.append(path)
    return files, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--repeats", type=int, default=5)
    options = parser.parse_args()
    files, pages = readable(options.folders)
    if not files:
        sys.exit("no readable PDF in " + ", ".join(map(str, options.folders)))
    rates: dict[str, list[float]] = {"text only": [], "text and layout": []}
    for _ in range(options.repeats):
        for name, layout in (("text only", False), ("text and layout", True)):
            began = time.perf_counter()
            for path in files:
                read_pdf(path, layout=layout)
            rates[name].append(pages / (time.perf_counter() - began))
    print(f"{len(files)} files, {pages} pages, {options.repeats} repeats")
    for name, values in rates.items():
        print(f"{name:16} best {max(values):5.0f} pages/s  median {statistics.median(values):5.0f} pages/s"
              f"  ({', '.join(f'{value:.0f}' for value in values)})")
    best_text, best_layout = max(rates["text only"]), max(rates["text and layout"])
    print(f"layout costs {1000 / best_layout - 1000 / best_text:.2f} ms a page at best")


if __name__ == "__main__":
    main()
