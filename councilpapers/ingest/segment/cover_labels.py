"""The labels of a report's cover sheet, in the ways councils print them:

    By:        Peter Oakford, …          a label with a colon, its value after it
    Subject    LEADING IMPROVEMENTS …    no colon, a wide gap in the text
    By         Deputy Leader …, …        no colon, label and value in two columns
                                         (the PDF's cells: the value's x is kept)
    Report by Sam Lee, Director …        run in: "Report by/of/from" and a name
    Recommendation(s)                    a label alone, its value on the lines below
    Relevant Portfolio Holder: …         a label of a field we do not keep ("other")

Each known label names a field: by, to, date, subject, classification,
summary, recommendations, decision, and a few read only to end the one before
(pathways, wards, key decision).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Line

# The names of the labels (each as printed, in any case), longest first where
# one starts another ("Report to" before "Report").
LABEL_NAME = (
    r"By|From|Report\s+(?:of|by|from)|To|Report\s+to|Meeting|Date(?:\s+of\s+(?:the\s+)?meeting)?|Meeting\s+date"
    r"|Decision\s+(?:No\.?|Number|Ref(?:erence)?)|Decision|Subject|Title|Report\s+title|Classification|Status"
    r"|(?:Past|Future|Previous)\s+Pathway(?:\s+of\s+(?:Paper|Report))?|Electoral\s+Divisions?(?:\s*\(s\))?"
    r"|Wards?(?:\s+affected)?|Key\s+decision|(?:Executive\s+)?Summary|Purpose(?:\s+of\s+(?:the\s+)?Report)?"
    r"|Recommendations?(?:\s*\(s\))?"
)
# Labels that are words of prose too, so only with a colon: "Title:", "Status:",
# "Meeting:", "Wards affected:"; "Report by"/"Report of" with a colon or run in
# before a name.
COLON_ONLY = re.compile(r"^(?:title|report title|status|meeting|wards?(?: affected)?|report to)$")
RUN_IN = re.compile(r"^report (?:of|by|from)$")
LABEL = re.compile(
    rf"^\s*(?P<label>{LABEL_NAME})"
    r"(?P<sep>\s*:-?\s*|\s{2,}|\s*$|(?<=Date)\s+(?=\d)|(?<=by|of|om)\s+(?=(?-i:(?:the\s+)?[A-Z])))(?P<value>.*)$",
    re.IGNORECASE,
)
CELL_LABEL = re.compile(rf"^\s*(?P<label>{LABEL_NAME})\s*:?\s*$", re.IGNORECASE)
# "Relevant Portfolio Holder: …", "Last Committee Reference: N/A": a short
# capitalised label of a field not kept; no comma before its colon (so "Andrew
# Ireland, Director: …" is no label).
OTHER_LABEL = re.compile(r"^\s*(?P<label>[A-Z][\w'’()/&-]*(?:\s+[\w'’()/&-]+){0,4})\s*:(?:\s+(?P<value>.*))?$")
# Label (lower case, by its start) -> field; "Report to" before "Report".
FIELD_PREFIXES = (
    ("by", "by"), ("from", "by"), ("report to", "to"), ("report title", "subject"), ("report", "by"),
    ("to", "to"), ("meeting date", "date"), ("meeting", "to"), ("date", "date"), ("subject", "subject"),
    ("title", "subject"), ("classification", "classification"), ("status", "classification"),
    ("summary", "summary"), ("executive summary", "summary"), ("purpose", "summary"),
    ("recommendation", "recommendations"), ("decision", "decision"),
)
OTHER = "other"


@dataclass(frozen=True)
class Label:
    """A label read at the start of a line: the field it names, the value
    printed after it on the same line, and where that value starts (its
    column, None when the format gives no positions or the value runs on)."""

    field: str
    value: str
    value_x: float | None = None


def read_label(line: Line, other: bool = True) -> Label | None:
    """The label that starts `line`, if any. `other`: a label of a field we do
    not keep counts too (it ends the field before it)."""
    return _cell_label(line) or _text_label(line.text) or (_other_label(line.text) if other else None)


def field_of(name: str) -> str:
    name = re.sub(r"\s+", " ", name.lower())
    return next((field for prefix, field in FIELD_PREFIXES if name.startswith(prefix)), name)


def _cell_label(line: Line) -> Label | None:
    """Two columns: the first cell a label (with or without its colon), the
    value in the cells after it."""
    cells = getattr(line, "cells", None)
    if not cells or len(cells) < 2 or cells[1].x0 is None:
        return None
    match = CELL_LABEL.match(cells[0].text)
    if not match or not match["label"][0].isupper():
        return None
    value = " ".join(cell.text.strip() for cell in cells[1:]).strip()
    return Label(field_of(match["label"]), value, cells[1].x0)


def _text_label(text: str) -> Label | None:
    """A label starts with a capital (a line "to" or "by" alone is wrapped
    prose) and ends with a colon, a wide gap or the end of its line."""
    match = LABEL.match(text)
    if not match or not match["label"][0].isupper():
        return None
    name = re.sub(r"\s+", " ", match["label"].lower())
    has_colon = ":" in match["sep"]
    if COLON_ONLY.match(name) and not has_colon:
        return None
    if RUN_IN.match(name) and not (has_colon or match["value"]):
        return None  # "Report by" alone is prose broken at a line end
    if not RUN_IN.match(name) and not has_colon and match["sep"].strip() == "" and match["value"] \
            and len(match["sep"]) < 2 and not name.startswith("date"):
        return None  # "By entering this room", "To receive a report": prose
    return Label(field_of(name), match["value"].strip())


def _other_label(text: str) -> Label | None:
    match = OTHER_LABEL.match(text)
    if not match or re.match(r"^\s*\d", text):
        return None
    return Label(OTHER, (match["value"] or "").strip())
