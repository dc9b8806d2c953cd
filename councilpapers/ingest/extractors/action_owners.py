"""Who owns an action: the owner as printed, split into its owners, each
resolved to the person the meeting's attendance names.

- A name is resolved to the attendee it can only be ("Cllr. H Jones" ->
  "Councillor Huw Jones"); initials to the one attendee they stand for ("NS/GG"
  -> "Nancy Sayer", "Geoff Gurney").
- A post ("the Chair", "Clerk", "the Cabinet Member for Education") is kept as
  printed and resolved to the one person the same minutes say held it at that
  meeting: "D Richardson (Chair)" in PRESENT, "Clerk J Connelly", "Sue
  Chandler, Cabinet Member for …" in attendance. Nobody is guessed: a post that
  no attendee, or more than one, holds stays unresolved.
- A group ("All", "All Councillors") stays as printed.

Bare posts and groups are vocabulary (`action_posts.txt`, `action_groups.txt`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...text.names import initials, is_role_phrase, same_person, without_title
from ...text.vocabulary import pattern

POSTS = pattern("action_posts")
GROUPS = pattern("action_groups")
# A post written bare, capitalised: "Clerk to register", "Chairman to contact".
BARE_POST = re.compile(rf"(?<![\w’'\-.])(?:{POSTS})(?![\w’'\-])")
# The last word of a post written with "the": "the Democratic Services Officer".
POST_WORD = pattern("action_post_words")
# The label before an owner or a task: "ACTION: Clerk", "Cam gweithredu: Clerc i …".
ACTION_WORD = rf"(?i:\b{pattern('action_labels')})"
INITIALS = r"[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*"
# Titles that cover every name after them: "Cllrs. Alun Davies/O. Williams".
PLURAL_TITLE = re.compile(r"^\s*(?P<title>Cllrs|Councillors|Cynghorwyr|Messrs|Mesdames)\.?\s+")
SINGULAR_TITLE = {"cllrs": "Cllr", "councillors": "Councillor", "cynghorwyr": "Cyng.", "messrs": "Mr",
                  "mesdames": "Mrs"}
# Attendance statuses of people who were there, and so could hold a post at it.
THERE = ("present", "substitute", "also_present", "in_attendance")

# The words of posts compared: "Chairman" is "Chair", the Welsh "Clerc" the "Clerk".
POST_SYNONYMS = {
    "chairman": "chair", "chairperson": "chair", "chairwoman": "chair", "cadeirydd": "chair",
    "gadeirydd": "chair", "clerc": "clerk", "maer": "mayor", "trysorydd": "treasurer",
    "ysgrifennydd": "secretary", "cllr": "councillor",
}
# Words that make another post of the one after them: the Vice-Chair is not the Chair.
POST_QUALIFIERS = {"vice", "deputy", "assistant", "co", "acting", "locum", "is", "former", "interim"}
# Words a post may be printed with or without: "Parish Clerk" is the Clerk.
POST_PLACES = {"parish", "town", "community", "city", "village", "county", "district", "borough", "council"}
DROPPED_WORDS = {"the", "y", "yr", "of", "to"}


def is_group(text: str) -> bool:
    return bool(re.fullmatch(GROUPS, text.strip()))


def is_post(text: str) -> bool:
    """A bare or "the"-led post: "Clerk", "the Chairman", "the Democratic Services Officer"."""
    text = re.sub(r"^\s*(?:[Tt]he|[Yy]r?)\s+", "", text.strip())
    return bool(re.fullmatch(POSTS, text)) or (is_role_phrase(text) and not re.search(r"\d", text))


def split_owners(owner: str) -> list[str]:
    """'Nancy Sayer and Geoff Gurney' -> both; 'NS/GG' -> both; 'Cyng. O. Williams
    a’r Clerc' -> both; 'Cllrs. Alun Davies/O. Williams' -> 'Cllr Alun Davies',
    'Cllr O. Williams'; brackets kept out."""
    owner = re.sub(r"\([^()]*\)?", " ", owner)
    plural = PLURAL_TITLE.match(owner)
    title = ""
    if plural:
        title = SINGULAR_TITLE[plural["title"].lower()] + " "
        owner = owner[plural.end():]
    pieces = _joined_posts(re.split(r"(\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*|\s*\+\s*|\s+a[’']r\s+|\s+ac\s+)",
                                    owner))
    pieces = [re.sub(r"\s+", " ", p).strip(" .") for p in pieces if p.strip(" .")]
    if title:
        # "Cllrs. Alun Davies/O. Williams/Clerk": the title is the names', not the post's.
        pieces = [p if is_post(p) else title + p for p in pieces]
    return pieces


def _joined_posts(parts: list[str]) -> list[str]:
    """The pieces of an owner split at its separators (`parts` alternates piece
    and separator), an "and" inside one post put back: "the Police and Crime
    Commissioner" is one post, "the Leader and Deputy Leader" two."""
    pieces = [parts[0]]
    for separator, piece in zip(parts[1::2], parts[2::2]):
        left, right = pieces[-1].strip(), piece.strip()
        inside_post = re.match(r"[Tt]he\s+[A-Z]", left) and (
            # "the Police and Crime Commissioner"
            (not re.search(rf"\b{POST_WORD}$", left)
             and re.fullmatch(rf"(?:[A-Z][\w'’\-]*\s+){{0,3}}{POST_WORD}", right))
            # "the Head of Planning and Regeneration"
            or (re.search(r"\s(?:of|for)\s", left) and re.fullmatch(r"[A-Z][\w'’\-]+", right)))
        if separator.strip() in ("and", "&") and inside_post:
            pieces[-1] = f"{left} {separator.strip()} {right}"
        else:
            pieces.append(piece)
    return pieces


