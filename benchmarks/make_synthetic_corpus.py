"""A synthetic corpus N times the bundled samples, for search latency at scale.

Copy k of each sample has its years moved on by k (so every copy tells other
meetings: "26 May 2016" becomes "26 May 2016+k"), its minute numbers moved on
by 3k, and its sums of money scaled by 1 + k/100; everything else is the
sample's text. Copy 0 is the sample itself.

    python benchmarks/make_synthetic_corpus.py OUT_DIR [--factor 100]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
YEAR = re.compile(r"(?<![\d/£.,])(20[01]\d)(?![\d])")
MINUTE_HEADING = re.compile(r"^(\d{1,3})(\.\s+\S)", re.MULTILINE)
MONEY = re.compile(r"£(\d[\d,]*)(\.\d+)?")


def vary(text: str, k: int) -> str:
    if k == 0:
        return text
    text = YEAR.sub(lambda m: str(int(m.group(1)) + k), text)
    text = MINUTE_HEADING.sub(lambda m: f"{int(m.group(1)) + 3 * k}{m.group(2)}", text)

    def money(m):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        return f"£{round(value * (1 + k / 100)):,}"

    return MONEY.sub(money, text)


def make(out: Path, factor: int) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for sample in sorted(SAMPLES.glob("*.txt")):
        text = sample.read_text(encoding="utf-8")
        for k in range(factor):
            name = YEAR.sub(lambda m: str(int(m.group(1)) + k), sample.name)
            path = out / f"copy{k:03d}-{name}"
            path.write_text(vary(text, k), encoding="utf-8")
            written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--factor", type=int, default=100)
    args = parser.parse_args()
    files = make(args.out, args.factor)
    print(f"{len(files)} files in {args.out}")


if __name__ == "__main__":
    main()
