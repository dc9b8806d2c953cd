"""One person however the papers write them, across files and years; two
people who share a surname kept apart."""

import random

from councilpapers.corpus.people import parse_name, person_for, resolve_people

SEGUROLA = [
    # (name as written, role, party, date, meeting)
    ("Philip Segurola", "Director, Specialist Children’s Services", None, "2015-11-23", None),
    ("Mr Segurola", None, None, "2015-04-21", "mtg-2015-04-21-cscc"),
    ("Mr P Segurola", "Interim Director of Specialist Children's Services", None, "2015-04-21",
     "mtg-2015-04-21-cscc"),
    ("Mr P Segurola", "Interim Director of Specialist Children’s Services", None, "2015-10-23",
     "mtg-2015-10-23-cpp"),
    ("Philip Segurola", "Director, Specialist Children’s Services", None, "2016-07-20", None),
    ("Mr Segurola", None, None, "2016-05-26", "mtg-2016-05-26-cpp"),
]


def by_id(clusters):
    return {c.id: c for c in clusters}


def test_honorific_initials_forename_and_bare_surname_are_one_person():
    [person] = resolve_people(SEGUROLA)
    assert person.id == "per-segurola-p"
    assert person.name == "Mr P Segurola"
    assert person.aliases == ["Philip Segurola", "Mr Segurola"]  # in the order first seen


def test_roles_over_time_with_first_and_last_seen():
    [person] = resolve_people(SEGUROLA)
    assert person.roles == [
        # "Children's" and "Children’s" are one wording
        {"role": "Interim Director of Specialist Children's Services",
         "first_seen": "2015-04-21", "last_seen": "2015-10-23"},
        {"role": "Director, Specialist Children’s Services", "first_seen": "2015-11-23", "last_seen": "2016-07-20"},
    ]


def test_two_people_sharing_a_surname_at_one_meeting_stay_apart():
    clusters = resolve_people([
        ("Mrs Carpenter", "Co-opted Member", None, "2016-07-20", "mtg-b"),  # which one? unresolved
        ("Mrs T Carpenter", None, None, "2016-05-26", "mtg-a"),
        ("Ms H Carpenter", None, None, "2016-05-26", "mtg-a"),
        ("Mr P Cole", None, None, "2016-05-26", "mtg-a"),
        ("Mrs P T Cole", None, "Conservative", "2016-05-26", "mtg-a"),
        ("P Cole", None, None, "2016-07-20", "mtg-b"),  # either Cole: unresolved
        ("Mrs Cole", None, None, "2016-07-20", "mtg-b"),  # the only Mrs Cole
    ])
    people = by_id(clusters)
    assert sorted(people) == ["per-carpenter-h", "per-carpenter-t", "per-cole-p", "per-cole-pt"]
    assert people["per-carpenter-t"].aliases == [] and people["per-carpenter-h"].aliases == []
    assert people["per-carpenter-t"].roles == [] and people["per-carpenter-h"].roles == []
    assert people["per-cole-p"].name == "Mr P Cole" and people["per-cole-p"].aliases == []
    assert people["per-cole-pt"].aliases == ["Mrs Cole"]
    assert people["per-cole-pt"].party == "Conservative"
    assert person_for("Mrs Carpenter", clusters) is None
    assert person_for("P Cole", clusters) is None
    assert person_for("Ms H Carpenter", clusters) == "per-carpenter-h"


def test_a_bare_name_goes_to_the_one_compatible_person_at_its_own_meeting():
    clusters = resolve_people([
        ("Mr J Smith", None, None, "2016-01-01", "mtg-1"),
        ("Mr K Smith", None, None, "2016-02-01", "mtg-2"),
        ("Mr Smith", "Chairman", None, "2016-02-01", "mtg-2"),
        ("Mr Smith", None, None, "2016-03-01", "mtg-3"),  # neither Smith at mtg-3: unresolved
    ])
    people = by_id(clusters)
    assert people["per-smith-k"].aliases == ["Mr Smith"]
    assert people["per-smith-k"].roles == [{"role": "Chairman", "first_seen": "2016-02-01", "last_seen": "2016-02-01"}]
    assert people["per-smith-j"].aliases == []


def test_different_initials_are_different_people_and_short_forenames_match():
    clusters = resolve_people([
        ("Mr P Segurola", None, None, None, None),
        ("Mr J Segurola", None, None, None, None),
        ("Tony Doran", "Head Teacher, Virtual School Kent", None, None, None),
        ("Mr T Doran", None, None, None, None),
        ("Andrew Heather", None, None, None, None),
        ("Andy Heather", None, None, None, None),
        ("Mr T A Maddison", None, None, None, "mtg-1"),
        ("Mr T Maddison", None, None, None, "mtg-1"),  # one clerk, two ways
    ])
    people = by_id(clusters)
    assert sorted(people) == ["per-doran-t", "per-heather-a", "per-maddison-ta", "per-segurola-j", "per-segurola-p"]
    assert people["per-doran-t"].name == "Mr T Doran" and people["per-doran-t"].aliases == ["Tony Doran"]
    assert people["per-heather-a"].aliases == ["Andy Heather"]
    assert people["per-maddison-ta"].aliases == ["Mr T Maddison"]


