"""Resolutions: the decisions an item's minutes record, in any of the forms
`decision_formulas` finds, each whole, with its parts a), b) or 1., 2. kept.

The decision is what follows the formula ("RESOLVED that" / ":" dropped, "to"
kept: "resolved to adopt the seat" gives "to adopt the seat"): its sentence, or
the list it opens ("resolved to pay :" and the payees below it), or for a
formula after the fact ("(Proposed by …, seconded by … and unanimously
agreed)") the list or sentence before it. A decision printed twice (a web
page's "Decision:" and "Minutes:" blocks) is one.

Where it ends: at its sentence's end, unless parts follow ("(a) …; (b) …" in
one run or on lines of their own, "1.", "b.", bullets where it opened a list),
then with its last part; at a vote line (`vote_lines`: "For 7, Against 3", "The
motion was carried"), a heading (capitals, or bold after a decision that is
not), a page label ("Reasons for the decision:"), or the end of its paragraph
(the line before stopped short of the margin). A list it opens ("the following
grants:") runs a line a row, a table's header row left out, a page number
skipped, until prose or a heading takes over.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ...corpus.records import Resolution
from ...text.sentences import (
    ABBREVIATIONS,
    RUNS_ON,
    first_sentence,
    last_sentence_start,
)
from ...text.spacing import squash
from ..model import Line
from ..textflow import TextFlow
from .decision_formulas import (
    AFTER,
    BEFORE,
    CARRIES,
    LABEL,
    LIST,
    SENTENCE,
    Formula,
    find_formulas,
)
from .item_headings import is_full
from .vote_lines import is_vote_line, strip_tally

PART = re.compile(r"^\s*\(?(?P<mark>[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")
# A part on a line of its own after the decision's opening words: "(b) ", "b) ", "b. ", "ii. ", "• ".
LINE_PART = re.compile(
    r"^\s*(?:\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})\)|(?:[a-h]|[ivx]{1,4})\.|[•·▪●◦‣–-])\s+(?=\S)"
)
# A page's number printed in the text where the reader did not set it apart ("Page 4 of 9", "- 4 -").
PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s+\d{1,3}(?:\s+of\s+\d{1,3})?|[-–]\s*\d{1,3}\s*[-–]|\d{1,3}\s*/\s*\d{1,3})\s*$",
    re.IGNORECASE,
)
# A part's mark inside a line: "RESOLVED: (a) that …; (b) that …; and (c) …".
INLINE_PART = re.compile(
    r"(?:^|(?<=[:;,.–—-]\s)|(?<=\band\s)|(?<=\bor\s)|(?<=;\sa\s)|(?<=\bac\s)|(?<=\bneu\s))"
    r"(?:\(?(?P<mark>[a-z]|[ivx]{1,4}|\d{1,2})\)"
    r"|(?<=[:;]\s)(?P<number>\d{1,2})\.|(?<=\band\s)(?P<and_number>\d{1,2})\.)"
    r"\s+(?=\S)"
)
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii")
NUMBERED_PART = re.compile(r"^\s*(?P<number>\d{1,2})\.\s+\S")
# ModernGov web pages label the blocks of an item.
PAGE_LABEL = re.compile(
    r"^(?:(?:Minutes|Decision|Voting|Additional documents|Penderfyniad|Cofnodion"
    r"|Reasons?\s+for\s+(?:the\s+)?(?:decisions?|recommendations?)|Alternative\s+options?[\w ]{0,30}"
    r"|Other\s+options\s+considered|(?:Conflicts?|Declarations?)\s+of\s+interests?[\w ]{0,30}|Dispensations?"
    r"|Reason\s+for\s+urgency)\s*:|Recorded Vote\b)",
    re.IGNORECASE,
)
# "3. ", "(4) ", "16.07.10 ", "4.4.12iv) ", "10iii) ": a new paragraph or minute.
NEW_PARAGRAPH = re.compile(
    r"^\s*(?:\d{1,2}\.(?:\s|$)|\(\d{1,2}\)\s|\d{1,2}(?:[./]\s?\d{1,3}){1,5}(?:[a-z]{1,5}\))?\.?\s"
    r"|\d{1,3}[ivx]{1,5}\)\s|[•·▪●]\s?)"
)
FORM_LINE = re.compile(r"_{5,}|\.{5,}|…{3,}")  # "Signed ______ Dated ____"
OPENS_LIST = re.compile(r"(?::-?|;|\band|\bor|,)\s*$")
ENDS_WITH_COLON = re.compile(r":-?\s*$")
AMOUNT = re.compile(r"\d[\d,]*\.\d\d\b")
MONEY = re.compile(r"[£€$]\s?\d")
HEADING_WORDS = 12
SMALL_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with", "&"})
PARALLEL_OPENERS = ("to", "that", "i", "bod")  # "To accept …", "To add …": the parts of one decision
SHORT_LINE = 0.7  # without positions, a line this share of the longest ends its paragraph
WRAP_WIDTH_MIN = 50  # characters: shorter spans show no wrapping to judge by
# Words that open a new sentence at the start of a line when the line before did not end one.
SENTENCE_OPENER = re.compile(r"^(?:The|This|These|Those|It|Its|There|They|He|She|We)\s")
# The lead of a list of points made in discussion ("In response to questions it was said:").
REPORTED_SPEECH = re.compile(
    r"\b(?:said|noted|raised|made|asked|commented|discussed|highlighted|mentioned|explained|reported|stated|"
    r"included|responded|advised)\s*:-?\s*$",
    re.IGNORECASE,
)
REPORTED_SPEECH_REACH = 60  # lines: how far back a list of points made may have started
SUBJECT_WORDS = 4  # "This was", "The motion was": a sentence's subject, not a decision
# A motion put: "Cllr Stone proposed that …", "It was moved by … that …", "… proposed, … seconded, to …".
MOTION = re.compile(
    r"\b(?:propos(?:ed|al)|moved)\b.*?\b(?:that\s+(?P<that>.+)|(?P<to>to\s+.+))", re.IGNORECASE | re.DOTALL
)


class _Span:
    """An item's lines as one text, one to a row, so that formulas and sentences may wrap."""

    def __init__(self, lines: list[Line], start: int, end: int):
        self.lines, self.start, self.end = lines, start, end
        self.flow = TextFlow.of_chunks(((i, lines[i].text) for i in range(start, end)), separator="\n")
        self.text = self.flow.text

    def line_at(self, offset: int) -> int:
        """The index (in `lines`) of the line holding `offset`."""
        return self.flow.line_at(offset)

    def column(self, offset: int) -> int:
        return offset - self.flow.starts[self.flow.chunk_at(offset)]

    def wrap_width(self) -> int:
        """The length of the span's longest line: where its paragraphs wrap."""
        return max((len(self.lines[i].text.strip()) for i in range(self.start, self.end)), default=0)

    def offset_of(self, index: int) -> int:
        """Where the line at `index` starts; past the end for a line after the span."""
        return self.flow.starts[index - self.start] if index < self.end else len(self.text) + 1


