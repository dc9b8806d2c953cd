"""The items listed on an agenda front sheet, and where the front sheet ends.

Kent prints "A4 Minutes of the meeting ... (Pages 7 - 18)" or the code alone
("B1") with the title on the next line; the Cabinet prints "3. Minutes of the
Meeting ...". Titles wrap, and so does the page range ("(Pages 47" / "- 68)").
Items listed after the motion to exclude the press and public are exempt.
"""

from __future__ import annotations

import re
from ...corpus.records import AgendaItem
from ...text.dates import find_date
from ..model import Line
from .headings import MINUTES_OF

CODE_LINE = re.compile(r"^\s*(?P<code>(?P<letter>[A-Z])?(?P<number>\d{1,2})[a-z]?)(?:\.\s*|\s+|$)(?P<title>.*)$")
PAGES = re.compile(r"\(\s*Pages?\s+(?P<first>\d+)(?:\s*[-–]\s*(?P<last>\d+))?\s*\)", re.IGNORECASE)
PAGES_OPEN = re.compile(r"\(\s*Pages?\b[^)]*$", re.IGNORECASE)
EXEMPT_HEADING = re.compile(
    r"^\s*(?:EXEMPT\s+(?:ITEMS|BUSINESS)|MOTION\s+TO\s+EXCLUDE\s+(?:THE\s+)?PRESS\s+AND\s+PUBLIC"
    r"|PART\s+(?:2|II)\b|Exclusion\s+of\s+(?:the\s+)?(?:press|public))",
    re.IGNORECASE,
)
OPEN_HEADING = re.compile(r"^\s*(?:UNRESTRICTED\s+ITEMS|PART\s+(?:1|I)\b)", re.IGNORECASE)
# The title runs on when the line breaks after a word that cannot end it.
WRAPS_ON = re.compile(r"(?:,|\b(?:of|on|and|the|to|for|in|at|with|from|by|a|an|&|-|–))\s*$", re.IGNORECASE)
MAX_TITLE_LINES = 5

# Where the next document of a pack starts, so where the front sheet ends.
BANNER = re.compile(r"^\s*Agenda\s+Item\s+(?:No\.?\s*)?[A-Z]?\d{1,3}[a-z]?\s*$", re.IGNORECASE)
COVER_SHEET_LABEL = re.compile(r"^\s*(?:By|From)\s*:")
# The clerk's signature closes a front sheet: "Peter Sass / Head of Democratic
# Services / 03000 416647 / Tuesday, 14 July 2015".
SIGNATORY = re.compile(
    r"^\s*(?:Head\s+of\s+Democratic\s+Services|Democratic\s+Services\s+Manager|General\s+Counsel"
    r"|Monitoring\s+Officer|Chief\s+Executive|Proper\s+Officer|Director\s+of\s+(?:Law|Legal)\b.*)\s*$",
    re.IGNORECASE,
)
CLOSING_NOTE = re.compile(r"^\s*Please\s+note\b", re.IGNORECASE)


def find_agenda_items(lines: list[Line], start: int, end: int) -> list[AgendaItem]:
    """The items listed between `start` and `end`, each at the line of its code."""
    items: list[AgendaItem] = []
    exempt = False
    i = start
    while i < end:
        text = lines[i].text
        if EXEMPT_HEADING.match(text):
            exempt = True
        elif OPEN_HEADING.match(text):
            exempt = False
        match = CODE_LINE.match(text)
        codes = [item.code for item in items]
        if not match or not _next_code(codes, match) or match["title"].lstrip().startswith("(Page"):
            i += 1
            continue
        title_start, parts = i + 1, [match["title"].strip()]
        if not parts[0]:
            # The code stands alone; the title is the next line with text.
            k = _next_text(lines, i + 1, end)
            if k is None or _is_code(lines[k].text, [*codes, match["code"]]):
                i += 1
                continue
            parts, title_start = [lines[k].text.strip()], k + 1
        title, j = _wrapped_title(lines, title_start, end, parts, [*codes, match["code"]])
        pages = PAGES.search(title)
        title = PAGES.sub(" ", title)
        items.append(
            AgendaItem(
                index=i,
                code=match["code"],
                title=re.sub(r"\s+", " ", title).strip(" .;"),
                first_page=int(pages["first"]) if pages else None,
                last_page=int(pages["last"] or pages["first"]) if pages else None,
                exempt=exempt,
            )
        )
        i = j
    return items


