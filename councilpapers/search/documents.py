"""Records -> the plain documents the search index takes.

A search document is a dict, the same for every engine:

    id, kind, committee, meeting_id, meeting_date, minute, agenda_ref, title,
    source, page, line                       what a hit shows and cites
    body, resolved, heading                  text searched (title too), weighted
                                             title > resolved > body = heading
    text                                     what snippets are cut from
    people, person_ids, owners               names (surnames) mentioned / owning
    decisions, amounts                       "15/00067"; money values in the text
    exempt                                   Part 2 business, hidden by default
    group_num, group_title, document         keys that collapse duplicates

Documents are built one source (file) at a time, from that file's records only,
so an ingest can index a file as soon as it is stored. What needs two files is
settled when searching: an exempt agenda item makes the minute with its agenda
ref exempt in whatever file tells it, and the same minute told by two files
collapses into one hit by its group keys.

Each file's acronyms go to the index as one `_glossary` document, which the
index keeps beside itself (not searchable) to expand acronyms both ways.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from datetime import date

from ..corpus.records import Meeting, Record
from ..corpus.store import Store
from ..text.vocabulary import DECISION_NUMBER
from .analysis import title_key

# Documents are found through their passages (a page each), which carry the text.
INDEXED_TYPES = ("minute_item", "resolution", "agenda_item", "passage", "report", "action")
SEARCH_KIND = {"passage": "document"}
GLOSSARY_KIND = "_glossary"

DECISION_NO = re.compile(rf"\b{DECISION_NUMBER}\b")
HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Cllr|Councillor|Sir|Dame|Lord|Lady|Professor|Prof)\.?"
    r"\s+(?:[A-Z][a-z]+\s+|[A-Z]\.?\s+){0,3}([A-Z][A-Za-z’'-]*[a-z][A-Za-z’'-]*)"
)
TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "cllr", "councillor", "sir", "dame", "lord",
          "lady", "professor", "prof", "the", "rev"}
EXCLUSION = re.compile(
    r"(press and (the )?public (be|are|were) excluded|exclu(de|sion of) (the )?press|"
    r"exempt (business|items?)\b|private session|\bpart (2|ii)\b)", re.IGNORECASE)
ONE_ITEM = re.compile(r"following item\b", re.IGNORECASE)
RESTRICTED = re.compile(r"\b(exempt|not for publication|restricted|confidential)\b", re.IGNORECASE)
MONEY_UNITS = {"GBP", "USD", "EUR", "£", "$", "€"}


def search_documents(records: Iterable[Record], meetings: dict[str, Meeting]) -> Iterator[dict]:
    """The documents for `records`, which may span several sources."""
    by_source: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        by_source[record.source].append(record)
    for source, group in by_source.items():
        yield from _source_documents(source, group, meetings)


def store_documents(store: Store, source_id: str | None = None) -> Iterator[dict]:
    """The documents for one source, or for the whole store, a source at a time."""
    meetings = {m.id: m for m in store.meetings()}
    if source_id is not None:
        yield from search_documents(store.records(source_id=source_id), meetings)
        return
    for source in store.sources():
        if source.status == "ok" and not source.duplicate_of:
            yield from search_documents(store.records(source_id=source.id), meetings)


# -- one source ------------------------------------------------------------------

def _source_documents(source: str, records: list[Record], meetings: dict[str, Meeting]) -> Iterator[dict]:
    by_type: dict[str, list] = defaultdict(list)
    for record in records:
        by_type[record.type].append(record)
    exempt_ids = _exempt_ids(by_type)
    resolved = _resolutions_by_item(by_type)
    amounts = _Amounts(by_type.get("figure", []))
    agenda = _agenda_titles(by_type.get("agenda_item", []))
    # A decision's own papers (its record of decision) belong to the agenda
    # item of the report that carries its number.
    ref_of_decision = {
        (r.meeting, r.decision_no): _agenda_ref_for(agenda, r.meeting_id, r.subject)
        for r in by_type.get("report", []) if r.decision_no
    }
    minute_of_ref = {
        (i.meeting, i.agenda_ref): i.number
        for i in by_type.get("minute_item", []) if i.agenda_ref and i.number
    }

    for record in records:
        if record.type not in INDEXED_TYPES:
            continue
        meeting = meetings.get(record.meeting_id) if record.meeting_id else None
        text = _text(record)
        minute = getattr(record, "number", None) or getattr(record, "minute", None)
        agenda_ref = getattr(record, "agenda_ref", None) or getattr(record, "code", None)
        if agenda_ref is None and record.type in ("passage", "report"):
            agenda_ref = _agenda_ref_for(agenda, record.meeting_id, _title(record))
        decisions = sorted(set(DECISION_NO.findall(text)) | _own_decision(record))
        if agenda_ref is None and record.type == "passage":
            refs = {ref_of_decision.get((record.meeting, d)) for d in decisions} - {None}
            agenda_ref = refs.pop() if len(refs) == 1 else None
        if minute is None and record.type == "agenda_item":
            minute = minute_of_ref.get((record.meeting, record.code))
        doc = {
            "id": record.id,
            "kind": SEARCH_KIND.get(record.type, record.type),
            "committee": meeting.committee if meeting else None,
            "meeting_id": meeting.id if meeting else None,
            "meeting_date": date.fromisoformat(meeting.date) if meeting and meeting.date else None,
            "minute": minute,
            "agenda_ref": agenda_ref,
            "title": _title(record),
            "text": text,
            "source": record.source,
            "page": record.page,
            "line": record.line,
            "exempt": record.id in exempt_ids,
            "decisions": decisions,
            "decision_no": getattr(record, "decision_no", None),
            "amounts": amounts.within(record.line, text),
        }
        doc.update(_fields(record, text, resolved))
        doc.update(_people(record, text))
        doc.update(_group_keys(record, doc))
        yield doc

    entries = sorted({(a.short, a.long) for a in by_type.get("acronym", []) if a.short and a.long})
    if entries:
        yield {"id": f"glossary:{source}", "kind": GLOSSARY_KIND, "source": source,
               "entries": [list(e) for e in entries]}


def _text(record: Record) -> str:
    if record.type == "report":
        parts = [record.summary, record.recommendations, "; ".join(record.by), record.to, record.decision_no]
        return "\n".join(p for p in parts if p)
    if record.type == "action":
        return f"{record.owner} to {record.description}"
    return getattr(record, "text", "") or ""


def _title(record: Record) -> str:
    title = getattr(record, "title", None) or getattr(record, "subject", None)
    if record.type == "resolution":
        return f"Resolution: {title}" if title else "Resolution"
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

def _resolutions_by_item(by_type: dict) -> dict[str, list[str]]:
    items = by_type.get("minute_item", [])
    by_number = {(i.meeting, i.number): i.id for i in items if i.number}
    by_title = {(i.meeting, title_key(i.title)): i.id for i in items}
    out: dict[str, list[str]] = defaultdict(list)
    for res in by_type.get("resolution", []):
        item = by_number.get((res.meeting, res.minute)) if res.minute else None
        item = item or by_title.get((res.meeting, title_key(res.title)))
        if item:
            out[item].append(res.text)
    return out


# -- exempt (Part 2) business ----------------------------------------------------

def _exempt_ids(by_type: dict) -> set[str]:
    """Records of exempt business in this file.

    - agenda items the agenda marks exempt;
    - minute items that follow a motion to exclude the press and public (a
      minute titled so, or a "RESOLVED that ... the press and public be
      excluded"): only the next one when the motion is for "the following item",
      else the run of items that follows, up to an item whose agenda ref is
      of another style ("1" after the motion, then "A1" is the public part
      again) or the end of the meeting;
    - minute items whose own title says exempt;
    - resolutions and actions of those minutes; reports classified exempt or
      not for publication, and pages of documents titled like an exempt
      agenda item.
    """
    exempt: set[str] = set()
    agenda_titles: dict[str, set[str]] = defaultdict(set)
    for item in by_type.get("agenda_item", []):
        if item.exempt:
            exempt.add(item.id)
            agenda_titles[item.meeting].add(title_key(item.title))

    items_by_meeting: dict[str, list] = defaultdict(list)
    for item in by_type.get("minute_item", []):
        items_by_meeting[item.meeting].append(item)
    motions_by_meeting: dict[str, list] = defaultdict(list)
    for res in by_type.get("resolution", []):
        if EXCLUSION.search(res.text) and "excluded" in res.text.lower():
            motions_by_meeting[res.meeting].append((res.line or 0, res.text))

    exempt_minutes: set[tuple] = set()
    for meeting, items in items_by_meeting.items():
        items.sort(key=lambda i: i.line or 0)
        motions = list(motions_by_meeting.get(meeting, []))
        for item in items:
            if EXCLUSION.search(item.title):
                motions.append((item.line or 0, item.title + " " + item.text))
        for line, motion_text in motions:
            following = [i for i in items if (i.line or 0) > line and not EXCLUSION.search(i.title)]
            if not following:
                continue
            run = following[:1] if ONE_ITEM.search(motion_text) else following
            style = _ref_style(run[0].agenda_ref)
            for n, item in enumerate(run):
                if n and style is not None and _ref_style(item.agenda_ref) != style:
                    break
                exempt.add(item.id)
                exempt_minutes.add((meeting, item.number, title_key(item.title)))
        for item in items:
            if re.match(r"\s*exempt\b", item.title, re.IGNORECASE):
                exempt.add(item.id)
                exempt_minutes.add((meeting, item.number, title_key(item.title)))

    numbers = {(m, n) for m, n, _ in exempt_minutes if n}
    titles = {(m, t) for m, _, t in exempt_minutes}
    for res in by_type.get("resolution", []):
        if (res.meeting, res.minute) in numbers or (res.meeting, title_key(res.title)) in titles:
            exempt.add(res.id)
    for action in by_type.get("action", []):
        if action.minute and (action.meeting, action.minute) in numbers:
            exempt.add(action.id)
    for report in by_type.get("report", []):
        cls = report.classification or ""
        if RESTRICTED.search(cls) and "unrestricted" not in cls.lower():
            exempt.add(report.id)
        elif title_key(report.subject) in agenda_titles.get(report.meeting, ()):
            exempt.add(report.id)
    for passage in by_type.get("passage", []):
        if title_key(passage.title) in agenda_titles.get(passage.meeting, ()):
            exempt.add(passage.id)
    return exempt


def _ref_style(ref: str | None) -> str | None:
    return re.sub(r"\d+", "#", ref) if ref else None


# -- agenda refs of reports ------------------------------------------------------

def _agenda_titles(items) -> dict[str, list[tuple[set, str]]]:
    out: dict[str, list] = defaultdict(list)
    for item in items:
        if item.code:
            out[item.meeting].append((set(title_key(item.title).split()), item.code))
    return out


def _agenda_ref_for(agenda: dict, meeting: str | None, title: str) -> str | None:
    """The agenda item a report or a page of it belongs to: the item of the
    same meeting whose title shares most of its words."""
    if not meeting or meeting not in agenda:
        return None
    want = set(title_key(title).split())
    best, best_score = None, 0.5
    for have, code in agenda[meeting]:
        if not have or not want:
            continue
        score = len(want & have) / len(want | have)
        if score > best_score:
            best, best_score = code, score
    return best


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

def surname(name: str) -> str | None:
    """The surname in a name as written: "Mr P J Oakford" and "Peter Oakford,
    Cabinet Member for …" give "Oakford"; "the Chairman" gives None."""
    name = re.split(r"[,(–—]| - ", name)[0]
    parts = [p for p in re.findall(r"[A-Za-z’'-]+", name) if p.lower() not in TITLES]
    if not parts:
        return None
    last = parts[-1]
    if not last[0].isupper() or len(last) < 2 or last.lower() in ROLE_WORDS:
        return None
    return last


ROLE_WORDS = {"chairman", "chair", "officer", "director", "manager", "member", "members", "clerk",
              "head", "leader", "council", "panel", "committee", "services", "service", "team"}


def _people(record: Record, text: str) -> dict:
    names: list[str] = []
    owners: list[str] = []
    ids: list[str] = []
    if record.type == "action":
        owners = [record.owner, *record.owners]
        ids = [p for p in [record.person, *record.people] if p]
    elif record.type == "report":
        names = list(record.by)
    names.extend(m.group(1) for m in HONORIFIC_NAME.finditer(text))
    if record.type != "passage":
        names.extend(m.group(1) for m in HONORIFIC_NAME.finditer(_title(record)))
    owner_names = sorted({s for o in owners for part in re.split(r"\band\b|&|/", o) if (s := surname(part))})
    surnames = sorted({s for n in names if (s := surname(n))} | set(owner_names))
    return {"people": surnames, "owners": owner_names, "person_ids": sorted(set(ids))}


# -- duplicates ------------------------------------------------------------------

def _group_keys(record: Record, doc: dict) -> dict:
    """Two keys: the same minute told by two files shares one of them (see
    `corpus.merge`): by number when both files number it, by title when one
    (a web page) does not."""
    kind, meeting = doc["kind"], doc["meeting_id"] or f"src:{record.source}"
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
    elif record.type == "report":
        num = _business(doc)
        title = f"{kind}|{meeting}|{title_key(record.subject)}"
    elif record.type == "passage":
        # The pages of one document are one hit: its best page, the others listed.
        num = _business(doc)
        title = f"{kind}|{record.document or record.source}|{title_key(record.title)}"
    return {"group_num": num or None, "group_title": title or record.id,
            "document": getattr(record, "document", None)}


def _business(doc: dict) -> str | None:
    if doc["meeting_id"] and doc["agenda_ref"]:
        return f"business|{doc['meeting_id']}|{doc['agenda_ref']}"
    return None
