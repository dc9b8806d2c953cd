"""Records of decision: the form a decision is proposed or recorded on.

    KENT COUNTY COUNCIL – PROPOSED RECORD OF DECISION
    DECISION TO BE TAKEN BY:            DECISION NUMBER:
    Cabinet                             24/00108
    Subject Matter / Title of Decision: Revenue and Capital Budget Monitoring
    Report – September 2024-2025
    Decision:
    The Cabinet agree to: a) note …
    …
    A report will be presented to Cabinet on 30 January 2025.

Labels and values may stand in two columns (a reader gives them one a line,
label, value, label, value) or the value may follow its label. The form's
meeting is the one a sentence says it goes to ("will be presented to Cabinet
on 30 January 2025"); the decision taker alone names no meeting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...corpus.records import Report
from ...text.dates import find_date
from ...text.vocabulary import DECISION_NUMBER
from ...text.spacing import squash
from ..committees import normalise_committee
from ..model import Line
from .cover_sheets import title_case
from .headings import MeetingHeading
from .title_block import BODY_WORDS

RECORD_OF_DECISION = re.compile(
    r"^\s*(?:(?P<council>[A-Z][A-Z' ]+?)\s*[–-]\s*)?(?P<what>(?:PROPOSED\s+)?RECORD\s+OF\s+(?:\w+\s+)?DECISION)\s*$"
)
DECISION_NO_LABEL = re.compile(
    rf"^\s*DECISION\s+(?:NO\.?|NUMBER|REF(?:ERENCE)?)\s*:?\s*(?P<no>{DECISION_NUMBER})?\s*$", re.IGNORECASE
)
TAKER_LABEL = re.compile(r"^\s*DECISION\s+TO\s+BE\s+TAKEN\s+BY\s*:?\s*(?P<taker>.*?)\s*$", re.IGNORECASE)
SUBJECT_LABEL = re.compile(
    r"^\s*(?:Subject(?:\s+Matter)?(?:\s*/\s*Title\s+of\s+Decision)?|Title\s+of\s+(?:the\s+)?Decision)\s*:?\s*(?P<subject>.*)$"
)
DECISION_LABEL = re.compile(r"^\s*Decision\s*:\s*(?P<rest>.*)$")
# A label alone at the end of its line ("Reason(s) for decision:", "Decision:")
# or the next label of the form: it ends the value above it.
FORM_LABEL = re.compile(r"^\s*[A-Z][\w()’'/&, -]{0,90}:\s*$|^\s*(?:DECISION|For\s+publication|Key\s+decision)\b")
# The form's own labels, bold or not.
KNOWN_FORM_LABEL = re.compile(
    r"^\s*(?:Decision|Reasons?(?:\s*\(s\))?\s+for\s+(?:the\s+)?decision|Key\s+decision|Background"
    r"|(?:Any\s+)?alternatives?\s+considered(?:\s+and\s+rejected)?|[\w ]{0,60}\bconsultation)\s*:",
    re.IGNORECASE,
)
SIGNED = re.compile(r"^\s*(?:signed|\.{10,})", re.IGNORECASE)
# "A report will be presented to Cabinet on 30 January 2025", "… will be
# considered by the Planning Committee at its meeting on 4 March 2025".
GOES_TO = re.compile(
    r"\b(?:will|is\s+to|are\s+to|is\s+due\s+to)\s+(?:be\s+(?:presented|considered|submitted|reported|discussed|tabled)"
    r"\s+(?:to|by|at|before)|go\s+to|come\s+(?:to|before))\s+(?:a\s+meeting\s+of\s+)?(?:the\s+)?"
    r"(?P<body>[A-Z][\w&'’ -]{1,80}?)\s+(?:(?:at\s+its\s+)?meeting\s+)?(?:on|of)\s+(?P<when>[^.;]{6,40})"
)
# A post, not a meeting: "will be considered by the Cabinet Member on …".
POST = re.compile(r"\b(?:Member|Leader|Director|Officer|Manager|Clerk|Mayor|Portfolio\s+Holder|Chief\s+Executive)\b")
MAX_RECORD_LINES = 250
SUBJECT_LINES = 4


@dataclass
class DecisionRecord:
    """One record-of-decision form, lines `index` to `end`."""

    index: int
    end: int
    council: str | None
    what: str  # "PROPOSED RECORD OF DECISION", "RECORD OF DECISION"
    number: str | None = None
    taker: str | None = None
    subject: str | None = None
    decision: str | None = None  # what is decided, or proposed
    meeting: MeetingHeading | None = None

    @property
    def proposed(self) -> bool:
        return self.what.upper().startswith("PROPOSED")


def is_record_heading(text: str) -> bool:
    return bool(RECORD_OF_DECISION.match(text))


def find_decision_records(lines: list[Line], context: date | None = None) -> list[DecisionRecord]:
    starts = [i for i, line in enumerate(lines) if RECORD_OF_DECISION.match(line.text)]
    records = []
    for n, i in enumerate(starts):
        end = min(starts[n + 1] if n + 1 < len(starts) else len(lines), i + MAX_RECORD_LINES)
        records.append(read_decision_record(lines, i, end, context))
    return records


def read_decision_record(lines: list[Line], i: int, end: int | None = None,
                         context: date | None = None) -> DecisionRecord:
    """The form whose heading is line `i`, read up to its signature (or `end`)."""
    match = RECORD_OF_DECISION.match(lines[i].text)
    end = min(end or len(lines), i + MAX_RECORD_LINES, len(lines))
    record = DecisionRecord(i, end, match["council"], match["what"])
    slots = _slots(lines, i + 1, end)
    for n, (k, text) in enumerate(slots):
        if SIGNED.match(text):
            record.end = k + 1
            break
        if record.number is None and (label := DECISION_NO_LABEL.match(text)):
            record.number = label["no"] or _number_after(slots[n + 1 : n + 5])
        elif record.taker is None and (label := TAKER_LABEL.match(text)):
            record.taker = label["taker"] or _taker_after(slots[n + 1 : n + 5])
        elif record.subject is None and (label := SUBJECT_LABEL.match(text)):
            record.subject = _value(lines, k, label["subject"], end)
        elif record.decision is None and (label := DECISION_LABEL.match(text)):
            record.decision = _paragraph(lines, k, label["rest"], end)
        if record.meeting is None:
            record.meeting = _meeting_it_goes_to(lines, k, context)
    return record


def _slots(lines: list[Line], start: int, end: int) -> list[tuple[int, str]]:
    """Each line's text, or each of its cells' when it has several: labels set
    side by side ("DECISION TO BE TAKEN BY:   DECISION NUMBER:") are read one
    by one."""
    slots = []
    for k in range(start, end):
        cells = getattr(lines[k], "cells", None)
        if cells and len(cells) > 1 and any(DECISION_NO_LABEL.match(c.text) or TAKER_LABEL.match(c.text)
                                            for c in cells):
            slots.extend((k, cell.text) for cell in cells)
        else:
            slots.append((k, lines[k].text))
    return slots


def _number_after(slots: list[tuple[int, str]]) -> str | None:
    """The decision number under its label: the first number of the texts
    below (in two columns the other column's label and value may come first)."""
    for _, text in slots:
        found = re.search(DECISION_NUMBER, text)
        if found:
            return found.group(0)
    return None


def _taker_after(slots: list[tuple[int, str]]) -> str | None:
    for _, text in slots:
        text = text.strip()
        if text and not (DECISION_NO_LABEL.match(text) or TAKER_LABEL.match(text)
                         or re.fullmatch(DECISION_NUMBER, text)):
            return text
    return None


def record_title(record: DecisionRecord) -> str:
    """'Kent County Council - Proposed Record of Decision 15/00068: Entering into a contract …'."""
    parts = [title_case(part, set()) for part in (record.council, record.what) if part]
    title = " - ".join(parts)
    if record.number:
        title += f" {record.number}"
    if record.subject:
        title += f": {record.subject.strip(' .')}"
    return title


def record_report(record: DecisionRecord) -> Report:
    """The form as a report record: its number and subject; a proposed
    decision is what the report recommends."""
    return Report(
        index=record.index, end=record.end, subject=(record.subject or "").strip(" ."), by=[], to=None,
        decision_no=record.number, recommendations=record.decision if record.proposed else None,
    )


def _value(lines: list[Line], k: int, first: str, end: int) -> str | None:
    """A value that may wrap: after its label on line `k` (or on the next line
    when the label stands alone), up to a blank line or the next label."""
    parts = [first.strip()] if first.strip() else []
    for m in range(k + 1, min(k + 1 + SUBJECT_LINES, end)):
        text = lines[m].text.strip()
        if not text and not parts:
            continue
        if not text or _is_form_label(lines[m], first=not parts) or lines[m].number - lines[m - 1].number > 1 and parts:
            break
        parts.append(text)
    return squash(" ".join(parts)) or None


def _paragraph(lines: list[Line], k: int, first: str, end: int) -> str | None:
    """The decision's text: up to the next label of the form."""
    parts = [first.strip()] if first.strip() else []
    for m in range(k + 1, end):
        text = lines[m].text.strip()
        if _is_form_label(lines[m], first=not parts) or SIGNED.match(text):
            break
        if text:
            parts.append(text)
    return squash(" ".join(parts)) or None


def _is_form_label(line: Line, first: bool) -> bool:
    """The form's next label: one of its own ("Reason(s) for decision:"), or a
    line that looks like one and is set in bold (or whose weight is unknown).
    The first line of a value is never one ("The Cabinet agree to:")."""
    if first:
        return False
    return bool(KNOWN_FORM_LABEL.match(line.text)) or (
        getattr(line, "bold", None) is not False and bool(FORM_LABEL.match(line.text)))


def _meeting_it_goes_to(lines: list[Line], k: int, context: date | None) -> MeetingHeading | None:
    text = " ".join(line.text.strip() for line in lines[k : k + 2])
    match = GOES_TO.search(text)
    if not match or not BODY_WORDS.search(match["body"]) or POST.search(match["body"]):
        return None
    when, _ = find_date(match["when"], context)
    if not when:
        return None
    return MeetingHeading(kind="report", index=k, end=k + 1, committee=normalise_committee(match["body"]), date=when)


