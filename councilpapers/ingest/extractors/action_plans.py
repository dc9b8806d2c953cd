"""Action plans: the rows of action-plan tables (Action | Lead | Review date |
RAG) as text extraction leaves them, each row's cells one after another down
the page."""

from __future__ import annotations

import re

from ...corpus.records import Action
from ...text.dates import MONTH_WORD, find_date
from ..model import Line
from ..segment.minutes import NEXT_DOCUMENT
from .action_owners import POST_WORD, split_owners

# --- action plans ------------------------------------------------------------------

# A table's header: "Objective Ref Action Lead driver Review/ end date … RAG",
# "Action | Lead | Timescale | Status". It names the action, who leads it, and
# when it is due or how it stands.
HEADER_ACTION = re.compile(r"\bActions?\b")
HEADER_LEAD = re.compile(r"\b(?:Lead|Leads|Owner|Responsib\w*|By\s+whom)\b", re.IGNORECASE)
HEADER_WHEN = re.compile(
    r"\b(?:Review|Timescales?|Deadline|Due|Date|By\s+when|End\s+date|RAG|Status|Progress)\b", re.IGNORECASE
)
# A row's reference, at the start of a line or after an objective column run
# into it ("… Help services 3.1.2 Implement a new …"); not "(action 4.2.3.)".
ROW_REF = re.compile(r"(?:^|(?<=\s))(?P<ref>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(?=[A-Z‘'“])|\s*$)")
# What ends a table's rows: the next theme, its lead officer, another document.
TABLE_BREAK = re.compile(r"^\s*(?:(?:Theme|Priority|Section)\s+\d+\b|Lead\s+Officers?\s*:)", re.IGNORECASE)
MAX_ROW_LINES = 60
# The Review/Timescale column: "Review 31st July 2015", "Completion …", "Monthly review", "Complete".
DUE_START = re.compile(
    rf"^(?:For\s+review\b|Strategy\s+implementation\b|Progress\b|Review\b|Completion\b|Completed?\b|Monthly\b"
    rf"|Quarterly\b|Weekly\b|Annual(?:ly)?\b|On-?going\b|Action\s+awaiting\b|Due\b|By\s+\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s|$)|{MONTH_WORD}\b|Q[1-4]\b)",
    re.IGNORECASE,
)
DUE_INSIDE = re.compile(r"\s(?=(?:For\s+review|Review|Completion|Complete|Monthly)\b)")
RAG = re.compile(r"^(?:(?P<word>Red|Amber|Green|Grey)|(?P<letter>[RAG]))$")
RAG_GLUED = re.compile(r"^(?P<letter>[RAG])(?=\d)")  # "G3.1" — the RAG cell run into the next objective
COMPLETE = re.compile(r"^(?:Action\s+)?complete[d]?\b", re.IGNORECASE)
TABLE_WRAPS = re.compile(r"(?:\b(?:of|on|and|or|the|to|for|in|at|with|from|by|a|an|&)|[-–])\s*$", re.IGNORECASE)
ROLE_PIECE = re.compile(rf"\b(?:{POST_WORD}|Unit|Team|Service|Services|Group)\b")
NAME_LIKE_WORD = re.compile(r"^(?:[A-Z(‘'\"][\w'’()\-.,&]*|and|of|for|&|the|-|–)$")


def find_action_plan_rows(lines: list[Line]) -> list[Action]:
    """The rows of action-plan tables as text extraction leaves them: each row's
    cells one after another down the page — the reference and action, the lead,
    the review date, the targets, and the RAG rating alone on a line.

    A row is a reference of the deepest numbering the table uses ("1.2.4";
    objectives are "1.2"). Its action runs until a short line of names that
    does not carry on the sentence (the Lead cell), the lead until the review
    date, the date until a blank line; then the first RAG letter is its status.
    A review cell that says "Complete" is a written status, not a date.
    """
    rows: list[Action] = []
    for begin, end in _tables(lines):
        starts = _row_starts(lines, begin, end)
        for n, (i, offset) in enumerate(starts):
            stop = starts[n + 1][0] if n + 1 < len(starts) else min(end, i + MAX_ROW_LINES)
            row = _row(lines, i, offset, stop)
            if row:
                rows.append(row)
    return rows


def _tables(lines: list[Line]) -> list[tuple[int, int]]:
    """(header index, end) of each action-plan table: to the next header, the
    next document, or the end."""
    headers = []
    for i, line in enumerate(lines):
        window = " ".join(lines[j].text for j in range(i, min(i + 4, len(lines))))
        if len(line.text) <= 100 and HEADER_ACTION.search(line.text) and HEADER_LEAD.search(line.text) \
                and HEADER_WHEN.search(window):
            headers.append(i)
    tables = []
    for n, header in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(lines)
        for j in range(header + 1, end):
            if NEXT_DOCUMENT.match(lines[j].text):
                end = j
                break
        tables.append((header, end))
    return tables


