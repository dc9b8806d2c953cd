"""Report cover sheets: the labelled fields that open a committee report.

    By:        Peter Oakford, Cabinet Member for Specialist Children's
               Services
               Andrew Ireland, Corporate Director of Social Care, Health and
               Wellbeing
    To:        Corporate Parenting Panel – 8 December 2015
    Decision No: 15/00067
    Subject    LEADING IMPROVEMENTS FOR LOOKED AFTER
               CHILDREN ASSESSMENT – LILAC
    Classification: Unrestricted
    Summary:   …
    Recommendation(s): …
    1. Introduction

A value may follow its label on the same line, in a column of its own (the
PDF's cells: a line that starts left of that column is no part of it), or on
the lines below. Labels are read by `cover_labels` (with or without colons,
"Report by …" run in); a title and the meeting printed above the first label
without labels ("Neighbourhood Committee / 15 January 2026 / Title / Report
by …") by `cover_heading`. A sheet opens at its first label when a "To:" and
a "By:" or "Subject:" follow, a "By:" and "Subject:", or a "By:" under a
heading that names the meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...corpus.records import Report
from ...text.dates import find_date
from ...text.names import TITLE, is_role_phrase
from ...text.spacing import squash
from ...text.vocabulary import DECISION_NUMBER, pattern
from ..committees import normalise_committee
from ..model import Line, body_size
from .cover_heading import heading_above
from .cover_labels import OTHER, Label, read_label
from .headings import MeetingHeading

OPENING_FIELDS = {"by", "to", "subject"}
LONG_FIELDS = {"summary", "recommendations"}  # paragraphs, blank lines inside
DECISION_NO = re.compile(rf"\bDecision\s*(?:No\.?|Number|Ref(?:erence)?)?\s*:?\s*(?P<no>{DECISION_NUMBER})\b", re.IGNORECASE)
CLASSIFICATION = re.compile(rf"{pattern('classifications')}\.?", re.IGNORECASE)
# The report's body starts: "1. Introduction", "1." alone, "Introduction", a rule.
BODY_START = re.compile(
    r"^\s*(?:1\.?\s*$|1\.\s+[A-Z][^.]{0,60}$|(?:Introduction|Background)\s*:?\s*$|[_\-=]{10,}\s*$)"
)
NAMED_SECTION = re.compile(r"^\s*(?:1\.?\s+)?(?:Introduction|Background)\b")
SENT = re.compile(r"^\s*Sent\s*:")  # an e-mail's From:/Sent:/To:/Subject:
# A summons ("To: All Members …", "Dear Councillor,", "AGENDA") is no cover sheet: a
# "Report of …" under an item of its agenda is that item's, not the letter's.
LETTER_OR_AGENDA = re.compile(r"^\s*(?:Dear\s+\w|AGENDA\s*$|Agenda\s*$)")
# "Andrew Ireland, Corporate Director …" or "Ben Watts – General Counsel"
# starts another person; "Social Care, Health and Wellbeing" continues a role.
PERSON_START = re.compile(rf"^(?:{TITLE}\.?\s+)?(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]+\s*(?:[,:]|\s[–—-]\s)")
WRAPS_ON = re.compile(r"(?:,|\b(?:of|on|and|the|to|for|in|at|with|from|by|&|-|–))\s*$", re.IGNORECASE)
CONTINUES_ON = re.compile(r"(?:\b(?:of|on|and|the|to|for|in|at|with|from|by)|[&–—-])\s*$", re.IGNORECASE)
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
               "the", "to", "with", "vs", "via"}
WINDOW = 25  # To and Subject come within this many lines of By/From
MAX_GAP = 10  # text lines without a label between two labels of one sheet
MAX_FIELDS_LINES = 80
COLUMN_TOLERANCE = 6.0  # points: a value's lines start within this of its column


@dataclass(frozen=True)
class Piece:
    """A line's part of a field's value."""

    text: str
    line: Line


Fields = dict[str, list[list[Piece]]]


@dataclass
class CoverSheet:
    """A report read from its cover sheet, and its "Date:" field, which dates
    a "To:" that names no date."""

    report: Report
    date: str | None = None


def find_cover_sheets(lines: list[Line]) -> list[Report]:
    """Each cover sheet's fields, at the line of its first label (or of the
    heading above it)."""
    return [sheet.report for sheet in read_cover_sheets(lines)]


def read_cover_sheets(lines: list[Line]) -> list[CoverSheet]:
    sheets: list[CoverSheet] = []
    acronyms: set[str] | None = None
    size = body_size(lines)
    i = 0
    while i < len(lines):
        label = read_label(lines[i], other=False)
        if not label or label.field not in OPENING_FIELDS or not _opens_cover_sheet(lines, i, label, size):
            i += 1
            continue
        if acronyms is None:
            acronyms = _acronyms(lines)
        sheet = _read_cover_sheet(lines, i, acronyms, size)
        sheets.append(sheet)
        i = max(sheet.report.end, i + 1)
    return sheets


def _opens_cover_sheet(lines: list[Line], i: int, label: Label, size: float | None) -> bool:
    if label.field == "by" and "@" in label.value:
        return False
    seen = _fields_ahead(lines, i)
    if seen is None:
        return False
    if "to" in seen and seen & {"by", "subject"} or {"by", "subject"} <= seen:
        return True
    if label.field != "by":
        return False
    heading = heading_above(lines, i, size)
    return bool(heading and heading.to)


def _fields_ahead(lines: list[Line], i: int) -> set[str] | None:
    """The fields labelled in the block that starts at `i` (labels no more than
    MAX_GAP text lines apart); None for an e-mail's header."""
    if any(SENT.match(line.text) for line in lines[max(0, i - 3) : i]):
        return None
    seen: set[str] = set()
    gap = 0
    for k in range(i, min(i + WINDOW, len(lines))):
        text = lines[k].text
        if SENT.match(text):
            return None
        label = read_label(lines[k], other=False)
        if label:
            seen.add(label.field)
            gap = 0
        elif LETTER_OR_AGENDA.match(text):
            break
        elif text.strip():
            gap += 1
            if gap > MAX_GAP:
                break
    return seen


