"""The reports in a file, each with the meeting it was written for.

A report is read from its cover sheet (`cover_sheets`), or from a record of
decision that no cover sheet of the file carries (`decision_records`: a
proposed record of decision sent on its own). Its meeting, in order:

1. the one its cover names: "To: Cabinet – 30 January 2025", "To: Planning
   Committee" with "Date: 4 March 2025", a heading "Neighbourhood Committee /
   15 January 2026" above its fields, or, on a record of decision, "A report
   will be presented to Cabinet on 30 January 2025";
2. the heading above it that names the meeting a report is for (a title block
   at the top of the file: see `title_block`), when no minutes or front sheet
   comes between;
3. else none here: the caller gives it the pack's (its front sheet's).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ...corpus.records import Meeting, Report
from ...text.keys import title_key
from ..committees import normalise_committee
from ..model import Line
from .cover_sheets import meeting_addressed, read_cover_sheets
from .decision_records import find_decision_records, record_report
from .headings import MeetingHeading

# Words a body's name may add or drop and still be the same body.
NAME_NOISE = {"the", "and", "of", "for", "meeting"}


@dataclass
class FoundReport:
    report: Report
    meeting: MeetingHeading | None  # None: the pack's meeting


def find_reports(lines: list[Line], headings: list[MeetingHeading], context: date | None = None) -> list[FoundReport]:
    found = []
    for sheet in read_cover_sheets(lines):
        report = sheet.report
        addressed = meeting_addressed(report.to, report.index, context, dated=sheet.date)
        found.append(FoundReport(report, addressed or _heading_above(headings, report.index)))
    numbers = {f.report.decision_no for f in found if f.report.decision_no}
    subjects = {title_key(f.report.subject) for f in found if f.report.subject}
    for record in find_decision_records(lines, context):
        # The record attached to a report is that report's, not another one.
        if record.number in numbers or (record.subject and title_key(record.subject) in subjects):
            continue
        if not (record.number or record.subject):
            continue
        found.append(FoundReport(record_report(record), record.meeting or _heading_above(headings, record.index)))
    return sorted(found, key=lambda f: f.report.index)


def _heading_above(headings: list[MeetingHeading], index: int) -> MeetingHeading | None:
    """The nearest heading at or above `index` if it names a report's meeting
    (not minutes bound in a pack, not its front sheet)."""
    above = [h for h in headings if h.index <= index]
    nearest = max(above, key=lambda h: h.index, default=None)
    return nearest if nearest is not None and nearest.kind == "report" else None


def known_meeting(meetings: Iterable[Meeting], heading: MeetingHeading) -> str | None:
    """The id of a meeting already named in the file that `heading` names too:
    the same date and a body of the same words in another order ("Children's
    Health and Social Care Cabinet Committee" for the front sheet's "Children's
    Social Care and Health Cabinet Committee")."""
    if heading.date is None:
        return None
    words = _name_words(heading.committee)
    for meeting in meetings:
        if meeting.date == heading.date.isoformat() and _name_words(meeting.committee) == words:
            return meeting.id
    return None


def _name_words(committee: str) -> frozenset[str]:
    words = re.findall(r"[\w]+", normalise_committee(committee).lower().replace("’", "'").replace("&", " and "))
    return frozenset(w for w in words if w not in NAME_NOISE and w != "s")
