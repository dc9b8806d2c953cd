"""Exempt (Part 2) business never leaves by default: not through search, the
registers (figures, actions, people and their roles, the glossary), `show` of
a meeting or of the record itself; `export` flags it on every record. And a
record's exempt status is a stored fact, spread at ingest to the same business
told again by another file of the meeting (and withdrawn with the file)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run

from councilpapers.corpus.home import Home
from councilpapers.corpus.store import Store

HEADER = """\
ASHCOMBE DISTRICT COUNCIL

MINUTES of a meeting of the Licensing Committee held at the Civic Centre, Ashcombe on Tuesday, 14 March 2023 at 7.00 pm

PRESENT: Councillor J Pennington (Chair), Councillor R Okafor and Councillor L Whitfield

12. Apologies for Absence

Apologies were received from Councillor M Dunmore.

13. Premises Licence Review - The Old Mill

The Committee considered the review of the premises licence for The Old Mill. The annual licence fee of £4,500 was noted.

RESOLVED that the licence be renewed.
"""
MOTION = """
14. Exclusion of the Press and Public

RESOLVED that under Section 100A(4) of the Local Government Act 1972 the press and public be excluded from the meeting for the following item of business on the grounds that it involves the likely disclosure of exempt information.
"""
PRIVATE = """
15. Staffing Matter in the Licensing Team

Mr Harold Quimby (Licensing Enforcement Officer) reported that a settlement of £38,250 had been agreed with the Regional Employment Tribunal Service (RETS).

RESOLVED that the settlement be approved.
"""
ACTION = """
ACTION: Mr Quimby to write to the employee by 31 March 2023.
"""
MINUTES = "ashcombe-licensing-2023-03-14-minutes.txt"
# The next meeting's pack prints the minutes again, without the motion.
PACK = "ashcombe-licensing-2023-06-20-agenda-pack.txt"


def ok(home: Path, *args: str):
    result = run(home, *args)
    assert result.exit_code == 0, result.output
    return result


def as_json(home: Path, *args: str):
    return json.loads(ok(home, *args, "--format", "json").stdout)


def exported(home: Path) -> list[dict]:
    return [json.loads(line) for line in ok(home, "export").stdout.splitlines()]


@pytest.fixture
def papers(tmp_path) -> Path:
    folder = tmp_path / "papers"
    folder.mkdir()
    (folder / MINUTES).write_text(HEADER + MOTION + PRIVATE + ACTION, encoding="utf-8")
    return folder


@pytest.fixture
def home(tmp_path, papers) -> Path:
    home = tmp_path / "home"
    ok(home, "ingest", str(papers / MINUTES))
    return home


def test_export_flags_every_record_and_the_business_under_the_motion(home):
    records = exported(home)
    placed = [r for r in records if "source" in r and r["type"] not in ("source", "document")]
    assert placed and all(isinstance(r.get("exempt"), bool) for r in placed)
    exempt = {(r["type"], r.get("title") or r.get("text") or r.get("short")) for r in records if r.get("exempt")}
    assert ("minute_item", "Staffing Matter in the Licensing Team") in exempt
    assert ("figure", "£38,250") in exempt and ("acronym", "RETS") in exempt
    assert any(kind == "resolution" for kind, _ in exempt) and any(kind == "action" for kind, _ in exempt)
    assert not any(r.get("exempt") for r in records if r.get("text") == "£4,500")


def test_registers_leave_exempt_business_out_unless_asked(home):
    assert as_json(home, "figures", "settlement") == []
    assert [f["text"] for f in as_json(home, "figures", "settlement", "--include-exempt")] == ["£38,250"]
    assert [f["text"] for f in as_json(home, "figures", "licence")] == ["£4,500"]
    assert as_json(home, "actions", "--owner", "Quimby") == []
    assert as_json(home, "actions", "--owner", "Quimby", "--include-exempt")
    assert run(home, "acronyms", "RETS").exit_code == 2
    assert as_json(home, "acronyms", "RETS", "--include-exempt")[0]["long"] == "Regional Employment Tribunal Service"


def test_a_role_learnt_only_in_private_is_not_shown(home):
    assert run(home, "people", "Quimby").exit_code == 2
    shown = ok(home, "people", "Quimby", "--include-exempt").output
    assert "Licensing Enforcement Officer" in shown
    assert "Pennington" in ok(home, "people", "Pennington").output


def test_show_says_a_record_is_exempt_and_a_meeting_leaves_it_out(home):
    private = next(r for r in exported(home) if r["type"] == "minute_item" and r["exempt"])
    said = ok(home, "show", private["id"]).output
    assert "exempt" in said and "£38,250" not in said
    assert as_json(home, "show", private["id"])["exempt"] is True
    shown = ok(home, "show", private["id"], "--include-exempt").output
    assert "£38,250" in shown and "(exempt)" in shown
    meeting = private["meeting"]
    assert "Staffing Matter" not in ok(home, "show", meeting).output
    assert "Staffing Matter" not in json.dumps(as_json(home, "show", meeting))
    assert "Staffing Matter in the Licensing Team (exempt)" in ok(home, "show", meeting, "--include-exempt").output


def test_search_hides_it_by_default(home):
    assert as_json(home, "search", "settlement") == []
    found = as_json(home, "search", "settlement", "--include-exempt")
    assert found and all(h["exempt"] for h in found)


def _copy_of_the_private_minute(home: Path) -> dict[tuple, bool]:
    """The exempt flag stored on each record of the pack's copy of the minutes."""
    store = Store(Home.locate(home).store_path)
    try:
        source = store.source_named(PACK)
        return {(r.type, getattr(r, "number", None) or getattr(r, "minute", None) or getattr(r, "text", None)
                 or getattr(r, "short", None)): r.exempt for r in store.records(source_id=source.id)}
    finally:
        store.close()


