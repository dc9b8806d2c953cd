"""What ingest made of a file, in a few lines a clerk can check: the documents
found, each meeting with its date, items, decisions and attendance, and the
problems — what was expected and not understood — so that a file that was not
understood says so instead of giving silent, empty results.
"""

from __future__ import annotations

import re
from collections import Counter

from ..corpus.parse_report import MeetingSummary, ParseReport
from ..corpus.records import AgendaItem, Attendance, Document, Meeting, MinuteItem, Record, Report, Resolution

# Documents that are about one meeting: without one, the file was not understood.
MEETING_DOCUMENTS = ("minutes", "web_minutes", "agenda")
DIGITS = re.compile(r"\d+")


def parse_report(meetings: list[Meeting], records: list[Record], notes: list[str] = ()) -> ParseReport:
    """The report of one file's extraction (`notes`: what components could not make out)."""
    report = ParseReport(notes=list(dict.fromkeys(notes)))
    documents = [r for r in records if isinstance(r, Document)]
    report.documents = [{"kind": d.kind, "title": d.title, "page": d.page} for d in documents]
    for meeting in meetings:
        report.meetings.append(_summary(meeting, [r for r in records if r.meeting_id == meeting.id]))
    report.problems = _problems(report, documents, records)
    return report


def _summary(meeting: Meeting, records: list[Record]) -> MeetingSummary:
    items = [r for r in records if isinstance(r, MinuteItem)]
    summary = MeetingSummary(
        meeting.id, meeting.committee, meeting.date, meeting.time, meeting.venue,
        status=meeting.status,
        agenda_items=sum(isinstance(r, AgendaItem) for r in records),
        minute_items=len(items),
        numbered_items=sum(1 for i in items if i.number),
        decisions=sum(isinstance(r, Resolution) for r in records),
        attendance=dict(Counter(r.status for r in records if isinstance(r, Attendance))),
    )
    summary.numbering = numbering_problems([i.number for i in items if i.number])
    return summary


def numbering_problems(numbers: list[str]) -> list[str]:
    """Gaps and numbers that go back in a run of item numbers ("84", "19.03.5",
    "14/037"), compared by their last number; and a number whose leading part
    differs from the rest's ("19.01.4" among "19.03.n": a misprint)."""
    parts = [tuple(int(x) for x in DIGITS.findall(n)) for n in numbers]
    prefixes = Counter(p[:-1] for p in parts if p)
    common = prefixes.most_common(1)[0][0] if prefixes else ()
    problems = []
    previous = None
    for written, numbered in zip(numbers, parts):
        if not numbered:
            continue
        if numbered[:-1] != common:
            problems.append(f"{written} does not begin like the other numbers")
        value = numbered[-1]
        if previous is not None:
            last_written, last_value = previous
            if value <= last_value:
                problems.append(f"{written} after {last_written}")
            elif value > last_value + 1:
                problems.append(f"gap: {last_written} to {written}")
        previous = (written, value)
    return problems


def _problems(report: ParseReport, documents: list[Document], records: list[Record]) -> list[str]:
    problems = []
    kinds = Counter(d.kind for d in documents)
    if any(kinds[k] for k in MEETING_DOCUMENTS) and not report.meetings:
        what = " and ".join(k.replace("_", " ") for k in MEETING_DOCUMENTS if kinds[k])
        problems.append(f"{what} found but no meeting: no heading names a committee and a date")
    if not documents:
        problems.append("no text to read")
    elif not report.meetings and not any(isinstance(r, Report) for r in records) and kinds["other"] == len(documents):
        problems.append("not recognised as minutes, an agenda or a report: no meeting found")
    for r in records:
        if isinstance(r, Report) and not r.meeting:
            report.notes.append(f"report {r.subject or '(untitled)'!r}: the meeting it is for was not found")
    for m in report.meetings:
        name = f"{m.committee} ({m.date or 'undated'})"
        if m.date is None:
            problems.append(f"meeting {m.committee!r} has no date")
        if m.status == "cancelled":
            continue
        minutes = any(d.kind in ("minutes", "web_minutes") and d.meeting == m.id for d in documents)
        agenda = any(d.kind == "agenda" and d.meeting == m.id for d in documents)
        if minutes and not m.minute_items:
            problems.append(f"minutes of {name}: no items found")
        if minutes and not m.attendance:
            problems.append(f"minutes of {name}: no attendance found")
        if agenda and not m.agenda_items and not m.minute_items:
            problems.append(f"agenda of {name}: no items found")
    return problems