def find_resolutions(lines: list[Line], start: int, end: int) -> list[Resolution]:
    """The resolutions between `start` and `end`, each at the line of its formula."""
    span = _Span(lines, start, end)
    formulas = find_formulas(span.text)
    found: list[Resolution] = []
    covered = -1  # formulas inside a "Decision:" block are the block's
    for n, formula in enumerate(formulas):
        if formula.kind in (BEFORE, CARRIES) and any(f.formal for f in formulas[n + 1 :]):
            if not _list_above(span, span.line_at(formula.start)):
                continue  # "… seconded and carried. RESOLVED that …": the RESOLVED records it
        if formula.start < covered:
            continue
        following = formulas[n + 1].start if n + 1 < len(formulas) else len(span.text)
        if formula.kind == LABEL:
            if span.text[formula.end : following].strip():
                decision, covered = _label_block(span, formula)
            else:
                continue  # "Decision:" then "RESOLVED that …": the formula's
        elif formula.weak and _in_reported_discussion(span, span.line_at(formula.start)):
            continue
        else:
            decision = _decision(span, formula, following)
        if not decision or not decision[0]:
            continue
        text, parts = decision
        if not _printed_before(found, text):
            found.append(Resolution(index=span.line_at(formula.start), text=text, parts=parts))
    return found


