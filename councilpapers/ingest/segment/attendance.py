"""Who attended: the PRESENT / ALSO PRESENT / IN ATTENDANCE / Apologies
paragraphs under a minutes heading, a two-column "Present: Apologies" table, and
the apologies and substitutes a first minute item writes as prose.

A substitute comes out with status "substitute" and `substitute_for` set, never
also as "present": the gold answers list a substitute both among those present
and among the substitutes, so whoever counts attendance counts a "substitute" as
present too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from ...corpus.records import Attendance
from ...text.names import HONOUR, TITLE, initials, is_name, is_role_phrase, same_person
from ..model import Line

LABEL = re.compile(
    r"^\s*(?P<label>also\s+present|in\s+attendance|present|apologies(?:\s+for\s+absence)?)"
    r"\s*(?::-?|\s[–-])\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
STATUS_OF_LABEL = {"also": "also_present", "in": "in_attendance", "present": "present", "apologies": "apologies"}
# "Present: Apologies" over a table whose two columns the extraction runs together.
TWO_COLUMNS = re.compile(r"^\s*(?P<left>present|apologies)\s*:?\s+(?P<right>present|apologies)\s*:?\s*$", re.IGNORECASE)
SEPARATOR = re.compile(r",\s*|;\s*|\s+and\s+")
SUBSTITUTE_NOTE = re.compile(r"^\s*substitut(?:e|ing)\s+for\s+(?P<absent>.+?)\s*$", re.IGNORECASE)
MAX_PARAGRAPH_LINES = 15

# Prose in the apologies item.
APOLOGIES_FROM = re.compile(r"\bapologies\b[^.]{0,60}?\bfrom\s+", re.IGNORECASE)
AS_SUBSTITUTE = re.compile(
    r"\s+(?:was|were)?\s*(?:present|attended|attending)\s+as\s+(?:a\s+)?substitutes?\s+for\s+", re.IGNORECASE
)
PARAGRAPH_MARK = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)])\s*")

# Two-column table entries: "Martin Vye – Elected Member for Canterbury", "Margaret Pike (Minutes)".
PLAIN_NAME = rf"(?:{TITLE}\s+)?[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){{1,2}}"
DASH_ENTRY = re.compile(rf"^(?P<name>{PLAIN_NAME})\s+[–—-]\s+(?P<role>.*)$")
PAREN_ENTRY = re.compile(rf"^(?P<name>{PLAIN_NAME})\s*\((?P<role>[^()]*)\)\s*$")
SECOND_ENTRY = re.compile(rf"\s(?P<name>(?:{TITLE}\s+)?[A-Z][\w'’\-]+\s+[A-Z][\w'’\-]+)\s+[–—-]\s+(?P<role>.*)$")
MAX_ROLE_CONTINUATIONS = 2


def find_attendance(lines: list[Line], start: int, end: int) -> list[Attendance]:
    """The attendance paragraphs between a minutes heading (`start`) and its
    first item (`end`). A PRESENT entry with "(Substitute for X)" has status
    "substitute", which counts as present (see the module docstring)."""
    found: list[Attendance] = []
    i = start
    while i < end:
        text = lines[i].text
        columns = TWO_COLUMNS.match(text)
        if columns:
            found += _columns(lines, i + 1, end, _status(columns["left"]), _status(columns["right"]))
            break  # the table runs to the first item
        label = LABEL.match(text)
        if not label:
            i += 1
            continue
        chunks, i = _paragraph(lines, i, end, label["rest"].strip())
        found += _people(chunks, _status(label["label"]))
    return found


def find_apologies(
    lines: list[Line], start: int, end: int, known: Iterable[Attendance] = ()
) -> list[Attendance]:
    """Apologies and substitutes written as prose in the apologies item:
    "Apologies for absence had been received from Mr R Brookbank, … and Ms B Taylor.",
    "Mr T Maddison was present as a substitute for Ms C J Cribbon, Ms M Emptage for Ms S Dunn …".

    A substitution implies the absent member's apology ("Mr S J G Koowaree was present
    as a substitute for Mr M J Vye. No other apologies had been received."), so the
    absent member is an apology unless already one. People in `known` (what
    `find_attendance` found) are not repeated: a substitute already known as a
    substitute, an apology already known as an apology. A substitute known only as
    "present" is still given, and then supersedes that entry.
    """
    chunks = [(i, lines[i].text.strip()) for i in range(start, end) if lines[i].text.strip()]
    text, starts = _joined(chunks)
    known = list(known)
    apologies = [p.name for p in known if p.status == "apologies"]
    substitutes = [p.name for p in known if p.status == "substitute"]
    found: list[Attendance] = []

    def add(offset: int, person: Attendance) -> None:
        seen = apologies if person.status == "apologies" else substitutes
        if not any(same_person(person.name, name) for name in seen):
            seen.append(person.name)
            person.index = _line_at(starts, offset)
            found.append(person)

    for match in APOLOGIES_FROM.finditer(text):
        stop = _sentence_end(text, match.end())
        for offset, piece in _split(text[match.end() : stop], match.end()):
            person = _person(piece, "apologies")
            if person:
                add(offset, person)
    for match in AS_SUBSTITUTE.finditer(text):
        # "Mr T Maddison was present as a substitute for Ms C J Cribbon, Ms M Emptage for Ms S Dunn"
        begin = _sentence_start(text, match.start())
        pieces = _split(text[match.end() : _sentence_end(text, match.end())], match.end())
        pairs = []
        if pieces:
            said = text[begin : match.start()]
            substitute = PARAGRAPH_MARK.sub("", said).strip()
            pairs.append((begin + max(said.find(substitute), 0), substitute, *pieces[0]))
        for offset, piece in pieces[1:]:
            substitute, separator, absent = piece.partition(" for ")
            if separator:
                pairs.append((offset, substitute, offset + len(substitute) + len(separator), absent))
        for substitute_at, substitute, absent_at, absent in pairs:
            absent = _plain(absent)
            if is_name(substitute) and is_name(absent):
                add(substitute_at, Attendance(index=0, name=substitute, status="substitute", substitute_for=absent))
                add(absent_at, Attendance(index=0, name=absent, status="apologies"))
    return found


def _status(label: str) -> str:
    return STATUS_OF_LABEL[label.split()[0].lower()]


def _paragraph(lines: list[Line], i: int, end: int, first: str) -> tuple[list[tuple[int, str]], int]:
    """A labelled paragraph wrapping over lines; returns its (index, text) chunks
    and the index after it."""
    chunks = [(i, first)] if first else []
    j = i + 1
    while j < end and j - i < MAX_PARAGRAPH_LINES:
        k = j
        while k < end and not lines[k].text.strip():
            k += 1
        if k >= end:
            break
        text = lines[k].text.strip()
        if LABEL.match(text) or TWO_COLUMNS.match(text) or not _runs_on(" ".join(c for _, c in chunks), text):
            break
        chunks.append((k, text))
        j = k + 1
    return chunks, j


def _runs_on(so_far: str, following: str) -> bool:
    """Whether a list of names goes on into the next line: it stops mid-list
    (a comma, "and", an open bracket, a title or initial waiting for a surname)
    or the next line carries on a role ("(General Counsel)") or the list."""
    if not so_far:
        return bool(re.match(rf"^{TITLE}\b|^[A-Z][\w'’\-]+ [A-Z]", following))
    if so_far.count("(") > so_far.count(")"):
        return True
    if re.search(rf"(?:,|;|\band|&|\b{TITLE}|\b[A-Z])$", so_far):
        return True
    return bool(re.match(r"^(?:\(|and\b)", following))


def _people(chunks: list[tuple[int, str]], status: str) -> list[Attendance]:
    text, starts = _joined(chunks)
    found = []
    for offset, piece in _split(text):
        person = _person(piece, status)
        if person:
            person.index = _line_at(starts, offset)
            found.append(person)
    return found


def _person(piece: str, status: str) -> Attendance | None:
    """'Mrs A D Allen MBE (Chairman)' -> the name, its role, whom it substitutes for.
    The person's own initials in brackets ("Jane Archer (JA)") are no role."""
    notes = re.findall(r"\(([^()]*)\)?", piece)
    name = _plain(re.sub(r"^Councillors\s+", "", piece))
    if not is_name(name):
        return None
    role = substitute_for = None
    for note in notes:
        note = _squash(note)
        substitute = SUBSTITUTE_NOTE.match(note)
        if substitute:
            substitute_for = _plain(substitute["absent"])
        elif note and note not in initials(name):
            role = f"{role}; {note}" if role else note
    if substitute_for and status == "present":
        status = "substitute"
    return Attendance(index=0, name=name, status=status, substitute_for=substitute_for, role=role)


