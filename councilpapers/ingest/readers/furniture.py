"""Running headers and footers ("furniture") of paged text, shared by the PDF
reader and the text reader (form-feed pages).

A line is furniture when it sits near the top or bottom of its page and either
- recurs, digits aside, at the edge of at least half the pages (and at least
  `MIN_REPEATS` pages): "KENT COUNTY COUNCIL — Corporate Parenting Panel",
  "Page 3 of 54", "15 January 2026" — where positions are known, at the same
  height on those pages, as a running header is set (an "(Item 4)" line under
  an item's title opens many pages too, but wherever the title ends); or
- is a lone page number as the first or last line of a page: "Page 7",
  "Page 7 of 54", "- 7 -", or a bare "7" when it agrees with the page's position.

A line that merely happens to open or close a page once (an agenda banner such
as "Agenda Item B1", a heading) stays body text: a later segmenter needs it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ...text.spacing import squash
from ..model import Line

EDGE_LINES = 3  # how many lines at the top and at the bottom of a page can be furniture
MIN_REPEATS = 3  # a running header must recur on at least this many pages...
MIN_SHARE = 0.5  # ...and on at least this share of the pages
SAME_HEIGHT = 3.0  # points: a running header's top on one page and another

PAGE_LABEL = re.compile(r"(?:page\s+\d+(?:\s+of\s+\d+)?|-\s*\d+\s*-)", re.IGNORECASE)
BARE_NUMBER = re.compile(r"\d{1,4}")


def shape(text: str) -> str:
    """A line's form with digits masked, so "Page 3 of 54" and "Page 4 of 54" match."""
    return squash(re.sub(r"\d+", "#", text)).casefold()


def mark_furniture(pages: list[list[str]], layouts: list[list[dict | None]] | None = None) -> list[Line]:
    """Number the lines of `pages` 1-based across all pages, each with its
    1-based page, and mark running headers and footers. `layouts`, in the shape
    of `pages`, gives each line's layout keywords (see `Line`) or None.

    Blank entries count in the numbering (so a text file's blank lines keep its
    line numbers) but are not returned.
    """
    edges = [_edge_positions(page) for page in pages]
    repeated = _repeated_shapes(pages, edges, layouts)
    bare_number_offsets = _bare_number_offsets(pages)

    lines: list[Line] = []
    number = 0
    for page_index, page in enumerate(pages):
        page_number = page_index + 1
        top, bottom = edges[page_index]
        outermost = {top[0], bottom[-1]} if top else set()
        page_layouts = layouts[page_index] if layouts else ()
        for position, text in enumerate(page):
            number += 1
            if not text.strip():
                continue
            furniture = False
            if position in top or position in bottom:
                furniture = shape(text) in repeated or (
                    position in outermost
                    and _is_page_number(text, page_number, bare_number_offsets)
                )
            layout = page_layouts[position] if page_layouts else None
            lines.append(Line(number, page_number, text, furniture, **(layout or {})))
    return lines


def _edge_positions(page: list[str]) -> tuple[list[int], list[int]]:
    """Positions of the first and last EDGE_LINES non-blank lines of a page."""
    filled = [i for i, text in enumerate(page) if text.strip()]
    return filled[:EDGE_LINES], filled[-EDGE_LINES:]


def _repeated_shapes(pages: list[list[str]], edges: list[tuple[list[int], list[int]]],
                     layouts: list[list[dict | None]] | None) -> set[str]:
    # shape -> (page, the line's top or None) of each page it is at an edge of
    places: dict[str, dict[int, float | None]] = defaultdict(dict)
    for page_index, (page, (top, bottom)) in enumerate(zip(pages, edges)):
        for i in set(top) | set(bottom):
            layout = layouts[page_index][i] if layouts and layouts[page_index] else None
            places[shape(page[i])].setdefault(page_index, layout.get("top") if layout else None)
    # A bare number ("#") recurs at page edges in any table of figures: it is
    # left to the page-number test, which checks it against the page position.
    places.pop("#", None)
    needed = max(MIN_REPEATS, MIN_SHARE * len(pages))
    return {s for s, tops in places.items() if _pages_at_one_height(list(tops.values())) >= needed}


def _pages_at_one_height(tops: list[float | None]) -> int:
    """How many of the pages a line shape is on have it at one height (all of
    them where heights are unknown)."""
    known = [top for top in tops if top is not None]
    if len(known) < len(tops):
        return len(tops)
    return max(sum(abs(other - top) <= SAME_HEIGHT for other in known) for top in known)


def _bare_number_offsets(pages: list[list[str]]) -> Counter[int]:
    """How often each "printed number minus page position" occurs for bare
    numbers on a page's first or last line: a run of pages printed 128, 129,
    130 shares one offset (127); an agenda item "1" at the top of page 9 does not."""
    offsets: Counter[int] = Counter()
    for page_index, page in enumerate(pages):
        filled = [text.strip() for text in page if text.strip()]
        for text in {filled[0], filled[-1]} if filled else ():
            if BARE_NUMBER.fullmatch(text):
                offsets[int(text) - (page_index + 1)] += 1
    return offsets


def _is_page_number(text: str, page_number: int, bare_number_offsets: Counter[int]) -> bool:
    text = text.strip()
    if PAGE_LABEL.fullmatch(text):
        return True
    if BARE_NUMBER.fullmatch(text):
        offset = int(text) - page_number
        return offset == 0 or bare_number_offsets[offset] >= 2
    return False
