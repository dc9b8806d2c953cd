"""Plain-text reader, and the byte decoding the HTML reader shares.

Line numbers are the file's own (1-based, counting "\\n" like `grep -n`), blank
lines included in the count: the gold answers cite "line N" of these files.
Blank lines themselves are not returned; trailing spaces are stripped.

Pages, in order of preference:
- form feeds ("\\f", as pdftotext writes): pages split on them, running
  headers and footers marked (see `furniture`);
- "Page N" marker lines (Kent agenda packs, extracted from PDF): each marker
  is the footer ending page N; pages of the lines in between are estimated;
- otherwise no page numbers.
"""

from __future__ import annotations

import codecs
import itertools
import re
from pathlib import Path

from ..model import ExtractedText, Line, UnreadableFile
from .furniture import mark_furniture

PAGE_MARKER = re.compile(r"\s*Page (\d+)\s*")
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")  # all but \t \n \f \r
MAX_CONTROL_SHARE = 0.05  # more control characters than this means binary data


def read_text(path: Path) -> ExtractedText:
    warnings: list[str] = []
    extracted = text_to_extracted(decode_bytes(Path(path).read_bytes(), warnings=warnings))
    if not extracted.lines:
        raise UnreadableFile("no text in the file (only blank lines)")
    extracted.warnings[:0] = warnings
    return extracted


