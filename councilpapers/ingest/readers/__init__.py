"""One reader per format, all producing `ExtractedText`; `read_file` picks one.

The content decides before the name: a ModernGov error page saved as
"minutes.pdf" is HTML, a PDF saved as "minutes.txt" is a PDF. Whatever goes
wrong with a file comes out as `UnreadableFile` with a one-sentence reason, so
one bad file never sinks a batch.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from ..model import ExtractedText, UnreadableFile
from .html import read_html
from .pdf import read_pdf
from .text import read_text

Reader = Callable[[Path], ExtractedText]

READERS_BY_SUFFIX: dict[str, Reader] = {
    ".pdf": read_pdf,
    ".html": read_html,
    ".htm": read_html,
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
}
SUPPORTED_SUFFIXES = frozenset(READERS_BY_SUFFIX)
FORMAT_OF_READER = {read_pdf: "pdf", read_html: "html", read_text: "text"}

SNIFF_BYTES = 1024


def read_file(path: Path) -> ExtractedText:
    path = Path(path)
    try:
        with open(path, "rb") as file:
            head = file.read(SNIFF_BYTES)
    except OSError as error:
        raise UnreadableFile(f"could not open the file ({error.strerror or error})") from None
    if not head:
        raise UnreadableFile("empty file")

    suffix = path.suffix.lower()
    reader = sniff(head) or READERS_BY_SUFFIX.get(suffix)
    if reader is None:
        raise UnreadableFile(f"unsupported file type ({suffix or 'no extension'})")
    try:
        extracted = reader(path)
    except UnreadableFile:
        raise
    except Exception as error:  # a reader's library failing on a bad file
        raise UnreadableFile(f"could not read the file ({type(error).__name__}: {error})") from None

    named = READERS_BY_SUFFIX.get(suffix)
    if named is not None and named is not reader:
        extracted.warnings.append(
            f"named {suffix} but the content is {FORMAT_OF_READER[reader]}"
        )
    return extracted


def sniff(head: bytes) -> Reader | None:
    """The reader the first bytes call for, or None to go by the file name.
    Only the start counts, so a text that mentions "%PDF-" or "<html" stays text."""
    start = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if start.startswith(b"%PDF-"):
        return read_pdf
    lowered = head.lower()
    if start.startswith(b"<") and (b"<html" in lowered or b"<!doctype html" in lowered):
        return read_html
    return None


__all__ = ["SUPPORTED_SUFFIXES", "read_file", "read_html", "read_pdf", "read_text", "sniff"]
