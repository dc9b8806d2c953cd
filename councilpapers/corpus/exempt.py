"""Exempt (Part 2) business, spread from the records a file marks to every
record of that business: in the same file, and in every other file that tells
the same meeting (the minutes printed again in the next pack, the web page).

What a file says itself (a motion to exclude the press and public before a
minute, an agenda item marked exempt) is read at ingest by
`ingest.segment.business.mark_exempt`, which then calls `spread_exempt` on
the file's records. The store calls it again, whenever a file is stored or
removed, over all the records of each meeting that file tells
(`Store.replace_source`), from each record's own flag, so a record's
`exempt` is always a stored fact: never inferred when searching or showing.

The rules, within one meeting:

- a minute item is exempt when an exempt minute item has its number (or, when
  either has no number, its title), or when its agenda ref is the code of an
  exempt agenda item;
- every record told on the lines of an exempt minute item (its resolutions,
  votes, actions, figures, the people and acronyms named there) is exempt, as
  is a resolution made under it (`Resolution.item`) or given its number or
  title, and an action given its number;
- a report classified exempt or not for publication is exempt, and reports and
  pages of documents titled like an exempt agenda item.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from ..text.keys import title_key
from .records import Action, AgendaItem, MinuteItem, Passage, Record, Report, Resolution

RESTRICTED = re.compile(r"\b(exempt|not for publication|restricted|confidential)\b", re.IGNORECASE)


def spread_exempt(records: Iterable[Record]) -> None:
    """Set `exempt` on every record of the exempt business among `records`
    (one file's, or one meeting's from many files); never clears it."""
    records = list(records)
    items = _of(records, MinuteItem)
    agenda = _of(records, AgendaItem)
    exempt_codes = {(a.meeting, a.code) for a in agenda if a.exempt and a.code}
    exempt_titles: dict[str | None, set[str]] = defaultdict(set)
    for item in agenda:
        if item.exempt:
            exempt_titles[item.meeting].add(title_key(item.title))
    _spread_over_items(items, exempt_codes)
    exempt_items = [i for i in items if i.exempt]
    numbers = {(i.meeting, i.number) for i in exempt_items if i.number}
    titles = {(i.meeting, title_key(i.title)) for i in exempt_items}
    ids = {i.id for i in exempt_items}
    spans = _spans(exempt_items)
    for record in records:
        if record.exempt or isinstance(record, (MinuteItem, AgendaItem)):
            continue
        if _in_span(record, spans):
            record.exempt = True
        elif isinstance(record, Resolution):
            record.exempt = (record.item in ids or (record.meeting, record.minute) in numbers
                             or (record.meeting, title_key(record.title)) in titles)
        elif isinstance(record, Action):
            record.exempt = bool(record.minute) and (record.meeting, record.minute) in numbers
        elif isinstance(record, Report):
            classification = (record.classification or "").lower()
            record.exempt = bool(RESTRICTED.search(classification) and "unrestricted" not in classification) \
                or title_key(record.subject) in exempt_titles.get(record.meeting, ())
        elif isinstance(record, Passage):
            record.exempt = title_key(record.title) in exempt_titles.get(record.meeting, ())


def _spread_over_items(items: list[MinuteItem], exempt_codes: set[tuple]) -> None:
    """Minute items exempt because another telling of them is, or their agenda item."""
    numbers = {(i.meeting, i.number) for i in items if i.exempt and i.number}
    titles = {(i.meeting, title_key(i.title)) for i in items if i.exempt}
    for item in items:
        if item.exempt:
            continue
        if item.number:
            same = (item.meeting, item.number) in numbers
        else:  # an unnumbered telling (a web page) is the same item by its title
            same = (item.meeting, title_key(item.title)) in titles
        item.exempt = same or (item.meeting, item.agenda_ref) in exempt_codes


def _spans(items: list[MinuteItem]) -> dict[str, list[tuple[int, int]]]:
    """The lines each exempt minute item is told on, by source."""
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for item in items:
        if item.line is not None:
            spans[item.source].append((item.line, item.end_line or item.line))
    return spans


def _in_span(record: Record, spans: dict[str, list[tuple[int, int]]]) -> bool:
    if record.line is None:
        return False
    return any(first <= record.line <= last for first, last in spans.get(record.source, ()))


def _of(records: Iterable[Record], cls: type) -> list:
    return [r for r in records if isinstance(r, cls)]