def _row_starts(lines: list[Line], begin: int, end: int) -> list[tuple[int, int]]:
    """(line index, offset of the action's text) of each row; rows are the
    references of the deepest numbering, found in a run not broken by more than
    MAX_ROW_LINES lines, or by the next theme."""
    refs = []
    for i in range(begin + 1, end):
        if TABLE_BREAK.match(lines[i].text) and refs:
            break
        for match in ROW_REF.finditer(lines[i].text):
            refs.append((i, match.end(), match["ref"].count(".")))
    if not refs:
        return []
    depth = max(d for _, _, d in refs)
    starts = []
    for i, offset, d in refs:
        if d != depth:
            continue
        if starts and i - starts[-1][0] > MAX_ROW_LINES:
            break
        starts.append((i, offset))
    return starts


def _row(lines: list[Line], i: int, offset: int, stop: int) -> Action | None:
    cells: dict[str, list[tuple[bool, str]]] = {"action": [], "lead": [], "due": []}
    state, status, gap = "action", None, False
    previous = lines[i].number - 1
    pending = [(i, lines[i].text[offset:])] + [(j, lines[j].text) for j in range(i + 1, stop)]
    for k, (j, raw) in enumerate(pending):
        # A cell's first words may wrap: "Strategy" / "implementation" / "Review 31".
        ahead = f"{raw.strip()} {pending[k + 1][1].strip()}" if k + 1 < len(pending) else raw.strip()
        gap = gap or lines[j].number > previous + 1
        previous = lines[j].number
        text = raw.strip()
        if not text:
            gap = True
            continue
        if TABLE_BREAK.match(text) or (j != i and HEADER_ACTION.search(text) and HEADER_LEAD.search(text)):
            break
        if state == "action":
            action_text = " ".join(t for _, t in cells["action"])
            # The Lead cell: a line of names after the action's last line, which
            # neither runs on ("… for" / "CHIN and CP") nor stops on a proper name
            # that goes on below ("… across Early" / "Help and SCS") unless a gap parts them.
            ends_sentence = re.search(r"(?:\b[a-z][\w’'\-]*|[.)]|\b[A-Z]{2,})\s*$", action_text)
            inside = DUE_INSIDE.search(text)
            if cells["action"] and DUE_START.match(ahead) and not TABLE_WRAPS.search(action_text):
                state = "due"
            elif cells["action"] and (_name_like(text) or (inside and _name_like(text[: inside.start()]))) \
                    and (gap or (ends_sentence and not TABLE_WRAPS.search(action_text))) \
                    and not action_text.endswith(":"):
                state = "lead"
        if state == "lead":
            inside = DUE_INSIDE.search(text)
            if DUE_START.match(ahead) or (inside and _name_like(text[: inside.start()])):
                if inside and not DUE_START.match(ahead):
                    cells["lead"].append((gap, text[: inside.start()].strip()))
                    text = text[inside.end():]
                state = "due"
            elif not (_name_like(text) or len(text.split()) <= 3):
                if not gap:
                    # Not a lead after all: the action's sentence goes on ("… fit for purpose
                    # Commissioning & Sufficiency Strategy which articulates …").
                    cells["action"] += cells["lead"]
                    cells["lead"], state = [], "action"
                else:
                    state = "due"
        elif state == "due":
            if gap or len(text) > 40:
                state = "targets"
        if state == "targets":
            rag = RAG.match(text) or RAG_GLUED.match(text)
            if rag:
                status = rag["letter"] if rag["letter"] else rag["word"]
                break
            gap = False
            continue
        if state == "due" and "  " in text:
            # "2015  CIN are visited …": the targets cell run into the date cell
            cells[state].append((gap, text.partition("  ")[0]))
            state, gap = "targets", False
            continue
        cells[state].append((gap, text))
        gap = False
    description = _cell(cells["action"])
    if not description:
        return None
    lead = _cell(cells["lead"], separator=", ")
    due_text = _cell(cells["due"])
    due = None
    if COMPLETE.match(due_text):
        status = status or "Complete"
    else:
        found, _ = find_date(due_text)
        due = found.isoformat() if found else None
    owners = _lead_owners(lead)
    return Action(index=i, owner=lead, owners=owners, description=description, due=due, status=status)


def _name_like(text: str) -> bool:
    """A cell line of names or posts: "Lee-Anne", "Geoff Gurney,", "ADs, EHPS", "Kroll (sub-"."""
    words = text.split()
    return (
        0 < len(words) <= 5 and len(text) <= 40 and text[0].isupper() and not text.endswith((".", ":"))
        and all(NAME_LIKE_WORD.match(w) for w in words)
    )


def _cell(chunks: list[tuple[bool, str]], separator: str = " ") -> str:
    """A cell's lines joined: a word broken at its hyphen ("sub-" / "group") is
    joined back; a gap between blocks of names starts another name."""
    text = ""
    for gap, chunk in chunks:
        if not text:
            text = chunk
        elif text.endswith("-") and not text.endswith(" -"):
            text += chunk
        elif gap and separator != " " and not re.search(r"(?:,|\band)$", text):
            text += separator + chunk
        else:
            text += " " + chunk
    return re.sub(r"\s+", " ", text).strip()


def _lead_owners(lead: str) -> list[str]:
    """Each lead; a role written after a name ("Lee-Anne Farach, Head of Quality
    Assurance") is the name's, not another owner."""
    owners: list[str] = []
    for piece in split_owners(lead):
        if owners and ROLE_PIECE.search(piece) and not ROLE_PIECE.search(owners[-1]):
            continue
        owners.append(piece)
    return owners
