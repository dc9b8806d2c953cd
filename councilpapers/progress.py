"""The ingest's progress bar on stderr: files done of all, pages read, pages per
second, time left (click's estimate, from the files done so far)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def ingest_progress(total_files: int) -> Iterator[Callable]:
    """Yields `update(outcome)`, to call once per file done."""
    import click

    start = time.monotonic()
    pages = 0

    def describe(outcome) -> str | None:
        if outcome is None:
            return None
        rate = pages / max(time.monotonic() - start, 1e-6)
        return f"{pages:,} pages, {rate:,.0f} pages/s  {Path(outcome.path).name}"

    with click.progressbar(
        length=total_files, label="Ingesting", file=sys.stderr, show_pos=True,
        show_eta=True, item_show_func=describe,
    ) as bar:
        def update(outcome) -> None:
            nonlocal pages
            if outcome.status == "ingested":
                pages += outcome.pages or 0
            bar.update(1, outcome)

        yield update
