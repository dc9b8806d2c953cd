"""The query language, parsed into a small engine-neutral query tree.

    foster carers                 words, all required (stemmed: "carer" finds "carers")
    "pupil premium"               an exact phrase
    adoption OR fostering         either; AND is the default; NOT / -word excludes
    (a OR b) NOT c                brackets group
    committee:"corporate parenting"   words of the committee's name
    kind:resolution               resolution, action, minute_item, agenda_item, report, document, vote
    person:Segurola  owner:Ireland    any form of a name ("Mr P Segurola", "Philip Segurola")
    minute:153  item:B1  decision:15/00067
    date:2015  date:2016-05  date:2015-04..2016-05  date:2016..  date:..2015-06-30
    amount:>1000000  amount:>=1m  amount:500k..2m

Words are matched in the title, the resolution text, the body, a report's
heading, and the meeting's committee, month and year (so "July 2016" and
"corporate parenting" work as words too). A minute number ("153", "minute 153")
or a decision number ("15/00067") also matches the record so numbered, which
then ranks first.

`parse` gives the syntax tree; `Planner` turns it into the engine query (`IR`),
expanding acronyms both ways and correcting words the index has never seen.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Callable

from ..text.dates import BadDate, partial_date
from ..text.money import parse_money
from ..text.vocabulary import DECISION_NUMBER
from . import analysis


class BadQuery(ValueError):
    """A query the user got wrong; the message is one plain sentence."""


# Bounds on what a query may ask, so no query can take the engine minutes (or
# Python's stack) to answer: a user's question fits in far less.
MAX_QUERY_CHARS = 1000
MAX_QUERY_TERMS = 64  # words, phrases and field:value terms
MAX_QUERY_TOKENS = 3 * MAX_QUERY_TERMS  # with the operators and brackets between them
MAX_QUERY_DEPTH = 8  # brackets within brackets, NOT before NOT


# -- the engine-neutral query tree ------------------------------------------------

@dataclass(frozen=True)
class Term:
    field: str
    value: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    field: str
    values: tuple[str, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Range:
    field: str
    lo: float | int | None
    hi: float | int | None
    lo_incl: bool = True
    hi_incl: bool = True


@dataclass(frozen=True)
class Bool:
    """Documents matching every `must` and, when there is no `must`, at least
    one `should`; never one of `must_not`. Scores add up."""

    must: tuple = ()
    should: tuple = ()
    must_not: tuple = ()


@dataclass(frozen=True)
class Const:
    """Matches as `child` does and adds nothing to the score: a filter."""

    child: object


@dataclass(frozen=True)
class All:
    pass


def AND(*parts) -> object:
    parts = tuple(p for p in parts if p is not None)
    return parts[0] if len(parts) == 1 else Bool(must=parts)


def OR(*parts) -> object:
    parts = tuple(dict.fromkeys(p for p in parts if p is not None))
    return parts[0] if len(parts) == 1 else Bool(should=parts)


# Words are matched in one field, "text", that weighs each part of a record as
# BM25F does, by repeating it before term frequencies saturate: the title
# three times, the resolution text twice, the body and a report's heading once
# (see `index.FIELD_WEIGHTS`). The meeting's committee, month and year are a
# field of their own, "meta", searched too for the words it has ("July 2016",
# "corporate parenting"), at half weight.
TEXT_FIELDS = {"text": 1.0}
META_BOOST = 0.5
PIN_BOOST = 40.0  # an exact minute or decision number outranks any text match

KINDS = ("minute_item", "resolution", "action", "agenda_item", "report", "document", "vote")
KIND_ALIASES = {
    "minute": "minute_item", "minutes": "minute_item", "item": "minute_item", "minute_item": "minute_item",
    "resolution": "resolution", "resolutions": "resolution", "decision": "resolution", "resolved": "resolution",
    "action": "action", "actions": "action", "vote": "vote", "votes": "vote",
    "agenda": "agenda_item", "agenda_item": "agenda_item", "agendaitem": "agenda_item",
    "report": "report", "reports": "report",
    "document": "document", "documents": "document", "doc": "document", "page": "document", "passage": "document",
}
FIELD_NAMES = {
    "committee": "committee", "kind": "kind", "type": "kind", "person": "person", "who": "person",
    "owner": "owner", "minute": "minute", "item": "agenda", "agenda": "agenda",
    "decision": "decision", "date": "date", "year": "date", "amount": "amount",
}


# -- syntax ---------------------------------------------------------------------

@dataclass
class Word:
    text: str


@dataclass
class Quoted:
    text: str


@dataclass
class MinuteRef:
    """A minute (or agenda item) number the user means as such: "minute 153",
    "item B1", or a number that is the whole query."""

    text: str


@dataclass
class FieldQ:
    name: str
    value: str
    raw: str = ""


@dataclass
class AndQ:
    parts: list
    explicit: bool = False  # the user wrote AND: all of them, no fewer


@dataclass
class OrQ:
    parts: list


@dataclass
class NotQ:
    part: object


_TOKEN = re.compile(
    r'(?P<ws>\s+)'
    r'|(?P<lparen>\()|(?P<rparen>\))'
    r'|(?P<field>(?P<fname>[A-Za-z_]+):(?:"(?P<fphrase>[^"]*)"|(?P<fvalue>[^\s()"]+)))'
    r'|(?P<phrase>"(?P<ptext>[^"]*)")'
    r'|(?P<word>[^\s()"]+)'
)


def check_balanced(text: str) -> None:
    """A stray quote or bracket would quietly search for something else; say so."""
    if text.count('"') % 2:
        raise BadQuery('The query has an unmatched double quote (").')
    depth = 0
    for i, part in enumerate(text.split('"')):
        if i % 2:  # inside a quoted phrase brackets are just text
            continue
        for ch in part:
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth < 0:
                raise BadQuery("The query has a closing bracket without an opening one.")
    if depth:
        raise BadQuery("The query has an opening bracket that is never closed.")


def _tokens(text: str) -> list[tuple[str, object]]:
    out = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup
        if m.group("ws"):
            continue
        if m.group("lparen"):
            out.append(("(", None))
        elif m.group("rparen"):
            out.append((")", None))
        elif m.group("field"):
            name = m.group("fname").lower()
            value = m.group("fphrase") if m.group("fphrase") is not None else m.group("fvalue")
            if name in FIELD_NAMES:
                out.append(("field", FieldQ(FIELD_NAMES[name], value, m.group("field"))))
            else:  # "10:30", "re:" — just words
                out.append(("word", m.group("field")))
        elif m.group("phrase"):
            out.append(("phrase", m.group("ptext")))
        else:
            word = m.group("word")
            if word in ("AND", "OR", "NOT"):
                out.append((word, None))
            elif word.startswith("-") and len(word) > 1 and not word[1].isdigit():
                out.append(("NOT", None))
                out.append(("word", word[1:]))
            else:
                out.append(("word", word))
        del kind
    return out


def check_bounds(text: str, tokens: list) -> None:
    """A query longer than `MAX_QUERY_CHARS`, or of more terms or tokens than
    the bounds allow, is refused in one sentence rather than run."""
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"The query is {len(text)} characters long; keep it under {MAX_QUERY_CHARS}.")
    terms = sum(1 for kind, _ in tokens if kind in ("word", "phrase", "field"))
    if terms > MAX_QUERY_TERMS:
        raise BadQuery(f"The query has {terms} words; use at most {MAX_QUERY_TERMS}.")
    if len(tokens) > MAX_QUERY_TOKENS:
        raise BadQuery(f"The query has {len(tokens)} words and operators; use at most {MAX_QUERY_TOKENS}.")


def parse(text: str):
    """The syntax tree of `text`, or None when it is blank. Operators left
    dangling ("thanet AND", "AND OR") are dropped, as Whoosh's parser did.
    Raises BadQuery for unbalanced quotes or brackets and past the bounds."""
    if len(text) > MAX_QUERY_CHARS:  # before any work on it
        check_bounds(text, [])
    check_balanced(text)
    tokens = _tokens(text)
    check_bounds(text, tokens)
    tree = _Parser(tokens).query()
    if tree is None and tokens:  # "AND OR NOT", "( )": nothing to search for, not everything
        raise BadQuery("The query has no words to search for, only operators or brackets.")
    return tree


class _Parser:
    """Recursive descent over the tokens. Precedence: NOT, then OR, then AND
    (written or implied), so "adoption OR fostering support" is (adoption OR
    fostering) AND support. Every loop consumes a token; nesting is bounded."""

    def __init__(self, tokens: list):
        self.tokens = tokens
        self.pos = 0
        self.depth = 0

    def peek(self):
        return self.tokens[self.pos][0] if self.pos < len(self.tokens) else None

    def take(self):
        self.pos += 1
        return self.tokens[self.pos - 1]

    def query(self):
        tree = None
        while self.pos < len(self.tokens):
            node = self.and_expr()
            if self.peek() == ")":  # unbalanced ones were refused above; be safe
                self.take()
            if node is not None:
                tree = node if tree is None else AndQ([tree, node])
        return tree

    def and_expr(self):
        parts = []
        explicit = False
        while self.peek() not in (None, ")"):
            if self.peek() in ("AND", "OR"):  # a dangling operator: consumed, whatever was before
                explicit = self.take()[0] == "AND" or explicit
                continue
            node = self.or_expr()
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else AndQ(parts, explicit)

    def or_expr(self):
        parts = [self.unary()]
        while self.peek() == "OR":
            self.take()
            if self.peek() in (None, ")", "OR", "AND"):
                break
            parts.append(self.unary())
        parts = [p for p in parts if p is not None]
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else OrQ(parts)

    def unary(self):
        if self.peek() != "NOT":
            return self.primary()
        self.take()
        if self.peek() in (None, ")", "OR", "AND"):
            return None
        inner = self.nested(self.unary)
        return NotQ(inner) if inner is not None else None

    def primary(self):
        kind, value = self.take()
        if kind == "(":
            inner = self.nested(self.and_expr)
            if self.peek() == ")":
                self.take()
            return inner
        if kind == "word":
            return Word(value)
        if kind == "phrase":
            return Quoted(value)
        if kind == "field":
            return value
        return None  # ")" or an operator where a term was due

    def nested(self, parse_inner):
        self.depth += 1
        if self.depth > MAX_QUERY_DEPTH:
            raise BadQuery(f"The query nests brackets or NOTs more than {MAX_QUERY_DEPTH} deep.")
        inner = parse_inner()
        self.depth -= 1
        return inner


# -- field values ---------------------------------------------------------------

def date_range(spec: str) -> tuple[dt.date | None, dt.date | None]:
    """'2015' -> the year; '2015-04..2016-05' -> 1 Apr 2015 to 31 May 2016;
    '2016..' and '..2015-06' are open; '>2016', '<=2015-06' too. A range
    open at both ends, or past the calendar's ends, is a BadQuery."""
    spec = spec.strip()
    m = re.fullmatch(r"(>=|<=|>|<)(.+)", spec)
    if m:
        lo, hi = _partial_date(m.group(2))
        try:
            if m.group(1) == ">":
                return hi + dt.timedelta(days=1), None
            if m.group(1) == "<":
                return None, lo - dt.timedelta(days=1)
        except OverflowError:
            raise BadQuery(f"date:{spec} asks for a day past the calendar's ends (years 1 to 9999).") from None
        return (lo, None) if m.group(1) == ">=" else (None, hi)
    if ".." in spec:
        start, _, end = (part.strip() for part in spec.partition(".."))
        if not (start or end):
            raise BadQuery("date:.. needs a start or an end, e.g. date:2015.. or date:..2016-05.")
        return (_partial_date(start)[0] if start else None, _partial_date(end)[1] if end else None)
    return _partial_date(spec)


