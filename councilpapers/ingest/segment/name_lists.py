"""A written list of people read into entries, however a council writes it:

- separated by commas, semicolons and "and" ("&", Welsh "ac"/"a"), or only by a
  closing bracket ("D Richardson (Chair) R Healey", "Jane Archer (JA) Alan Caudwell");
- a plural title before the list, restored to each bare surname after it
  ("Cllrs Howells, Mrs Kay and Ms McDonagh" -> "Cllr Howells", "Mrs Kay", ...);
- one title for two people ("Mr & Mrs Godfrey" -> "Mr Godfrey", "Mrs Godfrey");
- a post written before a name starts another person ("M Armstrong Clerk J
  Connelly" -> "M Armstrong", and "J Connelly" with role "Clerk", an officer);
- roles in brackets ("(Chair)", "(Substitute for Ms S Dunn)"), after a comma
  ("Sue Chandler, Cabinet Member for …", "Alan Armstrong, EDC"), honours after
  a comma ("Mr R C Love, OBE") that are no separate name;
- people counted, not named ("Two Members"): a count, never a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.names import HONOUR, ROLE_WORDS, TITLE, initials, is_name, is_role_phrase, title_of
from ...text.spacing import squash
from . import attendance_words as words

# "A, B and C"; ", and" ends a list too. Outside brackets only.
SEPARATOR = re.compile(rf"\s*[,;]\s*(?:(?:{words.AND})\s+(?=[A-Z(\d]))?|\s+(?:{words.AND})\s+(?=[A-Z(\d])")
# "(Substitute for Ms S Dunn)", "(substituting for …)", "(deputising for …)", "(for Cllr Y)".
SUBSTITUTE_WORDS = (r"(?:(?:as\s+)?(?:a\s+|the\s+)?(?:substitut(?:e|ing|ed)(?:\s+member)?|sub\.?|deputising"
                    r"|standing\s+in)\s+for|in\s+place\s+of)")
SUBSTITUTE_NOTE = re.compile(rf"^\s*(?:{SUBSTITUTE_WORDS}|for)\s+(?P<absent>.+?)\s*$", re.IGNORECASE)
# The same written after a name without brackets: "Cllr X substituting for Cllr Y",
# "Cllr X for Cllr Y" (a titled name after "for"): SUBSTITUTE_PHRASE; INLINE_SUBSTITUTE the space before it.
SUBSTITUTE_PHRASE = re.compile(rf"\s+(?:{SUBSTITUTE_WORDS}|for(?=\s+{TITLE}\b))\s+", re.IGNORECASE)
INLINE_SUBSTITUTE = re.compile(rf"\s+(?=(?:{SUBSTITUTE_WORDS}|for(?=\s+{TITLE}\b))\s+)", re.IGNORECASE)
# OCR reads "Cllr" as "Clir", "Cilr", "C1lr": the title whatever OCR made of its l's.
OCR_CLLR = re.compile(r"\bC[il1I|]{2}r(?=s?\b)")
HYPHENS = re.compile(r"[\-\u00ad\u2010\u2011]+")
BARE_TITLE = re.compile(rf"^{TITLE}\.?$")
DASH_ROLE = re.compile(r"\s+[–—-]\s+")  # "Mr D Hughes – Clerk"


@dataclass
class Entry:
    """One person of a list, as written; `offset` is where it starts in the text."""

    name: str
    offset: int
    role: str | None = None
    substitute_for: str | None = None
    officer: bool = False  # named after a post ("Clerk J Connelly"): attending, not a member


@dataclass
class Counted:
    number: int
    who: str  # "Members", "members of Talley Community Council"
    offset: int


def read_list(text: str, base: int = 0, title: str | None = None) -> tuple[list[Entry], list[Counted]]:
    """The people of a list and the people it counts; offsets plus `base`.
    `title` is what a bare surname is titled when no plural title comes first
    (a heading "Councillors present:")."""
    people: list[Entry] = []
    counts: list[Counted] = []
    list_title = title
    pieces = [p for piece in split(text, base) for p in _at_titles(*piece)]
    for n, (offset, piece, separator) in enumerate(pieces):
        plural = words.PLURAL_TITLE.match(piece)
        if plural:
            list_title = words.PLURAL_TITLES[plural["plural"].casefold()]
            piece, offset = piece[plural.end():].lstrip(), offset + plural.end() + 1
        number = words.counted(piece)
        if number:
            counts.append(Counted(number[0], number[1], offset))
            continue
        if BARE_TITLE.match(piece) and n + 1 < len(pieces):  # "Mr & Mrs Godfrey"
            piece = f"{piece} {_surname_words(pieces[n + 1][1])}"
        found = _entries(piece, offset, list_title)
        if found:
            people += found
        elif people and separator.strip().startswith(",") and _is_role_after(piece):
            people[-1].role = _joined_role(people[-1].role, squash(piece).rstrip("."))
        elif people and people[-1].role and re.fullmatch(rf"\s*(?:{words.AND})\s*", separator) and is_role_phrase(piece):
            people[-1].role += f"{separator}{squash(piece).rstrip('.')}"  # "– Deputy Leader and Cabinet Member for …"
    return people, counts


def split(text: str, base: int = 0) -> list[tuple[int, str, str]]:
    """(offset, piece, the separator before it) of a list split outside brackets,
    and after a closing bracket a name follows; an honour ("MBE (Chairman)")
    goes back to the name before it."""
    pieces: list[tuple[int, str, str]] = []
    depth = begin = pos = 0
    before = ""
    while pos <= len(text):
        separator = None
        if depth == 0 and pos < len(text):
            separator = SEPARATOR.match(text, pos) or _after_bracket(text, pos)
        if pos < len(text) and not separator:
            depth = max(depth + {"(": 1, ")": -1}.get(text[pos], 0), 0)
            pos += 1
            continue
        raw = text[begin:pos]
        piece = raw.strip()
        if piece and pieces and re.match(rf"^{HONOUR}\b", piece):
            at, last, sep = pieces[-1]
            pieces[-1] = (at, f"{last}, {piece}", sep)
        elif piece:
            pieces.append((base + begin + len(raw) - len(raw.lstrip()), piece, before))
        if not separator:
            break
        before = separator.group()
        pos = begin = separator.end()
    return pieces


def _at_titles(offset: int, piece: str, separator: str) -> list[tuple[int, str, str]]:
    """A piece of names parted by their titles alone ("Cllr B Jones Cllr C
    Brown"), as one piece each; any other piece as it is."""
    head = piece.split("(")[0]
    starts = [m.start() for m in re.finditer(rf"(?<=\s)(?={TITLE}\.?\s)", head)]
    if not starts or title_of(piece) is None:
        return [(offset, piece, separator)]
    bounds = [0, *starts, len(piece)]
    parts = [(offset + a, piece[a:b].strip(), separator if a == 0 else " ") for a, b in zip(bounds, bounds[1:])]
    if not all(is_name(plain(part)) for _, part, _ in parts):
        return [(offset, piece, separator)]
    return parts


def _after_bracket(text: str, pos: int) -> re.Match | None:
    """The space after ")" when a name, not a bracket or honour, follows."""
    if pos == 0 or text[pos - 1] != ")":
        return None
    match = re.compile(r"\s+(?=[A-Z])").match(text, pos)
    if match and not re.match(rf"{HONOUR}\b", text[match.end():]):
        return match
    return None


def _entries(piece: str, offset: int, list_title: str | None) -> list[Entry]:
    """The one person a piece names, or two when a post starts the second."""
    notes = re.findall(r"\(([^()]*)\)?", piece)
    head = squash(OCR_CLLR.sub("Cllr", piece.split("(")[0]))
    head, *substituting = INLINE_SUBSTITUTE.split(head, maxsplit=1)
    notes[:0] = substituting  # "Cllr X substituting for Cllr Y"
    head, *after = DASH_ROLE.split(head, maxsplit=1)
    if after and after[0][:1].isupper():
        notes.insert(0, after[0])  # "Mr D Hughes – Clerk"
    elif after:
        head = f"{head} {after[0]}"
    member, role, name = split_at_post(head)
    if role is None:
        name, post = trailing_post(head)
        notes[:0] = [post] if post else []
    named_in_note = next((n for n in notes if is_name(plain(n))), None)
    if role is None and not is_name(plain(name)) and is_role_phrase(name) and named_in_note:
        role, name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE), named_in_note  # "The Clerk (Mrs P Davies)"
        notes = [n for n in notes if n is not named_in_note]
    found = []
    if member:
        found.append(Entry(_named(member, list_title), offset))
    entry = _entry(name, notes, list_title, offset)
    if entry is None:
        return found
    if role:
        entry.role, entry.officer = (f"{role}; {entry.role}" if entry.role else role), is_officer(role)
        entry.offset = offset + max(piece.find(name.split()[0]), 0)
    return [*found, entry]


