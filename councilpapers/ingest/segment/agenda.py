"""The items listed on an agenda, and where the agenda's front sheet ends.

Councils number items "1." / "1" / "1)" / "(1)" / "Item 1", or by section ("A1",
"A2", "B1"), the code before its title or alone on its line. Codes rise (a gap
of one for a withdrawn item, "3a" after "3"), which tells an item from a date
("22 July 2015") or a number a title wrapped onto ("… aged 16 to" / "17."). An
agenda numbered on from earlier business starts where it likes, if the next
number follows. "5.1 …", "a) …", "(i) …" are sub-items, part of the item above
them. Items after "EXEMPT ITEMS", "Part 2", "PRIVATE BUSINESS" or a motion to
exclude the press and public are exempt, until "UNRESTRICTED ITEMS" / "Part 1".
The clerk's sign-off after the items closes them. How a title is read from its
lines is `agenda_titles`'.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from ...corpus.records import AgendaItem
from ...text.dates import DATE_PHRASE, find_date
from ...text.vocabulary import pattern
from ..model import Line
from .agenda_titles import column_width, read_title
from .headings import MINUTES_OF

CODE_LINE = re.compile(
    r"^\s*(?:(?P<item>(?i:item)\s+(?:(?i:no)\.?\s*)?)|(?P<open>\())?"
    r"(?P<code>(?P<letter>[A-Z])?(?P<number>\d{1,3})(?P<suffix>[a-z])?)(?(open)\))"
    r"(?:[.:)](?!\d)\s*|\s+|$)(?P<title>.*)$"
)
# A heading is the whole line: "Part 2 of Schedule 12A" inside a motion is none.
_PART_HEADING = r"\s*(?:$|[-–:(.]|(?:ITEMS?|BUSINESS|EXEMPT|PRIVATE|CONFIDENTIAL|PUBLIC|OPEN)\b)"
EXEMPT_HEADING = re.compile(
    r"^\s*(?:EXEMPT\s+(?:ITEMS?|BUSINESS|INFORMATION)\b"
    r"|MOTION\s+TO\s+EXCLUDE\s+(?:THE\s+)?(?:PRESS\s+AND\s+(?:THE\s+)?)?PUBLIC"
    r"|Exclusion\s+of\s+(?:the\s+)?(?:press|public)"
    r"|(?:CONFIDENTIAL|PRIVATE|RESTRICTED)\s+(?:ITEMS?|BUSINESS|SESSION)\b"
    r"|ITEMS?\s+(?:likely\s+to\s+be\s+)?(?:considered|taken|held)\s+in\s+private\b"
    rf"|PART\s+(?:2|II|B){_PART_HEADING})",
    re.IGNORECASE,
)
OPEN_HEADING = re.compile(
    rf"^\s*(?:UNRESTRICTED\s+(?:ITEMS|BUSINESS)|(?:OPEN|PUBLIC)\s+(?:ITEMS|BUSINESS)\b"
    rf"|PART\s+(?:1|I|A){_PART_HEADING})",
    re.IGNORECASE,
)
# The motion itself, as an item or in a line of its body: the items after it are exempt.
EXCLUSION = re.compile(
    r"\b(?:(?:press\s+and\s+(?:the\s+)?)?public\s+(?:be|are|is)\s+excluded"
    r"|exclu(?:de|sion\s+of)\s+(?:the\s+)?(?:press|public))\b",
    re.IGNORECASE,
)
# "(Exempt)", "CONFIDENTIAL - …": the item says so itself.
EXEMPT_MARK = re.compile(
    r"^\s*(?:exempt|confidential)\b\s*[-–:(]|^\s*exempt\b|[(\[]\s*(?:exempt|confidential|not\s+for\s+publication)\b",
    re.IGNORECASE,
)
# A "Page" column heading over the items: their bare ranges ("Minutes  1 - 10") are pages.
PAGE_COLUMN = re.compile(
    r"^\s*(?:(?:Item|Items|No\.?|Agenda|Subject|Title|Business|Report|Description)\s+)*Pages?(?:\s+Nos?\.?)?\s*$",
    re.IGNORECASE,
)
BARE_RANGE = re.compile(r"(?<=\s)(?P<first>\d{1,4})\s*[-–]\s*(?P<last>\d{1,4})\s*$")
YEAR = re.compile(r"^(?:19|20)\d\d$")
# Where the next document of a pack starts, so where the front sheet ends.
BANNER = re.compile(r"^\s*Agenda\s+Item\s+(?:No\.?\s*)?[A-Z]?\d{1,3}[a-z]?\s*$", re.IGNORECASE)
COVER_SHEET_LABEL = re.compile(r"^\s*(?:By|From|Subject|Report\s+(?:of|to|by|from))\s*:", re.IGNORECASE)
# The sign-off: "Peter Sass" / "Head of Democratic Services", "A. Clarke, Clerk to the Council".
SIGNATORY = re.compile(
    rf"^\s*(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,4}}\s*[,(–-]\s*)?{pattern('signatory_roles')}\)?\s*$",
    re.IGNORECASE,
)
SIGNED = re.compile(r"^\s*(?:Yours\s+(?:faithfully|sincerely)|Signed\b|Signature\b)", re.IGNORECASE)
NAME = re.compile(r"^\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}\s*$")
CONTACT = re.compile(r"^\s*(?:(?:Tel|Telephone|Phone|E-?mail|Email|www)\b|[\d\s()+]{6,}$|\S+@\S+$)", re.IGNORECASE)
DATE_LABEL = re.compile(r"^\s*(?:Date|Dated|Issued|Published)\s*:?\s*", re.IGNORECASE)
CLOSING_NOTE = re.compile(r"^\s*Please\s+note\b", re.IGNORECASE)
MAX_SIGN_OFF_LINES = 5
LOOK_AHEAD = 40  # lines in which an agenda that starts numbering above 1 must show its next number


@dataclass(frozen=True)
class Code:
    """An item's code as a place in its sequence."""

    text: str  # "A1", "3", "3a", as the item's code
    kind: str  # "lettered" (A1), "bracketed" ((1)) or "plain" (1., 1, 1), Item 1)
    letter: str
    number: int
    suffix: str


