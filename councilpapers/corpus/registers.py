"""Registers over the store: the action register, figures, the corpus glossary,
people (with how they voted). What the `actions`, `figures`, `acronyms` and `people` commands list,
usable from Python. Exempt (Part 2) business is left out of each unless
`include_exempt` (records carry it as stored at ingest, `corpus.exempt`)."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from ..text.names import same_person
from .action_status import ACTIVE, OPEN, ActionFacts, StatusEntry
from .glossary import GlossaryEntry
from .records import Acronym, Action, Figure, Meeting, Person, Vote
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
    facts: ActionFacts | None = None  # across meetings: due date, status history (corpus.action_status)
    root: ActionFacts | None = None  # a row restating an earlier action: that action's facts

    @property
    def due(self) -> str | None:
        return self.facts.due if self.facts else self.action.due

    @property
    def progress(self) -> str:
        """open, in progress, carried forward or done, as the latest meeting says
        (of the earlier action, for a row restating it)."""
        facts = self.root or self.facts
        return facts.status if facts else OPEN

    @property
    def history(self) -> list[StatusEntry]:
        return self.facts.history if self.facts else []

    @property
    def reports_on(self) -> str | None:
        return self.facts.reports_on if self.facts else None


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


def names_like(people: list[Person], name: str, most: int = 3) -> list[str]:
    """The names (as written) nearest to a `name` nobody has, for "did you
    mean": each word typed matched to the nearest word of a name by difflib's
    ratio (the standard library's; a few hundred names need nothing faster)."""
    import difflib

    words = _words(name)
    forms = {form: _words(form) for p in people for form in [p.name, *p.aliases]}
    vocabulary = sorted({w for ws in forms.values() for w in ws if len(w) > 2})
    near = {w: set(difflib.get_close_matches(w, vocabulary, n=3, cutoff=0.75)) for w in words}
    if not words or not all(near.values()):
        return []
    matching = [form for form, ws in forms.items() if all(near[w] & set(ws) for w in words)]
    return sorted(dict.fromkeys(matching), key=len)[:most]


def action_register(
    store: Store, *, owner: str | None = None, committee: str | None = None,
    since: date | None = None, until: date | None = None, status: str | None = None,
    open_only: bool = False, overdue: bool = False, as_of: date | None = None,
    include_exempt: bool = False,
) -> list[ActionRow]:
    """Actions by due date (undated last), then meeting. `owner` matches the
    owner as written, any form of the people it names (`text.names.same_person`:
    "Segurola" finds "Mr Segurola" and "Philip Segurola") or the post they held
    at that meeting ("Clerk"). `open_only`: not done at the latest meeting that
    reports on it; `overdue`: open and due before `as_of` (default today). Rows
    of a later action log that report on an earlier action are left out of
    both: the earlier action stands for them, with their status."""
    from .people import PersonResolver

    meetings = {m.id: m for m in store.meetings()}
    people = store.people()
    facts = store.action_facts()
    match_owner = _OwnerMatch(owner, people) if owner else None
    resolve = PersonResolver(people)
    cutoff = (as_of or date.today()).isoformat()
    rows = []
    for action in store.records(type="action"):
        if action.exempt and not include_exempt:
            continue
        resolve.fill(action)
        own = facts.get(action.id)
        row = ActionRow(action, meetings.get(action.meeting) if action.meeting else None, own,
                        facts.get(own.reports_on) if own and own.reports_on else None)
        if not _committee_matches(row.meeting, committee):
            continue
        if not _in_range(row.meeting.date if row.meeting else row.due, since, until):
            continue
        if status and status.lower() not in ((action.status or "").lower(), row.progress):
            continue
        if (open_only or overdue) and (row.progress not in ACTIVE or row.reports_on):
            continue
        if overdue and not (row.due and row.due < cutoff):
            continue
        if match_owner and not match_owner(action, row.meeting):
            continue
        rows.append(row)
    rows.sort(key=lambda r: (r.due is None, r.due or "", (r.meeting.date if r.meeting else None) or "",
                             r.action.source, r.action.line or 0))
    return rows


class _OwnerMatch:
    """Whether an action's owner is `owner`: a form of the same person's name,
    the words of the owner as written, or a post its owner held that day."""

    def __init__(self, owner: str, people: list[Person]):
        self.owner, self.words = owner, _words(owner)
        self.people = {p.id: p for p in people}
        self.person_ids = {p.id for p in people if any(same_person(owner, form) for form in [p.name, *p.aliases])}
        self.person_ids |= {p.id for p in people_named(people, owner)}

    def __call__(self, action: Action, meeting: Meeting | None) -> bool:
        ids = set(action.people or ([action.person] if action.person else []))
        if self.person_ids & ids:
            return True
        forms = [form for form in (action.owner, *action.owners) if form]
        if any(same_person(self.owner, form) for form in forms):
            return True
        if self._has_words(" ".join(forms)):
            return True
        day = meeting.date if meeting else None
        return any(self._has_words(role["role"]) for pid in ids if pid in self.people
                   for role in self.people[pid].roles if role.get("role") and _held(role, day))

    def _has_words(self, text: str) -> bool:
        have = set(_words(text))
        return bool(self.words) and all(word in have for word in self.words)


def _held(role: dict, day: str | None) -> bool:
    """Whether a role was held on `day` (any day, when the action has none)."""
    if not day:
        return True
    return (role.get("first_seen") or day) <= day <= (role.get("last_seen") or day)


def figures(
    store: Store, query: str | None = None, *, kind: str | None = None,
    minimum: float | None = None, maximum: float | None = None, include_exempt: bool = False,
) -> list[tuple[Figure, Meeting | None]]:
    meetings = {m.id: m for m in store.meetings()}
    wanted = _with_long_forms(store, _words(query or ""), include_exempt)
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
            if not all(any(set(form) <= have for form in forms) for forms in wanted):
                continue
        rows.append((figure, meetings.get(figure.meeting) if figure.meeting else None))
    return rows


def _with_long_forms(store: Store, words: list[str], include_exempt: bool) -> list[list[list[str]]]:
    """For each word asked, the ways the papers may write it: itself and, for an
    acronym of the glossary, the words of what it stands for (as `search` does)."""
    if not words:
        return []
    long_forms: dict[str, list[list[str]]] = defaultdict(list)
    for entry in glossary(store, include_exempt=include_exempt):
        long_forms[entry.short.lower()].append(_words(entry.long))
    return [[[word], *long_forms.get(word, [])] for word in words]


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
    votes: list[tuple[Vote, Meeting | None, str]] = field(default_factory=list)  # vote, meeting, for/against/abstain


VOTE_SIDES = (("for", "names_for"), ("against", "names_against"), ("abstain", "names_abstain"))


def votes_by_person(store: Store, resolve, wanted: set[str], meetings: dict[str, Meeting], *,
                    include_exempt: bool = False) -> dict[str, list[tuple]]:
    """How each wanted person voted where the minutes name them: each vote once
    however many copies of the minutes tell it (`corpus.merge`), by date."""
    from .merge import merge_records

    cast: dict[str, list[tuple]] = defaultdict(list)
    meeting_ids = {row[0] for row in store.db.execute("SELECT DISTINCT meeting_id FROM records WHERE type = 'vote'")}
    for meeting_id in sorted(i for i in meeting_ids if i):
        for vote in merge_records(store.records(type="vote", meeting_id=meeting_id)):
            if vote.exempt and not include_exempt:
                continue
            for side, names_field in VOTE_SIDES:
                for pid in {resolve(name) for name in getattr(vote, names_field)} & wanted:
                    cast[pid].append((vote, meetings.get(meeting_id), side))
    for rows in cast.values():
        rows.sort(key=lambda r: ((r[1].date if r[1] else None) or "", r[0].line or 0))
    return cast


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
    cast = votes_by_person(store, resolve, wanted, meetings, include_exempt=include_exempt)
    return [
        Profile(
            person,
            sorted(attended[person.id].values(), key=lambda a: a[0].date or ""),
            sorted(owned[person.id], key=lambda r: (r.meeting.date if r.meeting else "") or ""),
            cast.get(person.id, []),
        )
        for person in people
    ]


def glossary_entry(store: Store, short: str, *, include_exempt: bool = False) -> GlossaryEntry | None:
    """What `short` stands for in the corpus (case aside), or None."""
    return next((e for e in glossary(store, include_exempt=include_exempt) if e.short.upper() == short.upper()), None)