def _read_cover_sheet(lines: list[Line], start: int, acronyms: set[str], size: float | None) -> CoverSheet:
    heading = heading_above(lines, start, size)
    fields, end = _read_fields(lines, start, has_title=bool(heading and heading.title))
    decision = DECISION_NO.search(" ".join(lines[k].text for k in range(start, end)))
    subject = _first_group(fields.get("subject"))
    to = _first_group(fields.get("to"))
    index = start
    if heading and (not subject and heading.title or not to and heading.to):
        index = heading.index
        subject = subject or heading.title
        to = to or heading.to
    subject = subject or ""
    report = Report(
        index=index,
        end=end,
        subject=title_case(subject, acronyms) if subject and not re.search(r"[a-z]", subject) else subject,
        by=_people(fields.get("by", [])),
        to=to,
        decision_no=decision["no"] if decision else None,
        classification=_first_group(fields.get("classification")),
        summary=_all_groups(fields.get("summary")),
        recommendations=_all_groups(fields.get("recommendations")),
    )
    return CoverSheet(report, date=_first_group(fields.get("date")))


def _read_fields(lines: list[Line], start: int, has_title: bool) -> tuple[Fields, int]:
    """Collect each field's lines; a blank line separates parts of a value
    (the people under By:), or ends a one-line field. Returns the fields and
    where the sheet ends."""
    fields: Fields = {}
    current: str | None = None
    column: float | None = None  # where the current field's values start, when known
    i = start
    while i < len(lines) and i < start + MAX_FIELDS_LINES:
        line = lines[i]
        text = line.text.strip()
        # A field still waiting for its value takes the next line whatever it
        # looks like ("OVERVIEW OF THE LAMING REVIEW: …" under "Subject:"); in a
        # paragraph, only a bold line is a label of another field.
        waiting = current is not None and not _has_value(fields.get(current))
        in_long = current in LONG_FIELDS and not waiting
        label = read_label(line, other=not waiting and (not in_long or bool(getattr(line, "bold", None))))
        if label and label.field in OPENING_FIELDS and _has_value(fields.get(label.field)) and len(fields) > 1:
            break  # the next report's cover sheet
        if label and label.field == OTHER and in_long:
            break  # "Benefits to the Community:" after the recommendations: the report's body
        if label and not (current in LONG_FIELDS and label.field == current):
            current, column = label.field, label.value_x
            fields.setdefault(current, []).append([Piece(label.value, line)] if label.value else [])
        elif not text:
            pass
        elif current not in LONG_FIELDS and "classification" not in fields and CLASSIFICATION.fullmatch(text):
            current, column = "classification", _x(line)  # "Unrestricted" printed without its label
            fields[current] = [[Piece(text, line)]]
        elif _fields_over(lines, i, current, column, fields, has_title):
            # A stray line ("22nd July 2015" under To:, a rule) is skipped when
            # more labels follow; otherwise the report's body has begun.
            if not _label_follows(lines, i):
                break
            current, column = None, None
        else:
            groups = fields[current]
            if not groups or (_blank_before(lines, i) and groups[-1]):
                groups.append([])
            groups[-1].append(Piece(text, line))
        i += 1
    fields.pop(OTHER, None)
    return fields, i


