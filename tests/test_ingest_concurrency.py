"""While an ingest runs: searches answer from the last committed state, and a
second ingest (or a reindex) says it cannot start instead of writing too."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from helpers import run

from councilpapers.cli import SAMPLES
from councilpapers.corpus.lock import write_lock
from councilpapers.corpus.store import Store
from councilpapers.search import SearchIndex
from councilpapers.search.documents import INDEXED_TYPES

WEBPAGE = SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt"
COPIES = 60


def stored_record_ids(store_path: Path) -> set[str]:
    db = sqlite3.connect(store_path)
    try:
        return {row[0] for row in db.execute("SELECT id FROM records")}
    finally:
        db.close()


def test_a_second_writer_is_told_it_cannot_start(tmp_path):
    home = tmp_path / "home"
    with write_lock(home):  # as a running ingest holds it
        for command in (["ingest"], ["reindex"]):
            result = run(home, *command)
            assert result.exit_code == 1
            assert f"Another ingest or reindex (pid {os.getpid()}) is writing to {home}" in result.output
            assert "Traceback" not in result.output
    assert run(home, "ingest").exit_code == 0  # free again


def test_searches_and_a_second_ingest_while_an_ingest_runs(tmp_path):
    home = tmp_path / "home"
    assert run(home, "ingest", str(WEBPAGE)).exit_code == 0  # something to find from the start
    papers = tmp_path / "papers"
    papers.mkdir()
    text = WEBPAGE.read_text()
    for n in range(COPIES):
        (papers / f"paper-{n:03d}.txt").write_text(f"{text}\nCopy {n}.\n")

    ingest = subprocess.Popen(
        [sys.executable, "-m", "councilpapers.cli", "--home", str(home), "ingest", "--jobs", "2", str(papers)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    searches = 0
    try:
        lock_file = home / "write.lock"
        deadline = time.monotonic() + 30
        while lock_file.read_text().strip() != str(ingest.pid) and time.monotonic() < deadline:
            time.sleep(0.02)
        second = run(home, "ingest", str(papers))
        assert second.exit_code == 1 and "Another ingest or reindex" in second.output
        while ingest.poll() is None:
            result = run(home, "search", "pupil premium", "--format", "json", "--limit", "1000")
            assert result.exit_code == 0, result.output
            hits = json.loads(result.output)
            assert hits
            # The index is written after the store: whatever it finds is stored.
            assert {hit["id"] for hit in hits} <= stored_record_ids(home / "councilpapers.sqlite")
            searches += 1
            time.sleep(0.1)  # leave the cores to the ingest
    finally:
        if ingest.poll() is None:
            ingest.kill()
        out, err = ingest.communicate()
    assert ingest.returncode == 0, err
    assert f"{COPIES} files: {COPIES} ingested" in out
    assert searches >= 3
    store = Store(home / "councilpapers.sqlite")
    counts = store.counts()
    assert store.unindexed_paths() == []
    assert SearchIndex(home / "index").doc_count() == sum(counts.get(kind, 0) for kind in INDEXED_TYPES)
    assert counts["sources"] == COPIES + 1
    store.close()
