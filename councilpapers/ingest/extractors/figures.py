"""Figures in running text: money ("£2.3m", "(£0.5m)", "$ 72,030,000.00"),
percentages ("90.1%", "66.6 per cent") and counts ("2,330 children", "963 UASC").

Money and percentages carry their own mark (£, %), so every one is taken. Counts
have no mark, and most bare numbers in council papers are something else: years,
dates, item and paragraph numbers, ages, phone numbers, table cells. So a number
is a count only when a noun that councils count follows it: a numeral, then at
most three describing words ("locum social", "looked after young"), then a noun
from COUNTED_NOUNS or a plural acronym ("IROs"). Never a year, never after a
label ("Item 5", "Appendix 2", "aged 16", "Key Stage 4"), never a paragraph number.

A whole number with no noun after it is a count when the sentence ties it to one
("linked" counts, see _linked_count): "113 of these", "of which 13 are", "205 out
of 2,070 were", "130 children had …, 45 had …", "963 UASC (having increased from
386)", "the number of cases numbered 130", "an intake of 40", "no more than
16,779", "a fifty bed capacity", "120 audited experiences of children", "15 of the
47 children". Its unit is what the sentence counted before it, "" when unknown.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort

from ...corpus.records import Figure
from ...text import vocabulary
from ...text.dates import MONTH_NAMES
from ...text.money import CURRENCIES, MONEY_IN_TEXT, NUMBER, amount, is_column_header
from ...text.spacing import squash
from ..model import Line
from ..textflow import TextFlow

# "over 73%", "approximately 4,000 cases": kept in the text, since "over 73%" is
# not "73%". Looked for behind a figure once found, which is faster than trying
# it at every position of the text.
QUALIFIER_BEFORE = re.compile(
    r"\b(?i:(?:just\s+)?(?:over|under|around|about|approximately|approx\.|almost|nearly|some"
    r"|circa|up\s+to|more\s+than|less\s+than|fewer\s+than|at\s+least|no\s+more\s+than))\s+$"
)
PERCENT = re.compile(
    r"(?=[-−+\d])(?<![\w.,])"
    + r"(?P<sign>[-−+])?(?P<number>" + NUMBER + r")(?P<space>[ \t])?(?:%(?![A-Za-z])|(?i:per\s?cent)\b)"
)
# A bare numeral standing alone: not glued to letters, "/", ":", "-", "£" or "#"
# (dates "30/09/15", times "13:00", ranges "5-11", codes "SCS06", "ME14 1XQ", "1st",
# "1990's"); a closing quote may follow ("'no more than 16,779'").
COUNT_NUMBER = re.compile(
    r"(?=\d)(?<![\w£$€.,/:#+−-])"
    + r"(?P<number>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\w%/:-]|['’]\w|[.,]\d)"
)
# "over fifty staff", "forty seven individuals"; "one" is left out: "one of the children".
WORD_NUMERAL = (
    r"(?i:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:(?:-|\s+)(?:one|two|three|four|five|six|seven|eight|nine)\b)?"
    r"|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen)"
)
WORD_NUMBER = re.compile(r"(?=[tTfFsSeEnN])(?<![\w-])(?P<number>" + WORD_NUMERAL + r")\b")
WORD_VALUES = {
    **{w: i for i, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                  "fourteen fifteen sixteen seventeen eighteen nineteen".split())},
    **{w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)},
}

# Nouns a council counts, groups that take no plural ("963 UASC") and two-word
# units kept whole ("26 locum social workers" counts "social workers"): the
# papers' vocabulary, in text/vocabulary/ so a council adds its own.
COUNTED_NOUNS = frozenset(t.lower() for t in vocabulary.terms("counted_nouns"))
COUNTED_ACRONYMS = frozenset(vocabulary.terms("counted_acronyms"))
COMPOUND_UNITS = frozenset(t.lower().replace("’", "'") for t in vocabulary.terms("counted_compounds"))
MAX_DESCRIBING_WORDS = 3
# Words that cannot sit between a numeral and its noun: "113 of these", "4 were
# achieved", "6 to 8 weeks", "2015 and 2016 children" all stop here.
NOT_DESCRIBING = frozenset("""
    of in on at to for from by with and or nor the a an per than over under between into out is are was were
    be been being had has have do did will would should could may might this that these those which who whom
    whose it its their there here as if but not no more less years year months month weeks week days day hours
    daily weekly monthly quarterly yearly annual annually number numbers total all percentage percentages
    rate average
