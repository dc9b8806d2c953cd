"""The extraction components, in the order they run (`PIPELINE`).

Each is a few lines: it calls the segmenter or extractor that holds the rule
(`segment/`, `extractors/`) over the part of the file it applies to, and adds
what it finds to the `Doc`. Rules live in those modules, never here.
"""

from __future__ import annotations

import re

from ..corpus.records import Attendance, Document, MinuteItem, Passage, Report
from .extractors.acronyms import find_acronyms
from .extractors.action_owners import People
from .extractors.actions import column_cells, find_action_plan_rows, find_actions
from .extractors.figures import find_figures
from .extractors.people import find_people
from .model import Line
from .pipeline import Component, Doc
from .segment import business
from .segment.agenda import find_agenda_items, front_sheet_end
from .segment.attendance import Attendees, find_apologies, find_roll_call, find_speakers, read_attendance
from .segment.attendance_words import APOLOGIES_ITEM, PUBLIC_ITEM
from .segment.documents import split_documents
from .segment.meetings import find_meeting_headings
from .segment.minutes import MinutesSection, minutes_sections
from .segment.reports import find_reports, known_meeting
from .segment.resolutions import find_resolutions
from .segment.votes import find_all_votes

PARAGRAPH_NUMBER = re.compile(r"^\s*(?:\d{1,2}\.|\(\d{1,2}\))\s*$")
PASSAGE_CHARS = 3000
PRESENT_STATUSES = ("present", "substitute")
DOCUMENT_KINDS_WITH_MEETING = ("minutes", "web_minutes", "agenda")


def meetings(doc: Doc) -> None:
    """Where a meeting is named: minutes headings, front sheets, web pages."""
    doc.headings = find_meeting_headings(doc.lines, doc.context)


def agenda(doc: Doc) -> None:
    """A front sheet's items; the pack (or the report) is for the front sheet's meeting.
    A heading inside a front sheet already read (its items taken for a title
    block) opens no second one, so no item is listed twice."""
    read_up_to = 0
    for heading in doc.headings:
        if heading.kind == "report":
            doc.front_meeting = doc.front_meeting or doc.meeting_for(heading)
        if heading.kind != "agenda" or heading.index < read_up_to:
            continue
        doc.front_meeting = doc.meeting_for(heading)
        read_up_to = front_sheet_end(doc.lines, heading.end)
        doc.add_all(find_agenda_items(doc.lines, heading.end, read_up_to), meeting=doc.front_meeting)


def reports(doc: Doc) -> None:
    """Reports (cover sheets, records of decision sent on their own), each for
    the meeting it names (a meeting of the file named in other words is that
    one), else the pack's."""
    for found in find_reports(doc.lines, doc.headings, doc.context):
        addressed = found.meeting
        if addressed is None:
            found.report.meeting = doc.front_meeting
        else:
            found.report.meeting = known_meeting(doc.meetings.values(), addressed) or doc.meeting_for(addressed)
        doc.add(found.report)


def documents(doc: Doc) -> None:
    """The documents bound in the file, and the pages of those that are not
    minutes or agendas, as passages for search."""
    reports = doc.of_type(Report)
    report_meetings = {report.line: report.meeting for report in reports}
    for span in split_documents(doc.lines, doc.headings, reports):
        last = doc.lines[max(span.index, span.end - 1)]
        # A document starting on its "Agenda Item A3" banner holds the heading a
        # few lines down; a report is for its meeting; appendices of a pack are
        # for the pack's.
        heading = next((h for h in doc.headings if span.index <= h.index < span.end), None)
        if span.kind in DOCUMENT_KINDS_WITH_MEETING and heading:
            meeting = doc.meeting_for(heading)
        else:
            meeting = report_meetings.get(doc.lines[span.index].number) or doc.front_meeting
        document = doc.add(Document(
            kind=span.kind, title=span.title, meeting=meeting, end_page=last.page, end_line=last.number,
        ), at=span.index)
        if span.kind not in DOCUMENT_KINDS_WITH_MEETING:
            for first, chunk in _passages(doc.lines, span.index, span.end):
                doc.add(Passage(
                    document=document.id, kind=document.kind, title=document.title,
                    meeting=document.meeting, text="\n".join(line.text for line in chunk),
                ), at=first)


def minutes(doc: Doc) -> None:
    """Each set of minutes and its items."""
    doc.sections = minutes_sections(doc.lines, doc.headings)
    for section in doc.sections:
        meeting = doc.meeting_for(section.heading)
        for item in section.items:
            heading = item.heading
            item.record = doc.add(MinuteItem(
                meeting=meeting, number=heading.number, title=heading.title, agenda_ref=heading.agenda_ref,
                text=_item_text(item.body(doc.lines)), end_line=doc.lines[max(heading.index, item.end - 1)].number,
            ), at=heading.index)


def attendance(doc: Doc) -> None:
    """Who attended each meeting; people counted, not named, as notes of the parse report."""
    for section in doc.sections:
        found = _attendance(doc.lines, section)
        doc.add_all(found.people, meeting=doc.meeting_for(section.heading))
        for _, counted in found.counts:
            heading = section.heading
            meeting = " ".join(str(x) for x in (heading.committee, heading.date) if x) or "a meeting"
            doc.notes.append(f"{meeting}: {counted.number} {counted.who} attended (counted, not named)")


