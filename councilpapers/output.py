"""Every listing command prints through here: a table for people, JSON or CSV
for machines."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Sequence

import click

FORMATS = ("table", "json", "csv")


def format_option(default: str = "table"):
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default=default, show_default=True,
        help="table for people; json or csv for machines.",
    )


def emit(rows: list[dict], columns: Sequence[str], fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(row.get(k)) for k in columns})
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(table(rows, columns))


# The column that takes what room is left; the others keep to a modest width.
FLEX_COLUMNS = ("description", "context", "title", "long", "snippet")
NARROW = 28


def table(rows: list[dict], columns: Sequence[str]) -> str:
    """A plain table that fits the terminal. Columns empty in every row are left
    out; the text column (description, context…) takes the room the others leave."""
    if not rows:
        return "(nothing)"
    columns = [c for c in columns if any(_cell(row.get(c)) for row in rows)]
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
    room = shutil.get_terminal_size((120, 24)).columns - 2 * (len(columns) - 1)
    flex = next((columns.index(c) for c in FLEX_COLUMNS if c in columns), None)
    if sum(widths) > room:
        widths = [w if i == flex else min(w, NARROW) for i, w in enumerate(widths)]
    if flex is not None and sum(widths) > room:
        widths[flex] = max(12, room - (sum(widths) - widths[flex]))
    while sum(widths) > room and max(widths) > 12:
        widest = widths.index(max(widths))
        widths[widest] -= 1
    lines = ["  ".join(c.ljust(w)[:w] for c, w in zip(columns, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    for row in cells:
        lines.append("  ".join(_fit(c, w) for c, w in zip(row, widths)).rstrip())
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    return text.ljust(width) if len(text) <= width else text[: width - 1] + "…"


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())
