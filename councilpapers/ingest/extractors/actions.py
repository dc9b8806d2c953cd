"""Actions: a named person or post who undertook, agreed or was asked to do a
future task, as minutes write it, and the rows of an action plan.

Prose forms, each with the owner written just before the verb:

    Mr Segurola undertook to look into the data available …
    the Cabinet Member agreed to …, officers were asked to …, the Panel asked Mr X to …
    Action – Nancy Sayer and Geoff Gurney to look into this      (notes: "X to do")
    Action – Tom Stevenson will pick these up, Philip Segurola will be issuing …
    Nancy Sayer is going to match CAMHS data …
    The Chairman said that she would attend …                   (a statement of intent)

The description is the printed wording from after "to" / "will" / "would" to
the end of its clause: a full stop, a semicolon or the end of the paragraph.

Whose action: "she undertook" names the nearest person before it in the same
item who is the subject of a verb ("Mrs Skinner introduced the report … In
response to questions, she undertook …"), of the pronoun's gender where a title
shows it. "Mr Gough explained that …, and undertook to" — no subject before the
verb — names the subject of that sentence.

Statements of intent count when they are a person's own about a task: "X said
that she would attend", "X is going to", "X will …" — the last two only for a
person on the meeting's attendance list or after an "Action –" label, since in
reports and transcripts "Mr Cherry will manage the fiscal activities" describes
a job. Opinions ("he said he would estimate that …") are not tasks. Nor is a
resolution ("RESOLVED that …") or a committee's agreement ("The Panel agreed that …").

Groups' notes print the owners' initials in an "Actions" column ("GG", "NS/GG")
on a line of their own or at the end of a line. They are resolved against the
meeting's attendance and attached to the action written in the same row; they
never make a second action.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ...corpus.records import Action
from ...text.dates import DATE_PHRASE, HAS_YEAR, MONTH_WORD, find_date
from ...text.names import TITLE, TITLED_NAME, gender, initials, is_role_phrase, same_person, without_title
from ...text.spacing import squash
from ..model import Line
from ..segment.minutes import NEXT_DOCUMENT
from ..textflow import TextFlow


# --- who ---------------------------------------------------------------------

NAME_WORD = r"[A-Z][\w'’\-]+"
POST_WORD = (
    r"(?:Vice[- ]Chairman|Vice[- ]Chair|Chairman|Chairwoman|Chair|Officer|Member|Director|Manager|Clerk|Leader"
    r"|Head|Secretary|Adviser|Advisor|Commissioner|Executive|Mayor|Solicitor|Counsel|Coordinator|Co-ordinator"
    r"|Nurse|Doctor|Teacher|Practitioner|Representative|Lead)"
)
# "the Democratic Services Officer", "the Cabinet Member for Specialist Children’s Services"
POST = (
    rf"\b[Tt]he\s+(?:[A-Z][\w'’\-]*\s+){{0,4}}{POST_WORD}\b"
    rf"(?:\s+(?:for|of)\s+(?:{NAME_WORD}|and|&)(?:\s+(?:{NAME_WORD}|and|&)){{0,5}})?"
)
OFFICERS = r"\b(?:[Tt]he\s+)?(?:relevant\s+|appropriate\s+)?officers?\b"
PRONOUN = r"\b(?:[Hh]e|[Ss]he)\b"
# Untitled names ("Paul Brightwell") only where the form leaves no doubt: after "Action –".
PLAIN_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}"
INITIALS = r"[A-Z]{2,4}(?:\s*/\s*[A-Z]{2,4})*"
ACTION_OWNER = re.compile(rf"(?:^|\s)Actions?\s*[–—:-]\s*(?P<owner>{PLAIN_NAME}(?:\s+and\s+{PLAIN_NAME})*|{INITIALS})$")

# --- the verbs -----------------------------------------------------------------

ADVERB = r"(?:also|then|further|subsequently|kindly|both|therefore)"
# After "to", a verb: "agreed to the proposal" / "agreed to this" is consent, not a task.
VERB_AHEAD = (
    r"(?=[a-z])(?!(?:the|a|an|this|that|these|those|it|its|his|her|their|our|them|him|all|any|some|such|each"
    r"|every|both|be)\b)"
)
UNDERTOOK = re.compile(rf"\b(?:undertook|agreed|offered|promised|volunteered)\s+to\s+{VERB_AHEAD}")
WAS_ASKED = re.compile(rf"\b(?:was|were)\s+(?:{ADVERB}\s+)?(?:asked|requested)\s+to\s+{VERB_AHEAD}")
GOING_TO = re.compile(r"\b(?:is|are)\s+going\s+to\s+(?=[a-z])")
WILL = re.compile(r"\bwill\s+(?=[a-z])")
SAID_WOULD = re.compile(
    r"\b(?:said|confirmed|stated|indicated|added)\s+(?:that\s+)?(?P<pronoun>he|she)\s+would\s+(?=[a-z])"
)
NOTES_TO = re.compile(rf"\s+to\s+{VERB_AHEAD}")
ASKED = re.compile(r"\basked\s+")
ASKED_TO = re.compile(rf"\s+to\s+{VERB_AHEAD}")
# "he said he would estimate that …" is an opinion, not a task.
NOT_TASKS = re.compile(
    r"(?:be|have|not|never|estimate|expect|think|hope|like|prefer|welcome|imagine|anticipate|suggest|need"
    r"|want|wish|say|agree|accept|argue|consider|doubt|guess|stress)\b"
)
# What makes a person the subject of a verb: "Mrs Skinner introduced", "He added", "Mr Gough explained".
SPEAKS = re.compile(
    rf"\s+(?:{ADVERB}\s+)?(?:\w+ed|said|gave|spoke|told|took|made|led|undertook|responded|replied)\b"
)
ACTION_LABEL = re.compile(r"\bActions?\s*[–—:-]\s*$")
RESOLUTION = re.compile(r"^\W*(?:\(?\d{1,3}[.)]\s*)?(?:It\s+was\s+)?(?:RESOLVED|Resolved|AGREED|DECIDED)\b")
PARAGRAPH_OPENS = re.compile(r"(?:^|\n)\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|\(?[a-z]\))?\s*$")
DASH_BEFORE = re.compile(r"\s[–—-]\s*$")
SENTENCE_BEFORE = re.compile(r"[.!?]\s*$")
# A line broken before the end of its clause: the clause runs on past a blank line.
WRAPS_ON = re.compile(
    r"(?:,|\b(?:of|on|and|or|the|to|for|in|at|with|from|by|a|an|can|will|would|could|should|may|is|are|be|&)|[-–])\s*$",
    re.IGNORECASE,
)
ABBREVIATION = re.compile(rf"(?:\b{TITLE}|\b[A-Z]|\bNo|\bpara|\be\.g|\bi\.e|\betc|\bp|\bpp)$")
BOUNDARY = re.compile(r"[.;!?](?=[\s”’\"']|$)|\n|:-")
CLOSING_QUOTES = "”’\"'"
DUE_LEAD_IN = re.compile(r"\b(?:by|before|on|until|till|no\s+later\s+than|in\s+time\s+for|at)\s+(?:the\s+)?$", re.I)
REFERS_BACK = re.compile(r"\b(?:held|dated|of)\s+(?:on\s+)?$")


def find_actions(
    lines: list[Line], start: int, end: int, attendees: Iterable[str] = (), context: date | None = None
) -> list[Action]:
    """The actions written in one minutes item, lines `start` to `end`. `attendees`
    are the meeting's names as its attendance lists them ("Geoff Gurney",
    "Mr P Segurola"): they let untitled names be recognised and initials resolved.
    `context` (the meeting's date) gives a due date written without its year
    ("by 23rd November") the first such day from it on."""
    people = _People(list(attendees))
    item = _Item(lines, start, end, people)
    text = item.text
    found: dict[int, Action] = {}  # offset of the description -> action

    def add(cue_at: int, owner: tuple[str, str] | None, described_at: int) -> None:
        if owner is None or described_at in found or item.in_resolution(cue_at):
            return
        description = _clause(text, described_at)
        if description:
            found[described_at] = Action(
                index=item.flow.line_at(cue_at), owner=owner[1], owners=people.resolve(owner[1]),
                description=description, due=_due(description, context),
            )

    for pattern in (UNDERTOOK, WAS_ASKED):
        for match in pattern.finditer(text):
            add(match.start(), item.owner_before(match.start()), match.end())
    for pattern in (GOING_TO, WILL):
        for match in pattern.finditer(text):
            described_at = match.end()
            if text.startswith("be ", described_at):
                if not re.match(r"be\s+\w+ing\b", text[described_at:]):
                    continue  # "will be the Director": a fact, not a task
                described_at += 3
            owner = item.owner_before(match.start(), elide=False)
            if owner and (owner[0] == "label" or people.attends(owner[1])):
                add(match.start(), owner, described_at)
    for match in SAID_WOULD.finditer(text):
        owner = item.owner_before(match.start())
        if owner and not NOT_TASKS.match(text, match.end()) and _agrees(owner[1], match["pronoun"]):
            add(match.start(), owner, match.end())
    for match in ASKED.finditer(text):
        # "the Panel asked Mr X to report back"
        asked = item.by_start.get(match.end())
        to = asked and asked.kind != "pronoun" and ASKED_TO.match(text, asked.end)
        if to:
            add(match.start(), ("asked", _tidy_owner(asked.text)), to.end())
    for match in NOTES_TO.finditer(text):
        owner = item.notes_owner(match.start())
        if owner:
            add(match.start(), owner, match.end())

    actions = [found[offset] for offset in sorted(found)]
    _attach_marks(actions, item.marks, people)
    return actions


# --- the item's text ------------------------------------------------------------


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    kind: str  # name / post / officers / pronoun
    speaks: bool = False  # the subject of a verb: "Mrs Skinner introduced"


class _Item:
    """One item's text with its mentions of people and its sentences, indexed."""

    def __init__(self, lines: list[Line], start: int, end: int, people: "_People"):
        self.people = people
        self.flow, self.marks = _item_text(lines, start, end, people)
        self.text = self.flow.text
        self.mentions = _mentions(self.text, people)
        self.by_end = {m.end: m for m in self.mentions}
        self.by_start = {m.start: m for m in self.mentions}
        self.mention_starts = [m.start for m in self.mentions]
        self.sentence_starts = [0]
        for match in BOUNDARY.finditer(self.text):
            if match.group(0) == "." and ABBREVIATION.search(self.text[max(0, match.start() - 12) : match.start()]):
                continue
            self.sentence_starts.append(match.end())

    def sentence_start(self, at: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, at) - 1]

    def before(self, at: int) -> list[_Mention]:
        """The mentions that end by `at`, in order."""
        k = bisect.bisect_left(self.mention_starts, at)
        return [m for m in self.mentions[:k] if m.end <= at]

    def in_resolution(self, at: int) -> bool:
        begin = self.sentence_start(at)
        # A resolution's sentence may start at the paragraph mark before the formula.
        paragraph = self.text.rfind("\n", 0, at) + 1
        return bool(RESOLUTION.match(self.text[begin:at]) or RESOLUTION.match(self.text[paragraph:at]))

    def owner_before(self, at: int, elide: bool = True) -> tuple[str, str] | None:
        """Who is written just before the verb at `at`: a name, a post, joint
        owners, a pronoun (resolved), an "Action –" label's name, or nobody
        ("…, and undertook to": then the subject of the sentence). Returns (how
        it was found, the owner as written). Without `elide` ("will", "is going
        to") a pronoun will not do: "she says she will do" in a young person's
        words is nobody's action."""
        text = self.text
        gap = re.search(rf"(?:\s+{ADVERB})*\s*$", text[max(0, at - 40) : at])
        end = at - len(gap.group(0)) if gap else at
        joint = self.joint_ending_at(end)
        if joint:
            first, last = joint[0], joint[-1]
            if len(joint) == 1 and first.kind == "pronoun":
                if not elide:
                    return None
                resolved = self.resolve_pronoun(first)
                return ("pronoun", _tidy_owner(resolved.text)) if resolved else ("pronoun", first.text)
            return "mention", _tidy_owner(text[first.start : last.end])
        label = ACTION_OWNER.search(text[max(0, end - 120) : end])
        if label and not is_role_phrase(label["owner"]):
            return "label", label["owner"]
        if elide and re.search(r"(?:,|\band)\s*$", text[max(0, end - 5) : end]):
            subject = self.sentence_subject(at)
            if subject:
                return "subject", _tidy_owner(subject.text)
        return None

    def joint_ending_at(self, end: int) -> list[_Mention]:
        """The mention ending at `end`, with those joined to it by "and", "," or "&"."""
        last = self.by_end.get(end)
        if not last:
            return []
        joint = [last]
        while joint[0].kind != "pronoun":
            earlier = [m for m in self.before(joint[0].start) if m.kind != "pronoun"][-1:]
            if not earlier or not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*", self.text[earlier[0].end : joint[0].start]):
                break
            joint.insert(0, earlier[0])
        return joint

    def sentence_subject(self, at: int) -> _Mention | None:
        """The subject of the sentence holding `at`: the nearest person before it in
        the sentence who is the subject of a verb, else the first person in it."""
        begin = self.sentence_start(at)
        inside = [m for m in self.before(at) if m.start >= begin]
        speakers = [m for m in inside if m.speaks]
        subject = speakers[-1] if speakers else (inside[0] if inside else None)
        if subject and subject.kind == "pronoun":
            return self.resolve_pronoun(subject)
        return subject

    def resolve_pronoun(self, pronoun: _Mention) -> _Mention | None:
        """The nearest person before the pronoun in the item who is the subject of a
        verb and whose title does not say the other gender; else the nearest person."""
        earlier = [
            m for m in self.before(pronoun.start) if m.kind in ("name", "post") and _agrees(m.text, pronoun.text)
        ]
        speakers = [m for m in earlier if m.speaks]
        if speakers:
            return speakers[-1]
        return earlier[-1] if earlier else None

    def notes_owner(self, at: int) -> tuple[str, str] | None:
        """'X to do Y' as notes write it: the owner opens a paragraph or a sentence,
        follows a dash ("… Health Commissioners – Sue Mullin to update …") or an
        "Action –" label (where any name, or initials, will do)."""
        text = self.text
        joint = self.joint_ending_at(at)
        if joint and all(m.kind in ("name", "post") for m in joint):
            lead_in = text[max(0, joint[0].start - 40) : joint[0].start]
            if joint[0].start == 0 or any(p.search(lead_in) for p in (ACTION_LABEL, DASH_BEFORE, PARAGRAPH_OPENS, SENTENCE_BEFORE)):
                return "mention", _tidy_owner(text[joint[0].start : at])
        label = ACTION_OWNER.search(text[max(0, at - 120) : at])
        if label and not is_role_phrase(label["owner"]):
            return "label", label["owner"]
        return None


