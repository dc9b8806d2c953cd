"""A 500-page PDF ingests within bounded memory: pages are read and let go one
at a time, so its peak is close to that of a 5-page file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pdf_factory import write_pdf

# The ingest in a fresh interpreter, reporting its own peak resident size.
MEASURE = """
import resource, sys
from councilpapers.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    code = done.code
print("peak_kb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(code)
"""
MAX_GROWTH_MB = 60  # over the 5-page file's peak (measured: 101 MB for both)


def pages(count: int) -> list[list[str]]:
    return [
        [f"{page}. Item {page} of the agenda",
         *(f"Line {line} of page {page}: the committee considered the highways budget of £{page * line},000."
           for line in range(35))]
        for page in range(1, count + 1)
    ]


def peak_mb(tmp_path: Path, pdf: Path) -> float:
    result = subprocess.run(
        [sys.executable, "-c", MEASURE, "--home", str(tmp_path / pdf.stem), "ingest", "--jobs", "1", str(pdf)],
        capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "1 file: 1 ingested" in result.stdout
    kilobytes = int(result.stderr.split("peak_kb")[-1].split()[0])
    return kilobytes / 1024


@pytest.mark.skipif(sys.platform != "linux", reason="ru_maxrss is in kilobytes on Linux only")
def test_a_500_page_pdf_ingests_in_bounded_memory(tmp_path):
    small = write_pdf(tmp_path / "five.pdf", pages(5), footer="Page {page}")
    large = write_pdf(tmp_path / "five-hundred.pdf", pages(500), footer="Page {page}")
    baseline, peak = peak_mb(tmp_path, small), peak_mb(tmp_path, large)
    print(f"peak resident memory: 5 pages {baseline:.0f} MB, 500 pages {peak:.0f} MB")
    assert peak - baseline < MAX_GROWTH_MB
