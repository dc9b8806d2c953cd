"""Bad input in a parallel batch: one line each, the batch goes on, exit code 1,
nothing already stored is lost. (Each reader's own refusals are tested in
tests/test_readers_*.py; a first mixed batch in tests/test_cli.py.)"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from helpers import run
from pdf_factory import make_pdf, make_zero_page_pdf

from councilpapers.cli import SAMPLES
from councilpapers.corpus.store import Store
from councilpapers.ingest.manager import ingest_paths
from councilpapers.search.documents import INDEXED_TYPES

WEBPAGE = SAMPLES / "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt"
MINUTES = [["MINUTES of a meeting of the Parish Council held on 18 March 2014",
            "1. Apologies", "Apologies were received from Cllr Smith."]]


def errors(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("error: ")]


def test_every_kind_of_bad_file_in_one_parallel_batch(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    whole = make_pdf(MINUTES * 3)
    bad = {
        "zero-pages.pdf": make_zero_page_pdf(),
        "truncated.pdf": whole[: len(whole) // 2],
        "not-a-pdf.pdf": b"Minutes of the meeting, saved as text with the wrong name.\n" * 10,
        "password.pdf": make_pdf(MINUTES, user_password="secret", owner_password="owner"),
        "junk.html": bytes(range(256)) * 12,
        "empty.txt": b"",
    }
    for name, data in bad.items():
        (papers / name).write_bytes(data)
    # Readable however they look: an empty user password, Windows-1252 text.
    (papers / "owner-password-only.pdf").write_bytes(make_pdf(MINUTES, owner_password="owner"))
    (papers / "windows-1252.txt").write_bytes(WEBPAGE.read_text().replace("'", "\u2019").encode("cp1252", "replace"))
    shutil.copy(WEBPAGE, papers / "good.txt")

    home = tmp_path / "home"
    result = run(home, "ingest", "--jobs", "2", str(papers))
    assert result.exit_code == 1
    assert "9 files: 3 ingested, 0 unchanged, 6 failed" in result.output
    lines = errors(result.output)
    assert len(lines) == len(bad)
    for name in bad:
        assert sum(f"/{name}: " in line for line in lines) == 1, name
    assert "Traceback" not in result.output
    store = Store(home / "councilpapers.sqlite")
    items = {name: [r.title for r in store.records(type="minute_item", source_id=store.source_at(
        str((papers / name).resolve())).id)] for name in ("good.txt", "windows-1252.txt")}
    store.close()
    # Byte 0x92 read as the curly apostrophe it is in Windows-1252.
    assert items["good.txt"] and items["windows-1252.txt"] == [t.replace("'", "\u2019") for t in items["good.txt"]]


def test_a_stored_file_that_goes_missing_keeps_its_records(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    paper = papers / "minutes.txt"
    shutil.copy(WEBPAGE, paper)
    home = tmp_path / "home"
    assert run(home, "ingest", str(paper)).exit_code == 0
    before = [hit["id"] for hit in json.loads(run(home, "search", "pupil premium", "--format", "json").output)]
    paper.unlink()
    shutil.copy(SAMPLES / "kent-corporate-parenting-strategy-2015.txt", papers / "other.txt")
    result = run(home, "ingest", str(paper), str(papers / "other.txt"))
    assert result.exit_code == 1
    assert "2 files: 1 ingested, 0 unchanged, 1 failed" in result.output
    assert errors(result.output) == [f"error: {paper}: no such file or folder"]
    after = [hit["id"] for hit in json.loads(run(home, "search", "pupil premium", "--format", "json").output)]
    assert before and after == before


def test_paths_that_disappear_mid_run(tmp_path):
    papers = tmp_path / "papers"
    (papers / "later").mkdir(parents=True)
    text = WEBPAGE.read_text()
    names = [f"paper-{n}.txt" for n in range(6)]
    for name in names:
        (papers / name).write_text(f"{text}\n{name}\n")
        (papers / "later" / name).write_text(f"{text}\nlater {name}\n")
    store = Store(tmp_path / "store.sqlite")

    def remove_some(outcome) -> None:
        # After the first file is stored, one file and a whole folder vanish.
        if outcome.path.endswith("paper-0.txt") and "later" not in outcome.path:
            (papers / "paper-3.txt").unlink()
            shutil.rmtree(papers / "later")

    outcomes = ingest_paths([papers], store, on_outcome=remove_some, jobs=1)
    by_name = {str(Path(o.path).relative_to(papers.resolve())): o for o in outcomes}
    assert len(by_name) == 12
    gone = ["paper-3.txt", *(f"later/{name}" for name in names)]
    for name in gone:
        assert by_name[name].status == "failed" and "no such file" in by_name[name].message, name
    assert all(o.status == "ingested" for name, o in by_name.items() if name not in gone)
    assert len([s for s in store.sources() if s.status == "ok"]) == 5
    store.close()


def test_a_folder_of_a_thousand_small_files(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    for n in range(1000):
        (papers / f"minutes-{n:04d}.txt").write_text(
            f"MINUTES of a meeting of the Parish Council held on {n % 28 + 1} March 2014\n\n"
            f"{n}. PLANNING APPLICATION {n}\n\nThe council considered application {n}.\n\n"
            f"RESOLVED that application {n} be approved.\n"
        )
    home = tmp_path / "home"
    result = run(home, "ingest", "--jobs", "2", str(papers))
    assert result.exit_code == 0, result.output
    assert "1000 files: 1000 ingested, 0 unchanged, 0 failed" in result.output
    counts = {row["what"]: row["count"] for row in json.loads(run(home, "stats", "--format", "json").output)}
    assert counts["sources"] == 1000
    indexed = sum(counts.get(kind, 0) for kind in INDEXED_TYPES)
    assert counts["index documents"] == indexed >= 1000
    again = run(home, "ingest", "--jobs", "2", str(papers))
    assert "1000 files: 0 ingested, 1000 unchanged, 0 failed" in again.output
