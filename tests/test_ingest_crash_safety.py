"""Kill an ingest at any point and run it again: the store is consistent, every
file is wholly in or not in, the index catches up with the store, and no stale
lock blocks the next run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import run

from councilpapers.cli import SAMPLES
from councilpapers.corpus.store import Store
from councilpapers.ingest.manager import file_sha256, ingest_paths
from councilpapers.ingest.worker import FileTask, process_file
from councilpapers.search import SearchIndex
from councilpapers.search.documents import INDEXED_TYPES
from councilpapers.workflow import run_ingest

WEBPAGE = SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt"
COPIES = 60


def make_copies(folder: Path, count: int) -> list[Path]:
    """Copies of one paper, each a different file (a line added at the end)."""
    folder.mkdir()
    text = WEBPAGE.read_text()
    paths = []
    for n in range(count):
        path = folder / f"paper-{n:03d}.txt"
        path.write_text(f"{text}\nCopy {n}.\n")
        paths.append(path)
    return paths


def records_per_source(store_path: Path) -> dict[str, int]:
    db = sqlite3.connect(store_path)
    try:
        return dict(db.execute(
            "SELECT s.path, COUNT(r.id) FROM sources s LEFT JOIN records r ON r.source_id = s.id"
            " WHERE s.status = 'ok' GROUP BY s.path"
        ))
    finally:
        db.close()


def indexed_record_count(store: Store) -> int:
    counts = store.counts()
    return sum(counts.get(kind, 0) for kind in INDEXED_TYPES)


def worker_pids(pid: int) -> list[int]:
    children = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in children.read_text().split()] if children.exists() else []


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie is dead but not yet reaped by its (new) parent.
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()


@pytest.mark.skipif(sys.platform != "linux", reason="reads worker pids from /proc")
def test_sigkill_mid_batch_then_run_again(tmp_path):
    papers = make_copies(tmp_path / "papers", COPIES)
    one = process_file(FileTask(papers[0], str(papers[0].resolve()), file_sha256(papers[0])))
    records_per_file = len(one.records)
    home = tmp_path / "home"
    store_path = home / "councilpapers.sqlite"

    ingest = subprocess.Popen(
        [sys.executable, "-m", "councilpapers.cli", "--home", str(home), "ingest", "--jobs", "2",
         str(tmp_path / "papers")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        def some_stored() -> bool:
            try:
                return len(records_per_source(store_path)) >= 5
            except sqlite3.OperationalError:  # not created yet
                return False
        assert wait_until(some_stored, timeout=60), ingest.stderr.read() if ingest.poll() is not None else ""
        workers = worker_pids(ingest.pid)
        ingest.send_signal(signal.SIGKILL)
        ingest.wait()
    finally:
        if ingest.poll() is None:
            ingest.kill()
    # Its workers notice and go; nothing is left holding files or the lock.
    assert workers and wait_until(lambda: not any(alive(pid) for pid in workers), timeout=10)

    stored = records_per_source(store_path)
    print("stored at the kill:", len(stored))
    assert 5 <= len(stored) < COPIES, "the kill should land mid-batch"
    assert set(stored.values()) == {records_per_file}  # each file wholly in
    db = sqlite3.connect(store_path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    db.close()

    again = run(home, "ingest", "--jobs", "2", str(tmp_path / "papers"))
    assert again.exit_code == 0, again.output
    assert f"{COPIES} files: {COPIES - len(stored)} ingested, {len(stored)} unchanged, 0 failed" in again.output
    store = Store(store_path)
    assert store.unindexed_paths() == []
    assert SearchIndex(home / "index").doc_count() == indexed_record_count(store)
    assert set(records_per_source(store_path).values()) == {records_per_file}
    store.close()
    hits = json.loads(run(home, "search", "pupil premium", "--format", "json").output)
    assert hits


class CrashAtIndexCommit(SearchIndex):
    """An index whose commit never happens: the process died just before it."""

    def replace_sources(self, docs_by_source):
        raise KeyboardInterrupt("killed before the index commit")


def test_files_stored_but_not_indexed_are_indexed_by_the_next_run(tmp_path):
    home = tmp_path / "home"
    papers = make_copies(tmp_path / "papers", 3)
    store = Store(home / "councilpapers.sqlite")
    with pytest.raises(KeyboardInterrupt):
        run_ingest(home, papers, store=store, index=CrashAtIndexCommit(home / "index"))
    assert len(store.unindexed_paths()) == 3  # stored, and marked as owed to the index
    assert SearchIndex(home / "index").doc_count() == 0
    store.close()

    result = run(home, "ingest", str(tmp_path / "papers"))
    assert result.exit_code == 0
    assert "note: indexed 3 files an interrupted ingest had stored" in result.output
    assert "3 files: 0 ingested, 3 unchanged, 0 failed" in result.output
    store = Store(home / "councilpapers.sqlite")
    assert store.unindexed_paths() == []
    assert SearchIndex(home / "index").doc_count() == indexed_record_count(store) > 0
    store.close()


def test_reindex_settles_what_the_index_owes(tmp_path):
    home = tmp_path / "home"
    papers = make_copies(tmp_path / "papers", 2)
    store = Store(home / "councilpapers.sqlite")
    ingest_paths(papers, store)  # the store alone: the index owes both files
    assert len(store.unindexed_paths()) == 2
    result = run(home, "reindex")
    assert result.exit_code == 0 and "Indexed" in result.output
    assert store.unindexed_paths() == []
    assert SearchIndex(home / "index").doc_count() == indexed_record_count(store) > 0
    store.close()
