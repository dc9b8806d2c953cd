"""actions, people, figures and acronyms on the bundled samples, as an officer
or a researcher would ask."""

import json

import pytest
from helpers import run


@pytest.fixture
def home(samples_home):
    return samples_home


def test_actions_by_owner_find_every_form_of_the_name_by_due_date_then_meeting(home):
    result = run(home, "actions", "--owner", "Segurola", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    owners = {r["owner"] for r in rows}
    assert {"Mr Segurola", "Philip Segurola"} <= owners
    order = [(r["due"] is None, r["due"] or "", r["date"] or "") for r in rows]
    assert order == sorted(order)
    assert all(r["person"] == "per-segurola-p" for r in rows)
    mr = next(r for r in rows if r["owner"] == "Mr Segurola")
    assert mr["minute"] == "49" and mr["page"] and "advise the questioner" in mr["description"]


def test_actions_filter_by_committee_and_status(home):
    group = json.loads(run(home, "actions", "--committee", "corporate parenting group", "--format", "json").output)
    assert group and {r["committee"] for r in group} == {"Kent Corporate Parenting Group"}
    joint = next(r for r in group if r["owner"] == "Nancy Sayer and Geoff Gurney")
    assert joint["minute"] == "3"
    amber = json.loads(run(home, "actions", "--status", "A", "--format", "json").output)
    assert amber and all(r["status"] == "A" for r in amber)


def test_people_shows_roles_meetings_and_actions(home):
    result = run(home, "people", "Segurola")
    assert result.exit_code == 0
    assert "Mr P Segurola" in result.output
    assert "also written: " in result.output and "Philip Segurola" in result.output
    assert "Interim Director of Specialist Children's Services (2015-04-21 to 2015-10-23)" in result.output
    assert "2016-05-26  Corporate Parenting Panel" in result.output
    assert "look into the data available" in result.output
    missing = run(home, "people", "Nobody Atall")
    assert missing.exit_code == 2


def test_two_people_with_one_surname_at_one_meeting_stay_apart(home):
    rows = json.loads(run(home, "people", "Carpenter", "--format", "json").output)
    names = {r["name"] for r in rows}
    assert {"Mrs T Carpenter", "Ms H Carpenter"} <= names


def test_figures_filter_by_kind_value_and_words(home):
    rows = json.loads(run(home, "figures", "--kind", "money", "--min", "1000000", "--format", "json").output)
    assert rows and all(r["kind"] == "money" and r["value"] >= 1_000_000 for r in rows)
    assert any(r["text"] == "£8m" and r["committee"] == "Corporate Parenting Panel" for r in rows)
    children = json.loads(run(home, "figures", "children", "--kind", "count", "--format", "json").output)
    assert any(r["text"] == "2,330 children" and r["page"] for r in children)


def test_acronyms_glossary_and_lookup(home):
    result = run(home, "acronyms", "UASC", "--format", "json")
    assert json.loads(result.output)[0]["long"] == "Unaccompanied Asylum Seeking Children"
    everything = json.loads(run(home, "acronyms", "--format", "json").output)
    shorts = [e["short"] for e in everything]
    assert len(shorts) == len({s.upper() for s in shorts}) > 30
    assert run(home, "acronyms", "NOPE").exit_code == 2


def test_export_carries_people_and_resolved_ids(home):
    records = [json.loads(line) for line in run(home, "export").output.splitlines()]
    people = {r["id"]: r for r in records if r["type"] == "person"}
    assert "Philip Segurola" in people["per-segurola-p"]["aliases"]
    attendance = [r for r in records if r["type"] == "attendance"]
    assert sum(1 for a in attendance if a["person"] in people) / len(attendance) > 0.9
    actions = [r for r in records if r["type"] == "action"]
    for field in ("meeting", "minute", "owner", "person", "description", "due", "status", "source", "page", "line"):
        assert all(field in a for a in actions), field
    figures = [r for r in records if r["type"] == "figure"]
    assert figures and all({"kind", "text", "value", "unit", "context", "meeting"} <= f.keys() for f in figures)
    assert not any(r["type"] in ("passage", "mention") for r in records)


def test_search_finds_an_owners_actions(home):
    hits = json.loads(run(home, "search", "Segurola", "--kind", "action", "--format", "json").output)
    assert hits and all(h["kind"] == "action" for h in hits)
