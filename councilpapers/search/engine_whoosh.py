"""The Whoosh engine (the default): the only code in councilpapers that knows Whoosh.

It takes rows already analysed (`rows.IndexRow`), so its text fields split on
spaces only, and it answers `query` trees with (score, payload) pairs. Ranking
beyond BM25F, duplicates, exempt items, snippets and spelling are the search
module's, the same for every engine.

Whoosh costs ~150 ms to import, which every CLI command would pay if this
module imported it at the top; it is imported inside the methods instead.
"""

from __future__ import annotations

import functools
import json
import os
import re
import time
from collections.abc import Iterable, Mapping
from pathlib import Path

from . import query as Q
from .rows import FACETS, KEY_FIELDS, LIST_FIELDS, SORTED_FIELDS, TERM_FIELDS, IndexRow

INDEX_NAME = "councilpapers_v5"  # v5: votes are searched
_TOC_NAME = re.compile(rf"_{re.escape(INDEX_NAME)}_\d+\.toc")  # whoosh's table of contents
WRITER_LIMIT_MB = 256  # RAM the writer may use before spilling to temp files
LOCK_RETRY_DELAY = 0.25
# Opening the index can meet a commit that removes the files it was opening.
OPEN_ATTEMPTS = 5


class EngineBusy(RuntimeError):
    pass


@functools.cache
def _schema():
    from whoosh.analysis import SpaceSeparatedTokenizer
    from whoosh.columns import NumericColumn
    from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

    spaces = SpaceSeparatedTokenizer()
    fields = {"id": ID(stored=True, unique=True), "payload": STORED()}
    for name in KEY_FIELDS:
        fields[name] = ID(sortable=name in SORTED_FIELDS)
    for name in TERM_FIELDS:
        fields[name] = TEXT(analyzer=spaces, phrase=True)
    for name in LIST_FIELDS:
        fields[name] = KEYWORD(lowercase=False, scorable=False)
    # yyyymmdd; 0 for undated, which sorts last. Signed (Whoosh's default): an
    # unsigned 32-bit NumericRange over a wide span (1..9991231) matches every
    # document, undated ones too.
    fields["date"] = NUMERIC(int, bits=32, sortable=NumericColumn("I", default=0))
    fields["amount"] = NUMERIC(float)
    return Schema(**fields)


def _whoosh_row(row: IndexRow) -> dict:
    out = {"id": row.id, "payload": row.payload, "date": row.date or 0}
    for name in KEY_FIELDS + TERM_FIELDS:
        value = getattr(row, name)
        if value:
            out[name] = value
    for name in LIST_FIELDS:
        values = getattr(row, name)
        if values:
            out[name] = " ".join(values)
    if row.amount:
        out["amount"] = [float(v) for v in row.amount]
    return out


def _retrying_on_commit(open_index):
    """Open, again if an ingest's commit removed the files being opened (a
    reader in another process sees the next, complete generation)."""
    for attempt in range(OPEN_ATTEMPTS):
        try:
            return open_index()
        except FileNotFoundError:
            if attempt == OPEN_ATTEMPTS - 1:
                raise
            time.sleep(LOCK_RETRY_DELAY / 5)


class WhooshEngine:
    name = "whoosh"

    def __init__(self, directory: Path, lock_timeout: float):
        self.directory = Path(directory)
        self.lock_timeout = lock_timeout
        self._ix = None
        self._searcher = None
        self._generation = None
        self._masks: dict = {}

    # -- opening -------------------------------------------------------------

    def exists(self) -> bool:
        # A table of contents of ours in the directory, not whoosh's exists_in:
        # that opens the whole index, and fails when a commit removes the table
        # it was reading.
        try:
            names = os.listdir(self.directory)
        except OSError:
            return False
        return any(_TOC_NAME.fullmatch(name) for name in names)

    def _open(self):
        if self._ix is None and self.exists():
            from whoosh.index import open_dir

            self._ix = _retrying_on_commit(lambda: open_dir(str(self.directory), indexname=INDEX_NAME))
        return self._ix

    def _open_or_create(self):
        ix = self._open()
        if ix is None:
            from whoosh.filedb.filestore import FileStorage
            from whoosh.index import FileIndex

            self.directory.mkdir(parents=True, exist_ok=True)
            storage = FileStorage(str(self.directory))
            # Create under the write lock so two first-time writers cannot
            # wipe each other's work.
            lock = storage.lock(f"{INDEX_NAME}_WRITELOCK")
            self._acquire(lock)
            try:
                if not storage.index_exists(INDEX_NAME):
                    FileIndex.create(storage, _schema(), INDEX_NAME)
            finally:
                lock.release()
            ix = self._open()
        return ix

    def _acquire(self, lock) -> None:
        from whoosh.util.filelock import try_for

        if not try_for(lock.acquire, timeout=self.lock_timeout, delay=LOCK_RETRY_DELAY):
            raise EngineBusy()

    def writer(self):
        from whoosh.index import LockError

        ix = self._open_or_create()
        try:
            # procs=1: the multiprocess writer forks workers and saved only
            # ~15% on a 5,000-document rebuild (2 cores); not worth it.
            return ix.writer(procs=1, limitmb=WRITER_LIMIT_MB, timeout=self.lock_timeout,
                             delay=LOCK_RETRY_DELAY)
        except LockError:
            raise EngineBusy() from None

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    # -- writing -------------------------------------------------------------

    def rebuild(self, rows: Iterable[IndexRow]) -> int:
        from whoosh.writing import CLEAR

        writer = self.writer()
        count = 0
        try:
            for row in rows:
                writer.add_document(**_whoosh_row(row))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        # CLEAR drops every existing segment as the new one is committed, so
        # readers see either the old index or the new one, never half of it.
        writer.commit(mergetype=CLEAR)
        self._remove_old_versions()
        return count

    def _remove_old_versions(self) -> None:
        """Files of an index built by an earlier version (another INDEX_NAME)."""
        old = re.compile(r"_?councilpapers_v\d+[_.]")
        for path in self.directory.iterdir():
            if old.match(path.name) and INDEX_NAME not in path.name:
                path.unlink(missing_ok=True)

    def replace_sources(self, rows_by_source: Mapping[str, Iterable[IndexRow]]) -> None:
        writer = self.writer()
        try:
            # One searcher for the whole batch; a term the committed index lacks
            # needs no delete. update_document searches the index once per row,
            # which is most of the cost of adding new files to a large index.
            searcher = writer.searcher()
            reader = searcher.reader()
            for source, rows in rows_by_source.items():
                if ("source", source) in reader:
                    writer.delete_by_term("source", source, searcher=searcher)
                for row in rows:
                    fields = _whoosh_row(row)
                    if ("id", row.id) in reader:
                        # Also drops a same-id document left by another source,
                        # so ids stay unique.
                        writer.update_document(**fields)
                    else:
                        writer.add_document(**fields)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    # -- reading -------------------------------------------------------------

    def doc_count(self) -> int:
        ix = self._open()
        return ix.doc_count() if ix is not None else 0

    def generation(self) -> int:
        ix = self._open()
        return ix.latest_generation() if ix is not None else -1

    def searcher(self):
        """A searcher on the latest commit, kept open between searches."""
        ix = self._open()
        if ix is None:
            return None
        generation = ix.latest_generation()
        if self._searcher is None or self._generation != generation:
            # A fresh searcher: Whoosh's refresh() can keep stale column
            # readers after a rebuild (facets counted twice).
            if self._searcher is not None:
                self._searcher.close()
                self._searcher = None
            self._searcher = _retrying_on_commit(ix.searcher)
            self._generation = ix.latest_generation()
            self._masks = {}
        return _Searcher(self._searcher, self._masks)


