"""Minute items: "153. Pupil Premium" / "(Item B1)", and unnumbered headings.

Paragraphs inside an item are numbered too ("1. Mr Segurola introduced the
report"), so a numbered line is an item only as part of the longest run of
consecutive numbers through the minutes, weighted by how much it looks like a
heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Line

# "153. Pupil Premium"; parish councils number by year: "14/037: Matters Arising".
NUMBERED = re.compile(r"^\s*(?P<number>(?:\d{2}/)?\d{1,4})[.:]\s+(?P<title>\S.*?)\s*$")
AGENDA_REF = re.compile(r"^\s*\(\s*Item\s+(?P<ref>[A-Z]?\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
INLINE_AGENDA_REF = re.compile(r"\s*\(\s*Item\s+(?P<ref>[A-Z]?\d{1,3}[a-z]?)\s*\)\s*$", re.IGNORECASE)
PARAGRAPH_START = re.compile(r"^\s*(?:\d{1,2}\.(?:\s|$)|\(\d{1,2}\)|\(?[a-z]\)\s|RESOLVED|Resolved)")
SENTENCE_VERBS = re.compile(
    r"\b(?:introduced|explained|said|reported|asked|gave|was|were|had|has|is|are|responded|welcomed|noted)\b"
)
WRAPS_ON = re.compile(r"(?:,|\b(?:of|on|and|the|to|for|in|at|with|from|by|a|an|&|-|–))\s*$", re.IGNORECASE)
WEB_DOC_MARK = re.compile(r"\s*(?:pdf icon\s*)?PDF \d+(?:\.\d+)? [KM]B\s*$", re.IGNORECASE)
ATTENDING_NOTE = re.compile(r"(?:for this item\.?|^Additional documents:?)\s*$", re.IGNORECASE)


@dataclass
class ItemHeading:
    index: int  # first line of the item (its heading)
    body_start: int  # first line after the heading, title continuation and "(Item X)"
    number: str | None
    title: str
    agenda_ref: str | None


def find_items(lines: list[Line], start: int, end: int) -> list[ItemHeading]:
    numbered = _numbered_items(lines, start, end)
    headings = sum(_looks_like_heading(item.title) for item in numbered)
    # A run of numbered sentences is a run of paragraphs, not of items.
    if len(numbered) >= 2 and headings >= 0.6 * len(numbered):
        return numbered
    return _unnumbered_items(lines, start, end) or numbered


def _numbered_items(lines: list[Line], start: int, end: int) -> list[ItemHeading]:
    candidates = []
    for i in range(start, end):
        match = NUMBERED.match(lines[i].text)
        if match and not match["title"].startswith("(Pages"):
            order = int(match["number"].split("/")[-1])
            candidates.append((i, order, match["number"], match["title"], _heading_weight(lines, i, end, match["title"])))
    # Longest-weight chain of consecutive numbers (a gap of one allows for an
    # item minuted elsewhere, e.g. exempt).
    best: list[float] = []
    previous: list[int | None] = []
    for k, (_, number, _, _, weight) in enumerate(candidates):
        best.append(weight)
        previous.append(None)
        for j in range(k):
            step = number - candidates[j][1]
            if step in (1, 2) and best[j] + weight > best[k]:
                best[k], previous[k] = best[j] + weight, j
    if not best:
        return []
    k: int | None = max(range(len(best)), key=lambda n: (best[n], candidates[n][1]))
    chain = []
    while k is not None:
        chain.append(candidates[k])
        k = previous[k]
    chain.reverse()
    return [_item_from(lines, i, end, written, title) for i, _, written, title, _ in chain]


def _heading_weight(lines: list[Line], i: int, end: int, title: str) -> float:
    weight = 1.0
    if any(AGENDA_REF.match(lines[j].text) for j in range(i + 1, min(i + 4, end))) or INLINE_AGENDA_REF.search(title):
        weight += 2.0
    if SENTENCE_VERBS.search(title) or title.rstrip().endswith((":-", ":")):
        weight -= 0.6
    if title[:1].islower():
        weight -= 0.8  # "1. the application be approved": a numbered part, not a heading
    if len(title) > 90:
        weight -= 0.3
    if "$" in title or "£" in title or re.search(r"\d{4,}", title.replace(",", "")):
        weight -= 0.8  # a numbered line of a list of contracts or payments, not an item
    return max(weight, 0.1)


def _item_from(lines: list[Line], i: int, end: int, number: str | None, title: str) -> ItemHeading:
    title = WEB_DOC_MARK.sub("", title).strip()
    ref_match = INLINE_AGENDA_REF.search(title)
    agenda_ref = ref_match["ref"] if ref_match else None
    if ref_match:
        title = title[: ref_match.start()].rstrip()
    j = i + 1
    # The title may wrap; it runs on to an "(Item X)" line a line or two below.
    if agenda_ref is None:
        for k in range(i + 1, min(i + 4, end)):
            ref = AGENDA_REF.match(lines[k].text)
            if ref:
                continuation = [lines[m].text.strip() for m in range(i + 1, k) if lines[m].text.strip()]
                if all(not PARAGRAPH_START.match(text) for text in continuation):
                    title = " ".join([title, *continuation])
                    agenda_ref, j = ref["ref"], k + 1
                break
            if not lines[k].text.strip():
                continue
    if agenda_ref is None and j < end and WRAPS_ON.search(title):
        following = lines[j].text.strip()
        if following and len(following) < 70 and not PARAGRAPH_START.match(following):
            title, j = f"{title} {following}", j + 1
    return ItemHeading(i, j, number, re.sub(r"\s+", " ", title).strip(), agenda_ref and agenda_ref.upper())


def _unnumbered_items(lines: list[Line], start: int, end: int) -> list[ItemHeading]:
    """Headings without numbers (ModernGov pages, groups' notes): a short line
    that is not a sentence, followed by the item's first numbered paragraph."""
    items = []
    for i in range(start, end):
        text = lines[i].text.strip()
        if not _looks_like_heading(text):
            continue
        k = i + 1
        while k < end and (not lines[k].text.strip() or ATTENDING_NOTE.search(lines[k].text)):
            k += 1
        if k < end and re.match(r"^\s*(?:1\.|\(1\)|RESOLVED)", lines[k].text):
            items.append(_item_from(lines, i, end, None, text))
    return items


def _looks_like_heading(text: str) -> bool:
    return (
        "$" not in text
        and "£" not in text
        and
        bool(text)
        and len(text) <= 200
        and text[0].isupper()
        and not text.rstrip().endswith((".", ":", ";", ":-"))
        and not PARAGRAPH_START.match(text)
        and not ATTENDING_NOTE.search(text)
    )
