"""The ways minutes write an action in prose, each with its owner written
before the verb (see `actions` for the whole list and what is not an action).
`find_prose` returns every action one item's text writes, with how it was
found, for the owner columns to be matched with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ...corpus.records import Action
from ...text.names import title_of
from ...text.vocabulary import pattern
from .action_dues import find_due
from .action_owners import People, is_post
from .action_text import WRAPS_ON, ItemText, after_label, agrees, clause, tidy_owner

ADVERB = r"(?:also|then|further|subsequently|kindly|both|therefore)"
# After "to", a verb: "agreed to the proposal" / "agreed to this" is consent, not a task.
VERB_AHEAD = (
    r"(?=[a-z])(?!(?:the|a|an|this|that|these|those|it|its|his|her|their|our|them|him|all|any|some|such|each"
    r"|every|both|be)\b)"
)
# What a body decides, notes or is asked to consider is no task: "asked to note the report".
DECIDING = (
    r"(?!(?:note|consider|agree|approve|endorse|comment|decide|determine|ratify|accept|adopt|resolve|support"
    r"|receive|discuss|take\s+the\s+decision|make\s+the\s+decision|take\s+a\s+decision)\b)"
)
# What only a body decides, whoever "agreed to" it: "agreed to approve the payments", "to appoint X".
DECIDED = re.compile(
    r"(?:approve|appoint|adopt|note|ratify|endorse|elect|co-opt|accept|resolve|receive|grant|award)\b"
)
UNDERTOOK = re.compile(rf"\b(?:undertook|agreed|offered|promised|volunteered)\s+to\s+{VERB_AHEAD}")
WAS_ASKED = re.compile(rf"\b(?:was|were)\s+(?:{ADVERB}\s+)?(?:asked|requested)\s+to\s+{VERB_AHEAD}")
# A request minuted as a decision: "RESOLVED that … the Corporate Director be asked to report back".
BE_ASKED = re.compile(
    rf"\bbe\s+(?:{ADVERB}\s+)?(?:asked|requested|instructed|invited|directed)\s+to\s+{VERB_AHEAD}{DECIDING}"
)
# "Mr Gough stated his intention, if the Council applied to join, to submit a request".
INTENT = re.compile(
    rf"\b(?:stated|expressed|confirmed|indicated|gave|announced)\s+(?:his|her|their)\s+intention"
    rf"(?:\s*,[^.;]{{0,120}}?,)?\s+to\s+{VERB_AHEAD}"
)
GOING_TO = re.compile(r"\b(?:is|are)\s+going\s+to\s+(?=[a-z])")
WILL = re.compile(r"\bwill\s+(?=[a-z])")
# "Cllr. O. Williams would now finalise the document", "Mr Paul Davies would be carrying out …".
WOULD = re.compile(r"\bwould\s+(?:now\s+|also\s+|then\s+)?(?=[a-z])")
SAID_WOULD = re.compile(
    r"\b(?:said|confirmed|stated|indicated|added)\s+(?:that\s+)?(?P<pronoun>he|she)\s+would\s+(?=[a-z])"
)
NOTES_TO = re.compile(rf"\s+to\s+{VERB_AHEAD}")
# Welsh notes: "Clerc i wneud ymholiadau" (the Clerk to make enquiries).
NOTES_TO_CY = re.compile(r"\s+i\s+(?=[a-zâêîôûŵŷ]{2})(?!(?:’r|'r)\b)")
# Welsh: "Bydd Mr Paul Davies yn gwneud y gwaith" (Mr Paul Davies will be doing the work).
BYDD = re.compile(r"\bBydd\s+")
# "Cytunodd y Clerc i ysgrifennu …" (the Clerk agreed to write); "Gofynnwyd i’r Clerc ysgrifennu …" (was asked).
PROMISED_CY = re.compile(rf"\b{pattern('action_promises_cy')}\s+")
ASKED_CY = re.compile(r"\bGofynnwyd\s+i(?:[’']r\s+|\s+)")
I_CY = re.compile(r"\s+i\s+(?=[a-zâêîôûŵŷ]{2})")
VERB_CY = re.compile(r"\s+(?=[a-zâêîôûŵŷ]{3})")
YN = re.compile(r"\s+yn\s+(?=[a-zâêîôûŵŷ])")
ASKED = re.compile(r"\basked\s+")
ASKED_TO = re.compile(rf"\s+to\s+{VERB_AHEAD}")
# "he said he would estimate that …" is an opinion, not a task.
NOT_TASKS = re.compile(
    r"(?:be|have|not|never|estimate|expect|think|hope|like|prefer|welcome|imagine|anticipate|suggest|need"
    r"|want|wish|say|agree|accept|argue|consider|doubt|guess|stress|seem|appear|mean|require|involve|allow"
    r"|result|help|continue|remain|represent|happen|cost|take\s+place|make\s+sense|second|propose|move|vote"
    r"|abstain|declare|leave|withdraw)\b"
)
# A task with no owner: "£86 to be paid into Bank", "A Data Protection Policy is to be written".
PARTICIPLE = (
    r"(?:\w+ed|made|done|sent|paid|set|put|kept|built|brought|sought|taken|given|written|drawn|shown|bought"
    r"|cut|read|sold|told|spent|lit|met|undertaken|redone|rewritten|chosen|forwarded|arranged)"
)
PASSIVE = re.compile(
    rf"(?:\b(?:is|are)\s+(?:now\s+|also\s+|still\s+)?|(?<=[\w)’',])\s+(?:now\s+)?)to\s+be\s+{PARTICIPLE}\b"
)
# Words before "to be …" that make it no task: "due to be held", "considered to be representative".
NOT_PASSIVE_BEFORE = re.compile(
    r"\b(?:due|likely|unlikely|expected|considered|deemed|thought|said|found|believed|known|appeared?|appears"
    r"|seem(?:s|ed)?|needs?|needed|ha[sd]|have|was|were|going|used|ought|yet|wish(?:es|ed)?|wants?|wanted"
    r"|like|required|able|unable|continues?|continued|remains?|remained|hope[sd]?|hoping|prefer(?:red)?|asked"
    r"|requested|agreed|appointed|elected|chosen|happy|willing|sorry|pleased|proud|honoured|not|never)\s*$",
    re.IGNORECASE,
)
NOT_PASSIVE_PARTICIPLE = re.compile(
    r"(?:held|hoped|seen|noted|expected|welcomed|regretted|commended|congratulated|thanked|praised|applauded"
    r"|used|confirmed|decided|determined|discussed|considered)\b"
)

# What a passive's subject may not hold: a verb of its own, or "for" / "with" / "whether".
SUBJECT_NOT_NOUN = re.compile(
    r"\b(?:for|with|whether|if|that|to|was|were|is|are|be|been|being|there|would|could|should|will|can|may|must"
    r"|has|have|had|said|says|did|does|made|gave|took|felt|thought)\b"
    r"|(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bof )\b[a-z]\w+ed\b"
)
PRONOUNS = re.compile(r"\b(?:it|him|her|them|me|us|they|he|she|we|you|I)\b")
# A subject written at the start of its sentence, or a clause's after a comma; not a vague one.
NAMED_SUBJECT = re.compile(r"^[A-Z£$€\d]")
VAGUE_SUBJECT = re.compile(
    r"^(?:further|more|additional|other|some|much|any)\b|^(?:work|consideration|thought|discussions?|information)$",
    re.IGNORECASE,
)
# A verb of the sentence after the passive, not one it shares with "and": "… had been printed".
FINITE_AFTER = re.compile(
    r"(?<!\band )(?<!\bor )\b(?:had|has|have|was|were|is|are|would|could|should|might|must)\b(?!\s+to\s+be\b)"
)
# Where a clause of its own starts, whose verbs are not the sentence's: "… after the season had finished".
SUBORDINATE = re.compile(r"\b(?:after|before|when|until|once|if|since|while|whilst|which|who|that|where|because|as)\b")
MAX_SUBJECT_WORDS = 6  # "The Review of the Sanding Orders"


@dataclass
class Found:
    offset: int  # where its description starts in the item's text
    action: Action
    how: str  # "label" (after "Action –"), "passive" (no owner), or how the owner was found


def find_prose(item: ItemText, people: People, context: date | None) -> list[Found]:
    """Every action the item's text writes, in the order of their descriptions."""
    text = item.text
    found: dict[int, Found] = {}

    def add(cue_at: int, owner: tuple[str, str] | None, described_at: int, in_resolution_too: bool = False) -> None:
        if owner is None or described_at in found:
            return
        if item.in_resolution(cue_at) and not in_resolution_too:
            return
        description = clause(text, described_at)
        if description:
            due, due_text = find_due(description, context)
            found[described_at] = Found(described_at, Action(
                index=item.line_at(cue_at), owner=owner[1], owners=people.resolve(owner[1]) if owner[1] else [],
                description=description, due=due, due_text=due_text,
            ), owner[0])

    _promises(item, add)
    _intentions(item, people, add)
    _requests(item, people, add)
    _notes(item, add)
    _passives(item, add, found)
    return [found[offset] for offset in sorted(found)]


