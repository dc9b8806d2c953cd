"""Actions across meetings: the date "at the next meeting" names, and how each
action stood at the meetings of its body after it. Facts derived from every
file of a body, so, like people and the glossary, they are kept in the store
(tables `action_facts` and `action_history`) and made again after the records
change: `workflow.run_ingest` makes them at the end of each ingest, whichever
order the files came in.

Due dates: an action due "at the next meeting" (`text.dates.names_next_meeting`)
is due on the date of the first meeting of the same body after its own that
the store holds and that was not cancelled or postponed, unless a year or more
lies between (then the meetings between are missing). Its words stay as
printed (`Action.due_text`); a month ("by March 2025") was already dated at
ingest as its last day, a period ("within 28 days") from the meeting's date.

The same body: committee names equal once case and punctuation are set aside
(`text.keys.title_key`).

Reports on earlier actions, at a later meeting of the same body:
- each paragraph of an item whose title says it reviews actions (vocabulary
  `action_review_items`: "Matters arising", "Action log"), and
- each row of its own action log: an action printed with a status ("Done", "c/f"),
  or restated under such an item ("ACTION – Clerk to book the skip. Done.":
  the paragraph says how it stands, the row is linked to the earlier action).
A report is linked to the one earlier action it is most like:
1. the action whose minute number the paragraph quotes ("Minute 3/25:",
   "Min. 12", a paragraph opening "3/25"; not a bare "4." opening it, which
   numbers the paragraph), at the nearest earlier meeting that
   has that minute; among several actions of that minute, the one most like it;
2. else by content words: the index terms (`search.analysis.terms`: Porter
   stems, stop words out) of the action's description and of the report,
   less words that tell no subject (vocabulary `action_link_ignored`: "next",
   "meeting", "report"…); similarity is shared / min(len(a), len(b)), at least
   0.5 with two shared terms at least; the best wins, the nearer meeting at a tie.
A report on a report (an action carried into a later action log, reported on
again) goes to the first action: its history is one.

History: each action's begins "open" at its own meeting (or how its own row
says it stands), then one entry per report in meeting order: "done", "carried
forward" or "in progress", read from the report's words (vocabulary
`action_progress_done`, `_carried`, `_doing`; the last written wins, a negated
"done" is "in progress"; a report without such words is "in progress"). Every
entry cites its meeting, date, file, page and line.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from ..text.dates import names_next_meeting
from ..text.keys import title_key
from ..text.vocabulary import pattern, terms
from .records import Action, Meeting, MinuteItem

OPEN, IN_PROGRESS, CARRIED, DONE = "open", "in progress", "carried forward", "done"
STATUSES = (OPEN, IN_PROGRESS, CARRIED, DONE)
ACTIVE = frozenset({OPEN, IN_PROGRESS, CARRIED})  # not done: what `actions --open` lists
NOT_HELD = frozenset({"cancelled", "postponed"})
MIN_SIMILARITY = 0.5
MIN_SHARED = 2

REVIEW_ITEM = re.compile(pattern("action_review_items"), re.IGNORECASE)
# Where words of two statuses overlap ("not yet completed"), the longer one wins.
_PROGRESS = tuple((status, re.compile(pattern(f"action_progress_{name}"), re.IGNORECASE))
                  for status, name in ((IN_PROGRESS, "doing"), (CARRIED, "carried"), (DONE, "done")))
RAG = re.compile(r"[RAG]|red|amber|green", re.IGNORECASE)
# "Minute 3/25", "Min. 12", "minute no. 49(b)"; and a paragraph that opens with a
# numbered minute's number ("3/25 -", "14/037:"). A bare "4." opening a
# paragraph is the paragraph's own number, not a quote.
MINUTE_REF = re.compile(r"\b(?:minute|min)\.?\s*(?:no\.?\s*|ref\.?\s*)?(?P<n>\d{1,4}(?:[./-]\d{1,4})*[a-z]?)\b",
                        re.IGNORECASE)
LEADING_REF = re.compile(r"^\s*\(?(?P<n>\d{1,4}/\d{1,4})\)?\s*[:.)–—-]?\s")
# What opens a paragraph: a bullet, a minute quoted, a number ("3/25 -", "(14)", "4.12iii)", "5vii)").
_NUMBER_LABEL = r"\(?\d{1,4}(?:[./]\d{1,4})*[a-z]{0,4}\)?\s*[:.)–—-]\s"
PARAGRAPH_START = re.compile(rf"^\s*(?:[•●▪*]|[-–]\s|(?:minute|min)\.?\s*\d|{_NUMBER_LABEL})", re.IGNORECASE)
# A numbered paragraph run on after a sentence inside one printed line (a PDF's
# text joined): "… this Autumn. 4.12iv) The issue …".
_RUN_ON_LABEL = re.compile(r"(?<=[.!?])\s+(?=\(?\d{1,4}(?:[./]\d{1,4})*[a-z]{0,4}\)\s)")
# No body waits a year between meetings: a later "next" meeting in the store
# means the meetings between are missing, and the due date stays unknown.
MAX_MEETING_GAP_DAYS = 366


@dataclass
class StatusEntry:
    """How an action stood, and where the papers say so."""

    status: str  # open, in progress, carried forward, done
    words: str | None  # the words that say so, as printed ("has been sent", "c/f")
    meeting: str | None
    date: str | None  # the meeting's, ISO
    source: str
    page: int | None
    line: int | None
    record: str  # the record that tells it: the action itself, the item, the later action-log row


@dataclass
class ActionFacts:
    action: str  # the action's id
    due: str | None = None  # ISO: as extracted, or the date of the next meeting it names
    due_meeting: str | None = None  # the id of the meeting "at the next meeting" is
    reports_on: str | None = None  # a later action-log row's: the earlier action it reports on
    history: list[StatusEntry] = field(default_factory=list)

    @property
    def status(self) -> str:
        return self.history[-1].status if self.history else OPEN


def progress_of(text: str | None) -> tuple[str | None, str | None]:
    """(status, the words that say it) of a report's text; (None, None) without such words."""
    found = [(m.start(), m.end(), status, m.group()) for status, rx in _PROGRESS for m in rx.finditer(text or "")]
    kept = [f for f in found if not any(o is not f and o[0] <= f[0] and f[1] <= o[1] and o[1] - o[0] > f[1] - f[0]
                                        for o in found)]
    if not kept:
        return None, None
    _, _, status, words = max(kept, key=lambda f: f[0])
    return status, words


