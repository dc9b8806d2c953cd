"""Plain-text snippets with the character spans of the matched words.

Engine-neutral: the passage is chosen here from the record's text and the
query's terms (analysed as the index analyses them), so every engine gives the
same snippet, and every front end (terminal colours, JSON, HTML) marks the
words its own way.
"""

from __future__ import annotations

import re

from .analysis import term_spans

SNIPPET_CHARS = 200
WINDOW = SNIPPET_CHARS - 40  # the matched words must fit in this much
SURROUND = 60  # context either side of them
ELLIPSIS = "…"


def snippet(text: str, terms: set[str]) -> tuple[str, list[tuple[int, int]]]:
    """The passage of `text` with the most different query terms (then the
    most matches; the earlier one when equal), and the spans of the matched
    words in it. The start of the text, unmarked, when nothing matches."""
    if not text:
        return "", []
    matches = _matches(text, terms) if terms else []
    if not matches:
        return leading_snippet(text), []
    best, best_key = (0, 0), (-1, -1)
    j = 0
    for i in range(len(matches)):
        j = max(j, i)
        while j + 1 < len(matches) and matches[j + 1][1] - matches[i][0] <= WINDOW:
            j += 1
        key = (len({m[2] for m in matches[i:j + 1]}), j + 1 - i)
        if key > best_key:
            best, best_key = (i, j), key
    i, j = best
    first, last = matches[i][0], matches[j][1]
    room = max(0, SNIPPET_CHARS - (last - first))
    before = min(SURROUND, room // 2 if room < 2 * SURROUND else SURROUND)
    start = max(0, first - before)
    end = min(len(text), last + min(SURROUND, room - (first - start)))
    # Start and end on word boundaries.
    if start > 0:
        space = _next_space(text, start, first)
        start = space if space is not None else start
    if end < len(text):
        space = text.rfind(" ", last, end)
        newline = text.rfind("\n", last, end)
        cut = max(space, newline)
        end = cut if cut > last else end
    spans = [(s - start, e - start) for s, e, _ in matches[i:j + 1]]
    # Matches beyond the chosen ones that still fall in the passage are marked too.
    spans += [(s - start, e - start) for s, e, _ in matches[j + 1:] if e <= end]
    spans += [(s - start, e - start) for s, e, _ in matches[:i] if s >= start]
    return _finish(text, start, end, sorted(set(spans)))


def _matches(text: str, terms: set[str]) -> list[tuple[int, int, str]]:
    """(start, end, term) of the words of `text` whose term is one of `terms`.
    A regex finds the words that could be (those starting like a term) and
    only those are stemmed: a long page is not analysed word by word."""
    prefixes = sorted({t[: max(1, min(len(t) - 1, 4))] for t in terms}, key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(p) for p in prefixes) + r")\w*(?:\.\w+)*", re.IGNORECASE)
    out = []
    for m in pattern.finditer(text):
        for term, start, end in term_spans(m.group()):
            if term in terms:
                out.append((m.start() + start, m.start() + end, term))
    return out


def _next_space(text: str, start: int, limit: int) -> int | None:
    for k in range(start, limit):
        if text[k].isspace():
            return k + 1
    return None


def leading_snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of `text`, cut at a word boundary, for hits with nothing to highlight."""
    end = len(text)
    if end > limit:
        # Back up to the last space so we never end mid-word (unless it is one huge word).
        space = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
        end = space if space > limit // 2 else limit
    return _finish(text, 0, end, [])[0]


def marked(snippet_text: str, spans, before: str = "**", after: str = "**") -> str:
    """The snippet with each matched word wrapped, e.g. in ** **."""
    out, last = [], 0
    for start, end in sorted(spans):
        out.append(snippet_text[last:start])
        out.append(before + snippet_text[start:end] + after)
        last = end
    out.append(snippet_text[last:])
    return "".join(out)


def _finish(text: str, start: int, end: int, spans: list[tuple[int, int]]):
    """Squeeze whitespace in text[start:end] (extracted PDF text is full of line
    breaks and runs of spaces), add ellipses where the passage is cut, and move
    the spans (relative to `start`) to match."""
    # Keep punctuation that ends the last word ("noted.", "2016-17,").
    while end < len(text) and not text[end].isspace() and not text[end].isalnum():
        end += 1
    piece = text[start:end]
    out: list[str] = []
    new_index = []  # new_index[i] = position in the output of piece[i]
    for ch in piece:
        new_index.append(len(out))
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    new_index.append(len(out))

    # Trailing whitespace would leave a dangling space.
    while out and out[-1] == " ":
        out.pop()

    prefix = ELLIPSIS if text[:start].strip() else ""
    suffix = ELLIPSIS if text[end:].strip() else ""
    shift = len(prefix)
    moved = [(new_index[s] + shift, new_index[e] + shift) for s, e in spans if e <= len(piece)]
    return prefix + "".join(out) + suffix, moved