def _promises(item: ItemText, add) -> None:
    """undertook / agreed / offered to; was asked to; stated his intention to."""
    text = item.text
    for form in (UNDERTOOK, WAS_ASKED, INTENT):
        for match in form.finditer(text):
            owner = item.owner_before(match.start())
            if owner and owner[0] == "group":
                if form is not WAS_ASKED or not re.match(DECIDING, text[match.end():]):
                    continue
            if owner and (owner[0] == "subject" or text.startswith("agreed", match.start())) \
                    and DECIDED.match(text, match.end()):
                continue  # "…, seconded by Cllr B and agreed to approve the payments": a decision
            add(match.start(), owner, match.end())


def _intentions(item: ItemText, people: People, add) -> None:
    """is going to / will / would, said he would, and the Welsh "Bydd X yn …"."""
    text = item.text
    for form in (GOING_TO, WILL, WOULD):
        for match in form.finditer(text):
            described_at = match.end()
            if text.startswith("be ", described_at):
                if not re.match(r"be\s+\w+ing\b", text[described_at:]):
                    continue  # "will be the Director": a fact, not a task
                described_at += 3
            owner = item.owner_before(match.start(), elide=form is WOULD)
            if not owner or owner[0] in ("group", "subject"):
                continue
            if owner[0] == "pronoun" and not _said_in_sentence(item, match.start(), owner[1]):
                continue
            if form is WOULD:
                # Reported intent only of someone the minutes name as a person or post.
                if NOT_TASKS.match(text, described_at) or not re.match(DECIDING, text[described_at:]):
                    continue
                if not (people.attends(owner[1]) or _titled_or_post(owner[1])):
                    continue
            elif not (owner[0] == "label" or people.attends(owner[1])):
                continue
            add(match.start(), owner, described_at)
    for match in SAID_WOULD.finditer(text):
        owner = item.owner_before(match.start())
        if owner and not NOT_TASKS.match(text, match.end()) and agrees(owner[1], match["pronoun"]):
            add(match.start(), owner, match.end())
    _welsh_promises(item, add)
    for match in BYDD.finditer(text):
        named = item.by_start.get(match.end())
        yn = named and named.kind in ("name", "post") and YN.match(text, named.end)
        if yn:
            add(match.start(), ("mention", tidy_owner(named.text)), yn.end())


