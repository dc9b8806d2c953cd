"""The chair's sign-off a set of minutes prints at each page's foot or at its
end: "Signed ______ Dated ______", "Chairman's Signature........ Date", a dotted
line over "CHAIRPERSON". Page furniture the reader does not always mark (its
underscores differ from page to page): never part of an item, and the last one
ends the minutes."""

from __future__ import annotations

import re

SIGNED = re.compile(
    r"^\s*(?:signed(?![a-z])|(?:the\s+)?chair(?:man|person|woman)?\s*['’]?\s*s\s+signature\b|signature\b)", re.IGNORECASE
)
LEADER = re.compile(r"[_.…]{5,}")
DATED = re.compile(r"(?<![a-z])dated?\b", re.IGNORECASE)
CHAIR_ALONE = re.compile(
    r"^\s*\(?\s*(?:the\s+)?(?:chair(?:man|person|woman)?|vice[-\s]chair(?:man|person|woman)?|cadeirydd|mayor)"
    r"\s*\)?\s*$",
    re.IGNORECASE,
)
MAX_LEADER_LETTERS = 30  # a dotted line with a date or a role under it, not a sentence with an ellipsis


def is_sign_off(text: str) -> bool:
    text = text.strip()
    if SIGNED.match(text):
        return bool(LEADER.search(text) or DATED.search(text))
    if LEADER.search(text):
        return sum(char.isalpha() for char in text) <= MAX_LEADER_LETTERS
    return bool(CHAIR_ALONE.match(text))
