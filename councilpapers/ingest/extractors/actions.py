"""Actions: a named person, post or group who undertook, agreed or was asked
to do a future task, as minutes write it, and the rows of an action plan.

Prose forms, each with the owner written just before the verb (`action_forms`):

    Mr Segurola undertook to look into the data available …
    the Cabinet Member agreed to …, officers were asked to …, the Panel asked Mr X to …
    Mr Gough stated his intention, if …, to submit a request …
    Action – Nancy Sayer and Geoff Gurney to look into this      (notes: "X to do")
    ACTION – Clerk to write to the landowner; Action: the Clerk to …
    The Clerk to print and distribute …; …, the Clerk to register; …: Clerk to arrange payment
    Clerc i wneud ymholiadau                                     (Welsh: "Clerk to …")
    Action – Tom Stevenson will pick these up, Philip Segurola will be issuing …
    Nancy Sayer is going to match CAMHS data …
    The Chairman said that she would attend …                   (a statement of intent)
    Cllr. O. Williams would now finalise …; the Monitoring Officer would write to …
    RESOLVED that … the Corporate Director be asked to report back in March
    £86 to be paid into Bank; A Data Protection Policy is to be written   (no owner)

The description is the printed wording from after "to" / "will" / "would" to
the end of its clause: a full stop, a semicolon or the end of the paragraph.

Whose action: "she undertook" names the nearest person before it in the same
item who is the subject of a verb ("Mrs Skinner introduced the report … In
response to questions, she undertook …"), of the pronoun's gender where a title
shows it. "Mr Gough explained that …, and undertook to" — no subject before the
verb — names the subject of that sentence. A post ("the Chair", "Clerk") is
kept as printed and resolved to the person the attendance says held it
(`action_owners`).

Statements of intent count when they are a person's own about a task: "X said
that she would attend", "X is going to", "X will …" — the last two only for a
person on the meeting's attendance list or after an "Action –" label, since in
reports and transcripts "Mr Cherry will manage the fiscal activities" describes
a job; "X would …" only for an attendee, a titled name or a post, and not about
what a body decides. Opinions ("he said he would estimate that …") are not
tasks. Nor is a resolution ("RESOLVED that …") or a committee's agreement ("The
Panel agreed that …"), except a request it makes of someone ("be asked to
report back") and notes' "X to do" inside it. Nor is what someone did ("the
Clerk had written", "the Clerk advised that she had taken …"): past tenses
never match a form.

Owner columns (`action_marks`): what the minutes print at the right margin
beside a paragraph, or after its last full stop, or on an "ACTION: Clerk" line
under it, gives the paragraph's action its owner ("Clerk", "Cllr. O.
Williams/Clerk", "JN/AC") and due date ("Feb 2020"), or the task itself ("JN
to send Pdfs of each plan"); a paragraph it marks that writes no action in a
form above is the action's description. A status there ("Noted", "Signed by the
Chair") makes no action. Groups' notes that print initials in an "Actions"
column ("GG", "NS/GG") on a line of their own, or at the end of a line whose
sentence runs on, only confirm the action written in the same row
(`Action.marked`); they never make a second action.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ...corpus.records import Action
from ...text.dates import whole_date
from ...text.names import TITLED_NAME
from ...text.vocabulary import terms
from ..model import Line
from .action_dues import due_of_words, find_due
from .action_forms import Found, find_prose
from .action_marks import (
    ACTION_LINE, SIGNATURE, ColumnCell, Mark, column_cells, is_plain_name, read_mark, trailing_mark, uncapitalised,
)
from .action_owners import People, is_post, post_words, split_owners
from .action_plans import find_action_plan_rows
from .action_text import LABEL, MOVED_BEFORE, ItemText, after_label, clause, ends_short, tidy_owner

__all__ = ["find_actions", "find_action_plan_rows", "column_cells"]


def find_actions(
    lines: list[Line], start: int, end: int, attendees: Iterable = (), context: date | None = None,
    column: dict[int, ColumnCell] | None = None,
) -> list[Action]:
    """The actions written in one minutes item, lines `start` to `end`. `attendees`
    are the meeting's people as its attendance lists them (names, or attendance
    records with their roles): they let untitled names be recognised, initials
    resolved and posts resolved to who held them. `context` (the meeting's
    date) gives a due date written without its year ("by 23rd November") the
    first such day from it on. `column` is the file's owner-column cells
    (`column_cells`), read from the lines when not given. A caller reading a
    meeting's items one by one may pass its `People` once made."""
    people = attendees if isinstance(attendees, People) else People(attendees)
    cells = column_cells(lines, 0, end) if column is None else column
    marks, body = _read_marks(lines, start, end, cells, people)
    paragraphs = _paragraphs(lines, start, end, body, marks)
    item = ItemText(lines, start, end, people, body, breaks={p[1] for p in paragraphs})
    prose = _outside_lists(find_prose(item, people, context), paragraphs)
    actions = _with_marks(prose, marks, [(p[0], p[1]) for p in paragraphs], item, people, context)
    _attach_initials(actions, item.marks, people)
    return actions


