"""The parse report of a source: what ingest made of the file (documents,
meetings with their items, decisions and attendance) and what it expected and
did not find. Made by `ingest.parse_report`, stored with the source."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class MeetingSummary:
    id: str
    committee: str
    date: str | None
    time: str | None
    venue: str | None
    status: str | None = None
    agenda_items: int = 0
    minute_items: int = 0
    numbered_items: int = 0
    decisions: int = 0
    attendance: dict[str, int] = field(default_factory=dict)
    numbering: list[str] = field(default_factory=list)  # gaps and numbers that go back


@dataclass
class ParseReport:
    documents: list[dict] = field(default_factory=list)  # kind, title, page
    meetings: list[MeetingSummary] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # expected and not found: one sentence each
    notes: list[str] = field(default_factory=list)  # worth knowing, not wrong

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict | None) -> "ParseReport | None":
        if not data:
            return None
        meetings = [MeetingSummary(**m) for m in data.get("meetings", [])]
        return cls(data.get("documents", []), meetings, data.get("problems", []), data.get("notes", []))

    def lines(self) -> list[str]:
        """The report as short lines for a terminal."""
        out = [f"documents: {', '.join(_document_line(d) for d in self.documents) or 'none'}"]
        for m in self.meetings:
            out.append(_meeting_line(m))
        out += [f"problem: {p}" for p in self.problems]
        out += [f"note: {n}" for n in self.notes]
        return out


def _document_line(document: dict) -> str:
    page = f" p. {document['page']}" if document.get("page") else ""
    return f"{document['kind']}{page}"


def _meeting_line(m: MeetingSummary) -> str:
    when = " ".join(x for x in (m.date or "no date", m.time) if x)
    parts = [f"meeting: {m.committee}, {when}" + (f", {m.venue}" if m.venue else "")]
    if m.status:
        parts.append(m.status)
    if m.agenda_items:
        parts.append(f"{m.agenda_items} agenda items")
    if m.minute_items:
        numbered = "" if m.numbered_items == m.minute_items else f" ({m.numbered_items} numbered)"
        parts.append(f"{m.minute_items} minute items{numbered}")
    if m.decisions:
        parts.append(f"{m.decisions} decisions")
    if m.attendance:
        parts.append("attendance " + ", ".join(f"{n} {s.replace('_', ' ')}" for s, n in sorted(m.attendance.items())))
    if m.numbering:
        parts.append("numbering: " + "; ".join(m.numbering))
    return " · ".join(parts)
