"""Attendance in more of the forms councils print it, on made-up minutes: officers
and public speakers in lists of their own, posts before or after names, police
ranks, Welsh titles, member labels, cabinets, absent members and substitutes, and
tables read column by column from a PDF's layout (a body in a column is no person)."""

from textwrap import dedent

from pdf_factory import Piece, make_layout_pdf

from councilpapers.corpus.records import Attendance
from councilpapers.ingest.model import ExtractedText, Line
from councilpapers.ingest.pipeline import extract
from councilpapers.ingest.readers import read_file
from councilpapers.ingest.segment.name_lists import read_list
from councilpapers.text.names import parse_name, police_rank, same_person

HEAD = "WESTBROOK BOROUGH COUNCIL\nMinutes of a meeting of the Regulatory Committee held on 14 May 2024 at 6.30 pm\n"
ITEMS = "\n1. Apologies for absence\nNone were received.\n2. Minutes\nThe minutes were approved.\n"


def attendance(opening: str, items: str = ITEMS) -> list[Attendance]:
    text = HEAD + dedent(opening).strip("\n") + items
    lines = [Line(n, 1, t) for n, t in enumerate(text.splitlines(), 1) if t.strip()]
    extraction = extract(ExtractedText("text", lines), "minutes.txt", "a" * 64)
    return [r for r in extraction.records if isinstance(r, Attendance)]


def rows(found, *fields):
    return [tuple(getattr(f, name) for name in ("status", "name", *fields)) for f in found]


# -- officers, public speakers, police ------------------------------------------------------------


def test_officers_in_brackets_role_first_and_one_a_line_under_their_headings():
    found = attendance("""
        Present: Cllr N Oduya (Chair), Cllr R Pellow, Cllr S Quayle
        Officers: Mr L Baines (Head of Development Management), Ms E Corr (Senior Planner)
        In attendance:
        Democratic Services Officer – Mrs F Dyer
        Legal Adviser - Mr H Eames
        Public speakers:
        Mr K Farrow (objector)
        Mrs L Gant (applicant's agent)
    """)
    assert rows(found, "role") == [
        ("present", "Cllr N Oduya", "Chair"),
        ("present", "Cllr R Pellow", None),
        ("present", "Cllr S Quayle", None),
        ("in_attendance", "Mr L Baines", "Head of Development Management"),
        ("in_attendance", "Ms E Corr", "Senior Planner"),
        ("in_attendance", "Mrs F Dyer", "Democratic Services Officer"),
        ("in_attendance", "Mr H Eames", "Legal Adviser"),
        ("in_attendance", "Mr K Farrow", None),
        ("in_attendance", "Mrs L Gant", None),
    ]


def test_a_clerk_or_officer_in_a_list_of_those_present_attends_a_councillor_with_a_post_is_a_member():
    found = attendance("""
        Present: Cllr N Oduya (Chair), Councillor T Ruddock (Cabinet Member for Planning),
        Mrs U Swain (Town Clerk), Mr V Tidy - Director of Place
    """)
    assert rows(found) == [
        ("present", "Cllr N Oduya"), ("present", "Councillor T Ruddock"),
        ("in_attendance", "Mrs U Swain"), ("in_attendance", "Mr V Tidy"),
    ]


def test_police_ranks_stay_in_the_name_and_are_the_role():
    found = attendance("""
        Present: Cllr N Oduya (Chair), Cllr R Pellow, PCSO Gail Hobbs
        In attendance: PC Ian Jessop (Westbrook Police), Mrs U Swain (Clerk)
    """)
    assert rows(found, "role") == [
        ("present", "Cllr N Oduya", "Chair"),
        ("present", "Cllr R Pellow", None),
        ("in_attendance", "PCSO Gail Hobbs", "PCSO"),  # no member of the council
        ("in_attendance", "PC Ian Jessop", "PC; Westbrook Police"),
        ("in_attendance", "Mrs U Swain", "Clerk"),
    ]


