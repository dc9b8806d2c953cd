"""Actions in every form, on made-up minutes of councils no rule was written
for: parish notes ("Clerk to …", "£120 to be transferred …"), owner columns at
the right margin (read from a PDF's layout), "ACTION: Clerk" lines, council
prose ("undertook to", "would write to", "be asked to report back"), Welsh
("Clerc i …"), posts resolved to who held them, and due dates."""

from datetime import date

from helpers import as_lines
from pdf_factory import Piece, make_layout_pdf

from councilpapers.corpus.records import Attendance
from councilpapers.ingest.extractors.action_dues import due_of_words, find_due
from councilpapers.ingest.extractors.action_marks import read_mark
from councilpapers.ingest.extractors.actions import find_actions
from councilpapers.ingest.model import Line
from councilpapers.ingest.readers import read_file


def actions(text: str, attendees=(), context=None):
    lines = as_lines(text)
    return find_actions(lines, 0, len(lines), attendees, context)


def pairs(found):
    return [(a.owner, a.description) for a in found]


def present(name, role=None, status="present"):
    return Attendance(name=name, role=role, status=status)


# --- parish notes --------------------------------------------------------------------


def test_parish_owner_to_do_at_a_sentence_start_after_a_comma_a_semicolon_or_a_colon():
    found = actions("""
        The footpath by St Mary's church is overgrown again, the Clerk to report it to the County Council.
        Clerk to order two new dog bins for the recreation ground.
        An invoice was received from Hedgerow Services; Clerk to arrange payment.
        The grass cutting contract was discussed: Chairman to obtain three quotes.
    """)
    assert pairs(found) == [
        ("the Clerk", "report it to the County Council"),
        ("Clerk", "order two new dog bins for the recreation ground"),
        ("Clerk", "arrange payment"),
        ("Chairman", "obtain three quotes"),
    ]


def test_a_task_with_no_owner_is_kept_with_the_owner_empty():
    found = actions("""
        After discussion the Council resolved to buy the bench. £120 to be transferred to the reserve account.
        The Risk Assessment is to be reviewed in June and will be circulated to members.
        The play area fence now to be repaired after the school holidays have ended.
    """, context=date(2024, 3, 12))
    assert pairs(found) == [
        ("", "£120 to be transferred to the reserve account"),
        ("", "The Risk Assessment is to be reviewed in June and will be circulated to members"),
        ("", "The play area fence now to be repaired after the school holidays have ended"),
    ]
    assert found[0].owners == []
    assert (found[1].due, found[1].due_text) == ("2024-06-30", "in June")


def test_what_someone_did_and_what_is_scheduled_are_not_actions():
    found = actions("""
        The Clerk had written to the landowner about the ditch.
        The Clerk advised that she had taken the cheque to the bank.
        Cllr Pryce was issuing his Easter newsletter to every household.
        The next meeting is to be held on 4th June in the Memorial Hall.
        The Parish Council elections are due to be held in May.
        Members commented on the grant to be received from the District Council.
        A request for the village to be included in the scheme was refused.
        Pledge cards to be given to every resident had been printed.
        It was agreed that the Chairman sign the minutes as a true record.
        All agreed this was a true record.
    """, context=date(2024, 3, 12))
    assert found == []


def test_a_list_introduced_by_a_colon_is_the_task_of_its_sentence():
    found = actions("""
        • Each WG to present its plan at the next meeting, including:
        i. Research of key issues
        ii. Key contacts to be listed
    """)
    assert pairs(found) == [("Each WG", "present its plan at the next meeting, including")]
    assert found[0].due_text == "at the next meeting" and found[0].due is None


def test_bare_posts_and_initials_of_attendees_own_notes():
    people = ["Rachel Jones", "Tom Ashby"]
    found = actions("""
        1. The group reviewed the draft survey.
        • RJ to send the survey to the printers
        • It was agreed that RJ and TA would book the hall for the drop-in event
    """, attendees=people)
    assert pairs(found) == [
        ("RJ", "send the survey to the printers"),
        ("RJ and TA", "book the hall for the drop-in event"),
    ]
    assert found[1].owners == ["Rachel Jones", "Tom Ashby"]