def post_words(text: str) -> list[str]:
    words = [w for w in re.split(r"[^\w’']+", text.lower()) if w and w not in DROPPED_WORDS]
    return [POST_SYNONYMS.get(w, w) for w in words]


def holds(post: str, role: str) -> bool:
    """Whether an attendee listed with `role` ("Chair", "Cabinet Member for
    Integrated Children’s Services", "Parish Clerk") holds the `post` an owner
    names ("the Chairman", "the Cabinet Member", "Clerk")."""
    asked, held = post_words(post), post_words(role)
    if not asked or not held:
        return False
    extra = set(held) - set(asked)
    if extra & POST_QUALIFIERS:
        return False
    n = len(asked)
    if any(held[i:i + n] == asked for i in range(len(held) - n + 1)):
        return True
    # "the Parish Clerk" asked of an attendee listed as "Clerk".
    return set(held) <= set(asked) and not (set(asked) - set(held) - POST_PLACES)


class People:
    """The meeting's attendees: their names as patterns, their initials, the
    posts they held. `attendees` are names, or attendance records (with
    `name`, `role` and `status`)."""

    def __init__(self, attendees: Iterable):
        self.names: list[str] = []
        self.posts: list[tuple[str, str]] = []  # (role, name) of people who were there
        for attendee in attendees:
            name = getattr(attendee, "name", attendee)
            if not isinstance(name, str) or not name.strip():
                continue
            name = re.sub(r"\s+", " ", name).strip()
            self.names.append(name)
            role = getattr(attendee, "role", None)
            if role and getattr(attendee, "status", "present") in THERE:
                self.posts.append((role, name))
        self.by_initials: dict[str, set[str]] = {}
        for name in self.names:
            for form in initials(name):
                self.by_initials.setdefault(form, set()).add(name)

    def names_pattern(self) -> str:
        # Untitled full names ("Geoff Gurney"); titled ones are found by TITLED_NAME.
        forms = set()
        for name in self.names:
            words = without_title(name).split()
            if len(words) >= 2 and all(len(w) > 1 for w in words):
                forms.add(" ".join(words))
        if not forms:
            return ""
        return r"\b(?:" + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) + r")\b"

    def initials_pattern(self) -> str:
        """The initials that stand for one attendee each ("JN", "AC"), as words."""
        forms = [form for form, names in self.by_initials.items() if len(names) == 1]
        if not forms:
            return ""
        return r"(?<![\w/])(?:" + "|".join(sorted(forms, key=len, reverse=True)) + r")(?![\w/])"

    def initials(self, token: str) -> list[str] | None:
        """'NS/GG' -> ['Nancy Sayer', 'Geoff Gurney'] when every part names one attendee."""
        names = []
        for part in re.split(r"\s*/\s*", token.strip()):
            matches = self.by_initials.get(part, set())
            if len(matches) != 1:
                return None
            names.append(next(iter(matches)))
        return names

    def holder(self, post: str) -> str | None:
        """The one person the attendance shows holding `post` at the meeting."""
        holders = {name for role, name in self.posts if holds(post, role)}
        return holders.pop() if len(holders) == 1 else None

    def resolve(self, owner: str) -> list[str]:
        """Each owner separately, as the attendance names them where it can tell."""
        return [self.one(piece) for piece in split_owners(owner)]

    def attends(self, owner: str) -> bool:
        """Whether every owner named is on the attendance list."""
        pieces = split_owners(owner)
        return bool(pieces) and all(self.one(piece) in self.names for piece in pieces)

    def initialled(self, owner: str) -> bool:
        """Whether every owner is an attendee or initials of one or more of them:
        "JB" printed where both Jane Bright and John Brown attended is kept as
        printed, unresolved, but is still one of theirs."""
        pieces = split_owners(owner)
        return bool(pieces) and all(
            self.one(p) in self.names or (re.fullmatch(INITIALS, p) and self.by_initials.get(p)) for p in pieces
        )

    def knows(self, owner: str) -> bool:
        """Whether every owner is an attendee, a post or a group."""
        pieces = split_owners(owner)
        return bool(pieces) and all(self.one(p) in self.names or is_post(p) or is_group(p) for p in pieces)

    def one(self, piece: str) -> str:
        if re.fullmatch(INITIALS, piece):
            names = self.initials(piece)
            if names and len(names) == 1:
                return names[0]
            return piece
        if is_group(piece):
            return piece
        if is_post(piece):
            return self.holder(piece) or piece
        same = [name for name in self.names if same_person(piece, name)]
        if len(same) == 1 and not piece.lower().startswith("the "):
            return same[0]
        return piece