def _fields_over(lines: list[Line], i: int, current: str | None, column: float | None, fields: Fields,
                 has_title: bool) -> bool:
    if current is None:
        return True
    groups = fields[current]
    if BODY_START.match(lines[i].text) and ("subject" in fields or has_title):
        # "1. the result … be noted;" under "… asked to RESOLVE that:" is a recommendation.
        return not (current in LONG_FIELDS and _has_value(groups) and _after_colon(lines, i)
                    and not NAMED_SECTION.match(lines[i].text))
    start = _x(lines[i])
    if column is not None and start is not None and start < column - COLUMN_TOLERANCE:
        return True  # a line left of the values' column: "Contact Details" under the fields
    # After a blank line, a one-line field that has its value takes no more.
    return bool(groups and groups[-1]) and _blank_before(lines, i) and current not in LONG_FIELDS | {"by"}


def _after_colon(lines: list[Line], i: int) -> bool:
    previous = next((line.text for line in reversed(lines[max(0, i - 3) : i]) if line.text.strip()), "")
    return previous.rstrip().endswith((":", ":-"))


def _x(line: Line) -> float | None:
    """Where a line's text starts: its first cell's left edge (a line's own
    edge may be an invisible mark in the margin)."""
    cells = getattr(line, "cells", None)
    if cells and cells[0].x0 is not None:
        return cells[0].x0
    return getattr(line, "x0", None)


def _has_value(groups: list[list[Piece]] | None) -> bool:
    return bool(groups and any(groups))


def _label_follows(lines: list[Line], i: int) -> bool:
    following = [line for line in lines[i + 1 : i + 8] if line.text.strip()][:3]
    return any(read_label(line, other=False) and not BODY_START.match(line.text) for line in following)


def _blank_before(lines: list[Line], i: int) -> bool:
    """Readers drop blank lines but keep the numbering; fixtures may keep them."""
    return i > 0 and (lines[i].number - lines[i - 1].number > 1 or not lines[i - 1].text.strip())


def _first_group(groups: list[list[Piece]] | None) -> str | None:
    for group in groups or []:
        if group:
            return squash(" ".join(piece.text for piece in group))
    return None


def _all_groups(groups: list[list[Piece]] | None) -> str | None:
    text = squash(" ".join(piece.text for group in groups or [] for piece in group))
    return text or None


