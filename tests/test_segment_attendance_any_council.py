"""Attendance in the forms other councils print it: made-up parish, town and
Welsh community council minutes (other towns, names and numbering than the dev
papers), then the dev papers themselves where they are present."""

from pathlib import Path
from textwrap import dedent

import pytest

from councilpapers.corpus.records import Attendance
from councilpapers.ingest.model import ExtractedText, Line
from councilpapers.ingest.pipeline import extract
from councilpapers.ingest.segment.attendance import find_apologies, find_attendance, find_speakers, heading_of
from councilpapers.ingest.segment.name_lists import read_list

SHARED = Path(__file__).resolve().parents[2] / "shared"


def as_lines(text: str) -> list[Line]:
    return [Line(n, 1, t) for n, t in enumerate(dedent(text).strip("\n").splitlines(), 1)]


def people(found, status=None):
    return [f.name for f in found if status is None or f.status == status]


def attendance_of(text: str):
    lines = [Line(n, 1, t) for n, t in enumerate(dedent(text).strip("\n").splitlines(), 1) if t.strip()]
    extraction = extract(ExtractedText("text", lines), "m.txt", "b" * 64)
    return [r for r in extraction.records if isinstance(r, Attendance)], extraction.report


# -- headings above or beside the names ----------------------------------------------------------


def test_heading_alone_above_a_list_that_wraps_into_a_clerk_and_members_of_the_public():
    lines = as_lines("""
        Present
        Councillors K Ashworth (Chair) T Bramley, L Okafor, J Pike and
        H Quinn Clerk S Wardle
        Members of the Public Mr & Mrs Hartley, Ms Dunne and Mr
        Forsyth
        Apologies - None
        21.04.2 Register of Interests
    """)
    found = find_attendance(lines, 0, len(lines) - 1)
    assert people(found, "present") == ["K Ashworth", "T Bramley", "L Okafor", "J Pike", "H Quinn"]
    assert [(f.name, f.role) for f in found if f.status == "in_attendance"] == [
        ("S Wardle", "Clerk"), ("Mr Hartley", None), ("Mrs Hartley", None), ("Ms Dunne", None), ("Mr Forsyth", None),
    ]
    assert found[0].role == "Chair"
    assert people(found, "apologies") == []
    # the clerk is cited on the line her name is on
    assert [lines[f.index].number for f in found if f.name == "S Wardle"] == [3]


def test_members_of_the_public_counted_are_a_count_never_a_person():
    lines = as_lines("""
        Present
        Councillors A Roper (Chair), B Stead and C Tully Parish Clerk D Vane
        Members of the Public - Three Members
        22.01.1 Apologies
    """)
    from councilpapers.ingest.segment.attendance import read_attendance

    found = read_attendance(lines, 0, len(lines) - 1)
    assert people(found.people, "present") == ["A Roper", "B Stead", "C Tully"]
    assert [(f.name, f.role) for f in found.people if f.status == "in_attendance"] == [("D Vane", "Parish Clerk")]
    assert [(c.number, c.who) for _, c in found.counts] == [(3, "Members")]
    assert not any("Members" in name for name in people(found.people))


def test_numbered_apologies_line_with_a_bare_list_when_no_item_was_found():
    lines = as_lines("""
        Present: Cllr R Ives, Cllr S Judd
        7.1 Apologies
        T Kemp, NDC and V Lowe (Councillors)
        7.2 Declarations of Interest
        None
    """)
    found = find_attendance(lines, 0, len(lines))
    assert [(f.name, f.role) for f in found if f.status == "apologies"] == [("T Kemp", "NDC"), ("V Lowe", None)]


def test_apologies_item_whose_body_is_a_bare_list():
    lines = as_lines("""
        3. Apologies for absence
        Gareth Price, SDC
        4. Minutes
    """)
    found = find_apologies(lines, 1, 2, bare_list=True)
    assert [(f.name, f.status, f.role) for f in found] == [("Gareth Price", "apologies", "SDC")]
    # the same line in an item not titled as apologies is nobody's apology
    assert find_apologies(lines, 1, 2) == []


