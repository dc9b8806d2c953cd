"""Figures in running text: money ("£2.3m", "(£0.5m)", "$ 72,030,000.00"),
percentages ("90.1%", "66.6 per cent") and counts ("2,330 children", "963 UASC").

Money and percentages carry their own mark (£, %), so every one is taken. Counts
have no mark, and most bare numbers in council papers are something else: years,
dates, item and paragraph numbers, ages, phone numbers, table cells. So a number
is a count only when a noun that councils count follows it: a numeral, then at
most three describing words ("locum social", "looked after young"), then a noun
from COUNTED_NOUNS or a plural acronym ("IROs"). Never a year, never after a
label ("Item 5", "Appendix 2", "aged 16", "Key Stage 4"), never a paragraph number.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

from ..model import Line

# "1,000", "4,859, 856" (a stray space after the comma, as printed), "2.3", "72,030,000.00".
NUMBER = r"\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "over 73%", "approximately 4,000 cases": kept in the text, since "over 73%" is
# not "73%". Looked for behind a figure once found, which is faster than trying
# it at every position of the text.
QUALIFIER_BEFORE = re.compile(
    r"\b(?i:(?:just\s+)?(?:over|under|around|about|approximately|approx\.|almost|nearly|some"
    r"|circa|up\s+to|more\s+than|less\s+than|fewer\s+than|at\s+least|no\s+more\s+than))\s+$"
)
CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR"}
MULTIPLIER = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}

# A minus sign only when it touches the amount ("-£124.5m"); an en dash is a
# separator in these papers ("Services (KCHFT) –£4,859, 856"). Brackets round
# the whole amount mark a negative in a table row only (see _in_table_row).
# Each pattern opens with a lookahead on its first character: Python's re tries a
# pattern at every position, and the lookahead makes a wrong one fail at once.
MONEY = re.compile(
    r"(?=[-−+(£$€])(?<![\w.])"
    + r"(?P<open>\()?(?P<sign>[-−+])?(?P<currency>[£$€])\s?(?P<number>" + NUMBER + r")(?!\d|,\d)"
    + r"(?P<multiplier>\s?(?i:billion|million|thousand|bn|mn|m|k))?\b"
    + r"(?P<per>\s+per\s+(?:annum|year|month|week|day|hour|night)\b|\s+p\.a\.)?"
    + r"(?(open)(?P<close>\))?)"
)
PERCENT = re.compile(
    r"(?=[-−+\d])(?<![\w.,])"
    + r"(?P<sign>[-−+])?(?P<number>" + NUMBER + r")(?P<space>[ \t])?(?:%(?![A-Za-z])|(?i:per\s?cent)\b)"
)
# A bare numeral standing alone: not glued to letters, "/", ":", "-", "£" or "#"
# (dates "30/09/15", times "13:00", ranges "5-11", codes "SCS06", "ME14 1XQ", "1st").
COUNT_NUMBER = re.compile(
    r"(?=\d)(?<![\w£$€.,/:#+−-])"
    + r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w%/:'’-]|[.,]\d)"
)
# "over fifty staff", "forty seven individuals"; "one" is left out: "one of the children".
WORD_NUMBER = re.compile(
    r"(?=[tTfFsSeEnN])(?<![\w-])"
    + r"(?P<number>(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:(?:-|\s+)(?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen))\b"
)
WORD_VALUES = {
    **{w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                  "fourteen fifteen sixteen seventeen eighteen nineteen".split())},
    **{w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
}

# Nouns a council counts: people, cases and the things services provide. Plural
# only: "a fifty bed unit" describes a unit, "50 beds" counts beds. Time units
# (days, weeks, years) and measures (miles, hours) are left out on purpose.
COUNTED_NOUNS = frozenset("""
    children people persons individuals adults men women girls boys babies infants families households
    parents carers adopters guardians residents tenants users clients patients pupils students learners
    leavers graduates apprentices trainees volunteers members councillors officers staff employees workers
    managers practitioners professionals nurses visitors teachers secondees locums posts vacancies roles
    cases referrals assessments plans placements visits meetings conversations contacts enquiries
    applications complaints responses replies incidents investigations audits reviews hearings adoptions
    exclusions offences offenders admissions schools academies homes beds places units properties dwellings
    houses sites vehicles buses teams sessions events courses awards measures indicators petitions objections
    representations signatures respondents consultees attendees participants delegates
