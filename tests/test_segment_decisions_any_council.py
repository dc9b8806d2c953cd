"""Where a decision's text starts and ends, in minutes laid out and worded as
councils nobody has seen might print them: what runs on after a decision (the
next paragraph, a vote, a heading), parts in one run or on lines of their own,
lists and payment tables, names with titles and initials, planning "Decision:"
lines, the minutes approved as a record, and Welsh copies. Every layout and
wording here is made up."""

from pathlib import Path

import pytest
from helpers import as_lines
from pdf_factory import Piece, make_layout_pdf, make_pdf

from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.segment.resolutions import find_resolutions
from councilpapers.ingest.segment.vote_lines import is_vote_line, strip_tally
from councilpapers.text.sentences import first_sentence


def decisions(text: str) -> list[str]:
    lines = as_lines(text)
    return [r.text for r in find_resolutions(lines, 0, len(lines))]


def parts(text: str) -> list[list[str]]:
    lines = as_lines(text)
    return [r.parts for r in find_resolutions(lines, 0, len(lines))]


# -- 1. where a decision ends ---------------------------------------------------------------------


@pytest.mark.parametrize("after", [
    "For 7, Against 3, Abstentions 1",
    "(For: 6; Against: 2; Abstain: 0)",
    "Voting: 9 for, 2 against, 1 abstention",
    "The motion was carried.",
    "On being put to the vote the recommendation was carried by 8 votes to 4.",
    "A recorded vote was taken.",
])
def test_a_vote_line_after_a_decision_is_not_part_of_it(after):
    assert decisions(f"""
        RESOLVED that the scheme of delegation be amended as shown in Appendix C
        {after}
    """) == ["the scheme of delegation be amended as shown in Appendix C"]


def test_a_tally_in_brackets_at_the_end_of_the_decision_is_left_out():
    assert decisions("""
        RESOLVED that the car park charges be frozen for 2025/26 (For 5, Against 2).
    """) == ["the car park charges be frozen for 2025/26"]


def test_lines_that_only_look_like_votes_carry_the_decision_on():
    assert decisions("""
        RESOLVED that the allotment lease to the Trust be renewed
        for 7 years from 1 April at the current rent.
    """) == ["the allotment lease to the Trust be renewed for 7 years from 1 April at the current rent"]
    assert decisions("""
        RESOLVED that the lost property procedure
        be adopted.
    """) == ["the lost property procedure be adopted"]


def test_vote_lines_in_english_and_welsh():
    for line in ("FOR - 8 AGAINST - 0 ABSTAIN - 1", "(6 for, 2 against)", "Motion lost", "Carried unanimously",
                 "O blaid 7, Yn erbyn 3, Ymatal 1", "Cariwyd y cynnig.", "For (12)"):
        assert is_vote_line(line), line
    for line in ("For 7 years from April", "Lost property to be handed in", "Carried out repairs cost £200.",
                 "Passed to the Clerk for action", "Fell Lane footpath be repaired", "For information"):
        assert not is_vote_line(line), line
    assert strip_tally("the bid be approved (7 for, 1 against)") == "the bid be approved"
    assert strip_tally("the plan (Appendix 2) be approved") == "the plan (Appendix 2) be approved"


def test_a_heading_in_capitals_ends_the_decision_before_it():
    assert decisions("""
        RESOLVED that the report be noted
        CORRESPONDENCE
        A letter from the primary school about parking was read.
    """) == ["the report be noted"]


def test_a_decision_in_capitals_is_not_cut_by_the_capitals_rule():
    assert decisions("""
        RESOLVED THAT THE BUDGET BE APPROVED.
        The Clerk will write to the district.
    """) == ["THE BUDGET BE APPROVED"]


