"""SearchIndex against a handful of real-looking Kent council records."""

from __future__ import annotations

import datetime as dt

import pytest

from councilpapers.search import BadQuery, Hit, IndexBusy, SearchIndex
from councilpapers.search.documents import SearchDocument

CPP = "Corporate Parenting Panel"
CSC = "Children's Social Care and Health Cabinet Committee"
PACK_MAY = "/papers/kent-corporate-parenting-panel-2016-05-26-agenda-and-minutes.html"
PACK_JULY = "/papers/kent-corporate-parenting-panel-2016-07-20-agenda-pack.pdf"
PACK_CSC = "/papers/kent-childrens-social-care-2015-07-22-agenda-pack.pdf"

FILLER = (
    "Members asked about the timetable for the review and the officers undertook "
    "to circulate a briefing note to the Panel before the next meeting. "
)


def doc(id, body, *, title="", kind="minute_item", committee=CPP, date=None,
        source=PACK_MAY, minute=None, agenda_ref=None, page=None, line=None):
    return SearchDocument(
        id=id, kind=kind, committee=committee,
        meeting_id=f"mtg-{date}-x" if date else None, meeting_date=date,
        minute=minute, agenda_ref=agenda_ref, title=title, body=body,
        source=source, page=page, line=line,
    )


DOCS = [
    doc("res-may-4", kind="resolution", date=dt.date(2016, 5, 26), minute="4",
        agenda_ref="B1", title="Pupil Premium", page=3, line=240,
        body="RESOLVED that:-\n\na)    the information set out in the report, and given "
             "in response to comments and questions, be noted; and\n\nb)    the Virtual "
             "School Kent Pupil Premium Policy for Children in Care for 2016-17 be endorsed."),
    doc("min-may-2", date=dt.date(2016, 5, 26), minute="2", title="Minutes of the last meeting",
        body="Arising from minute 138, the Vice-Chairman reported that the group of young "
             "people in Thanet who had made a DVD about local crime issues had won a "
             "national Crime Beater award, with a cash prize of £1,000."),
    doc("min-jul-7", date=dt.date(2016, 7, 20), source=PACK_JULY, minute="7",
        title="Foster carer recruitment",
        body=FILLER * 3 + "The Head of Fostering said that recruitment of foster carers "
             "had improved and the allowance paid to each carer would rise in April. "
             + FILLER),
    doc("min-jul-8", date=dt.date(2016, 7, 20), source=PACK_JULY, minute="8",
        title="Education of children in care",
        body="The premium for each pupil is paid to the Virtual School, which allocates "
             "the money to schools according to the personal education plan."),
    doc("res-csc-12", kind="resolution", committee=CSC, date=dt.date(2015, 7, 22),
        source=PACK_CSC, minute="12", title="Adoption service",
        body="RESOLVED that the performance of the adoption service be noted and the "
             "recruitment of adopters be supported."),
    doc("act-csc-1", kind="action", committee=CSC, date=dt.date(2015, 7, 22),
        source=PACK_CSC, title="Report back on kinship carer allowance",
        body="Officers to report back on the kinship allowance review."),
]


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex(tmp_path / "index")
    assert ix.rebuild(DOCS) == len(DOCS)
    return ix


def ids(hits):
    return [h.id for h in hits]


# -- query language ------------------------------------------------------------

def test_stemming_plural_query_finds_singular_word(index):
    hits = index.search("carers")
    # "carer" appears in min-jul-7 and in the title of act-csc-1; nothing else.
    assert set(ids(hits)) == {"min-jul-7", "act-csc-1"}


def test_phrase_needs_the_words_together(index):
    # min-jul-8 has both "premium" and "pupil", but not as a phrase.
    assert ids(index.search('"pupil premium"')) == ["res-may-4"]
    assert set(ids(index.search("pupil premium"))) == {"res-may-4", "min-jul-8"}


def test_words_are_anded_and_records_with_some_of_them_follow(index):
    assert set(ids(index.search("allowance"))) == {"min-jul-7", "act-csc-1"}
    hits = index.search("allowance kinship")
    assert ids(hits) == ["act-csc-1", "min-jul-7"]
    assert [h.partial for h in hits] == [False, True]
    # Only to fill the list: none when enough records have all the words.
    assert ids(index.search("allowance kinship", limit=1)) == ["act-csc-1"]


def test_or_and_not(index):
    assert set(ids(index.search("adoption OR thanet"))) == {"res-csc-12", "min-may-2"}
    assert ids(index.search("allowance NOT kinship")) == ["min-jul-7"]
    # AND written out means all of them, no fewer.
    assert ids(index.search("allowance AND kinship")) == ["act-csc-1"]


