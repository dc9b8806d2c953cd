"""Extraction as a pipeline of named components, in order, as spaCy runs its own.

Each component takes the `Doc` (one file's body lines and what earlier
components found in them) and adds to it: structure that later components read
(meeting headings, minutes sections and their items) and records. A record is
made by its segmenter with its domain fields and the `index` of the line it
stands on; `Doc.add` stamps id, source, page and line the same way for every
type. Adding a record type is one dataclass (`corpus/records.py`) and one
component (`components.py`); a component can be switched off by name
(`extract(..., disable={"people"})`), for a benchmark or a test.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from datetime import date

from ..corpus.parse_report import ParseReport
from ..corpus.records import Meeting, Record
from .committees import meeting_id
from .model import ExtractedText, Line
from .parse_report import parse_report
from .segment.headings import MeetingHeading
from .segment.minutes import MinutesSection


# Bump when a change to the extraction rules changes what ingest stores: a file
# stored by an earlier version is then read again by the next ingest, though its
# content is unchanged, so an upgrade reaches the papers already in a store.
EXTRACTION_VERSION = 25


class RecordIds:
    """Readable ids that are stable for the same content: type, content hash, line."""

    def __init__(self, sha256: str):
        self.prefix = sha256[:8]
        self.seen: set[str] = set()

    def next(self, kind: type[Record], line: int | None) -> str:
        base = f"{kind.id_prefix}-{self.prefix}-L{line or 0}"
        candidate, n = base, 1
        while candidate in self.seen:
            n += 1
            candidate = f"{base}.{n}"
        self.seen.add(candidate)
        return candidate


@dataclass
class Doc:
    """One file as the components see it, and what they have found so far."""

    text: ExtractedText
    source: str
    sha256: str
    context: date | None = None  # a date the file is known to be about, for headings without a year
    lines: list[Line] = field(init=False)
    records: list[Record] = field(default_factory=list)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    headings: list[MeetingHeading] = field(default_factory=list)
    front_meeting: str | None = None  # the meeting a front sheet or pack is for
    sections: list[MinutesSection] = field(default_factory=list)
    # Minute item records by their section: the spans later components read.
    notes: list[str] = field(default_factory=list)  # what a component could not make out, for the parse report

    def __post_init__(self) -> None:
        self.lines = self.text.body()
        self._ids = RecordIds(self.sha256)

    def add(self, record: Record, at: int | None = None) -> Record:
        """Stamp `record` with its place (the line at `at`, else its own
        `index`) and keep it."""
        line = self.lines[record.index if at is None else at]
        record.id = self._ids.next(type(record), line.number)
        record.source, record.page, record.line = self.source, line.page, line.number
        self.records.append(record)
        return record

    def add_all(self, records: Iterable[Record], **fields) -> list[Record]:
        """Add records found by a segmenter, each given `fields` (a meeting, a minute)."""
        added = []
        for record in records:
            for name, value in fields.items():
                setattr(record, name, value)
            added.append(self.add(record))
        return added

    def of_type(self, cls: type[Record]) -> list:
        return [r for r in self.records if isinstance(r, cls)]

    def meeting_for(self, heading: MeetingHeading) -> str:
        """The id of the meeting a heading names, made the first time it is named."""
        iso = heading.date.isoformat() if heading.date else None
        mid = meeting_id(heading.committee, iso)
        known = self.meetings.get(mid)
        if known is None:
            self.meetings[mid] = Meeting(mid, heading.committee, iso, heading.time, heading.venue,
                                         status=heading.status)
        else:
            known.time = known.time or heading.time
            known.venue = known.venue or heading.venue
            known.status = known.status or heading.status
        return mid

    def meeting_at(self, index: int) -> str | None:
        """The minutes a line belongs to, else the meeting the pack is for."""
        for section in self.sections:
            if section.start <= index < section.end:
                return self.meeting_for(section.heading)
        return self.front_meeting


@dataclass
class Extraction:
    meetings: list[Meeting]
    records: list[Record]
    report: ParseReport


@dataclass(frozen=True)
class Component:
    name: str
    run: Callable[[Doc], None]


def extract(
    text: ExtractedText, source: str, sha256: str, context: date | None = None,
    *, disable: Collection[str] = (),
) -> Extraction:
    """Run every component but those in `disable` over one file's text."""
    from .components import PIPELINE

    unknown = set(disable) - {c.name for c in PIPELINE}
    if unknown:
        raise ValueError(f"no extraction component named {', '.join(sorted(unknown))}")
    doc = Doc(text, source, sha256, context)
    for component in PIPELINE:
        if component.name not in disable:
            component.run(doc)
    meetings = list(doc.meetings.values())
    return Extraction(meetings, doc.records, parse_report(meetings, doc.records, doc.notes))


def extract_records(
    text: ExtractedText, source: str, sha256: str, context: date | None = None,
) -> tuple[list[Meeting], list[Record]]:
    """A file's meetings and records (every component)."""
    extraction = extract(text, source, sha256, context)
    return extraction.meetings, extraction.records