# --- posts resolved to who held them -----------------------------------------------------


def test_posts_are_resolved_to_the_attendee_who_held_them_at_that_meeting():
    attendance = [
        present("Cllr R Ashdown", "Chair"), present("Cllr K Byrne", "Vice-Chair"), present("Cllr L Moss"),
        present("Mrs P Quayle", "Clerk", "in_attendance"),
        present("Cllr S Reid", "Cabinet Member for Highways and Transport", "also_present"),
    ]
    found = actions("""
        The Chairman to write to the bus company. Clerk to book the hall.
        The Vice-Chair agreed to attend the cluster meeting.
        The Cabinet Member agreed to provide a written answer.
    """, attendees=attendance)
    assert [(a.owner, a.owners) for a in found] == [
        ("the Chairman", ["Cllr R Ashdown"]),
        ("Clerk", ["Mrs P Quayle"]),
        ("the Vice-Chair", ["Cllr K Byrne"]),
        ("the Cabinet Member", ["Cllr S Reid"]),
    ]


def test_no_guessing_when_the_papers_do_not_say_who_held_the_post():
    attendance = [
        present("Cllr R Ashdown", "Chair", "apologies"),  # not there: not the chair at this meeting
        present("Cllr A Hale", "Cabinet Member for Adults"), present("Cllr B Ince", "Cabinet Member for Waste"),
    ]
    found = actions("""
        The Chair agreed to write to the school.
        The Cabinet Member agreed to provide a written answer.
        The Cabinet Member for Waste undertook to visit the depot.
    """, attendees=attendance)
    assert [a.owners for a in found] == [["the Chair"], ["the Cabinet Member"], ["Cllr B Ince"]]


# --- council prose ------------------------------------------------------------------------


def test_council_forms_with_posts_names_and_requests_minuted_as_decisions():
    found = actions("""
        (1) Mr Patel undertook to circulate the revised figures by 22 March.
        (2) The Monitoring Officer would write to the complainant.
        (3) The Head of Scrutiny was asked to invite the Chief Constable to the next meeting.
        (4) RESOLVED that the report be noted and the Corporate Director be asked to report back in March.
        (5) Ms Okafor stated her intention, if the bid succeeded, to recruit two apprentices.
        (6) ACTION – Head of Planning to arrange a site visit
        (7) Action: the Clerk to publish the notice
    """, context=date(2025, 1, 9))
    assert pairs(found) == [
        ("Mr Patel", "circulate the revised figures by 22 March"),
        ("the Monitoring Officer", "write to the complainant"),
        ("the Head of Scrutiny", "invite the Chief Constable to the next meeting"),
        ("the Corporate Director", "report back in March"),
        ("Ms Okafor", "recruit two apprentices"),
        ("Head of Planning", "arrange a site visit"),
        ("the Clerk", "publish the notice"),
    ]
    assert [(a.due, a.due_text) for a in found[:4]] == [
        ("2025-03-22", "by 22 March"), (None, None), (None, "to the next meeting"), ("2025-03-31", "in March"),
    ]


def test_a_body_asked_to_decide_is_no_task_nor_is_an_outsider_asked_an_owner():
    found = actions("""
        RESOLVED that the Cabinet Member be asked to approve the scheme.
        Members were asked to note the report and officers were asked to consider the options.
        It was agreed that Mr Gerrard of the Rotary Club be asked to judge the competition.
    """, attendees=["Cllr J Wood"])
    assert pairs(found) == [("", "Mr Gerrard of the Rotary Club be asked to judge the competition")]


