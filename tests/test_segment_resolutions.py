"""Decisions in every form minutes print them, from small made-up minutes of
councils laid out differently (town, parish, community and borough councils,
in English and Welsh), and the things that look like decisions but are not."""

from pathlib import Path
from textwrap import dedent

import pytest

from councilpapers.ingest.model import ExtractedText, Line
from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.segment.resolutions import find_resolutions
from councilpapers.ingest.readers import read_file

SHARED_MORE = Path(__file__).resolve().parents[2] / "shared" / "pdfs-more"


def decisions(text: str) -> list[str]:
    lines = [Line(n, 1, t) for n, t in enumerate(dedent(text).strip("\n").split("\n"), 1)]
    return [r.text for r in find_resolutions(lines, 0, len(lines))]


def test_resolved_with_a_colon_a_dash_or_after_the_body():
    assert decisions("""
        Resolved: the grant of £250 to the Youth Club be approved.
        RESOLVED – to note the report and thank the officers.
        The Committee RESOLVED to approve the revised budget. The Chairman thanked members.
        After discussion the Members resolved to purchase a new bench for the green.
    """) == [
        "the grant of £250 to the Youth Club be approved",
        "to note the report and thank the officers",
        "to approve the revised budget",
        "to purchase a new bench for the green",
    ]


def test_it_was_resolved_agreed_and_resolved_and_agreed_without_that():
    assert decisions("""
        The lease had been circulated. It was agreed and resolved to renew the lease for five
        years
        Signed ____________________ Date ____________
        It was resolved that the precept be set at £12,000. The Clerk will notify the district.
        After a short debate it
        was agreed the footpath group should meet the landowner in June.
    """) == [
        "to renew the lease for five years",
        "the precept be set at £12,000",
        "the footpath group should meet the landowner in June",
    ]


def test_proposed_seconded_and_agreed_wrapping_over_lines():
    assert decisions("""
        iv) Quote for hedge cutting. It was proposed by Cllr. P. Rhys, seconded by Cllr. M.
        Owen and unanimously agreed that the quotation from Tir Gwyrdd be accepted. Clerk
        v) Request for a donation from the Scouts. Proposed by Cllr. Ann Hale, seconded by
        Cllr. Bob Ince and by majority decision agreed to donate £75.00. Clerk
        vi) It was proposed by Cllr. Ince, seconded by Cllr. Hale and unanimously approved that the
        Clerk register the Council for the training course.
    """) == [
        "the quotation from Tir Gwyrdd be accepted",
        "to donate £75.00",
        "the Clerk register the Council for the training course",
    ]


def test_agreement_after_a_list_takes_the_list():
    assert decisions("""
        14. PAYMENTS
        i) Village Hall Trust, Room Hire, Chq No 402 £36.00
        ii) Mr K. Lloyd, Grass Cutting May, Chq No 403 120.00
        (Proposed by Cllr. D. Ward, seconded by Cllr. S. Paton and unanimously agreed)
        TOTAL £156.00
    """) == [
        "i) Village Hall Trust, Room Hire, Chq No 402 £36.00 ii) Mr K. Lloyd, Grass Cutting May, Chq No 403 120.00",
    ]


def test_agreed_alone_carries_the_motion_before_it_but_not_other_prose():
    assert decisions("""
        Cllr Stone proposed that the allotment rents remain unchanged for 2025.
        Agreed unanimously.
        Cllr Watts proposed, and Cllr Dee seconded, that Cllr Fry take the Chair. No other names were put forward.
        Agreed.
        A letter from the bowls club was read.
        AGREED
    """) == ["the allotment rents remain unchanged for 2025"]


def test_all_agreed_and_it_was_agreed_are_the_meetings_decisions():
    assert decisions("""
        The notes of the last meeting were read. All agreed they were a true record and the Chair signed them.
        Play area - All Members agreed that the new swings be ordered.
        It was agreed that the parish newsletter be published quarterly.
    """) == [
        "they were a true record and the Chair signed them",
        "the new swings be ordered",
        "the parish newsletter be published quarterly",
    ]


def test_a_list_opened_by_the_decision_is_part_of_it():
    assert decisions("""
        The Members resolved to pay :
              Northern Mowing Ltd      £ 410.00    Verges
              A Patel                  £ 62.50     Website hosting
        22/046 Correspondence
        Letter from the County Council about winter gritting.
        After discussion it was agreed that the following invoices may be
        paid :-
        Parish Lengthsman £ 300.00
        Print Shop - Newsletter £ 88.20
        22/047 Date of next meeting
    """) == [
        "to pay : Northern Mowing Ltd £ 410.00 Verges A Patel £ 62.50 Website hosting",
        "the following invoices may be paid :- Parish Lengthsman £ 300.00 Print Shop - Newsletter £ 88.20",
    ]


