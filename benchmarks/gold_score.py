"""Precision, recall and F1 per record type against the hand-made gold answers.

Ingests the bundled samples into a temporary home, exports them, and compares with
../shared/gold/*.json (see its README). Matching: same meeting, same number, text
equal after normalising spaces, quotes, dashes and case.

    python benchmarks/gold_score.py [--gold DIR] [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT.parent / "shared" / "gold"
SAMPLES = ROOT / "samples"
DOCUMENT_LINE_SLACK = 3
RECALL_ONLY = {"figure"}  # the gold holds a sample of them  # a document may start on its banner or a few lines later


def norm(text) -> str:
    if text is None:
        return ""
    text = str(text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[–—]", "-", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(".").strip().lower()
    return text


def committee_key(name: str | None) -> str:
    from councilpapers.ingest.committees import committee_key as key

    return key(name or "")


def export_samples() -> list[dict]:
    from councilpapers.corpus.store import Store, meeting_json, source_json
    from councilpapers.ingest.manager import ingest_paths

    with tempfile.TemporaryDirectory() as home:
        store = Store(Path(home) / "store.sqlite")
        ingest_paths([SAMPLES], store)
        rows = [source_json(s) for s in store.sources()]
        rows += [meeting_json(m) for m in store.meetings()]
        rows += [r.to_json() for r in store.records()]
        store.close()
    return rows


def expected_and_found(gold: dict, rows: list[dict]) -> dict[str, tuple[set, set]]:
    source = next(r for r in rows if r["type"] == "source" and Path(r["path"]).name == gold["source"])
    path = source["path"]
    meetings = {r["id"]: r for r in rows if r["type"] == "meeting"}

    def meeting_key(meeting_id):
        m = meetings.get(meeting_id) or {}
        return committee_key(m.get("committee")), m.get("date")

    mine = [r for r in rows if r.get("source") == path]
    pairs: dict[str, tuple[set, set]] = defaultdict(lambda: (set(), set()))

    def add(kind, expected=None, found=None):
        if expected is not None:
            pairs[kind][0].add(expected)
        if found is not None:
            pairs[kind][1].add(found)

    # Minutes: items, resolutions, attendance, actions, per meeting.
    for minutes in gold.get("minutes", []):
        key = (committee_key(minutes["committee"]), minutes["date"])
        for item in minutes.get("items", []):
            add("minute_item", (*key, item["number"], norm(item["title"])))
        for res in minutes.get("resolutions", []):
            add("resolution", (*key, res["minute"], norm(res["text"])))
        substitutes = {norm(s["present"]) for s in minutes.get("substitutes", [])}
        for name in minutes.get("present", []):
            add("attendance", (*key, norm(name), "present"))
        for name in minutes.get("apologies", []):
            add("attendance", (*key, norm(name), "apologies"))
        for sub in minutes.get("substitutes", []):
            add("substitute", (*key, norm(sub["present"]), norm(sub["for"])))
        for action in minutes.get("actions", []):
            add("action", (*key, action.get("minute"), norm(action["owner"])))
        del substitutes
    for record in mine:
        kind = record["type"]
        if kind == "minute_item":
            add(kind, found=(*meeting_key(record["meeting"]), record["number"], norm(record["title"])))
        elif kind == "resolution":
            add(kind, found=(*meeting_key(record["meeting"]), record["minute"], norm(record["text"])))
        elif kind == "action" and record["meeting"]:
            # The gold lists the actions of minutes; rows of action-plan tables
            # (no meeting) have no gold to be scored against.
            add(kind, found=(*meeting_key(record["meeting"]), record.get("minute"), norm(record["owner"])))
    for record in (r for r in rows if r["type"] == "attendance" and r.get("source") == path):
        key = meeting_key(record["meeting"])
        status = "present" if record["status"] in ("present", "substitute") else record["status"]
        if status in ("present", "apologies"):
            add("attendance", found=(*key, norm(record["name"]), status))
        if record["status"] == "substitute":
            add("substitute", found=(*key, norm(record["name"]), norm(record.get("substitute_for"))))

    # The front sheet: agenda items; the pack: documents and report cover sheets.
    for item in gold.get("agenda_items", []):
        add("agenda_item", (item["code"], norm(item["title"]), tuple(item["pages"])))
    for record in mine:
        if record["type"] == "agenda_item":
            add("agenda_item", found=(record["code"], norm(record["title"]), (record["first_page"], record["last_page"])))
    gold_docs = [(d["kind"], d["first_line"]) for d in gold.get("documents", [])]
    found_docs = [(r["kind"], r["line"]) for r in mine if r["type"] == "document"]
    for kind, line in gold_docs:
        add("document", (kind, line))
    for kind, line in found_docs:
        # Credit a found document with the gold line it is within slack of.
        near = [g for g in gold_docs if g[0] == kind and abs(g[1] - line) <= DOCUMENT_LINE_SLACK]
        add("document", found=near[0] if near else (kind, line))
    for report in gold.get("reports", []):
        add("report", (norm(report["subject"]), report.get("decision_no")))
    for record in mine:
        if record["type"] == "report":
            add("report", found=(norm(record["subject"]), record.get("decision_no")))
    # The gold's figures are a hand-picked sample: a found figure not in it is not
    # wrong, so only recall means something (printed with precision "-").
    found_figures = [(r["kind"], r["line"], float(r["value"])) for r in mine if r["type"] == "figure"]
    for figure in gold.get("figures", []):
        kind = "percent" if figure["kind"] == "percentage" else figure["kind"]
        key = (kind, figure["line"], float(figure["value"]))
        add("figure", key)
        if any(k == kind and abs(line - key[1]) <= 1 and value == key[2] for k, line, value in found_figures):
            add("figure", found=key)
    for acronym in gold.get("acronyms", []):
        add("acronym", (acronym["short"], norm(acronym["long"])))
    for record in (r for r in rows if r["type"] == "acronym" and Path(r.get("source") or "").name == gold["source"]):
        add("acronym", found=(record["short"], norm(record["long"])))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--misses", action="store_true", help="list what was missed and what was wrong")
    args = parser.parse_args()
    gold_files = sorted(args.gold.glob("*.json")) if args.gold.is_dir() else []
    if not gold_files:
        sys.exit(f"no gold answers in {args.gold} (they live in ../shared/gold beside the clone)")
    rows = export_samples()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    for gold_file in gold_files:
        gold = json.loads(gold_file.read_text())
        for kind, (expected, found) in expected_and_found(gold, rows).items():
            hit = expected & found
            totals[kind][0] += len(expected)
            totals[kind][1] += len(found)
            totals[kind][2] += len(hit)
            if args.misses:
                for miss in sorted(expected - found, key=str):
                    print(f"  missed {kind}: {miss}")
                for wrong in sorted(found - expected, key=str):
                    print(f"  extra  {kind}: {wrong}")
    print(f"{'type':<13} {'gold':>5} {'found':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}")
    for kind, (n_gold, n_found, n_hit) in sorted(totals.items()):
        p = n_hit / n_found if n_found else 0.0
        r = n_hit / n_gold if n_gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if kind in RECALL_ONLY:
            print(f"{kind:<13} {n_gold:>5} {'-':>6} {n_hit:>6} {'-':>6} {r:>6.2f} {'-':>6}")
            continue
        print(f"{kind:<13} {n_gold:>5} {n_found:>6} {n_hit:>6} {p:>6.2f} {r:>6.2f} {f1:>6.2f}")


if __name__ == "__main__":
    main()