""".split()) | frozenset(m.lower() for names in MONTH_NAMES.values() for m in names)
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
    volume issue edition wave principle principles
    < > ≤ ≥
""".split())
# Abbreviations may carry their full stop ("No. 5", "para. 3"); "a year. 130" ends a sentence.
LABEL_ABBREVIATIONS = frozenset("no nos para paras p pp ref tel ext fig cat".split())
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*|&|\S")
CELL = r"[-+−(£$€]*\d[\d,.]*(?:%|[kmbn]{1,2})?\)?"
TABLE_CELL = re.compile(r"(?<!\S)" + CELL + r"(?!\S)")
TWO_CELLS = re.compile(r"(?<!\S)" + CELL + r"[ \t]+" + CELL + r"(?!\S)")
SENTENCE_END = re.compile(r"[.!?](?=\s+[\"'“‘(]?[A-Z0-9•£$])|;\s*\n|\n[^\S\n]*\n")
CAPITAL_NEXT = re.compile(r"\s*[A-Z]")
MAX_CONTEXT = 300
CONTEXT_LINES = 3


# Counts whose noun is not after the numeral but elsewhere in the sentence. Each
# rule needs a construction that only a quantity fits, and most need the thing
# counted named earlier in the sentence (the antecedent: a count, or a counted
# noun). The numeral is followed by nothing that could be a unit of its own
# ("from 12 months", "a population of 1.5 million").
# "a fifty bed capacity", "its 60 place capacity": a capacity counts beds or places.
CAPACITY = re.compile(
    r"(?=[\dtTfFsSeEnN])(?<![\w£$€.,/:#+−-])"
    r"(?P<number>\d{1,3}(?:,\d{3})+|\d+|" + WORD_NUMERAL + r")[ \t-]"
    r"(?P<noun>(?i:bed|place|seat|space|pupil|child|person|unit|room|home))[ \t]+(?i:capacity)\b"
)
# "113 of these", "126 of which related to UASC", "4 of them".
PARTITIVE_AFTER = re.compile(r"\s+of\s+(?:these|those|them|which|whom)\b", re.I)
# "of which 13 are currently locum staff", "Of these, 45 had".
PARTITIVE_BEFORE = re.compile(r"\bof\s+(?:which|whom|these|those|them)\s*,?\s*$", re.I)
# "205 out of 2,070 were reviewed".
OUT_OF = re.compile(r"\s+out\s+of\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w%/.,:-]|[.,]\d)", re.I)
# "(having increased from 386 in March)", "fell to 120", "rose by 40", "from 386 to 963".
CHANGE_BEFORE = re.compile(
    r"\b(?:increas\w*|decreas\w*|rose|risen|rising|grew|grown|growing|fell|fallen|falling|dropped|dropping"
    r"|reduc\w*|declin\w*|up|down)\s+(?:from|to|by)\s+$"
    r"|\b(?:increas\w*|decreas\w*|rose|risen|rising|grew|grown|fell|fallen|dropped|reduc\w*|declin\w*)"
    r"\s+from\s+(?:\d{1,3}(?:,\d{3})+|\d+)\s+to\s+$"
    r"|\bcompared\s+(?:with|to)\s+$",
    re.I,
)
# "the number of unallocated cases numbered 130", "referrals totalled 1,240".
TOTAL_BEFORE = re.compile(r"\b(?:numbered|numbering|totall?ed|totall?ing|stood\s+at|stands\s+at)\s+$", re.I)
# "The number of children in care at the end of March was 1,812": only after "the number of".
COPULA_BEFORE = re.compile(r"\b(?:was|were|is|are|remains|remained|stood\s+at|reached|rose\s+to|fell\s+to)\s+$", re.I)
# "last year's intake of 40", "a caseload of 18", "a total of 1,203".
COLLECTIVE_BEFORE = re.compile(
    r"\b(?P<noun>intake|cohort|caseloads?|backlog|total|population|capacity)\s+of\s+$", re.I
)
# "to 'no more than 16,779'": a comparison that only fits a count. "over 18" and
# "more than 16" fit an age as well, and are left alone.
BOUND_BEFORE = re.compile(
    r"(?P<lead>\S+\s+)?\b(?:no\s+more\s+than|no\s+fewer\s+than|no\s+less\s+than|fewer\s+than)\s+['‘\"“]?$", re.I
)
# "…, 45 had 4 placements": a numeral that continues a list.
LIST_BEFORE = re.compile(r"(?:[,;]|\b(?:and|or|but|while|whilst))\s*$", re.I)
# "130 children had …, 45 had …": the verb both share.
LIST_VERBS = frozenset("""
    had have has were are was is did do does received remained remain stayed moved left attended went
""".split())
# What a linked count may be followed by: nothing, punctuation, or a word that
# starts a new phrase. A noun ("from 12 months") is a unit of its own.
FOLLOWERS = frozenset("""
    in at on to by for and or from since during over the this that last a an when compared as of with between
    before after until whilst while but across within against so now currently previously respectively
    are were is was had have has did remain remained
""".split())
# "8 organisations", "the 3 unachieved standards": what "of these" may point back to.
NUMBERED_PLURAL = re.compile(
    r"(?<![\w£$€.,/:#-])(?:\d{1,3}(?:,\d{3})+|\d+|" + WORD_NUMERAL + r")"
    r"(?:\s+[a-z][a-z-]+){0,2}\s+(?P<noun>[A-Za-z]{3,}s)\b"
)
# "the number of looked after children" names what a later numeral counts.
NUMBER_OF = re.compile(r"\b(?:the\s+)?(?:number|numbers|total|totals)\s+of\s+", re.I)
# Plural nouns after "N … of": "120 audited experiences of children". Measures are not counted things.
MEASURES = frozenset("""
    minutes seconds hours days weeks months years decades times pounds pence metres meters miles kilometres
    km tonnes litres points percent hectares acres per cent
    halves thirds quarters fifths sixths sevenths eighths ninths tenths
""".split())


