"""Votes counted in running text, however a council writes the counts:

- labelled, in any order and punctuation: "For 7, Against 3, Abstentions 1",
  "For: 7  Against: 3", "Votes for – 7; votes against – 3; abstentions – 1",
  one a line ("For 7" / "Against 3"), Welsh "O blaid 6, Yn erbyn 2, Ymatal 0";
- counts before their side, often bracketed after the question: "(6 for, 2
  against, 0 abstentions)", "(4 votes for, 1 against, 1 abstention)", "12 in
  favour, 2 against", "6 o blaid, 2 yn erbyn, neb yn ymatal";
- prose: "carried by 6 votes to 2 with 1 abstention", "lost by three votes to
  eleven";
- names under each side, with or without counts: "For: Cllrs A, B and C;
  Against: Cllr D".

A vote is two sides or more, each counted (or named) once; a side met again
starts another vote. Counts are kept as printed, names never turn into counts.
What is not a vote: one side alone ("with 2 abstentions"), a side followed by
what it is for ("6 for the hall, 2 for the car park"), a number that is money,
a page or a paragraph ("£12 for", "page 6 for"). An outcome printed without
counts ("carried unanimously", "on being put to the vote the amendment was
lost") is no recorded vote: no Vote is made, the item's resolution holds it.

The outcome comes from the words nearest the counts ("was lost", "Carried.",
"RESOLVED", Welsh "cariwyd"), each word going to the vote it is nearest;
where no word says, or a word outside the vote's sentence disagrees with the
counts, from the counts (more for than against: carried) — `result_from`
says which. In prose "by N votes to M" the winning side has the larger number:
"lost by 11 votes to 3" is 3 for, 11 against.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from ...corpus.records import Vote
from ...text.names import TITLE
from ...text.sentences import first_sentence, sentence_ends
from ..model import Line
from ..textflow import TextFlow
from . import vote_words as words
from .attendance_words import PLURAL_TITLE_WORD
from .name_lists import read_list

_LABEL, _COUNT, _JOIN = words.LABEL, words.COUNT, words.JOIN
# "By a majority of 7 votes to 3 the motion was carried": prose counts may run on into the sentence.
_PROSE_END = r"(?=\s+(?:the|it|so|in|on|this|which)\b)"
# What may follow a count or a side: punctuation, the next count, a joining word, a new line.
_END = (
    rf"(?=[ \t]*(?:[,;:.)\]|–—-]|$)|\s+(?:{_JOIN}|{_COUNT}|{_LABEL})(?![\w])"
    r"|[ \t]*\n\s*(?-i:[A-Z(\d])|\s*\n[ \t]*\n|\s*\Z"
    # "by 6 votes to 2 (0 abstentions)": a bracketed count goes on with the vote
    rf"|[ \t]*\([ \t]*{_COUNT}(?![\w]))"
)
# A line that goes on with names: "and Cllr Lowe", "Mr R Hale", "Pryce, Quinn"; not "Carried."
_NAMES_GO_ON = rf"\s*(?:and\b|&|{TITLE}\b|(?-i:[A-Z]\.?\s|[A-Z][\w'’-]+\s*(?:,|and\b|$)))"
# Names under a side: a title first ("Cllrs A, B and C", "Councillor D"), up to
# the next side, a semicolon, a closing bracket, a paragraph or a line that is no names.
_NAMES = (
    rf"(?:{TITLE}|{PLURAL_TITLE_WORD})\.?\s+(?-i:[A-Z])(?:[^;()\n]|\([^()]*\)|\n(?={_NAMES_GO_ON})){{0,300}}?"
    rf"(?=\s*;|\s*\)|\s*$|[,.]?\s+{_LABEL}\s*(?:[:(–—-]|\d)|\n\s*\n|\n(?!{_NAMES_GO_ON}))"
)
# "carried 6–2", "The motion was carried (6-2-0)", "lost 3–11–1": a dash tally only beside an outcome word.
_TALLY = (
    rf"(?<![\w]){words.TALLY_WORD}[ \t]*\(?[ \t]*(?P<tally_for>\d{{1,3}})[ \t]*[–—-][ \t]*(?P<tally_against>\d{{1,3}})"
    r"(?:[ \t]*[–—-][ \t]*(?P<tally_abstain>\d{1,3}))?[ \t]*\)?(?![\w–—-]|[.,/]\d)"
)
TERM = re.compile(
    rf"{_TALLY}"
    # "nobody abstained", "there were no abstentions"
    rf"|(?<![\w])(?P<abstain_none>{words.alternation('abstain_none')})(?![\w])"
    # "6 votes to 2", "six votes for to two against"
    rf"|(?P<prose_a>{_COUNT})\s+{words.VOTES_TO}\s+(?P<prose_b>{_COUNT})(?:\s+(?:votes?\s+)?against)?(?:{_END}|{_PROSE_END})"
    # "6 for", "4 votes for", "2 members abstaining", "neb yn ymatal"
    rf"|(?P<count_first>{_COUNT})(?:\s+{words.COUNTED})?\s+(?P<side_after>{_LABEL}){_END}"
    # "For 7", "For: 7", "Votes for – 7", "For (3): Cllrs A, B and C", "For: (3) Cllrs A", "Against: Cllr D"
    rf"|(?<![\w])(?P<side_first>{_LABEL})[ \t]*(?:[:=–—-][ \t]*)?(?:\([ \t]*)?"
    rf"(?:(?P<count_after>{_COUNT})(?:[ \t]*\))?(?:[ \t]*[:–—-]?[ \t]*\(?(?P<names_after>{_NAMES})\)?)?{_END}"
    rf"|(?P<names_only>{_NAMES}))",
    re.IGNORECASE,
)
# What stands between two counts of one vote.
_GAP = re.compile(rf"^[\s,;.:|()–—-]*(?:{_JOIN}\s+)?[\s(]*$", re.IGNORECASE)
# A count that is a reference, not a vote: "page 6 for", "paragraph 3 against".
_REFERENCE_BEFORE = re.compile(r"(?:\b(?:pages?|p|paras?|paragraphs?|items?|minutes?|no|nos|appendix|section)\.?\s*)$",
                               re.IGNORECASE)
_COUNT_AFTER_NAMES = re.compile(r"\(\s*(\d{1,3})\s*\)\s*$")
# "Cllr Hood proposed, and Cllr Hook seconded", "moved the amendment", "An amendment was moved by …"
PROPOSAL = re.compile(r"\b(?:proposed|moved|cynigiwyd)\b", re.IGNORECASE)
MOTION_CHARS = 500
OUTCOME_REACH = 400  # characters from the counts within which an outcome word may be theirs
SENTENCE_COST = 150  # an outcome word across a sentence end counts as this much farther


@dataclass
class Side:
    """One side of a vote as found: its count and names as printed, and where."""

    side: str
    count: int | None
    names: list[str]
    start: int
    end: int


@dataclass
class Counted:
    """The sides of one vote, in the order printed."""

    sides: list[Side] = field(default_factory=list)
    by_votes_to: bool = False  # "by N votes to M": which is for follows from the outcome

    @property
    def start(self) -> int:
        return self.sides[0].start

    @property
    def end(self) -> int:
        return self.sides[-1].end


def find_counted_votes(lines: list[Line], start: int, end: int, skip: frozenset[int] = frozenset()) -> list[Vote]:
    """The votes counted in the running text of lines `start`..`end`; lines in
    `skip` (read already, as lists or tables) are left out."""
    kept = [line if start + k not in skip else replace(line, text="") for k, line in enumerate(lines[start:end])]
    flow = TextFlow.of_lines(kept)
    text = flow.text
    found = _votes(text)
    breaks = _sentence_breaks(text)
    votes = []
    for n, counted in enumerate(found):
        vote = _vote(counted, start + flow.line_at(counted.start))
        vote.end = start + flow.line_at(counted.end - 1) + 1
        vote.result, vote.result_from = _result(text, found, n, breaks)
        _order_by_outcome(vote, counted)
        vote.motion = _motion(text, found[n - 1].end if n else 0, counted.start, breaks)
        votes.append(vote)
    return votes


def _votes(text: str) -> list[Counted]:
    """The runs of sides joined only by punctuation and joining words, each
    side once a vote, two sides at least."""
    runs: list[Counted] = []
    current = Counted()
    for match in TERM.finditer(text):
        sides, prose = _sides(match, text)
        if not sides:
            continue
        joined = current.sides and _GAP.match(text[current.end:match.start()])
        seen = {s.side for s in current.sides}
        if not joined or prose or seen & {s.side for s in sides}:
            runs.append(current)
            current = Counted()
        current.sides += sides
        current.by_votes_to = current.by_votes_to or prose
    runs.append(current)
    return [run for run in runs if len({s.side for s in run.sides}) >= 2]


def _sides(match: re.Match, text: str) -> tuple[list[Side], bool]:
    """The side (or the two sides of "N votes to M") one match gives; none where
    the count is a reference or money."""
    start, end = match.span()
    if match["tally_for"]:
        start = match.start("tally_for")  # the outcome word beside the tally stays the vote's
        counts = [("for", match["tally_for"]), ("against", match["tally_against"]), ("abstain", match["tally_abstain"])]
        return [Side(side, int(n), [], start, end) for side, n in counts if n is not None], False
    if match["abstain_none"]:
        return [Side("abstain", 0, [], start, end)], False
    if match["prose_a"] or match["count_first"]:
        if _not_a_count(text, start):
            return [], False
    if match["prose_a"]:
        a, b = words.count_of(match["prose_a"]), words.count_of(match["prose_b"])
        return [Side("for", a, [], start, end), Side("against", b, [], start, end)], True
    if match["count_first"]:
        side = words.side_of(match["side_after"])
        return ([Side(side, words.count_of(match["count_first"]), [], start, end)] if side else []), False
    label = match["side_first"]
    side = words.side_of(label) if label else None
    if side is None:
        return [], False
    names_text = match["names_after"] or match["names_only"] or ""
    count = words.count_of(match["count_after"]) if match["count_after"] else None
    counted_after = _COUNT_AFTER_NAMES.search(names_text)  # "Cllrs A, B and C (3)"
    if counted_after and count is None:
        count, names_text = int(counted_after[1]), names_text[: counted_after.start()]
    if count is None and not names_text:
        return [], False
    return [Side(side, count, _names(names_text), start, end)], False


def _not_a_count(text: str, start: int) -> bool:
    """A number glued to money, a decimal or a date, or after "page"/"paragraph"."""
    before = text[max(0, start - 12):start]
    return bool(before and (re.search(r"[\w£$€.,/:–-]$", before) or _REFERENCE_BEFORE.search(before)))


def _names(text: str | None) -> list[str]:
    if not text:
        return []
    entries, _ = read_list(first_sentence(re.sub(r"\s+", " ", text)).strip(" .;"))
    return [entry.name for entry in entries]


def _vote(counted: Counted, index: int) -> Vote:
    vote = Vote(index=index)
    for side in counted.sides:
        field_name = "for_" if side.side == "for" else side.side
        setattr(vote, field_name, side.count)
        setattr(vote, f"names_{side.side}", side.names)
    vote.count_mismatch = any(
        count is not None and names and count != len(names)
        for count, names in ((vote.for_, vote.names_for), (vote.against, vote.names_against),
                             (vote.abstain, vote.names_abstain))
    )
    return vote


def _sentence_breaks(text: str) -> list[int]:
    """Where sentences end: a full stop that ends one, or a paragraph break."""
    ends = sentence_ends(text) + [m.start() for m in re.finditer(r"\n[ \t]*\n", text)]
    return sorted(ends)


def _crossed(breaks: list[int], a: int, b: int) -> int:
    """How many sentence ends lie between offsets a and b."""
    return bisect_left(breaks, max(a, b)) - bisect_left(breaks, min(a, b))


def _result(text: str, found: list[Counted], n: int, breaks: list[int]) -> tuple[str | None, str | None]:
    """The outcome the nearest words give, a word going to the vote it is
    nearest; else, or where a word outside the vote's sentence disagrees with
    the counts, the counts' (more for than against: carried)."""
    counted = found[n]
    previous = found[n - 1].end if n else None
    following = found[n + 1].start if n + 1 < len(found) else None
    low = max(previous or 0, counted.start - OUTCOME_REACH)
    high = min(len(text) if following is None else following, counted.end + OUTCOME_REACH)
    best: tuple[int, str] | None = None
    for match in words.OUTCOME.finditer(text, low, high):
        if counted.start <= match.start() < counted.end:
            continue
        before = match.end() <= counted.start
        distance = counted.start - match.end() if before else match.start() - counted.end
        rival = (match.start() - previous) if before and previous is not None else (
            following - match.end() if not before and following is not None else None)
        if rival is not None and rival < distance:
            continue  # nearer the other vote: its outcome
        crossed = _crossed(breaks, match.start(), counted.start if before else counted.end - 1)
        cost = distance + SENTENCE_COST * crossed
        if best is None or cost < best[0]:
            best = (cost, words.outcome_of(match))
    if best is None:
        by_counts = _by_counts(counted)
        return (by_counts, "counts") if by_counts else (None, None)
    said = best[1]
    if counted.by_votes_to:  # "lost by 11 votes to 3": the words order the counts
        return said, "words"
    counts = {side.side: side.count for side in counted.sides}
    return words.settle(said, counts.get("for"), counts.get("against"))