def _minutes_pdf(tmp_path: Path, body: list, next_item: str = "25/15") -> Path:
    """A page of parish minutes: a banner, a title, apologies, then `body`
    (Pieces), then the item `next_item`."""
    page = [
        Piece("WESTCOMBE PARISH COUNCIL", bold=True, size=14, align="C"),
        Piece("Minutes of the meeting of the Parish Council held on 8 April 2025 at 7pm", align="C"),
        Piece("25/13 Apologies"),
        Piece("Apologies were received from Cllr Hale, who was on holiday."),
        *body,
        Piece(f"{next_item} Date of the next meeting"),
        Piece("The next meeting will be held on 13 May 2025."),
    ]
    path = tmp_path / "westcombe-minutes.pdf"
    path.write_bytes(make_layout_pdf([page]))
    return path


def _resolutions_of(path: Path) -> list[tuple[str, str]]:
    _, records = extract_records(read_file(path), path.name, "d" * 64)
    return [(r.minute, r.text) for r in records if r.type == "resolution"]


def test_a_decision_ends_where_its_paragraph_ends_short_of_the_margin(tmp_path):
    """In a PDF, the decision's last line stops short of the right margin; the
    next line, though it starts without a blank line, is another paragraph."""
    path = _minutes_pdf(tmp_path, [
        Piece("25/14 Grounds maintenance"),
        Piece("Three tenders were received for the grass cutting contract and were compared by the"),
        Piece("working group, which reported that the lowest tender also scored best on quality."),
        Piece("RESOLVED that the contract be awarded to Meadowline Ltd"),
        Piece("Members asked that the contractor attends the meeting in September to report progress."),
    ])
    assert _resolutions_of(path) == [("25/14", "the contract be awarded to Meadowline Ltd")]


def test_a_decision_wrapping_at_the_margin_runs_on_to_its_next_line(tmp_path):
    path = _minutes_pdf(tmp_path, [
        Piece("25/14 Footpaths"),
        Piece("Cllr Oduya reported on the state of the bridleway behind the church and the stiles there."),
        Piece("RESOLVED that the Clerk asks the County Council to repair the two stiles on Footpath"),
        Piece("Westcombe 12 before the summer walking festival."),
        Piece("The Chair thanked Cllr Oduya for her report and for walking the whole route in March."),
    ])
    assert _resolutions_of(path) == [
        ("25/14", "the Clerk asks the County Council to repair the two stiles on Footpath Westcombe 12"
                  " before the summer walking festival"),
    ]


def test_a_bold_heading_after_a_decision_is_not_part_of_it(tmp_path):
    path = _minutes_pdf(tmp_path, [
        Piece("25/16 Finance"),
        Piece("The Responsible Financial Officer presented the accounts to the end of March, reconciled."),
        Piece("RESOLVED that the bank reconciliation be approved and signed by the Chair and the Clerk"),
        Piece("Internal audit", bold=True),
        Piece("The internal auditor will visit in June to review the year's accounts and the asset register."),
    ], next_item="25/17")
    assert _resolutions_of(path) == [
        ("25/16", "the bank reconciliation be approved and signed by the Chair and the Clerk"),
    ]


# -- 2. lettered and numbered parts ---------------------------------------------------------------


def test_parts_printed_in_one_run_are_split_and_what_follows_them_left_out():
    text = """
        RESOLVED: (a) that a net revenue budget of £1,906,300 for 2025/26 be approved; (b) that a Band D
        council tax of £212.18 be set; and (c) that the reserves strategy be adopted. The Chair thanked the
        Treasurer for her work on the budget.
    """
    assert decisions(text) == [
        "(a) that a net revenue budget of £1,906,300 for 2025/26 be approved; (b) that a Band D council tax"
        " of £212.18 be set; and (c) that the reserves strategy be adopted"
    ]
    assert parts(text)[0][0] == "that a net revenue budget of £1,906,300 for 2025/26 be approved"
    assert parts(text)[0][2] == "that the reserves strategy be adopted"


def test_parts_on_lines_of_their_own_end_with_the_last_part():
    assert decisions("""
        RESOLVED that:
        (i) the notes of the flooding working group be received;
        (ii) its terms of reference be widened to cover surface water; and
        (iii) Cllr Haddad chair the group for the coming year.
        The Clerk will circulate the revised terms of reference.
    """) == [
        "(i) the notes of the flooding working group be received; (ii) its terms of reference be widened to"
        " cover surface water; and (iii) Cllr Haddad chair the group for the coming year"
    ]


