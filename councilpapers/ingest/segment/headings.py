"""Where a meeting is named: the heading of a set of minutes, an agenda front
sheet, a ModernGov "Agenda and minutes" page."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...ingest.committees import normalise_committee
from ...text.dates import DATE_PHRASE, WEEKDAYS, find_date, find_time
from ...text.spacing import squash
from ..model import Line
from .item_numbers import TIME_OF_DAY, numbered_line
from .items import STANDARD_ITEM


@dataclass
class MeetingHeading:
    kind: str  # "minutes", "agenda", "web", or "report" (the meeting a report is for)
    index: int  # position in the body lines where the heading starts
    end: int  # position just after the heading
    committee: str
    date: date | None
    time: str | None = None
    venue: str | None = None
    status: str | None = None  # "cancelled" / "postponed" when the heading says so


# "MINUTES of a meeting of the Panel held …" opens a set of minutes; an item
# titled "Minutes of the meeting of this Panel held on …" only refers to one.
MINUTES_OF = re.compile(
    r"^\s*(?:MINUTES\s+of\s+(?:a|the)|Minutes\s+of\s+a)\s+(?:[\w-]+\s+)?meeting\s+of\s+(?P<rest>.+)"
)
# At the top of a paper, any case: "Minutes of the Annual Meeting of the Parish
# Council held on …", "MINUTES OF A MEETING OF THE PLANNING COMMITTEE HELD AT …". Further down, that is an item's title about other minutes.
OPENING_MINUTES_OF = re.compile(
    r"^\s*(?:MINUTES|Minutes)\s+(?:of|OF)\s+(?:a|the|an|A|THE|AN)\s+(?:[\w-]+\s+){0,2}(?:meeting|Meeting|MEETING)"
    r"\s+(?:of|OF)\s+(?P<rest>.+)"
)
# ... or the body's name straight after "Minutes of": "Minutes of the
# Planning Committee held on Friday 6 June 2025".
OPENING_MINUTES_OF_BODY = re.compile(
    r"^\s*(?:MINUTES|Minutes)\s+(?:of|OF)\s+(?P<rest>(?:the\s+|THE\s+)?[A-Z][\w'’&,-]*(?:\s+[\w'’&,-]+){0,8}?"
    r"\s+(?:held|HELD)\s.+)"
)
OPENING_LINES = 6
SAME_SIZE = 0.5  # points: two lines of one sentence are set this close in size
# "Minutes of the Annual Meeting of the Parish Council held …" under a banner
# that names the council: the sentence's body is the banner's.
# A council named by its kind only ("the Parish Council", "the Full Council"), or a body
# by no name at all ("the Committee"); "the Planning Committee" names itself.
GENERIC_BODY = re.compile(
    r"^(?:the\s+)?(?:(?:(?:Parish|Town|Community|City|District|Borough|County|Full)\s+)?Council"
    r"|Committee|Panel|Board|Authority|Cabinet)$",
    re.IGNORECASE,
)
REFERS_BACK = re.compile(r"^(?:this|that)\s+(?:Panel|Committee|Council|Board|Cabinet|meeting)\s*$", re.IGNORECASE)
GROUP_MINUTES = re.compile(
    r"^\s*(?:(?:Draft|Confirmed|Approved|Signed|Unconfirmed)\s+)?Minutes\s+of\s+(?:a|the)\s+"
    r"(?:[\w-]+\s+)?meeting\s+held\s+(?P<rest>.+)",
    re.IGNORECASE,
)
HELD = re.compile(r"\s+held\s+(?:in|at)\s+(?P<venue>.+?)\s+on\s+(?=\S)|\s+held\s+on\s+|\s+held\s+(?=in|at)", re.IGNORECASE)
AGENDA_TITLE = re.compile(r"^\s*AGENDA\s*$")
WEB_TITLE = re.compile(
    r"^\s*(?:Agenda(?:,\s*decisions)?\s+and\s+(?:minutes|decisions)|Minutes|Agenda|Decisions)\s*$", re.IGNORECASE
)
WEB_MEETING = re.compile(rf"^\s*(?P<committee>.+?)\s+-\s+(?P<when>{WEEKDAYS},?\s+.+)$")
VENUE_LABEL = re.compile(r"^\s*Venue:\s*(?P<venue>.+?)(?:\.?\s*View directions)?\s*$", re.IGNORECASE)
VENUE_WORDS = re.compile(
    r"\b(?:Room|Chamber|Hall|House|Centre|Center|Offices?|Suite|Building|Library|Civic|Guildhall|Pavilion|Mill"
    r"|Institute|Church|Chapel|School|Club|Hut)\b"
)
# US minutes: "PLANNING COMMISSION" / "REGULAR MEETING MINUTES" / "January 27, 2020, 7:00 p.m.",
# or "BOARD OF ESTIMATES JANUARY 15, 2020" / "REGULAR MEETING".
MINUTES_TITLE = re.compile(
    r"^\s*(?:(?:REGULAR|SPECIAL|ADJOURNED|ANNUAL|STUDY SESSION|EMERGENCY)\s+)?"
    r"(?:(?:MEETING\s+)?MINUTES|MEETING)\s*$"
)
# An agenda's first item: "1. Apologies", "1 Apologies", "(1) Apologies", "Item 1", "A1 Apologies".
NUMBERED_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]\s|(?:\(\d{1,3}\)|Item\s+\d{1,3}[.:]?|[A-Z]?\d{1,3})\s+[A-Z])")
NOT_VENUE = re.compile(r"^\s*(?:Ask for|Telephone|Tel|Email|E-mail|Tea|Membership|Contact)\b", re.IGNORECASE)


def minutes_heading(lines: list[Line], i: int, context: date | None) -> MeetingHeading | None:
    match = MINUTES_OF.search(lines[i].text) or (_opening_minutes_of(lines[i].text) if i < OPENING_LINES else None)
    if not match:
        return None
    # The heading is one sentence that may wrap over a few lines; PRESENT,
    # the first minute ("HC.31 Apologies", "APOLOGIES") or, once it has its
    # date, a line set otherwise ends it.
    parts, end = [match["rest"]], i + 1
    while end < len(lines) and end < i + 5 and not re.search(r"\.\s*$", parts[-1]):
        if (re.match(r"^\s*(?:PRESENT|Present)\b", lines[end].text) or numbered_line(lines, end)
                or STANDARD_ITEM.match(lines[end].text) or (not (_set_alike(lines[i], lines[end]) and _set_alike(lines[end - 1], lines[end]))
                    and find_date(" ".join(parts), context)[0])):
            break
        parts.append(lines[end].text)
        end += 1
        time = TIME_OF_DAY.match(parts[-1])
        if time and not parts[-1][time.end():].strip(" ."):
            break  # the time the meeting began, on a line of its own, ends the heading
    sentence = " ".join(p.strip() for p in parts)
    held = HELD.search(sentence)
    committee = sentence[: held.start()] if held else sentence.split(" on ")[0]
    after = sentence[held.end():] if held else sentence
    when, _ = find_date(after, context)
    if not committee.strip() or len(committee) > 120 or REFERS_BACK.match(committee.strip()):
        return None
    start = _heading_start(lines, i)
    if GENERIC_BODY.match(committee.strip()) and start < i:
        committee = lines[i - 1].text  # "THORNBY MOOR PARISH COUNCIL" over "… of the Parish Council held …"
    return MeetingHeading(
        kind="minutes",
        index=start,
        end=end,
        committee=normalise_committee(committee),
        date=when,
        time=find_time(after),
        venue=clean_venue(held["venue"]) if held and held["venue"] else venue_in(after),
    )


def _set_alike(first: Line, other: Line) -> bool:
    """`other` is set as `first` is, as far as the format tells: bold or not, the same size."""
    if first.bold is not None and other.bold is not None and first.bold != other.bold:
        return False
    return first.size is None or other.size is None or abs(first.size - other.size) <= SAME_SIZE


def _opening_minutes_of(text: str) -> re.Match | None:
    match = OPENING_MINUTES_OF.search(text)
    if match:
        return match
    match = OPENING_MINUTES_OF_BODY.search(text)
    # "Minutes of the Last Meeting held on …" is an item about other minutes.
    held = HELD.search(match["rest"] + " ") if match else None  # "held on" may end the line
    if not match or not held or re.search(r"\bmeeting\s*$", match["rest"][: held.start()], re.IGNORECASE):
        return None
    return match


def _heading_start(lines: list[Line], i: int) -> int:
    """Minutes open with banners above the sentence ("KENT COUNTY COUNCIL",
    "CORPORATE PARENTING PANEL"): the document starts at the first of them."""
    start = i
    while start > 0 and i - start < 4:
        above = lines[start - 1].text.strip()
        if not above or not above.isupper() or len(above) > 80:
            break
        start -= 1
    return start


def titled_minutes(lines: list[Line]) -> MeetingHeading | None:
    """Minutes headed by the body's name and a title line, as US cities print them."""
    for i, line in enumerate(lines[:12]):
        if not MINUTES_TITLE.match(line.text):
            continue
        names = [j for j in range(max(0, i - 3), i) if lines[j].text.strip().isupper()]
        if not names:
            return None
        name_line = lines[names[-1]].text.strip()
        when, match = find_date(name_line)
        date_at = names[-1]
        if when:
            name_line = name_line[: match.start()].strip(" ,-–")
        else:
            for j in range(i + 1, min(i + 4, len(lines))):
                when, match = find_date(lines[j].text)
                if when:
                    date_at = j
                    break
        if not when or not name_line:
            return None
        date_text = lines[date_at].text
        return MeetingHeading(
            kind="minutes", index=names[0], end=max(i, date_at) + 1,
            committee=normalise_committee(name_line), date=when,
            time=find_time(date_text[match.end():] if match else date_text),
            venue=_address_after(lines, max(i, date_at) + 1),
        )
    return None