def _item_text(lines: list[Line], start: int, end: int, people: "_People") -> tuple[TextFlow, list[tuple[int, str]]]:
    """The item's lines as one flow: lines joined with spaces, a paragraph
    break ("\\n") for blank lines. Initials of an Actions column ("GG", "NS/GG",
    alone on a line or at the end of one) are taken out and returned apart with
    the line they stand on."""
    flow, marks = TextFlow(), []
    blank, previous = False, None
    for i in range(start, end):
        line = lines[i].text.strip()
        # A blank line ends a paragraph; so does a gap in the numbering, where
        # a reader has dropped the blank lines.
        if previous is not None and lines[i].number > previous + 1:
            blank = bool(flow)
        previous = lines[i].number
        if not line:
            blank = bool(flow)
            continue
        if re.fullmatch(INITIALS, line) and people.initials(line):
            marks.append((i, line))
            blank = bool(flow)
            continue
        trailing = re.search(rf"\s({INITIALS})$", line)
        if trailing and re.search(r"[a-z]", line[: trailing.start()]) and people.initials(trailing[1]):
            marks.append((i, trailing[1]))
            line = line[: trailing.start()].rstrip()
        flow.add(i, line, "\n" if blank else " ")
        blank = False
    return flow, marks


def _mentions(text: str, people: "_People") -> list[_Mention]:
    alternatives = [(kind, pattern) for kind, pattern in (
        ("name", people.names_pattern()), ("name", TITLED_NAME.pattern), ("post", POST),
        ("officers", OFFICERS), ("pronoun", PRONOUN),
    ) if pattern]
    combined = re.compile("|".join(f"(?P<{kind}{n}>{pattern})" for n, (kind, pattern) in enumerate(alternatives)))
    found = []
    for match in combined.finditer(text):
        kind = re.sub(r"\d+$", "", match.lastgroup or "")
        found.append(_Mention(match.start(), match.end(), match.group(0), kind, bool(SPEAKS.match(text, match.end()))))
    return found


