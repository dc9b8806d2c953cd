"""Hostile input for ingest, generated here: a bounded cost per file, and one
bad file never stalls the batch (issue 14).

Each command runs in its own interpreter with a timeout, so a regression (a
FIFO blocking for ever, a quadratic parse) fails its test instead of hanging
the suite; the timeouts guard against hangs and assert no speed.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest

from councilpapers.ingest.extractors.people import find_people
from councilpapers.ingest.model import Line
from councilpapers.ingest.parallel import MIN_ITEMS_FOR_A_POOL, map_unordered
from councilpapers.ingest.readers.text import plausible_markers, read_text

HANG_GUARD = 60  # seconds: far over what any of these takes, far under for ever
MINUTES = (
    "MINUTES of a meeting of the Parish Council held on 18 March 2014\n\n"
    "1. Apologies\n\nApologies were received from Cllr Smith.\n"
)


def cli(home: Path, *args: str, timeout: float = HANG_GUARD) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "councilpapers.cli", "--home", str(home), *args],
        capture_output=True, text=True, timeout=timeout,
    )


def errors(result: subprocess.CompletedProcess) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("error: ")]


def error_for(result: subprocess.CompletedProcess, name: str) -> str:
    found = [line for line in errors(result) if f"/{name}: " in line]
    assert len(found) == 1, (name, result.stderr)
    return found[0]


def failed_sources(home: Path) -> int:
    result = cli(home, "stats", "--format", "json")
    assert result.returncode == 0, result.stderr
    return {row["what"]: row["count"] for row in json.loads(result.stdout)}["sources failed"]


def papers_with_good_file(tmp_path: Path) -> Path:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "good.txt").write_text(MINUTES)
    return papers


# --- files that are no regular files, or fail before reading ----------------------


def test_a_fifo_and_an_endless_device_are_skipped_and_the_batch_goes_on(tmp_path):
    papers = papers_with_good_file(tmp_path)
    os.mkfifo(papers / "stuck.txt")
    (papers / "zero.txt").symlink_to("/dev/zero")
    result = cli(tmp_path / "home", "ingest", "--jobs", "1", str(papers))
    assert result.returncode == 1, result.stderr
    assert "3 files: 1 ingested, 0 unchanged, 2 failed" in result.stdout
    assert "not a regular file" in error_for(result, "stuck.txt")
    assert "not a regular file" in error_for(result, "zero.txt")
    assert "Traceback" not in result.stderr


def test_a_fifo_named_on_the_command_line_is_skipped(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = cli(tmp_path / "home", "ingest", str(fifo))
    assert result.returncode == 1
    assert "named pipe" in error_for(result, "pipe.txt")


def test_files_that_fail_before_reading_are_failed_sources(tmp_path):
    papers = papers_with_good_file(tmp_path)
    (papers / "loop-a.txt").symlink_to(papers / "loop-b.txt")
    (papers / "loop-b.txt").symlink_to(papers / "loop-a.txt")
    (papers / "dangling.txt").symlink_to(papers / "gone.txt")
    home = tmp_path / "home"
    result = cli(home, "ingest", str(papers))
    assert result.returncode == 1
    assert "4 files: 1 ingested, 0 unchanged, 3 failed" in result.stdout
    assert "symbolic link loop" in error_for(result, "loop-a.txt")
    assert "no such file" not in error_for(result, "loop-a.txt")
    assert "dangling symbolic link" in error_for(result, "dangling.txt")
    assert failed_sources(home) == 3
    # Named on the command line, a loop is still no missing file.
    again = cli(home, "ingest", str(papers / "loop-a.txt"))
    assert "symbolic link loop" in error_for(again, "loop-a.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_a_failed_source(tmp_path):
    papers = papers_with_good_file(tmp_path)
    secret = papers / "secret.txt"
    secret.write_text(MINUTES)
    secret.chmod(0)
    home = tmp_path / "home"
    result = cli(home, "ingest", str(papers))
    assert "permission denied" in error_for(result, "secret.txt")
    assert failed_sources(home) == 1


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(tmp_path):
    papers = papers_with_good_file(tmp_path)
    (papers / "junk\nerror: forged.txt").write_bytes(bytes(range(256)) * 8)
    (papers / "fine\nname.txt").write_text(MINUTES.replace("Smith", "Jones"))
    result = cli(tmp_path / "home", "ingest", str(papers))
    assert result.returncode == 1
    lines = errors(result)
    assert len(lines) == 1, result.stderr
    assert "junk\\nerror: forged.txt: binary data" in lines[0]
    assert "3 files: 2 ingested, 0 unchanged, 1 failed" in result.stdout


# --- quadratic cases -------------------------------------------------------------------


def test_deep_nesting_and_huge_tags_are_refused_with_a_reason(tmp_path):
    papers = papers_with_good_file(tmp_path)
    depth = 100_000
    (papers / "nested.html").write_text(
        "<html><body>" + "<div>" * depth + "Minutes" + "</div>" * depth + "</body></html>")
    attributes = " ".join(f"a{n}=x" for n in range(200_000))
    (papers / "attributes.html").write_text(f"<html><body><p {attributes}>Minutes</p></body></html>")
    result = cli(tmp_path / "home", "ingest", "--jobs", "1", str(papers))
    assert result.returncode == 1, result.stderr
    assert "3 files: 1 ingested, 0 unchanged, 2 failed" in result.stdout
    assert "nested" in error_for(result, "nested.html")
    assert "attributes" in error_for(result, "attributes.html")


def test_an_ordinary_web_page_is_no_hostile_one(tmp_path):
    page = tmp_path / "minutes.html"
    rows = "".join(f"<tr><td>{n}.</td><td><p class='x' id='i{n}'>Item {n}</p></td></tr>" for n in range(1, 400))
    page.write_text(f"<html><body><div><main><h1>Minutes</h1><table>{rows}</table></main></div></body></html>")
    from councilpapers.ingest.readers import read_file

    assert [line.text for line in read_file(page).lines][:2] == ["Minutes", "1. Item 1"]


def test_twenty_thousand_page_markers_are_read_in_one_pass(tmp_path):
    pack = tmp_path / "pack.txt"
    pack.write_text("".join(f"Line of the minutes on page {n}\nPage {n}\n" for n in range(1, 20_001)))
    result = cli(tmp_path / "home", "ingest", "--jobs", "1", str(pack))
    assert result.returncode == 0, result.stderr
    assert "1 file: 1 ingested" in result.stdout


def chain_by_pairs(markers: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest-chain rule of `plausible_markers` as written first: every pair
    compared (quadratic), the first longest chain, each marker's earliest best
    predecessor. The reference the fast version must agree with."""
    def follows(earlier, later):
        return 0 < later[1] - earlier[1] <= later[0] - earlier[0]

    best = []
    for i, marker in enumerate(markers):
        length, previous = (1, None) if follows((-1, 0), marker) else (0, None)
        for j in range(i):
            if best[j][0] and best[j][0] + 1 > length and follows(markers[j], marker):
                length, previous = best[j][0] + 1, j
        best.append((length, previous))
    if not best or max(length for length, _ in best) == 0:
        return []
    node = max(range(len(best)), key=lambda i: best[i][0])
    chain = []
    while node is not None:
        chain.append(markers[node])
        node = best[node][1]
    return chain[::-1]