def test_numbered_parts_stop_at_the_next_numbered_heading():
    assert decisions("""
        RESOLVED that:
        1. allotment rents rise by 3% from 1 October;
        2. tenants be given three months' notice of the rise.
        3. Any Other Business
    """) == ["1. allotment rents rise by 3% from 1 October; 2. tenants be given three months' notice of the rise"]


def test_marks_out_of_order_are_no_parts():
    """A bracketed letter that opens no series ("(b)" alone, "(d)" then "(e)")."""
    assert parts("""
        RESOLVED that the works in phase (d) and phase (e) be deferred to 2026.
    """) == [[]]


# -- 3. lists and tables in a decision ------------------------------------------------------------


def test_a_list_of_grants_ends_where_prose_begins():
    assert decisions("""
        RESOLVED to award the following grants:
        Westcombe Gardening Club £400.00
        Westcombe Youth Football £1,250.00
        Lunch on the Green £300.00
        The Clerk will write to the successful applicants this month.
    """) == [
        "to award the following grants: Westcombe Gardening Club £400.00 Westcombe Youth Football £1,250.00"
        " Lunch on the Green £300.00"
    ]


def test_a_payments_table_is_the_decision_a_line_a_row(tmp_path):
    path = _minutes_pdf(tmp_path, [
        Piece("25/17 Payments"),
        Piece("RESOLVED that the following payments be approved:"),
        [Piece("A Clerk", x=20), Piece("Salary (April)", x=80), Piece("£812.50", x=150)],
        [Piece("Greenway Mowers", x=20), Piece("Grass cutting", x=80), Piece("£240.00", x=150)],
        [Piece("HMRC", x=20), Piece("PAYE", x=80), Piece("£203.10", x=150)],
        Piece("The Clerk reported that the bank mandate had been updated with the new signatories."),
    ], next_item="25/18")
    assert _resolutions_of(path) == [("25/17", (
        "the following payments be approved: A Clerk Salary (April) £812.50 Greenway Mowers Grass cutting"
        " £240.00 HMRC PAYE £203.10"))]


def test_infinitive_parts_on_lines_end_before_the_next_sentence():
    assert decisions("""
        RESOLVED:
        To accept the Active Travel grant of £15,000.
        To add the crossing scheme to the capital programme.
        The Chair thanked the officers for securing the grant.
    """) == ["To accept the Active Travel grant of £15,000. To add the crossing scheme to the capital programme"]


def test_a_planning_observation_list_keeps_its_entries_in_capitals():
    assert decisions("""
        The following observations were agreed:
        W/25/0410 Two storey side extension, 4 Orchard Close
        NO OBJECTION
        W/25/0433 Change of use of barn to holiday let, Hill Farm
        OBJECTION - access onto a single track lane
    """) == [
        "W/25/0410 Two storey side extension, 4 Orchard Close NO OBJECTION W/25/0433 Change of use of barn to"
        " holiday let, Hill Farm OBJECTION - access onto a single track lane"
    ]


# -- 4. titles and initials at the start ----------------------------------------------------------


@pytest.mark.parametrize("name", [
    "Mrs L Grey", "Mrs. L. Grey", "Ms. K. O. Adebayo", "Dr. R. Penhale", "Insp. J. Pike", "Messrs. Hale and Ince",
    "Cllrs. A. Bee and C. Dee", "Sgt. T. Moss", "the Revd. Canon P. Lamb",
])
def test_a_title_or_initial_at_the_start_of_the_decision_is_kept(name):
    assert decisions(f"""
        RESOLVED that {name} be co-opted to fill the casual vacancy. Declarations were signed.
    """) == [f"{name} be co-opted to fill the casual vacancy"]


def test_short_forms_before_a_reference_end_no_sentence():
    assert first_sentence("the scheme in App. B and Fig. 3 be adopted. Next") == (
        "the scheme in App. B and Fig. 3 be adopted")
    assert first_sentence("the fence at St. Anne's be repaired. Next") == "the fence at St. Anne's be repaired"
    # A company's "Ltd." at the end of a sentence still ends it.
    assert first_sentence("the order go to Brook Ltd. The Clerk") == "the order go to Brook Ltd"


