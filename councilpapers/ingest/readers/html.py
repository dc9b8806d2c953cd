"""Web page reader: the main content of a page as one line per block.

ModernGov pages keep their content in `#modgov` (title, meeting, venue, the
item table) inside a site template of menus, breadcrumbs and footers; other
pages fall back to `main`/`article`/`[role=main]`, else `body`. Navigation,
scripts, forms, cookie banners and screen-reader-only text are dropped.

Lines: one per paragraph, list item, heading or table row, whitespace
collapsed, no page numbers. A table row of one-line cells becomes one line,
cells joined by two spaces; a row whose first cell is an item number and
whose other cell holds the item puts the number in front of the item's first
line: "54. Public Question Time".
"""

from __future__ import annotations

import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..model import ExtractedText, Line, UnreadableFile
from .text import decode_bytes

CONTENT_SELECTORS = ("#modgov", "#mgMain", ".mgContent", "main", "article", "[role=main]", "body")
NOISE_SELECTORS = (
    # not `form`: ASP.NET pages (ModernGov among them) wrap their content in one
    "script, style, noscript, template, iframe, svg, object, input, button, select, textarea",
    "nav, header, footer, aside, [role=navigation], [role=banner], [role=contentinfo]",
    "[id*=cookie i], [class*=cookie i], [hidden], [aria-hidden=true]",
    ".breadcrumb, #breadcrumb-holder, .sr-only, .visually-hidden",
    # ModernGov: screen-reader captions (", item 59."), file sizes, the script footer
    ".mgHide, .mgFileSize, .mgFooter, .mgHelpLine",
)
BLOCK_TAGS = {
    "address", "blockquote", "caption", "dd", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "ol", "p", "pre", "section",
    "table", "tbody", "td", "tfoot", "th", "thead", "ul",
}
SKIP_TAGS = {"-comment", "head", "title", "meta", "link"}
ROW_LABEL_MAX = 12  # longest first-cell text taken as a label ("144.", "B1", "Item 7")
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_html(path: Path) -> ExtractedText:
    data = Path(path).read_bytes()
    tree = LexborHTMLParser(decode_bytes(data, declared_charset(data)))
    content = next((node for s in CONTENT_SELECTORS if (node := tree.css_first(s))), tree.root)
    if content is None:
        raise UnreadableFile("no readable content in the web page")
    for selector in NOISE_SELECTORS:
        for node in content.css(selector):
            node.remove()  # unlink, not free: a match may sit inside one already removed
    texts = block_lines(content)
    if not texts:
        raise UnreadableFile("no readable content in the web page")
    lines = [Line(number, None, text) for number, text in enumerate(texts, start=1)]
    return ExtractedText("html", lines)


def declared_charset(data: bytes) -> str | None:
    match = DECLARED_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    # As browsers do (WHATWG): pages labelled latin-1 or ASCII are windows-1252,
    # and a UTF-16 label in a page read as bytes cannot be right.
    if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        return "cp1252"
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def block_lines(node: LexborNode) -> list[str]:
    """The text of `node`, one string per block."""
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = " ".join("".join(buffer).split())
        if text:
            lines.append(text)
        buffer.clear()

    def walk(parent: LexborNode) -> None:
        for child in parent.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                buffer.append(child.text_content or "")
            elif tag in SKIP_TAGS:
                continue
            elif tag == "br":
                flush()
            elif tag == "tr":
                flush()
                lines.extend(_row_lines(child))
            elif tag in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:  # inline element: its text joins the current block
                walk(child)

    walk(node)
    flush()
    return lines


def _row_lines(row: LexborNode) -> list[str]:
    cells = [block_lines(cell) for cell in row.iter() if cell.tag in ("td", "th")]
    cells = [cell for cell in cells if cell]
    if not cells:
        return []
    first, rest = cells[0], [line for cell in cells[1:] for line in cell]
    if _is_item_label(first) and (len(cells) == 2 or len(rest) > len(cells) - 1):
        return [f"{first[0]} {rest[0]}", *rest[1:]]
    if all(len(cell) == 1 for cell in cells):
        return ["  ".join(cell[0] for cell in cells)]
    return [line for cell in cells for line in cell]


def _is_item_label(cell: list[str]) -> bool:
    """A cell holding only an item number: "144.", "B1", "Item 7"."""
    return len(cell) == 1 and len(cell[0]) <= ROW_LABEL_MAX and any(c.isdigit() for c in cell[0])
