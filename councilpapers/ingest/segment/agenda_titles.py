"""An agenda item's title and page range, read from the lines below its code.

A title wraps over lines and its page range may sit anywhere near it: at the
end of its first line, on a line of its own, split over the wrap ("(Pages" /
"461 - 610)"), or, where the range is printed in a right-hand column, in the
middle of the title as text extraction orders it ("… 9 January (Pages 1 - 26)"
/ "2025 and, if in order, …"). A line continues the title when it cannot start
anything else (lowercase, a number running on, the title broke after "of" or
"and"), or when the line above was full to the title column's width and this
one ends the item. What follows the title is the item's body: a description
("To receive a report …"), a "- To follow" note, sub-items ("5.1", "a)"), or,
in a parish agenda, entries stacked in a second column ("7. Policy Reviews -
Asset Register" over "Financial Regulations" / "Standing Orders"), whose first
entry shares the title's line after a dash and is no part of the title.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ...text.dates import MONTH_WORD
from ...text.spacing import squash
from ..model import Line

PAGES = re.compile(
    r"[(\[]\s*Pages?\s+(?P<first>\d+)(?:\s*(?:-|–|to)\s*(?P<last>\d+))?\s*[)\]]"
    r"|\bPages?\s+(?P<first_bare>\d+)\s*(?:-|–|to)\s*(?P<last_bare>\d+)\s*$",
    re.IGNORECASE,
)
PAGES_OPEN = re.compile(r"[(\[]\s*Pages?\b[^)\]]*$", re.IGNORECASE)
PAGES_ONLY = re.compile(r"^\s*[(\[]?\s*Pages?\s+\d+(?:\s*(?:-|–|to)\s*\d+)?\s*[)\]]?\s*$", re.IGNORECASE)
SUB_ITEM = re.compile(r"^\s*(?:\d{1,2}\.\d{1,2}\.?|\(?[a-z]\)|\([ivx]{1,4}\)|[ivx]{1,4}\))\s*\S")
# A title runs on after a word that cannot end it.
WRAPS_ON = re.compile(
    r"(?:[,&/–-]|\b(?:of|on|and|or|the|to|for|in|at|with|from|by|a|an|into|under|between|including|per|its|their))"
    r"\s*$",
    re.IGNORECASE,
)
# "2025 and, if in order, …", "17. (Pages 47 - 50)": a number that wrapped, not a
# reference; a year alone only after its month ("… held on 7 January" / "2025").
NUMBER_RUNS_ON = re.compile(r"^\d{1,4}[.,]?\s+[a-z(]")
YEAR_ALONE = re.compile(r"^(?:19|20)\d\d[.,]?$")
ENDS_WITH_MONTH = re.compile(rf"\b{MONTH_WORD}$", re.IGNORECASE)
# What an item's body opens with, never its title.
DESCRIPTION = re.compile(
    r"^\s*(?:To\s+[a-z]|NOTE\b|Note\s*[:–-]|Purpose\b|Summary\b|Members\s+(?:are|will)\b"
    r"|(?:The|This)\s+(?:\w+\s+){1,3}(?:is|are|will|has|have|was|were)\b"
    r"|(?:Report|Presentation|Update)\s+(?:of|by|from)\b"
    r"|[A-Z][\w’']*(?:\s+[\w’']+){0,2}\s*:(?:\s|$))"  # "Report of: …", "Wards affected: All", "Lead Member: …"
)
# "- To follow", "(Report to follow)": a note that the paper comes later.
TO_FOLLOW = re.compile(
    r"\s*(?:(?:[-–]\s*|\(\s*)(?:(?:report|papers?)\s+)?|\s+(?:report|papers?)\s+)to\s+follow\s*\)?\.?\s*$",
    re.IGNORECASE,
)
TO_FOLLOW_LINE = re.compile(r"^\s*[-–(]?\s*(?:(?:report|papers?)\s+)?to\s+follow\b", re.IGNORECASE)
# A section heading between items: "B - Key Decisions", "C. ITEMS FOR INFORMATION".
SECTION = re.compile(r"^\s*[A-Z]\s*[-–.)]\s+\S")
CODE_ONLY = re.compile(r"^\s*(?:Item\s+)?\(?[A-Z]?\d{1,3}[a-z]?[.):]?\s*$", re.IGNORECASE)
INDENT = 6.0  # points right of a title's start that a stacked entry begins, at least
STACKED = " - "  # where a parish title ends and its first stacked entry begins
MAX_TITLE_LINES = 5
MAX_BODY_LINES = 12  # how far below its title an item's own page range is looked for
MAX_ENTRY_WORDS = 10
FULL = 0.9  # a line this near the title column's width (and the next word too long) wrapped


@dataclass
class Title:
    text: str
    first_page: int | None
    last_page: int | None
    end: int  # the line after the title's last


@dataclass(frozen=True)
class ColumnWidth:
    """How wide the title column is: in points when the reader gives each line's
    right edge, else in characters. A title's line that the next word would not
    have fitted on wrapped."""

    right: float
    in_points: bool

    def is_full(self, line: Line, text: str, next_word: str) -> bool:
        right, per_char = _right_edge(line) if self.in_points else (len(text), 1.0)
        if right is None:
            return False
        return right + (len(next_word) + 1) * per_char >= FULL * self.right


def column_width(lines: Sequence[Line], titles: Sequence[tuple[int, str]]) -> ColumnWidth | None:
    """The width of the title column from the item lines `titles` (index, the
    text after the code): the widest of them, at least two being needed."""
    if len(titles) < 2:
        return None
    edges = [_right_edge(lines[i])[0] for i, _ in titles]
    if all(edge is not None for edge in edges):
        return ColumnWidth(max(edges), True)
    return ColumnWidth(max(len(bare(text)) for _, text in titles), False)


def read_title(
    lines: Sequence[Line], i: int, end: int, first: str, width: ColumnWidth | None,
    ends_item: Callable[[int], bool],
) -> Title | None:
    """The title of the item whose code is on line `i` (`first`: the text after
    the code), up to `end`; `ends_item(k)` says whether line k starts the next
    item or a heading. None when the code has no title."""
    j, parts, title_at = i + 1, [first.strip(" \t:–-")], i
    if not parts[0]:
        # The code stands in its own column or line; the title is the next text.
        k = _next_text(lines, i + 1, end)
        if k is None or ends_item(k) or SUB_ITEM.match(lines[k].text) or PAGES_ONLY.match(lines[k].text):
            return None
        parts, j, title_at = [lines[k].text.strip()], k + 1, k
    while j < end and len(parts) < MAX_TITLE_LINES:
        text = lines[j].text.strip()
        if not text or _blank_before(lines, j):
            if PAGES_OPEN.search(" ".join(parts)):  # "(Pages 33" / "" / "- 38)"
                if text:
                    parts.append(text)
                j += 1
                continue
            break
        if ends_item(j) or not _continues(lines, j, end, parts, width, ends_item):
            break
        parts.append(text)
        j += 1
    return _finished(lines, " ".join(parts), title_at, j, end, ends_item)


def _continues(
    lines: Sequence[Line], j: int, end: int, parts: list[str], width: ColumnWidth | None,
    ends_item: Callable[[int], bool],
) -> bool:
    title, text = " ".join(parts), lines[j].text.strip()
    if PAGES_OPEN.search(title):
        return True
    if SUB_ITEM.match(text) or TO_FOLLOW_LINE.match(text) or DESCRIPTION.match(text):
        return False
    title_bare = bare(title)
    if title_bare.endswith(":"):
        return False  # what follows a colon is a list
    if not PAGES.search(title) and (PAGES.search(text) or PAGES_OPEN.search(text)):
        return True  # the range closes the title: "November 2015, and update (Pages 9 - 42)"
    if PAGES_ONLY.match(text) or PAGES_OPEN.match(text):
        return False  # a second range
    if text[0].islower() or WRAPS_ON.search(title_bare) or NUMBER_RUNS_ON.match(text):
        return True
    if YEAR_ALONE.match(text):
        return bool(ENDS_WITH_MONTH.search(title_bare))
    heading = text.isupper() and not title_bare.isupper()
    if width is None or heading or SECTION.match(text) or not re.search(r"[^\W\d_]", text):
        return False  # a heading, or a page's number
    previous = lines[j - 1]
    return width.is_full(previous, bare(parts[-1]), text.split()[0]) and _ends_block(lines, j + 1, end, ends_item)


def _ends_block(lines: Sequence[Line], k: int, end: int, ends_item: Callable[[int], bool]) -> bool:
    """The line before `k` is the last of its title's lines: the item, or its
    title, ends at `k`."""
    if k >= end or _blank_before(lines, k):
        return True
    text = lines[k].text
    return (not text.strip() or ends_item(k) or bool(PAGES_ONLY.match(text) or SUB_ITEM.match(text)
            or TO_FOLLOW_LINE.match(text) or DESCRIPTION.match(text)))


def _finished(
    lines: Sequence[Line], title: str, title_at: int, j: int, end: int, ends_item: Callable[[int], bool],
) -> Title:
    """The title cleaned, its page range, else the range of its body (a
    description's or its sub-items'), and a parish title cut before the first
    of its stacked entries."""
    body = _body(lines, j, end, ends_item)
    ranges = [_range(match) for match in PAGES.finditer(title)][:1]
    if not ranges:
        ranges = [_range(match) for line in body for match in PAGES.finditer(line.text)]
        if STACKED in _spaced(title) and _has_stacked_entries(lines, title_at, j, end, ends_item):
            title = _spaced(title).split(STACKED, 1)[0]
    text = squash(TO_FOLLOW.sub("", bare(title))).strip(" .;:,–-")
    first = min((r[0] for r in ranges), default=None)
    last = max((r[1] for r in ranges), default=None)
    return Title(text, first, last, j)


def _body(lines: Sequence[Line], j: int, end: int, ends_item: Callable[[int], bool]) -> list[Line]:
    body = []
    for k in range(j, min(end, j + MAX_BODY_LINES)):
        if ends_item(k):
            break
        if lines[k].text.strip():
            body.append(lines[k])
    return body


def _has_stacked_entries(
    lines: Sequence[Line], title_at: int, j: int, end: int, ends_item: Callable[[int], bool],
) -> bool:
    """Two or more short entries straight below the title (no blank line
    between), none a sentence, and, where the reader gives positions, each
    set in a column right of where the title starts."""
    left = _title_left(lines[title_at])
    count = 0
    for k in range(j, min(end, j + MAX_BODY_LINES)):
        text = lines[k].text.strip()
        if not text or ends_item(k) or _blank_before(lines, k):
            break
        x0 = getattr(lines[k], "x0", None)
        if (DESCRIPTION.match(text) or SUB_ITEM.match(text) or PAGES.search(text) or text.endswith(".")
                or len(text.split()) > MAX_ENTRY_WORDS or (left is not None and x0 is not None
                                                          and x0 < left + INDENT)):
            return False
        count += 1
    return count >= 2


def _title_left(line: Line) -> float | None:
    """Where a title's text starts: after its code's cell, else the line's edge."""
    cells = getattr(line, "cells", None) or ()
    if len(cells) > 1 and CODE_ONLY.match(cells[0].text) and cells[1].x0 is not None:
        return cells[1].x0
    return getattr(line, "x0", None)