def test_names_one_a_line_and_a_post_after_a_dash():
    lines = as_lines("""
        PRESENT:
        Mary Ellison (Chair)
        Owen Fairfax
        Priya Gill
        IN ATTENDANCE:
        Mr D Hughes – Clerk
        Matters Arising
        The clerk reported that the bench had been repaired.
    """)
    found = find_attendance(lines, 0, len(lines))
    assert people(found, "present") == ["Mary Ellison", "Owen Fairfax", "Priya Gill"]
    assert [(f.name, f.role) for f in found if f.status == "in_attendance"] == [("Mr D Hughes", "Clerk")]
    assert "Matters Arising" not in people(found)


def test_a_list_broken_after_every_word_with_initials_in_brackets():
    words = "Present: Tom Ashe (TA) Una Birch (UB) Vera Coles (VC) Apologies: Will Dodd (WD) Xena Eyre (XE"
    lines = as_lines("\n".join(words.split()) + "\nNotes\n=\n1. The group met")
    found = find_attendance(lines, 0, len(lines) - 1)
    assert people(found, "present") == ["Tom Ashe", "Una Birch", "Vera Coles"]
    assert people(found, "apologies") == ["Will Dodd", "Xena Eyre"]
    assert all(f.role is None for f in found)  # their own initials are no role


def test_plural_title_restored_to_bare_surnames_and_ocr_forms_of_cllr():
    lines = as_lines("""
        Present: Cllr P Oakes (Chairman)
        Clir R Vint (Vice Chairman)
        Clirs Ward, Mrs Yeo and Ms Zeal
        In Attendance: County Cllr Abbott
        Declarations of Interest: There were none
    """)
    found = find_attendance(lines, 0, len(lines))
    assert people(found, "present") == ["Cllr P Oakes", "Cllr R Vint", "Cllr Ward", "Mrs Yeo", "Ms Zeal"]
    assert people(found, "in_attendance") == ["County Cllr Abbott"]


def test_first_name_lists_ending_with_and_county_councillor():
    lines = as_lines("""
        PRESENT
        Councillors Bethan Hughes, Iwan Morgan, Rhys Parry, Sian Rowlands
        and County Councillor Elin Williams.
        PC Dewi Evans joined the meeting and reported on speeding in the village.
        1. WELCOME AND APOLOGIES
    """)
    found = find_attendance(lines, 0, len(lines) - 1)
    assert people(found, "present") == [
        "Bethan Hughes", "Iwan Morgan", "Rhys Parry", "Sian Rowlands", "County Councillor Elin Williams",
    ]
    assert [(f.name, f.role) for f in found if f.status == "in_attendance"] == [("PC Dewi Evans", "PC")]


def test_honours_after_a_comma_are_no_names_and_roles_after_a_comma_are_roles():
    lines = as_lines("""
        PRESENT: Dr J Quayle, OBE (Chairman), Mrs L Rudd, MBE, Ms N Sato and Mr T Ueda
        ALSO PRESENT: Jo Verity, Cabinet Member for Adult
        Services.
        UNRESTRICTED ITEMS
    """)
    found = find_attendance(lines, 0, len(lines) - 1)
    assert people(found, "present") == ["Dr J Quayle", "Mrs L Rudd", "Ms N Sato", "Mr T Ueda"]
    assert [(f.name, f.role) for f in found if f.status == "also_present"] == [
        ("Jo Verity", "Cabinet Member for Adult Services"),
    ]
    assert "OBE" not in " ".join(people(found)) and "UNRESTRICTED ITEMS" not in people(found)


def test_a_post_as_a_heading_and_counts_in_a_list():
    lines = as_lines("""
        Present: Councillors Marsh (Mayor), Nolan, Orme and Platt, and 4 members of the public
        Town Clerk: Mrs F Quigley
        1. Apologies
    """)
    from councilpapers.ingest.segment.attendance import read_attendance

    found = read_attendance(lines, 0, 2)
    assert people(found.people, "present") == ["Councillor Marsh", "Councillor Nolan", "Councillor Orme",
                                               "Councillor Platt"]
    assert [(f.name, f.role) for f in found.people if f.status == "in_attendance"] == [("Mrs F Quigley", "Town Clerk")]
    assert [(c.number, c.who) for _, c in found.counts] == [(4, "members of the public")]


