"""What ingest found in one paper, as entries of the kinds its gold states.

Reads the export records (../shared/export-schema.md) of one source: the meetings
that name it among their sources and the records that cite it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import entries
from .gold import Expected
from .matching import Entry

# The export's attendance statuses as the gold's lists: a substitute is present
# (and is scored as a substitute too); "also present" is in attendance.
STATUS_AS_GOLD = {"substitute": "present", "also_present": "in_attendance"}


@dataclass
class Export:
    """The exported corpus, indexed the ways the scorer reads it."""

    meetings: dict[str, dict]
    meetings_of_source: dict[str, list[dict]]
    records_of_path: dict[str, list[dict]]
    sources: list[dict]

    @classmethod
    def of(cls, rows: list[dict]) -> Export:
        meetings = {r["id"]: r for r in rows if r.get("type") == "meeting"}
        of_source: dict[str, list[dict]] = defaultdict(list)
        for meeting in meetings.values():
            for source_id in meeting.get("sources") or []:
                of_source[source_id].append(meeting)
        of_path: dict[str, list[dict]] = defaultdict(list)
        for row in rows:
            if row.get("type") not in ("source", "meeting", "person") and row.get("source"):
                of_path[row["source"]].append(row)
        sources = [r for r in rows if r.get("type") == "source"]
        return cls(meetings, of_source, of_path, sources)

    def date_of(self, meeting_id) -> str | None:
        return (self.meetings.get(meeting_id) or {}).get("date")


def found(expected: Expected, source: dict, export: Export) -> dict[str, list[Entry]]:
    """The entries found in `source`, for each kind `expected` states."""
    result: dict[str, list[Entry]] = defaultdict(list)
    for meeting in export.meetings_of_source.get(source["id"], []):
        _meeting(meeting, expected, result)
    for record in export.records_of_path.get(source["path"], []):
        for entry in _entries(record, expected, export.date_of(record.get("meeting"))):
            result[entry.kind].append(entry)
    return {kind: result.get(kind, []) for kind in expected.entries}


def _meeting(meeting: dict, expected: Expected, result: dict[str, list[Entry]]) -> None:
    date = meeting.get("date")
    result["meeting"].append(entries.meeting(date, (meeting.get("committee"),)))
    for name, gold_value in sorted(expected.details.get(date, {}).items()):
        told_by_others = len(meeting.get("sources") or []) > 1
        if meeting.get(name) and (gold_value or not told_by_others):
            # Where this paper prints none, a value of a meeting other papers also
            # tell may be theirs: neither right nor wrong here.
            result["meeting_detail"].append(entries.meeting_detail(date, name, meeting[name]))


def _entries(record: dict, expected: Expected, date) -> list[Entry]:
    kind = record.get("type")
    get = record.get
    if kind == "minute_item":
        return [entries.minute_item(date, get("number"), get("title"))]
    if kind == "resolution":
        return [entries.resolution(date, get("minute"), get("text"))]
    if kind == "attendance":
        return _attendance(record, expected, date)
    if kind == "action" and get("meeting"):
        # The gold lists the actions of minutes; rows of action-plan tables (no
        # meeting) have no gold to be scored against.
        return [entries.action(date, get("minute"), get("owner"), get("description"))]
    if kind == "agenda_item":
        return [entries.agenda_item(get("code"), get("title"), get("first_page"), get("last_page"))]
    if kind == "document":
        if expected.position == "line":
            return [entries.document_at_line(get("kind"), get("line"))]
        return [entries.document_at_page(get("kind"), get("page"))]
    if kind == "report":
        return [entries.report(get("subject"), get("decision_no"))]
    if kind == "vote":
        return [entries.vote(date, get("minute"), get("for"), get("against"), get("abstain"), get("result"))]
    if kind == "acronym":
        return [entries.acronym(get("short"), get("long"))]
    if kind == "figure" and get("value") is not None:
        return [entries.figure(get("kind"), get("value"), get(expected.position), 0)]
    return []


def _attendance(record: dict, expected: Expected, date) -> list[Entry]:
    status = STATUS_AS_GOLD.get(record.get("status"), record.get("status"))
    found = []
    if status in expected.statuses:
        found.append(entries.attendance(date, record.get("name"), status))
    if record.get("status") == "substitute":
        found.append(entries.substitute(date, record.get("name"), record.get("substitute_for")))
    return found
