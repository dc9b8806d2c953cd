"""Attendance printed as a table: a two-column "Present: Apologies" table whose
columns the text extraction runs together, and a US roll call ("Attendee Name
Title Status Arrived")."""

from __future__ import annotations

import re

from ...corpus.records import Attendance
from ...text.names import TITLE, is_role_phrase
from ...text.spacing import squash
from ..model import Line

# "Present: Apologies" over a table whose two columns the extraction runs together.
TWO_COLUMNS = re.compile(r"^\s*(?P<left>present|apologies)\s*:?\s+(?P<right>present|apologies)\s*:?\s*$", re.IGNORECASE)
STATUS_OF_COLUMN = {"present": "present", "apologies": "apologies"}
# Two-column table entries: "Martin Vye – Elected Member for Canterbury", "Margaret Pike (Minutes)".
PLAIN_NAME = rf"(?:{TITLE}\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,2}}"
DASH_ENTRY = re.compile(rf"^(?P<name>{PLAIN_NAME})\s+[–—-]\s+(?P<role>.*)$")
PAREN_ENTRY = re.compile(rf"^(?P<name>{PLAIN_NAME})\s*\((?P<role>[^()]*)\)\s*$")
SECOND_ENTRY = re.compile(rf"\s(?P<name>(?:{TITLE}\s+)?[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+)\s+[–—-]\s+(?P<role>.*)$")
MAX_ROLE_CONTINUATIONS = 2


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
