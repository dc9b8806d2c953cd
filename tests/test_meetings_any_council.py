"""Meetings and those present as councils other than Kent head their minutes:
a heading sentence set in capitals under the council's banner, a committee
named in it, Scottish "Sederunt" for those present."""

from pdf_factory import Piece, make_layout_pdf

from councilpapers.corpus.records import Attendance
from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.readers import read_file


def records_of(path):
    meetings, records = extract_records(read_file(path), path.name, "c" * 64)
    return meetings, records


def test_a_committee_named_in_a_heading_in_capitals_under_the_councils_banner(tmp_path):
    paper = tmp_path / "planning-minutes.pdf"
    paper.write_bytes(make_layout_pdf([[
        Piece("NORTH TAMAR DISTRICT COUNCIL", bold=True, size=14, align="C"),
        Piece("MINUTES OF A MEETING OF THE PLANNING COMMITTEE HELD AT THE CIVIC CENTRE ON WEDNESDAY, "
              "5 FEBRUARY 2025 AT 10.00 AM", bold=True),
        Piece("PRESENT: Councillors Bushell (Chair), Clayton, Croft and Leaver."),
        Piece("PL.101 APOLOGIES FOR ABSENCE", bold=True),
        Piece("Apologies for absence were received from Councillor Lane."),
        Piece("PL.102 APPLICATION 78432 - LAND AT HIGHER MILL", bold=True),
        Piece("RESOLVED that the application be refused."),
    ]]))
    meetings, records = records_of(paper)
    assert [(m.committee, str(m.date)) for m in meetings] == [("Planning Committee", "2025-02-05")]
    present = [a.name for a in records if isinstance(a, Attendance) and a.status == "present"]
    assert present == ["Councillor Bushell", "Councillor Clayton", "Councillor Croft", "Councillor Leaver"]


def test_the_parish_council_of_the_sentence_is_the_one_its_banner_names(tmp_path):
    paper = tmp_path / "parish-minutes.txt"
    paper.write_text("THORNLEY PARISH COUNCIL\n"
                     "MINUTES OF THE MEETING OF THE PARISH COUNCIL HELD ON 4 MARCH 2025 AT 7.30PM\n"
                     "Present: Cllr A Bell (Chair), Cllr C Dunn\n\n1. Apologies\nNone.\n")
    meetings, _ = records_of(paper)
    assert [m.committee for m in meetings] == ["Thornley Parish Council"]


def test_sederunt_lists_those_present(tmp_path):
    paper = tmp_path / "community-council-minutes.txt"
    paper.write_text(
        "GLENLIVET COMMUNITY COUNCIL\n\n"
        "Minutes of Meeting held in the Public Hall on Monday 13th January 2025 at 7pm\n\n"
        "Sederunt: Ian Grant (Chair), Morag Duncan (Secretary), Fiona Macleod\n"
        "Apologies: Jean Paterson\n\n"
        "1. Welcome\nThe Chair welcomed everyone.\n\n2. Treasurer's Report\nIt was agreed to pay the hall invoice.\n"
    )
    _, records = records_of(paper)
    attendance = {(a.name, a.status) for a in records if isinstance(a, Attendance)}
    assert attendance == {("Ian Grant", "present"), ("Morag Duncan", "present"), ("Fiona Macleod", "present"),
                          ("Jean Paterson", "apologies")}