def _agrees(name: str, pronoun: str) -> bool:
    """Whether "he" or "she" can stand for a name: its title tells no other gender."""
    told = gender(name)
    return told != ("f" if pronoun.lower() == "he" else "m")


def _tidy_owner(written: str) -> str:
    """As written, on one line; "The Chairman" at a sentence's start is "the Chairman"."""
    written = squash(written)
    return re.sub(r"^The\b", "the", written)


class _People:
    """The meeting's attendees: their names as patterns, their initials."""

    def __init__(self, attendees: list[str]):
        self.names = [squash(a) for a in attendees if a and a.strip()]
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

    def initials(self, token: str) -> list[str] | None:
        """'NS/GG' -> ['Nancy Sayer', 'Geoff Gurney'] when every part names one attendee."""
        names = []
        for part in re.split(r"\s*/\s*", token.strip()):
            matches = self.by_initials.get(part, set())
            if len(matches) != 1:
                return None
            names.append(next(iter(matches)))
        return names

    def resolve(self, owner: str) -> list[str]:
        """Each owner separately, as the attendance names them where it can tell."""
        resolved = []
        for piece in _split_owners(owner):
            resolved.append(self._one(piece))
        return resolved

    def attends(self, owner: str) -> bool:
        """Whether every owner named is on the attendance list."""
        pieces = _split_owners(owner)
        return bool(pieces) and all(self._one(piece) in self.names for piece in pieces)

    def _one(self, piece: str) -> str:
        if re.fullmatch(INITIALS, piece):
            names = self.initials(piece)
            if names and len(names) == 1:
                return names[0]
            return piece
        same = [name for name in self.names if same_person(piece, name)]
        if len(same) == 1 and not piece.lower().startswith("the "):
            return same[0]
        return piece


