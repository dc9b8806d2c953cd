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

Layout, as far as a web page has it: a line is `bold` when all its text is in
a heading (h1-h6), a table header cell or <strong>/<b>; a line made of table
cells has them as `cells` (text and bold, no positions). No positions or sizes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ...text.spacing import squash
from ..model import Cell, ExtractedText, Line, UnreadableFile
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
BOLD_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "th", "strong", "b"}
ROW_LABEL_MAX = 12  # longest first-cell text taken as a label ("144.", "B1", "Item 7")
# The HTML parser's cost grows with the square of nesting depth and of one
# element's attributes (100,000 nested <div>s: minutes), and the walk below
# recurses per level. Real pages stay far inside these.
MAX_NESTING = 400
MAX_ATTRIBUTES = 1000
TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)([^>]*)>")
ATTRIBUTE = re.compile(r"""[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]*))?""")
# Elements that hold no content, or whose end tag pages often leave out:
# they do not deepen the nesting.
FLAT_TAGS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "html", "head", "body", "tbody", "thead", "tfoot",
}
DECLARED_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def read_html(path: Path) -> ExtractedText:
    data = Path(path).read_bytes()
    warnings: list[str] = []
    page = decode_bytes(data, declared_charset(data), warnings)
    refuse_hostile_markup(page)
    tree = LexborHTMLParser(page)
    content = next((node for s in CONTENT_SELECTORS if (node := tree.css_first(s))), tree.root)
    if content is None:
        raise UnreadableFile("no readable content in the web page")
    for selector in NOISE_SELECTORS:
        for node in content.css(selector):
            node.remove()  # unlink, not free: a match may sit inside one already removed
    blocks = block_lines(content)
    if not blocks:
        raise UnreadableFile("no readable content in the web page")
    lines = [
        Line(number, None, block.text, bold=block.bold, cells=block.cells)
        for number, block in enumerate(blocks, start=1)
    ]
    return ExtractedText("html", lines, warnings=warnings)


@dataclass(frozen=True)
class Block:
    """One line of the page: its text, whether all of it is bold, and its
    table cells when it is a row of them."""

    text: str
    bold: bool = False
    cells: tuple[Cell, ...] | None = None


def refuse_hostile_markup(page: str) -> None:
    """UnreadableFile for markup nested or attributed past what any page needs,
    found in one pass before the parser spends minutes on it."""
    open_tags: dict[str, int] = {}
    depth = 0
    for match in TAG.finditer(page):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if len(rest) > MAX_ATTRIBUTES * 2 and len(ATTRIBUTE.findall(rest)) > MAX_ATTRIBUTES:
            raise UnreadableFile(f"an element with more than {MAX_ATTRIBUTES} attributes: not a page of papers")
        if name in FLAT_TAGS or rest.endswith("/"):
            continue
        if closing:
            if open_tags.get(name):
                open_tags[name] -= 1
                depth -= 1
        else:
            open_tags[name] = open_tags.get(name, 0) + 1
            depth += 1
            if depth > MAX_NESTING:
                raise UnreadableFile(f"elements nested more than {MAX_NESTING} deep: not a page of papers")


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


def block_lines(node: LexborNode, bold: bool = False) -> list[Block]:
    """The text of `node`, one block per line; `bold` when `node` sits in a
    bold element."""
    lines: list[Block] = []
    buffer: list[tuple[str, bool]] = []  # pieces of text, and whether each is bold

    def flush() -> None:
        text = squash("".join(piece for piece, _ in buffer))
        if text:
            inked = [is_bold for piece, is_bold in buffer if piece.strip()]
            lines.append(Block(text, all(inked)))
        buffer.clear()

    def walk(parent: LexborNode, bold: bool) -> None:
        for child in parent.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                buffer.append((child.text_content or "", bold))
            elif tag in SKIP_TAGS:
                continue
            elif tag == "br":
                flush()
            elif tag == "tr":
                flush()
                lines.extend(_row_lines(child, bold))
            elif tag in BLOCK_TAGS:
                flush()
                walk(child, bold or tag in BOLD_TAGS)
                flush()
            else:  # inline element: its text joins the current block
                walk(child, bold or tag in BOLD_TAGS)

    walk(node, bold)
    flush()
    return lines


def _row_lines(row: LexborNode, bold: bool) -> list[Block]:
    cells = [block_lines(cell, bold or cell.tag == "th") for cell in row.iter() if cell.tag in ("td", "th")]
    cells = [cell for cell in cells if cell]
    if not cells:
        return []
    first, rest = cells[0], [line for cell in cells[1:] for line in cell]
    if _is_item_label(first) and (len(cells) == 2 or len(rest) > len(cells) - 1):
        label, title = first[0], rest[0]
        row_cells = (Cell(label.text, bold=label.bold), Cell(title.text, bold=title.bold))
        joined = Block(f"{label.text} {title.text}", label.bold and title.bold, row_cells)
        return [joined, *rest[1:]]
    if all(len(cell) == 1 for cell in cells):
        row_cells = tuple(Cell(cell[0].text, bold=cell[0].bold) for cell in cells)
        text = "  ".join(cell.text for cell in row_cells)
        return [Block(text, all(cell.bold for cell in row_cells), row_cells)]
    return [line for cell in cells for line in cell]


def _is_item_label(cell: list[Block]) -> bool:
    """A cell holding only an item number: "144.", "B1", "Item 7"."""
    return len(cell) == 1 and len(cell[0].text) <= ROW_LABEL_MAX and any(c.isdigit() for c in cell[0].text)
