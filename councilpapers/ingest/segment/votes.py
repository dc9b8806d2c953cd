"""Recorded votes, every form read here once (`find_all_votes`):

- lists of names under their counts, a side a line: "For (14)" / "Against (45)"
  / "Abstain (4)", each followed by the names voting that way, then "Amendment
  lost." or "Motion carried." (`find_votes`);
- US roll calls: "RESULT: FAILED [4-2-1-1]", "AYES: …" (`find_listed_votes`);
- tables of For | Against | Abstain (`vote_tables`);
- counts in running text, labelled, bracketed or in prose, in English and in
  Welsh (`vote_counts`, which says what is and is not a vote).

Counts are kept as the minutes state them; when a stated count disagrees with
the names listed under it the vote is flagged (`count_mismatch`), not corrected.
"""

from __future__ import annotations

import re
from ...corpus.records import Vote
from ..model import Line
from . import vote_words as words
from .name_lists import read_list
from .vote_counts import find_counted_votes
from .vote_tables import find_table_votes

# "For (14)", "FOR (36):", "Against (0)", "Abstain (2)", "Abstentions (1): Mr X", "For: (2) Cllrs A and B"
SIDE = re.compile(
    r"^\s*(?P<side>for|against|abstain(?:ed|ing)?|abstentions?)\s*[:–-]?\s*\(\s*(?P<count>\d{1,3})\s*\)\s*[:–-]?\s*(?P<names>.*)$",
    re.IGNORECASE,
)
# "For (3), Against (11), Abstain (1)" on one line is counts in running text, not a list.
_SIDES_ON_ONE_LINE = re.compile(rf"^\s*[,;]|{words.LABEL}\s*\(\s*\d", re.IGNORECASE)
SIDE_OF_WORD = {"f": "for", "ag": "against", "ab": "abstain"}
COUNT_FIELD = {"for": "for_", "against": "against", "abstain": "abstain"}  # "for" is a keyword
# "Amendment lost.", "Substantive Motion carried.", "The motion was carried", "Carried".
RESULT = re.compile(
    r"^\s*(?:(?:the\s+)?(?:substantive\s+|original\s+|amended\s+)?"
    r"(?:motion|amendment|recommendations?|proposals?|resolution)\b[^.]{0,40}?)?"
    r"\b(?P<word>not\s+carried|carried|lost|defeated|fell|rejected|passed|agreed)\b",
    re.IGNORECASE,
)
OUTCOME = {"carried": "carried", "passed": "carried", "agreed": "carried"}
# A numbered paragraph: "17)", "(17)", "17."
PARAGRAPH = re.compile(r"^\s*(?:\((?P<a>\d{1,3})\)|(?P<b>\d{1,3})(?P<mark>[.)]))\s")
# "Mr Gough proposed, and Mr Oakford seconded the motion that", "moved the amendment",
# "Amendment 2:" — not "the proposed decision" inside a quoted motion.
PROPOSAL = re.compile(
    r"\b(?:proposed|moved)\b,?\s+(?:and|that|by|the\s+(?:following\s+)?(?:motion|amendment|recommendation))\b"
    r"|^\s*(?:\S+\s+)?(?:Motion|Amendment)\s*\d*\s*[:–-]",
    re.IGNORECASE,
)
VOTE_INTRO = re.compile(r"\b(?:to\s+the\s+vote|voting|vote|division)\b", re.IGNORECASE)
REFERENCE = re.compile(r"\b(?:set\s+out\s+)?(?:in|at)\s+paragraph\s+(?P<number>\d{1,3})\b", re.IGNORECASE)
NAME_LIST_LINE = re.compile(r"^(?:and\s+)?[A-Z][\w'’.\-]*(?:(?:,\s*|\s+and\s+|\s+)[A-Z][\w'’.\-]*)*,?$")
NONE_LISTED = re.compile(r"^\s*(?:none|nil|-|–)\.?\s*$", re.IGNORECASE)
MOTION_CHARS = 500
MOTION_LOOKBACK = 60  # lines searched for the nearest proposal; a "paragraph N" reference may go further


def find_all_votes(lines: list[Line], start: int, end: int) -> list[Vote]:
    """Every vote in lines `start`..`end`, in the order printed: lists and
    tables first, then counts in the running text the others did not read."""
    read: set[int] = set()
    votes = find_votes(lines, start, end) + find_listed_votes(lines, start, end)
    for vote in votes:
        read.update(range(vote.index, vote.end or vote.index + 1))
    tables = find_table_votes(lines, start, end, read)
    for vote in tables:
        if vote.motion is None:  # a table of one question: the proposal above its header
            header = vote.index
            while header - 1 in read and header - 1 >= start:
                header -= 1
            vote.motion = _motion(lines, start, header)
    votes += tables + find_counted_votes(lines, start, end, frozenset(read))
    return _join_restated(_join_abstentions(sorted(votes, key=lambda vote: vote.index), lines), lines)


