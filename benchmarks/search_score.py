"""Search quality on a task set: success@1 and success@5, overall and per kind of user.

Ingests the bundled samples into a temporary home (or uses --home), then runs
each task's query through the CLI exactly as a user would
(`councilpapers search QUERY --format json --limit 5 [options]`) and checks
whether a hit answers it (see the task file's "about" for the format).

    python benchmarks/search_score.py [--tasks FILE] [--engine whoosh|tantivy|both]
                                      [--home DIR] [--misses]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent
DEFAULT_TASKS = ROOT / "search_tasks.json"
K = 5


def load_tasks(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["tasks"] if isinstance(data, dict) else data


def answers(hit: dict, expect: dict) -> bool:
    if "any_of" in expect:
        return any(answers(hit, alternative) for alternative in expect["any_of"])
    for key, want in expect.items():
        if key == "meeting":
            if hit.get("meeting_id") != want:
                return False
        elif key == "id":
            if want not in {s.get("id") for s in hit.get("sources") or []} | {hit.get("id")}:
                return False
        elif key == "title_contains":
            if want.lower() not in (hit.get("title") or "").lower():
                return False
        elif key in ("minute", "agenda_ref", "kind"):
            if str(hit.get(key) or "").upper() != str(want).upper():
                return False
        else:
            raise SystemExit(f"unknown expect key {key!r}")
    return True


def search_args(task: dict, engine: str) -> list[str]:
    args = ["search", task["query"], "--format", "json", "--limit", str(K), "--engine", engine]
    options = task.get("options") or {}
    for name in ("kind", "committee", "since", "until"):
        if options.get(name):
            args += [f"--{name}", str(options[name])]
    if options.get("include_exempt"):
        args.append("--include-exempt")
    return args


def run_tasks(home: Path, tasks: list[dict], engine: str) -> list[dict]:
    from click.testing import CliRunner

    from councilpapers.cli import main

    runner = CliRunner()
    results = []
    for task in tasks:
        out = runner.invoke(main, ["--home", str(home), *search_args(task, engine)])
        if out.exit_code != 0:
            results.append({"task": task, "rank": None, "error": out.output.strip(), "hits": []})
            continue
        hits = json.loads(out.stdout)
        rank = next((n for n, hit in enumerate(hits, 1) if answers(hit, task["expect"])), None)
        results.append({"task": task, "rank": rank, "hits": hits})
    return results


def ingest_samples(home: Path) -> None:
    from click.testing import CliRunner

    from councilpapers.cli import main

    out = CliRunner().invoke(main, ["--home", str(home), "ingest"])
    if out.exit_code != 0:
        raise SystemExit(f"ingest failed:\n{out.output}")


def build_engine(home: Path, engine: str) -> None:
    from councilpapers.search import SearchIndex
    from councilpapers.workflow import reindex

    if not SearchIndex(home / "index", engine=engine).exists():
        reindex(home, engine=engine)


def report(results: list[dict], engine: str, misses: bool) -> dict:
    by_user: dict[str, list] = defaultdict(list)
    for r in results:
        by_user[r["task"].get("user", "-")].append(r)
    rows = []
    for user in sorted(by_user) + ["all"]:
        group = results if user == "all" else by_user[user]
        n = len(group)
        at1 = sum(1 for r in group if r["rank"] == 1) / n
        at5 = sum(1 for r in group if r["rank"] and r["rank"] <= K) / n
        mrr = sum(1 / r["rank"] for r in group if r["rank"]) / n
        rows.append((user, n, at1, at5, mrr))
    print(f"\nengine: {engine}")
    print(f"{'user':<12} {'tasks':>5} {'success@1':>10} {'success@5':>10} {'MRR':>6}")
    for user, n, at1, at5, mrr in rows:
        print(f"{user:<12} {n:>5} {at1:>10.2f} {at5:>10.2f} {mrr:>6.2f}")
    if misses:
        for r in results:
            if r["rank"] != 1:
                t = r["task"]
                print(f"\n{t['id']} {t['query']!r}: rank {r['rank']}  want {t['expect']}")
                if r.get("error"):
                    print(f"   error: {r['error']}")
                for n, hit in enumerate(r["hits"], 1):
                    print(f"   {n}. {hit['kind']} {hit.get('meeting_id')} minute {hit['minute']} "
                          f"item {hit['agenda_ref']} — {(hit['title'] or '')[:60]}")
    overall = rows[-1]
    return {"success@1": overall[2], "success@5": overall[3], "mrr": overall[4]}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=Path, default=DEFAULT_TASKS)
    parser.add_argument("--engine", choices=["whoosh", "tantivy", "both"], default="whoosh")
    parser.add_argument("--home", type=Path, help="an existing home (default: ingest the samples into a temporary one)")
    parser.add_argument("--misses", action="store_true", help="show the tasks not answered first, with their hits")
    args = parser.parse_args()

    tasks = load_tasks(args.tasks)
    engines = ["whoosh", "tantivy"] if args.engine == "both" else [args.engine]
    with tempfile.TemporaryDirectory() as tmp:
        home = args.home
        if home is None:
            home = Path(tmp) / "home"
            ingest_samples(home)
        print(f"{len(tasks)} tasks from {args.tasks}")
        ranks = {}
        for engine in engines:
            if engine == "tantivy":
                try:
                    import tantivy  # noqa: F401
                except ImportError:
                    print("\nengine: tantivy — not installed (pip install 'councilpapers[tantivy]'); skipped")
                    continue
                build_engine(home, engine)  # a search only reads; reindex builds it
            results = run_tasks(home, tasks, engine)
            report(results, engine, args.misses)
            ranks[engine] = [r["rank"] for r in results]
        if len(ranks) == 2:
            same = sum(1 for a, b in zip(*ranks.values()) if a == b)
            print(f"\nwhoosh and tantivy rank the answer the same in {same} of {len(tasks)} tasks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