def test_headings_and_prose_are_never_headings_of_lists():
    assert heading_of("Apologies were received from Cllr A Bell.") is None
    assert heading_of("1. WELCOME AND APOLOGIES") is None
    assert heading_of("Presentation by the Police") is None
    assert heading_of("Public Participation Lee Ward asked about parking") is None
    assert heading_of("Declarations of Interest: There were none") is None
    assert heading_of("PRESENT: Mr A Bell").status == "present"
    assert heading_of("Present Councillors A Bell and C Dunn").rest == "Councillors A Bell and C Dunn"
    assert heading_of("YMDDIHEURIADAU").status == "apologies"
    assert heading_of("12.3 Apologies").status == "apologies"


# -- sentences ------------------------------------------------------------------------------------


def test_apologies_inside_item_one_with_a_plural_title_distributed():
    lines = as_lines("""
        1. WELCOME AND APOLOGIES
        Cllr. Mair Owen took the Chair and welcomed everyone. Apologies received from Cllrs. Huw
        Lloyd, Nia Morris, and Aled Rees.
        2. MINUTES
    """)
    found = find_apologies(lines, 1, 3)
    assert people(found, "apologies") == ["Huw Lloyd", "Nia Morris", "Aled Rees"]
    assert "Mair Owen" not in people(found)


def test_officers_and_speakers_named_in_sentences_before_the_first_item():
    lines = as_lines("""
        Prior to the meeting Mr Colin Drake, Footpaths Officer, gave a short presentation on the
        rights of way map. Two members of Eastleigh Town Council attended the presentation.
        PRESENT
        Councillors Ann Bright, Carl Dunn and Erin Ford.
        PCSO’s Gail Hart and Ian Jones attended the meeting. They reported two thefts.
        1. Apologies
    """)
    from councilpapers.ingest.segment.attendance import read_attendance

    found = read_attendance(lines, 0, len(lines) - 1)
    assert people(found.people, "present") == ["Ann Bright", "Carl Dunn", "Erin Ford"]
    assert [(f.name, f.role) for f in found.people if f.status == "in_attendance"] == [
        ("Mr Colin Drake", "Footpaths Officer"), ("Gail Hart", "PCSO"), ("Ian Jones", "PCSO"),
    ]
    assert [(c.number, c.who) for _, c in found.counts] == [(2, "members of Eastleigh Town Council")]
    assert not any("Eastleigh" in n or "Two" in n for n in people(found.people))


def test_virtual_attendance_marks_those_known_and_adds_a_councillor_who_is_not():
    lines = as_lines("""
        PRESENT: Pat Quirke (Chair), Rob Stone and Sue Tate
        ALSO PRESENT: Val Upton, Cabinet Member for Highways
        Apologies were received from Mr W Vale.
        Ms S Tate and Ms V Upton were in attendance virtually. Cllr Y Wren attended the meeting remotely.
        Item one
    """)
    found = find_attendance(lines, 0, len(lines) - 1)
    remote = {f.name: f.status for f in found if f.remote}
    assert remote == {"Sue Tate": "present", "Val Upton": "also_present", "Cllr Y Wren": "present"}
    assert people(found, "apologies") == ["Mr W Vale"]
    assert len(found) == 6  # nobody twice


def test_welsh_lists_and_apologies():
    lines = as_lines("""
        PRESENNOL
        Cynghorwyr Dafydd Bowen, Eleri Cadwaladr, Ffion
        Davies ac Gethin Ellis.
        Mynychwyd y cyfarfod gan Swyddog Cymunedol yr Heddlu Huw Francis.
        1. CROESO AC YMDDIHEURIADAU
        Derbyniwyd ymddiheuriadau gan y Cynghorwyr Iolo Griffiths a Non Hughes.
        2. COFNODION
    """)
    header = find_attendance(lines, 0, 4)
    assert people(header, "present") == ["Dafydd Bowen", "Eleri Cadwaladr", "Ffion Davies", "Gethin Ellis"]
    assert people(header, "in_attendance") == ["Huw Francis"]
    apologies = find_apologies(lines, 5, 6, header)
    assert people(apologies, "apologies") == ["Iolo Griffiths", "Non Hughes"]