def test_the_following_were_agreed_and_the_block_ends_where_prose_begins():
    assert decisions("""
        The following comments were agreed:
        P/24/0113 Two storey rear extension
        12 Mill Lane
        Ashby Parva
        Mr T Okafor
        No objection
        Members asked that the planning authority consider the narrow access to the site when it
        determines the application and the Clerk will write.
        The following cheques were approved:
        i) Ashby Parva PCC, Churchyard Grant £400.00
        ii) Mrs L Moss, Clerk's Salary June, 512.44
        TOTAL £912.44
    """) == [
        "P/24/0113 Two storey rear extension 12 Mill Lane Ashby Parva Mr T Okafor No objection",
        "i) Ashby Parva PCC, Churchyard Grant £400.00 ii) Mrs L Moss, Clerk's Salary June, 512.44",
    ]


def test_decision_label_blocks_and_a_decision_printed_twice_is_one():
    assert decisions("""
        Decision:
        The Committee agreed to defer the item to its next meeting.
        Minutes:
        Members discussed the report at length.
        DECISION: that the application for a pavement licence be refused.
        Decision:
        RESOLVED that the Friends of Elm Park be awarded £900 from the Community Fund.
        Minutes:
        Therefore, it was RESOLVED that the Friends of Elm Park be awarded ... view the full minutes text for item 7.
    """) == [
        "The Committee agreed to defer the item to its next meeting",
        "the application for a pavement licence be refused",
        "the Friends of Elm Park be awarded £900 from the Community Fund",
    ]


def test_a_sentence_without_a_full_stop_ends_where_a_new_one_begins():
    assert decisions("""
        The Councillors resolved the four policies were in order and the Chair signed them
        The Complaints Policy will be reviewed in the autumn and circulated to Members.
    """) == ["the four policies were in order and the Chair signed them"]


def test_welsh_forms():
    assert decisions("""
        2. CADARNHAU COFNODION
        Cynigiwyd gan y Cyng. H. Morgan, eiliwyd gan y Cyng. E. Price ac roedd pawb yn gytûn bod cofnodion y
        cyfarfod diwethaf yn gywir.
        x) Cais am rodd gan y Clwb Rygbi. Cynigiwyd gan y Cyng. E. Price, eiliwyd gan y Cyng. H.
        Morgan ac roedd pawb yn gytûn y dylid rhoi £100 i’r clwb. Clerc
        Cytunwyd i wahodd swyddog o’r Cyngor Sir i’r cyfarfod nesaf.
        PENDERFYNWYD bod y gyllideb yn cael ei chymeradwyo.
        i) Neuadd y Pentref, Llogi, Siec Rhif 77 £30.00
        ii) Mr D. Hughes, Torri Gwair, Siec Rhif 78 95.00
        (Cynigiwyd gan y Cyng. H. Morgan, eiliwyd gan y Cyng. E. Price gyda phawb yn gytûn)
    """) == [
        "cofnodion y cyfarfod diwethaf yn gywir",
        "dylid rhoi £100 i’r clwb",
        "i wahodd swyddog o’r Cyngor Sir i’r cyfarfod nesaf",
        "y gyllideb yn cael ei chymeradwyo",
        "i) Neuadd y Pentref, Llogi, Siec Rhif 77 £30.00 ii) Mr D. Hughes, Torri Gwair, Siec Rhif 78 95.00",
    ]


def test_what_is_not_a_decision():
    assert decisions("""
        The Panel agreed to write to the head teacher about the crossing.
        The report was noted.
        The options were discussed.
        The noticeboard was repaired as agreed at the last meeting.
        Cllr Pryce had met the highways officer and it had been agreed that a new sign would be erected.
        It was agreed at the previous meeting that the Clerk would obtain quotes.
        The Committee is asked to RESOLVE that the strategy be adopted.
        Minutes of the meeting held on 3 June 2024
        The problem of blocked drains would appear to have been resolved.
        The Clerk looked into the complaint and resolved it with the resident.
        a chytunwyd y byddai’r bin yn cael ei symud
    """) == []


def test_an_agreement_in_a_list_of_points_made_in_discussion_is_not_a_decision():
    assert decisions("""
        2. In response to questions from Members it was said:
        a. The service had seen more referrals. It was agreed that early help was
        the best way to reduce them.
        b. Staff turnover had fallen.
        3. RESOLVED that the report be noted.
        4. It was agreed that the working group meet again in March.
    """) == ["the report be noted", "the working group meet again in March"]


def test_each_decision_belongs_to_the_item_it_sits_in():
    text = """
        LLANGYNIDR COMMUNITY COUNCIL
        MEETING 4th JUNE 2024
        Llangynidr Community Council held their meeting at 7.00pm on the 4th June 2024 at the Village Hall.
        PRESENT
        Councillors Rhian Bowen, Gareth Lloyd and Siân Pugh.
        1. WELCOME AND APOLOGIES
        Cllr. Bowen took the Chair. Apologies received from Cllr. Tom Evans.
        2. TO CONFIRM THE MINUTES OF THE LAST MEETING
        It was proposed by Cllr. G. Lloyd, seconded by Cllr. S. Pugh and unanimously agreed that the minutes of
        the last meeting were correct. Signed by the Chair
        3. PLAY AREA
        The inspection report was received. It was agreed that the Clerk obtain two quotes for new matting.
        4. ANY OTHER BUSINESS
        There was no other business.
    """
    lines = [Line(n, 1, t) for n, t in enumerate(dedent(text).strip("\n").split("\n"), 1)]
    _, records = extract_records(ExtractedText("text", lines), "m.txt", "c" * 64)
    found = [(r.minute, r.text) for r in records if r.type == "resolution"]
    assert found == [
        ("2", "the minutes of the last meeting were correct"),
        ("3", "the Clerk obtain two quotes for new matting"),
    ]


