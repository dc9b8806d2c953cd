"""SQLite views that give each record type its fields as real columns, so the
ecosystem's tools read the store as it is: `datasette HOME/councilpapers.sqlite`,
`sqlite-utils rows HOME/councilpapers.sqlite votes`, any SQL client.

The store keeps each record as one JSON row in `records` (a file's records are
replaced whole, and a field added to a record type needs no migration); the
views read those rows with json_extract, one column per field of the record's
dataclass. They are derived from `records.RECORD_TYPES`, so a field added there
is a column here on the next open of the store (`refresh_views`). Views hold
each file's telling of a record: the same minute told by two files is two rows
(with the same `meeting` and number), as stored; `councilpapers export` gives
them merged. Lists (names, parts, aliases) are JSON text in their column.
"""

from __future__ import annotations

import dataclasses
import sqlite3

from .records import RECORD_TYPES, Person

# Plural names, as datasette users expect a table per kind of thing.
VIEW_NAMES = {
    "minute_item": "minute_items", "resolution": "resolutions", "agenda_item": "agenda_items",
    "document": "documents", "attendance": "attendance_records", "vote": "votes", "report": "reports",
    "action": "actions", "figure": "figures", "acronym": "acronyms", "passage": "passages", "mention": "mentions",
}
ROW_COLUMNS = ("id", "source", "page", "line")  # the records table's own columns, for every view
MERGED_ONLY = ("attested_by",)  # set when copies are merged (export), never stored
PERSON_VIEW = "persons"  # `people` is the table the views read


def view_sql() -> dict[str, str]:
    """CREATE VIEW statements by view name."""
    statements = {}
    for kind, cls in RECORD_TYPES.items():
        fields = [f.name for f in dataclasses.fields(cls)
                  if not f.metadata.get("transient") and f.name not in ROW_COLUMNS + MERGED_ONLY]
        columns = [f"json_extract(r.data, '$.{_json_key(name)}') AS {_quote(_json_key(name))}" for name in fields]
        statements[VIEW_NAMES.get(kind, kind + "s")] = (
            f"CREATE VIEW {VIEW_NAMES.get(kind, kind + 's')} AS SELECT r.id AS id, s.path AS source, r.page AS page,"
            f" r.line AS line, {', '.join(columns)} FROM records r JOIN sources s ON s.id = r.source_id"
            f" WHERE r.type = '{kind}'")
    person_columns = [f"json_extract(data, '$.{f.name}') AS {_quote(f.name)}"
                      for f in dataclasses.fields(Person) if f.name != "id"]
    statements[PERSON_VIEW] = f"CREATE VIEW {PERSON_VIEW} AS SELECT id, {', '.join(person_columns)} FROM people"
    return statements


def refresh_views(db: sqlite3.Connection) -> None:
    """Create each view, or make it again when its fields have changed; a store
    already up to date is not written to (readers open it while ingest writes)."""
    have = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall())
    for name, sql in view_sql().items():
        if have.get(name) == sql:
            continue
        try:
            db.execute(f"DROP VIEW IF EXISTS {name}")
            db.execute(sql)
        except sqlite3.OperationalError:  # a read-only store, or one busy: the views come on a later open
            return


def _json_key(field_name: str) -> str:
    return "for" if field_name == "for_" else field_name  # the contract's name (`records.Vote.to_json`)


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