def test_page_markers_fuzzed_against_the_pairwise_rule():
    rng = random.Random(14)
    for _ in range(400):
        count = rng.randrange(0, 40)
        indices = sorted(rng.sample(range(200), count))
        pages = [rng.choice([rng.randrange(0, 60), n // 4 + rng.randrange(-2, 3)]) for n in indices]
        markers = list(zip(indices, pages))
        assert plausible_markers(markers) == chain_by_pairs(markers), markers


# --- memory and spaCy's length limit ---------------------------------------------------


def bomb_pdf(decompressed: int) -> bytes:
    """A one-page PDF whose content stream is deflated twice: a few KB that
    inflate to `decompressed` bytes of spaces after the page's text."""
    inner = zlib.compressobj(1)
    block = b" " * (1 << 20)
    stream = inner.compress(b"BT /F1 12 Tf 72 720 Td (Minutes of the meeting) Tj ET\n")
    stream += b"".join(inner.compress(block) for _ in range(decompressed >> 20)) + inner.flush()
    data = zlib.compress(stream, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter [/FlateDecode /FlateDecode] >>\nstream\n" % len(data) + data + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, 1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(pdf)


@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as Linux has them")
def test_a_pdf_that_inflates_past_the_memory_bound_fails_alone(tmp_path):
    papers = papers_with_good_file(tmp_path)
    bomb = bomb_pdf(1 << 30)
    assert len(bomb) < 20_000
    (papers / "bomb.pdf").write_bytes(bomb)
    result = cli(tmp_path / "home", "ingest", "--jobs", "1", "--file-memory", "256", str(papers))
    assert result.returncode == 1, result.stderr
    assert "2 files: 1 ingested, 0 unchanged, 1 failed" in result.stdout
    assert "memory" in error_for(result, "bomb.pdf")


def test_people_are_found_in_text_over_spacys_length_limit():
    filler = "The committee noted the report on the highways budget for the coming year. " * 4
    lines = [Line(1, 1, "Mr P J Oakford, Cabinet Member for Finance, introduced the item.")]
    lines += [Line(n, 1 + n // 40, filler) for n in range(2, 3600)]
    lines.append(Line(3600, 91, "Mrs S Chandler, Democratic Services Officer, took the minutes."))
    assert sum(len(line.text) for line in lines) > 1_000_000
    names = [mention.name for mention in find_people(lines)]
    assert names[0] == "Mr P J Oakford" and names[-1] == "Mrs S Chandler"


# --- encodings -------------------------------------------------------------------------


def test_shift_jis_text_is_detected_and_said_so(tmp_path):
    paper = tmp_path / "minutes.txt"
    paper.write_bytes("議事録\n\n委員会は報告書を承認した。予算について議論した。\n".encode("shift_jis") * 20)
    extracted = read_text(paper)
    assert extracted.lines[1].text == "委員会は報告書を承認した。予算について議論した。"
    assert any("encoding guessed as SHIFT-JIS" in warning for warning in extracted.warnings)


def test_windows_1252_pounds_and_quotes_are_read_without_doubt(tmp_path):
    paper = tmp_path / "minutes.txt"
    paper.write_bytes("The Council’s budget of £1.2m was agreed – “unanimously”.\n".encode("cp1252") * 30)
    extracted = read_text(paper)
    assert extracted.lines[0].text == "The Council’s budget of £1.2m was agreed – “unanimously”."
    assert not any("encoding" in warning for warning in extracted.warnings)


# --- the per-file time limit -------------------------------------------------------------


def slow_unless_quick(item: str) -> str:
    """Module-level, so worker processes can import it. "sleeps" overruns in
    Python; "blocks" spins deaf to the alarm, as a loop stuck in C is."""
    if item == "sleeps":
        time.sleep(600)
    if item == "blocks":
        signal.signal(signal.SIGALRM, signal.SIG_IGN)
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            pass
    return item.upper()


def mapped_within(guard: float, *args, **options) -> dict:
    """map_unordered's results, failing (not hanging) when it does not finish."""
    results: dict = {}
    thread = threading.Thread(target=lambda: results.update(map_unordered(*args, **options)), daemon=True)
    thread.start()
    thread.join(guard)
    assert not thread.is_alive(), "the batch did not finish"
    return results


@pytest.mark.parametrize("count", [1, MIN_ITEMS_FOR_A_POOL * 2])  # one process, then a pool
def test_a_file_over_the_time_limit_fails_and_the_batch_goes_on(count):
    items = [f"a{n}" for n in range(count)] + ["sleeps", "blocks"] + [f"b{n}" for n in range(count)]
    results = mapped_within(HANG_GUARD, slow_unless_quick, items, 2,
                            on_crash=lambda item: "crashed", on_timeout=lambda item: "timed out", time_limit=1)
    assert results.pop("sleeps") == "timed out"
    assert results.pop("blocks") == "timed out"
    assert results == {item: item.upper() for item in items if item not in ("sleeps", "blocks")}


def test_the_file_timeout_option_wants_a_positive_number(tmp_path):
    result = cli(tmp_path / "home", "ingest", "--file-timeout", "0", str(tmp_path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
