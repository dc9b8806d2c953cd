"""The Tantivy engine (optional: `pip install 'councilpapers[tantivy]'`): the
only code in councilpapers that knows Tantivy.

It indexes the same analysed rows as the Whoosh engine (`rows.IndexRow`: text
fields split on spaces only) and answers the same query trees, so both engines match the same
documents; scores are BM25 in both, with small differences in how each rounds
field lengths. It lives in its own folder beside the Whoosh index, and once
built (the first `search --engine tantivy` builds it from the store) every
ingest keeps it up to date as well.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

import tantivy

from . import query as Q
from .rows import FACETS, KEY_FIELDS, LIST_FIELDS, SORTED_FIELDS, TERM_FIELDS, IndexRow

FOLDER = "tantivy_v2"
WRITER_HEAP = 64_000_000
RAW_FIELDS = ("id", *KEY_FIELDS)


def _schema():
    b = tantivy.SchemaBuilder()
    for name in RAW_FIELDS + LIST_FIELDS:
        b.add_text_field(name, stored=False, fast=name in SORTED_FIELDS, tokenizer_name="raw",
                         index_option="basic")
    for name in TERM_FIELDS:
        b.add_text_field(name, stored=False, tokenizer_name="whitespace", index_option="position")
    b.add_integer_field("date", stored=False, indexed=True, fast=True)
    b.add_float_field("amount", stored=False, indexed=True, fast=True)
    b.add_bytes_field("payload", stored=True)
    return b.build()


def _document(row: IndexRow):
    doc = tantivy.Document()
    for name in RAW_FIELDS:
        value = getattr(row, name)
        if value:
            doc.add_text(name, value)
    for name in LIST_FIELDS:
        for value in getattr(row, name):
            doc.add_text(name, value)
    for name in TERM_FIELDS:
        value = getattr(row, name)
        if value:
            doc.add_text(name, value)
    doc.add_integer("date", int(row.date or 0))
    for value in row.amount:
        doc.add_float("amount", float(value))
    doc.add_bytes("payload", row.payload.encode("utf-8"))
    return doc


class TantivyEngine:
    name = "tantivy"

    def __init__(self, directory: Path, lock_timeout: float):
        self.path = Path(directory) / FOLDER
        self._index = None
        self._schema = None
        self._writer = None
        self._masks: dict = {}

    def exists(self) -> bool:
        return self.path.is_dir() and tantivy.Index.exists(str(self.path))

    def _open(self, create: bool = False):
        if self._index is None:
            if self.exists():
                self._index = tantivy.Index.open(str(self.path))
            elif create:
                self.path.mkdir(parents=True, exist_ok=True)
                self._index = tantivy.Index(_schema(), path=str(self.path))
            else:
                return None
            self._schema = self._index.schema
        return self._index

    def close(self) -> None:
        self._index = None

    # -- writing -------------------------------------------------------------

    def begin_rebuild(self) -> None:
        for old in self.path.parent.glob("tantivy_v*"):  # this and earlier versions
            if old.is_dir():
                shutil.rmtree(old)
        self._index = None
        index = self._open(create=True)
        self._writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)

    def add(self, row: IndexRow) -> None:
        self._writer.add_document(_document(row))

    def commit(self) -> None:
        self._writer.commit()
        self._writer.wait_merging_threads()
        self._writer = None
        self._index.reload()

    def cancel(self) -> None:
        if self._writer is not None:
            self._writer.rollback()
            self._writer = None

    def rebuild(self, rows: Iterable[IndexRow]) -> int:
        self.begin_rebuild()
        count = 0
        try:
            for row in rows:
                self.add(row)
                count += 1
        except BaseException:
            self.cancel()
            raise
        self.commit()
        return count

    def replace_sources(self, rows_by_source: Mapping[str, Iterable[IndexRow]]) -> None:
        index = self._open(create=True)
        writer = index.writer(heap_size=WRITER_HEAP, num_threads=1)
        try:
            for source, rows in rows_by_source.items():
                writer.delete_documents_by_term("source", source)
                for row in rows:
                    writer.delete_documents_by_term("id", row.id)
                    writer.add_document(_document(row))
        except BaseException:
            writer.rollback()
            raise
        writer.commit()
        writer.wait_merging_threads()
        index.reload()

    # -- reading -------------------------------------------------------------

    def doc_count(self) -> int:
        index = self._open()
        if index is None:
            return 0
        index.reload()
        return index.searcher().num_docs

    def generation(self) -> int:
        index = self._open()
        if index is None:
            return -1
        index.reload()
        searcher = index.searcher()
        return hash((searcher.num_docs, searcher.num_segments, tuple(self._meta())))

    def _meta(self):
        try:
            return [(self.path / "meta.json").stat().st_mtime_ns]
        except OSError:
            return []

    def searcher(self):
        index = self._open()
        if index is None:
            return None
        index.reload()
        return _Searcher(index.searcher(), self._schema, self._masks)


class _Searcher:
    def __init__(self, searcher, schema, masks: dict):
        self.s = searcher
        self.schema = schema
        self._masks = masks  # mask query -> compiled, kept while the mask object lives

    def _with_mask(self, q, mask):
        if mask is None:
            return self._compile(q)
        key = id(mask)
        if key not in self._masks:
            self._masks.clear()
            self._masks[key] = (mask, self._compile(mask))
        Occur = tantivy.Occur
        return tantivy.Query.boolean_query([(Occur.Must, self._compile(q)), (Occur.MustNot, self._masks[key][1])])

    def known(self, field: str, term: str) -> int:
        return self.s.doc_freq(field, term)

    def doc_count(self) -> int:
        return self.s.num_docs

    def search(self, q, *, mask=None, limit: int | None = 10, by_date: bool = False):
        tq = self._with_mask(q, mask)
        limit = self.s.num_docs if limit is None else limit
        if limit <= 0:
            return []
        if by_date:
            result = self.s.search(tq, limit, count=False, order_by_field="date", order=tantivy.Order.Desc)
            return [(0.0, self._payload(addr)) for _, addr in result.hits]
        result = self.s.search(tq, limit, count=False)
        return [(score, self._payload(addr)) for score, addr in result.hits]

    def _payload(self, addr) -> dict:
        return json.loads(bytes(self.s.doc(addr)["payload"][0]).decode("utf-8"))

    def facets(self, q, *, mask=None) -> dict[str, dict[str, int]]:
        tq = self._with_mask(q, mask)
        aggs = {name: {"terms": {"field": field, "size": 1000}} for name, field in FACETS.items()}
        result = self.s.aggregate(tq, aggs)
        return {name: {b["key"]: b["doc_count"] for b in result.get(name, {}).get("buckets", [])}
                for name in FACETS}

    def _compile(self, q):
        schema = self.schema
        if isinstance(q, Q.Term):
            tq = tantivy.Query.term_query(schema, q.field, q.value)
            return tq if q.boost == 1.0 else tantivy.Query.boost_query(tq, q.boost)
        if isinstance(q, Q.Phrase):
            if len(q.values) == 1:
                return self._compile(Q.Term(q.field, q.values[0], q.boost))
            tq = tantivy.Query.phrase_query(schema, q.field, list(q.values))
            return tq if q.boost == 1.0 else tantivy.Query.boost_query(tq, q.boost)
        if isinstance(q, Q.Range):
            if q.field == "date":
                kind, lo, hi = tantivy.FieldType.Integer, q.lo, q.hi
                lo = None if lo is None else int(lo)
                hi = None if hi is None else int(hi)
            else:
                kind = tantivy.FieldType.Float
                lo = None if q.lo is None else float(q.lo)
                hi = None if q.hi is None else float(q.hi)
            return tantivy.Query.range_query(schema, q.field, kind, lo, hi,
                                             include_lower=q.lo_incl or lo is None,
                                             include_upper=q.hi_incl or hi is None)
        if isinstance(q, Q.All):
            return tantivy.Query.all_query()
        if isinstance(q, Q.Const):
            return tantivy.Query.const_score_query(self._compile(q.child), 0.0)
        if isinstance(q, Q.Bool):
            Occur = tantivy.Occur
            clauses = [(Occur.Must, self._compile(p)) for p in q.must]
            clauses += [(Occur.Should, self._compile(p)) for p in q.should]
            if q.must_not:
                if not clauses:
                    clauses.append((Occur.Must, tantivy.Query.all_query()))
                clauses += [(Occur.MustNot, self._compile(p)) for p in q.must_not]
            if not clauses:
                return tantivy.Query.all_query()
            return tantivy.Query.boolean_query(clauses)
        raise TypeError(f"not a query: {q!r}")