def find_figures(lines: list[Line]) -> list[Figure]:
    flow = TextFlow.of_lines(lines)
    text, starts = flow.text, flow.starts
    apart = frozenset(starts[i] for i in range(1, len(lines)) if lines[i].number - lines[i - 1].number > 1)
    spans: list[tuple[int, int, str, str, float, str]] = []  # start, end, kind, text, value, unit
    taken: list[tuple[int, int]] = []  # spans already a figure, kept sorted

    for match in MONEY_IN_TEXT.finditer(text):
        if is_column_header(match["number"]):
            continue
        value = amount(match["number"], match["scale"])
        bracketed = bool(match["close"]) and not match["sign"]
        negative = match["sign"] in ("-", "−") or (bracketed and _in_table_row(flow, match.start()))
        start, end = match.span()
        if match["open"] and not match["close"]:
            start = match.start("open") + 1  # a bracket that opens a clause, not a negative
        value = round(-value if negative else value, 2)
        spans.append((start, end, "money", text[start:end], value, CURRENCIES[match["currency"]]))
        insort(taken, (start, end))

    for match in PERCENT.finditer(text):
        if _overlaps(match.span(), taken) or _is_row_number(text, match):
            continue
        value = _number(match["number"]) * (-1 if match["sign"] in ("-", "−") else 1)
        spans.append((*match.span(), "percent", match.group(0), round(value, 4), "%"))
        insort(taken, match.span())

    counts: list[tuple[int, int, str]] = []  # start, end, unit of each count, for the linked ones below
    amounts = sorted(start for start, _, _, _, _, _ in spans)  # where money and percentages start
    bare: list[re.Match] = []  # numerals that count no noun after them
    for pattern in (COUNT_NUMBER, WORD_NUMBER):
        for match in pattern.finditer(text):
            if _overlaps(match.span(), taken) or not _may_count(text, match, apart):
                continue
            count = _count(text, match)
            if count:
                end, value, unit = count
                spans.append((match.start(), end, "count", text[match.start():end], value, unit))
                insort(taken, (match.start(), end))
                insort(counts, (match.start(), end, unit))
            else:
                bare.append(match)
    for match in CAPACITY.finditer(text):
        if _overlaps(match.span(), taken) or not _may_count(text, match, apart):
            continue
        unit = _plural(match["noun"].lower())
        spans.append((*match.span(), "count", match.group(0), float(_value(match["number"])), unit))
        insort(taken, match.span())
        insort(counts, (*match.span(), unit))
    # Numerals whose noun is elsewhere in the sentence: "248 young people ..., 113 of
    # these", "130 children had 3 placements, 45 had 4", "963 UASC (having
    # increased from 386 in March)". In order, so that one can lead to the next.
    # Whole numbers only: "at 10.00 of which" is a time.
    for match in sorted(bare, key=lambda m: m.start()):
        if "." in match["number"] or _overlaps(match.span(), taken):
            continue
        linked = _linked_count(text, match, counts, amounts)
        if linked:
            end, unit = linked
            value = float(_value(match["number"]))
            spans.append((match.start(), end, "count", text[match.start():end], value, unit))
            insort(taken, (match.start(), end))
            insort(counts, (match.start(), end, unit))

    found = []
    for start, end, kind, written, value, unit in sorted(spans):
        index = flow.line_at(start)  # the line of the number, not of "approximately"
        qualifier = QUALIFIER_BEFORE.search(text, max(0, start - 30), start)
        if qualifier:
            start, written = qualifier.start(), qualifier.group(0) + written
        found.append(Figure(
            index=index, kind=kind, text=squash(written), value=value, unit=unit,
            context=_context(flow, index, start, end),
        ))
    return found


