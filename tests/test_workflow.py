"""The write side from Python (`workflow.run_ingest`, `workflow.reindex`), the
--verbose log, and a search that never writes: the Tantivy index is built by
`reindex --engine tantivy`, not by the first search."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from councilpapers.cli import SAMPLES, main
from councilpapers.corpus.home import Home
from councilpapers.corpus.records import SourceStatus
from councilpapers.corpus.store import Store
from councilpapers.ingest.outcome import FileStatus
from councilpapers.search import SearchIndex
from councilpapers.search.documents import INDEXED_TYPES
from councilpapers.workflow import reindex, run_ingest

WEBPAGE = "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt"
STRATEGY = "kent-corporate-parenting-strategy-2015.txt"


def run(home: Path, *args: str):
    return CliRunner().invoke(main, ["--home", str(home), *args])


def papers(folder: Path, *names: str) -> Path:
    folder.mkdir()
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def indexed_record_count(store: Store) -> int:
    counts = store.counts()
    return sum(counts.get(kind, 0) for kind in INDEXED_TYPES)


def test_run_ingest_from_python_stores_indexes_and_counts(tmp_path):
    folder = papers(tmp_path / "papers", WEBPAGE, STRATEGY)
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    home = tmp_path / "home"
    done = []

    def progress(total: int):
        from contextlib import nullcontext

        done.append(total)
        return nullcontext(done.append)

    report = run_ingest(home, [folder], jobs=1, progress=progress)
    assert done[0] == 3 and len(done) == 4  # told the number of files, then each outcome
    by_name = {Path(o.path).name: o.status for o in report.outcomes}
    assert by_name == {"broken.pdf": FileStatus.FAILED, WEBPAGE: FileStatus.INGESTED,
                       STRATEGY: FileStatus.INGESTED}
    assert report.counts == {FileStatus.INGESTED: 2, FileStatus.UNCHANGED: 0,
                             FileStatus.DUPLICATE: 0, FileStatus.FAILED: 1}
    assert [Path(o.path).name for o in report.failures] == ["broken.pdf"]
    assert report.summary() == "3 files: 2 ingested, 0 unchanged, 1 failed"
    assert json.dumps({"status": report.outcomes[0].status}) in ('{"status": "failed"}', '{"status": "ingested"}')

    store = Store(Home(home).store_path)
    try:
        assert store.unindexed_paths() == []
        assert SearchIndex(Home(home).index_dir).doc_count() == indexed_record_count(store) > 0
        statuses = {Path(s.path).name: s.status for s in store.sources()}
        assert statuses["broken.pdf"] is SourceStatus.FAILED and statuses[WEBPAGE] is SourceStatus.OK
    finally:
        store.close()
    assert SearchIndex(Home(home).index_dir).search("supported lodgings")
    # The index expands acronyms with the glossary the store merged, not one of its own.
    store = Store(Home(home).store_path)
    merged = [(e.short, e.long) for e in store.glossary()]
    store.close()
    assert merged and SearchIndex(Home(home).index_dir).lexicon.glossary() == merged

    again = run_ingest(home, [folder], jobs=1)
    assert again.summary() == "3 files: 0 ingested, 2 unchanged, 1 failed"

    rebuilt = reindex(home)
    assert rebuilt.outcomes == [] and rebuilt.documents == SearchIndex(Home(home).index_dir).doc_count()


def test_run_ingest_catches_up_what_an_interrupted_run_left_unindexed(tmp_path):
    from councilpapers.ingest.manager import ingest_paths

    folder = papers(tmp_path / "papers", WEBPAGE)
    home = Home(tmp_path / "home")
    store = Store(home.store_path)
    ingest_paths([folder], store)  # the store alone, as if killed before the index commit
    store.close()
    report = run_ingest(home, [folder])
    assert report.caught_up == 1 and report.summary() == "1 file: 0 ingested, 1 unchanged, 0 failed"
    assert SearchIndex(home.index_dir).doc_count() > 0


def test_verbose_logs_files_readers_timings_and_index_commits(tmp_path):
    folder = papers(tmp_path / "papers", WEBPAGE)
    quiet = run(tmp_path / "quiet", "ingest", str(folder))
    assert quiet.exit_code == 0
    assert "read by" not in quiet.stderr and "index commit" not in quiet.stderr

    loud = run(tmp_path / "loud", "--verbose", "ingest", str(folder))
    assert loud.exit_code == 0, loud.output
    assert loud.stdout == quiet.stdout == "1 file: 1 ingested, 0 unchanged, 0 failed\n"
    log = loud.stderr
    assert f"ingested {(folder / WEBPAGE).resolve()}" in log
    assert "read by the text reader" in log and " s: " in log  # the reader used, and its time
    assert "index commit: 1 files" in log
    assert "done in " in log and "s: 1 file: 1 ingested, 0 unchanged, 0 failed" in log  # the whole run's time

    rebuilt = run(tmp_path / "loud", "-v", "reindex")
    assert "index rebuilt:" in rebuilt.stderr
    after = run(tmp_path / "loud", "stats")  # the next command is quiet again
    assert "index" not in after.stderr


def test_search_with_tantivy_never_builds_its_index(tmp_path):
    pytest.importorskip("tantivy")
    folder = papers(tmp_path / "papers", WEBPAGE)
    home = tmp_path / "home"
    assert run(home, "ingest", str(folder)).exit_code == 0
    before = sorted(p.name for p in (home / "index").iterdir())

    missing = run(home, "search", "pupil premium", "--engine", "tantivy")
    assert missing.exit_code == 2
    assert missing.output.strip().splitlines() == [
        "Error: The tantivy index is not built yet: run `councilpapers reindex --engine tantivy`."
    ]
    assert sorted(p.name for p in (home / "index").iterdir()) == before  # a read wrote nothing

    built = run(home, "reindex", "--engine", "tantivy")
    assert built.exit_code == 0 and built.output.startswith("Indexed ")
    found = json.loads(run(home, "search", "pupil premium", "--engine", "tantivy", "--format", "json").stdout)
    assert found

    # From then on every ingest keeps it up to date.
    more = papers(tmp_path / "more", STRATEGY)
    assert run(home, "ingest", str(more)).exit_code == 0
    tantivy = SearchIndex(home / "index", engine="tantivy")
    whoosh = SearchIndex(home / "index")
    assert tantivy.doc_count() == whoosh.doc_count()


def test_reindex_with_an_engine_not_installed_says_how_to_install_it(tmp_path):
    try:
        import tantivy  # noqa: F401
    except ImportError:
        pass
    else:
        pytest.skip("tantivy is installed")
    result = run(tmp_path / "home", "reindex", "--engine", "tantivy")
    assert result.exit_code == 2
    assert "pip install 'councilpapers[tantivy]'" in result.output and "Traceback" not in result.output


def test_ingest_imports_nothing_from_search():
    """Ingest stores; the orchestrator has the index follow (workflow.py)."""
    package = Path(__file__).resolve().parents[1] / "councilpapers" / "ingest"
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                name = "." * node.level + (node.module or "")
                assert "search" not in name.split("."), f"{path.name} imports {name}"
            elif isinstance(node, ast.Import):
                assert not any(".search" in a.name for a in node.names), path.name