def _decision(span: _Span, formula: Formula, following: int) -> tuple[str, list[str]] | None:
    if formula.kind in (BEFORE, CARRIES):
        return _decision_before(span, formula, motion_only=formula.kind == CARRIES)
    if formula.kind == SENTENCE:
        sentence = first_sentence(_paragraph_from(span.text[formula.start : following]))
        return squash(sentence).rstrip(" ."), []
    decision = _decision_after(span, formula, following)
    if not decision[0] and formula.kind == AFTER:
        return _decision_before(span, formula, motion_only=True)  # "AGREED" after the motion
    return decision


def _paragraph_from(text: str) -> str:
    """`text` up to a line break that starts a new paragraph: the line before
    could end a sentence and the next opens with a capital or a number
    ("… approved as a correct record" / "Matters arising")."""
    offset = 0
    for line in text.split("\n")[:-1]:
        offset += len(line) + 1
        following = text[offset:].lstrip(" \t")
        if following[:1].isupper() or following[:1].isdigit():
            if line.strip() and not RUNS_ON.search(line.rstrip()):
                return text[: offset - 1]
    return text


def _printed_before(found: list[Resolution], text: str) -> bool:
    """A web page prints the decision twice (under "Decision:" and "Minutes:"),
    the second time perhaps cut short: "… view the full minutes text", or a
    "Voting:" line after its first part ("1. … be approved; and")."""
    head = re.split(r"\s*(?:\.\.\.|…)", text, maxsplit=1)[0]
    cut_short = bool(OPENS_LIST.search(text)) or head != text
    return any(
        f.text == text or (cut_short and len(head) > 20 and f.text.startswith(head)) for f in found
    )


# -- the decision after its formula ---------------------------------------------------------------


def _decision_after(span: _Span, formula: Formula, limit: int) -> tuple[str, list[str]]:
    lines = span.lines
    first = span.line_at(formula.end)
    line_start = span.offset_of(first)
    lead = lines[first].text[formula.end - line_start : limit - line_start].strip()
    if lead.startswith((".", ")")):
        return "", []  # "… and it was agreed." : nothing follows
    words = span.text[formula.start : formula.end]
    # "RESOLVED:" opens a list, unless the decision is a whole sentence on its
    # line ("RESOLVED: to set a precept of £1.2m."): then the colon is only the label's.
    colon_opens = bool(ENDS_WITH_COLON.search(words)) and not (lead and _ends_a_sentence(lead))
    listing = formula.kind == LIST or colon_opens or _opens_a_list(lead)
    walk = _Walk(lead if listing else _without_margin_note(lines[first], lead), listing, first)
    for j in range(first + 1, span.end):
        if walk.done() or span.offset_of(j) >= limit:
            break
        text = lines[j].text.strip()
        if span.offset_of(j) + len(lines[j].text) > limit:  # the next formula starts on this line
            before = lines[j].text[: limit - span.offset_of(j)].strip()
            if before and walk.takes(before, j, span):
                walk.add(before, j)
            break
        if PAGE_NUMBER.match(text) or _running_header(lines, j) or walk.is_table_header(j, span):
            continue  # a page's number between two lines of the decision; "Payee | Purpose | Amount"
        if not text:
            if not walk.list_goes_on(j, span):
                break
            continue
        if not walk.takes(text, j, span):
            break
        walk.add(text if walk.listing else _without_margin_note(lines[j], text), j)
    return _text_and_parts(walk.chunks, walk.numbered, walk.listing)