def _count(text: str, match: re.Match) -> tuple[int, float, str] | None:
    """(end of the figure, value, unit) when the numeral counts a noun after it
    (one `_may_count` lets through)."""
    number = match["number"]
    value = _value(number)
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
            following = words[position + 1] if position + 1 < len(words) else None
            if unit in ("FTE", "WTE") and following and _counted_unit(following.group(0)):
                word, unit = following, _counted_unit(following.group(0))  # "30 FTE IRO's" counts IROs
            return after_start + word.end(), float(value), unit
        if not _is_describing(token):
            return None
    return None


def _linked_count(
    text: str, match: re.Match, counts: list[tuple[int, int, str]], amounts: list[int],
) -> tuple[int, str] | None:
    """(end of the figure, unit) when a bare numeral counts a thing named elsewhere
    in its sentence, through one of the constructions above; else None."""
    start, end = match.start("number"), match.end("number")
    sentence = _sentence_start(text, start)
    before = text[max(sentence, start - 80): start]
    after = text[end: end + 80]
    amount = bisect_left(amounts, start) - 1
    last_count = bisect_left(counts, (start,)) - 1
    if amount >= 0 and amounts[amount] >= sentence and (last_count < 0 or counts[last_count][0] < amounts[amount]):
        return None  # "£5m, of which 3 was capital": what came last was money or a percentage
    last_word = re.search(r"(\S+)\s*$", before)
    if (last_word and re.fullmatch(r"[A-Z][a-z]+", last_word.group(1))
            and text[sentence:start].split()[0] != last_word.group(1)):
        return None  # "Principle 3 of the staff code": a capitalised word names what it numbers

    # Forward: "120 audited experiences of children", "45 of the children", "205 out of 2,070 were".
    forward = _counted_through_of(text, end)
    if forward:
        return forward
    out_of = OUT_OF.match(after)
    if out_of:
        unit = _antecedent(text, sentence, start, counts, nouns=True)
        if unit is not None or _next_word(after[out_of.end():]) in LIST_VERBS:
            return end + out_of.end(), unit or ""
    partitive = PARTITIVE_AFTER.match(after)
    if partitive:
        return end + partitive.end(), _antecedent_or_earlier(text, sentence, start, counts)
    following = _next_word(after)
    if not _ends_phrase(after):
        return None
    if PARTITIVE_BEFORE.search(before) and (following in LIST_VERBS or following == "" or following.endswith("ed")):
        phrase = re.search(r"\b([A-Za-z]{3,}s)\s*,?\s+of\s+(?:which|whom)\s*,?\s*$", before, re.I)
        unit = _antecedent(text, sentence, start, counts, nouns=False)
        if unit is None and phrase and phrase.group(1).lower() not in MEASURES:
            unit = phrase.group(1).lower()  # "7 standards of which 4 were achieved"
        return end, unit if unit is not None else _antecedent_or_earlier(text, sentence, start, counts)
    if LIST_BEFORE.search(before) and following in LIST_VERBS:
        for count_start, count_end, unit in reversed(counts):
            if count_start < sentence:
                break
            if count_end <= start and _next_word(text[count_end: count_end + 30]) == following:
                return end, unit  # "130 children had …, 45 had …"
    if CHANGE_BEFORE.search(before):
        unit = _antecedent(text, sentence, start, counts, nouns=False, number_of=True)
        if unit is not None:
            return end, unit
    if TOTAL_BEFORE.search(before):
        unit = _antecedent(text, sentence, start, counts, nouns=True, number_of=True)
        if unit is not None:
            return end, unit
    if COPULA_BEFORE.search(before):
        unit = _number_of(text[sentence:start], near_end=True)
        if unit is not None:
            return end, unit
    collective = COLLECTIVE_BEFORE.search(before)
    if collective:
        noun = collective["noun"].lower()
        unit = _antecedent(text, sentence, start, counts, nouns=True, number_of=True)
        if unit is None:
            unit = "cases" if noun.startswith(("caseload", "backlog")) else "" if noun == "total" else noun
        return end, unit
    bound = BOUND_BEFORE.search(before)
    if bound and not _is_label([(bound["lead"] or "").strip()]):
        unit = _antecedent(text, sentence, start, counts, nouns=True, number_of=True)
        if unit is not None:
            return end, unit
    return None