def test_would_is_a_task_only_for_a_person_or_post_and_not_an_opinion():
    found = actions("""
        Cllr. Dafydd Price would now finalise the tenancy agreement.
        Mrs Ellis reported she had walked the footpath and whilst she would cut back the brambles, the stile needed replacing.
        The Leader said that the budget would be balanced. Mr Nash would not support the motion.
        The contractor would be starting work in April. He would like to thank the volunteers.
    """)
    assert pairs(found) == [
        ("Cllr. Dafydd Price", "finalise the tenancy agreement"),
        ("Mrs Ellis", "cut back the brambles, the stile needed replacing"),
    ]


# --- Welsh --------------------------------------------------------------------------------


def test_welsh_clerc_i_is_clerk_to():
    found = actions("""
        i) Derbyniwyd anfoneb gan Gwmni Coed Tywi. Clerc i drefnu’r taliad.
        ii) Cyng. Rhys Jones a’r Clerc i ysgrifennu at y Cyngor Sir.
        iii) Bydd Mr Ifan Morgan yn torri’r gwair cyn diwedd y mis.
    """, attendees=["Rhys Jones"])
    assert pairs(found) == [
        ("Clerc", "drefnu’r taliad"),
        ("Cyng. Rhys Jones a’r Clerc", "ysgrifennu at y Cyngor Sir"),
        ("Mr Ifan Morgan", "torri’r gwair cyn diwedd y mis"),
    ]
    assert found[1].owners == ["Rhys Jones", "Clerc"]


# --- marks after a paragraph's last full stop (OCR, joined cells) ------------------------------


def test_an_owner_printed_after_the_paragraphs_last_full_stop_owns_it():
    people = ["Cllr E Marsh (Chairman)", "Cllr D Oakes"]
    found = actions("""
        Bus Shelter: Cllr Oakes asked that the Council write to the operator about the broken glass. Clerk
        Dog Fouling: Residents had complained again and Cllr Marsh would speak to the warden. EM
        Notice Board: the new board had been fitted. Noted
        Allotments: the waiting list was discussed.
    """, attendees=people)
    assert [(a.owner, a.owners) for a in found] == [("Clerk", ["Clerk"]), ("EM", ["Cllr E Marsh (Chairman)"])]
    assert found[0].description == "Bus Shelter: Cllr Oakes asked that the Council write to the operator about the broken glass"
    assert found[1].description == "speak to the warden"


def test_an_action_line_under_a_paragraph_gives_it_its_owner():
    found = actions("""
        3. The drain outside the school is blocked and flooding the lane.
        ACTION: Clerk
        4. The Council noted the police report.
    """)
    assert pairs(found) == [("Clerk", "The drain outside the school is blocked and flooding the lane")]


# --- owner columns read from the PDF's layout --------------------------------------------------


def owner_row(text, owner, x=160):
    return [Piece(text), Piece(owner, x=x)]


def read_lines(tmp_path, pages):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_layout_pdf(pages))
    return read_file(path).body()


def test_an_owner_column_at_the_right_margin_is_read_from_the_layout(tmp_path):
    lines = read_lines(tmp_path, [[
        Piece("5. CORRESPONDENCE", bold=True),
        owner_row("i) Bank statement dated 1st May, balance 2,310.00.", "Noted", x=172),
        owner_row("ii) Invoice from Tywi Mowers for April; Clerk to arrange payment.", "Clerk", x=175),
        owner_row("iii) Consultation on the Local Development Plan.", "Cllr. Bryn Morgan", x=152),
        owner_row("iv) Survey of hedgerows on the common.", "Cllrs. Bryn Morgan/E. Hughes", x=129),
        owner_row("v) Request for a donation from the Young Farmers.", "Mar 2025", x=165),
        owner_row("vi) Lighting invoice approved for payment", "45.00", x=172),
        owner_row("vii) Minutes of the last meeting approved.", "Signed by the Chair", x=150),
        Piece("viii) The Chair reported on the Remembrance parade."),
    ]])
    attendance = [present("Bryn Morgan"), present("Elen Hughes")]
    found = find_actions(lines, 1, len(lines), attendance, context=date(2024, 5, 8))
    assert [(a.owner, a.owners) for a in found] == [
        ("Clerk", ["Clerk"]),
        ("Cllr. Bryn Morgan", ["Bryn Morgan"]),
        ("Cllrs. Bryn Morgan/E. Hughes", ["Bryn Morgan", "Elen Hughes"]),
        ("", []),
    ]
    assert found[0].description == "arrange payment"  # the inline task, owned by the column
    assert found[1].description == "Consultation on the Local Development Plan"  # the paragraph itself
    assert (found[3].due, found[3].due_text) == ("2025-03-31", "Mar 2025")
    assert all("Clerk" not in a.description.split()[-1:] for a in found)


