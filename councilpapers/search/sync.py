"""Keep the search index up with the store, a batch of paths at a time.

The store takes each file in its own transaction as soon as it is read, and
marks the path "unindexed" in that same transaction. The index is brought up to
date for many paths in one commit (a Whoosh commit costs tens of milliseconds
whatever it holds), every `max_files` files or `max_seconds` seconds, and only
after that commit are the marks cleared. A crash in between leaves the marks:
`catch_up` at the start of the next run re-indexes exactly those paths.

The documents always come from the store, as `reindex` builds them, so a
caught-up index and a rebuilt one are the same. Ingest knows nothing of this:
it reports each path it changed, and the orchestrator (`workflow.run_ingest`)
hands them to `add`.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable

from ..corpus.records import Meeting, SourceStatus
from ..corpus.store import Store
from .documents import search_documents

MAX_FILES_PER_COMMIT = 200
MAX_SECONDS_PER_COMMIT = 2.0  # how stale a search during an ingest may be

log = logging.getLogger(__name__)


class IndexSync:
    def __init__(
        self,
        store: Store,
        index,
        *,
        max_files: int = MAX_FILES_PER_COMMIT,
        max_seconds: float = MAX_SECONDS_PER_COMMIT,
    ):
        self.store = store
        self.index = index
        self.max_files = max_files
        self.max_seconds = max_seconds
        self._waiting: list[str] = []
        self._since: float | None = None

    def add(self, path: str) -> None:
        """`path` changed in the store; the index takes it with the next commit."""
        self._waiting.append(path)
        if self._since is None:
            self._since = time.monotonic()
        if len(self._waiting) >= self.max_files or time.monotonic() - self._since >= self.max_seconds:
            self.flush()

    def flush(self) -> None:
        if self._waiting:
            self.sync(self._waiting)
        self._waiting, self._since = [], None

    def catch_up(self) -> int:
        """Index the paths an interrupted run stored but did not index; how many."""
        paths = self.store.unindexed_paths()
        if paths:
            self.sync(paths)
        return len(paths)

    def sync(self, paths: Iterable[str]) -> None:
        """Index `paths`, and any other path the store owes the index (storing a
        file can change records of another: the exempt business they share)."""
        start = time.perf_counter()
        paths = list(dict.fromkeys([*paths, *self.store.unindexed_paths()]))
        meetings: dict[str, Meeting | None] = {}
        documents = {path: self._documents(path, meetings) for path in paths}
        self.index.replace_sources(documents)
        self.store.mark_indexed(paths)
        log.info("index commit: %d files, %d documents in %.2f s", len(paths),
                 sum(map(len, documents.values())), time.perf_counter() - start)

    def _documents(self, path: str, meetings: dict) -> list[dict]:
        source = self.store.source_at(path)
        if source is None or source.status != SourceStatus.OK or source.duplicate_of:
            return []  # gone, failed, or indexed under its twin's path
        records = list(self.store.records(source_id=source.id))
        for meeting_id in {r.meeting_id for r in records if r.meeting_id} - meetings.keys():
            meetings[meeting_id] = self.store.meeting(meeting_id)
        return list(search_documents(records, {k: v for k, v in meetings.items() if v}))