def _is_code(text: str, codes: list[str]) -> bool:
    match = CODE_LINE.match(text)
    return bool(match) and _next_code(codes, match)


def _next_code(codes: list[str], match: re.Match) -> bool:
    """Codes run in order (A1, A2, B1 … or 1, 2, 3), so "17. (Pages 47 - 50)"
    ending a wrapped title or a date "22 July" is not taken for an item. A gap
    of one allows for a withdrawn item."""
    number, letter = int(match["number"]), match["letter"]
    same_kind = [code for code in codes if code[0].isalpha() == bool(letter)]
    if not same_kind:
        return number == 1
    last = CODE_LINE.match(same_kind[-1])
    last_number, last_letter = int(last["number"]), last["letter"]
    if letter and letter > last_letter:
        return number == 1
    return letter == last_letter and 0 < number - last_number <= 2


def _wrapped_title(
    lines: list[Line], j: int, end: int, parts: list[str], codes: list[str]
) -> tuple[str, int]:
    """Join the lines a title wraps over; stop at its page range, a blank line,
    or the description that follows it ("To receive a report …")."""
    while j < end and len(parts) < MAX_TITLE_LINES:
        title = " ".join(parts)
        if PAGES.search(title):
            break
        text = lines[j].text.strip()
        if PAGES_OPEN.search(title):
            if text:  # "(Pages 33" / "" / "- 38)": the range goes on after the blank
                parts.append(text)
            j += 1
            continue
        if not text or _blank_before(lines, j):
            break
        if _is_code(lines[j].text, codes) or EXEMPT_HEADING.match(text) or OPEN_HEADING.match(text):
            break
        if not (PAGES.search(text) or PAGES_OPEN.search(text) or text[0].islower() or text[0].isdigit()
                or WRAPS_ON.search(title)):
            break
        parts.append(text)
        j += 1
    return " ".join(parts), j


def _next_text(lines: list[Line], i: int, end: int) -> int | None:
    while i < end and not lines[i].text.strip():
        i += 1
    return i if i < end else None


def _blank_before(lines: list[Line], i: int) -> bool:
    """Readers drop blank lines but keep the numbering: a jump means a blank."""
    return i > 0 and lines[i].number - lines[i - 1].number > 1


def front_sheet_end(lines: list[Line], start: int) -> int:
    """Where the front sheet that opens at `start` ends: before the next
    document (an "Agenda Item B1" banner, a set of minutes, a report cover
    sheet), or after the clerk's signature and date once items were listed."""
    for i in range(start, len(lines)):
        text = lines[i].text
        if BANNER.match(text) or COVER_SHEET_LABEL.match(text):
            return i
        if MINUTES_OF.search(text):
            return _banners_above(lines, i, start)
        if SIGNATORY.match(text) and find_agenda_items(lines, start, i):
            for k in range(i + 1, min(i + 5, len(lines))):
                if is_date_line(lines[k].text):
                    return _after_closing_note(lines, k + 1)
    return len(lines)


def _banners_above(lines: list[Line], i: int, floor: int) -> int:
    """Minutes open with capitals above their sentence ("KENT COUNTY COUNCIL")."""
    while i > floor and lines[i - 1].text.strip().isupper() and len(lines[i - 1].text) < 80:
        i -= 1
    return i


def is_date_line(text: str) -> bool:
    when, match = find_date(text)
    return bool(when) and len(text.strip()) - len(match.group(0)) < 6


def _after_closing_note(lines: list[Line], j: int) -> int:
    """"Please note that any background documents … report." still belongs to it."""
    k = _next_text(lines, j, len(lines))
    if k is None or not CLOSING_NOTE.match(lines[k].text):
        return j
    for m in range(k, min(k + 6, len(lines))):
        if lines[m].text.rstrip().endswith("."):
            return m + 1
    return j