def _running_header(lines: list[Line], j: int) -> bool:
    """Line `j` opens its page with the words that open another page (digits
    aside): a running header the reader left in, between two lines of a decision."""
    page = getattr(lines[j], "page", None)
    if page is None or j == 0 or getattr(lines[j - 1], "page", None) == page:
        return False
    words = re.sub(r"\d+", "#", lines[j].text.strip())
    for k in range(j - 1, 0, -1):
        if lines[k].page != lines[k - 1].page:
            return words == re.sub(r"\d+", "#", lines[k].text.strip())
    return bool(lines) and words == re.sub(r"\d+", "#", lines[0].text.strip()) and lines[0].page != page


def _without_margin_note(line: Line, text: str) -> str:
    """`text` (the end of `line`) without a note in the page's right-hand column
    ("Clerk", "JN/AC Nov"), where the reader gives the line's cells."""
    cells = getattr(line, "cells", None)
    frame = getattr(line, "frame", None)
    if not cells or len(cells) < 2 or frame is None or cells[-1].x0 is None:
        return text
    note = cells[-1].text.strip()
    right_quarter = frame.body_centre + (frame.body_right - frame.body_centre) / 2
    if cells[-1].x0 >= right_quarter and note and text.endswith(note) and len(note) < len(text):
        return text[: -len(note)].rstrip()
    return text


def _opens_a_list(lead: str) -> bool:
    """The decision's first sentence ends with a colon: "to pay :", "the following payments may be made :-"."""
    return bool(ENDS_WITH_COLON.search(lead)) and not _ends_a_sentence(lead.rstrip(" :-"))


