"""`search`, `show` and `similar` on the bundled samples, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import run

CPP_MAY = "mtg-2016-05-26-corporate-parenting-panel"
PACK = "kent-corporate-parenting-panel-2016-07-20-agenda-pack.txt"
WEB = "kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes-webpage.txt"


def hits(home: Path, *args: str) -> list[dict]:
    result = run(home, "search", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture
def home(samples_home):
    return samples_home


def test_phrase(home):
    found = hits(home, '"supported lodgings"', "--limit", "50")
    assert found and all("supported lodgings" in h["snippet"].lower() for h in found)
    assert found[0]["minute"] == "50"


def test_fields_kind_committee_date(home):
    found = hits(home, 'kind:resolution committee:"corporate parenting" date:2016 noted', "--limit", "50")
    assert found
    assert {h["kind"] for h in found} == {"resolution"}
    assert {h["committee"] for h in found} == {"Corporate Parenting Panel"}
    assert all(h["meeting_date"].startswith("2016") for h in found)


def test_date_range(home):
    found = hits(home, "foster date:2015-04..2015-07", "--limit", "50")
    assert found and all("2015-04-01" <= h["meeting_date"] <= "2015-07-31" for h in found)
    assert {h["meeting_date"] for h in found} > {"2015-04-09"}


def test_acronym_both_ways(home):
    short = hits(home, "UASC", "--limit", "20")
    assert any("unaccompanied asylum seeking" in h["snippet"].lower() for h in short)
    assert any(h["title"] == "UASC Service Update" for h in short)
    long = hits(home, "unaccompanied asylum seeking children", "--limit", "20")
    assert any(h["title"] == "UASC Service Update" for h in long)


def test_typo_says_did_you_mean_and_finds_the_survey(home):
    result = run(home, "search", "fostr carer survey", "--limit", "3")
    assert result.exit_code == 0
    assert result.output.startswith("Did you mean: foster carer survey?")
    assert "minute 150" in result.output
    # For machines the list stays a list; the suggestion goes to stderr.
    result = run(home, "search", "fostr carer survey", "--format", "json", "--limit", "3")
    assert json.loads(result.stdout)[0]["minute"] == "150"
    assert "Did you mean: foster carer survey?" in result.stderr


def test_the_same_minute_from_a_pack_and_a_web_page_is_one_hit(home):
    found = hits(home, "pupil premium hybrid model")
    top = found[0]
    assert (top["meeting_id"], top["minute"], top["kind"]) == (CPP_MAY, "153", "minute_item")
    assert [Path(s["source"]).name for s in top["sources"]] == [PACK, WEB]
    assert top["page"] == 15  # the printed minutes, with a page, are cited
    assert len([h for h in found if h["minute"] == "153" and h["kind"] == "minute_item"]) == 1
    table = run(home, "search", "pupil premium hybrid model", "--limit", "1").output
    assert f"{PACK} p. 15, line" in table and f"also: {WEB}, line" in table


def test_exempt_items_are_hidden_unless_asked_for(home):
    query = "views of young people in care discussion"
    assert not [h for h in hits(home, query, "--limit", "50") if h["minute"] in ("68", "104")]
    shown = [h for h in hits(home, query, "--limit", "50", "--include-exempt") if h["minute"] in ("68", "104")]
    assert shown and all(h["exempt"] for h in shown)
    assert "(exempt)" in run(home, "search", query, "--include-exempt", "--limit", "3").output


def test_minute_and_decision_numbers_go_first(home):
    top = hits(home, "minute 153")[0]
    assert (top["meeting_id"], top["minute"]) == (CPP_MAY, "153")
    top = hits(home, "15/00067")[0]
    assert top["agenda_ref"] == "B2" and top["meeting_date"] == "2015-07-22"


def test_person_and_owner(home):
    found = hits(home, "person:Segurola survey", "--limit", "50")
    assert any(h["minute"] == "106" for h in found)
    owned = hits(home, "owner:Skinner", "--limit", "50")
    assert owned and {h["kind"] for h in owned} == {"action"}


def test_table_ends_with_facets_and_json_carries_them_on_request(home):
    table = run(home, "search", "foster carers", "--limit", "3").output
    tail = table.rstrip().splitlines()[-3:]
    assert tail[0].startswith("by committee: Corporate Parenting Panel")
    assert tail[1].startswith("by year: 2016") and tail[2].startswith("by kind: ")
    result = json.loads(run(home, "search", "foster carers", "--facets", "--format", "json").stdout)
    assert set(result) == {"hits", "facets", "did_you_mean", "total"}
    assert result["facets"]["committee"]["Corporate Parenting Panel"] >= 1
    assert result["total"] == sum(result["facets"]["kind"].values())


def test_csv_lists_every_source(home):
    lines = run(home, "search", "pupil premium hybrid model", "--format", "csv", "--limit", "1").stdout.splitlines()
    assert lines[0] == "id,kind,committee,meeting_date,minute,agenda_ref,title,snippet,source,page,line,score,url,exempt,sources"
    assert PACK in lines[1] and WEB in lines[1]


def test_bad_field_values_are_usage_errors(home):
    for query in ("kind:motion", "date:soon", "amount:>lots", '"unclosed'):
        result = run(home, "search", query)
        assert result.exit_code == 2 and "Traceback" not in result.output, query


def test_show_prints_the_minute_in_context(home):
    res = next(h for h in hits(home, "pupil premium policy", "--kind", "resolution") if h["minute"] == "153")
    out = run(home, "show", res["id"])
    assert out.exit_code == 0, out.output
    text = out.output
    assert text.startswith("Corporate Parenting Panel — 2016-05-26")
    assert "Present: Mrs A D Allen (Chairman)" in text
    assert "Minute 153. Head Teacher of Virtual School Kent update report (Item B4)" in text
    assert "▶ RESOLVED that" in text
    assert "Told by:" in text and PACK in text and WEB in text
    data = json.loads(run(home, "show", res["id"], "--format", "json").output)
    assert data["id"] == res["id"]
    assert data["context"]["minute_item"]["number"] == "153"
    assert data["context"]["meeting"]["id"] == CPP_MAY
    assert data["context"]["attendance"]
    assert {Path(s["source"]).name for s in data["context"]["sources"]} == {PACK, WEB}


def test_show_an_action_gives_its_minute(home):
    action = next(h for h in hits(home, "owner:Skinner", "--limit", "50") if h["minute"] == "72")
    text = run(home, "show", action["id"]).output
    assert "▶ ACTION: Mrs Skinner to" in text and "Minute 72." in text


def test_similar(home):
    top = hits(home, "foster carers annual survey")[0]
    result = run(home, "similar", top["id"], "--format", "json")
    assert result.exit_code == 0, result.output
    similar = json.loads(result.stdout)
    assert similar and top["id"] not in {s["id"] for h in similar for s in h["sources"]}
    assert any("foster" in (h["title"] + h["snippet"]).lower() for h in similar[:3])
    assert run(home, "similar", "no-such-id").exit_code == 2


def test_tantivy_engine_answers_the_same(samples_home_copy):  # the first search builds its index
    home = samples_home_copy
    pytest.importorskip("tantivy")
    # A search only reads: the Tantivy index is built once, by reindex.
    assert "reindex --engine tantivy" in run(home, "search", "pupil premium", "--engine", "tantivy").output
    built = run(home, "reindex", "--engine", "tantivy")
    assert built.exit_code == 0, built.output
    result = run(home, "search", "pupil premium", "--engine", "tantivy", "--format", "json")
    assert result.exit_code == 0, result.output
    for query in ("pupil premium", "UASC", "minute 153", "fostr carer survey", "kind:action owner:Segurola"):
        whoosh = [h["id"] for h in hits(home, query, "--limit", "5")]
        tantivy = [h["id"] for h in hits(home, query, "--limit", "5", "--engine", "tantivy")]
        # BM25 rounds field lengths a little differently in each: the same
        # best hit, and the top five agree but for at most one.
        assert whoosh[0] == tantivy[0] and len(set(whoosh) & set(tantivy)) >= len(whoosh) - 1, query
