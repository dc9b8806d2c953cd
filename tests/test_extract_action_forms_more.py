"""Actions on minutes of councils no rule was written for, in the forms that
go wrong on unseen papers: the mover and seconder of a motion taken for its
owner, two people in one sentence, initials in an owner column, headings and
body names beside an owner cell, Welsh notes, and a request minuted as a
promise or as a resolution. Every wording and layout here is made up."""


from helpers import as_lines
from pdf_factory import Piece, make_layout_pdf

from councilpapers.corpus.records import Action, Attendance
from councilpapers.ingest.extractors.action_owners import People, split_owners
from councilpapers.ingest.extractors.actions import find_actions
from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.readers import read_file


def actions(text: str, attendees=()):
    lines = as_lines(text)
    return find_actions(lines, 0, len(lines), attendees)


def pairs(found):
    return [(a.owner, a.description) for a in found]


def present(name, role=None):
    return Attendance(name=name, role=role, status="present")


def minutes_actions(tmp_path, rows):
    """The actions the whole pipeline finds in a one-page PDF of parish minutes
    whose items are `rows` (a Piece or Pieces side by side a line)."""
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_layout_pdf([[
        Piece("FERNDALE PARISH COUNCIL", bold=True, align="C"),
        Piece("Minutes of the meeting held on 3 July 2024", bold=True, align="C"),
        Piece("Present: Cllr Carol Mason (Chair), Cllr Mark Lloyd, Cllr Jane Bright, Cllr Kevin Long"),
        Piece("In attendance: Sarah Pike (Clerk)"),
        Piece("1. Apologies", bold=True),
        Piece("None were received."),
        *rows,
    ]]))
    _, records = extract_records(read_file(path), path.name, "0" * 64)
    return [r for r in records if isinstance(r, Action)]


# --- 1. who moved or seconded a motion owns no decision ----------------------------------


def test_a_motion_agreed_after_its_mover_and_seconder_is_no_action():
    found = actions("""
        Proposed by Cllr Hughes, seconded by Cllr Patel and agreed to approve the payments listed.
        Cllr Hughes proposed, Cllr Patel seconded and it was agreed to appoint Mrs Lane as internal auditor.
        Cllr Hughes proposed to appoint Mrs Lane as internal auditor; this was seconded by Cllr Patel.
        Proposed: Cllr Ward to adopt the revised Standing Orders. Seconded: Cllr Bell.
        Cllr Rees agreed to approve the invoice from Vale Mowers.
    """)
    assert found == []


def test_a_mover_who_undertakes_a_task_still_owns_it():
    found = actions("""
        Cllr Hughes proposed the motion, seconded by Cllr Patel, and undertook to write to the MP.
        The Clerk reported on the bank balance and agreed to circulate the statement.
    """)
    assert pairs(found) == [("Cllr Hughes", "write to the MP"), ("the Clerk", "circulate the statement")]


def test_an_owner_cell_naming_the_mover_is_no_owner(tmp_path):
    found = minutes_actions(tmp_path, [
        Piece("2. Finance", bold=True),
        [Piece("a) RESOLVED to approve the payments listed."), Piece("Proposed", x=130), Piece("Cllr Mason", x=160)],
        [Piece(""), Piece("Seconded", x=130), Piece("Cllr Lloyd", x=160)],
        Piece("b) Proposed by Cllr Long, seconded by Cllr Bright and RESOLVED to renew the insurance. Cllr Long"),
        [Piece("c) The bank reconciliation is to be checked."), Piece("Cllr Bright", x=165)],
    ])
    assert [(a.minute, a.owner, a.description) for a in found] == [
        ("2", "Cllr Bright", "The bank reconciliation is to be checked"),
    ]


def test_a_mover_the_decision_also_names_as_its_doer_keeps_the_action():
    people = [present("Cllr Tom Reed"), present("Cllr Ann Vale")]
    found = actions("""
        It was proposed by Cllr. T. Reed, seconded by Cllr. A. Vale and approved that Cllr. T. Reed book the hall. Cllr. T. Reed
    """, people)
    assert [(a.owner, a.owners) for a in found] == [("Cllr. T. Reed", ["Cllr Tom Reed"])]


# --- 2. two people in one sentence ---------------------------------------------------------