class _Searcher:
    def __init__(self, searcher, masks: dict):
        self.s = searcher
        self._masks = masks  # mask query -> its documents, for this searcher's life

    def _mask(self, mask):
        """The documents of the exempt mask, worked out once per commit: as a
        query it has a term per exempt record, too many to run every search."""
        if mask is None:
            return None
        key = id(mask)
        if key not in self._masks:
            self._masks[key] = (mask, set(self.s.docs_for_query(compile_query(mask))))
        return self._masks[key][1]

    def known(self, field: str, term: str) -> int:
        return self.s.doc_frequency(field, term)

    def doc_count(self) -> int:
        return self.s.doc_count()

    def search(self, q, *, mask=None, limit: int | None = 10, by_date: bool = False):
        """[(score, payload)] best first (latest first when `by_date`)."""
        wq = compile_query(q)
        wmask = self._mask(mask)
        if by_date:
            from whoosh.sorting import FieldFacet

            results = self.s.search(wq, mask=wmask, limit=limit,
                                    sortedby=FieldFacet("date", reverse=True))
            return [(0.0, json.loads(hit["payload"])) for hit in results]
        results = self.s.search(wq, mask=wmask, limit=limit)
        return [(hit.score, json.loads(hit["payload"])) for hit in results]

    def facets(self, q, *, mask=None) -> dict[str, dict[str, int]]:
        from whoosh.sorting import Count, FieldFacet

        wq = compile_query(q)
        wmask = self._mask(mask)
        groupedby = {name: FieldFacet(field) for name, field in FACETS.items()}
        results = self.s.search(wq, mask=wmask, limit=1, groupedby=groupedby, maptype=Count)
        out = {}
        for name in FACETS:
            counts = results.groups(name)
            out[name] = {k: v for k, v in counts.items() if k not in (None, "")}
        return out


def compile_query(q):
    """The query tree as a Whoosh query."""
    from whoosh import query as wq

    if isinstance(q, Q.Term):
        return wq.Term(q.field, q.value, boost=q.boost)
    if isinstance(q, Q.Phrase):
        if len(q.values) == 1:
            return wq.Term(q.field, q.values[0], boost=q.boost)
        return wq.Phrase(q.field, list(q.values), boost=q.boost)
    if isinstance(q, Q.Range):
        if q.field == "date":
            return wq.NumericRange("date", q.lo, q.hi, startexcl=not q.lo_incl, endexcl=not q.hi_incl)
        return wq.NumericRange(q.field, None if q.lo is None else float(q.lo),
                               None if q.hi is None else float(q.hi),
                               startexcl=not q.lo_incl, endexcl=not q.hi_incl)
    if isinstance(q, Q.All):
        return wq.Every()
    if isinstance(q, Q.Const):
        return wq.ConstantScoreQuery(compile_query(q.child), 0.0)
    if isinstance(q, Q.Bool):
        if q.must:
            positive = [compile_query(p) for p in q.must]
            base = positive[0] if len(positive) == 1 else wq.And(positive)
            if q.should:
                base = wq.AndMaybe(base, wq.Or([compile_query(p) for p in q.should]))
        elif q.should:
            parts = [compile_query(p) for p in q.should]
            base = parts[0] if len(parts) == 1 else wq.Or(parts)
        else:
            base = wq.Every()
        if q.must_not:
            negative = [compile_query(p) for p in q.must_not]
            base = wq.AndNot(base, negative[0] if len(negative) == 1 else wq.Or(negative))
        return base
    raise TypeError(f"not a query: {q!r}")
