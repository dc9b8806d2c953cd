"""Minute numbers as councils print them, and the run of them that numbers a
set of minutes.

A number opens its line ("84. Apologies", "19.03.5 Finance", "16.07.13 - Any
Other Business", "14/037: Matters Arising", "Item 5 Minutes", "(5) Planning",
"5) Planning", and with the letters of a committee or series before it:
"PC.57 Apologies", "P/23/41 Minutes", "CAB 12 Budget") or stands in a
left-hand column of its own, its title in the next (`Line.cells`: "5" |
"Apologies"). A time of day ("10.00 am") is never one. It has parts — (19,
3, 5) — and a style: how many parts, what joins them, what brackets it, the
letters before it. A set of minutes
numbers its items in one style, each one more than the last in its last part
(or two: an item minuted elsewhere) with the other parts unchanged, except
now and then one misprinted part ("19.01.4" among the 19.03.n items): the
items are the heaviest such chain (`best_chain`), each number weighed by how
much its line looks like a heading (see `item_evidence`). Letters before a
number make a numbering scheme only when they repeat: a chain in a prefix
has MIN_PREFIXED_CHAIN items at least.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace

from ...text.vocabulary import terms
from ..model import Line

# The parts of a multi-part number: "19.03.5", "14/037", "2022/031".
MULTI_PART = r"\d{1,4}(?P<joiner>[./])\d{1,4}(?:(?P=joiner)\d{1,4}){0,2}"
NUMBER = rf"(?P<number>{MULTI_PART}|\d{{1,4}})"
# A reference of three or more parts joined by slashes, letters among them: a
# planning application's ("23/00481/FUL", "NP/CV/25/0188/FUL", "P/23/0141").
APPLICATION_REF = r"(?=[\w/]*[A-Z])(?:[A-Z0-9]{1,6}/){2,}[A-Z0-9]{1,6}\b"
# A title starts with a letter, a quote, a bracket or an application's
# reference: "4.4. 4.4.10 Mr Davies" is a garbled reference, not number "4.4"
# titled "4.4.10 Mr Davies".
TITLE = rf"(?P<title>[^\W\d_].*?|[‘'\"“(\[].*?|{APPLICATION_REF}.*?)"
# "84. Title", "14/037: Title", "16.07.13 - Title", "19.03.5 Title"; a single
# part without a stop needs a wide gap or a dash ("5    Apologies", "5 - Apologies").
PLAIN = re.compile(
    rf"^\s*{NUMBER}(?P<stop>[.:])?(?:\s*[-–—]\s+|\s*:\s*|(?P<gap>\t|\s{{2,}})|\s+)\s*{TITLE}\s*$"
)
WORDED = re.compile(
    rf"^\s*(?:Item|ITEM|Minute|MINUTE)\s+{NUMBER}\s*(?:[.:]\s*|\s[-–—]\s*|\s+){TITLE}\s*$"
)
# Letters before the number, capitals: two to five ("PC.57", "CAB 12", "DM31",
# "LIC/31"), or one with a stop or slash ("P/23/41"): "A1", "S106" are names.
PREFIX = r"(?P<prefix>[A-Z]{2,5}(?:[./-]\s?|\s)?|[A-Z][./])"
PREFIXED = re.compile(
    rf"^\s*{PREFIX}{NUMBER}(?P<stop>[.:])?(?:\s*[-–—]\s+|\s*:\s*|\s+)\s*{TITLE}\s*$"
)
BARE_PREFIXED = re.compile(rf"^\s*{PREFIX}{NUMBER}[.:]?\s*$")
# "10.00 am", "9.30 a.m.", "14:00 hrs": when the meeting began, not a number.
TIME_OF_DAY = re.compile(r"^\s*\d{1,2}[.:]\d{2}\s*(?:[ap]\.?\s?m\b\.?|hrs?\b|hours\b|noon\b)", re.IGNORECASE)
BRACKETED = re.compile(rf"^\s*(?P<open>\()?(?P<number>\d{{1,3}})\)\s+{TITLE}\s*$")
# A number alone, as the first cell of a line or a line of its own.
BARE = re.compile(rf"^\s*(?P<open>\()?{NUMBER}(?P<stop>[.:)])?\s*$")
# "12.03.2019", "2019/03/12": a date, not a number ("16.07.10" is minute 10 of July 2016)
DATE_LIKE = re.compile(r"^(?:\d{1,2}[./]\d{1,2}[./]\d{4}|\d{4}[./]\d{1,2}[./]\d{1,2})$")

MISPRINT_COST = 0.4  # a chain may step over a number with one part misprinted, at this cost
SKIP_COST = 0.1  # ... or over one missing number (an item minuted elsewhere)
NOT_PREFIXES = frozenset(term.lower() for term in terms("not_number_prefixes"))
MIN_PREFIXED_CHAIN = 3  # letters before numbers are a scheme when this many items in a row carry them


@dataclass(frozen=True)
class ItemNumber:
    """A minute number as printed ("19.03.5", "14/037", "5"), its parts and style."""

    written: str
    parts: tuple[int, ...]
    style: tuple[int, str, str]  # (how many parts, joiner, bracket or prefix, and which part counts)

    @property
    def last(self) -> int:
        return self.parts[-1]

    @property
    def prefix(self) -> tuple[int, ...]:
        return self.parts[:-1]

    @property
    def prefixed(self) -> bool:
        """Letters stand before the number ("PC.57")."""
        return self.style[2].startswith(PREFIX_MARK)


@dataclass
class NumberedLine:
    """A line that opens with a minute number: where, the number, the title
    that follows it on the line (or in the next cell), and its weight as a
    heading (set by `item_evidence`)."""

    index: int
    number: ItemNumber
    title: str
    title_x: float | None = None  # where the title starts, when the line has cells
    weight: float = 1.0
    bold: bool | None = None
    title_line: int | None = None  # the line the title is on, when not the number's ("9." over its title)

    @property
    def title_index(self) -> int:
        return self.index if self.title_line is None else self.title_line


PREFIX_MARK = "letters:"  # the style's bracket part of a number with letters before it


def item_number(written: str, bracket: str = "", prefix: str = "") -> ItemNumber | None:
    """The number `written` (its digits; `prefix` the letters before them, as printed)."""
    if DATE_LIKE.match(written):
        return None
    joiner = "/" if "/" in written else "." if "." in written else ""
    parts = tuple(int(part) for part in re.split(r"[./]", written))
    if prefix:
        letters = re.sub(r"[^A-Z]", "", prefix)
        return ItemNumber(prefix + written, parts, (len(parts), joiner, PREFIX_MARK + letters))
    return ItemNumber(written, parts, (len(parts), joiner, bracket))


def _prefixed_number(match: re.Match) -> ItemNumber | None:
    """The number of a PREFIXED or BARE_PREFIXED match, unless its letters are a word."""
    letters = re.sub(r"[^A-Z]", "", match["prefix"])
    if letters.lower() in NOT_PREFIXES:
        return None
    return item_number(match["number"], prefix=match["prefix"])


def numbered_line(lines: list[Line], i: int) -> NumberedLine | None:
    """The minute number line `i` opens with, if any."""
    line = lines[i]
    from_cells = _from_cells(line, i)
    if from_cells:
        return from_cells
    text = line.text
    if TIME_OF_DAY.match(text):
        return None
    match = PLAIN.match(text)
    if match and (match["stop"] or match["joiner"] or match["gap"] or re.match(r"^\s*\d+\s*[-–—]\s", text)):
        number = item_number(match["number"])
        return NumberedLine(i, number, match["title"]) if number else None
    match = WORDED.match(text)
    if match:
        number = item_number(match["number"], "item")
        return NumberedLine(i, number, match["title"]) if number else None
    match = BRACKETED.match(text)
    if match:
        return NumberedLine(i, item_number(match["number"], "(" if match["open"] else ")"), match["title"])
    match = PREFIXED.match(text)
    if match:
        number = _prefixed_number(match)
        return NumberedLine(i, number, match["title"]) if number else None
    return None


def bare_number(text: str) -> ItemNumber | None:
    """The number of a line that holds nothing else ("9.", "14/037:", "(5)")."""
    prefixed = BARE_PREFIXED.match(text)
    if prefixed:
        return _prefixed_number(prefixed)
    match = BARE.match(text)
    if not match or (match["open"] and match["stop"] != ")"):
        return None
    bracket = "(" if match["open"] else ")" if match["stop"] == ")" else ""
    return item_number(match["number"], bracket)


def _from_cells(line: Line, i: int) -> NumberedLine | None:
    """A number in a column of its own: the line's first cell is the number
    alone, its second the title."""
    cells = line.cells
    if not cells or len(cells) < 2:
        return None
    number = bare_number(cells[0].text)
    title = cells[1].text.strip()
    if number is None or not re.match(TITLE + "$", title):
        return None
    bold = cells[1].bold if cells[1].bold is not None else cells[0].bold
    return NumberedLine(i, number, title, cells[1].x0, bold=bold)


def heaviest_chain(candidates: list[NumberedLine]) -> list[NumberedLine]:
    """`best_chain` counting in the last part ("14/037", "19.03.5") or, where
    that weighs more, in the first ("37/14": the year after the number). A
    chain in letters that do not repeat often enough to be a scheme is none:
    the next heaviest is taken without them."""
    while True:
        chain = _heaviest_either_way(candidates)
        if not chain or not chain[0].number.prefixed or len(chain) >= MIN_PREFIXED_CHAIN:
            return chain
        letters = chain[0].number.style[2].removesuffix("first")
        candidates = [c for c in candidates if c.number.style[2] != letters]


def _heaviest_either_way(candidates: list[NumberedLine]) -> list[NumberedLine]:
    by_last = best_chain(candidates)
    flipped = [replace(c, number=_counting_first(c.number)) for c in candidates if len(c.number.parts) > 1]
    by_first = best_chain(flipped)
    return by_first if _weight(by_first) > _weight(by_last) else by_last


def _counting_first(number: ItemNumber) -> ItemNumber:
    parts = number.parts[1:] + number.parts[:1]
    return ItemNumber(number.written, parts, (*number.style[:2], number.style[2] + "first"))


def _weight(chain: list[NumberedLine]) -> float:
    return sum(c.weight for c in chain)


def best_chain(candidates: list[NumberedLine]) -> list[NumberedLine]:
    """The heaviest run of candidates (in line order) whose numbers rise one
    at a time in their last part, in one style, the other parts unchanged or
    (at MISPRINT_COST) one of them misprinted.

    For each (style, last part, other parts) only the best chain ending there
    is kept, so each candidate looks at a handful of earlier ends: linear in
    the number of candidates, not quadratic."""
    best: list[float] = []
    previous: list[int | None] = []
    # (style, last part) -> {other parts: (best weight of a chain ending there, its candidate)}
    ends: dict[tuple, dict[tuple[int, ...], tuple[float, int]]] = defaultdict(dict)
    for k, candidate in enumerate(candidates):
        number = candidate.number
        best.append(candidate.weight)
        previous.append(None)
        for step, step_cost in ((1, 0.0), (2, SKIP_COST)):
            for prefix, (weight, j) in ends.get((number.style, number.last - step), {}).items():
                cost = _prefix_cost(prefix, number.prefix, step)
                if cost is None:
                    continue
                score = weight + candidate.weight - step_cost - cost
                if score > best[k]:
                    best[k], previous[k] = score, j
        known = ends[(number.style, number.last)].get(number.prefix)
        if known is None or best[k] > known[0]:
            ends[(number.style, number.last)][number.prefix] = (best[k], k)
    if not best:
        return []
    k: int | None = max(range(len(best)), key=lambda n: (best[n], candidates[n].number.last))
    chain = []
    while k is not None:
        chain.append(candidates[k])
        k = previous[k]
    return chain[::-1]


def _prefix_cost(before: tuple[int, ...], after: tuple[int, ...], step: int) -> float | None:
    """What it costs to go from a number with other parts `before` to one with
    `after`: nothing when they agree, MISPRINT_COST when one part differs and
    the last part steps by one, else not allowed (None)."""
    differing = sum(a != b for a, b in zip(before, after))
    if differing == 0:
        return 0.0
    if differing == 1 and step == 1:
        return MISPRINT_COST
    return None
