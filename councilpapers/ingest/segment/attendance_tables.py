"""Attendance printed as a table:

- columns read from the layout (`Line.cells` and their x positions; an HTML
  table's cells by their order), under a header row of column labels: names
  under list headings ("Present | Apologies | Absent"), or a column of people
  beside columns of what they represent or hold and whom they stand in for
  ("Member | Representing": "Cllr A Smith | North District Council" is one
  person, the council no one); `find_layout_table`;
- a two-column "Present: Apologies" table whose columns the text extraction
  runs together;
- a US roll call ("Attendee Name Title Status Arrived")."""

from __future__ import annotations

import re

from collections.abc import Callable
from dataclasses import dataclass

from ...corpus.records import Attendance
from ...text.names import TITLE, is_name, is_role_phrase
from ...text.spacing import squash
from ..model import Cell, Line
from . import attendance_words as words

# "Present: Apologies" over a table whose two columns the extraction runs together.
TWO_COLUMNS = re.compile(r"^\s*(?P<left>present|apologies)\s*:?\s+(?P<right>present|apologies)\s*:?\s*$", re.IGNORECASE)
STATUS_OF_COLUMN = {"present": "present", "apologies": "apologies"}
# Two-column table entries: "Martin Vye – Elected Member for Canterbury", "Margaret Pike (Minutes)".
PLAIN_NAME = rf"(?:{TITLE}\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,2}}"
DASH_ENTRY = re.compile(rf"^(?P<name>{PLAIN_NAME})\s+[–—-]\s+(?P<role>.*)$")
PAREN_ENTRY = re.compile(rf"^(?P<name>{PLAIN_NAME})\s*\((?P<role>[^()]*)\)\s*$")
SECOND_ENTRY = re.compile(rf"\s(?P<name>(?:{TITLE}\s+)?[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+)\s+[–—-]\s+(?P<role>.*)$")
MAX_ROLE_CONTINUATIONS = 2
COLUMN_SLACK = 12.0  # points a cell may start left of its column's label and still be in it


@dataclass(frozen=True)
class Column:
    kind: str  # "status" (names under a list heading), "name", "role" or "substitute_for"
    x0: float | None  # where its label starts; None without positions (HTML)
    status: str | None = None  # of a "status" column: "present", "apologies", …


@dataclass
class TableRow:
    """One row of a table: the names in a column (with the status of that column;
    None: the status of the list the table is under), and what the other columns
    say of the person named."""

    index: int
    names: str
    status: str | None
    role: str | None = None
    substitute_for: str | None = None

    @property
    def text(self) -> str:
        """The row as a list writes it: "Cllr A Smith (North District Council) (substitute for Cllr B Jones)"."""
        text = self.names
        if self.role:
            text += f" ({self.role.replace('(', '').replace(')', '')})"
        if self.substitute_for:
            text += f" (substitute for {self.substitute_for})"
        return text


def header_columns(line: Line) -> list[Column] | None:
    """The columns a header row of labels names, or None when the line is no such
    row: two cells or more, each a label, one of them of names or a list heading."""
    cells = line.cells or ()
    if len(cells) < 2:
        return None
    columns = [_column_of(cell) for cell in cells]
    if any(c is None for c in columns) or not any(c.kind in ("status", "name") for c in columns):
        return None
    return columns


def _column_of(cell: Cell) -> Column | None:
    text = squash(cell.text).strip()
    heading = words.HEADING.match(text)
    if heading and not text[heading.end():].strip(" :"):
        return Column("status", cell.x0, words.status_of(heading))
    for kind, pattern in (("name", words.NAME_COLUMN), ("substitute_for", words.SUBSTITUTE_COLUMN),
                          ("role", words.ROLE_COLUMN)):
        if pattern.match(text):
            return Column(kind, cell.x0)
    return None


def find_layout_table(lines: list[Line], start: int, end: int,
                      stops: Callable[[Line], bool]) -> tuple[list[TableRow], int] | None:
    """The rows of a table of attendance whose header row is line `start`, and the
    index after it; None when line `start` is no header row. The table ends at a
    line `stops` says starts something else (a heading, an item) or one whose cells
    fit no column."""
    columns = header_columns(lines[start])
    if columns is None:
        return None
    rows: list[TableRow] = []
    i = start + 1
    while i < end:
        line = lines[i]
        if not line.text.strip():
            i += 1
            continue
        if stops(line):
            break
        read = _row(line, i, columns, rows)
        if read is None:
            break
        rows += read
        i += 1
    return rows, i


