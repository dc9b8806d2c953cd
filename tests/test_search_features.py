"""What the search module does beyond matching words: acronyms, spelling,
duplicates, exempt business, numbers first, fields, facets, more-like-this,
and the documents it builds from records."""

from __future__ import annotations

import datetime as dt

import pytest

from councilpapers.corpus.glossary import merge_glossary
from councilpapers.corpus.records import Acronym, AgendaItem, Figure, Meeting, MinuteItem, Report, Resolution
from councilpapers.search import BadQuery, SearchIndex
from councilpapers.search.documents import SearchDocument, search_documents
from councilpapers.ingest.segment.business import link_agenda_refs, mark_exempt

CPP = "Corporate Parenting Panel"
MAY = dt.date(2016, 5, 26)
PACK = "/papers/cpp-2016-07-20-pack.txt"
WEB = "/papers/cpp-2016-05-26-webpage.html"
OTHER = "/papers/cpp-2015-12-08-pack.txt"


def doc(id, body="", *, title="", kind="minute_item", committee=CPP, date=MAY, source=PACK,
        minute=None, agenda_ref=None, page=None, line=None, **extra):
    meeting = f"mtg-{date}-cpp" if date else None
    return SearchDocument(id=id, kind=kind, committee=committee, meeting_id=meeting, meeting_date=date,
                          minute=minute, agenda_ref=agenda_ref, title=title, body=body, source=source,
                          page=page, line=line, **extra)


def ids(hits):
    return [h.id for h in hits]


# The corpus glossary, as the store merges it from the files' acronyms.
GLOSSARY = [("UASC", "Unaccompanied Asylum Seeking Children"), ("IRO", "Independent Reviewing Officer")]


def _docs():
    return [
        doc("uasc-short", "The number of UASC arriving in Kent fell in the summer.", title="Verbal updates",
            minute="111", date=dt.date(2015, 10, 23)),
        doc("uasc-long", "Services for unaccompanied asylum seeking children were reviewed.",
            title="Millbank reception centre", kind="report", date=dt.date(2015, 7, 22), decisions=["14/00081"],
            decision_no="14/00081", amounts=[23_000_000.0]),
        doc("survey", "The foster carer survey had a low response rate.", title="Foster Carers Annual Survey",
            minute="150", page=9, line=311, group_num="minute_item|m|n:150", group_title="minute_item|m|t:foster"),
        doc("survey-web", "The foster carer survey had a low response rate.", title="Foster Carers Annual Survey",
            source=WEB, line=134, group_title="minute_item|m|t:foster"),
        doc("minute-7", "Apologies were received.", title="Apologies", minute="7", page=1),
        doc("mentions-7", "Arising from minute 7 and minute 7 again, minute 7.", title="Minutes", minute="8"),
        doc("secret", "Personal information about a young person in care.", title="Views of young people",
            minute="104", exempt=True, group_title="minute_item|m|t:views"),
        # The web copy and the minute of an exempt agenda item are exempt as the store spreads it (corpus.exempt).
        doc("secret-web", "Personal information about a young person in care.", title="Views of young people",
            source=WEB, group_title="minute_item|m|t:views", exempt=True),
        doc("exempt-agenda", "", title="Update on placements", kind="agenda_item", agenda_ref="B4",
            exempt=True, source=OTHER),
        doc("placement-minute", "Placements for a young person were discussed.", title="Update on placements",
            minute="120", agenda_ref="B4", exempt=True),
        doc("action-1", "Mr Ireland to report back on placements.", title="Action", kind="action",
            minute="120", people=["Ireland"], owners=["Ireland"], person_ids=["per-ireland-a"]),
        doc("said", "Mr Ireland said placements in care were stable.", title="Placements", minute="121",
            people=["Ireland"]),
    ]