def _counted_through_of(text: str, end: int) -> tuple[int, str] | None:
    """"120 audited experiences of children" (a plural noun, then "of" and a counted
    noun), "45 of the children", "5 of the 7 standards": (end, unit)."""
    after = text[end: end + 120]
    blank = re.search(r"\n[ \t]*\n", after)
    if blank:
        after = after[: blank.start()]
    words = list(WORD.finditer(after))
    tokens = [w.group(0) for w in words]
    # "N of the [M] [describing] <counted>"
    if len(tokens) >= 3 and tokens[0].lower() == "of" and tokens[1].lower() == "the":
        rest = after[words[1].end():]
        number = re.match(r"\s+(?:\d{1,3}(?:,\d{3})+|\d+)(?![\w%/.,:-]|[.,]\d)", rest)
        offset = words[1].end() + (number.end() if number else 0)
        found = _noun_ahead(after, offset, describing=2)
        noun = after[:found[0]].split()[-1] if found else ""
        if found and not (noun[0].isupper() and not noun.isupper()):
            return end + found[0], found[1]
        return None  # "21 of the Children Act 1989" names an Act
    # "N [describing] <plural> of [describing] <counted>"
    for position, token in enumerate(tokens[:3]):
        if token.lower() == "of" and position:
            head = tokens[position - 1]
            if not (re.fullmatch(r"[A-Za-z]{3,}s", head) and not head.endswith(("ss", "us", "is"))):
                return None
            if head.lower() in MEASURES or head.lower() in NOT_DESCRIBING or head.lower() in LABEL_WORDS:
                return None
            found = _noun_ahead(after, words[position].end(), describing=1)
            if found:
                return end + words[position - 1].end(), head.lower()
            return None
        if not _is_describing(token) or token[0].isupper() and position == 0:
            return None
    return None