class _Walk:
    """The lines of a decision so far, and whether each next line belongs to it.
    `listing`: the decision opened a list (a colon), so its lines are all kept;
    else its first sentence is kept, and the walk stops once that has ended."""

    def __init__(self, lead: str, listing: bool, first: int):
        self.chunks = [lead]
        self.first = self.last = first  # the formula's line, and the last line taken
        self.listing = listing
        self.numbered = not lead or listing  # "1.", "2." lines are its parts
        self.has_parts = False
        self.has_parts = len(_inline_parts(lead)[1]) > 1
        self.ended = not listing and _ends_a_sentence(lead)
        self.next_number: int | None = None

    def done(self) -> bool:
        return self.ended and not self.has_parts

    def add(self, text: str, j: int) -> None:
        self.last = j
        if LINE_PART.match(text) or (self.numbered and NUMBERED_PART.match(text)):
            self.has_parts = True
        if not self.listing and not self.has_parts and ENDS_WITH_COLON.search(text):
            self.listing = self.numbered = True  # "… the following payments may be" / "made :-"
        self.ended = not self.listing and not self.has_parts and _ends_a_sentence(text)
        self.chunks.append(text)

    def takes(self, text: str, j: int, span: _Span) -> bool:
        is_part = bool(PART.match(text)) or (bool(LINE_PART.match(text)) and self._open_for_parts())
        numbered_part = self._numbered_part(text)
        if NEW_PARAGRAPH.match(text) and not is_part and not numbered_part:
            return False
        if PAGE_LABEL.match(text) or FORM_LINE.search(text):
            return False
        if is_vote_line(text) and not self._runs_on_into(text):
            return False
        if not is_part and not numbered_part and self._ends_before(text, j, span):
            return False
        last = self.chunks[-1]
        if (is_part or numbered_part) and not self.has_parts and not self.listing and AMOUNT.search(last[-12:]):
            return False  # "… a donation of £100.00" then "xii) …": the next paragraph
        if self.has_parts and not (is_part or numbered_part) and _complete(last):
            return False  # the last part has ended; what follows is the minute's prose
        if not self.listing and last and not _complete(last) and not RUNS_ON.search(last):
            if SENTENCE_OPENER.match(text):
                return False  # "… signed them" / "The Standing Orders Policy …": a new sentence
        in_list = self.listing and not self.has_parts and any(self.chunks[1:])
        if in_list and not is_part and not numbered_part:
            following = span.lines[j + 1].text.strip() if j + 1 < span.end else ""
            if _wraps_as_prose(text, following):
                return False  # the list has ended; a paragraph of prose follows
        if numbered_part:
            self.next_number = int(NUMBERED_PART.match(text).group("number")) + 1
        return True

    def _runs_on_into(self, text: str) -> bool:
        """The decision's sentence wraps on to a line the vote shares:
        "… set the precept for 2025/26" / "at £412,000. Voting: 6 for, 1 against"."""
        last = self.chunks[-1]
        return (not self.listing and bool(last) and not _complete(last) and text[:1].islower()
                and not is_vote_line(first_sentence(text)))

    def is_table_header(self, j: int, span: _Span) -> bool:
        """Line `j` heads the columns of the table of payments the decision
        opens: words only, in cells or all capitalised, before its first row,
        and the row after it holds an amount."""
        text = span.lines[j].text.strip()
        if not self.listing or any(self.chunks[1:]) or not text or any(c.isdigit() for c in text):
            return False
        cells = getattr(span.lines[j], "cells", None) or ()
        pieces = [c.text.split() for c in cells] if len(cells) >= 2 else [[w] for w in text.split()]
        if not 2 <= len(pieces) <= 8 or any(len(p) > 3 or not p[0][:1].isupper() for p in pieces):
            return False
        following = next((span.lines[k].text for k in range(j + 1, span.end) if span.lines[k].text.strip()), "")
        return _has_amount(following)

    def _open_for_parts(self) -> bool:
        """A bullet or "b." line is a part only where the decision opened a list
        ("RESOLVED that:", "…; and") or has parts already; else it is a new point."""
        return self.listing or self.has_parts or not any(self.chunks) or bool(OPENS_LIST.search(self.chunks[-1]))

    def _ends_before(self, text: str, j: int, span: _Span) -> bool:
        """The decision has ended before line `j` (`text`): a heading follows it,
        its paragraph ended (the line before it stopped short of the margin), or
        the list it opened has given way to prose."""
        line, first = span.lines[j], span.lines[self.first]
        entries = [c for c in self.chunks[1:] if c]
        if not self.listing:
            if _is_heading_line(line, first):
                return True
            return not self.has_parts and any(self.chunks) and _starts_a_paragraph(span, self.last, text)
        if self.has_parts or not entries:
            return False
        opener = entries[0].split()[0].lower()
        if opener in PARALLEL_OPENERS:  # "To accept …;" "To add …." then "The Chair …"
            return _complete(entries[-1]) and text[:1].isupper() and text.split()[0].lower() != opener
        if all(_has_amount(e) for e in entries) and not _has_amount(text):
            return _is_heading_line(line, first) or _reads_as_sentence(text)
        # Not bold nor capitals: a list's entries may be set so ("NO OBJECTIONS").
        if not _reads_as_sentence(text) or _has_amount(text):
            return False
        if entries[-1].rstrip().endswith("."):
            return True  # "… : notes the report …; and agrees the budget." then "The Chair thanked everyone."
        # Rows ("Village Hall Committee – Cllr Bee") then "The Clerk will write to them."
        return bool(SENTENCE_OPENER.match(text)) and not any(_reads_as_sentence(e) for e in entries)

    def _numbered_part(self, text: str) -> bool:
        """"2." continues a list opened by a colon when it is the next number."""
        match = NUMBERED_PART.match(text)
        if not (self.numbered and match):
            return False
        number = int(match.group("number"))
        if self.chunks[-1].rstrip().endswith(".") and _is_title(text[match.end() - 1 :]):
            return False  # "2. … notice." then "3. Any Other Business": the next minute
        if self.next_number is not None:
            return number == self.next_number
        return number == 1 or f" {number - 1}. " in " " + " ".join(self.chunks) + " "

    def list_goes_on(self, j: int, span: _Span) -> bool:
        """A blank line ends the decision, unless a list of parts goes on after it."""
        k = j + 1
        while k < span.end and not span.lines[k].text.strip():
            k += 1
        if k >= span.end:
            return False
        last, following = self.chunks[-1], span.lines[k].text
        if not any(self.chunks) or ENDS_WITH_COLON.search(last):
            return True  # "RESOLVED:" or "… the following payments:", a blank line, then the decision
        entries = [c for c in self.chunks[1:] if c]
        if self.listing and entries and all(_has_amount(e) for e in entries):
            return _has_amount(following) and not _reads_as_sentence(following)  # rows a blank line apart
        opened = OPENS_LIST.search(last) or not " ".join(self.chunks).strip()
        return bool(opened) and bool(LINE_PART.match(following))


