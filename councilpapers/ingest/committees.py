"""Committee names: one spelling per body, and a stable key for meeting ids."""

from __future__ import annotations

import re

_SMALL_WORDS = {"and", "of", "the", "for", "in", "on", "to", "a", "an", "&"}
_KEEP_UPPER = re.compile(r"^(?:[A-Z]{2,5}|[IVX]+)$")  # acronyms and roman numerals: "SACRE", "II"


def normalise_committee(name: str) -> str:
    """'CORPORATE PARENTING PANEL' and 'the Corporate Parenting Panel' ->
    'Corporate Parenting Panel'."""
    name = re.sub(r"\s+", " ", name).strip(" .,:;-–")
    name = re.sub(r"^(?:the|a)\s+", "", name, flags=re.IGNORECASE)
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