def _plain(text: str) -> str:
    """A name without its brackets, honours and trailing full stop."""
    text = re.sub(r"\([^()]*\)?", " ", text)
    text = re.sub(rf"(?:,?\s+{HONOUR}\b)+\s*$", "", _squash(text))
    return text.strip(" ,.;:")


def _split(text: str, base: int = 0) -> list[tuple[int, str]]:
    """Split a list on ", ", ";" and " and " outside brackets, keeping where
    each piece starts (plus `base`); an honour ("MBE (Chairman)") goes back to
    the name before it."""
    pieces: list[tuple[int, str]] = []
    depth = begin = pos = 0
    while pos <= len(text):
        separator = SEPARATOR.match(text, pos) if depth == 0 and pos < len(text) else None
        if pos < len(text) and not separator:
            depth = max(depth + {"(": 1, ")": -1}.get(text[pos], 0), 0)
            pos += 1
            continue
        raw = text[begin:pos]
        piece = raw.strip()
        if piece and pieces and re.match(rf"^{HONOUR}\b", piece):
            pieces[-1] = (pieces[-1][0], f"{pieces[-1][1]}, {piece}")
        elif piece:
            pieces.append((base + begin + len(raw) - len(raw.lstrip()), piece))
        if not separator:
            break
        pos = begin = separator.end()
    return pieces


def _sentence_end(text: str, pos: int) -> int:
    """The full stop ending the sentence from `pos`; not the one after an
    initial ("Mr P J. Oakford") or a title."""
    for match in re.finditer(r"\.(?=\s|$)", text[pos:]):
        word = text[: pos + match.start()].split()[-1] if text[: pos + match.start()].split() else ""
        if re.fullmatch(rf"[A-Z]|{TITLE}", word):
            continue
        return pos + match.start()
    return len(text)


def _sentence_start(text: str, pos: int) -> int:
    begin = 0
    while True:
        stop = _sentence_end(text, begin)
        if stop >= pos:
            return begin
        begin = stop + 1


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
            found[-1].role = _squash(f"{found[-1].role or ''} {text}")
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


def _joined(chunks: list[tuple[int, str]]) -> tuple[str, list[tuple[int, int]]]:
    """Lines joined with spaces, and where each line starts in the joined text."""
    text, starts = "", []
    for index, chunk in chunks:
        if text:
            text += " "
        starts.append((len(text), index))
        text += chunk
    return text, starts


def _line_at(starts: list[tuple[int, int]], offset: int) -> int:
    index = starts[0][1] if starts else 0
    for begin, line_index in starts:
        if begin > offset:
            break
        index = line_index
    return index


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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
            index=i, name=_squash(row["name"]), status=ROLL_CALL_STATUS[row["status"].lower()],
            role=_squash(row["title"]),
        ))
    return found
