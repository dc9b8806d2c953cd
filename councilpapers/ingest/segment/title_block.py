"""The meeting a paper is about, from the block of lines that opens it, in any
council's layout:

    Milburn Parish Council - 5th March 2019            a name and a date on one line
    MANORDEILO & SALEM COMMUNITY COUNCIL               a name, then a date line,
    MEETING 11th SEPTEMBER 2019                        then a sentence that says
    … held their meeting at 8.00pm on the 11th …       when and where
    Minutes / … Working Group Meeting / Date: … /      a labelled cover
    Time: … / Venue: …
    CORPORATE PARENTING PANEL– 29 October 2024         "NAME – date" over a
    MINUTES of the meeting held in the Darent Room …   "held in" sentence
    A meeting of the County Council will be held in …  a summons
    on Thursday, 13th February, 2025 at 9.30 am

The block runs from the top of the paper to where its business starts (an
attendance list, the first numbered item, "AGENDA"). Within it: the body is the
line that names one (Council, Committee, Panel…, in Welsh Cyngor, Pwyllgor),
preferring the line the layout sets apart (bold, larger, centred or capitals);
the date is the one the block gives most often, a labelled "Date:" first, never
one quoted from an item ("the minutes of the meeting held on …"); time and venue
come from labels, the "held … at … in …" sentence, or a venue line.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date

from ...ingest.committees import normalise_committee
from ...text.dates import DATE_PHRASE, NUMERIC_DATE, find_date, find_time
from ..model import Line
from ..textflow import TextFlow
from .headings import GENERIC_BODY, VENUE_WORDS, MeetingHeading, clean_venue, venue_in

MAX_BLOCK_LINES = 16
LABEL_LOOKAHEAD = 8  # lines after the block where a "Venue:" label still names the meeting's place
BODY_WORDS = re.compile(
    r"\b(?:Council|Committee|Sub-Committee|Panel|Board|Cabinet|Group|Forum|Commission|Partnership|Assembly"
    r"|Executive|Authority|Working\s+Party|Cyngor|Pwyllgor|Gr[ŵw]p|Bwrdd|Panel)\b",
    re.IGNORECASE,
)
# Where the business starts, so where the block ends.
BUSINESS_STARTS = re.compile(
    r"^\s*(?i:present|presennol|yn\s+bresennol|attendees|attendance|in\s+attendance|members\s+present"
    r"|councillors\s+present|apologies)\b"
    r"|^\s*(?:\d{1,3}(?:[./]\d{1,3}){0,2}[.:)]?|\(\d{1,3}\)|Item\s+\d{1,3}[.:]?)\s+\S"
    r"|^\s*A\s*G\s*E\s*N\s*D\s*A\s*$|^\s*AGENDA\b"
)
# An agenda says so in a heading, or summons: not a letter mentioning "the agenda".
AGENDA_WORDS = re.compile(
    r"(?m)^\s*(?:A\s?G\s?E\s?N\s?D\s?A|Agenda|RHAGLEN|Rhaglen)\s*$|\bAgenda\s+(?:for|frontsheet)\b|\bSummons\b"
    r"|\bto\s+be\s+held\b|\bwill\s+be\s+held\b|\bnotice\s+of\s+(?:the\s+)?meeting\b",
    re.IGNORECASE,
)
MINUTES_WORDS = re.compile(
    r"\bminutes\b|\bheld\s+(?:their|its|a|the)\b|\bwere\s+present\b|\bCofnodion\b|\bCynhaliwyd\b"
    r"|^\s*(?:PRESENT|Present|PRESENNOL|Presennol)\b",
    re.IGNORECASE | re.MULTILINE,
)
# A date quoted from the business, not the meeting's own.
QUOTED_DATE = re.compile(
    r"(?:last|previous|earlier|next)\s+meeting|meeting\s+(?:of\s+\S+\s+)?held\s+on\s*$|\bdated\s*$"
    r"|\b(?:published|issued|despatched|dispatched|circulated)\b",
    re.IGNORECASE,
)
LABEL = re.compile(
    r"^\s*(?:Proposed\s+)?(?P<label>Date|Time|Venue|Place|Location|Where|When)\s*[:–-]\s*(?P<value>.*?)"
    r"(?:\.?\s*View\s+directions)?\s*$",
    re.IGNORECASE,
)
CALLED_OFF = re.compile(r"\b(?P<status>CANCELLED|CANCELED|POSTPONED)\b", re.IGNORECASE)
# "… held their meeting at 8.00pm on the 11th September 2019 at the Reading Room, Cwmifor."
HELD_AT = re.compile(
    r"\bheld\s+(?:their|its|a|the)?\s*(?:\w+\s+)?meeting\b.*?"
    r"(?:\b(?:at|in)\s+(?P<venue>(?:the\s+)?[A-Z][^.;]*?))\s*(?:[.;]|$)",
)
HELD_IN = re.compile(r"\bheld\s+(?:in|at)\s+(?P<venue>(?:the\s+)?[A-Z].*?)(?:\s+on\s+\S|[.;]\s|[.;]?$)")
# Welsh: "Cynhaliwyd Cyfarfod … ar y 14eg Tachwedd 2018 yn yr Ystafell Ddarllen, Cwmifor."
YN_YR = re.compile(r"\byn\s+(?:yr?\s+)?(?P<venue>[A-Z][^.;]*?)\s*(?:[.;]|$)")
SUMMONS = re.compile(
    r"\b(?:An?|The|summoned\s+to\s+attend\s+(?:an?|the)|notice\s+of\s+(?:an?|the))\s+"
    r"(?:(?:extraordinary|special|annual|ordinary|budget)\s+)?meeting\s+of\s+(?:the\s+)?"
    r"(?P<committee>[A-Z][\w&'’ ,-]{2,80}?)\s+(?:which\s+)?(?:will|is\s+to|to)\s+be\s+held\s+(?:in|at)\s+"
    r"(?P<venue>.+?)\s+on\s+(?P<when>.+?)(?:\s+(?:to|for\s+the\s+purpose\s+of)\s+(?:deal|transact|consider)\b"
    r"|[.;](?!\d)|$)",
    re.IGNORECASE,
)
NAME_NOISE = re.compile(
    r"^\s*To\s*:?\s+(?=[A-Z])"
    r"|^\s*(?:(?:draft|approved|confirmed|unconfirmed|signed)\s+)?(?:minutes|agenda|notes)\s+(?:of\s+)?"
    r"(?:(?:the|a|an)\s+)?(?:(?:\w+\s+)?meeting\s+of\s+(?:the\s+)?)?"
    r"|\s*[,(]?\s*\b(?:A\.?G\.?M\.?|annual\s+(?:general\s+|parish\s+)?meeting|(?:extra)?ordinary\s+meeting"
    r"|special\s+meeting|meeting|minutes|agenda)\b\.?\s*\)?\s*$"
    r"|^\s*(?:summons\s+to\s+and\s+)?agenda\s+for\s+(?:the\s+|an?\s+)?",
    re.IGNORECASE,
)
# "From: …", "To: Cabinet – 30 January 2025": a cover sheet's fields, read with the report.
FIELD_LABEL = re.compile(r"^\s*[A-Z][\w/()]*(?:\s+[\w/()]+){0,3}\s*:")
COVER_SHEET_FIELD = re.compile(r"^\s*(?:From|By|To|Subject|Report\s+(?:of|by|to|from))\s*:")
VENUE_AFTER = re.compile(r"\s+(?:Chamber|Offices?|Rooms?|House|Hall|Building|Suite|Centre|Center)\b", re.IGNORECASE)
COUNCIL_NAME = re.compile(r"\b(?:Council|Cyngor)\s*$", re.IGNORECASE)
# "NORTHSHIRE COUNTY COUNCIL – PROPOSED RECORD OF DECISION": a form, not a meeting's title.
RECORD_OF_DECISION = re.compile(r"\bRECORD\s+OF\s+(?:\w+\s+)?DECISION\s*$", re.IGNORECASE)
# What may follow the body word and still be the body's name: "Board of Estimates".
NAME_TAIL = re.compile(r"^\s+(?:of|for|on)\s+(?:the\s+)?[A-Z]")
AUTHORS = re.compile(r"^\s*(?:By|From|Report\s+(?:by|of|from))\b")  # a report's authors, not its body
CONTACT = re.compile(r"\b(?:Tel(?:ephone)?|E-?mail|Ask\s+for|Clerk\s*:|www\.|@)\b", re.IGNORECASE)
SENTENCE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|held|took|welcomed)\b")


def title_block_heading(lines: list[Line], context: date | None = None) -> MeetingHeading | None:
    """The meeting named by the block that opens `lines`, or None."""
    end = _block_end(lines)
    block = lines[:end]
    if not block:
        return None
    summons = _summons(lines)
    if summons:
        return summons
    if any(COVER_SHEET_FIELD.match(line.text) for line in block):
        return None  # a report's cover sheet: its "To:" names the meeting (see cover_sheets)
    if RECORD_OF_DECISION.search(block[0].text):
        return None  # a record of decision: the meeting it goes to is in its text (see decision_records)
    name_at = _name_line(block, context)
    if name_at is None:
        return None
    when = _meeting_date(block, name_at, context)
    if when is None:
        return None
    committee = _committee(block[name_at].text)
    if not committee:
        return None
    around = "\n".join(line.text for line in lines[: min(len(lines), end + 25)])
    called_off = CALLED_OFF.search(block[name_at].text) or CALLED_OFF.search(_joined(block[:3]))
    return MeetingHeading(
        kind=_kind(block, around), index=0, end=end, committee=committee, date=when,
        time=find_time(_labelled(block, "time") or "") or find_time(_joined(block)),
        venue=_venue(lines[: end + LABEL_LOOKAHEAD], block, name_at), status=called_off["status"].lower().replace("canceled", "cancelled")
        if called_off else None,
    )


def _block_end(lines: list[Line]) -> int:
    for i, line in enumerate(lines[:MAX_BLOCK_LINES]):
        starts_with_date = DATE_PHRASE.match(line.text.strip())  # "15 January 2026" is no item 15
        if i and BUSINESS_STARTS.match(line.text) and not starts_with_date:
            return i
    return min(len(lines), MAX_BLOCK_LINES)


def _name_line(block: list[Line], context: date | None) -> int | None:
    """The line naming the body: of those with a body word and not a sentence,
    one that dates the meeting too, else the one the layout sets apart most
    (bold, large, centred, capitals)."""
    candidates = [
        i for i, line in enumerate(block)
        if _names_a_body(line.text) and not CONTACT.search(line.text) and not _is_sentence(line.text)
        and not FIELD_LABEL.match(line.text) and not AUTHORS.match(line.text)
    ]
    if not candidates:
        return None
    best = max(candidates, key=lambda i: (bool(_own_date(block[i].text, context)), _prominence(block[i]), -i))
    # "WESTBURY TOWN COUNCIL" over "FINANCE AND GENERAL PURPOSES COMMITTEE": the
    # council's committee is the body that meets; "Minutes of the Full Council
    # Meeting" under "STOKE GIFFORD PARISH COUNCIL" is that council itself.
    below = best + 1
    if (below in candidates and COUNCIL_NAME.search(block[best].text) and not COUNCIL_NAME.search(block[below].text)
            and not GENERIC_BODY.match(_committee(block[below].text) or "")):
        return below
    return best


def _names_a_body(text: str) -> bool:
    """A body word that is not part of a place ("Council Chamber", "Committee Room")."""
    return any(not VENUE_AFTER.match(text, match.end()) for match in BODY_WORDS.finditer(text))


def _prominence(line: Line) -> int:
    score = 0
    if getattr(line, "bold", None):
        score += 2
    text = line.text.strip()
    if text.isupper():
        score += 1
    if getattr(line, "centred", None):
        score += 1
    return score


def _is_sentence(text: str) -> bool:
    return len(text.split()) > 14 or bool(SENTENCE.search(text) and len(text.split()) > 6)


def _committee(text: str) -> str | None:
    """'Milburn Parish Council A.G.M. - 8th May 2018' -> 'Milburn Parish Council'."""
    found = DATE_PHRASE.search(text) or NUMERIC_DATE.search(text)
    if found:
        text = text[: found.start()]
    previous = None
    while previous != text:
        previous, text = text, NAME_NOISE.sub("", text).strip(" ,-–—:@")
    text = normalise_committee(text)  # a Welsh name in English first: its body word comes last
    last = None
    for last in BODY_WORDS.finditer(text):
        pass
    if last is None or len(text) > 100:
        return None
    if not NAME_TAIL.match(text[last.end():]):
        text = text[: last.end()]  # "Amenities Committee Community Grant Applications": the body, not the title
    return normalise_committee(text)


def _meeting_date(block: list[Line], name_at: int, context: date | None) -> date | None:
    """The meeting's date: the one on the body's line ("CABINET - THURSDAY, 30
    JANUARY 2025"), else on the lines just below it ("MEETING 11th SEPTEMBER
    2019"), else a "Date:" label, else the date the block gives most often;
    never a date quoted from the business ("the last meeting held on …")."""
    for at in range(name_at, min(name_at + 3, len(block))):
        when = _own_date(block[at].text, context) or _own_date(_joined(block[at : at + 2]), context)
        if when:
            return when
    labelled = _labelled(block, "date")
    if labelled:
        when, _ = find_date(labelled, context)
        if when:
            return when
    votes: Counter[date] = Counter()
    text = _joined([line for line in block if not _is_sentence(line.text)])  # titles, not prose or tables
    for match in list(DATE_PHRASE.finditer(text)) + list(NUMERIC_DATE.finditer(text)):
        if QUOTED_DATE.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        when, _ = find_date(match.group(0), context)
        if when:
            votes[when] += 1
    if not votes:
        return None
    best = max(votes.values())
    return next(when for when in votes if votes[when] == best)  # ties: the first given


def _own_date(text: str, context: date | None) -> date | None:
    """A date on a line of the title, unless the line quotes it from the business."""
    if LABEL.match(text) or QUOTED_DATE.search(text):
        return None
    when, _ = find_date(re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text), context)
    return when


def _joined(block: list[Line]) -> str:
    """The block's lines as one text, so a date broken over lines ("MEETING 9" /
    "th MARCH 2016") reads whole."""
    text = TextFlow.of_chunks((i, line.text.strip()) for i, line in enumerate(block)).text
    return re.sub(r"(\d)\s+(st|nd|rd|th)\b", r"\1\2", text)


def _labelled(block: list[Line], field: str) -> str | None:
    """The value of a "Date:", "Time:" or "Venue:"/"Place:" label, wrapped lines joined."""
    names = {"date": ("date", "when"), "time": ("time",), "venue": ("venue", "place", "location", "where")}[field]
    for i, line in enumerate(block):
        match = LABEL.match(line.text)
        if not match or match["label"].lower() not in names:
            continue
        parts = [match["value"].strip()]
        for following in block[i + 1 : i + 4]:
            if FIELD_LABEL.match(following.text) or BUSINESS_STARTS.match(following.text):
                break
            parts.append(following.text.strip())
        return " ".join(p for p in parts if p)
    return None


# What a sentence writes between a place and its date: "on", Welsh "ar", "nos Lun" (Monday evening).
AFTER_PLACE = re.compile(
    r"[\s,]+(?:(?:on|ar|nos|dydd|bore|prynhawn)\s*)?"
    r"(?:(?:Llun|Lun|Mawrth|Fawrth|Mercher|Fercher|Iau|Gwener|Wener|Sadwrn|Sul)\s*)?$",
    re.IGNORECASE,
)


def _venue(opening: list[Line], block: list[Line], name_at: int) -> str | None:
    """A labelled venue near the top (a web page prints it below the attendance
    link), else one the block's sentence or lines name."""
    labelled = _labelled(opening, "venue")
    if labelled:
        return clean_venue(labelled)
    text = _joined(block)
    for pattern in (HELD_IN, HELD_AT, YN_YR):
        match = pattern.search(text)
        if match and VENUE_WORDS.search(match["venue"]) or (match and pattern is YN_YR):
            return clean_venue(_cut_at_date(match["venue"]))
    if found := venue_in(text):  # "held on Tuesday 4 February 2025 at 6.30pm in the Council Chamber"
        return found
    for line in block[name_at + 1 :]:
        text = line.text.strip()
        if VENUE_WORDS.search(text.title()) and not _names_a_body(text) and not find_date(text)[0]:
            return clean_venue(normalise_committee(text) if text.isupper() else text)
    return None


