"""Records -> the search documents the index takes (`SearchDocument`, the
same for every engine).

Documents are built one source (file) at a time, from that file's records only,
so an ingest can index a file as soon as it is stored. The facts are the
records' own, decided by ingest (exempt business, a report's agenda item,
the minute item a resolution belongs to): this module maps them, and adds
only what it indexes from a record's own text and lines (decision numbers and
surnames written in it, the money figures on its lines, the keys that collapse
copies). Exempt business told by two files is the store's fact on both
(`corpus.exempt`); the same minute told by two files collapses into one hit,
when searching, by its group keys. The
corpus glossary, which needs every file, is the store's (`corpus.glossary`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date

from ..corpus.records import Meeting, Record
from ..corpus.store import Store
from ..text.keys import title_key
from ..text.names import TITLED_NAME, surname
from ..text.vocabulary import DECISION_NUMBER

# Documents are found through their passages (a page each), which carry the text.
INDEXED_TYPES = ("minute_item", "resolution", "agenda_item", "passage", "report", "action", "vote")
SEARCH_KIND = {"passage": "document"}

DECISION_NO = re.compile(rf"\b{DECISION_NUMBER}\b")
MONEY_UNITS = {"GBP", "USD", "EUR", "£", "$", "€"}


@dataclass
class SearchDocument:
    """One record as the search index takes it. Its fields:

    id, kind, committee, meeting_id,     what a hit shows and cites; `minute` is the
    meeting_date, minute, agenda_ref,    minute's number (a resolution's or action's
    title, source, page, line            minute's), `agenda_ref` the agenda item's
    body, resolved, heading              text searched with the title, weighted
                                         title > resolved > body = heading
    index_title                          the title as searched, when it is not `title`
                                         ("" for a page of a document: every page has it)
    text                                 what snippets are cut from (body, else resolved)
    people, owners, person_ids           surnames mentioned / owning; the owners' person ids
    decisions, decision_no, amounts      decision numbers in the text ("15/00067") and the
                                         record's own; money values on its lines
    exempt                               Part 2 business, hidden unless asked for
    group_num, group_title, document     keys that collapse copies of one record into one
                                         hit; the document a page belongs to
    """

    id: str
    kind: str | None = None
    committee: str | None = None
    meeting_id: str | None = None
    meeting_date: date | None = None
    minute: str | None = None
    agenda_ref: str | None = None
    title: str | None = None
    source: str | None = None
    page: int | None = None
    line: int | None = None
    body: str | None = None
    resolved: str | None = None
    heading: str | None = None
    index_title: str | None = None
    text: str | None = None
    people: list[str] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)
    decisions: list[str] = field(default_factory=list)
    decision_no: str | None = None
    amounts: list[float] = field(default_factory=list)
    exempt: bool = False
    group_num: str | None = None
    group_title: str | None = None
    document: str | None = None

    def __post_init__(self) -> None:
        if self.text is None:
            self.text = self.body or self.resolved or ""
        if self.index_title is None:
            self.index_title = self.title


def search_documents(records: Iterable[Record], meetings: dict[str, Meeting]) -> Iterator[SearchDocument]:
    """The documents for `records`, which may span several sources."""
    by_source: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_source[record.source].append(record)
    for source, group in by_source.items():
        yield from _source_documents(source, group, meetings)


def store_documents(store: Store, source_id: str | None = None) -> Iterator[SearchDocument]:
    """The documents for one source, or for the whole store, a source at a time."""
    meetings = {m.id: m for m in store.meetings()}
    if source_id is not None:
        yield from search_documents(store.records(source_id=source_id), meetings)
        return
    for source in store.sources():
        if source.status == "ok" and not source.duplicate_of:
            yield from search_documents(store.records(source_id=source.id), meetings)


# -- one source ------------------------------------------------------------------

def _source_documents(source: str, records: list[Record], meetings: dict[str, Meeting]) -> Iterator[SearchDocument]:
    by_type: dict[str, list] = defaultdict(list)
    for record in records:
        by_type[record.type].append(record)
    resolved = _resolutions_by_item(by_type.get("resolution", []))
    amounts = _Amounts(by_type.get("figure", []))

    for record in records:
        if record.type not in INDEXED_TYPES:
            continue
        meeting = meetings.get(record.meeting_id) if record.meeting_id else None
        text = _text(record)
        doc = SearchDocument(
            id=record.id,
            kind=SEARCH_KIND.get(record.type, record.type),
            committee=meeting.committee if meeting else None,
            meeting_id=meeting.id if meeting else None,
            meeting_date=date.fromisoformat(meeting.date) if meeting and meeting.date else None,
            minute=getattr(record, "number", None) or getattr(record, "minute", None),
            agenda_ref=getattr(record, "agenda_ref", None) or getattr(record, "code", None),
            title=_title(record),
            text=text,
            source=record.source,
            page=record.page,
            line=record.line,
            exempt=record.exempt,
            decisions=sorted(set(DECISION_NO.findall(text)) | _own_decision(record)),
            decision_no=getattr(record, "decision_no", None),
            amounts=amounts.within(record.line, text),
            document=getattr(record, "document", None),
            **_fields(record, text, resolved),
            **_people(record, text),
        )
        doc.group_num, doc.group_title = _group_keys(record, doc)
        yield doc


def _text(record: Record) -> str:
    if record.type == "report":
        parts = [record.summary, record.recommendations, "; ".join(record.by), record.to, record.decision_no]
        return "\n".join(p for p in parts if p)
    if record.type == "action":
        return f"{record.owner} to {record.description}"
    if record.type == "vote":  # what was voted on, the outcome, and who voted which way
        sides = [f"{label}: {', '.join(names)}" for label, names in
                 (("For", record.names_for), ("Against", record.names_against), ("Abstained", record.names_abstain))
                 if names]
        return "\n".join(x for x in (record.motion, record.result and f"The vote was {record.result}.", *sides) if x)
    return getattr(record, "text", "") or ""


def _title(record: Record) -> str:
    title = getattr(record, "title", None) or getattr(record, "subject", None)
    if record.type == "resolution":
        return f"Resolution: {title}" if title else "Resolution"
    if record.type == "vote":
        counts = ", ".join(f"{label} {n}" for label, n in
                           (("for", record.for_), ("against", record.against), ("abstaining", record.abstain))
                           if n is not None)
        return "Vote" + (f" ({counts})" if counts else "") + (f": {record.result}" if record.result else "")
    return title or record.type.replace("_", " ").capitalize()


def _fields(record: Record, text: str, resolved: dict) -> dict:
    """Which text goes in which weighted field (the title is searched as the
    title unless `index_title` says otherwise)."""
    if record.type == "resolution":
        # What was decided weighs above the discussion; its title is the item's.
        return {"resolved": text, "body": ""}
    if record.type == "minute_item":
        return {"body": text, "resolved": "\n".join(resolved.get(record.id, []))}
    if record.type == "passage":
        # Every page of a report carries its title: that it is in the title
        # says little about this page, so it weighs as body text.
        return {"index_title": "", "heading": _title(record), "body": text}
    return {"body": text}


def _own_decision(record: Record) -> set[str]:
    number = getattr(record, "decision_no", None)
    return {number} if number else set()


# -- resolutions of an item ------------------------------------------------------

def _resolutions_by_item(resolutions) -> dict[str, list[str]]:
    """What was resolved under each minute item (ingest links each resolution to its item)."""
    out: dict[str, list[str]] = defaultdict(list)
    for res in resolutions:
        if res.item:
            out[res.item].append(res.text)
    return out


# -- money in the text -----------------------------------------------------------

class _Amounts:
    """Money figures of a file, found by line: a record's amounts are the
    figures on the lines its text covers."""

    def __init__(self, figures):
        money = sorted(
            (f.line, f.value) for f in figures
            if f.kind == "money" and f.line is not None and (f.unit or "").upper() in MONEY_UNITS
        )
        self.lines = [line for line, _ in money]
        self.values = [value for _, value in money]

    def within(self, line: int | None, text: str) -> list[float]:
        if line is None or not self.lines:
            return []
        last = line + text.count("\n") + 2  # the heading line(s) above the text
        lo, hi = bisect_left(self.lines, line), bisect_right(self.lines, last)
        return sorted(set(self.values[lo:hi]))


# -- people ----------------------------------------------------------------------

def _people(record: Record, text: str) -> dict:
    names: list[str] = []
    owners: list[str] = []
    ids: list[str] = []
    if record.type == "action":
        owners = [record.owner, *record.owners]
        ids = [p for p in [record.person, *record.people] if p]
    elif record.type == "report":
        names = list(record.by)
    elif record.type == "vote":
        names = [*record.names_for, *record.names_against, *record.names_abstain]
    names.extend(m["surname"] for m in TITLED_NAME.finditer(text))
    if record.type != "passage":
        names.extend(m["surname"] for m in TITLED_NAME.finditer(_title(record)))
    owner_names = sorted({s for o in owners for part in re.split(r"\band\b|&|/", o) if (s := surname(part))})
    surnames = sorted({s for n in names if (s := surname(n))} | set(owner_names))
    return {"people": surnames, "owners": owner_names, "person_ids": sorted(set(ids))}


# -- duplicates ------------------------------------------------------------------

def _group_keys(record: Record, doc: SearchDocument) -> tuple[str | None, str]:
    """Two keys: the same minute told by two files shares one of them (see
    `corpus.merge`): by number when both files number it, by title when one
    (a web page) does not."""
    kind, meeting = doc.kind, doc.meeting_id or f"src:{record.source}"
    num = title = None
    if record.type == "minute_item":
        num = record.number and f"{kind}|{meeting}|n:{record.number}"
        title = f"{kind}|{meeting}|t:{title_key(record.title)}"
    elif record.type == "resolution":
        opening = " ".join(title_key(record.text).split()[:12])
        num = record.minute and f"{kind}|{meeting}|n:{record.minute}|{opening}"
        title = f"{kind}|{meeting}|t:{title_key(record.title)}|{opening}"
    elif record.type == "agenda_item":
        # An agenda item, its report and the report's pages are one piece of
        # business: one hit, the best of them, listing the others.
        num = _business(doc)
        title = f"{kind}|{meeting}|t:{title_key(record.title)}"
    elif record.type == "action":
        title = f"{kind}|{meeting}|{record.minute}|{title_key(record.description)[:80]}"
    elif record.type == "vote":  # the same vote told by two copies of the minutes (see `corpus.merge`)
        opening = " ".join(title_key(record.motion or "").split()[:12])
        title = f"{kind}|{meeting}|{record.minute}|{record.for_}|{record.against}|{record.abstain}|{opening}"
    elif record.type == "report":
        num = _business(doc)
        title = f"{kind}|{meeting}|{title_key(record.subject)}"
    elif record.type == "passage":
        # The pages of one document are one hit: its best page, the others listed.
        num = _business(doc)
        title = f"{kind}|{record.document or record.source}|{title_key(record.title)}"
    return num or None, title or record.id


def _business(doc: SearchDocument) -> str | None:
    if doc.meeting_id and doc.agenda_ref:
        return f"business|{doc.meeting_id}|{doc.agenda_ref}"
    return None
