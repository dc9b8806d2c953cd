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
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Line

# "1,000", "4,859, 856" (a stray space after the comma, as printed), "2.3", "72,030,000.00".
NUMBER = r"\d{1,3}(?:,\s?\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# "over 73%", "approximately 4,000 cases": kept in the text, since "over 73%" is not "73%".
QUALIFIER = (
    r"(?:(?i:(?:just\s+)?(?:over|under|around|about|approximately|approx\.|almost|nearly|some"
    r"|circa|up\s+to|more\s+than|less\s+than|fewer\s+than|at\s+least|no\s+more\s+than))\s+)?"
)
CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR"}
MULTIPLIER = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9}

# A minus sign only when it touches the amount ("-£124.5m"); an en dash is a
# separator in these papers ("Services (KCHFT) –£4,859, 856"). Brackets round
# the whole amount mark a negative in finance tables; one bracket alone does not.
MONEY = re.compile(
    r"(?<![\w.])" + QUALIFIER
    + r"(?P<open>\()?(?P<sign>[-−+])?(?P<currency>[£$€])\s?(?P<number>" + NUMBER + r")(?![\d,])"
    + r"(?P<multiplier>\s?(?i:billion|million|thousand|bn|mn|m|k))?\b"
    + r"(?P<per>\s+per\s+(?:annum|year|month|week|day|hour|night)\b|\s+p\.a\.)?"
    + r"(?P<close>\))?"
)
PERCENT = re.compile(
    r"(?<![\w.,])" + QUALIFIER
    + r"(?P<sign>[-−+])?(?P<number>" + NUMBER + r")\s?(?:%|(?i:per\s?cent)\b)"
)
# A bare numeral standing alone: not glued to letters, "/", ":", "-", "£" or "#"
# (dates "30/09/15", times "13:00", ranges "5-11", codes "SCS06", "ME14 1XQ", "1st").
COUNT_NUMBER = re.compile(
    r"(?<![\w£$€.,/:#+−-])" + QUALIFIER
    + r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w%/:'’-]|[.,]\d)"
)
WORD_NUMBER = re.compile(
    r"(?<![\w-])" + QUALIFIER
    + r"(?P<number>(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen))\b"
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
    children child's people persons individuals adults men women girls boys babies infants families households
    parents carers adopters guardians residents tenants users clients patients pupils students learners
    leavers graduates apprentices trainees volunteers members councillors officers staff employees workers
    managers practitioners professionals nurses visitors teachers secondees locums posts vacancies roles
    cases referrals assessments plans placements visits meetings conversations contacts enquiries
    applications complaints responses replies incidents investigations audits reviews hearings adoptions
    exclusions offences offenders admissions schools academies homes beds places units properties dwellings
    houses sites vehicles buses teams sessions events courses awards measures indicators petitions objections
    representations signatures respondents consultees attendees participants delegates
""".split()) - {"child's"}
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
    january february march april may june july august september october november december
""".split())
# What printed just before a number makes it a label, not a count: "Item 5",
# "Appendix 2", "aged 16", "Key Stage 4 pupils", "Year 11 students", "per 10,000 children".
LABEL_BEFORE = re.compile(
    r"\b(?i:items?|appendix|appendices|annexe?|pages?|pp?|paras?|paragraphs?|sections?|s|minutes?|no|nos|numbers?"
    r"|tables?|figures?|charts?|graphs?|stage|years?|aged|ages?|tier|levels?|phase|options?|priority|room|floor"
    r"|step|parts?|schedule|recommendations?|articles?|clauses?|regulations?|rules?|grades?|bands?|ward|junction"
    r"|route|version|chapter|questions?|box|rows?|columns?|lines?|block|flat|plot|sheet|cat|category|decision"
    r"|ref|reference|code|tel|telephone|phone|fax|ext|extension|mobile|per|every|case|standard|round|quarter|q"
    r"|week|day|month|lot|model|grade|outcome|objective|target|priority|theme|domain|indicator|measure|pillar"
    r"|since|by|until|from|in|during|of|out|at|on)\.?\s*$"
)
# "3 Children in Care" or "3.1 Children ..." opening a line is a paragraph number.
PARAGRAPH_NUMBER = re.compile(r"(?:^|\n)[ \t]*[(\[]?$")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|&|\S")
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9•])|;\s*\n|\n[ \t]*\n")
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
    taken: list[tuple[int, int]] = []

    for match in MONEY.finditer(text):
        if _is_column_header(match):
            continue
        value = _number(match["number"]) * MULTIPLIER.get((match["multiplier"] or "").strip().lower(), 1)
        negative = match["sign"] in ("-", "−") or bool(match["open"] and match["close"])
        start, end = match.span()
        if match["open"] and not match["close"]:
            start = match.start("open") + 1  # a bracket that opens a clause, not a negative
        spans.append((start, end, "money", text[start:end], -value if negative else value, CURRENCY[match["currency"]]))
        taken.append((start, end))

    for match in PERCENT.finditer(text):
        if _overlaps(match.span(), taken):
            continue
        value = _number(match["number"]) * (-1 if match["sign"] in ("-", "−") else 1)
        spans.append((*match.span(), "percent", match.group(0), value, "%"))
        taken.append(match.span())

    for pattern in (COUNT_NUMBER, WORD_NUMBER):
        for match in pattern.finditer(text):
            if _overlaps(match.span(), taken):
                continue
            count = _count(text, match)
            if count:
                end, value, unit = count
                spans.append((match.start(), end, "count", text[match.start():end], value, unit))
                taken.append((match.start(), end))

    found = []
    for start, end, kind, written, value, unit in sorted(spans):
        index = bisect_right(starts, start) - 1
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
        parts = number.lower().split("-")
        value = sum(WORD_VALUES[p] for p in parts)
    before = text[max(0, match.start("number") - 30): match.start("number")]
    if LABEL_BEFORE.search(before) or re.search(r"\d[ \t]*$", before):
        return None  # a label, or one cell of a row of numbers / a phone number
    if PARAGRAPH_NUMBER.search(before) and re.match(r"[ \t]*[A-Z]", text[match.end():]):
        return None
    after_start = match.end()
    after = text[after_start: after_start + 120]
    blank = re.search(r"\n[ \t]*\n", after)
    if blank:
        after = after[: blank.start()]
    words = list(WORD.finditer(after))
    for position, word in enumerate(words[: MAX_DESCRIBING_WORDS + 1]):
        token = word.group(0)
        if _is_counted_noun(token):
            unit = token if token.isupper() or token[:-1].isupper() else token.lower()
            if position:
                pair = f"{words[position - 1].group(0)} {token}".lower().replace("’", "'")
                if pair in COMPOUND_UNITS:
                    unit = pair
            return after_start + word.end(), value, unit
        if not _is_describing(token):
            return None
    return None


