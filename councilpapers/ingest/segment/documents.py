"""A pack split into the documents bound in it: the agenda front sheet, each
set of minutes, each report (from its cover sheet), the records of decision
and appendices attached to them. A file that is none of these is one document.

Appendices are found conservatively: an "Appendix 1" heading at the top of a
page, or the first page after the contact details of a report that mentions
an appendix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...corpus.records import Report
from ...text.spacing import squash
from ..model import Line
from .agenda import BANNER, front_sheet_end, is_date_line
from .decision_records import (
    DECISION_NO_LABEL,
    RECORD_OF_DECISION,
    find_decision_records,
    record_title,
)
from .headings import MeetingHeading

__all__ = ["DECISION_NO_LABEL", "RECORD_OF_DECISION", "DocumentSpan", "split_documents"]

APPENDIX_HEADING = re.compile(
    r"^\s*(?:Appendix|APPENDIX|Annex|ANNEX)\s+(?P<ref>[A-Z]|\d{1,2}|[IVX]{1,4})\b\.?"
    r"\s*(?:[-–:]\s*(?P<title>.{0,100}))?$"
)
# "Appendix 1- LILAC final report for KCC 2015" in a report's list of appendices.
APPENDIX_LISTED = re.compile(
    r"^\s*(?:Background\s+Documents:\s*)?(?:Appendix|Annex)\s+(?P<ref>[A-Z]|\d{1,2})\s*[-–:]\s*(?P<title>\S.*)$",
    re.IGNORECASE,
)
MENTIONS_APPENDIX = re.compile(r"\b(?:appendix|appendices|annex)\b", re.IGNORECASE)
CONTACT = re.compile(r"\S@\S+\.\w|^\s*mailto:", re.IGNORECASE)
FIRST_SECTION = re.compile(r"^\s*(?:1|1\.1|A)[.)]?\s")  # "1. Introduction", "1.1 The …", "A. This report …"
MINUTES_TITLE = re.compile(r"^\s*(?:[A-Z ]+\s)?MINUTES\s*$|^\s*Minutes\s*$")
REPORT_BY = re.compile(r"^\s*(?:Report\s+[Bb]y|By)\s+[A-Z]")  # "By entering this room" is prose
STRATEGY = re.compile(r"\b(?:this|our|the)\s+strategy\b", re.IGNORECASE)
PDF_PAGE_TOP = re.compile(r"^ \S")  # pdftotext starts each page's first line with a space
CONTACT_TO_APPENDIX = 15  # lines after a report's last contact detail an appendix may start
LEFTOVER = 10  # lines outside every document worth a document of their own


@dataclass
class DocumentSpan:
    """Where one document bound in the file runs: lines `index` to `end`."""

    index: int
    end: int
    kind: str  # agenda/minutes/report/appendix/strategy/web_minutes/other
    title: str


def split_documents(
    lines: list[Line], headings: list[MeetingHeading], reports: list[Report]
) -> list[DocumentSpan]:
    starts: dict[int, tuple[str, str]] = {}
    front_ends: dict[int, int] = {}
    for heading in headings:
        if heading.kind == "report":
            continue  # the meeting a report is for: the report starts its own document
        starts[heading.index] = (_heading_kind(heading), _heading_title(heading))
        if heading.kind == "agenda":
            front_ends[heading.index] = front_sheet_end(lines, heading.end)
    # A record of decision is a document of its own, even when a report is read from it.
    for record in find_decision_records(lines):
        starts.setdefault(record.index, ("other", record_title(record)))
    for report in reports:
        starts.setdefault(report.index, ("report", report.subject))
    _start_at_banners(lines, starts)
    for i, title in _appendices(lines, starts):
        starts.setdefault(i, ("appendix", title))
    if not starts:
        return [_whole_file(lines)] if lines else []

    documents = []
    order = sorted(starts)
    if order[0] >= LEFTOVER:
        documents.append(DocumentSpan(0, order[0], "other", _next_text(lines, 0) or ""))
    for n, i in enumerate(order):
        kind, title = starts[i]
        end = order[n + 1] if n + 1 < len(order) else len(lines)
        front_end = front_ends.get(i, end)
        documents.append(DocumentSpan(i, min(front_end, end), kind, title))
        if end - front_end >= LEFTOVER:  # something unlabelled follows the front sheet
            documents.append(DocumentSpan(front_end, end, "other", _next_text(lines, front_end) or ""))
    return documents


def _heading_kind(heading: MeetingHeading) -> str:
    return {"agenda": "agenda", "minutes": "minutes"}.get(heading.kind, "web_minutes")


def _heading_title(heading: MeetingHeading) -> str:
    when = heading.date
    if heading.kind == "agenda":
        day = f", {when:%A} {when.day} {when:%B %Y}" if when else ""
        return f"Agenda - {heading.committee}{day}"
    day = f", {when.day} {when:%B %Y}" if when else ""
    if heading.kind == "minutes":
        return f"Minutes of the {heading.committee}{day}"
    return f"Agenda and minutes - {heading.committee}{day}"


def _start_at_banners(lines: list[Line], starts: dict[int, tuple[str, str]]) -> None:
    """An "Agenda Item B1" banner heads the document that follows it: the
    document starts at the banner. A banner over nothing we recognise starts
    a document of its own."""
    for i, line in enumerate(lines):
        if not BANNER.match(line.text) or i in starts:
            continue
        below = next((k for k in range(i + 1, min(i + 5, len(lines))) if k in starts), None)
        if below is not None:
            starts[i] = starts.pop(below)
        else:
            following = next((l.text.strip() for l in lines[i + 1 : i + 4] if l.text.strip()), "")
            starts[i] = ("other", following or line.text.strip())


def _next_text(lines: list[Line], i: int) -> str | None:
    return next((line.text.strip() for line in lines[i : i + 3] if line.text.strip()), None)


def _appendices(lines: list[Line], starts: dict[int, tuple[str, str]]) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    previous_ref = None
    for i, line in enumerate(lines):
        heading = APPENDIX_HEADING.match(line.text)
        if not heading or not _page_top(lines, i, strict=False) or _in_a_list(lines, i):
            continue
        if found and heading["ref"] == previous_ref and not any(found[-1][0] < k < i for k in starts):
            continue  # "APPENDIX F: …" printed atop each of its pages starts it once
        previous_ref = heading["ref"]
        title = line.text.strip()
        below = None if heading["title"] else _next_text(lines, i + 1)
        found.append((i, f"{title} - {below.rstrip(':')}" if below else title))
    order = sorted(starts)
    for n, i in enumerate(order):
        if starts[i][0] != "report":
            continue
        end = order[n + 1] if n + 1 < len(order) else len(lines)
        appendix = _after_contact_details(lines, i, end)
        if appendix and all(abs(appendix[0] - k) > 3 for k, _ in found):
            found.append(appendix)
    return found


def _after_contact_details(lines: list[Line], start: int, end: int) -> tuple[int, str] | None:
    """A report that mentions an appendix and ends with its officers' e-mail
    addresses: the next page after them is the appendix."""
    body = lines[start:end]
    if not any(MENTIONS_APPENDIX.search(line.text) for line in body):
        return None
    contacts = [k for k in range(start, end) if CONTACT.search(lines[k].text)]
    if not contacts or not any(FIRST_SECTION.match(lines[k].text) for k in range(start, contacts[-1])):
        return None  # no contacts, or only the cover's, listed before the body's first section
    listed = next((match for line in body if (match := APPENDIX_LISTED.match(line.text))), None)
    for k in range(contacts[-1] + 1, min(contacts[-1] + 1 + CONTACT_TO_APPENDIX, end)):
        if _page_top(lines, k) and not APPENDIX_LISTED.match(lines[k].text):
            if listed:
                return k, f"Appendix {listed['ref']} - {squash(listed['title'])}"
            return k, lines[k].text.strip()
    return None


def _page_top(lines: list[Line], i: int, strict: bool = True) -> bool:
    """The first line of a page: the page number changes, a run of blank
    lines (or a dropped page footer) comes before it, or pdftotext's leading
    space marks it, and not a bulleted list, whose lines all have one. Not
    `strict`: only the line below counts for that (a heading "Appendix 1" may
    follow indented contact details at the foot of the page before)."""
    if not lines[i].text.strip():
        return False
    if i == 0:
        return True
    if lines[i].page is not None and lines[i - 1].page is not None and lines[i].page != lines[i - 1].page:
        return True
    if _blank_lines_before(lines, i) >= 3:
        return True
    if not PDF_PAGE_TOP.match(lines[i].text):
        return False
    following = next((line for line in lines[i + 1 : i + 4] if line.text.strip()), None)
    preceding = next((line for line in reversed(lines[max(0, i - 3) : i]) if line.text.strip()), None)
    neighbours = (following, preceding) if strict else (following,)
    return not any(line and PDF_PAGE_TOP.match(line.text) for line in neighbours)


def _blank_lines_before(lines: list[Line], i: int) -> int:
    """Readers drop blank lines but keep the numbering; fixtures may keep them."""
    k = i
    while k > 0 and not lines[k - 1].text.strip():
        k -= 1
    return lines[i].number - (lines[k - 1].number if k > 0 else 0) - 1


def _in_a_list(lines: list[Line], i: int) -> bool:
    """"6. Appendices" / "Appendix 1- LILAC final report": a reference, not the
    appendix; so is the last of a list of them."""
    above = " ".join(line.text for line in lines[max(0, i - 2) : i])
    previous = lines[i - 1].text if i else ""
    return bool(re.search(r"\b(?:Appendices|Background\s+Documents|attached)\b", above, re.IGNORECASE)
                or APPENDIX_LISTED.match(previous) or APPENDIX_HEADING.match(previous))


def _whole_file(lines: list[Line]) -> DocumentSpan:
    """A file that is one document: what its opening lines or its text say it is."""
    opening = lines[:15]
    if any(MINUTES_TITLE.search(line.text) for line in opening[:8]):
        kind = "minutes"
    elif any(REPORT_BY.match(line.text) for line in opening):
        kind = "report"
    elif len(STRATEGY.findall(" ".join(line.text for line in lines[:300]))) >= 2:
        kind = "strategy"
    else:
        kind = "other"
    return DocumentSpan(0, len(lines), kind, _whole_file_title(lines, kind))


def _whole_file_title(lines: list[Line], kind: str) -> str:
    """The first line; for a report, the lines between its meeting date and
    "Report by" ("15 January 2026" / "Petition Regarding … Manorgate" / "Road")."""
    by = next((k for k, line in enumerate(lines[:15]) if REPORT_BY.match(line.text)), None)
    if kind == "report" and by:
        dated = [k for k in range(by) if is_date_line(lines[k].text)]
        if dated and dated[-1] + 1 < by:
            return squash(" ".join(line.text for line in lines[dated[-1] + 1 : by]))
    return _next_text(lines, 0) or ""