class Bodies:
    """The store's meetings by body, in date order."""

    def __init__(self, meetings: Iterable[Meeting]):
        self.meetings = {m.id: m for m in meetings}
        self.by_body: dict[str, list[Meeting]] = defaultdict(list)
        for meeting in sorted(self.meetings.values(), key=lambda m: m.date or ""):
            if meeting.date:
                self.by_body[title_key(meeting.committee)].append(meeting)

    def date_of(self, meeting_id: str | None) -> str | None:
        meeting = self.meetings.get(meeting_id) if meeting_id else None
        return meeting.date if meeting else None

    def body_of(self, meeting_id: str | None) -> str | None:
        meeting = self.meetings.get(meeting_id) if meeting_id else None
        return title_key(meeting.committee) if meeting and meeting.date else None

    def next_meeting(self, meeting_id: str | None) -> Meeting | None:
        """The body's first meeting held after this one, as far as the store knows."""
        body, day = self.body_of(meeting_id), self.date_of(meeting_id)
        if body is None:
            return None
        following = next((m for m in self.by_body[body]
                          if m.date > day and (m.status or "").lower() not in NOT_HELD), None)
        if following and (date.fromisoformat(following.date) - date.fromisoformat(day)).days > MAX_MEETING_GAP_DAYS:
            return None
        return following


@dataclass
class _Report:
    """A later meeting's word on an earlier action, before it is linked."""

    body: str
    date: str
    text: str
    minutes: frozenset[str]  # minute numbers it quotes, as keys
    entry: StatusEntry | None  # None: a row restating the action under a review item, a link only
    row: str | None = None  # the id of the action-log row it is, if it is one


def compute_action_facts(meetings: Iterable[Meeting], actions: Iterable[Action],
                         items: Iterable[MinuteItem]) -> list[ActionFacts]:
    """The facts of every action: due dates across meetings, links, status histories."""
    bodies = Bodies(meetings)
    actions = list(actions)
    facts = {a.id: ActionFacts(a.id, *_due(a, bodies), history=[_own_entry(a, bodies)]) for a in actions}
    by_body: dict[str, list[Action]] = defaultdict(list)
    for action in actions:
        if bodies.body_of(action.meeting):
            by_body[bodies.body_of(action.meeting)].append(action)
    words = _ContentWords()
    reviews = [item for item in items if bodies.body_of(item.meeting) and REVIEW_ITEM.search(item.title or "")]
    review_minutes = {(item.meeting, minute_key(item.number)) for item in reviews if item.number}
    reports = sorted([*_item_reports(reviews, bodies), *_row_reports(actions, bodies, review_minutes)],
                     key=lambda r: r.date)
    for report in reports:
        target = _linked_action(report, by_body[report.body], bodies, words)
        if target is None:
            continue
        root = _root(target.id, facts)
        if report.row:
            facts[report.row].reports_on = root
        history = facts[root].history
        if report.entry and not any((e.meeting, e.status) == (report.entry.meeting, report.entry.status)
                                    for e in history):
            history.append(report.entry)
    for fact in facts.values():
        fact.history.sort(key=lambda e: e.date or "")
    return list(facts.values())


def _due(action: Action, bodies: Bodies) -> tuple[str | None, str | None]:
    if action.due or not names_next_meeting(action.due_text):
        return action.due, None
    following = bodies.next_meeting(action.meeting)
    return (following.date, following.id) if following else (None, None)