# A decision with its vote's counts in brackets: "RESOLVED (4 for, 2 against) that …".
RESTATED = re.compile(r"^\s*(?:resolved|agreed|decided|decision)\s*[:–-]?\s*\(\s*\w", re.IGNORECASE)


def _join_restated(votes: list[Vote], lines: list[Line]) -> list[Vote]:
    """"On being put to the vote there voted 4 for and 2 against." then
    "RESOLVED (4 for, 2 against) that …": the decision restates the vote just
    told. The same counts in brackets after a decision word on the next line,
    with no outcome against the first, are that one vote."""
    kept: list[Vote] = []
    for vote in votes:
        above = kept[-1] if kept else None
        if above is not None and _tally(above) == _tally(vote) and any(x is not None for x in _tally(vote)):
            gap = range(above.end or above.index + 1, vote.index)
            if not any(lines[j].text.strip() for j in gap) and RESTATED.match(lines[vote.index].text) and (
                    above.result == vote.result or above.result_from != "words" or vote.result_from != "words"):
                if above.result_from != "words" and vote.result_from == "words":
                    above.result, above.result_from = vote.result, vote.result_from
                for names in ("names_for", "names_against", "names_abstain"):
                    if not getattr(above, names) and getattr(vote, names):
                        setattr(above, names, getattr(vote, names))
                above.end = max(above.end or above.index + 1, vote.end or vote.index + 1)
                continue
        kept.append(vote)
    return kept


def _tally(vote: Vote) -> tuple:
    return vote.for_, vote.against, vote.abstain


def _join_abstentions(votes: list[Vote], lines: list[Line]) -> list[Vote]:
    """A vote told in two pieces, "For 12, Against 2" then "Abstained (1): Cllr
    X", is one vote: a lone abstention goes to the vote just above it when that
    vote has none; a lone abstention is never a vote of its own."""
    kept: list[Vote] = []
    for vote in votes:
        if not _abstentions_only(vote):
            kept.append(vote)
            continue
        above = kept[-1] if kept else None
        if above is None or above.abstain is not None or above.names_abstain:
            continue
        gap = range(above.end or above.index + 1, vote.index)
        if any(lines[j].text.strip() for j in gap):
            continue
        above.abstain, above.names_abstain = vote.abstain, vote.names_abstain
        above.end = vote.end
        if above.result_from != "words" and vote.result_from == "words":  # "Carried." under the abstentions
            above.result, above.result_from = words.settle(vote.result, above.for_, above.against)
        above.count_mismatch = above.count_mismatch or bool(
            vote.abstain is not None and vote.names_abstain and vote.abstain != len(vote.names_abstain))
    return kept


def _abstentions_only(vote: Vote) -> bool:
    return (vote.for_ is None and vote.against is None and not vote.names_for and not vote.names_against
            and (vote.abstain is not None or bool(vote.names_abstain)))


def find_votes(lines: list[Line], start: int, end: int) -> list[Vote]:
    votes: list[Vote] = []
    i = start
    while i < end:
        if not _side_list(lines[i].text):
            i += 1
            continue
        vote, i = _vote(lines, i, end)
        vote.motion = _motion(lines, start, vote.index)
        said, i = _result(lines, i, end, vote.index)
        vote.result, vote.result_from = words.settle(said, vote.for_, vote.against, not vote.count_mismatch)
        vote.end = i
        votes.append(vote)
    return votes


def _vote(lines: list[Line], i: int, end: int) -> tuple[Vote, int]:
    """The run of For / Against / Abstain lists from line `i`; a side met a
    second time starts another vote."""
    vote = Vote(index=i)
    seen: set[str] = set()
    while i < end:
        match = _side_list(lines[i].text)
        if not match:
            if lines[i].text.strip():
                break
            i += 1
            continue
        side = _side(match["side"])
        if side in seen:
            break
        seen.add(side)
        chunks = [match["names"].strip()]
        i += 1
        while i < end:
            k = i
            while k < end and not lines[k].text.strip():
                k += 1  # a blank line inside a list
            if k >= end or not _continues_list(lines[k].text):
                break
            chunks.append(lines[k].text.strip())
            i = k + 1
        setattr(vote, COUNT_FIELD[side], int(match["count"]))
        setattr(vote, f"names_{side}", _names(" ".join(chunks)))
    sides = [(vote.for_, vote.names_for), (vote.against, vote.names_against),
             (vote.abstain, vote.names_abstain)]
    if any(names for _, names in sides):
        vote.count_mismatch = any(count is not None and count != len(names) for count, names in sides)
    return vote, i