# -- 5. planning decisions and the minutes approved -----------------------------------------------


def test_planning_decision_labels_with_a_bare_verb():
    assert decisions("""
        Decision: Approve, subject to the conditions set out in the report.

        DECISION: Refuse, for the reason that the dormer would harm the conservation area.
        For 5, Against 4
        Decision: Defer, to allow a site visit
        8. W/25/0501 Land at Mill Lane
    """) == [
        "Approve, subject to the conditions set out in the report",
        "Refuse, for the reason that the dormer would harm the conservation area",
        "Defer, to allow a site visit",
    ]


@pytest.mark.parametrize("sentence", [
    "The minutes of the meeting held on 11 March 2025 were approved as a correct record and signed by the Chair",
    "The minutes of the last meeting were confirmed as a true record and signed by the Chairman",
    "Subject to the spelling of Cllr Oduya's name the minutes were approved and signed as a correct record",
    "The Committee approved the minutes of its meeting on 2 May as a correct record",
])
def test_the_minutes_approved_as_a_record_is_the_whole_sentence(sentence):
    assert decisions(f"""
        25/12 Minutes
        {sentence}.
        25/13 Matters arising
    """) == [sentence]


def test_the_minutes_not_approved_in_the_meeting_are_no_decision():
    assert decisions("""
        Cllr Bee asked whether the minutes of the working group had been approved.
        The Clerk said the draft minutes would be circulated as a record of the site visit.
    """) == []


def test_infinitives_under_a_resolved_label_on_the_line_before():
    assert decisions("""
        RESOLVED:
        To accept the Safer Streets grant of £18,400; to add the scheme to the capital programme; and
        to delegate the procurement to the Head of Highways.
        8. Risk register
    """) == [
        "To accept the Safer Streets grant of £18,400; to add the scheme to the capital programme; and to"
        " delegate the procurement to the Head of Highways"
    ]


def test_a_resolution_label_with_the_decision_after_a_blank_line():
    assert decisions("""
        RESOLVED:

        To accept the lowest tender for the roof repairs.
    """) == ["To accept the lowest tender for the roof repairs"]


# -- 6. Welsh copies ------------------------------------------------------------------------------


def test_welsh_decisions_with_parts_votes_and_lists():
    assert decisions("""
        PENDERFYNWYD: (a) bod y gyllideb yn cael ei chymeradwyo; a (b) bod y praesept yn cael ei osod ar £42,000.
        Penderfynwyd bod Mrs. L. Llwyd yn cael ei chyfethol i'r sedd wag.
        O blaid 6, Yn erbyn 1, Ymatal 0
        Cytunwyd yn unfrydol i dalu'r anfonebau canlynol:
        Cyflog y Clerc £450.00
        Neuadd y Pentref £30.00
        Bydd y Clerc yn anfon y taliadau ar-lein yr wythnos hon.
    """) == [
        "(a) bod y gyllideb yn cael ei chymeradwyo; a (b) bod y praesept yn cael ei osod ar £42,000",
        "Mrs. L. Llwyd yn cael ei chyfethol i'r sedd wag",
        "i dalu'r anfonebau canlynol: Cyflog y Clerc £450.00 Neuadd y Pentref £30.00",
    ]


def test_welsh_minutes_approved_and_a_body_deciding():
    assert decisions("""
        Cymeradwywyd cofnodion y cyfarfod a gynhaliwyd ar 3 Mawrth 2025 fel cofnod cywir.
        Penderfynodd y Pwyllgor wrthod y cais.
        Cytunodd y Cyngor bod mainc newydd yn cael ei phrynu.
    """) == [
        "Cymeradwywyd cofnodion y cyfarfod a gynhaliwyd ar 3 Mawrth 2025 fel cofnod cywir",
        "wrthod y cais",
        "mainc newydd yn cael ei phrynu",
    ]


