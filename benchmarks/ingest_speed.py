"""Ingest speed and what it costs, in one run on the same files, next to
pdftotext, bare pypdfium2 and bare pdfplumber. Writes benchmarks/RESULTS.md and
prints it.

    python benchmarks/ingest_speed.py [--pdfs DIR] [--scales 1,10,100] [--jobs N]

Corpora: the PDFs of DIR (default ../shared/pdfs) that have a text layer (the
scan and the garbled file are measured apart, under OCR), and synthetic 10x and
100x corpora of copies of them, each copy a distinct file (a comment after
%%EOF) so that none is skipped as a duplicate. They are written to
benchmarks/out/ and removed afterwards.

Every ingest is the real command line in a fresh process, so its time includes
starting Python and the workers; its peak memory is that of the largest
process (os.wait4 reports the maximum over the process and its workers).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_PDFS = ROOT.parent / "shared" / "pdfs"
OUT = HERE / "out"
DICTIONARY = Path("/usr/share/dict/words")
REPEATS_AT_1X = 3
PDFPLUMBER_MAX_PAGES = 1000  # ~19 pages/s: beyond this it is estimated, not run
QUERIES = [
    "budget", "planning application", '"county council"', "highways", "resolved", "minutes",
    "children", "council tax", "police", "devolution", "housing", "school", "contract award",
    "amendment", "recommendation", "capital programme", "NOT budget council", "parking OR transport",
]
OCR_FILES = {
    "omaha-planning-2012-10-16-scanned-no-text-layer.pdf": "scan, 300 dpi bitonal",
    "horsley-parish-council-2014-03-18-minutes-garbled-text-layer.pdf": "garbled text layer",
}
TEXT_LAYER_REFERENCE = "kent-county-council-2025-01-09-printed-minutes.pdf"


# -- the machine ----------------------------------------------------------------------

def _burn(start=None) -> float:
    if start is not None:
        start.wait()
    began = time.perf_counter()
    total = 0
    for n in range(20_000_000):
        total += n
    return time.perf_counter() - began


def parallel_speedup(jobs: int) -> float:
    """How much faster `jobs` CPU-bound processes get through work than one:
    what N jobs can give on this machine at best."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    one = _burn()
    start = context.Event()
    processes = [context.Process(target=_burn, args=(start,)) for _ in range(jobs)]
    for process in processes:
        process.start()
    time.sleep(1.0)  # let them all start Python before the clock
    began = time.perf_counter()
    start.set()
    for process in processes:
        process.join()
    together = time.perf_counter() - began
    one = min(one, _burn())  # other work on the machine slows either run; take the better
    return min(jobs * one / together, float(jobs))


# -- corpora ----------------------------------------------------------------------------

def text_pdfs(folder: Path) -> tuple[list[Path], int]:
    """The PDFs with a text layer, and their pages."""
    from councilpapers.ingest.model import UnreadableFile
    from councilpapers.ingest.readers import read_file

    files, pages = [], 0
    for path in sorted(folder.glob("*.pdf")):
        try:
            pages += read_file(path).page_count
        except UnreadableFile:
            continue
        files.append(path)
    return files, pages


def scaled_corpus(files: list[Path], copies: int) -> Path:
    folder = OUT / f"corpus-{copies}x"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for path in files:
        if copies == 1:
            shutil.copy(path, folder / path.name)
            continue
        data = path.read_bytes()
        for n in range(copies):
            # After %%EOF readers ignore it; the bytes, and so the checksum, differ.
            (folder / f"{path.stem}-copy{n:03d}.pdf").write_bytes(data + b"\n%copy " + str(n).encode() + b"\n")
    return folder


# -- runs ---------------------------------------------------------------------------------

def run_measured(args: list[str]) -> tuple[float, float, str]:
    """(seconds, peak resident MB of the largest process, stdout)."""
    start = time.perf_counter()
    process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    kilobytes = usage.ru_maxrss if sys.platform != "darwin" else usage.ru_maxrss / 1024
    return seconds, kilobytes / 1024, output


