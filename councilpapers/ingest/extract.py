"""One file's extracted text -> its meetings and records."""

from __future__ import annotations

import re
from datetime import date

from ..corpus.records import (
    Acronym, Action, AgendaItem, Figure, Mention, Passage, Attendance, Document, Meeting, MinuteItem, Record, Report, Resolution, Vote,
)
from .committees import meeting_id
from .extractors.acronyms import find_acronyms
from .extractors.actions import find_action_plan_rows, find_actions
from .extractors.figures import find_figures
from .extractors.people import find_people
from .model import ExtractedText, Line
from .segment.headings import MeetingHeading, find_meeting_headings
from .segment.agenda import find_agenda_items, front_sheet_end
from .segment.attendance import find_apologies, find_attendance, find_roll_call
from .segment.cover_sheets import find_cover_sheets
from .segment.documents import split_documents
from .segment.minutes import MinutesSection, minutes_sections
from .segment.resolutions import find_resolutions
from .segment.votes import find_listed_votes, find_votes

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

    front_meeting = None
    for heading in headings:
        if heading.kind != "agenda":
            continue
        front_meeting = meeting_for(heading)
        for found in find_agenda_items(lines, heading.end, front_sheet_end(lines, heading.end)):
            at = lines[found.index]
            records.append(
                AgendaItem(
                    id=ids.next(AgendaItem, at.number), source=source_path, page=at.page,
                    line=at.number, meeting=front_meeting, code=found.code, title=found.title,
                    first_page=found.first_page, last_page=found.last_page, exempt=found.exempt,
                )
            )

    reports = find_cover_sheets(lines)
    for found in reports:
        at = lines[found.index]
        records.append(
            Report(
                id=ids.next(Report, at.number), source=source_path, page=at.page, line=at.number,
                meeting=front_meeting, subject=found.subject, by=found.by, to=found.to,
                decision_no=found.decision_no, classification=found.classification,
                summary=found.summary, recommendations=found.recommendations,
            )
        )
    for found in split_documents(lines, headings, reports):
        at, last = lines[found.index], lines[max(found.index, found.end - 1)]
        # A document starting on its "Agenda Item A3" banner holds the heading a
        # few lines down; reports and appendices of a pack are for its meeting.
        heading = next((h for h in headings if found.index <= h.index < found.end), None)
        if found.kind in ("minutes", "web_minutes", "agenda") and heading:
            document_meeting = meeting_for(heading)
        else:
            document_meeting = front_meeting
        document = Document(
            id=ids.next(Document, at.number), source=source_path, page=at.page, line=at.number,
            kind=found.kind, title=found.title, meeting=document_meeting,
            end_page=last.page, end_line=last.number,
        )
        records.append(document)
        if found.kind not in ("agenda", "minutes", "web_minutes"):
            records.extend(_passages(ids, lines[found.index : found.end], document))

    sections = minutes_sections(lines, headings)
    for section in sections:
        mid = meeting_for(section.heading)
        attendance = _attendance(lines, section)
        attendees = [p.name for p in attendance]
        for found in attendance:
            at = lines[found.index]
            records.append(
                Attendance(
                    id=ids.next(Attendance, at.number), source=source_path, page=at.page,
                    line=at.number, meeting=mid, name=found.name, status=found.status,
                    substitute_for=found.substitute_for, role=found.role,
                )
            )
        # Business before the first numbered item (a motion to exclude the press
        # and public, say) can be resolved too; it has no minute number.
        first_item = section.items[0].heading.index if section.items else section.end
        for found in find_resolutions(lines, section.heading.end, first_item):
            at = lines[found.index]
            records.append(
                Resolution(
                    id=ids.next(Resolution, at.number), source=source_path, page=at.page,
                    line=at.number, meeting=mid, minute=None, text=found.text, parts=found.parts,
                )
            )
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
            for action in find_actions(
                lines, item.heading.body_start, item.end, attendees, context=section.heading.date
            ):
                records.append(_action(ids, lines, action, source_path, mid, item.heading.number))
            span = (lines, item.heading.body_start, item.end)
            for vote in find_votes(*span) + find_listed_votes(*span):
                at = lines[vote.index]
                records.append(
                    Vote(
                        id=ids.next(Vote, at.number), source=source_path, page=at.page,
                        line=at.number, meeting=mid, minute=item.heading.number,
                        motion=vote.motion or item.heading.title, for_=vote.for_count, against=vote.against_count,
                        abstain=vote.abstain_count, names_for=vote.names_for,
                        names_against=vote.names_against, names_abstain=vote.names_abstain,
                        result=vote.result, count_mismatch=vote.mismatch,
                    )
                )
    for action in find_action_plan_rows(lines):
        records.append(_action(ids, lines, action, source_path, None, None))

    def meeting_at(index: int) -> str | None:
        """The minutes a line belongs to, else the meeting the pack is for."""
        for section in sections:
            if section.start <= index < section.end:
                return meeting_for(section.heading)
        return front_meeting

    for figure in find_figures(lines):
        at = lines[figure.index]
        records.append(
            Figure(
                id=ids.next(Figure, at.number), source=source_path, page=at.page, line=at.number,
                kind=figure.kind, text=figure.text, value=figure.value, unit=figure.unit,
                context=figure.context, meeting=meeting_at(figure.index),
            )
        )
    for mention in find_people(lines):
        at = lines[mention.index]
        records.append(
            Mention(
                id=ids.next(Mention, at.number), source=source_path, page=at.page, line=at.number,
                name=mention.name, role=mention.role, party=mention.party,
                meeting=meeting_at(mention.index),
            )
        )
    for acronym in find_acronyms(lines):
        at = lines[acronym.index]
        records.append(
            Acronym(
                id=ids.next(Acronym, at.number), source=source_path, page=at.page, line=at.number,
                short=acronym.short, long=acronym.long,
            )
        )
    return list(meetings.values()), records


