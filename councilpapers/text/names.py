"""People's names as council papers write them: the one place for their rules.

- Titles and the gender they tell: Mr, Sir, Lord are a man's; Mrs, Ms, Miss,
  Dame, Lady a woman's; Mx, Dr, Prof, Rev(d), Cllr, Councillor (Welsh Cyng.,
  Cynghorydd, after the article "Y" or not) and "County Councillor"
  (District, Borough, Town, Parish, Community …) tell none; nor do police
  ranks printed as titles (PC, PCSO, P.C.S.O., Sgt, Inspector: `POLICE_TITLES`).
  `TITLE` and `HONOUR` are regular-expression sources for patterns that find
  names in running text; `TITLE_WORDS` the one-word forms.
- Honours written after a name: MBE, OBE, CBE, … (`HONOURS`).
- `parse_name` reads a name as written into title, given names (forenames or
  initials) and surname: "Mrs A D Allen, MBE (Chairman)" -> (mrs, [a, d], allen),
  "Cllr. Alun Davies" -> (cllr, [alun], davies), "Peter Oakford, Cabinet Member
  for …" -> (None, [peter], oakford). Brackets, honours and a role after a comma
  are dropped; surnames compare without case or apostrophe style and keep their
  particles ("de Souza", "ap Gwilym").
- `surname` and `initials` of a name as written; its `title_of`, the `gender`
  that tells, and the name `without_title`.
- `compatible` / `same_person`: whether two names can be one person — the same
  surname; titles that do not tell different genders ("Mr P Cole" is never
  "Mrs P T Cole"; Mrs, Ms and Miss may be one woman, councils write her title
  inconsistently); given names that agree position by position, the shorter
  list a prefix of the longer ("P" ~ "Philip", "T" ~ "T A", "Geoff" ~
  "Geoffrey", "Tony" ~ "Anthony").
- `is_name`: whether a phrase is a person's name at all, and `is_role_phrase`:
  whether it is a post, a body or a service ("Democratic Services Officer",
  "Kent County Council"). Their words are data, read once:
  vocabulary/role_words.txt (any council) and vocabulary/council_words.txt
  (the councils of this corpus: add your own).

Why not the `nameparser` library (PyPI, 2.6.0): measured on these papers' names
it is 16 times slower (about 200 µs a name against 12 µs) and it reads their
commonest forms wrongly: "Peter Oakford, Cabinet Member for …" as surname "Peter
Oakford" and forename "Cabinet" (it takes "Surname, Forenames" order), "County
Councillor Alun Davies" with forename "County", "Mr P.J. Oakford" with one
forename "P.J.", "Mrs Van der Berg" with forename "Van", "Cllr. Dafydd ap
Gwilym" with middle name "ap", and a bare "O'Grady" as a forename. What it does
right — a title list, trailing honours, a bracketed nickname — is the few lines
below, whose word lists are these papers'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .spacing import squash
from .vocabulary import terms

# Each title, lower case -> the gender it tells: "m", "f" or None.
TITLE_GENDER: dict[str, str | None] = {
    "mr": "m", "sir": "m", "lord": "m",
    "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
    "mx": None, "dr": None, "prof": None, "rev": None, "cllr": None,
    "pc": None, "pcso": None, "sgt": None, "insp": None,
}
# Police ranks a name is printed with ("PC Jane Doe", "PCSO Mark Hill"): titles, so that
# "PC Jane Doe" is "Jane Doe"; their holder attends, never a member of the body.
POLICE_TITLES = frozenset({"pc", "pcso", "sgt", "insp"})
_COUNCILS = ("County", "District", "Borough", "City", "Town", "Parish", "Community")
# Each title as written -> the title it is.
TITLE_OF_FORM: dict[str, str] = {
    "Mr": "mr", "Mrs": "mrs", "Ms": "ms", "Miss": "miss", "Mx": "mx", "Dr": "dr", "Sir": "sir",
    "Dame": "dame", "Lady": "lady", "Lord": "lord", "Prof": "prof", "Professor": "prof",
    "Rev": "rev", "Revd": "rev", "Reverend": "rev", "Cllr": "cllr", "Councillor": "cllr",
    "Cyng": "cllr", "Cynghorydd": "cllr",  # Welsh: Cynghorydd, written "Cyng."
    "PC": "pc", "PCSO": "pcso", "Sgt": "sgt", "Sergeant": "sgt", "Insp": "insp", "Inspector": "insp",
    **{f"{council} {form}": "cllr" for council in _COUNCILS for form in ("Councillor", "Cllr")},
}
TITLE_WORDS = sorted(form for form in TITLE_OF_FORM if " " not in form)  # for token matchers
_TITLE_BY_LOWER_FORM = {form.lower(): title for form, title in TITLE_OF_FORM.items()}
# A title as written, without its optional full stop; longest first ("Mrs" before "Mr").
TITLE = "(?:" + "|".join(
    form.replace(" ", r"\s+") for form in sorted(TITLE_OF_FORM, key=len, reverse=True)
) + ")"
HONOURS = frozenset({
    "MBE", "OBE", "CBE", "KBE", "DBE", "BEM", "JP", "DL", "MP", "QPM", "QC", "KC", "FRCP", "PhD",
})
HONOUR = "(?:" + "|".join(sorted(HONOURS, key=len, reverse=True)) + ")"
_HONOURS_UPPER = {honour.upper() for honour in HONOURS}

# Dotted forms of titles, compared without their full stops: "P.C.S.O. Louise Lewis".
_DOTTED_TITLES = {"pcso": "pcso"}
# The Welsh article before a title ("Y Cynghorydd Gwen Pugh"): no initial when a title follows.
_ARTICLE_BEFORE_TITLE = {"y", "yr"}
# Words before a name that are neither title nor name: "the Rt Hon", "Councillors".
_SKIPPED = {"rt", "hon", "honourable", "the", "right", "councillors", "cllrs", "cynghorwyr"}
# Lower-case words that belong to the surname after them: "de Souza", "ap Gwilym".
_PARTICLES = {"de", "da", "di", "du", "van", "von", "der", "le", "la", "del", "st", "ap", "ab"}
_SURNAME = re.compile(r"[^\W\d_](?:[^\W\d_]|['’\-])*[^\W\d_]\.?")  # two letters or more, no digits
_FORENAME = re.compile(r"[^\W\d_][\w'’\-]*")
_RUN_OF_INITIALS = re.compile(r"(?:[A-Z]\.?){2,3}")  # "PJ", "P.J."
_BRACKETS = re.compile(r"\([^()]*\)?")
_ROLE_AFTER = re.compile(r"[,(–—]| - ")  # "Peter Oakford, Cabinet Member …", "Jane Archer (JA)"
# A titled name in running text: "Mr Segurola", "Mrs A D Allen", "Cllr. P.J. Oakford".
# Up to three forenames or initials (`given`); the surname has a lower-case
# letter, so that initials ("Mr PJ") are not taken for one. A word broken at
# its hyphen ("Mr Scott- Clark") is no forename.
TITLED_NAME = re.compile(
    rf"\b(?P<title>{TITLE})\.?\s+"
    rf"(?P<given>(?:(?:[A-Z][a-z][\w’'-]*(?<!-)|[A-Z]\.?)\s+|(?:[A-Z]\.){{2,3}}\s*){{0,3}})"
    rf"(?P<surname>[A-Z][\w’'-]*[a-z][\w’'-]*)"
)
# Short forms that are neither the full form's start ("Geoff" ~ "Geoffrey" and
# "Pat" ~ "Patrick" need no entry) nor spelled like it.
SHORT_FORMS = {
    "tony": "anthony", "bill": "william", "billy": "william", "bob": "robert", "bobby": "robert",
    "dick": "richard", "rick": "richard", "jim": "james", "jimmy": "james", "sue": "susan",
    "liz": "elizabeth", "beth": "elizabeth", "betty": "elizabeth", "kate": "katherine",
    "katie": "katherine", "kathy": "katherine", "ted": "edward", "ed": "edward", "harry": "henry",
    "jenny": "jennifer", "andy": "andrew", "mike": "michael", "mick": "michael", "steve": "stephen",
    "dave": "david", "terry": "terence", "gill": "gillian", "jill": "gillian", "penny": "penelope",
    "joe": "joseph", "maggie": "margaret", "peggy": "margaret",
}


# -- vocabulary ---------------------------------------------------------------------------------


@lru_cache(maxsize=None)
def vocabulary(name: str) -> frozenset[str]:
    """The words of vocabulary/<name>.txt, lower case."""
    return frozenset(term.split("#", 1)[0].strip().casefold() for term in terms(name)) - {""}


ROLE_WORDS = vocabulary("role_words")  # posts and bodies of any council
COUNCIL_WORDS = vocabulary("council_words")  # places and services of this corpus's councils
_CAPITALISED_WORD = re.compile(r"(?<![\w’'])[A-Z][\w’'\-]*")
_POSSESSIVE = re.compile(r"['’]s\b")


# -- a name read into its parts -----------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """A name read into its parts; two are equal when their parts are."""

    title: str | None  # "mr", "cllr", … lower case, without its full stop
    givens: tuple[str, ...]  # lower case; a single letter is an initial
    surname: str  # the comparison key: "segurola", "o'grady", "de souza"
    written_surname: str = field(default="", compare=False)  # "O’Grady", as written

    @property
    def gender(self) -> str | None:
        """"m", "f" or None: what the title tells."""
        return TITLE_GENDER.get(self.title) if self.title else None

    @property
    def given_initials(self) -> str:
        """"pj" for "Mr P J Oakford", "p" for "Philip Segurola"."""
        return "".join(g[0] for g in self.givens)


@lru_cache(maxsize=8192)  # the same names are compared again and again (same_person)
def parse_name(written: str) -> Name | None:
    """Title, given names and surname of a name as written; None when it is
    not a name with a surname ("the Chairman", "Amelia", "Item A1")."""
    words = _name_words(written)
    title, words = _take_titles(words)
    if not words:
        return None
    surname_words = [words.pop()]
    while words and words[-1].lower() in _PARTICLES and not words[-1].isupper():
        surname_words.insert(0, words.pop())
    if not _SURNAME.fullmatch(surname_words[-1]) or (not words and title is None):
        return None
    givens = _givens(words)
    if givens is None:
        return None
    written_surname = " ".join(surname_words).strip(".")
    return Name(title, givens, written_surname.lower().replace("’", "'"), written_surname)


def _name_words(written: str) -> list[str]:
    """The words of a name without brackets, a role after a comma, or honours."""
    text = _BRACKETS.sub(" ", written or "")
    if not re.match(rf"^\s*[^,]+,\s*{HONOUR}\b", text, re.IGNORECASE):
        text = text.split(",")[0]
    words = text.replace(",", " ").split()
    while words and _is_honour(words[-1]):
        words.pop()
    return words


def _is_honour(word: str) -> bool:
    return word.strip(".").upper() in _HONOURS_UPPER


def _take_titles(words: list[str]) -> tuple[str | None, list[str]]:
    """The title a name starts with (the last of several: "Councillor Mrs
    Jones" is "mrs") and the words after the titles and "the Rt Hon"."""
    title = None
    while words:
        found = _title_at(words)
        if found:
            title, taken = found
            words = words[taken:]
        elif words[0].lower().strip(".") in _SKIPPED:
            words = words[1:]
        elif words[0].lower() in _ARTICLE_BEFORE_TITLE and _title_at(words[1:]):
            words = words[1:]
        else:
            break
    return title, words


def _title_at(words: list[str]) -> tuple[str, int] | None:
    """(title, words it takes) for a title at the start of `words`."""
    for taken in (2, 1):
        form = " ".join(w.strip(".") for w in words[:taken])
        if len(words) >= taken and form.lower() in _TITLE_BY_LOWER_FORM:
            return _TITLE_BY_LOWER_FORM[form.lower()], taken
    if words and words[0].replace(".", "").lower() in _DOTTED_TITLES and "." in words[0]:
        return _DOTTED_TITLES[words[0].replace(".", "").lower()], 1
    return None


def _givens(words: list[str]) -> tuple[str, ...] | None:
    givens: list[str] = []
    for word in words:
        if _RUN_OF_INITIALS.fullmatch(word) and not re.search(r"[a-z]", word):
            givens += [c.lower() for c in word if c.isalpha()]  # "PJ", "P.J."
        elif re.fullmatch(r"[^\W\d_]\.?", word):
            givens.append(word[0].lower())
        elif _FORENAME.fullmatch(word):
            givens.append(word.lower().replace("’", "'"))
        else:
            return None
    return tuple(givens)


def title_of(written: str) -> str | None:
    """The title a name is written with, lower case: "Cllr. Alun Davies" -> "cllr"."""
    return _take_titles((written or "").split())[0]


def police_rank(written: str) -> str | None:
    """The police rank a name is printed with, as printed: "PC Jane Doe" -> "PC",
    "P.C.S.O. Louise Lewis" -> "P.C.S.O."; None for any other name."""
    words = (written or "").split()
    if words and title_of(words[0]) in POLICE_TITLES:
        return words[0]
    return None


def without_title(written: str) -> str:
    """A name without the titles it starts with: "County Councillor Alun Davies"
    -> "Alun Davies", "Mr P Segurola" -> "P Segurola"."""
    return " ".join(_take_titles((written or "").split())[1])


def gender(written: str) -> str | None:
    """"m", "f" or None: what the title of a name as written tells."""
    title = title_of(written)
    return TITLE_GENDER.get(title) if title else None


# -- surname and initials -----------------------------------------------------------------------


def surname(written: str) -> str | None:
    """The surname in a name as written, as written: "Mr P J Oakford" and "Peter
    Oakford, Cabinet Member for …" give "Oakford", a bare "O'Grady" gives
    "O'Grady"; "the Chairman" and "Democratic Services Officer" give None."""
    words = re.findall(r"[^\W\d_](?:[^\W\d_]|[’'-])*", _ROLE_AFTER.split(written or "")[0])
    title, words = _take_titles([w for w in words if w.lower() not in _SKIPPED])
    while words and _is_honour(words[-1]):
        words.pop()
    if not words:
        return None
    last = words[-1]
    if not last[0].isupper() or len(last) < 2 or last.casefold() in ROLE_WORDS:
        return None
    return last


def initials(written: str) -> set[str]:
    """The initials a notes column may print for a person, capitals: "Geoff
    Gurney" -> {"GG"}; "Lee-Anne Farach" -> {"LAF", "LF"}; "Jane Archer (JA)" ->
    {"JA"}, with any initials written in its brackets."""
    marked = set(re.findall(r"\(([A-Z]{2,4})\)", written or ""))
    _, words = _take_titles([w.replace("’", "'") for w in _name_words(written)])
    if not words:
        return marked
    parts = [p for w in words for p in w.split("-") if p]
    forms = {"".join(p[0].upper() for p in parts)}
    if len(words) >= 2:
        forms.add(words[0][0].upper() + words[-1][0].upper())
    return {f for f in forms if len(f) >= 2} | marked


# -- one person? --------------------------------------------------------------------------------


def compatible(a: Name, b: Name) -> bool:
    """Whether two parsed names can be one person (see the module docstring)."""
    if a.surname != b.surname:
        return False
    if a.gender and b.gender and a.gender != b.gender:
        return False
    return _givens_compatible(a.givens, b.givens)


def same_person(a: str | Name, b: str | Name) -> bool:
    """Whether two names as written can be one person: the same text, or
    `compatible` names; a surname written alone ("Gurney") can be anyone of that
    surname."""
    if isinstance(a, str) and isinstance(b, str) and squash(a).casefold() == squash(b).casefold():
        return True
    x, y = _parsed(a), _parsed(b)
    if x is not None and y is not None:
        return compatible(x, y)
    bare = [n for n in (a, b) if isinstance(n, str) and _bare_surname(n)]
    if len(bare) == 1:
        other = y if bare[0] is a else x
        return other is not None and other.surname == _bare_surname(bare[0])
    return False


def _parsed(name: str | Name) -> Name | None:
    return name if isinstance(name, Name) else parse_name(name)


def _bare_surname(written: str) -> str | None:
    words = _name_words(written)
    if len(words) == 1 and _SURNAME.fullmatch(words[0]) and words[0][0].isupper():
        return words[0].strip(".").lower().replace("’", "'")
    return None


def _givens_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    for x, y in zip(a, b):
        if len(x) == 1 or len(y) == 1:
            if _initial(x) != _initial(y) and x[0] != y[0]:
                return False
        elif not _forenames_match(x, y):
            return False
    return True


def _initial(given: str) -> str:
    return SHORT_FORMS.get(given, given)[0]


def _forenames_match(x: str, y: str) -> bool:
    """"Geoff" ~ "Geoffrey", "Pat" ~ "Patrick", "Tony" ~ "Anthony", "Anne" ~ "Ann"."""
    for a, b in ((x, y), (SHORT_FORMS.get(x, x), SHORT_FORMS.get(y, y))):
        if a == b or (min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a))):
            return True
    return False


