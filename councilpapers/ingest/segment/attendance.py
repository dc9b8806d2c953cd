"""Who attended, in the forms councils print it, between a minutes heading and
its first item and in the apologies item:

- lists under a heading above or beside them ("PRESENT: Mrs A D Allen
  (Chairman), …", "Present" / "Councillors D Richardson (Chair) R Healey, …",
  "PRESENNOL", "Apologies - None", "Members of the Public Mr & Mrs Godfrey, …",
  "19.03.1 Apologies" / "Alan Armstrong, EDC") wrapping over lines, one name a
  line, or broken after every word; read by `name_lists`;
- a post as a heading ("Clerk: Mrs J Davies"): in attendance, with that role;
- sentences (apologies received from …, substitutes, people who attended,
  virtual attendance, people counted): `attendance_prose`;
- tables (two columns of Present / Apologies, US roll calls): `attendance_tables`.

A substitute comes out with status "substitute" and `substitute_for` set, never
also as "present": the gold answers list a substitute both among those present
and among the substitutes, so whoever counts attendance counts a "substitute" as
present too. A person named after a post in a list of those present ("Clerk J
Connelly") is in attendance: an officer, not a member.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from ...corpus.records import Attendance
from ...text.names import TITLE, initials, is_name, is_role_phrase, police_rank, same_person, title_of
from ...text.spacing import squash
from ..model import Line
from ..textflow import TextFlow
from . import attendance_words as words
from .attendance_prose import read_prose, read_speakers, sentences
from .attendance_tables import TWO_COLUMNS, find_columns, find_layout_table, find_roll_call, header_columns
from .name_lists import (
    DASH_ROLE, OCR_CLLR, SUBSTITUTE_PHRASE, Counted, is_officer, is_officer_post, is_post, read_list, split_at_post, trailing_post,
)

__all__ = ["Attendees", "find_apologies", "find_attendance", "find_roll_call", "find_speakers", "read_attendance"]

MAX_PARAGRAPH_CHARS = 4000
ITEM_NUMBER = re.compile(r"^\s*\(?\d+(?:[./]\d+)*[.:)]?\s+")
UNCLOSED_INITIALS = re.compile(r"(?P<name>[^,;()]*)\((?P<initials>[A-Z]{2,4})$")  # "Christina McDough (CM"
HEADING_SEPARATOR = re.compile(r"^\s*(?::-?|[–—-])\s*")
NAME_START = re.compile(rf"^\s+(?:{TITLE}\b|(?i:{words.PLURAL_TITLE_WORD})\b|[A-Z][\w'’\-]*\.?\s+[A-Z(])")
# A post as a heading: "Clerk: Mrs J Davies", "Clerk to the Council – J Smith".
# The small words of a post written after a name: "Director of Planning", "Cabinet Member for Finance".
ROLE_CONNECTORS = frozenset({"of", "for", "the", "and", "to", "in", "on", "with"})
NAME_PARTICLES = frozenset({"de", "da", "van", "von", "der", "le", "la", "ap", "ab"})
ROLE_HEADING = re.compile(r"^\s*(?P<role>[A-Z][A-Za-z’'&\s-]{1,40}?)\s*(?::|\s[–—-])\s*(?P<rest>\S.*)$")


@dataclass
class Attendees:
    """People found, and people counted, not named, each with the index of its line."""

    people: list[Attendance] = field(default_factory=list)
    counts: list[tuple[int, Counted]] = field(default_factory=list)


@dataclass
class Heading:
    status: str
    rest: str  # what follows the heading on its line
    role: str | None = None  # a post as the heading: "Clerk"
    title: str | None = None  # what the heading calls them all: "Councillors present" -> "Councillor"


def find_attendance(lines: list[Line], start: int, end: int) -> list[Attendance]:
    """The people of the attendance paragraphs and sentences between `start`
    (a minutes heading) and `end` (its first item)."""
    return read_attendance(lines, start, end).people


def read_attendance(lines: list[Line], start: int, end: int) -> Attendees:
    """People and counts between a minutes heading and its first item: lists
    under their headings, a two-column table, and sentences in the lines between."""
    found = Attendees()
    unlisted: list[int] = []
    status = "present"  # of the list a table of names and bodies is under
    i = start
    while i < end:
        table = find_columns(lines, i, end)
        if table is not None:
            found.people += table
            break  # the table runs to the first item
        layout = find_layout_table(lines, i, end, _ends_table)
        if layout is not None:
            rows, i = layout
            for row in rows:
                _add_list(found, [(row.index, row.text)], Heading(row.status or status, ""))
            continue
        heading = heading_of(lines[i].text)
        if heading is None:
            unlisted.append(i)
            i += 1
            continue
        status = heading.status
        chunks, i = _paragraph(lines, i, end, heading.rest)
        _add_list(found, chunks, heading)
    _add_prose(found, lines, unlisted, found.people)
    found.people = _substitutes_supersede(found.people)
    return found


def _substitutes_supersede(people: list[Attendance]) -> list[Attendance]:
    """A member listed as present whom a sentence or a note also names as a substitute
    ("Cllr G Hay substituted for Cllr C Dee."): that substitute, not also present."""
    substitutes = [p for p in people if p.status == "substitute"]
    return [p for p in people
            if not (p.status == "present" and any(same_person(p.name, s.name) for s in substitutes))]


def find_apologies(
    lines: list[Line], start: int, end: int, known: Iterable[Attendance] = (), *, bare_list: bool = False,
) -> list[Attendance]:
    """Apologies and substitutes written in the apologies item: as prose
    ("Apologies for absence had been received from Mr R Brookbank, … and Ms B
    Taylor.", "Mr T Maddison was present as a substitute for Ms C J Cribbon, Ms
    M Emptage for Ms S Dunn …") or, when `bare_list` (the item is titled as
    apologies), as a list of names alone ("A Armstrong, EDC and M Armstrong").

    A substitution implies the absent member's apology ("Mr S J G Koowaree was present
    as a substitute for Mr M J Vye. No other apologies had been received."), so the
    absent member is an apology unless already one. People in `known` (what
    `find_attendance` found) are not repeated: a substitute already known as a
    substitute, an apology already known as an apology. A substitute known only as
    "present" is still given, and then supersedes that entry. People said to
    attend are in attendance unless known; those attending virtually are marked remote.
    """
    found = Attendees()
    known = list(known)
    first = next((i for i in range(start, end) if lines[i].text.strip()), end)
    if bare_list and first < end and _list_like(_text_of(lines[first])):
        chunks, after = _paragraph(lines, first - 1, end, "")
        _add_list(found, chunks, Heading("apologies", ""), known)
        start = after
    _add_prose(found, lines, list(range(start, end)), known + found.people)
    return found.people


def find_speakers(
    lines: list[Line], start: int, end: int, known: Iterable[Attendance] = (), *, public: bool = False,
) -> list[Attendance]:
    """People an item (other than the apologies item) says spoke at the meeting,
    and in an item where the public speaks (`public`) those named first in its
    sentences; not those `known` (see `attendance_prose.read_speakers`)."""
    found = Attendees()
    _add_prose(found, lines, list(range(start, end)), list(known),
               read=lambda text, known_now: read_speakers(text, known_now, public=public))
    return found.people


def heading_of(text: str) -> Heading | None:
    """The list heading a line starts with, and what follows it on the line:
    "PRESENT: Mrs A D Allen", "Present" alone, "Members of the Public Mr & Mrs
    Godfrey" (beside the names, no colon), "19.03.1 Apologies", "Clerk: J Smith"."""
    numbered = ITEM_NUMBER.match(text)
    body = text[numbered.end():] if numbered else text
    match = words.HEADING.match(body.strip())
    if match:
        rest = body.strip()[match.end():]
        separator = HEADING_SEPARATOR.match(rest)
        plural = re.search(rf"(?i:{words.PLURAL_TITLE_WORD})", match.group())
        title = words.PLURAL_TITLES[plural.group().casefold()] if plural else None
        if separator or not rest.strip():
            rest = rest[separator.end():].strip() if separator else ""
            label = words.MEMBER_LABEL.match(rest)  # "Present: Members: Cllr J Hird, …", not "- Three Members"
            if label and label.group().endswith(":"):
                rest = rest[label.end():].strip()
            return Heading(words.status_of(match), rest, title=title)
        return Heading(words.status_of(match), rest.strip(), title=title) if NAME_START.match(rest) else None
    label = words.MEMBER_LABEL.match(body.strip()) if not numbered and not words.counted(body) else None
    if label:  # "Members appointed by the Secretary of State:", "Councillors:"; "Three Members" is a count
        plural = re.search(rf"(?i:{words.PLURAL_TITLE_WORD})", label.group())
        title = words.PLURAL_TITLES[plural.group().casefold()] if plural else None
        return Heading("present", body.strip()[label.end():].strip(), title=title)
    post = ROLE_HEADING.match(text) if not numbered else None
    if post and is_post(post["role"]) and _list_like(post["rest"]) and is_name(post["rest"].split(",")[0]):
        role = post["role"].strip()
        return Heading("in_attendance" if is_officer(role) else "present", post["rest"].strip(), role=role)
    return None


