"""Search latency, p50 and p95 per query, on the samples and on a synthetic
corpus N times larger, for each engine: warm (one process answering query
after query, as a server or the score script would) and fresh (a new
`councilpapers search` process per query, as a person at a shell).

The queries are the task set's (benchmarks/search_tasks.json). The synthetic
corpus is made by make_synthetic_corpus.py and ingested once into --big-home
(reused when it is already there: ingesting 500 files takes a while).

    python benchmarks/search_latency.py [--big-home DIR] [--factor 100]
                                        [--engines whoosh,tantivy] [--repeat 5] [--no-fresh]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from make_synthetic_corpus import make  # noqa: E402
from search_score import DEFAULT_TASKS, ingest_samples, load_tasks  # noqa: E402


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def ensure_engine(home: Path, engine: str) -> None:
    from councilpapers.corpus.store import Store
    from councilpapers.search import SearchIndex
    from councilpapers.search.documents import store_documents

    index = SearchIndex(home / "index", engine=engine)
    if not index.exists():
        store = Store(home / "councilpapers.sqlite")
        started = time.perf_counter()
        n = index.build_engine(engine, store_documents(store))
        print(f"   built the {engine} index of {home}: {n} documents in {time.perf_counter() - started:.1f} s",
              file=sys.stderr)
        store.close()
    index.close()


def options(task: dict) -> dict:
    o = task.get("options") or {}
    return {"include_exempt": bool(o.get("include_exempt")), "kind": o.get("kind"), "committee": o.get("committee")}


def warm(home: Path, engine: str, tasks: list[dict], repeat: int, facets: bool) -> list[float]:
    from councilpapers.search import SearchIndex

    index = SearchIndex(home / "index", engine=engine)
    for task in tasks:  # first touch: open files, fill caches
        index.find(task["query"], limit=5, facets=facets, **options(task))
    times = []
    for _ in range(repeat):
        for task in tasks:
            started = time.perf_counter()
            index.find(task["query"], limit=5, facets=facets, **options(task))
            times.append(time.perf_counter() - started)
    index.close()
    return times


def fresh(home: Path, engine: str, tasks: list[dict], fmt: str) -> list[float]:
    times = []
    for task in tasks:
        args = [sys.executable, "-m", "councilpapers.cli", "--home", str(home), "search", task["query"],
                "--format", fmt, "--limit", "5", "--engine", engine]
        if (task.get("options") or {}).get("include_exempt"):
            args.append("--include-exempt")
        started = time.perf_counter()
        subprocess.run(args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - started)
    return times


def baseline_process() -> float:
    """A process that imports the CLI and exits: the floor under any fresh query."""
    runs = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import councilpapers.cli"], check=True)
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def corpus_size(home: Path) -> str:
    from councilpapers.corpus.store import Store

    store = Store(home / "councilpapers.sqlite")
    counts = store.counts()
    store.close()
    indexed = sum(counts.get(k, 0) for k in ("minute_item", "resolution", "agenda_item", "passage", "report", "action"))
    return f"{counts['sources']} files, {indexed} index documents"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=DEFAULT_TASKS)
    parser.add_argument("--big-home", type=Path, help="home of the synthetic corpus (made when missing)")
    parser.add_argument("--factor", type=int, default=100)
    parser.add_argument("--engines", default="whoosh,tantivy")
    parser.add_argument("--repeat", type=int, default=5, help="warm runs of the whole task set")
    parser.add_argument("--no-fresh", action="store_true", help="skip the process-per-query runs")
    parser.add_argument("--no-big", action="store_true", help="the samples only")
    args = parser.parse_args()

    tasks = load_tasks(args.tasks)
    engines = [e for e in args.engines.split(",") if e]
    if "tantivy" in engines:
        try:
            import tantivy  # noqa: F401
        except ImportError:
            print("tantivy is not installed (pip install 'councilpapers[tantivy]'): whoosh only", file=sys.stderr)
            engines = [e for e in engines if e != "tantivy"]

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        homes = []
        small = Path(tmp) / "samples"
        ingest_samples(small)
        homes.append(("samples", small))
        if not args.no_big:
            big = args.big_home or Path(tmp) / "big"
            if not (big / "councilpapers.sqlite").exists():
                papers = big / "papers"
                files = make(papers, args.factor)
                print(f"ingesting {len(files)} synthetic files into {big} …", file=sys.stderr)
                subprocess.run([sys.executable, "-m", "councilpapers.cli", "--home", str(big), "ingest", str(papers)],
                               check=True, stdout=subprocess.DEVNULL)
            homes.append((f"{args.factor}x", big))
        for name, home in homes:
            size = corpus_size(home)
            for engine in engines:
                ensure_engine(home, engine)
                for mode, times in (
                    ("warm, list (json)", warm(home, engine, tasks, args.repeat, facets=False)),
                    ("warm, table (with facets)", warm(home, engine, tasks, args.repeat, facets=True)),
                    *([] if args.no_fresh else [
                        ("fresh process, json", fresh(home, engine, tasks, "json")),
                        ("fresh process, table", fresh(home, engine, tasks, "table")),
                    ]),
                ):
                    rows.append((name, size, engine, mode, len(times),
                                 percentile(times, 0.5) * 1000, percentile(times, 0.95) * 1000))
                    print(f"   {name} {engine} {mode}: p50 {rows[-1][5]:.0f} ms, p95 {rows[-1][6]:.0f} ms",
                          file=sys.stderr)
    floor = baseline_process() * 1000
    print(f"{len(tasks)} queries from {args.tasks.name}; `import councilpapers.cli` alone: {floor:.0f} ms\n")
    print("| corpus | size | engine | how | queries | p50 ms | p95 ms |")
    print("|---|---|---|---|---:|---:|---:|")
    for name, size, engine, mode, n, p50, p95 in rows:
        print(f"| {name} | {size} | {engine} | {mode} | {n} | {p50:.0f} | {p95:.0f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
