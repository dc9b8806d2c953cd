"""One person however the papers write them: alias resolution across files and years.

`resolve_people` groups mentions — (name as written, role, party, date, meeting) —
into people. The rules:

1. A name is read by `text.names.parse_name` into title, given names
   (forenames or initials) and surname: "Mr P J Oakford" -> (Mr, [P, J],
   Oakford); "Philip Segurola" -> (none, [Philip], Segurola). A name without a
   surname ("the Chairman", "Amelia") is no one's.
2. Two names can be one person only when `text.names.compatible` says so: the
   same surname, titles that do not tell different genders ("Mr P Cole" ≠
   "Mrs P T Cole"; Mrs, Ms and Miss match each other), and given names that
   agree position by position ("P" ~ "Philip", "T" ~ "T A", "Tony" ~ "Anthony").
3. A mention joins a person only if it is compatible with every name already
   in that person, so two people who share a surname are never merged through
   a third, vaguer name: "Mrs T Carpenter" and "Ms H Carpenter", both present
   at one meeting, stay two people whatever "Mrs Carpenter" or "Carpenter"
   appears elsewhere; "Mrs J A Smith" and "Mrs J B Smith" never fall into one
   person through a "Mrs J Smith". Fuller names are placed first: most given
   names, then forenames over initials, then titled over untitled.
4. A mention compatible with exactly one person joins it. One compatible with
   none starts a new person (so a bare "Mr Carter", the only Carter, is a
   person of its own). One compatible with several — a bare "Ms Carpenter"
   next to "Mrs T Carpenter" and "Ms H Carpenter" — joins the one of them named
   at its own meeting if exactly one is; otherwise it is **left unresolved**:
   it belongs to no person, and `person_for` gives None for it.
5. The canonical name is the fullest honorific form written: titled with
   given names first, then the most given names, then the most frequent
   ("Mr P Segurola" over "Philip Segurola" over "Mr Segurola"). Nothing is
   made up: a person only ever written "Geoff Gurney" and "Mr Gurney" is
   "Geoff Gurney". `aliases` are the other forms written, in order seen.
6. Roles are kept per distinct wording (compared without case, quote style or
   spacing) with the first and last ISO date it was seen (None when no date
   was given); the party is the one given most often.
7. Ids read "per-<surname>-<initials>" ("per-segurola-p", "per-oakford-pj",
   "per-carter"); two people with the same id are told apart by honorific
   ("per-carpenter-t-mrs") and then by a number, in the order of their
   canonical names, so the same mentions always give the same ids.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field

from ..text.names import Name, compatible, is_name, parse_name
from ..text.spacing import squash
from ..text.vocabulary import pattern

Mention = tuple[str, "str | None", "str | None", "str | None", "str | None"]
_GROUP_OWNER = re.compile(pattern("action_groups"))  # "All", "All Councillors": owners who are no person


@dataclass
class PersonCluster:
    id: str
    name: str
    aliases: list[str]
    roles: list[dict]  # {role, first_seen, last_seen}: ISO dates of meetings/papers where seen
    party: str | None


@dataclass
class _Member:
    written: str
    name: Name
    meeting: str | None
    order: int


@dataclass
class _Cluster:
    members: list[_Member] = field(default_factory=list)

    def meetings(self) -> set[str]:
        return {m.meeting for m in self.members if m.meeting}


def _compatible(a: _Member, b: _Member) -> bool:
    """Whether two mentions can be one person (the module docstring's rule 2)."""
    return compatible(a.name, b.name)


def _specificity(member: _Member) -> tuple:
    full = sum(len(g) > 1 for g in member.name.givens)
    return (-len(member.name.givens), -full, member.name.title is None, member.order)


def resolve_people(mentions: Iterable[Mention]) -> list[PersonCluster]:
    """People from mentions (name as written, role, party, date ISO or None,
    meeting id or None), by the rules in the module docstring. Mentions that are
    not names with a surname, and ambiguous ones (rule 4), belong to no person."""
    mentions = [m for m in mentions if m and m[0] and m[0].strip()]
    members: list[_Member] = []
    seen: dict[tuple[str, str | None], _Member] = {}
    for order, (written, _role, _party, _date, meeting) in enumerate(mentions):
        written = squash(written)
        if (written, meeting) in seen:
            continue
        name = parse_name(written)
        if name is None:
            continue
        seen[(written, meeting)] = member = _Member(written, name, meeting, order)
        members.append(member)

    by_surname: dict[str, list[_Member]] = {}
    for member in members:
        by_surname.setdefault(member.name.surname, []).append(member)

    clusters: list[_Cluster] = []
    home: dict[tuple[str, str | None], _Cluster] = {}
    for group in by_surname.values():
        placed: list[_Cluster] = []
        for member in sorted(group, key=_specificity):
            fits = [c for c in placed if all(_compatible(member, other) for other in c.members)]
            if len(fits) > 1 and member.meeting:
                local = [c for c in fits if member.meeting in c.meetings()]
                fits = local if len(local) == 1 else fits
            if len(fits) == 1:
                fits[0].members.append(member)
                home[(member.written, member.meeting)] = fits[0]
            elif not fits:
                cluster = _Cluster([member])
                placed.append(cluster)
                home[(member.written, member.meeting)] = cluster
            # else: ambiguous, left unresolved
        clusters += placed

    details: dict[int, dict] = {id(c): {"roles": {}, "parties": Counter()} for c in clusters}
    for written, role, party, date, meeting in mentions:
        cluster = home.get((squash(written), meeting))
        if cluster is None:
            continue
        info = details[id(cluster)]
        if party:
            info["parties"][party] += 1
        if role and role.strip():
            key = _role_key(role)
            entry = info["roles"].setdefault(key, {"role": squash(role), "first_seen": None, "last_seen": None})
            if date:
                entry["first_seen"] = min(filter(None, [entry["first_seen"], date]))
                entry["last_seen"] = max(filter(None, [entry["last_seen"], date]))

    people = []
    for cluster in clusters:
        canonical = _canonical(cluster)
        forms = []
        for member in sorted(cluster.members, key=lambda m: m.order):
            if member.written != canonical and member.written not in forms:
                forms.append(member.written)
        info = details[id(cluster)]
        roles = sorted(info["roles"].values(), key=lambda r: r["first_seen"] or "9999")
        party = info["parties"].most_common(1)[0][0] if info["parties"] else None
        people.append((cluster, PersonCluster("", canonical, forms, roles, party)))
    _assign_ids(people)
    return sorted((p for _, p in people), key=lambda p: p.id)


def person_for(name: str, clusters: Iterable[PersonCluster]) -> str | None:
    """The id of the person a name (an action's owner, an attendee) refers to:
    the person that has it as its name or an alias, else the only person whose
    every form is compatible with it (rule 2); None if none or several."""
    clusters = list(clusters)
    written = squash(re.sub(r"\([^()]*\)?", " ", name or ""))
    if not written:
        return None
    exact = [c.id for c in clusters if written.casefold() in {f.casefold() for f in [c.name, *c.aliases]}]
    if len(exact) == 1:
        return exact[0]
    parsed = parse_name(written)
    if parsed is None:
        return None
    probe = _Member(written, parsed, None, 0)
    fits = []
    for cluster in clusters:
        forms = [parse_name(f) for f in [cluster.name, *cluster.aliases]]
        forms = [_Member("", f, None, 0) for f in forms if f]
        if forms and all(_compatible(probe, f) for f in forms):
            fits.append(cluster.id)
    return fits[0] if len(fits) == 1 else None


def _canonical(cluster: _Cluster) -> str:
    counts = Counter(m.written for m in cluster.members)
    first = {}
    for m in sorted(cluster.members, key=lambda m: m.order):
        first.setdefault(m.written, (m, m.order))

    def rank(written: str):
        member, order = first[written]
        name = member.name
        return (bool(name.title and name.givens), len(name.givens), name.title is not None, counts[written], -order)

    return max(first, key=rank)


def _assign_ids(people: list[tuple[_Cluster, PersonCluster]]) -> None:
    def base(person: PersonCluster) -> tuple[str, Name]:
        name = parse_name(person.name)
        slug = re.sub(r"[^a-z0-9]+", "-", _ascii(name.surname)).strip("-")
        return f"per-{slug}" + (f"-{name.given_initials}" if name.given_initials else ""), name

    groups: dict[str, list[tuple[PersonCluster, Name]]] = {}
    for _, person in people:
        key, name = base(person)
        groups.setdefault(key, []).append((person, name))
    for key, group in groups.items():
        group.sort(key=lambda pn: (pn[0].name, pn[0].aliases))
        if len(group) == 1:
            group[0][0].id = key
            continue
        used: Counter = Counter()
        for person, name in group:
            candidate = f"{key}-{name.title}" if name.title else key
            used[candidate] += 1
            person.id = candidate if used[candidate] == 1 else f"{candidate}-{used[candidate]}"


def _ascii(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _role_key(role: str) -> str:
    return re.sub(r"[^\w&+]+", " ", role.replace("’", "'").casefold()).strip()


def rebuild_people(store) -> int:
    """Resolve everyone the store names into people (`derive_people`) and
    replace the store's people table. Derived from all files at once, so it
    runs after each ingest."""
    people = derive_people(store)
    store.replace_people(people)
    return len(people)


def derive_people(store, *, include_exempt: bool = False) -> list:
    """Everyone the store names — mentions with roles, attendance, action
    owners, report authors — as people. Exempt business is left out unless
    `include_exempt`: no name, role or party is learnt from it."""
    from .records import Person

    meetings = {m.id: m for m in store.meetings()}

    def date_of(meeting_id):
        meeting = meetings.get(meeting_id) if meeting_id else None
        return meeting.date if meeting else None

    def of(kind: str):
        return (r for r in store.records(type=kind) if include_exempt or not r.exempt)

    mentions: list[Mention] = []  # (name, role, party, date, meeting)
    for record in of("mention"):
        mentions.append((record.name, record.role, record.party, date_of(record.meeting), record.meeting))
    for record in of("attendance"):
        mentions.append((record.name, record.role, None, date_of(record.meeting), record.meeting))
    for record in of("action"):
        # An owner that is a post or a group nobody was resolved to ("the Clerk",
        # "All Councillors", "Each WG") is no person.
        for owner in record.owners or []:
            if is_name(owner) and not _GROUP_OWNER.fullmatch(owner.strip()):
                mentions.append((owner, None, None, date_of(record.meeting), record.meeting))
    return [Person(**asdict(cluster)) for cluster in resolve_people(mentions)]


class PersonResolver:
    """Names as written -> person ids, against the store's people, remembered."""

    def __init__(self, people: Iterable[PersonCluster]):
        self.people = list(people)
        self.known: dict[str, str | None] = {}

    def __call__(self, name: str | None) -> str | None:
        if not name:
            return None
        if name not in self.known:
            self.known[name] = person_for(name, self.people)
        return self.known[name]

    def fill(self, record) -> None:
        """Set the `person` (and for actions `people`) ids of a record."""
        if record.type == "attendance":
            record.person = self(record.name)
        elif record.type == "action":
            owners = record.owners or [record.owner]
            record.people = [pid for pid in (self(o) for o in owners) if pid]
            record.person = record.people[0] if record.people else None