def _row(line: Line, index: int, columns: list[Column], rows: list[TableRow]) -> list[TableRow] | None:
    """A line of the table as rows: one per status column it fills, or one person
    with what the other columns say; a role going on from the row above is added
    to it. None when the line is no row of this table."""
    placed: dict[int, list[str]] = {}
    cells = list(line.cells or ()) or [Cell(line.text.strip(), line.x0)]
    for n, cell in enumerate(cells):
        placed.setdefault(_column_at(cell, n, columns), []).append(squash(cell.text).strip())
    texts = {at: " ".join(parts) for at, parts in sorted(placed.items())}
    if all(c.kind == "status" for c in columns):
        return [TableRow(index, text, columns[at].status) for at, text in texts.items()]
    names = [text for at, text in texts.items() if columns[at].kind in ("name", "status")]
    others = {columns[at].kind: text for at, text in texts.items() if columns[at].kind not in ("name", "status")}
    if not names:
        if rows and set(others) == {"role"} and rows[-1].role:  # a role wrapping onto a line of its own
            rows[-1].role = f"{rows[-1].role} {others['role']}"
            return []
        return None
    if not is_name(names[0].split("(")[0].strip(" ,")):
        return None
    status = next((c.status for c in columns if c.kind == "status"), None)
    return [TableRow(index, names[0], status, others.get("role"), others.get("substitute_for"))]


def _column_at(cell: Cell, n: int, columns: list[Column]) -> int:
    """The column a cell is in: the last whose label starts left of it (give or
    take COLUMN_SLACK); without positions, the cell's place in its row."""
    if cell.x0 is None or any(c.x0 is None for c in columns):
        return min(n, len(columns) - 1)
    at = 0
    for k, column in enumerate(columns):
        if cell.x0 >= column.x0 - COLUMN_SLACK:
            at = k
    return at



def find_columns(lines: list[Line], start: int, end: int) -> list[Attendance] | None:
    """The table under a "Present: Apologies" line at `start`, or None when there is none."""
    columns = TWO_COLUMNS.match(lines[start].text)
    if not columns:
        return None
    left, right = (STATUS_OF_COLUMN[columns[side].lower()] for side in ("left", "right"))
    return _columns(lines, start + 1, end, left, right)


def _columns(lines: list[Line], start: int, end: int, left: str, right: str) -> list[Attendance]:
    """'Name – Role' entries, one a line with roles wrapping onto the next lines.
    Where a line holds two entries ("Martin Vye – Elected Member for Canterbury
    June Capuano – Clinical Manager for Children") the second is in the right-hand
    column. Without the layout's positions a right-hand entry alone on its line
    cannot be told from a left-hand one: it counts as left-hand."""
    found: list[Attendance] = []
    continuations = 0
    closed = True  # the last entry's role cannot go on ("(Minutes)")
    for i in range(start, end):
        text = lines[i].text.strip()
        if not text:
            continue
        entry = _entry(text)
        if entry:
            name, role, closed = entry
            second = _second_entry(role) if not closed else None
            if second:
                role = role[: second.start()].strip()
                found.append(Attendance(index=i, name=name, status=left, role=role))
                name, role, status = second["name"], second["role"].strip(), right
            else:
                status = left
            found.append(Attendance(index=i, name=name, status=status, role=role or None))
            continuations = 0
        elif found and not closed and continuations < MAX_ROLE_CONTINUATIONS:
            found[-1].role = squash(f"{found[-1].role or ''} {text}")
            continuations += 1
        elif found:
            break
    return found


def _entry(text: str) -> tuple[str, str, bool] | None:
    """(name, role, whether the role is closed) of a "Name – Role" entry; a
    wrapped role ("Service Manager – West Kent") is no person with a role."""
    for pattern, closed in ((PAREN_ENTRY, True), (DASH_ENTRY, False)):
        match = pattern.match(text)
        if match and not is_role_phrase(match["name"]):
            return match["name"], match["role"].strip(), closed
    return None


def _second_entry(role: str) -> re.Match | None:
    for match in SECOND_ENTRY.finditer(role):
        if not is_role_phrase(match["name"]):
            return match
    return None


# US roll calls print a table: "Attendee Name  Title  Status  Arrived" then
# "Andrei Garcia Commissioner Late 7:08 p.m.".
ROLL_CALL_HEADER = re.compile(r"^\s*Attendee\s+Name\b.*\bStatus\b", re.IGNORECASE)
ROLL_CALL_ROW = re.compile(
    r"^\s*(?P<name>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){1,3})\s+"
    r"(?P<title>(?:Vice\s+)?(?:Chair(?:person|man|woman)?|Commissioner|Alternate|Council\s*member|Mayor|"
    r"Member|Director|Clerk|Secretary|Trustee|Supervisor|President|Comptroller|Solicitor|Alderman))\s+"
    r"(?P<status>Present|Absent|Late|Excused|Remote)\b",
    re.IGNORECASE,
)
ROLL_CALL_STATUS = {"present": "present", "late": "present", "remote": "present",
                    "excused": "apologies", "absent": "absent"}


def find_roll_call(lines: list[Line], start: int, end: int) -> list[Attendance]:
    """Members from a roll-call table. "Absent" without leave is kept as its own
    status: it is not an apology."""
    found: list[Attendance] = []
    in_table = False
    for i in range(start, end):
        text = lines[i].text
        if ROLL_CALL_HEADER.match(text):
            in_table = True
            continue
        if not in_table:
            continue
        row = ROLL_CALL_ROW.match(text)
        if not row:
            if found:
                break
            continue
        found.append(Attendance(
            index=i, name=squash(row["name"]), status=ROLL_CALL_STATUS[row["status"].lower()],
            role=squash(row["title"]),
        ))
    return found
