"""Registers over the store: the action register, figures, the corpus glossary,
people. What the `actions`, `figures`, `acronyms` and `people` commands list,
usable from Python. Exempt (Part 2) business is left out of each unless
`include_exempt` (records carry it as stored at ingest, `corpus.exempt`)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from .glossary import GlossaryEntry
from .records import Acronym, Action, Figure, Meeting, Person
from .store import Store


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£$%.]+", text.lower())


def _in_range(iso: str | None, since: date | None, until: date | None) -> bool:
    if not (since or until):
        return True
    if not iso:
        return False
    day = date.fromisoformat(iso)
    return (not since or day >= since) and (not until or day <= until)


def _committee_matches(meeting: Meeting | None, committee: str | None) -> bool:
    if not committee:
        return True
    if not meeting:
        return False
    have = set(_words(meeting.committee))
    return all(word in have for word in _words(committee))


@dataclass
class ActionRow:
    action: Action
    meeting: Meeting | None


def people_named(people: list[Person], name: str) -> list[Person]:
    """Those whose name or one of its aliases has all the words of `name`;
    nobody for a name of no words ("!!!")."""
    words = _words(name)
    if not words:
        return []
    return [
        p for p in people
        if any(all(w in _words(form) for w in words) for form in [p.name, *p.aliases])
    ]


def action_register(
    store: Store, *, owner: str | None = None, committee: str | None = None,
    since: date | None = None, until: date | None = None, status: str | None = None,
    include_exempt: bool = False,
) -> list[ActionRow]:
    """Actions newest meeting first. `owner` matches the owner as written or
    any form of the people it names ("Segurola" finds "Mr Segurola" and
    "Philip Segurola")."""
    from .people import PersonResolver

    meetings = {m.id: m for m in store.meetings()}
    people = store.people()
    owner_person_ids = {p.id for p in people_named(people, owner)} if owner else set()
    resolve = PersonResolver(people)
    rows = []
    for action in store.records(type="action"):
        if action.exempt and not include_exempt:
            continue
        resolve.fill(action)
        meeting = meetings.get(action.meeting) if action.meeting else None
        if not _committee_matches(meeting, committee):
            continue
        if not _in_range(meeting.date if meeting else action.due, since, until):
            continue
        if status and (action.status or "").lower() != status.lower():
            continue
        if owner and not _owner_matches(action, owner, owner_person_ids):
            continue
        rows.append(ActionRow(action, meeting))
    rows.sort(key=lambda r: ((r.meeting.date if r.meeting else None) or r.action.due or "", r.action.line or 0),
              reverse=True)
    return rows


def _owner_matches(action: Action, owner: str, person_ids: set[str]) -> bool:
    if person_ids & set(action.people or ([action.person] if action.person else [])):
        return True
    written = " ".join([action.owner, *action.owners])
    have = set(_words(written))
    wanted = _words(owner)
    return bool(wanted) and all(word in have for word in wanted)  # "!!!" owns nothing


def figures(
    store: Store, query: str | None = None, *, kind: str | None = None,
    minimum: float | None = None, maximum: float | None = None, include_exempt: bool = False,
) -> list[tuple[Figure, Meeting | None]]:
    meetings = {m.id: m for m in store.meetings()}
    wanted = _words(query or "")
    rows = []
    for figure in store.records(type="figure"):
        if figure.exempt and not include_exempt:
            continue
        if kind and figure.kind != kind:
            continue
        if minimum is not None and figure.value < minimum:
            continue
        if maximum is not None and figure.value > maximum:
            continue
        if wanted:
            have = set(_words(figure.context + " " + figure.unit))
            if not all(word in have for word in wanted):
                continue
        rows.append((figure, meetings.get(figure.meeting) if figure.meeting else None))
    return rows


def glossary(store: Store, *, include_exempt: bool = False) -> list[GlossaryEntry]:
    """The corpus glossary (see `corpus.glossary`): for each short form, case
    aside, the long form most files give, and the files that define it. The
    store keeps it from public business; with `include_exempt`, merged again
    with the acronyms defined in exempt business too."""
    if include_exempt:
        from .glossary import merge_glossary

        return merge_glossary(store.records(type="acronym"))
    return store.glossary()


def acronym_records(store: Store) -> list[Acronym]:
    return list(store.records(type="acronym"))


@dataclass
class Profile:
    person: "Person"
    attended: list[tuple[Meeting, str, str | None]]  # meeting, status, role
    actions: list[ActionRow]


def people_profiles(store: Store, name: str | None = None, *, include_exempt: bool = False) -> list[Profile]:
    """Everyone, or those whose name or an alias has all the words of `name`:
    with the meetings they attended and the actions they own. People, their
    names and roles come from public business only (`corpus.people`) unless
    `include_exempt`, which adds what exempt business says of them."""
    from .people import PersonResolver, derive_people

    everyone = derive_people(store, include_exempt=True) if include_exempt else store.people()
    people = people_named(everyone, name) if name else everyone
    wanted = {p.id for p in people}
    resolve = PersonResolver(everyone)
    meetings = {m.id: m for m in store.meetings()}
    attended: dict[str, dict[str, tuple]] = defaultdict(dict)
    for record in store.records(type="attendance"):
        if record.exempt and not include_exempt:
            continue
        pid = resolve(record.name)
        meeting = meetings.get(record.meeting)
        if pid in wanted and meeting:
            attended[pid].setdefault(meeting.id, (meeting, record.status, record.role))
    owned: dict[str, list[ActionRow]] = defaultdict(list)
    for action in store.records(type="action"):
        if action.exempt and not include_exempt:
            continue
        resolve.fill(action)
        for pid in action.people:
            if pid in wanted:
                owned[pid].append(ActionRow(action, meetings.get(action.meeting) if action.meeting else None))
    return [
        Profile(
            person,
            sorted(attended[person.id].values(), key=lambda a: a[0].date or ""),
            sorted(owned[person.id], key=lambda r: (r.meeting.date if r.meeting else "") or ""),
        )
        for person in people
    ]


def glossary_entry(store: Store, short: str, *, include_exempt: bool = False) -> GlossaryEntry | None:
    """What `short` stands for in the corpus (case aside), or None."""
    return next((e for e in glossary(store, include_exempt=include_exempt) if e.short.upper() == short.upper()), None)
