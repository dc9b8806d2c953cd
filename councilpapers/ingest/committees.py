"""Committee names: one spelling per body, and a stable key for meeting ids."""

from __future__ import annotations

import re
from functools import cache

from ..text.spacing import squash
from ..text.vocabulary import terms

_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "&"}
_KEEP_UPPER = re.compile(r"^(?:[A-Z]{2,5}|[IVX]+)$")  # acronyms and roman numerals: "SACRE", "II"


def normalise_committee(name: str) -> str:
    """'CORPORATE PARENTING PANEL' and 'the Corporate Parenting Panel' ->
    'Corporate Parenting Panel'; a Welsh name in its English form
    ('Cyngor Cymuned Manordeilo a Salem' -> 'Manordeilo and Salem Community Council')."""
    name = squash(name).strip(" .,:;-–")
    name = re.sub(r"^(?:the|a)\s+", "", name, flags=re.IGNORECASE)
    name = _in_english(name)
    if name.isupper() or name.islower():
        words = []
        for i, word in enumerate(name.split(" ")):
            lower = word.lower()
            if i and lower in _SMALL_WORDS:
                words.append(lower)
            elif _KEEP_UPPER.match(word) and len(word) <= 3 and word not in {"AND", "THE", "FOR"}:
                words.append(word)
            else:
                words.append(_capitalise(lower))
        name = " ".join(words)
    return name


def _in_english(name: str) -> str:
    for welsh, english in _welsh_bodies():
        match = re.match(rf"^{welsh}\s+(?P<place>\S.*)$", name, re.IGNORECASE)
        if match:
            place = re.sub(r"\s+(?:a|ac)\s+", " and ", match["place"], flags=re.IGNORECASE)
            upper = name.isupper()
            english_name = f"{place} {english}"
            return english_name.upper() if upper else english_name
    return name


@cache
def _welsh_bodies() -> tuple[tuple[str, str], ...]:
    pairs = (term.split("=", 1) for term in terms("welsh_bodies") if "=" in term)
    return tuple((re.escape(welsh.strip()).replace(r"\ ", r"\s+"), english.strip()) for welsh, english in pairs)


def _capitalise(word: str) -> str:
    # "children's" -> "Children's", "scott-clark" -> "Scott-Clark"
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


def committee_key(name: str) -> str:
    """'Kingston & North Kingston Neighbourhood Committee' and 'Kingston and North
    Kingston Neighbourhood Committee' -> 'kingston-and-north-kingston-neighbourhood-committee'."""
    name = normalise_committee(name).lower().replace("'", "").replace("’", "")
    slug = re.sub(r"[^a-z0-9]+", "-", re.sub(r"\s*&\s*", " and ", name))
    return slug.strip("-")


def meeting_id(committee: str, iso_date: str | None) -> str:
    return f"mtg-{iso_date or 'undated'}-{committee_key(committee)}"
