"""The gold scorer's matching rules (benchmarks/gold/README.md), on small hand-made
gold and found records; and its skips."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

import gold_score  # noqa: E402
from goldscore import corpus, entries  # noqa: E402
from goldscore.found import Export, found  # noqa: E402
from goldscore.gold import expected  # noqa: E402
from goldscore.matching import committees_compatible, match, name_key, text_similarity  # noqa: E402
from goldscore.report import score_file  # noqa: E402

SOURCE = {"type": "source", "id": "src-1", "path": "/papers/minutes.pdf", "text_layer": "ok"}


def export_of(meetings, records) -> Export:
    rows = [SOURCE]
    rows += [{"type": "meeting", "sources": ["src-1"], "time": None, "venue": None, **m} for m in meetings]
    rows += [{"source": SOURCE["path"], **r} for r in records]
    return Export.of(rows)


def scores(gold: dict, meetings, records, sample=False):
    wanted = expected(gold, sample=sample)
    result = score_file("f", "samples" if sample else "dev", wanted.entries, found(wanted, SOURCE, export_of(meetings, records)))
    return {kind: (c.gold, c.found, c.match) for kind, c in result.counts.items()}


def test_titles_match_when_equal_after_normalising_or_nine_tenths_alike():
    assert text_similarity("Pupil Premium – Update.", "pupil  premium - update") == 1.0
    assert text_similarity("Declarations of Interest", "Declarations of lnterest") >= 0.9  # one misread letter
    assert text_similarity("Declarations of Interest", "Declarations") is None
    assert text_similarity("Finance", "") is None


def test_names_compare_without_titles_honours_full_stops_or_roles():
    assert name_key("Cllr. Alun Davies") == name_key("Alun Davies")
    assert name_key("Mrs A.D. Allen MBE (Chairman)") == name_key("A D Allen")
    assert name_key("District Cllr Mrs Sims") == name_key("Cllr Mrs Sims")
    assert name_key("Alan Armstrong, EDC") == name_key("Alan Armstrong")
    assert name_key("the Clerk") == name_key("Clerk")
    assert name_key("Mr P.J. Oakford") == name_key("P J Oakford")
    assert name_key("Mrs Allen") != name_key("Mrs A D Allen")  # initials are not dropped
    assert name_key("") == ""


def test_committees_match_by_normalising_or_containment():
    assert committees_compatible("Manordeilo & Salem Community Council", "MANORDEILO AND SALEM COMMUNITY COUNCIL")
    assert committees_compatible("the Cabinet", "Cabinet")
    assert committees_compatible("Cabinet", "Kent County Council Cabinet")
    assert not committees_compatible("Cabinet", "Corporate Parenting Panel")
    assert not committees_compatible("Cabinet", None)


def test_a_found_record_matches_at_most_one_gold_record():
    gold = [entries.minute_item("2019-03-05", "5", "Finance"), entries.minute_item("2019-03-05", "5", "Finance")]
    once = [entries.minute_item("2019-03-05", "5", "Finance")]
    assert len(match(gold, once)) == 1
    assert len(match(once, gold)) == 1


def test_pairs_are_chosen_to_match_as_many_as_possible():
    # "Finance Report" found twice over: identical to gold A and alike to gold B.
    # Giving A its most alike partner first would leave B with none; A takes the
    # other, merely alike, "Finance Reports" instead.
    gold = [entries.minute_item("d", None, "Finance Report"), entries.minute_item("d", None, "Finance Report 20")]
    found_ = [entries.minute_item("d", None, "Finance Report"), entries.minute_item("d", None, "Finance Reports")]
    assert match(gold, found_) == [(0, 1), (1, 0)]
    wide = [entries.minute_item("d", None, "Finance Report 20"), entries.minute_item("d", None, "Finance Report")]
    narrow = [entries.minute_item("d", None, "Finance Report")]
    assert match(wide, narrow) == [(1, 0)]  # the identical title, not the merely alike one


MINUTES_GOLD = {
    "pack": None,
    "minutes": [{
        "committee": "Milburn Parish Council", "date": "2019-03-05", "time": None, "venue": "Village Hall",
        "present": ["Cllr D Richardson", "N Cresswell"], "apologies": ["Alan Armstrong"], "in_attendance": [],
        "absent": [],
        "items": [{"number": "19.03.1", "title": "Apologies"}, {"number": "19.03.5", "title": "Adoption of W.I. Seat"}],
        "resolutions": [{"minute": "19.03.5", "text": "to adopt the seat"}],
        "actions": [{"minute": "19.03.5", "owner": "", "action": "£86 to be paid into Bank"}],
    }],
}


def test_a_meeting_matches_by_date_and_committee_and_its_records_by_date_alone():
    meeting = {"id": "m1", "committee": "Milburn Parish Council Meeting", "date": "2019-03-05", "venue": "Village Hall"}
    records = [
        {"type": "minute_item", "meeting": "m1", "number": "19.03.1.", "title": "APOLOGIES"},
        {"type": "minute_item", "meeting": "m1", "number": "19.03.5", "title": "Adoption of WI Seat"},
        {"type": "resolution", "meeting": "m1", "minute": "19.03.5", "text": "to adopt the seat."},
        {"type": "attendance", "meeting": "m1", "name": "Councillor D Richardson (Chair)", "status": "present"},
        {"type": "attendance", "meeting": "m1", "name": "N Cresswell", "status": "present"},
        {"type": "attendance", "meeting": "m1", "name": "Alan Armstrong, EDC", "status": "apologies"},
        {"type": "action", "meeting": "m1", "minute": "19.03.5", "owner": "", "description": "£86 to be paid in"},
    ]
    got = scores(MINUTES_GOLD, [meeting], records)
    assert got["meeting"] == (1, 1, 1)  # "... Meeting" contains the gold's words
    assert got["meeting_detail"] == (1, 1, 1)  # the venue; the gold prints no time
    assert got["minute_item"] == (2, 2, 2)
    assert got["resolution"] == (1, 1, 1)
    assert got["attendance"] == (3, 3, 3)
    assert got["action"] == (1, 1, 1)  # by minute and owner "" alone


def test_a_committee_misread_costs_the_meeting_row_only():
    meeting = {"id": "m1", "committee": "Public Participation", "date": "2019-03-05"}
    records = [{"type": "minute_item", "meeting": "m1", "number": "19.03.1", "title": "Apologies"}]
    got = scores(MINUTES_GOLD, [meeting], records)
    assert got["meeting"] == (1, 1, 0)
    assert got["minute_item"] == (2, 1, 1)


def test_records_of_another_or_an_undated_meeting_match_nothing():
    meetings = [{"id": "m1", "committee": "Milburn Parish Council", "date": "2019-01-08"},
                {"id": "m2", "committee": "Milburn Parish Council - 5th March 2019", "date": None}]
    records = [{"type": "minute_item", "meeting": "m1", "number": "19.03.1", "title": "Apologies"},
               {"type": "minute_item", "meeting": "m2", "number": "19.03.5", "title": "Adoption of W.I. Seat"}]
    got = scores(MINUTES_GOLD, meetings, records)
    assert got["meeting"] == (1, 2, 0)
    assert got["minute_item"] == (2, 2, 0)


def test_only_what_the_gold_states_is_scored():
    gold = {"pack": None, "minutes": [{"committee": "Panel", "date": "2016-05-26", "present": ["Mr A Bell"]}]}
    records = [{"type": "attendance", "meeting": "m1", "name": "Mr A Bell", "status": "present"},
               {"type": "attendance", "meeting": "m1", "name": "Ms C Dee", "status": "in_attendance"},
               {"type": "minute_item", "meeting": "m1", "number": "1", "title": "Apologies"}]
    got = scores(gold, [{"id": "m1", "committee": "Panel", "date": "2016-05-26"}], records, sample=True)
    assert got["attendance"] == (1, 1, 1)  # no "in_attendance" list: officers are not counted
    assert "minute_item" not in got  # no "items" key: the gold says nothing about items


def test_a_cancelled_meeting_is_a_detail_to_find():
    gold = {"pack": {"committee": "Neighbourhood Committee", "date": "2025-12-04", "time": "19:30",
                     "venue": None, "status": "cancelled"}, "documents": [], "minutes": []}
    meeting = {"id": "m1", "committee": "Neighbourhood Committee", "date": "2025-12-04", "time": "19:30",
               "venue": "Guildhall"}
    got = scores(gold, [meeting], [])
    assert got["meeting"] == (1, 1, 1)
    assert got["meeting_detail"] == (2, 2, 1)  # time right; status missed; a venue the gold says is not printed


def test_a_detail_another_paper_of_the_meeting_prints_is_right_and_one_it_alone_lacks_is_not_counted():
    minutes = {"pack": None, "minutes": [{"committee": "County Council", "date": "2025-01-09", "time": None,
                                          "venue": "Council Chamber, Sessions House, County Hall, Maidstone"}]}
    summons = {"committee": "County Council", "date": "2025-01-09", "time": "10:00",
               "venue": "Council Chamber, County Hall, Maidstone, Kent, ME14 1XQ"}
    told_by_both = {"id": "m1", "committee": "County Council", "date": "2025-01-09", "sources": ["src-1", "src-2"],
                    "time": "10:00", "venue": "Council Chamber, County Hall, Maidstone, Kent, ME14 1XQ"}
    wanted = expected(minutes, sample=False, elsewhere=[summons])
    rows = [SOURCE, {"type": "meeting", **told_by_both}]
    result = score_file("f", "dev", wanted.entries, found(wanted, SOURCE, Export.of(rows)))
    count = result.counts["meeting_detail"]
    assert (count.gold, count.found, count.match) == (1, 1, 1)  # the summons' venue; its time not counted
    alone = expected(minutes, sample=False)
    rows = [SOURCE, {"type": "meeting", **told_by_both, "sources": ["src-1"]}]
    result = score_file("f", "dev", alone.entries, found(alone, SOURCE, Export.of(rows)))
    count = result.counts["meeting_detail"]
    assert (count.gold, count.found, count.match) == (1, 2, 0)  # this paper alone: both wrong


def test_documents_match_by_kind_and_first_page_and_votes_by_their_counts():
    gold = {"pack": None, "documents": [{"kind": "minutes", "title": "Minutes", "first_page": 1}],
            "minutes": [{"committee": "County Council", "date": "2025-01-09",
                         "votes": [{"minute": "285", "for": 14, "against": 45, "abstain": 4, "result": "lost"}]}]}
    records = [{"type": "document", "kind": "minutes", "page": 1, "line": 3},
               {"type": "vote", "meeting": "m1", "minute": "285", "for": 14, "against": 45, "abstain": 4, "result": "lost"},
               {"type": "vote", "meeting": "m1", "minute": "285", "for": 14, "against": 45, "abstain": 5, "result": "lost"}]
    got = scores(gold, [{"id": "m1", "committee": "County Council", "date": "2025-01-09"}], records)
    assert got["document"] == (1, 1, 1)
    assert got["vote"] == (1, 2, 1)


def write_gold(folder: Path, name: str, gold: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{name}.json").write_text(json.dumps(gold))


def test_a_gold_file_whose_paper_is_absent_is_skipped_with_a_note(tmp_path, capsys):
    dev = tmp_path / "dev-gold"
    write_gold(dev, "absent-minutes", {"source": "absent.pdf", "path": "nowhere/absent.pdf", **MINUTES_GOLD})
    (dev / "broken.json").write_text("{not json")
    gold_score.main(["--only", "dev", "--dev-gold", str(dev), "--gold", str(tmp_path / "none")])
    out = capsys.readouterr().out
    assert "skipped absent-minutes: paper absent:" in out
    assert "skipped broken: unreadable gold file" in out
    assert "totals over 0 gold files (0 samples, 0 dev), 2 skipped" in out


def test_a_paper_that_needs_ocr_where_ocr_cannot_run_is_skipped():
    file = corpus.GoldFile(Path("garbled.json"), "dev", gold={}, paper=Path("/papers/garbled.pdf"))
    corpus.skip_unreadable(file, {**SOURCE, "text_layer": "garbled"}, "OCR turned off (--no-ocr)")
    assert file.skipped.startswith("needs OCR (garbled text layer)")
    readable = corpus.GoldFile(Path("ok.json"), "dev", gold={}, paper=Path("/papers/ok.pdf"))
    corpus.skip_unreadable(readable, SOURCE, "OCR turned off (--no-ocr)")
    assert readable.skipped is None


def test_a_present_paper_is_ingested_and_scored_as_json(tmp_path, capsys):
    paper = tmp_path / "papers" / "parish-minutes.txt"
    paper.parent.mkdir()
    paper.write_text("Milburn Parish Council - 5th March 2019\n\nPresent: Councillors N Cresswell\n\n"
                     "19.03.1 Apologies\nNone.\n")
    dev = tmp_path / "dev-gold"
    write_gold(dev, "parish-minutes", {"source": paper.name, "path": str(paper), **MINUTES_GOLD})
    write_gold(dev, "other", {"source": "x.pdf", "path": "nowhere/x.pdf", "minutes": []})
    gold_score.main(["--only", "dev", "--dev-gold", str(dev), "--file", "parish", "--json", "--jobs", "1"])
    result = json.loads(capsys.readouterr().out)
    assert [f["file"] for f in result["files"]] == ["parish-minutes"]  # --file chose one
    scored = result["files"][0]
    assert scored["skipped"] is None
    assert scored["scores"]["minute_item"]["gold"] == 2
    assert set(scored["missed"]) >= {"meeting", "minute_item", "attendance"}
    assert result["totals"]["meeting"]["gold"] == 1


@pytest.mark.parametrize("only", ["samples", "dev"])
def test_only_one_set_is_read(tmp_path, only):
    write_gold(tmp_path / "samples", "s", {"source": "missing-sample.txt"})
    write_gold(tmp_path / "dev", "d", {"source": "d.pdf", "path": "nowhere/d.pdf"})
    files = corpus.gold_files(tmp_path / "samples", tmp_path / "dev", only, [])
    assert [f.set for f in files] == [only]
    assert files[0].skipped.startswith("paper absent")
