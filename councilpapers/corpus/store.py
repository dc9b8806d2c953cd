"""The SQLite store: the source of truth. The search index is rebuilt from it.

A file's records are written in one transaction, so a file is either wholly in the
store or not at all, whatever happens to the process.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .glossary import GlossaryEntry
from .records import Meeting, Person, Record, Source, SourceStatus, TextLayer, record_from_json

if TYPE_CHECKING:
    from .action_status import ActionFacts

SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    id TEXT PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT,
    pages INTEGER,
    status TEXT NOT NULL,
    error TEXT,
    duplicate_of TEXT,
    ingested_at TEXT NOT NULL DEFAULT (datetime('now')),
    text_layer TEXT,
    parse_report TEXT,
    extraction INTEGER
);
CREATE INDEX IF NOT EXISTS sources_sha ON sources(sha256);
CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY,
    committee TEXT NOT NULL,
    date TEXT,
    time TEXT,
    venue TEXT,
    status TEXT
);
CREATE TABLE IF NOT EXISTS meeting_sources (
    meeting_id TEXT NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    PRIMARY KEY (meeting_id, source_id)
);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY,
    type TEXT NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    meeting_id TEXT,
    page INTEGER,
    line INTEGER,
    data TEXT NOT NULL,
    -- Exempt as its own file says (data's `exempt` also counts the other files of its meeting).
    own_exempt INTEGER
);
CREATE INDEX IF NOT EXISTS records_source ON records(source_id);
CREATE INDEX IF NOT EXISTS records_meeting ON records(meeting_id, type);
CREATE INDEX IF NOT EXISTS records_type ON records(type);
-- Paths whose rows changed since the search index last took them (see unindexed_paths).
CREATE TABLE IF NOT EXISTS unindexed (path TEXT PRIMARY KEY);
-- People are derived from every file's records (one person across files and
-- years), so they are rebuilt after each ingest rather than stored per source.
CREATE TABLE IF NOT EXISTS people (id TEXT PRIMARY KEY, data TEXT NOT NULL);
-- Set when records change, so people are resolved again on the next read.
CREATE TABLE IF NOT EXISTS people_stale (flag INTEGER PRIMARY KEY CHECK (flag = 1));
-- The corpus glossary (corpus/glossary.py), derived from every file's acronyms
-- like people: merged again after the records change, then read by all. Rows
-- go in by short form (case aside), so rowid order is that order.
CREATE TABLE IF NOT EXISTS glossary (short TEXT PRIMARY KEY, long TEXT NOT NULL, sources TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS glossary_stale (flag INTEGER PRIMARY KEY CHECK (flag = 1));
-- Actions across meetings (corpus/action_status.py), derived from every file
-- of a body like people: each action's due date (with the date "at the next
-- meeting" names), the earlier action a later action-log row reports on, and
-- its status now; action_history holds each status it had, with its cite.
CREATE TABLE IF NOT EXISTS action_facts (
    action_id TEXT PRIMARY KEY,
    due TEXT,
    due_meeting TEXT,
    reports_on TEXT,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS action_history (
    action_id TEXT NOT NULL,
    seq INTEGER NOT NULL,
    status TEXT NOT NULL,
    words TEXT,
    meeting_id TEXT,
    date TEXT,
    source TEXT NOT NULL,
    page INTEGER,
    line INTEGER,
    record_id TEXT NOT NULL,
    PRIMARY KEY (action_id, seq)
);
CREATE TABLE IF NOT EXISTS action_facts_stale (flag INTEGER PRIMARY KEY CHECK (flag = 1));
-- Where a harvested file came from (councilpapers harvest): its URL, the committee and
-- meeting it was listed under, and the HTTP validators. Keyed by path like sources, and
-- kept apart from them: re-ingesting a file keeps its origin.
CREATE TABLE IF NOT EXISTS source_origins (
    path TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    committee TEXT,
    meeting_date TEXT,
    meeting_url TEXT,
    kind TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT
);
"""
# Columns added after the first release: (table, column, type).
ADDED_COLUMNS = (("sources", "text_layer", "TEXT"), ("sources", "parse_report", "TEXT"), ("meetings", "status", "TEXT"),
                 ("sources", "extraction", "INTEGER"), ("records", "own_exempt", "INTEGER"))


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # isolation_level=None: transactions are explicit (BEGIN IMMEDIATE below).
        self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys = ON")
        # WAL lets searches read the last committed state while an ingest writes.
        self.db.execute("PRAGMA journal_mode = WAL")
        # In WAL mode NORMAL syncs at checkpoints, not at every commit: a killed
        # process loses nothing committed, a power cut may lose the last few
        # files (never the store's consistency), and an ingest of many small
        # files runs twice as fast.
        self.db.execute("PRAGMA synchronous = NORMAL")
        had_glossary = _has_table(self.db, "glossary")
        had_action_facts = _has_table(self.db, "action_facts")
        self.db.executescript(SCHEMA)
        _add_missing_columns(self.db)
        if not had_glossary:  # a store made before the glossary was kept: merge it on the next read
            self.db.execute("INSERT OR IGNORE INTO glossary_stale VALUES (1)")
        if not had_action_facts:  # nor the actions' facts: made on the next ingest or read
            self.db.execute("INSERT OR IGNORE INTO action_facts_stale VALUES (1)")
        from .views import refresh_views

        refresh_views(self.db)  # each record type's fields as columns, for datasette and sqlite-utils

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    # -- sources -----------------------------------------------------------

    def source_at(self, path: str) -> Source | None:
        row = self.db.execute(
            "SELECT * FROM sources WHERE path = ?", (path,)
        ).fetchone()
        return _source(row) if row else None

    def ok_source_with_sha(self, sha256: str, other_than: str) -> Source | None:
        row = self.db.execute(
            "SELECT * FROM sources WHERE sha256 = ? AND status = 'ok' AND path != ?"
            " AND duplicate_of IS NULL",
            (sha256, other_than),
        ).fetchone()
        return _source(row) if row else None

    def sources(self) -> list[Source]:
        rows = self.db.execute("SELECT * FROM sources ORDER BY path").fetchall()
        return [_source(r) for r in rows]

    def source_named(self, name: str) -> Source | None:
        """The source at `name` (a path as ingested), else the one file whose name it is."""
        row = self.db.execute("SELECT * FROM sources WHERE path = ?", (name,)).fetchone()
        if row is None:
            rows = self.db.execute("SELECT * FROM sources WHERE path LIKE ? ESCAPE '\\'",
                                   ("%/" + name.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return _source(row) if row else None

    def source(self, source_id: str) -> Source | None:
        row = self.db.execute("SELECT * FROM sources WHERE id = ?", (source_id,)).fetchone()
        return _source(row) if row else None

    def replace_source(
        self, source: Source, meetings: Iterable[Meeting] = (), records: Iterable[Record] = ()
    ) -> None:
        """Put a file's source row, meetings and records in the store, replacing
        whatever was stored for the same path, in one transaction."""
        records = list(records)
        with self.transaction() as db:
            touched = self._delete_path(db, source.path)
            db.execute(
                "INSERT INTO sources (id, path, sha256, format, pages, status, error, duplicate_of, text_layer,"
                " parse_report, extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (source.id, source.path, source.sha256, source.format, source.pages,
                 source.status, source.error, source.duplicate_of, source.text_layer,
                 json.dumps(source.parse_report, ensure_ascii=False) if source.parse_report else None,
                 source.extraction),
            )
            for meeting in meetings:
                _upsert_meeting(db, meeting)
                db.execute(
                    "INSERT OR IGNORE INTO meeting_sources VALUES (?, ?)", (meeting.id, source.id)
                )
            db.executemany(
                "INSERT INTO records (id, type, source_id, meeting_id, page, line, data, own_exempt)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (r.id, r.type, source.id, r.meeting_id, r.page, r.line,
                     json.dumps(r.to_json(), ensure_ascii=False), int(r.exempt))
                    for r in records
                ],
            )
            _spread_exempt(db, touched | {r.meeting_id for r in records if r.meeting_id})
            _drop_orphan_meetings(db)
            _mark_derived_stale(db)

    def remove_path(self, path: str) -> None:
        with self.transaction() as db:
            _spread_exempt(db, self._delete_path(db, path))
            _drop_orphan_meetings(db)
            _mark_derived_stale(db)

    @staticmethod
    def _delete_path(db: sqlite3.Connection, path: str) -> set[str]:
        """Delete what is stored for `path`; the ids of the meetings its records told."""
        touched = {row[0] for row in db.execute(
            "SELECT DISTINCT r.meeting_id FROM records r JOIN sources s ON s.id = r.source_id"
            " WHERE s.path = ? AND r.meeting_id IS NOT NULL", (path,))}
        # Records and meeting links go with the source (ON DELETE CASCADE).
        db.execute("DELETE FROM sources WHERE path = ?", (path,))
        # In the same transaction: the index owes this path an update.
        db.execute("INSERT OR IGNORE INTO unindexed (path) VALUES (?)", (path,))
        return touched

    # -- what the search index has not caught up with ----------------------

    def unindexed_paths(self) -> list[str]:
        """Paths whose rows changed since the search index last took them.
        Every write marks its path in the write's own transaction and the index
        clears the mark only after its commit, so a crash in between leaves the
        mark, and the next ingest brings the index up to date for that path."""
        return [row[0] for row in self.db.execute("SELECT path FROM unindexed ORDER BY path")]

    def mark_indexed(self, paths: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany("DELETE FROM unindexed WHERE path = ?", [(p,) for p in paths])

    def mark_all_indexed(self) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM unindexed")

    # -- meetings and records ----------------------------------------------

    def meetings(self) -> list[Meeting]:
        rows = self.db.execute("SELECT * FROM meetings ORDER BY date, committee").fetchall()
        return [self._meeting(r) for r in rows]

    def meeting(self, meeting_id: str) -> Meeting | None:
        row = self.db.execute("SELECT * FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return self._meeting(row) if row else None

    def _meeting(self, row: sqlite3.Row) -> Meeting:
        sources = [
            r[0]
            for r in self.db.execute(
                "SELECT source_id FROM meeting_sources WHERE meeting_id = ? ORDER BY source_id",
                (row["id"],),
            )
        ]
        return Meeting(row["id"], row["committee"], row["date"], row["time"], row["venue"], sources,
                       status=row["status"])

    def record(self, record_id: str) -> Record | None:
        row = self.db.execute("SELECT data FROM records WHERE id = ?", (record_id,)).fetchone()
        return record_from_json(json.loads(row[0])) if row else None

    def records(
        self,
        *,
        type: str | None = None,
        meeting_id: str | None = None,
        source_id: str | None = None,
    ) -> Iterator[Record]:
        sql, args = "SELECT data FROM records WHERE 1=1", []
        for column, value in (("type", type), ("meeting_id", meeting_id), ("source_id", source_id)):
            if value is not None:
                sql += f" AND {column} = ?"
                args.append(value)
        sql += " ORDER BY source_id, line, id"
        for (data,) in self.db.execute(sql, args):
            yield record_from_json(json.loads(data))

    def records_without_meeting(self) -> Iterator[Record]:
        for (data,) in self.db.execute(
            "SELECT data FROM records WHERE meeting_id IS NULL ORDER BY source_id, line, id"
        ):
            yield record_from_json(json.loads(data))

    def people(self) -> list[Person]:
        self._refresh_people()
        return [Person(**json.loads(data)) for (data,) in self.db.execute("SELECT data FROM people ORDER BY id")]

    def person(self, person_id: str) -> Person | None:
        self._refresh_people()
        row = self.db.execute("SELECT data FROM people WHERE id = ?", (person_id,)).fetchone()
        return Person(**json.loads(row[0])) if row else None

    def _refresh_people(self) -> None:
        if self.db.execute("SELECT 1 FROM people_stale").fetchone():
            from .people import rebuild_people

            rebuild_people(self)

    def replace_people(self, people: Iterable[Person]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM people_stale")
            db.execute("DELETE FROM people")
            db.executemany(
                "INSERT INTO people (id, data) VALUES (?, ?)",
                [(p.id, json.dumps(asdict(p), ensure_ascii=False)) for p in people],
            )

    def glossary(self) -> list[GlossaryEntry]:
        """The corpus glossary, by short form; merged again first when files have changed."""
        if self.db.execute("SELECT 1 FROM glossary_stale").fetchone():
            from .glossary import rebuild_glossary

            rebuild_glossary(self)
        return [GlossaryEntry(short, long, json.loads(sources)) for short, long, sources
                in self.db.execute("SELECT short, long, sources FROM glossary ORDER BY rowid")]

    def replace_glossary(self, entries: Iterable[GlossaryEntry]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM glossary_stale")
            db.execute("DELETE FROM glossary")
            db.executemany("INSERT INTO glossary (short, long, sources) VALUES (?, ?, ?)",
                           [(e.short, e.long, json.dumps(e.sources, ensure_ascii=False)) for e in entries])

    # -- actions across meetings ---------------------------------------------

    def action_facts(self) -> dict[str, ActionFacts]:
        """Each action's facts across meetings (`corpus.action_status`), by action
        id; made again first when files have changed since."""
        from .action_status import ActionFacts, StatusEntry

        self.refresh_action_facts()
        history: dict[str, list[StatusEntry]] = {}
        for row in self.db.execute("SELECT * FROM action_history ORDER BY action_id, seq"):
            history.setdefault(row["action_id"], []).append(StatusEntry(
                row["status"], row["words"], row["meeting_id"], row["date"], row["source"], row["page"],
                row["line"], row["record_id"]))
        return {row["action_id"]: ActionFacts(row["action_id"], row["due"], row["due_meeting"], row["reports_on"],
                                              history.get(row["action_id"], []))
                for row in self.db.execute("SELECT * FROM action_facts")}

    def refresh_action_facts(self) -> bool:
        """Make the actions' facts again if the records changed since; whether it did."""
        if not self.db.execute("SELECT 1 FROM action_facts_stale").fetchone():
            return False
        from .action_status import rebuild_action_facts

        rebuild_action_facts(self)
        return True

    def replace_action_facts(self, facts: Iterable[ActionFacts]) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM action_facts_stale")
            db.execute("DELETE FROM action_facts")
            db.execute("DELETE FROM action_history")
            for fact in facts:
                db.execute("INSERT INTO action_facts (action_id, due, due_meeting, reports_on, status)"
                           " VALUES (?, ?, ?, ?, ?)",
                           (fact.action, fact.due, fact.due_meeting, fact.reports_on, fact.status))
                db.executemany(
                    "INSERT INTO action_history (action_id, seq, status, words, meeting_id, date, source, page,"
                    " line, record_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(fact.action, seq, e.status, e.words, e.meeting, e.date, e.source, e.page, e.line, e.record)
                     for seq, e in enumerate(fact.history)])

    # -- where harvested files came from -------------------------------------

    def set_origins(self, origins: Iterable["SourceOrigin"]) -> None:
        """Record (or update) the origin of harvested files, in one transaction."""
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO source_origins (path, url, committee, meeting_date, meeting_url, kind,"
                " etag, last_modified, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(o.path, o.url, o.committee, o.meeting_date, o.meeting_url, o.kind, o.etag,
                  o.last_modified, o.fetched_at) for o in origins],
            )

    def origin_of(self, path: str) -> "SourceOrigin | None":
        """Where the file at `path` (a source's path, as ingested) was harvested
        from; None for files that were not harvested."""
        row = self.db.execute("SELECT * FROM source_origins WHERE path = ?", (str(path),)).fetchone()
        return SourceOrigin(**dict(row)) if row else None

    def counts(self) -> dict[str, int]:
        counts = {
            "sources": self._count("SELECT COUNT(*) FROM sources"),
            "sources failed": self._count("SELECT COUNT(*) FROM sources WHERE status = 'failed'"),
            "pages": self._count("SELECT COALESCE(SUM(pages), 0) FROM sources WHERE status = 'ok'"),
            "meetings": self._count("SELECT COUNT(*) FROM meetings"),
        }
        for kind, n in self.db.execute("SELECT type, COUNT(*) FROM records GROUP BY type ORDER BY type"):
            counts[kind] = n
        counts["people"] = len(self.people())
        return counts

    def _count(self, sql: str) -> int:
        return self.db.execute(sql).fetchone()[0]


@dataclass
class SourceOrigin:
    """Where a harvested file came from: `url` to cite beside file and page."""

    path: str
    url: str
    committee: str | None = None
    meeting_date: str | None = None  # ISO date
    meeting_url: str | None = None  # the meeting's page on the site
    kind: str | None = None  # minutes, agenda, reports, decisions, supplements
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: str | None = None


def _spread_exempt(db: sqlite3.Connection, meeting_ids: Iterable[str]) -> None:
    """Each record of these meetings exempt as its own file says, or as
    another file of the meeting says of the same business
    (`corpus.exempt.spread_exempt`); a record whose flag changes is written
    again, and its file owed to the search index."""
    from .exempt import spread_exempt

    for meeting_id in sorted(meeting_ids):
        # With the records of no meeting in its files (acronyms): what is told on an exempt minute's lines.
        rows = db.execute(
            "SELECT r.id, r.data, r.own_exempt, s.path FROM records r JOIN sources s ON s.id = r.source_id"
            " WHERE r.meeting_id = ? OR (r.meeting_id IS NULL AND r.source_id IN"
            " (SELECT source_id FROM meeting_sources WHERE meeting_id = ?))", (meeting_id, meeting_id)).fetchall()
        records, stored, paths = [], {}, {}
        for record_id, data, own, path in rows:
            record = record_from_json(json.loads(data))
            stored[record_id] = record.exempt
            paths[record_id] = path
            if own is not None:  # rows stored before own_exempt was kept have their flag as their own
                record.exempt = bool(own)
            records.append(record)
        spread_exempt(records)
        for record in records:
            if record.exempt != stored[record.id]:
                db.execute("UPDATE records SET data = ? WHERE id = ?",
                           (json.dumps(record.to_json(), ensure_ascii=False), record.id))
                db.execute("INSERT OR IGNORE INTO unindexed (path) VALUES (?)", (paths[record.id],))


def _upsert_meeting(db: sqlite3.Connection, meeting: Meeting) -> None:
    """The same meeting told by several files is one row; each file may know more
    of it (the front sheet knows the time, the minutes the venue), so fill gaps."""
    db.execute(
        "INSERT INTO meetings (id, committee, date, time, venue, status) VALUES (?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(id) DO UPDATE SET"
        " time = COALESCE(meetings.time, excluded.time),"
        " venue = COALESCE(meetings.venue, excluded.venue),"
        " status = COALESCE(meetings.status, excluded.status)",
        (meeting.id, meeting.committee, meeting.date, meeting.time, meeting.venue, meeting.status),
    )


def _add_missing_columns(db: sqlite3.Connection) -> None:
    """A store made by an earlier version gets the columns added since."""
    for table, column, kind in ADDED_COLUMNS:
        have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")


def _has_table(db: sqlite3.Connection, name: str) -> bool:
    return db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)).fetchone() is not None