def _ends_a_sentence(text: str) -> bool:
    """`text` holds the end of a sentence, its final full stop included."""
    probe = text.rstrip() + " A"
    return first_sentence(probe) != probe


def _is_heading_line(line: Line, first: Line) -> bool:
    """A heading: a short line in capitals ("CORRESPONDENCE"), or in bold after
    a decision that is not, without a full stop."""
    text = line.text.strip()
    words = text.split()
    if not words or len(words) > HEADING_WORDS or text.endswith((".", ";", ",")) or _has_amount(text):
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return True
    return bool(line.bold) and first.bold is False and text[:1].isupper()


def _starts_a_paragraph(span: _Span, previous: int, text: str) -> bool:
    """`text` opens a new paragraph: the line before it ended short of the
    right margin (or, without positions, well short of the span's longest
    lines) and could end a sentence, and `text` starts with a capital."""
    before = span.lines[previous].text.rstrip()
    if not text[:1].isupper() or not before or RUNS_ON.search(before) or before.endswith(":"):
        return False
    last_word = before.split()[-1].rstrip(".").lower()
    if len(last_word) == 1 or last_word in ABBREVIATIONS:
        return False  # "RESOLVED that Mrs" / "L Grey be co-opted …": a name wraps
    line = span.lines[previous]
    if getattr(line, "has_position", False) and getattr(line, "frame", None) is not None:
        return not is_full(line)
    width = span.wrap_width()
    return width >= WRAP_WIDTH_MIN and len(before.strip()) < SHORT_LINE * width


def _is_title(text: str) -> bool:
    """A heading's words: each capitalised but the small ones, no closing stop."""
    words = text.split()
    small = sum(1 for w in words if w.lower() in SMALL_WORDS)
    capitalised = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    return bool(words) and len(words) <= HEADING_WORDS and not text.rstrip().endswith((".", ";", ",", ":")) and (
        capitalised + small == len(words)
    )


def _has_amount(text: str) -> bool:
    return bool(AMOUNT.search(text) or MONEY.search(text))


def _reads_as_sentence(text: str) -> bool:
    """A line of prose: a capital, most words in lower case, a full stop."""
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 4 and text[:1].isupper() and text.rstrip().endswith(".") and 2 * lower >= len(words)


def _complete(text: str) -> bool:
    """The line ends a statement: a full stop or semicolon, or an amount."""
    text = text.rstrip()
    return text.endswith((".", ";")) or bool(AMOUNT.search(text[-12:]))


def _wraps_as_prose(text: str, following: str) -> bool:
    """A sentence of several words that runs on into a line starting in lower case."""
    return (
        len(text.split()) >= 6 and not AMOUNT.search(text)
        and bool(following) and following[0].islower()
    )


# -- the decision before its formula --------------------------------------------------------------