def _split_owners(owner: str) -> list[str]:
    """'Nancy Sayer and Geoff Gurney' -> both; 'NS/GG' -> both; brackets kept out."""
    owner = re.sub(r"\([^()]*\)?", " ", owner)
    pieces = re.split(r"\s*,\s*|\s+and\s+|\s*&\s*|\s*/\s*", owner)
    return [squash(p).strip(" .") for p in pieces if p.strip(" .")]


# --- what, and by when ------------------------------------------------------------


def _clause(text: str, begin: int) -> str:
    """The printed wording from `begin` to the end of its clause: a full stop (not
    an abbreviation's), a semicolon, or a paragraph break the line does not run on over."""
    i = begin
    while i < len(text):
        char = text[i]
        if char == ";":
            break
        if char in ".!?":
            after = text[i + 1 : i + 2]
            if after in CLOSING_QUOTES and after:
                after = text[i + 2 : i + 3]
            if not after or after.isspace():
                if not (char == "." and ABBREVIATION.search(text[max(begin, i - 12) : i])):
                    break
        if char == "\n" and not WRAPS_ON.search(text[max(begin, i - 12) : i]):
            break
        i += 1
    clause = re.sub(r"\s+", " ", text[begin:i])
    # A notes row goes on with the next action: "… improved. Action – …"
    clause = re.split(r"\s+Actions?\s*[–—:-]\s", clause)[0]
    return clause.strip().rstrip(",:– -").removesuffix(" and").strip()


