"""The full-text index: the only code in councilpapers that knows about Whoosh.

The rest of the program hands in plain dicts ("search documents") and gets back
`Hit`s, so the engine can be swapped without touching callers.

Whoosh costs ~150 ms to import, which every CLI command would pay if this module
imported it at the top; it is imported inside the methods that need it instead.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping

# Bump when the schema changes: a new name means a fresh index is built beside
# the old one on the next rebuild, instead of reading files with the old layout.
INDEX_NAME = "councilpapers_v1"

SEARCH_FIELDS = ["title", "body"]
TITLE_BOOST = 2.0
WRITER_LIMIT_MB = 256  # RAM the writer may use before spilling to temp files
LOCK_TIMEOUT = 30.0  # seconds to wait for another process's writer
LOCK_RETRY_DELAY = 0.25
# Whoosh stops highlighting after this many characters of a field; long
# "document" records put matches further in than the default 32k.
HIGHLIGHT_CHAR_LIMIT = 200_000

_ID_FIELDS = ("id", "kind", "meeting_id", "minute", "agenda_ref", "source")
_TEXT_FIELDS = ("committee", "title", "body")
_INT_FIELDS = ("page", "line")


class BadQuery(ValueError):
    """A query the user got wrong; the message is one plain sentence."""


class IndexBusy(RuntimeError):
    """Another process held the index's write lock for longer than we waited."""