@pytest.fixture
def index(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.rebuild(_docs())
    ix.replace_glossary(GLOSSARY)
    return ix


def test_an_acronym_finds_its_long_form_and_the_reverse(index):
    assert set(ids(index.search("UASC"))) == {"uasc-short", "uasc-long"}
    assert set(ids(index.search("uasc"))) == {"uasc-short", "uasc-long"}
    assert set(ids(index.search("unaccompanied asylum seeking children"))) == {"uasc-short", "uasc-long"}
    assert set(ids(index.search('"unaccompanied asylum seeking children"'))) == {"uasc-short", "uasc-long"}
    # Both spellings are marked in the snippets.
    long = next(h for h in index.search("UASC") if h.id == "uasc-long")
    assert [long.snippet[s:e] for s, e in long.highlights] == ["unaccompanied", "asylum", "seeking", "children"]


def test_a_misspelt_word_is_corrected_and_suggested(index):
    result = index.find("fostr carer survey")
    assert result.suggestion == "foster carer survey"
    assert ids(result.hits) == ["survey"]
    assert index.find("foster carer survey").suggestion is None


def test_the_same_minute_from_two_files_is_one_hit_listing_both(index):
    (hit,) = index.search("foster carer survey")
    assert hit.id == "survey" and hit.page == 9  # the copy with a page is cited
    assert [s["source"] for s in hit.sources] == [PACK, WEB]
    assert hit.minute == "150"


def test_numbered_minutes_with_the_same_title_stay_apart(tmp_path):
    ix = SearchIndex(tmp_path / "ix")
    ix.rebuild([
        doc("a", "Verbal update on fostering.", title="Verbal update", minute="1",
            group_num="m|n:1", group_title="m|t:verbal"),
        doc("b", "Verbal update on fostering.", title="Verbal update", minute="2",
            group_num="m|n:2", group_title="m|t:verbal"),
    ])
    assert len(ix.search("fostering")) == 2


def test_exempt_business_is_hidden_unless_asked_for(index):
    assert index.search("personal information") == []  # the exempt minute and its web copy
    hits = [h for h in index.search("personal information", include_exempt=True) if not h.partial]
    assert ids(hits) == ["secret"] and hits[0].exempt
    assert [s["source"] for s in hits[0].sources] == [PACK, WEB]
    # A minute whose agenda item is exempt (in another file, as the store records it) is hidden too.
    assert "placement-minute" not in ids(index.search("placements"))
    assert "placement-minute" in ids(index.search("placements", include_exempt=True))


def test_an_exact_minute_number_goes_first(index):
    assert ids(index.search("minute 7"))[0] == "minute-7"
    assert ids(index.search("7")) == ["minute-7"]


def test_a_decision_number_goes_first(index):
    assert ids(index.search("14/00081")) == ["uasc-long"]
    assert ids(index.search("decision:14/00081")) == ["uasc-long"]


def test_fields(index):
    assert ids(index.search("kind:report")) == ["uasc-long"]
    assert set(ids(index.search("date:2015"))) == {"uasc-short", "uasc-long"}
    assert ids(index.search("date:2015-08..2015-12")) == ["uasc-short"]
    assert ids(index.search("date:..2015-07")) == ["uasc-long"]
    assert ids(index.search("minute:150")) == ["survey"]
    assert ids(index.search("amount:>1000000")) == ["uasc-long"]
    assert index.search("amount:<1m") == []
    assert set(ids(index.search("person:Ireland"))) == {"action-1", "said"}
    assert ids(index.search("owner:Ireland")) == ["action-1"]
    assert ids(index.search('committee:"corporate parenting" kind:report')) == ["uasc-long"]
    with pytest.raises(BadQuery):
        index.search("kind:motion")


def test_person_matches_every_form_of_a_name_through_the_people_lookup(tmp_path, index):
    looked_up = []

    def people(name):
        looked_up.append(name)
        return set(), {"per-ireland-a"}

    ix = SearchIndex(index.directory, people=people)
    assert ids(ix.search("owner:Andrew")) == ["action-1"]
    assert looked_up == ["Andrew"]


def test_a_bare_year_matches_the_meeting_year(index):
    assert "uasc-long" in ids(index.search("Millbank 2015"))
    assert "uasc-long" not in [h.id for h in index.search("Millbank 2016") if not h.partial]


def test_facets_count_what_matches(index):
    result = index.find("placements OR survey", facets=True)
    assert result.facets["kind"] == {"minute_item": 3, "action": 1}
    assert result.facets["year"] == {"2016": 4}
    assert result.facets["committee"] == {CPP: 4}
    assert result.total == 4


def test_more_like_this(index):
    result = index.similar("said")
    assert "said" not in ids(result.hits)
    assert ids(result.hits)[0] == "action-1"
    with pytest.raises(KeyError):
        index.similar("nope")


# -- documents built from records --------------------------------------------------

MEETING = Meeting("mtg-2015-10-23-cpp", CPP, "2015-10-23")
SRC = "/papers/pack.txt"


def _records():
    """A file's records with the facts ingest stores on them (exempt, agenda refs)."""
    records = _found()
    mark_exempt(records)
    link_agenda_refs(records)
    return records


def _found():
    return [
        MinuteItem("m103", SRC, 3, 100, meeting=MEETING.id, number="103",
                   title="Exclusion of the Press and Public for Exempt Business",
                   text="Resolved that the press and public be excluded for the following item of business."),
        MinuteItem("m104", SRC, 3, 110, meeting=MEETING.id, number="104", agenda_ref="1",
                   title="Views of young people in care", text="Young people spoke."),
        MinuteItem("m105", SRC, 4, 160, meeting=MEETING.id, number="105", title="Apologies",
                   text="Apologies were received."),
        MinuteItem("m106", SRC, 4, 170, meeting=MEETING.id, number="106", agenda_ref="B1",
                   title="Foster carers", text="Mr P Segurola said a survey would be held."),
        Resolution("r106", SRC, 5, 180, meeting=MEETING.id, minute="106", text="the report be noted",
                   title="Foster carers", item="m106"),
        AgendaItem("a1", SRC, 1, 10, meeting=MEETING.id, code="B2", title="Placement stability report"),
        AgendaItem("a2", SRC, 1, 12, meeting=MEETING.id, code="B4", title="Update on UASC", exempt=True),
        Report("rep", SRC, 30, 900, meeting=MEETING.id, subject="Placement Stability Report",
               by=["Peter Oakford, Cabinet Member"], decision_no="15/00067", summary="Stability improved."),
        Figure("f1", SRC, 30, 901, kind="money", text="£2m", value=2e6, unit="GBP", context="", meeting=MEETING.id),
        Acronym("ac", SRC, 2, 20, short="UASC", long="Unaccompanied Asylum Seeking Children"),
    ]


def test_documents_from_records():
    docs = {d.id: d for d in search_documents(_records(), {MEETING.id: MEETING})}
    # Exempt: the item after the motion ("the following item": only that one), and the agenda item.
    assert [i for i, d in docs.items() if d.exempt] == ["m104", "a2"]
    # A minute carries its resolutions' text, weighted above its body.
    assert docs["m106"].resolved == "the report be noted"
    assert docs["m106"].people == ["Segurola"]
    # A report finds its agenda item by title; its figures and decision number come along.
    assert docs["rep"].agenda_ref == "B2"
    assert docs["rep"].amounts == [2e6] and docs["rep"].decisions == ["15/00067"]
    assert docs["rep"].people == ["Oakford"]
    # The agenda item and its report are one piece of business.
    assert docs["rep"].group_num == docs["a1"].group_num
    # The file's acronyms make the glossary (merged by the store, handed to the index).
    glossary = merge_glossary(r for r in _records() if isinstance(r, Acronym))
    assert [[e.short, e.long] for e in glossary] == [["UASC", "Unaccompanied Asylum Seeking Children"]]


def test_a_motion_for_the_following_business_covers_the_run_of_items():
    records = _found()
    records[0].text = "Resolved that the press and public be excluded for the following business."
    mark_exempt(records)
    docs = {d.id: d for d in search_documents(records, {MEETING.id: MEETING})}
    # m104 ("1") is exempt; m105 has no agenda ref of that style, so the public part resumes.
    assert docs["m104"].exempt and not docs["m105"].exempt and not docs["m106"].exempt


# -- both engines -------------------------------------------------------------------

def test_tantivy_gives_the_same_answers(index):
    pytest.importorskip("tantivy")
    queries = ("UASC", "fostr carer survey", "minute 7", "14/00081", "kind:report", "date:2015",
               "amount:>1000000", "person:Ireland", "placements", "placements OR survey", "personal information")
    expected = {q: ids(index.search(q)) for q in queries}
    tantivy = SearchIndex(index.directory, engine="tantivy")
    assert not tantivy.exists()
    tantivy.rebuild(_docs())  # builds both (what `search --engine tantivy` does from the store)
    assert tantivy.exists()
    for q in queries:
        assert ids(tantivy.search(q)) == expected[q], q
    assert (tantivy.find("placements OR survey", facets=True).facets
            == index.find("placements OR survey", facets=True).facets)
    # Once built, every write goes to both.
    index.replace_source(WEB, [])
    hit = tantivy.search("personal information", include_exempt=True)[0]
    assert hit.id == "secret" and len(hit.sources) == 1