def _address_after(lines: list[Line], start: int) -> str | None:
    """'EPA Government Center' / 'City Council Chamber' / 'East Palo Alto, CA 94303'."""
    parts: list[str] = []
    for line in lines[start : start + 4]:
        text = line.text.strip()
        if not parts and not VENUE_WORDS.search(text):
            return None
        if not text or ":" in text or re.match(r"^\d+\.\s", text) or len(text) > 60:
            break
        parts.append(text)
    return clean_venue(", ".join(parts)) if parts else None


DOCUMENT_LABEL = re.compile(r"^\s*(?:(?:PRINTED|DRAFT|CONFIRMED|SIGNED|APPROVED)\s+)?MINUTES\s*$", re.IGNORECASE)


def group_minutes_heading(lines: list[Line], i: int, context: date | None) -> MeetingHeading | None:
    """'Kent Corporate Parenting Group' / 'Minutes of the meeting held on 23rd November';
    or, as ModernGov prints minutes, 'Planning Committee - Tuesday 4 February 2025,
    6.30 pm' / 'PRINTED MINUTES' / 'MINUTES of the meeting held on …'."""
    match = GROUP_MINUTES.match(lines[i].text)
    if not match or i == 0 or lines[i].text.lstrip()[:1].islower():
        return None  # "… the / minutes of the meeting held on …" runs on a sentence
    start = i - 1
    while start > 0 and i - start < 3 and DOCUMENT_LABEL.match(lines[start].text):
        start -= 1  # a label naming the document, not the body
    body = lines[start].text.strip()
    rest = match["rest"]
    wraps = re.search(r"\b(?:at|in)\s*$", rest) or (i + 1 < len(lines) and re.match(r"\s*(?:in|at)\s+[A-Z]", lines[i + 1].text))
    if i + 1 < len(lines) and (not find_date(rest, context)[0] or wraps):
        rest = f"{rest} {lines[i + 1].text}"  # "… held on" / "18th March 2014 at 7.30pm in …"; "… at" / "10.00 am"
    when, _ = find_date(rest, context)
    titled = WEB_MEETING.match(body)
    if titled:
        body = titled["committee"]
        when = when or find_date(titled["when"], context)[0]
    else:
        # "CORPORATE PARENTING PANEL– 29 October 2024": the name, a dash, its date.
        dated, found = find_date(body, context)
        if dated and body[: found.start()].strip(" ,-–—"):
            body, when = body[: found.start()].strip(" ,-–—"), when or dated
    if not body or len(body) > 80 or body.endswith(".") or DOCUMENT_LABEL.match(body) or len(body.split()) > 10:
        return None
    return MeetingHeading(
        kind="minutes", index=start, end=i + 1,
        committee=normalise_committee(body), date=when,
        time=find_time(rest) or (find_time(titled["when"]) if titled else None),
        venue=venue_in(rest),
    )


