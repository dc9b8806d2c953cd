"""A record in context: its meeting, the minute item it belongs to (merged over
the files that tell it) with that item's resolutions, actions and votes, the
meeting's attendance, and every place the record is told."""

from __future__ import annotations

from .merge import merge_records
from .records import MinuteItem, Record, Resolution
from .store import Store


def of_item(resolution: Resolution, item: MinuteItem) -> bool:
    """Whether a resolution was made under a minute item, as ingest linked them
    (`Resolution.item`; both merged by `merge_records`)."""
    return resolution.item is not None and resolution.item == item.id


def record_context(store: Store, record: Record) -> dict:
    """The record's meeting, its minute item (merged over the files that tell
    it) with resolutions, actions and votes, and the meeting's attendance."""
    meeting = store.meeting(record.meeting_id) if record.meeting_id else None
    context: dict = {"meeting": meeting, "item": None, "resolutions": [], "actions": [], "votes": [],
                     "attendance": [], "places": getattr(record, "attested_by", None) or []}
    if not meeting:
        return context
    records = merge_records(store.records(meeting_id=meeting.id))
    context["attendance"] = [r for r in records if r.type == "attendance"]
    items = [r for r in records if r.type == "minute_item"]
    item = None
    if record.type == "minute_item":
        item = next((i for i in items if record.id in {p["id"] for p in i.attested_by}), None)
    if item is None:
        number = getattr(record, "minute", None) or getattr(record, "number", None)
        ref = getattr(record, "agenda_ref", None) or (record.code if record.type == "agenda_item" else None)
        title = getattr(record, "title", None)
        item = (next((i for i in items if number and i.number == number), None)
                or next((i for i in items if ref and i.agenda_ref == ref), None)
                or next((i for i in items if title and i.title == title), None))
    if record.type == "resolution":
        merged = next((r for r in records if r.type == "resolution" and record.id in {p["id"] for p in r.attested_by}), None)
        context["places"] = merged.attested_by if merged else []
    if item is not None:
        context["item"] = item
        if record.type == "minute_item":
            context["places"] = item.attested_by
        context["resolutions"] = [r for r in records if r.type == "resolution" and of_item(r, item)]
        context["actions"] = [r for r in records if r.type == "action" and item.number and r.minute == item.number]
        context["votes"] = [r for r in records if r.type == "vote" and item.number and r.minute == item.number]
    if not context["places"]:
        context["places"] = [{"id": record.id, "source": record.source, "page": record.page, "line": record.line}]
    return context
