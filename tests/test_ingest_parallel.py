"""Parallel ingest: workers read and extract, the main process alone writes,
and the result is the same as reading one file after the other."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from helpers import run

from councilpapers.cli import SAMPLES
from councilpapers.corpus.store import Store
from councilpapers.ingest.parallel import MIN_ITEMS_FOR_A_POOL, map_unordered

WEBPAGE = SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt"


def exported(home: Path) -> list[str]:
    return sorted(run(home, "export").output.splitlines())


def test_one_job_and_two_jobs_store_and_index_the_same(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(SAMPLES / "kent-corporate-parenting-strategy-2015.txt", papers)
    for n in range(MIN_ITEMS_FOR_A_POOL):  # enough files to start workers for
        (papers / f"copy-{n}.txt").write_text(f"{WEBPAGE.read_text()}\nCopy {n}.\n")
    files = len(list(papers.iterdir()))
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    assert run(serial, "ingest", "--jobs", "1", str(papers)).exit_code == 0
    result = run(parallel, "ingest", "--jobs", "2", str(papers))
    assert result.exit_code == 0, result.output
    assert f"{files} files: {files} ingested, 0 unchanged, 0 failed" in result.output
    assert exported(serial) == exported(parallel)
    assert run(serial, "stats").output == run(parallel, "stats").output
    query = ["search", "foster carers", "--format", "json", "--limit", "20"]
    hits = json.loads(run(parallel, *query).output)
    assert hits and hits == json.loads(run(serial, *query).output)


def test_the_same_content_twice_in_one_batch_is_read_once(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        shutil.copy(WEBPAGE, papers / name)
    shutil.copy(SAMPLES / "kent-corporate-parenting-strategy-2015.txt", papers / "d.txt")
    home = tmp_path / "home"
    result = run(home, "ingest", "--jobs", "2", str(papers))
    assert result.exit_code == 0, result.output
    assert "4 files: 2 ingested, 0 unchanged, 2 duplicate, 0 failed" in result.output
    store = Store(home / "councilpapers.sqlite")
    first = store.source_at(str((papers / "a.txt").resolve()))
    assert first.duplicate_of is None  # the first found is the one read
    for name in ("b.txt", "c.txt"):
        assert store.source_at(str((papers / name).resolve())).duplicate_of == first.id
    store.close()


def test_a_file_named_twice_is_ingested_once(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    shutil.copy(WEBPAGE, papers / "minutes.txt")
    result = run(tmp_path / "home", "ingest", str(papers), str(papers / "minutes.txt"))
    assert "1 file: 1 ingested" in result.output


# --- the pool --------------------------------------------------------------------

def shout_unless_poison(item: str) -> str:
    """Module-level, so worker processes can import it."""
    if item == "poison":
        os._exit(3)  # what a segfault in PDFium looks like from outside
    return item.upper()


def test_a_worker_that_dies_fails_its_item_only():
    items = [f"a{n}" for n in range(6)] + ["poison"] + [f"b{n}" for n in range(6)]
    results = dict(map_unordered(shout_unless_poison, items, 2, on_crash=lambda item: "crashed"))
    assert results.pop("poison") == "crashed"
    assert results == {item: item.upper() for item in items if item != "poison"}


def test_small_items_travel_in_chunks_and_all_come_back():
    items = [f"item{n}" for n in range(200)]
    results = list(map_unordered(shout_unless_poison, items, 2, on_crash=lambda item: None, size=lambda item: 10))
    assert sorted(results) == sorted((item, item.upper()) for item in items)