def test_an_owner_column_entry_on_its_own_line_below_the_paragraph(tmp_path):
    lines = read_lines(tmp_path, [[
        Piece("10. BUSINESS PLAN", bold=True),
        Piece("It was agreed that a plan would help. Cllr. Huw Bevan and the Clerk to produce a draft"),
        Piece("for the next meeting."),
        Piece("Cllr. Huw Bevan/Clerk", x=140),
        Piece("11. DEFIBRILLATOR", bold=True),
    ]])
    found = find_actions(lines, 1, len(lines) - 1, ["Huw Bevan"], context=date(2024, 5, 8))
    assert pairs(found) == [("Cllr. Huw Bevan/Clerk", "produce a draft for the next meeting")]
    assert found[0].owners == ["Huw Bevan", "Clerk"]


def test_an_action_column_under_its_header_repeated_on_the_next_page(tmp_path):
    header = [Piece("Discussion", bold=True), Piece("Action", bold=True, x=150)]
    lines = read_lines(tmp_path, [[
        header,
        Piece("1. The group looked at the housing survey results."),
        [Piece("- It was agreed that SP and GW would draft a summary"), Piece("SP/GW Jun", x=150)],
        Piece("2. Publicity for the open day was discussed."),
        Piece("- Posters were needed for the shop and the pub"),
        Piece("GW to print the", x=150),
        Piece("posters", x=150),
    ], [
        header,
        [Piece("3. The website needs updating"), Piece("SP", x=150)],
    ]])
    people = ["Sara Price", "Gareth Wynne"]
    found = find_actions(lines, 0, len(lines), people, context=date(2024, 5, 8))
    assert [(a.owner, a.description, a.due_text) for a in found] == [
        ("SP/GW", "draft a summary", "Jun"),
        ("GW", "print the posters", None),
        ("SP", "The website needs updating", None),
    ]
    assert found[0].owners == ["Sara Price", "Gareth Wynne"] and found[0].due == "2024-06-30"


def test_a_column_cell_is_read_as_owner_status_or_due_date():
    assert (read_mark("Clerk").kind, read_mark("Clerk").owner) == ("owner", "Clerk")
    assert read_mark("Noted").kind == "status" and read_mark("Signed by the Chair").kind == "status"
    assert (read_mark("Feb").kind, read_mark("Feb 2020").due_text) == ("due", "Feb 2020")
    mark = read_mark("JN/AC Nov (3/4?)")
    assert (mark.owner, mark.due_text) == ("JN/AC", "Nov (3/4?)")
    mark = read_mark("AC to liaise with Paul Hoffman")
    assert (mark.owner, mark.task) == ("AC", "liaise with Paul Hoffman")
    assert read_mark("£50.00") is None and read_mark("TOTAL") is None and read_mark("300.00") is None


def test_lines_without_layout_keep_a_cell_less_reading():
    # A plain-text line with an owner at its end and no full stop is no mark.
    lines = [Line(1, 1, "The Clerk to contact the tree surgeon Clerk")]
    assert pairs(find_actions(lines, 0, 1)) == [("the Clerk", "contact the tree surgeon Clerk")]


# --- due dates -------------------------------------------------------------------------------


