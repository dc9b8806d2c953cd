"""Attendance from the paragraphs under a minutes heading and from the
apologies item, written the way councils print them."""

from helpers import as_lines

from councilpapers.ingest.segment.attendance import find_apologies, find_attendance


def by_status(found, status):
    return [f.name for f in found if f.status == status]


HEADER = """
    PRESENT: Mrs A D Allen, MBE (Chairman), Mrs Z Wiltshire (Vice-Chairman),
    Ms H Carpenter, Mrs P T Cole, Ms M Emptage
    (Substitute for Ms S Dunn), Mr G Lymer, Sir Paul Carter, CBE, Ms S Titchner (Substitute for Ms B
    Taylor), Mr M J Vye and Mrs J Whittle

    ALSO PRESENT: Mr G Williamson (Chair, Kent Foster Care Association) and Mr P J Oakford

    IN ATTENDANCE: Ms S Hammond (Assistant Director of Specialist Children's
    Services, West Kent), Mrs S Skinner (Service Business Manager, Virtual School
    Kent) and Mr B Watts
    (General Counsel)
    UNRESTRICTED ITEMS
    144. Apologies and substitutes
"""


def test_present_list_wraps_over_lines_and_drops_honours_and_roles_from_names():
    lines = as_lines(HEADER)
    found = find_attendance(lines, 0, len(lines) - 1)
    assert by_status(found, "present") == [
        "Mrs A D Allen", "Mrs Z Wiltshire", "Ms H Carpenter", "Mrs P T Cole", "Mr G Lymer",
        "Sir Paul Carter", "Mr M J Vye", "Mrs J Whittle",
    ]
    allen, wiltshire = found[0], found[1]
    assert (allen.role, wiltshire.role) == ("Chairman", "Vice-Chairman")
    # index is where the name is written
    assert [lines[f.index].number for f in found if f.name in ("Mr M J Vye", "Mr G Lymer")] == [3, 4]


def test_substitutes_wrapped_across_lines_are_substitutes_not_present():
    lines = as_lines(HEADER)
    found = find_attendance(lines, 0, len(lines))
    assert [(f.name, f.substitute_for) for f in found if f.status == "substitute"] == [
        ("Ms M Emptage", "Ms S Dunn"),
        ("Ms S Titchner", "Ms B Taylor"),
    ]
    assert all(f.role is None for f in found if f.status == "substitute")


def test_also_present_and_in_attendance_keep_roles_with_commas():
    lines = as_lines(HEADER)
    found = find_attendance(lines, 0, len(lines))
    assert [(f.name, f.role) for f in found if f.status == "also_present"] == [
        ("Mr G Williamson", "Chair, Kent Foster Care Association"),
        ("Mr P J Oakford", None),
    ]
    assert [(f.name, f.role) for f in found if f.status == "in_attendance"] == [
        ("Ms S Hammond", "Assistant Director of Specialist Children's Services, West Kent"),
        ("Mrs S Skinner", "Service Business Manager, Virtual School Kent"),
        ("Mr B Watts", "General Counsel"),
    ]
    # the heading after the last paragraph is nobody
    assert "UNRESTRICTED ITEMS" not in [f.name for f in found]


def test_apologies_paragraph_under_the_heading():
    lines = as_lines("""
        Present: Councillor J Smith (Chair), Councillor K Patel and Councillor L Wong
        Apologies: Councillor M Brown and Councillor N Green
        1. Minutes
    """)
    found = find_attendance(lines, 0, 2)
    assert by_status(found, "present") == ["Councillor J Smith", "Councillor K Patel", "Councillor L Wong"]
    assert by_status(found, "apologies") == ["Councillor M Brown", "Councillor N Green"]


TWO_COLUMNS = """
    Present: Apologies
    Philip Segurola – Director, Specialist Children’s
    Services

    Rebecca Ransley – Interim Children and Young
    People’s Service Manager – South Kent

    Martin Vye – Elected Member for Canterbury June Capuano – Clinical Manager for Children
    in Care Services

    Joanne Rabbitte – Children & Young People’s
    Service Manager – West Kent
    Dr Noreen Ahmad-Bhatti – Designated Doctor,
    East Kent Hospitals Trust
    Gemma O’Grady – Participation Officer, Virtual
    School Kent
    Margaret Pike (Minutes)

    Item
    No
    1. Welcome and Introductions
"""


def test_two_column_present_and_apologies_table():
    lines = as_lines(TWO_COLUMNS)
    found = find_attendance(lines, 0, len(lines) - 1)
    assert by_status(found, "present") == [
        "Philip Segurola", "Rebecca Ransley", "Martin Vye", "Joanne Rabbitte",
        "Dr Noreen Ahmad-Bhatti", "Gemma O’Grady", "Margaret Pike",
    ]
    # the second entry on a shared line is the right-hand (Apologies) column
    assert by_status(found, "apologies") == ["June Capuano"]
    roles = {f.name: f.role for f in found}
    assert roles["Rebecca Ransley"] == "Interim Children and Young People’s Service Manager – South Kent"
    assert roles["Martin Vye"] == "Elected Member for Canterbury"
    assert roles["June Capuano"] == "Clinical Manager for Children in Care Services"
    assert roles["Margaret Pike"] == "Minutes"


APOLOGIES_ITEM = """
    144. Apologies and substitutes
    (Item A1)
    1.
    Apologies for absence had been received from Mr R Brookbank, Mr S Collins,
    Ms C J Cribbon, Ms S Dunn, Mr P J
    Oakford (Cabinet Member for Specialist Children’s Services) and Ms B Taylor.
    2.
    Mr T Maddison was present as a substitute for Ms C J Cribbon, Ms M
    Emptage for Ms S Dunn, Ms C Mutton for Ms S Dunstan and Ms S Titchner for Ms B
    Taylor.
    145. Minutes
"""


