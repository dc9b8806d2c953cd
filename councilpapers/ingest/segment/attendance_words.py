"""The words of attendance (text/vocabulary/attendance.txt) as the patterns the
attendance readers use: list headings and their statuses, the words joining
names, plural titles, counts, and the phrases of prose about apologies and
attending. Read once; the rules that use them are in `name_lists`,
`attendance_prose` and `attendance`.
"""

from __future__ import annotations

import re
from functools import cache

from ...text import numbers
from ...text.vocabulary import kinds

STATUSES = ("present", "also_present", "in_attendance", "apologies", "absent", "substitute")


@cache
def entries() -> dict[str, tuple[str, ...]]:
    """kind -> its entries, in the file's order."""
    return kinds("attendance")


def _regex(entry: str) -> str:
    return re.sub(r" +", r"\\s+", entry)


def alternation(kind: str) -> str:
    """The entries of `kind` as one regular expression, longest first."""
    values = sorted(entries().get(kind, ()), key=len, reverse=True)
    return "(?:" + "|".join(_regex(v) for v in values) + ")" if values else "(?!)"


def mapping(kind: str) -> dict[str, str]:
    """"A = B" entries of `kind`, A lower case."""
    pairs = (entry.partition("=") for entry in entries().get(kind, ()))
    return {a.strip().casefold(): b.strip() for a, _, b in pairs}


def words(kind: str) -> frozenset[str]:
    return frozenset(entry.casefold() for entry in entries().get(kind, ()))


# A list heading, its status given by the group that matched.
HEADING = re.compile(
    r"^(?:" + "|".join(f"(?P<{status}>{alternation(status)})" for status in STATUSES) + r")(?![\w’'])",
    re.IGNORECASE,
)
# "Members:", "Co-opted Members:", "Members appointed by the Secretary of State:" (or the
# label alone on its line): people present.
MEMBER_LABEL = re.compile(r"^" + alternation("member_label") + r"\s*(?::|$)", re.IGNORECASE)
AND = alternation("and")
PLURAL_TITLES = mapping("plural_title")  # "councillors" -> "Councillor"
PLURAL_TITLE_WORD = "(?:" + "|".join(re.escape(p) for p in sorted(PLURAL_TITLES, key=len, reverse=True)) + ")"
PLURAL_TITLE = re.compile(rf"^(?P<plural>{PLURAL_TITLE_WORD})[.:]?(?=\s|$)", re.IGNORECASE)
MEMBER_ROLES = words("member_role")
# Column labels of a table of attendance, each a whole cell: "Member", "Representing", "Substitute for".
NAME_COLUMN = re.compile(alternation("name_column") + r"\s*:?$", re.IGNORECASE)
ROLE_COLUMN = re.compile(alternation("role_column") + r"\s*:?$", re.IGNORECASE)
SUBSTITUTE_COLUMN = re.compile(alternation("substitute_column") + r"\s*:?$", re.IGNORECASE)
OFFICER_WORDS = words("officer_word")
BODY_WORDS = words("body_word")
ITEM_WORDS = words("item_word")
ROLE_QUALIFIERS = words("role_qualifier")
COUNTS = numbers.WORDS  # "Two Members": a number in words counts people
COUNT = re.compile(
    r"^(?P<number>\d{1,3}|" + "|".join(sorted(COUNTS, key=len, reverse=True)) + r")\s+(?P<what>[A-Za-z].*)$",
    re.IGNORECASE,
)
APOLOGIES_FROM = re.compile(r"\b" + alternation("apologies_from") + r"\s+", re.IGNORECASE)
APOLOGIES_GIVEN = re.compile(r"\s+" + alternation("apologies_given") + r"\b", re.IGNORECASE)
ABSENT_GIVEN = re.compile(r"\s+" + alternation("absent_given"), re.IGNORECASE)
ATTENDED = re.compile(r"\s+" + alternation("attended") + r"\b", re.IGNORECASE)
SPOKE = re.compile(r"\s+" + alternation("spoke") + r"\b", re.IGNORECASE)
PRESENT_WERE = re.compile(r"\b" + alternation("present_were") + r"\s+", re.IGNORECASE)
# "There were 5 members of the public present": a number, then people it counts.
COUNTED_IN_SENTENCE = re.compile(
    r"\b(?P<number>\d{1,3}|" + "|".join(sorted(COUNTS, key=len, reverse=True)) + r")\s+(?P<who>"
    + alternation("counted_people") + r")\b",
    re.IGNORECASE,
)
ATTENDED_BY = re.compile(r"\b" + alternation("attended_by") + r"\s+", re.IGNORECASE)
VIRTUAL = re.compile(r"\b" + alternation("virtual") + r"\b", re.IGNORECASE)
APOLOGIES_ITEM = re.compile(alternation("apologies_item"), re.IGNORECASE)
PUBLIC_ITEM = re.compile(alternation("public_item"), re.IGNORECASE)


def status_of(heading: re.Match) -> str:
    return next(status for status in STATUSES if heading.group(status))


def counted(text: str) -> tuple[int, str] | None:
    """(how many, of whom) for "Two Members", "3 members of the public"."""
    match = COUNT.match(text.strip().rstrip("."))
    if not match:
        return None
    number = match["number"].casefold()
    return (int(number) if number.isdigit() else COUNTS[number]), match["what"].strip()