def ingest(folder: Path, home: Path, jobs: int) -> tuple[float, float]:
    if home.exists():
        shutil.rmtree(home)
    seconds, peak, output = run_measured([
        sys.executable, "-m", "councilpapers.cli", "--home", str(home), "ingest",
        "--jobs", str(jobs), "--no-ocr", str(folder),
    ])
    if " failed" in output and " 0 failed" not in output:
        raise SystemExit(f"ingest of {folder} failed: {output}")
    return seconds, peak


def ingest_without_index(folder: Path, home: Path, jobs: int) -> float:
    """The same ingest with no search index: what reading, extracting and
    storing alone cost, to tell them from the index's share."""
    if home.exists():
        shutil.rmtree(home)
    code = (
        "import sys; from pathlib import Path\n"
        "from councilpapers.corpus.store import Store\n"
        "from councilpapers.ingest.manager import ingest_paths\n"
        "if __name__ == '__main__':\n"
        "    ingest_paths([Path(sys.argv[1])], Store(Path(sys.argv[2]) / 's.sqlite'), jobs=int(sys.argv[3]), ocr=False)\n"
    )
    script = home.parent / "store_only.py"
    script.write_text(code)
    seconds, _, _ = run_measured([sys.executable, str(script), str(folder), str(home), str(jobs)])
    return seconds


def reindex(home: Path) -> tuple[float, int]:
    seconds, _, output = run_measured([sys.executable, "-m", "councilpapers.cli", "--home", str(home), "reindex"])
    return seconds, int(re.search(r"Indexed (\d+)", output).group(1))


def pdftotext(files: list[Path], processes: int) -> float | None:
    if not shutil.which("pdftotext"):
        return None

    def one(path: Path) -> None:
        subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=False)

    start = time.perf_counter()
    with ThreadPoolExecutor(processes) as pool:
        list(pool.map(one, files))
    return time.perf_counter() - start


def pypdfium2_text(files: list[Path]) -> float:
    import pypdfium2

    start = time.perf_counter()
    for path in files:
        document = pypdfium2.PdfDocument(path)
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        document.close()
    return time.perf_counter() - start


def pdfplumber_text(files: list[Path]) -> float:
    import pdfplumber

    start = time.perf_counter()
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.close()
    return time.perf_counter() - start


def query_latencies(home: Path) -> tuple[float, float]:
    """p50 and p95 in milliseconds, the index open and warm, as a long-running
    caller sees it (the command line adds its start-up, ~0.3 s)."""
    from councilpapers.search import SearchIndex

    index = SearchIndex(home / "index")
    index.search("council")
    times = []
    for _ in range(3):
        for query in QUERIES:
            start = time.perf_counter()
            index.search(query)
            times.append(time.perf_counter() - start)
        start = time.perf_counter()
        index.search("budget", kind="resolution", since=dt.date(2020, 1, 1))
        times.append(time.perf_counter() - start)
    times.sort()
    return 1000 * statistics.median(times), 1000 * times[int(0.95 * (len(times) - 1))]


def folder_mb(folder: Path) -> float:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) / 1e6


