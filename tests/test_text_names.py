"""The names module: titles, honours, parsing, surname, initials, same person and
the "is this a name" test, on names as Kent, Welsh and parish papers write them."""

import re

import pytest

from councilpapers.text import names
from councilpapers.text.names import (
    COUNCIL_WORDS, ROLE_WORDS, TITLE, TITLED_NAME, gender, initials, is_name, is_role_phrase,
    parse_name, same_person, surname, title_of, without_title,
)


def parts(written):
    name = parse_name(written)
    return None if name is None else (name.title, name.givens, name.surname)


@pytest.mark.parametrize("written, expected", [
    ("Mrs A D Allen", ("mrs", ("a", "d"), "allen")),
    ("Mr P J Oakford", ("mr", ("p", "j"), "oakford")),
    ("Mr PJ Oakford", ("mr", ("p", "j"), "oakford")),
    ("Mr P.J. Oakford", ("mr", ("p", "j"), "oakford")),
    ("Cllr. Alun Davies", ("cllr", ("alun",), "davies")),
    ("Cllr. Dyfrig Thomas", ("cllr", ("dyfrig",), "thomas")),
    ("County Councillor Alun Davies", ("cllr", ("alun",), "davies")),
    ("Councillor Mrs Jones", ("mrs", (), "jones")),
    ("Peter Oakford, Cabinet Member for Specialist Children's Services", (None, ("peter",), "oakford")),
    ("Mr O’Grady", ("mr", (), "o'grady")),
    ("Dr Noreen Ahmad-Bhatti", ("dr", ("noreen",), "ahmad-bhatti")),
    ("Jane Archer (JA)", (None, ("jane",), "archer")),
    ("Mrs A D Allen, MBE (Chairman)", ("mrs", ("a", "d"), "allen")),
    ("Sir Paul Carter CBE", ("sir", ("paul",), "carter")),
    ("Mr John Smith OBE JP", ("mr", ("john",), "smith")),
    ("Cllr. Dafydd ap Gwilym", ("cllr", ("dafydd",), "ap gwilym")),
    ("Mr de Souza", ("mr", (), "de souza")),
    ("Mr AB Smith", ("mr", ("a", "b"), "smith")),  # initials, not the particle "ab"
    ("the Rt Hon Lord Smith", ("lord", (), "smith")),
])
def test_parse_name_reads_title_givens_and_surname(written, expected):
    assert parts(written) == expected


@pytest.mark.parametrize("written", ["O'Grady", "Amelia", "the Chairman", "Item A1", "", "   ", "Mr"])
def test_parse_name_gives_none_without_a_surname_and_a_title_or_given_name(written):
    assert parse_name(written) is None


def test_parsed_names_compare_by_their_parts_and_keep_the_surname_as_written():
    assert parse_name("Mrs A D Allen, MBE (Chairman)") == parse_name("Mrs A D Allen")
    assert parse_name("Mr O’Grady").written_surname == "O’Grady"
    assert parse_name("Mr P J Oakford").given_initials == "pj"
    assert parse_name("Dame Jane Smith").gender == "f" and parse_name("Dr J Smith").gender is None


@pytest.mark.parametrize("written, expected", [
    ("Mr P J Oakford", "Oakford"),
    ("Peter Oakford, Cabinet Member for Specialist Children's Services", "Oakford"),
    ("O'Grady", "O'Grady"),
    ("Ms O’Grady", "O’Grady"),
    ("Ahmad-Bhatti", "Ahmad-Bhatti"),
    ("Dr Noreen Ahmad-Bhatti", "Ahmad-Bhatti"),
    ("Jane Archer (JA)", "Archer"),
    ("Cllr. Dyfrig Thomas", "Thomas"),
    ("Alun Davies", "Davies"),
    ("Geoff Gurney – Interim Assistant Director", "Gurney"),
    ("Mrs A D Allen MBE", "Allen"),
    ("the Chairman", None),
    ("Democratic Services Officer", None),
    ("Kent County Council", None),
    ("officers", None),
    ("Item A1", None),
    ("", None),
])
def test_surname_as_written(written, expected):
    assert surname(written) == expected


def test_initials_a_notes_column_prints():
    assert initials("Geoff Gurney") == {"GG"}
    assert initials("Lee-Anne Farach") == {"LAF", "LF"}
    assert initials("Jane Archer (JA)") == {"JA"}
    assert initials("Jane Archer (JAR)") == {"JA", "JAR"}  # the bracketed form counts too
    assert "PJO" in initials("Mr P J Oakford")
    assert initials("Cllr. Dyfrig Thomas") == {"DT"}
    assert initials("the Chairman") == set() and initials("O'Grady") == set()