def _cut_at_date(text: str) -> str:
    """A venue without the date and time written after it ("…, Abercerwyn, nos
    Lun 14 Hydref 2024 am 7" -> "…, Abercerwyn")."""
    match = re.search(r"\s+on\s+(?:the\s+)?\d|\s+ar\s+y\s+\d", text) or DATE_PHRASE.search(text)
    text = text[: match.start()] if match else text
    return AFTER_PLACE.sub("", text)


def _kind(block: list[Line], around: str) -> str:
    head = "\n".join(line.text for line in block)
    if AGENDA_WORDS.search(head) and not re.search(r"\bminutes\b", head, re.IGNORECASE):
        return "agenda"
    if MINUTES_WORDS.search(around):
        return "minutes"
    return "agenda" if AGENDA_WORDS.search(around) else "report"


def _summons(lines: list[Line]) -> MeetingHeading | None:
    """'A meeting of the County Council will be held in the Council Chamber,
    County Hall, Maidstone on Thursday, 13th February, 2025 at 9.30 am to deal
    with the following business': the agenda's meeting, its items below."""
    window = lines[:60]
    for i, line in enumerate(window):
        if not re.search(r"\bbe\s+held\b", " ".join(l.text for l in window[i : i + 3])):
            continue
        sentence = " ".join(l.text.strip() for l in window[i : i + 4])
        match = SUMMONS.search(sentence)
        if not match:
            continue
        when, found = find_date(match["when"])
        if not when:
            continue
        end = i + 1
        while end < len(lines) and end < i + 5 and not re.search(r"business|[.:]\s*$", lines[end - 1].text):
            end += 1
        return MeetingHeading(
            kind="agenda", index=0, end=end, committee=normalise_committee(match["committee"]), date=when,
            time=find_time(match["when"][found.end():]), venue=clean_venue(match["venue"]),
        )
    return None
