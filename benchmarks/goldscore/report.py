"""Counts, tables, misses and JSON of a scoring run.

The totals table comes last in the text output: the before-stop hook keeps only
the last lines of `make score`.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from .entries import MAIN_KINDS, RECALL_ONLY
from .matching import Entry, match

MAIN_HEADINGS = {"meeting": "meet", "minute_item": "item", "resolution": "res",
                 "attendance": "attend", "agenda_item": "agenda", "action": "action"}


@dataclass
class Count:
    gold: int = 0
    found: int = 0
    match: int = 0

    def __iadd__(self, other: Count) -> Count:
        self.gold += other.gold
        self.found += other.found
        self.match += other.match
        return self

    @property
    def precision(self) -> float:
        return self.match / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.match / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class FileScore:
    name: str
    set: str
    skipped: str | None = None
    counts: dict[str, Count] = field(default_factory=dict)
    missed: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, list[str]] = field(default_factory=dict)


def score_file(name: str, set_: str, expected: dict[str, list[Entry]], found: dict[str, list[Entry]]) -> FileScore:
    result = FileScore(name, set_)
    for kind, gold in expected.items():
        mine = found.get(kind, [])
        pairs = match(gold, mine)
        hit_gold = {i for i, _ in pairs}
        hit_found = {j for _, j in pairs}
        found_count = len(pairs) if kind in RECALL_ONLY else len(mine)
        result.counts[kind] = Count(len(gold), found_count, len(pairs))
        result.missed[kind] = [g.label for i, g in enumerate(gold) if i not in hit_gold]
        if kind not in RECALL_ONLY:
            result.extra[kind] = [f.label for j, f in enumerate(mine) if j not in hit_found]
    return result


def totals(files: list[FileScore], set_: str | None = None) -> dict[str, Count]:
    summed: dict[str, Count] = defaultdict(Count)
    for file in files:
        if file.skipped is None and set_ in (None, file.set):
            for kind, count in file.counts.items():
                summed[kind] += count
    return dict(sorted(summed.items()))


def misses_text(files: list[FileScore]) -> list[str]:
    lines = []
    for file in files:
        if file.skipped:
            continue
        wrong = [(kind, "missed", label) for kind, labels in file.missed.items() for label in labels]
        wrong += [(kind, "extra ", label) for kind, labels in file.extra.items() for label in labels]
        if wrong:
            lines.append(f"{file.name}:")
            lines += [f"  {what} {kind}: {label}" for kind, what, label in sorted(wrong)]
    return lines


def per_file_table(files: list[FileScore]) -> list[str]:
    """F1 per main type, one row a gold file: '-' where the gold has none and none
    was found, '+N' where it has none and N were found."""
    lines = [" ".join(f"{MAIN_HEADINGS[k]:>6}" for k in MAIN_KINDS) + "  file"]
    for file in files:
        if file.skipped:
            lines.append(" ".join(f"{'':>6}" for _ in MAIN_KINDS) + f"  {file.name} — skipped: {file.skipped}")
            continue
        cells = [_cell(file.counts.get(kind)) for kind in MAIN_KINDS]
        lines.append(" ".join(f"{c:>6}" for c in cells) + f"  {file.name}")
    return lines


def _cell(count: Count | None) -> str:
    if count is None or (count.gold == 0 and count.found == 0):
        return "-"
    if count.gold == 0:
        return f"+{count.found}"
    return f"{count.f1:.2f}"


def totals_table(files: list[FileScore]) -> list[str]:
    """Over all scored gold, with F1 over the samples' and the dev gold alone."""
    every, samples, dev = totals(files), totals(files, "samples"), totals(files, "dev")
    lines = [f"{'type':<14} {'gold':>5} {'found':>6} {'match':>6} {'P':>6} {'R':>6} {'F1':>6}  {'F1 samples':>10} {'F1 dev':>6}"]
    for kind, count in every.items():
        by_set = [_set_f1(part.get(kind), kind) for part in (samples, dev)]
        if count.gold == 0 and count.found == 0:
            line = f"{kind:<14} {0:>5} {0:>6} {0:>6} {'-':>6} {'-':>6} {'-':>6}"
        elif kind in RECALL_ONLY:
            line = f"{kind:<14} {count.gold:>5} {'-':>6} {count.match:>6} {'-':>6} {count.recall:>6.2f} {'-':>6}"
        else:
            line = (f"{kind:<14} {count.gold:>5} {count.found:>6} {count.match:>6} "
                    f"{count.precision:>6.2f} {count.recall:>6.2f} {count.f1:>6.2f}")
        lines.append(f"{line}  {by_set[0]:>10} {by_set[1]:>6}")
    return lines


def _set_f1(count: Count | None, kind: str) -> str:
    """F1 (recall for recall-only types); '-' where that set has neither gold nor finds."""
    if count is None or (count.gold == 0 and count.found == 0):
        return "-"
    return f"{count.recall if kind in RECALL_ONLY else count.f1:.2f}"


def as_json(files: list[FileScore]) -> dict:
    def counts(by_kind: dict[str, Count]) -> dict:
        return {
            kind: {"gold": c.gold, "found": c.found, "match": c.match, "precision": round(c.precision, 4),
                   "recall": round(c.recall, 4), "f1": round(c.f1, 4), "recall_only": kind in RECALL_ONLY}
            for kind, c in by_kind.items()
        }

    return {
        "totals": counts(totals(files)),
        "totals_by_set": {s: counts(totals(files, s)) for s in ("samples", "dev")},
        "files": [
            {"file": f.name, "set": f.set, "skipped": f.skipped, "scores": counts(f.counts),
             "missed": f.missed, "extra": f.extra}
            for f in files
        ],
    }