def _due(description: str, context: date | None) -> str | None:
    """A date the task is due by or happens on ("by 23rd November", "on 29 October
    2015"); not one it refers back to ("the minutes of 15 March"). Without a year,
    the first such day from the meeting's date on."""
    for match in DATE_PHRASE.finditer(description):
        before = description[: match.start()]
        if not DUE_LEAD_IN.search(before) or REFERS_BACK.search(before):
            continue
        found, _ = find_date(match.group(0), context)
        if found is None:
            continue
        if context and found < context:
            if HAS_YEAR.search(match.group(0)):
                continue  # a date already past: a reference, not a due date
            found = _next_year(found, context)
        return found.isoformat() if found else None
    return None


def _next_year(day: date, context: date) -> date | None:
    for year in (context.year, context.year + 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if candidate >= context:
            return candidate
    return None


def _attach_marks(actions: list[Action], marks: list[tuple[int, str]], people: "_People") -> None:
    """Initials in an Actions column go with the nearest action written before
    them whose owners they name; they never make an action of their own."""
    for line_index, token in marks:
        names = set(people.initials(token) or [])
        candidates = [a for a in actions if a.index <= line_index and a.marked is None]
        exact = [a for a in candidates if set(a.owners) == names]
        overlapping = [a for a in candidates if set(a.owners) & names]
        for action in (exact or overlapping)[-1:]:
            action.marked = token


# --- action plans ------------------------------------------------------------------

# A table's header: "Objective Ref Action Lead driver Review/ end date … RAG",
# "Action | Lead | Timescale | Status". It names the action, who leads it, and
# when it is due or how it stands.
HEADER_ACTION = re.compile(r"\bActions?\b")
HEADER_LEAD = re.compile(r"\b(?:Lead|Leads|Owner|Responsib\w*|By\s+whom)\b", re.IGNORECASE)
HEADER_WHEN = re.compile(
    r"\b(?:Review|Timescales?|Deadline|Due|Date|By\s+when|End\s+date|RAG|Status|Progress)\b", re.IGNORECASE
)
# A row's reference, at the start of a line or after an objective column run
# into it ("… Help services 3.1.2 Implement a new …"); not "(action 4.2.3.)".
ROW_REF = re.compile(r"(?:^|(?<=\s))(?P<ref>\d{1,2}(?:\.\d{1,2}){1,3})\.?(?:\s+(?=[A-Z‘'“])|\s*$)")
# What ends a table's rows: the next theme, its lead officer, another document.
TABLE_BREAK = re.compile(r"^\s*(?:(?:Theme|Priority|Section)\s+\d+\b|Lead\s+Officers?\s*:)", re.IGNORECASE)
MAX_ROW_LINES = 60
# The Review/Timescale column: "Review 31st July 2015", "Completion …", "Monthly review", "Complete".
DUE_START = re.compile(
    rf"^(?:For\s+review\b|Strategy\s+implementation\b|Progress\b|Review\b|Completion\b|Completed?\b|Monthly\b"
    rf"|Quarterly\b|Weekly\b|Annual(?:ly)?\b|On-?going\b|Action\s+awaiting\b|Due\b|By\s+\d"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?(?:\s|$)|{MONTH_WORD}\b|Q[1-4]\b)",
    re.IGNORECASE,
)
DUE_INSIDE = re.compile(r"\s(?=(?:For\s+review|Review|Completion|Complete|Monthly)\b)")
RAG = re.compile(r"^(?:(?P<word>Red|Amber|Green|Grey)|(?P<letter>[RAG]))$")
RAG_GLUED = re.compile(r"^(?P<letter>[RAG])(?=\d)")  # "G3.1" — the RAG cell run into the next objective
COMPLETE = re.compile(r"^(?:Action\s+)?complete[d]?\b", re.IGNORECASE)
TABLE_WRAPS = re.compile(r"(?:\b(?:of|on|and|or|the|to|for|in|at|with|from|by|a|an|&)|[-–])\s*$", re.IGNORECASE)
ROLE_PIECE = re.compile(rf"\b(?:{POST_WORD}|Unit|Team|Service|Services|Group)\b")
NAME_LIKE_WORD = re.compile(r"^(?:[A-Z(‘'\"][\w'’()\-.,&]*|and|of|for|&|the|-|–)$")