def test_welsh_bare_surnames_take_the_welsh_title():
    (entries, _) = read_list("Cynghorwyr Jones, Mrs Lewis a Dr Morgan")
    assert [e.name for e in entries] == ["Cyng. Jones", "Mrs Lewis", "Dr Morgan"]


def test_speakers_in_items_and_in_the_public_participation_item():
    lines = as_lines("""
        Mrs Joan Kerr was invited to speak about the playground. Mrs Kerr thanked the council.
        Lena Marsh & Omar Nasser wanted to raise the state of the footpath. The Chairman thanked them.
        Highways had been asked to repair it.
    """)
    known = [Attendance(index=0, name="Cllr P Quinn", status="present")]
    assert people(find_speakers(lines, 0, 1, known)) == ["Mrs Joan Kerr"]
    # outside an item where the public speaks, names starting sentences are nobody's attendance
    assert people(find_speakers(lines, 1, 3, known)) == []
    assert people(find_speakers(lines, 1, 3, known, public=True), "in_attendance") == ["Lena Marsh", "Omar Nasser"]


# -- the component over a whole paper ------------------------------------------------------------


PARISH_MINUTES = """
MINUTES of the meeting of Eastcombe Parish Council held on Friday, 3 June 2022.
Present
Councillors R Abel (Chair) S Bloom, T Crane and
U Drew Clerk V Earl
Members of the Public - Two Members
61. Apologies
W Frost, DDC and X Gale (Councillors)
62. Register of Interests
None
63. Public Participation
Yusuf Hale & Zara Innes asked about the bus shelter. The Chairman thanked them.
64. Play Area
Mrs Jo Kemp was invited to speak regarding the play area. Cllr Bloom agreed to obtain quotes.
"""


def test_a_parish_paper_end_to_end():
    found, report = attendance_of(PARISH_MINUTES)
    by = {(f.status, f.name) for f in found}
    assert by == {
        ("present", "R Abel"), ("present", "S Bloom"), ("present", "T Crane"), ("present", "U Drew"),
        ("in_attendance", "V Earl"), ("apologies", "W Frost"), ("apologies", "X Gale"),
        ("in_attendance", "Yusuf Hale"), ("in_attendance", "Zara Innes"), ("in_attendance", "Mrs Jo Kemp"),
    }
    assert any("2 Members attended (counted, not named)" in note for note in report.notes)


# -- the dev papers -------------------------------------------------------------------------------


def _dev_paper(name: str) -> Path:
    for folder in ("pdfs-more", "pdfs-kent", "pdfs"):
        path = SHARED / folder / name
        if path.is_file():
            return path
    pytest.skip(f"{name} is not available")


@pytest.mark.parametrize("name, present, in_attendance, apologies", [
    ("milburn-parish-council-2016-07-05-minutes.pdf",
     ["D Richardson", "R Healey", "P Moran", "S Linsley", "M Armstrong"],
     ["J Connelly", "Mr Godfrey", "Mrs Godfrey", "Mr Bellsham", "Mr Travaskis", "Mr Johnston", "Mr Canelle"], []),
    ("manordeilo-salem-community-council-2018-11-14-minutes-welsh.pdf",
     ["Alun Davies", "Arwel Davies", "Gwenfyl Evans", "Hubert Gwynne", "Peter Harries", "Dorian Jenkins",
      "William Loynton", "Andrew Thomas", "Owen Williams"],
     ["Roger Anthony", "Louise Lewis"], ["Joseph Davies", "Kim Davies", "Doris Jones"]),
    ("manordeilo-salem-community-council-2019-09-11-minutes.pdf",
     ["Alun Davies", "Kim Davies", "Gwenfyl Evans", "Doris Jones", "Hubert Gwynne", "William Loynton",
      "Owen Williams", "County Councillor Joseph Davies"],
     ["Mrs Susan Smith"], ["Peter Harries", "Dorian Jenkins"]),
])
def test_dev_papers(name, present, in_attendance, apologies):
    from councilpapers.ingest.readers import read_file

    path = _dev_paper(name)
    extraction = extract(read_file(path), str(path), "c" * 64)
    found = [r for r in extraction.records if isinstance(r, Attendance)]
    assert people(found, "present") == present
    assert people(found, "in_attendance") == in_attendance
    assert people(found, "apologies") == apologies