def _welsh_promises(item: ItemText, add) -> None:
    """Welsh puts the verb first: "Cytunodd y Clerc i …", "Addawodd y Cyng. Rhys
    i …" (agreed, promised to), "Gofynnwyd i’r Clerc ysgrifennu …" (was asked)."""
    text = item.text
    for cue, after in ((PROMISED_CY, I_CY), (ASKED_CY, VERB_CY)):
        for match in cue.finditer(text):
            start = match.end()
            named = item.by_start.get(start) or item.by_start.get(start + 2 if text.startswith("y ", start) else -1)
            task = named and named.kind in ("name", "post") and after.match(text, named.end)
            if task:
                add(match.start(), ("mention", tidy_owner(named.text)), task.end())


def _said_in_sentence(item: ItemText, at: int, owner: str) -> bool:
    """"Cllr Caudwell reported he had inspected the fence and whilst he would
    attempt …": a pronoun's "would" counts only in the sentence that names who
    it stands for, as its subject."""
    begin = item.sentence_start(at)
    return any(m.start >= begin and m.speaks and tidy_owner(m.text) == owner for m in item.before(at))


def _titled_or_post(owner: str) -> bool:
    return all(title_of(piece) or is_post(piece) for piece in re.split(r"\s+and\s+|\s*,\s*", owner) if piece)


def _requests(item: ItemText, people: People, add) -> None:
    """"the Panel asked Mr X to …"; "RESOLVED that the Corporate Director be asked to …"."""
    text = item.text
    for match in ASKED.finditer(text):
        asked = item.by_start.get(match.end())
        to = asked and asked.kind not in ("pronoun", "group") and ASKED_TO.match(text, asked.end)
        if to:
            add(match.start(), ("asked", tidy_owner(asked.text)), to.end())
    for match in BE_ASKED.finditer(text):
        subject = _asked_subject(item, match.start())
        if subject is None:
            continue
        begin, written, mention = subject
        if mention is not None and (mention.kind == "officers" or is_post(written) or people.attends(written)):
            add(match.start(), ("mention", tidy_owner(written)), match.end(), in_resolution_too=True)
        else:
            # Someone from outside, to be asked: the council's task, no owner named.
            add(match.start(), ("request", ""), begin, in_resolution_too=True)


