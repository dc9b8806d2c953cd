"""Minute items: their headings, numbered or not, in any council's layout.

Numbered minutes: the items are the heaviest chain of rising numbers
(`item_numbers.best_chain`), each weighed by how much its line looks like a
heading (`item_headings.heading_weight`), so the paragraphs numbered 1, 2, 3
inside each item, a garbled reference ("4.4.4.4.5.4.5vii)") or a list of
payments do not break the run of items. Around that run, a standard item
printed without a number ("Apologies - None", "Next Meeting ...") or a heading
set like the numbered ones is an item too, where a number has no place for it:
before the first, after the last, or in a gap of the numbering.

Unnumbered minutes: headings over an "(Item 5)" line; else bold short lines at
the left margin over text that is not bold; else lines set apart from the text
(larger, capitals, bold), at the margin or centred, all in one setting; and
(plain text) short lines that are not sentences over a numbered first
paragraph.

When the numbered lines read as sentences (a group's numbered points), each
point is an item titled by its first paragraph, and the paragraph is also the
start of its text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass

from ...text.vocabulary import pattern
from ..model import Line, body_size
from ..readers.furniture import PAGE_LABEL
from .item_headings import (
    AGENDA_REF,
    ATTENDING_NOTE,
    INLINE_AGENDA_REF,
    PARAGRAPH_START,
    WEB_DOC_MARK,
    SectionStyle,
    agenda_ref_below,
    at_margin,
    has_agenda_ref,
    heading_weight,
    is_capitals,
    is_not_item,
    is_sentence,
    looks_like_heading,
    title_continues,
)
from .item_numbers import TIME_OF_DAY, NumberedLine, bare_number, heaviest_chain, numbered_line
from .sign_off import is_sign_off

STANDARD_ITEM = re.compile(
    rf"^\s*(?P<title>{pattern('unnumbered_items')})"
    r"(?P<rest>\s*(?:[:\-–—]\s*.*)?$|\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b.*|\s+\d.*)$",
    re.IGNORECASE,
)
NOT_BOLD_PENALTY = 0.25  # a number on a line not bold, where the other numbers' lines are
HEADING_SHARE = 0.6  # a chain is of items when this share of it reads as headings
OPENING_ITEMS = 3  # an opening before the first numbered item is no longer than this many items
SIZE_STEP = 0.5  # points: a heading set larger is larger than the text by more than its rounding
MAX_TITLE_LINES = {False: 2, True: 4}  # lines a title may run on to: a heading's, a point's


@dataclass
class ItemHeading:
    index: int  # first line of the item (its heading)
    body_start: int  # first line of its text: after the title and "(Item X)", or the heading line (`rest`)
    number: str | None
    title: str
    agenda_ref: str | None
    rest: str | None = None  # text of the heading line after the title, when the item's text starts on it
    run_in: bool = False  # a standard item's title run in to its text: "Apologies for Absence: Cllr A, Cllr B"


def find_items(lines: list[Line], start: int, end: int, skip: Collection[int] = ()) -> list[ItemHeading]:
    """The items of the minutes in lines[start:end]; lines in `skip` (page
    furniture the reader did not mark) are never part of a heading."""
    style = SectionStyle.of(lines, start, end)
    chain = _numbered_chain(lines, start, end, style, skip)
    if len(chain) >= 2 and _reads_as_headings(lines, chain, end, style):
        items = [_item_from(lines, c.index, end, c.number.written, c.title, style, skip, c.title_x, c.title_line)
                 for c in chain]
        return sorted(items + _unnumbered_extras(lines, start, end, chain, items, style, skip), key=lambda h: h.index)
    unnumbered = _anchored_items(lines, start, end, style, skip) or _merged(
        _bold_headings(lines, start, end, style, skip) or _styled_headings(lines, start, end, style, skip),
        _plain_headings(lines, start, end, style, skip),
    )
    # Unnumbered headings hold the numbered paragraphs, so the first comes
    # first: bold rows of a table after a run of numbered points are not items.
    if not chain or (unnumbered and unnumbered[0].index < chain[0].index):
        return unnumbered
    return [_point_from(lines, c, end, style, skip) for c in chain]


def _numbered_chain(lines: list[Line], start: int, end: int, style: SectionStyle,
                    skip: Collection[int]) -> list[NumberedLine]:
    candidates = []
    for i in range(start, end):
        if i in skip:
            continue
        candidate = numbered_line(lines, i) or _number_over_title(lines, i, end, skip)
        if candidate is None or candidate.title.startswith("(Pages"):
            continue
        if candidate.bold is None:
            candidate.bold = lines[i].bold
        candidate.weight = heading_weight(lines, i, end, candidate.title, candidate.bold, style)
        candidates.append(candidate)
    if style.bold_signals and any(c.bold for c in candidates):
        for candidate in candidates:
            if not candidate.bold:
                candidate.weight *= NOT_BOLD_PENALTY
    return heaviest_chain(candidates)


def _number_over_title(lines: list[Line], i: int, end: int, skip: Collection[int]) -> NumberedLine | None:
    """A number alone on its line ("9." at a page's foot) over its title."""
    number = bare_number(lines[i].text)
    if number is None or i + 1 >= end or i + 1 in skip:
        return None
    title = lines[i + 1].text.strip()
    if not looks_like_heading(title) or is_sentence(title):
        return None
    return NumberedLine(i, number, title, lines[i + 1].x0, bold=lines[i + 1].bold, title_line=i + 1)


def _reads_as_headings(lines: list[Line], chain: list[NumberedLine], end: int, style: SectionStyle) -> bool:
    headings = sum(
        (style.bold_signals and bool(c.bold)) or has_agenda_ref(lines, c.index, end, c.title)
        or (looks_like_heading(c.title) and not is_sentence(c.title))
        for c in chain
    )
    return headings >= HEADING_SHARE * len(chain)


def _item_from(lines: list[Line], index: int, end: int, number: str | None, title: str, style: SectionStyle,
               skip: Collection[int], title_x: float | None = None, title_line: int | None = None,
               point: bool = False) -> ItemHeading:
    """The heading at line `index` (its title on `title_line`, the same line
    unless the number stands alone above it): the title run on over the lines
    it wraps to, and the "(Item X)" it minutes."""
    i = index if title_line is None else title_line
    title = WEB_DOC_MARK.sub("", title).strip()
    ref_match = INLINE_AGENDA_REF.search(title)
    agenda_ref = ref_match["ref"] if ref_match else None
    if ref_match:
        title = title[: ref_match.start()].rstrip()
    j = i + 1
    # The title may wrap; it runs on to an "(Item X)" line a line or two below.
    ref_line = agenda_ref_below(lines, i, end, title) if agenda_ref is None else None
    if ref_line is not None:
        # A page number the reader left between a title at a page's foot and its "(Item X)" is not title.
        continuation = [lines[m].text.strip() for m in range(i + 1, ref_line)
                        if lines[m].text.strip() and not _is_page_number_between(lines, m, i)]
        title = " ".join([title, *continuation])
        agenda_ref, j = AGENDA_REF.match(lines[ref_line].text)["ref"], ref_line + 1
    if agenda_ref is None:
        limit = MAX_TITLE_LINES[point] if lines[i].has_position else 1
        while j < end and j not in skip and j - i <= limit and title_continues(
            lines[i], title, title_x, lines[j], style, point
        ):
            title, j = f"{title} {_first_cell(lines[j])}", j + 1
    return ItemHeading(index, j, number, _clean_title(title), agenda_ref and agenda_ref.upper())


def _first_cell(line: Line) -> str:
    """A title's wrapped line without what stands in a column to its right
    (an action's owner, a page number)."""
    return line.cells[0].text.strip() if line.cells and len(line.cells) > 1 else line.text.strip()


def _clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip().lstrip("-–— ").strip()


def _point_from(lines: list[Line], point: NumberedLine, end: int, style: SectionStyle,
                skip: Collection[int]) -> ItemHeading:
    """A numbered point titled by its first paragraph, its text starting with it."""
    heading = _item_from(lines, point.index, end, point.number.written, point.title, style, skip,
                         point.title_x, point.title_line, point=True)
    heading.body_start, heading.rest = point.title_index, point.title
    return heading


def _unnumbered_extras(lines: list[Line], start: int, end: int, chain: list[NumberedLine],
                       items: list[ItemHeading], style: SectionStyle, skip: Collection[int]) -> list[ItemHeading]:
    """Items printed without a number around a numbered run: over an "(Item X)"
    line anywhere; a standard item, or a heading set like the numbered ones,
    where no number is missing for it."""
    inside = {k for item in items for k in range(item.index, item.body_start)}
    anchored = [h for h in _anchored_items(lines, start, end, style, skip) if not inside & set(range(h.index, h.body_start))]
    inside |= {k for h in anchored for k in range(h.index, h.body_start)}
    bold_chain = style.bold_signals and sum(bool(c.bold) for c in chain) * 2 > len(chain)
    xs = [lines[c.index].x0 for c in chain] + [c.title_x for c in chain]
    extras = list(anchored)
    indices = [c.index for c in chain]
    # Before the first number, a heading set like the numbered ones opens an
    # item only in a short opening: after a long stretch of text the numbers
    # start late, and what heads that stretch is not known to be items.
    opening_is_short = indices[0] - start <= OPENING_ITEMS * (end - indices[0]) / len(indices)
    for i in range(start, end):
        if i in inside or i in skip or not _has_no_number_place(chain, indices, i):
            continue
        line = lines[i]
        if not at_margin(line) and not any(x is not None and abs(line.x0 - x) <= 6 for x in xs):
            continue
        standard = STANDARD_ITEM.match(line.text)
        if standard:
            extras.append(_run_in(i, standard, lines, end, style, skip))
        elif (bold_chain and i < indices[-1] and (i > indices[0] or opening_is_short)
              and _bold_heading_at(lines, i, end, skip) and not line.is_centred()):
            # Not after the last: bold headings there are an appendix's as often as an item's.
            extras.append(_item_from(lines, i, end, None, line.text.strip(), style, skip))
        else:
            continue
        inside |= set(range(extras[-1].index, extras[-1].body_start))
    return extras


def _merged(*found: list[ItemHeading]) -> list[ItemHeading]:
    """Headings found in several ways, in line order, each once (the first
    found of two that share a line)."""
    merged: list[ItemHeading] = []
    for heading in sorted((h for headings in found for h in headings), key=lambda h: h.index):
        if not merged or heading.index >= merged[-1].body_start:
            merged.append(heading)
    return merged


def _has_no_number_place(chain: list[NumberedLine], indices: list[int], i: int) -> bool:
    """Line `i` lies before the first numbered item, after the last, or
    between two whose numbers leave one out (`indices`: the chain's lines)."""
    if i < indices[0] or i > indices[-1]:
        return True
    k = bisect_left(indices, i)
    if indices[k] == i:
        return False
    return chain[k].number.last - chain[k - 1].number.last >= 2


def _run_in(i: int, standard: re.Match, lines: list[Line], end: int, style: SectionStyle,
            skip: Collection[int]) -> ItemHeading:
    """A standard item's heading, its text following on the line
    ("Apologies - None") or below it ("Election of Chair")."""
    rest = re.sub(r"^\s*[:\-–—]?\s*", "", standard["rest"]).strip()
    if not rest:
        return _item_from(lines, i, end, None, standard["title"], style, skip)
    return ItemHeading(i, i, None, _clean_title(standard["title"]), None, rest, run_in=True)


def _anchored_items(lines: list[Line], start: int, end: int, style: SectionStyle,
                    skip: Collection[int]) -> list[ItemHeading]:
    """Unnumbered headings over the "(Item 5)" line of the agenda item they
    minute, a title that wraps taken whole, a page number between a title at a
    page's foot and its "(Item 5)" on the next page left out."""
    items = []
    for r in range(start + 1, end):
        ref = AGENDA_REF.match(lines[r].text)
        if not ref or r - 1 in skip:
            continue
        first = last = r - 1
        if _is_page_number_between(lines, first, start):
            first = last = first - 1
        if first - 1 >= start and first - 1 not in skip and _same_title(lines[first - 1], lines[first], style):
            first -= 1
        title = " ".join(lines[k].text.strip() for k in range(first, last + 1))
        if numbered_line(lines, first) or not looks_like_heading(title) or AGENDA_REF.match(lines[first].text):
            continue
        items.append(ItemHeading(first, r + 1, None, _clean_title(title), ref["ref"].upper()))
    return items


def _is_page_number_between(lines: list[Line], i: int, start: int) -> bool:
    """Line `i` is a page number the reader left in the text, at the top of a
    page under the last line of the one before."""
    return i - 1 >= start and lines[i].text.strip().isdigit() and lines[i].page != lines[i - 1].page


def _same_title(upper: Line, lower: Line, style: SectionStyle) -> bool:
    """`lower` carries on a title that starts on `upper`."""
    text = upper.text.strip()
    if not text or AGENDA_REF.match(text) or PARAGRAPH_START.match(text) or len(text) > 100:
        return False
    if style.bold_signals:
        return bool(upper.bold and lower.bold) and (
            not upper.has_position or not lower.has_position or abs(upper.x0 - lower.x0) <= 6
        )
    return not text.endswith((".", ":", ";", ")")) and not lower.text.strip()[:1].isupper()


def _styled_headings(lines: list[Line], start: int, end: int, style: SectionStyle,
                     skip: Collection[int]) -> list[ItemHeading]:
    """Headings without numbers known only by how they are set: short lines
    on their own, set apart from the text (larger, capitals where the text
    is not, bold where it is not), at the left margin or centred.
    A set of minutes sets all its headings alike, so the items are the lines
    of one setting: the one that heads most items (a standard item, such as
    "Apologies", counting twice); two at least."""
    body = BodySetting.of(lines, start, end, style)
    settings: dict[tuple, list[int]] = defaultdict(list)
    for i in range(start, end):
        if i in skip or not _stands_apart(lines, i, end, skip, body):
            continue
        settings[_setting(lines[i])].append(i)
    if not settings:
        return []
    heads = max(settings.values(), key=lambda found: sum(
        1 + bool(STANDARD_ITEM.match(lines[i].text)) for i in found))
    items = []
    for i in heads:
        if not items or i >= items[-1].body_start:
            items.append(_item_from(lines, i, end, None, lines[i].text.strip(), style, skip))
    return items if len(items) >= 2 else []


def _setting(line: Line) -> tuple:
    """How a line is set, as far as the format tells: weight, size (to the
    half point), capitals, centred."""
    size = round(line.size * 2) / 2 if line.size is not None else None
    return bool(line.bold), size, is_capitals(line.text), bool(line.is_centred())


@dataclass(frozen=True)
class BodySetting:
    """How the text of a set of minutes is set: its size, whether most of it
    is capitals, whether bold marks headings out."""

    size: float | None
    capitals: bool
    bold_signals: bool

    @classmethod
    def of(cls, lines: list[Line], start: int, end: int, style: SectionStyle) -> BodySetting:
        text = lines[start:end]
        capitals = sum(len(line.text) for line in text if is_capitals(line.text))
        return cls(body_size(text), 2 * capitals > sum(len(line.text) for line in text), style.bold_signals)

    def sets_apart(self, line: Line) -> bool:
        """`line` is set otherwise than the text: larger, capitals, or bold."""
        larger = line.size is not None and self.size is not None and line.size > self.size + SIZE_STEP
        return larger or (is_capitals(line.text) and not self.capitals) or bool(self.bold_signals and line.bold)


def _stands_apart(lines: list[Line], i: int, end: int, skip: Collection[int], body: BodySetting) -> bool:
    """Line `i` may head an item by its setting: a short heading-like line,
    no sentence, number, time or signature, at the margin or centred, set
    apart from the text (`BodySetting.sets_apart`), over a line set otherwise."""
    line, text = lines[i], lines[i].text.strip()
    if not body.sets_apart(line):
        return False
    if (len(text) > 120 or not looks_like_heading(text) or is_not_item(text) or is_sign_off(text)
            or PAGE_LABEL.fullmatch(text)):
        return False
    if numbered_line(lines, i) or TIME_OF_DAY.match(text) or (is_sentence(text) and not is_capitals(text)):
        return False
    if not (at_margin(line) or line.is_centred()):
        return False
    following = next((k for k in range(i + 1, end) if k not in skip and lines[k].text.strip()), None)
    return following is not None and _setting(lines[following]) != _setting(line)


def _bold_headings(lines: list[Line], start: int, end: int, style: SectionStyle,
                   skip: Collection[int]) -> list[ItemHeading]:
    """Bold short lines at the left margin over text that is not bold, where
    bold marks headings out; two at least, or it is no way of heading items."""
    if not style.bold_signals:
        return []
    items: list[ItemHeading] = []
    i = start
    while i < end:
        if i not in skip and at_margin(lines[i]) and not lines[i].is_centred() and _bold_heading_at(lines, i, end, skip):
            items.append(_item_from(lines, i, end, None, lines[i].text.strip(), style, skip))
            i = items[-1].body_start
        else:
            i += 1
    return items if len(items) >= 2 else []


def _bold_heading_at(lines: list[Line], i: int, end: int, skip: Collection[int]) -> bool:
    """Line `i` is a bold heading: short, not a sentence nor a label, not an
    attendance block's, with text that is not bold below it (a wrapped title's
    second line aside)."""
    line, text = lines[i], lines[i].text.strip()
    if not line.bold or len(text) > 120 or not looks_like_heading(text) or is_not_item(text):
        return False
    if numbered_line(lines, i) or (is_sentence(text) and not is_capitals(text)):
        return False
    following = lines[i + 1] if i + 1 < end and i + 1 not in skip else None
    if following is None:
        return False
    if not following.bold or AGENDA_REF.match(following.text):
        return True
    # A bold line under it is the rest of its title, over text that is not bold; else another heading.
    below = lines[i + 2] if i + 2 < end and i + 2 not in skip else None
    return (below is not None and (not below.bold or bool(AGENDA_REF.match(below.text)))
            and title_continues(line, text, None, following, SectionStyle(True), point=False))


def _plain_headings(lines: list[Line], start: int, end: int, style: SectionStyle,
                    skip: Collection[int]) -> list[ItemHeading]:
    """Headings without numbers in plain text (ModernGov pages, groups' notes):
    a short line that is not a sentence, followed by the item's first
    numbered paragraph."""
    items = []
    for i in range(start, end):
        text = lines[i].text.strip()
        if i in skip or not looks_like_heading(text) or not at_margin(lines[i]):
            continue
        k = i + 1
        while k < end and (not lines[k].text.strip() or ATTENDING_NOTE.search(lines[k].text)):
            k += 1
        if k < end and re.match(r"^\s*(?:1\.|\(1\)|RESOLVED)", lines[k].text):
            items.append(_item_from(lines, i, end, None, text, style, skip))
    return items