def test_due_dates_keep_their_words_and_give_iso_dates_where_a_date_is_printed():
    meeting = date(2025, 1, 9)
    assert find_due("circulate the figures by March 2025", meeting) == ("2025-03-31", "by March 2025")
    assert find_due("reply before the April deadline", meeting) == ("2025-04-30", "before the April deadline")
    assert find_due("send the plans by 22 March", meeting) == ("2025-03-22", "by 22 March")
    assert find_due("report at the next meeting", meeting) == (None, "at the next meeting")
    assert find_due("respond within 28 days", meeting) == ("2025-02-06", "within 28 days")
    assert find_due("check the minutes of 15 March 2024", meeting) == (None, None)
    assert find_due("ask whether the council may help", meeting) == (None, None)
    assert due_of_words("Feb", date(2019, 9, 11)) == "2020-02-29"
    assert due_of_words("Next meeting", meeting) is None


def test_officers_asked_in_a_resolution_own_the_request():
    found = actions("""
        RESOLVED that officers be asked to bring a costed scheme to the next meeting.
    """)
    assert pairs(found) == [("officers", "bring a costed scheme to the next meeting")]


def test_an_action_by_column_with_its_date_column_beside_it(tmp_path):
    lines = read_lines(tmp_path, [[
        [Piece("Minute", bold=True), Piece("Discussion", bold=True, x=40), Piece("Action by", bold=True, x=140),
         Piece("Date", bold=True, x=170)],
        [Piece("12/24"), Piece("Quotes for the new gate were compared.", x=40), Piece("Clerk", x=140),
         Piece("Mar 2025", x=170)],
        [Piece("13/24"), Piece("The village show was a success.", x=40)],
    ]])
    found = find_actions(lines, 1, len(lines), [], context=date(2025, 1, 15))
    assert [(a.owner, a.due, a.due_text) for a in found] == [("Clerk", "2025-03-31", "Mar 2025")]
    assert found[0].description == "Quotes for the new gate were compared"  # its minute number left out


def test_a_right_aligned_action_line_under_a_paragraph(tmp_path):
    lines = read_lines(tmp_path, [[
        Piece("7. HIGHWAYS", bold=True),
        Piece("The pothole at Mill Lane has been reported twice without repair."),
        Piece("ACTION: Clerk", align="R"),
        Piece("8. CORRESPONDENCE", bold=True),
    ]])
    found = find_actions(lines, 1, len(lines) - 1, [])
    assert pairs(found) == [("Clerk", "The pothole at Mill Lane has been reported twice without repair")]


def test_an_owner_column_beside_the_first_line_of_each_row(tmp_path):
    lines = read_lines(tmp_path, [[
        Piece("6. ASSETS", bold=True),
        [Piece("a) The bench on the green is rotten and the Clerk to obtain"), Piece("Clerk", x=172)],
        Piece("quotes for a replacement in oak."),
        [Piece("b) Cllr Ames to inspect the swings before the summer"), Piece("Cllr Ames", x=166)],
        Piece("and report to the next meeting."),
        [Piece("c) The insurance renewal was approved and signed."), Piece("Noted", x=170)],
        Piece("The broker had been thanked for the quote."),
    ]])
    found = find_actions(lines, 1, len(lines), ["Cllr T Ames"], context=date(2024, 5, 8))
    assert [(a.owner, a.description) for a in found] == [
        ("Clerk", "obtain quotes for a replacement in oak"),
        ("Cllr Ames", "inspect the swings before the summer and report to the next meeting"),
    ]


def test_posts_in_capitals_on_an_action_line():
    found = actions("""
        4. The hedge at the school has grown over the footway again.
        ACTION: CLERK
        5. Members were concerned about the speed of traffic on Station Road.
        ACTION: ALL
    """)
    assert [(a.owner, a.owners) for a in found] == [("CLERK", ["CLERK"]), ("ALL", ["ALL"])]


# --- the pipeline ------------------------------------------------------------------------------


