"""Facts about a file's business that need several of its records at once:
which business is exempt (Part 2), which agenda item a report, a page of a
document or a minute belongs to. Decided once, at ingest, and stored on the
records, so every command and the search index read the same answer.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ...corpus.exempt import spread_exempt
from ...corpus.records import AgendaItem, MinuteItem, Passage, Record, Report, Resolution
from ...text.keys import title_key

EXCLUSION = re.compile(
    r"(press and (the )?public (be|are|were) excluded|exclu(de|sion of) (the )?press|"
    r"exempt (business|items?)\b|private session|\bpart (2|ii)\b)", re.IGNORECASE)
ONE_ITEM = re.compile(r"following item\b", re.IGNORECASE)
EXEMPT_TITLE = re.compile(r"\s*exempt\b", re.IGNORECASE)
DECISION_NO = re.compile(r"\b\d{2}/\d{5}\b")
SAME_TITLE = 0.5  # share of words an agenda item's title and a report's must have in common


def mark_exempt(records: list[Record]) -> None:
    """Set `exempt` on the records of exempt business in this file: the
    minute items after a motion to exclude the press and public (a minute
    titled so, or a "RESOLVED that ... the press and public be excluded"):
    only the next one when the motion is for "the following item", else the
    run of items that follows, up to an item whose agenda ref is of another
    style ("1" after the motion, then "A1" is the public part again) or the
    end of the meeting; minute items whose own title says exempt. Agenda
    items the agenda marks exempt are marked by the agenda's reader. From
    those, `corpus.exempt.spread_exempt` marks the rest of the business
    (what is told on an exempt minute's lines, its resolutions and actions,
    reports and pages titled like an exempt agenda item): the rule the store
    applies again across the files of a meeting."""
    _exempt_minutes(records)
    spread_exempt(records)


def _exempt_minutes(records: list[Record]) -> None:
    """Mark the exempt minute items."""
    items_by_meeting: dict[str | None, list[MinuteItem]] = defaultdict(list)
    for item in _of(records, MinuteItem):
        items_by_meeting[item.meeting].append(item)
    motions_by_meeting: dict[str | None, list[tuple[int, str]]] = defaultdict(list)
    for res in _of(records, Resolution):
        if EXCLUSION.search(res.text) and "excluded" in res.text.lower():
            motions_by_meeting[res.meeting].append((res.line or 0, res.text))
    for meeting, items in items_by_meeting.items():
        items.sort(key=lambda i: i.line or 0)
        motions = list(motions_by_meeting.get(meeting, []))
        motions += [(i.line or 0, f"{i.title} {i.text}") for i in items if EXCLUSION.search(i.title)]
        for line, motion in motions:
            for item in _items_under_motion(items, line, motion):
                item.exempt = True
        for item in items:
            item.exempt = item.exempt or bool(EXEMPT_TITLE.match(item.title))


def _items_under_motion(items: list[MinuteItem], line: int, motion: str) -> list[MinuteItem]:
    following = [i for i in items if (i.line or 0) > line and not EXCLUSION.search(i.title)]
    if not following:
        return []
    run = following[:1] if ONE_ITEM.search(motion) else following
    style = _ref_style(run[0].agenda_ref)
    for n, item in enumerate(run):
        if n and style is not None and _ref_style(item.agenda_ref) != style:
            return run[:n]
    return run


def _ref_style(ref: str | None) -> str | None:
    return re.sub(r"\d+", "#", ref) if ref else None


def link_agenda_refs(records: list[Record]) -> None:
    """The agenda item each report and page of a document was written for (by
    title, or by the decision number of a report that has one), and the minute
    that took each agenda item (by the minute's "(Item A3)")."""
    agenda = _agenda_titles(_of(records, AgendaItem))
    for report in _of(records, Report):
        report.agenda_ref = report.agenda_ref or _agenda_ref_for(agenda, report.meeting, report.subject)
    ref_of_decision = {(r.meeting, r.decision_no): r.agenda_ref for r in _of(records, Report) if r.decision_no}
    for passage in _of(records, Passage):
        ref = _agenda_ref_for(agenda, passage.meeting, passage.title)
        if ref is None:
            refs = {ref_of_decision.get((passage.meeting, d)) for d in DECISION_NO.findall(passage.text)} - {None}
            ref = refs.pop() if len(refs) == 1 else None
        passage.agenda_ref = ref
    minute_of_ref = {(i.meeting, i.agenda_ref): i.number for i in _of(records, MinuteItem) if i.agenda_ref and i.number}
    for item in _of(records, AgendaItem):
        item.minute = item.minute or minute_of_ref.get((item.meeting, item.code))


def _agenda_titles(items: Iterable[AgendaItem]) -> dict[str | None, list[tuple[set[str], str]]]:
    out: dict[str | None, list] = defaultdict(list)
    for item in items:
        if item.code:
            out[item.meeting].append((set(title_key(item.title).split()), item.code))
    return out


def _agenda_ref_for(agenda: dict, meeting: str | None, title: str) -> str | None:
    """The agenda item of the same meeting whose title shares most of the words of `title`."""
    want = set(title_key(title).split())
    best, best_score = None, SAME_TITLE
    for have, code in agenda.get(meeting, ()) if meeting else ():
        if have and want:
            score = len(want & have) / len(want | have)
            if score > best_score:
                best, best_score = code, score
    return best


def _of(records: Iterable[Record], cls: type) -> list:
    return [r for r in records if isinstance(r, cls)]
