"""Recorded votes as councils other than Kent print them: labelled counts in any
order, bracketed counts after the question, prose ("by six votes to two"),
tables, names under each side, Welsh; and figures that are not votes."""

import pytest
from helpers import as_lines, lines_of
from pdf_factory import Piece, make_layout_pdf, make_pdf

from councilpapers.ingest.model import ExtractedText
from councilpapers.ingest.pipeline import extract_records
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.segment.votes import find_all_votes


def votes_in(text: str):
    lines = as_lines(text)
    return find_all_votes(lines, 0, len(lines))


def tally(vote):
    return vote.for_, vote.against, vote.abstain, vote.result


# --- labelled counts ------------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "For 9, Against 4, Abstentions 2",
    "Against: 4  For: 9  Abstain: 2",
    "Votes for – 9; votes against – 4; abstentions – 2",
    "Abstained (2), For (9), Against (4)",
    "FOR - 9 / AGAINST - 4 / ABSTAIN - 2".replace(" / ", ", "),
    "In favour: nine; Against: four; Abstaining: two",
])
def test_labelled_counts_in_any_order_and_punctuation(written):
    (vote,) = votes_in(f"""
        Councillor Marsh moved that the skate park be relocated to Mill Field.
        The motion was put to the vote.
        {written}
        The motion was carried.
    """)
    assert tally(vote) == (9, 4, 2, "carried")
    assert vote.result_from == "words"
    assert vote.motion.startswith("Councillor Marsh moved that the skate park")


def test_labelled_counts_one_a_line_with_the_outcome_before_them():
    found = votes_in("""
        On being put to the vote the amendment was declared lost, the voting being:
        For 5
        Against 12
        Abstentions 0
        Members then debated the original recommendation at length.
    """)
    assert [tally(v) for v in found] == [(5, 12, 0, "lost")]
    assert found[0].index == 1 and found[0].end == 4


def test_without_outcome_words_the_counts_decide_and_a_tie_decides_nothing():
    decided, tied = votes_in("""
        Item A: For 8, Against 3.
        Item B: For 5, Against 5, Abstain 1.
    """)
    assert (decided.result, decided.result_from) == ("carried", "counts")
    assert (tied.result, tied.result_from) == (None, None)


# --- counts after the question ------------------------------------------------------------


@pytest.mark.parametrize("written, expected", [
    ("The amendment fell (3 for, 10 against, 1 abstention).", (3, 10, 1, "lost")),
    ("The amendment was not supported (2 for, 9 against).", (2, 9, None, "lost")),
    ("The proposal was approved (11 votes for, 1 against, 2 abstentions).", (11, 1, 2, "carried")),
    ("The motion was carried (14 in favour, 3 against, no abstentions).", (14, 3, 0, "carried")),
    ("RESOLVED (7 for, 2 against) that the footpath diversion be supported.", (7, 2, None, "carried")),
    ("There voted 10 for the motion and 4 against, with 1 member abstaining; it was carried.", (10, 4, 1, "carried")),
])
def test_bracketed_and_inline_counts_after_the_question(written, expected):
    (vote,) = votes_in(written)
    assert tally(vote) == expected


# --- prose -----------------------------------------------------------------------------------


@pytest.mark.parametrize("written, expected", [
    ("The recommendation was carried by 8 votes to 5 with 2 abstentions.", (8, 5, 2, "carried")),
    ("The amendment was lost by 4 votes to 13.", (4, 13, None, "lost")),
    ("The amendment was lost by 13 votes to 4.", (4, 13, None, "lost")),  # the winners' number first
    ("The motion was agreed by seven votes to two, with one abstention.", (7, 2, 1, "carried")),
    ("It was defeated by twenty-one votes to nineteen.", (19, 21, None, "lost")),
])
def test_prose_counts_and_numbers_in_words(written, expected):
    (vote,) = votes_in(written)
    assert tally(vote) == expected


@pytest.mark.parametrize("written", [
    "The motion was carried unanimously.",
    "On being put to the vote the amendment was lost.",
    "The recommendation was agreed nem. con.",
])
def test_an_outcome_without_counts_is_no_recorded_vote(written):
    assert votes_in(written) == []


# --- several votes in one item ----------------------------------------------------------------


def test_an_amendment_lost_then_the_substantive_motion_carried():
    amendment, motion = votes_in("""
        Councillor Pryce proposed, seconded by Councillor Odell, that the grant to the
        Riverside Trust be reduced to £4,000. On being put to the vote the amendment was
        lost (5 for, 9 against, 1 abstention). The substantive motion, that the grant of
        £6,500 be approved, was then put and carried (10 for, 4 against, 1 abstention).
    """)
    assert tally(amendment) == (5, 9, 1, "lost")
    assert tally(motion) == (10, 4, 1, "carried")
    assert amendment.motion.startswith("Councillor Pryce proposed, seconded by Councillor Odell")
    assert motion.motion.startswith("The substantive motion, that the grant of £6,500")