def _decision_before(span: _Span, formula: Formula, motion_only: bool) -> tuple[str, list[str]] | None:
    """The list just above the formula, else the sentence before it (for a bare
    "Agreed", only a motion: "… proposed that X. Agreed unanimously.")."""
    line = span.line_at(formula.start)
    if not span.text[span.offset_of(line) : formula.start].strip(" \t("):
        listed = _list_above(span, line)
        if listed:
            return _text_and_parts(listed, numbered_parts=False, listing=True)
    before = span.text[_paragraph_floor(span, line) : formula.start]
    sentence, start = _sentence_before(before)
    if len(sentence.split()) <= SUBJECT_WORDS:  # "This was" seconded …: the motion is the sentence before
        sentence, _ = _sentence_before(before[:start])
    motion = MOTION.search(sentence)
    if motion:
        sentence = motion.group("that") or motion.group("to")
    elif motion_only:
        return None
    return sentence.rstrip(" .,"), []


def _sentence_before(text: str) -> tuple[str, int]:
    """The last sentence of `text` without its closing stop, and where it starts."""
    text = text.rstrip(" \t\n(")
    text = text[:-1] if text.endswith(".") else text
    start = last_sentence_start(text)
    return squash(text[start:]), start


def _list_above(span: _Span, line: int) -> list[str]:
    """The parts i), ii) … that end just above `line`: all of them from the
    list's first when each is a payment (ends with an amount), else the last."""
    block: list[str] = []
    pending: list[str] = []
    for j in range(line - 1, span.start - 1, -1):
        text = span.lines[j].text.strip()
        if not text or (NEW_PARAGRAPH.match(text) and not PART.match(text)) or ENDS_WITH_COLON.search(text):
            break
        part = PART.match(text)
        if part:
            block, pending = [" ".join([text, *pending]), *block], []
            if part.group("mark") in ("a", "i", "1"):
                break
        elif len(pending) >= 3:
            break
        else:
            pending.insert(0, text)
    if block and not all(AMOUNT.search(entry[-12:]) for entry in block):
        return block[-1:]
    return block


def _paragraph_floor(span: _Span, line: int) -> int:
    """The offset where the paragraph holding `line` begins."""
    for j in range(line, max(span.start, line - 15) - 1, -1):
        text = span.lines[j].text.strip()
        if not text:
            return span.offset_of(j + 1)
        if NEW_PARAGRAPH.match(text) or PART.match(text):
            return span.offset_of(j)
    return span.offset_of(max(span.start, line - 15))


# -- "Decision:" blocks and reported discussion ---------------------------------------------------


def _label_block(span: _Span, formula: Formula) -> tuple[tuple[str, list[str]], int]:
    """A "Decision:" block: its text up to the next label."""
    first = span.line_at(formula.end)
    chunks = [span.lines[first].text[span.column(formula.end) :].strip()]
    j = first + 1
    while j < span.end and not PAGE_LABEL.match(span.lines[j].text.strip()):
        if NEW_PARAGRAPH.match(span.lines[j].text) and not NUMBERED_PART.match(span.lines[j].text):
            break
        if _ends_label_block(span, j, first, chunks):
            break
        chunks.append(span.lines[j].text.strip())
        j += 1
    return _text_and_parts(chunks, numbered_parts=True, listing=True), span.offset_of(j)


def _ends_label_block(span: _Span, j: int, first: int, chunks: list[str]) -> bool:
    """A "Decision:" block ends at a vote line, a heading, or a new paragraph
    after its text ("Decision:" / "Approve, subject to conditions" / "For 6,
    Against 2" / "Cllr Bee left the meeting.")."""
    text = span.lines[j].text.strip()
    if is_vote_line(text) or (any(chunks) and _is_heading_line(span.lines[j], span.lines[first])):
        return True
    return any(chunks) and not LINE_PART.match(text) and _starts_a_paragraph(span, j - 1, text)


