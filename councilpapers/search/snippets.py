"""Plain-text snippets with the character spans of the matched words.

Whoosh's highlighter picks the best passage and knows where the matched words
are, but its formatters only return marked-up strings. `SpanFormatter` returns
the passage as plain text plus `(start, end)` spans instead, so every front end
(terminal colours, JSON, HTML) can mark the words its own way.
"""

from __future__ import annotations

from whoosh.highlight import BasicFragmentScorer, Formatter

SNIPPET_CHARS = 200
ELLIPSIS = "…"


class SpanFormatter(Formatter):
    """Formats the top fragment as `(snippet, spans)`.

    `Highlighter.highlight_hit` returns whatever `format()` returns, so this
    slots into the stock highlighter. Only the first fragment is used: we ask
    for one (`top=1`).
    """

    def format(self, fragments, replace=False):
        if not fragments:
            return "", []
        frag = fragments[0]
        text = frag.text
        spans = []
        # Matches may overlap; keep the first, longest span at each place, as
        # Whoosh's own Formatter does.
        last_end = frag.startchar
        for t in sorted(frag.matches, key=lambda t: (t.startchar, t.startchar - t.endchar)):
            if t.startchar is None or t.startchar < last_end:
                continue
            spans.append((t.startchar - frag.startchar, t.endchar - frag.startchar))
            last_end = t.endchar
        return _finish(text, frag.startchar, frag.endchar, spans)


class EarliestFirstScorer(BasicFragmentScorer):
    """Whoosh's fragment score, with equal scores going to the earlier passage
    (the stock scorer leaves that to chance). Scores are multiples of 100, so
    the tie-break never pushes one below the minimum score of 1."""

    def __call__(self, fragment):
        return super().__call__(fragment) - fragment.startchar / 1e9


def leading_snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of `text`, cut at a word boundary, for hits with nothing to highlight."""
    end = len(text)
    if end > limit:
        # Back up to the last space so we never end mid-word (unless it is one huge word).
        space = max(text.rfind(" ", 0, limit), text.rfind("\n", 0, limit))
        end = space if space > limit // 2 else limit
    return _finish(text, 0, end, [])[0]


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
    moved = [(new_index[s] + shift, new_index[e] + shift) for s, e in spans]
    return prefix + "".join(out) + suffix, moved
