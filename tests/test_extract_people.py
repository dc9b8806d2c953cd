"""People named in the papers with their roles and parties, in the forms
councils write them (spaCy blank tokenizer + Matcher, no statistical model)."""

import json
from functools import partial
from pathlib import Path

import helpers

from councilpapers.ingest.extractors import people
from councilpapers.ingest.extractors.people import find_people

# The bundled samples with hand-made answers in ../shared/gold.
GOLD_PACKS = (
    "kent-childrens-social-care-and-health-cabinet-committee-2015-07-22-agenda-pack",
    "kent-corporate-parenting-panel-2015-12-08-agenda-pack",
)
# Lines as the readers give them: blank lines dropped, numbers kept.
as_lines = partial(helpers.as_lines, keep_blank=False)


def roles(text: str) -> dict[str, str | None]:
    return {m.name: m.role for m in find_people(as_lines(text))}


def test_titled_names_with_initials_forenames_and_honours():
    found = roles("""
        PRESENT: Mrs A D Allen, MBE (Chairman), Mr P J Oakford, Dr L Sullivan,
        Miss T A Grayell (Democratic Services Officer), Sir Paul Carter, CBE and
        Councillor Jane Smith
    """)
    assert found == {
        "Mrs A D Allen": "Chairman", "Mr P J Oakford": None, "Dr L Sullivan": None,
        "Miss T A Grayell": "Democratic Services Officer", "Sir Paul Carter": None,
        "Councillor Jane Smith": None,
    }


def test_honorific_and_surname_only():
    found = find_people(as_lines("(4) In response to questions, Mr Segurola said carers were valued."))
    assert [(m.name, m.role) for m in found] == [("Mr Segurola", None)]


def test_role_in_brackets_keeps_its_commas():
    found = roles("""
        Mr Carter (Leader of the Council) and Mr Ireland (Corporate Director of
        Social Care, Health and Wellbeing) had spoken with the Home Office.
    """)
    assert found == {
        "Mr Carter": "Leader of the Council",
        "Mr Ireland": "Corporate Director of Social Care, Health and Wellbeing",
    }


def test_forename_and_surname_followed_by_a_role():
    found = roles("""
        Philip Segurola – Director, Specialist Children’s
        Services

        By: Peter Oakford, Cabinet Member for Specialist Children’s
        Services

        Andrew Ireland, Corporate Director of Social Care, Health and
        Wellbeing

        (1) Glenn Williamson (Chair, Kent Foster Care Association) said that
        Geoff Gurney (Interim Assistant Director for Corporate Parenting) had asked him.
    """)
    assert found == {
        "Philip Segurola": "Director, Specialist Children’s Services",
        "Peter Oakford": "Cabinet Member for Specialist Children’s Services",
        "Andrew Ireland": "Corporate Director of Social Care, Health and Wellbeing",
        "Glenn Williamson": "Chair, Kent Foster Care Association",
        "Geoff Gurney": "Interim Assistant Director for Corporate Parenting",
    }


def test_role_after_a_comma_ends_at_the_verb_and_the_next_person():
    found = roles("""
        Mr M Walker, Assistant Director, Learning Disability, West Kent, and Mrs R Henn-
        Macrae, County Manager, Disabled Children, were in attendance for this item.
    """)
    assert found == {
        "Mr M Walker": "Assistant Director, Learning Disability, West Kent",
        "Mrs R Henn-Macrae": "County Manager, Disabled Children",
    }


def test_roles_written_before_the_names():
    found = roles("""
        The agenda is set at meetings attended by the Chairman, Mrs Allen, the
        Vice-Chairman, Mrs Crabtree and three Group Spokesmen, Ms Cribbon, Mr Vye and
        Mrs Wiltshire.

        Director of Public Health – Mr A Scott-Clark

        The current Head of Quality Assurance, Lee-Anne Farach is leaving in July.
    """)
    assert found == {
        "Mrs Allen": "Chairman", "Mrs Crabtree": "Vice-Chairman", "Ms Cribbon": "Group Spokesman",
        "Mr Vye": "Group Spokesman", "Mrs Wiltshire": "Group Spokesman",
        "Mr A Scott-Clark": "Director of Public Health", "Lee-Anne Farach": "Head of Quality Assurance",
    }