def test_each_outcome_word_goes_to_the_vote_it_is_nearest():
    first, second = votes_in("""
        The first amendment was put to the vote.
        For 6
        Against 7
        The amendment was lost.
        The second amendment was put to the vote.
        For 9
        Against 4
        The second amendment was therefore carried.
    """)
    assert [tally(first), tally(second)] == [(6, 7, None, "lost"), (9, 4, None, "carried")]


def test_a_side_counted_twice_starts_another_vote():
    found = votes_in("Amendment: For 2, Against 8. Motion: For 8, Against 2.")
    assert [(v.for_, v.against) for v in found] == [(2, 8), (8, 2)]


# --- names ----------------------------------------------------------------------------------


def test_a_recorded_vote_with_names_and_no_counts_keeps_counts_empty():
    (vote,) = votes_in("""
        A recorded vote was requested and taken.
        For: Cllrs Abbott, Beynon and Crane; Against: Cllr Doyle; Abstain: none.
        The motion was carried.
    """)
    assert vote.names_for == ["Cllr Abbott", "Cllr Beynon", "Cllr Crane"]
    assert vote.names_against == ["Cllr Doyle"]
    assert (vote.for_, vote.against, vote.abstain) == (None, None, 0)
    assert vote.result == "carried" and vote.count_mismatch is False


def test_counts_printed_with_names_are_checked_against_them():
    (vote,) = votes_in("""
        For (3): Councillor E Ford, Councillor G Hale, Councillor J Irwin
        Against (2): Councillor K Lowe
        Amendment carried.
    """)
    assert (vote.for_, vote.against) == (3, 2)
    assert vote.names_against == ["Councillor K Lowe"]
    assert vote.count_mismatch is True


def test_a_count_after_the_names():
    (vote,) = votes_in("""
        For: Councillor M Nash, Councillor P Quinn (2)
        Against: Councillor R Shaw (1)
        The motion was carried.
    """)
    assert (vote.for_, vote.against, vote.names_for) == (2, 1, ["Councillor M Nash", "Councillor P Quinn"])


# --- Welsh ----------------------------------------------------------------------------------


@pytest.mark.parametrize("written, expected", [
    ("O blaid 7, Yn erbyn 3, Ymatal 1. Cariwyd y cynnig.", (7, 3, 1, "carried")),
    ("Pleidleisiodd 4 o blaid a 9 yn erbyn, gyda neb yn ymatal. Collwyd y gwelliant.", (4, 9, 0, "lost")),
    ("Pleidleisiodd chwech o blaid, dau yn erbyn ac un yn ymatal.", (6, 2, 1, "carried")),
])
def test_welsh_counts(written, expected):
    (vote,) = votes_in(written)
    assert tally(vote) == expected


# --- tables ---------------------------------------------------------------------------------


def test_a_plain_text_table_of_several_votes_with_a_result_column():
    found = votes_in("""
        Question          For    Against    Abstain    Result
        Amendment 1       2      11         1          Lost
        Amendment 2       6      7          1          Lost
        Substantive       12     1          1          Carried
    """)
    assert [tally(v) + (v.motion,) for v in found] == [
        (2, 11, 1, "lost", "Amendment 1"), (6, 7, 1, "lost", "Amendment 2"), (12, 1, 1, "carried", "Substantive"),
    ]


def test_a_table_laid_out_in_columns_in_a_pdf(tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_layout_pdf([[
        Piece("7. Community Orchard"),
        Piece("Councillor Ives moved that the orchard lease be renewed for five years."),
        [Piece("For", x=40), Piece("Against", x=80), Piece("Abstain", x=120)],
        [Piece("6", x=42), Piece("3", x=84), Piece("0", x=124)],
        Piece("The motion was carried."),
    ]]))
    lines = read_file(path).body()
    (vote,) = find_all_votes(lines, 1, len(lines))  # the item's body, below its heading
    assert tally(vote) == (6, 3, 0, "carried")
    assert vote.motion.startswith("Councillor Ives moved")


# --- figures that are not votes --------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "Residents chose 6 for the hall, 2 for the car park and 1 for the green.",
    "Tickets cost £12 for adults, £6 for children; see page 6 for details.",
    "The consultation ran for 6 weeks and the works will run for 3 months.",
    "The grant was agreed with 2 abstentions.",
    "Members argued for 5 minutes against the closure.",
    "Paragraph 4 for information, paragraph 7 against the officer view.",
])
def test_figures_that_are_not_votes(written):
    assert votes_in(written) == []


# --- through the pipeline: minute items and meetings -----------------------------------------