def _add_list(found: Attendees, chunks: list[tuple[int, str]], heading: Heading, known=()) -> None:
    """The people and counts of a list under `heading`; apologies already known are not repeated."""
    flow = TextFlow.of_chunks(chunks)
    entries, counts = read_list(flow.text, title=heading.title)
    found.counts += [(flow.line_at(c.offset), c) for c in counts]
    for entry in entries:
        status = heading.status
        if status == "present" and (entry.officer or _attends_as_officer(entry)):
            status = "in_attendance"
        elif status == "present" and entry.substitute_for:
            status = "substitute"
        role = entry.role or heading.role
        if police_rank(entry.name):  # "PC Jane Doe" among those present attends: no member
            role, status = _ranked(entry.name, role), ("in_attendance" if status == "present" else status)
        person = Attendance(index=flow.line_at(entry.offset), name=entry.name, status=status,
                            substitute_for=entry.substitute_for, role=role)
        if not any(k.status == status and same_person(k.name, person.name) for k in known):
            found.people.append(person)


def _add_prose(found: Attendees, lines: list[Line], indexes: list[int], known: list[Attendance],
               read=read_prose) -> None:
    """What the sentences of the lines at `indexes` say, each run of adjacent
    lines as one text; a numbered line (an item heading) starts a run."""
    runs: list[list[int]] = []
    for i in indexes:
        if not lines[i].text.strip():
            continue
        if runs and i == runs[-1][-1] + 1 and not ITEM_NUMBER.match(lines[i].text):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        flow = TextFlow.of_chunks((i, lines[i].text.strip()) for i in run)
        prose = read(flow.text, known)
        for offset, person in prose.people:
            person.index = flow.line_at(offset)
            person.role = _ranked(person.name, person.role)
            found.people.append(person)
            known = [*known, person]
        found.counts += [(flow.line_at(c.offset), c) for c in prose.counts]