def decode_bytes(data: bytes, declared: str | None = None, warnings: list[str] | None = None) -> str:
    """Bytes to str, deterministically: a BOM wins, then the declared charset
    (HTML), then UTF-8, then cp1252 (Word's "£"=0xA3, "’"=0x92), then latin-1,
    which decodes anything. Raises UnreadableFile for binary data. Undeclared
    bytes that look like a multi-byte legacy encoding are read in it when one
    fits (see `multibyte_guess`), else as cp1252, a note in `warnings` either way."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                          (codecs.BOM_UTF16_BE, "utf-16-be")):
        if data.startswith(bom):
            return _checked(data[len(bom):].decode(encoding, errors="replace"))
    if b"\x00" in data[:8192]:  # as git decides; later NULs count as control characters
        raise UnreadableFile("binary data, not text")
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return _checked(data.decode(encoding))
            except (UnicodeDecodeError, LookupError):
                continue
    guess = multibyte_guess(data)
    if guess:
        encoding, text = guess
        _warn(warnings, f"encoding guessed as {encoding} (none declared, not UTF-8)")
        return _checked(text)
    if _paired_high_bytes(data) >= MIN_PAIRED_HIGH_BYTES:
        _warn(warnings, "encoding uncertain: read as Windows-1252, but the bytes look like a multi-byte encoding")
    for encoding in ("cp1252", "latin-1"):
        try:
            return _checked(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


# Windows-1252 text (English with "£", "’", "–") has its bytes over 0x7F one
# at a time; East Asian legacy encodings write each character as two of them.
MIN_PAIRED_HIGH_BYTES = 16
MIN_PAIRED_SHARE = 0.6  # of all bytes over 0x7F
MULTIBYTE_ENCODINGS = ("shift_jis", "euc_jp", "gb18030", "big5", "euc_kr")
EAST_ASIAN = re.compile(r"[\u3000-\u30ff\u3130-\u318f\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")
MIN_EAST_ASIAN_SHARE = 0.9  # of the non-ASCII characters decoded


def multibyte_guess(data: bytes) -> tuple[str, str] | None:
    """(encoding, text) when the bytes are mostly in pairs over 0x7F and one of
    the common East Asian encodings decodes them, strictly, into East Asian
    characters almost only; else None."""
    paired = _paired_high_bytes(data)
    high = sum(1 for byte in data if byte > 0x7F)
    if paired < MIN_PAIRED_HIGH_BYTES or paired < MIN_PAIRED_SHARE * high:
        return None
    for encoding in MULTIBYTE_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        foreign = sum(1 for char in text if ord(char) > 0x7F)
        if foreign and len(EAST_ASIAN.findall(text)) >= MIN_EAST_ASIAN_SHARE * foreign:
            return encoding.replace("_", "-").upper(), text
    return None


def _paired_high_bytes(data: bytes) -> int:
    """Bytes over 0x7F next to another one."""
    return sum(len(run) for run in re.findall(rb"[\x80-\xff]{2,}", data))


def _warn(warnings: list[str] | None, message: str) -> None:
    if warnings is not None:
        warnings.append(message)


def _checked(text: str) -> str:
    if len(CONTROL_CHARS.findall(text)) > MAX_CONTROL_SHARE * len(text):
        raise UnreadableFile("binary data, not text")
    return text


def text_to_extracted(text: str) -> ExtractedText:
    raw_lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    # A lone "\r" is not a line break here: `grep -n` does not count it either.
    raw_lines = [line.replace("\r", " ").rstrip() for line in raw_lines]
    if "\f" in text:
        pages = _split_form_feeds(raw_lines)
        return ExtractedText("text", mark_furniture(pages), page_count=len(pages))
    lines, page_count = _pages_from_markers(raw_lines)
    warnings = ["page numbers estimated from 'Page N' markers"] if page_count else []
    return ExtractedText("text", lines, page_count=page_count, warnings=warnings)


def _split_form_feeds(raw_lines: list[str]) -> list[list[str]]:
    """Each file line goes to one page, so numbering stays the file's. Form
    feeds before a line's text open its page (pdftotext writes "\\fFirst line");
    form feeds after it open the next."""
    pages: list[list[str]] = [[]]
    for line in raw_lines:
        leading = len(line) - len(line.lstrip("\f"))
        pages.extend([] for _ in range(leading))
        pages[-1].append(line.replace("\f", ""))
        pages.extend([] for _ in range(line.count("\f") - leading))
    return pages


def _pages_from_markers(raw_lines: list[str]) -> tuple[list[Line], int | None]:
    """Pages from "Page N" footer lines; (lines, last page) or (lines, None).

    Packs print markers on only some pages, so between kept markers K and N
    (and before the first, from an imaginary "Page 0" at line 0) lines are
    spread evenly over pages K+1..N by position; lines after the last marker N
    go on page N+1. Every marker line is furniture, kept or not.
    """
    markers = [
        (index, int(match.group(1)))
        for index, line in enumerate(raw_lines)
        if (match := PAGE_MARKER.fullmatch(line))
    ]
    anchors = plausible_markers(markers)
    if not anchors:
        return [
            Line(index + 1, None, line, furniture=bool(PAGE_MARKER.fullmatch(line)))
            for index, line in enumerate(raw_lines)
            if line.strip()
        ], None

    pages: list[int] = []
    previous_index, previous_page = -1, 0
    for index, page in anchors:
        span = index - previous_index - 1
        pages.extend(previous_page + 1 + j * (page - previous_page) // span for j in range(span))
        pages.append(page)
        previous_index, previous_page = index, page
    pages.extend([previous_page + 1] * (len(raw_lines) - len(pages)))

    lines = [
        Line(index + 1, pages[index], line, furniture=bool(PAGE_MARKER.fullmatch(line)))
        for index, line in enumerate(raw_lines)
        if line.strip()
    ]
    last_page = max(line.page for line in lines) if lines else None
    return lines, last_page


def plausible_markers(markers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (line index, page) markers whose pages rise, by no
    more pages than lines passed (a page holds at least one line), starting
    from "page 0" before the first line.

    So a "Page 2" inside an appendix after "Page 39" is ignored, and so is one
    stray big number, without losing the markers that follow it.

    Marker i may follow marker j when page_j < page_i and slack_j <= slack_i,
    slack being index - page (the two imply index_j < index_i). Taken by rising
    page, each marker's best predecessor is a prefix maximum over slack: a
    Fenwick tree makes it O(n log n) (comparing every pair took two minutes for
    20,000 markers). Ties go, as they always did, to the earliest predecessor
    and the earliest chain end.
    """
    slacks = sorted({index - page for index, page in markers})
    rank = {slack: position + 1 for position, slack in enumerate(slacks)}
    tree = [(0, 0)] * (len(slacks) + 1)  # (chain length, -marker) maxima over slack ranks
    best: list[tuple[int, int | None]] = [(0, None)] * len(markers)
    by_page = sorted(range(len(markers)), key=lambda i: markers[i][1])
    for _, group in itertools.groupby(by_page, key=lambda i: markers[i][1]):
        group = list(group)
        for i in group:  # markers of one page cannot follow each other
            index, page = markers[i]
            length = 1 if 0 < page <= index + 1 else 0
            found, position = (0, 0), rank[index - page]
            while position:
                found, position = max(found, tree[position]), position & (position - 1)
            if found[0] and found[0] + 1 > length:
                best[i] = (found[0] + 1, -found[1])
            else:
                best[i] = (length, None)
        for i in group:
            if best[i][0]:
                position = rank[markers[i][0] - markers[i][1]]
                while position < len(tree):
                    tree[position] = max(tree[position], (best[i][0], -i))
                    position += position & -position
    if not best or max(length for length, _ in best) == 0:
        return []
    end = max(range(len(best)), key=lambda i: best[i][0])  # first longest chain
    chain = []
    node: int | None = end
    while node is not None:
        chain.append(markers[node])
        node = best[node][1]
    return chain[::-1]