def test_signature_block_role_on_the_next_line_and_copula():
    # (the lower-case "karen" of the e-mail address does not make "Karen" a common word)
    found = roles("""
        Report Author

        Karen Sharp
        Head of Public Health Commissioning
        03000 416668
        karen.sharp@kent.gov.uk

        Latifa Siziba has been in post for 2 weeks and Jennifer Williams is the
        Strategic Service Manager.
    """)
    assert found == {
        "Karen Sharp": "Head of Public Health Commissioning",
        "Jennifer Williams": "Strategic Service Manager",
    }


def test_a_role_does_not_run_on_into_a_table_heading_or_an_email():
    found = roles("""
        Lead Officer: Geoff Gurney, Assistant Director of Corporate Parenting
        Objective Ref Action Lead driver Review/

        Emily Perkins- Project Manager, Specialist Children’s Services
         Emily. Perkins@kent.gov.uk  03000 416566
    """)
    assert found == {
        "Geoff Gurney": "Assistant Director of Corporate Parenting",
        "Emily Perkins": "Project Manager, Specialist Children’s Services",
    }


def test_agenda_codes_services_and_places_are_not_people():
    found = find_people(as_lines("""
        A1 Apologies and Substitutes
        Item A1 Membership
        Agenda Item B2 Minutes of the Kent Corporate Parenting Group
        Specialist Children’s Services – Director's update
        KCC works on data from Welfare Call and Newton Europe, and 3+ placements by Legal Status.
        Children in Care Council (OCYPC) – Annual Report
    """))
    assert found == []


def test_common_words_plural_roles_and_new_sentences_do_not_make_people():
    found = roles("""
        Software Upgrade – Project Manager's note: the software upgrade will be tested.

        Staying Put – Virtual School Heads Extension
        Foster Care – Weekly Allowances
        Student Nursing, Geriatric Nursing Assistants and Medical Assistants
        authorised the Provider Agreement with Associated Catholic Charities, Inc. The Mayor ABSTAINED.
        Will Smith – Project Manager
    """)
    # "software" is written in lower case in the text, so "Software" is no
    # forename; "will" is too, but Will is a forename all the same.
    assert found == {"Will Smith": "Project Manager"}


def test_a_person_list_of_name_dash_lines():
    found = roles("""
        KCC CORPORATE PARENTING GROUP
        Sarah Hindle – Assistant Principal Education Psychologist
        Ian Darbyshire – NHS
        Jane O’Rourke – Kent Community NHS Trust
        Nancy Sayer – Designated Nurse for Looked After Children
        Sue Flynn - Head of Health Visiting and Family Nurse Partnership
    """)
    assert found == {
        "Sarah Hindle": "Assistant Principal Education Psychologist",
        "Ian Darbyshire": None,
        "Jane O’Rourke": None,
        "Nancy Sayer": "Designated Nurse for Looked After Children",
        "Sue Flynn": "Head of Health Visiting and Family Nurse Partnership",
    }


def test_plural_role_before_plain_names_joined_by_and():
    found = roles("""
        accompanied by Virtual School Kent (VSK) Apprentices Bella Taylor and
        Chris Dowle.
    """)
    assert found == {
        "Bella Taylor": "Virtual School Kent (VSK) Apprentice",
        "Chris Dowle": "Virtual School Kent (VSK) Apprentice",
    }


def test_a_name_wrapping_over_lines_reports_the_line_it_starts_on():
    lines = as_lines("""
        105. Apologies and Substitutes

        (1) Apologies for absence were received from Ms C J Cribbon, Mr S Griffiths, Mr
        P J Oakford (Cabinet Member for Specialist Children’s Services) and Mr M
        Vye.
    """)
    found = find_people(lines)
    assert [(lines[m.index].number, m.name, m.role) for m in found] == [
        (3, "Ms C J Cribbon", None),
        (3, "Mr S Griffiths", None),
        (3, "Mr P J Oakford", "Cabinet Member for Specialist Children’s Services"),
        (4, "Mr M Vye", None),
    ]