def _entry(name: str, notes: list[str], list_title: str | None, offset: int) -> Entry | None:
    name = _named(plain(name), list_title)
    if not is_name(name):
        return None
    entry = Entry(name, offset)
    for note in map(squash, notes):
        substitute = SUBSTITUTE_NOTE.match(note)
        if substitute and is_name(plain(substitute["absent"])):
            entry.substitute_for = plain(substitute["absent"])
        elif note and note not in initials(name) and not words.PLURAL_TITLE.fullmatch(note) and _is_note_a_role(note):
            entry.role = _joined_role(entry.role, note)
    return entry


def _is_note_a_role(note: str) -> bool:
    """"(Chair)", "(in the Chair)", "(EDC)" are roles; "(work commitments)" a reason."""
    return not note[0].islower() or any(_key(w) in ROLE_WORDS for w in note.split())


def trailing_post(text: str) -> tuple[str, str | None]:
    """(name, post) of a name with its post after it ("Cllr A Smith Chairman",
    a table's two columns run together); (text, None) when there is none."""
    tokens = text.split()
    titles = _title_words(tokens)
    at = next((i for i, w in enumerate(tokens) if _is_post_word(w) and i not in titles), None)
    while at and _key(tokens[at - 1]) in words.ROLE_QUALIFIERS:
        at -= 1  # "John Brown Vice Chair"; "North District Council" is a body, no "North District"
    if not at or not is_name(" ".join(tokens[:at])):
        return text, None
    if title_of(text) is None and _key(tokens[-1]) in words.BODY_WORDS:
        return text, None  # "Mid Westshire Council": a body
    tail = tokens[at:]
    if any(w[0].islower() and w not in ("of", "for", "the", "and", "to") for w in tail):
        return text, None
    return " ".join(tokens[:at]), " ".join(tail)