def find_agenda_items(lines: list[Line], start: int, end: int) -> list[AgendaItem]:
    """The items listed between `start` and `end`, each at the line of its code."""
    items: list[AgendaItem] = []
    codes: list[Code] = []
    lines = _page_column_read(lines, start, end)
    width = column_width(lines, _title_lines(lines, start, end))
    exempt = False
    i = start
    while i < end:
        text = lines[i].text
        if codes and signs_off(lines, i):
            break
        exempt = _exempt_from(text, exempt)
        parsed = parse_code(text)
        if not parsed or not _takes_turn(codes, parsed[0], lines, i, end, parsed[1]):
            # A motion in an item's body ("… the public be excluded …") excludes them from the items after it.
            exempt = exempt or bool(codes and EXCLUSION.search(text))
            i += 1
            continue
        code, first = parsed
        ends_item = partial(_ends_item, lines, codes=[*codes, code])
        title = read_title(lines, i, end, first, width, ends_item)
        if title is None or not title.text:
            i += 1
            continue
        items.append(AgendaItem(
            index=i, code=code.text, title=title.text, first_page=title.first_page, last_page=title.last_page,
            exempt=exempt or bool(EXEMPT_MARK.search(title.text)),
        ))
        codes.append(code)
        exempt = exempt or bool(EXCLUSION.search(title.text))
        i = title.end
    return items


def parse_code(text: str) -> tuple[Code, str] | None:
    """The code a line opens with and the text after it."""
    match = CODE_LINE.match(text)
    if not match:
        return None
    kind = "lettered" if match["letter"] else "bracketed" if match["open"] else "plain"
    code = Code(match["code"], kind, match["letter"] or "", int(match["number"]), match["suffix"] or "")
    return code, match["title"]


def _takes_turn(codes: list[Code], code: Code, lines: list[Line], i: int, end: int, title: str) -> bool:
    """Whether `code` comes next: 1 (or the next letter's 1) to start its kind,
    then the next number (one may be missing), or the same with a letter after."""
    if DATE_PHRASE.match(lines[i].text.strip()):
        return False  # "22 July 2015"
    same = [c for c in codes if c.kind == code.kind]
    if not same:
        if code.kind == "bracketed" and codes:
            return False  # "(1)" inside an item's description
        return code.number == 1 or (not codes and _run_starts(code, lines, i, end, title))
    last = same[-1]
    if code.letter != last.letter:
        return code.letter > last.letter and code.number == 1
    if code.number == last.number:
        return code.suffix > last.suffix
    return 0 < code.number - last.number <= 2


def _run_starts(code: Code, lines: list[Line], i: int, end: int, title: str) -> bool:
    """An agenda numbered on from earlier business ("54. Public Question Time"):
    its first code starts a title and the next number follows soon."""
    if not title[:1].isupper():
        return False
    for k in range(i + 1, min(end, i + LOOK_AHEAD)):
        parsed = parse_code(lines[k].text)
        if parsed and parsed[0].kind == code.kind and parsed[0].number == code.number + 1:
            return parsed[1][:1].isupper() or not parsed[1].strip()
    return False