def _asked_subject(item: ItemText, at: int):
    """Who is to "be asked to" at `at`: (where the subject starts, its words,
    the mention it is when it is one person or post), from after "that" or
    "and"; None when it names nobody ("that the report be asked …")."""
    text = item.text
    begin = item.sentence_start(at)
    # Not an "and" inside a post: "that the Police and Crime Commissioner be asked".
    inside = [(m.start, m.end) for m in item.before(at)]
    leads = [lead for lead in re.finditer(r"\b(?:that|and)\s+", text[begin:at])
             if not any(s < begin + lead.start() < e for s, e in inside)]
    start = begin + leads[-1].end() if leads else begin
    written = text[start:at].strip()
    first = item.by_start.get(start)
    if first is None or first.kind not in ("name", "post", "officers"):
        return None
    joint = item.joint_ending_at(start + len(written))
    whole = joint and joint[0].start == start
    return start, written, first if whole else None


def _notes(item: ItemText, add) -> None:
    """"X to do Y" as notes and parish minutes write it, in English and Welsh;
    in a resolution too ("RESOLVED: Clerk to write to the landowner")."""
    text = item.text
    for form in (NOTES_TO, NOTES_TO_CY):
        for match in form.finditer(text):
            owner = item.notes_owner(match.start())
            if owner:
                add(match.start(), owner, match.end(), in_resolution_too=owner[0] == "mention")


def _passives(item: ItemText, add, found: dict[int, Found]) -> None:
    """"X is to be done", "X to be done": a task with no owner named, from its
    subject — the sentence's start, or its clause's after a comma — to the
    clause's end; one a sentence. Its subject must be a definite noun phrase
    ("£86", "The Standing Orders Policy", "Notices of Conclusion of Audit", "…,
    the repairs"), not a clause with a verb of its own ("Members
    commented on the funding to be received"), a "for"/"with" phrase ("for
    Kent and Medway to be included") or vague ("Further work is to be
    undertaken"); and nothing after it may be the sentence's own verb ("Pledge
    cards to be given to every child … had been printed")."""
    text = item.text
    sentences = {item.sentence_start(f.offset) for f in found.values()}
    for match in PASSIVE.finditer(text):
        begin = item.sentence_start(match.start())
        if begin in sentences or NOT_PASSIVE_BEFORE.search(text[begin : match.start()]):
            continue
        if NOT_PASSIVE_PARTICIPLE.match(text, match.end() - len(match.group(0).split()[-1])):
            continue
        start, after_comma = _subject_start(item, begin, match.start())
        start = after_label(text, start)
        bare = not re.match(r"\s*(?:is|are)\b", match.group(0))
        if not _noun_subject(text[start : match.start()], bare, after_comma):
            continue
        main = SUBORDINATE.split(clause(text, match.end()), maxsplit=1)[0]
        if FINITE_AFTER.search(main):
            continue
        sentences.add(begin)
        add(match.start(), ("passive", ""), start)


def _noun_subject(subject: str, bare: bool, after_comma: bool) -> bool:
    """Whether the words before a passive are a definite noun phrase that can be its subject."""
    subject = re.sub(r"\s+", " ", subject).strip()
    if SUBJECT_NOT_NOUN.search(subject) or re.search(r"\w+ing$", subject.split(" ")[0] if subject else ""):
        return False
    if bare and (PRONOUNS.search(subject) or len(subject.split()) > MAX_SUBJECT_WORDS):
        return False
    if after_comma:
        return True  # notes' aside: "…, further enquiries to be made"
    return bool(NAMED_SUBJECT.match(subject)) and not VAGUE_SUBJECT.search(subject)


def _subject_start(item: ItemText, begin: int, at: int) -> tuple[int, bool]:
    """Where the subject of a passive at `at` starts, and whether after a comma:
    after the last comma of its sentence, or at the last line that starts a
    sentence the writer left without its full stop ("… signed them" / "The
    Standing Orders Policy is to be updated")."""
    text = item.text
    cut = text[begin:at].rfind(",")
    start = begin + cut + 1 if cut >= 0 else begin
    for offset, _ in item.starts:
        if start < offset < at and text[offset].isupper() and not WRAPS_ON.search(text[max(0, offset - 12) : offset]):
            start, cut = offset, -1
    while start < at and text[start] in " \n":
        start += 1
    return start, cut >= 0