def test_dev_paper_grid_of_names_with_initials():
    from councilpapers.ingest.readers import read_file

    path = _dev_paper("horsley-neighbourhood-plan-working-group-2014-10-19-minutes.pdf")
    extraction = extract(read_file(path), str(path), "d" * 64)
    found = [r for r in extraction.records if isinstance(r, Attendance)]
    assert len(people(found, "present")) == 11 and len(people(found, "apologies")) == 12
    assert "Karen Bartlett-Butt" in people(found, "apologies")  # its hyphens, as one


def test_cells_of_the_layout_part_entries_where_the_layout_gives_them():
    from types import SimpleNamespace

    rows = [
        ["Present:"],
        ["Cllr A Lamb", "Chairman"],  # a post in its own column is the role of the name
        ["Cllr B Moss, Cllr C Nash", "Clerk D Pryce"],
        ["Cllr E Rowe, Mr F G", "Sharp"],  # justified spacing inside a name
        ["1. Apologies"],
    ]
    lines = []
    for n, cells in enumerate(rows, 1):
        # a line as the PDF reader with layout gives it (Line.cells)
        cells_of = tuple(SimpleNamespace(text=c) for c in cells) if len(cells) > 1 else None
        lines.append(SimpleNamespace(number=n, page=1, text="   ".join(cells), cells=cells_of))
    found = find_attendance(lines, 0, 4)
    assert [(f.name, f.status, f.role) for f in found] == [
        ("Cllr A Lamb", "present", "Chairman"), ("Cllr B Moss", "present", None), ("Cllr C Nash", "present", None),
        ("D Pryce", "in_attendance", "Clerk"), ("Cllr E Rowe", "present", None), ("Mr F G Sharp", "present", None),
    ]


def test_a_role_in_brackets_wrapping_is_no_lost_bracket_of_initials():
    lines = as_lines("""
        IN ATTENDANCE: Ruth Soames (Head of Lettings) and Ivor Mann (MI
        Service Manager)
        Apologies: Olive Nunn (ON
        1. Minutes
    """)
    found = find_attendance(lines, 0, 3)
    assert [(f.name, f.role) for f in found] == [
        ("Ruth Soames", "Head of Lettings"), ("Ivor Mann", "MI Service Manager"), ("Olive Nunn", None),
    ]


@pytest.mark.parametrize("text, expected", [
    ("Present: Cllrs. J Amos (Chairman), K Bain, L Cope; Mrs M Dunn (Clerk)",
     [("present", "J Amos", "Chairman"), ("present", "K Bain", None), ("present", "L Cope", None),
      ("in_attendance", "Mrs M Dunn", "Clerk")]),
    ("Councillors present: Ewart, Frain and Gill",
     [("present", "Councillor Ewart", None), ("present", "Councillor Frain", None),
      ("present", "Councillor Gill", None)]),
    ("In attendance: The Clerk (Mrs P Hale), County Councillor R Ince and 2 members of the public.",
     [("in_attendance", "Mrs P Hale", "Clerk"), ("in_attendance", "County Councillor R Ince", None)]),
    ("Apologies: Cllr Judd (illness), Cllr Kerr (holiday).",
     [("apologies", "Cllr Judd", None), ("apologies", "Cllr Kerr", None)]),
    ("The Chairman welcomed everyone. Present were Councillors Lyle and Mace.",
     [("present", "Councillor Lyle", None), ("present", "Councillor Mace", None)]),
    ("PRESENT:- Cllr A Nash (Chairman), Cllr B Orr", [("present", "Cllr A Nash", "Chairman"), ("present", "Cllr B Orr", None)]),
    ("Present: Cllr A Pope (Chair) Cllr B Quin Cllr C Reid",
     [("present", "Cllr A Pope", "Chair"), ("present", "Cllr B Quin", None), ("present", "Cllr C Reid", None)]),
    ("Present: Mayor Cllr A Sims, Deputy Mayor Cllr B Todd, Cllr C Usher",
     [("present", "Cllr A Sims", "Mayor"), ("present", "Cllr B Todd", "Deputy Mayor"), ("present", "Cllr C Usher", None)]),
    ("Chairman: Cllr A Vaughan\nVice-Chairman: Cllr B Wells\nClerk: Mrs C Yates",
     [("present", "Cllr A Vaughan", "Chairman"), ("present", "Cllr B Wells", "Vice-Chairman"),
      ("in_attendance", "Mrs C Yates", "Clerk")]),
    ("Also present: Mr Green (Clerk), PCSO White.",  # a rank and a surname: a person
     [("also_present", "Mr Green", "Clerk"), ("also_present", "PCSO White", "PCSO")]),
    ("Absent: Cllr X Ray (no apology)", [("absent", "Cllr X Ray", None)]),
    # sentences that name nobody who attended
    ("There were no apologies.\nCllr A Smith attended the SLCC training on 5 May.\nThe Clerk attended a GDPR session.", []),
    ("Apologies from the Chairman were noted.\nThe meeting was attended by 12 residents.", []),
])
def test_other_councils_wordings(text, expected):
    from councilpapers.ingest.segment.attendance import read_attendance

    lines = as_lines(text)
    found = read_attendance(lines, 0, len(lines)).people
    assert [(f.status, f.name, f.role) for f in found] == expected


