"""The commands a clerk needs so that no id is guessed (meetings, committees,
the nearest ids), votes with their names (show, people, search), a meeting's
agenda, CSV export and the store's SQL views, stats by committee and year:
on the bundled samples and on small minutes written here, told twice."""

import csv
import io
import json
import sqlite3

import pytest
from helpers import run

MINUTES = """NORTHWOLD DISTRICT COUNCIL

MINUTES of a meeting of the Harbour Committee held at the Guildhall, Northwold on Thursday, 14 March 2024 at 7.00 pm

PRESENT: Councillor A Pike (Chair), Councillor B Trout, Councillor C Bream, Councillor D Perch, Councillor E Roach

Apologies: Councillor F Tench

1. Election of Chair

Councillor A Pike was elected Chair for the remainder of the municipal year.

2. Minutes

RESOLVED that the minutes of the meeting held on 8 February 2024 be approved.

3. Mooring Charges 2024/25

Councillor Trout moved that mooring charges rise by 5 per cent from 1 April 2024.
The motion was put to the vote.
For: Councillors Pike, Trout and Bream
Against: Councillors Perch and Roach
The motion was carried.

RESOLVED that mooring charges rise by 5 per cent from 1 April 2024.

4. Dredging Contract

Councillor Perch moved that the dredging contract be retendered.
For 2, Against 3, Abstentions 0
The motion was lost.
"""


@pytest.fixture(scope="module")
def harbour(tmp_path_factory):
    """A home with one meeting's minutes told by two files (the minutes, and the
    same minutes printed again with a signature line), and the meeting's id."""
    root = tmp_path_factory.mktemp("harbour")
    papers = root / "papers"
    papers.mkdir()
    (papers / "harbour-minutes.txt").write_text(MINUTES)
    (papers / "harbour-minutes-reprinted.txt").write_text(MINUTES + "\nSigned as a correct record.\n")
    home = root / "home"
    result = run(home, "ingest", str(papers))
    assert result.exit_code == 0, result.output
    (meeting,) = json.loads(run(home, "meetings", "--format", "json").output)
    return home, meeting["id"]


def _votes(home):
    return [json.loads(line) for line in run(home, "export", "--type", "vote").output.splitlines()]


# --- meetings and committees -------------------------------------------------------

