"""The search index: what the rest of councilpapers calls to index and query.

Callers hand in `SearchDocument`s (see `documents.py`) and the corpus
glossary as the store merged it, and get back `Hit`s. Everything that makes the answers good is here and engine-neutral:
the query language (`query.py`), acronyms both ways, spelling suggestions
(`lexicon.py`), exempt items hidden, exact minute and decision numbers first,
ties to the latest meeting, duplicates collapsed into one hit with all its
sources, snippets (`snippets.py`), facets. The engines (`engine_whoosh.py`, the
default, and `engine_tantivy.py`, an optional extra) only match and score
the same analysed terms with BM25, title and resolution text weighted above
the body.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Mapping

from . import analysis
from . import query as Q
from .query import BadQuery
from .rows import IndexRow, to_row

if TYPE_CHECKING:
    from .documents import SearchDocument

ENGINES = ("whoosh", "tantivy")
LOCK_TIMEOUT = 30.0  # seconds to wait for another process's writer
SIMILAR_TERMS = 12
# Exempt business, as the store records it on every record (`corpus.exempt`
# spreads it over the files of a meeting): a stored fact, never inferred here.
EXEMPT_MASK = Q.Term("exempt", "1")

__all__ = ["BadQuery", "EngineMissing", "Hit", "IndexBusy", "SearchIndex", "SearchResult"]


class IndexBusy(RuntimeError):
    """Another process held the index's write lock for longer than we waited."""


class EngineMissing(RuntimeError):
    """The engine asked for is not installed, or its index is not built yet."""


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
    meeting_id: str | None = None
    exempt: bool = False
    # Every place that tells this record (the same minute in a pack and on a
    # web page; the matching pages of a document), this hit's own first.
    sources: list[dict] = field(default_factory=list)
    partial: bool = False  # has only some of the words (when none has them all)

    def to_json(self) -> dict:
        """The hit as in the export contract, then `highlights` (spans in
        `snippet`), `snippet_marked` (matched words in **), `meeting_id`,
        `exempt` and `sources`."""
        from .snippets import marked

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
            "snippet_marked": marked(self.snippet, self.highlights),
            "meeting_id": self.meeting_id,
            "exempt": self.exempt,
            "sources": self.sources,
        }


@dataclass
class SearchResult:
    hits: list[Hit]
    facets: dict[str, dict[str, int]] | None = None  # {"committee"|"year"|"kind": {value: count}}
    suggestion: str | None = None  # "Did you mean" (the hits are already for it)
    partial: bool = False  # some hits have only some of the words
    total: int | None = None  # records matching (with facets only)

    def to_json(self) -> dict:
        return {
            "hits": [h.to_json() for h in self.hits],
            "facets": self.facets,
            "did_you_mean": self.suggestion,
            "total": self.total,
        }