MINUTES = [
    "BRAMBLEWICK TOWN COUNCIL",
    "Minutes of the meeting of the Planning Committee held on Tuesday 4 March 2025",
    "Present: Cllr T Upton (Chair), Cllr V Wade, Cllr W Yates",
    "101. Apologies",
    "Apologies were received from Cllr Z Ames.",
    "102. Land at Orchard Lane",
    "Cllr Wade proposed refusal on highway grounds. The proposal was lost",
    "(1 for, 2 against, 0 abstentions).",
    "It was then RESOLVED (2 for, 1 against) that permission be granted.",
    "103. Budget monitoring",
    "The report was noted.",
]


def extract_pdf(tmp_path, pages, name="minutes.pdf"):
    path = tmp_path / name
    path.write_bytes(make_pdf(pages))
    return extract_records(read_file(path), str(path), "c" * 64)


def test_votes_belong_to_the_minute_item_they_sit_in(tmp_path):
    meetings, records = extract_pdf(tmp_path, [MINUTES])
    votes = [r for r in records if r.type == "vote"]
    items = {r.id: r.number for r in records if r.type == "minute_item"}
    assert [(v.minute, items[v.item]) + tally(v) for v in votes] == [
        ("102", "102", 1, 2, 0, "lost"), ("102", "102", 2, 1, None, "carried"),
    ]
    assert {v.meeting for v in votes} == {meetings[0].id}
    assert votes[0].page == 1 and votes[0].line == 8  # the line its counts start on


def test_minutes_reprinted_in_an_agenda_pack_give_their_votes_to_the_earlier_meeting():
    pack = """\
AGENDA
LICENSING COMMITTEE
Thursday, 10th April, 2025, at 6.30 pm
1 Apologies for absence
2 Minutes of the meeting held on 6 March 2025 (Pages 3 - 4)
3 Street trading policy (Pages 5 - 12)
Dana Forbes
Monitoring Officer
Wednesday, 2 April 2025
 HOLMEFIELD DISTRICT COUNCIL
LICENSING COMMITTEE
MINUTES of a meeting of the Licensing Committee held in the Council Chamber on Thursday, 6 March 2025.
PRESENT: Cllr A Bates (Chair), Cllr C Dunn, Cllr E Frost
21. Taxi fares review
The Committee voted on the proposed tariff: For 2, Against 1.
RESOLVED that the tariff be adopted.
22. Any other business
There was none.
"""
    lines = lines_of(pack, keep_blank=False)
    meetings, records = extract_records(ExtractedText("text", lines), "pack.txt", "d" * 64)
    (vote,) = [r for r in records if r.type == "vote"]
    meeting_dates = {m.id: m.date for m in meetings}
    assert meeting_dates[vote.meeting] == "2025-03-06"
    assert (vote.minute,) + tally(vote) == ("21", 2, 1, None, "carried")


def test_lists_under_bracketed_counts_with_a_plural_title_and_an_outcome_in_prose():
    (vote,) = votes_in("""
        A recorded vote was taken on the precept.
        For (4): Cllrs Hale, Irwin, Jory and Kemp
        Against (1): Cllr Lyle
        Abstain (0)
        The precept was therefore approved.
    """)
    assert tally(vote) == (4, 1, 0, "carried")
    assert vote.names_for == ["Cllr Hale", "Cllr Irwin", "Cllr Jory", "Cllr Kemp"]
    assert vote.names_against == ["Cllr Lyle"] and vote.count_mismatch is False


def test_names_end_at_a_line_that_is_no_names():
    counted, named = votes_in("""
        For: 2 Against: 9 Abstain: 0
        The amendment was lost. The motion was then put to a recorded vote:
        For: Cllr Moss, Cllr Nye, Cllr Orr (3)
        Against: Cllr Penn (1)
        Carried.
    """)
    assert tally(counted) == (2, 9, 0, "lost")
    assert tally(named) == (3, 1, None, "carried")
    assert named.names_against == ["Cllr Penn"]


def test_votes_cast_in_favour():
    (vote,) = votes_in("Eight votes were cast in favour and three against, so the motion was carried.")
    assert tally(vote) == (8, 3, None, "carried")


# --- a vote told in two pieces, its own outcome, nobody on a side, dash tallies -------------


@pytest.mark.parametrize("written, abstained", [
    ("Votes for 8, votes against 5.\nAbstentions: 3", 3),
    ("There were 8 votes in favour and 5 against. Three members abstained.", 3),
    ("For: 8, Against: 5\nAbstained (1): Councillor Pryce", 1),
])
def test_the_abstentions_in_the_next_piece_belong_to_the_same_vote(written, abstained):
    found = votes_in(f"""
        The recommendation on the allotment rents was put to the vote.
        {written}
        The recommendation was carried.
    """)
    assert [tally(v) for v in found] == [(8, 5, abstained, "carried")]