def _mark_derived_stale(db: sqlite3.Connection) -> None:
    """What is derived from every file (people, the glossary, the actions' facts) is made again on its next read."""
    db.execute("INSERT OR IGNORE INTO people_stale VALUES (1)")
    db.execute("INSERT OR IGNORE INTO glossary_stale VALUES (1)")
    db.execute("INSERT OR IGNORE INTO action_facts_stale VALUES (1)")


def _drop_orphan_meetings(db: sqlite3.Connection) -> None:
    db.execute(
        "DELETE FROM meetings WHERE id NOT IN (SELECT meeting_id FROM meeting_sources)"
    )


def _source(row: sqlite3.Row) -> Source:
    return Source(
        id=row["id"], path=row["path"], sha256=row["sha256"], format=row["format"],
        pages=row["pages"], status=SourceStatus(row["status"]), error=row["error"],
        duplicate_of=row["duplicate_of"],
        text_layer=TextLayer(row["text_layer"]) if row["text_layer"] else None,
        parse_report=json.loads(row["parse_report"]) if row["parse_report"] else None,
        extraction=row["extraction"],
    )


def source_json(source: Source) -> dict:
    return {"type": source.type, **asdict(source)}


def meeting_json(meeting: Meeting) -> dict:
    return {"type": meeting.type, **asdict(meeting)}
