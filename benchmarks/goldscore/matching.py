"""When a found record is a gold record, and pairing them one to one.

The rules are the contract of benchmarks/gold/README.md:
- texts and titles are equal after `normalise_text`, or at least `TEXT_RATIO` alike
  (difflib's ratio of the normalised texts);
- names compare after `name_key` (read by councilpapers.text.names: titles,
  honours, full stops, a role after a comma or in brackets dropped);
- committees are compatible when their `committee_words` are equal or one's words
  contain the other's;
- everything else in an entry's `exact` part must be equal.
A found record matches at most one gold record and the other way round: pairs are
chosen to match as many as possible (augmenting paths), the most alike first.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from councilpapers.text.names import parse_name, without_title

TEXT_RATIO = 0.9

def normalise_text(text) -> str:
    """Spaces, quotes, dashes, case and a final full stop made alike."""
    if text is None:
        return ""
    text = str(text).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"[–—]", "-", text)
    return re.sub(r"\s+", " ", text).strip().rstrip(".").strip().lower()


def text_similarity(gold: str, found: str) -> float | None:
    """1.0 for texts equal after normalising, the ratio when at least TEXT_RATIO,
    else None (no match)."""
    a, b = normalise_text(gold), normalise_text(found)
    if a == b:
        return 1.0
    if not a or not b:
        return None
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < TEXT_RATIO or matcher.quick_ratio() < TEXT_RATIO:
        return None
    ratio = matcher.ratio()
    return ratio if ratio >= TEXT_RATIO else None


def name_key(name) -> str:
    """A person as the project's names module reads them (given names or initials and
    surname; titles, honours, brackets and a role after a comma dropped): 'Cllr. Alun
    Davies' and 'Alun Davies' -> 'alun davies', 'Mrs A.D. Allen MBE (Chair)' -> 'a d
    allen'. A post or initials that are no name ('the Clerk', 'JN/AC') lower case,
    without a leading 'the' or full stops: 'clerk'; no owner '' stays ''."""
    written = str(name or "")
    parsed = parse_name(written)
    if parsed is not None:
        return " ".join((*parsed.givens, parsed.surname))
    return " ".join(without_title(written).replace(".", " ").lower().split())


def committee_words(name) -> tuple[str, ...]:
    """Case, '&'/'and', punctuation and a leading 'the' made alike."""
    text = str(name or "").lower().replace("&", " and ").replace("’", "'").replace("'", "")
    words = re.sub(r"[^\w]+", " ", text).split()
    if words[:1] == ["the"]:
        words = words[1:]
    return tuple(words)


def committees_compatible(a, b) -> bool:
    """Equal after normalising, or one's words contain all the other's."""
    words_a, words_b = set(committee_words(a)), set(committee_words(b))
    if not words_a or not words_b:
        return False
    return words_a <= words_b or words_b <= words_a


def number_key(number) -> str:
    """A minute or item number as printed, without spaces or a trailing dot; none is ''."""
    return re.sub(r"\s+", "", str(number or "")).rstrip(".").lower()


@dataclass(frozen=True)
class Entry:
    """One record to be matched: gold or found, built alike by `entries`."""

    kind: str
    exact: tuple  # normalised values that must be equal
    texts: tuple = ()  # each compared by text_similarity
    alternatives: tuple = ()  # gold only: other right values of the first text
    committees: tuple = ()  # meetings: some gold name compatible with some found name
    near: int | None = None  # a line or page; the gold entry's `slack` says how near
    slack: int = 0
    hint: str = ""  # orders rival candidates (e.g. an action's task), never decides
    label: str = ""  # how --misses shows it


def similarity(gold: Entry, found: Entry) -> float | None:
    """How alike a gold and a found entry are (1.0 identical), None when not a match."""
    if gold.kind != found.kind or gold.exact != found.exact:
        return None
    if gold.committees and not any(
        committees_compatible(g, f) for g in gold.committees for f in found.committees
    ):
        return None
    if gold.near is not None and found.near is not None and abs(gold.near - found.near) > gold.slack:
        return None
    score = 1.0
    for n, (gold_text, found_text) in enumerate(zip(gold.texts, found.texts)):
        right = (gold_text, *gold.alternatives) if n == 0 else (gold_text,)
        alike = max((text_similarity(r, found_text) or 0.0) for r in right)
        if not alike:
            return None
        score = min(score, alike)
    return score


def match(gold: list[Entry], found: list[Entry]) -> list[tuple[int, int]]:
    """Pairs (gold index, found index), one to one, as many as possible."""
    by_exact: dict[tuple, list[int]] = defaultdict(list)
    for j, entry in enumerate(found):
        by_exact[(entry.kind, entry.exact)].append(j)
    candidates: list[list[int]] = []
    best: list[tuple] = []
    for entry in gold:
        scored = []
        for j in by_exact.get((entry.kind, entry.exact), ()):
            alike = similarity(entry, found[j])
            if alike is not None:
                hint = SequenceMatcher(None, entry.hint, found[j].hint).ratio() if entry.hint else 0.0
                scored.append((-alike, -hint, j))
        scored.sort()
        candidates.append([j for *_, j in scored])
        best.append(scored[0][:2] if scored else (0.0, 0.0))
    # The closest pairs are made first; later gold entries may move them along
    # augmenting paths, which only ever adds a pair.
    owner: dict[int, int] = {}  # found index -> gold index
    for i in sorted(range(len(gold)), key=lambda i: best[i]):
        _augment(i, candidates, owner, set())
    return sorted((i, j) for j, i in owner.items())


def _augment(i: int, candidates: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Kuhn's augmenting path: give gold i a found entry, moving others if need be."""
    for j in candidates[i]:
        if j in seen:
            continue
        seen.add(j)
        if j not in owner or _augment(owner[j], candidates, owner, seen):
            owner[j] = i
            return True
    return False