def _is_post_word(word: str) -> bool:
    """A word of a post, a hyphenated one by any part ("Vice-Chair", "Co-Chair")."""
    return _key(word) in ROLE_WORDS or any(_key(part) in ROLE_WORDS for part in word.split("-") if part)


def _named(name: str, list_title: str | None) -> str:
    """A bare surname of a list under a plural title takes its singular
    ("Cllrs Howells" -> "Cllr Howells"); a name that has its own title or
    forename keeps them."""
    if list_title and not is_name(name) and title_of(name) is None and is_name(f"{list_title} {name}"):
        return f"{list_title} {name}"
    return name


def split_at_post(text: str) -> tuple[str | None, str | None, str]:
    """(a member before the post, the post, the name after it) of "M Armstrong
    Clerk J Connelly"; (None, "Clerk", "J Connelly") for "Clerk J Connelly";
    (None, None, text) when no post comes before a name."""
    tokens = text.split()
    posts = ROLE_WORDS | words.MEMBER_ROLES
    role_at = [i for i, w in enumerate(tokens) if _key(w) in posts and i not in _title_words(tokens)]
    if not role_at:
        return None, None, text
    last_role = role_at[-1]
    name_at = next((j for j in range(last_role + 1, len(tokens)) if is_name(" ".join(tokens[j:]))), None)
    if name_at is None or not is_name(" ".join(tokens[name_at:])):
        return None, None, text
    start = role_at[0]
    while start > 0 and _key(tokens[start - 1]) in words.ROLE_QUALIFIERS | posts:
        start -= 1
    member = " ".join(tokens[:start])
    role = " ".join(tokens[start:name_at])
    if member and not is_name(member):
        role, member = f"{member} {role}", ""
    return member or None, role.strip(" ,:–-") or None, " ".join(tokens[name_at:])