def test_apologies_prose_and_substitutes_in_prose():
    lines = as_lines(APOLOGIES_ITEM)
    found = find_apologies(lines, 2, len(lines) - 1)
    # Ms S Dunstan is implied by her substitute; the others are stated.
    assert by_status(found, "apologies") == [
        "Mr R Brookbank", "Mr S Collins", "Ms C J Cribbon", "Ms S Dunn", "Mr P J Oakford", "Ms B Taylor",
        "Ms S Dunstan",
    ]
    assert [(f.name, f.substitute_for) for f in found if f.status == "substitute"] == [
        ("Mr T Maddison", "Ms C J Cribbon"),
        ("Ms M Emptage", "Ms S Dunn"),
        ("Ms C Mutton", "Ms S Dunstan"),
        ("Ms S Titchner", "Ms B Taylor"),
    ]
    oakford = next(f for f in found if f.name == "Mr P J Oakford")
    assert oakford.role == "Cabinet Member for Specialist Children’s Services"
    assert lines[oakford.index].number == 5  # "Mr P J" ends line 5
    substitutes = {f.name: lines[f.index].number for f in found if f.status == "substitute"}
    assert substitutes == {"Mr T Maddison": 8, "Ms M Emptage": 8, "Ms C Mutton": 9, "Ms S Titchner": 9}


def test_prose_substitutes_already_known_are_not_repeated_but_imply_an_apology():
    lines = as_lines("""
        PRESENT: Mrs A D Allen, Mr S J G Koowaree (Substitute for Mr M J Vye) and Mr G Lymer
        45. Apologies and Substitutes
        Mr S J G Koowaree was present as a substitute for Mr M J Vye. No other apologies
        had been received.
    """)
    header = find_attendance(lines, 0, 1)
    prose = find_apologies(lines, 2, len(lines), header)
    assert [(f.name, f.status) for f in prose] == [("Mr M J Vye", "apologies")]
    assert lines[prose[0].index].number == 3


def test_reported_apologies_with_surnames_only():
    lines = as_lines("""
        The Democratic Services Manager reported apologies from Mr Beaney, Mr
        Campkin, Miss Carey and Mr Wright.
        Ms Grehan had given her formal apologies but was attending the meeting
        virtually.
    """)
    found = find_apologies(lines, 0, len(lines))
    # Formal apologies from someone attending virtually are apologies (as the
    # dev gold reads it), marked remote; she is not also present.
    assert by_status(found, "apologies") == ["Mr Beaney", "Mr Campkin", "Miss Carey", "Mr Wright", "Ms Grehan"]
    assert [f.name for f in found if f.remote] == ["Ms Grehan"]
    assert by_status(found, "present") == []


def test_welsh_and_parish_names_titles_particles_and_initials_in_brackets():
    lines = as_lines("""
        PRESENT: Cllr. Dyfrig Thomas (Chair), County Councillor Alun Davies, Dafydd ap Gwilym,
        Jane Archer (JA) and Mrs Sian Jones (Clerk)
        Apologies: Cllr. Huw Jones
        1. Welcome
    """)
    found = find_attendance(lines, 0, len(lines) - 1)
    assert [(f.name, f.status, f.role) for f in found] == [
        ("Cllr. Dyfrig Thomas", "present", "Chair"),
        ("County Councillor Alun Davies", "present", None),
        ("Dafydd ap Gwilym", "present", None),
        ("Jane Archer", "present", None),  # her initials, not a role
        ("Mrs Sian Jones", "in_attendance", "Clerk"),  # the clerk attends, as the gold counts clerks
        ("Cllr. Huw Jones", "apologies", None),
    ]


def test_prose_apologies_known_under_another_form_of_the_name_are_not_repeated():
    lines = as_lines("""
        PRESENT: Cllr. Dyfrig Thomas
        Apologies: Cllr. H Jones
        1. Apologies
        Apologies were received from Councillor Huw Jones and Cllr. Alun Davies.
    """)
    header = find_attendance(lines, 0, 2)
    prose = find_apologies(lines, 3, len(lines), header)
    assert by_status(prose, "apologies") == ["Cllr. Alun Davies"]


def test_real_kent_council_minutes(shared_file):
    from councilpapers.ingest.readers import read_file

    lines = read_file(shared_file("pdfs/kent-county-council-2025-01-09-printed-minutes.pdf")).body()
    first_item = next(i for i, line in enumerate(lines) if line.text.startswith("283. Apologies"))
    header = find_attendance(lines, 4, first_item)
    present = by_status(header, "present")
    assert len(present) == 67
    assert present[:2] == ["Mr N Baker", "Mr M Baldock"]
    assert {"Sir Paul Carter", "Mrs T Dean", "Rich Lehmann", "Ms L Wright"} <= set(present)
    assert [(f.name, f.role) for f in header if f.status == "in_attendance"] == [
        ("Mr J Cook", "Democratic Services Manager"),
        ("Mr B Watts", "General Counsel"),
    ]
    apologies = find_apologies(lines, first_item + 1, first_item + 7, header)
    assert by_status(apologies, "apologies")[:3] == ["Mr Beaney", "Mr Campkin", "Miss Carey"]
    assert len(apologies) == 14  # 13 and Ms Grehan's formal apologies (attending virtually)
    assert by_status(apologies, "apologies")[-1] == "Ms Grehan"
