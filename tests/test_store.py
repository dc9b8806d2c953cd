"""The store: one transaction per file, meetings shared by the files that tell them."""

import pytest

from councilpapers.corpus.records import Acronym, Meeting, MinuteItem, Resolution, Source
from councilpapers.corpus.store import Store


def source(path: str, sha: str, status: str = "ok") -> Source:
    return Source(f"src-{sha}", path, sha, "text", 3, status)


def item(source_path: str, n: int, meeting: str) -> MinuteItem:
    return MinuteItem(f"min-{source_path}-{n}", source_path, 1, n, meeting=meeting, number=str(n), title=f"Item {n}")


@pytest.fixture
def store(tmp_path):
    s = Store(tmp_path / "store.sqlite")
    yield s
    s.close()


def test_replacing_a_source_replaces_its_records_only(store):
    meeting = Meeting("mtg-2016-05-26-panel", "Panel", "2016-05-26")
    store.replace_source(source("a.txt", "a1"), [meeting], [item("a.txt", 1, meeting.id), item("a.txt", 2, meeting.id)])
    store.replace_source(source("b.txt", "b1"), [meeting], [item("b.txt", 7, meeting.id)])
    store.replace_source(source("a.txt", "a2"), [meeting], [item("a.txt", 3, meeting.id)])
    numbers = sorted(r.number for r in store.records(type="minute_item"))
    assert numbers == ["3", "7"]
    assert store.source_at("a.txt").sha256 == "a2"
    assert sorted(store.meeting(meeting.id).sources) == ["src-a2", "src-b1"]


def test_meeting_is_one_row_and_each_file_fills_what_it_knows(store):
    store.replace_source(source("front.txt", "f"), [Meeting("mtg-x", "Panel", "2016-07-20", time="13:00")])
    store.replace_source(source("mins.txt", "m"), [Meeting("mtg-x", "Panel", "2016-07-20", venue="Darent Room")])
    (meeting,) = store.meetings()
    assert (meeting.time, meeting.venue) == ("13:00", "Darent Room")
    store.remove_path("front.txt")
    assert store.meeting("mtg-x").sources == ["src-m"]
    store.remove_path("mins.txt")
    assert store.meetings() == []


def test_a_failing_write_leaves_the_previous_state(store):
    meeting = Meeting("mtg-y", "Panel", "2015-10-23")
    store.replace_source(source("a.txt", "a1"), [meeting], [item("a.txt", 1, meeting.id)])
    duplicate_ids = [item("a.txt", 5, meeting.id), item("a.txt", 5, meeting.id)]
    with pytest.raises(Exception):
        store.replace_source(source("a.txt", "a2"), [meeting], duplicate_ids)
    assert store.source_at("a.txt").sha256 == "a1"
    assert [r.number for r in store.records()] == ["1"]


def test_records_round_trip_with_their_type_and_fields(store):
    resolution = Resolution("res-1", "a.txt", 4, 120, meeting="mtg-z", minute="153", text="a) x; b) y", parts=["x", "y"])
    store.replace_source(source("a.txt", "a1"), [Meeting("mtg-z", "Panel", "2016-05-26")], [resolution])
    assert store.record("res-1") == resolution
    assert store.counts()["resolution"] == 1


def test_the_glossary_is_merged_over_the_files_and_again_when_they_change(store):
    def acronyms(path, *pairs):
        return [Acronym(f"acr-{path}-{n}", path, 1, n, short=short, long=long) for n, (short, long) in enumerate(pairs)]

    store.replace_source(source("a.txt", "a1"), [], acronyms("a.txt", ("CiC", "children in care"),
                                                             ("IRO", "Independent Reviewing Officer")))
    store.replace_source(source("b.txt", "b1"), [], acronyms("b.txt", ("CIC", "Children in Care")))
    store.replace_source(source("c.txt", "c1"), [], acronyms("c.txt", ("CIC", "Children In Care")))
    assert [(e.short, e.long, e.sources) for e in store.glossary()] == [
        ("CIC", "Children in Care", ["a.txt", "b.txt", "c.txt"]),
        ("IRO", "Independent Reviewing Officer", ["a.txt"]),
    ]
    store.remove_path("a.txt")
    assert [(e.short, e.sources) for e in store.glossary()] == [("CIC", ["b.txt", "c.txt"])]


def test_a_store_made_before_the_glossary_was_kept_merges_it_when_opened(tmp_path):
    path = tmp_path / "old.sqlite"
    old = Store(path)
    old.replace_source(source("a.txt", "a1"), [], [Acronym("acr-1", "a.txt", 1, 1, short="UASC",
                                                           long="Unaccompanied Asylum Seeking Children")])
    old.db.execute("DROP TABLE glossary")
    old.db.execute("DELETE FROM glossary_stale")
    old.close()
    reopened = Store(path)
    assert [(e.short, e.long) for e in reopened.glossary()] == [("UASC", "Unaccompanied Asylum Seeking Children")]
    reopened.close()