def find_action_plan_rows(lines: list[Line]) -> list[Action]:
    """The rows of action-plan tables as text extraction leaves them: each row's
    cells one after another down the page — the reference and action, the lead,
    the review date, the targets, and the RAG rating alone on a line.

    A row is a reference of the deepest numbering the table uses ("1.2.4";
    objectives are "1.2"). Its action runs until a short line of names that
    does not carry on the sentence (the Lead cell), the lead until the review
    date, the date until a blank line; then the first RAG letter is its status.
    A review cell that says "Complete" is a written status, not a date.
    """
    rows: list[Action] = []
    for begin, end in _tables(lines):
        starts = _row_starts(lines, begin, end)
        for n, (i, offset) in enumerate(starts):
            stop = starts[n + 1][0] if n + 1 < len(starts) else min(end, i + MAX_ROW_LINES)
            row = _row(lines, i, offset, stop)
            if row:
                rows.append(row)
    return rows


def _tables(lines: list[Line]) -> list[tuple[int, int]]:
    """(header index, end) of each action-plan table: to the next header, the
    next document, or the end."""
    headers = []
    for i, line in enumerate(lines):
        window = " ".join(lines[j].text for j in range(i, min(i + 4, len(lines))))
        if len(line.text) <= 100 and HEADER_ACTION.search(line.text) and HEADER_LEAD.search(line.text) \
                and HEADER_WHEN.search(window):
            headers.append(i)
    tables = []
    for n, header in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(lines)
        for j in range(header + 1, end):
            if NEXT_DOCUMENT.match(lines[j].text):
                end = j
                break
        tables.append((header, end))
    return tables


