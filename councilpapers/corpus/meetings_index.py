"""The meetings and committees the store holds, so ids need never be guessed:
each meeting with its counts of items and decisions, each committee with its
meetings and first and last date, the store's counts by committee and year,
and the ids nearest to one that is not there. What `meetings`, `committees`,
`stats --by` and `show` (an unknown id) print. Exempt (Part 2) business is not
counted unless `include_exempt`."""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from .merge import merge_records
from .records import Meeting
from .registers import _committee_matches, _in_range
from .store import Store

DECISION_TYPES = ("resolution", "vote")


@dataclass
class MeetingRow:
    meeting: Meeting
    items: int  # minute items, each once however many files tell it; else the agenda's items
    decisions: int  # resolutions and votes, each once
    sources: list[str] = field(default_factory=list)  # paths of the files that tell it

    def row(self) -> dict:
        m = self.meeting
        return {"id": m.id, "date": m.date, "committee": m.committee, "time": m.time, "venue": m.venue,
                "status": m.status, "items": self.items, "decisions": self.decisions, "sources": self.sources}


def meeting_rows(store: Store, *, committee: str | None = None, since: date | None = None,
                 until: date | None = None, include_exempt: bool = False) -> list[MeetingRow]:
    """Meetings by date (undated last), those of `committee` (words of its name) between the dates."""
    paths = {s.id: s.path for s in store.sources()}
    rows = []
    for meeting in store.meetings():
        if not _committee_matches(meeting, committee) or not _in_range(meeting.date, since, until):
            continue
        kinds = Counter(r.type for r in merge_records(store.records(meeting_id=meeting.id))
                        if include_exempt or not r.exempt)
        rows.append(MeetingRow(meeting, kinds["minute_item"] or kinds["agenda_item"],
                               sum(kinds[t] for t in DECISION_TYPES), [paths[s] for s in meeting.sources if s in paths]))
    rows.sort(key=lambda r: (r.meeting.date is None, r.meeting.date or "", r.meeting.committee))
    return rows


def committee_rows(store: Store) -> list[dict]:
    """Each committee by name: its meetings, first and last date."""
    by_name: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in store.meetings():
        by_name[meeting.committee].append(meeting)
    rows = []
    for name in sorted(by_name, key=str.casefold):
        dates = sorted(m.date for m in by_name[name] if m.date)
        rows.append({"committee": name, "meetings": len(by_name[name]),
                     "first": dates[0] if dates else None, "last": dates[-1] if dates else None})
    return rows


def counts_by_committee_and_year(store: Store, *, include_exempt: bool = False) -> list[dict]:
    """For each committee and year: meetings, minute items, decisions, actions, agenda items."""
    meetings = {m.id: m for m in store.meetings()}
    table: dict[tuple, Counter] = defaultdict(Counter)
    for meeting in meetings.values():
        table[(meeting.committee, (meeting.date or "")[:4])]["meetings"] += 1
        for record in merge_records(store.records(meeting_id=meeting.id)):
            if include_exempt or not record.exempt:
                table[(meeting.committee, (meeting.date or "")[:4])][record.type] += 1
    return [{"committee": committee, "year": year or None, "meetings": c["meetings"],
             "items": c["minute_item"], "agenda_items": c["agenda_item"],
             "decisions": sum(c[t] for t in DECISION_TYPES), "actions": c["action"],
             "attendance": c["attendance"]}
            for (committee, year), c in sorted(table.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1]))]


def nearest_ids(store: Store, wanted: str, *, most: int = 5) -> list[str]:
    """The meeting and record ids most like `wanted`, best first: a meeting id
    that starts with it (a date, "mtg-2025-01"), else the closest spellings."""
    meeting_ids = [m.id for m in store.meetings()]
    starting = [i for i in meeting_ids if i.startswith(wanted) or wanted in i]
    if starting:
        return sorted(starting)[:most]
    prefix = wanted.split("-", 1)[0]
    # Exempt records are not offered: their ids are not for every reader to find.
    record_ids = [row[0] for row in store.db.execute(
        "SELECT id FROM records WHERE id LIKE ? AND NOT json_extract(data, '$.exempt')", (prefix + "-%",))]
    return difflib.get_close_matches(wanted, meeting_ids + record_ids, n=most, cutoff=0.6)
