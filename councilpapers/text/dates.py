"""Dates and times as councils write them, parsed with dateparser.

A regular expression finds the date-shaped phrase ("Thursday, 26th May, 2016",
"23rd November", "January 27, 2020", "14eg Tachwedd 2018", "11.09.2019");
dateparser reads the written ones, in English or Welsh ("cy"). Headings that
leave out the year ("Monday 23rd November" in a pack dated December 2015) take
it from the context date: the latest such date not after it.

`partial_date` reads what a user types for a range ("2016", "2016-05",
"2016-05-26"): the CLI's --since/--until and the query language's `date:`.

Calendar arithmetic for dates written as periods: `month_number` ("Sept" -> 9,
"Tachwedd" -> 11), `month_end` (a month is due by its last day), `next_month_end`
(a month written without its year is the next such month from a date on),
`count_of` ("two" -> 2, "28" -> 28), `add_period` (a date plus "28 days",
"two weeks", "3 months", the day kept or the month's last day), and
`names_next_meeting` ("for the next meeting": dated by the store, which knows
the body's meetings).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from . import numbers

# Month names by language, January first. Welsh is here because bilingual
# councils publish a Welsh copy of their minutes; dateparser reads both.
MONTH_NAMES = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "cy": ("Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst",
           "Medi", "Hydref", "Tachwedd", "Rhagfyr"),
}
# "Sept" is printed as often as "Sep"; Welsh months are not abbreviated in papers.
_ENGLISH_ABBREVIATIONS = tuple(m[:3] for m in MONTH_NAMES["en"] if len(m) > 3) + ("Sept",)
# After "o" ("14eg o Dachwedd 2018") a Welsh month takes its soft mutation.
_MUTATED = {"Mawrth": "Fawrth", "Mai": "Fai", "Mehefin": "Fehefin",
            "Gorffennaf": "Orffennaf", "Medi": "Fedi", "Tachwedd": "Dachwedd", "Rhagfyr": "Ragfyr"}
_RADICAL = {mutated.lower(): radical for radical, mutated in _MUTATED.items()}
_WELSH_WORDS = frozenset(m.lower() for m in MONTH_NAMES["cy"]) | frozenset(_RADICAL)


def _alternation(words) -> str:
    return "|".join(sorted(set(words), key=lambda w: (-len(w), w)))  # longest first: "Sept" before "Sep"


MONTH_WORD = rf"(?:{_alternation([*MONTH_NAMES['en'], *_ENGLISH_ABBREVIATIONS, *MONTH_NAMES['cy']])})"
_MUTATED_MONTH = rf"(?:{_alternation(_MUTATED.values())})"
WEEKDAYS = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun"
    r"|Dydd\s+(?:Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul))"
)
# English ordinals, Welsh ones ("1af", "2il", "3ydd", "5ed", "7fed", "14eg", "22ain"),
# and OCR's reading of a superscript "th" as a quote mark: 18" March 2014.
_ORDINAL = r"(?:st|nd|rd|th|af|il|ydd|fed|ed|eg|ain|[\"”'’])"
_DAY = rf"\d{{1,2}}{_ORDINAL}?"
_YEAR = r"(?:19|20)\d{2}"

DATE_PHRASE = re.compile(
    rf"(?:{WEEKDAYS},?\s+)?"
    rf"(?:(?P<dmy>{_DAY}\s+(?:(?:of\s+)?{MONTH_WORD}|o\s+(?:{MONTH_WORD}|{_MUTATED_MONTH}))\b\.?,?(?:\s+{_YEAR})?)"
    rf"|(?P<mdy>{MONTH_WORD}\.?\s+{_DAY},?(?:\s+{_YEAR})?))",
    re.IGNORECASE,
)
# UK order, day first: "11/09/2019", "11.09.2019", "11-09-2019".
NUMERIC_DATE = re.compile(rf"\b(\d{{1,2}})([/.-])(\d{{1,2}})\2({_YEAR})\b")
ISO_DATE = re.compile(rf"({_YEAR})-(\d{{1,2}})-(\d{{1,2}})")
# Welsh papers write "7.00yh" (yr hwyr, the evening) and "10.00yb" (y bore).
TIME_PHRASE = re.compile(
    r"\b(?P<h>\d{1,2})(?:[.:](?P<m>\d{2}))?\s*(?P<ampm>a\.?m\.?|p\.?m\.?|y\.?h\.?|y\.?b\.?)(?![a-z])",
    re.IGNORECASE,
)
TIME_24H = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)\b")
HAS_YEAR = re.compile(rf"\b{_YEAR}\b")

_SETTINGS_BASE = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
_LEADING_WEEKDAY = re.compile(rf"^\s*{WEEKDAYS},?\s+", re.IGNORECASE)
_ORDINAL_SUFFIX = re.compile(rf"(?<=\d){_ORDINAL}(?=\s|,|$)", re.IGNORECASE)
_OF = re.compile(r"\b(?:of|o)\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
# A day, an English month (its name or a three-letter short form) and a year, in
# either order: most dates in the papers, and dateparser's answer for them is the
# calendar's.
_MONTH_FORM = "(?:" + "|".join([*MONTH_NAMES["en"], *_ENGLISH_ABBREVIATIONS]) + ")"
_DAY_NUMBER = r"(?:0?[1-9]|[12]\d|3[01])"
_PLAIN_ENGLISH_DATE = re.compile(
    rf"(?P<day>{_DAY_NUMBER})\s+(?P<month>{_MONTH_FORM})\s*,?\s+(?P<year>(?:19|20)\d\d)"
    rf"|(?P<month2>{_MONTH_FORM})\s+(?P<day2>{_DAY_NUMBER})\s*,?\s+(?P<year2>(?:19|20)\d\d)",
    re.IGNORECASE,
)


_MONTH_NUMBERS = (
    {name.lower(): n for names in MONTH_NAMES.values() for n, name in enumerate(names, start=1)}
    | {name[:3].lower(): n for n, name in enumerate(MONTH_NAMES["en"], start=1)} | {"sept": 9}
    | {mutated.lower(): MONTH_NAMES["cy"].index(radical) + 1 for radical, mutated in _MUTATED.items()}
)
# Counts in periods ("within two weeks", "twenty-eight days"): numbers are read in one
# place, text.numbers.
COUNT_WORD = numbers.NUMBER


# "at the next meeting", "for the next meeting", "report back to the next
# meeting", "Next meeting": a date known only once the body's next meeting is.
NEXT_MEETING = re.compile(
    r"\b(?:(?:at|to|for|by|before|until)\s+(?:the\s+)?|the\s+)?next\s+(?:\w+\s+)?meeting\b", re.IGNORECASE
)


def names_next_meeting(words: str | None) -> bool:
    """Whether due words name the body's next meeting ("for the next meeting")."""
    return bool(words and NEXT_MEETING.search(words))