""".split())
# Acronyms that name a group of people and take no plural "s" ("963 UASC", "30 FTE").
COUNTED_ACRONYMS = frozenset({"UASC", "LAC", "CIC", "CiC", "CYP", "NEET", "FTE", "WTE"})
# Two-word units kept whole, so "26 locum social workers" counts "social workers".
COMPOUND_UNITS = frozenset({
    "young people", "older people", "social workers", "foster carers", "care leavers", "health visitors",
    "young carers", "support workers", "family members", "care homes", "children's homes",
})
MAX_DESCRIBING_WORDS = 3
# Words that cannot sit between a numeral and its noun: "113 of these", "4 were
# achieved", "6 to 8 weeks", "2015 and 2016 children" all stop here.
NOT_DESCRIBING = frozenset("""
    of in on at to for from by with and or nor the a an per than over under between into out is are was were
    be been being had has have do did will would should could may might this that these those which who whom
    whose it its their there here as if but not no more less years year months month weeks week days day hours
    daily weekly monthly quarterly yearly annual annually number numbers total all percentage percentages
    rate average
    january february march april may june july august september october november december
""".split())
# What printed just before a number makes it a label, not a count: "Item 5",
# "Appendix 2", "aged 16", "Key Stage 4 pupils", "Year 11 students", "per 10,000 children".
LABEL_WORDS = frozenset("""
    item items appendix appendices annex annexe page pages paragraph paragraphs section sections minute minutes
    number numbers table tables figure figures chart charts graph graphs stage year years aged age ages tier
    level levels phase option options priority room floor step part parts schedule recommendation
    recommendations article articles clause clauses regulation regulations rule rules grade grades band bands
    ward junction route version chapter question questions box row rows column columns line lines block flat
    plot sheet category decision reference code telephone phone fax extension mobile per every case standard
    round quarter week day month lot model outcome objective target theme domain indicator measure pillar
    < > ≤ ≥
