"""The formulas with which minutes record that the meeting decided something,
found in an item's running text (its lines joined, so that a formula may wrap).

Each `Formula` says where its words stand and where the decision lies:
- AFTER: the decision follows ("RESOLVED that …", "the Councillors resolved to
  adopt the seat", "It was agreed that …", "proposed by …, seconded by … and
  unanimously agreed that …", "Cytunwyd …", "PENDERFYNWYD bod …");
- LIST: the list after the formula is the decision ("The following payments
  were ratified:");
- BEFORE: the decision precedes ("(Proposed by …, seconded by … and unanimously
  agreed)" after a list; "Agreed unanimously." after a motion);
- SENTENCE: the whole sentence is the decision ("the minutes were agreed as a
  true record");
- LABEL: a web page's "Decision:" block.

Lower-case "agreed" is a decision only in the impersonal or collective forms
above ("It was agreed", "All agreed", "unanimously agreed"): "the Panel agreed
to write to …" is someone undertaking a task, "it had been agreed" and "as
agreed at the last meeting" report an earlier agreement. Welsh forms are the
same meeting's words in the other language of bilingual councils.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.sentences import last_sentence_start

AFTER, LIST, BEFORE, SENTENCE, LABEL = "after", "list", "before", "sentence", "label"


@dataclass(frozen=True)
class Formula:
    start: int  # where its words begin in the span's text
    end: int  # where the decision's own words begin (after "that", ":")
    kind: str  # AFTER, LIST, BEFORE, SENTENCE or LABEL
    weak: bool = False  # an agreement reached in discussion can be reported speech


_NAMES = r"[^;:()]{1,80}?"  # "Cllr. W. Loynton" (wrapping), up to the next word of the formula
_MANNER = r"(?:unanimously|by\s+(?:a\s+)?majority(?:\s+(?:decision|vote))?|by\s+all)"
_THAT = r"(?:\s*,)?(?:\s+that\b)?(?:\s*[,:]-?|\s*[–—-](?=\s))?"
_BODY = (
    r"(?:[Tt]he\s+)?(?:[A-Z][\w&’'-]*\s+){0,4}?"
    r"(?:Council|Councillors|Committee|Sub-Committee|Panel|Cabinet|Board|Members|Group|Forum|"
    r"Trustees|Authority|Executive|Meeting|Commission|Assembly|councillors|members|meeting)"
)
# What may open the sentence before its formula: "After discussion,", "Therefore,",
# "Internal Audit - " (a run-in heading), "The quotations were studied and".
_LEAD_IN = (
    r"(?:(?:After|Following|Upon|On|Having|In\s+view\s+of|In\s+light\s+of|Further\s+to)\b[^.;]{0,60}?,?\s+"
    r"|(?:Therefore|Subsequently|Accordingly|Consequently|Finally|Thereafter|Then|So|Thus),?\s+"
    r"|[A-Z][\w’' ]{0,40}?\s[–—-]\s)*"
)
# "… and it was resolved", "The Councillors resolved", "After discussion, the Committee resolved".
_SUBJECT_BEFORE_RESOLVED = re.compile(
    rf"{_LEAD_IN}(?:(?:[^.;]{{0,80}}?\s(?:and|whereupon)\s+)?"
    rf"(?:[Ii]t\s+was|{_BODY})(?:\s+(?:then|also|further|duly|unanimously|therefore))?\s+)?",
)
# Capitals need no body: "The Director RESOLVED", as before.
_CAPITALS_SUBJECT = re.compile(r"(?:The|the|It|it)\b.{0,40}?\s+|" + _LEAD_IN + r"(?:it|It)\s+was\s+")

_PATTERNS: tuple[tuple[str, re.Pattern, bool], ...] = (
    # proposed by …, seconded by … and (unanimously) agreed that
    ("motion", re.compile(
        rf"(?:[Ii]t\s+was\s+)?(?:[Pp]roposed|PROPOSED)\s+by\s+{_NAMES},?\s+(?:and\s+)?(?:[Ss]econded|SECONDED)"
        rf"\s+by\s+{_NAMES},?\s+(?:and\s+)?(?:was\s+)?(?:{_MANNER}\s+)?"
        rf"(?:agreed|approved|resolved|carried)(?:\s+{_MANNER})?\b{_THAT}"
    ), False),
    ("welsh_motion", re.compile(
        rf"[Cc]ynigiwyd\s+gan\s+{_NAMES},?\s+(?:ac\s+)?eiliwyd\s+gan\s+{_NAMES},?\s+"
        r"(?:ac\s+roedd\s+pawb\s+yn\s+gytûn|gyda\s+phawb\s+yn\s+gytûn|a\s+chytunwyd(?:\s+yn\s+unfrydol)?"
        r"|ac\s+fe\s+gytunwyd(?:\s+yn\s+unfrydol)?)(?:\s*,)?"
        r"(?:\s+bod\b|\s+y(?=\s+(?:dylid|dylai|dylent|byddai|bydd|caiff|cânt|gellid|gallai)\b)|\s*:-?)?"
    ), False),
    # It was (unanimously) agreed (and resolved) that …; not "agreed at the last meeting".
    ("it_was", re.compile(
        r"\b[Ii]t\s+was\s+(?:(?:also|further|then|therefore|subsequently|duly|noted\s+and)\s+)*"
        rf"(?:{_MANNER}\s+)?(?:agreed|agree|AGREED|decided|DECIDED)"
        rf"(?:\s+and\s+(?:resolved|RESOLVED|agreed))?(?:\s+{_MANNER})?\b"
        r"(?!\s+(?:at|during|in|by)\s+(?:the|a|an)\s+(?:last|previous|earlier|recent|prior)\b)"
        rf"(?!\s+previously){_THAT}"
    ), True),
    ("all_agreed", re.compile(
        r"\bAll\s+(?:(?:the\s+)?(?:Councillors|Members|members|councillors|present|those\s+present)\s+)?"
        rf"(?:{_MANNER}\s+)?agreed\b(?:\s+{_MANNER})?{_THAT}"
    ), True),
    ("unanimously", re.compile(
        rf"\b(?:{_MANNER}\s+(?:agreed|approved|resolved)|(?:agreed|approved|resolved)\s+{_MANNER})\b"
        rf"(?=\s*(?:,\s*)?(?:that|to)\b|\s*:){_THAT}"
    ), False),
    # "RESOLVED that", "Resolved:", "Agreed that", "AGREED" (alone: it carries the motion before it).
    ("resolved", re.compile(
        r"\b(?:RESOLVED|Resolved|resolved|AGREED|Agreed|DECIDED|PENDERFYNWYD|Penderfynwyd)\b"
        rf"(?:\s+(?:{_MANNER}|UNANIMOUSLY|yn\s+unfrydol)\b)?{_THAT}(?:\s+bod\b)?"
    ), False),
    ("cytunwyd", re.compile(r"\bCytunwyd\b(?:\s+yn\s+unfrydol)?(?:\s+bod\b|\s*:-?)?"), True),
    ("following", re.compile(
        r"\b[Tt]he\s+following\s+(?:[\w’'-]+\s+){0,3}?(?:was|were|has\s+been|have\s+been)\s+"
        r"(?:(?:duly|unanimously)\s+)?(?:agreed|approved|ratified|resolved|accepted|authori[sz]ed)\b"
        r"[^:.\n]{0,60}?\s*:-?"
    ), False),
    ("record", re.compile(
        r"\b[Mm]inutes\b[^.;:]{0,150}?\b(?:were|was)\s+(?:duly\s+|unanimously\s+)?agreed\s+as\s+(?:a\s+)?"
        r"(?:true|correct|accurate)\s+record"
    ), False),
    ("bracketed", re.compile(
        r"\(\s*(?:[Pp]roposed|PROPOSED|Cynigiwyd)\b[^()]{0,200}?"
        r"(?:agreed|approved|resolved|carried|yn\s+gytûn|unfrydol)\s*\)"
    ), False),
    ("agreed_alone", re.compile(r"\bUnanimously\s+(?:agreed|approved)\s*(?:[.!]|(?=\s*(?:\n|$)))"), False),
    ("label", re.compile(r"(?m)^[ \t]*(?:Decision|DECISION|Penderfyniad|PENDERFYNIAD)[ \t]*:"), False),
)
_KIND_OF = {"following": LIST, "record": SENTENCE, "bracketed": BEFORE, "agreed_alone": BEFORE, "label": LABEL}
_WEAK_WORDS = {"Agreed"}  # in note-form minutes, as in reported discussion
_ENDS_CLAUSE = re.compile(r"\b(?:that|whether|if|when|how|as|had|have|has)\s*$")


def find_formulas(text: str) -> list[Formula]:
    """Every decision formula in `text`, in order; where two overlap, the first."""
    found: list[Formula] = []
    candidates = sorted(
        ((m, name, weak) for name, pattern, weak in _PATTERNS for m in pattern.finditer(text)),
        key=lambda c: (c[0].start(), -c[0].end()),
    )
    for match, name, weak in candidates:
        if found and match.start() < found[-1].end:
            continue
        formula = _formula(text, match, name, weak)
        if formula and formula.kind == SENTENCE and found and found[-1].start >= formula.start:
            continue  # the sentence's own formula came first
        if formula:
            found.append(formula)
    return found


def _formula(text: str, match: re.Match, name: str, weak: bool) -> Formula | None:
    start, end = match.start(), match.end()
    sentence = _sentence_start(text, start)
    prefix = _unmarked(text[sentence:start])
    line_prefix = _unmarked(text[text.rfind("\n", 0, start) + 1 : start])
    prefixes = [prefix] + ([line_prefix] if not line_prefix or line_prefix[0].isupper() else [])
    if not _opens_well(name, match.group(0), prefixes):
        return None
    weak = weak or match.group(0).split()[0] in _WEAK_WORDS
    kind = _KIND_OF.get(name, AFTER)
    if name in ("motion", "welsh_motion") and re.match(r"\s*(?:[).]|$)", text[end : end + 3]):
        kind = BEFORE  # "… seconded by … and agreed." after the motion it carries
    if kind == SENTENCE:
        start = end = sentence
    return Formula(start=start, end=end, kind=kind, weak=weak)


def _opens_well(name: str, words: str, prefixes: list[str]) -> bool:
    """Whether the formula stands where a decision is recorded: at the start of
    its sentence (after a lead-in such as "After discussion,"), or after the
    body or "it was" for "resolved". `prefixes`: the words before it in its
    sentence, and in its line when that starts with a capital."""
    prefix = prefixes[0]
    if name in ("motion", "welsh_motion", "unanimously", "record", "bracketed", "label"):
        return not _ENDS_CLAUSE.search(prefix)
    if name == "it_was":
        return not _ENDS_CLAUSE.search(prefix)
    if name in ("all_agreed", "cytunwyd", "following", "agreed_alone"):
        return any(_fullmatch(_LEAD_IN, p) for p in prefixes)
    word = words.split()[0].strip(":-,–")
    if word == "resolved":
        return any(p and _SUBJECT_BEFORE_RESOLVED.fullmatch(p) for p in prefixes)
    if word == "Agreed":
        return any(_fullmatch(_LEAD_IN, p) for p in prefixes)
    return any(
        _fullmatch(_LEAD_IN, p) or _CAPITALS_SUBJECT.fullmatch(p) or _SUBJECT_BEFORE_RESOLVED.fullmatch(p)
        for p in prefixes
    )


def _fullmatch(pattern: str, text: str) -> bool:
    return re.fullmatch(pattern, text) is not None


# "3. ", "2.RESOLVED", "(4) ", "16.07.3 ", "4.4.12iv) ", "b) ", "• ".
_MARKER = re.compile(
    r"^\s*(?:[•·▪●*–-]\s+|\(?\d{1,3}(?:[./]\s?\d{1,3})*(?:[a-z]|[ivx]{1,5})?[.)]\s*"
    r"|\(?(?:[a-z]|[ivx]{1,5})[.)]\s*|\d{1,3}(?:[./]\d{1,3})*\s+)"
)


def _unmarked(prefix: str) -> str:
    """The words before a formula in its sentence, without a paragraph number."""
    prefix = re.sub(r"\s+", " ", prefix).lstrip()
    while True:
        stripped = _MARKER.sub("", prefix, count=1)
        if stripped == prefix:
            return prefix
        prefix = stripped


def _sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding `pos` begins: after the last sentence end, a
    line ending in a colon or a blank line, looking back at most 400 characters."""
    floor = max(0, pos - 400)
    start = last_sentence_start(text, floor, pos)
    for boundary in re.finditer(r"\n[ \t]*\n|:-?[ \t]*\n", text[floor:pos]):
        start = max(start, floor + boundary.end())
    return start
