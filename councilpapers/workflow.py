"""The write side in one sequence, for the `ingest`, `harvest` and `reindex`
commands and for Python code alike: take the home's write lock, index what an
interrupted run stored but did not index, find the files, ingest them (telling
a progress callback of each), bring the index up to date, hand it the corpus
glossary the store merged, count the outcomes.

`ingest/` stores files and knows nothing of search; `search/` indexes what the
store holds. This module alone drives both: the paths ingest reports as stored
go to `search.sync.IndexSync`, which commits them to the index in batches.

    from councilpapers.workflow import run_ingest
    report = run_ingest("/tmp/home", [Path("papers")])
    print(report.summary())   # "11 files: 9 ingested, 0 unchanged, 2 failed"
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

from .corpus.home import Home
from .corpus.lock import write_lock
from .corpus.store import Store
from .ingest.manager import discover, ingest_paths
from .ingest.outcome import FileOutcome, FileStatus
from .ingest.parallel import default_jobs
from .search import SearchIndex
from .search.documents import store_documents
from .search.sync import IndexSync

log = logging.getLogger(__name__)

# Given the number of files, a context that yields `update(outcome)`, called
# once per file done (`progress.ingest_progress` draws a bar).
Progress = Callable[[int], AbstractContextManager[Callable[[FileOutcome], None]]]


@dataclass
class IngestReport:
    outcomes: list[FileOutcome] = field(default_factory=list)  # in the order found
    caught_up: int = 0  # files an interrupted run had stored, indexed first
    documents: int | None = None  # with `rebuild_index`: the documents indexed
    unread: list[Path] = field(default_factory=list)  # harvest: files in formats ingest does not read
    seconds: float = 0.0

    @property
    def counts(self) -> dict[FileStatus, int]:
        counts = dict.fromkeys(FileStatus, 0)
        for outcome in self.outcomes:
            counts[outcome.status] += 1
        return counts

    @property
    def failures(self) -> list[FileOutcome]:
        return [outcome for outcome in self.outcomes if outcome.failed]

    @property
    def not_understood(self) -> list[FileOutcome]:
        """Files ingested whose parse report has problems (no meeting found, minutes without items…)."""
        return [outcome for outcome in self.outcomes if outcome.problems]

    def summary(self) -> str:
        """'5 files: 5 ingested, 0 unchanged, 0 failed' (duplicates only when there are some)."""
        total = len(self.outcomes)
        counts = ", ".join(f"{n} {status}" for status, n in self.counts.items()
                           if n or status != FileStatus.DUPLICATE)
        return f"{total} {'file' if total == 1 else 'files'}: {counts}"


def run_ingest(
    home: Home | str | os.PathLike,
    paths: Iterable[Path] = (),
    *,
    select: Callable[[Store], Iterable[Path]] | None = None,
    store: Store | None = None,
    index: SearchIndex | None = None,
    engine: str = "whoosh",
    jobs: int | None = None,
    ocr: bool = True,
    progress: Progress | None = None,
    rebuild_index: bool = False,
    limits: dict | None = None,
) -> IngestReport:
    """Ingest files and folders (recursively) into `home` and index them.

    `select(store)`, when given, names the files instead of `paths`, under the
    write lock (harvest: the archived files the store lacks). `store` and
    `index` default to the home's (opened and closed here); `engine` is the
    index's engine when it is opened here. `rebuild_index` rebuilds the whole
    index from the store afterwards instead of updating it file by file
    (`reindex`). Raises `corpus.lock.HomeBusy` when another process writes to
    the home, `search.IndexBusy` when the index stays locked, and
    `search.EngineMissing` for an engine that is not installed. `limits`:
    `file_timeout` and `file_memory` for `ingest_paths` (its defaults else)."""
    home = home if isinstance(home, Home) else Home.locate(home)
    start = time.perf_counter()
    report = IngestReport()
    with write_lock(home.root), _opened(home, store, index, engine) as (store, index):
        syncer = None if rebuild_index else IndexSync(store, index)
        if syncer:
            report.caught_up = syncer.catch_up()
            if report.caught_up:
                log.info("caught up: indexed %d files an interrupted ingest had stored", report.caught_up)
        found = list(discover(list(select(store)) if select else paths))
        log.info("found %d files to check", sum(isinstance(f, Path) for f in found))
        # Paths that failed to be found go along: a link loop is stored as a failed source.
        report.outcomes = _ingest(found, store, syncer, progress, jobs=jobs or default_jobs(), ocr=ocr,
                                  **(limits or {}))
        if rebuild_index:
            report.documents = _rebuild(store, index)
        # The corpus glossary needs every file: merged by the store once the files are in.
        index.replace_glossary((entry.short, entry.long) for entry in store.glossary())
        # So do the actions' due dates and histories across meetings: made now, not when read.
        if store.refresh_action_facts():
            log.info("actions across meetings brought up to date")
    report.seconds = time.perf_counter() - start
    log.info("done in %.2f s%s", report.seconds, f": {report.summary()}" if report.outcomes else "")
    return report


def reindex(home: Home | str | os.PathLike, **options) -> IngestReport:
    """Rebuild the search index from the store (`report.documents` counts it);
    `engine="tantivy"` builds the Tantivy index too."""
    return run_ingest(home, rebuild_index=True, **options)


def _ingest(files: list[Path | FileOutcome], store: Store, syncer: IndexSync | None,
            progress: Progress | None, *, jobs: int, ocr: bool, **limits) -> list[FileOutcome]:
    """The files' outcomes; each path stored goes to the index syncer, which is
    flushed at the end, or on Ctrl-C (what is stored gets indexed)."""
    with progress(len(files)) if progress else nullcontext(None) as update:
        if not files:
            return []
        try:
            outcomes = ingest_paths(files, store, update, on_stored=syncer.add if syncer else None,
                                    jobs=jobs, ocr=ocr, **limits)
        except KeyboardInterrupt:
            if syncer:
                syncer.flush()
            raise
        if syncer:
            syncer.flush()
    return outcomes


def _rebuild(store: Store, index: SearchIndex) -> int:
    start = time.perf_counter()
    count = index.rebuild(store_documents(store))
    # After the commit: a crash before it leaves the marks for the next ingest.
    store.mark_all_indexed()
    log.info("index rebuilt: %d documents in %.2f s", count, time.perf_counter() - start)
    return count


@contextmanager
def _opened(home: Home, store: Store | None, index: SearchIndex | None,
            engine: str) -> Iterator[tuple[Store, SearchIndex]]:
    """The store and index given, or the home's, closed afterwards if opened here."""
    own_store = Store(home.store_path) if store is None else None
    own_index = SearchIndex(home.index_dir, engine=engine) if index is None else None
    try:
        yield (store if store is not None else own_store), (index if index is not None else own_index)
    finally:
        if own_index is not None:
            own_index.close()
        if own_store is not None:
            own_store.close()