def test_a_police_rank_is_a_title_of_the_name_a_rank_with_s_is_not():
    assert police_rank("PC Ian Jessop") == "PC" and police_rank("P.C.S.O. Gail Hobbs") == "P.C.S.O."
    assert police_rank("Mr Ian Jessop") is None
    assert same_person("PC Ian Jessop", "Ian Jessop") and same_person("P.C.S.O. Gail Hobbs", "Gail Hobbs")
    assert parse_name("PCSO’s Gail Hobbs") is None or parse_name("PCSO’s Gail Hobbs").title is None


# -- roles after names, Welsh titles, member labels --------------------------------------------------


def test_office_bearers_written_after_their_names_one_a_line_and_in_a_line():
    one_a_line = attendance("""
        Present:
        Morag Baird Convener
        Iain Cowie Vice-Chair
        Ruth Dunlop Vice Chair
        K M Ewart Treasurer
        Fergus Gillies
    """)
    in_a_line = attendance("Present: Morag Baird Convener, Iain Cowie Vice-Chair, K M Ewart Treasurer, Fergus Gillies")
    assert rows(one_a_line, "role") == [
        ("present", "Morag Baird", "Convener"),
        ("present", "Iain Cowie", "Vice-Chair"),
        ("present", "Ruth Dunlop", "Vice Chair"),
        ("present", "K M Ewart", "Treasurer"),
        ("present", "Fergus Gillies", None),
    ]
    assert [r for r in rows(in_a_line, "role")] == [r for r in rows(one_a_line, "role") if r[1] != "Ruth Dunlop"]


def test_welsh_title_after_the_article_is_a_title_not_a_name():
    found = attendance("""
        Presennol: Y Cynghorydd Elin Prys (Cadeirydd), Y Cynghorydd Owain Rhys, Cynghorydd Nia Wyn
    """)
    assert rows(found) == [
        ("present", "Y Cynghorydd Elin Prys"), ("present", "Y Cynghorydd Owain Rhys"), ("present", "Cynghorydd Nia Wyn"),
    ]
    assert same_person("Y Cynghorydd Elin Prys", "Elin Prys") and same_person("Y Cynghorydd Elin Prys", "Cllr E Prys")
    assert parse_name("Mr Y Lloyd").givens == ("y",)  # an initial Y is kept where no title follows


def test_member_labels_with_and_without_colons_under_present():
    with_colons = attendance("""
        Present:
        Members appointed by the Secretary of State: Mr W Hale, Ms X Irwin (Deputy Chair)
        Local Authority Members: Cllr Y Joss, Cllr Z Kemp
        Officers: Mrs A Lusk – Director of Conservation
    """)
    alone = attendance("""
        PRESENT
        Members appointed by the Secretary of State
        Mr W Hale, Ms X Irwin (Deputy Chair)
        Local Authority Members
        Cllr Y Joss, Cllr Z Kemp
    """)
    assert rows(with_colons) == [
        ("present", "Mr W Hale"), ("present", "Ms X Irwin"), ("present", "Cllr Y Joss"), ("present", "Cllr Z Kemp"),
        ("in_attendance", "Mrs A Lusk"),
    ]
    assert rows(alone) == rows(with_colons)[:4]
    assert all(f.role in (None, "Deputy Chair", "Director of Conservation") for f in with_colons)


def test_members_label_with_titles_and_initials_and_no_present_heading():
    found = attendance("Members: Cllr D Hurst, Cllr P Kettle, Dr M Lomax, Mrs A Noon (Chair)")
    after_present = attendance("Present: Members: Cllr D Hurst, Cllr P Kettle, Dr M Lomax, Mrs A Noon (Chair)")
    assert rows(after_present, "role") == rows(found, "role")
    assert rows(found, "role") == [
        ("present", "Cllr D Hurst", None), ("present", "Cllr P Kettle", None),
        ("present", "Dr M Lomax", None), ("present", "Mrs A Noon", "Chair"),
    ]


def test_members_counted_on_their_own_line_are_no_label():
    from councilpapers.ingest.segment.attendance import heading_of

    assert heading_of("Three Members") is None
    assert heading_of("Parish Members").status == "present"


