"""When an action is due, from its own words: the words as printed ("by March
2025", "before the April deadline", "by 22 March", "at the next meeting",
"within 28 days") and, where they name a day or a month, an ISO date.

- A day ("by 23rd November", "on 29 October 2015") is that day; without its
  year, the first such day from the meeting's date on. A day the task refers
  back to ("the minutes of 15 March") is no due date.
- A month ("by March 2025", "report back in March", "before the April
  deadline", "Feb 2020" in an owner column) is due by its last day; without a
  year, the next such month from the meeting's.
- "within 28 days", "within six weeks" count from the meeting's date.
- "at the next meeting" keeps its words only here: which meeting that is, is
  known across meetings, not from one file; `corpus.action_status` dates it
  when the store holds the body's next meeting (`text.dates.names_next_meeting`).

The calendar arithmetic (month ends, periods) is `text.dates`'.
"""

from __future__ import annotations

import re
from datetime import date

from ...text.dates import (
    COUNT_WORD, DATE_PHRASE, HAS_YEAR, MONTH_WORD, NEXT_MEETING, NUMERIC_DATE, add_period, count_of, find_date,
    month_end, month_number, next_month_end,
)

DUE_LEAD_IN = re.compile(r"\b(?:by|before|on|until|till|no\s+later\s+than|in\s+time\s+for|at)\s+(?:the\s+)?$", re.I)
REFERS_BACK = re.compile(r"\b(?:held|dated|of)\s+(?:on\s+)?$")
LEAD = r"(?i:by|before|until|till|no\s+later\s+than|in|during|for|at|to)"
# The month capitalised, as printed: "in may" is no month.
MONTH_DUE = re.compile(
    rf"\b(?P<lead>{LEAD}\s+(?i:the\s+)?(?i:end\s+of\s+)?|(?i:next)\s+)(?P<month>{MONTH_WORD})\b\.?"
    rf"(?:\s+(?P<year>(?:19|20)\d{{2}}))?(?P<tail>\s+(?i:deadline|meeting|cycle))?"
)
WITHIN = re.compile(
    rf"\bwithin\s+(?P<n>{COUNT_WORD})\s+(?P<unit>(?:working\s+)?days?|weeks?|months?)\b", re.IGNORECASE
)


def find_due(text: str, context: date | None) -> tuple[str | None, str | None]:
    """(ISO date or None, the words as printed or None) of the first due date in `text`."""
    candidates = []
    for match in DATE_PHRASE.finditer(text):
        if _month_and_year(match, text):
            continue
        day = _day_due(text, match, context)
        if day is not False:
            lead = DUE_LEAD_IN.search(text[: match.start()])
            candidates.append((lead.start() if lead else match.start(), match.end(), day))
            break
    for match in NUMERIC_DATE.finditer(text):
        lead = DUE_LEAD_IN.search(text[: match.start()])
        if lead and not REFERS_BACK.search(text[: match.start()]):
            found, _ = find_date(match.group(0))
            candidates.append((lead.start(), match.end(), found.isoformat() if found else None))
            break
    month = next((m for m in MONTH_DUE.finditer(text) if not _inside_day(m, text)), None)
    if month:
        candidates.append((month.start(), month.end(), _month_due(month, context)))
    meeting = NEXT_MEETING.search(text)
    if meeting:
        candidates.append((meeting.start(), meeting.end(), None))
    within = WITHIN.search(text)
    if within:
        candidates.append((within.start(), within.end(), _within_due(within, context)))
    if not candidates:
        return None, None
    begin, end, iso = min(candidates, key=lambda c: c[0])
    return iso, re.sub(r"\s+", " ", text[begin:end]).strip()


def due_of_words(words: str, context: date | None) -> str | None:
    """The ISO date of a due date printed alone, as an owner column prints it
    ("Feb 2020", "12/03/2025", "Nov (3/4?)"); None for "Next meeting"."""
    return find_due(f"by {words}", context)[0]


def _day_due(text: str, match: re.Match, context: date | None):
    """The ISO date of a day the task is due by; False when the day is no due date."""
    before = text[: match.start()]
    if not DUE_LEAD_IN.search(before) or REFERS_BACK.search(before):
        return False
    found, _ = find_date(match.group(0), context)
    if found is None:
        return False
    if context and found < context:
        if HAS_YEAR.search(match.group(0)):
            return False  # a date already past: a reference, not a due date
        found = _next_year(found, context)
    return found.isoformat() if found else False


def _month_and_year(match: re.Match, text: str) -> bool:
    """"March 2025" read as "March 20" and a stray "25": a month, not a day."""
    return bool(match["mdy"]) and text[match.end(): match.end() + 1].isdigit()


def _inside_day(month: re.Match, text: str) -> bool:
    """"by 22 March": the month of a day, which the day's rule reads."""
    return bool(re.search(r"\d\s*(?:st|nd|rd|th)?\s+(?:of\s+)?$", text[: month.start("month")]))


def _month_due(match: re.Match, context: date | None) -> str | None:
    number = month_number(match["month"])
    if number is None:
        return None
    if match["year"]:
        return month_end(int(match["year"]), number).isoformat()
    return next_month_end(number, context).isoformat() if context else None


def _within_due(match: re.Match, context: date | None) -> str | None:
    if context is None:
        return None
    return add_period(context, count_of(match["n"]), match["unit"]).isoformat()


def _next_year(day: date, context: date) -> date | None:
    for year in (context.year, context.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if candidate >= context:
            return candidate
    return None