def test_counts_in_sentences_and_lists():
    from councilpapers.ingest.segment.attendance import read_attendance

    lines = as_lines("""
        Present: Cllr Jenkins (Chair), Cllr Hughes and 3 members of the public
        The meeting was attended by 12 residents.
        There were five members of the press present.
    """)
    counts = [(c.number, c.who) for _, c in read_attendance(lines, 0, len(lines)).counts]
    assert counts == [(3, "members of the public"), (12, "residents"), (5, "members of the press")]


def test_cells_that_do_not_hold_the_whole_line_are_not_used():
    from types import SimpleNamespace

    text = "PRESENT: Mr C Ames, Mrs B Bray, Mr T Cole, Sir Paul Dane, CBE,"
    cells = tuple(SimpleNamespace(text=t) for t in ("PRESENT: Mr C Ames,", "Mrs B Bray,", "Mr T Cole,"))
    lines = [SimpleNamespace(number=1, page=1, text="PRESENT:", cells=None),
             SimpleNamespace(number=2, page=1, text=text[9:], cells=cells[1:]),
             SimpleNamespace(number=3, page=1, text="Ms E Ford", cells=None)]
    assert people(find_attendance(lines, 0, 3)) == ["Mr C Ames", "Mrs B Bray", "Mr T Cole", "Sir Paul Dane", "Ms E Ford"]


# -- absent without apologies ----------------------------------------------------------------------


@pytest.mark.parametrize("sentence, absent", [
    ("Cllr L Knox was absent.", ["Cllr L Knox"]),
    ("Cllrs P Quinn and R Stone were absent without apologies.", ["P Quinn", "R Stone"]),  # as lists read them
    ("Cllr T Usher did not attend.", ["Cllr T Usher"]),
])
def test_members_said_to_be_absent_are_absent(sentence, absent):
    found, _ = attendance_of(f"""
        Harwell Town Council
        Minutes of the meeting of the Town Council held on 3 March 2025
        Present: Cllr A Vale (Mayor), Cllr B Wynn
        C/24/121 Apologies
        Apologies were received from Cllr G Hemmings. {sentence}
        C/24/122 Declarations of Interest
        None.
    """)
    assert people(found, "apologies") == ["Cllr G Hemmings"]
    assert people(found, "absent") == absent


def test_a_member_absent_for_one_item_is_no_absentee():
    found, _ = attendance_of("""
        Harwell Town Council
        Minutes of the meeting of the Town Council held on 3 March 2025
        Present: Cllr A Vale (Mayor), Cllr B Wynn
        C/24/121 Apologies
        None. Cllr B Wynn was absent for item C/24/124.
        C/24/122 Declarations of Interest
        None.
    """)
    assert people(found, "absent") == []
