"""Votes printed as a table: a header row of sides, then a row of counts under it,

    For    Against    Abstain            Motion        For  Against  Abstain  Result
    7      3          1                  Amendment 1   3    8        0        Lost
                                         Substantive   9    2        0        Carried

columns read from the line's cells (the PDF layout, an HTML table) or, in
plain text, from runs of two spaces or more and "|". A header holds two sides
or more, each once; a row is a vote where its counts stand under the sides
(as many cells as the header, or one more: the question named at the left).
A column headed "Result" gives the outcome; without it, the line after the
table may ("The amendment was lost"), else the counts (see `vote_counts`).
"""

from __future__ import annotations

import re

from ...corpus.records import Vote
from ..model import Line
from . import vote_words as words

_CELL_GAP = re.compile(r"\s*\|\s*|\s{2,}")
ROWS_READ = 12  # rows under one header


def find_table_votes(lines: list[Line], start: int, end: int, read: set[int] | None = None) -> list[Vote]:
    """The votes of tables in lines `start`..`end`; the lines of each table
    (header and rows) are added to `read`."""
    votes: list[Vote] = []
    i = start
    while i < end:
        header = _header(_cells(lines[i]))
        if header is None:
            i += 1
            continue
        found, after = _rows(lines, i + 1, end, header)
        if found:
            _result_after(found, lines, i, after, end)
            if read is not None:
                read.update(range(i, after))
        i = after
        votes += found
    return votes


def _cells(line: Line) -> list[str]:
    if line.cells and len(line.cells) > 1:
        return [cell.text.strip() for cell in line.cells if cell.text.strip()]
    return [cell for cell in _CELL_GAP.split(line.text.strip(" |")) if cell]


def _header(cells: list[str]) -> list[str | None] | None:
    """Each column's side, "result" or None (a question's name); None when the
    line is no header of a vote table. A header written with single spaces
    ("For Against Abstain") is its words."""
    if len(cells) == 1:
        cells = cells[0].split()
    columns = [words.side_of(c) or ("result" if words.RESULT_HEADING.match(c) else None) for c in cells]
    sides = [c for c in columns if c in words.SIDES]
    if len(sides) < 2 or len(set(sides)) < len(sides):
        return None
    if any(c is None for c in columns[columns.index(sides[0]):]):
        return None  # a word between the sides: prose, not a header
    return columns


def _rows(lines: list[Line], i: int, end: int, header: list[str | None]) -> tuple[list[Vote], int]:
    votes: list[Vote] = []
    while i < end and len(votes) < ROWS_READ:
        if not lines[i].text.strip():
            i += 1
            continue
        vote = _row(_cells(lines[i]), header, i)
        if vote is None:
            break
        votes.append(vote)
        i += 1
    return votes, i


def _row(cells: list[str], header: list[str | None], index: int) -> Vote | None:
    """The vote a row gives: its counts under the header's sides."""
    if len(cells) == 1:
        cells = cells[0].split()
    if len(cells) == len(header) + 1:
        header = [None, *header]
    if len(cells) != len(header):
        return None
    vote = Vote(index=index, end=index + 1)
    names = []
    for column, cell in zip(header, cells):
        if column in words.SIDES:
            count = words.count_of(cell) if cell not in "-–—" else None
            if count is None and cell not in "-–—":
                return None
            setattr(vote, "for_" if column == "for" else column, count)
        elif column == "result":
            outcome = words.OUTCOME.search(cell)
            vote.result, vote.result_from = (words.outcome_of(outcome), "words") if outcome else (None, None)
        else:
            names.append(cell)
    vote.motion = " ".join(names) or None
    return vote


def _result_after(votes: list[Vote], lines: list[Line], header: int, i: int, end: int) -> None:
    """A table of one vote with its outcome on the line after it ("Motion
    lost.") or ending the line before it ("… put to the vote and carried:");
    else each row's counts decide."""
    after = next((lines[j].text for j in range(i, min(i + 2, end)) if lines[j].text.strip()), "")
    before = lines[header - 1].text if header > 0 else ""
    outcome = None
    if len(votes) == 1:
        outcome = (words.OUTCOME.search(after) if len(after) <= 100 else None) or (
            words.OUTCOME.search(before) if before.rstrip().endswith(":") else None)
    for vote in votes:
        if vote.result is not None:
            continue
        if outcome:
            vote.result, vote.result_from = words.outcome_of(outcome), "words"
        else:
            vote.result = words.outcome_by_counts(vote.for_, vote.against)
            vote.result_from = "counts" if vote.result else None
