"""The files in the store and what ingest made of each (its parse report): the
`sources` listing, and the files that were not understood."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .parse_report import ParseReport
from .records import Source
from .store import Store


@dataclass
class SourceSummary:
    source: Source
    report: ParseReport | None
    problems: list[str] = field(default_factory=list)

    def row(self) -> dict:
        meetings = self.report.meetings if self.report else []
        return {
            "id": self.source.id, "file": Path(self.source.path).name, "path": self.source.path,
            "status": str(self.source.status), "pages": self.source.pages,
            "documents": ", ".join(d["kind"] for d in self.report.documents) if self.report else None,
            "meetings": "; ".join(f"{m.committee} {m.date or 'undated'}" for m in meetings),
            "items": sum(m.minute_items + m.agenda_items for m in meetings),
            "decisions": sum(m.decisions for m in meetings),
            "attendance": sum(sum(m.attendance.values()) for m in meetings),
            "problems": self.problems,
        }


def source_summaries(store: Store, *, problems_only: bool = False) -> list[SourceSummary]:
    """Every source (failed ones with their error as the problem), by path;
    with `problems_only`, those with something not understood."""
    summaries = []
    for source in store.sources():
        report = ParseReport.from_json(source.parse_report)
        if source.status != "ok":
            problems = [f"not read: {source.error}"]
        elif source.duplicate_of:
            problems = []
        else:
            problems = list(report.problems) if report else []
        summary = SourceSummary(source, report, problems)
        if summary.problems or not problems_only:
            summaries.append(summary)
    return summaries
