"""A gold file's expected entries, and what it states at all.

A record type is scored for a file only where its gold states it: the key is there,
even as an empty list ("minutes": [] says there are none, so whatever is found is
wrong); a key the gold leaves out says nothing, so nothing found is counted against
it. The samples' gold, for instance, lists no "in_attendance", so officers found in
the samples are neither right nor wrong.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from . import entries
from .matching import Entry, committee_words, committees_compatible

ATTENDANCE_LISTS = ("present", "apologies", "in_attendance", "absent")
DETAIL_FIELDS = ("time", "venue")  # scored where the gold gives the key (null: not printed)


@dataclass
class Expected:
    entries: dict[str, list[Entry]] = field(default_factory=dict)  # the stated kinds only
    details: dict[str, dict[str, object]] = field(default_factory=lambda: defaultdict(dict))  # date -> field -> value
    statuses: set[str] = field(default_factory=set)  # attendance statuses stated
    position: str = "page"  # where a document or figure is: "line" in the text samples

    def add(self, kind: str, *new: Entry) -> None:
        self.entries.setdefault(kind, []).extend(new)

    def state(self, kind: str) -> None:
        self.entries.setdefault(kind, [])


def expected(gold: dict, sample: bool, elsewhere: list[dict] = ()) -> Expected:
    """Everything a perfect extraction finds in the paper the gold describes.
    `elsewhere`: the meetings other gold files describe (`described_meetings`),
    whose time or venue, as they print it, is as right as this paper's."""
    result = Expected(position="line" if sample else "page")
    _meetings(gold, result, elsewhere)
    for minutes in gold.get("minutes") or []:
        _minutes(minutes, result)
    _front_matter(gold, result, sample)
    return result


def described_meetings(gold: dict) -> list[dict]:
    """The pack's meeting and each set of minutes' meeting, as the gold gives them."""
    return [m for m in [gold.get("pack")] + list(gold.get("minutes") or []) if isinstance(m, dict)]


def _meetings(gold: dict, result: Expected, elsewhere: list[dict]) -> None:
    """Each meeting once; its time, venue and status (a meeting is not cancelled
    unless the gold says so), once a date."""
    result.state("meeting")
    result.state("meeting_detail")
    seen = set()
    for described in described_meetings(gold):
        date = described.get("date")
        names = (described.get("committee"), described.get("committee_en"))
        if (date, committee_words(names[0])) not in seen:
            seen.add((date, committee_words(names[0])))
            result.add("meeting", entries.meeting(date, names))
        stated = [f for f in DETAIL_FIELDS if f in described] + ["status"]
        for name in stated:
            if name in result.details[date]:
                continue  # the pack and the minutes of one meeting: its details once
            value = result.details[date][name] = described.get(name)
            if value:
                others = _printed_elsewhere(described, name, elsewhere)
                result.add("meeting_detail", entries.meeting_detail(date, name, value, others))


def _printed_elsewhere(described: dict, name: str, elsewhere: list[dict]) -> tuple:
    """What other papers of the same meeting print for one of its details."""
    names = [n for n in (described.get("committee"), described.get("committee_en")) if n]
    return tuple(
        other[name] for other in elsewhere
        if other.get("date") == described.get("date") and other.get(name)
        and any(committees_compatible(a, b) for a in names for b in (other.get("committee"), other.get("committee_en")))
    )


def _minutes(minutes: dict, result: Expected) -> None:
    date = minutes.get("date")
    if "items" in minutes:
        result.add("minute_item", *(entries.minute_item(date, i.get("number"), i.get("title")) for i in minutes["items"]))
    if "resolutions" in minutes:
        result.add("resolution", *(entries.resolution(date, r.get("minute"), r.get("text")) for r in minutes["resolutions"]))
    for status in ATTENDANCE_LISTS:
        if status in minutes:
            result.statuses.add(status)
            result.add("attendance", *(entries.attendance(date, name, status) for name in minutes[status]))
    if "substitutes" in minutes:
        result.add("substitute", *(
            entries.substitute(date, s.get("present"), s.get("for")) for s in minutes["substitutes"]
        ))
    if "actions" in minutes:
        result.add("action", *(
            entries.action(date, a.get("minute"), a.get("owner"), a.get("action")) for a in minutes["actions"]
        ))
    if "votes" in minutes:
        result.add("vote", *(
            entries.vote(date, v.get("minute"), v.get("for"), v.get("against"), v.get("abstain"), v.get("result"))
            for v in minutes["votes"]
        ))


def _front_matter(gold: dict, result: Expected, sample: bool) -> None:
    """Agenda items, documents, report cover sheets, acronyms and figures."""
    if "agenda_items" in gold:
        result.add("agenda_item", *(
            entries.agenda_item(a.get("code"), a.get("title"), *_pages(a.get("pages"))) for a in gold["agenda_items"]
        ))
    if "documents" in gold:
        for doc in gold["documents"]:
            if "first_line" in doc:
                result.add("document", entries.document_at_line(doc.get("kind"), doc["first_line"]))
            else:
                result.add("document", entries.document_at_page(doc.get("kind"), doc.get("first_page")))
    if "reports" in gold:
        result.add("report", *(entries.report(r.get("subject"), r.get("decision_no")) for r in gold["reports"]))
    if "acronyms" in gold:
        result.add("acronym", *(entries.acronym(a.get("short"), a.get("long")) for a in gold["acronyms"]))
    if "figures" in gold:
        slack = entries.FIGURE_LINE_SLACK if sample else 0
        result.add("figure", *(
            entries.figure(f.get("kind"), f["value"], f.get(result.position), slack)
            for f in gold["figures"] if f.get("value") is not None
        ))


def _pages(pages) -> tuple:
    first, last = (list(pages or []) + [None, None])[:2]
    return first, last
