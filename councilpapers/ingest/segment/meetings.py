"""Every meeting a file names, in order: a front sheet, web page or title block
that opens it, and each set of minutes it holds (a pack bundles several)."""

from __future__ import annotations

from datetime import date

from ..model import Line
from .headings import (
    MeetingHeading, front_sheet, group_minutes_heading, minutes_heading, titled_minutes, titled_pack, web_page,
)
from .title_block import title_block_heading

TOP_LINES = 4  # a heading starting this near the top opens the file



def find_meeting_headings(lines: list[Line], context: date | None = None) -> list[MeetingHeading]:
    """Every meeting heading, in order. `context` is a date the file is known
    to be about, for headings that leave the year out."""
    headings: list[MeetingHeading] = []
    front = front_sheet(lines) or web_page(lines) or titled_minutes(lines) or titled_pack(lines)
    if front:
        headings.append(front)
        context = context or front.date
    i = 0
    while i < len(lines):
        heading = minutes_heading(lines, i, context) or group_minutes_heading(lines, i, context)
        if heading:
            headings.append(heading)
            i = heading.end
        else:
            i += 1
    opening = next((h for h in headings if h.index < TOP_LINES), None)
    if opening is None or opening.date is None:
        block = title_block_heading(lines, context)
        if block and opening is None:
            headings.insert(0, block)
        elif block and block.committee == opening.committee:
            opening.date = block.date  # the heading's sentence left the date to the title above it
    return headings
