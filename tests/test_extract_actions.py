"""Actions from minutes prose, groups' notes with an Actions column, and
action-plan tables, written the way councils print them."""

from datetime import date

from helpers import as_lines

from councilpapers.ingest.extractors.actions import find_action_plan_rows, find_actions
from councilpapers.ingest.model import Line


def actions(text: str, attendees=(), context=None):
    lines = as_lines(text)
    return lines, find_actions(lines, 0, len(lines), attendees, context)


def pairs(found):
    return [(a.owner, a.description) for a in found]


def test_undertook_gives_owner_as_written_and_the_wording_up_to_the_full_stop():
    lines, found = actions("""
        3. In response to a question about the age range of children placed in Kent by
        other local authorities, Mr Ireland explained that Kent did not have full data.
        Mr Segurola undertook to
        look into the data available and advise the questioner outside the meeting. He added
        that he chaired a task and finish officer group.
    """)
    assert pairs(found) == [
        ("Mr Segurola", "look into the data available and advise the questioner outside the meeting")
    ]
    assert lines[found[0].index].number == 3  # the line of "undertook"
    assert found[0].due is None and found[0].status is None


def test_a_post_is_an_owner_and_a_semicolon_ends_the_clause():
    _, found = actions("""
        Children in Care and Care Leavers Strategy – this would shortly be available on
        line and the Democratic Services Officer undertook to send the committee a link to it.
        a) the figures listed were actual numbers.  Mr Scott-Clark undertook to look into rates;
        b) the Cabinet Member agreed to write to the Minister; and
        c) officers were asked to report back to the next meeting.
    """)
    assert pairs(found) == [
        ("the Democratic Services Officer", "send the committee a link to it"),
        ("Mr Scott-Clark", "look into rates"),
        ("the Cabinet Member", "write to the Minister"),
        ("officers", "report back to the next meeting"),
    ]


def test_she_is_the_last_person_of_her_gender_who_spoke_in_the_item():
    _, found = actions("""
        (1) Mrs Skinner introduced the report. She referred in particular to the key
        headlines. Mr Dowle asked whether the survey was annual.

        (2) In response to questions, she undertook to clarify the information set out in the
        summary of findings on page 41.
    """)
    assert pairs(found) == [("Mrs Skinner", "clarify the information set out in the summary of findings on page 41")]
    assert found[0].owners == ["Mrs Skinner"]


def test_and_undertook_without_a_subject_belongs_to_the_sentence_subject_not_the_last_name():
    _, found = actions("""
        Mr Ireland added that there was to be no variation to the existing arrangements.  He added
        that all Members would have the chance to comment on the proposed decision when it was
        published, ahead of being taken by the Cabinet Member, and undertook to ensure that the
        information supporting the decision would be as detailed as possible. The committee
        accepted this assurance.
    """, attendees=["Mr A Ireland", "Mr P Segurola"])
    assert pairs(found) == [
        ("Mr Ireland", "ensure that the information supporting the decision would be as detailed as possible")
    ]
    assert found[0].owners == ["Mr A Ireland"]  # resolved against the attendance


def test_the_subject_of_the_sentence_is_who_speaks_not_the_first_name_in_it():
    _, found = actions("""
        b) asked about the strategy drafted by Mr Smith, Mr Gough explained that it would cover
        these issues, and undertook to send the questioner a copy of it;
    """)
    assert pairs(found) == [("Mr Gough", "send the questioner a copy of it")]


def test_statement_of_intent_counts_but_an_opinion_does_not():
    _, found = actions("""
        (1) However, he said he would estimate that such children would tend to be older.
        (2) The Chairman said that she would attend a “Meet the Managers” Drop-In to be
        held at the Lighthouse, Gravesend on 29 October 2015.
    """, context=date(2015, 10, 23))
    assert pairs(found) == [
        ("the Chairman", "attend a “Meet the Managers” Drop-In to be held at the Lighthouse, Gravesend on 29 October 2015")
    ]
    assert found[0].due == "2015-10-29"


def test_a_due_date_without_its_year_is_the_next_such_day_after_the_meeting():
    _, found = actions("Mr Lymer undertook to circulate the figures by 23rd November.", context=date(2015, 10, 23))
    assert found[0].due == "2015-11-23"
    _, found = actions("Mr Lymer undertook to circulate the figures by 23rd November.", context=date(2015, 12, 8))
    assert found[0].due == "2016-11-23"
    # A date the task refers back to is not when it is due.
    _, found = actions("Mr Lymer undertook to check the minutes of 15 March 2015.", context=date(2015, 10, 23))
    assert found[0].due is None


