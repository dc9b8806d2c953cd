"""Precision, recall and F1 per record type against the hand-made gold answers.

Scores the samples' gold (../shared/gold, see its README) and the dev gold
(benchmarks/gold, whose README is the matching contract): ingests every paper they
name into a temporary home (OCR on where Tesseract runs), then matches what was
found with the gold, one to one: meetings by date and committee, the records of
minutes within the meeting of the same date, texts equal after normalising or at
least 0.9 alike, names without titles.

Prints a row per gold file (F1 per main type), then the totals per type.

    python benchmarks/gold_score.py [--only samples|dev] [--file NAME] [--misses] [--json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from goldscore import corpus, report  # noqa: E402
from goldscore.found import Export, found  # noqa: E402
from goldscore.gold import described_meetings, expected  # noqa: E402


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=corpus.SAMPLES_GOLD, help="the samples' gold (default: %(default)s)")
    parser.add_argument("--dev-gold", type=Path, default=corpus.DEV_GOLD, help="the dev gold (default: %(default)s)")
    parser.add_argument("--only", choices=["samples", "dev"], help="score one set of gold only")
    parser.add_argument("--file", action="append", default=[], metavar="NAME",
                        help="score the gold files whose name contains NAME (repeatable)")
    parser.add_argument("--misses", action="store_true", help="list what was missed and what was extra, per file")
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--jobs", type=int, default=2, help="ingest worker processes (default: %(default)s)")
    parser.add_argument("--no-ocr", action="store_true", help="ingest without OCR (files that need it are skipped)")
    return parser.parse_args(argv)


def score(args: argparse.Namespace) -> list[report.FileScore]:
    """Every asked-for gold file scored, or marked skipped with its reason."""
    files = corpus.gold_files(args.gold, args.dev_gold, args.only, args.file)
    every_gold = [f for f in corpus.gold_files(args.gold, args.dev_gold, None, []) if f.gold]
    no_ocr = corpus.ocr_off_reason(args.no_ocr)
    export = Export.of(corpus.ingest([f for f in files if not f.skipped], ocr=no_ocr is None, jobs=args.jobs))
    scores = []
    for file in files:
        source = None
        if not file.skipped:
            source = corpus.source_of(file, export.sources)
            corpus.skip_unreadable(file, source, no_ocr)
        if file.skipped:
            scores.append(report.FileScore(file.name, file.set, skipped=file.skipped))
            continue
        elsewhere = [m for other in every_gold if other.gold_path != file.gold_path for m in described_meetings(other.gold)]
        wanted = expected(file.gold, sample=file.set == "samples", elsewhere=elsewhere)
        scores.append(report.score_file(file.name, file.set, wanted.entries, found(wanted, source, export)))
    return scores


def main(argv=None) -> None:
    args = parse_args(argv)
    scores = score(args)
    if not scores and args.file:
        sys.exit(f"no gold file's name contains {' or '.join(args.file)}")
    if not scores:
        sys.exit(f"no gold answers in {args.gold} or {args.dev_gold} (the samples' live in ../shared/gold beside the clone)")
    if args.json:
        print(json.dumps(report.as_json(scores), ensure_ascii=False, indent=1))
        return
    lines = [f"skipped {s.name}: {s.skipped}" for s in scores if s.skipped]
    if args.misses:
        lines += report.misses_text(scores) + [""]
    lines += report.per_file_table(scores) + [""]
    scored = [s for s in scores if not s.skipped]
    lines.append(f"totals over {len(scored)} gold files "
                 f"({sum(s.set == 'samples' for s in scored)} samples, {sum(s.set == 'dev' for s in scored)} dev), "
                 f"{len(scores) - len(scored)} skipped")
    lines += report.totals_table(scores)
    print("\n".join(lines))


if __name__ == "__main__":
    main()
