"""What a report prints above its labelled fields: its title, and often the
meeting it is for, as a heading of lines without labels —

    Kingston and North Kingston Neighbourhood Committee     the body (bold)
    15 January 2026                                         the meeting's date
    Coombe Lane West Zebra Crossing - Local Consultation    the title (bold)
    Report by Matthew Hill, Director …                      the first label

    Finance Monitoring Report                               the title (large)
    As at November 2024-25 – Quarter 3                      a subtitle
    By          Deputy Leader …                             the first label

The heading runs up from the first label to the top of its page, a sentence,
a banner ("Agenda Item 5") or a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.dates import DATE_PHRASE, NUMERIC_DATE
from ...text.spacing import squash
from ..model import Line
from .agenda import BANNER, is_date_line
from .cover_labels import read_label
from .title_block import BODY_WORDS

MAX_HEADING_LINES = 6
MAX_TITLE_CHARS = 160
SENTENCE_END = re.compile(r"[.;]\s*$")


@dataclass(frozen=True)
class CoverHeading:
    """The heading above a cover sheet: where it starts, the report's title,
    and the meeting it names ("Committee - 15 January 2026") when it does."""

    index: int
    title: str | None
    to: str | None


def heading_above(lines: list[Line], start: int, body_size: float | None) -> CoverHeading | None:
    """The heading above the label at `start`, or None when there is none."""
    above = _lines_above(lines, start)
    if not above:
        return None
    date_at = next((k for k in reversed(above) if _is_date(lines[k].text)), None)
    to = _meeting_named(lines, above, date_at)
    title_lines = [k for k in above if date_at is None or k > date_at]
    if to and date_at is None:
        title_lines = title_lines[1:]  # "Planning Committee – 15 January 2026" names the meeting
    if not (to or date_at is not None):
        # Without a meeting named, only lines the layout sets apart are a title.
        title_lines = [k for k in title_lines if _set_apart(lines[k], body_size)]
        if title_lines != above[len(above) - len(title_lines):]:
            title_lines = []
    title = _title(lines, title_lines)
    if not title and not to:
        return None
    return CoverHeading(index=above[0], title=title, to=to)


def _lines_above(lines: list[Line], start: int) -> list[int]:
    """The lines of the heading, top first."""
    found: list[int] = []
    k = start - 1
    while k >= 0 and len(found) < MAX_HEADING_LINES:
        line, below = lines[k], lines[k + 1]
        text = line.text.strip()
        if not text or below.number - line.number > 1 or (line.page != below.page and line.page is not None):
            break
        if BANNER.match(text) or SENTENCE_END.search(text) or len(text) > MAX_TITLE_CHARS or read_label(line):
            break
        found.append(k)
        k -= 1
    return found[::-1]


def _is_date(text: str) -> bool:
    return bool(DATE_PHRASE.search(text) or NUMERIC_DATE.search(text)) and is_date_line(text)


def _meeting_named(lines: list[Line], above: list[int], date_at: int | None) -> str | None:
    """'Committee - 15 January 2026' from a body's line and the date line below
    it, or a body's line that holds its date."""
    if date_at is not None:
        body = next((k for k in reversed(above) if k < date_at and BODY_WORDS.search(lines[k].text)), None)
        if body is None:
            return None
        return f"{squash(lines[body].text)} - {squash(lines[date_at].text)}"
    first = lines[above[0]].text
    has_date = DATE_PHRASE.search(first) or NUMERIC_DATE.search(first)
    return squash(first) if has_date and BODY_WORDS.search(first) else None


def _set_apart(line: Line, body_size: float | None) -> bool:
    if getattr(line, "bold", None):
        return True
    size = getattr(line, "size", None)
    return bool(size and body_size and size > body_size * 1.1)


def _title(lines: list[Line], title_lines: list[int]) -> str | None:
    """The title's lines joined: a line in the same type as the one before
    continues it; one in another size is a subtitle, after a dash."""
    parts: list[str] = []
    previous: Line | None = None
    for k in title_lines:
        line = lines[k]
        text = squash(line.text)
        if previous is not None and line.size is not None and previous.size is not None \
                and abs(line.size - previous.size) > 0.5:
            parts.append("–")
        parts.append(text)
        previous = line
    return " ".join(parts) or None