# --- marks -------------------------------------------------------------------------


def _read_marks(lines: list[Line], start: int, end: int, cells: dict[int, ColumnCell], people: People):
    """The item's marks, and the text of each line that loses one."""
    marks: list[Mark] = []
    body: dict[int, str] = {}
    for i in range(start, end):
        cell = cells.get(i)
        if cell is not None and _signature(lines, start, i, cell.body):
            continue  # "Signed ……………   Chairman": who signs, not who acts
        if cell is not None:
            mark = read_mark(cell.text, i, cell.alone, cell.headed)
            if mark is None and cell.headed and people.attends(cell.text.strip()):
                mark = Mark(i, cell.text.strip(), "owner", owner=cell.text.strip(), alone=cell.alone, headed=True)
            if mark and (not _credible(mark, people) or MOVED_BEFORE.search(cell.body.rstrip())):
                mark = None  # "Proposed    Cllr A": who moved the motion, not who acts
            if mark or cell.headed:
                body[i] = cell.body
                body.update({j: "" for j in cell.lines[1:]})
                marks += [mark] if mark else []
            continue
        if i in body:
            continue  # a column cell's next line
        text = lines[i].text
        line_mark = ACTION_LINE.match(uncapitalised(text))
        if line_mark:
            mark = Mark(i, text.strip(), "owner", owner=text[line_mark.start("owner") : line_mark.end("owner")],
                        alone=True)
            if _credible(mark, people):
                marks.append(mark)
                body[i] = ""
            continue
        trailing = trailing_mark(text) if _ends_paragraph(lines, i, end) else None
        mark = read_mark(trailing[1], i) if trailing else None
        if mark and _credible(mark, people):
            marks.append(mark)
            body[i] = trailing[0]
    return marks, body


def _signature(lines: list[Line], start: int, i: int, body: str) -> bool:
    """A line to sign the minutes on, or a post alone under one."""
    if SIGNATURE.search(body):
        return True
    above = next((lines[j].text for j in range(i - 1, start - 1, -1) if lines[j].text.strip()), "")
    return not body.strip() and bool(SIGNATURE.search(above))


def _credible(mark: Mark, people: People) -> bool:
    """An owner under a column's header, a post, a group or a titled name; untitled
    names and initials only when they are the meeting's attendees (initials
    two attendees share too, kept as printed)."""
    if mark.kind != "owner" or mark.headed:
        return True
    return not is_plain_name(mark.owner) or people.initialled(mark.owner)


def _ends_paragraph(lines: list[Line], i: int, end: int) -> bool:
    """The last line of its paragraph: the item's last, or before a blank line,
    a sub-item's label or an "ACTION:" line."""
    following = i + 1
    if following >= end:
        return True
    text = lines[following].text
    if lines[following].number > lines[i].number + 1 or not text.strip():
        return True
    return bool(LABEL.match(text) or ACTION_LINE.match(uncapitalised(text)))