def _is_counted_noun(token: str) -> bool:
    if token.lower() in COUNTED_NOUNS and not token.isupper():
        return True
    if token in COUNTED_ACRONYMS:
        return True
    # A plural acronym: "IROs", "IRO's", "KPIs", "GPs".
    return bool(re.fullmatch(r"[A-Z]{2,6}(?:s|'s|’s)", token))


def _is_describing(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][A-Za-z'’-]*", token)) and token.lower() not in NOT_DESCRIBING


def _is_column_header(match: re.Match) -> bool:
    """"£000s", "£000's", "£'000": the unit of a table column, not an amount."""
    number = match["number"]
    return bool(re.fullmatch(r"0\d+", number.replace(",", "")))


def _number(written: str) -> float:
    return float(re.sub(r"[,\s]", "", written))


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def _context(text: str, starts: list[int], index: int, start: int, end: int) -> str:
    """The sentence holding the figure, looked for within a few lines either side."""
    low = starts[max(0, index - CONTEXT_LINES)]
    high = starts[index + CONTEXT_LINES + 1] if index + CONTEXT_LINES + 1 < len(starts) else len(text)
    sentence_start = low
    for boundary in SENTENCE_END.finditer(text, low, start):
        sentence_start = boundary.end()
    boundary = SENTENCE_END.search(text, end, high)
    sentence_end = boundary.end() if boundary else high
    before, figure, after = (
        _squash(text[sentence_start:start]), _squash(text[start:end]), _squash(text[end:sentence_end])
    )
    sentence = f"{before} {figure} {after}".strip()
    sentence = re.sub(r"\s+([.,;:)])", r"\1", sentence) if not before.endswith(" ") else sentence
    if len(sentence) <= MAX_CONTEXT:
        return _rejoin(before, figure, after)
    room = max(0, MAX_CONTEXT - len(figure) - 2)
    keep_before = before[-(room // 2):] if room // 2 else ""
    keep_after = after[: room - len(keep_before)]
    return _rejoin("…" + keep_before if keep_before != before else before, figure,
                   keep_after + "…" if keep_after != after else after)[:MAX_CONTEXT]


def _rejoin(before: str, figure: str, after: str) -> str:
    glue_after = "" if after[:1] in ".,;:)" else " "
    return f"{before} {figure}{glue_after}{after}".strip()


def _joined(lines: list[Line]) -> tuple[str, list[int]]:
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line.text) + 1
    return "\n".join(line.text for line in lines), starts


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