def _people(groups: list[list[Piece]]) -> list[str]:
    people: list[list[str]] = []
    for group in groups:
        for n, piece in enumerate(group):
            if n == 0 or _starts_person(group[n - 1], piece):
                people.append([])
            people[-1].append(piece.text)
    return [squash(" ".join(person)).rstrip(",;") for person in people if person]


def _starts_person(previous: Piece, piece: Piece) -> bool:
    """Whether `piece` names another person rather than continuing the one
    above: not after "… and" or before "and Education"; where the layout is
    known, when its first word would have fitted on the line above (so that
    line was not wrapped); else when it starts "Name Surname," after a line
    that does not end on a comma."""
    if CONTINUES_ON.search(previous.text) or piece.text[:1].islower():
        return False
    fits = _would_have_fitted(previous.line, piece.text)
    if fits is not None:
        return fits
    match = PERSON_START.match(piece.text)
    return bool(match) and not is_role_phrase(match.group(0)) and not WRAPS_ON.search(previous.text)


def _would_have_fitted(line: Line, text: str) -> bool | None:
    """Whether the first word of `text` fits between the end of `line` and the
    body's right edge, at the line's average character width; None without
    positions."""
    cells = getattr(line, "cells", None)
    frame = getattr(line, "frame", None)
    if not cells or frame is None or cells[-1].x0 is None or cells[-1].x1 is None or not text.split():
        return None
    last = cells[-1]
    width = (last.x1 - last.x0) / max(len(last.text), 1)
    return frame.body_right - last.x1 >= (len(text.split()[0]) + 1) * width


def _acronyms(lines: list[Line]) -> set[str]:
    """Capitalised words the text also writes in capitals inside ordinary
    sentences ("The LILAC Assessment stands for …"): they stay capitals when a
    subject printed in capitals is put in title case."""
    found: set[str] = set()
    for line in lines:
        text = line.text
        if sum(c.islower() for c in text) > sum(c.isupper() for c in text):
            found.update(re.findall(r"\b[A-Z]{2,}\b", text))
    return found - {word.upper() for word in SMALL_WORDS}


def title_case(text: str, acronyms: set[str]) -> str:
    """'LEADING IMPROVEMENTS FOR LOOKED AFTER CHILDREN ASSESSMENT – LILAC' ->
    'Leading Improvements for Looked After Children Assessment – LILAC'."""
    words: list[str] = []
    for word in squash(text).split(" "):
        core = re.sub(r"^\W+|\W+$", "", word)
        if core in acronyms:
            words.append(word)
        elif core.lower() in SMALL_WORDS and words and not words[-1].endswith(":"):
            words.append(word.lower())
        else:
            words.append(re.sub(r"(^\W*|[-/])([a-z])", lambda m: m[1] + m[2].upper(), word.lower()))
    return " ".join(words)




# A memo is addressed to a body's members: "Chairman and Members of the Planning
# Board", "All Members of the Cabinet" name the Planning Board and the Cabinet.
ADDRESSEES = re.compile(
    r"^(?:the\s+)?(?:(?:chair(?:man|woman|person)?|vice[- ]chair(?:man)?)\s+(?:and|&)\s+)?"
    r"(?:all\s+)?(?:members|councillors)\s+of\s+(?:the\s+)?", re.IGNORECASE)


def meeting_addressed(to: str | None, index: int, context: date | None = None,
                      dated: str | None = None) -> MeetingHeading | None:
    """The meeting a report's "To:" names: "Cabinet – 30 January 2025",
    "County Council, 13 March 2025", or "Planning Committee" with the date of
    its "Date:" field (`dated`); None without a date."""
    if not to:
        return None
    when, found = find_date(to, context)
    committee = to[: found.start()] if when else to
    if not when and dated:
        when, _ = find_date(dated, context)
    committee = ADDRESSEES.sub("", committee.strip(" ,-–—"))
    if not when or not committee or len(committee) > 100:
        return None
    return MeetingHeading(kind="report", index=index, end=index + 1, committee=normalise_committee(committee),
                          date=when)
