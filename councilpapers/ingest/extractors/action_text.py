"""One minutes item's text as the action finder reads it: its lines joined,
its paragraphs, the people it mentions, its sentences, and who is written
before a verb."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ...text.names import TITLE, TITLED_NAME, gender, is_role_phrase
from ...text.vocabulary import pattern
from ..model import Line
from ..textflow import TextFlow
from .action_owners import ACTION_WORD, BARE_POST, GROUPS, INITIALS, POST_WORD, POSTS, People

NAME_WORD = r"[A-Z][\w'’\-]+"
# "the Democratic Services Officer", "the Cabinet Member for Specialist Children’s Services",
# "the Police and Crime Commissioner", "the Chief Executive of the Fire Authority"
POST = (
    rf"\b[Tt]he\s+(?:[A-Z][\w'’\-]*\s+(?:(?:and|&)\s+(?=[A-Z]))?){{0,4}}{POST_WORD}\b"
    rf"(?:\s+(?:for|of)\s+(?:the\s+)?(?:{NAME_WORD}|and|&)(?:\s+(?:{NAME_WORD}|and|&)){{0,5}})?"
)
# A Welsh post with its article: "Y Clerc i ymateb", "y Cadeirydd", "Clerc y Dref" (in POSTS).
WELSH_POST = rf"\b(?:Y|y|Yr|yr)\s+{BARE_POST.pattern}"
# Minutes that write the post in lower case: "the clerk agreed to redistribute the bark".
LOWER_POST = r"\b[Tt]he\s+(?:clerk|chair(?:man|person|woman)?|vice[- ]chair(?:man)?|mayor|treasurer|secretary)\b"
OFFICERS = r"\b(?:[Tt]he\s+)?(?:[Rr]elevant\s+|[Aa]ppropriate\s+)?[Oo]fficers?\b"
# Members as a body: "Councillors were asked to contribute photographs".
GROUP = rf"\b(?:All\s+)?(?:Councillors|Members|Cllrs)\b|(?<![\w’'])(?:{GROUPS})(?![\w’'])"
PRONOUN = r"\b(?:[Hh]e|[Ss]he)\b"
# Untitled names ("Paul Brightwell") only where the form leaves no doubt: after "Action –".
PLAIN_NAME = rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}"
# A post after "Action –": "Head of Planning", "the Democratic Services Officer".
LABEL_POST = (
    rf"(?:the\s+)?(?:[A-Z][\w'’\-]*\s+(?:(?:of|for|and|&)\s+)?){{0,4}}{POST_WORD}"
    rf"(?:\s+(?:of|for)\s+{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})?"
)
LABEL_OWNER = rf"{LABEL_POST}|{PLAIN_NAME}(?:\s+and\s+{PLAIN_NAME})*|{INITIALS}|(?:the\s+)?(?:{POSTS})"
ACTION_OWNER = re.compile(rf"(?:^|\s){ACTION_WORD}\s*[–—:-]\s*(?P<owner>{LABEL_OWNER})$")
ACTION_LABEL = re.compile(rf"{ACTION_WORD}\s*[–—:-]\s*$")

ADVERB = r"(?:also|then|further|subsequently|kindly|both|therefore|now|earlier|already)"
# Between the owner and the verb: "had kindly offered to", "has also agreed to".
AUXILIARY = rf"(?:{ADVERB}|had|has|have)"
# What makes a person the subject of a verb: "Mrs Skinner introduced", "He added", "Mr Gough explained".
SPEAKS = re.compile(
    rf"\s+(?:{ADVERB}\s+)?(?:\w+ed|said|gave|spoke|told|took|made|led|undertook|responded|replied)\b"
)
# A preposition or mover just before a mention: "In answer to", "from", "Proposed by", "Proposer:".
MOVER = pattern("action_movers")
GOVERNED_BEFORE = re.compile(
    rf"(?:\b(?:to|from|by|of|with|for|on\s+behalf\s+of|gan|i|gyda|thanked|thanks)|(?i:\b{MOVER})\s*[:–—-]?)\s*$"
)
MOVED_BEFORE = re.compile(rf"(?i:\b{MOVER})\s*[:–—-]?\s*$")
MOVED_AFTER = re.compile(r"\s*,?\s+(?:proposed|seconded|moved)\b(?!\s+by\b)")
RESOLUTION = re.compile(r"^\W*(?:\(?\d{1,3}[.)]\s*)?(?:It\s+was\s+)?(?:RESOLVED|Resolved|AGREED|DECIDED)\b")
# A numbered paragraph run on after the last one's full stop: "… Panel. 2. The Chair agreed …".
NUMBERED_PARAGRAPH = re.compile(r"(?<=[.:;]) (?:\(?\d{1,2}[.)]|\(?[a-z][.)])\s+(?=[A-Z])")
PARAGRAPH_OPENS = re.compile(
    r"(?:^|\n)\s*(?:\(\d{1,2}\)|\d{1,2}[.)]|\(?[a-z]\)|\(?[ivx]{1,5}[.)]|[•●▪·◦‣∙–-])?\s*$"
)
DASH_BEFORE = re.compile(r"\s[–—-]\s*$")
SENTENCE_BEFORE = re.compile(r"[.!?]\s*$")
# The end of a clause before an owner, in parish notes: "…, costing £35, the Clerk
# to register", "…; Clerk to arrange payment", "… minutes: Clerk to arrange payment".
CLAUSE_BEFORE = re.compile(r"(?:[,;:(]|\band|\bthat|\ba[’']r|\bac)\s*$")
# A line broken before the end of its clause: the clause runs on past a blank line.
WRAPS_ON = re.compile(
    r"(?:,|\b(?:of|on|and|or|the|to|for|in|at|with|from|by|a|an|can|will|would|could|should|may|is|are|be|&)"
    r"|[-–])\s*$",
    re.IGNORECASE,
)
ABBREVIATION = re.compile(rf"(?:\b(?!Sir$){TITLE}|\b[A-Z]|\bNo|\bpara|\be\.g|\bi\.e|\betc|\bp|\bpp|\bDept)$")
BOUNDARY = re.compile(r"[.;!?](?=[\s”’\"']|$)|\n|:-")
CLOSING_QUOTES = "”’\"'"
# A sub-item's label at the start of a line: "ii)", "4.4.12iv)", "(b)", "•", "War Memorial:".
LABEL = re.compile(
    r"^\s*(?:[•●▪·◦‣∙]|\(?(?:\d{1,2}(?:\.\s?\d{1,2})*\.?\s?)?(?:[ivxlc]{1,6}|[a-z]|\d{1,2}[a-z]?)\)"
    r"|[ivx]{1,5}\.(?=\s)|\(\d{1,2}\)|\d{1,2}(?:\.\d{1,2})*\.(?=\s+[A-Z])|\d{1,3}(?:[./]\d{1,4}){1,3}\.?(?=\s+[A-Z])"
    r"|[A-Z][\w’'&/ -]{1,40}:(?=\s))"
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str  # name / post / officers / group / pronoun
    speaks: bool = False  # the subject of a verb: "Mrs Skinner introduced"


class ItemText:
    """One item's text with its mentions of people and its sentences, indexed.
    `body` gives a line's text where it differs from the line's own: without
    its owner-column cell, or "" for a line that is all column."""

    def __init__(self, lines: list[Line], start: int, end: int, people: People, body: dict[int, str],
                 breaks: set[int] = frozenset()):
        self.people = people
        self.lines = lines
        self.flow, self.marks = _item_text(lines, start, end, people, body, breaks)
        self.text = self.flow.text
        self.starts = list(zip(self.flow.starts, self.flow.lines))  # (offset, line index) of each line
        self.mentions = _mentions(self.text, people)
        self.by_end = {m.end: m for m in self.mentions}
        self.by_start = {m.start: m for m in self.mentions}
        self.mention_starts = [m.start for m in self.mentions]
        self.sentence_starts = [0]
        for match in BOUNDARY.finditer(self.text):
            if match.group(0) == "." and ABBREVIATION.search(self.text[max(0, match.start() - 12) : match.start()]):
                continue
            self.sentence_starts.append(match.end())
        self.offset_of = {i: begin for begin, i in self.starts}

    def line_at(self, offset: int) -> int:
        return self.flow.line_at(offset)

    def sentence_start(self, at: int) -> int:
        return self.sentence_starts[bisect.bisect_right(self.sentence_starts, at) - 1]

    def before(self, at: int) -> list[Mention]:
        """The mentions that end by `at`, in order."""
        k = bisect.bisect_left(self.mention_starts, at)
        return [m for m in self.mentions[:k] if m.end <= at]

    def in_resolution(self, at: int) -> bool:
        begin = self.sentence_start(at)
        # A resolution's sentence may start at the paragraph mark before the formula,
        # up to the next numbered paragraph.
        paragraph = self.text.rfind("\n", 0, at) + 1
        numbered = [m.end() for m in NUMBERED_PARAGRAPH.finditer(self.text, paragraph, at)]
        paragraph = max([paragraph, *numbered])
        if RESOLUTION.match(self.text[begin:at]) or RESOLUTION.match(self.text[paragraph:at]):
            return True
        # "RESOLVED that:" and the list it introduces.
        for _ in range(6):
            if paragraph < 2 or self.text[paragraph - 2] != ":":
                return False
            paragraph = self.text.rfind("\n", 0, paragraph - 1) + 1
            if RESOLUTION.match(self.text[paragraph:at]):
                return True
        return False

    def owner_before(self, at: int, elide: bool = True) -> tuple[str, str] | None:
        """Who is written just before the verb at `at`: a name, a post, joint
        owners, a pronoun (resolved), an "Action –" label's name, or nobody
        ("…, and undertook to": then the subject of the sentence). Returns (how
        it was found, the owner as written). Without `elide` ("will", "is going
        to") a pronoun will not do: "she says she will do" in a young person's
        words is nobody's action. Members as a body ("Councillors") are
        returned as ("group", …) for the caller to accept or not."""
        text = self.text
        gap = re.search(rf"(?:\s+{AUXILIARY})*\s*$", text[max(0, at - 40) : at])
        end = at - len(gap.group(0)) if gap else at
        who = re.search(r",\s*who\s*$", text[max(0, end - 12) : end])
        # "… thanked the Treasurer, who agreed to prepare the budget"
        joint = self.joint_ending_at(end - len(who.group(0))) if who else self.joint_ending_at(end)
        if joint:
            first, last = joint[0], joint[-1]
            if len(joint) == 1 and first.kind == "pronoun":
                if not elide:
                    return None
                resolved = self.resolve_pronoun(first)
                return ("pronoun", tidy_owner(resolved.text)) if resolved else ("pronoun", first.text)
            if len(joint) == 1 and first.kind == "group":
                return "group", first.text
            return "mention", tidy_owner(text[first.start : last.end])
        label = ACTION_OWNER.search(text[max(0, end - 120) : end])
        if label and _label_owner(label["owner"]):
            return "label", label["owner"]
        if elide and re.search(r"(?:,|\band)\s*$", text[max(0, end - 5) : end]):
            subject = self.sentence_subject(at)
            if subject:
                return "subject", tidy_owner(subject.text)
        return None

    def moves(self, mention: Mention) -> bool:
        """Whether the mention is who moved or seconded a motion: "Proposed by
        Cllr A", "Seconder: Cllr B", "Cllr C proposed", "Cllr D seconded"."""
        before = self.text[max(0, mention.start - 40) : mention.start]
        return bool(MOVED_BEFORE.search(before) or MOVED_AFTER.match(self.text, mention.end))

    def joint_ending_at(self, end: int) -> list[Mention]:
        """The mention ending at `end`, with those joined to it by "and", "," or "&"."""
        last = self.by_end.get(end)
        if not last:
            return []
        joint = [last]
        while joint[0].kind not in ("pronoun", "group"):
            earlier = [m for m in self.before(joint[0].start) if m.kind not in ("pronoun", "group")][-1:]
            between = self.text[earlier[0].end : joint[0].start] if earlier else ""
            if not earlier or not re.fullmatch(r"\s*(?:,|and|&|,\s*and|a[’']r|ac)\s*", between):
                break
            if between.strip() == "," and self.governed(self.joint_ending_at(earlier[0].end)[0]):
                break  # "In answer to Councillor A, the Chief Fire Officer agreed": one owner
            joint.insert(0, earlier[0])
        return joint

    def governed(self, mention: Mention) -> bool:
        """Whether a mention is the object of a preposition or of a mover ("In
        answer to Councillor A", "a question from Mr B", "Proposed by Cllr C",
        "seconded by", "Cynigiwyd gan y Cyng. D"): never the subject of a verb
        after it, nor the owner of a task."""
        before = self.text[max(0, mention.start - 40) : mention.start]
        return bool(GOVERNED_BEFORE.search(before))

    def sentence_subject(self, at: int) -> Mention | None:
        """The subject of the sentence holding `at`: the nearest person before it in
        the sentence who is the subject of a verb, else the first person in it."""
        begin = self.sentence_start(at)
        # Not whom it answers or who moved it: "Proposed by Cllr A, seconded by Cllr B and agreed to …"
        inside = [m for m in self.before(at) if m.start >= begin and m.kind != "group" and not self.governed(m)]
        speakers = [m for m in inside if m.speaks]
        subject = speakers[-1] if speakers else (inside[0] if inside else None)
        if subject and subject.kind == "pronoun":
            return self.resolve_pronoun(subject)
        return subject

    def resolve_pronoun(self, pronoun: Mention) -> Mention | None:
        """The nearest person before the pronoun in the item who is the subject of a
        verb and whose title does not say the other gender; else the nearest person."""
        earlier = [
            m for m in self.before(pronoun.start) if m.kind in ("name", "post") and agrees(m.text, pronoun.text)
        ]
        speakers = [m for m in earlier if m.speaks]
        if speakers:
            return speakers[-1]
        # "In answer to Councillor A, he agreed": he is not the one answered.
        earlier = [m for m in earlier if not self.governed(m)]
        return earlier[-1] if earlier else None

    def notes_owner(self, at: int) -> tuple[str, str] | None:
        """'X to do Y' as notes write it: the owner opens a paragraph or a sentence,
        ends a clause ("…, the Clerk to register"), follows a dash ("… Health
        Commissioners – Sue Mullin to update …") or an "Action –" label (where
        any name, or initials, will do)."""
        text = self.text
        joint = self.joint_ending_at(at)
        if joint and (all(m.kind in ("name", "post") for m in joint) or (len(joint) == 1 and joint[0].kind == "group")):
            lead_in = text[max(0, joint[0].start - 40) : joint[0].start]
            opens = (ACTION_LABEL, DASH_BEFORE, PARAGRAPH_OPENS, SENTENCE_BEFORE, CLAUSE_BEFORE)
            moved = MOVED_BEFORE.search(lead_in)  # "Proposed: Cllr A to approve the payments"
            if not moved and (joint[0].start == 0 or any(p.search(lead_in) for p in opens)):
                return "mention", tidy_owner(text[joint[0].start : at])
        label = ACTION_OWNER.search(text[max(0, at - 120) : at])
        if label and _label_owner(label["owner"]):
            return "label", label["owner"]
        return None


def _label_owner(owner: str) -> bool:
    """After "Action –", any name or initials, or a post ("Clerk", "Head of
    Planning"); not a service ("Action – Democratic Services")."""
    return not is_role_phrase(owner) or bool(re.fullmatch(rf"(?:the\s+)?(?:{POSTS})|{LABEL_POST}", owner))


def _item_text(lines: list[Line], start: int, end: int, people: People, body: dict[int, str], breaks: set[int]):
    """The item's lines as one string: lines joined with spaces, a paragraph
    break ("\\n") for blank lines, before a sub-item's label, after a line
    ending with a colon or an owner-column mark (`breaks`), and after a short
    line before a capital (`ends_short`). Initials of an Actions column ("GG",
    "NS/GG", alone on a line or at the end of one) are taken out and returned
    apart with the line they stand on."""
    flow, marks = TextFlow(), []
    blank, previous, last = False, None, None
    for i in range(start, end):
        raw = body.get(i, lines[i].text)
        line = raw.strip()
        # A blank line ends a paragraph; so does a gap in the numbering, where
        # a reader has dropped the blank lines.
        if previous is not None and lines[i].number > previous + 1:
            blank = bool(len(flow))
        previous = lines[i].number
        if not line:
            if i not in body:
                blank = bool(len(flow))
            continue
        if re.fullmatch(INITIALS, line) and people.initials(line):
            marks.append((i, line))
            blank = bool(len(flow))
            continue
        trailing = re.search(rf"\s({INITIALS})$", line)
        if trailing and re.search(r"[a-z]", line[: trailing.start()]) and people.initials(trailing[1]) \
                and not re.search(r"[.;!?]$", line[: trailing.start()]):
            marks.append((i, trailing[1]))
            line = line[: trailing.start()].rstrip()
        separator = " "
        if len(flow):
            ended = last is not None and (last in breaks or flow.tail(1) == ":" or ends_short(lines[last], line))
            separator = "\n" if blank or ended or LABEL.match(line) else " "
        flow.add(i, line, separator)
        blank, last = False, i
    return flow, marks


SHORT_LINE = 0.25  # a paragraph's last line stops this share of the body short of its right edge


def ends_short(line: Line, following: str, body: str | None = None) -> bool:
    """A paragraph's last line, by the layout: it stops well short of the right
    margin and the next line starts with a capital. `body` is the line's text
    without its owner-column cell, whose edge does not count. False without
    positions."""
    if not line.has_position or not following[:1].isupper():
        return False
    body = line.text if body is None else body
    right = line.x1
    if body != line.text and line.cells:
        kept = [c.x1 for c in line.cells if c.text and c.x1 is not None and c.text.strip() in body]
        right = max(kept) if kept else right
    width = line.frame.body_right - line.frame.body_left
    return width > 0 and line.frame.body_right - right > SHORT_LINE * width and not WRAPS_ON.search(body)


# "Sir" is never shortened: "… gan y Cyngor Sir. Y Clerc i ymateb" ends a sentence at its full stop.
NOT_SIR = r"(?!Sir\.)"


def _mentions(text: str, people: People) -> list[Mention]:
    alternatives = [(kind, pattern) for kind, pattern in (
        ("name", people.names_pattern()), ("name", NOT_SIR + TITLED_NAME.pattern), ("post", POST),
        ("name", people.initials_pattern()), ("post", WELSH_POST), ("post", BARE_POST.pattern), ("post", LOWER_POST),
        ("officers", OFFICERS), ("group", GROUP), ("pronoun", PRONOUN),
    ) if pattern]
    combined = re.compile("|".join(f"(?P<{kind}{n}>{pattern})" for n, (kind, pattern) in enumerate(alternatives)))
    found = []
    for match in combined.finditer(text):
        kind = re.sub(r"\d+$", "", match.lastgroup or "")
        found.append(Mention(match.start(), match.end(), match.group(0), kind, bool(SPEAKS.match(text, match.end()))))
    return found


def agrees(name: str, pronoun: str) -> bool:
    """Whether "he" or "she" can stand for a name: its title tells no other gender."""
    told = gender(name)
    return told != ("f" if pronoun.lower() == "he" else "m")


def tidy_owner(written: str) -> str:
    """As written, on one line; "The Chairman" at a sentence's start is "the Chairman"."""
    written = re.sub(r"\s+", " ", written).strip()
    return re.sub(r"^The\b", "the", written)


def clause(text: str, begin: int) -> str:
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
    found = re.sub(r"\s+", " ", text[begin:i])
    # A notes row goes on with the next action: "… improved. Action – …"
    found = re.split(rf"\s+{ACTION_WORD}\s*[–—:-]\s", found)[0]
    found = found.strip().rstrip(",:– -").removesuffix(" and").strip()
    if found.endswith(")") and found.count(")") > found.count("("):
        found = found[:-1].rstrip()  # "(an increase of £21.60, to be queried next year)"
    return re.sub(r"(?<=[a-z]{2})\.$", "", found)  # "… at y Cyngor Sir." taken for "Sir" the title


def after_label(text: str, start: int) -> int:
    """Past a sub-item's label at the start of a description: "13i) The Review …"
    (a heading label, "War Memorial:", is kept)."""
    label = LABEL.match(text[start:])
    if label and not label.group(0).rstrip().endswith(":"):
        start += label.end()
        while start < len(text) and text[start] == " ":
            start += 1
    return start