def decisions(doc: Doc) -> None:
    """Resolutions in each item, and before the first (a motion to exclude the
    press and public can come before any numbered item: it has no minute). An
    item's span starts at its heading: a minute that has no title runs its first
    sentence on from the number ("5. It was agreed that …")."""
    for section in doc.sections:
        meeting = doc.meeting_for(section.heading)
        first_item = section.items[0].heading.index if section.items else section.end
        doc.add_all(find_resolutions(doc.lines, section.heading.end, first_item), meeting=meeting)
        for item in section.items:
            found = find_resolutions(doc.lines, item.heading.index, item.end)
            doc.add_all(found, meeting=meeting, minute=item.heading.number, title=item.heading.title,
                        item=item.record.id)


def votes(doc: Doc) -> None:
    """Recorded votes in each item of each set of minutes (those reprinted in
    an agenda pack are their own meeting's), what was voted on the item's
    title where the minutes do not say."""
    for section in doc.sections:
        meeting = doc.meeting_for(section.heading)
        for item in section.items:
            for vote in find_all_votes(doc.lines, item.heading.body_start, item.end):
                vote.motion = vote.motion or item.heading.title
                doc.add_all([vote], meeting=meeting, minute=item.heading.number, item=item.record.id)


def actions(doc: Doc) -> None:
    """Actions minuted in each item, then rows of action-plan tables. The
    owner column at the right margin is read once for the file; the
    attendance (with its roles) resolves owners."""
    column = column_cells(doc.lines) if doc.sections else {}
    for section in doc.sections:
        meeting = doc.meeting_for(section.heading)
        attendees = People([a for a in doc.of_type(Attendance) if a.meeting == meeting])
        for item in section.items:
            found = find_actions(doc.lines, item.heading.body_start, item.end, attendees,
                                 context=section.heading.date, column=column)
            doc.add_all(found, meeting=meeting, minute=item.heading.number)
    doc.add_all(find_action_plan_rows(doc.lines), meeting=None, minute=None)


def facts(doc: Doc) -> None:
    """What the records say together: exempt business, the agenda item a
    report is for. Decided once, here, and stored on the records; last, so
    the people, figures and acronyms named in exempt business are exempt too."""
    business.mark_exempt(doc.records)
    business.link_agenda_refs(doc.records)


def people(doc: Doc) -> None:
    for mention in find_people(doc.lines):
        mention.meeting = doc.meeting_at(mention.index)
        doc.add(mention)


def figures(doc: Doc) -> None:
    for figure in find_figures(doc.lines):
        figure.meeting = doc.meeting_at(figure.index)
        doc.add(figure)


def acronyms(doc: Doc) -> None:
    doc.add_all(find_acronyms(doc.lines, attendees=(a.name for a in doc.of_type(Attendance))))


PIPELINE: tuple[Component, ...] = tuple(
    Component(step.__name__, step)
    for step in (meetings, agenda, reports, documents, minutes, attendance, decisions, votes, actions,
                 people, figures, acronyms, facts)
)


def _passages(lines: list[Line], start: int, end: int) -> list[tuple[int, list[Line]]]:
    """A document's text a page at a time (or in pieces of about 3,000
    characters where pages are unknown), so a hit cites the page it is on."""
    passages: list[tuple[int, list[Line]]] = []
    first, size = start, 0
    for i in range(start, end):
        if i > first and (lines[i].page != lines[i - 1].page or size > PASSAGE_CHARS):
            passages.append((first, lines[first:i]))
            first, size = i, 0
        size += len(lines[i].text)
    if end > first:
        passages.append((first, lines[first:end]))
    return passages


def _attendance(lines: list[Line], section: MinutesSection) -> Attendees:
    """The attendance lists and sentences before the first item (from the
    section's first line: a title block may hold who spoke before the meeting),
    a roll call in the first item when no list says who was present, then the
    apologies, substitutes and attendees written in the apologies minute (or the first)."""
    opening_end = section.items[0].heading.index if section.items else section.end
    for item in section.items:  # "Apologies for Absence: Cllr A, Cllr B": an item, and a list
        if not item.heading.run_in:
            break
        opening_end = item.end
    found = read_attendance(lines, section.start, opening_end)
    if not section.items:
        return found
    if not any(p.status in PRESENT_STATUSES for p in found.people):
        first = section.items[0]
        found.people += find_roll_call(lines, first.heading.body_start, first.end)
    # Every item titled as apologies ("Apologies:" run into the opening, then "1. Apologies
    # and substitutions"), or else the first item.
    titled = [i for i in section.items if APOLOGIES_ITEM.search(i.heading.title or "")]
    apology_items = titled or section.items[:1]
    for item in apology_items:
        prose = find_apologies(lines, item.heading.body_start, item.end, found.people, bare_list=bool(titled))
        # A member found only as present but named as a substitute in prose is a substitute.
        substitutes = {p.name: p for p in prose if p.status == "substitute"}
        found.people = [
            substitutes.pop(p.name) if p.name in substitutes and p.status == "present" else p for p in found.people
        ]
        found.people += [p for p in prose if p.status != "substitute" or p.name in substitutes]
    for other in section.items:
        if all(other is not item for item in apology_items):
            public = bool(PUBLIC_ITEM.search(other.heading.title or ""))
            found.people += find_speakers(lines, other.heading.body_start, other.end, found.people, public=public)
    return found


def _item_text(lines: list[Line]) -> str:
    """An item's text as paragraphs: lines joined, the bare paragraph numbers
    of the PDF layout ("1." on a line of its own) dropped."""
    kept = [line.text.strip() for line in lines if not PARAGRAPH_NUMBER.match(line.text)]
    text = "\n".join(kept)
    return re.sub(r"\n{3,}", "\n\n", text).strip()