# -- a name at all? -----------------------------------------------------------------------------

# A name as a list prints it: capitalised words, initials and particles, an
# optional title first: "Mrs A D Allen", "Geoff Gurney", "Cllr. Dafydd ap Gwilym".
_NAME_WORD = r"(?:[A-Z][\w'’\-]*\.?|(?:" + "|".join(sorted(_PARTICLES)) + r"))"
_NAME_SHAPE = re.compile(rf"^(?:{TITLE}\.?\s+)?(?:{_NAME_WORD}\s+){{0,5}}[A-Z][\w'’\-]*\.?$")


def is_role_phrase(text: str) -> bool:
    """Whether a capitalised phrase is a post, a body or a service rather than a
    person: it holds a word of ROLE_WORDS ("Service Manager", "the Chairman") or,
    untitled, of COUNCIL_WORDS or a possessive ("Kent Foster Care Association",
    "Children's Services"). A titled name with a council word is a person ("Mrs Young")."""
    title, words = _take_titles(_CAPITALISED_WORD.findall(text or ""))
    if any(w.casefold() in ROLE_WORDS for w in words):
        return True
    if title is not None:
        return False
    return any(w.casefold() in COUNCIL_WORDS for w in words) or bool(_POSSESSIVE.search(text or ""))


def is_name(text: str) -> bool:
    """Whether a phrase, as a list of attendees or owners prints it, is a
    person's name (brackets and honours after it aside): a title and a surname ("Mr Smith"), or two words or more in
    mixed case ("Geoff Gurney", "Dafydd ap Gwilym"); not a heading in capitals
    ("UNRESTRICTED ITEMS"), a single word ("Amelia"), or a post or body
    ("Democratic Services Officer")."""
    text = squash(re.sub(rf"(?:,?\s+{HONOUR}\b)+\s*$", "", _BRACKETS.sub(" ", text or "")))
    if not _NAME_SHAPE.match(text) or len(text.split()) < 2 or parse_name(text) is None:
        return False
    if title_of(text) is None and not any(c.islower() for c in text):
        return False
    return not is_role_phrase(text)