def _attends_as_officer(entry) -> bool:
    """"Mrs C Lane (Clerk)" among those present: an officer's post after an
    untitled or plainly titled name; a councillor holding a post is a member."""
    return is_officer_post(entry.role) and title_of(entry.name) != "cllr"


def _ranked(name: str, role: str | None) -> str | None:
    """A role that starts with the police rank the name is printed with ("PC"; "PC; Police Scotland")."""
    rank = police_rank(name)
    if rank is None or (role and role.startswith(rank)):
        return role
    return f"{rank}; {role}" if role else rank


def _paragraph(lines: list[Line], i: int, end: int, first: str) -> tuple[list[tuple[int, str]], int]:
    """A list under a heading on line `i` wrapping over the lines after it; its
    (index, text) chunks, a line that starts another entry beginning with "; ",
    and the index after it."""
    chunks = [(i, first)] if first else []
    so_far = first
    j = i + 1
    while j < end and len(so_far) < MAX_PARAGRAPH_CHARS:
        k = j
        while k < end and not lines[k].text.strip():
            k += 1
        if k >= end:
            break
        text = _text_of(lines[k])
        if heading_of(text) or TWO_COLUMNS.match(text) or ITEM_NUMBER.match(text) or header_columns(lines[k]):
            break
        joint = _joint(so_far, text)
        if joint is None:
            break
        if _unclosed_initials(so_far) and chunks:  # "(CM": its ")" lost by the text layer
            chunks[-1] = (chunks[-1][0], chunks[-1][1] + ")")
            so_far += ")"
        chunks.append((k, text if joint == " " or not chunks else "; " + text))
        so_far = f"{so_far}{joint}{text}" if so_far else text
        j = k + 1
    return chunks, j


def _ends_table(line: Line) -> bool:
    """A line after a table of attendance that starts something else: a list heading, an item."""
    text = line.text.strip()
    return bool(heading_of(text) or ITEM_NUMBER.match(text) or TWO_COLUMNS.match(text))


def _text_of(line: Line) -> str:
    """A line's text, its cells (where the layout gives them) parted where an
    entry ends: "M Armstrong | Clerk J Connelly"."""
    cells = getattr(line, "cells", None)
    if not cells or len(cells) < 2 or squash(" ".join(c.text for c in cells)) != squash(line.text):
        return OCR_CLLR.sub("Cllr", line.text.strip())  # no cells, or cells that do not hold the whole text
    text = ""
    for cell in cells:
        piece = OCR_CLLR.sub("Cllr", cell.text.strip())
        if not text:
            text = piece
        elif _pending(text):
            text = f"{text} {piece}"
        elif is_role_phrase(piece) and not is_name(piece):  # a post or body in its own column: a role
            named_after_post = split_at_post(piece)[2] != piece  # "Clerk J Connelly": a person
            text = f"{text}, {piece}" if named_after_post or "(" in piece else f"{text} ({piece})"
        else:
            text = f"{text}; {piece}"
    return text