class SearchIndex:
    def __init__(self, directory: Path | str, *, lock_timeout: float = LOCK_TIMEOUT,
                 engine: str = "whoosh",
                 people: Callable[[str], tuple[set[str], set[str]]] | None = None):
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}")
        self.directory = Path(directory)
        self.lock_timeout = lock_timeout
        self.engine_name = engine
        self.people = people
        self._engines: dict = {}
        self._lexicon = None

    # -- engines -------------------------------------------------------------

    def _engine(self, name: str | None = None):
        name = name or self.engine_name
        if name not in self._engines:
            if name == "whoosh":
                from .engine_whoosh import WhooshEngine

                self._engines[name] = WhooshEngine(self.directory, self.lock_timeout)
            else:
                try:
                    from .engine_tantivy import TantivyEngine
                except ImportError as exc:
                    raise EngineMissing(
                        "The tantivy engine needs the tantivy package: "
                        "pip install 'councilpapers[tantivy]'."
                    ) from exc
                self._engines[name] = TantivyEngine(self.directory, self.lock_timeout)
        return self._engines[name]

    def _write_engines(self, *, creating: bool = False) -> list:
        """Whoosh always; Tantivy too once its index has been built (or when it
        is the engine asked for)."""
        engines = [self._engine("whoosh")]
        try:
            tantivy = self._engine("tantivy")
        except EngineMissing:
            if self.engine_name == "tantivy":
                raise
            return engines
        if tantivy.exists() or (creating and self.engine_name == "tantivy"):
            engines.append(tantivy)
        return engines

    @property
    def lexicon(self):
        if self._lexicon is None:
            from .lexicon import Lexicon

            self._lexicon = Lexicon(self.directory)
        return self._lexicon

    def exists(self) -> bool:
        return self._engine().exists()

    def engine_exists(self, name: str) -> bool:
        try:
            return self._engine(name).exists()
        except EngineMissing:
            return False

    def close(self) -> None:
        for engine in self._engines.values():
            engine.close()
        if self._lexicon is not None:
            self._lexicon.close()

    def _writer(self):
        """Whoosh's writer (holds the write lock); for tests."""
        return self._engine("whoosh").writer()

    # -- writing -------------------------------------------------------------

    def rebuild(self, docs: Iterable[SearchDocument]) -> int:
        """Replace the whole index with `docs`, in one commit. Returns the count."""
        from .lexicon import SourceWords

        engines = self._write_engines(creating=True)
        words: dict[str, SourceWords] = {}
        rows = _rows(docs, words)
        count = self._call(lambda: _rebuild_all(engines, rows))
        self.lexicon.replace_sources(words, clear=True)
        return count

    def build_engine(self, name: str, docs: Iterable[SearchDocument]) -> int:
        """Build one engine's index (and the lexicon) from `docs`: for an
        engine asked for the first time, while the others stay as they are."""
        from .lexicon import SourceWords

        engine = self._engine(name)
        words: dict[str, SourceWords] = {}
        count = self._call(lambda: engine.rebuild(_rows(docs, words)))
        self.lexicon.replace_sources(words, clear=True)
        return count

    def replace_source(self, source: str, docs: Iterable[SearchDocument]) -> None:
        """Delete every document of `source`, then add `docs`, in one commit."""
        self.replace_sources({source: docs})

    def replace_sources(self, docs_by_source: Mapping[str, Iterable[SearchDocument]]) -> None:
        """`replace_source` for many sources in one commit: a commit costs tens
        of milliseconds whatever it holds, so an ingest batches its sources."""
        from .lexicon import SourceWords

        words: dict[str, SourceWords] = {source: SourceWords() for source in docs_by_source}
        rows = {source: list(_rows(docs, words, source)) for source, docs in docs_by_source.items()}
        for engine in self._write_engines():
            self._call(lambda: engine.replace_sources(rows))
        self.lexicon.replace_sources(words)

    def replace_glossary(self, entries: Iterable[tuple[str, str]]) -> None:
        """The corpus glossary, (short, long) pairs as the store merged them
        (`corpus.glossary`), to expand acronyms both ways."""
        self.lexicon.replace_glossary(entries)

    def remove_source(self, source: str) -> None:
        if not self._engine("whoosh").exists():
            return
        self.replace_source(source, [])

    def _call(self, fn):
        from .engine_whoosh import EngineBusy

        try:
            return fn()
        except EngineBusy:
            raise IndexBusy(
                f"The search index in {self.directory} is being updated by another "
                f"process (waited {self.lock_timeout:g} s); try again when it has finished."
            ) from None

    # -- reading -------------------------------------------------------------

    def doc_count(self) -> int:
        return self._engine().doc_count() if self.exists() else 0

    def search(self, query: str | None, **options) -> list[Hit]:
        """Best hits first; see `find`."""
        return self.find(query, **options).hits

    def find(
        self,
        query: str | None,
        *,
        kind: str | None = None,
        committee: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 10,
        include_exempt: bool = False,
        facets: bool = False,
    ) -> SearchResult:
        """Hits for `query` (see `query.py` for the language), best first; a
        query of filters only (or none) lists the latest meetings first."""
        filters = self._filters(kind, committee, since, until)
        # Parse before looking at the disk, so a bad query is reported even
        # when there is no index yet.
        Q.parse(query or "")
        engine = self._engine()
        searcher = engine.searcher() if engine.exists() else None
        if searcher is None:
            return SearchResult([])
        planner = Q.Planner(
            known=lambda term: any(searcher.known(f, term) for f in (*Q.TEXT_FIELDS, "meta")),
            in_meta=lambda term: searcher.known("meta", term) > 0,
            correct=lambda word: self.lexicon.correct(
                word, frequency=lambda w: searcher.known("text", analysis.stem(w))),
            glossary=Q.Glossary(self.lexicon.glossary()),
            people=self.people,
        )
        plan = planner.plan(query, filters=filters)
        if plan.query is None or limit < 1:
            return SearchResult([], suggestion=plan.suggestion)
        mask = None if include_exempt else EXEMPT_MASK
        hits = self._ranked_hits(searcher, plan.query, mask, limit, plan, by_date=not plan.scored)
        used = plan.query
        # Too few records have all the words: then those with most of them.
        for tier in plan.relaxed:
            if len(hits) >= limit:
                break
            seen = {s["id"] for h in hits for s in h.sources}
            more = [h for h in self._ranked_hits(searcher, tier, mask, limit + len(hits), plan, by_date=False)
                    if not seen & {s["id"] for s in h.sources}]
            for hit in more[: limit - len(hits)]:
                hit.partial = True
                hits.append(hit)
            if not any(not h.partial for h in hits):
                used = tier
        partial = any(h.partial for h in hits)
        result = SearchResult(hits, suggestion=plan.suggestion, partial=partial)
        if facets:
            result.facets = searcher.facets(used, mask=mask)
            result.total = sum(result.facets.get("kind", {}).values())
        return result

    def similar(self, record_id: str, *, limit: int = 10, include_exempt: bool = False) -> SearchResult:
        """Records like `record_id` ("more like this"): its most telling words
        (tf-idf) as one weighted OR query; its own duplicates left out."""
        engine = self._engine()
        searcher = engine.searcher() if engine.exists() else None
        if searcher is None:
            raise KeyError(record_id)
        found = searcher.search(Q.Term("id", record_id), limit=1)
        if not found:
            raise KeyError(record_id)
        payload = found[0][1]
        counts = Counter(analysis.terms(payload.get("title"))) + Counter(analysis.terms(payload.get("text")))
        n = max(searcher.doc_count(), 1)
        weighted = []
        for term, tf in counts.items():
            if not term.isalpha() or len(term) < 3:
                continue
            df = searcher.known("text", term)
            if df <= 1 or df > n / 4:
                continue
            weighted.append(((1 + math.log(tf)) * math.log(n / df), term))
        weighted.sort(reverse=True)
        top = weighted[:SIMILAR_TERMS]
        if not top:
            return SearchResult([])
        most = top[0][0]
        parts = [Q.Term(f, term, b * w / most) for w, term in top for f, b in Q.TEXT_FIELDS.items()]
        own = [Q.Term("group_title", payload["group_title"]), Q.Term("id", record_id)]
        if payload.get("group_num"):
            own.append(Q.Term("group_num", payload["group_num"]))
        q = Q.Bool(should=tuple(parts), must_not=tuple(own))
        plan = Q.Plan(query=q, scored=True, highlight={t for _, t in top})
        mask = None if include_exempt else EXEMPT_MASK
        return SearchResult(self._ranked_hits(searcher, q, mask, limit, plan, by_date=False))

    # -- filters -------------------------------------------------------------

    @staticmethod
    def _filters(kind, committee, since, until) -> list:
        parts = []
        if kind:
            parts.append(Q.Term("kind", Q.kind_value(kind)))
        if committee and committee.strip():
            terms = analysis.terms(committee)
            if not terms:
                raise BadQuery(f"The committee filter {committee!r} has no words to match.")
            parts.extend(Q.Term("committee", t) for t in terms)
        parts.append(Q.date_filter(since, until))
        return [p for p in parts if p is not None]

    # -- ranking, duplicates, hits -------------------------------------------

    def _ranked_hits(self, searcher, q, mask, limit, plan, *, by_date) -> list[Hit]:
        fetch = limit * 4 + 20
        while True:
            found = searcher.search(q, mask=mask, limit=fetch, by_date=by_date)
            ranked = _rank(found, plan.pins) if not by_date else _by_date(found)
            groups = _collapse(ranked)
            exhausted = len(found) < fetch
            tied = (not by_date and len(ranked) > limit
                    and _same(ranked[-1][0], ranked[min(limit, len(ranked)) - 1][0]))
            if exhausted or (len(groups) > limit and not tied) or fetch > 100_000:
                break
            fetch *= 4
        groups = groups[:limit]
        if not exhausted:  # copies of a hit may lie beyond the candidates
            self._complete(searcher, groups, mask)
        return [_hit(g, plan.highlight) for g in groups]

    @staticmethod
    def _complete(searcher, groups, mask) -> None:
        """Add the copies of each hit that fell outside the candidates, so a
        hit lists every file that tells it."""
        keys = {}
        for n, group in enumerate(groups):
            for key in group["keys"]:
                keys[key] = n
        if not keys:
            return
        q = Q.OR(*(Q.Term(f, k) for k in keys for f in ("group_num", "group_title")))
        have = {p["id"] for g in groups for _, p in g["members"]}
        for _, payload in searcher.search(q, mask=mask, limit=len(keys) * 20 + 50):
            if payload["id"] in have:
                continue
            for key in (payload.get("group_num"), payload.get("group_title")):
                if key in keys:
                    group = groups[keys[key]]
                    if not (payload.get("group_num") and group["num"] and payload["group_num"] != group["num"]):
                        group["members"].append((0.0, payload))
                        have.add(payload["id"])
                    break