def test_title_weighs_more_than_body(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.rebuild([
        doc("in-body", title="Other business", body="The fostering report was noted."),
        # A long title would lose to the short body on length alone.
        doc("in-title", title="Update on the fostering service and the adoption service",
            body="The update was noted."),
        doc("neither", title="Apologies", body="Apologies were received from Mr Lymer."),
    ])
    assert ids(ix.search("fostering")) == ["in-title", "in-body"]


def test_snippet_prefers_the_first_of_equally_good_passages(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.rebuild([doc("d", body="Kinship care was raised first. " + FILLER * 4
                    + "Kinship care was raised again.")])
    (hit,) = ix.search("kinship")
    assert hit.snippet.startswith("Kinship care was raised first.")


def test_equal_scores_put_the_latest_meeting_first(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    text = "RESOLVED that the minutes be noted."
    ix.rebuild([
        doc("old", body=text, date=dt.date(2015, 1, 1)),
        doc("undated", body=text),
        doc("new", body=text, date=dt.date(2016, 1, 1)),
        doc("mid", body=text, date=dt.date(2015, 6, 1)),
    ])
    assert ids(ix.search("minutes noted")) == ["new", "mid", "old", "undated"]
    assert ids(ix.search("")) == ["new", "mid", "old", "undated"]
    # Ties at the cut-off are decided by date too, not by index order.
    assert ids(ix.search("minutes noted", limit=1)) == ["new"]


# -- filters -------------------------------------------------------------------

def test_kind_filter(index):
    assert set(ids(index.search("recruitment"))) == {"min-jul-7", "res-csc-12"}
    assert ids(index.search("recruitment", kind="resolution")) == ["res-csc-12"]
    assert index.search("recruitment", kind="action") == []


def test_committee_filter_by_some_words_any_case(index):
    hits = index.search("", committee="corporate PARENTING")
    assert set(ids(hits)) == {"res-may-4", "min-may-2", "min-jul-7", "min-jul-8"}
    assert ids(index.search("recruitment", committee="Childrens social care")) == ["res-csc-12"]
    assert ids(index.search("recruitment", committee=CPP)) == ["min-jul-7"]
    assert index.search("recruitment", committee="planning committee") == []


def test_since_and_until_are_inclusive_date_ranges(index):
    july = index.search("", since=dt.date(2016, 7, 20))
    assert set(ids(july)) == {"min-jul-7", "min-jul-8"}
    up_to_may = index.search("", until=dt.date(2016, 5, 26))
    assert set(ids(up_to_may)) == {"res-may-4", "min-may-2", "res-csc-12", "act-csc-1"}
    between = index.search("", since=dt.date(2016, 1, 1), until=dt.date(2016, 6, 30))
    assert set(ids(between)) == {"res-may-4", "min-may-2"}


def test_start_after_end_is_a_bad_query(index):
    with pytest.raises(BadQuery):
        index.search("", since=dt.date(2016, 7, 1), until=dt.date(2016, 1, 1))


def test_empty_query_lists_latest_first_and_respects_limit(index):
    hits = index.search("", kind="resolution")
    assert ids(hits) == ["res-may-4", "res-csc-12"]
    assert all(h.score == 0.0 for h in hits)
    assert len(index.search("", limit=3)) == 3


# -- writing -------------------------------------------------------------------

def test_replace_source_touches_only_that_source(index):
    index.replace_source(PACK_JULY, [
        doc("min-jul-9", source=PACK_JULY, date=dt.date(2016, 7, 20),
            title="Care leavers", body="Care leavers' accommodation was discussed."),
    ])
    assert index.search("foster") == []  # min-jul-7 is gone
    assert ids(index.search("leavers")) == ["min-jul-9"]
    assert ids(index.search("thanet")) == ["min-may-2"]  # other sources stay
    assert index.doc_count() == len(DOCS) - 2 + 1


def test_a_record_id_moved_to_another_source_is_indexed_once(index):
    # A record's id stays unique when another source brings it (ids come from content).
    index.replace_sources({
        "/papers/csc-copy.pdf": [doc("res-csc-12", kind="resolution", committee=CSC,
                                     source="/papers/csc-copy.pdf", title="Adoption service",
                                     body="RESOLVED that the adoption service be noted.")],
        "/papers/new.pdf": [doc("min-new-1", source="/papers/new.pdf", body="Zebra crossing approved.")],
    })
    assert index.doc_count() == len(DOCS) - 1 + 2
    assert [h.source for h in index.search("adoption")] == ["/papers/csc-copy.pdf"]
    assert ids(index.search("zebra")) == ["min-new-1"]


def test_remove_source(index):
    index.remove_source(PACK_CSC)
    assert index.doc_count() == len(DOCS) - 2
    assert index.search("adoption") == []
    assert ids(index.search("thanet")) == ["min-may-2"]


def test_rebuild_replaces_everything(index):
    index.rebuild(DOCS[:1])
    assert index.doc_count() == 1
    assert index.search("thanet") == []


def test_rebuild_and_incremental_adds_give_the_same_hits(tmp_path, index):
    incremental = SearchIndex(tmp_path / "incremental")
    for source in (PACK_MAY, PACK_JULY, PACK_CSC):
        incremental.replace_source(source, [d for d in DOCS if d.source == source])
    assert incremental.doc_count() == index.doc_count()
    for query in ("carers", "pupil premium", "recruitment", "resolved", "allowance NOT kinship"):
        built = [(h.id, round(h.score, 4), h.snippet) for h in index.search(query)]
        added = [(h.id, round(h.score, 4), h.snippet) for h in incremental.search(query)]
        assert built and built == added, query


# -- hits and snippets -----------------------------------------------------------

def test_hit_carries_the_record_and_its_place(index):
    (hit,) = index.search('"pupil premium"')
    assert isinstance(hit, Hit)
    assert (hit.kind, hit.committee, hit.meeting_date) == ("resolution", CPP, dt.date(2016, 5, 26))
    assert (hit.minute, hit.agenda_ref, hit.title) == ("4", "B1", "Pupil Premium")
    assert (hit.source, hit.page, hit.line) == (PACK_MAY, 3, 240)
    assert hit.score > 0


def test_to_json_has_the_export_fields(index):
    (hit,) = index.search('"pupil premium"')
    data = hit.to_json()
    assert list(data) == ["id", "kind", "committee", "meeting_date", "minute", "agenda_ref",
                          "title", "snippet", "source", "page", "line", "score", "highlights",
                          "snippet_marked", "meeting_id", "exempt", "sources"]
    assert data["snippet_marked"].count("**") == 4  # **Pupil** **Premium**
    assert data["sources"] == [{"id": "res-may-4", "source": PACK_MAY, "page": 3, "line": 240}]
    assert data["meeting_date"] == "2016-05-26"
    assert isinstance(data["score"], float)
    undated = SearchIndex(index.directory)
    undated.replace_source("/x.txt", [doc("u", body="Unique zebra crossing.", source="/x.txt")])
    assert undated.search("zebra")[0].to_json()["meeting_date"] is None


def test_snippet_is_a_window_around_the_match_with_spans_on_it(index):
    hit = next(h for h in index.search("allowance") if h.id == "min-jul-7")
    # The match is ~600 characters in: the snippet is cut around it.
    assert hit.snippet.startswith("…") and len(hit.snippet) <= 220
    assert "\n" not in hit.snippet
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["allowance"]


def test_spans_mark_stemmed_and_phrase_matches(index):
    (hit,) = index.search('"pupil premium"')
    # The body has line breaks and runs of spaces before the match: squeezed,
    # and the spans moved with them.
    assert "\n" not in hit.snippet and "  " not in hit.snippet
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Pupil", "Premium"]
    hit = next(h for h in index.search("carers") if h.id == "min-jul-7")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["carers", "carer"]


def test_title_only_match_gives_the_start_of_the_body(index):
    (hit,) = index.search("adoption", kind="resolution")
    assert hit.highlights  # "adoption" is in the body too
    hit = index.search("kinship carer")[0]
    # "carer" is only in the title, "kinship" in both: the body passage shows kinship.
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["kinship"]
    (hit,) = index.search("children", kind="minute_item")
    assert hit.id == "min-jul-8" and hit.highlights == []
    assert hit.snippet.startswith("The premium for each pupil")


# -- errors and edge cases -----------------------------------------------------

@pytest.mark.parametrize("query", ['"pupil premium', "(adoption OR thanet", "adoption)"])
def test_unbalanced_quotes_and_brackets_are_bad_queries(index, query):
    with pytest.raises(BadQuery) as err:
        index.search(query)
    assert str(err.value).endswith(".")


def test_what_the_lenient_parser_does_with_stray_operators(index):
    # Whoosh drops a dangling operator rather than failing: documented here.
    assert ids(index.search("thanet AND")) == ids(index.search("thanet")) == ["min-may-2"]
    # Only stop words: nothing to search for, so no hits (not everything).
    assert index.search("the and of") == []


def test_missing_index_gives_no_hits_and_is_not_created(tmp_path):
    ix = SearchIndex(tmp_path / "nowhere")
    assert not ix.exists()
    assert ix.search("carers") == []
    assert ix.doc_count() == 0
    ix.remove_source(PACK_MAY)
    assert not (tmp_path / "nowhere").exists()
    with pytest.raises(BadQuery):  # a bad query is still reported
        ix.search('"unclosed')


def test_index_is_created_by_the_first_write(tmp_path):
    ix = SearchIndex(tmp_path / "new" / "index")
    ix.replace_source(PACK_MAY, DOCS[:2])
    assert ix.exists() and ix.doc_count() == 2
    # A fresh object (another process, say) sees the same index.
    assert ids(SearchIndex(tmp_path / "new" / "index").search("thanet")) == ["min-may-2"]


def test_a_held_write_lock_gives_index_busy(tmp_path, index):
    other = SearchIndex(index.directory)
    writer = other._writer()  # another writer holds the lock
    try:
        busy = SearchIndex(index.directory, lock_timeout=0.3)
        with pytest.raises(IndexBusy, match="another process"):
            busy.replace_source(PACK_MAY, [])
    finally:
        writer.cancel()
    SearchIndex(index.directory, lock_timeout=0.3).remove_source(PACK_MAY)  # free again
    assert index.doc_count() == len(DOCS) - 2


def test_document_without_id_is_refused(tmp_path):
    with pytest.raises(ValueError, match="without an id"):
        SearchIndex(tmp_path / "ix").rebuild([SearchDocument(id="", title="x", body="y")])
