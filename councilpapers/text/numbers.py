"""Numbers written in figures or words ("12", "six", "twenty-one", Welsh
"chwech", "un ar ddeg"): the one place that reads them.

The words are data (vocabulary/number_words.txt); `NUMBER` is a regular
expression source matching a number in figures (up to three digits: counts of
people and votes, never sums of money) or in words, longest first so "un ar
ddeg" is not read as "un"; `value` gives what it stands for.
"""

from __future__ import annotations

import re

from .vocabulary import VocabularyError, terms

_ENTRY = re.compile(r"^(?P<language>[a-z]{2}):\s*(?P<word>[^=]+?)\s*=\s*(?P<value>\d+)$")


def _words() -> dict[str, dict[str, int]]:
    """language -> word -> value."""
    found: dict[str, dict[str, int]] = {}
    for entry in terms("number_words"):
        match = _ENTRY.match(entry)
        if not match:
            raise VocabularyError(f"number_words.txt: {entry!r} is not 'language: word = number'")
        found.setdefault(match["language"], {})[match["word"].casefold()] = int(match["value"])
    return found


_BY_LANGUAGE = _words()
WORDS: dict[str, int] = {word: n for words in _BY_LANGUAGE.values() for word, n in words.items()}
_ENGLISH = _BY_LANGUAGE.get("en", {})
_TENS = [w for w, n in _ENGLISH.items() if n >= 20 and n % 10 == 0]
_UNITS = [w for w, n in _ENGLISH.items() if 1 <= n <= 9]


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# "twenty-one", "thirty two": English tens and a unit
_COMPOUND = rf"(?:{_alternation(_TENS)})[\s-](?:{_alternation(_UNITS)})"
NUMBER = rf"(?:\d{{1,3}}(?!\d)|(?:{_COMPOUND}|{_alternation(WORDS)})\b)"


def value(written: str) -> int | None:
    """What a number in figures or words stands for; None if it is none."""
    text = re.sub(r"\s+", " ", written.strip().casefold())
    if text.isdigit():
        return int(text)
    if text in WORDS:
        return WORDS[text]
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in _TENS and unit in _UNITS:
        return _ENGLISH[tens] + _ENGLISH[unit]
    return None