HELD_IN_PLACE = re.compile(r"(?:^|\b)(?:in|at)\s+(?P<venue>(?:the\s+)?[A-Z][^.;]*?)\s*(?:\bon\b|[.;]|$)")


def venue_in(sentence: str) -> str | None:
    """The place a "held …" sentence names: "in the Darent Room, Sessions House,
    County Hall, Maidstone.", "on 18th March 2014 at 7.30pm in the Village Hall"."""
    for match in HELD_IN_PLACE.finditer(sentence):
        if VENUE_WORDS.search(match["venue"].title()):
            return clean_venue(match["venue"])
    return None


def front_sheet(lines: list[Line]) -> MeetingHeading | None:
    """'AGENDA' / 'CORPORATE PARENTING PANEL' / 'Wednesday, 20th July, 2016, at 1.00 pm'."""
    for i, line in enumerate(lines[:15]):
        if not AGENDA_TITLE.match(line.text):
            continue
        name_lines: list[str] = []
        for j in range(i + 1, min(i + 6, len(lines))):
            text = lines[j].text.strip()
            if NUMBERED_LINE.match(text) and not DATE_PHRASE.match(text):
                return None  # the items begin: "AGENDA" ended a title block above it
            when, match = find_date(text)
            if when:
                prefix = text[: match.start()].strip(" ,")
                if prefix and not re.match(WEEKDAYS, prefix):
                    name_lines.append(prefix)
                if not name_lines:
                    return None
                return MeetingHeading(
                    kind="agenda", index=i, end=j + 1,
                    committee=normalise_committee(" ".join(name_lines)),
                    date=when, time=find_time(text[match.end():]),
                    venue=_venue_after(lines, j + 1),
                )
            if text:
                name_lines.append(text)
        return None
    return None