def _row_starts(lines: list[Line], begin: int, end: int) -> list[tuple[int, int]]:
    """(line index, offset of the action's text) of each row; rows are the
    references of the deepest numbering, found in a run not broken by more than
    MAX_ROW_LINES lines, or by the next theme."""
    refs = []
    for i in range(begin + 1, end):
        if TABLE_BREAK.match(lines[i].text) and refs:
            break
        for match in ROW_REF.finditer(lines[i].text):
            refs.append((i, match.end(), match["ref"].count(".")))
    if not refs:
        return []
    depth = max(d for _, _, d in refs)
    starts = []
    for i, offset, d in refs:
        if d != depth:
            continue
        if starts and i - starts[-1][0] > MAX_ROW_LINES:
            break
        starts.append((i, offset))
    return starts


def _row(lines: list[Line], i: int, offset: int, stop: int) -> Action | None:
    cells: dict[str, list[tuple[bool, str]]] = {"action": [], "lead": [], "due": []}
    state, status, gap = "action", None, False
    previous = lines[i].number - 1
    pending = [(i, lines[i].text[offset:])] + [(j, lines[j].text) for j in range(i + 1, stop)]
    for k, (j, raw) in enumerate(pending):
        # A cell's first words may wrap: "Strategy" / "implementation" / "Review 31".
        ahead = f"{raw.strip()} {pending[k + 1][1].strip()}" if k + 1 < len(pending) else raw.strip()
        gap = gap or lines[j].number > previous + 1
        previous = lines[j].number
        text = raw.strip()
        if not text:
            gap = True
            continue
        if TABLE_BREAK.match(text) or (j != i and HEADER_ACTION.search(text) and HEADER_LEAD.search(text)):
            break
        if state == "action":
            action_text = " ".join(t for _, t in cells["action"])
            # The Lead cell: a line of names after the action's last line, which
            # neither runs on ("… for" / "CHIN and CP") nor stops on a proper name
            # that goes on below ("… across Early" / "Help and SCS") unless a gap parts them.
            ends_sentence = re.search(r"(?:\b[a-z][\w’'\-]*|[.)]|\b[A-Z]{2,})\s*$", action_text)
            inside = DUE_INSIDE.search(text)
            if cells["action"] and DUE_START.match(ahead) and not TABLE_WRAPS.search(action_text):
                state = "due"
            elif cells["action"] and (_name_like(text) or (inside and _name_like(text[: inside.start()]))) \
                    and (gap or (ends_sentence and not TABLE_WRAPS.search(action_text))) \
                    and not action_text.endswith(":"):
                state = "lead"
        if state == "lead":
            inside = DUE_INSIDE.search(text)
            if DUE_START.match(ahead) or (inside and _name_like(text[: inside.start()])):
                if inside and not DUE_START.match(ahead):
                    cells["lead"].append((gap, text[: inside.start()].strip()))
                    text = text[inside.end():]
                state = "due"
            elif not (_name_like(text) or len(text.split()) <= 3):
                if not gap:
                    # Not a lead after all: the action's sentence goes on ("… fit for purpose
                    # Commissioning & Sufficiency Strategy which articulates …").
                    cells["action"] += cells["lead"]
                    cells["lead"], state = [], "action"
                else:
                    state = "due"
        elif state == "due":
            if gap or len(text) > 40:
                state = "targets"
        if state == "targets":
            rag = RAG.match(text) or RAG_GLUED.match(text)
            if rag:
                status = rag["letter"] if rag["letter"] else rag["word"]
                break
            gap = False
            continue
        if state == "due" and "  " in text:
            # "2015  CIN are visited …": the targets cell run into the date cell
            cells[state].append((gap, text.partition("  ")[0]))
            state, gap = "targets", False
            continue
        cells[state].append((gap, text))
        gap = False
    description = _cell(cells["action"])
    if not description:
        return None
    lead = _cell(cells["lead"], separator=", ")
    due_text = _cell(cells["due"])
    due = None
    if COMPLETE.match(due_text):
        status = status or "Complete"
    else:
        found, _ = find_date(due_text)
        due = found.isoformat() if found else None
    owners = _lead_owners(lead)
    return Action(index=i, owner=lead, owners=owners, description=description, due=due, status=status)


