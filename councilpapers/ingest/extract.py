"""One file's extracted text -> its meetings and records."""

from __future__ import annotations

import re
from datetime import date

from ..corpus.records import Meeting, MinuteItem, Record, Resolution
from .committees import meeting_id
from .model import ExtractedText, Line
from .segment.headings import MeetingHeading, find_meeting_headings
from .segment.minutes import minutes_sections

PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d{1,2}\.|\(\d{1,2}\))\s*$")


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


def extract_records(
    text: ExtractedText, source_path: str, sha256: str, context: date | None = None
) -> tuple[list[Meeting], list[Record]]:
    lines = text.body()
    ids = RecordIds(sha256)
    headings = find_meeting_headings(lines, context)
    meetings: dict[str, Meeting] = {}
    records: list[Record] = []

    def meeting_for(heading: MeetingHeading) -> str:
        iso = heading.date.isoformat() if heading.date else None
        mid = meeting_id(heading.committee, iso)
        known = meetings.get(mid)
        if known is None:
            meetings[mid] = Meeting(mid, heading.committee, iso, heading.time, heading.venue)
        else:
            known.time = known.time or heading.time
            known.venue = known.venue or heading.venue
        return mid

    for heading in headings:
        if heading.kind == "agenda":
            meeting_for(heading)

    for section in minutes_sections(lines, headings):
        mid = meeting_for(section.heading)
        for item in section.items:
            first = lines[item.heading.index]
            body = _join(lines[item.heading.body_start : item.end])
            records.append(
                MinuteItem(
                    id=ids.next(MinuteItem, first.number), source=source_path,
                    page=first.page, line=first.number, meeting=mid,
                    number=item.heading.number, title=item.heading.title,
                    agenda_ref=item.heading.agenda_ref, text=body,
                )
            )
            for found in item.resolutions:
                at = lines[found.index]
                records.append(
                    Resolution(
                        id=ids.next(Resolution, at.number), source=source_path,
                        page=at.page, line=at.number, meeting=mid,
                        minute=item.heading.number, text=found.text, parts=found.parts,
                        title=item.heading.title,
                    )
                )
    return list(meetings.values()), records


def _join(lines: list[Line]) -> str:
    """An item's text as paragraphs: lines joined, the bare paragraph numbers
    of the PDF layout ("1." on a line of its own) dropped."""
    kept = [line.text.strip() for line in lines if not PARAGRAPH_NUMBER.match(line.text)]
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