def _ends_item(lines: list[Line], k: int, codes: list[Code]) -> bool:
    """Line `k` starts the next item or a heading, or signs off."""
    text = lines[k].text
    if EXEMPT_HEADING.match(text) or OPEN_HEADING.match(text):
        return True
    parsed = parse_code(text)
    if parsed and _takes_turn(codes, parsed[0], lines, k, len(lines), parsed[1]):
        return True
    return signs_off(lines, k)


def _exempt_from(text: str, exempt: bool) -> bool:
    """Whether the items after this heading (if it is one) are exempt."""
    if EXEMPT_HEADING.match(text):
        return True
    return False if OPEN_HEADING.match(text) else exempt


def _page_column_read(lines: list[Line], start: int, end: int) -> list[Line]:
    """Under a "Page" column heading, a bare range ending an item's line
    ("Minutes  1 - 10") written as the "(Pages 1 - 10)" other agendas print;
    a span of years ("2025 - 2030") stays the title's."""
    if not any(PAGE_COLUMN.match(lines[k].text) for k in range(start, end)):
        return lines
    read = list(lines)
    for k in range(start, end):
        match = BARE_RANGE.search(lines[k].text)
        if match and int(match["first"]) <= int(match["last"]) and not YEAR.match(match["first"]):
            text = f"{lines[k].text[: match.start()]}(Pages {match['first']} - {match['last']})"
            read[k] = dataclasses.replace(lines[k], text=text)
    return read


def _title_lines(lines: list[Line], start: int, end: int) -> list[tuple[int, str]]:
    """The lines that open with a code and a title, for the title column's width."""
    found = []
    for i in range(start, end):
        parsed = parse_code(lines[i].text)
        if parsed and parsed[1].strip() and not DATE_PHRASE.match(lines[i].text.strip()):
            found.append((i, parsed[1]))
    return found


def signs_off(lines: Sequence[Line], i: int) -> bool:
    """Line `i` is the clerk's sign-off: the post, the name above it, "Yours
    faithfully", "Signed: …"."""
    text = lines[i].text
    if SIGNATORY.match(text) or SIGNED.match(text):
        return True
    return (i + 1 < len(lines) and bool(SIGNATORY.match(lines[i + 1].text)) and bool(NAME.match(text))
            and not CODE_LINE.match(text))


def front_sheet_end(lines: list[Line], start: int) -> int:
    """Where the front sheet that opens at `start` ends: before the next
    document (an "Agenda Item B1" banner, a set of minutes, a report cover
    sheet), or after the clerk's sign-off (with its contact lines, date and
    closing note) once items were listed."""
    first_item: int | None = None  # looked for once, at the first sign-off
    for i in range(start, len(lines)):
        text = lines[i].text
        if BANNER.match(text) or COVER_SHEET_LABEL.match(text):
            return i
        if MINUTES_OF.search(text):
            return _banners_above(lines, i, start)
        if SIGNATORY.match(text) or SIGNED.match(text):
            if first_item is None:
                first_item = _first_item(lines, start)
            if first_item < i:
                return _after_sign_off(lines, i)
    return len(lines)


def _first_item(lines: list[Line], start: int) -> int:
    """Where the first item is listed (a 1, or the start of a run) after `start`."""
    for i in range(start, len(lines)):
        parsed = parse_code(lines[i].text)
        if parsed and _takes_turn([], parsed[0], lines, i, len(lines), parsed[1]):
            return i
    return len(lines)


def _after_sign_off(lines: list[Line], i: int) -> int:
    """The line after the sign-off at `i`: the name and post, telephone,
    e-mail and date lines, and a closing "Please note …" paragraph."""
    j = last = i + 1
    while j < min(len(lines), i + MAX_SIGN_OFF_LINES):
        text = lines[j].text
        dated = is_date_line(DATE_LABEL.sub("", text))
        if text.strip() and not (signs_off(lines, j) or CONTACT.match(text) or dated):
            break
        j += 1
        last = j if text.strip() else last
    return _after_closing_note(lines, last)


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
    k = j
    while k < len(lines) and not lines[k].text.strip():
        k += 1
    if k >= len(lines) or not CLOSING_NOTE.match(lines[k].text):
        return j
    for m in range(k, min(k + 6, len(lines))):
        if lines[m].text.rstrip().endswith("."):
            return m + 1
    return j