def test_the_one_answered_is_not_the_one_who_undertook():
    found = actions("""
        In answer to Councillor Davies, the Chief Fire Officer agreed to provide members with the call-out times.
        Following a question from Mr Ahmed, the Head of Highways undertook to inspect the junction.
        Responding to Cllr Dean and Cllr Ford, the Chief Executive agreed to circulate the letter.
        Councillor Dean thanked the Treasurer, who agreed to prepare a draft budget.
    """)
    assert pairs(found) == [
        ("the Chief Fire Officer", "provide members with the call-out times"),
        ("the Head of Highways", "inspect the junction"),
        ("the Chief Executive", "circulate the letter"),
        ("the Treasurer", "prepare a draft budget"),
    ]


def test_two_people_who_both_undertook_stay_joint_owners():
    found = actions("""
        Cllr Dean and the Clerk agreed to meet the contractor on site.
        Cllr Amos, Cllr Bell and Cllr Cole offered to count the survey returns.
    """)
    assert [a.owners for a in found] == [["Cllr Dean", "the Clerk"], ["Cllr Amos", "Cllr Bell", "Cllr Cole"]]


def test_a_pronoun_after_in_answer_to_is_not_the_person_answered():
    found = actions("""
        Mrs Khan presented the report. In answer to Councillor Dean, she agreed to send the figures.
    """)
    assert pairs(found) == [("Mrs Khan", "send the figures")]


# --- 3. initials in an owner column -----------------------------------------------------


def test_initials_at_the_right_margin_are_resolved_and_own_the_passive_beside_them(tmp_path):
    found = minutes_actions(tmp_path, [
        Piece("2. Highways", bold=True),
        [Piece("The pothole on Mill Lane is to be reported to the County."), Piece("CM", x=175)],
        [Piece("The bus shelter glass to be replaced before winter."), Piece("ML", x=175)],
        [Piece("Quotes for the verge cutting to be obtained."), Piece("JB/KL", x=175)],
        [Piece("The footpath signs are to be checked."), Piece("SP", x=175)],
        [Piece("The hedge by the pond was cut in May."), Piece("XY", x=175)],
    ])
    assert [(a.owner, a.owners) for a in found] == [
        ("CM", ["Cllr Carol Mason"]),
        ("ML", ["Cllr Mark Lloyd"]),
        ("JB/KL", ["Cllr Jane Bright", "Cllr Kevin Long"]),
        ("SP", ["Sarah Pike"]),
    ]
    assert found[0].description == "The pothole on Mill Lane is to be reported to the County"


def test_initials_two_attendees_share_are_kept_as_printed():
    people = People([present("Jane Bright"), present("John Brown"), present("Kevin Long")])
    assert people.resolve("JB/KL") == ["JB", "Kevin Long"]


# --- 4. headings, body names and title blocks are no tasks ---------------------------------------


def test_a_title_block_beside_an_owner_like_cell_makes_no_action(tmp_path):
    found = minutes_actions(tmp_path, [
        Piece("2. Police Report", bold=True),
        Piece("PCSO Grant gave the crime figures for June."),
        [Piece("Ferndale Police and Crime Panel"), Piece("Chair", x=175)],
        [Piece("Chair:"), Piece("Cllr Carol Mason", x=140)],
        [Piece("Wednesday 3 July 2024"), Piece("Clerk", x=175)],
        [Piece("FLOOD RESILIENCE", bold=True), Piece("Clerk", x=175)],
        [Piece("The drain on Station Road is blocked again."), Piece("Clerk", x=175)],
    ])
    assert [(a.owner, a.description) for a in found] == [("Clerk", "The drain on Station Road is blocked again")]


def test_correspondence_naming_a_body_with_its_subject_is_still_marked():
    people = [present("Cllr Ann Vale")]
    found = actions("""
        Rural Housing Association, Affordable Homes Survey. Cllr. A. Vale
    """, people)
    assert [(a.owner, a.description) for a in found] == [("Cllr. A. Vale", "Rural Housing Association, Affordable Homes Survey")]


# --- 5. Welsh notes ---------------------------------------------------------------------------


def test_welsh_posts_with_their_article_and_the_welsh_action_label():
    found = actions("""
        Clerc y Dref i gael tri dyfynbris ar gyfer atgyweirio’r bont.
        Trafodwyd y llythyr gan y Cyngor Sir. Y Clerc i ymateb erbyn diwedd y mis.
        Cam gweithredu: Clerc i drefnu cyfarfod gyda’r contractwr.
        Nodwyd yr adroddiad.
    """)
    assert pairs(found) == [
        ("Clerc y Dref", "gael tri dyfynbris ar gyfer atgyweirio’r bont"),
        ("Y Clerc", "ymateb erbyn diwedd y mis"),
        ("Clerc", "drefnu cyfarfod gyda’r contractwr"),
    ]


