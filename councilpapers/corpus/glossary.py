"""The corpus glossary: one long form for each short form, over every file.

Each file's acronyms are records (`ingest/extractors/acronyms.py` finds them);
which long form the corpus gives a short form needs every file at once, so,
like people, the glossary is derived: `merge_glossary` is the one rule, and
the store keeps its result in a table of its own, rebuilt after the records
change (`Store.glossary`). The `acronyms` command, the registers and the
search index's lexicon all read that table; none merges again.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..text.spacing import squash
from .records import Acronym


@dataclass
class GlossaryEntry:
    short: str
    long: str
    sources: list[str] = field(default_factory=list)  # the files that define it


def merge_glossary(acronyms: Iterable[Acronym]) -> list[GlossaryEntry]:
    """One long form per short form: the one most definitions give, compared
    without case, quotes, hyphens or spacing, and printed as most of them print
    it, capitals before lower case ("unaccompanied asylum seeking children
    (UASC)" in running prose names what a glossary prints "Unaccompanied Asylum
    Seeking Children"). Short forms are compared without case too ("CiC",
    "CIC") and printed as most print them. Between forms given as often the
    shorter wins (the singular: "IHA" is an "Initial Health Assessment"); other
    ties go to the one seen first. In order of short form, case aside."""
    spellings: dict[str, Counter[str]] = {}
    longs: dict[str, dict[str, Counter[str]]] = {}
    sources: dict[str, set[str]] = {}
    for acronym in acronyms:
        key = acronym.short.upper()
        spellings.setdefault(key, Counter())[acronym.short] += 1
        longs.setdefault(key, {}).setdefault(_normalised(acronym.long), Counter())[acronym.long] += 1
        if acronym.source:
            sources.setdefault(key, set()).add(acronym.source)
    entries = []
    for key, by_form in longs.items():
        # Counters keep first-seen order, and max and most_common keep the first of equals.
        form = max(by_form, key=lambda f: (sum(by_form[f].values()), -len(f)))
        best = by_form[form]
        short = spellings[key].most_common(1)[0][0]
        printed = max(best, key=lambda long: (long != long.lower(), best[long]))
        entries.append(GlossaryEntry(short, printed, sorted(sources.get(key, ()))))
    return sorted(entries, key=lambda entry: entry.short.upper())


def rebuild_glossary(store) -> int:
    """Merge every file's acronyms and replace the store's glossary; how many
    entries. Acronyms defined only in exempt business stay out of it."""
    entries = merge_glossary(a for a in store.records(type="acronym") if not a.exempt)
    store.replace_glossary(entries)
    return len(entries)


def _normalised(long: str) -> str:
    long = long.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    long = re.sub(r"[‐-―−-]", " ", long)  # "Asylum-Seeking" is "Asylum Seeking"
    return squash(long).casefold()