def _side_list(text: str) -> re.Match | None:
    """"For (14)" heading the names that voted for, or "FOR (2) Mr Hood and Mr Hook"."""
    match = SIDE.match(text)
    return match if match and not _SIDES_ON_ONE_LINE.search(match["names"]) else None


def _side(word: str) -> str:
    word = word.lower()
    return SIDE_OF_WORD[word[:2]] if word[:2] in SIDE_OF_WORD else SIDE_OF_WORD[word[:1]]


def _continues_list(text: str) -> bool:
    """A line of names ("Mr Baldock, Mr Brady, … Mr"), not the next count, the
    result or prose."""
    text = text.strip()
    if not text or _side_list(text) or PARAGRAPH.match(text):
        return False
    if NONE_LISTED.match(text):
        return True
    return bool(NAME_LIST_LINE.match(re.sub(r"\s*\([^()]*\)", "", text))) and not RESULT.match(text)


def _names(text: str) -> list[str]:
    if NONE_LISTED.match(text):
        return []
    entries, _ = read_list(text.strip(" .;"))
    return [entry.name for entry in entries if not NONE_LISTED.match(entry.name)]


def _result(lines: list[Line], i: int, end: int, first: int) -> tuple[str | None, int]:
    """The outcome on the lines just after the lists, else in the sentence that
    put the question ("… and the motion was carried, the voting being as follows:")."""
    for j in range(i, min(i + 2, end)):
        text = lines[j].text.strip()
        if not text:
            continue
        match = RESULT.match(text)
        if match and len(text) <= 80:
            return _outcome(match["word"]), j + 1
        said = words.OUTCOME.search(text) if len(text) <= 100 else None  # "The budget was therefore approved."
        if said:
            return words.outcome_of(said), j + 1
        break
    intro = " ".join(lines[j].text for j in range(_paragraph_start(lines, first, max(first - 4, 0)), first))
    match = re.search(r"\b(?:was|were|being)\s+(?P<word>not\s+carried|carried|lost|defeated|rejected|agreed)\b", intro)
    return (_outcome(match["word"]) if match else None), i


def _outcome(word: str) -> str:
    return OUTCOME.get(word.lower(), "lost")


def _motion(lines: list[Line], start: int, first: int) -> str | None:
    """What was voted on: the paragraph the vote's introduction refers to ("put the
    amendment set out in paragraph 17 to the vote"), else the nearest proposal
    above the vote ("Mr Gough proposed, and Mr Oakford seconded the motion that …")."""
    floor = max(start, first - MOTION_LOOKBACK)
    intro = _paragraph_start(lines, first, max(first - 4, start))
    intro_text = " ".join(lines[j].text for j in range(intro, first))
    begin = None
    reference = REFERENCE.search(intro_text) if VOTE_INTRO.search(intro_text) else None
    if reference:
        # The referred paragraph is numbered like the introduction ("17)" for "18)").
        style = (_number(lines[intro].text) or (None, None))[1]
        wanted = {(reference["number"], style)} if style else {(reference["number"], s) for s in ("()", ".", ")")}
        begin = next((j for j in range(intro - 1, start - 1, -1) if _number(lines[j].text) in wanted), None)
    if begin is None:
        proposal = next((j for j in range(first - 1, floor - 1, -1) if PROPOSAL.search(lines[j].text)), None)
        begin = None if proposal is None else _sentence_start_line(lines, proposal, floor)
    if begin is None:
        return None
    stop = first if begin >= intro else intro
    return _clip(lines, begin, stop)


def _clip(lines: list[Line], begin: int, stop: int) -> str:
    """The motion's paragraph from `begin`, up to the next paragraph of its own
    numbering (its quoted "(1) …" parts stay in) or `stop`, at most 500 chars."""
    number = _number(lines[begin].text)
    next_number = (str(int(number[0]) + 1), number[1]) if number else None
    parts = []
    for j in range(begin, stop):
        text = lines[j].text.strip()
        if j > begin and next_number and _number(text) == next_number:
            break
        parts.append(text)
        if sum(len(p) + 1 for p in parts) > MOTION_CHARS:
            break
    text = re.sub(r"\s+", " ", " ".join(parts))
    text = PARAGRAPH.sub("", text, count=1).strip() if PARAGRAPH.match(text) else text
    return text if len(text) <= MOTION_CHARS else text[: MOTION_CHARS - 1].rstrip() + "…"


