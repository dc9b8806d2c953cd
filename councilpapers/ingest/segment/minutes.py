"""A set of minutes: from its heading to the next document, split into items."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ...corpus.records import MinuteItem
from ..model import Line
from .headings import MeetingHeading
from .items import ItemHeading, find_items
from .sign_off import is_sign_off

# What starts another document inside a pack: the banner the pack prints on a
# report's first page, or a report cover sheet.
NEXT_DOCUMENT = re.compile(r"^\s*(?:Agenda Item\s+[A-Z]?\d+[a-z]?\s*$|By:\s|From:\s)")


MINUTES_KINDS = ("minutes", "web")
SIGN_OFF_BLOCK = 3  # lines: sign-off lines this close together are one sign-off


@dataclass
class MinutesItem:
    """An item's span: its heading, and the line after its last."""

    heading: ItemHeading
    end: int
    record: MinuteItem | None = None  # the record made of it, once extraction has
    skip: frozenset[int] = field(default_factory=frozenset)  # sign-off lines inside it: not its text

    def body(self, lines: list[Line]) -> list[Line]:
        """The lines of the item's text: after its heading (or the rest of a
        heading line its text starts on), without the sign-off lines."""
        body = [lines[i] for i in range(self.heading.body_start, self.end) if i not in self.skip]
        if self.heading.rest is not None and body and self.heading.body_start not in self.skip:
            body[0] = replace(body[0], text=self.heading.rest)
        return body


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
        skip = frozenset(i for i in range(heading.end, end) if is_sign_off(lines[i].text))
        headings = find_items(lines, heading.end, end, skip)
        end = _closing(headings, skip, end)
        items = _items([h for h in headings if h.index < end], skip, end)
        sections.append(MinutesSection(heading, heading.index, end, items))
    return sections


def _closing(headings: list[ItemHeading], skip: frozenset[int], end: int) -> int:
    """Where the minutes end: at the last sign-off after the last numbered
    item (or the last item, where none is numbered), else at `end`. What
    follows it ("Date of Next Meeting: …" under the chair's signature) is
    not part of an item."""
    numbered = [h.index for h in headings if h.number is not None] or [h.index for h in headings]
    after = sorted(i for i in skip if i > (numbered[-1] if numbered else -1))
    if not after:
        return end
    # The last sign-off block may take several lines (a dotted line, the date
    # it wraps, "CHAIRPERSON"): the minutes end at its first.
    closing = after[-1]
    for i in reversed(after[:-1]):
        if closing - i > SIGN_OFF_BLOCK:
            break
        closing = i
    return closing


def _items(headings: list[ItemHeading], skip: frozenset[int], end: int) -> list[MinutesItem]:
    items = []
    for n, heading in enumerate(headings):
        item_end = headings[n + 1].index if n + 1 < len(headings) else end
        items.append(MinutesItem(heading, item_end, skip=frozenset(i for i in skip if heading.index < i < item_end)))
    return items
