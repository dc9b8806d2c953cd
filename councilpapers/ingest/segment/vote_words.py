"""The words of recorded votes (text/vocabulary/votes.txt) as the patterns the
vote readers use: the sides and their labels, counts in figures or words (and
"no", "none", "neb" for nobody), the words joining one vote's counts, and the
outcomes. Read once; the rules that use them are in `vote_counts`.
"""

from __future__ import annotations

import re

from ...text import numbers
from ...text.vocabulary import kinds

SIDES = ("for", "against", "abstain")


def alternation(kind: str) -> str:
    """The entries of `kind` as one regular expression, longest first."""
    values = sorted(kinds("votes").get(kind, ()), key=len, reverse=True)
    return "(?:" + "|".join(re.sub(r" +", r"\\s+", v) for v in values) + ")" if values else "(?!)"


LABEL = "(?:" + "|".join(alternation(side) for side in SIDES) + ")"
_SIDE_OF_LABEL = [(side, re.compile(alternation(side) + r"$", re.IGNORECASE)) for side in SIDES]
ZERO = alternation("zero")
COUNT = rf"(?:{numbers.NUMBER}|{ZERO}\b)"  # a count of votes: "7", "seven", "no", "none"
COUNTED = alternation("counted")
JOIN = alternation("join")
VOTES_TO = alternation("votes_to")
OUTCOME = re.compile(
    rf"(?<![\w])(?:(?P<lost>{alternation('lost')})|(?P<carried>{alternation('carried')}))(?![\w])", re.IGNORECASE
)
# The words a dash tally may stand beside: "carried 6–2", "lost (3-11-1)".
TALLY_WORD = rf"(?:{alternation('lost')}|{alternation('carried')}|{alternation('tally_word')})"
# Counts in brackets beside a formula, "RESOLVED (6 for, 2 against) that": the
# manner of the decision, as "unanimously" is, not its words.
BRACKETED_COUNTS = rf"\((?=[^()]{{0,160}}\))(?=[^()]*?(?:{alternation('against')}|{VOTES_TO})(?![\w]))[^()]*\)"
RESULT_HEADING = re.compile(rf"^{alternation('result_heading')}$", re.IGNORECASE)
_ZERO = re.compile(rf"^{ZERO}$", re.IGNORECASE)


def side_of(label: str) -> str | None:
    """Which side a label names: "Votes against" -> "against", "O blaid" -> "for"."""
    label = re.sub(r"\s+", " ", label.strip(" :–—-()"))
    return next((side for side, pattern in _SIDE_OF_LABEL if pattern.match(label)), None)


def count_of(written: str) -> int | None:
    """A count as written: "7", "seven", "none" (0)."""
    return 0 if _ZERO.match(written.strip()) else numbers.value(written)


def outcome_of(match: re.Match) -> str:
    return "lost" if match["lost"] else "carried"


def settle(said: str | None, votes_for: int | None, against: int | None,
           counts_sure: bool = True) -> tuple[str | None, str | None]:
    """The outcome and where it came from: the words, unless the counts decide
    otherwise (a word near the counts may be a neighbouring vote's), then the
    counts. Counts that disagree with the names under them decide nothing."""
    by_counts = outcome_by_counts(votes_for, against)
    if said and (by_counts is None or by_counts == said or not counts_sure):
        return said, "words"
    return (by_counts, "counts") if by_counts else (None, None)


def outcome_by_counts(votes_for: int | None, against: int | None) -> str | None:
    """What the counts decide where no word says: a simple majority carries a
    question; a tie (the chair's casting vote) or a missing side decides nothing."""
    if votes_for is None or against is None or votes_for == against:
        return None
    return "carried" if votes_for > against else "lost"