def test_welsh_agreements_that_are_no_decision():
    """"Cytunodd y Cyngor i …" is someone undertaking a task, as "the Panel agreed
    to write"; a letter received is no minutes approved."""
    assert decisions("""
        Cytunodd y Cynghorydd Jones i gysylltu â'r ysgol.
        Derbyniwyd llythyr gan y Cyngor Sir am y gwasanaeth bws.
    """) == []


def test_a_welsh_copy_in_a_pdf(tmp_path):
    path = tmp_path / "cyngor-cymuned-cofnodion.pdf"
    path.write_bytes(make_pdf([[
        "CYNGOR CYMUNED LLANFAELOG",
        "Cofnodion cyfarfod y Cyngor a gynhaliwyd ar 10 Mawrth 2025 am 7yh",
        "1. Cofnodion",
        "Cymeradwywyd cofnodion y cyfarfod a gynhaliwyd ar 10 Chwefror 2025 fel cofnod cywir.",
        "2. Grantiau",
        "PENDERFYNWYD bod grant o £250 yn cael ei roi i'r Eisteddfod.",
        "Cariwyd y cynnig.",
        "3. Dyddiad y cyfarfod nesaf",
        "Cynhelir y cyfarfod nesaf ar 14 Ebrill 2025.",
    ]]))
    assert _resolutions_of(path) == [
        ("1", "Cymeradwywyd cofnodion y cyfarfod a gynhaliwyd ar 10 Chwefror 2025 fel cofnod cywir"),
        ("2", "grant o £250 yn cael ei roi i'r Eisteddfod"),
    ]


# -- more layouts of parts, lists and labels ------------------------------------------------------


def test_bulleted_and_letter_dot_parts_after_an_opened_decision():
    assert decisions("""
        RESOLVED that:
        • the speed survey report be noted;
        • the Clerk asks the police for a speed check; and
        • the item returns in June.
        The Chair moved to the next item.
        RESOLVED:
        a. that the budget be approved;
        b. that the precept be set at £40,000.
        The Chair thanked the RFO.
    """) == [
        "• the speed survey report be noted; • the Clerk asks the police for a speed check; and • the item"
        " returns in June",
        "a. that the budget be approved; b. that the precept be set at £40,000",
    ]


def test_a_bullet_after_a_decision_that_opened_no_list_is_the_next_point():
    assert decisions("""
        • It was agreed that the village survey results be sent to every household in the
        parish
        • It was pointed out that the survey had a low response from younger residents.
    """) == ["the village survey results be sent to every household in the parish"]


def test_a_list_whose_rows_stand_a_blank_line_apart():
    assert decisions("""
        RESOLVED to approve the following payments:

        Westcombe in Bloom £750.00

        Village Hall Trust £120.00

        The Clerk will make the payments online.
    """) == ["to approve the following payments: Westcombe in Bloom £750.00 Village Hall Trust £120.00"]


def test_a_page_number_inside_a_decision_is_left_out():
    assert decisions("""
        RESOLVED that the hall hire charges be increased by 5% from
        Page 4 of 9
        1 April 2025 and that the new rates be published on the noticeboard.
    """) == ["the hall hire charges be increased by 5% from 1 April 2025 and that the new rates be published on"
             " the noticeboard"]


def test_a_decision_label_block_ends_at_its_vote_and_a_dash_label():
    assert decisions("""
        DECISION:
        Approve subject to the conditions in the officer's report
        For 6, Against 2
        Cllr Bee left the meeting.
        Decision - Refuse, as the extension would be overbearing to No. 4.
    """) == [
        "Approve subject to the conditions in the officer's report",
        "Refuse, as the extension would be overbearing to No. 4",
    ]


def test_the_minutes_approved_without_the_word_record():
    assert decisions("""
        The minutes of the meeting held on 3 March 2025 were approved and signed by the Chair.
        The minutes of the Allotments Working Group were noted.
    """) == ["The minutes of the meeting held on 3 March 2025 were approved and signed by the Chair"]


def test_a_vote_stated_in_a_sentence_and_a_time_that_ends_one():
    assert decisions("""
        RESOLVED that the footpath by the brook be cleared
        Members voted 7 for and 3 against.
        RESOLVED that the Clerk opens the hall at 9 a.m. The caretaker will lock it.
    """) == ["the footpath by the brook be cleared", "the Clerk opens the hall at 9 a.m"]