def test_welsh_clerk_resolves_to_who_held_the_post():
    found = actions("Y Clerc i ysgrifennu at y perchennog.", [present("Mrs Eleri Jones", role="Clerc")])
    assert found[0].owners == ["Mrs Eleri Jones"]


def test_a_welsh_proposer_owns_no_decision():
    found = actions("Cynigiwyd gan y Cyng. Rhys, eiliwyd gan y Cyng. Morgan. Penderfynwyd talu’r anfonebau.")
    assert found == []


# --- 7. a request as a promise or as a resolution ---------------------------------------


def test_a_report_promised_and_a_report_requested_are_both_actions():
    found = actions("""
        The Police and Crime Commissioner agreed to present a report to the June meeting.
        RESOLVED that the Police and Crime Commissioner be asked to present the estates strategy in September.
        RESOLVED that the Chief Executive of the Fire Authority be requested to brief members on the consultation.
        RESOLVED that the report be noted.
    """)
    assert pairs(found) == [
        ("the Police and Crime Commissioner", "present a report to the June meeting"),
        ("the Police and Crime Commissioner", "present the estates strategy in September"),
        ("the Chief Executive of the Fire Authority", "brief members on the consultation"),
    ]
    assert [a.owners for a in found][0] == ["the Police and Crime Commissioner"]


def test_an_and_inside_one_post_does_not_make_two_owners():
    assert split_owners("the Police and Crime Commissioner") == ["the Police and Crime Commissioner"]
    assert split_owners("the Head of Planning and Regeneration") == ["the Head of Planning and Regeneration"]
    assert split_owners("the Leader and Deputy Leader") == ["the Leader", "Deputy Leader"]
    assert split_owners("the Chairman and Clerk") == ["the Chairman", "Clerk"]


def test_the_post_resolves_when_the_attendance_names_who_held_it():
    found = actions("The Chief Constable agreed to provide the stop and search figures.",
                    [present("Ms Rita Gale", role="Chief Constable")])
    assert (found[0].owner, found[0].owners, found[0].due) == ("the Chief Constable", ["Ms Rita Gale"], None)


def test_initials_in_a_column_that_two_attendees_share_stay_as_printed(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_layout_pdf([[
        Piece("2. Village Hall", bold=True),
        [Piece("a) The boiler service is to be booked."), Piece("JB", x=175)],
        [Piece("b) The hall was repainted in May."), Piece("QZ", x=175)],
    ]]))
    lines = read_file(path).body()
    people = [present("Jane Bright"), present("John Brown")]
    found = find_actions(lines, 1, len(lines), people)
    assert [(a.owner, a.owners, a.description) for a in found] == [("JB", ["JB"], "The boiler service is to be booked")]


def test_welsh_promises_and_requests_put_the_verb_before_the_owner():
    found = actions("""
        Cytunodd y Clerc i ysgrifennu at y perchennog.
        Addawodd y Cyng. Rhys i gysylltu â’r contractwr.
        Gofynnwyd i’r Clerc anfon copi at bob aelod.
        Cytunodd y Cyngor i dalu’r anfoneb.
        Gofynnwyd i’r Cyngor Sir am ymateb.
    """)
    assert pairs(found) == [
        ("y Clerc", "ysgrifennu at y perchennog"),
        ("Cyng. Rhys", "gysylltu â’r contractwr"),
        ("Clerc", "anfon copi at bob aelod"),
    ]


def test_a_welsh_owner_column_header_is_read(tmp_path):
    path = tmp_path / "cofnodion.pdf"
    path.write_bytes(make_layout_pdf([[
        Piece("4. Gohebiaeth", bold=True),
        [Piece("Pwyntiau a drafodwyd"), Piece("Cam gweithredu", x=150)],
        [Piece("a) Llythyr am y llwybr cyhoeddus ger yr afon."), Piece("Clerc", x=150)],
        [Piece("b) Cais am gyfraniad gan y clwb ieuenctid."), Piece("Cyng. Rhys", x=150)],
    ]]))
    lines = read_file(path).body()
    found = find_actions(lines, 1, len(lines))
    assert [a.owner for a in found] == ["Clerc", "Cyng. Rhys"]