# Minutes and resolutions are the record of what was decided; the papers
# behind them weigh a little less when the words match equally.
KIND_WEIGHT = {"minute_item": 1.0, "resolution": 1.0, "action": 0.9, "agenda_item": 0.8,
               "report": 0.8, "document": 0.7, "vote": 0.8}


def _rank(found, pins) -> list:
    """Best first: an exact minute or decision number asked for, then score
    (weighted by kind), then the latest meeting, then id (so a rebuilt index
    answers the same)."""

    def pinned(payload) -> int:
        level = 3
        for kind, value in pins:
            if kind == "minute":
                if value.upper() == str(payload.get("minute") or "").upper():
                    level = min(level, 0)
                elif value.upper() == str(payload.get("agenda_ref") or "").upper():
                    level = min(level, 1)
            elif kind == "decision":
                if value == payload.get("decision_no"):
                    level = min(level, 0)
                elif value in (payload.get("decisions") or []):
                    level = min(level, 1)
        return level

    return sorted(((score * KIND_WEIGHT.get(p.get("kind"), 1.0), p) for score, p in found),
                  key=lambda sp: (pinned(sp[1]), -round(sp[0], 6), -(sp[1].get("date") or 0), sp[1]["id"]))


def _by_date(found) -> list:
    return sorted(found, key=lambda sp: (-(sp[1].get("date") or 0), sp[1]["id"]))


