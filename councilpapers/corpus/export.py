"""The whole structured corpus in the order of the export contract
(../shared/export-schema.md): sources, meetings, people, then each meeting's
records (merged over the files that tell them), then records of no meeting."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict

from .merge import merge_records
from .people import PersonResolver
from .store import Store, meeting_json, source_json

NOT_EXPORTED = {"passage", "mention"}  # kept for search and for resolving people


def export_rows(store: Store) -> Iterator[dict]:
    """One JSON object per source, meeting, person and record."""
    for source in store.sources():
        yield source_json(source)
    meetings = store.meetings()
    for meeting in meetings:
        yield meeting_json(meeting)
    people = store.people()
    for person in people:
        yield {"type": "person", **asdict(person)}
    resolve = PersonResolver(people)
    # A meeting told by several files gives each of its items once.
    for meeting in meetings:
        for record in merge_records(store.records(meeting_id=meeting.id)):
            if record.type not in NOT_EXPORTED:
                resolve.fill(record)
                yield record.to_json()
    for record in store.records_without_meeting():
        if record.type not in NOT_EXPORTED:
            resolve.fill(record)
            yield record.to_json()