@dataclass
class Hit:
    id: str
    kind: str | None
    committee: str | None
    meeting_date: dt.date | None
    minute: str | None
    agenda_ref: str | None
    title: str | None
    snippet: str
    highlights: list[tuple[int, int]] = field(default_factory=list)
    source: str | None = None
    page: int | None = None
    line: int | None = None
    score: float = 0.0

    def to_json(self) -> dict:
        """The hit as in the export contract, plus `highlights` (spans in `snippet`)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "committee": self.committee,
            "meeting_date": self.meeting_date.isoformat() if self.meeting_date else None,
            "minute": self.minute,
            "agenda_ref": self.agenda_ref,
            "title": self.title,
            "snippet": self.snippet,
            "source": self.source,
            "page": self.page,
            "line": self.line,
            "score": round(self.score, 4),
            "highlights": [list(span) for span in self.highlights],
        }


@functools.cache
def _schema():
    from whoosh.analysis import StemmingAnalyzer
    from whoosh.columns import NumericColumn
    from whoosh.fields import DATETIME, ID, NUMERIC, TEXT, Schema

    return Schema(
        id=ID(stored=True, unique=True),
        kind=ID(stored=True),
        # Matched by words, so "corporate parenting" finds "Corporate Parenting
        # Panel"; stemmed without stop words so "childrens" finds "Children's"
        # and "and" in a name still has to match.
        committee=TEXT(stored=True, analyzer=StemmingAnalyzer(stoplist=None)),
        meeting_id=ID(stored=True),
        # Sortable, for "latest meeting first". The column's default for a
        # missing date is the largest number, which would put undated documents
        # first; 0 puts them last.
        meeting_date=DATETIME(stored=True, sortable=NumericColumn("Q", default=0)),
        minute=ID(stored=True),
        agenda_ref=ID(stored=True),
        title=TEXT(stored=True, analyzer=StemmingAnalyzer(), field_boost=TITLE_BOOST),
        # Stored because snippets are cut from it.
        body=TEXT(stored=True, analyzer=StemmingAnalyzer()),
        source=ID(stored=True),
        page=NUMERIC(int, stored=True),
        line=NUMERIC(int, stored=True),
    )


def _to_fields(doc: dict) -> dict:
    """A search document as Whoosh field values; None values are left out."""
    if not doc.get("id"):
        raise ValueError(f"search document without an id: {doc!r:.200}")
    out = {}
    for name in _ID_FIELDS + _TEXT_FIELDS:
        value = doc.get(name)
        if value is not None:
            out[name] = str(value)
    for name in _INT_FIELDS:
        value = doc.get(name)
        if value is not None:
            out[name] = int(value)
    day = doc.get("meeting_date")
    if isinstance(day, str):  # an ISO date straight from the export
        day = dt.date.fromisoformat(day)
    if day is not None:
        out["meeting_date"] = _midnight(day)
    return out


def _check_balanced(text: str) -> None:
    """Whoosh's parser quietly drops a stray quote or bracket and searches for
    something else; tell the user instead."""
    if text.count('"') % 2:
        raise BadQuery('The query has an unmatched double quote (").')
    depth = 0
    for i, part in enumerate(text.split('"')):
        if i % 2:  # inside a quoted phrase brackets are just text
            continue
        for ch in part:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth < 0:
                raise BadQuery("The query has a closing bracket without an opening one.")
    if depth:
        raise BadQuery("The query has an opening bracket that is never closed.")


class SearchIndex:
    def __init__(self, directory: Path | str, *, lock_timeout: float = LOCK_TIMEOUT):
        self.directory = Path(directory)
        self.lock_timeout = lock_timeout
        self._ix = None
        self._parser = None

    # -- opening -------------------------------------------------------------

    def exists(self) -> bool:
        from whoosh.index import exists_in

        return self.directory.is_dir() and exists_in(str(self.directory), INDEX_NAME)

    def _open(self):
        """The index, or None when it has not been built yet."""
        if self._ix is None and self.exists():
            from whoosh.index import open_dir

            self._ix = open_dir(str(self.directory), indexname=INDEX_NAME)
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
            raise self._busy()

    def _busy(self) -> IndexBusy:
        return IndexBusy(
            f"The search index in {self.directory} is being updated by another "
            f"process (waited {self.lock_timeout:g} s); try again when it has finished."
        )

    def _writer(self):
        from whoosh.index import LockError

        ix = self._open_or_create()
        try:
            # procs=1: the multiprocess writer forks workers and saved only
            # ~15% on a 5,000-document rebuild (2 cores); not worth it.
            return ix.writer(
                procs=1,
                limitmb=WRITER_LIMIT_MB,
                timeout=self.lock_timeout,
                delay=LOCK_RETRY_DELAY,
            )
        except LockError:
            raise self._busy() from None

    # -- writing -------------------------------------------------------------

    def rebuild(self, docs: Iterable[dict]) -> int:
        """Replace the whole index with `docs`, in one commit. Returns the count."""
        from whoosh.writing import CLEAR

        writer = self._writer()
        count = 0
        try:
            for doc in docs:
                writer.add_document(**_to_fields(doc))
                count += 1
        except BaseException:
            writer.cancel()
            raise
        # CLEAR drops every existing segment as the new one is committed, so
        # readers see either the old index or the new one, never half of it.
        writer.commit(mergetype=CLEAR)
        return count

    def replace_source(self, source: str, docs: Iterable[dict]) -> None:
        """Delete every document of `source`, then add `docs`, in one commit."""
        self.replace_sources({source: docs})

    def replace_sources(self, docs_by_source: Mapping[str, Iterable[dict]]) -> None:
        """`replace_source` for many sources in one commit: a commit costs tens
        of milliseconds whatever it holds, so an ingest batches its sources."""
        writer = self._writer()
        try:
            for source, docs in docs_by_source.items():
                writer.delete_by_term("source", source)
                for doc in docs:
                    # update_document also drops a same-id document left by another
                    # source, so ids stay unique.
                    writer.update_document(**_to_fields(doc))
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def remove_source(self, source: str) -> None:
        if self._open() is None:
            return
        self.replace_source(source, [])

    # -- reading -------------------------------------------------------------

    def doc_count(self) -> int:
        ix = self._open()
        return ix.doc_count() if ix is not None else 0

    def search(
        self,
        query: str,
        *,
        kind: str | None = None,
        committee: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 10,
    ) -> list[Hit]:
        """Best hits first. An empty query lists the documents the filters
        allow, latest meeting first, with score 0."""
        # Parse before looking at the disk, so a bad query is reported even
        # when there is no index yet.
        q = self._parse(query)
        filter_q = self._filter(kind, committee, since, until)
        ix = self._open()
        if ix is None or q is None or limit < 1:
            return []

        from whoosh.query import Every
        from whoosh.sorting import FieldFacet

        with ix.searcher() as searcher:
            if isinstance(q, Every):
                results = searcher.search(
                    q, filter=filter_q, limit=limit,
                    sortedby=FieldFacet("meeting_date", reverse=True),
                )
                # With sortedby the "score" Whoosh reports is the sort key.
                ranked = [(0.0, hit) for hit in results]
            else:
                # One extra hit shows whether a tie crosses the cut-off; only
                # then is it worth scoring every match (3x slower) to settle it.
                results = searcher.search(q, filter=filter_q, limit=limit + 1)
                top = results.top_n
                if len(top) > limit and _same_score(top[limit][0], top[limit - 1][0]):
                    results = searcher.search(q, filter=filter_q, limit=None)
                ranked = self._rank(searcher, results, limit)
            highlighter = self._highlighter()
            return [self._hit(hit, score, highlighter) for score, hit in ranked]

    @staticmethod
    def _rank(searcher, results, limit):
        """The top `limit` as (score, whoosh hit). Equal scores (boilerplate such
        as "RESOLVED that the minutes be noted") go latest meeting first."""
        top = results.top_n  # (score, docnum), best first
        if not top:
            return []
        cutoff = top[min(limit, len(top)) - 1][0]
        tied = [i for i, (score, _) in enumerate(top)
                if score >= cutoff or _same_score(score, cutoff)]
        # Raw column values order like the dates; 0 means no date.
        dates = searcher.reader().column_reader("meeting_date", translate=False)
        # The id settles what is left, so a rebuilt index answers in the same order.
        tied.sort(key=lambda i: (-round(top[i][0], 6), -dates[top[i][1]], results[i]["id"]))
        return [(top[i][0], results[i]) for i in tied[:limit]]

    def _parse(self, text: str | None):
        """The Whoosh query for `text`: Every() when blank, None when nothing
        searchable is left (only stop words, say)."""
        from whoosh.query import Every, NullQuery

        text = (text or "").strip()
        if not text:
            return Every()
        _check_balanced(text)
        if self._parser is None:
            from whoosh.qparser import MultifieldParser

            # AND between words is the default group of Whoosh's parsers.
            self._parser = MultifieldParser(SEARCH_FIELDS, _schema())
        try:
            q = self._parser.parse(text)
        except Exception as exc:  # the parser is lenient; anything it raises is the query's fault
            raise BadQuery(f"Could not understand the query {text!r}: {exc}.") from exc
        return None if q is NullQuery else q

    @staticmethod
    def _filter(kind, committee, since, until):
        from whoosh.query import And, DateRange, Term

        parts = []
        if kind:
            parts.append(Term("kind", kind))
        if committee and committee.strip():
            analyzer = _schema()["committee"].analyzer
            words = [t.text for t in analyzer(committee)]
            if not words:
                raise BadQuery(f"The committee filter {committee!r} has no words to match.")
            parts.extend(Term("committee", w) for w in words)
        if since or until:
            if since and until and since > until:
                raise BadQuery(f"The start date {since} is after the end date {until}.")
            parts.append(DateRange("meeting_date", _midnight(since), _midnight(until)))
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(parts)

    @staticmethod
    def _highlighter():
        from whoosh.highlight import ContextFragmenter, Highlighter

        from .snippets import SNIPPET_CHARS, EarliestFirstScorer, SpanFormatter

        return Highlighter(
            scorer=EarliestFirstScorer(),
            fragmenter=ContextFragmenter(
                maxchars=SNIPPET_CHARS - 40, surround=60, charlimit=HIGHLIGHT_CHAR_LIMIT
            ),
            formatter=SpanFormatter(),
        )

    @staticmethod
    def _hit(hit, score: float, highlighter) -> Hit:
        from .snippets import leading_snippet

        stored = hit.fields()
        body = stored.get("body") or ""
        snippet, spans = "", []
        if body:
            snippet, spans = highlighter.highlight_hit(hit, "body", text=body, top=1)
        if not snippet:
            # Matched in the title only, or an empty-query listing.
            snippet, spans = leading_snippet(body), []
        when = stored.get("meeting_date")
        return Hit(
            id=stored["id"],
            kind=stored.get("kind"),
            committee=stored.get("committee"),
            meeting_date=when.date() if when else None,
            minute=stored.get("minute"),
            agenda_ref=stored.get("agenda_ref"),
            title=stored.get("title"),
            snippet=snippet,
            highlights=spans,
            source=stored.get("source"),
            page=stored.get("page"),
            line=stored.get("line"),
            score=float(score),
        )


def _same_score(a: float, b: float) -> bool:
    # Rounded so floating-point noise does not split genuine ties.
    return round(a, 6) == round(b, 6)


def _midnight(day: dt.date | None) -> dt.datetime | None:
    # Whoosh's DATETIME takes datetimes; a date is its midnight.
    return dt.datetime(day.year, day.month, day.day) if day else None

