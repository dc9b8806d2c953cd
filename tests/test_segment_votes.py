"""Recorded votes: counts, the names under them, the result and the motion."""

from helpers import as_lines

from councilpapers.ingest.segment.votes import find_votes

DEBATE = """
    5) Mr Gough proposed, and Mr Oakford seconded the motion that
    “County Council is asked to:
    (1) Endorse the joint work on devolution
    (2) Note the timetable”
    6) Mr Brady proposed and Ms Constantine seconded the following amendment
    to the motion set out in paragraph 5:
    “(1) Endorse the joint work on devolution
    (2) Recommend that the elections go ahead”
    7) Following the debate, the Chairman put the amendment set out in
    paragraph 6 to the vote and the voting was as follows:
    For (4)
    Mr Baldock, Mr Brady, Ms Constantine, Mr
    R Lehmann
    Against (3)
    Mr Baker, Mr Barrington-King,
    Mrs Bell, Mr Bond
    Abstain (1)
    Mrs Bruneau
    Amendment lost.
    8) The Chairman put the motion set out in paragraph 5 to the vote and the voting was as follows:
    For (3):

    Mr Baker, Mr Bond and Mrs Bell
    Against (0)
    Abstain (0)
    The motion was carried.
    9) RESOLVED that the County Council endorses the joint work on devolution.
"""


def test_counts_and_names_over_several_lines():
    lines = as_lines(DEBATE)
    first, second = find_votes(lines, 0, len(lines))
    assert (first.for_, first.against, first.abstain) == (4, 3, 1)
    assert first.names_for == ["Mr Baldock", "Mr Brady", "Ms Constantine", "Mr R Lehmann"]
    assert first.names_abstain == ["Mrs Bruneau"]
    assert lines[first.index].text.strip() == "For (4)"
    assert (second.for_, second.against, second.abstain) == (3, 0, 0)
    assert second.names_for == ["Mr Baker", "Mr Bond", "Mrs Bell"]
    assert second.names_against == [] and second.names_abstain == []


def test_count_that_disagrees_with_its_names_is_kept_and_flagged():
    first, second = find_votes(as_lines(DEBATE), 0, len(as_lines(DEBATE)))
    assert first.against == 3
    assert first.names_against == ["Mr Baker", "Mr Barrington-King", "Mrs Bell", "Mr Bond"]
    assert first.count_mismatch is True
    assert second.count_mismatch is False


def test_results_carried_and_lost():
    votes = find_votes(as_lines(DEBATE), 0, len(as_lines(DEBATE)))
    assert [v.result for v in votes] == ["lost", "carried"]


def test_motion_is_the_paragraph_the_vote_refers_to():
    first, second = find_votes(as_lines(DEBATE), 0, len(as_lines(DEBATE)))
    assert first.motion.startswith("Mr Brady proposed and Ms Constantine seconded the following amendment")
    assert first.motion.endswith("(2) Recommend that the elections go ahead”")
    assert second.motion.startswith("Mr Gough proposed, and Mr Oakford seconded the motion that")
    assert "(2) Note the timetable”" in second.motion and "Mr Brady" not in second.motion


def test_motion_without_a_reference_is_the_nearest_proposal_and_is_short():
    text = "\n".join([
        "The Leader introduced the item.",
        "Mr Hood moved the motion that " + "the Council supports the plan " * 30,
        "The motion was put to the vote.",
        "FOR (2) Mr Hood and Mr Hook",
        "AGAINST (1) Mr Gough",
        "Carried",
    ])
    (vote,) = find_votes(as_lines(text), 0, 6)
    assert vote.motion.startswith("Mr Hood moved the motion that the Council supports")
    assert len(vote.motion) <= 500 and vote.motion.endswith("…")
    assert (vote.for_, vote.against, vote.abstain) == (2, 1, None)
    assert vote.names_for == ["Mr Hood", "Mr Hook"]
    assert vote.result == "carried"


def test_counts_without_names_are_not_a_mismatch_and_prose_is_not_a_vote():
    lines = as_lines("""
        The amendment was put to the vote and was lost, the voting being as follows:
        For (12)
        Against (30)
        Abstain (2)
        For the avoidance of doubt the Council noted the report.
    """)
    (vote,) = find_votes(lines, 0, len(lines))
    assert (vote.for_, vote.against, vote.abstain) == (12, 30, 2)
    assert vote.names_for == vote.names_against == vote.names_abstain == []
    assert vote.count_mismatch is False
    assert vote.result == "lost"
    assert vote.motion is None


def test_real_kent_council_recorded_votes(shared_file):
    from councilpapers.ingest.readers import read_file

    lines = read_file(shared_file("pdfs/kent-county-council-2025-01-09-printed-minutes.pdf")).body()
    votes = find_votes(lines, 0, len(lines))
    assert [(v.for_, v.against, v.abstain, v.result) for v in votes] == [
        (14, 45, 4, "lost"),
        (17, 43, 3, "lost"),
        (13, 45, 4, "lost"),
        (14, 40, 7, "lost"),
        (39, 19, 1, "carried"),
    ]
    assert [lines[v.index].number for v in votes] == [224, 266, 307, 347, 363]
    assert not any(v.count_mismatch for v in votes)
    assert all(len(v.names_for) == v.for_ for v in votes)
    assert votes[0].names_abstain == ["Mrs Bruneau", "Mr Chittenden", "Mrs Dean", "Mr Webb"]
    assert votes[-1].names_abstain == ["Ms Constantine"]
    assert votes[0].motion.startswith("Mr Hood proposed and Mr Baldock seconded the following amendment")
    # the substantive motion is the amendment of paragraph 15, not the last amendment debated
    assert votes[-1].motion.startswith("Mr Streatfeild proposed and Mr Sole seconded")
    assert all(len(v.motion) <= 500 for v in votes)


def test_a_side_met_again_starts_another_vote():
    lines = as_lines("""
        For (2) Mr Hood and Mr Hook
        Against (1) Mr Gough
        For (1) Mr Gough
        Against (2) Mr Hood and Mr Hook
    """)
    votes = find_votes(lines, 0, len(lines))
    assert [(v.for_, v.against) for v in votes] == [(2, 1), (1, 2)]
    assert [v.names_against for v in votes] == [["Mr Gough"], ["Mr Hood", "Mr Hook"]]
