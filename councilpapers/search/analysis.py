"""Words -> index terms, the same for every engine and for snippets.

Text is analysed here, in Python, and handed to the engines already split into
terms (space separated), so Whoosh and Tantivy index exactly the same terms and
answer the same way, and the snippet code can tell which words of a passage
matched. The rules are Whoosh's `StemmingAnalyzer`'s: words of letters and
digits (a dot inside a word keeps it whole: "2.3m", "e.g"), lower case, English
stop words and one-letter words dropped, Porter stems. Dropped words leave no
gap, so the phrase "children in care" matches "Children in Care" and "children
and care" alike (as Whoosh always did).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

WORD = re.compile(r"\w+(?:\.\w+)*")
# Whoosh's STOP_WORDS.
STOP_WORDS = frozenset(
    "a an and are as at be by can for from have if in is it may not of on or tbd "
    "that the this to us we when will with yet you your".split()
)
MIN_LENGTH = 2


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The Porter stem of a lower-case word."""
    from whoosh.lang.porter import stem as porter

    return porter(word)


def keep(word: str) -> bool:
    return len(word) >= MIN_LENGTH and word not in STOP_WORDS


def terms(text: str | None) -> list[str]:
    """The index terms of `text`, in order."""
    if not text:
        return []
    return [stem(w) for w in (m.group().lower() for m in WORD.finditer(text)) if keep(w)]


def term_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """(term, start, end) for each indexed word of `text`, for highlighting."""
    for m in WORD.finditer(text):
        word = m.group().lower()
        if keep(word):
            yield stem(word), m.start(), m.end()


def joined(text: str | None) -> str:
    """`terms(text)` as the space-separated string the engines index."""
    return " ".join(terms(text))


def words(text: str | None) -> list[str]:
    """Lower-case surface words (no stemming), stop words kept: for spelling."""
    return [m.group().lower() for m in WORD.finditer(text or "")]
