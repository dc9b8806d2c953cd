"""Helpers the test modules share: running the command line, and building the
numbered lines the segmenters and extractors take."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

from click.testing import CliRunner

from councilpapers.cli import main
from councilpapers.ingest.model import Line


def run(home: Path, *args: str):
    """The command line with `--home home`, as a user types it; the click Result."""
    return CliRunner().invoke(main, ["--home", str(home), *args])


def lines_of(text: str, keep_blank: bool = True, *, first: int = 1) -> list[Line]:
    """One Line on page 1 for each line of `text`, numbered from `first`. Without
    `keep_blank`, blank lines are dropped but keep their numbers, as readers do."""
    lines = [Line(n, 1, t) for n, t in enumerate(text.splitlines(), first)]
    return lines if keep_blank else [line for line in lines if line.text.strip()]


def as_lines(text: str, keep_blank: bool = True) -> list[Line]:
    """lines_of an indented triple-quoted block: dedented, the newlines around it cut."""
    return lines_of(dedent(text).strip("\n"), keep_blank=keep_blank)
