"""Resolutions: "RESOLVED that …", "(4) RESOLVED that:- a) … b) …", "RESOLVED:",
"AGREED that", with every part kept."""

from __future__ import annotations

import re
from ...corpus.records import Resolution
from ..model import Line

# RESOLVED in any case (minutes print "Resolved that" too); AGREED and DECIDED
# only in capitals, since in lower case they are prose ("the Panel agreed to …").
FORMULA = re.compile(
    r"(?:\b(?:RESOLVED|Resolved|resolved)\b|\bAGREED\b|\bDECIDED\b)\s*(?:that\b|:-?|–|-)?\s*[,:-]*\s*"
)
PART = re.compile(r"^\s*\(?(?P<mark>[a-z]|[ivx]{1,4}|\d{1,2})\)\s+")
# ModernGov web pages label the blocks of an item.
PAGE_LABEL = re.compile(r"^(?:Minutes|Decision|Voting|Recorded Vote|Additional documents)\b:?", re.IGNORECASE)
NUMBERED_PART = re.compile(r"^\s*\d{1,2}\.\s+\S")
NEW_PARAGRAPH = re.compile(r"^\s*(?:\d{1,2}\.(?:\s|$)|\(\d{1,2}\)\s)")
SENTENCE_END = re.compile(r"(?<!\b[A-Z])(?<!\bNo)(?<!\bpara)\.\s+(?=[A-Z])")
OPENS_LIST = re.compile(r"(?::-?|;|\band|\bor|,)\s*$")


def find_resolutions(lines: list[Line], start: int, end: int) -> list[Resolution]:
    """The resolutions between `start` and `end`, each at the line of its formula."""
    found = []
    i = start
    while i < end:
        match = _formula(lines[i].text)
        if not match:
            i += 1
            continue
        chunks = [lines[i].text[match.end():].strip()]
        # "RESOLVED that:" then "1. …", "2. …": numbered lines are its parts.
        numbered_parts = not chunks[0] or chunks[0].endswith((":", ":-"))
        j = i + 1
        while j < end:
            text = lines[j].text.strip()
            if NEW_PARAGRAPH.match(lines[j].text) and not PART.match(lines[j].text):
                if not (numbered_parts and NUMBERED_PART.match(lines[j].text)):
                    break
            if _formula(lines[j].text) or PAGE_LABEL.match(text):
                break
            is_part = bool(PART.match(text) or (numbered_parts and NUMBERED_PART.match(text)))
            if len(chunks) > 1 and not is_part and chunks[-1].endswith(".") and any(
                PART.match(c) or NUMBERED_PART.match(c) for c in chunks[1:]
            ):
                break  # the last part has ended; what follows is the minute's prose
            if not text:
                # A blank line ends it, unless a list of parts goes on.
                k = j + 1
                while k < end and not lines[k].text.strip():
                    k += 1
                so_far = " ".join(chunks).strip()
                if k < end and (OPENS_LIST.search(so_far) or not so_far) and PART.match(lines[k].text):
                    j = k
                    continue
                break
            chunks.append(text)
            j += 1
        text, parts = _text_and_parts(chunks, numbered_parts)
        # A web page prints the decision twice (under "Decision:" and "Minutes:").
        if text and all(not f.text.startswith(text) for f in found):
            found.append(Resolution(index=i, text=text, parts=parts))
        i = j
    return found


def _formula(text: str) -> re.Match | None:
    match = FORMULA.search(text)
    if not match:
        return None
    before = text[: match.start()].strip()
    # At the start of a paragraph ("3. RESOLVED", "(4) RESOLVED") or after its
    # subject ("The Panel RESOLVED that", "It was RESOLVED that").
    if before and not re.fullmatch(r"(?:\d{1,2}[.)]?|\(\d{1,2}\))|(?:The|the|It|it)\b.{0,40}?(?:was\s+)?", before):
        return None
    word = match.group(0).split()[0].strip(":-,")
    if word.lower() == "resolved" and word == "resolved" and not before:
        return None
    return match


def _text_and_parts(chunks: list[str], numbered_parts: bool) -> tuple[str, list[str]]:
    lines = [c for c in chunks if c]
    parts: list[str] = []
    lead: list[str] = []
    for line in lines:
        if PART.match(line) or (numbered_parts and NUMBERED_PART.match(line)):
            parts.append(line)
        elif parts:
            parts[-1] += " " + line
        else:
            lead.append(line)
    lead_text = _squash(" ".join(lead))
    if parts:
        parts = [_squash(p) for p in parts]
        text = " ".join([lead_text, *parts]).strip() if lead_text else " ".join(parts)
        return text.rstrip(" ."), [_unmarked(p) for p in parts]
    # One part: the resolution is the sentence the formula opens.
    sentence = SENTENCE_END.split(lead_text, maxsplit=1)[0]
    return sentence.rstrip(" ."), []


def _unmarked(part: str) -> str:
    return re.sub(r"^\s*\d{1,2}\.\s+", "", PART.sub("", part)).rstrip(" ;.")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