def _in_reported_discussion(span: _Span, line: int) -> bool:
    """Whether `line` sits in a list of points made in discussion ("In response to
    questions it was said: a. … It was agreed that …"), where an agreement is a
    view reported, not the meeting's decision."""
    for j in range(line - 1, max(span.start, line - REPORTED_SPEECH_REACH) - 1, -1):
        text = span.lines[j].text.strip()
        if ENDS_WITH_COLON.search(text):
            return bool(REPORTED_SPEECH.search(text))
        if NEW_PARAGRAPH.match(text) and not PART.match(text):
            return False
    return False


# -- text -----------------------------------------------------------------------------------------


def _text_and_parts(chunks: list[str], numbered_parts: bool, listing: bool) -> tuple[str, list[str]]:
    lines = [c for c in chunks if c]
    parts: list[str] = []
    lead: list[str] = []
    for line in lines:
        if LINE_PART.match(line) or (numbered_parts and NUMBERED_PART.match(line)):
            parts.append(line)
        elif parts:
            parts[-1] += " " + line
        else:
            lead.append(line)
    lead_text = squash(" ".join(lead))
    if not parts:
        lead_text, parts = _inline_parts(lead_text)
    elif len(parts) == 1:  # "(a) that …; (b) that …" printed in one run from the line's start
        before, inline = _inline_parts(squash(parts[0]))
        parts = parts if before or not inline else inline
    if parts:
        parts = [squash(p) for p in parts]
        parts[-1] = _through_first_sentence(parts[-1])  # "(c) … be adopted. The Chair thanked …"
        text = " ".join([lead_text, *parts]).strip() if lead_text else " ".join(parts)
        return strip_tally(text).rstrip(" ."), [_unmarked(p) for p in parts]
    if listing:  # "to pay :" and the payees below it, or a block of planning observations
        return strip_tally(lead_text).rstrip(" ."), []
    # One part: the resolution is the sentence the formula opens.
    return strip_tally(first_sentence(lead_text)).rstrip(" ."), []


def _inline_parts(text: str) -> tuple[str, list[str]]:
    """`text` split at the marks of parts printed in one run ("(a) that …; (b)
    that …; and (c) …"): the words before the first mark, and the parts. The
    marks must run in order from the first (a, i or 1); else no parts."""
    run: list[re.Match] = []
    for mark in INLINE_PART.finditer(text):
        if not run:
            if _mark_rank(_mark_of(mark), None) == 0:
                run.append(mark)
        elif _mark_rank(_mark_of(mark), _mark_of(run[0])) == len(run):
            run.append(mark)
    if len(run) < 2:
        return text, []
    bounds = [m.start() for m in run] + [len(text)]
    parts = [text[a:b].strip() for a, b in pairwise(bounds)]
    return text[: run[0].start()].strip(), parts


def _mark_of(match: re.Match) -> str:
    return match.group("mark") or match.group("number") or match.group("and_number")


def _mark_rank(mark: str, first: str | None) -> int | None:
    """The place of `mark` in the series that `first` opens (a, b …; i, ii …; 1, 2 …)."""
    series = (first or mark).lower()
    mark = mark.lower()
    if series.isdigit():
        return int(mark) - 1 if mark.isdigit() else None
    if series == "i" and mark in ROMAN:
        return ROMAN.index(mark)
    if len(mark) == 1 and mark.isalpha() and len(series) == 1:
        return ord(mark) - ord("a")
    return None


def _through_first_sentence(part: str) -> str:
    """A part up to the end of its first sentence, its mark kept."""
    mark = LINE_PART.match(part) or NUMBERED_PART.match(part)
    head = part[: mark.end()] if mark and mark.end() < len(part) else ""
    sentence = first_sentence(part[len(head):])
    return head + sentence if sentence != part[len(head):] else part


def _unmarked(part: str) -> str:
    return re.sub(r"^\s*\d{1,2}\.\s+", "", LINE_PART.sub("", part)).rstrip(" ;.")