def _by_counts(counted: Counted) -> str | None:
    counts = {side.side: side.count for side in counted.sides}
    return words.outcome_by_counts(counts.get("for"), counts.get("against"))


def _order_by_outcome(vote: Vote, counted: Counted) -> None:
    """ "carried by 6 votes to 2": the larger number is the winners'."""
    if not counted.by_votes_to or vote.result_from != "words" or vote.for_ is None or vote.against is None:
        return
    high, low = max(vote.for_, vote.against), min(vote.for_, vote.against)
    vote.for_, vote.against = (high, low) if vote.result == "carried" else (low, high)


def _motion(text: str, floor: int, start: int, breaks: list[int]) -> str | None:
    """What was voted on: from the last proposal since the previous vote ("Cllr
    Hood proposed …", "An amendment was moved …") up to the counts, else the
    sentence that puts the question, at most 500 characters."""
    proposals = list(PROPOSAL.finditer(text, floor, start))
    if proposals:
        begin = _sentence_start(breaks, proposals[-1].start(), floor)
    else:
        begin = _sentence_start(breaks, start, floor)
        if len(text[begin:start].split()) < 3:
            begin = _sentence_start(breaks, max(begin - 1, floor), floor)
    motion = re.sub(r"\s+", " ", text[begin:start]).strip(" ,;:(–—-\n")
    if len(motion.split()) < 3:
        return None
    return motion if len(motion) <= MOTION_CHARS else motion[: MOTION_CHARS - 1].rstrip() + "…"


def _sentence_start(breaks: list[int], at: int, floor: int) -> int:
    """Where the sentence holding offset `at` begins, not before `floor`."""
    k = bisect_left(breaks, at) - 1
    return max(floor, breaks[k] + 1 if k >= 0 else 0)