def _paragraphs(lines: list[Line], start: int, end: int, body: dict[int, str], marks: list[Mark]):
    """(first, last, first line of its list) of each paragraph: a mark beside a
    line ends its paragraph (or starts it, where the item's marks stand beside
    their paragraphs' first lines: `_marks_on_top`); a blank line, a mark below
    one, a short last line (`ends_short`) or a sub-item's label starts the next
    — except the items of a list its paragraph introduces with a colon
    ("Working Group to be set up to coordinate:" / "i. Website"), which stay in it."""
    beside = {m.index for m in marks if not m.alone}
    below = {m.index for m in marks if m.alone}
    on_top = bool(beside) and _marks_on_top(lines, start, end, body, beside)
    paragraphs: list[tuple[int, int, int | None]] = []
    first = last = previous = listing = None
    for i in range(start, end):
        text = body.get(i, lines[i].text).strip()
        gap = previous is not None and lines[i].number > previous + 1
        previous = lines[i].number
        label = LABEL.match(text) if text else None
        if first is not None and listing is None and label and body.get(last, lines[last].text).rstrip().endswith(":"):
            listing = i
        opens = label and (listing is None
                           or _label_kind(label.group(0)) == _label_kind(body.get(first, lines[first].text)))
        if first is not None and (gap or (not text and (i not in body or i in below)) or opens
                                  or (text and ends_short(lines[last], text, body.get(last)))
                                  or (on_top and i in beside)):
            paragraphs.append((first, last, listing))
            first = listing = None
        if not text:
            continue
        first = i if first is None else first
        last = i
        if i in beside and not on_top:
            paragraphs.append((first, last, listing))
            first = listing = None
    if first is not None:
        paragraphs.append((first, last, listing))
    return paragraphs


def _marks_on_top(lines: list[Line], start: int, end: int, body: dict[int, str], beside: set[int]) -> bool:
    """Whether the item's owner column stands beside its paragraphs' first
    lines (a table's row, its cells top-aligned) rather than their last: more
    marks on the first line of a paragraph of several lines, told apart
    without the marks, than on the last."""
    top = bottom = 0
    for first, last, _ in _paragraphs(lines, start, end, body, []):
        marked = [i for i in beside if first <= i <= last]
        if first != last and len(marked) == 1:
            top += marked[0] == first
            bottom += marked[0] == last
    return top > bottom


def _label_kind(text: str) -> str:
    """Bullet, roman, letter, number or heading: which list a label belongs to."""
    label = LABEL.match(text.strip())
    mark = label.group(0).strip() if label else ""
    if not mark:
        return ""
    if mark[0] in "•●▪·◦‣∙":
        return "bullet"
    if mark.endswith(":"):
        return "heading"
    core = mark.strip("().").rstrip(")")
    if re.fullmatch(r"[ivxlc]+", core):
        return "roman"
    return "letter" if re.fullmatch(r"[a-z]", core) else "number"


def _outside_lists(prose: list[Found], paragraphs) -> list[Found]:
    """A list's items are the task of the paragraph that introduces them ("Each
    WG to present plan … including:" / "iv. Key issues to be addressed"): an
    ownerless task inside the list of a paragraph with an action is none of its own."""
    dropped = set()
    for first, last, listing in paragraphs:
        if listing is None:
            continue
        if any(first <= f.action.index < listing for f in prose):
            dropped |= {id(f) for f in prose if f.how == "passive" and listing <= f.action.index <= last}
    return [f for f in prose if id(f) not in dropped]


def _paragraph_of(mark: Mark, paragraphs: list[tuple[int, int]]) -> tuple[int, int] | None:
    if mark.alone:
        above = [p for p in paragraphs if p[1] < mark.index]
        return above[-1] if above else None
    return next((p for p in paragraphs if p[0] <= mark.index <= p[1]), None)


