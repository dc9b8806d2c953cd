"""One meeting, many files: its front sheet, the minutes printed in the next
pack, the ModernGov page. The store keeps each file's records (so a file can be
replaced alone); this module gives the meeting's items and resolutions once each,
with every source that attests them and the fullest text."""

from __future__ import annotations

import dataclasses
import re
from collections import defaultdict
from collections.abc import Iterable

from ..text.keys import title_key
from ..text.names import same_person
from .records import Attendance, MinuteItem, Record, Resolution, Vote

TRUNCATED = re.compile(r"view the full minutes text for item", re.IGNORECASE)


def merge_records(records: Iterable[Record]) -> list[Record]:
    """Records with duplicate minute items, resolutions and votes of the same
    meeting merged; other records pass through unchanged, in order. A merged
    resolution's `item` is the id of the merged item it was made under."""
    records = list(records)
    items = [r for r in records if isinstance(r, MinuteItem) and r.meeting]
    resolutions = [r for r in records if isinstance(r, Resolution) and r.meeting]
    votes = [r for r in records if isinstance(r, Vote) and r.meeting]
    merged_items, merged_of = _merge_items(items)
    merged_resolutions = _merge_resolutions(resolutions, merged_of)
    keep = {id(r) for r in items + resolutions + votes}
    others = [r for r in records if id(r) not in keep]
    return others + merged_items + merged_resolutions + _merge_votes(votes, merged_of)


# The order a meeting's attendance is given in; other statuses are not listed.
ATTENDANCE_STATUSES = ("present", "substitute", "also_present", "in_attendance", "apologies")


def distinct_attendance(attendance: Iterable[Attendance]) -> dict[str, list[Attendance]]:
    """A meeting's attendance by status (in `ATTENDANCE_STATUSES` order, only the
    statuses someone has), each person once. Two files of the meeting print the
    same list, one "Mr T A Maddison", the other "Mr T Maddison": one person
    (`names.same_person`, and the same person substituted for)."""
    attendance = list(attendance)
    by_status: dict[str, list[Attendance]] = {}
    for status in ATTENDANCE_STATUSES:
        for person in attendance:
            shown = by_status.get(status, [])
            if person.status != status or any(_same_entry(person, other) for other in shown):
                continue
            by_status.setdefault(status, []).append(person)
    return by_status


def _same_entry(a: Attendance, b: Attendance) -> bool:
    """Two attendance entries for one person (and whom they substitute for)."""
    if not same_person(a.name, b.name):
        return False
    return a.substitute_for == b.substitute_for or bool(
        a.substitute_for and b.substitute_for and same_person(a.substitute_for, b.substitute_for)
    )


def _merge_items(items: list[MinuteItem]) -> tuple[list[MinuteItem], dict[str, MinuteItem]]:
    """The items merged, and the merged item of each item's id."""
    clusters: dict[tuple, list[MinuteItem]] = defaultdict(list)
    by_number: dict[tuple, tuple] = {}
    # Numbered items first: an unnumbered web-page item joins the numbered one
    # with the same title.
    for item in sorted(items, key=lambda i: i.number is None):
        titled = (item.meeting, title_key(item.title))
        if item.number is not None:
            key = (item.meeting, "n", item.number)
            by_number.setdefault(titled, key)
        else:
            key = by_number.get(titled, (item.meeting, "t", titled[1]))
        clusters[key].append(item)
    merged, merged_of = [], {}
    for group in clusters.values():
        best = max(group, key=_fullness)
        chosen = dataclasses.replace(
            best,
            number=best.number or next((i.number for i in group if i.number), None),
            agenda_ref=best.agenda_ref or next((i.agenda_ref for i in group if i.agenda_ref), None),
            attested_by=[_place(i) for i in group],
        )
        merged.append(chosen)
        merged_of.update((item.id, chosen) for item in group)
    merged.sort(key=lambda i: (i.meeting or "", _number_order(i.number), i.source, i.line or 0))
    return merged, merged_of


def _merge_resolutions(resolutions: list[Resolution], merged_of: dict[str, MinuteItem]) -> list[Resolution]:
    clusters: dict[tuple, list[Resolution]] = defaultdict(list)
    for res in resolutions:
        item = merged_of.get(res.item) if res.item else None
        under = item.id if item else (res.minute or title_key(res.title))
        # The web page and the printed minutes differ in small wording at times:
        # the opening words decide.
        opening = " ".join(title_key(res.text).split()[:12])
        clusters[(res.meeting, under, opening)].append(res)
    return _one_of_each(clusters, merged_of, lambda r: (r.minute is not None, r.page is not None, len(r.text)))


def _merge_votes(votes: list[Vote], merged_of: dict[str, MinuteItem]) -> list[Vote]:
    """The same vote told by two copies of the minutes (the minutes and the pack
    that prints them again) is one vote: same meeting, minute, counts, result and
    opening words of the motion; the copy with a page cite and the longest lists wins."""
    clusters: dict[tuple, list[Vote]] = defaultdict(list)
    for vote in votes:
        item = merged_of.get(vote.item) if vote.item else None
        under = vote.minute or (item.number if item else None) or (item.id if item else None)
        opening = " ".join(title_key(vote.motion or "").split()[:12])
        clusters[(vote.meeting, under, vote.for_, vote.against, vote.abstain, vote.result, opening)].append(vote)
    return _one_of_each(clusters, merged_of, lambda v: (
        v.page is not None, len(v.names_for) + len(v.names_against) + len(v.names_abstain), len(v.motion or "")))


def _one_of_each(clusters: dict[tuple, list], merged_of: dict[str, MinuteItem], fullness) -> list:
    """One record for each cluster of copies: the fullest copy, under the merged
    item, with every place that tells it; in minute order within a meeting."""
    merged = []
    for group in clusters.values():
        best = max(group, key=fullness)
        item = next((merged_of[r.item] for r in group if r.item in merged_of), None)
        merged.append(dataclasses.replace(
            best, minute=best.minute or (item.number if item else None), item=item.id if item else best.item,
            attested_by=[_place(r) for r in group],
        ))
    merged.sort(key=lambda r: (r.meeting or "", _number_order(r.minute), r.source, r.line or 0))
    return merged


def _fullness(item: MinuteItem) -> tuple:
    # A page cite and an untruncated text make the better record.
    return (not TRUNCATED.search(item.text), item.page is not None, len(item.text))


def _number_order(number: str | None) -> tuple:
    return (0, int(number)) if number and number.isdigit() else (1, number or "")


def _place(record: Record) -> dict:
    return {"id": record.id, "source": record.source, "page": record.page, "line": record.line}
