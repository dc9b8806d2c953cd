"""The archive of a harvested site, and the state that makes harvests resumable
and incremental.

Layout: <archive>/<site>/<committee>/<YYYY-MM-DD>/<file as the site names it>,
e.g. democracy.kent.gov.uk/cabinet/2025-01-15/Printed minutes … Cabinet.pdf.
The harvester's own files sit in <archive>/<site>/.harvest/ (ingest skips
dot-folders):
- partial/: a document is streamed here and moved into place (os.replace, one
  file system) only once it is checked whole and of the type it claims; a
  killed run leaves at most a partial file, which the next run deletes. No
  partial download ever sits in the archive.
- state.sqlite: every document (URL, path, sha256, HTTP validators, committee
  and meeting, when fetched, checked and ingested) and every meeting (done or
  not), each written as soon as it happens, so a killed run loses nothing it
  finished.
- write.lock: one harvest of a site at a time (an OS lock, gone with the process).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import unquote, urlsplit

from ..text.spacing import squash

STATE_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    key TEXT PRIMARY KEY,           -- a<attachment id>, or u<path>?T=<t> for packs
    url TEXT NOT NULL,
    path TEXT,                      -- relative to the site's folder
    sha256 TEXT,
    size INTEGER,
    etag TEXT,
    last_modified TEXT,
    content_type TEXT,
    committee_id TEXT,
    committee TEXT,
    meeting_id TEXT,
    meeting_date TEXT,
    meeting_url TEXT,
    kind TEXT,
    title TEXT,
    duplicate_of TEXT,              -- key of the document with the same bytes, kept once
    fetched_at TEXT,
    checked_at TEXT
);
CREATE INDEX IF NOT EXISTS documents_sha ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE TABLE IF NOT EXISTS meetings (
    id TEXT PRIMARY KEY,
    committee_id TEXT,
    committee TEXT,
    date TEXT,
    status TEXT,
    done INTEGER NOT NULL DEFAULT 0,  -- every public document of `kinds` handled without a failure
    kinds TEXT,                       -- the kinds of document asked for when it was done
    checked_at TEXT
);
"""

# File systems count a name's bytes (255 on ext4, XFS, APFS), not its characters:
# 150 CJK characters are 450 bytes. Room is left for " (<tag>-<n>)" and the suffix.
NAME_BYTES = 200
KNOWN_SUFFIXES = {
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".rtf",
    ".txt", ".csv", ".htm", ".html", ".zip", ".jpg", ".jpeg", ".png",
}
SUFFIX_BY_TYPE = {
    "application/pdf": ".pdf", "text/html": ".html", "text/plain": ".txt",
    "application/msword": ".doc", "application/rtf": ".rtf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
}


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def site_slug(base_url: str) -> str:
    """democracy.kent.gov.uk, ww5.swindon.gov.uk-moderngov, 127.0.0.1-8080."""
    parts = urlsplit(base_url)
    host = (parts.hostname or "site").lower().removeprefix("www.")
    words = [host] + ([str(parts.port)] if parts.port else []) + [p for p in parts.path.split("/") if p]
    return "-".join(_safe(w).replace(" ", "-") for w in words if _safe(w))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80] or "untitled"


def _safe(name: str) -> str:
    """A file name any OS takes: no separators or reserved characters."""
    name = "".join("_" if c in '<>:"/\\|?*' or ord(c) < 32 else c for c in name)
    return squash(name).strip(" .")


def file_name(url: str, title: str, content_type: str) -> str:
    """The site's own file name (documents/g2010/Printed minutes ….pdf), else the
    title with the suffix the content type gives (mgConvert2PDF.aspx?ID=…); never
    a bare suffix (".pdf", a hidden file ingest skips), never over NAME_BYTES."""
    last = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    stem, dot, extension = last.rpartition(".")
    if dot and f".{extension.lower()}" in KNOWN_SUFFIXES:
        suffix, stem = f".{extension}", _safe(stem)
    else:
        suffix = SUFFIX_BY_TYPE.get(content_type, ".pdf" if "pdf" in last.lower() else ".bin")
        stem = ""
    stem = stem or _safe(title) or _safe(Path(last).stem) or "document"
    return fit_name(stem, suffix)