PASSAGE_CHARS = 3000


def _passages(ids: RecordIds, lines: list[Line], document: Document) -> list[Passage]:
    """The document's text a page at a time (or in pieces of about 3,000
    characters where pages are unknown), so a hit cites the page it is on."""
    passages: list[Passage] = []
    chunk: list[Line] = []

    def flush() -> None:
        if chunk:
            first = chunk[0]
            passages.append(Passage(
                id=ids.next(Passage, first.number), source=document.source, page=first.page,
                line=first.number, document=document.id, kind=document.kind, title=document.title,
                meeting=document.meeting, text="\n".join(line.text for line in chunk),
            ))
            chunk.clear()

    size = 0
    for line in lines:
        if chunk and (line.page != chunk[-1].page or size > PASSAGE_CHARS):
            flush()
            size = 0
        chunk.append(line)
        size += len(line.text)
    flush()
    return passages


def _action(ids: RecordIds, lines: list[Line], found, source_path: str, meeting: str | None,
            minute: str | None) -> Action:
    at = lines[found.index]
    return Action(
        id=ids.next(Action, at.number), source=source_path, page=at.page, line=at.number,
        meeting=meeting, minute=minute, owner=found.owner, description=found.description,
        due=found.due, status=found.status, owners=list(found.owners),
    )


def _attendance(lines: list[Line], section: MinutesSection):
    """The PRESENT / IN ATTENDANCE lists before the first item, then apologies and
    substitutes written in the apologies minute (or the first)."""
    first_item = section.items[0].heading.index if section.items else section.end
    listed = find_attendance(lines, section.heading.end, first_item)
    if not section.items:
        return listed
    if not listed:
        first = section.items[0]
        listed = find_roll_call(lines, first.heading.body_start, first.end)
    apologies_item = next(
        (i for i in section.items if "apolog" in i.heading.title.lower()), section.items[0]
    )
    prose = find_apologies(lines, apologies_item.heading.body_start, apologies_item.end, listed)
    # A member found only as present but named as a substitute in prose is a substitute.
    substitutes = {p.name: p for p in prose if p.status == "substitute"}
    listed = [substitutes.pop(p.name) if p.name in substitutes and p.status == "present" else p for p in listed]
    return listed + [p for p in prose if p.status != "substitute" or p.name in substitutes]


def _join(lines: list[Line]) -> str:
    """An item's text as paragraphs: lines joined, the bare paragraph numbers
    of the PDF layout ("1." on a line of its own) dropped."""
    kept = [line.text.strip() for line in lines if not PARAGRAPH_NUMBER.match(line.text)]
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