def _noun_ahead(after: str, offset: int, describing: int) -> tuple[int, str] | None:
    """The counted noun at most `describing` words after `offset`: (its end, unit)."""
    words = list(WORD.finditer(after, offset))
    for position, word in enumerate(words[: describing + 1]):
        token = word.group(0)
        unit = _counted_unit(token)
        if unit:
            if position:
                pair = f"{words[position - 1].group(0)} {token}".lower().replace("’", "'")
                if pair in COMPOUND_UNITS:
                    unit = pair
            return word.end(), unit
        if not _is_describing(token):
            return None
    return None


def _sentence_start(text: str, position: int) -> int:
    low = max(0, position - MAX_CONTEXT)
    start = low
    # Past the position: a boundary's lookahead reads the numeral's first digit.
    for boundary in SENTENCE_END.finditer(text, low, min(len(text), position + 2)):
        if boundary.end() <= position:
            start = boundary.end()
    return start


def _antecedent(text: str, sentence: int, position: int, counts: list[tuple[int, int, str]], *,
                nouns: bool, number_of: bool = False) -> str | None:
    """What the sentence counted before `position`: the unit of its last count,
    else the noun of "the number of <noun>", else (with `nouns`) the last counted
    noun named; None when there is none."""
    for count_start, count_end, unit in reversed(counts):
        if count_end <= position and count_start >= sentence:
            return unit
        if count_start < sentence:
            break
    if number_of:
        unit = _number_of(text[sentence:position], near_end=False)
        if unit is not None:
            return unit
    if nouns:
        last = None
        words = list(WORD.finditer(text, sentence, position))
        for index, word in enumerate(words):
            unit = _counted_unit(word.group(0))
            if unit:
                if index:
                    pair = f"{words[index - 1].group(0)} {word.group(0)}".lower().replace("’", "'")
                    if pair in COMPOUND_UNITS:
                        unit = pair
                last = unit
        return last
    return None


def _antecedent_or_earlier(text: str, sentence: int, position: int, counts: list[tuple[int, int, str]]) -> str:
    """"… 248 young people. 113 of these …": the sentence before may name it; and
    "assessed 8 organisations (six of which …": a numeral and a plural noun do."""
    unit = _antecedent(text, sentence, position, counts, nouns=False)
    earlier = sentence
    if unit is None and sentence:
        earlier = _sentence_start(text, sentence - 1)
        if "\n\n" in text[earlier:sentence]:
            earlier = sentence
        unit = _antecedent(text, earlier, sentence, counts, nouns=False)
    if unit is None:
        for phrase in reversed(list(NUMBERED_PLURAL.finditer(text, earlier, position))):
            noun = phrase["noun"].lower()
            if noun not in MEASURES and noun not in NOT_DESCRIBING and not noun.endswith(("ss", "us", "is")):
                return noun
    return unit or ""


def _number_of(text: str, near_end: bool) -> str | None:
    """The counted noun of "the number of [describing words] <noun>" in `text`;
    with `near_end`, only where the rest of `text` is a short qualifier ("in care
    at the end of March"), not a clause of its own ("who were")."""
    found = None
    for match in NUMBER_OF.finditer(text):
        noun = _noun_ahead(text, match.end(), describing=MAX_DESCRIBING_WORDS)
        if noun:
            found = noun
    if found is None:
        return None
    if near_end:
        rest = text[found[0]:]
        if len(rest) > 60 or re.search(r"\b(?:who|whom|whose|which|that|aged?|ages)\b", rest, re.I):
            return None
    return found[1]


def _next_word(after: str) -> str:
    word = re.match(r"\s*([A-Za-z]+)", after)
    return word.group(1).lower() if word else ""


def _ends_phrase(after: str) -> bool:
    """Whether what follows a numeral leaves it without a unit of its own."""
    follow = re.match(r"\s*(\S)", after)
    if not follow:
        return True
    if follow.group(1).isalpha():
        return _next_word(after) in FOLLOWERS
    return follow.group(1) in ",.;:)]’'\"”–—-"


def _plural(noun: str) -> str:
    return {"child": "children", "person": "people"}.get(noun, noun + "s")


def _value(number: str) -> float:
    if number[0].isdigit():
        return _number(number)
    return sum(WORD_VALUES[p] for p in re.split(r"-|\s+", number.lower()))