def _own_entry(action: Action, bodies: Bodies) -> StatusEntry:
    """How the action stood where it was written: open, or what its own row prints."""
    status, words = progress_of(action.status)
    if status is None and action.status and RAG.fullmatch(action.status.strip()):
        status, words = IN_PROGRESS, action.status
    return StatusEntry(status or OPEN, words or action.status, action.meeting, bodies.date_of(action.meeting),
                       action.source, action.page, action.line, action.id)


def _item_reports(reviews: Iterable[MinuteItem], bodies: Bodies) -> Iterable[_Report]:
    """Each paragraph of the items that review earlier actions."""
    for item in reviews:
        body = bodies.body_of(item.meeting)
        for offset, paragraph in paragraphs(item.text):
            status, words = progress_of(paragraph)
            line = item.line + 1 + offset if item.line is not None else None
            entry = StatusEntry(status or IN_PROGRESS, words, item.meeting, bodies.date_of(item.meeting),
                                item.source, item.page, line, item.id)
            yield _Report(body, entry.date, paragraph, minute_refs(paragraph), entry)


def _row_reports(actions: Iterable[Action], bodies: Bodies, review_minutes: set[tuple]) -> Iterable[_Report]:
    """Rows of a later action log: actions printed with how they stand, and
    actions restated under an item reviewing actions (whose paragraph is the
    report: the row only links)."""
    for action in actions:
        body = bodies.body_of(action.meeting)
        restated = (action.meeting, minute_key(action.minute)) in review_minutes
        if body is None or not (action.status or restated):
            continue
        entry = _own_entry(action, bodies) if action.status else None
        yield _Report(body, bodies.date_of(action.meeting), action.description, minute_refs(action.description),
                      entry, row=action.id)


def paragraphs(text: str) -> list[tuple[int, str]]:
    """The paragraphs of an item's text, each with the index of its first line:
    a line starts one after a blank line, when it opens with a bullet or a minute
    number, or when the line before ended a sentence."""
    found: list[tuple[int, list[str]]] = []
    ended = True
    for i, line in enumerate((text or "").splitlines()):
        stripped = line.strip()
        if not stripped:
            ended = True
            continue
        if ended or PARAGRAPH_START.match(stripped) or (found and found[-1][1][-1].endswith((".", "!", "?"))
                                                        and stripped[0].isupper()):
            found.append((i, []))
        found[-1][1].append(stripped)
        ended = False
    return [(i, part) for i, lines in found for part in _RUN_ON_LABEL.split(" ".join(lines))]


def minute_refs(text: str) -> frozenset[str]:
    refs = {m["n"] for m in MINUTE_REF.finditer(text or "")}
    leading = LEADING_REF.match(text or "")
    if leading:
        refs.add(leading["n"])
    return frozenset(minute_key(r) for r in refs)


def minute_key(number: str | None) -> str:
    return re.sub(r"^(?:minute|min)\.?\s*|[\s().:]+$|^[\s(]+", "", (number or "").lower())


def _linked_action(report: _Report, candidates: list[Action], bodies: Bodies,
                   words: _ContentWords) -> Action | None:
    earlier = [a for a in candidates if a.id != report.row and (bodies.date_of(a.meeting) or "") < report.date]
    quoted = [a for a in earlier if a.minute and minute_key(a.minute) in report.minutes]
    if quoted:
        nearest = max(bodies.date_of(a.meeting) for a in quoted)
        return max((a for a in quoted if bodies.date_of(a.meeting) == nearest),
                   key=lambda a: words.similarity(a.description, report.text)[0])
    best, best_key = None, None
    for action in earlier:
        score, shared = words.similarity(action.description, report.text)
        if score >= MIN_SIMILARITY and shared >= MIN_SHARED:
            key = (score, bodies.date_of(action.meeting))
            if best_key is None or key > best_key:
                best, best_key = action, key
    return best


def _root(action_id: str, facts: dict[str, ActionFacts]) -> str:
    seen = set()
    while facts[action_id].reports_on and action_id not in seen:
        seen.add(action_id)
        action_id = facts[action_id].reports_on
    return action_id


class _ContentWords:
    """The terms of texts that tell what they are about, remembered."""

    def __init__(self):
        self.known: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> frozenset[str]:
        if text not in self.known:
            from ..search.analysis import terms as index_terms  # the index's own stems and stop words

            self.known[text] = frozenset(t for t in index_terms(text) if not t.isdigit()) - _ignored()
        return self.known[text]

    def similarity(self, a: str, b: str) -> tuple[float, int]:
        """(shared / the smaller count, shared) of the two texts' content terms."""
        x, y = self(a), self(b)
        if not x or not y:
            return 0.0, 0
        shared = len(x & y)
        return shared / min(len(x), len(y)), shared


@cache
def _ignored() -> frozenset[str]:
    from ..search.analysis import stem

    return frozenset(stem(word) for word in terms("action_link_ignored"))


def rebuild_action_facts(store) -> int:
    """Make the facts of every action from the whole store and keep them in it."""
    meetings = store.meetings()
    facts = compute_action_facts(meetings, store.records(type="action"), store.records(type="minute_item"))
    store.replace_action_facts(facts)
    return len(facts)
