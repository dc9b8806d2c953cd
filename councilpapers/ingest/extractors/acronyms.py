"""Acronyms defined in a file: "Unaccompanied Asylum Seeking Children (UASC)",
"UASC (Unaccompanied Asylum Seeking Children)", glossary lines ("UASC – …",
"UASC: …", "KSCB Kent Safeguarding Children Board") and a scorecard's "Key To
Abbreviations", whose codes and meanings the PDF prints in separate runs.

A pairing is kept only when the initials of the long form spell the short form,
in order: that is what tells a definition from any word that happens to sit
before a bracket. Small words ("of", "and", "for", "the", "in") may give a letter
or be skipped ("Year to Date", "Leading Improvements for Looked After Children");
"&" and "and" both give "&" ("EH&PS"); each part of a hyphenated or slashed word
may give one ("Multi-Agency", "Red/Amber/Green"), the later parts may be skipped.

The short form is kept as printed, plural and all ("IROs", "RHAs"): that is what
the reader sees, and "IHAs" and "IHA" then stay two entries. One entry per short
form per file; the first definition wins. Which long form the corpus gives a
short form is `corpus.glossary`'s to say, over every file.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ...corpus.records import Acronym
from ...text.names import TITLED_NAME, same_person
from ...text.spacing import squash
from ..model import Line
from ..textflow import TextFlow

# "UASC", "DfE", "CiC", "EH&PS", "R12", "IROs", "IRO's" (see _is_short_form for the rest).
SHORT_FORM = r"[A-Z][A-Za-z0-9&]{0,8}?(?:s|'s|’s)?"
QUOTE = r"[\"'“”‘’]?"
BRACKETED_SHORT = re.compile(r"\(\s*(?:the\s+)?" + QUOTE + r"(?P<short>" + SHORT_FORM + r")" + QUOTE + r"\s*\)")
SHORT_THEN_BRACKET = re.compile(r"\b(?P<short>" + SHORT_FORM + r")\s+\((?P<long>[^()]{3,100}?)\)")
# A glossary line: the code first, then a dash, colon or equals sign ("UASC – …",
# "UASC: …"), or, for codes of three letters or more, just space (a two-column
# table of bodies: "KSCB Kent Safeguarding Children Board").
GLOSSARY_LINE = re.compile(
    r"^[ \t•]*(?P<short>" + SHORT_FORM + r")(?:[ \t]*[-–—:=][ \t]*|(?P<space>[ \t]+))(?=[A-Za-z])"
)
KEY_HEADING = re.compile(r"^\s*(?:key\s+to\s+)?(?:abbreviations|acronyms|glossary(?:\s+of\s+terms)?)\s*:?\s*$", re.I)
KEY_WINDOW = 120  # lines either side of a "Key To Abbreviations" heading
# A line of codes only, in capitals: "R12 IRO", "QSW", "AC YTD".
CODE = r"[A-Z][A-Z0-9&]+"
CODES_LINE = re.compile(r"^\s*" + CODE + r"(?:\s+" + CODE + r"){0,2}\s*$")
KEY_CELL_WORDS = 12  # a meaning in the key is a short cell, not a sentence of prose
WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9’'&]*|&")
# Where a long form cannot reach back across: a sentence end, a bracket, a colon,
# a bullet, a paragraph break.
BARRIER = re.compile(r"[.;:!?()\[\]•]\s|[()\[\]•]|\n\s*\n")
SMALL_WORDS = frozenset({"of", "and", "for", "the", "in", "to", "on", "at", "with", "a", "an", "&", "by", "or"})
LOOK_BACK_CHARS = 200
FOOTNOTE_MARK = re.compile(r"(?<=[a-z])\d{1,2}$")  # "Children in Need1"


def find_acronyms(lines: list[Line], attendees: Iterable[str] = ()) -> list[Acronym]:
    """The acronyms defined in `lines`. `attendees`: the names the meeting's
    attendance gives; "Jane Archer (JA)" in a list of those present defines her
    initials, which an action column then uses, not an acronym."""
    attendees = list(attendees)
    flow = TextFlow.of_lines(lines)
    text, starts = flow.text, flow.starts
    found = [
        *_long_then_bracket(text),
        *_short_then_bracket(text),
        *_glossary_lines(lines, text, starts),
        *_key_to_abbreviations(lines, text, starts),
    ]
    # "Mrs S Skinner", "Mr Gurney": a surname. "Sarah Skinner" then spells "SS", the
    # initials an action log puts against her name, which is no acronym. Only
    # initials may stand between title and surname here: "Councillor Ward
    # Funding (CWF)" is no person.
    surnames = {m["surname"] for m in TITLED_NAME.finditer(text) if not re.search(r"[a-z]", m["given"])}
    entries: dict[str, Acronym] = {}
    for offset, short, long in sorted(found):
        long = FOOTNOTE_MARK.sub("", long) if not any(c.isdigit() for c in short) else long
        if short not in entries and not _is_person(long, surnames) and not _is_attendee(long, attendees):
            entries[short] = Acronym(index=flow.line_at(offset), short=short, long=long)
    return sorted(entries.values(), key=lambda entry: entry.index)


def _long_then_bracket(text: str) -> list[tuple[int, str, str]]:
    """"Unaccompanied Asylum Seeking Children (UASC)"."""
    found = []
    for match in BRACKETED_SHORT.finditer(text):
        short = match["short"]
        if _is_short_form(short):
            long = _long_before(text, match.start(), short)
            if long:
                found.append((match.start(), short, long))
    return found


def _short_then_bracket(text: str) -> list[tuple[int, str, str]]:
    """"UASC (Unaccompanied Asylum Seeking Children)": every word in the brackets counts."""
    found = []
    for match in SHORT_THEN_BRACKET.finditer(text):
        short = match["short"]
        if _is_short_form(short):
            words = _words(match["long"], match.start("long"))
            if words and _spell(words, _letters(short)) == len(words):
                found.append((match.start(), short, squash(match["long"])))
    return found


def _glossary_lines(lines: list[Line], text: str, starts: list[int]) -> list[tuple[int, str, str]]:
    """"UASC – Unaccompanied Asylum Seeking Children": the words after the code
    that spell it, which may run on to the next line."""
    found = []
    for index, line in enumerate(lines):
        match = GLOSSARY_LINE.match(line.text)
        if not match or not _is_short_form(match["short"]):
            continue
        letters = _letters(match["short"])
        if match["space"] and len(letters) < 3:
            continue  # "MP Mark Pearson to circulate": initials in an action log
        start = starts[index] + match.end()
        words = _words(text[start: start + LOOK_BACK_CHARS], start)
        used = _spell(words, letters)
        if used:
            found.append((starts[index], match["short"], squash(text[words[0][1]: words[used - 1][2]])))
    return found


def _is_person(long: str, surnames: set[str]) -> bool:
    words = long.split()
    return 2 <= len(words) <= 3 and all(w[0].isupper() for w in words) and words[-1] in surnames


def _is_attendee(long: str, attendees: list[str]) -> bool:
    words = long.split()
    return (2 <= len(words) <= 4 and all(w[0].isupper() for w in words)
            and any(same_person(long, name) for name in attendees))


def _long_before(text: str, bracket: int, short: str) -> str | None:
    """The words just before "(SHORT)" whose initials spell it, or None."""
    window_start = max(0, bracket - LOOK_BACK_CHARS)
    window = text[window_start:bracket]
    barriers = list(BARRIER.finditer(window))
    if barriers:
        window_start += barriers[-1].end()
    words = _words(text[window_start:bracket], window_start)
    letters = _letters(short)
    used = _spell(words[::-1], letters[::-1], backwards=True)
    if not used:
        return None
    first = words[len(words) - used]
    if first[3]:
        return None  # would begin inside a hyphenated word
    return squash(text[first[1]: words[-1][2]])


def _key_to_abbreviations(lines: list[Line], text: str, starts: list[int]) -> list[tuple[int, str, str]]:
    """Codes printed on lines of their own near a "Key To Abbreviations" heading,
    each paired with the first capitalised run of words nearby that spells it."""
    found = []
    for heading, line in enumerate(lines):
        if not KEY_HEADING.match(line.text):
            continue
        low, high = max(0, heading - KEY_WINDOW), min(len(lines), heading + KEY_WINDOW + 1)
        codes = [(i, code) for i in range(low, high) if CODES_LINE.match(lines[i].text)
                 for code in lines[i].text.split() if _is_short_form(code)]
        meanings = [(i, words) for i in range(low, high) if not CODES_LINE.match(lines[i].text)
                    for words in [_words(lines[i].text, starts[i])] if _is_key_cell(words)]
        for _, code in codes:
            letters = _letters(code)
            for i, words in meanings:
                run = _capitalised_run(words, letters)
                if run:
                    found.append((starts[i], code, squash(text[run[0]:run[1]])))
                    break
    return found


def _is_key_cell(words: list[tuple[str, int, int, bool]]) -> bool:
    """A meaning in the key is a short run of capitalised words ("Year to Date
    (April to March) Qualified Social Worker"), not a sentence of prose."""
    return 0 < len(words) <= KEY_CELL_WORDS and all(
        w[0][0].isupper() or w[0][0].isdigit() or w[0].lower() in SMALL_WORDS for w in words
    )


def _capitalised_run(words: list[tuple[str, int, int, bool]], letters: list[str]) -> tuple[int, int] | None:
    for start in range(len(words)):
        if not words[start][0][0].isupper():
            continue
        used = _spell(words[start:], letters)
        if used and all(w[0][0].isupper() or w[0].isdigit() or w[0].lower() in SMALL_WORDS
                        for w in words[start: start + used]):
            return words[start][1], words[start + used - 1][2]
    return None


def _spell(words: list[tuple[str, int, int, bool]], letters: list[str], backwards: bool = False,
           w: int = 0, k: int = 0) -> int | None:
    """How many words, from the first, spell `letters` by their initials (the
    first word gives the first letter; small words and the later parts of a
    hyphenated word may be skipped); the fewest that do, or None. `backwards`:
    words and letters come last first, from a bracket back, so the long form's
    opening word gives the last letter; it is never a small word ("Office of
    Budget Responsibility (OBR)" is not "of Budget Responsibility")."""
    if k == len(letters):
        return w
    if w == len(words):
        return None
    word, _, _, continues = words[w]
    opening = k == (len(letters) - 1 if backwards else 0)
    if _gives(word, letters[k]) and not (opening and word.lower() in SMALL_WORDS):
        used = _spell(words, letters, backwards, w + 1, k + 1)
        if used is not None:
            return used
    if k > 0 and (word.lower() in SMALL_WORDS or continues):
        return _spell(words, letters, backwards, w + 1, k)
    return None


def _gives(word: str, letter: str) -> bool:
    if letter == "&":
        return word.lower() in ("&", "and")
    if letter.isdigit():
        return word == letter
    return word[0].lower() == letter.lower()


def _letters(short: str) -> list[str]:
    """"EH&PS" -> E H & P S; "R12" -> R 12; "IROs" -> I R O (a plural s gives no letter)."""
    singular = re.sub(r"(?<=[A-Z])(?:s|'s|’s)$", "", short)
    return re.findall(r"\d+|&|[A-Za-z]", singular)


def _is_short_form(short: str) -> bool:
    letters = _letters(short)
    capitals = sum(1 for c in short if c.isupper())
    digits = any(c.isdigit() for c in short)
    return (
        (capitals >= 2 or (capitals == 1 and digits)) and len(letters) >= 2 and len(short) <= 10
        and not re.fullmatch(r"[IVX]+", short)  # a roman numeral
    )


def _words(text: str, offset: int) -> list[tuple[str, int, int, bool]]:
    """(word, start, end, continues a hyphenated word) for each word, offsets in the joined text."""
    return [(m.group(0), offset + m.start(), offset + m.end(), m.start() > 0 and text[m.start() - 1] == "-")
            for m in WORD.finditer(text)]
