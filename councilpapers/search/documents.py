"""Records -> the plain documents the search index takes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date

from ..corpus.records import Meeting, Record
from ..corpus.store import Store

# Documents are found through their passages (a page each), which carry the text.
INDEXED_TYPES = ("minute_item", "resolution", "agenda_item", "passage", "report", "action")
SEARCH_KIND = {"passage": "document"}


def search_documents(records: Iterable[Record], meetings: dict[str, Meeting]) -> Iterator[dict]:
    for record in records:
        if record.type not in INDEXED_TYPES:
            continue
        meeting = meetings.get(record.meeting_id) if record.meeting_id else None
        yield {
            "id": record.id,
            "kind": SEARCH_KIND.get(record.type, record.type),
            "committee": meeting.committee if meeting else None,
            "meeting_id": meeting.id if meeting else None,
            "meeting_date": date.fromisoformat(meeting.date) if meeting and meeting.date else None,
            "minute": getattr(record, "number", None) or getattr(record, "minute", None),
            "agenda_ref": getattr(record, "agenda_ref", None) or getattr(record, "code", None),
            "title": _title(record),
            "body": _body(record),
            "source": record.source,
            "page": record.page,
            "line": record.line,
        }


def _body(record: Record) -> str:
    if record.type == "report":
        parts = [record.summary, record.recommendations, "; ".join(record.by), record.to, record.decision_no]
        return "\n".join(p for p in parts if p)
    if record.type == "action":
        return f"{record.owner} to {record.description}"
    return getattr(record, "text", "") or ""


def _title(record: Record) -> str:
    title = getattr(record, "title", None) or getattr(record, "subject", None)
    if record.type == "resolution":
        return f"Resolution: {title}" if title else "Resolution"
    return title or record.type.replace("_", " ").capitalize()


def store_documents(store: Store, source_id: str | None = None) -> Iterator[dict]:
    """The documents for one source, or for the whole store."""
    meetings = {m.id: m for m in store.meetings()}
    return search_documents(store.records(source_id=source_id), meetings)