""".split())
# Abbreviations may carry their full stop ("No. 5", "para. 3"); "a year. 130" ends a sentence.
LABEL_ABBREVIATIONS = frozenset("no nos para paras p pp ref tel ext fig cat".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|&|\S")
CELL = r"[-+−(£$€]*\d[\d,.]*(?:%|[kmbn]{1,2})?\)?"
TABLE_CELL = re.compile(r"(?<!\S)" + CELL + r"(?!\S)")
TWO_CELLS = re.compile(r"(?<!\S)" + CELL + r"[ \t]+" + CELL + r"(?!\S)")
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9•£$])|;\s*\n|\n[^\S\n]*\n")
MAX_CONTEXT = 300
CONTEXT_LINES = 3


@dataclass
class FoundFigure:
    index: int  # position in `lines`
    kind: str  # "money" | "percent" | "count"
    text: str  # as written: "£2.3m", "15%", "2,330 children"
    value: float  # 2300000.0, 15.0, 2330.0
    unit: str  # "GBP"/"USD"/"EUR", "%", or the counted noun ("children")
    context: str  # the sentence around it, joined across line wraps, ≤ 300 chars


def find_figures(lines: list[Line]) -> list[FoundFigure]:
    text, starts = _joined(lines)
    spans: list[tuple[int, int, str, str, float, str]] = []  # start, end, kind, text, value, unit
    taken: list[tuple[int, int]] = []  # spans already a figure, kept sorted

    for match in MONEY.finditer(text):
        if _is_column_header(match):
            continue
        value = _number(match["number"]) * MULTIPLIER.get((match["multiplier"] or "").strip().lower(), 1)
        bracketed = bool(match["close"]) and not match["sign"]
        negative = match["sign"] in ("-", "−") or (bracketed and _in_table_row(text, starts, match.start()))
        start, end = match.span()
        if match["open"] and not match["close"]:
            start = match.start("open") + 1  # a bracket that opens a clause, not a negative
        value = round(-value if negative else value, 2)
        spans.append((start, end, "money", text[start:end], value, CURRENCY[match["currency"]]))
        insort(taken, (start, end))

    for match in PERCENT.finditer(text):
        if _overlaps(match.span(), taken) or _is_row_number(text, match):
            continue
        value = _number(match["number"]) * (-1 if match["sign"] in ("-", "−") else 1)
        spans.append((*match.span(), "percent", match.group(0), round(value, 4), "%"))
        insort(taken, match.span())

    for pattern in (COUNT_NUMBER, WORD_NUMBER):
        for match in pattern.finditer(text):
            if _overlaps(match.span(), taken):
                continue
            count = _count(text, match)
            if count:
                end, value, unit = count
                spans.append((match.start(), end, "count", text[match.start():end], value, unit))
                insort(taken, (match.start(), end))

    found = []
    for start, end, kind, written, value, unit in sorted(spans):
        index = bisect_right(starts, start) - 1  # the line of the number, not of "approximately"
        qualifier = QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
        if qualifier:
            start, written = qualifier.start(), qualifier.group(0) + written
        found.append(FoundFigure(
            index, kind, _squash(written), value, unit, _context(text, starts, index, start, end),
        ))
    return found


def _count(text: str, match: re.Match) -> tuple[int, float, str] | None:
    """(end of the figure, value, unit) when the numeral counts a noun after it."""
    number = match["number"]
    if number[0].isdigit():
        value = _number(number)
        if re.fullmatch(r"(?:19|20)\d\d", number):
            return None  # a year, even in "2015 children"
    else:
        parts = re.split(r"-|\s+", number.lower())
        value = sum(WORD_VALUES[p] for p in parts)
    before = text[max(0, match.start("number") - 30): match.start("number")]
    words_before = before.split()
    if _is_label(words_before[-1:]) or before.rstrip()[-1:].isdigit():
        return None  # a label, or one of a run of numbers (table cells, a phone number)
    if len(words_before) >= 2 and words_before[-1] == "in" and (
        words_before[-2].lower() == "one" or words_before[-2].isdigit()
    ):
        return None  # "one in three children" is a proportion
    line_so_far = text[text.rfind("\n", 0, match.start("number")) + 1: match.start("number")]
    if line_so_far.strip() in ("", "(", "[") and re.match(r"\s*[A-Z]", text[match.end():]):
        return None  # "4 Early Help Assessments and plans are ..." opens a paragraph
    after_start = match.end()
    after = text[after_start: after_start + 120]
    blank = re.search(r"\n[ \t]*\n", after)
    if blank:
        after = after[: blank.start()]
    # "151 out of 2,511 children": both count children.
    out_of = re.match(r"\s+out\s+of\s+\d{1,3}(?:,\d{3})+|\s+out\s+of\s+\d+", after)
    if out_of:
        after_start += out_of.end()
        after = after[out_of.end():]
    words = list(WORD.finditer(after))
    for position, word in enumerate(words[: MAX_DESCRIBING_WORDS + 1]):
        token = word.group(0)
        unit = _counted_unit(token)
        if position == 0 and token[0].isupper() and not token.isupper() and _is_heading_number(number, unit):
            return None  # "1.4 Children are safeguarded", "13 Children and young people should ..."
        if unit:
            if position:
                pair = f"{words[position - 1].group(0)} {token}".lower().replace("’", "'")
                if pair in COMPOUND_UNITS:
                    unit = pair
            return after_start + word.end(), float(value), unit
        if not _is_describing(token):
            return None
    return None


def _is_label(last_word: list[str]) -> bool:
    if not last_word:
        return False
    word = last_word[0].lower().rstrip(":")
    if word.endswith("."):
        return word[:-1] in LABEL_ABBREVIATIONS
    return word in LABEL_WORDS or word in LABEL_ABBREVIATIONS


def _is_heading_number(number: str, unit: str | None) -> bool:
    """A decimal numeral before a capitalised word ("3.4 Early Help Assessments")
    or a short one straight before a capitalised noun ("13 Children and young
    people should ...") numbers a paragraph or a standard. "967 Care Leavers" is
    a count: a describing word comes between."""
    return "." in number or bool(unit and number.isdigit() and len(number) <= 2)


def _counted_unit(token: str) -> str | None:
    # A plural acronym ("IROs", "IRO's", "KPIs", "GPs") or a group ("UASC") keeps its capitals.
    if token in COUNTED_ACRONYMS or re.fullmatch(r"[A-Z]{2,6}(?:s|'s|’s)", token):
        return token
    if token.lower() in COUNTED_NOUNS and not token.isupper():
        return token.lower()
    return None


def _is_describing(token: str) -> bool:
    # Two letters at least: "o" and "x" are bullets and ticks in extracted tables.
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z'’-]+", token)) and token.lower() not in NOT_DESCRIBING


def _in_table_row(text: str, starts: list[int], offset: int) -> bool:
    """Three numeric cells or more on the line, two of them side by side. Only
    there do brackets mean a negative: in prose "on residential care (£2.2m)"
    the brackets are an aside."""
    index = bisect_right(starts, offset) - 1
    line_start, line_end = starts[index], starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    return (len(TABLE_CELL.findall(text, line_start, line_end)) >= 3
            and bool(TWO_CELLS.search(text, line_start, line_end)))


def _is_row_number(text: str, match: re.Match) -> bool:
    """"12 % of CP Visits held within timescale ...": a scorecard's row number
    before a label that begins with "%"; a real "9 % were" sits inside a sentence."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    return bool(match["space"]) and match["number"].isdigit() and not text[line_start:match.start()].strip()


def _is_column_header(match: re.Match) -> bool:
    """"£000s", "£000's", "£'000": the unit of a table column, not an amount."""
    number = match["number"]
    return bool(re.fullmatch(r"0\d+", number.replace(",", "")))


def _number(written: str) -> float:
    return float(re.sub(r"[,\s]", "", written))


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether `span` meets one of `taken`, which are sorted and do not overlap."""
    after = bisect_left(taken, (span[1], span[1]))
    return any(start < span[1] and span[0] < end for start, end in taken[max(0, after - 1): after + 1])


def _context(text: str, starts: list[int], index: int, start: int, end: int) -> str:
    """The sentence holding the figure, looked for within a few lines either side,
    trimmed around the figure when longer than MAX_CONTEXT."""
    if _in_table_row(text, starts, starts[index]):
        line_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        # A row of a table: the row is the context; the rows around are other rows.
        return _trimmed(_squash(text[starts[index]:start]), _squash(text[start:end]),
                        _squash(text[end:line_end]), text, start, end)
    # A sentence does not run on into a table row next to it.
    first, last = index, index
    while first > max(0, index - CONTEXT_LINES) and not _in_table_row(text, starts, starts[first - 1]):
        first -= 1
    while last < min(len(starts) - 1, index + CONTEXT_LINES) and not _in_table_row(text, starts, starts[last + 1]):
        last += 1
    low = starts[first]
    high = starts[last + 1] if last + 1 < len(starts) else len(text)
    sentence_start = low
    # Up to a character into the figure, so that "leavers. 3% of these" ends a sentence before "3%".
    for boundary in SENTENCE_END.finditer(text, low, min(len(text), start + 2)):
        if boundary.end() <= start:
            sentence_start = boundary.end()
    boundary = SENTENCE_END.search(text, end, high)
    sentence_end = boundary.end() if boundary else high
    return _trimmed(_squash(text[sentence_start:start]), _squash(text[start:end]),
                    _squash(text[end:sentence_end]), text, start, end)


def _trimmed(before: str, figure: str, after: str, text: str, start: int, end: int) -> str:
    gap_before = " " if before and text[start - 1].isspace() else ""
    gap_after = " " if after and text[end:end + 1].isspace() else ""
    room = MAX_CONTEXT - len(figure) - len(gap_before) - len(gap_after)
    if len(before) + len(after) > room:
        half = room // 2
        if len(before) > half and len(after) > room - half:
            before, after = "…" + before[len(before) - half + 1:], after[: room - half - 1] + "…"
        elif len(before) > half:
            before = "…" + before[len(before) - (room - len(after)) + 1:]
        else:
            after = after[: room - len(before) - 1] + "…"
    return before + gap_before + figure + gap_after + after


def _joined(lines: list[Line]) -> tuple[str, list[int]]:
    """The lines as one text, and where each starts in it. Readers drop blank
    lines, so a gap in the numbering is a paragraph break (written as a blank
    line) unless a sentence runs on over it, as across a dropped page footer."""
    parts: list[str] = []
    starts, offset = [], 0
    for i, line in enumerate(lines):
        if i and _paragraph_break(lines[i - 1], line):
            parts.append("")
            offset += 1
        starts.append(offset)
        parts.append(line.text)
        offset += len(line.text) + 1
    return "\n".join(parts), starts


def _paragraph_break(previous: Line, line: Line) -> bool:
    if line.number - previous.number <= 1:
        return False
    runs_on = not re.search(r"[.!?:;]\s*$", previous.text) and re.match(r"\s*[a-z0-9£$]", line.text)
    return not runs_on


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
