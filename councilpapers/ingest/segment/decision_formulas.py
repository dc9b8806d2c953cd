"""The formulas with which minutes record that the meeting decided something,
found in an item's running text (its lines joined, so that a formula may wrap).

Each `Formula` says where its words stand and where the decision lies:
- AFTER: the decision follows ("RESOLVED that …", "Resolved:", "the Councillors
  resolved to adopt the seat", "It was agreed (and resolved) that …", "proposed
  by …, seconded by … and unanimously agreed that …", "by majority decision
  agreed to …", "All agreed …", "Councillors agreed that X be …", "Cytunwyd …",
  "PENDERFYNWYD bod …", "Penderfynodd y Pwyllgor …", "DECISION: that …");
- LIST: the list after the formula is the decision ("The following payments
  were ratified:");
- BEFORE: the decision precedes ("(Proposed by …, seconded by … and unanimously
  agreed)" after a list; "… seconded by … and agreed." after the motion);
- CARRIES: a bare agreement carrying the motion before it ("Agreed
  unanimously.", "AGREED", "CARRIED"); with no motion before it, nothing;
- SENTENCE: the whole sentence is the decision ("the minutes were agreed
  (approved, confirmed) as a true record", "Cymeradwywyd cofnodion … fel cofnod cywir");
- LABEL: a web page's "Decision:" block.

Lower-case "agreed" is a decision only in the impersonal or collective forms
above ("It was agreed", "All agreed", "unanimously agreed"): "the Panel agreed
to write to …" is someone undertaking a task, "The Panel agreed that the update
was helpful" a view, "it had been agreed" and "as agreed at the last meeting"
report an earlier agreement. Welsh forms are the same meeting's words in the
other language of bilingual councils; the formulas' grammar stays here, like the
English, and the words that vary (the verbs approving minutes, the names of the
bodies that decide, the mutated forms after "fe") are data: vocabulary/welsh_record_verbs.txt,
welsh_deciding_bodies.txt and welsh_decided_forms.txt.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...text.sentences import RUNS_ON, last_sentence_start
from ...text.vocabulary import pattern
from .vote_words import BRACKETED_COUNTS

AFTER, LIST, BEFORE, CARRIES, SENTENCE, LABEL = "after", "list", "before", "carries", "sentence", "label"


@dataclass(frozen=True)
class Formula:
    start: int  # where its words begin in the span's text
    end: int  # where the decision's own words begin (after "that", ":")
    kind: str  # AFTER, LIST, BEFORE, CARRIES, SENTENCE or LABEL
    weak: bool = False  # an agreement reached in discussion can be reported speech
    formal: bool = False  # "RESOLVED", "PENDERFYNWYD": the minute's record of the decision


# "Cllr. A. Bowen" (wrapping), up to the next word of the formula, never across the motion's "that".
_NAMES = r"(?:(?!\s(?:that|to)\s)[^;:()]){1,80}?"
_MANNER = r"(?:unanimously|by\s+(?:a\s+)?majority(?:\s+(?:decision|vote))?|by\s+all|nem\.?\s*con\.?)"
_MANNER_AFTER = rf"(?:\s+(?:{_MANNER}|UNANIMOUSLY|\((?:unanimous(?:ly)?|nem\.?\s*con\.?|by\s+(?:a\s+)?majority(?:\s+vote)?)\)|(?i:{BRACKETED_COUNTS})))?"
_THAT = r"(?:\s*,)?(?:\s+(?:[Tt]hat|THAT)\b)?(?:\s*[,:]-?|\s*[–—-](?=\s))?(?:\s*(?:[Tt]hat|THAT)\b)?"
_BODY = (
    r"(?:[Tt]he\s+)?(?:[A-Z][\w&’'-]*\s+){0,4}?"
    r"(?:Council|Councillors|Committee|Sub-Committee|Panel|Cabinet|Board|Members|Group|Forum|"
    r"Trustees|Authority|Executive|Meeting|Commission|Assembly|councillors|members|meeting)"
)
_BODY_ON_ONE_LINE = _BODY.replace(r"\s+", r"[ \t]+")  # not "25/12 Minutes" / "The Committee …"
_WELSH_DECIDED = pattern("welsh_decided_forms")
_WELSH_RECORD = pattern("welsh_record_verbs")
_WELSH_BODY = pattern("welsh_deciding_bodies")
_RECORD_VERBS = r"(?:agreed|approved|confirmed|accepted|adopted|signed|received|taken\s+as\s+read\s+and\s+\w+)"
# What may open the sentence before its formula: "After discussion,", "Therefore,",
# "Internal Audit - " (a run-in heading).
_LEAD_IN = (
    r"(?:(?:After|Following|Upon|On|Having|In\s+view\s+of|In\s+light\s+of|Further\s+to)\b[^.;]{0,60}?,?\s+"
    r"|(?:Therefore|Subsequently|Accordingly|Consequently|Finally|Thereafter|Then|So|Thus),?\s+"
    r"|[A-Z][\w’' ]{0,40}?\s[–—-]\s"
    r"|[A-Z][\w’'/ ]{0,40}?:\s+)*"  # a run-in heading: "Payments – …", "b) Precept: Following discussion …"
)
# "… and it was resolved", "The Councillors resolved", "After discussion, the Committee resolved".
_SUBJECT_BEFORE_RESOLVED = re.compile(
    rf"{_LEAD_IN}(?:(?:[^.;]{{0,80}}?\s(?:and|whereupon)\s+)?"
    rf"(?:[Ii]t\s+was|{_BODY})(?:\s+(?:then|also|further|duly|unanimously|therefore))?\s+)?",
)
# Capitals need no body: "The Director RESOLVED", "It was unanimously RESOLVED".
_CAPITALS_SUBJECT = re.compile(r"(?:The|the|It|it)\b.{0,40}?\s+|" + _LEAD_IN + r"(?:it|It)\s+was\s+")
_WELSH_SHOULD = r"(?:dylid|dylai|dylent|byddai|bydd|caiff|cânt|gellid|gallai)"  # "y dylid …": "that … should"
_WELSH_THAT = rf"(?:\s*,)?(?:\s+[Bb]od\b|\s+y(?=\s+{_WELSH_SHOULD}\b)|\s*:-?)?"

_PATTERNS: tuple[tuple[str, re.Pattern, bool], ...] = (
    # proposed (moved) by …, seconded by … and (unanimously) agreed that; "Proposed: …
    # Seconded: … All agreed."; "This was seconded by … and agreed." after the motion.
    ("motion", re.compile(
        rf"(?:(?:[Pp]roposed|PROPOSED|[Mm]oved|MOVED)(?:\s+by:?|:)\s+{_NAMES},?\s+(?:and\s+)?)?"
        rf"(?:[Ss]econded|SECONDED)(?:\s+by:?|:)\s+{_NAMES}[,.]?\s+(?:and\s+)?(?:was\s+)?(?:[Aa]ll\s+)?"
        rf"(?:{_MANNER}\s+)?(?:agreed|approved|resolved|carried|RESOLVED)\b"
        rf"{_MANNER_AFTER}{_THAT}"
    ), False),
    ("welsh_motion", re.compile(
        rf"[Cc]ynigiwyd\s+gan\s+{_NAMES},?\s+(?:ac\s+)?eiliwyd\s+gan\s+{_NAMES},?\s+"
        r"(?:ac\s+roedd\s+pawb\s+yn\s+gytûn|gyda\s+phawb\s+yn\s+gytûn|a\s+chytunwyd(?:\s+yn\s+unfrydol)?"
        rf"|ac\s+fe\s+gytunwyd(?:\s+yn\s+unfrydol)?|a\s+phenderfynwyd(?:\s+yn\s+unfrydol)?"
        rf"|ac\s+fe\s+benderfynwyd(?:\s+yn\s+unfrydol)?){_WELSH_THAT}"
    ), False),
    # It was (unanimously) agreed (and resolved) (by the Council) that …; not "agreed at the last meeting".
    ("it_was", re.compile(
        r"[Ii]t\s+was\s+(?:(?:also|further|then|therefore|subsequently|duly|noted\s+and)\s+)*"
        rf"(?:{_MANNER}\s+)?(?:agreed|agree|AGREED|decided|DECIDED)"
        rf"(?:\s+and\s+(?:resolved|RESOLVED|agreed))?\b{_MANNER_AFTER}"
        r"(?!\s+(?:at|during|in|by)\s+(?:the|a|an)\s+(?:last|previous|earlier|recent|prior)\b)"
        rf"(?!\s+previously)(?:\s+by\s+(?:all(?:\s+present)?|{_BODY}))?{_THAT}"
    ), True),
    ("all_agreed", re.compile(
        r"All\s+(?:(?:the\s+)?(?:Councillors|Members|members|councillors|present|those\s+present)\s+)?"
        rf"(?:{_MANNER}\s+)?agreed\b{_MANNER_AFTER}{_THAT}"
    ), True),
    # "Councillors agreed that the precept be set …": the body agreeing a decision
    # (its clause says "be" or "should"); "the Panel agreed to write …" is a task.
    ("body_agreed", re.compile(r"agreed\s+that\b(?=[^.]{0,160}?\b(?:be|should|shall)\b)"), True),
    ("unanimously", re.compile(
        rf"(?:{_MANNER}\s+(?:agreed|approved|resolved)|(?:agreed|approved|resolved)\s+{_MANNER})\b"
        rf"(?=\s*(?:,\s*)?(?:that|to)\b|\s*:){_THAT}"
    ), False),
    # "RESOLVED that", "Resolved:", "Agreed that", "AGREED" (alone: it carries the motion before it).
    ("resolved", re.compile(
        r"(?:RESOLVED|Resolved|resolved|AGREED|Agreed|DECIDED|PENDERFYNWYD|Penderfynwyd)\b"
        r"(?!\s+(?:[Aa]ctions?|ACTIONS?|[Pp]oints|POINTS|[Ii]tems|ITEMS)\b)"  # a heading "AGREED ACTIONS"
        rf"(?:\s+(?:yn\s+unfrydol|YN\s+UNFRYDOL)\b)?{_MANNER_AFTER}{_THAT}(?:\s+[Bb]od\b|\s+y(?=\s+{_WELSH_SHOULD}\b))?"
    ), False),
    ("cytunwyd", re.compile(rf"Cytunwyd\b(?:\s+yn\s+unfrydol)?{_WELSH_THAT}"), True),
    # "Fe benderfynwyd bod …", "Cytunodd pawb i …" (all agreed); "a phenderfynwyd" closes a motion.
    ("welsh_mutated", re.compile(
        rf"(?:(?:[Ff]e|[Aa]c\s+fe)\s+{_WELSH_DECIDED}|Cytunodd\s+pawb)\b"
        rf"(?:\s+(?:yn\s+unfrydol|YN\s+UNFRYDOL)\b)?{_WELSH_THAT}"
    ), True),
    # "Penderfynodd y Pwyllgor wrthod y cais" (the body decided); "Cytunodd y Cyngor bod … /
    # y dylid …" (agreed that, like "Councillors agreed that X be …", not "agreed to" a task).
    ("welsh_body", re.compile(
        rf"(?:Penderfynodd\s+(?:y|yr)\s+{_WELSH_BODY}\b(?:\s+yn\s+unfrydol)?{_WELSH_THAT}"
        rf"|Cytunodd\s+(?:y|yr)\s+{_WELSH_BODY}\b(?:\s+yn\s+unfrydol)?(?:\s*,)?"
        r"(?:\s+[Bb]od\b|\s+y(?=\s+(?:dylid|dylai|dylent|byddai|bydd|caiff|cânt)\b)))"
    ), False),
    ("following", re.compile(
        r"[Tt]he\s+following\s+(?:[\w’'-]+\s+){0,3}?(?:was|were|has\s+been|have\s+been)\s+"
        r"(?:(?:duly|unanimously)\s+)?(?:agreed|approved|ratified|resolved|accepted|authori[sz]ed)\b"
        r"[^:.\n]{0,60}?\s*:-?"
    ), False),
    # "the minutes … were agreed (approved, confirmed …) as a correct record (and signed)",
    # "The Committee approved the minutes of … as a true record".
    ("record", re.compile(
        r"(?:[Mm]inutes\b(?:(?![Mm]inutes\b)[^.;:]){0,150}?\b(?:were|was)\s+(?:duly\s+|unanimously\s+)?"
        rf"{_RECORD_VERBS}|{_BODY_ON_ONE_LINE}\s+(?:duly\s+|unanimously\s+)?{_RECORD_VERBS}\s+the\s+minutes\b"
        r"(?:(?![Mm]inutes\b)[^.;:]){0,150}?)"
        r"(?:\s+and\s+(?:signed|approved|confirmed)|[^.;:]{0,40}?)\s+as\s+(?:a\s+|an\s+|being\s+a\s+)?"
        r"(?:true|correct|accurate|full)\s+record"
        # "The minutes of the meeting held on … were approved (and signed by the Chair)."
        r"|[Mm]inutes\b(?:(?![Mm]inutes\b)[^.;:]){0,150}?\b(?:were|was)\s+(?:duly\s+|unanimously\s+)?"
        r"(?:approved|confirmed|adopted)(?:\s+and\s+signed(?:\s+by\s+the\s+\w+)?)?(?=\s*(?:\.|$))"
        # "Cymeradwywyd (a llofnodwyd) cofnodion y cyfarfod … fel cofnod cywir / fel rhai cywir / yn gywir".
        rf"|{_WELSH_RECORD}(?:\s+a\s+{_WELSH_RECORD})*\s+(?:[bf]od\s+)?(?:y\s+)?cofnodion\b[^.;:]{{0,150}}?"
        r"\b(?:fel\s+(?:cofnod|rhai)\s+(?:cywir|gwir|teg)|yn\s+gofnod\s+(?:cywir|gwir|teg)|yn\s+gywir)"
    ), False),
    ("bracketed", re.compile(
        r"\(\s*(?:[Pp]roposed|PROPOSED|[Mm]oved|Cynigiwyd)\b[^()]{0,200}?"
        r"(?:agreed|approved|resolved|carried|yn\s+gytûn|unfrydol)\s*\)"
    ), False),
    # A sentence of its own after a motion: "Unanimously agreed.", "Carried.", "CARRIED".
    ("carried", re.compile(
        r"(?:Unanimously\s+(?:agreed|approved)|Carried(?:\s+unanimously)?|CARRIED(?:\s+UNANIMOUSLY)?)"
        r"\s*(?:[.!](?=\s|$)|(?=[ \t]*(?:\n|$)))"
    ), False),
    # A web page's "Decision:" block; "DECISION: that …" within a paragraph is a formula like "RESOLVED:".
    ("label", re.compile(
        r"(?m)^[ \t]*(?:Decision|DECISION|Penderfyniad|PENDERFYNIAD)"
        r"(?:[ \t]*:|[ \t]+[–—-](?=[ \t]+[A-Z]))(?:\s*[Tt]hat\b)?"
    ), False),
)
# Words one of which a text must hold for a pattern to be worth trying (lower case):
# most items hold none, and the patterns are many.
_NEEDS = {
    "motion": ("seconded",), "welsh_motion": ("eiliwyd",), "it_was": ("agree", "decided"),
    "all_agreed": ("agreed",), "body_agreed": ("agreed that",),
    "unanimously": ("unanimously", "majority", "by all", "nem"),
    "resolved": ("resolved", "agreed", "decided", "penderfynwyd"), "cytunwyd": ("cytunwyd",),
    "welsh_body": ("penderfynodd", "cytunodd"),
    "welsh_mutated": ("nderfynwyd", "ytunwyd", "cytunodd pawb"),
    "following": ("following",), "record": ("record", "minutes", "cofnodion"),
    "bracketed": ("proposed", "moved", "cynigiwyd"),
    "carried": ("carried", "unanimously"), "label": ("decision", "penderfyniad"),
}
_BODY_BEFORE = re.compile(rf"{_LEAD_IN}{_BODY}(?:\s+(?:then|also|unanimously))?\s+")
_KIND_OF = {"following": LIST, "record": SENTENCE, "bracketed": BEFORE, "carried": CARRIES, "label": LABEL}
_WEAK_WORDS = {"Agreed"}  # in note-form minutes, as in reported discussion
_ENDS_CLAUSE = re.compile(r"\b(?:that|whether|if|when|how|as|had|have|has)\s*$")


def find_formulas(text: str) -> list[Formula]:
    """Every decision formula in `text`, in order; where two overlap, the first."""
    found: list[Formula] = []
    lowered = text.lower()
    candidates = sorted(
        (
            (m, name, weak)
            for name, pattern, weak in _PATTERNS
            if any(word in lowered for word in _NEEDS[name])
            for m in pattern.finditer(text)
        ),
        key=lambda c: (c[0].start(), -c[0].end()),
    )
    for match, name, weak in candidates:
        if found and match.start() < found[-1].end:
            continue
        if match.start() and text[match.start() - 1].isalnum() and text[match.start()].isalnum():
            continue  # inside a word (the patterns leave their leading \b to this, to scan faster)
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
    line_end = text.find("\n", end)
    if kind == LABEL and text[end : line_end if line_end >= 0 else len(text)].strip():
        kind = AFTER  # "DECISION: that the application be refused." runs on in its paragraph
    if kind == SENTENCE:
        start = end = max(sentence, _line_start_of_sentence(text, start))
    formal = name == "resolved" and _first_word(match).lower() in ("resolved", "penderfynwyd")
    return Formula(start=start, end=end, kind=kind, weak=weak, formal=formal)


def _first_word(match: re.Match) -> str:
    return match.group(0).split()[0].strip(":-,–")


def _opens_well(name: str, words: str, prefixes: list[str]) -> bool:
    """Whether the formula stands where a decision is recorded: at the start of
    its sentence (after a lead-in such as "After discussion,"), or after the
    body or "it was" for "resolved". `prefixes`: the words before it in its
    sentence, and in its line when that starts with a capital."""
    prefix = prefixes[0]
    if name in ("motion", "welsh_motion", "it_was", "unanimously", "record", "bracketed", "label"):
        return not _ENDS_CLAUSE.search(prefix)  # not "He reported that it was agreed …"
    if len(prefix) > 160:
        prefixes = prefixes[1:]  # too far from its sentence's start to open it
    if name == "body_agreed":
        return any(_BODY_BEFORE.fullmatch(p) for p in prefixes)
    if name in ("all_agreed", "cytunwyd", "welsh_body", "welsh_mutated", "following", "carried"):
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


def _line_start_of_sentence(text: str, pos: int) -> int:
    """The start of the line holding `pos` when a sentence begins there: the line
    opens with a capital and the line before cannot run on into it (a heading
    "24/031 Minutes of the previous meeting" above "Subject to …")."""
    line_start = text.rfind("\n", 0, pos) + 1
    previous = text[text.rfind("\n", 0, max(0, line_start - 1)) + 1 : max(0, line_start - 1)]
    opening = text[line_start : max(pos, line_start + 1)].lstrip()  # the formula may open the line
    if line_start and opening[:1].isupper() and not RUNS_ON.search(previous):
        return line_start
    return 0