def test_sentences_that_are_not_actions():
    _, found = actions("""
        (1) The Panel agreed that the report was helpful.
        (2) Mr Gough agreed to the proposal and the committee was asked to comment on the outcomes.
        (3) Members are asked to note the report.
        (4) RESOLVED that the Cabinet Member be asked to take the decision.
        (5) Mr Scott-Clark agreed that the advice received had been inadequate.
        (6) BACKGROUND: Mr Cherry will manage the fiscal activities of the Court.
        (7) I trust her to listen to me and to do what she says she will do.
        (8) It would be useful for Sue Mullin to attend.
        (9) AGREED that Geoff Gurney will circulate the guides.
    """, attendees=["Sue Mullin", "Geoff Gurney"])
    assert found == []


def test_the_panel_asking_a_named_person():
    _, found = actions("The Panel asked Mrs Wiltshire to raise the matter with the Leader.")
    assert pairs(found) == [("Mrs Wiltshire", "raise the matter with the Leader")]


NOTES = """
    3. Minutes and Matters Arising

    Page 2 - CAMHS – Liberi allows the recording of referrals to CAMHS but
    can’t share their data.  Nancy Sayer is going to match CAMHS data with SCS data in
    the week before Christmas.  We are unable to track cases open to
    CAMHS due to a mismatch between the data.  Action – Nancy Sayer
    and Geoff Gurney to look into this

    Page 2 – Terms of Reference for Health Commissioners – Sue Mullin to
    update later in the meeting

    Page 3 – Business cards – the winning design is with the Communications Team to draft

    Page 3 – There are actions listed against Paul Brightwell.  Action – Tom
    Stevenson will pick these up

    Minutes agreed

    NS/GG

    TS
"""
ATTENDEES = ["Philip Segurola", "Geoff Gurney", "Sue Clifton", "Tom Stevenson", "Sue Mullin", "Nancy Sayer"]


def test_groups_notes_forms_and_an_initials_column_that_confirms_but_never_adds():
    lines, found = actions(NOTES, attendees=ATTENDEES)
    assert pairs(found) == [
        ("Nancy Sayer", "match CAMHS data with SCS data in the week before Christmas"),
        ("Nancy Sayer and Geoff Gurney", "look into this"),
        ("Sue Mullin", "update later in the meeting"),
        ("Tom Stevenson", "pick these up"),
    ]
    joint = found[1]
    assert joint.owners == ["Nancy Sayer", "Geoff Gurney"]
    assert joint.marked == "NS/GG"  # the joint action, not Nancy Sayer's own
    assert found[0].marked is None
    assert found[3].marked == "TS"
    assert lines[joint.index].number == 7  # the line of its "to"


def test_initials_go_to_the_action_whose_owners_they_name_exactly():
    _, found = actions("""
        Action – Nancy Sayer and Geoff Gurney to look into this.  Nancy Sayer is going to
        match CAMHS data with SCS data in the week before Christmas.

        NS/GG
    """, attendees=ATTENDEES)
    assert [(a.owner, a.marked) for a in found] == [("Nancy Sayer and Geoff Gurney", "NS/GG"), ("Nancy Sayer", None)]


def test_initials_printed_at_the_end_of_the_line_are_not_part_of_the_task():
    _, found = actions("""
        Action – Geoff Gurney to take away the messages that have been
        raised here and look at how communication could be improved GG
    """, attendees=ATTENDEES)
    assert pairs(found) == [
        ("Geoff Gurney", "take away the messages that have been raised here and look at how communication could be improved")
    ]
    assert found[0].marked == "GG"


def test_initials_as_owner_are_resolved_against_the_attendance():
    _, found = actions("Action – GG to circulate the scorecard.", attendees=ATTENDEES)
    assert [(a.owner, a.owners) for a in found] == [("GG", ["Geoff Gurney"])]


