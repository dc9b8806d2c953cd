"""Acronyms: defined in brackets, reversed, in glossary lines and in a scorecard key."""

import pytest
from helpers import lines_of

from councilpapers.corpus.glossary import merge_glossary
from councilpapers.corpus.records import Acronym
from councilpapers.ingest.extractors.acronyms import find_acronyms


def pairs(text: str) -> list[tuple[str, str]]:
    return [(a.short, a.long) for a in find_acronyms(lines_of(text))]


@pytest.mark.parametrize(
    "text, short, long",
    [
        ("to support Unaccompanied Asylum Seeking Children (UASC) arriving at the port",
         "UASC", "Unaccompanied Asylum Seeking Children"),
        ("a conference on unaccompanied asylum seeking children (UASC) held last week",
         "UASC", "unaccompanied asylum seeking children"),
        ("the LILAC award (Leading Improvements for Looked\nAfter Children (LILAC)) was renewed",
         "LILAC", "Leading Improvements for Looked After Children"),
        ("guidance from the Department for Education (DfE) was expected", "DfE", "Department for Education"),
        ("Early Help and Preventative Services (EH&PS) will lead", "EH&PS", "Early Help and Preventative Services"),
        ("the Multi-Agency Child Sexual Exploitation (MACSE) Panel met", "MACSE", "Multi-Agency Child Sexual Exploitation"),
        ("Independent Reviewing Officers (IROs) chair the reviews", "IROs", "Independent Reviewing Officers"),
        ("the completion of review health assessments (RHAs) within timescale", "RHAs", "review health assessments"),
        ("is made by Kent Specialist Children’s Services (SCS) within", "SCS", "Specialist Children’s Services"),
        ("personal, social, health and economic (PSHE) education", "PSHE", "personal, social, health and economic"),
        ("Work to support Children in Need1 (CIN) featured", "CIN", "Children in Need"),
        ("measured using a Year to Date (YTD) approach", "YTD", "Year to Date"),
        ("updated for Office of Budget Responsibility (OBR) Oct 24 forecasts", "OBR", "Office of Budget Responsibility"),
        ("The RAG (Red/Amber/Green) applied as at 31 May", "RAG", "Red/Amber/Green"),
        ("There is a new UASC (Unaccompanied Asylum Seeking Children) service", "UASC",
         "Unaccompanied Asylum Seeking Children"),
    ],
)
def test_a_definition_in_running_text(text, short, long):
    assert pairs(text) == [(short, long)]


@pytest.mark.parametrize(
    "text",
    [
        "UASC – Unaccompanied Asylum Seeking Children",
        "UASC - Unaccompanied Asylum Seeking Children",
        "UASC: Unaccompanied Asylum Seeking Children",
        "• UASC = Unaccompanied Asylum Seeking Children",
    ],
)
def test_a_glossary_line(text):
    assert pairs(text) == [("UASC", "Unaccompanied Asylum Seeking Children")]


def test_a_table_of_bodies_wrapped_over_lines():
    text = (
        " KSCB Kent Safeguarding Children \n"
        "Board \n"
        "\n"
        "PAG Performance Advisory Group PAG reviews business cases for new bids\n"
        "RAG - Red Zone RAG - Amber Zone\n"
    )
    assert pairs(text) == [
        ("KSCB", "Kent Safeguarding Children Board"),
        ("PAG", "Performance Advisory Group"),
    ]


def test_key_to_abbreviations_with_codes_and_meanings_in_separate_runs():
    text = (
        "Children in Care Numerator\n"
        "\n"
        "Becoming Looked After Special Educational Need\n"
        "\n"
        "Year to Date (April to March) Qualified Social Worker\n"
        "\n"
        "Snapshot Placement Order\n"
        "\n"
        "Maureen Robinson to amend the scorecard for CPP and circulate.\n"
        "\n"
        "MR\n"
        "QSW\n"
        "\n"
        "BLA\n"
        "\n"
        "SEN\n"
        "\n"
        "YTD\n"
        "PO\n"
        "SS\n"
        "\n"
        "Key To Abbreviations\n"
    )
    assert sorted(pairs(text)) == [
        ("BLA", "Becoming Looked After"),
        ("PO", "Placement Order"),
        ("QSW", "Qualified Social Worker"),
        ("SEN", "Special Educational Need"),
        ("YTD", "Year to Date"),
    ]


def test_codes_without_a_key_heading_are_not_paired():
    text = "Becoming Looked After\n\nBLA\n"
    assert pairs(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "PRESENT: Mrs A D Allen, MBE (Chairman), Mr R E Brookbank",
        "Minutes of the meeting held on 21 April (Item B1)",
        "School Public Health Services (KCHFT) –£4,859, 856",
        "see part (II) of the report",
        "Mrs Skinner said so. Action – Sarah Skinner (SS) to reply.",
        "the SCS06 indicator (SCS06) is red",
        # Initials before a name in an action log: two letters and only a space are no glossary.
        "MP Mark Pearson to circulate the revised protocol",
        # The long form ends at the bracket: a small word there leaves the letters unspelt.
        "children placed in Looked After Children in (LAC) placements",
    ],
)
def test_things_that_are_not_definitions(text):
    assert pairs(text) == []