@pytest.mark.parametrize("a, b", [
    ("Mr P Segurola", "Philip Segurola"),  # P ~ Philip
    ("Mr T Maddison", "Mr T A Maddison"),  # T ~ T A
    ("Mrs Carpenter", "Ms T Carpenter"),  # Mrs, Ms and Miss may be one woman
    ("Geoff Gurney", "Geoffrey Gurney"),
    ("Tony Hills", "Mr Anthony Hills"),
    ("Mr O’Grady", "Gemma O'Grady"),
    ("Cllr. Alun Davies", "Mr A Davies"),  # Cllr tells no gender
    ("County Councillor Alun Davies", "Alun Davies"),
    ("Cllr. Dyfrig Thomas", "Dyfrig Thomas (Chair)"),
    ("Jane Archer (JA)", "Mrs J Archer"),
    ("Gurney", "Mr G Gurney"),  # a surname alone can be anyone of that surname
    ("the Chairman", "The  Chairman"),  # the same words are the same
])
def test_same_person(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize("a, b", [
    ("Mr P Cole", "Mrs P T Cole"),  # Mr is never Mrs
    ("Mr Smith", "Miss Smith"),
    ("Sir Paul Carter", "Lady Carter"),
    ("Mrs T Carpenter", "Ms H Carpenter"),  # initials differ
    ("Alun Davies", "Dyfrig Davies"),
    ("Cllr. Dyfrig Thomas", "Cllr. Dyfrig Jones"),
    ("Jane Archer", "Jane Archard"),
    ("Gurney", "Segurola"),
    ("the Chairman", "Mr Chairman"),
])
def test_not_the_same_person(a, b):
    assert not same_person(a, b) and not same_person(b, a)


def test_same_person_takes_parsed_names_too():
    assert same_person(parse_name("Mr P Segurola"), "Philip Segurola")
    assert names.compatible(parse_name("Mr T Maddison"), parse_name("Mr T A Maddison"))


def test_title_and_gender_of_a_name_as_written():
    assert title_of("Cllr. Alun Davies") == "cllr" and gender("Cllr. Alun Davies") is None
    assert title_of("County Councillor Alun Davies") == "cllr"
    assert gender("Mr Segurola") == "m" and gender("Ms H Carpenter") == "f" and gender("Dame X Y") == "f"
    assert title_of("the Chairman") is None and gender("Philip Segurola") is None
    assert without_title("County Councillor Alun Davies") == "Alun Davies"
    assert without_title("Mr P Segurola") == "P Segurola" and without_title("Geoff Gurney") == "Geoff Gurney"


@pytest.mark.parametrize("text", [
    "Mrs A D Allen", "Mr Smith", "Geoff Gurney", "Cllr. Dyfrig Thomas", "County Councillor Alun Davies",
    "Dafydd ap Gwilym", "Jane Archer (JA)", "Mr O'Grady", "Dr Noreen Ahmad-Bhatti", "Sir Paul Carter, CBE",
    "Mrs Young",  # a titled name with a word of the councils' services is still a person
])
def test_is_name(text):
    assert is_name(text)


@pytest.mark.parametrize("text", [
    "UNRESTRICTED ITEMS", "Amelia", "Democratic Services Officer", "Kent County Council",
    "the Chairman", "Mr Chairman", "Item A1", "Young People", "Two Members of the public", "",
])
def test_is_not_a_name(text):
    assert not is_name(text)


def test_role_phrases_are_posts_bodies_and_services():
    assert is_role_phrase("Service Manager") and is_role_phrase("Milburn Parish Council")
    assert is_role_phrase("Kent Foster Care Association") and is_role_phrase("Children's Services")
    assert not is_role_phrase("Martin Vye") and not is_role_phrase("Mrs Young")
    assert not is_role_phrase("Nancy Sayer and Geoff Gurney")


def test_title_pattern_and_titled_names_in_running_text():
    assert re.fullmatch(TITLE, "Mrs") and re.fullmatch(TITLE, "County Councillor")
    assert not re.fullmatch(TITLE, "Mrx")
    text = ("Mr P.J. Oakford and Sir Paul Carter met Mrs A D Allen. Mr O’Grady said that "
            "Cllr. Dyfrig Thomas would write.")
    assert [m["surname"] for m in TITLED_NAME.finditer(text)] == ["Oakford", "Carter", "Allen", "O’Grady", "Thomas"]


def test_vocabulary_is_data_read_once_with_a_comment_header():
    assert names.vocabulary("role_words") is names.vocabulary("role_words") is ROLE_WORDS
    assert {"chair", "clerk", "officer", "director", "manager", "member"} <= ROLE_WORDS
    assert "kent" in COUNCIL_WORDS and "kent" not in ROLE_WORDS  # the council's own words apart
    from importlib import resources

    for name in ("role_words", "council_words"):
        text = (resources.files("councilpapers.text") / "vocabulary" / f"{name}.txt").read_text()
        assert text.startswith("#")


def test_bad_input_gives_no_traceback():
    for bad in ("", " ", "(", ")", "((", "Mr (", ",", "MBE", "Mr Mr Mr", "—", "\x00", "1234"):
        parse_name(bad), surname(bad), initials(bad), is_name(bad), is_role_phrase(bad)
        same_person(bad, "Mr Smith"), title_of(bad), gender(bad), without_title(bad)
