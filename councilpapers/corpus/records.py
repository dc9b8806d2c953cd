"""The records councilpapers extracts, one dataclass per type of the export contract.

Field names follow ../shared/export-schema.md: other tools read them. Every record
that comes from a place in a file carries `source` (the path as ingested), `page`
and `line`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from enum import Enum
from typing import ClassVar

try:
    from enum import StrEnum
except ImportError:  # Python 3.10
    class StrEnum(str, Enum):
        """Members are their strings: JSON, SQLite and f-strings see the value."""

        __str__ = str.__str__
        __format__ = str.__format__


class SourceStatus(StrEnum):
    OK = "ok"
    FAILED = "failed"


class TextLayer(StrEnum):
    """A PDF's own text: usable, absent (a scan) or junk codes (then OCRed)."""

    OK = "ok"
    MISSING = "missing"
    GARBLED = "garbled"


@dataclass
class Source:
    id: str
    path: str
    sha256: str
    format: str | None
    pages: int | None
    status: SourceStatus
    error: str | None = None
    duplicate_of: str | None = None  # id of a source with the same content under another path
    # PDFs only: ok, or missing / garbled, whose text, when the source is ok, came from OCR.
    text_layer: TextLayer | None = None
    parse_report: dict | None = None  # what ingest made of it (`corpus.parse_report.ParseReport` as JSON)
    extraction: int | None = None  # the version of the extraction rules its records come from

    type: ClassVar[str] = "source"


@dataclass
class Meeting:
    id: str
    committee: str
    date: str | None  # ISO date
    time: str | None = None  # HH:MM, 24 h
    venue: str | None = None
    sources: list[str] = field(default_factory=list)
    status: str | None = None  # "cancelled" or "postponed" when the papers say so

    type: ClassVar[str] = "meeting"


@dataclass
class Person:
    id: str
    name: str  # canonical: the fullest form with a title, "Mr P Segurola"
    aliases: list[str] = field(default_factory=list)
    roles: list[dict] = field(default_factory=list)  # {role, first_seen, last_seen}
    party: str | None = None

    type: ClassVar[str] = "person"


TRANSIENT = {"transient": True}  # field metadata: kept while extracting, never stored or exported


@dataclass
class Record:
    """A record found at a place in a source.

    A segmenter makes a record with its domain fields and `index`, the position
    of the line it was found on among the lines it read (and `end`, the
    position after its last line, where it spans several); the extraction
    pipeline (`ingest.pipeline.Doc.add`) then stamps `id`, `source`, `page`
    and `line` from that line, the same way for every type."""

    id: str = ""
    source: str = ""
    page: int | None = None
    line: int | None = None
    # Business the papers mark as taken in private (Part 2, after a motion to
    # exclude the press and public): decided once, at ingest.
    exempt: bool = False
    index: int | None = field(default=None, repr=False, compare=False, metadata=TRANSIENT)
    end: int | None = field(default=None, repr=False, compare=False, metadata=TRANSIENT)  # after its last line

    type: ClassVar[str] = ""
    id_prefix: ClassVar[str] = ""

    @property
    def meeting_id(self) -> str | None:
        return getattr(self, "meeting", None)

    def to_json(self) -> dict:
        data = {"type": self.type, **dataclasses.asdict(self)}
        for name in _transient_fields(type(self)):
            data.pop(name, None)
        return data


def _transient_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.metadata.get("transient"))


@dataclass
class MinuteItem(Record):
    meeting: str | None = None
    number: str | None = None
    title: str = ""
    agenda_ref: str | None = None
    text: str = ""
    end_line: int | None = None  # the line its text ends on: what is told on its lines is its business
    # Every place that tells this item, when several files describe the meeting.
    attested_by: list[dict] = field(default_factory=list)

    type: ClassVar[str] = "minute_item"
    id_prefix: ClassVar[str] = "min"


@dataclass
class Resolution(Record):
    meeting: str | None = None
    minute: str | None = None
    text: str = ""
    parts: list[str] = field(default_factory=list)
    title: str = ""  # the minute item's title: what the resolution is about
    item: str | None = None  # id of the minute item it was made under, in the same file
    attested_by: list[dict] = field(default_factory=list)

    type: ClassVar[str] = "resolution"
    id_prefix: ClassVar[str] = "res"


@dataclass
class AgendaItem(Record):
    meeting: str | None = None
    code: str | None = None
    title: str = ""
    first_page: int | None = None
    last_page: int | None = None
    minute: str | None = None  # the number of the minute that took it, when the same file says

    type: ClassVar[str] = "agenda_item"
    id_prefix: ClassVar[str] = "agi"


@dataclass
class Document(Record):
    kind: str = "other"  # agenda/minutes/report/appendix/strategy/other
    title: str = ""
    meeting: str | None = None
    end_page: int | None = None
    end_line: int | None = None

    type: ClassVar[str] = "document"
    id_prefix: ClassVar[str] = "doc"