def test_will_be_doing_runs_on_over_a_blank_line_left_by_the_layout():
    _, found = actions("""
        feedback to young people regarding the challenges already raised
        Philip Segurola will be issuing his Christmas newsletter shortly and can

        update on the challenges.  Action – Geoff Gurney to take the lead for
        preparing the formal response

        The concept for the challenge cards is popular
    """, attendees=ATTENDEES)
    assert pairs(found) == [
        ("Philip Segurola", "issuing his Christmas newsletter shortly and can update on the challenges"),
        ("Geoff Gurney", "take the lead for preparing the formal response"),
    ]


def test_blank_lines_dropped_by_a_reader_still_end_a_paragraph():
    # Readers drop blank lines; the numbering keeps the gap.
    lines = [
        Line(504, 1, "CAMHS due to a mismatch.  Action – Nancy Sayer"),
        Line(505, 1, "and Geoff Gurney to look into this"),
        Line(507, 1, "Page 3 – Challenge Cards on the agenda"),
    ]
    found = find_actions(lines, 0, len(lines), ATTENDEES)
    assert pairs(found) == [("Nancy Sayer and Geoff Gurney", "look into this")]


PLAN = """
    Theme 1: Quality and consistency of practice
    Lead Officer: Philip Segurola, Director of Specialist Children’s Services
    Objective Ref Action Lead driver Review/

    end date
    Targets, outputs and outcome measures RAG

    1.1.
    Support KSCB
    strategic priorities

    1.1.1 Support the KSCB in their programme
    of multi-agency audits and analysis

    Sarah
    Hammond

    Florence
    Kroll (sub-
    group Chair)

    Review
    31st July
    2015

     Multi-agency audits are well-represented by appropriate
    KCC staff

    G

    1.2
    Improve the
    consistency of
    assessments

    1.2.1 Implement the ‘Signs of Safety’ model
    of intervention unilaterally across Early
    Help and SCS

    Julie
    Davidson

    Progress
    review
    31st July
    2015

     Children, families and partners are aware of and engaged
    with the methodology.

    A

    2.1.1 Co-locate the Early Help Triage with the
    Central Referral Unit.

    Katherine
    Atkinson,
    Head of Service

    Complete  Action complete

    2.2.1 Working with District Authorities,
    strengthen housing protocols in relation
    to youth homelessness

    Karen Mills For review
    30 September 2015

     Ensure vulnerable young people can access accommodation

    R
"""


def test_action_plan_rows_give_action_lead_review_date_and_rag():
    lines = as_lines(PLAN)
    rows = find_action_plan_rows(lines)
    assert [(r.owner, r.owners, r.due, r.status) for r in rows] == [
        ("Sarah Hammond, Florence Kroll (sub-group Chair)", ["Sarah Hammond", "Florence Kroll"], "2015-07-31", "G"),
        ("Julie Davidson", ["Julie Davidson"], "2015-07-31", "A"),
        ("Katherine Atkinson, Head of Service", ["Katherine Atkinson"], None, "Complete"),
        ("Karen Mills", ["Karen Mills"], "2015-09-30", "R"),
    ]
    assert [r.description for r in rows] == [
        "Support the KSCB in their programme of multi-agency audits and analysis",
        "Implement the ‘Signs of Safety’ model of intervention unilaterally across Early Help and SCS",
        "Co-locate the Early Help Triage with the Central Referral Unit.",
        "Working with District Authorities, strengthen housing protocols in relation to youth homelessness",
    ]
    # Objectives ("1.1.", "1.2") are not rows; each row cites its reference's line.
    assert [lines[r.index].text.split()[0] for r in rows] == ["1.1.1", "1.2.1", "2.1.1", "2.2.1"]


def test_no_action_plan_without_a_header_naming_action_and_lead():
    text = PLAN.replace("Objective Ref Action Lead driver Review/", "Objectives and outcomes")
    assert find_action_plan_rows(as_lines(text)) == []


def test_parish_owners_titled_with_forenames_and_resolved_across_title_spellings():
    _, found = actions("""
        Cllr John Smith agreed to write to the highways department about the verges.
        Cllr. H Jones undertook to inspect the bench.
    """, attendees=["Cllr John Smith", "Councillor Huw Jones"])
    assert pairs(found) == [
        ("Cllr John Smith", "write to the highways department about the verges"),
        ("Cllr. H Jones", "inspect the bench"),
    ]
    assert [a.owners for a in found] == [["Cllr John Smith"], ["Councillor Huw Jones"]]