def month_number(word: str) -> int | None:
    """"March" -> 3, "Sept." -> 9, "Tachwedd" / "Dachwedd" -> 11; None for no month."""
    return _MONTH_NUMBERS.get(word.lower().rstrip("."))


def month_end(year: int, month: int) -> date:
    """The last day of a month: what "by March 2025" is due by."""
    return date(year, month, calendar.monthrange(year, month)[1])


def next_month_end(month: int, context: date) -> date:
    """The last day of the first `month` from `context` on: "by March" written
    in January 2025 is 31 March 2025, written in May 2025, 31 March 2026."""
    return month_end(context.year if month >= context.month else context.year + 1, month)


def count_of(word: str) -> int | None:
    """"28" -> 28, "two" -> 2, "twenty-eight" -> 28 (text.numbers)."""
    return numbers.value(word)


def add_period(day: date, count: int, unit: str) -> date:
    """`day` plus a period: unit "day(s)", "working days" (counted as days: papers
    rarely mean the difference), "week(s)" or "month(s)"; a month on from 31
    January is the last day of February."""
    unit = unit.lower()
    if "week" in unit:
        return day + timedelta(weeks=count)
    if "month" in unit:
        months = day.month - 1 + count
        year, month = day.year + months // 12, months % 12 + 1
        return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    return day + timedelta(days=count)


def month_name(month: int, language: str = "en") -> str:
    """5 -> "May"; (11, "cy") -> "Tachwedd"."""
    return MONTH_NAMES[language][month - 1]


