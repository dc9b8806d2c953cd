"""Actions across meetings of one body: due dates "at the next meeting" dated by
the next meeting in the store, matters-arising paragraphs and action-log rows
linked to the earlier actions they report on, status histories with cites,
and the `actions --open / --overdue / --owner` register over them. Made-up
minutes of made-up councils, ingested one file at a time in either order."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from textwrap import dedent

import pytest
from helpers import run
from pdf_factory import write_pdf

from councilpapers.corpus.action_status import minute_refs, paragraphs, progress_of
from councilpapers.corpus.home import Home
from councilpapers.corpus.store import Store
from councilpapers.workflow import run_ingest

HEAD = """\
ASHBURY PARISH COUNCIL

Minutes of the Meeting of Ashbury Parish Council held on {day} at 7.30 pm in the Village Hall

Present: Cllr Ruth Hollins (Chair), Cllr Daniel Okafor, Cllr Priya Venn
In attendance: Mrs Janet Lowe (Clerk)
"""
JANUARY = HEAD.format(day="Tuesday 14th January 2025") + """
1/25 Apologies for absence
None.

2/25 Footpath by the allotments
The overgrown hedge along the footpath was reported. The Clerk to write to the landowner about cutting back the hedge by March 2025.

3/25 Bus shelter
Cllr Okafor undertook to obtain quotes for repairing the bus shelter roof and report back to the next meeting.

4/25 Grit bins
The Clerk to order two new grit bins for Mill Lane within 28 days.
"""
# The March minutes come as a PDF: two pages, the matters arising on the second.
MARCH_PAGES = [
    [line for line in HEAD.format(day="Tuesday 11th March 2025").splitlines() if line] + [
        "6/25 Apologies for absence", "None."],
    ["7/25 Matters arising from the minutes of 14th January 2025",
     "Minute 2/25: the letter to the landowner about the hedge along the",
     "footpath has been sent.",
     "Minute 3/25: quotes for the bus shelter roof repair are still awaited; carried forward.",
     "Grit bins for Mill Lane: ordered and delivered, completed.",
     "8/25 Village green",
     "Cllr Venn agreed to ask the school about a tree planting day by 31 May 2025."],
]
MAY = HEAD.format(day="Tuesday 13th May 2025") + """
10/25 Apologies for absence
None.

11/25 Matters arising
Bus shelter roof: Cllr Okafor reported that two quotes had been received and the repair is done.