def _name_like(text: str) -> bool:
    """A cell line of names or posts: "Lee-Anne", "Geoff Gurney,", "ADs, EHPS", "Kroll (sub-"."""
    words = text.split()
    return (
        0 < len(words) <= 5 and len(text) <= 40 and text[0].isupper() and not text.endswith((".", ":"))
        and all(NAME_LIKE_WORD.match(w) for w in words)
    )


def _cell(chunks: list[tuple[bool, str]], separator: str = " ") -> str:
    """A cell's lines joined: a word broken at its hyphen ("sub-" / "group") is
    joined back; a gap between blocks of names starts another name."""
    text = ""
    for gap, chunk in chunks:
        if not text:
            text = chunk
        elif text.endswith("-") and not text.endswith(" -"):
            text += chunk
        elif gap and separator != " " and not re.search(r"(?:,|\band)$", text):
            text += separator + chunk
        else:
            text += " " + chunk
    return squash(text)


def _lead_owners(lead: str) -> list[str]:
    """Each lead; a role written after a name ("Lee-Anne Farach, Head of Quality
    Assurance") is the name's, not another owner."""
    owners: list[str] = []
    for piece in _split_owners(lead):
        if owners and ROLE_PIECE.search(piece) and not ROLE_PIECE.search(owners[-1]):
            continue
        owners.append(piece)
    return owners
