"""A record in context: its meeting, the minute item it belongs to (merged over
the files that tell it) with that item's resolutions, actions and votes, the
meeting's attendance, and every place the record is told (with the URL of a
harvested file). And a whole meeting the same way (`meeting_context`).
Exempt (Part 2) business is left out of both unless `include_exempt`."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .merge import distinct_attendance, merge_records
from ..text.keys import title_key
from .records import AgendaItem, Attendance, Meeting, MinuteItem, Record, Resolution, Vote
from .store import Store


def of_item(record: Resolution | Vote, item: MinuteItem) -> bool:
    """Whether a resolution was made (a vote taken) under a minute item, as
    ingest linked them (`item`; both merged by `merge_records`), or, unlinked,
    given the item's number."""
    if record.item is not None:
        return record.item == item.id
    return record.type == "vote" and bool(item.number) and record.minute == item.number


def _visible(store: Store, meeting_id: str, include_exempt: bool) -> list[Record]:
    """A meeting's records merged over its files; exempt ones only when asked."""
    return [r for r in merge_records(store.records(meeting_id=meeting_id)) if include_exempt or not r.exempt]


def record_context(store: Store, record: Record, *, include_exempt: bool = False) -> dict:
    """The record's meeting, its minute item (merged over the files that tell
    it) with resolutions, actions and votes, the meeting's attendance (every
    record, and each person once by status), and the places that tell it.
    An exempt record asked for shows its exempt business; a public one, with
    `include_exempt`, the exempt business beside it too."""
    meeting = store.meeting(record.meeting_id) if record.meeting_id else None
    context: dict = {"meeting": meeting, "item": None, "resolutions": [], "actions": [], "votes": [],
                     "attendance": [], "attendance_by_status": {}, "action_facts": {},
                     "places": getattr(record, "attested_by", None) or []}
    if not meeting:
        add_origin_urls(store, context["places"])
        return context
    records = _visible(store, meeting.id, include_exempt or record.exempt)
    context["attendance"] = [r for r in records if r.type == "attendance"]
    context["attendance_by_status"] = distinct_attendance(context["attendance"])
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
    if record.type in ("resolution", "vote"):  # every copy that tells it, merged
        merged = next((r for r in records if r.type == record.type and record.id in {p["id"] for p in r.attested_by}),
                      None)
        context["places"] = merged.attested_by if merged else []
        context["merged"] = merged
    if item is not None:
        context["item"] = item
        if record.type == "minute_item":
            context["places"] = item.attested_by
        context["resolutions"] = [r for r in records if r.type == "resolution" and of_item(r, item)]
        context["actions"] = [r for r in records if r.type == "action" and item.number and r.minute == item.number]
        context["votes"] = [r for r in records if r.type == "vote" and of_item(r, item)]
    if not context["places"]:
        context["places"] = [{"id": record.id, "source": record.source, "page": record.page, "line": record.line}]
    add_origin_urls(store, context["places"])
    if record.type == "action" or context["actions"]:  # due dates and histories across meetings
        facts = store.action_facts()
        context["action_facts"] = {a.id: facts[a.id] for a in [record, *context["actions"]] if a.id in facts}
    return context


@dataclass
class ItemContext:
    item: MinuteItem
    votes: list[Vote] = field(default_factory=list)
    resolutions: list[Resolution] = field(default_factory=list)


@dataclass
class MeetingContext:
    meeting: Meeting
    source_paths: list[str]
    records: list[Record]  # merged: each item, resolution and vote once, with every place
    attendance: dict[str, list[Attendance]]  # by status, each person once
    items: list[ItemContext]
    # The agenda as the front sheet gives it, each item once however many files print it.
    agenda: list[AgendaItem] = field(default_factory=list)


def meeting_context(store: Store, meeting: Meeting, *, include_exempt: bool = False) -> MeetingContext:
    """A meeting's files, attendance, and minute items each with its votes and
    resolutions; the items' places carry the URLs of harvested files."""
    records = _visible(store, meeting.id, include_exempt)
    paths = [source.path for source_id in meeting.sources if (source := store.source(source_id))]
    resolutions = [r for r in records if r.type == "resolution"]
    items = []
    for item in (r for r in records if r.type == "minute_item"):
        add_origin_urls(store, item.attested_by)
        votes = [r for r in records if r.type == "vote" and of_item(r, item)]
        items.append(ItemContext(item, votes, [r for r in resolutions if of_item(r, item)]))
    attendance = distinct_attendance(r for r in records if r.type == "attendance")
    return MeetingContext(meeting, paths, records, attendance, _in_file_order(items), distinct_agenda(records))


def _in_file_order(items: list[ItemContext]) -> list[ItemContext]:
    """Items in the order the file telling most of them gives them, so an
    unnumbered item ("Election of Chair") keeps its place among the numbered;
    items told only by other files follow in number order."""
    if not items:
        return items
    primary = Counter(entry.item.source for entry in items).most_common(1)[0][0]
    order = {id(entry): n for n, entry in enumerate(items)}
    return sorted(items, key=lambda e: (0, e.item.line or 0) if e.item.source == primary else (1, order[id(e)]))


def distinct_agenda(records: list[Record]) -> list[AgendaItem]:
    """A meeting's agenda items in order, each once: the front sheet and the pack
    that prints it again give the same code and title. Items without a code
    ("Election of Chair") keep their place by line."""
    seen, agenda = set(), []
    for item in sorted((r for r in records if r.type == "agenda_item"), key=lambda a: (a.source, a.line or 0)):
        key = (item.code, title_key(item.title))
        if key not in seen:
            seen.add(key)
            agenda.append(item)
    return agenda


def add_origin_urls(store: Store, places: list[dict]) -> None:
    """Give each place of a harvested file the URL it was fetched from."""
    for place in places:
        origin = store.origin_of(place["source"]) if place.get("source") else None
        if origin:
            place["url"] = origin.url