12/25 Defibrillator
The Clerk to arrange training on the defibrillator within two weeks.
"""


@pytest.fixture
def papers(tmp_path) -> dict[str, Path]:
    folder = tmp_path / "papers"
    folder.mkdir()
    january = folder / "ashbury-2025-01-14-minutes.txt"
    january.write_text(JANUARY)
    march = write_pdf(folder / "ashbury-2025-03-11-minutes.pdf", MARCH_PAGES)
    may = folder / "ashbury-2025-05-13-minutes.txt"
    may.write_text(MAY)
    return {"january": january, "march": march, "may": may}


def ingest(home: Path, *paths: Path) -> None:
    for path in paths:  # one run each: every file arrives after the others are stored
        report = run_ingest(home, [path], jobs=1, ocr=False)
        assert not report.failures, report.failures


def rows_of(home: Path, *args: str) -> list[dict]:
    result = run(home, "actions", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def by_task(rows: list[dict]) -> dict[str, dict]:
    return {row["description"].split(" ")[0] + " " + row["description"].split(" ")[1]: row for row in rows}


@pytest.mark.parametrize("order", [("january", "march", "may"), ("may", "march", "january")])
def test_due_dates_links_and_histories_whatever_order_the_files_come_in(tmp_path, papers, order):
    home = tmp_path / "home"
    ingest(home, *(papers[name] for name in order))
    rows = by_task(rows_of(home))

    hedge, shelter, grit = rows["write to"], rows["obtain quotes"], rows["order two"]
    assert (hedge["due"], hedge["due_text"]) == ("2025-03-31", "by March 2025")  # a month: its last day
    assert (grit["due"], grit["due_text"]) == ("2025-02-11", "within 28 days")
    assert (rows["arrange training"]["due"], rows["arrange training"]["due_text"]) == ("2025-05-27", "within two weeks")
    assert (shelter["due"], shelter["due_text"]) == ("2025-03-11", "to the next meeting")
    assert shelter["due_meeting"] == "mtg-2025-03-11-ashbury-parish-council"

    assert [(h["status"], h["date"]) for h in shelter["history"]] == [
        ("open", "2025-01-14"), ("carried forward", "2025-03-11"), ("done", "2025-05-13")]
    assert [(h["status"], h["words"]) for h in hedge["history"]] == [("open", None), ("done", "has been sent")]
    assert [(h["status"], h["words"]) for h in grit["history"]] == [("open", None), ("done", "completed")]
    reported = hedge["history"][1]
    assert reported["meeting"] == "mtg-2025-03-11-ashbury-parish-council"
    assert Path(reported["source"]).name == "ashbury-2025-03-11-minutes.pdf" and reported["page"] == 2
    assert reported["line"] and reported["cite"].startswith("p. 2 ")
    assert shelter["history"][0]["source"].endswith("ashbury-2025-01-14-minutes.txt")
    assert {r["progress"] for r in (hedge, shelter, grit)} == {"done"}
    assert rows["ask the"]["progress"] == "open" and rows["ask the"]["history"][0]["date"] == "2025-03-11"


def test_a_next_meeting_ingested_later_dates_the_earlier_action(tmp_path, papers):
    home = tmp_path / "home"
    ingest(home, papers["january"])
    shelter = by_task(rows_of(home))["obtain quotes"]
    assert (shelter["due"], shelter["due_text"], shelter["progress"]) == (None, "to the next meeting", "open")
    ingest(home, papers["may"])  # not the next meeting yet: March is missing
    assert by_task(rows_of(home))["obtain quotes"]["due"] == "2025-05-13"
    ingest(home, papers["march"])
    shelter = by_task(rows_of(home))["obtain quotes"]
    assert shelter["due"] == "2025-03-11" and shelter["progress"] == "done"


def test_open_overdue_and_owner_on_the_register(tmp_path, papers):
    home = tmp_path / "home"
    ingest(home, papers["january"], papers["march"], papers["may"])

    still_open = rows_of(home, "--open")
    assert [r["description"][:16] for r in still_open] == ["arrange training", "ask the school a"]
    overdue = rows_of(home, "--overdue", "--as-of", "2025-06-01")
    assert [(r["due"], r["date"]) for r in overdue] == [("2025-05-27", "2025-05-13"), ("2025-05-31", "2025-03-11")]
    assert all(r["cite"] and r["meeting"] and r["date"] for r in overdue)
    assert rows_of(home, "--overdue", "--as-of", "2025-05-28") == overdue[:1]

    clerk = rows_of(home, "--owner", "Clerk")
    assert [r["due"] for r in clerk] == ["2025-02-11", "2025-03-31", "2025-05-27"]  # by due date
    assert {r["owner"] for r in clerk} == {"the Clerk"}
    assert rows_of(home, "--owner", "Janet Lowe") == clerk  # the person who was Clerk
    assert rows_of(home, "--owner", "Mrs J. Lowe") == clerk
    assert [r["owner"] for r in rows_of(home, "--owner", "Daniel Okafor")] == ["Cllr Okafor"]
    assert rows_of(home, "--owner", "Clerk", "--open") == clerk[2:]

    table = run(home, "actions", "--overdue", "--as-of", "2025-06-01")
    assert table.exit_code == 0 and "2025-05-27" in table.output and "obtain quotes" not in table.output
    csv = run(home, "actions", "--owner", "Okafor", "--format", "csv").output.splitlines()
    assert csv[0].startswith("due,due_text,due_meeting,date,committee,meeting")
    assert "carried forward 2025-03-11" in csv[1] and "done 2025-05-13" in csv[1]
    assert run(home, "actions", "--as-of", "June").exit_code == 2

    shelter = by_task(rows_of(home, "--owner", "Okafor"))["obtain quotes"]
    shown = run(home, "show", shelter["id"]).output
    assert "(due 2025-03-11, done)" in shown
    assert "2025-03-11  carried forward (carried forward)  [p. 2 " in shown


HILLCREST = """\
HILLCREST TOWN COUNCIL

Minutes of the meeting of the Environment Committee held on {day} at 7.00 pm at the Town Hall