def _partial_date(text: str) -> tuple[dt.date, dt.date]:
    try:
        return partial_date(text)
    except BadDate as error:
        raise BadQuery(str(error)) from None


def money(text: str) -> float:
    found = parse_money(text)
    if found is None:
        raise BadQuery(f"{text!r} is not an amount like 1000000, £1m or 500k.")
    return found.value


def amount_range(spec: str) -> Range:
    spec = spec.strip()
    m = re.fullmatch(r"(>=|<=|>|<|=)?(.+)", spec)
    op, rest = m.group(1), m.group(2)
    if op is None and ".." in rest:
        start, _, end = (part.strip() for part in rest.partition(".."))
        if not (start or end):
            raise BadQuery("amount:.. needs a smallest or a largest amount, e.g. amount:1m.. or amount:..500k.")
        return Range("amount", money(start) if start else None, money(end) if end else None)
    value = money(rest)
    if op == ">":
        return Range("amount", value, None, lo_incl=False)
    if op == ">=":
        return Range("amount", value, None)
    if op == "<":
        return Range("amount", None, value, hi_incl=False)
    if op == "<=":
        return Range("amount", None, value)
    return Range("amount", value, value)


def day_number(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def date_filter(since: dt.date | None, until: dt.date | None) -> Range | None:
    if since and until and since > until:
        raise BadQuery(f"The start date {since} is after the end date {until}.")
    if not (since or until):
        return None
    # Undated documents index as 0, so an open start must still skip them.
    return Range("date", day_number(since) if since else 1, day_number(until) if until else None)


def kind_value(value: str) -> str:
    kind = KIND_ALIASES.get(value.strip().lower().replace("-", "_"))
    if not kind:
        raise BadQuery(f"kind:{value} is not a kind; use one of {', '.join(KINDS)}.")
    return kind


# -- planning: syntax tree -> engine query --------------------------------------

# Words of a question ("how many social workers were recruited") that say
# nothing about the record: dropped from free words (a quoted phrase keeps them).
QUESTION_WORDS = frozenset(
    "how many much what when where who whom whose which why did does do done was were been being "
    "has had about there any some said say says tell find show me my our is are "
    "happen happened happening regarding concerning "
    # titles before a name: "Mr Oakford" is Oakford
    "mr mrs ms miss mx dr cllr councillor".split()
)
TITLE_PHRASE_BOOST = 2.0  # the words as a phrase in the title: the user is naming the item

MINUTE_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?|[A-Za-z]\d{1,2}")  # "153", "12a", agenda "B1"
YEAR = re.compile(r"(19|20)\d\d")
MINUTE_WORDS = {"minute", "minutes", "min", "item", "decision"}
AGENDA_REF = re.compile(r"[A-Z]\d{1,2}")
DECISION = re.compile(DECISION_NUMBER)  # "15/00067"


@dataclass
class Plan:
    query: object | None  # None: nothing searchable (stop words only)
    scored: bool  # False: only filters, so list by date
    # When too few records have all the words: queries for most of them, then fewer.
    relaxed: list = field(default_factory=list)
    highlight: set[str] = field(default_factory=set)
    suggestion: str | None = None  # the query with misspelt words corrected
    pins: list[tuple[str, str]] = field(default_factory=list)  # ("minute", "153")


class Planner:
    """Turns a parsed query into an engine query.

    `known(term)` says whether any document has the term; `in_meta(term)`
    whether a committee name, month or year has it; `correct(word)`
    proposes a better-known spelling; `glossary` maps acronym terms to long
    forms (and back); `people(name)` gives (surnames, person ids) for every
    form of a name.
    """

    def __init__(self, *, known: Callable[[str], bool] = lambda t: True,
                 correct: Callable[[str], str | None] = lambda w: None,
                 glossary: "Glossary | None" = None,
                 people: Callable[[str], tuple[set[str], set[str]]] | None = None,
                 in_meta: Callable[[str], bool] = lambda t: False):
        self.known = known
        self.in_meta = in_meta
        self.correct = correct
        self.glossary = glossary or Glossary([])
        self.people = people

    def plan(self, text: str | None, *, filters: list | None = None) -> Plan:
        filters = [Const(f) for f in (filters or []) if f is not None]
        text = (text or "").strip()
        tree = parse(text) if text else None
        self._highlight: set[str] = set()
        self._pins: list = []
        self._fixes: dict[str, str] = {}
        self._scored = False
        if tree is None:
            return Plan(query=AND(All(), *filters) if filters else All(), scored=False)
        if isinstance(tree, Word) and MINUTE_NUMBER.fullmatch(tree.text) and not YEAR.fullmatch(tree.text):
            tree = MinuteRef(tree.text)
        elif isinstance(tree, AndQ):
            # "B3" as typed (capital and digits) is an agenda reference.
            tree = AndQ([MinuteRef(p.text) if isinstance(p, Word) and AGENDA_REF.fullmatch(p.text) else p
                         for p in tree.parts], tree.explicit)
            words = [p for p in tree.parts if not isinstance(p, FieldQ)]
            if len(words) == 1 and isinstance(words[0], Word) and MINUTE_NUMBER.fullmatch(words[0].text) \
                    and not YEAR.fullmatch(words[0].text):
                tree = AndQ([MinuteRef(p.text) if p is words[0] else p for p in tree.parts])
            else:
                tree = AndQ(_join_minute_words(tree.parts), tree.explicit)
        q = self._node(tree)
        suggestion = None
        if self._fixes:
            suggestion = _replace_words(text, self._fixes)
        if q is None:
            if any(isinstance(n, FieldQ) for n in _leaves(tree)):
                q = All()
            else:
                return Plan(query=None, scored=False, suggestion=suggestion)
        relaxed = []
        if (isinstance(tree, AndQ) and not tree.explicit
                and all(isinstance(p, (Word, Quoted, MinuteRef)) for p in _plain(tree))):
            clauses = [c for c in (self._node(p) for p in tree.parts) if c is not None]
            scored = [c for c in clauses if not isinstance(c, Const)]
            consts = [c for c in clauses if isinstance(c, Const)]
            relaxed = [AND(q, *consts, *filters) for q in _some_of(scored)]
        query = AND(q, *filters)
        title_terms = self._title_terms(tree)
        if len(title_terms) >= 2:
            query = Bool(must=(query,), should=(Phrase("title", tuple(title_terms), TITLE_PHRASE_BOOST),))
        return Plan(
            query=query, scored=self._scored, relaxed=relaxed,
            highlight=self._highlight, suggestion=suggestion, pins=list(dict.fromkeys(self._pins)),
        )

    def _title_terms(self, tree) -> list[str]:
        """The terms of the free words of a plain query, in order (corrected)."""
        parts = tree.parts if isinstance(tree, AndQ) else [tree]
        if not all(isinstance(p, (Word, Quoted, FieldQ)) for p in parts):
            return []
        terms: list[str] = []
        for p in parts:
            if isinstance(p, Word):
                if p.text.lower() in QUESTION_WORDS:
                    continue
                word = self._fixes.get(p.text, p.text)
                terms.extend(analysis.terms(word))
            elif isinstance(p, Quoted):
                terms.extend(analysis.terms(p.text))
        return terms

    # -- nodes --

    def _node(self, node):
        if isinstance(node, AndQ):
            return self._and(node.parts)
        if isinstance(node, OrQ):
            parts = [self._node(p) for p in node.parts]
            parts = [p for p in parts if p is not None]
            if not parts:
                return None
            # A filter inside an OR matches on its own: score it like a match.
            return OR(*(p.child if isinstance(p, Const) else p for p in parts))
        if isinstance(node, NotQ):
            inner = self._node(node.part)
            if inner is None:
                return None
            inner = inner.child if isinstance(inner, Const) else inner
            return Const(Bool(must=(All(),), must_not=(inner,)))
        if isinstance(node, MinuteRef):
            return self._minute_ref(node.text)
        if isinstance(node, Word):
            return self._word(node.text)
        if isinstance(node, Quoted):
            return self._phrase(node.text)
        if isinstance(node, FieldQ):
            return self._field(node)
        return None

    def _and(self, parts: list):
        parts = _join_minute_words(parts)
        out = []
        i = 0
        while i < len(parts):
            part = parts[i]
            # A long form typed out ("unaccompanied asylum seeking children")
            # also finds its acronym.
            if isinstance(part, Word):
                run = _word_run(parts, i)
                match = self.glossary.long_form_in([w.text for w in run])
                if match:
                    start, end, short_terms = match
                    for w in run[:start]:
                        out.append(self._word(w.text))
                    words_q = AND(*(self._word(w.text) for w in run[start:end]))
                    out.append(OR(words_q, *(self._text_terms(t) for t in short_terms)))
                    i += end
                    continue
            out.append(self._node(part))
            i += 1
        out = [p for p in out if p is not None]
        if not out:
            return None
        return AND(*out)

    def _text_terms(self, term: str, boost: float = 1.0):
        self._highlight.add(term)
        self._scored = True
        meta = [Term("meta", term, META_BOOST * boost)] if self.in_meta(term) else []
        return OR(*(Term(f, term, b * boost) for f, b in TEXT_FIELDS.items()), *meta)

    def _text_phrase(self, terms: list[str]):
        if len(terms) == 1:
            return self._text_terms(terms[0])
        self._highlight.update(terms)
        self._scored = True
        meta = [Phrase("meta", tuple(terms), META_BOOST)] if all(self.in_meta(t) for t in terms) else []
        return OR(*(Phrase(f, tuple(terms), b) for f, b in TEXT_FIELDS.items()), *meta)

    def _word(self, word: str):
        if DECISION.fullmatch(word):
            self._pins.append(("decision", word))
            return OR(self._text_phrase(analysis.terms(word)), Term("decision", word, PIN_BOOST))
        if word.lower() in QUESTION_WORDS:
            return None
        terms = analysis.terms(word)
        if not terms:
            return None
        if len(terms) > 1:
            return self._text_phrase(terms)
        term = terms[0]
        if not self.known(term) and not self.glossary.has_short(term):
            fixed = self.correct(word.lower())
            if fixed:
                self._fixes[word] = fixed
                fixed_terms = analysis.terms(fixed)
                if len(fixed_terms) > 1:  # a compound split in two: the phrase
                    return self._text_phrase(fixed_terms)
                term = fixed_terms[0] if fixed_terms else term
        alternatives = [self._text_terms(term)]
        for long_terms in self.glossary.long_forms(term):
            alternatives.append(self._text_phrase(long_terms))
        return OR(*alternatives)

    def _minute_ref(self, word: str):
        if DECISION.fullmatch(word):
            return self._word(word)
        value = word.upper() if word[0].isalpha() else word
        self._pins.append(("minute", value))
        self._scored = True
        terms = analysis.terms(word)
        text = [self._text_terms(terms[0])] if len(terms) == 1 else []
        return OR(Term("minute", value, PIN_BOOST), Term("agenda_ref", value.upper(), PIN_BOOST / 2), *text)

    def _phrase(self, text: str):
        terms = analysis.terms(text)
        if not terms:
            return None
        q = self._text_phrase(terms)
        shorts = self.glossary.shorts_for(terms)
        if shorts:
            q = OR(q, *(self._text_terms(s) for s in shorts))
        return q

    def _field(self, node: FieldQ):
        name, value = node.name, node.value.strip()
        if not value:  # `kind:""` would quietly match everything
            raise BadQuery(f"{node.raw or name + ':'} has no value; write one after the colon.")
        if name == "kind":
            return Const(Term("kind", kind_value(value)))
        if name == "committee":
            terms = analysis.terms(value)
            if not terms:
                raise BadQuery(f"committee:{value} has no words to match.")
            return Const(AND(*(Term("committee", t) for t in terms)))
        if name == "minute":
            self._pins.append(("minute", value))
            return Const(Term("minute", value))
        if name == "agenda":
            return Const(Term("agenda_ref", value.upper()))
        if name == "decision":
            self._pins.append(("decision", value))
            return Const(Term("decision", value))
        if name == "date":
            since, until = date_range(value)
            return Const(date_filter(since, until))
        if name == "amount":
            return Const(amount_range(value))
        if name in ("person", "owner"):
            return Const(self._person(value, owner=name == "owner"))
        return None

    def _person(self, name: str, *, owner: bool):
        from ..text.names import surname

        if not analysis.WORD.search(name):  # "person:!!!" names nobody, not everybody
            raise BadQuery(f"{'owner' if owner else 'person'}:{name} has no letters or digits to match a name.")
        surnames = {s for s in [surname(name) or (name.split()[-1] if name.split() else None)] if s}
        ids: set[str] = set()
        if self.people:
            more_names, more_ids = self.people(name)
            surnames |= set(more_names)
            ids |= set(more_ids)
        field_name = "owners" if owner else "people"
        alternatives = []
        for s in sorted(surnames):
            terms = analysis.terms(s)
            if len(terms) == 1:
                alternatives.append(Term(field_name, terms[0]))
            elif terms:
                alternatives.append(Phrase(field_name, tuple(terms)))
            self._highlight.update(terms)
        alternatives.extend(Term("person_ids", i) for i in sorted(ids))
        if not alternatives:
            raise BadQuery(f"{'owner' if owner else 'person'}:{name} names nobody.")
        q = OR(*alternatives)
        return AND(Term("kind", "action"), q) if owner else q


MAX_TIERED = 5  # longer queries go straight to "any of the words" (ranked by BM25)


def _some_of(clauses: list) -> list:
    """Queries for all but one of `clauses` (for a few words), then any of
    them: the tiers that fill a result when too few records have them all."""
    from itertools import combinations

    n = len(clauses)
    if n < 2:
        return []
    tiers = []
    if 3 <= n <= MAX_TIERED:
        tiers.append(OR(*(AND(*combo) for combo in combinations(clauses, n - 1))))
    tiers.append(OR(*clauses))
    return tiers


def _leaves(node):
    if isinstance(node, (AndQ, OrQ)):
        for p in node.parts:
            yield from _leaves(p)
    elif isinstance(node, NotQ):
        yield from _leaves(node.part)
    else:
        yield node


def _plain(tree: AndQ):
    """The parts of a top-level AND that are words, phrases or fields (no
    explicit operators): such a query may be relaxed to "some of the words"."""
    out = []
    for p in tree.parts:
        if isinstance(p, FieldQ):
            continue
        out.append(p)
    return out


def _word_run(parts: list, i: int) -> list:
    run = []
    while i < len(parts) and isinstance(parts[i], Word):
        run.append(parts[i])
        i += 1
    return run


def _join_minute_words(parts: list) -> list:
    """"minute 153" and "item B1" are references to the minute so numbered."""
    out = []
    skip = False
    for i, part in enumerate(parts):
        if skip:
            skip = False
            continue
        nxt = parts[i + 1] if i + 1 < len(parts) else None
        if (isinstance(part, Word) and part.text.lower() in MINUTE_WORDS and isinstance(nxt, Word)
                and DECISION.fullmatch(nxt.text)):
            continue  # "decision 15/00067": the number says it all
        if (isinstance(part, Word) and part.text.lower() in MINUTE_WORDS and isinstance(nxt, Word)
                and MINUTE_NUMBER.fullmatch(nxt.text)):
            out.append(MinuteRef(nxt.text))
            skip = True
            continue
        out.append(part)
    return out


def _replace_words(text: str, fixes: dict[str, str]) -> str:
    def sub(m):
        word = m.group()
        return fixes.get(word, word)

    return re.sub(r"[^\s()\"]+", sub, text)


# -- glossary --------------------------------------------------------------------

class Glossary:
    """Acronyms of the corpus, as index terms: "uasc" <-> the terms of
    "Unaccompanied Asylum Seeking Children"."""

    def __init__(self, entries: list[tuple[str, str]]):
        self._long: dict[str, list[list[str]]] = {}
        self._short: dict[tuple, list[str]] = {}
        for short, long in entries:
            short_terms = analysis.terms(short)
            long_terms = analysis.terms(long)
            if len(short_terms) != 1 or len(long_terms) < 2:
                continue
            self._long.setdefault(short_terms[0], [])
            if long_terms not in self._long[short_terms[0]]:
                self._long[short_terms[0]].append(long_terms)
            self._short.setdefault(tuple(long_terms), [])
            if short_terms[0] not in self._short[tuple(long_terms)]:
                self._short[tuple(long_terms)].append(short_terms[0])
        self._max_len = max((len(k) for k in self._short), default=0)

    def has_short(self, term: str) -> bool:
        return term in self._long

    def long_forms(self, term: str) -> list[list[str]]:
        return self._long.get(term, [])

    def shorts_for(self, terms: list[str]) -> list[str]:
        return self._short.get(tuple(terms), [])

    def long_form_in(self, words: list[str]) -> tuple[int, int, list[str]] | None:
        """The first long form spelt out by consecutive `words` (stop words
        aside): (start, end) in `words`, and its acronyms' terms."""
        if not self._short:
            return None
        terms = [analysis.terms(w) for w in words]
        for start in range(len(words)):
            if not terms[start]:
                continue
            seq: list[str] = []
            for end in range(start, len(words)):
                seq.extend(terms[end])
                if len(seq) > self._max_len:
                    break
                shorts = self._short.get(tuple(seq))
                if shorts and end > start:
                    return start, end + 1, shorts
        return None