def find_date(text: str, context: date | None = None) -> tuple[date | None, re.Match | None]:
    """The first date written in `text`, and where it stands: a written date
    first, else a numeric one (day first)."""
    for match in DATE_PHRASE.finditer(text):
        parsed = parse_date(match.group(0), context)
        if parsed:
            return parsed, match
    for match in NUMERIC_DATE.finditer(text):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        parsed = _valid(year, month, day)
        if parsed:
            return parsed, match
    return None, None


def parse_date(phrase: str, context: date | None = None) -> date | None:
    """A written date ("Thursday, 26th May, 2016", "14eg Tachwedd 2018"); a
    phrase without a year needs `context`. None when it is no date."""
    settings = dict(_SETTINGS_BASE)
    if not HAS_YEAR.search(phrase):
        if context is None:
            return None  # a year we would have to guess
        settings["RELATIVE_BASE"] = datetime(context.year, context.month, context.day)
    # The weekday adds nothing dateparser uses, and in Welsh "Mawrth" is both
    # Tuesday and March.
    cleaned = _LEADING_WEEKDAY.sub("", phrase)
    cleaned = _ORDINAL_SUFFIX.sub("", _OF.sub(" ", cleaned)).strip(" ,.")
    words = [w.lower() for w in _WORD.findall(cleaned)]
    language = "cy" if any(w in _WELSH_WORDS for w in words) else "en"
    if language == "cy":
        cleaned = _WORD.sub(lambda m: _RADICAL.get(m.group().lower(), m.group()), cleaned)
    plain = _PLAIN_ENGLISH_DATE.fullmatch(cleaned) if language == "en" else None
    if plain:
        # "26 May 2016", "May 26, 2016": read here as dateparser reads them,
        # without its import and first call (a fifth of a second).
        month = month_number((plain["month"] or plain["month2"])[:3])
        return _valid(int(plain["year"] or plain["year2"]), month, int(plain["day"] or plain["day2"]))
    import dateparser  # slow to import; only ingest needs it

    parsed = dateparser.parse(cleaned, languages=[language], settings=settings)
    return parsed.date() if parsed else None


def whole_date(text: str | None) -> date | None:
    """`text` is one date and nothing else: "15/01/2025", "2025-01-15",
    "15 Jan 2025", "Wednesday 15 January 2025". None when empty, impossible
    (31/02/2025) or anything more."""
    text = (text or "").strip()
    for pattern, order in ((NUMERIC_DATE, (4, 3, 1)), (ISO_DATE, (1, 2, 3))):
        match = pattern.fullmatch(text)
        if match:
            return _valid(*(int(match[g]) for g in order))
    match = DATE_PHRASE.fullmatch(text)
    return parse_date(text) if match else None


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class BadDate(ValueError):
    """A partial date the user got wrong; the message is one plain sentence."""


_PARTIAL = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")


def partial_date(text: str) -> tuple[date, date]:
    """'2016' -> (1 Jan 2016, 31 Dec 2016); '2016-05' -> all of May;
    '2016-05-26' -> that day. Anything else raises BadDate."""
    match = _PARTIAL.fullmatch(str(text).strip())
    try:
        if match:
            year = int(match["year"])
            if match["day"]:
                day = date(year, int(match["month"]), int(match["day"]))
                return day, day
            if match["month"]:
                month = int(match["month"])
                return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
            return date(year, 1, 1), date(year, 12, 31)
    except (ValueError, calendar.IllegalMonthError):
        pass
    raise BadDate(f"{text!r} is not a date like 2016, 2016-05 or 2016-05-26.")


def find_time(text: str) -> str | None:
    """'1.00 pm' -> '13:00'; '10.00 am' -> '10:00'; '19:30' -> '19:30'."""
    match = TIME_PHRASE.search(text)
    if match:
        hour, minute = int(match["h"]), int(match["m"] or 0)
        if hour > 12 or minute > 59:
            return None
        pm = match["ampm"].lower().replace(".", "") in ("pm", "p", "yh")
        hour = hour % 12 + (12 if pm else 0)
        return f"{hour:02d}:{minute:02d}"
    match = TIME_24H.search(text)
    if match:
        return f"{int(match['h']):02d}:{match['m']}"
    return None
