"""Report cover sheets (By:/From:, To:, Subject:, Decision No: …) written the
way councils print them."""

from helpers import lines_of

from councilpapers.ingest.segment.cover_sheets import find_cover_sheets, title_case

VERBAL_UPDATES = """\
2. RESOLVED that the information set out in the report be noted, with thanks.
 By:                      Mr P J Oakford, Cabinet Member for Specialist Children's Services

Mr G K Gibbens, Cabinet Member for Adult Social Care and Public
Health

Mr A Ireland, Corporate Director of Social Care, Health and
Wellbeing

Mr A Scott-Clark, Director of Public Health

To: Children's Social Care and Health Cabinet Committee -
22 July 2015

Subject: Verbal updates by Cabinet Members and Corporate Directors

Classification: Unrestricted

The Committee is invited to note verbal updates on the following issues:-
1. Visits to Children's Centres in Swale and Thanet
"""


def test_several_people_under_by_and_a_to_that_wraps():
    for keep_blank in (True, False):
        [report] = find_cover_sheets(lines_of(VERBAL_UPDATES, keep_blank))
        assert report.by == [
            "Mr P J Oakford, Cabinet Member for Specialist Children's Services",
            "Mr G K Gibbens, Cabinet Member for Adult Social Care and Public Health",
            "Mr A Ireland, Corporate Director of Social Care, Health and Wellbeing",
            "Mr A Scott-Clark, Director of Public Health",
        ]
        assert report.to == "Children's Social Care and Health Cabinet Committee - 22 July 2015"
        assert report.subject == "Verbal updates by Cabinet Members and Corporate Directors"
        assert report.classification == "Unrestricted"
        assert report.summary is None and report.recommendations is None and report.decision_no is None


def test_cover_sheet_starts_at_by_and_ends_before_the_prose():
    lines = lines_of(VERBAL_UPDATES)
    [report] = find_cover_sheets(lines)
    assert lines[report.index].number == 2
    assert lines[report.end].text.startswith("The Committee is invited")


LILAC = """\
By:                           Peter Oakford, Cabinet Member for Specialist Children's
Services

Andrew Ireland, Corporate Director of Social Care, Health
and Wellbeing

To:                        Corporate Parenting Panel – 8 December 2015

Subject                  LEADING IMPROVEMENTS FOR LOOKED AFTER
CHILDREN ASSESSMENT – LILAC

Classification: Unrestricted

Electoral Division(s): All

Summary:  In 2014 KCC commissioned A National Voice to undertake an
independent assessment.

Recommendations:  The Corporate Parenting Panel is asked to:
a) NOTE the assessment and its findings
b) AGREE the need for work streams to continue

1. Introduction

1.1 The LILAC Assessment stands for Leading Improvements for Looked After
Children.
"""


def test_subject_without_colon_in_capitals_becomes_title_case_keeping_acronyms():
    [report] = find_cover_sheets(lines_of(LILAC))
    assert report.subject == "Leading Improvements for Looked After Children Assessment – LILAC"
    assert report.by == [
        "Peter Oakford, Cabinet Member for Specialist Children's Services",
        "Andrew Ireland, Corporate Director of Social Care, Health and Wellbeing",
    ]
    assert report.to == "Corporate Parenting Panel – 8 December 2015"


def test_summary_and_recommendations_run_to_the_first_section():
    lines = lines_of(LILAC)
    [report] = find_cover_sheets(lines)
    assert report.summary == "In 2014 KCC commissioned A National Voice to undertake an independent assessment."
    assert report.recommendations == (
        "The Corporate Parenting Panel is asked to: a) NOTE the assessment and its findings "
        "b) AGREE the need for work streams to continue"
    )
    assert lines[report.end].text == "1. Introduction"


def test_from_label_and_decision_number_as_a_field_or_in_the_pathway():
    text = """\
From: Graham Gibbens, Cabinet Member for Adult Social Care and
Public Health
Andrew Scott-Clark, Director of Public Health
To: Children's Social Care and Health Cabinet Committee – 22 July 2015
Decision No: 15/00067
Subject: The Public Health Strategic Delivery Plan and Commissioning
Strategy
Classification: Unrestricted

By: Graham Gibbens, Cabinet Member, Adult Social Care and Public
Health
To: Children's Health and Social Care Cabinet Committee

Date 22 July 2015
Subject: Commissioning Transfer of the Health Visiting Service -
October 2015
Future pathway:                Cabinet Member decision (Decision number 15/00068)
"""
    first, second = find_cover_sheets(lines_of(text))
    assert first.decision_no == "15/00067"
    assert first.subject == "The Public Health Strategic Delivery Plan and Commissioning Strategy"
    assert first.by == [
        "Graham Gibbens, Cabinet Member for Adult Social Care and Public Health",
        "Andrew Scott-Clark, Director of Public Health",
    ]
    assert second.decision_no == "15/00068"
    assert second.to == "Children's Health and Social Care Cabinet Committee"
    assert second.subject == "Commissioning Transfer of the Health Visiting Service - October 2015"


def test_values_on_the_lines_below_their_labels_and_a_stray_date():
    text = """\
 Agenda Item B3

By:

Peter Oakford, Cabinet Member for Specialist Children's
Services
Andrew Ireland, Corporate Director of Social Care, Health and
Wellbeing

To:

Corporate Parenting Panel – 20 July 2016

22nd July 2016

Subject:

OVERVIEW OF THE LAMING REVIEW: 'IN CARE, OUT OF
TROUBLE'

Classification:

Unrestricted

Recommendation: Members of the Corporate Parenting Panel are asked to
CONSIDER this report and its findings.

1.

Background
"""
    [report] = find_cover_sheets(lines_of(text, keep_blank=False))
    assert report.by == [
        "Peter Oakford, Cabinet Member for Specialist Children's Services",
        "Andrew Ireland, Corporate Director of Social Care, Health and Wellbeing",
    ]
    assert report.to == "Corporate Parenting Panel – 20 July 2016"
    assert report.subject == "Overview of the Laming Review: 'In Care, Out of Trouble'"
    assert report.classification == "Unrestricted"
    assert report.recommendations == (
        "Members of the Corporate Parenting Panel are asked to CONSIDER this report and its findings."
    )


def test_emails_and_prose_are_not_cover_sheets():
    text = """\
By entering into this room you are consenting to being filmed.
To receive a report from the Cabinet Member.
From: j.smith@kent.gov.uk
Sent: 3 July 2015 10:04
To: Committee Clerk
Subject: Agenda item
From 2006 to 2011 this indicator was KS2 English.
"""
    assert find_cover_sheets(lines_of(text)) == []


def test_title_case_keeps_small_words_low_and_known_acronyms():
    assert title_case("PROGRESS REPORT - SUFFICIENCY, PLACEMENTS AND COMMISSIONING STRATEGY", set()) == (
        "Progress Report - Sufficiency, Placements and Commissioning Strategy"
    )
    assert title_case("UPDATE ON UASC ISSUES", {"UASC"}) == "Update on UASC Issues"