def fit_name(stem: str, tail: str) -> str:
    """stem + tail in at most NAME_BYTES of UTF-8, the stem cut on a character's edge."""
    room = NAME_BYTES - len(tail.encode("utf-8"))
    cut = stem.encode("utf-8")[:max(room, 1)].decode("utf-8", "ignore")
    return (_safe(cut) or "document") + tail


@dataclass
class Kept:
    status: str  # new / changed / unchanged / duplicate
    path: Path  # absolute
    duplicate_of: str | None = None


class ArchiveBusy(RuntimeError):
    pass


class Archive:
    def __init__(self, root: Path, base_url: str):
        self.root = Path(root)
        self.site = site_slug(base_url)
        self.site_dir = self.root / self.site
        self.work_dir = self.site_dir / ".harvest"
        self.partial_dir = self.work_dir / "partial"
        self.partial_dir.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.work_dir / "state.sqlite", isolation_level=None, timeout=30)
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode = WAL")
        self.db.executescript(STATE_SCHEMA)

    def close(self) -> None:
        self.db.close()

    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """One harvest of this site at a time; then clear what a killed run left."""
        from ..corpus.lock import HomeBusy, write_lock

        try:
            with write_lock(self.work_dir):
                self.clear_partials()
                try:
                    yield
                finally:
                    self.clear_partials()
        except HomeBusy:
            raise ArchiveBusy(f"another harvest of {self.site} is running (lock in {self.work_dir})") from None

    def clear_partials(self) -> None:
        for leftover in self.partial_dir.iterdir():
            with contextlib.suppress(OSError):
                leftover.unlink()

    def partial_file(self) -> Path:
        handle, name = tempfile.mkstemp(dir=self.partial_dir, suffix=".part")
        os.close(handle)
        return Path(name)

    # -- what is known ------------------------------------------------------

    def document(self, key: str) -> sqlite3.Row | None:
        """The stored document with this key, if its file is still there."""
        row = self.db.execute("SELECT * FROM documents WHERE key = ?", (key,)).fetchone()
        if row is None or not row["path"] or not (self.site_dir / row["path"]).is_file():
            return None
        return row

    def meeting_done(self, meeting_id: str, kinds: frozenset[str]) -> bool:
        """Every public document of these kinds was archived by an earlier run."""
        row = self.db.execute("SELECT done, kinds FROM meetings WHERE id = ?", (meeting_id,)).fetchone()
        return bool(row and row["done"] and kinds <= set((row["kinds"] or "").split(",")))

    def mark_meeting(self, meeting, done: bool, kinds: frozenset[str]) -> None:
        self.db.execute(
            "INSERT INTO meetings (id, committee_id, committee, date, status, done, kinds, checked_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET committee_id = excluded.committee_id,"
            " committee = excluded.committee, date = excluded.date, status = excluded.status,"
            " done = excluded.done, kinds = excluded.kinds, checked_at = excluded.checked_at",
            (meeting.id, meeting.committee_id, meeting.committee,
             meeting.date.isoformat() if meeting.date else None, meeting.status, int(done),
             ",".join(sorted(kinds)), now()),
        )

    # -- keeping a download -------------------------------------------------

    def keep(self, part: Path, doc, meeting, meeting_url: str, fetched) -> Kept:
        """Move a checked partial file into the archive (or drop it when the
        archive has the same bytes already) and record it; one transaction
        after the move, so a crash in between leaves a file the next run finds
        identical and simply records."""
        sha = _sha256(part)
        known = self.db.execute("SELECT * FROM documents WHERE key = ?", (doc.key,)).fetchone()
        if known and known["path"] and (self.site_dir / known["path"]).is_file() and known["sha256"] == sha:
            part.unlink()
            self._record(doc, meeting, meeting_url, fetched, known["path"], sha, known["duplicate_of"], fetched_now=False)
            return Kept("unchanged", self.site_dir / known["path"])
        twin = self.db.execute(
            "SELECT * FROM documents WHERE sha256 = ? AND key != ? AND duplicate_of IS NULL", (sha, doc.key)
        ).fetchone()
        if twin and twin["path"] and (self.site_dir / twin["path"]).is_file():
            part.unlink()
            self._record(doc, meeting, meeting_url, fetched, twin["path"], sha, twin["key"])
            return Kept("duplicate", self.site_dir / twin["path"], twin["key"])
        if known and known["path"] and not known["duplicate_of"]:
            relative = known["path"]  # a changed document keeps its place
            status = "changed" if (self.site_dir / relative).is_file() else "new"
        else:
            relative = self._place(doc, meeting, fetched)
            status = "new"
        target = self.site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, target)
        self._record(doc, meeting, meeting_url, fetched, relative, sha, None)
        return Kept(status, target)

    def touch(self, doc, fetched) -> None:
        """A 304: the stored copy is current; keep any new validators."""
        self.db.execute(
            "UPDATE documents SET checked_at = ?, etag = COALESCE(?, etag),"
            " last_modified = COALESCE(?, last_modified) WHERE key = ?",
            (now(), fetched.headers.get("etag"), fetched.headers.get("last-modified"), doc.key),
        )

    def _place(self, doc, meeting, fetched) -> str:
        folder = Path(slug(meeting.committee or f"committee-{meeting.committee_id}")) / (
            meeting.date.isoformat() if meeting.date else "undated"
        )
        name = file_name(fetched.url, doc.title, fetched.content_type)
        candidate = folder / name
        stem, suffix = os.path.splitext(name)
        tag = _safe(doc.attachment_id or "")[:20] or hashlib.sha1(doc.key.encode()).hexdigest()[:8]
        n = 1
        while self._taken(candidate.as_posix(), doc.key):
            candidate = folder / fit_name(stem, f" ({tag}){suffix}" if n == 1 else f" ({tag}-{n}){suffix}")
            n += 1
        return candidate.as_posix()

    def _taken(self, relative: str, key: str) -> bool:
        row = self.db.execute(
            "SELECT 1 FROM documents WHERE lower(path) = lower(?) AND key != ?", (relative, key)
        ).fetchone()
        return bool(row) or (self.site_dir / relative).exists()

    def _record(self, doc, meeting, meeting_url, fetched, relative, sha, duplicate_of, fetched_now=True) -> None:
        stamp = now()
        self.db.execute(
            "INSERT INTO documents (key, url, path, sha256, size, etag, last_modified, content_type,"
            " committee_id, committee, meeting_id, meeting_date, meeting_url, kind, title, duplicate_of,"
            " fetched_at, checked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT(key) DO UPDATE SET url = excluded.url, path = excluded.path, sha256 = excluded.sha256,"
            " size = excluded.size, etag = excluded.etag, last_modified = excluded.last_modified,"
            " content_type = excluded.content_type, committee_id = excluded.committee_id,"
            " committee = excluded.committee, meeting_id = excluded.meeting_id,"
            " meeting_date = excluded.meeting_date, meeting_url = excluded.meeting_url, kind = excluded.kind,"
            " title = excluded.title, duplicate_of = excluded.duplicate_of,"
            " fetched_at = CASE WHEN ? THEN excluded.fetched_at ELSE documents.fetched_at END,"
            " checked_at = excluded.checked_at",
            (doc.key, doc.url, relative, sha, fetched.size,
             fetched.headers.get("etag"), fetched.headers.get("last-modified"), fetched.content_type,
             meeting.committee_id, meeting.committee, meeting.id,
             meeting.date.isoformat() if meeting.date else None, meeting_url, doc.kind, doc.title,
             duplicate_of, stamp, stamp, int(fetched_now)),
        )

    # -- what is archived -----------------------------------------------------

    def kept_documents(self) -> list[sqlite3.Row]:
        """The archived files (one row per file: not the duplicates), oldest meeting first."""
        rows = self.db.execute(
            "SELECT * FROM documents WHERE duplicate_of IS NULL AND path IS NOT NULL ORDER BY meeting_date, path"
        ).fetchall()
        return [r for r in rows if (self.site_dir / r["path"]).is_file()]

    def documents(self) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM documents ORDER BY meeting_date, path").fetchall()

    def path_of(self, row: sqlite3.Row) -> Path:
        return self.site_dir / row["path"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
