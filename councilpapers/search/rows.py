"""A search document as the engines index it (`IndexRow`): its words already
analysed (`analysis`), so an engine's text fields split on spaces only, its
keys for filters and duplicates, and the payload a hit is made from. Both
engines take these rows and declare their schemas from the field lists here,
so the two index the same fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import analysis
from . import query as Q
from ..text.dates import month_name

if TYPE_CHECKING:
    from .documents import SearchDocument

# Exact values: filters, duplicate keys, facets.
KEY_FIELDS = ("kind", "meeting_id", "minute", "agenda_ref", "source", "mref", "group_num",
              "group_title", "exempt", "year", "committee_name")
SORTED_FIELDS = ("kind", "year", "committee_name")  # facets count them
FACETS = {"committee": "committee_name", "year": "year", "kind": "kind"}
# Analysed terms, space-separated, with positions for phrases.
TERM_FIELDS = ("text", "title", "meta", "committee", "people", "owners")
LIST_FIELDS = ("decision", "person_ids")  # several exact values each
# BM25F: each part of a record weighs by repetition in the one searched field.
FIELD_WEIGHTS = {"title": 3, "resolved": 2, "body": 1, "heading": 1}
GAP = "|"  # a term no word analyses to: phrases never run from one part into the next


@dataclass
class IndexRow:
    id: str
    payload: str  # JSON: what a hit shows (see `to_row`)
    date: int = 0  # yyyymmdd; 0 for undated, which sorts last
    amount: list[float] = field(default_factory=list)
    # KEY_FIELDS
    kind: str | None = None
    meeting_id: str | None = None
    minute: str | None = None
    agenda_ref: str | None = None  # upper case
    source: str | None = None
    mref: str | None = None  # "meeting|agenda ref": minutes of an exempt agenda item
    group_num: str | None = None
    group_title: str | None = None
    exempt: str | None = None  # "1" when exempt
    year: str | None = None
    committee_name: str | None = None
    # TERM_FIELDS
    text: str = ""
    title: str = ""
    meta: str = ""  # the committee and the meeting's date in words
    committee: str = ""
    people: str = ""
    owners: str = ""
    # LIST_FIELDS
    decision: list[str] = field(default_factory=list)
    person_ids: list[str] = field(default_factory=list)


def to_row(doc: SearchDocument) -> IndexRow:
    if not doc.id:
        raise ValueError(f"search document without an id: {doc!r:.200}")
    day, committee = doc.meeting_date, doc.committee
    meta = " ".join(x for x in (committee, f"{day.day} {month_name(day.month)} {day.year}" if day else None) if x)
    meeting_id, agenda_ref = doc.meeting_id, doc.agenda_ref
    decisions = list(doc.decisions)
    date_number = Q.day_number(day) if day else 0
    group_title = doc.group_title or doc.id
    payload = {
        "id": doc.id, "kind": doc.kind, "committee": committee,
        "meeting_id": meeting_id, "meeting_date": day.isoformat() if day else None,
        "date": date_number,
        "minute": _str(doc.minute), "agenda_ref": _str(agenda_ref),
        "title": doc.title, "text": doc.text, "source": doc.source,
        "page": doc.page, "line": doc.line,
        "exempt": bool(doc.exempt), "decisions": decisions, "decision_no": doc.decision_no,
        "group_num": doc.group_num, "group_title": group_title,
        "document": doc.document,
    }
    return IndexRow(
        id=doc.id,
        payload=json.dumps(payload, ensure_ascii=False),
        date=date_number,
        amount=list(doc.amounts),
        kind=doc.kind,
        meeting_id=meeting_id,
        minute=_str(doc.minute),
        agenda_ref=_str(agenda_ref).upper() if agenda_ref else None,
        source=doc.source,
        mref=f"{meeting_id}|{agenda_ref}" if meeting_id and agenda_ref else None,
        group_num=doc.group_num,
        group_title=group_title,
        exempt="1" if doc.exempt else None,
        year=str(day.year) if day else None,
        committee_name=committee,
        text=_weighted_text({"title": doc.index_title, "resolved": doc.resolved, "body": doc.body,
                             "heading": doc.heading}),
        title=analysis.joined(doc.index_title),
        meta=analysis.joined(meta),
        committee=analysis.joined(committee),
        people=analysis.joined(" ".join(doc.people)),
        owners=analysis.joined(" ".join(doc.owners)),
        decision=decisions,
        person_ids=list(doc.person_ids),
    )


def _weighted_text(parts: dict) -> str:
    out = []
    for name, weight in FIELD_WEIGHTS.items():
        terms = analysis.joined(parts.get(name))
        if terms:
            out.extend([terms] * weight)
    return f" {GAP} ".join(out)


def _str(value) -> str | None:
    return None if value is None else str(value)
