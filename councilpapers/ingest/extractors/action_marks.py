"""Owner columns: what minutes print at the right margin beside a paragraph
to say who is to act on it ("Clerk", "Cllr. O. Williams/Clerk", "JN/AC Nov",
"JN to send Pdfs of each plan"), or how it stands ("Noted", "Signed by the
Chair"), or when it is due ("Feb 2020").

Read from the layout where the reader gives it (`Line.cells` with their x
positions), never from the flattened text, in two forms:

- under a header cell naming the column ("Action", "Action by", "Who",
  "Owner"), repeated or not on later pages: every last cell of a line that
  starts no further left than the header is the column's;
- without a header: a short last cell standing in the right part of the line,
  reaching the right margin, that reads as an owner, a status or a due date
  (so a payment's amount in the same place is not one).

A cell that runs on to the next line of the column ("AC to liaise with Paul" /
"Hoffman") is one cell. Where the layout is lost (OCR, a reader that joined the
cells) the text still shows a mark the same way: a post, a titled name or
initials printed after the paragraph's last full stop ("… the refurbishment.
Clerk"), or a line "ACTION: Clerk" under the paragraph; see `trailing_mark`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.dates import MONTH_WORD
from ...text.names import TITLE
from ...text.vocabulary import pattern
from ..model import Line
from .action_owners import ACTION_WORD, GROUPS, INITIALS, POSTS

STATUS = re.compile(rf"(?:{pattern('action_statuses')})\.?", re.IGNORECASE)
# A column header cell: "Action", "Actions", "Action by", "Action/Who", "Who", "Owner".
HEADER_CELL = re.compile(
    rf"(?:{ACTION_WORD}(?:\s*(?:by|owner|/\s*who|who|required))?|Who|By\s+whom|Owner|Responsibility|Lead"
    r"|Gan\s+bwy|Cyfrifoldeb)\s*:?",  # Welsh: "Cam gweithredu", "Gan bwy" (by whom)
    re.IGNORECASE,
)
# The columns a header may have after the owner's: "Action by   Date   Status".
WHEN_HEADER = re.compile(
    r"(?:Due(?:\s+date)?|When|Date|By\s+when|Deadline|Timescale|Target(?:\s+date)?|Status|Progress|Done)\s*:?",
    re.IGNORECASE,
)
HEADER_SLACK = 12.0  # points a column's cell may start left of its header
RIGHT_PART = 0.6  # a headerless owner cell starts in the right 40% of the body …
RIGHT_EDGE = 0.85  # … and reaches its last 15%
MAX_CELL_CHARS = 48

# One owner: a post ("Clerk", "Vice Chair"), a group ("All"), a titled name
# ("Cllr. A Thomas", "Cyng. O. Williams"), initials ("EM"), or an untitled name
# of two or three words ("Alun Davies").
_GIVEN = r"(?:[A-Z][a-z][\w’'\-]*|[A-Z]\.?|(?:[A-Z]\.){2,3})"
_SURNAME = r"[A-Z][\w’'\-]*[a-z][\w’'\-]*"
TITLED = rf"(?:{TITLE})\.?\s+(?:{_GIVEN}\s*){{0,3}}{_SURNAME}"
PLAIN_NAME = r"[A-Z][a-z][\w’'\-]*(?:\s+[A-Z][a-z][\w’'\-]*){1,2}"
_PLURAL = r"(?:Cllrs|Councillors|Cynghorwyr)\.?\s+"
_BARE = rf"(?:(?:[Tt]he|[Yy]r?)\s+)?(?:{POSTS})|{GROUPS}"
ONE_OWNER = rf"(?:{TITLED}|{_BARE}|{INITIALS}|(?:{_GIVEN}\s+){{1,2}}{_SURNAME}(?=\s*(?:/|&|$)))"
SEPARATOR = r"\s*(?:/|&|\+|,|\band\b|\ba[’']r\b)\s*"
OWNERS = rf"(?:{_PLURAL})?{ONE_OWNER}(?:{SEPARATOR}{ONE_OWNER}){{0,3}}"
# A due date as a column prints it: "Feb", "Feb 2020", "Nov (3/4?)", "12/03/2025", "Next meeting".
DUE = (
    rf"(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?{MONTH_WORD}\b\.?(?:\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?"
    r"|(?:the\s+)?next\s+meeting|ASAP|Q[1-4]|(?:by|before|end\s+of)\s+\S.*)"
)
DUE_CELL = re.compile(rf"(?P<due>{DUE})(?:\s*\(.*\))?\.?", re.IGNORECASE)
OWNER_CELL = re.compile(
    rf"(?P<owner>{OWNERS})(?:\s*[-–—,:]?\s*(?P<due>{DUE}(?:\s*\(.*\))?))?"
    rf"(?:\s*[-–—,:]?\s*(?P<status>{STATUS.pattern}))?\.?"
)
OWNER_TASK_CELL = re.compile(rf"(?P<owner>{OWNERS})\s+(?:to|i)\s+(?P<task>[a-z].*)")
# "ACTION: Clerk" on a line of its own, or after the paragraph's last full stop.
ACTION_LINE = re.compile(rf"^\s*{ACTION_WORD}(?i:\s+by)?\s*[:–—-]\s*(?P<owner>{OWNERS})\s*\.?\s*$")
AFTER_FULL_STOP = re.compile(
    rf"(?:(?<=[.;!?])|(?<=[.;!?][’”)]))\s+(?:{ACTION_WORD}(?i:\s+by)?\s*[:–—-]\s*)?"
    rf"(?P<mark>{OWNERS}|{STATUS.pattern})\s*$"
    # or labelled, where the writer left out the full stop: "… the landowner  Action: Clerk"
    rf"|\s{ACTION_WORD}(?i:\s+by)?\s*[:–—-]\s*(?P<labelled>{OWNERS})\s*$"
)
# Where the minutes are signed: "Signed ………… Chairman", "Date ____".
SIGNATURE = re.compile(r"\.{5,}|…{2,}|_{4,}|^\s*(?:Signed|Signature|Chair(?:man|person)?[’']s\s+signature)\b",
                       re.IGNORECASE)
# Posts, groups and titles set in capitals ("ACTION: CLERK", "ALL") read as printed otherwise.
_CAPITALS = re.compile(r"\b[A-Z]{3,}\b")
_KNOWN_WORD = re.compile(rf"(?:{POSTS}|{GROUPS}|{TITLE})")


def uncapitalised(text: str) -> str:
    """"ACTION: CLERK" -> "ACTION: Clerk": a post, group or title in capitals
    in its usual case, the same length, so that what matches in it can be
    cut from the text as printed."""
    def usual(word: re.Match) -> str:
        titled = word.group(0).title()
        return titled if _KNOWN_WORD.fullmatch(titled) and not _KNOWN_WORD.fullmatch(word.group(0)) else word.group(0)

    return _CAPITALS.sub(usual, text)


@dataclass(frozen=True)
class ColumnCell:
    """A cell of an owner column: `index` the line it starts on, `text` its
    lines joined, `alone` when its line holds nothing else, `headed` when it
    stands under a header, `body` the text of its line without it."""

    index: int
    text: str
    body: str
    alone: bool
    headed: bool
    lines: tuple[int, ...] = ()  # every line it runs over


@dataclass
class Mark:
    """What an owner column or a trailing mark says of the paragraph beside it."""

    index: int  # the line it stands on
    text: str  # as printed
    kind: str  # "owner", "status" or "due"
    owner: str = ""
    task: str = ""  # the task itself, when the column writes it ("send Pdfs of each plan")
    due_text: str = ""
    status: str = ""  # how it stands, printed after the owner in an action log ("Clerk  Mar 2025  Done")
    alone: bool = False  # on a line of its own below the paragraph
    headed: bool = False


def read_mark(text: str, index: int = 0, alone: bool = False, headed: bool = False) -> Mark | None:
    """A column cell read as an owner (with a due date or the task), a status
    or a due date; None when it is none of these (an amount, a word)."""
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(rf"^{ACTION_WORD}(?i:\s+by)?\s*[:–—-]\s*", "", text)  # "ACTION: Clerk" set in the column
    if not text or len(text) > MAX_CELL_CHARS * (3 if headed else 1):
        return None
    common = dict(index=index, text=text, alone=alone, headed=headed)
    printed, text = text, uncapitalised(text)
    if STATUS.fullmatch(text):
        return Mark(kind="status", **common)
    if DUE_CELL.fullmatch(text):
        return Mark(kind="due", due_text=text, **common)
    task = OWNER_TASK_CELL.fullmatch(text)
    if task:
        return Mark(kind="owner", owner=printed[: task.end("owner")], task=task["task"].rstrip(" ."), **common)
    owner = OWNER_CELL.fullmatch(text)
    if owner:
        return Mark(kind="owner", owner=printed[: owner.end("owner")].strip(), due_text=owner["due"] or "",
                    status=owner["status"] or "", **common)
    return None


def is_plain_name(owner: str) -> bool:
    """An owner with an untitled name or initials in it ("Alun Davies", "EM",
    "M Monthly Figure"), which a headerless column or a mark after a full stop
    is taken for only when they are the meeting's attendees. Names after a
    plural title ("Cllrs. Alun Davies/O. Williams") are titled."""
    owner = uncapitalised(owner)
    plural = re.match(_PLURAL, owner)
    pieces = [p for p in re.split(SEPARATOR, owner[plural.end():] if plural else owner) if p]

    def titled(piece: str) -> bool:
        named = plural and not re.fullmatch(INITIALS, piece)
        return bool(named or re.fullmatch(TITLED, piece) or re.fullmatch(_BARE, piece))

    return not all(titled(p) for p in pieces)


def column_cells(lines: list[Line], start: int = 0, end: int | None = None) -> dict[int, ColumnCell]:
    """The owner-column cells of lines `start` to `end`, by the line they start
    on. A header above `start` still counts: lines are read from the first."""
    end = len(lines) if end is None else end
    cells: dict[int, ColumnCell] = {}
    header_x: float | None = None
    previous: ColumnCell | None = None
    for i in range(end):
        line = lines[i]
        if not line.cells or not line.has_position:
            previous = None
            continue
        header = _header_x(line)
        if header is not None:
            header_x, previous = header, None
            continue
        if header_x is not None and _ends_column(line):
            header_x = None
        cell = _column_cell(line, i, header_x)
        if cell is None:
            previous = None
            continue
        if previous and cell.alone and previous.lines[-1] == i - 1 and not OWNER_TASK_CELL.match(cell.text) \
                and not (not cell.headed and read_mark(cell.text)):
            # The cell above runs on: "AC to liaise with Paul" / "Hoffman".
            joined = ColumnCell(previous.index, f"{previous.text} {cell.text}", previous.body, previous.alone,
                                previous.headed, previous.lines + (i,))
            cells[previous.index] = previous = joined
            continue
        if i >= start:
            cells[i] = cell
        previous = cell
    return {i: c for i, c in cells.items() if i >= start}


def _header_x(line: Line) -> float | None:
    """The left edge of an owner column's header cell, when `line` is a table
    header with one ("Points discussed/agreed   Action", "Minute  Discussion
    Action by  Date"): a header cell in the right part of the line, after
    another, followed by none but a due date's or a status's header."""
    if len(line.cells) < 2 or any(len(c.text) > 40 for c in line.cells):
        return None
    for k, cell in enumerate(line.cells[1:], start=1):
        if cell.x0 is None or not HEADER_CELL.fullmatch(cell.text.strip()):
            continue
        if cell.x0 < _at(line, 0.45):
            return None
        rest = line.cells[k + 1:]
        return cell.x0 if all(WHEN_HEADER.fullmatch(c.text.strip()) for c in rest) else None
    return None


def _ends_column(line: Line) -> bool:
    """Another table's header (cells all bold, none naming an owner column)."""
    return len(line.cells) >= 2 and all(c.bold for c in line.cells) and line.bold is True


def _column_cell(line: Line, i: int, header_x: float | None) -> ColumnCell | None:
    """The line's cell in the owner column: under a header, every cell from the
    header's left edge on ("Clerk", "Mar 2025" joined); without one, its last
    cell when it stands at the right margin and reads as a mark."""
    if any(c.x0 is None or c.x1 is None for c in line.cells):
        return None
    if header_x is not None:
        inside = [c for c in line.cells if c.x0 >= header_x - HEADER_SLACK]
        if inside:
            body = " ".join(c.text for c in line.cells if c not in inside)
            text = " ".join(c.text.strip() for c in inside)
            return ColumnCell(i, text, body, len(inside) == len(line.cells), True, (i,))
    last = line.cells[-1]
    if last.x0 < _at(line, RIGHT_PART) or last.x1 < _at(line, RIGHT_EDGE) or len(last.text) > MAX_CELL_CHARS:
        return None
    if read_mark(last.text) is None:
        return None
    body = " ".join(c.text for c in line.cells[:-1])
    return ColumnCell(i, last.text.strip(), body, len(line.cells) == 1, False, (i,))


def _at(line: Line, share: float) -> float:
    frame = line.frame
    return frame.body_left + share * (frame.body_right - frame.body_left)


def trailing_mark(text: str) -> tuple[str, str] | None:
    """(the text before it, the mark) when a paragraph's last line ends with a
    mark printed after its last full stop: "… the refurbishment. Clerk",
    "… concerned. NH", "… Face book page. Noted", "… the verge. Action: Clerk"."""
    match = AFTER_FULL_STOP.search(uncapitalised(text))
    if not match:
        return None
    group = "mark" if match["mark"] else "labelled"
    return text[: match.start()].rstrip(), text[match.start(group) : match.end(group)]