def _may_count(text: str, match: re.Match, apart: frozenset[int] = frozenset()) -> bool:
    """Whether the numeral can be a count at all, whatever follows it: not a year,
    not after a label, not one of a run of numbers, not a paragraph's number.
    `apart`: where lines start that had a blank line above them."""
    number = match["number"]
    if re.fullmatch(r"(?:19|20)\d\d", number):
        return False  # a year, even in "2015 children"
    line_start = text.rfind("\n", 0, match.start("number")) + 1
    line_so_far = text[line_start: match.start("number")]
    before = text[max(0, match.start("number") - 30): match.start("number")]
    if line_start in apart and not line_so_far.strip():
        before = line_so_far  # a heading a blank line above ("… by gender and age") labels nothing
    before = before[before.rfind("\n\n") + 1:]
    words_before = before.split()
    if _is_label(words_before[-1:]) or before.rstrip()[-1:].isdigit():
        return False  # a label, or one of a run of numbers (table cells, a phone number)
    # "sections 20 and 21", "paragraphs 3 to 5", "aged 16, 17"
    tail = words_before[-3:]
    if len(tail) == 3 and tail[2].lower() in ("and", "or", "to", "&", "-", "–"):
        label, previous = tail[0], tail[1]
    elif len(tail) >= 2 and tail[-1].endswith(","):
        label, previous = tail[-2], tail[-1][:-1]
    else:
        label = previous = ""
    if previous[:1].isdigit() and re.fullmatch(r"\d[\d.]*", previous) and _is_label([label]):
        return False
    if len(words_before) >= 2 and words_before[-1] == "in" and (
        words_before[-2].lower() == "one" or words_before[-2].isdigit()
    ):
        return False  # "one in three children" is a proportion
    if line_so_far.strip() in ("", "(", "[") and CAPITAL_NEXT.match(text, match.end()):
        return False  # "4 Early Help Assessments and plans are ..." opens a paragraph
    return True


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


def _in_table_row(flow: TextFlow, offset: int) -> bool:
    """Three numeric cells or more on the line, two of them side by side. Only
    there do brackets mean a negative: in prose "on residential care (£2.2m)"
    the brackets are an aside."""
    text, index = flow.text, flow.chunk_at(offset)
    line_start, line_end = flow.starts[index], flow.chunk_end(index)
    return (len(TABLE_CELL.findall(text, line_start, line_end)) >= 3
            and bool(TWO_CELLS.search(text, line_start, line_end)))


def _is_row_number(text: str, match: re.Match) -> bool:
    """"12 % of CP Visits held within timescale ...": a scorecard's row number
    before a label that begins with "%"; a real "9 % were" sits inside a sentence."""
    line_start = text.rfind("\n", 0, match.start()) + 1
    return bool(match["space"]) and match["number"].isdigit() and not text[line_start:match.start()].strip()


def _number(written: str) -> float:
    return float(re.sub(r"[,\s]", "", written))


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether `span` meets one of `taken`, which are sorted and do not overlap."""
    after = bisect_left(taken, (span[1], span[1]))
    return any(start < span[1] and span[0] < end for start, end in taken[max(0, after - 1): after + 1])


def _context(flow: TextFlow, index: int, start: int, end: int) -> str:
    """The sentence holding the figure (on line `index`), looked for within a
    few lines either side, trimmed around the figure when longer than MAX_CONTEXT."""
    text, starts = flow.text, flow.starts
    if _in_table_row(flow, starts[index]):
        line_end = flow.chunk_end(index)
        # A row of a table: the row is the context; the rows around are other rows.
        return _trimmed(squash(text[starts[index]:start]), squash(text[start:end]),
                        squash(text[end:line_end]), text, start, end)
    # A sentence does not run on into a table row next to it.
    first, last = index, index
    while first > max(0, index - CONTEXT_LINES) and not _in_table_row(flow, starts[first - 1]):
        first -= 1
    while last < min(len(starts) - 1, index + CONTEXT_LINES) and not _in_table_row(flow, starts[last + 1]):
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
    return _trimmed(squash(text[sentence_start:start]), squash(text[start:end]),
                    squash(text[end:sentence_end]), text, start, end)


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