def _with_marks(prose: list[Found], marks: list[Mark], paragraphs, item: ItemText, people: People,
                context: date | None) -> list[Action]:
    """The prose actions, each mark given to the action of its paragraph, or
    made an action of its own."""
    absorbed: set[int] = set()
    made: list[tuple[int, int, Action]] = []
    for mark in marks:
        paragraph = _paragraph_of(mark, paragraphs)
        if mark.kind == "status" or paragraph is None or _moved_by(item, paragraph, mark, people):
            continue
        inside = [f for f in prose if paragraph[0] <= f.action.index <= paragraph[1] and id(f) not in absorbed]
        if mark.task:
            absorbed |= {id(f) for f in inside if _shares(f.action.owners, people.resolve(mark.owner))}
            made.append((mark.index, 0, _mark_action(mark, mark.task, mark.index, people, context)))
            continue
        target = _target(inside, mark, people)
        if target is None:
            begin, description = _paragraph_text(item, paragraph, mark)
            if description and not _heading(item.lines, paragraph, description):
                made.append((item.line_at(begin), begin, _mark_action(mark, description, item.line_at(begin),
                                                                     people, context)))
            continue
        _give(target, mark, people, context)
        absorbed |= {id(f) for f in inside if f is not target and f.how == "passive"}
    kept = [(f.action.index, f.offset, f.action) for f in prose if id(f) not in absorbed]
    return [action for _, _, action in sorted(kept + made, key=lambda k: (k[0], k[1]))]


def _moved_by(item: ItemText, paragraph: tuple[int, int], mark: Mark, people: People) -> bool:
    """Whether an owner mark names only who moved or seconded the motion of
    the sentence it stands beside ("Proposed by Cllr A, seconded by Cllr B and RESOLVED …   Cllr A"):
    a mover is never a decision's owner, unless the paragraph names them
    otherwise too ("… approved that Cllr A set up these accounts")."""
    if mark.kind != "owner" or mark.task:
        return False
    # The sentences of the line the mark stands beside (or of the paragraph's last line, below it).
    line = mark.index if not mark.alone else paragraph[1]
    line = min(max(line, paragraph[0]), paragraph[1])
    begin = item.offset_of.get(line)
    if begin is None:
        return False
    following = [o for o, i in item.starts if i > line]
    stop = following[0] if following else len(item.text)
    begin = item.sentence_start(begin)
    named = [m for m in item.mentions if begin <= m.start < stop and m.kind in ("name", "post")]
    movers = [tidy_owner(m.text) for m in named if item.moves(m)]
    others = [tidy_owner(m.text) for m in named if not item.moves(m)]

    def among(owner: str, written: list[str]) -> bool:
        return _shares([owner], [people.one(w) for w in written] + written)

    owners = people.resolve(mark.owner)
    return bool(movers) and all(among(o, movers) and not among(o, others) for o in owners)


def _target(inside: list[Found], mark: Mark, people: People) -> Found | None:
    """The prose action a mark is about: the last whose owners it names, else
    the last with no owner, else the last."""
    if not inside:
        return None
    if mark.kind == "owner":
        named = [f for f in inside if _shares(f.action.owners, people.resolve(mark.owner))]
        if named:
            return named[-1]
    ownerless = [f for f in inside if not f.action.owner]
    return (ownerless or inside)[-1]


def _give(found: Found, mark: Mark, people: People, context: date | None) -> None:
    """The mark's owner and due date to the action it is about; after an
    "Action –" label the written owner stays and the mark confirms it."""
    action = found.action
    if mark.kind == "owner":
        if found.how == "label":
            action.marked = mark.text
        else:
            action.owner, action.owners = mark.owner, people.resolve(mark.owner)
    if mark.due_text:
        action.due_text, action.due = mark.due_text, due_of_words(mark.due_text, context)
    action.status = mark.status or action.status