def _joint(so_far: str, following: str) -> str | None:
    """How a list goes on into the next line: " " when the entry written so far
    goes on (it stops mid-name, after a comma or "and", in a bracket, or the
    line starts with "(" or "and"), "; " when the line starts another entry
    (a titled name, a list, a forename alone, a name under names one a line, a
    count), None when the list has ended."""
    if not so_far:
        return " " if _list_like(following) or words.counted(following) else None
    if _sentence_ended(so_far):
        return None
    if so_far.count("(") > so_far.count(")") and not _unclosed_initials(so_far):
        return " " if ")" in following or _list_like(following) else None  # a role in brackets wraps
    if re.match(rf"^(?:\(|(?:{words.AND})\s)", following):
        return " "
    if words.counted(following):
        return "; "
    if not _list_like(following):
        return None
    starts_entry = re.match(rf"^(?:{TITLE}\b|(?i:{words.PLURAL_TITLE_WORD})\b)", following)
    if _pending(so_far) and not (starts_entry and _role_ended(so_far)):
        return " "
    first_piece = re.split(rf",|;|\s(?:{words.AND})\s", following)[0]
    if starts_entry or (first_piece != following and is_name(first_piece)) or len(following.split()) == 1:
        return "; "
    last_line = re.split(r"; ", so_far)[-1]
    if _one_name(last_line) and _one_name(following):
        return "; "  # names one a line: "Jane Archer" / "Alan Caudwell"
    return None


def _one_name(text: str) -> bool:
    """A line that is one name and nothing else, no word of an item title in it."""
    head = re.sub(r"\([^()]*\)", " ", text)
    head = trailing_post(DASH_ROLE.split(head, maxsplit=1)[0].strip())[0]  # "Jane Smith Convener", "Jo Green – Clerk"
    if re.search(rf",|;|\s(?:{words.AND})\s", head) or any(w.casefold() in words.ITEM_WORDS for w in head.split()):
        return False
    return is_name(head)


def _pending(so_far: str) -> bool:
    """Whether the entry written so far is unfinished: it ends on a comma,
    "and", a title or an initial, or on a forename or a role that goes on
    ("Robin", "Cabinet Member for Integrated Children’s")."""
    if re.search(rf"(?:[,;&]|\s(?:{words.AND})|\b{TITLE}\.?|\b[A-Z]\.?)$", so_far):
        return True
    last = re.split(rf"[,;)]|\s(?:{words.AND})\s", so_far)[-1].strip()
    if not last or last.endswith("."):
        return False
    if re.fullmatch(r"[A-Z][\w'’\-]*", last) and not last.isupper():
        return not is_role_phrase(last)  # a forename waiting for its surname, not a post ("Chairman")
    return not is_name(last) and bool(re.search(r"\s[a-z]|['’]s$", last))


def _role_ended(so_far: str) -> bool:
    """Whether a post written after a name may end here ("… – Leader of the
    Council"), so a titled name on the next line is the next entry: it does not
    end on a comma, "and", a title, an initial or a small word of a post."""
    return not re.search(rf"(?:[,;&–—-]|\s(?:{words.AND})|\b{TITLE}\.?|\b[A-Z]\.?|\s(?:of|for|the|to|in|on|with))$",
                         so_far.rstrip())


def _unclosed_initials(so_far: str) -> bool:
    """"Christina McDough (CM": her initials, the ")" lost; "(MI" / "Service Manager)" is a role."""
    match = UNCLOSED_INITIALS.search(so_far)
    return bool(match) and match["initials"] in initials(match["name"])


def _sentence_ended(text: str) -> bool:
    spans = sentences(text)
    return bool(spans) and spans[-1][1] < len(text.rstrip())


def _list_like(text: str) -> bool:
    """Whether a line is made of names: capitalised words, initials, titles,
    honours, brackets, commas and "and" — no digits, no lower-case prose, not
    a heading in capitals."""
    text = re.sub(r"\([^()]*\)|\([^()]*$|^[^()]*\)", " ", text)
    text = SUBSTITUTE_PHRASE.sub(" , ", text)  # "Cllr G Voss for Cllr C Wragg"
    tokens = [t.strip(",;.:") for t in text.split()]
    tokens = [t for t in tokens if t]
    if not tokens or re.search(r"\d", text):
        return False
    # "Mr G Smith – Director of Planning", "Sue Chandler, Cabinet Member for Finance": a post's small words
    in_role = ROLE_CONNECTORS if is_role_phrase(text) and re.search(r"[,–—-]", text) else frozenset()
    mixed = False
    for n, token in enumerate(tokens):
        if re.fullmatch(rf"(?:{words.AND})", token, re.IGNORECASE) and token.islower() or token in ("&", "-", "–", "—"):
            continue
        if token in in_role:
            continue
        if token.islower() and token not in NAME_PARTICLES:
            return False
        if token.isupper() and len(token.replace(".", "")) > 1 and n == 0:
            return False
        if not token[0].isupper():
            return False
        mixed = mixed or (len(token) > 1 and not token.isupper())
    return mixed