def test_members_noted_is_prose_not_a_list():
    found = attendance(
        "Present: Cllr D Hurst, Cllr P Kettle",
        items="\n1. Apologies\nNone.\n2. Parking review\nMembers noted the report of the Parking Manager.\n"
              "Members asked about Mr Q Rigby's letter.\n",
    )
    assert rows(found) == [("present", "Cllr D Hurst"), ("present", "Cllr P Kettle")]


def test_a_cabinet_with_portfolios_one_a_line_and_the_opposition_also_present():
    found = attendance("""
        Present:
        Councillor Amara Bello – Leader of the Council
        Councillor Colin Drury – Deputy Leader and Cabinet Member for Resources
        Councillor Erin Foyle (Cabinet Member for Housing)
        Also present: Councillor Gary Hesketh (Leader of the Opposition)
        Officers in attendance:
        Ian Jobling (Chief Executive), Kay Lister (Director of Finance)
    """)
    assert rows(found) == [
        ("present", "Councillor Amara Bello"), ("present", "Councillor Colin Drury"),
        ("present", "Councillor Erin Foyle"), ("also_present", "Councillor Gary Hesketh"),
        ("in_attendance", "Ian Jobling"), ("in_attendance", "Kay Lister"),
    ]
    assert found[1].role == "Deputy Leader and Cabinet Member for Resources"


# -- absent, substitutes ---------------------------------------------------------------------------


def test_absent_without_apologies_is_its_own_status_and_substitutes_in_every_form():
    found = attendance("""
        Present: Cllr A Moss (Chair), Cllr B Nolan, Councillor Priya Sethi (substitute for Councillor R Tulloch),
        Cllr G Voss for Cllr C Wragg
        Apologies: Cllr D Yates
        Absent: Cllr E Zeller
        Substitutes: Cllr H Abbey (for Cllr J Booth)
    """, items="\n1. Apologies and substitutions\nCllr K Cato substituting for Cllr D Yates. "
               "Cllr L Dunn attended as substitute for Cllr M Ely.\n2. Minutes\nApproved.\n")
    assert [(f.name, f.substitute_for) for f in found if f.status == "substitute"] == [
        ("Councillor Priya Sethi", "Councillor R Tulloch"), ("Cllr G Voss", "Cllr C Wragg"),
        ("Cllr H Abbey", "Cllr J Booth"), ("Cllr K Cato", "Cllr D Yates"), ("Cllr L Dunn", "Cllr M Ely"),
    ]
    assert [f.name for f in found if f.status == "absent"] == ["Cllr E Zeller"]
    assert "Cllr D Yates" in [f.name for f in found if f.status == "apologies"]
    assert "Cllr E Zeller" not in [f.name for f in found if f.status == "apologies"]


def test_a_member_listed_present_and_said_to_substitute_is_one_substitute():
    found = attendance("""
        Present: Cllr A Moss (Chair), Cllr B Nolan, Cllr G Voss
        Cllr G Voss substituted for Cllr C Wragg.
    """)
    assert rows(found, "substitute_for")[:3] == [
        ("present", "Cllr A Moss", None), ("present", "Cllr B Nolan", None), ("substitute", "Cllr G Voss", "Cllr C Wragg"),
    ]
    assert [f.name for f in found].count("Cllr G Voss") == 1


def test_a_bracket_saying_for_which_item_is_no_substitution():
    people, _ = read_list("Cllr A Moss (for item 5 only), Mr B Nolan (Substitute Member for Cllr C Wragg)")
    assert [(e.name, e.substitute_for) for e in people] == [("Cllr A Moss", None), ("Mr B Nolan", "Cllr C Wragg")]


# -- hearings ----------------------------------------------------------------------------------------


def test_the_parties_to_a_hearing_attend():
    found = attendance("""
        Present: Councillors M Abara (Chair), N Bright and O Cole
        Officers: Legal Adviser – Mr P Dale; Licensing Officer – Mrs Q Eden
        Applicant: Mr R Frost (Premises Licence Holder)
        Representing the applicant: Ms S Gale (Solicitor)
        Objectors: Mrs T Hume, Mr U Ince
        Responsible authorities: PC Vera Jolly (Westbrook Police)
    """)
    assert [f.name for f in found if f.status == "present"] == ["M Abara", "N Bright", "O Cole"]
    assert [f.name for f in found if f.status == "in_attendance"] == [
        "Mr P Dale", "Mrs Q Eden", "Mr R Frost", "Ms S Gale", "Mrs T Hume", "Mr U Ince", "PC Vera Jolly",
    ]