@pytest.mark.parametrize("pack_first", [False, True])
def test_the_same_minute_in_another_file_is_stored_exempt(tmp_path, papers, pack_first):
    (papers / PACK).write_text(HEADER + PRIVATE, encoding="utf-8")
    home = tmp_path / "home2"
    for name in ([PACK, MINUTES] if pack_first else [MINUTES, PACK]):
        ok(home, "ingest", str(papers / name))
    flags = _copy_of_the_private_minute(home)
    assert flags[("resolution", "15")] and flags[("figure", "£38,250")] and flags[("acronym", "RETS")]
    assert not flags[("resolution", "13")] and not flags[("figure", "£4,500")]
    # The index took the stored flag for the pack too, whichever file came first.
    found = as_json(home, "search", "settlement", "--include-exempt")
    assert {Path(s["source"]).name for h in found for s in h["sources"]} >= {PACK}
    assert all(h["exempt"] for h in found)
    assert as_json(home, "figures", "settlement") == []

    # The minutes re-issued without the motion: the copy is public again.
    (papers / MINUTES).write_text(HEADER + PRIVATE + ACTION, encoding="utf-8")
    ok(home, "ingest", str(papers))
    flags = _copy_of_the_private_minute(home)
    assert not flags[("resolution", "15")] and not flags[("figure", "£38,250")]
    assert {f["text"] for f in as_json(home, "figures", "settlement")} == {"£38,250"}


def test_spread_over_a_meetings_files_by_number_title_and_agenda_ref():
    from councilpapers.corpus.exempt import spread_exempt
    from councilpapers.corpus.records import AgendaItem, Figure, MinuteItem, Resolution

    meeting = "mtg-2024-02-06-planning"
    records = [
        MinuteItem("m1", "pack.pdf", 3, 40, exempt=True, meeting=meeting, number="7", title="Land at Bridge Farm",
                   end_line=52),
        Figure("f1", "pack.pdf", 3, 45, meeting=meeting, text="£1.2m"),
        Figure("f2", "pack.pdf", 3, 60, meeting=meeting, text="£300"),  # after the minute's last line
        MinuteItem("w1", "page.html", None, 10, meeting=meeting, number=None, title="Land at Bridge Farm"),
        MinuteItem("w2", "page.html", None, 30, meeting=meeting, number="8", title="Land at Bridge Farm"),
        Resolution("r1", "page.html", None, 12, meeting=meeting, item="w1", text="the offer be accepted"),
        AgendaItem("a1", "agenda.pdf", 1, 20, exempt=True, meeting=meeting, code="C2", title="Depot lease"),
        MinuteItem("m2", "minutes.pdf", 2, 70, meeting=meeting, number="9", agenda_ref="C2", title="Lease"),
        MinuteItem("m3", "minutes.pdf", 2, 90, meeting="mtg-2024-03-05-planning", number="7", title="Other"),
    ]
    spread_exempt(records)
    exempt = {r.id for r in records if r.exempt}
    # The unnumbered web copy by its title, its resolution, the figure on the minute's lines,
    # the minute of the exempt agenda item; not another number, nor another meeting's minute 7.
    assert exempt == {"m1", "f1", "w1", "r1", "a1", "m2"}
