"""Where sentences of council minutes end, in running text that wraps over lines.

A full stop ends a sentence when a capital, an opening bracket or quote, or a
paragraph number ("… be noted. 2. The …") follows it, except after an initial
("Cllr. A. Bowen"), a title or a short form that takes a stop ("Cllr.",
"Cyng.", "No.", "para."), or a dotted abbreviation ("C.C.C. Planning", "H.L. and
A.W. Gwynne"). "!" and "?" end one before a capital too; ";" does not ("… be
noted; and agree to …" is one decision). `RUNS_ON`: a line ending that cannot
end a sentence (an article, a preposition, a comma).

Why not a library sentence splitter (nltk's punkt, spaCy's sentencizer): they
need a model or a download, are much slower per call, and still split at
"Cllr. A. Bowen" and "C.C.C." unless taught these papers' abbreviations,
which is all the rule below is.
"""

from __future__ import annotations

import re

from .names import TITLE_WORDS
from .vocabulary import terms

# Short forms written with a full stop that never end a sentence (lower case, without the stop).
ABBREVIATIONS = frozenset({word.lower() for word in TITLE_WORDS} | {word.lower() for word in terms("abbreviations")})
# "… be noted. 2. The Chairman …", "… signed. 24/032 Planning"
_PARAGRAPH_NUMBER_SOURCE = r"\d{1,3}(?:[./]\d{1,3})*[.)]\s|\d{1,3}(?:[./]\d{1,3})+\s"
_PARAGRAPH_NUMBER = re.compile(_PARAGRAPH_NUMBER_SOURCE)
_STOP_THEN_SENTENCE = re.compile(
    rf"[.!?](?=[\"'’”)\]]*\s+[\"'‘“(\[]*(?:[^\W\d_]|{_PARAGRAPH_NUMBER_SOURCE}))"
)
# A line that cannot end a sentence: it ends with a comma, an article, a preposition, a conjunction …
RUNS_ON = re.compile(
    r"(?:[,;(&–-]|\b(?:the|a|an|of|to|and|or|but|for|by|with|in|on|at|from|that|this|be|is|are|was|were|"
    r"will|would|should|could|has|have|had|as|not|no|their|its|his|her|our|any|all|each|per|into|onto|"
    r"upon|than|which|who|y|yr|a'r|i|o|ac|ar|gan|bod))\s*$",
    re.IGNORECASE,
)
TIMES_OF_DAY = ("a.m", "p.m")  # dotted, yet they end the sentence they close
_WORD_BEFORE = re.compile(r"(\S+)$")
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")


def ends_sentence(text: str, i: int) -> bool:
    """Whether the stop at text[i] ends a sentence (see the module's rule)."""
    mark = text[i]
    if mark not in ".!?":
        return False
    following = text[i + 1 : i + 16].lstrip("\"'’”)] \t\r\n").lstrip("\"'‘“([")
    if not following or not (following[0].isupper() or _PARAGRAPH_NUMBER.match(following)):
        return False
    word = _WORD_BEFORE.search(text[max(0, i - 40) : i])
    if not word:
        return True
    token = word.group(1).lstrip("([\"'‘“")
    if mark != ".":
        return True
    if token.lower() in TIMES_OF_DAY:  # "… at 10 a.m. The Chair …"
        return True
    if _DOTTED.fullmatch(token):  # "C.C.C." or "A.W."
        return False
    letters = token.rstrip(".")
    if len(letters) == 1 and letters.isalpha():  # an initial
        return False
    return letters.lower() not in ABBREVIATIONS


def sentence_ends(text: str) -> list[int]:
    """The offsets of the marks that end the sentences of `text`."""
    return [m.start() for m in _STOP_THEN_SENTENCE.finditer(text) if ends_sentence(text, m.start())]


def first_sentence(text: str) -> str:
    """`text` up to the end of its first sentence, without the closing mark."""
    for match in _STOP_THEN_SENTENCE.finditer(text):
        if ends_sentence(text, match.start()):
            return text[: match.start()]
    return text


def last_sentence_start(text: str, floor: int = 0, end: int | None = None) -> int:
    """Where the sentence that runs to `end` (default: the end of `text`) began,
    at or after `floor`. What follows `end` shows whether a stop just before it
    ends a sentence."""
    end = len(text) if end is None else end
    start = floor
    for match in _STOP_THEN_SENTENCE.finditer(text, floor, min(len(text), end + 16)):
        if match.start() < end and ends_sentence(text, match.start()):
            start = match.end()
    while start < end and text[start] in " \t\r\n\"'’”)]":
        start += 1
    return start