def test_numbered_parts_in_one_run():
    assert parts("""
        RESOLVED that the Board: 1. agrees the plan; 2. notes the risks; and 3. delegates the detail to the
        Director. Members welcomed the plan.
    """) == [["agrees the plan", "notes the risks; and", "delegates the detail to the Director"]]


def test_a_decision_after_a_formula_alone_on_its_line():
    assert decisions("""
        RESOLVED
        That the budget for the play area be approved.
        RESOLVED –
        The precept be set at £40,000.
    """) == ["the budget for the play area be approved", "The precept be set at £40,000"]


def test_a_decision_opened_by_a_colon_runs_on_in_prose_to_its_end():
    assert decisions("""
        RESOLVED that the Committee:
        notes the contents of the report and the comments made by residents at the
        consultation events; and agrees the budget.
        The Chair thanked everyone who had taken part.
    """) == ["the Committee: notes the contents of the report and the comments made by residents at the"
             " consultation events; and agrees the budget"]


def test_a_name_wrapping_after_its_title_is_no_paragraph_end(tmp_path):
    """A short line ending in a title ("Mrs") does not end the decision, even
    though the next line starts with a capital."""
    path = _minutes_pdf(tmp_path, [
        Piece("25/14 Co-option"),
        Piece("One application for the vacancy in the Hillside ward had been received before the deadline."),
        Piece("RESOLVED that Mrs"),
        Piece("L Grey be co-opted to fill the casual vacancy in the Hillside ward."),
    ])
    assert _resolutions_of(path) == [
        ("25/14", "Mrs L Grey be co-opted to fill the casual vacancy in the Hillside ward"),
    ]


def test_the_labels_of_a_cabinet_decision_end_it():
    assert decisions("""
        Decision:
        Cabinet agreed to adopt the Local Cycling and Walking Infrastructure Plan
        Reasons for the decision:
        The plan is needed to bid for government funding.
        Alternative options considered and rejected:
        None.
    """) == ["Cabinet agreed to adopt the Local Cycling and Walking Infrastructure Plan"]


def test_a_payments_table_header_in_text_is_left_out():
    assert decisions("""
        RESOLVED that the following payments be approved:
        Payee Purpose Amount
        Greenway Mowers Grass cutting £240.00
        HMRC PAYE £203.10
    """) == ["the following payments be approved: Greenway Mowers Grass cutting £240.00 HMRC PAYE £203.10"]


def test_the_minutes_approved_without_a_full_stop_end_at_their_line():
    assert decisions("""
        The minutes of the meeting held on 11 March 2025 were approved as a correct record
        Matters arising
        There were none.
    """) == ["The minutes of the meeting held on 11 March 2025 were approved as a correct record"]
    assert decisions("""
        The minutes of the meeting held on 11 March 2025, with the spelling of the
        Hillside ward corrected, were approved as a correct record.
    """) == ["The minutes of the meeting held on 11 March 2025, with the spelling of the Hillside ward corrected,"
             " were approved as a correct record"]


def test_a_decision_whose_parts_run_over_a_page_break(tmp_path):
    """The parts go on after the page's footer and the next page's header,
    whether or not the reader set those apart as furniture; the vote after the
    last part is left out."""
    debate = ["Members discussed the budget at some length and the Treasurer answered their questions."] * 24
    path = tmp_path / "authority-minutes.pdf"
    path.write_bytes(make_pdf([[
        "NORTHSHIRE FIRE AND RESCUE AUTHORITY",
        "Minutes of the meeting of the Authority held on Monday 3 February 2025 at 10.30 am",
        "1. Apologies for absence",
        "Apologies were received from Councillor Amos.",
        "2. Budget and Precept 2025/26",
        *debate,
        "RESOLVED - That the Authority:",
        "(a) approves a net revenue budget of £48,350,000 for 2025/26;",
    ], [
        "(b) sets a Band D precept of £88.61; and",
        "(c) approves the capital programme at Appendix D.",
        "For 14, Against 2, Abstentions 0",
        "3. Any Other Business",
        "There was none.",
    ]], header="Northshire Fire and Rescue Authority - 3 February 2025", footer="Page {page} of {pages}"))
    assert _resolutions_of(path) == [("2", (
        "the Authority: (a) approves a net revenue budget of £48,350,000 for 2025/26; (b) sets a Band D precept"
        " of £88.61; and (c) approves the capital programme at Appendix D"))]


