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


def export_tables(store: Store, only: str | None = None) -> dict[str, tuple[list[str], list[dict]]]:
    """The export's rows by type (only `only`'s, when given): each type's
    columns (every field any of its rows has, in the order first seen) and rows,
    for one CSV per type."""
    tables: dict[str, tuple[list[str], list[dict]]] = {}
    for row in export_rows(store):
        if only and row["type"] != only:
            continue
        columns, rows = tables.setdefault(row["type"], ([], []))
        columns.extend(k for k in row if k not in columns)
        rows.append(row)
    return tables


def export_types(store: Store) -> list[str]:
    """The record types an export can hold, for --type: those of the contract the store has."""
    stored = {row[0] for row in store.db.execute("SELECT DISTINCT type FROM records")} - NOT_EXPORTED
    return ["source", "meeting", "person", *sorted(stored)]