def _venue_after(lines: list[Line], start: int) -> str | None:
    """The venue on a front sheet: the address lines near the date, skipping the
    'Ask for:' contact that the layout interleaves with them."""
    parts: list[str] = []
    skip_next = False
    for line in lines[start : start + 8]:
        text = re.sub(r"\s*Ask for:.*$", "", line.text).strip()
        if skip_next:
            skip_next = False
            continue
        if re.match(r"^\s*Ask for:\s*$", line.text):
            skip_next = True  # the contact's name follows on its own line
            continue
        if not text:
            if parts:
                break
            continue
        if NOT_VENUE.match(text):
            if parts:
                break
            continue
        if parts or VENUE_WORDS.search(text):
            parts.append(text)
            if not text.endswith(","):
                break
    return clean_venue(" ".join(parts)) if parts else None


def web_page(lines: list[Line]) -> MeetingHeading | None:
    """ModernGov: 'Agenda and minutes' / 'Corporate Parenting Panel - Thursday, 26th May, 2016 10.00 am'."""
    for i, line in enumerate(lines[:6]):
        if not WEB_TITLE.match(line.text):
            continue
        for j in range(i + 1, min(i + 5, len(lines))):
            match = WEB_MEETING.match(lines[j].text)
            if not match:
                continue
            when, _ = find_date(match["when"])
            if not when:
                continue
            venue = None
            for k in range(j + 1, min(j + 5, len(lines))):
                label = VENUE_LABEL.match(lines[k].text)
                if label:
                    venue = clean_venue(label["venue"])
                    break
            return MeetingHeading(
                kind="web", index=i, end=j + 1,
                committee=normalise_committee(match["committee"]),
                date=when, time=find_time(match["when"]), venue=venue,
            )
    return None


PACK_LABEL = re.compile(
    r"^\s*(?:AGENDA(?:\s+FRONT\s*SHEET)?|(?:PUBLIC\s+)?REPORTS?\s+PACK|SUPPLEMENT\b.*|DECISIONS|ADDENDUM\b.*)\s*$",
    re.IGNORECASE,
)


def titled_pack(lines: list[Line]) -> MeetingHeading | None:
    """ModernGov's generated packs: 'Cabinet - Wednesday 12 March 2025, 7.00 pm'
    over 'AGENDA FRONTSHEET' / 'PUBLIC REPORTS PACK' / 'SUPPLEMENT - …'."""
    for i, line in enumerate(lines[:8]):
        titled = WEB_MEETING.match(line.text)
        if not titled or i + 1 >= len(lines) or not PACK_LABEL.match(lines[i + 1].text):
            continue
        when, _ = find_date(titled["when"])
        if when:
            return MeetingHeading(
                kind="agenda", index=i, end=i + 2, committee=normalise_committee(titled["committee"]),
                date=when, time=find_time(titled["when"]),
            )
    return None


def clean_venue(text: str) -> str:
    text = squash(text).strip(" ,.")
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