def test_party_from_a_membership_list_by_party():
    found = find_people(as_lines("""
        Membership (15)

        Conservative (5): Mrs A D Allen, MBE (Chairman), Mr R E Brookbank,
        Mr G Lymer and Mrs J Whittle

        UKIP (2): Mrs Z Wiltshire (Vice-Chairman) and Mr B Neaves

        Co-opted Members
        (6):

        Mrs T Carpenter and Ms B Taylor

        PRESENT: Mrs A D Allen (Chairman) and Mr J Smith (Lab)
    """))
    assert [(m.name, m.party) for m in found] == [
        ("Mrs A D Allen", "Conservative"), ("Mr R E Brookbank", "Conservative"),
        ("Mr G Lymer", "Conservative"), ("Mrs J Whittle", "Conservative"),
        ("Mrs Z Wiltshire", "UKIP"), ("Mr B Neaves", "UKIP"),
        ("Mrs T Carpenter", None), ("Ms B Taylor", None),
        ("Mrs A D Allen", None), ("Mr J Smith", "Labour"),
    ]


def test_substitute_note_is_not_a_role_but_its_name_is_a_person():
    found = find_people(as_lines(
        "Mr T A Maddison (Substitute for Ms C J Cribbon), Mrs C Moody (Substitute for the Vice-Chairman)"
    ))
    assert [(m.name, m.role) for m in found] == [
        ("Mr T A Maddison", None), ("Ms C J Cribbon", None), ("Mrs C Moody", None),
    ]


def test_the_pipeline_is_built_once_per_process():
    find_people(as_lines("Mr P Segurola (Director)"))
    first = people._pipeline()
    find_people(as_lines("Mrs A D Allen (Chairman)"))
    assert people._pipeline() is first
    nlp, _ = first
    assert nlp.pipe_names == []  # blank tokenizer + Matcher; no statistical model


def test_gold_people_precision_and_recall(shared_file):
    """People with a role in the two gold packs: a gold person is found when a
    found person with a role is compatible with it (surname, initials) and one of
    its roles shares most of its words with the gold role."""
    import re

    from councilpapers.corpus.people import _compatible, _Member, parse_name, resolve_people
    from councilpapers.ingest.readers import read_file

    def words(role):
        return set(re.findall(r"[a-z0-9+]+", role.replace("’", "'").replace("&", " and ").lower())) - {
            "of", "for", "the", "and", "in", "to", "s", "a", "an"}

    def role_match(a, b):
        x, y = words(a), words(b)
        return bool(x and y) and len(x & y) / min(len(x), len(y)) >= 0.6

    def same(gold_name, forms):
        g = parse_name(gold_name)
        if g is None:
            return False
        gold = _Member("", g, None, 0)
        return any((p := parse_name(f)) and _compatible(gold, _Member("", p, None, 0)) for f in forms)

    gold_total = found_total = recalled = precise = 0
    samples = Path(__file__).resolve().parents[1] / "samples"
    for gold_file in (shared_file(f"gold/{pack}.json") for pack in GOLD_PACKS):
        gold = json.loads(gold_file.read_text())["people"]
        lines = read_file(samples / f"{gold_file.stem}.txt").body()
        mentions = find_people(lines)
        clusters = [c for c in resolve_people((m.name, m.role, m.party, None, None) for m in mentions) if c.roles]

        def hit(g, c):
            return same(g["name"], [c.name, *c.aliases]) and any(role_match(g["role"], r["role"]) for r in c.roles)

        gold_total += len(gold)
        found_total += len(clusters)
        recalled += sum(any(hit(g, c) for c in clusters) for g in gold)
        precise += sum(any(hit(g, c) for g in gold) for c in clusters)
    assert gold_total and found_total
    assert recalled / gold_total >= 0.85, (recalled, gold_total)
    assert precise / found_total >= 0.95, (precise, found_total)


def test_the_matcher_on_runs_of_name_tokens_finds_what_it_finds_on_the_whole_text():
    # The pre-filter hands the matcher only runs of tokens a name can be made
    # of: every match, its start and end in the paragraph must be the same.
    nlp, matcher = people._pipeline()
    text = (
        "Mr.Smith opened the meeting. Present: Cllr. A. B. Jones, Mrs A D Allen, MBE and "
        "Dr Noreen Ahmad-Bhatti (Director of Public Health); Peter Oakford, Cabinet Member "
        "for Finance, and O'Grady said the Virtual School Kent Pupil Premium Policy for "
        "Children in Care was agreed. Lead Officer: Geoff Gurney Sir Paul Carter"
    )
    doc = nlp(text)
    expected = sorted(matcher(doc))
    assert len(expected) >= 8
    assert sorted(people._matches(doc, matcher)) == expected
    assert people._matches(nlp("no capitalised words here at all"), matcher) == []