def _mark_action(mark: Mark, description: str, index: int, people: People, context: date | None) -> Action:
    # A paragraph tells what was done before what is to be: its due date is in its last sentence.
    due, due_text = find_due(re.split(r"(?<=[.;])\s+(?=[A-Z])", description)[-1], context)
    if mark.due_text:
        due, due_text = due_of_words(mark.due_text, context), mark.due_text
    owner = mark.owner if mark.kind == "owner" else ""
    return Action(index=index, owner=owner, owners=people.resolve(owner) if owner else [],
                  description=description, due=due, due_text=due_text, status=mark.status or None)


def _paragraph_text(item: ItemText, paragraph: tuple[int, int], mark: Mark) -> tuple[int, str]:
    """Where a marked paragraph's action starts and its wording: the clause
    after its owner where a decision names them ("… approved that Cllr. O.
    Williams set up these accounts …"), else the paragraph, less its label."""
    begin = item.offset_of.get(paragraph[0])
    if begin is None:
        return 0, ""
    following = [o for o, i in item.starts if i > paragraph[1]]
    stop = following[0] if following else len(item.text)
    for piece in split_owners(mark.owner) if mark.kind == "owner" else []:
        found = re.compile(rf"\b(?:that|and)\s+(?:the\s+)?{re.escape(piece)}{JOINED}\s+{MODAL}(?=[a-z])").search(
            item.text, begin, stop)
        if found:
            return found.end(), clause(item.text[:stop], found.end())
    begin = after_label(item.text, begin)
    return begin, re.sub(r"\s+", " ", item.text[begin:stop]).strip().rstrip(".;:").strip()


def _heading(lines: list[Line], paragraph: tuple[int, int], description: str) -> bool:
    """A marked paragraph that is no task: a heading (bold, centred or in
    capitals), the name of a body ("Westshire Police and Crime Panel") or a
    date, as a title block or a page's running head prints them beside a
    cell that reads like an owner."""
    printed = [lines[i] for i in range(paragraph[0], paragraph[1] + 1) if lines[i].text.strip()]
    if printed and all(line.bold or line.is_centred() for line in printed):
        return True
    words = re.findall(r"[^\W\d_][\w’'\-]*", description)
    if not words or description.upper() == description or whole_date(description):
        return True
    named = all(w[0].isupper() or w.casefold() in CONNECTIVES for w in words)
    field = description.rstrip(": ")
    if named and (is_post(field) or TITLED_NAME.fullmatch(field)):
        return True  # a field of a title block: "Chair:   Councillor A Brown"
    return named and (words[-1].casefold() in BODY_WORDS or words[0].casefold() in BODY_WORDS)


CONNECTIVES = {"and", "of", "the", "for", "on", "in", "y", "yr", "a", "ac", "i", "o", "ar", "&"}
BODY_WORDS = frozenset(w.casefold() for w in terms("body_words"))

# Others named with the owner, and a modal, before the task: "that JN and AC would investigate".
JOINED = r"(?:\s*(?:,|and|&)\s*(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2})*"
MODAL = r"(?:(?:would|will|should|shall|could|to|now|then|also)\s+)*"


def _shares(owners: list[str], others: list[str]) -> bool:
    """Whether two actions' owners name a person or post in common."""
    return bool({_owner_key(o) for o in owners} & {_owner_key(o) for o in others})


def _owner_key(owner: str) -> str:
    if is_post(owner):
        return " ".join(post_words(owner))
    return re.sub(r"[\s.]+", " ", owner).strip().casefold()


def _attach_initials(actions: list[Action], marks: list[tuple[int, str]], people: People) -> None:
    """Initials in an Actions column go with the nearest action written before
    them whose owners they name; they never make an action of their own."""
    for line_index, token in marks:
        names = set(people.initials(token) or [])
        candidates = [a for a in actions if a.index <= line_index and a.marked is None]
        exact = [a for a in candidates if set(a.owners) == names]
        overlapping = [a for a in candidates if set(a.owners) & names]
        for action in (exact or overlapping)[-1:]:
            action.marked = token