def test_a_right_hand_column_note_is_not_part_of_the_decision():
    """With the reader's layout (cells), an owner printed in a right-hand column
    on the decision's line is dropped; without it the text stays as printed."""

    class Cell:
        def __init__(self, text, x0):
            self.text, self.x0 = text, x0

    class Frame:
        body_left, body_right = 50.0, 550.0
        body_centre = 300.0

    class LaidOut:
        def __init__(self, text, cells):
            self.text, self.cells, self.frame = text, cells, Frame()

    lines = [LaidOut(
        "It was agreed that the Clerk order two new bins      Clerk/RB",
        (Cell("It was agreed that the Clerk order two new bins", 50.0), Cell("Clerk/RB", 500.0)),
    )]
    assert [r.text for r in find_resolutions(lines, 0, 1)] == ["the Clerk order two new bins"]


@pytest.mark.parametrize("name, expected", [
    ("milburn-parish-council-2019-03-05-minutes.pdf", ["to adopt the seat", "all satisfactory and the Chairman signed them"]),
    ("manordeilo-salem-community-council-2018-11-14-minutes-welsh.pdf", ["dylid talu amdano o gyfrif y Cyngor"]),
])
def test_dev_papers(name, expected):
    path = SHARED_MORE / name
    if not path.is_file():
        pytest.skip(f"{name} is not in ../shared/pdfs-more")
    body = read_file(path).body()
    found = [r.text for r in find_resolutions(body, 0, len(body))]
    assert all(text in found for text in expected)


def test_more_ways_of_writing_resolved():
    assert decisions("""
        RESOLVED: That the accounts for 2023/24 be approved.
        Resolved unanimously that the Chair sign the grant agreement.
        RESOLVED (nem con) that the bus shelter be repainted.
        Members RESOLVED to accept the lowest tender.
        Penderfynwyd yn unfrydol bod y cyfrifon yn cael eu cymeradwyo.
        It was agreed by the Council that the car park be resurfaced.
    """) == [
        "the accounts for 2023/24 be approved",
        "the Chair sign the grant agreement",
        "the bus shelter be repainted",
        "to accept the lowest tender",
        "y cyfrifon yn cael eu cymeradwyo",
        "the car park be resurfaced",
    ]


def test_a_motion_moved_and_carried():
    assert decisions("""
        It was moved by Cllr Amos and seconded by Cllr Byrne that the Council join the county climate pact.
        CARRIED
        Cllr Amos said the hall roof was leaking. Carried out repairs would cost £2,000.
    """) == ["the Council join the county climate pact"]


def test_the_body_agreeing_a_decision_but_not_a_task_or_a_view():
    assert decisions("""
        Councillors agreed that the precept be set at £5,000 for 2025/26.
        The Panel agreed that the presentation was very helpful.
        The Committee agreed to write to the bus company.
    """) == ["the precept be set at £5,000 for 2025/26"]


def test_an_agreement_after_a_list_that_is_not_of_payments_takes_its_last_part():
    assert decisions("""
        5. CORRESPONDENCE
        i) Letter from the police about speeding on Station Road. Noted
        ii) Request from the Brownies for a grant towards their trip to Guernsey.
        (Proposed by Cllr. J. Amis, seconded by Cllr. R. Lowe and agreed)
    """) == ["ii) Request from the Brownies for a grant towards their trip to Guernsey"]


def test_minutes_agreed_as_a_true_record_is_the_whole_sentence():
    assert decisions("""
        24/031 Minutes of the previous meeting
        Subject to one correction the minutes were agreed as a true record and signed by the Chair.
        24/032 Planning
    """) == ["Subject to one correction the minutes were agreed as a true record and signed by the Chair"]


def test_a_motion_seconded_and_agreed_in_the_sentence_after_it():
    assert decisions("""
        The Chair proposed that the Council buy a defibrillator for the pavilion. This was seconded by
        Cllr Nash and agreed by all.
        Cllr Ames proposed that the verge be left uncut, seconded by Cllr Bell and agreed.
        Replacement of the notice board. Proposed: Cllr Dunn, Seconded: Cllr Ford. All agreed.
    """) == [
        "the Council buy a defibrillator for the pavilion",
        "the verge be left uncut",
        "Replacement of the notice board",
    ]


def test_a_motion_carried_and_then_resolved_is_one_decision():
    assert decisions("""
        A proposal was made by the Chair to defer the item to the March meeting. The proposal was seconded
        by Councillor Ortiz, voted on and carried.
        Therefore, it was RESOLVED that the scheme be deferred to the March meeting.
    """) == ["the scheme be deferred to the March meeting"]