def test_proposed_seconded_and_resolved_in_capitals():
    assert decisions("""
        It was proposed by Cllr Dee, seconded by Cllr Eff and RESOLVED that Cllr Bee be elected Chair for 2024/25.
        Cllr Bee signed the Declaration of Acceptance of Office.
    """) == ["Cllr Bee be elected Chair for 2024/25"]


def test_a_list_of_appointments_ends_at_the_sentence_after_it():
    assert decisions("""
        RESOLVED that the following be appointed as representatives:
        Village Hall Committee – Cllr Bee
        Allotments Association – Cllr Dee and Cllr Eff
        The Clerk will inform the organisations of the appointments.
    """) == ["the following be appointed as representatives: Village Hall Committee – Cllr Bee Allotments"
             " Association – Cllr Dee and Cllr Eff"]


def test_welsh_decisions_after_fe_or_a_are_mutated():
    assert decisions("""
        Fe benderfynwyd bod y Clerc yn archebu mainc newydd.
        Cynigiwyd gan y Cyng. Jones, eiliwyd gan y Cyng. Huws a phenderfynwyd bod y grant yn cael ei dalu.
        Cytunodd pawb i gefnogi'r cais am arian.
        PENDERFYNWYD YN UNFRYDOL bod y cyfrifon yn cael eu cymeradwyo.
        Dywedodd y Cadeirydd a benderfynwyd y llynedd bod y neuadd ar gau.
    """) == [
        "y Clerc yn archebu mainc newydd",
        "y grant yn cael ei dalu",
        "i gefnogi'r cais am arian",
        "y cyfrifon yn cael eu cymeradwyo",
    ]


# -- a label's colon, a manner in brackets -----------------------------------------------------


def test_a_whole_decision_after_a_labels_colon_opens_no_list():
    assert decisions("""
        Proposed: Cllr Chesterman   Seconded: Cllr Bark
        RESOLVED: to set a precept of £1,245,600 for 2025/26, an increase of 4.2%.
        A recorded vote was requested:
        For: Cllrs Bolwell, Williams, Clayton
        Against: Cllr Hewitt
    """) == ["to set a precept of £1,245,600 for 2025/26, an increase of 4.2%"]


def test_a_labels_colon_before_the_list_of_parts_still_opens_it():
    assert parts("""
        RESOLVED:
        (a) to approve the budget;
        (b) to set the precept.
        The Clerk thanked members.
    """) == [["to approve the budget", "to set the precept"]]


@pytest.mark.parametrize("manner", ["(unanimous)", "(unanimously)", "(by a majority)", "(nem. con.)"])
def test_the_manner_in_brackets_after_resolved_is_not_the_decision(manner):
    assert decisions(f"RESOLVED {manner} that the application be APPROVED as recommended.") == [
        "the application be APPROVED as recommended"]


@pytest.mark.parametrize("written, decided", [
    ("a) Payments: It was resolved to approve the payments list of £8,432.17.",
     "to approve the payments list of £8,432.17"),
    ("b) Precept: Following discussion it was resolved to set the precept for 2025/26\n"
     "at £412,000. Voting: 6 for, 1 against, 0 abstentions.",
     "to set the precept for 2025/26 at £412,000"),
    ("Bus shelter – it was agreed to accept the lower quote.", "to accept the lower quote"),
])
def test_a_decision_after_a_run_in_heading_and_wrapping_on_to_its_vote(written, decided):
    assert decisions(written) == [decided]


def test_a_vote_on_the_line_after_a_decision_is_not_the_decision():
    assert decisions("It was resolved to approve the plan\nfor 5, against 2.") == ["to approve the plan"]
