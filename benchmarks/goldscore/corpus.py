"""The gold files to score, their papers, and ingesting those papers.

Two sets of gold: the samples' (../shared/gold: `source` names a file of the bundled
samples) and the dev papers' (benchmarks/gold: `path` is relative to the folder that
holds the clone). Every paper is ingested afresh into a temporary home, nothing kept
between runs; a gold file whose paper is absent, or whose paper needs OCR where OCR
cannot run, is skipped with its reason rather than scored as zeros.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the clone
SAMPLES = ROOT / "samples"
SAMPLES_GOLD = ROOT.parent / "shared" / "gold"
DEV_GOLD = ROOT / "benchmarks" / "gold"
NEEDS_OCR = {"missing", "garbled"}  # text layers only OCR can read


@dataclass
class GoldFile:
    gold_path: Path
    set: str  # "samples" or "dev"
    gold: dict | None = None
    paper: Path | None = None
    skipped: str | None = None  # why it is not scored

    @property
    def name(self) -> str:
        return self.gold_path.stem


def gold_files(samples_gold: Path, dev_gold: Path, only: str | None, names: list[str]) -> list[GoldFile]:
    """The gold files asked for (`only` a set, `names` parts of their names), each with
    its paper or the reason it is skipped."""
    found = []
    for folder, kind in ((samples_gold, "samples"), (dev_gold, "dev")):
        if only not in (None, kind) or not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.json")):
            if names and not any(name in path.stem for name in names):
                continue
            found.append(_with_paper(GoldFile(path, kind)))
    return found


def _with_paper(file: GoldFile) -> GoldFile:
    try:
        file.gold = json.loads(file.gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        file.skipped = f"unreadable gold file ({error})"
        return file
    if not isinstance(file.gold, dict) or not file.gold.get("path" if file.set == "dev" else "source"):
        file.skipped = "gold file names no paper (" + ("path" if file.set == "dev" else "source") + ")"
        return file
    paper = ROOT.parent / file.gold["path"] if file.set == "dev" else SAMPLES / file.gold["source"]
    if not paper.is_file():
        file.skipped = f"paper absent: {paper}"
        return file
    file.paper = paper.resolve()  # e.g. /work/wt/shared is a link to /work/shared
    return file


def ingest(files: list[GoldFile], ocr: bool, jobs: int) -> list[dict]:
    """Every paper the scored files name, ingested into a fresh temporary home; its
    sources, meetings and records as export rows. The samples are ingested whole,
    as the samples' gold was always scored, so their meetings merge as in use."""
    from councilpapers.corpus.store import Store, meeting_json, source_json
    from councilpapers.ingest.manager import ingest_paths

    papers = sorted({f.paper for f in files if f.paper and f.set == "dev"})
    if any(f.paper and f.set == "samples" for f in files):
        papers.insert(0, SAMPLES)
    if not papers:
        return []
    with tempfile.TemporaryDirectory(prefix="gold-score-") as home:
        store = Store(Path(home) / "store.sqlite")
        try:
            ingest_paths(papers, store, jobs=jobs, ocr=ocr)
            rows = [source_json(s) for s in store.sources()]
            rows += [meeting_json(m) for m in store.meetings()]
            rows += [r.to_json() for r in store.records()]
        finally:
            store.close()
    return rows


def source_of(file: GoldFile, sources: list[dict]) -> dict | None:
    """The ingested source of a file's paper."""
    return next((s for s in sources if Path(s["path"]).resolve() == file.paper), None)


def skip_unreadable(file: GoldFile, source: dict | None, ocr_off_reason: str | None) -> None:
    """Mark a file skipped when its paper could not be read here for want of OCR."""
    if source is None:
        file.skipped = f"paper not ingested: {file.paper}"
    elif ocr_off_reason and source.get("text_layer") in NEEDS_OCR:
        file.skipped = f"needs OCR ({source['text_layer']} text layer), {ocr_off_reason}"


def ocr_off_reason(asked_off: bool) -> str | None:
    """None when OCR runs; else why not, as a phrase."""
    if asked_off:
        return "OCR turned off (--no-ocr)"
    from councilpapers.ingest.ocr import ocr_unavailable_reason

    reason = ocr_unavailable_reason()
    return f"OCR unavailable: {reason}" if reason else None
