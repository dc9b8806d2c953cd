"""The batch: checksum each file, pick its reader, extract, store, index.

No file sinks the batch: whatever goes wrong with one file becomes a failed
outcome with a one-line reason, and what was stored before stays stored.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..corpus.records import Source
from ..corpus.store import Store
from .extract import extract_records
from .model import UnreadableFile
from .readers import SUPPORTED_SUFFIXES, read_file


@dataclass
class FileOutcome:
    path: str
    status: str  # ingested / unchanged / duplicate / failed
    message: str = ""
    pages: int | None = None
    records: int = 0

    @property
    def failed(self) -> bool:
        return self.status == "failed"


class Indexer:
    """What the manager needs of the search index (kept apart so ingest does not
    depend on the engine)."""

    def replace_source(self, source: str, docs: Iterable[dict]) -> None: ...


def discover(paths: Iterable[Path]) -> Iterator[Path | FileOutcome]:
    """Files under the given paths, recursively, in a stable order; a path that
    cannot be read becomes a failed outcome."""
    for path in paths:
        if path.is_dir():
            def report(error: OSError) -> None:
                raise error

            try:
                entries = []
                for folder, dirs, files in os.walk(path, onerror=report):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    entries.extend(
                        Path(folder) / name for name in sorted(files)
                        if not name.startswith(".") and Path(name).suffix.lower() in SUPPORTED_SUFFIXES
                    )
            except OSError as error:
                yield FileOutcome(str(error.filename or path), "failed", _os_reason(error))
                continue
            yield from entries
        elif path.exists():
            yield path
        else:
            yield FileOutcome(str(path), "failed", "no such file or folder")


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    indexer: Indexer | None = None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
) -> list[FileOutcome]:
    outcomes = []
    for found in discover(paths):
        outcome = found if isinstance(found, FileOutcome) else ingest_file(found, store, indexer)
        outcomes.append(outcome)
        if on_outcome:
            on_outcome(outcome)
    return outcomes


def ingest_file(path: Path, store: Store, indexer: Indexer | None = None) -> FileOutcome:
    key = str(path.resolve())
    try:
        sha = file_sha256(path)
    except OSError as error:
        return FileOutcome(key, "failed", _os_reason(error))

    existing = store.source_at(key)
    if existing and existing.sha256 == sha and existing.status == "ok":
        return FileOutcome(key, "unchanged", pages=existing.pages)
    twin = store.ok_source_with_sha(sha, other_than=key)
    if twin:
        store.replace_source(
            Source(_source_id(sha, key), key, sha, twin.format, twin.pages, "ok", duplicate_of=twin.id)
        )
        if indexer:
            indexer.replace_source(key, [])
        return FileOutcome(key, "duplicate", f"same content as {twin.path}", twin.pages)

    try:
        text = read_file(path)
    except UnreadableFile as error:
        return _failed(store, key, sha, existing, str(error))
    except OSError as error:
        return _failed(store, key, sha, existing, _os_reason(error))

    meetings, records = extract_records(text, key, sha)
    source = Source(_source_id(sha, key), key, sha, text.format, text.page_count, "ok")
    store.replace_source(source, meetings, records)
    if indexer:
        from ..search.documents import store_documents

        indexer.replace_source(key, store_documents(store, source.id))
    return FileOutcome(key, "ingested", "; ".join(text.warnings), text.page_count, len(records))


def _failed(store: Store, key: str, sha: str, existing: Source | None, reason: str) -> FileOutcome:
    # A file that was stored fine and now fails to read (changed to something
    # broken) keeps its old records: nothing already stored is lost.
    if not (existing and existing.status == "ok"):
        store.replace_source(Source(_source_id(sha, key), key, sha, None, None, "failed", reason))
    return FileOutcome(key, "failed", reason)


def _source_id(sha: str, path: str) -> str:
    # The same content may sit at several paths; the id must still be unique.
    return f"src-{sha[:12]}-{hashlib.sha1(path.encode()).hexdigest()[:6]}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _os_reason(error: OSError) -> str:
    return (error.strerror or str(error)).lower()
