"""What became of one file in an ingest: a small module of its own, so the
command line can read outcomes without importing the readers and extractors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..corpus.records import StrEnum


class FileStatus(StrEnum):
    INGESTED = "ingested"
    UNCHANGED = "unchanged"
    DUPLICATE = "duplicate"
    FAILED = "failed"


@dataclass
class FileOutcome:
    path: str
    status: FileStatus
    message: str = ""
    pages: int | None = None
    records: int = 0
    problems: list[str] = field(default_factory=list)  # what the parse report found not understood

    @property
    def failed(self) -> bool:
        return self.status == FileStatus.FAILED


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def shown_path(path: str) -> str:
    """A file name fit for one line of output: a newline in a name could forge
    an `error:` line, so control characters are escaped."""
    return CONTROL.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), path)
