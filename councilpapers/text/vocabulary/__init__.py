"""Council vocabulary and number patterns, kept as data beside this module.

Each `NAME.txt` holds one term or regular expression a line; lines starting
with "#" are comments (each file's header says what it holds) and blank lines
are skipped. The rules that use them stay in code; what differs from one
council to another is here, so a council adds its own words without touching
a rule. Files are read once.

    counted_nouns.txt      nouns a numeral counts ("2,330 children")
    counted_acronyms.txt   groups that take no plural "s" ("963 UASC")
    counted_compounds.txt  two-word units kept whole ("foster carers")
    decision_numbers.txt   how decisions are numbered ("15/00067")
    unnumbered_items.txt   standard items minuted without a number ("Apologies - None")
    not_item_headings.txt  headings set like items that are not ("PRESENT", "UNRESTRICTED ITEMS")
    not_number_prefixes.txt capital words before a number that are no minute prefix ("PAGE 2 OF 3")
    signatory_roles.txt    posts that sign an agenda off ("General Counsel")
    classifications.txt    a report's publication status printed alone ("Unrestricted")
    action_posts.txt       posts that own an action written bare ("Clerk to register", "Clerc")
    action_post_words.txt  last words of posts written with "the" ("the Chief Constable")
    action_movers.txt      who moved or seconded a motion ("Proposed by", "Cynigiwyd gan")
    action_groups.txt      groups that own one together ("All", "All Councillors")
    action_statuses.txt    what an owner column prints that is no owner ("Noted", "Signed by the Chair")
    action_review_items.txt  items where a later meeting reports on earlier actions ("Matters arising")
    action_progress_done.txt, action_progress_carried.txt, action_progress_doing.txt
                           how such a report says an action stands ("has been sent", "c/f", "awaited")
    action_link_ignored.txt  words that tell nothing of an action's subject ("next", "meeting")
    number_words.txt       numbers in words, English and Welsh ("six", "chwech"); see text.numbers
    votes.txt              the words of recorded votes: sides, outcomes, questions ("For", "Yn erbyn", "carried")
    attendance.txt         the words of attendance (segment.attendance_words)
    abbreviations.txt      short forms whose full stop ends no sentence ("Insp.", "Messrs.", "App.")
    welsh_record_verbs.txt Welsh verbs approving minutes ("Cymeradwywyd", "Cadarnhawyd")
    welsh_deciding_bodies.txt  Welsh bodies that decide ("Pwyllgor", "Cyngor")
    welsh_decided_forms.txt    "decided"/"agreed" mutated after "fe" ("Fe benderfynwyd")

Files of several kinds of entry write one "kind: entry" a line (`kinds`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources


class VocabularyError(ValueError):
    """A vocabulary file that cannot be used; the message names the file and line."""


@cache
def terms(name: str) -> tuple[str, ...]:
    """The entries of `name`.txt, in order, comments and blank lines left out."""
    try:
        text = resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    except FileNotFoundError:
        raise VocabularyError(f"no vocabulary file {name}.txt in {__name__}") from None
    entries = (line.strip() for line in text.splitlines())
    return tuple(entry for entry in entries if entry and not entry.startswith("#"))


@cache
def kinds(name: str) -> dict[str, tuple[str, ...]]:
    """The entries of a `name`.txt written "kind: entry", by kind, in the file's order."""
    found: dict[str, list[str]] = {}
    for line in terms(name):
        kind, separator, entry = line.partition(":")
        if not separator or not entry.strip():
            raise VocabularyError(f"{name}.txt: {line!r} is not 'kind: entry'")
        found.setdefault(kind.strip(), []).append(entry.strip())
    return {kind: tuple(values) for kind, values in found.items()}


@cache
def pattern(name: str) -> str:
    """The regular expressions of `name`.txt as one alternation, "(?:a|b)".
    Each must compile and capture nothing, so callers may wrap it in a group
    of their own or `findall` with it."""
    alternatives = terms(name)
    if not alternatives:
        raise VocabularyError(f"{name}.txt has no pattern")
    for entry in alternatives:
        try:
            compiled = re.compile(entry)
        except re.error as error:
            raise VocabularyError(f"{name}.txt: {entry!r} is not a regular expression ({error})") from None
        if compiled.groups:
            raise VocabularyError(f"{name}.txt: {entry!r} captures a group; write (?:...) instead")
    return "(?:" + "|".join(alternatives) + ")"


# "15/00067": a decision's number, for the report cover sheets, records of
# decision and search that read it.
DECISION_NUMBER = pattern("decision_numbers")