def _same(a: float, b: float) -> bool:
    # Rounded so floating-point noise does not split genuine ties.
    return round(a, 6) == round(b, 6)


def _collapse(ranked) -> list[dict]:
    """Hits of the same record from several files (or pages of one document)
    as one group, in rank order. Two share a group when they share a key,
    unless both are numbered and the numbers differ."""
    groups: list[dict] = []
    by_key: dict[str, dict] = {}
    for score, payload in ranked:
        num, title = payload.get("group_num"), payload.get("group_title")
        target = None
        for key in (num, title):
            group = by_key.get(key) if key else None
            if group is None or (num and group["num"] and group["num"] != num):
                continue
            target = group
            break
        if target is None:
            target = {"score": score, "num": None, "keys": set(), "members": []}
            groups.append(target)
        target["members"].append((score, payload))
        if num and not target["num"]:
            target["num"] = num
        for key in (num, title):
            if key:
                target["keys"].add(key)
                by_key.setdefault(key, target)
    return groups


def _hit(group: dict, terms: set[str]) -> Hit:
    from .snippets import snippet

    members = group["members"]
    # Cite the best copy that has a page; the first (best scoring) otherwise.
    primary = next((p for _, p in members if p.get("page") is not None), members[0][1])
    text, spans = snippet(primary.get("text") or "", terms)
    if not spans:  # the words matched in another copy: show them there
        for _, payload in members:
            other, other_spans = snippet(payload.get("text") or "", terms)
            if other_spans:
                text, spans = other, other_spans
                break
    day = primary.get("meeting_date")
    places = [primary] + [p for _, p in members if p is not primary]
    return Hit(
        id=primary["id"],
        kind=primary.get("kind"),
        committee=primary.get("committee"),
        meeting_date=dt.date.fromisoformat(day) if day else None,
        minute=primary.get("minute") or next((p.get("minute") for _, p in members if p.get("minute")), None),
        agenda_ref=primary.get("agenda_ref") or next((p.get("agenda_ref") for _, p in members if p.get("agenda_ref")), None),
        title=primary.get("title"),
        snippet=text,
        highlights=spans,
        source=primary.get("source"),
        page=primary.get("page"),
        line=primary.get("line"),
        score=float(group["score"]),
        meeting_id=primary.get("meeting_id"),
        exempt=any(p.get("exempt") for _, p in members),
        sources=[{"id": p["id"], "source": p.get("source"), "page": p.get("page"), "line": p.get("line")}
                 for p in places],
    )


# -- documents -> engine rows ------------------------------------------------------

def _rows(docs: Iterable[SearchDocument], words: dict, source: str | None = None) -> Iterator[IndexRow]:
    """Search documents as engine rows (analysed text, ids, payload), noting
    each file's words in `words` as they go by."""
    from .lexicon import SourceWords

    for doc in docs:
        src = doc.source or source or ""
        got = words.get(src)
        if got is None:
            got = words[src] = SourceWords()
        row = to_row(doc)
        got.add_document(doc.title, doc.text)
        yield row


def _rebuild_all(engines, rows) -> int:
    """Rebuild every engine from one pass over the rows (a list would hold
    the whole corpus in memory): the first engine pulls them, the others are
    handed each row as it goes by."""
    first, *others = engines
    count = 0

    def tee():
        nonlocal count
        for row in rows:
            count += 1
            for other in others:
                other.add(row)
            yield row

    for other in others:
        other.begin_rebuild()
    try:
        first.rebuild(tee())
    except BaseException:
        for other in others:
            other.cancel()
        raise
    for other in others:
        other.commit()
    return count