def test_a_male_and_a_female_honorific_never_merge_but_mrs_and_ms_do():
    clusters = resolve_people([
        ("Mr T Carpenter", None, None, None, None),
        ("Mrs T Carpenter", None, None, None, None),
        ("Ms C Moody", None, None, "2015-12-08", "mtg-1"),
        ("Mrs C Moody", None, None, "2015-10-23", "mtg-2"),
    ])
    people = by_id(clusters)
    # same surname and initials: told apart by honorific
    assert sorted(people) == ["per-carpenter-t-mr", "per-carpenter-t-mrs", "per-moody-c"]
    assert people["per-moody-c"].aliases in (["Mrs C Moody"], ["Ms C Moody"])


def test_canonical_name_is_the_fullest_honorific_form_and_nothing_is_invented():
    clusters = by_id(resolve_people([
        ("Peter Oakford", "Cabinet Member for Specialist Children’s Services", None, None, None),
        ("Mr Oakford", None, None, None, None),
        ("Mr P J Oakford", None, None, None, None),
        ("Mr P Oakford", None, None, None, None),
        ("Geoff Gurney", None, None, None, None),
        ("Mr Gurney", "Interim Assistant Director for Corporate Parenting", None, None, None),
    ]))
    assert clusters["per-oakford-pj"].name == "Mr P J Oakford"
    assert clusters["per-oakford-pj"].aliases == ["Peter Oakford", "Mr Oakford", "Mr P Oakford"]
    assert clusters["per-gurney-g"].name == "Geoff Gurney"  # not a made-up "Mr G Gurney"
    assert clusters["per-gurney-g"].roles[0]["first_seen"] is None


def test_ids_do_not_depend_on_the_order_of_the_mentions():
    mentions = SEGUROLA + [
        ("Mrs T Carpenter", None, None, None, "m1"), ("Ms H Carpenter", None, None, None, "m1"),
        ("Mr Carter", "Leader of the Council", None, "2015-12-08", None),
        ("Mrs A D Allen", "Chairman", "Conservative", "2015-07-22", None),
        ("Mrs Allen", "Chairman", None, "2015-12-08", None),
        ("Ann Allen", None, None, None, None),
    ]
    expected = [(c.id, c.name, c.aliases) for c in resolve_people(mentions)]
    assert [e[0] for e in expected] == [
        "per-allen-ad", "per-carpenter-h", "per-carpenter-t", "per-carter", "per-segurola-p"]
    shuffled = mentions[:]
    random.Random(7).shuffle(shuffled)
    assert sorted((c.id, c.name) for c in resolve_people(shuffled)) == sorted((e[0], e[1]) for e in expected)


def test_party_is_the_one_given_most_often():
    [person] = resolve_people([
        ("Mr Vye", None, "Independent", None, None),
        ("Mr M J Vye", None, "Liberal Democrat", None, None),
        ("Mr M J Vye", None, "Liberal Democrat", None, None),
        ("Martin Vye", "Elected Member for Canterbury", None, None, None),
    ])
    assert person.party == "Liberal Democrat"


def test_person_for_resolves_owners_and_attendees():
    clusters = resolve_people(SEGUROLA + [("Mrs A D Allen", "Chairman", None, None, None)])
    assert person_for("Mr Segurola", clusters) == "per-segurola-p"
    assert person_for("P Segurola", clusters) == "per-segurola-p"  # never written so, still him
    assert person_for("Mrs A D Allen, MBE (Chairman)", clusters) == "per-allen-ad"
    assert person_for("Mr Allen", clusters) is None  # wrong honorific
    assert person_for("the Chairman", clusters) is None
    assert person_for("Mr Jones", clusters) is None


def test_parse_name_reads_honorifics_initials_and_honours():
    assert parse_name("Mrs A D Allen, MBE (Chairman)") == parse_name("Mrs A D Allen")
    parsed = parse_name("Mr P.J. Oakford")
    assert (parsed.title, parsed.givens, parsed.surname) == ("mr", ("p", "j"), "oakford")
    parsed = parse_name("Gemma O’Grady, Participation Officer")
    assert (parsed.title, parsed.givens, parsed.surname) == (None, ("gemma",), "o'grady")
    assert parse_name("Amelia") is None
    assert parse_name("Item A1") is None