# -- bodies are no people ------------------------------------------------------------------------------


def test_a_body_after_a_comma_is_what_the_person_represents():
    people, _ = read_list("Cllr A Moss, North Vale District Council, Mr B Nolan, Independent Co-opted Member, "
                          "Cllr C Owen, Mid Aldershire Council")
    assert [(e.name, e.role) for e in people] == [
        ("Cllr A Moss", "North Vale District Council"),
        ("Mr B Nolan", "Independent Co-opted Member"),
        ("Cllr C Owen", "Mid Aldershire Council"),
    ]


# -- tables read from the layout ------------------------------------------------------------------------


def pdf_attendance(tmp_path, body):
    page = [Piece("ALDERSHIRE POLICE AND CRIME PANEL", bold=True, size=14, align="C"),
            Piece("Minutes of the meeting held on 9 October 2024 at 2.00 pm", align="C"), *body,
            Piece("1. Apologies for absence", bold=True), Piece("Apologies were received from Cllr Z Quinn."),
            Piece("2. Minutes of the last meeting", bold=True), Piece("The minutes were agreed.")]
    path = tmp_path / "panel.pdf"
    path.write_bytes(make_layout_pdf([page]))
    records = extract(read_file(path), path.name, "d" * 64).records
    return [r for r in records if isinstance(r, Attendance)]


def cells(*texts, xs=(20, 90, 150)):
    return [Piece(text, x=x) for text, x in zip(texts, xs) if text]


def test_a_member_and_representing_table_gives_people_and_their_bodies(tmp_path):
    found = pdf_attendance(tmp_path, [
        Piece("Present:", bold=True),
        cells("Member", "Representing"),
        cells("Cllr A Moss (Chair)", "North Vale District Council"),
        cells("Cllr C Owen", "Mid Aldershire Council"),
        cells("Mr B Nolan", "Independent Co-opted Member"),
        Piece("Also in attendance:", bold=True),
        cells("Ms D Pryce", "Police and Crime Commissioner"),
    ])
    assert rows(found, "role") == [
        ("present", "Cllr A Moss", "Chair; North Vale District Council"),
        ("present", "Cllr C Owen", "Mid Aldershire Council"),
        ("present", "Mr B Nolan", "Independent Co-opted Member"),
        ("in_attendance", "Ms D Pryce", "Police and Crime Commissioner"),
        ("apologies", "Cllr Z Quinn", None),
    ]


def test_a_table_with_a_substitute_column(tmp_path):
    found = pdf_attendance(tmp_path, [
        Piece("Present:", bold=True),
        cells("Name", "Council", "Substitute for"),
        cells("Cllr A Moss", "North Vale District Council"),
        cells("Cllr E Rudd", "Mid Aldershire Council", "Cllr F Shaw"),
    ])
    assert rows(found, "substitute_for") == [
        ("present", "Cllr A Moss", None), ("substitute", "Cllr E Rudd", "Cllr F Shaw"), ("apologies", "Cllr Z Quinn", None),
    ]


def test_present_apologies_and_absent_columns_side_by_side(tmp_path):
    found = pdf_attendance(tmp_path, [
        cells("Present", "Apologies", "Absent"),
        cells("Cllr A Moss", "Cllr G Tait", "Cllr H Umar"),
        cells("Cllr C Owen", "Mr J Vane"),
        cells("Mr B Nolan"),
    ])
    assert rows(found) == [
        ("present", "Cllr A Moss"), ("apologies", "Cllr G Tait"), ("absent", "Cllr H Umar"),
        ("present", "Cllr C Owen"), ("apologies", "Mr J Vane"), ("present", "Mr B Nolan"),
        ("apologies", "Cllr Z Quinn"),
    ]
    assert not any("Apologies" in f.name or "Absent" in f.name for f in found)
