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

A value may follow its label on the same line or on the lines below it.
"""

from __future__ import annotations

import re
from datetime import date

from ...corpus.records import Report
from ...text.names import TITLE, is_role_phrase
from ..committees import normalise_committee
from ...text.dates import find_date
from ...text.vocabulary import DECISION_NUMBER
from ..model import Line
from .headings import MeetingHeading

# A label ends with a colon, a wide layout gap, or the end of its line, so
# "To receive …" and "Summary of Performance" are prose, not labels.
LABEL = re.compile(
    r"^\s*(?P<label>By|From|Report\s+(?:of|by|from)(?=\s*:)|To|Report\s+to(?=\s*:)|Date"
    r"|Decision\s+(?:No\.?|Number|Ref(?:erence)?)|Decision|Subject|Title(?=\s*:)|Classification"
    r"|(?:Past|Future|Previous)\s+Pathway(?:\s+of\s+(?:Paper|Report))?|Electoral\s+Divisions?(?:\s*\(s\))?"
    r"|Wards?(?:\s+affected)?(?=\s*:)|Key\s+decision|Summary|Purpose(?:\s+of\s+(?:the\s+)?Report)?"
    r"|Recommendations?(?:\s*\(s\))?)"
    r"(?:\s*:-?\s*|\s{2,}|\s*$|(?<=Date)\s+(?=\d))(?P<value>.*)$",
    re.IGNORECASE,
)
# Label (lower case, by its start) -> field; "Report to" before "Report".
FIELD_PREFIXES = (
    ("by", "by"), ("from", "by"), ("report to", "to"), ("report", "by"), ("to", "to"),
    ("subject", "subject"), ("title", "subject"), ("classification", "classification"),
    ("summary", "summary"), ("recommendation", "recommendations"),
)
LONG_FIELDS = {"summary", "recommendations"}  # paragraphs, blank lines inside
DECISION_NO = re.compile(rf"\bDecision\s*(?:No\.?|Number|Ref(?:erence)?)?\s*:?\s*(?P<no>{DECISION_NUMBER})\b", re.IGNORECASE)
# The report's body starts: "1. Introduction", "1." alone, "Introduction", a rule.
BODY_START = re.compile(
    r"^\s*(?:1\.?\s*$|1\.\s+[A-Z][^.]{0,60}$|(?:Introduction|Background)\s*:?\s*$|[_\-=]{10,}\s*$)"
)
# "Andrew Ireland, Corporate Director …" starts another person; "Social Care,
# Health and Wellbeing" continues a role.
PERSON_START = re.compile(rf"^(?:{TITLE}\.?\s+)?(?:[A-Z][\w'’.-]*\s+){{0,3}}[A-Z][\w'’-]+\s*[,:]")
WRAPS_ON = re.compile(r"(?:,|\b(?:of|on|and|the|to|for|in|at|with|from|by|&|-|–))\s*$", re.IGNORECASE)
SMALL_WORDS = {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
               "the", "to", "with", "vs", "via"}
WINDOW = 25  # To and Subject come within this many lines of By/From
MAX_FIELDS_LINES = 80


def find_cover_sheets(lines: list[Line]) -> list[Report]:
    """Each cover sheet's fields, at the line of its By:/From: label."""
    reports: list[Report] = []
    acronyms: set[str] | None = None
    i = 0
    while i < len(lines):
        if not _opens_cover_sheet(lines, i):
            i += 1
            continue
        if acronyms is None:
            acronyms = _acronyms(lines)
        report = _read_cover_sheet(lines, i, acronyms)
        reports.append(report)
        i = max(report.end, i + 1)
    return reports


def _opens_cover_sheet(lines: list[Line], i: int) -> bool:
    match = _label(lines[i].text)
    if not match or _field(match) != "by" or "@" in match["value"]:
        return False
    seen = set()
    for k in range(i + 1, min(i + WINDOW, len(lines))):
        label = _label(lines[k].text)
        if label:
            seen.add(_field(label))
        if re.match(r"^\s*Sent\s*:", lines[k].text):  # an e-mail's From:/Sent:/To:/Subject:
            return False
    return {"to", "subject"} <= seen


def _label(text: str) -> re.Match | None:
    """A label starts with a capital: a line "to" or "by" alone is wrapped prose."""
    match = LABEL.match(text)
    return match if match and match["label"][0].isupper() else None


def _field(match: re.Match) -> str:
    name = re.sub(r"\s+", " ", match["label"].lower())
    return next((field for prefix, field in FIELD_PREFIXES if name.startswith(prefix)), name)


