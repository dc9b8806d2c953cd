"""People named in the papers, with the role and party the papers give them.

A small spaCy pipeline: `spacy.blank("en")` (its tokenizer keeps hyphenated names
such as "Scott-Clark" and "Vice-Chairman" whole) and a `Matcher` with token
patterns for names:

    TITLED   honorific + initials + surname  "Mr P J Oakford", "Miss T A Grayell", "Mr Segurola"
             honorific + forename + surname  "Sir Paul Carter", "Dr Noreen Ahmad-Bhatti"
    PLAIN    forename (+ initial) + surname  "Philip Segurola", "Geoff Gurney"

A titled name is always a person. A plain pair of capitalised words is one only
when its context says so (most capitalised pairs in council papers are services,
places and headings): a role after it ("Philip Segurola – Director, …",
"Peter Oakford, Cabinet Member for …", "Geoff Gurney (Interim Assistant Director …)"),
a role before it ("The current Head of Quality Assurance, Lee-Anne Farach is …",
"Lead Officer: Geoff Gurney"), a role on the next line of a signature block
("Karen Sharp" / "Head of Public Health Commissioning"), a field that names a
person ("By:", "From:", "Ask for:", "Lead", "led by", "Action –"), or an "and"
after another person ("Apprentices Bella Taylor and Chris Dowle"). And its first
word must not be one the document also writes in lower case ("Software Upgrade –
Project Manager's note" beside "the software"), unless it is a forename that is
also a word (Mark, Will, June).

Roles are read around the names from a vocabulary of role words (Director,
Manager, Officer, Member, Chairman, Chair, Head, Leader, Clerk, …):

    in brackets              "Mr P Segurola (Interim Director of Specialist Children's Services)"
    after a comma, dash, :   "Mr W Gough, Business Planning and Strategy Manager, was …",
                             "Karen Sharp: Head of Public Health Commissioning"
    after "is the", "would be the"   "Jennifer Williams is the Strategic Service Manager"
    on the next line         "Karen Sharp" / "Head of Public Health Commissioning", "Title: …"
    before, in apposition    "the Chairman, Mrs Allen, the Vice-Chairman, Mrs Crabtree"
    before, as a heading     "Director of Public Health – Mr A Scott-Clark"
    a plural before a list   "three Group Spokesmen, Ms Cribbon, Mr Vye and Mrs Wiltshire"

A role runs over capitalised words and the small words between them ("of",
"for", "and", "&", "’s") and stops at a sentence's end, a lower-case word, the
next name, or a wrapped line that is not part of it (a table heading, an
e-mail address). A list of "Name – what they are" lines makes each of its
names a person even where what follows is no role ("Ian Darbyshire – NHS").

Parties come from membership lists by party ("Conservative (5): Mrs A D Allen, …")
and from bracketed abbreviations ("Mr X (Con)").

Lines are joined per paragraph (a run of non-blank lines) because names and
roles wrap; each mention reports the line where its name starts.

The statistical NER of a trained pipeline (en_core_web_sm) is not used. Measured
on the people of the two gold packs it found no person with a role that these
rules miss (name and role recall 72/79 with or without it, precision 72/72),
only three more names without a role, at about 20,000 characters a second
against the rules' several hundred thousand; and it reads "Item A1 Apologies"
and "Agenda Item B2 Minutes" as people.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ...corpus.records import Mention
from ...text.names import COUNCIL_WORDS, HONOURS, TITLE_WORDS
from ...text.spacing import squash
from ..model import Line
from ..textflow import TextFlow


TITLE_FORMS = TITLE_WORDS + [f"{t}." for t in TITLE_WORDS]  # one token each: "Cllr", "Cllr."

# The word that makes a phrase a role; a hyphenated word counts by its last part
# ("Vice-Chairman", "co-Chair").
ROLE_HEADS = {
    "director", "manager", "officer", "member", "chairman", "chairwoman", "chairperson", "chair",
    "head", "headteacher", "leader", "commissioner", "solicitor", "clerk", "secretary", "executive",
    "president", "spokesman", "spokeswoman", "spokesperson", "teacher", "nurse", "doctor",
    "psychologist", "assessor", "apprentice", "coordinator", "co-ordinator", "adviser", "advisor",
    "consultant", "analyst", "administrator", "worker", "inspector", "governor", "treasurer", "mayor",
    "minister", "auditor", "counsel", "registrar", "ombudsman", "trustee", "representative",
    "champion", "practitioner", "therapist", "lawyer", "accountant", "planner", "assistant",
    "deputy", "chief", "monitor", "headmaster", "headmistress", "ceo", "ombudsman", "engineer",
    "surveyor", "architect", "librarian", "archivist",
}
# In brackets only: "Margaret Pike (Minutes)" took the minutes.
BRACKET_ONLY_HEADS = {"minutes"}
PLURAL_HEADS = {
    **{f"{h}s": h for h in ROLE_HEADS if not h.endswith(("man", "person", "y"))},
    "spokesmen": "spokesman", "spokeswomen": "spokeswoman", "chairmen": "chairman",
    "deputies": "deputy", "secretaries": "secretary",
}
PLURAL_HEADS.pop("members", None)  # "Co-opted Members (6):" is a heading, not a role
# Lower-case words that may stand inside a role ("Director of Public Health",
# "Director responsible for the division").
CONNECTORS = {"of", "for", "and", "&", "the", "in", "on", "at", "to", "with", "’s", "'s", "responsible", "-"}
# Lower-case words between an article and a role: "The current Head of …".
ROLE_ADJECTIVES = {"current", "new", "former", "interim", "acting", "newly", "appointed", "recently", "then"}
PARTIES = {
    "conservative": "Conservative", "conservatives": "Conservative", "con": "Conservative",
    "labour": "Labour", "lab": "Labour", "liberal democrat": "Liberal Democrat",
    "liberal democrats": "Liberal Democrat", "lib dem": "Liberal Democrat", "ld": "Liberal Democrat",
    "libdem": "Liberal Democrat", "ukip": "UKIP", "green": "Green", "greens": "Green",
    "green party": "Green", "independent": "Independent", "ind": "Independent",
    "plaid cymru": "Plaid Cymru", "snp": "SNP", "reform uk": "Reform UK",
}
# "Conservative (5):", "UKIP (3)", "Co-opted Members (6):" – the last one ends a party's list.
GROUP_LABEL = re.compile(r"(?P<label>\b[A-Z][A-Za-z’'\- ]{1,40}?)\s*\(\d{1,3}\)\s*:?")

# Words that look like names but are not: role words, what qualifies them, the
# furniture of council papers. A titled surname ("Mr Chairman") may not be one
# of NOT_SURNAME; a plain name ("Specialist Children") may not be any of NOT_PLAIN,
# which holds the councils' own places and services (text/vocabulary/council_words.txt).
NOT_SURNAME = ROLE_HEADS | set(PLURAL_HEADS) | {
    "the", "and", "of", "chairman’s", "speaker", "mayor", "president", "vice-chairman",
}
NOT_PLAIN = NOT_SURNAME | COUNCIL_WORDS | {
    "interim", "acting", "senior", "principal", "corporate", "strategic", "service", "services",
    "business", "democratic", "cabinet", "vice", "area", "county", "district", "borough", "parish",
    "city", "council", "councils", "committee", "panel", "board", "group", "team", "unit", "trust",
    "school", "schools", "policy", "finance", "planning", "strategy", "development", "management",
    "information", "this", "that", "these", "those", "a", "an", "in", "on", "at", "for", "to", "by",
    "with", "from", "item", "items", "agenda", "appendix", "annex", "page", "pages", "minute",
    "minutes", "report", "reports", "section", "part", "paragraph", "table", "figure", "chart", "theme",
    "objective", "action", "actions", "lead", "contact", "author", "date", "subject", "classification",
    "summary", "recommendation", "recommendations", "decision", "background", "documents", "january",
    "february", "march", "july", "august", "september", "october", "november", "december", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tel", "telephone", "email",
    "room", "house", "hall", "sessions", "government", "england", "london", "national", "local",
    "authority", "department", "office", "home", "family", "division", "directorate", "association",
    "foundation", "partnership", "network", "centre", "centres", "programme", "project", "plan",
    "update", "verbal", "views", "welcome", "introduction", "introductions", "apologies", "substitutes",
    "present", "attendance", "unrestricted", "exempt", "motion", "resolved", "noted", "agreed", "any",
    "other", "further", "general", "overview", "discussion", "announcements", "north", "south", "east",
    "west", "mid", "central", "new", "review", "performance", "key", "total", "number", "data", "our",
    "their", "his", "her", "its", "we", "they", "he", "she", "it", "all", "each", "there", "where",
    "when", "what", "which", "who", "if", "but", "as", "so", "no", "yes", "not", "please", "dear",
    "after", "operational", "participation", "business", "budget", "capital", "revenue", "annual",
    "monthly", "quarterly", "state", "minister", "ministers", "conservative", "labour", "liberal",
    "democrat", "green", "independent", "ukip", "members", "membership", "co-opted", "elected", "total",
    "street", "road", "lane", "avenue", "title", "name", "position", "role", "designation", "job",
    "attn", "county’s", "council’s",
}
INITIAL = r"^(?:[A-Z]\.?|(?:[A-Z]\.){2,3}|[A-Z]{2,3})$"
# "Segurola", "Scott-Clark", "O’Grady", "FitzGerald", "McDonald", "Lee-Anne".
PART = r"[A-ZÀ-Þ][a-zß-ÿ]+(?:[A-ZÀ-Þ][a-zß-ÿ]+)?"
NAME_WORD = rf"^(?:(?:O|D)[’']{PART}|{PART}(?:[’'][A-Z]?[a-zß-ÿ]+)?)(?:-(?:(?:O|D)[’'])?{PART})*$"

# Contexts that say a person's name follows: a field label with its colon
# ("By:", "Ask for:", "Name:"), a lead ("Lead - Tony Doran", "Action – Geoff
# Gurney to …"), or "led by" / "chaired by". Case matters: "data from Welfare
# Call" and "placements by Legal Status" are not fields.
NAMING_FIELD = re.compile(
    r"(?:\b(?:By|From|Name|Ask\s+for|Author|Report\s+Author|Contact|Contact\s+Officer|Officer|Clerk)\s*:\s*"
    r"|\b(?:Lead(?:\s+(?:Officer|Director|Member))?|Action|Actions)\s*(?::|[–—-])?\s*"
    r"|\b(?:[Ll]ed|[Cc]haired|[Cc]o-[Cc]haired)\s+by\s+)$"
)
COPULAS = [tuple(v.split()) for v in (
    "has been appointed as", "was appointed as", "is appointed as", "has been appointed", "will be",
    "would be", "has been", "had been", "is now", "is", "was", "became", "becomes", "remains",
)]
AFTER_SEPARATORS = {",", "–", "—", "-", ":"}  # "Karen Sharp: Head of Public Health Commissioning"
JOB_TITLE_FIELD = re.compile(r"(?:Job\s+)?(?:Title|Position|Role|Designation|Post)\s*:\s*", re.IGNORECASE)
ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+", re.IGNORECASE)
LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z][a-z’'-]+")
# Forenames that are also common words: a lower-case "mark" or "will" in the
# text does not stop "Mark Jones" or "Will Smith" being a name.
WORDLIKE_FORENAMES = {
    "mark", "will", "bill", "grace", "hope", "faith", "joy", "rose", "dawn", "frank", "jack", "pat",
    "penny", "sue", "ruby", "amber", "victor", "guy", "ray", "dean", "glen", "rob", "nick", "don",
    "art", "june", "april", "may", "august", "jade", "ivy", "holly", "heather", "iris", "daisy",
    "summer", "robin", "sky", "max", "bob", "sandy", "lily", "crystal", "pearl", "harmony", "carol",
    "gill", "jean", "gene", "chase", "drew", "miles", "rich", "sterling", "earl", "duke", "king",
}
# Capitalised words that start a new sentence, not a role's next word.
SENTENCE_WORDS = {"The", "This", "That", "These", "Those", "It", "He", "She", "They", "We", "I", "There"}
# The name patterns' token tests as compiled here, for the matcher's pre-filter.
TITLE_FORMS_SET = frozenset(TITLE_FORMS)
INITIAL_WORD, NAME_WORD_RE = re.compile(INITIAL), re.compile(NAME_WORD)
RUN_SEPARATOR = "\n"  # a token no step of a name pattern takes
MAX_ROLE_TOKENS = 30
MAX_PARAGRAPH_CHARS = 1_000_000  # spaCy's `nlp.max_length`: longer text raises its E088
HEAD_WITHIN = 8  # a role's head word comes within its first tokens


@dataclass
class _Name:
    start: int  # token indices in the paragraph's doc
    end: int
    titled: bool


def find_people(lines: list[Line]) -> list[Mention]:
    """Every person named in `lines`, in order, with the role and party written
    with the name (None where none is)."""
    nlp, matcher = _pipeline()
    paragraphs = list(_paragraphs(lines))
    # Words the document writes in lower case somewhere ("student", "software",
    # "staying"): such a word starting a plain pair is no forename.
    prose = ADDRESS.sub(" ", " ".join(flow.text for flow in paragraphs))  # "peter.sass@kent.gov.uk"
    common = set(LOWER_WORD.findall(prose)) - WORDLIKE_FORENAMES
    found: list[Mention] = []
    docs = nlp.pipe(flow.text for flow in paragraphs)
    carried_party: str | None = None
    for flow, doc in zip(paragraphs, docs):
        mentions, carried_party = _mentions(doc, matcher, flow, carried_party, common)
        found += mentions
    return found


# -- the pipeline -----------------------------------------------------------------------------


def build_pipeline() -> None:
    """Build the pipeline now rather than at the first file (a worker's start)."""
    _pipeline()


@lru_cache(maxsize=1)
def _pipeline():
    """spaCy's blank English tokenizer, hyphenated words kept whole, and the
    name patterns; built once per process."""
    import spacy
    from spacy.matcher import Matcher
    from spacy.util import compile_infix_regex, compile_suffix_regex

    nlp = spacy.blank("en")
    infixes = [p.replace("(?:-|–|—|--|---|——|~)", "(?:–|—|--|---|——|~)") for p in nlp.Defaults.infixes]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    # "Patricia Denney- Assistant Director": the dash is not part of the name.
    suffixes = list(nlp.Defaults.suffixes) + [r"(?<=[^\W\d_])-"]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search

    title = {"ORTH": {"IN": TITLE_FORMS}}
    dot = {"ORTH": ".", "OP": "?"}
    initial = {"TEXT": {"REGEX": INITIAL}}
    surname = {"TEXT": {"REGEX": NAME_WORD}, "LOWER": {"NOT_IN": sorted(NOT_SURNAME)}}
    plain = {"TEXT": {"REGEX": NAME_WORD}, "LOWER": {"NOT_IN": sorted(NOT_PLAIN)}}
    matcher = Matcher(nlp.vocab)
    matcher.add("TITLED", [
        [title, dot, {**initial, "OP": "{0,4}"}, surname],
        [title, dot, plain, {**initial, "OP": "{0,2}"}, surname],
    ])
    matcher.add("PLAIN", [[plain, {**initial, "OP": "?"}, plain]])
    return nlp, matcher


# -- paragraphs -------------------------------------------------------------------------------


def _paragraphs(lines: list[Line]) -> Iterator[TextFlow]:
    """Runs of lines without a blank line between them (readers drop blank lines
    but keep the file's line numbers, so a gap in the numbers is one) joined with
    spaces, a word hyphenated over a line end joined whole. Running headers and
    footers are skipped. A paragraph that would pass spaCy's length limit
    (a PDF's lines have no gaps: a 1,000-page pack is one run) ends at a line
    before it, and the next piece goes on."""
    flow, chars = TextFlow(), 0
    previous = None  # number of the last line taken or skipped as furniture
    for index, line in enumerate(lines):
        chunk = squash(line.text)
        gap = previous is not None and line.number != previous + 1
        previous = line.number
        if line.furniture:
            continue
        too_long = chars + len(chunk) + 1 > MAX_PARAGRAPH_CHARS
        if (not chunk or gap or too_long) and flow:
            yield flow
            flow, chars = TextFlow(), 0
        if not chunk:
            continue
        chars += len(chunk) + 1
        # "Vice-" / "Chairman" -> "Vice-Chairman"; "Denney -" keeps its space.
        # Only the tail: searching the whole growing paragraph was quadratic.
        hyphenated = re.search(r"[^\W\d_]-$", flow.tail(2)) and chunk[0].isalpha()
        flow.add(index, chunk, "" if hyphenated else " ")
    if flow:
        yield flow


# -- names, roles, parties in one paragraph ---------------------------------------------------


def _mentions(doc, matcher, flow: TextFlow, carried_party, common: set[str]):
    line_starts = set(flow.starts)
    # Token offsets as an array: iterating the Doc would make a Token object each.
    first_on_line = {i for i, idx in enumerate(doc.to_array("IDX").tolist()) if idx in line_starts}
    candidates = [c for c in _candidates(doc, matcher) if c.titled or doc[c.start].lower_ not in common]
    names = _accept(doc, candidates, first_on_line)
    name_at = {n.start: n for n in names}
    parties, carried_party = _parties(doc, carried_party)

    roles: dict[int, str] = {}
    for k, name in enumerate(names):
        nxt = names[k + 1] if k + 1 < len(names) else None
        role = _role_after(doc, name, name_at, first_on_line)
        if role and nxt and role[2] and _role_sandwiched(doc, role, nxt):
            # "the Chairman, Mrs Allen, the Vice-Chairman, Mrs Crabtree": the second
            # role introduces the next name (which _role_before gives it).
            role = None
        if role:
            roles[name.start] = role[0]
    for name in names:
        if name.start in roles:
            continue
        role = _role_before(doc, name, name_at, first_on_line)
        if role:
            roles[name.start] = role
    _plural_roles(doc, names, roles)

    found = []
    for name in names:
        span = doc[name.start : name.end]
        party = _party_in_brackets(doc, name) or _party_at(parties, span.start_char)
        found.append(Mention(index=flow.line_at(span.start_char), name=squash(span.text), role=roles.get(name.start), party=party))
    return found, carried_party


def _candidates(doc, matcher) -> list[_Name]:
    found = []
    for match_id, start, end in _matches(doc, matcher):
        titled = doc.vocab.strings[match_id] == "TITLED"
        found.append(_Name(start, end, titled))
    # Longest first at each start; titled before plain.
    found.sort(key=lambda n: (n.start, -(n.end - n.start), not n.titled))
    return found


def _matches(doc, matcher) -> list[tuple[int, int, int]]:
    """The matcher's (match id, start, end) in `doc`, the same as `matcher(doc)`.

    The matcher calls Python predicates for every token at every pattern's
    first step, most of the cost of people. A name is made only of tokens one
    of its steps can take (a title, ".", an initial, a name word), so the
    matcher reads a doc of just the runs of two or more such tokens, each run
    apart from the next by a token no step takes, and its matches map back."""
    from spacy.attrs import ORTH
    from spacy.tokens import Doc

    orths = doc.to_array(ORTH).tolist()
    strings = doc.vocab.strings
    words: list[str] = []
    origin: list[int] = []  # the index in `doc` of each word, -1 for a separator
    run_start = None
    for i, orth in enumerate(orths + [None]):
        if orth is not None and _may_be_in_name(strings[orth]):
            if run_start is None:
                run_start = i
            continue
        if run_start is not None and i - run_start >= 2:
            if words:
                words.append(RUN_SEPARATOR)
                origin.append(-1)
            words += [strings[orths[j]] for j in range(run_start, i)]
            origin += range(run_start, i)
        run_start = None
    if not words:
        return []
    runs = Doc(doc.vocab, words=words)
    return [(match_id, origin[start], origin[end - 1] + 1) for match_id, start, end in matcher(runs)]


@lru_cache(maxsize=100_000)
def _may_be_in_name(text: str) -> bool:
    """Whether some step of a name pattern (see `_pipeline`) takes this token."""
    return (text in TITLE_FORMS_SET or text == "." or bool(INITIAL_WORD.search(text))
            or (bool(NAME_WORD_RE.search(text)) and text.lower() not in NOT_SURNAME))


def _accept(doc, candidates: list[_Name], first_on_line: set[int]) -> list[_Name]:
    """Titled names, then the plain names their context licenses, without overlaps."""
    taken: list[_Name] = []
    used = set()
    starts = {c.start for c in candidates}
    # A list of "Name – what they are" lines: each line-initial name is a person
    # even where what follows is no role ("Ian Darbyshire – NHS"). At least two
    # such lines, most of them with a role, or it is a table of services
    # ("Staying Put – Virtual School Heads Extension").
    entries = {
        c.start for c in candidates
        if not c.titled and c.start in first_on_line and c.end < len(doc) and doc[c.end].text in {"–", "—", "-"}
    }
    with_role = [c for c in candidates if c.start in entries and _role_after(doc, c, {}, first_on_line)]
    if len(entries) < 2 or 2 * len(with_role) <= len(entries):
        entries = set()

    def free(n: _Name) -> bool:
        return not any(i in used for i in range(n.start, n.end))

    def take(n: _Name) -> None:
        taken.append(n)
        used.update(range(n.start, n.end))

    for n in candidates:
        if n.titled and free(n):
            take(n)
    # Plain names left to right, so that "X and Y" can lean on X.
    for n in sorted((c for c in candidates if not c.titled), key=lambda c: (c.start, -(c.end - c.start))):
        if free(n) and (n.start in entries or _licensed(doc, n, taken, first_on_line, starts)):
            take(n)
    taken.sort(key=lambda n: n.start)
    return taken


def _licensed(doc, n: _Name, taken: list[_Name], first_on_line: set[int], candidate_starts: set[int]) -> bool:
    if _role_after(doc, n, {}, first_on_line):
        return True
    before = doc[max(n.start - 8, 0) : n.start].text if n.start else ""
    if NAMING_FIELD.search(before):
        return True
    if n.start >= 1 and doc[n.start - 1].lower_ == "and" and any(t.end == n.start - 1 for t in taken):
        return True
    name_at = {t.start: t for t in taken}
    if _role_before(doc, n, name_at, first_on_line):
        return True
    plural = _plural_before(doc, n.start)
    if plural and not plural[1]:
        # "Apprentices Bella Taylor and Chris Dowle", not "Champions Celebration Event"
        return n.end + 1 < len(doc) and doc[n.end].lower_ == "and" and n.end + 1 in candidate_starts
    return bool(plural)


def _next_line_role(doc, n: _Name, first_on_line: set[int]) -> str | None:
    """A signature block: the name alone on its line, the role on the next."""
    if n.end not in first_on_line:
        return None
    if n.start not in first_on_line and not NAMING_FIELD.search(doc[max(n.start - 4, 0) : n.start].text):
        return None
    k = n.end
    label = JOB_TITLE_FIELD.match(doc[k : k + 4].text)
    if label:  # "Name: Maureen Robinson" / "Title: Management Information Service Manager"
        k = doc.char_span(doc[k].idx, doc[k].idx + label.end(), alignment_mode="expand").end
    span = _scan_role(doc, k, set(), first_on_line, one_line=True)
    return _role_text(doc, span) if span else None


def _role_after(doc, name: _Name, name_at, first_on_line) -> tuple[str, int, bool] | None:
    """The role written after a name, the token where it ends, and whether it
    starts with "the" (", the Chief Executive of …")."""
    i = _skip_honours(doc, name.end)
    if i >= len(doc):
        return None
    if doc[i].text == "(":
        close = _bracket(doc, i)
        if close is None:
            return None
        inner = doc[i + 1 : close]
        if re.match(r"(?i)substitut", inner.text) or _party(inner.text):
            return None
        if _has_head(inner, brackets=True):
            return squash(inner.text), close + 1, False
        return None
    if doc[i].text in AFTER_SEPARATORS:
        span = _scan_role(doc, i + 1, set(name_at), first_on_line)
        if span:
            return _role_text(doc, span), span[1], doc[span[0]].lower_ == "the"
    copula = _copula(doc, i)
    if copula is not None:
        span = _scan_role(doc, copula, set(name_at), first_on_line)
        if span and _capitalised(doc[span[0]].text):
            return _role_text(doc, span), span[1], False
    role = _next_line_role(doc, name, first_on_line)
    return (role, name.end, False) if role else None


def _copula(doc, i: int) -> int | None:
    """Where the role starts after "is the", "would be the", "was appointed as":
    "Jennifer Williams is the Strategic Service Manager"."""
    words = [t.lower_ for t in doc[i : i + 4]]
    for verb in COPULAS:
        if words[: len(verb)] == list(verb):
            j = i + len(verb)
            if j < len(doc) and doc[j].lower_ in {"the", "a", "an", "our", "its", "their"}:
                j += 1
            while j < len(doc) and doc[j].lower_ in ROLE_ADJECTIVES:
                j += 1
            return j
    return None


def _role_sandwiched(doc, role: tuple[str, int, bool], nxt: _Name) -> bool:
    """Whether a role runs straight into the next name: "…, the Vice-Chairman, Mrs Crabtree"."""
    end = role[1]
    return end < len(doc) and doc[end].text in {",", ":", "–", "-"} and end + 1 == nxt.start


def _scan_role(doc, k: int, name_starts: set[int], first_on_line: set[int], one_line: bool = False):
    """A role phrase from token k: capitalised words and the small words between
    them, up to a name, a sentence's end or a lower-case word; (start, end) if its
    head word comes early enough, else None."""
    start = k
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    end = k
    i = k
    while i < len(doc) and i - start < MAX_ROLE_TOKENS:
        token = doc[i]
        if i in name_starts or (one_line and i > k and i in first_on_line):
            break
        text = token.text
        if text in {".", ";", ":", "!", "?"} or "@" in text or (i > k and text in SENTENCE_WORDS):
            break
        if text == "(":
            close = _bracket(doc, i)
            if close is None or not _acronym_group(doc[i + 1 : close]):
                break
            i = end = close + 1
            continue
        if _capitalised(text) or text in {",", "–", "—", "/", "+"} or token.lower_ in CONNECTORS:
            i += 1
            if not (text in {",", "–", "—", "-", "/"} or token.lower_ in CONNECTORS):
                end = i
            continue
        if re.fullmatch(r"\d{1,2}", text) and i + 1 < len(doc) and doc[i + 1].text == "+":
            i += 2  # "Service Manager, 18+"
            end = i
            continue
        break
    if end <= k:
        return None
    end = _cut_run_on(doc, k, end, i, name_starts, first_on_line)
    if not _has_head(doc[k : min(end, k + HEAD_WITHIN)]):
        return None
    return (start, end)


def _cut_run_on(doc, k: int, end: int, stop: int, name_starts: set[int], first_on_line: set[int]) -> int:
    """A role wraps onto the next line ("… Specialist Children’s" / "Services") but
    a table heading or an e-mail line after it is not the role: a line the role
    runs onto must be taken whole, or up to a comma, a bracket or the next name."""
    last_line = max((j for j in range(k + 1, end) if j in first_on_line), default=None)
    if last_line is None:
        return end
    clean = (
        stop >= len(doc) or stop in first_on_line or stop in name_starts
        or doc[stop].text in {",", ";", ")"} or doc[stop - 1].text == ","
    )
    if clean:
        return end
    cut = last_line
    while cut > k and (doc[cut - 1].text in {",", "–", "—", "-", "/"} or doc[cut - 1].lower_ in CONNECTORS):
        cut -= 1
    return cut


def _role_before(doc, name: _Name, name_at, first_on_line) -> str | None:
    """A role written before a name:
    "the Vice-Chairman, Mrs Crabtree and …", "The current Head of Quality Assurance, Lee-Anne Farach",
    "Director of Public Health – Mr A Scott-Clark" (a heading line), "Lead Officer: Geoff Gurney"."""
    if name.start < 2:
        return None
    separator = doc[name.start - 1].text
    if separator not in {",", ":", "–", "—", "-"}:
        return None
    span = _scan_back(doc, name.start - 1, name_at)
    if span is None:
        return None
    begin, end = span
    if separator == ",":
        article = begin - 1
        while article >= 0 and doc[article].lower_ in ROLE_ADJECTIVES:
            article -= 1
        if article < 0 or doc[article].lower_ != "the":
            return None
        sentence_start = article == 0 or doc[article - 1].text in {".", ";", ":"} or article in first_on_line
        closed = name.end >= len(doc) or doc[name.end].text in {",", ".", ";", ")"} or (
            doc[name.end].lower_ == "and" and name.end + 1 not in name_at
        )
        if not (sentence_start or closed):
            return None
    elif begin not in first_on_line:
        return None  # "Children: Lead - Tony Doran" is a table row, not a heading
    if _plural_head(doc[end - 1]):
        return None  # plural roles go to the whole list (_plural_roles)
    return _role_text(doc, (begin, end))


def _scan_back(doc, i: int, name_at, plural: bool = False) -> tuple[int, int] | None:
    """The role phrase ending just before token i (a separator), if any."""
    ends = {n.end for n in name_at.values()}
    j = i - 1
    begin = i
    while j >= 0 and i - j <= MAX_ROLE_TOKENS:
        token = doc[j]
        if (j + 1) in ends:
            break
        if token.text == ")":
            open_ = _open_bracket(doc, j)
            if open_ is None or not _acronym_group(doc[open_ + 1 : j]):
                break
            j = open_ - 1
            continue
        if _capitalised(token.text):
            begin = j
            j -= 1
            continue
        if token.text == "," or (token.lower_ in CONNECTORS and token.lower_ != "the"):
            j -= 1
            continue
        break
    if begin >= i:
        return None
    end = i
    while end > begin and (doc[end - 1].text in {",", "–", "-"} or doc[end - 1].lower_ in CONNECTORS):
        end -= 1
    if not _has_head(doc[begin:end], plural=plural):
        return None
    return begin, end


def _plural_before(doc, i: int) -> tuple[str, bool] | None:
    """A plural role just before token i, singular, and whether a comma or colon
    separates it: "Group Spokesmen, Ms Cribbon …" -> ("Group Spokesman", True),
    "(VSK) Apprentices Bella Taylor and …" -> ("Virtual School Kent (VSK) Apprentice", False)."""
    j = i - 1
    separated = j >= 0 and doc[j].text in {",", ":"}
    if separated:
        j -= 1
    if j < 0 or not _plural_head(doc[j]):
        return None
    span = _scan_back(doc, j + 1, {}, plural=True)
    if span is None:
        return None
    words = _role_text(doc, span).split()
    return " ".join(words[:-1] + [_singular(words[-1])]), separated


def _plural_roles(doc, names: list[_Name], roles: dict[int, str]) -> None:
    """A plural role before a list gives every name in the list its singular;
    without a comma or colon after the role, only a list of two or more."""
    k = 0
    while k < len(names):
        plural = _plural_before(doc, names[k].start)
        if not plural:
            k += 1
            continue
        role, separated = plural
        members = [names[k]]
        while k + 1 < len(names):
            between = doc[names[k].end : names[k + 1].start]
            if not len(between) or not all(t.text == "," or t.lower_ == "and" for t in between):
                break
            k += 1
            members.append(names[k])
        if separated or len(members) > 1:
            for name in members:
                roles.setdefault(name.start, role)
        k += 1


# -- parties ----------------------------------------------------------------------------------


def _parties(doc, carried: str | None):
    """[(offset, party or None)] from group labels; a label at a paragraph's end
    carries to the next paragraph."""
    text = doc.text
    marks = [(0, carried)] if carried else []
    last_end = None
    for match in GROUP_LABEL.finditer(text):
        marks.append((match.start(), _party(match["label"].strip())))
        last_end = match.end()
    carry = None
    if last_end is not None and not text[last_end:].strip():
        carry = marks[-1][1]
    return marks, carry


def _party_at(marks, offset: int) -> str | None:
    party = None
    for start, value in marks:
        if start > offset:
            break
        party = value
    return party


def _party(text: str) -> str | None:
    return PARTIES.get(squash(text).lower().strip(" .()"))


def _party_in_brackets(doc, name: _Name) -> str | None:
    i = _skip_honours(doc, name.end)
    if i < len(doc) and doc[i].text == "(":
        close = _bracket(doc, i)
        if close is not None:
            return _party(doc[i + 1 : close].text)
    return None


# -- small helpers ----------------------------------------------------------------------------


def _skip_honours(doc, i: int) -> int:
    """Past ", MBE" and "OBE" after a name."""
    while i < len(doc):
        if doc[i].text in HONOURS:
            i += 1
        elif doc[i].text == "," and i + 1 < len(doc) and doc[i + 1].text in HONOURS:
            i += 2
        else:
            break
    return i


def _bracket(doc, i: int, limit: int = 40) -> int | None:
    depth = 0
    for j in range(i, min(len(doc), i + limit)):
        if doc[j].text == "(":
            depth += 1
        elif doc[j].text == ")":
            depth -= 1
            if depth == 0:
                return j
    return None


def _open_bracket(doc, j: int, limit: int = 10) -> int | None:
    for k in range(j - 1, max(-1, j - limit), -1):
        if doc[k].text == "(":
            return k
        if doc[k].text == ")":
            return None
    return None


def _acronym_group(span) -> bool:
    """"(KFCA)", "(Children’s)", "(SCS)": kept inside a role; "(Item B1)", "(1)" are not."""
    tokens = [t for t in span]
    if not tokens or len(tokens) > 4 or tokens[0].lower_ in {"item", "page", "pages", "minute"}:
        return False
    return all(_capitalised(t.text) or t.text in {"&", "’s", "'s"} for t in tokens)


def _capitalised(text: str) -> bool:
    return bool(text) and text[0].isupper() and not any(c.isdigit() for c in text)


def _head_word(token) -> str:
    return token.lower_.split("-")[-1] if "-" in token.lower_ and token.lower_ not in ROLE_HEADS else token.lower_


def _has_head(span, brackets: bool = False, plural: bool = False) -> bool:
    """Whether a phrase has a role word: singular for one person's role
    ("Funeral Directors Contract" is none), plural too for a list's role."""
    heads = ROLE_HEADS | BRACKET_ONLY_HEADS if brackets else ROLE_HEADS
    return any(
        (_capitalised(t.text) or brackets)
        and (_head_word(t) in heads or t.lower_ in heads or (plural and _head_word(t) in PLURAL_HEADS))
        for t in span
    )


def _plural_head(token) -> bool:
    return _capitalised(token.text) and _head_word(token) in PLURAL_HEADS


def _singular(word: str) -> str:
    lower = word.lower()
    head = lower.split("-")[-1]
    if head in PLURAL_HEADS:
        singular = PLURAL_HEADS[head]
        first = singular[0].upper() if word[-len(head)].isupper() else singular[0]
        return word[: len(word) - len(head)] + first + singular[1:]
    return word


def _role_text(doc, span: tuple[int, int]) -> str:
    begin, end = span
    if doc[begin].lower_ == "the":
        begin += 1
    return squash(doc[begin:end].text).strip(" ,–—-")
