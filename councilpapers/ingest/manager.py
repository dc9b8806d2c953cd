"""The batch: checksum each file, skip what is stored already, have worker
processes read and extract the rest, store each file, index in batches.

No file sinks the batch: whatever goes wrong with one file becomes a failed
outcome with a one-line reason, and what was stored before stays stored.

Who does what:
- this (main) process finds the files, hashes them, decides (unchanged,
  duplicate, to read), and alone writes: each file to the store in one
  transaction, the index a batch at a time (`IndexSync`);
- worker processes (`parallel.map_unordered`) do the costly part, reading and
  extracting (`worker.process_file`), a pure function of the file.
Two files with the same content in one batch: the first is read, the others
wait for it and become its duplicates, as they would one after the other.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..corpus.records import Source
from ..corpus.store import Store
from .index_sync import IndexSync
from .parallel import map_unordered
from .readers import SUPPORTED_SUFFIXES
from .worker import FileTask, FileWork, crashed, os_reason, process_file


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
                yield FileOutcome(str(error.filename or path), "failed", os_reason(error))
                continue
            yield from entries
        elif path.exists():
            yield path
        else:
            yield FileOutcome(str(path), "failed", "no such file or folder")


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    index=None,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    *,
    jobs: int = 1,
    ocr: bool = True,
) -> list[FileOutcome]:
    """Ingest files and folders; the outcomes in the order the files were found.
    `index` (a `SearchIndex`, or None for the store alone) is brought up to date,
    first for whatever an interrupted run left unindexed."""
    batch = _Batch(store, IndexSync(store, index) if index is not None else None, on_outcome, ocr)
    if batch.index:
        batch.index.catch_up()
    try:
        tasks = batch.tasks(paths)
        for _, work in map_unordered(process_file, tasks, jobs, on_crash=crashed, size=_task_size):
            batch.store_work(work)
    except KeyboardInterrupt:
        batch.finish()  # what is stored gets indexed; the rest is simply not in
        raise
    batch.finish()
    return batch.outcomes()


def catch_up_index(store: Store, index) -> int:
    """Index what an interrupted ingest stored but did not index; how many paths."""
    return IndexSync(store, index).catch_up()


class _Batch:
    """One ingest run's decisions and writes, all in the main process."""

    def __init__(self, store: Store, index: IndexSync | None, on_outcome, ocr: bool):
        self.store = store
        self.index = index
        self.on_outcome = on_outcome
        self.ocr = ocr
        self._order: dict[str, int] = {}  # path -> position found, for the report
        self._outcomes: list[tuple[int, FileOutcome]] = []
        self._being_read: dict[str, str] = {}  # sha256 -> key of the file being read
        self._waiting_for_twin: dict[str, list[FileTask]] = {}

    def tasks(self, paths: Iterable[Path]) -> Iterator[FileTask]:
        """The files that need reading; every other one gets its outcome here."""
        for found in discover(paths):
            if isinstance(found, FileOutcome):
                self._emit(found)
                continue
            key = str(found.resolve())
            if key in self._order:  # named twice (a folder and a file in it)
                continue
            self._order[key] = len(self._order)
            try:
                sha, size = file_sha256(found), found.stat().st_size
            except OSError as error:
                self._emit(FileOutcome(key, "failed", os_reason(error)))
                continue
            task = FileTask(found, key, sha, size, self.ocr)
            existing = self.store.source_at(key)
            if existing and existing.sha256 == sha and existing.status == "ok":
                self._emit(FileOutcome(key, "unchanged", pages=existing.pages))
            elif twin := self.store.ok_source_with_sha(sha, other_than=key):
                self._store_duplicate(task, twin)
            elif sha in self._being_read:
                self._waiting_for_twin.setdefault(sha, []).append(task)
            else:
                self._being_read[sha] = key
                yield task

    def store_work(self, work: FileWork) -> None:
        task = work.task
        if work.error:
            self._store_failure(task, work.error, work.text_layer)
        else:
            source = Source(
                _source_id(task.sha256, task.key), task.key, task.sha256, work.format,
                work.pages, "ok", text_layer=work.text_layer, parse_report=work.report,
            )
            try:
                self.store.replace_source(source, work.meetings, work.records)
            except sqlite3.IntegrityError as error:  # an extractor's bug (two records, one id)
                self._store_failure(task, f"could not store its records ({error})", work.text_layer)
            else:
                self._changed(task.key)
                message = "; ".join(work.warnings)
                self._emit(FileOutcome(task.key, "ingested", message, work.pages, len(work.records)))
        self._being_read.pop(task.sha256, None)
        for waiting in self._waiting_for_twin.pop(task.sha256, []):
            twin = self.store.ok_source_with_sha(task.sha256, other_than=waiting.key)
            if twin:
                self._store_duplicate(waiting, twin)
            else:  # the same bytes fail the same way
                self._store_failure(waiting, work.error or "could not be stored", work.text_layer)

    def finish(self) -> None:
        if self.index:
            self.index.flush()

    def outcomes(self) -> list[FileOutcome]:
        return [outcome for _, outcome in sorted(self._outcomes, key=lambda pair: pair[0])]

    def _store_duplicate(self, task: FileTask, twin: Source) -> None:
        self.store.replace_source(Source(
            _source_id(task.sha256, task.key), task.key, task.sha256, twin.format, twin.pages,
            "ok", duplicate_of=twin.id, text_layer=twin.text_layer, parse_report=twin.parse_report,
        ))
        self._changed(task.key)
        self._emit(FileOutcome(task.key, "duplicate", f"same content as {twin.path}", twin.pages))

    def _store_failure(self, task: FileTask, reason: str, text_layer: str | None) -> None:
        existing = self.store.source_at(task.key)
        # A file that was stored fine and now fails to read (changed to something
        # broken, or gone) keeps its old records: nothing already stored is lost.
        if not (existing and existing.status == "ok"):
            self.store.replace_source(Source(
                _source_id(task.sha256, task.key), task.key, task.sha256, None, None,
                "failed", reason, text_layer=text_layer,
            ))
            self._changed(task.key)
        self._emit(FileOutcome(task.key, "failed", reason))

    def _changed(self, key: str) -> None:
        if self.index:
            self.index.add(key)

    def _emit(self, outcome: FileOutcome) -> None:
        position = self._order.get(outcome.path, -1)  # discovery failures come first
        self._outcomes.append((position, outcome))
        if self.on_outcome:
            self.on_outcome(outcome)


def _task_size(task: FileTask) -> int:
    return task.size


def _source_id(sha: str, path: str) -> str:
    # The same content may sit at several paths; the id must still be unique.
    return f"src-{sha[:12]}-{hashlib.sha1(path.encode()).hexdigest()[:6]}"


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