def _read_cover_sheet(lines: list[Line], start: int, acronyms: set[str]) -> Report:
    """Collect each field's lines; a blank line separates parts of a value
    (the people under By:), or ends a one-line field."""
    fields: dict[str, list[list[str]]] = {}
    current: str | None = None
    i = start
    while i < len(lines) and i < start + MAX_FIELDS_LINES:
        text = lines[i].text.strip()
        match = _label(lines[i].text)
        if match and _field(match) == "by" and "subject" in fields:
            break  # the next report's cover sheet
        if match and not (current in LONG_FIELDS and _field(match) == current):
            current = _field(match)
            fields.setdefault(current, [])
            fields[current].append([match["value"].strip()] if match["value"].strip() else [])
        elif not text:
            pass
        elif _fields_over(lines, i, current, fields):
            # A stray line ("22nd July 2015" under To:, a rule) is skipped when
            # more labels follow; otherwise the report's body has begun.
            if not _label_follows(lines, i):
                break
            current = None
        else:
            groups = fields[current]
            if not groups or (_blank_before(lines, i) and groups[-1]):
                groups.append([])
            groups[-1].append(text)
        i += 1
    decision = DECISION_NO.search(" ".join(lines[k].text for k in range(start, i)))
    subject = _first_group(fields.get("subject")) or ""
    return Report(
        index=start,
        end=i,
        subject=title_case(subject, acronyms) if subject and not re.search(r"[a-z]", subject) else subject,
        by=_people(fields.get("by", [])),
        to=_first_group(fields.get("to")),
        decision_no=decision["no"] if decision else None,
        classification=_first_group(fields.get("classification")),
        summary=_all_groups(fields.get("summary")),
        recommendations=_all_groups(fields.get("recommendations")),
    )


def _fields_over(lines: list[Line], i: int, current: str | None, fields: dict[str, list[list[str]]]) -> bool:
    if current is None or (BODY_START.match(lines[i].text) and "subject" in fields):
        return True
    groups = fields[current]
    # After a blank line, a one-line field that has its value takes no more.
    return bool(groups and groups[-1]) and _blank_before(lines, i) and current not in LONG_FIELDS | {"by"}


def _label_follows(lines: list[Line], i: int) -> bool:
    following = [line for line in lines[i + 1 : i + 8] if line.text.strip()][:3]
    return any(_label(line.text) and not BODY_START.match(line.text) for line in following)


def _blank_before(lines: list[Line], i: int) -> bool:
    """Readers drop blank lines but keep the numbering; fixtures may keep them."""
    return i > 0 and (lines[i].number - lines[i - 1].number > 1 or not lines[i - 1].text.strip())


def _first_group(groups: list[list[str]] | None) -> str | None:
    for group in groups or []:
        if group:
            return _squash(" ".join(group))
    return None


def _all_groups(groups: list[list[str]] | None) -> str | None:
    text = _squash(" ".join(" ".join(group) for group in groups or []))
    return text or None


def _people(groups: list[list[str]]) -> list[str]:
    people: list[list[str]] = []
    for group in groups:
        for n, text in enumerate(group):
            if n == 0 or (_starts_person(text) and not WRAPS_ON.search(group[n - 1])):
                people.append([])
            people[-1].append(text)
    return [_squash(" ".join(person)) for person in people if person]


def _starts_person(text: str) -> bool:
    match = PERSON_START.match(text)
    return bool(match) and not is_role_phrase(match.group(0))


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
    for word in _squash(text).split(" "):
        core = re.sub(r"^\W+|\W+$", "", word)
        if core in acronyms:
            words.append(word)
        elif core.lower() in SMALL_WORDS and words and not words[-1].endswith(":"):
            words.append(word.lower())
        else:
            words.append(re.sub(r"(^\W*|[-/])([a-z])", lambda m: m[1] + m[2].upper(), word.lower()))
    return " ".join(words)


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def meeting_addressed(to: str | None, index: int, context: date | None = None) -> MeetingHeading | None:
    """The meeting a report's "To:" names: "Cabinet – 30 January 2025",
    "County Council, 13 March 2025"; None without a date."""
    if not to:
        return None
    when, found = find_date(to, context)
    committee = to[: found.start()].strip(" ,-–—") if when else ""
    if not committee or len(committee) > 100:
        return None
    return MeetingHeading(kind="report", index=index, end=index + 1, committee=normalise_committee(committee),
                          date=when)