def test_meetings_lists_each_meeting_with_its_counts_and_files(samples_home):
    result = run(samples_home, "meetings", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    stored = [json.loads(line) for line in run(samples_home, "export", "--type", "meeting").output.splitlines()]
    assert sorted(r["id"] for r in rows) == sorted(m["id"] for m in stored)
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    web = next(r for r in rows if r["id"] == "mtg-2016-05-26-corporate-parenting-panel")
    assert web["items"] > 0 and web["decisions"] > 0 and len(web["sources"]) >= 1
    front_sheet_only = next(r for r in rows if r["id"].startswith("mtg-2015-07-22"))
    assert front_sheet_only["items"] > 0  # the agenda's items, when no minutes are stored


def test_meetings_filter_by_committee_words_and_dates(samples_home):
    rows = json.loads(run(samples_home, "meetings", "--committee", "corporate parenting panel",
                          "--since", "2016", "--format", "json").output)
    assert rows and all(r["committee"] == "Corporate Parenting Panel" and r["date"] >= "2016" for r in rows)
    table = run(samples_home, "meetings", "--until", "2015-04").output
    assert "mtg-2015-04-09-corporate-parenting-panel" in table  # whole, ready for `show`
    assert "2016-" not in table


def test_committees_give_meetings_and_first_and_last_date(samples_home):
    rows = json.loads(run(samples_home, "committees", "--format", "json").output)
    meetings = json.loads(run(samples_home, "meetings", "--format", "json").output)
    for row in rows:
        own = sorted(m["date"] for m in meetings if m["committee"] == row["committee"])
        assert (row["meetings"], row["first"], row["last"]) == (len(own), own[0], own[-1])
    assert sum(r["meetings"] for r in rows) == len(meetings)


def test_show_of_an_unknown_id_names_the_nearest(samples_home):
    by_date = run(samples_home, "show", "mtg-2016-05-26")
    assert by_date.exit_code == 2
    assert "Nearest: mtg-2016-05-26-corporate-parenting-panel" in by_date.output
    misspelt = run(samples_home, "show", "mtg-2016-07-20-corporate-parentng-panel")
    assert "mtg-2016-07-20-corporate-parenting-panel" in misspelt.output
    assert "Traceback" not in misspelt.output


# --- votes ------------------------------------------------------------------------

def test_a_vote_told_by_two_copies_is_one_vote_with_both_places(harbour):
    home, _ = harbour
    votes = _votes(home)
    assert len(votes) == 2  # two votes, each stored twice
    named = next(v for v in votes if v["names_for"])
    assert len(named["attested_by"]) == 2
    assert named["names_against"] == ["Councillor Perch", "Councillor Roach"]


def test_show_of_a_vote_lists_motion_counts_and_each_list_of_names(harbour):
    home, _ = harbour
    named = next(v for v in _votes(home) if v["names_for"])
    out = run(home, "show", named["attested_by"][-1]["id"]).output
    assert out.count("Vote:") == 1, out
    assert "Councillor Trout moved that mooring charges rise" in out
    assert "for: Councillor Pike, Councillor Trout, Councillor Bream" in out
    assert "against: Councillor Perch, Councillor Roach" in out
    assert "For 3 named, Against 2 named — carried" in out
    counted = next(v for v in _votes(home) if v["for"] is not None)
    assert "For 2, Against 3, Abstain 0 — lost" in run(home, "show", counted["id"]).output


def test_show_of_a_meeting_gives_each_vote_once_and_its_unnumbered_items_in_place(harbour):
    home, meeting = harbour
    out = run(home, "show", meeting).output
    assert out.count("Vote:") == 2, out
    assert out.index("Apologies  [") < out.index("1. Election of Chair") < out.index("3. Mooring Charges")


def test_people_shows_how_a_person_voted(harbour):
    home, _ = harbour
    out = run(home, "people", "Perch").output
    assert "votes (1):" in out  # named in one vote; the other gives counts only
    assert "against  (carried)  Councillor Trout moved" in out
    (pike,) = json.loads(run(home, "people", "Pike", "--format", "json").output)
    assert [v["side"] for v in pike["votes"]] == ["for"]


def test_search_kind_vote_finds_a_vote_once_by_its_names(harbour):
    home, _ = harbour
    hits = json.loads(run(home, "search", "Roach", "--kind", "vote", "--format", "json").output)
    assert len(hits) == 1 and hits[0]["kind"] == "vote" and len(hits[0]["sources"]) == 2
    assert json.loads(run(home, "search", "kind:vote dredging", "--format", "json").output)[0]["minute"] == "4"


# --- a meeting's agenda -----------------------------------------------------------

def test_show_of_a_meeting_told_only_by_its_front_sheet_lists_the_agenda(samples_home):
    agenda = [json.loads(line) for line in run(samples_home, "export", "--type", "agenda_item").output.splitlines()]
    meeting = "mtg-2015-07-22-childrens-social-care-and-health-cabinet-committee"
    items = [a for a in agenda if a["meeting"] == meeting]
    out = run(samples_home, "show", meeting).output
    assert "Agenda:" in out
    for item in items:
        assert f"{item['code']}  {item['title']}" in out
    assert "(pages 33-38)" in out  # the item's pages in the pack


# --- export as CSV, the store's views, stats by committee -----------------------------

def test_export_csv_writes_one_file_per_type_and_one_type_to_stdout(harbour, tmp_path):
    home, meeting = harbour
    folder = tmp_path / "csv"
    result = run(home, "export", "--format", "csv", "--output", str(folder))
    assert result.exit_code == 0, result.output
    assert {"meeting.csv", "minute_item.csv", "vote.csv", "source.csv"} <= {p.name for p in folder.iterdir()}
    with (folder / "meeting.csv").open(encoding="utf-8") as stream:
        assert [row["id"] for row in csv.DictReader(stream)] == [meeting]
    votes = list(csv.DictReader(io.StringIO(run(home, "export", "--format", "csv", "--type", "vote").output)))
    assert len(votes) == 2 and {"for", "against", "names_for", "motion", "source", "page", "line"} <= set(votes[0])
    assert any(json.loads(v["names_for"]) == ["Councillor Pike", "Councillor Trout", "Councillor Bream"] for v in votes)
    everything = run(home, "export", "--format", "csv")
    assert everything.exit_code == 2 and "--output DIR" in everything.output
    assert "not a type" in run(home, "export", "--type", "ballot").output


def test_the_store_has_a_view_per_record_type_with_real_columns(harbour):
    home, _ = harbour
    db = sqlite3.connect(home / "councilpapers.sqlite")
    rows = db.execute('SELECT "for", against, abstain, result FROM votes WHERE minute = ? ORDER BY source', ("4",))
    assert rows.fetchall() == [(2, 3, 0, "lost")] * 2  # as each file tells it
    titles = {t for (t,) in db.execute("SELECT title FROM minute_items WHERE number IS NULL")}
    assert titles == {"Apologies"}
    assert db.execute("SELECT name FROM persons WHERE name LIKE '%Perch'").fetchone() == ("Councillor D Perch",)
    assert db.execute("SELECT COUNT(*) FROM attendance_records WHERE status = 'apologies'").fetchone()[0] == 2


def test_stats_by_committee_and_year(samples_home):
    rows = json.loads(run(samples_home, "stats", "--by", "committee", "--format", "json").output)
    meetings = json.loads(run(samples_home, "meetings", "--format", "json").output)
    assert sum(r["meetings"] for r in rows) == len(meetings)
    panel_2016 = next(r for r in rows if r["committee"] == "Corporate Parenting Panel" and r["year"] == "2016")
    assert panel_2016["meetings"] == sum(1 for m in meetings if m["committee"] == "Corporate Parenting Panel"
                                         and m["date"].startswith("2016"))
    assert panel_2016["items"] > 0 and panel_2016["decisions"] > 0


def test_an_exempt_vote_stays_out_of_every_view_unless_asked(tmp_path):
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "minutes.txt").write_text(MINUTES + """
5. Exclusion of the Press and Public

RESOLVED that under Section 100A of the Local Government Act 1972 the press and public be excluded for the following item on the grounds that it involves the likely disclosure of exempt information.

6. Sale of the Old Boathouse

Councillor Roach moved that the boathouse be sold to the highest bidder.
For: Councillors Roach and Perch
Against: Councillors Pike, Trout and Bream
The motion was lost.
""")
    home = tmp_path / "home"
    assert run(home, "ingest", str(papers)).exit_code == 0
    assert "boathouse" not in run(home, "people", "Roach").output
    assert "for  (lost)  Councillor Roach moved that the boathouse" in run(home, "people", "Roach", "--include-exempt").output
    public, everything = (json.loads(run(home, "meetings", *flag, "--format", "json").output)[0]
                          for flag in ((), ("--include-exempt",)))
    assert everything["decisions"] > public["decisions"] and everything["items"] > public["items"]
    assert json.loads(run(home, "search", "boathouse", "--kind", "vote", "--format", "json").output) == []
    (stats,) = json.loads(run(home, "stats", "--by", "committee", "--format", "json").output)
    assert stats["decisions"] == public["decisions"]
