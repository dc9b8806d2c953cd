"""The records councilpapers extracts, one dataclass per type of the export contract.

Field names follow ../shared/export-schema.md: other tools read them. Every record
that comes from a place in a file carries `source` (the path as ingested), `page`
and `line`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import ClassVar


@dataclass
class Source:
    id: str
    path: str
    sha256: str
    format: str | None
    pages: int | None
    status: str  # "ok" or "failed"
    error: str | None = None
    duplicate_of: str | None = None  # id of a source with the same content under another path

    type: ClassVar[str] = "source"


@dataclass
class Meeting:
    id: str
    committee: str
    date: str | None  # ISO date
    time: str | None = None  # HH:MM, 24 h
    venue: str | None = None
    sources: list[str] = field(default_factory=list)

    type: ClassVar[str] = "meeting"


@dataclass
class Record:
    """A record found at a place in a source."""

    id: str
    source: str
    page: int | None
    line: int | None

    type: ClassVar[str] = ""
    id_prefix: ClassVar[str] = ""

    @property
    def meeting_id(self) -> str | None:
        return getattr(self, "meeting", None)

    def to_json(self) -> dict:
        return {"type": self.type, **dataclasses.asdict(self)}


@dataclass
class MinuteItem(Record):
    meeting: str | None = None
    number: str | None = None
    title: str = ""
    agenda_ref: str | None = None
    text: str = ""

    type: ClassVar[str] = "minute_item"
    id_prefix: ClassVar[str] = "min"


@dataclass
class Resolution(Record):
    meeting: str | None = None
    minute: str | None = None
    text: str = ""
    parts: list[str] = field(default_factory=list)
    title: str = ""  # the minute item's title: what the resolution is about

    type: ClassVar[str] = "resolution"
    id_prefix: ClassVar[str] = "res"


@dataclass
class AgendaItem(Record):
    meeting: str | None = None
    code: str | None = None
    title: str = ""
    first_page: int | None = None
    last_page: int | None = None
    exempt: bool = False

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


RECORD_TYPES: dict[str, type[Record]] = {
    cls.type: cls for cls in (MinuteItem, Resolution, AgendaItem, Document)
}


def record_from_json(data: dict) -> Record:
    data = dict(data)
    cls = RECORD_TYPES[data.pop("type")]
    known = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})