def test_a_lone_abstention_is_never_a_vote():
    assert votes_in("""
        The minutes of the last meeting were approved.
        Abstained (2): Councillors Lowe and Quinn, who were absent.
    """) == []
    assert votes_in("The accounts were noted. Abstentions: 1") == []


def test_an_abstention_after_a_complete_vote_starts_no_vote_and_changes_it_not():
    (vote,) = votes_in("""
        For 8, Against 5, Abstentions 0. Carried.
        Item 7 Grass cutting contract
        Abstentions: 2
    """)
    assert tally(vote) == (8, 5, 0, "carried")


def test_a_neighbouring_amendments_outcome_is_not_taken_and_counts_decide():
    first, second = votes_in("""
        The amendment was put to the vote: For 4, Against 10. The amendment fell.
        The substantive motion was then put to the vote.
        For 10, Against 4.
    """)
    assert tally(first) == (4, 10, None, "lost")
    assert tally(second) == (10, 4, None, "carried")
    (lone,) = votes_in("The amendment was lost. The motion on parking charges: For 10, Against 4.")
    assert tally(lone) == (10, 4, None, "carried") and lone.result_from == "counts"


@pytest.mark.parametrize("written", [
    "The proposal was carried by 9 votes to 3; nobody abstained.",
    "The proposal was carried by 9 votes to 3. There were no abstentions.",
    "For 9, Against 3, with none abstaining. Carried.",
    "In favour 9, against 3, abstentions nil. Carried.",
    "The proposal was carried by 9 votes to 3 (0 abstentions).",
])
def test_a_side_printed_as_nobody_is_zero(written):
    assert [tally(v) for v in votes_in(written)] == [(9, 3, 0, "carried")]


def test_a_side_not_mentioned_stays_empty():
    assert [tally(v) for v in votes_in("The proposal was carried by 9 votes to 3.")] == [(9, 3, None, "carried")]


@pytest.mark.parametrize("written, expected", [
    ("The motion to close the depot was carried 7–3.", (7, 3, None, "carried")),
    ("The amendment was carried (7-3-1).", (7, 3, 1, "carried")),
    ("The proposal to sell the pavilion was lost 2–9–1.", (2, 9, 1, "lost")),
])
def test_a_dash_tally_beside_an_outcome_word(written, expected):
    assert [tally(v) for v in votes_in(written)] == [expected]


@pytest.mark.parametrize("written", [
    "The precept for 2024-25 was approved.",
    "Items 3-5 were agreed without discussion.",
    "Pages 12-14 of the plan were adopted.",
    "The home side won 6-2 and the report was noted.",
    "Opening hours of 9-5 were agreed.",
])
def test_dash_figures_that_are_not_tallies(written):
    assert votes_in(written) == []


# --- prose counts running on into the sentence, a colon before a bracketed count -------------


@pytest.mark.parametrize("written, expected", [
    ("By a majority of 7 votes to 3 the motion was carried.", (7, 3, None, "carried")),
    ("On a vote of 6 votes to 4 it was resolved to defer the application.", (6, 4, None, "carried")),
])
def test_prose_counts_followed_by_the_rest_of_the_sentence(written, expected):
    (vote,) = votes_in(written)
    assert tally(vote) == expected


def test_votes_having_been_cast():
    (vote,) = votes_in("Nine votes having been cast in favour and two against, the motion was carried.")
    assert tally(vote) == (9, 2, None, "carried")


def test_a_colon_before_the_bracketed_count_of_a_named_side():
    (vote,) = votes_in("""
        A recorded vote was requested on the amendment.
        For: (2) Cllrs Quill and Rowe
        Against: (5) Cllrs Saul, Tate, Upton, Vane and Wren
        Abstain: (0)
        The amendment was lost.
    """)
    assert tally(vote) == (2, 5, 0, "lost")
    assert vote.names_for == ["Cllr Quill", "Cllr Rowe"]
    assert len(vote.names_against) == 5 and vote.count_mismatch is False


def test_a_decision_that_restates_the_vote_just_told_is_that_one_vote():
    (vote,) = votes_in("""
        It was moved by Councillor Leaver and seconded by Councillor Clayton that the application be refused.
        On being put to the vote, there voted 4 for the motion and 2 against.
        RESOLVED (4 for, 2 against) that the application be REFUSED.
    """)
    assert tally(vote) == (4, 2, None, "carried")


def test_two_motions_carried_by_the_same_counts_on_adjacent_lines_stay_two():
    found = votes_in("""
        The amendment was lost (4 for, 5 against).
        The substantive motion was carried (5 for, 4 against).
        The motion to adjourn was carried (5 for, 4 against).
    """)
    assert [tally(v) for v in found] == [(4, 5, None, "lost"), (5, 4, None, "carried"), (5, 4, None, "carried")]
