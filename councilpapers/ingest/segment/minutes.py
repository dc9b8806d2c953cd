"""A set of minutes: from its heading to the next document, split into items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...corpus.records import MinuteItem
from ..model import Line
from .headings import MeetingHeading
from .items import ItemHeading, find_items

# What starts another document inside a pack: the banner the pack prints on a
# report's first page, or a report cover sheet.
NEXT_DOCUMENT = re.compile(r"^\s*(?:Agenda Item\s+[A-Z]?\d+[a-z]?\s*$|By:\s|From:\s)")


MINUTES_KINDS = ("minutes", "web")


@dataclass
class MinutesItem:
    """An item's span: its heading, and the line after its last."""

    heading: ItemHeading
    end: int
    record: MinuteItem | None = None  # the record made of it, once extraction has


@dataclass
class MinutesSection:
    heading: MeetingHeading
    start: int
    end: int
    items: list[MinutesItem]


def minutes_sections(lines: list[Line], headings: list[MeetingHeading]) -> list[MinutesSection]:
    sections = []
    starts = [h.index for h in headings] + [len(lines)]
    for n, heading in enumerate(headings):
        if heading.kind not in MINUTES_KINDS:
            continue
        end = starts[n + 1]
        for i in range(heading.end, end):
            if NEXT_DOCUMENT.match(lines[i].text):
                end = i
                break
        sections.append(MinutesSection(heading, heading.index, end, _items(lines, heading.end, end)))
    return sections


def _items(lines: list[Line], start: int, end: int) -> list[MinutesItem]:
    headings = find_items(lines, start, end)
    items = []
    for n, heading in enumerate(headings):
        item_end = headings[n + 1].index if n + 1 < len(headings) else end
        items.append(
            MinutesItem(heading, item_end)
        )
    return items