def _range(match: re.Match) -> tuple[int, int]:
    first = int(match["first"] or match["first_bare"])
    last = match["last"] or match["last_bare"]
    return first, int(last) if last else first


def bare(text: str) -> str:
    """`text` without its page range."""
    return squash(PAGES.sub(" ", text))


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("–", "-"))


def _right_edge(line: Line) -> tuple[float | None, float]:
    """Where a title's text ends on the page, and a character's width there:
    from the line's cells less a page range, else the line's own edges; None
    where the reader gives no positions."""
    x0, x1, text = getattr(line, "x0", None), getattr(line, "x1", None), line.text
    cells = [c for c in getattr(line, "cells", None) or () if not PAGES_ONLY.match(c.text)]
    if cells and all(c.x1 is not None for c in cells):
        x1, text = max(c.x1 for c in cells), " ".join(c.text for c in cells)
    if x0 is None or x1 is None or x1 <= x0:
        return None, 1.0
    return x1, (x1 - x0) / max(1, len(text.strip()))


def _next_text(lines: Sequence[Line], i: int, end: int) -> int | None:
    while i < end and not lines[i].text.strip():
        i += 1
    return i if i < end else None


def _blank_before(lines: Sequence[Line], i: int) -> bool:
    """Readers drop blank lines but keep the numbering: a jump means a blank."""
    return 0 < i < len(lines) and lines[i].number - lines[i - 1].number > 1