Present: Councillor Maria Stone (Chairman), Councillor Tom Reeve, Councillor Alan Price
Also present: Mr Peter Quill (Town Clerk)
"""


def test_action_log_rows_report_on_earlier_actions_of_the_same_body_only(tmp_path):
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / "env-2025-02-05.txt").write_text(HILLCREST.format(day="Wednesday 5th February 2025") + dedent("""
        12. Litter picking
        The Town Clerk to book the skip for the spring litter pick by 31 March 2025.

        13. Allotment water supply
        Councillor Reeve undertook to investigate the leaking water trough at the allotments for the next meeting.
        """))
    (folder / "env-2025-04-02.txt").write_text(HILLCREST.format(day="Wednesday 2nd April 2025") + dedent("""
        20. Action log
        ACTION – Town Clerk to book the skip for the spring litter pick. Done.
        ACTION – Councillor Reeve to investigate the leaking allotment water trough. Not yet completed.
        """))
    # Another body of another council, later, with the same task in its own minutes.
    (folder / "other-2025-03-01.txt").write_text(dedent("""\
        BROOKFIELD PARISH COUNCIL

        Minutes of the Meeting of Brookfield Parish Council held on Saturday 1st March 2025 at 10.00 am in the Pavilion

        Present: Cllr Ann Lee (Chair), Cllr Bob Marsh

        5. Action list
        The skip for the spring litter pick has been booked, completed.
        """))
    home = tmp_path / "home"
    ingest(home, *sorted(folder.iterdir(), reverse=True))
    rows = rows_of(home)
    skip = next(r for r in rows if r["date"] == "2025-02-05" and "skip" in r["description"])
    trough = next(r for r in rows if r["date"] == "2025-02-05" and "trough" in r["description"])
    assert [(h["status"], h["date"]) for h in skip["history"]] == [("open", "2025-02-05"), ("done", "2025-04-02")]
    assert [(h["status"], h["words"]) for h in trough["history"]] == [("open", None),
                                                                      ("in progress", "Not yet completed")]
    assert trough["due"] == "2025-04-02"
    restated = [r for r in rows if r["date"] == "2025-04-02"]
    assert {r["reports_on"] for r in restated} == {skip["id"], trough["id"]}
    assert {r["progress"] for r in restated} == {"done", "in progress"}
    assert [r["id"] for r in rows_of(home, "--open")] == [trough["id"]]  # restated rows are not listed again


def test_a_store_of_the_old_schema_opens_and_gets_the_facts(tmp_path, papers):
    home = tmp_path / "home"
    ingest(home, papers["january"], papers["march"])
    path = Home.locate(home).store_path
    db = sqlite3.connect(path)
    db.executescript("DROP TABLE action_facts; DROP TABLE action_history; DROP TABLE action_facts_stale;")
    db.close()
    store = Store(path)
    try:
        facts = store.action_facts()
    finally:
        store.close()
    shelter = next(f for f in facts.values() if f.due_meeting)
    assert (shelter.due, shelter.status) == ("2025-03-11", "carried forward")
    assert len(rows_of(home, "--open")) == 2


def test_what_a_report_says_of_an_action():
    assert progress_of("the letter has been sent.") == ("done", "has been sent")
    assert progress_of("quotes are still awaited; carried forward.") == ("carried forward", "carried forward")
    assert progress_of("Work not yet completed") == ("in progress", "not yet completed")
    assert progress_of("Survey - c/f") == ("carried forward", "c/f")
    assert progress_of("Closed.") == ("done", "Closed")
    assert progress_of("The Chair thanked everyone") == (None, None)


def test_numbered_paragraphs_run_together_in_one_line_are_apart():
    text = "4.12iii) The hedge was cut this spring. 4.12iv) Bins: awaited. Cllr Price\n5vii) Bench done."
    assert [p for _, p in paragraphs(text)] == [
        "4.12iii) The hedge was cut this spring.", "4.12iv) Bins: awaited. Cllr Price", "5vii) Bench done."]


def test_a_next_meeting_a_year_on_is_not_the_next_meeting(tmp_path, papers):
    """Meetings between are missing from the store: the due date stays unknown."""
    home = tmp_path / "home"
    late = papers["may"].with_name("ashbury-2026-05-12-minutes.txt")
    late.write_text(MAY.replace("Tuesday 13th May 2025", "Tuesday 12th May 2026"))
    ingest(home, papers["january"], late)
    shelter = by_task(rows_of(home))["obtain quotes"]
    assert (shelter["due"], shelter["due_text"]) == (None, "to the next meeting")


def test_paragraphs_and_the_minute_numbers_they_quote():
    text = "Minute 2/25: the letter about the hedge along the\nfootpath has been sent.\nBins: done.\n\n(14) Bench repaired"
    assert paragraphs(text) == [(0, "Minute 2/25: the letter about the hedge along the footpath has been sent."),
                                (2, "Bins: done."), (4, "(14) Bench repaired")]
    assert minute_refs("Min. 12 - noticeboard") == {"12"}
    assert minute_refs("3/25 - quotes awaited") == {"3/25"}
    assert minute_refs("14/037: Bench repaired") == {"14/037"}
    assert minute_refs("(14) Bench repaired") == frozenset()  # the paragraph's own number
    assert minute_refs("4. 4.12iii) Branches cut back") == frozenset()
    assert minute_refs("two quotes had been received by 3 March") == frozenset()