def test_one_entry_per_short_form_first_definition_wins_with_its_line():
    text = (
        "Specialist Children’s Services (SCS) will report.\n"
        "Kent County Council (KCC) agreed.\n"
        "Smoking cessation services include stop smoking services (SCS).\n"
    )
    found = find_acronyms(lines_of(text, first=40))
    assert found == [
        Acronym(index=0, short="SCS", long="Specialist Children’s Services"),
        Acronym(index=1, short="KCC", long="Kent County Council"),
    ]


def test_plural_and_singular_short_forms_stay_as_printed():
    text = (
        "Initial Health Assessments (IHAs) are late.\n"
        "An Initial Health Assessment (IHA) is due within 20 days.\n"
    )
    assert pairs(text) == [
        ("IHAs", "Initial Health Assessments"),
        ("IHA", "Initial Health Assessment"),
    ]


def test_merge_glossary_takes_the_most_frequent_long_form_ignoring_case():
    per_file = [
        [Acronym(index=1, short="UASC", long="unaccompanied asylum seeking children"), Acronym(index=2, short="SCS", long="stop smoking services")],
        [Acronym(index=5, short="UASC", long="Unaccompanied Asylum Seeking Children"), Acronym(index=9, short="SCS", long="Specialist Children’s Services")],
        [Acronym(index=3, short="UASC", long="Unaccompanied Asylum Seeking Children"), Acronym(index=4, short="SCS", long="Specialist Children's Services")],
        [Acronym(index=3, short="UASC", long="Unaccompanied Asylum-Seeking Children")],
        [Acronym(index=7, short="CiC", long="Children in Care"), Acronym(index=8, short="DPS", long="direct purchasing system")],
        [Acronym(index=7, short="CIC", long="children in care")],
        [Acronym(index=2, short="CIC", long="Children in Care")],
    ]
    assert {e.short: e.long for e in merge_glossary(a for acronyms in per_file for a in acronyms)} == {
        "UASC": "Unaccompanied Asylum Seeking Children",
        "SCS": "Specialist Children’s Services",
        "CIC": "Children in Care",  # printed "CIC" twice, "CiC" once
        "DPS": "direct purchasing system",
    }


def test_the_initials_of_those_attending_are_no_acronyms():
    text = ("Present: Cllr John Fairweather (JF), Mary Ellison (ME), Rev. Peter Quayle (PQ)\n"
            "JF reported on the Local Government Reorganisation (LGR) consultation.\n")
    attendees = ["Cllr John Fairweather", "Mary Ellison", "Rev. Peter Quayle"]
    assert pairs(text) == [("JF", "John Fairweather"), ("ME", "Mary Ellison"), ("PQ", "Peter Quayle"),
                           ("LGR", "Local Government Reorganisation")]  # nothing tells them people
    found = find_acronyms(lines_of(text), attendees=attendees)
    assert [(a.short, a.long) for a in found] == [("LGR", "Local Government Reorganisation")]


def test_an_attendee_does_not_hide_a_body_whose_words_are_no_name_of_theirs():
    text = "Present: Cllr Anne Hall (AH)\nThe Village Hall Trust (VHT) wrote to the council.\n"
    found = find_acronyms(lines_of(text), attendees=["Cllr Anne Hall"])
    assert [(a.short, a.long) for a in found] == [("VHT", "Village Hall Trust")]


def test_initials_in_a_present_list_of_minutes_in_another_layout(tmp_path):
    from councilpapers.corpus.records import Acronym as AcronymRecord
    from councilpapers.corpus.records import Attendance
    from councilpapers.ingest.pipeline import extract_records
    from councilpapers.ingest.readers import read_file

    paper = tmp_path / "wickham-parish-council-minutes.txt"
    paper.write_text(
        "WICKHAM PARISH COUNCIL\n"
        "Minutes of the Parish Council meeting held on Tuesday 4 March 2025 at 7.30pm\n"
        "Present: Cllr Tom Bright (TB) (Chair), Cllr Sara Lowe (SL), Cllr Dev Patel (DP)\n"
        "In attendance: Ruth Moor (RM), Clerk\n\n"
        "25/031 Apologies\nNone.\n\n"
        "25/032 Playing field\nTB reported on the Community Infrastructure Levy (CIL) bid. "
        "RM to write to the Football Foundation (FF).\n"
    )
    _, records = extract_records(read_file(paper), paper.name, "e" * 64)
    assert {a.name for a in records if isinstance(a, Attendance)} >= {"Cllr Tom Bright", "Cllr Sara Lowe"}
    assert sorted((a.short, a.long) for a in records if isinstance(a, AcronymRecord)) == [
        ("CIL", "Community Infrastructure Levy"), ("FF", "Football Foundation")]
