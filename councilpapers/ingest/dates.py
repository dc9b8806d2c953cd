"""Dates and times as councils write them, parsed with dateparser.

A regular expression finds the date-shaped phrase ("Thursday, 26th May, 2016",
"23rd November", "January 27, 2020"); dateparser reads it. Headings that leave
out the year ("Monday 23rd November" in a pack dated December 2015) take it from
the context date: the latest such date not after it.
"""

from __future__ import annotations

import re
from datetime import date, datetime

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
# OCR reads a superscript "th" as a quote mark: 18" March 2014.
_DAY = r"\d{1,2}(?:st|nd|rd|th|[\"”'’])?"
_YEAR = r"(?:19|20)\d{2}"

DATE_PHRASE = re.compile(
    rf"(?:{WEEKDAYS},?\s+)?"
    rf"(?:(?P<dmy>{_DAY}\s+(?:of\s+)?(?:{MONTHS})\b\.?,?(?:\s+{_YEAR})?)"
    rf"|(?P<mdy>(?:{MONTHS})\.?\s+{_DAY},?(?:\s+{_YEAR})?))",
    re.IGNORECASE,
)
NUMERIC_DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/((?:19|20)\d{2})\b")
TIME_PHRASE = re.compile(
    r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?)(?![a-z])",
    re.IGNORECASE,
)
TIME_24H = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b")
HAS_YEAR = re.compile(rf"\b{_YEAR}\b")

_SETTINGS_BASE = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}


def find_date(text: str, context: date | None = None) -> tuple[date | None, re.Match | None]:
    """The first date written in `text`, and where it stands."""
    for match in DATE_PHRASE.finditer(text):
        parsed = parse_date(match.group(0), context)
        if parsed:
            return parsed, match
    match = NUMERIC_DATE.search(text)
    if match:
        day, month, year = (int(g) for g in match.groups())
        try:
            return date(year, month, day), match
        except ValueError:
            pass
    return None, None


def parse_date(phrase: str, context: date | None = None) -> date | None:
    import dateparser  # slow to import; only ingest needs it

    settings = dict(_SETTINGS_BASE)
    if not HAS_YEAR.search(phrase):
        if context is None:
            return None  # a year we would have to guess
        settings["RELATIVE_BASE"] = datetime(context.year, context.month, context.day)
    cleaned = re.sub(r"\bof\b", " ", phrase).strip(" ,.")
    cleaned = re.sub(r"(\d)[\"”'’]", r"\1", cleaned)
    parsed = dateparser.parse(cleaned, languages=["en"], settings=settings)
    return parsed.date() if parsed else None


def find_time(text: str) -> str | None:
    """'1.00 pm' -> '13:00'; '10.00 am' -> '10:00'; '19:30' -> '19:30'."""
    match = TIME_PHRASE.search(text)
    if match:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if hour > 12 or minute > 59:
            return None
        pm = match["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
        return f"{hour:02d}:{minute:02d}"
    match = TIME_24H.search(text)
    if match:
        return f"{int(match['h']):02d}:{match['m']}"
    return None
