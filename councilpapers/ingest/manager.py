"""The batch: checksum each file, skip what is stored already, have worker
processes read and extract the rest, store each file, and report each path it
changed (`on_stored`) so the caller can index it: ingest knows nothing of search.

No file sinks the batch: whatever goes wrong with one file becomes a failed
outcome with a one-line reason, and what was stored before stays stored.

Who does what:
- this (main) process finds the files, hashes them, decides (unchanged,
  duplicate, to read), and alone writes each file to the store in one
  transaction;
- worker processes (`parallel.map_unordered`) do the costly part, reading and
  extracting (`worker.process_file`), a pure function of the file.
Two files with the same content in one batch: the first is read, the others
wait for it and become its duplicates, as they would one after the other.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..corpus.records import Source, SourceStatus, TextLayer
from ..corpus.store import Store
from .outcome import FileOutcome, FileStatus
from .parallel import map_unordered
from .pipeline import EXTRACTION_VERSION
from .readers import SUPPORTED_SUFFIXES
from .worker import FileTask, FileWork, crashed, os_reason, prepare_worker, process_file

log = logging.getLogger(__name__)


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
                yield FileOutcome(str(error.filename or path), FileStatus.FAILED, os_reason(error))
                continue
            yield from entries
        elif path.exists():
            yield path
        else:
            yield FileOutcome(str(path), FileStatus.FAILED, "no such file or folder")


def ingest_paths(
    paths: Iterable[Path],
    store: Store,
    on_outcome: Callable[[FileOutcome], None] | None = None,
    *,
    on_stored: Callable[[str], None] | None = None,
    jobs: int = 1,
    ocr: bool = True,
) -> list[FileOutcome]:
    """Ingest files and folders; the outcomes in the order the files were found.
    `on_outcome` hears of each file when it is done; `on_stored` gets each path
    whose sources changed in the store, as soon as that transaction is committed
    (the store marks it unindexed until the caller's index has it)."""
    batch = _Batch(store, on_stored, on_outcome, ocr)
    tasks = batch.tasks(paths)
    for _, work in map_unordered(process_file, tasks, jobs, on_crash=crashed, size=_task_size,
                                  prepare=prepare_worker):
        batch.store_work(work)
    return batch.outcomes()


class _Batch:
    """One ingest run's decisions and writes, all in the main process."""

    def __init__(self, store: Store, on_stored, on_outcome, ocr: bool):
        self.store = store
        self.on_stored = on_stored
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
                self._emit(FileOutcome(key, FileStatus.FAILED, os_reason(error)))
                continue
            task = FileTask(found, key, sha, size, self.ocr)
            existing = self.store.source_at(key)
            if existing and existing.sha256 == sha and existing.status == SourceStatus.OK and _current(existing):
                self._emit(FileOutcome(key, FileStatus.UNCHANGED, pages=existing.pages))
            elif (twin := self.store.ok_source_with_sha(sha, other_than=key)) and _current(twin):
                self._store_duplicate(task, twin)
            elif sha in self._being_read:
                self._waiting_for_twin.setdefault(sha, []).append(task)
            else:
                self._being_read[sha] = key
                yield task

    def store_work(self, work: FileWork) -> None:
        task = work.task
        log.info("%s in %.2f s: %s", _how_read(work), work.seconds, task.key)
        if work.error:
            self._store_failure(task, work.error, work.text_layer)
        else:
            source = Source(
                _source_id(task.sha256, task.key), task.key, task.sha256, work.format,
                work.pages, SourceStatus.OK, text_layer=work.text_layer, parse_report=work.report,
                extraction=EXTRACTION_VERSION,
            )
            try:
                self.store.replace_source(source, work.meetings, work.records)
            except sqlite3.IntegrityError as error:  # an extractor's bug (two records, one id)
                self._store_failure(task, f"could not store its records ({error})", work.text_layer)
            else:
                self._changed(task.key)
                message = "; ".join(work.warnings)
                problems = list((work.report or {}).get("problems", []))
                self._emit(FileOutcome(task.key, FileStatus.INGESTED, message, work.pages, len(work.records),
                                       problems))
        self._being_read.pop(task.sha256, None)
        for waiting in self._waiting_for_twin.pop(task.sha256, []):
            twin = self.store.ok_source_with_sha(task.sha256, other_than=waiting.key)
            if twin:
                self._store_duplicate(waiting, twin)
            else:  # the same bytes fail the same way
                self._store_failure(waiting, work.error or "could not be stored", work.text_layer)

    def outcomes(self) -> list[FileOutcome]:
        return [outcome for _, outcome in sorted(self._outcomes, key=lambda pair: pair[0])]

    def _store_duplicate(self, task: FileTask, twin: Source) -> None:
        self.store.replace_source(Source(
            _source_id(task.sha256, task.key), task.key, task.sha256, twin.format, twin.pages,
            SourceStatus.OK, duplicate_of=twin.id, text_layer=twin.text_layer, parse_report=twin.parse_report,
            extraction=twin.extraction,
        ))
        self._changed(task.key)
        self._emit(FileOutcome(task.key, FileStatus.DUPLICATE, f"same content as {twin.path}", twin.pages))

    def _store_failure(self, task: FileTask, reason: str, text_layer: TextLayer | None) -> None:
        existing = self.store.source_at(task.key)
        # A file that was stored fine and now fails to read (changed to something
        # broken, or gone) keeps its old records: nothing already stored is lost.
        if not (existing and existing.status == SourceStatus.OK):
            self.store.replace_source(Source(
                _source_id(task.sha256, task.key), task.key, task.sha256, None, None,
                SourceStatus.FAILED, reason, text_layer=text_layer,
            ))
            self._changed(task.key)
        self._emit(FileOutcome(task.key, FileStatus.FAILED, reason))

    def _changed(self, key: str) -> None:
        if self.on_stored:
            self.on_stored(key)

    def _emit(self, outcome: FileOutcome) -> None:
        position = self._order.get(outcome.path, -1)  # discovery failures come first
        self._outcomes.append((position, outcome))
        log.info("%s %s%s", outcome.status, outcome.path, f": {outcome.message}" if outcome.message else "")
        if self.on_outcome:
            self.on_outcome(outcome)


def _how_read(work: FileWork) -> str:
    """Which reader did the work, for the --verbose log."""
    if work.error:
        return "not read"
    if work.text_layer in (TextLayer.MISSING, TextLayer.GARBLED):
        return f"read by OCR (text layer {work.text_layer}), {work.pages} pages"
    pages = f", {work.pages} pages" if work.pages else ""
    return f"read by the {work.format} reader{pages}"


def _current(source: Source) -> bool:
    """Whether a stored source's records come from the extraction rules of this version."""
    return source.extraction == EXTRACTION_VERSION


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