def _number(text: str) -> tuple[str, str] | None:
    """A paragraph's number and its style: ("17", ")") for "17)", ("1", "()") for "(1)"."""
    match = PARAGRAPH.match(text)
    if not match:
        return None
    return (match["a"], "()") if match["a"] else (match["b"], match["mark"])


def _sentence_start_line(lines: list[Line], j: int, floor: int) -> int:
    """Back from line `j` to where its sentence starts (a proposal may wrap:
    "… the Chairman said that Mr Gough\nproposed, and Mr Oakford seconded …")."""
    for _ in range(3):
        if j <= floor or PARAGRAPH.match(lines[j].text) or re.search(r"[.:]\s*$|^\s*$", lines[j - 1].text):
            break
        j -= 1
    return j


def _paragraph_start(lines: list[Line], i: int, floor: int) -> int:
    """The first line of the paragraph that ends just above line `i`."""
    j = i - 1
    while j > floor and not PARAGRAPH.match(lines[j].text) and lines[j - 1].text.strip():
        j -= 1
    return max(j, floor)


# US minutes list votes by name: "RESULT: FAILED [4-2-1-1]" / "MOTION BY: Allen Fisk" /
# "SECOND: Mendez" / "AYES: Sherrard, Allen Fisk" / "NAYS: Brown" / "ABSTAIN: Garcia".
LISTED_RESULT = re.compile(r"^\s*RESULT:\s*(?P<word>[A-Z][A-Z ]+?)\s*(?:\[(?P<tally>[^\]]*)\])?\s*$")
LISTED_SIDE = re.compile(r"^\s*(?P<side>AYES|NAYS|NOES|ABSTAIN(?:ED|S)?|ABSENT|RECUSED|MOTION BY|SECOND(?:ER)?):\s*(?P<names>.*)$")
LISTED_OUTCOME = {"approved": "carried", "adopted": "carried", "carried": "carried", "passed": "carried",
                  "accepted": "carried", "failed": "lost", "denied": "lost", "defeated": "lost", "lost": "lost"}
TALLY = re.compile(r"^\s*(\d+)\s*-\s*(\d+)(?:\s*-\s*(\d+))?")


def find_listed_votes(lines: list[Line], start: int, end: int) -> list[Vote]:
    votes: list[Vote] = []
    for i in range(start, end):
        result = LISTED_RESULT.match(lines[i].text)
        if not result:
            continue
        vote = Vote(index=i, motion=_listed_motion(lines, start, i))
        first_word = result["word"].split()[0].lower()
        vote.result = LISTED_OUTCOME.get(first_word)
        tally = TALLY.match(result["tally"] or "")
        if tally:
            # Counts are only what the minutes state; "[UNANIMOUS]" states none.
            vote.for_, vote.against = int(tally[1]), int(tally[2])
            vote.abstain = int(tally[3]) if tally[3] else None
        vote.result_from = "words" if vote.result else None
        vote.end = i + 1
        for j in range(i + 1, min(i + 8, end)):
            side = LISTED_SIDE.match(lines[j].text)
            if not side:
                break
            vote.end = j + 1
            names = [] if NONE_LISTED.match(side["names"]) else [
                n.strip() for n in side["names"].split(",") if n.strip()
            ]
            key = side["side"][:3]
            if key == "AYE":
                vote.names_for = names
            elif key in ("NAY", "NOE"):
                vote.names_against = names
            elif key == "ABS" and side["side"].startswith("ABSTAIN"):
                vote.names_abstain = names
        vote.count_mismatch = any(
            count is not None and names and count != len(names)
            for count, names in ((vote.for_, vote.names_for), (vote.against, vote.names_against),
                                 (vote.abstain, vote.names_abstain))
        )
        votes.append(vote)
    return votes


def _listed_motion(lines: list[Line], start: int, at: int) -> str | None:
    """The sentence just above that makes the motion, if there is one."""
    for j in range(at - 1, max(start, at - 6) - 1, -1):
        if LISTED_SIDE.match(lines[j].text) or LISTED_RESULT.match(lines[j].text):
            return None
        if re.search(r"\bmade\s+a\s+motion\b|\bmoved\b", lines[j].text, re.IGNORECASE):
            text = " ".join(lines[k].text.strip() for k in range(j, at))
            return text[:MOTION_CHARS]
    return None