def median_of(repeats: int, measure):
    runs = [measure() for _ in range(repeats)]
    return sorted(runs, key=lambda run: run[0] if isinstance(run, tuple) else run)[len(runs) // 2]


# -- where the time goes -----------------------------------------------------------------

def stage_times(files: list[Path]) -> tuple[dict[str, float], dict[str, float]]:
    """Seconds per stage of one file after another in this process, and the
    extraction split by step (from a profile, scaled to the unprofiled time)."""
    from councilpapers.corpus.records import Source
    from councilpapers.corpus.store import Store
    from councilpapers.ingest.pipeline import extract_records
    from councilpapers.search.sync import IndexSync
    from councilpapers.ingest.manager import file_sha256
    from councilpapers.ingest.readers import read_file
    from councilpapers.search import SearchIndex

    extract_records(read_file(files[0]), str(files[0]), "0" * 64)  # imports and caches
    times = defaultdict(float)
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory() as home:
        store, index = Store(Path(home) / "s.sqlite"), SearchIndex(Path(home) / "index")
        sync = IndexSync(store, index, max_files=10_000, max_seconds=float("inf"))
        for path in files:
            start = time.perf_counter()
            sha = file_sha256(path)
            text = read_file(path)
            times["read (PDFium text, lines, running headers)"] += time.perf_counter() - start
            start = time.perf_counter()
            meetings, records = extract_records(text, str(path), sha)
            times["extraction (segmenters and extractors)"] += time.perf_counter() - start
            profile.runcall(extract_records, text, str(path), sha)
            start = time.perf_counter()
            store.replace_source(Source(f"src-{sha[:16]}", str(path), sha, "pdf", text.page_count, "ok"), meetings, records)
            times["store (SQLite, one transaction per file)"] += time.perf_counter() - start
            sync.add(str(path))
        start = time.perf_counter()
        sync.flush()
        times["index (Whoosh, one commit)"] += time.perf_counter() - start
        store.close()
    return dict(times), _extraction_steps(profile, times["extraction (segmenters and extractors)"])


def _extraction_steps(profile: cProfile.Profile, seconds: float) -> dict[str, float]:
    """The steps extract_records calls, by their cumulative time."""
    stats = pstats.Stats(profile).stats
    steps: dict[str, float] = {}
    total = 0.0
    for (filename, _, name), (_, _, _, cumulative, callers) in stats.items():
        if name == "extract_records":
            total = cumulative
        if "councilpapers" in filename and any(caller[2] == "extract_records" for caller in callers):
            label = f"{name} ({Path(filename).parent.name}/{Path(filename).name})"
            steps[label] = steps.get(label, 0.0) + cumulative
    spacy = sum(tt for (filename, _, _), (_, _, tt, _, _) in stats.items()
                if re.search(r"(^|[/\\])(spacy|thinc)[/\\]", filename))
    scale = seconds / total if total else 0.0
    shown = {label: t * scale for label, t in sorted(steps.items(), key=lambda kv: -kv[1]) if t >= 0.01 * total}
    shown["the other steps"] = seconds - sum(shown.values())
    shown["of all these: inside spaCy"] = spacy * scale
    return shown


# -- OCR ----------------------------------------------------------------------------------

def ocr_rows(folder: Path) -> list[str]:
    from councilpapers.ingest.ocr import ocr_pdf, ocr_unavailable_reason

    missing = ocr_unavailable_reason()
    if missing:
        return [f"OCR not measured: {missing}."]
    words = {w.strip().lower() for w in DICTIONARY.open()} if DICTIONARY.exists() else None

    def dictionary_share(text: str) -> str:
        if words is None:
            return "n/a (no /usr/share/dict/words)"
        tokens = [t.lower() for t in re.findall(r"[A-Za-z]{3,}", text)]
        return f"{sum(t in words for t in tokens) / max(len(tokens), 1):.1%} of {len(tokens)}"

    rows = ["| file | what | pages | seconds | pages/s | words found in a dictionary |", "|---|---|---:|---:|---:|---|"]
    for name, what in OCR_FILES.items():
        path = folder / name
        if not path.exists():
            continue
        start = time.perf_counter()
        text = ocr_pdf(path, what)
        seconds = time.perf_counter() - start
        rows.append(f"| {name} | {what} | {text.page_count} | {seconds:.1f} | {text.page_count / seconds:.2f} | {dictionary_share(text.text)} |")
    reference = folder / TEXT_LAYER_REFERENCE
    if reference.exists():
        from councilpapers.ingest.readers import read_file

        rows.append(f"| {reference.name} | its text layer, for comparison | | | | {dictionary_share(read_file(reference).text)} |")
    return rows


# -- memory on a long PDF ------------------------------------------------------------------

def long_pdf_peaks(work: Path) -> tuple[float, float] | None:
    """Peak MB ingesting a 5-page and a 500-page generated PDF, one job."""
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        from pdf_factory import write_pdf
    except ImportError:  # fpdf2 comes with the test extras
        return None
    peaks = []
    for count in (5, 500):
        pages = [[f"{p}. Item {p}", *(f"Line {n} of page {p}: the committee noted the budget of £{p * n},000." for n in range(35))]
                 for p in range(1, count + 1)]
        pdf = write_pdf(work / f"long-{count}.pdf", pages, footer="Page {page}")
        _, peak, _ = run_measured([sys.executable, "-m", "councilpapers.cli", "--home", str(work / f"home-{count}"),
                                   "ingest", "--jobs", "1", str(pdf)])
        peaks.append(peak)
    return peaks[0], peaks[1]


# -- the report ----------------------------------------------------------------------------

def growth_lines(rates: dict[int, tuple[float, float]], jobs: int) -> list[str]:
    """Linear growth means the same pages/s at every size."""
    scales = sorted(rates)
    if len(scales) < 2:
        return []
    lines = []
    for small, large in zip(scales, scales[1:]):
        lines.append(
            f"From {small}x to {large}x councilpapers keeps {rates[large][0] / rates[small][0]:.0%} (1 job) and "
            f"{rates[large][1] / rates[small][1]:.0%} ({jobs} jobs) of its pages/s (100% is linear growth)."
        )
    return [" ".join(lines)]


def git_commit() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        return head.stdout.strip() + (" with uncommitted changes" if dirty else "")
    except OSError:
        return "unknown"

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pdfs", type=Path, default=DEFAULT_PDFS)
    parser.add_argument("--scales", default="1,10,100", help="corpus sizes, as copies of each file")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for the parallel runs [cores]")
    args = parser.parse_args()
    if not args.pdfs.is_dir():
        sys.exit(f"{args.pdfs}: no such folder (give a folder of PDFs with --pdfs)")
    from councilpapers.ingest.parallel import default_jobs

    jobs = args.jobs or default_jobs()
    scales = [int(s) for s in args.scales.split(",")]
    load_before = os.getloadavg()[0]
    files, pages_1x = text_pdfs(args.pdfs)
    speedup = parallel_speedup(jobs)
    print(f"{len(files)} PDFs, {pages_1x} pages; {jobs} jobs; CPU speed-up of {jobs} processes: {speedup:.2f}x", flush=True)

    speed_rows, index_rows, memory_rows, rates = [], [], [], {}
    work = Path(tempfile.mkdtemp(prefix="councilpapers-bench-"))
    try:
        for scale in scales:
            folder = scaled_corpus(files, scale)
            corpus = sorted(folder.glob("*.pdf"))
            pages = pages_1x * scale
            repeats = REPEATS_AT_1X if scale == 1 else 1
            home = work / f"home-{scale}"
            serial, serial_peak = median_of(repeats, lambda: ingest(folder, home, 1))
            parallel, parallel_peak = median_of(repeats, lambda: ingest(folder, home, jobs))
            unindexed = median_of(repeats, lambda: ingest_without_index(folder, work / "store-only", jobs))
            tool_1 = median_of(repeats, lambda: pdftotext(corpus, 1) or 0.0)
            tool_n = median_of(repeats, lambda: pdftotext(corpus, jobs) or 0.0)
            bare = median_of(repeats, lambda: pypdfium2_text(corpus))
            plumber = pdfplumber_text(files) * scale if pages <= PDFPLUMBER_MAX_PAGES else None
            rates[scale] = (pages / serial, pages / parallel)

            def rate(seconds):
                return f"{pages / seconds:,.0f}" if seconds else "n/a"

            speed_rows.append(
                f"| {scale}x | {len(corpus)} | {pages:,} | {rate(serial)} | {rate(parallel)} | {rate(unindexed)} | {rate(tool_1)} | "
                f"{rate(tool_n)} | {rate(bare)} | {rate(plumber) if plumber else 'not run'} |"
            )
            index_seconds, documents = reindex(home)
            p50, p95 = query_latencies(home)
            index_rows.append(f"| {scale}x | {documents:,} | {documents / index_seconds:,.0f} | {folder_mb(home):.1f} | {p50:.1f} | {p95:.1f} |")
            memory_rows.append(f"| ingest of the {scale}x corpus, 1 job / {jobs} jobs | {serial_peak:.0f} MB / {parallel_peak:.0f} MB |")
            if tool_1:
                print(f"{scale}x: ingest {pages / serial:.0f} / {pages / parallel:.0f} pages/s (1 / {jobs} jobs), "
                      f"pdftotext {pages / tool_1:.0f} / {pages / tool_n:.0f}", flush=True)
            shutil.rmtree(folder)
            shutil.rmtree(home)
        long = long_pdf_peaks(work)
        if long:
            memory_rows.append(f"| a generated 5-page / 500-page PDF, 1 job | {long[0]:.0f} MB / {long[1]:.0f} MB |")
        stages, steps = stage_times(files)
        ocr = ocr_rows(args.pdfs)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    stage_total = sum(stages.values())
    report = [
        "# Ingest speed",
        "",
        f"Run {dt.date.today()} by `make bench` (benchmarks/ingest_speed.py) at commit {git_commit()}, on {platform.machine()}, "
        f"{default_jobs()} cores, Python {platform.python_version()}. Files: the {len(files)} PDFs of "
        f"{args.pdfs.name}/ with a text layer ({pages_1x} pages) and corpora of 10 and 100 copies of each. "
        f"Ingest is `councilpapers ingest --jobs N --no-ocr` in a fresh process, all extraction on; "
        f"1x rows are the median of {REPEATS_AT_1X} runs.",
        "",
        f"This machine's {jobs} cores give {speedup:.2f}x the throughput of one on a CPU-bound loop: "
        f"the most any {jobs}-process run here can gain. Load average (other work on the machine) "
        f"{load_before:.1f} at the start, {os.getloadavg()[0]:.1f} at the end.",
        "",
        "## Pages per second",
        "",
        f"| corpus | files | pages | councilpapers 1 job | councilpapers {jobs} jobs | the same, no search index | "
        f"pdftotext 1 process | pdftotext {jobs} processes | pypdfium2 text only | pdfplumber extract_text |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        *speed_rows,
        "",
        *growth_lines(rates, jobs),
        "pdfplumber runs at 1x only (it reads ~19 pages/s); at 1x a fresh process's start-up "
        "(Python, spaCy's pipeline, the workers) weighs on every councilpapers figure.",
        "",
        "## Index and queries",
        "",
        "| corpus | index documents | `reindex` documents/s | store + index MB | query p50 ms | query p95 ms |",
        "|---|---:|---:|---:|---:|---:|",
        *index_rows,
        "",
        f"Queries: {len(QUERIES)} searches (words, phrases, OR, NOT) and a filtered one, three times each, "
        "in one process with the index open; the command line adds its own start-up.",
        "",
        "## Peak memory (largest process)",
        "",
        "| what | peak resident |",
        "|---|---:|",
        *memory_rows,
        "",
        "## Where the time goes",
        "",
        f"One file after another in one process, 1x corpus ({pages_1x} pages): {pages_1x / stage_total:,.0f} pages/s "
        "before start-up and workers.",
        "",
        "| stage | seconds | share |",
        "|---|---:|---:|",
        *(f"| {stage} | {seconds:.2f} | {seconds / stage_total:.0%} |" for stage, seconds in stages.items()),
        "",
        "Extraction by step:",
        "",
        "| step | seconds |",
        "|---|---:|",
        *(f"| {step} | {seconds:.2f} |" for step, seconds in steps.items()),
        "",
        "## OCR",
        "",
        *ocr,
        "",
    ]
    text = "\n".join(report)
    (HERE / "RESULTS.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