@dataclass
class Attendance(Record):
    meeting: str | None = None
    person: str | None = None  # id of the resolved person (people come with the Actions issue)
    name: str = ""
    status: str = "present"  # present/apologies/substitute/also_present/in_attendance/absent
    substitute_for: str | None = None
    role: str | None = None
    remote: bool = False  # attending from elsewhere ("were in attendance virtually")

    type: ClassVar[str] = "attendance"
    id_prefix: ClassVar[str] = "att"


@dataclass
class Vote(Record):
    meeting: str | None = None
    minute: str | None = None
    motion: str | None = None
    for_: int | None = None
    against: int | None = None
    abstain: int | None = None
    names_for: list[str] = field(default_factory=list)
    names_against: list[str] = field(default_factory=list)
    names_abstain: list[str] = field(default_factory=list)
    result: str | None = None  # carried/lost
    # How the result is known: "words" the minutes print ("Amendment lost", "was
    # carried by"), or "counts" (none printed: more for than against carries it).
    result_from: str | None = None
    count_mismatch: bool = False  # a stated count disagrees with its list of names
    item: str | None = None  # id of the minute item it was taken under, in the same file
    # Every place that tells this vote (two copies of the minutes), when merged (`corpus.merge`).
    attested_by: list[dict] = field(default_factory=list)

    type: ClassVar[str] = "vote"
    id_prefix: ClassVar[str] = "vote"

    def to_json(self) -> dict:
        data = super().to_json()
        data["for"] = data.pop("for_")  # "for" is the contract's name, a keyword here
        return data


@dataclass
class Report(Record):
    meeting: str | None = None
    subject: str = ""
    by: list[str] = field(default_factory=list)
    to: str | None = None
    decision_no: str | None = None
    classification: str | None = None
    summary: str | None = None
    recommendations: str | None = None
    agenda_ref: str | None = None  # the code of the agenda item it was written for

    type: ClassVar[str] = "report"
    id_prefix: ClassVar[str] = "rep"


@dataclass
class Action(Record):
    meeting: str | None = None  # None for rows of an action-plan table
    minute: str | None = None
    owner: str = ""  # as written: "Mr Segurola", "Nancy Sayer and Geoff Gurney", "the Chairman"
    person: str | None = None  # id of the resolved person (the first of joint owners)
    description: str = ""
    due: str | None = None  # ISO date: the day, or the last day of the month, it is due by
    due_text: str | None = None  # the words as printed: "by March 2025", "at the next meeting", "Feb"
    status: str | None = None  # RAG "R"/"A"/"G", a written status, or None
    owners: list[str] = field(default_factory=list)  # each owner, resolved to full names where possible
    people: list[str] = field(default_factory=list)  # person ids of all owners
    marked: str | None = None  # the initials printed against it in an Actions column ("NS/GG")

    type: ClassVar[str] = "action"
    id_prefix: ClassVar[str] = "act"


@dataclass
class Passage(Record):
    """A page of a report, appendix or other document, kept so search can find
    what the structured records do not hold and cite the right page. Not part of
    the export contract."""

    document: str | None = None  # id of the Document
    kind: str = "other"  # the document's kind
    title: str = ""  # the document's title
    meeting: str | None = None
    text: str = ""
    agenda_ref: str | None = None  # the code of the agenda item its document was written for

    type: ClassVar[str] = "passage"
    id_prefix: ClassVar[str] = "pas"


@dataclass
class Mention(Record):
    """A person named at a place, with the role and party written beside the
    name: what people are resolved from. Not part of the export contract."""

    name: str = ""
    role: str | None = None
    party: str | None = None
    meeting: str | None = None

    type: ClassVar[str] = "mention"
    id_prefix: ClassVar[str] = "men"


@dataclass
class Figure(Record):
    kind: str = "money"  # money/percent/count
    text: str = ""  # as written: "£2.3m"
    value: float = 0.0
    unit: str = ""  # "GBP", "%", or the thing counted ("children")
    context: str = ""  # the sentence around it
    meeting: str | None = None

    type: ClassVar[str] = "figure"
    id_prefix: ClassVar[str] = "fig"


@dataclass
class Acronym(Record):
    short: str = ""
    long: str = ""

    type: ClassVar[str] = "acronym"
    id_prefix: ClassVar[str] = "acr"


RECORD_TYPES: dict[str, type[Record]] = {
    cls.type: cls
    for cls in (
        MinuteItem, Resolution, AgendaItem, Document, Attendance, Vote, Report, Action, Figure, Acronym,
        Passage, Mention,
    )
}


def record_from_json(data: dict) -> Record:
    data = dict(data)
    cls = RECORD_TYPES[data.pop("type")]
    if "for" in data:
        data["for_"] = data.pop("for")
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})
