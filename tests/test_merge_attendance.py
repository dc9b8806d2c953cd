"""A meeting's attendance each person once, though several files list it."""

from __future__ import annotations

from councilpapers.corpus.merge import distinct_attendance
from councilpapers.corpus.records import Attendance

MEETING = "mtg-2016-05-26-corporate-parenting-panel"


def person(n: int, name: str, status: str = "present", source: str = "pack.txt", **extra) -> Attendance:
    return Attendance(f"att-{n}", source, 1, n, meeting=MEETING, name=name, status=status, **extra)


def names(by_status: dict) -> dict[str, list[str]]:
    return {status: [p.name for p in people] for status, people in by_status.items()}


def test_the_same_list_from_two_files_is_given_once():
    pack = [person(1, "Mrs A D Allen", role="Chairman"), person(2, "Mr T A Maddison", "substitute",
                                                                  substitute_for="Ms C J Cribbon")]
    web = [person(3, "Mrs A Allen", source="web.txt"),
           person(4, "Mr T Maddison", "substitute", source="web.txt", substitute_for="Ms C J Cribbon")]
    by_status = distinct_attendance(pack + web)
    assert names(by_status) == {"present": ["Mrs A D Allen"], "substitute": ["Mr T A Maddison"]}
    assert by_status["present"][0].role == "Chairman"  # the first file's entry is the one kept


def test_title_surname_status_and_substitution_tell_people_apart():
    by_status = distinct_attendance([
        person(1, "Mrs T Carpenter"), person(2, "Ms H Carpenter"),  # another title: another person
        person(3, "Mr R Brookbank", "apologies"), person(4, "Mr R Brookbank", "present"),
        person(5, "Mr S Griffiths", "substitute", substitute_for="Ms S Dunn"),
        person(6, "Mr S Griffiths", "substitute", substitute_for="Ms B Taylor"),
    ])
    assert names(by_status) == {
        "present": ["Mrs T Carpenter", "Ms H Carpenter", "Mr R Brookbank"],
        "substitute": ["Mr S Griffiths", "Mr S Griffiths"],
        "apologies": ["Mr R Brookbank"],
    }


def test_statuses_come_in_the_order_minutes_give_them():
    by_status = distinct_attendance([
        person(1, "Mr B Neaves", "apologies"), person(2, "Miss T A Grayell", "in_attendance"),
        person(3, "Mr G Lymer", "also_present"), person(4, "Ms M Emptage", "substitute"),
        person(5, "Mr T Doran", "present"), person(6, "Mr X Odd", "unknown_status"),
    ])
    assert list(by_status) == ["present", "substitute", "also_present", "in_attendance", "apologies"]


def test_an_empty_name_does_not_break_it():
    assert names(distinct_attendance([person(1, ""), person(2, "")])) == {"present": [""]}
    assert distinct_attendance([]) == {}
