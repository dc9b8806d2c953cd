"""Attendance written as sentences, before the first item or in the apologies item:

- apologies: "Apologies for absence had been received from Mr R Brookbank, …",
  "Apologies received from Cllrs. Joseph Davies, Kim Davies, and Doris Jones.",
  "Derbyniwyd ymddiheuriadau gan y Cynghorwyr …", "Cllr A Smith sent his apologies";
- absent without apologies: "Cllr L Knox was absent.", "Cllrs A and B did not attend.";
- substitutes: "Mr T Maddison was present as a substitute for Ms C J Cribbon, Ms M
  Emptage for Ms S Dunn …" (the absent member's apology is implied);
- people attending who are in no list: "PCSO’s Roger Anthony and Louise Lewis
  attended the meeting", "P.C.S.O. Louise Lewis joined the meeting", "Mrs Susan
  Smith, Community Connector Plus, gave a … talk", "Mynychwyd y cyfarfod gan …"
  (in attendance, with the post written before or after the name);
- attending from elsewhere: "Ms L Game, Ms S Chandler and Ms T Scott were in
  attendance virtually" (marks them remote; someone in no list is in attendance);
- people counted, not named: "Two members of Talley Community Council attended".

A sentence that gives apologies and says its subject attends virtually ("had
given her formal apologies but was attending the meeting virtually") is an
apology, marked remote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...corpus.records import Attendance
from ...text.names import ROLE_WORDS, TITLE, is_name, same_person, title_of
from . import attendance_words as words
from .name_lists import Counted, plain, read_list, split

# "was present as a substitute for", "attended as substitute for", "substituting for", "substituted for",
# "was deputising for", "(was) the substitute for".
AS_SUBSTITUTE = re.compile(
    r"\s+(?:(?:was|were)?\s*(?:present|attended|attending)\s+as\s+(?:a\s+|the\s+)?substitutes?"
    r"|(?:(?:was|were|is)\s+)?(?:substituting|substituted|deputising|deputised|standing\s+in|stood\s+in)"
    r"|(?:was|were|is)\s+(?:a\s+|the\s+)?substitutes?)\s+for\s+",
    re.IGNORECASE,
)
PARAGRAPH_MARK = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}[.)])\s*")
# A member's own title: "Cllr", "Councillor", "Cyng." (not "County Councillor": a visitor).
MEMBER_TITLE = re.compile(r"^(?:Cllr|Councillor|Cyng|Cynghorydd)\b")
# The names a sentence starts with: "Lee Page & David Bellsham wanted …".
LEADING_NAMES = re.compile(rf"^\s*(?:(?:{TITLE}\.?|[A-Z][\w'’\-]*\.?|&|and),?\s+)+")
ABBREVIATION = re.compile(rf"[A-Z]|(?:[A-Z]\.)+[A-Z]|{TITLE}|(?i:{words.PLURAL_TITLE_WORD})")


@dataclass
class Prose:
    """What sentences say: people (each with the offset of its name), people counted."""

    people: list[tuple[int, Attendance]] = field(default_factory=list)
    counts: list[Counted] = field(default_factory=list)


def read_prose(text: str, known: list[Attendance]) -> Prose:
    """Apologies, substitutes, attendees and counts in `text`; people in `known`
    are not repeated (an apology known as an apology, a substitute as a
    substitute, anyone attending), and those said to attend virtually are marked
    `remote` where they are."""
    found = Prose()
    known = list(known)
    for begin, end in sentences(text):
        sentence = text[begin:end]
        if AS_SUBSTITUTE.search(sentence):
            _substitutes(sentence, begin, known, found)
            continue
        remote = bool(words.VIRTUAL.search(sentence))
        counted = len(found.counts)
        present = words.PRESENT_WERE.search(sentence)
        if present:  # "Present were Councillors Abel and Baker."
            entries, _ = read_list(sentence[present.end():], begin + present.end())
            for e in entries:
                _add(found, known, e.offset, Attendance(index=0, name=e.name, status="present", role=e.role))
            continue
        apologies = _apologies(sentence, begin)
        for offset, person in apologies:
            person.remote = remote and bool(words.ATTENDED.search(sentence))  # "… but was attending virtually"
            _add(found, known, offset, person)
        if not apologies:
            _attendees(found, known, _attending(sentence, begin, found), remote)
        if len(found.counts) == counted:
            _count_in(sentence, begin, found)
    return found


def _count_in(sentence: str, begin: int, found: Prose) -> None:
    """"There were 5 members of the public present": a count of people attending."""
    match = words.COUNTED_IN_SENTENCE.search(sentence)
    if match and re.search(r"\b(?:present|attend\w*|in attendance)\b", sentence, re.IGNORECASE):
        number = words.counted(f"{match['number']} {match['who']}")
        if number:
            found.counts.append(Counted(number[0], number[1], begin + match.start()))


def read_speakers(text: str, known: list[Attendance], *, public: bool = False) -> Prose:
    """People an item says spoke at the meeting ("Mrs Bridge was invited to
    speak", "… were in attendance for this item"), and, in an item where the
    public speaks (`public`), the names that start its sentences ("Lee Page &
    David Bellsham wanted to …"): in attendance unless `known`."""
    found = Prose()
    known = list(known)
    for begin, end in sentences(text):
        sentence = text[begin:end]
        verb = words.SPOKE.search(sentence)
        if verb:
            people = subject_people(sentence[: verb.start()], begin, found)
        elif public:
            leading = LEADING_NAMES.match(sentence)
            people = subject_people(leading.group(), begin, found) if leading else []
        else:
            continue
        attending = [(o, Attendance(index=0, name=n, status="in_attendance", role=r)) for o, n, r in people]
        _attendees(found, known, attending, bool(words.VIRTUAL.search(sentence)))
    return found


def _attendees(found: Prose, known: list[Attendance], attending, remote: bool) -> None:
    """Add people said to attend; those known already are only marked remote."""
    for offset, person in attending:
        already = next((k for k in known if same_person(k.name, person.name)), None)
        if already is not None:
            already.remote = already.remote or remote
        else:
            person.remote = remote
            if remote and MEMBER_TITLE.match(person.name):
                person.status = "present"  # a councillor of the body attending from elsewhere
            _add(found, known, offset, person)


def _add(found: Prose, known: list[Attendance], offset: int, person: Attendance) -> None:
    same_status = [k for k in known if k.status == person.status]
    if person.status == "in_attendance":
        same_status = known
    if not any(same_person(person.name, k.name) for k in same_status):
        known.append(person)
        found.people.append((offset, person))


def _apologies(sentence: str, begin: int) -> list[tuple[int, Attendance]]:
    """"Apologies … from A, B and C" and "A sent her apologies"."""
    people = []
    after = words.APOLOGIES_FROM.search(sentence)
    if after:
        entries, _ = read_list(sentence[after.end():], begin + after.end())
        people += [(e.offset, Attendance(index=0, name=e.name, status="apologies", role=e.role)) for e in entries]
    given = words.APOLOGIES_GIVEN.search(sentence)
    if given and not after:
        for offset, name, role in _subject_names(sentence[: given.start()], begin):
            people.append((offset, Attendance(index=0, name=name, status="apologies", role=role)))
    absent = words.ABSENT_GIVEN.search(sentence)
    if absent and not after and not given:  # "Cllr L Knox was absent."
        for offset, name, role in _subject_names(sentence[: absent.start()], begin):
            people.append((offset, Attendance(index=0, name=name, status="absent", role=role)))
    return people


def _subject_names(subject: str, begin: int) -> list[tuple[int, str, str | None]]:
    """The people a sentence's subject names; "Cllrs P Quinn and R Stone" is a
    list under a plural title, read as the lists of those present are."""
    if words.PLURAL_TITLE.match(subject.lstrip()):
        entries, _ = read_list(subject, begin)
        return [(e.offset, e.name, e.role) for e in entries]
    return subject_people(subject, begin, Prose())


def _attending(sentence: str, begin: int, found: Prose) -> list[tuple[int, Attendance]]:
    """The people a sentence says attended: its subject before "attended the
    meeting", or the names after "the meeting was attended by"."""
    verb = words.ATTENDED.search(sentence)
    by = words.ATTENDED_BY.search(sentence)
    if by:
        people = subject_people(sentence[by.end():], begin + by.end(), found)
    elif verb:
        people = subject_people(sentence[: verb.start()], begin, found)
    else:
        return []
    return [(o, Attendance(index=0, name=n, status="in_attendance", role=r)) for o, n, r in people]


def subject_people(text: str, base: int, found: Prose) -> list[tuple[int, str, str | None]]:
    """(offset, name, role) of the people a sentence's subject names: "PCSO’s
    Roger Anthony and Louise Lewis", "Following the presentation Mrs Susan
    Smith, Community Connector Plus,". A post before a name is its role, and so
    is an untitled phrase after a titled name (an apposition); a count
    ("Two members of …") goes to `found.counts`."""
    text = PARAGRAPH_MARK.sub(lambda m: " " * len(m.group()), text)
    count = words.counted(text)
    if count:
        found.counts.append(Counted(count[0], count[1], base + len(text) - len(text.lstrip())))
        return []
    people: list[tuple[int, str, str | None]] = []
    titled = False
    shared_role = None
    apposition = False  # the last piece was a role after a name: "and" may go on in it
    for offset, piece, separator in split(text.rstrip(" ,"), base):
        prefix, name = trailing_name(piece)
        if name and not (titled and title_of(name) is None):
            role = _role(prefix) or (shared_role if title_of(name) is None else None)
            shared_role = shared_role or role
            people.append((offset + max(piece.find(name.split()[0], len(prefix)), 0), name, role))
            titled = titled or title_of(name) is not None
            apposition = False
        elif people and piece[:1].isupper() and (apposition or not people[-1][2]):
            # "Mrs Susan Smith, Community Connector Plus,"; "Mr W Gough, Business Planning and Strategy Manager"
            role = f"{people[-1][2]}{separator}{piece}" if apposition else piece
            people[-1] = (*people[-1][:2], role.strip(" ,"))
            apposition = True
    return people


def trailing_name(piece: str) -> tuple[str, str | None]:
    """(what comes before, the name) of the name in a phrase of a sentence: a
    titled name starting it ("Ms L Wray from the Kent Foster Carer
    Association"), else the longest name ending it with no post in it
    ("Following the presentation Mrs Susan Smith", "PCSO’s Roger Anthony")."""
    tokens = re.sub(r"\([^()]*\)?", " ", piece).split()
    if tokens and title_of(tokens[0]):
        for k in range(len(tokens), 1, -1):
            if is_name(plain(" ".join(tokens[:k]))):
                return "", plain(" ".join(tokens[:k]))
    for j in range(len(tokens) - 1):
        candidate = plain(" ".join(tokens[j:]))
        if any(_post(t) for t in tokens[j:]) and not title_of(candidate):
            continue
        if not title_of(candidate) and any(title_of(t) for t in tokens[j + 1 :]):
            continue  # "Seat Mrs Bridge": the name starts at its title
        if is_name(candidate):
            return " ".join(tokens[:j]), candidate
    return piece, None


def _post(token: str) -> bool:
    return re.sub(r"['’]s$", "", token.strip(".,")).casefold() in ROLE_WORDS


def _role(prefix: str) -> str | None:
    """The post written before a name ("PCSO’s", "P.C.S.O.", "Swyddogion … Heddlu")."""
    prefix = prefix.strip(" ,")
    if not prefix or not (prefix[:1].isupper() and (any(_post(t) for t in prefix.split()) or "." in prefix)):
        return None
    return re.sub(r"['’]s$", "", prefix)


def _substitutes(sentence: str, begin: int, known: list[Attendance], found: Prose) -> None:
    """"Mr T Maddison was present as a substitute for Ms C J Cribbon, Ms M
    Emptage for Ms S Dunn": each substitute, and the apology of whom they stand for."""
    match = AS_SUBSTITUTE.search(sentence)
    pieces = [(o, p) for o, p, _ in split(sentence[match.end():].rstrip(" ."), begin + match.end())]
    pairs = []
    if pieces:
        said = sentence[: match.start()]
        substitute = PARAGRAPH_MARK.sub("", said).strip()
        pairs.append((begin + max(said.find(substitute), 0), substitute, *pieces[0]))
    for offset, piece in pieces[1:]:
        substitute, separator, absent = piece.partition(" for ")
        if separator:
            pairs.append((offset, substitute, offset + len(substitute) + len(separator), absent))
    for substitute_at, substitute, absent_at, absent in pairs:
        absent = plain(absent)
        if is_name(substitute) and is_name(absent):
            _add(found, known, substitute_at,
                 Attendance(index=0, name=substitute, status="substitute", substitute_for=absent))
            _add(found, known, absent_at, Attendance(index=0, name=absent, status="apologies"))


def sentences(text: str) -> list[tuple[int, int]]:
    """(begin, end) of each sentence; a full stop after an initial, a title or
    an abbreviation ("Mr P J. Oakford", "Cllrs.", "P.C.S.O.") ends none."""
    found, begin = [], 0
    for stop in re.finditer(r"\.(?=\s|$)", text):
        word = re.search(r"(\S*)$", text[begin : stop.start()])[1]
        if ABBREVIATION.fullmatch(word.lstrip("(")):
            continue
        found.append((begin, stop.start()))
        begin = stop.end()
    if text[begin:].strip():
        found.append((begin, len(text)))
    return found
