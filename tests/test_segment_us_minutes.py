"""Minutes as US cities print them: a titled heading, a roll-call table, votes by name."""

from textwrap import dedent

from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.model import ExtractedText, Line

MINUTES = """
    EAST PALO ALTO
    PLANNING COMMISSION
    REGULAR MEETING MINUTES
    January 27, 2020, 7:00 p.m.
    EPA Government Center
    City Council Chamber
    1. CALL TO ORDER AND ROLL CALL
    The meeting was called to order by Commissioner Robert Sherrard at 7:07 p.m.
    Attendee Name Title Status Arrived
    Andrei Garcia Commissioner Late 7:08 p.m.
    Uriel Hernandez Commissioner Absent
    Robert Sherrard Commissioner Present
    Juan Mendez Alternate Present
    2. APPROVAL OF THE AGENDA
    RESULT: APPROVED [UNANIMOUS]
    MOTION BY: Mendez
    SECOND: Garcia
    AYES: Mendez, Garcia, Sherrard
    ABSENT: Hernandez
    3. SPECIAL PRESENTATIONS
    1. Election of Chair and Vice Chair
    Commissioner Garcia made a motion, seconded by Commissioner Mendez,
    to postpone the election to July 2020.
    RESULT: FAILED [1-2-0-1]
    MOTION BY: Garcia
    SECOND: Mendez
    AYES: Garcia
    NAYS: Sherrard, Mendez, Brown
    ABSENT: Hernandez
    4. ADJOURNMENT
    The meeting was adjourned at 7:48 p.m.
"""


def extract():
    lines = [Line(n, 1, t) for n, t in enumerate(dedent(MINUTES).strip().split("\n"), 1)]
    meetings, records = extract_records(ExtractedText("pdf", lines), "epa.pdf", "a" * 64)
    return meetings, records


def of_type(records, kind):
    return [r for r in records if r.type == kind]


def test_titled_heading_gives_the_body_date_time_and_place():
    meetings, _ = extract()
    assert [(m.committee, m.date, m.time) for m in meetings] == [("Planning Commission", "2020-01-27", "19:00")]
    assert meetings[0].venue == "EPA Government Center, City Council Chamber"


def test_numbered_items_skip_the_sub_items():
    _, records = extract()
    assert [(i.number, i.title) for i in of_type(records, "minute_item")] == [
        ("1", "CALL TO ORDER AND ROLL CALL"), ("2", "APPROVAL OF THE AGENDA"),
        ("3", "SPECIAL PRESENTATIONS"), ("4", "ADJOURNMENT"),
    ]


def test_roll_call_table_gives_attendance_with_absent_kept_apart():
    _, records = extract()
    people = {(a.name, a.status, a.role) for a in of_type(records, "attendance")}
    assert people == {
        ("Andrei Garcia", "present", "Commissioner"), ("Uriel Hernandez", "absent", "Commissioner"),
        ("Robert Sherrard", "present", "Commissioner"), ("Juan Mendez", "present", "Alternate"),
    }


def test_votes_by_name_with_stated_tally_and_mismatch_flag():
    _, records = extract()
    unanimous, failed = of_type(records, "vote")
    assert (unanimous.minute, unanimous.result, unanimous.for_) == ("2", "carried", None)
    assert unanimous.names_for == ["Mendez", "Garcia", "Sherrard"]
    assert unanimous.motion == "APPROVAL OF THE AGENDA"
    assert (failed.minute, failed.result, failed.for_, failed.against, failed.abstain) == ("3", "lost", 1, 2, 0)
    assert failed.names_against == ["Sherrard", "Mendez", "Brown"]
    assert failed.count_mismatch  # the tally says 2 against, the list names 3
    assert failed.motion.startswith("Commissioner Garcia made a motion")