def test_the_pipeline_resolves_owners_with_the_meetings_attendance(tmp_path):
    from councilpapers.corpus.records import Action
    from councilpapers.ingest.pipeline import extract

    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_layout_pdf([[
        Piece("BRYNDERW COMMUNITY COUNCIL", bold=True, align="C"),
        Piece("Minutes of the meeting held on 12th June 2024", bold=True, align="C"),
        Piece("PRESENT: Cllr G Pugh (Chair), Cllr M Rees, Cllr T Vaughan"),
        Piece("In attendance: Clerk S Howells"),
        Piece("1. APOLOGIES", bold=True),
        Piece("None."),
        Piece("2. CORRESPONDENCE", bold=True),
        owner_row("i) Letter from the bus company about the timetable.", "Chair", x=176),
        owner_row("ii) Grant offer from the County Council; Clerk to accept.", "Clerk", x=176),
        owner_row("iii) Bank statement dated 31st May.", "Noted", x=174),
        Piece("3. ANY OTHER BUSINESS", bold=True),
        Piece("The Chair agreed to write to the school about parking by 30th June."),
    ]]))
    extraction = extract(read_file(path), str(path), "0" * 64)
    found = [r for r in extraction.records if isinstance(r, Action)]
    assert [(a.minute, a.owner, a.owners) for a in found] == [
        ("2", "Chair", ["Cllr G Pugh"]),
        ("2", "Clerk", ["S Howells"]),
        ("3", "the Chair", ["Cllr G Pugh"]),
    ]
    assert found[1].description == "accept"
    assert (found[2].due, found[2].due_text) == ("2024-06-30", "by 30th June")


def test_a_council_debate_gives_its_tasks_and_nothing_else():
    found = actions("""
        The Chair welcomed everyone to the meeting and thanked officers for the report.
        The Director of Finance introduced the report and explained that the budget would be set in February.
        Councillor Ahmed asked whether the reserves would be sufficient. The Director said that they would.
        Mr Lewis, the Head of Highways, said that the scheme would be delivered by March 2026.
        In response to a question, the Cabinet Member confirmed that consultation would take place in the autumn.
        Members noted that a further report is to be submitted to the Committee in July.
        The Committee asked for an update to be provided at the next meeting.
        The Clerk to the Council read the notice of meeting.
        Councillor Brown moved and Councillor Green seconded the motion. Councillor Patel would second the amendment.
        The report was to be considered at Cabinet.
        Councillor Ellis undertook to provide a written response to the question from Mr Jones.
        Officers were asked to investigate the flooding at Mill Road and report back.
        RESOLVED that the recommendations be approved.
        The Council had agreed to the proposals at its last meeting.
        Councillor Khan stated that he would not be supporting the budget.
        The Cabinet Member for Housing would be writing to all tenants.
        Thanks to be sent to the volunteers who cleared the pond.
        The Clerk reported that the grass cutting was to be completed by the end of April.
    """, attendees=["Councillor Ahmed", "Councillor Ellis", "Councillor Patel"], context=date(2025, 1, 15))
    assert pairs(found) == [
        ("Councillor Ellis", "provide a written response to the question from Mr Jones"),
        ("Officers", "investigate the flooding at Mill Road and report back"),
        ("the Cabinet Member for Housing", "writing to all tenants"),
        ("", "Thanks to be sent to the volunteers who cleared the pond"),
    ]


def test_who_signs_the_minutes_at_the_right_margin_is_no_owner(tmp_path):
    lines = read_lines(tmp_path, [[
        Piece("9. DATE OF NEXT MEETING", bold=True),
        Piece("The next meeting will be on 10th July 2024 at 7.30pm."),
        [Piece("Signed ......................................"), Piece("Chairman", x=172)],
        Piece("......................................"),
        Piece("Chairman", x=172),
    ]])
    assert find_actions(lines, 1, len(lines), [], context=date(2024, 6, 12)) == []