def _title_words(tokens: list[str]) -> set[int]:
    """Positions of the words that are titles ("County Councillor" is no post)."""
    taken: set[int] = set()
    for i in range(len(tokens)):
        for width in (2, 1):
            if i + width <= len(tokens) and BARE_TITLE.match(" ".join(tokens[i : i + width])):
                taken.update(range(i, i + width))
                break
    return taken


def _key(word: str) -> str:
    return re.sub(r"['’]s$", "", word.strip(".,:;")).casefold()


def is_post(text: str) -> bool:
    """A post or body ("Town Clerk", "Vice-Chairman", "Parish Council")."""
    return is_role_phrase(text) or any(
        _key(part) in ROLE_WORDS | words.MEMBER_ROLES for part in re.split(r"[\s-]+", text) if part
    )


def is_officer(role: str) -> bool:
    """A post that is no membership of the body (a "Clerk", not a "Chair" or "Vice-Chairman")."""
    return _key(re.split(r"[\s-]", role.strip())[-1]) not in words.MEMBER_ROLES


def is_officer_post(role: str | None) -> bool:
    """A role written after a name that is an officer's post ("Clerk", "Head of
    Planning", "Democratic Services Officer"), not a member's ("Chair", "Cabinet
    Member for Finance", "Vice-Chairman"), nor a body ("North District Council")."""
    keys = {_key(part) for part in re.split(r"[\s/;,]+|-(?=[A-Za-z])", role or "") if part}
    keys |= {_key(word) for word in re.split(r"[\s/;,]+", role or "") if word}  # "minute-taker", "co-ordinator"
    return bool(keys & words.OFFICER_WORDS) and not keys & words.MEMBER_ROLES


def _is_role_after(piece: str) -> bool:
    """"Cabinet Member for …", "EDC": a role written after a name and a comma;
    not a post and a surname ("PCSO White")."""
    if re.fullmatch(r"[A-Z]{2,6}\.?", piece):
        return True
    last = piece.split()[-1]
    return is_role_phrase(piece) and (_key(last) in ROLE_WORDS or bool(re.search(r"\s[a-z]", piece)))


def _surname_words(piece: str) -> str:
    """"Mrs Godfrey" -> "Godfrey": what a title shared with the next name takes."""
    words_after = piece.split("(")[0].split()
    return " ".join(words_after[1:]) if title_of(piece) else words_after[-1] if words_after else ""


def plain(text: str) -> str:
    """A name without its brackets, honours and trailing full stop; its hyphens one ASCII hyphen."""
    text = re.sub(r"\([^()]*\)?", " ", text)
    text = re.sub(rf"(?:,?\s+{HONOUR}\b)+\s*$", "", squash(text))
    text = HYPHENS.sub("-", OCR_CLLR.sub("Cllr", text))
    text = re.sub(r"(?<=\w)- (?=[A-Z])", "-", text)  # "Henn- Macrae": broken at the end of a line
    return text.strip(" ,.;:")


def _joined_role(role: str | None, more: str) -> str:
    return f"{role}; {more}" if role else more
