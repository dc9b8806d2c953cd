"""Whether a line states how a vote went: a tally ("For 7, Against 3,
Abstentions 1", "(6 for, 2 against)", "Voting: 9 for, 1 against"), a single
side's count alone ("For (14)"), or the motion's fate ("The motion was
carried.", "Amendment lost", "On being put to the vote the motion was
carried", "Cariwyd y cynnig").

A decision printed before such a line ends there: the vote is the record of how
it was reached, not part of what was decided. The words are data
(vocabulary/votes.txt, read by `vote_words`), in English and Welsh.
"""

from __future__ import annotations

import re

from .vote_words import LABEL as _SIDE
from .vote_words import alternation

_OUTCOME = alternation("fate")
_COUNT = r"\(?\s*\d{1,3}\s*\)?"
# "For 7", "For: 7", "FOR – 7", "For (7)", "7 for", "7 votes for".
_SIDE_COUNT = re.compile(
    rf"\b{_SIDE}\b\s*[:=–—-]?\s*{_COUNT}(?!\s*(?:%|per\s?cent|years?|months?|weeks?|days?|am|pm)\b)"
    rf"|\b\d{{1,3}}\s+(?:votes?\s+)?{_SIDE}\b",
    re.IGNORECASE,
)
_LEAD = r"^[\s(\[]*(?:(?:votes?|voting|vote\s+result|result|pleidlais|pleidleisio)\s*(?:was|were)?\s*[:–—-]?\s*)?"
_TALLY_START = re.compile(_LEAD + rf"(?:{_SIDE_COUNT.pattern})", re.IGNORECASE)
# "The (substantive) motion was (then put to the vote and) carried", "Motion lost", "Carried unanimously".
_FATE = re.compile(
    r"^[\s(\[]*(?:(?:on|upon|after)\s+(?:being\s+)?(?:put|a\s+vote)[^.]{0,40}?,?\s+)?"
    r"(?:the\s+)?(?:(?:substantive|original|amended|first|second|\w+'s)\s+)?"
    r"(?:motion|amendment|recommendations?|proposals?|proposition|cynnig|gwelliant)?\s*"
    r"(?:(?:was|were|is)\s+(?:then\s+|therefore\s+|duly\s+)?(?:put\s+to\s+the\s+vote\s+and\s+)?)?"
    rf"(?:unanimously\s+|y\s+)?\b{_OUTCOME}\b",
    re.IGNORECASE,
)
# Lines that put the question: "A recorded vote was taken", "On a show of hands".
_TAKEN = re.compile(
    r"^[\s(\[]*(?:a\s+(?:recorded\s+|named\s+)?vote\s+was\s+(?:then\s+)?taken|on\s+a\s+show\s+of\s+hands"
    r"|upon\s+a\s+vote\s+being\s+taken|the\s+voting\s+was|voting\s+was\s+as\s+follows|recorded\s+vote\b"
    r"|\(?unanimous(?:ly)?\)?\s*[.!]?\s*$)",
    re.IGNORECASE,
)
# What may follow the verb: "unanimously", "by 7 votes to 3", "nem con", "(For 6, Against 2)", "y cynnig".
_FATE_TAIL = re.compile(
    r"\s*(?:unanimously|nem\.?\s*con\.?|by\s+[^.]{0,40}|with\s+[^.]{0,40}|on\s+the\s+casting\s+vote[^.]{0,30}"
    r"|y\s+(?:cynnig|gwelliant)(?:\s+yn\s+unfrydol)?|yn\s+unfrydol)?\s*(?:\([^()]{0,60}\))?\s*[.!]?\s*$",
    re.IGNORECASE,
)


TALLY_WORDS = 14  # a sentence that counts two sides in so few words states the vote


def is_vote_line(text: str) -> bool:
    """Whether `text` (one line) states a vote's tally or outcome."""
    text = text.strip()
    if not text or len(text) > 160:
        return False
    if _TAKEN.match(text):
        return True
    counts = len(_SIDE_COUNT.findall(text))
    if _TALLY_START.match(text):
        return counts >= 2 or len(text.split()) <= 4
    if counts >= 2 and len(text.split()) <= TALLY_WORDS:
        return True  # "Members voted 7 for and 3 against."
    fate = _FATE.match(text)
    return bool(fate) and bool(_FATE_TAIL.match(text, fate.end())) and not _lower_start(text)


def strip_tally(text: str) -> str:
    """`text` without a bracketed tally at its end: "… be approved (For 6, Against 2)"."""
    match = re.search(r"\s*[(\[][^()\[\]]{3,80}[)\]]\s*\.?\s*$", text)
    if match and len(_SIDE_COUNT.findall(match.group(0))) >= 2:
        return text[: match.start()]
    return text


def _lower_start(text: str) -> bool:
    """A line that starts in lower case carries a sentence on ("lost its roof …")."""
    first = text.lstrip("([ ")[:1]
    return first.islower()
